"""Process-wide torch settings, set where the program starts (the app's pages, bench, tests).

Importing core changes nothing process-wide (a notebook keeps its own settings); call
``configure()`` for the app's settings, and so the app's exact numbers. It is idempotent and
cheap (each setter well under a microsecond), so every page run may call it.
Denormal flushing is a setting of the *calling thread*: every thread that trains calls it
(the pages' script threads, and the app's job-board workers through their initializer).
"""

from __future__ import annotations

import os

import torch

THREADS_ENV = "ACTIVATIONS_TORCH_THREADS"


def configure() -> None:
    """One torch thread per op (or $ACTIVATIONS_TORCH_THREADS), denormals flushed, oneDNN off."""
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
