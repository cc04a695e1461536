"""Process-wide torch settings, set where the program starts (the app's pages, bench, tests).

Importing core changes nothing process-wide (a notebook keeps its own settings); call
``configure()`` for the app's settings, and so the app's exact numbers. It is idempotent and
cheap (each setter well under a microsecond), so every page run may call it.
Denormal flushing is a setting of the *calling thread*: every thread that trains calls it
(the pages' script threads, and the app's job-board workers through their initializer).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os

import torch

ARENAS = 2  # glibc malloc arenas at most (see limit_malloc_arenas)

THREADS_ENV = "ACTIVATIONS_TORCH_THREADS"


def configure() -> None:
    """One torch thread per op (or $ACTIVATIONS_TORCH_THREADS), denormals flushed, oneDNN off,
    few malloc arenas."""
    limit_malloc_arenas()
    # Our ops are tiny (batch 32), so per-op overhead dominates and extra threads mostly add
    # synchronisation; one thread per op also lets a server run one session per core.
    # (set_num_interop_threads is never called: it raises when called twice.)
    torch.set_num_threads(max(1, int(os.environ.get(THREADS_ENV, "1"))))
    # Saturated tanh nets produce denormal gradients, which are ~10x slower on x86.
    torch.set_flush_denormal(True)
    # oneDNN only changes which kernel runs GELU here (our matmuls go to MKL either way), and on
    # (32, 200) blocks its GELU costs ~60 us more per training step, forward plus backward, than
    # ATen's (measured, torch 2.13 CPU; the notebook loop in bench/ gains the same). Same formula,
    # results differ by ~1e-7. On large eval tensors ATen's GELU forward is ~1.5x slower.
    # the module's `enabled` is a ContextProp descriptor at runtime; torch's stubs see the descriptor
    torch.backends.mkldnn.enabled = False  # type: ignore[assignment]


@functools.cache
def limit_malloc_arenas(arenas: int = ARENAS) -> bool:
    """glibc gives each thread that allocates its own malloc arena, up to 8 per core, and
    freed memory stays in them: a server whose 30 session threads each briefly build tens of
    MB of frames peaked at 1.6 GB, and at 0.9 GB with 2 arenas (MALLOC_ARENA_MAX=2, measured).
    The same as that variable, set from inside: mallopt(M_ARENA_MAX). Arenas made before the
    call stay. False where there is no glibc (nothing changes)."""
    name = ctypes.util.find_library("c")
    if name is None or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        libc = ctypes.CDLL(name)
        return bool(libc.mallopt(-8, arenas))  # M_ARENA_MAX = -8 in glibc's malloc.h
    except (OSError, AttributeError):
        return False
