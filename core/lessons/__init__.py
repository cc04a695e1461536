"""The lessons layer: one pure function per page of the app.

Each takes the page's settings as plain values (stable ids such as activation keys, never
display text) and a ``Dataset``, and returns a frozen result: the tidy DataFrames its charts
need and the page's summary numbers. The page only draws and translates. In a notebook:

    from core import lessons
    from core.data import names_dataset
    les = lessons.saturation("relu", 0.2, 0.01, 0.99, 1000, names_dataset())

Every lesson takes ``compute=`` (see ``common.Compute``): how its heavy calls run. The
default calls them directly; the app passes one that caches them server-wide. Called with
only ``data`` and ``compute``, a lesson computes its page's default view (warm start does).

One module per page, named after it (``tanh_saturation.py`` holds ``saturation``). This
package imports none of them while it loads, only when a name is first asked for (PEP 562):
a package that imports its own submodules while it loads deadlocked two server threads
importing at once, one through the package and one straight through a submodule
(``_DeadlockError ... _ModuleLock``). What the lessons share lives here, above them.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

R = TypeVar("R")


class Compute(Protocol):
    """How a lesson runs its heavy calls: ``compute(fn, *args)`` returns ``fn(*args)``.

    The heavy calls are core functions of frozen configs and a Dataset (``train_variants``,
    ``train_deep``, ``depth_profile``). A notebook uses ``direct``; the app passes one that
    computes each distinct call once for the whole server, with a progress bar.
    """

    def __call__(self, fn: Callable[..., R], /, *args: Any) -> R: ...


def direct(fn: Callable[..., R], /, *args: Any) -> R:
    """Call ``fn(*args)`` right here: the default ``compute`` of every lesson."""
    return fn(*args)


def expected_init_loss(vocab_size: int) -> float:
    """-ln(1/V) = ln V: the loss of a uniform guess over V characters (3.2958 for 27)."""
    return math.log(vocab_size)


# page id (ui/pages.py) -> (module, lesson function)
_PAGES = {
    "gallery": ("activation_gallery", "gallery"),
    "saturation": ("tanh_saturation", "saturation"),
    "dead": ("dead_neurons", "dead"),
    "loss": ("loss_at_init", "loss"),
    "deep": ("deep_network", "deep"),
    "loss_log": ("loss_log", "lecture_stages"),
    "batchnorm": ("batch_norm", "batchnorm"),
}
# other public names -> their module
_NAMES = {
    **{fn: module for module, fn in _PAGES.values()},
    "GalleryLesson": "activation_gallery",
    "SaturationLesson": "tanh_saturation",
    "DeadLesson": "dead_neurons",
    "LossLesson": "loss_at_init",
    "SoftmaxLesson": "loss_at_init",
    "softmax_by_hand": "loss_at_init",
    "DeepLesson": "deep_network",
    "LectureStages": "loss_log",
    "BatchNormLesson": "batch_norm",
}

__all__ = ["Compute", "direct", "expected_init_loss", "pages", *_NAMES]


def __getattr__(name: str) -> Any:
    if name not in _NAMES:
        raise AttributeError(f"module 'core.lessons' has no attribute {name!r}")
    return getattr(importlib.import_module(f"core.lessons.{_NAMES[name]}"), name)


def pages() -> dict[str, Callable[..., Any]]:
    """page id -> its lesson function, in menu order."""
    return {page: __getattr__(fn) for page, (_, fn) in _PAGES.items()}
