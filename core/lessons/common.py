"""What every lesson shares: how its heavy calls run, and small helpers on results."""
from __future__ import annotations

import math
from typing import Any, Callable, Protocol, TypeVar

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
