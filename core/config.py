"""Frozen configs: hashable, compared by content, and used as cache keys by the app."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class MLPConfig:
    """The lecture's MLP: embedding -> Linear -> [BatchNorm] -> activation -> Linear."""

    activation: str = "tanh"  # a key of core.activations.REGISTRY
    act_params: tuple[tuple[str, float], ...] = ()  # overrides of the activation's defaults
    n_embd: int = 10  # embedding size per character
    n_hidden: int = 200  # hidden units
    block_size: int = 3  # characters of context
    vocab_size: int = 27  # '.' + a-z for the names data
    w1_scale: float = 1.0  # W1 = randn * w1_scale (ignored when kaiming_gain is set)
    b1_scale: float = 1.0  # b1 = randn * b1_scale
    w2_scale: float = 1.0  # W2 = randn * w2_scale (lecture's fix: 0.01)
    b2_scale: float = 1.0  # b2 = randn * b2_scale (lecture's fix: 0)
    kaiming_gain: float | None = None  # if set, W1 = randn * gain / sqrt(fan_in)
    batchnorm: bool = False  # BatchNorm after the first Linear (b1 then has no effect)

    @property
    def fan_in(self) -> int:
        return self.n_embd * self.block_size

    @property
    def w1_effective_scale(self) -> float:
        if self.kaiming_gain is not None:
            return self.kaiming_gain / math.sqrt(self.fan_in)
        return self.w1_scale

    def params_dict(self) -> dict[str, float]:
        return dict(self.act_params)

    def with_(self, **changes: Any) -> MLPConfig:
        return replace(self, **changes)


# The lecture's stages, ready to use.
NAIVE = MLPConfig()
FIXED_SOFTMAX = MLPConfig(w2_scale=0.01, b2_scale=0.0)
FIXED_TANH = MLPConfig(w1_scale=0.2, b1_scale=0.01, w2_scale=0.01, b2_scale=0.0)
KAIMING = MLPConfig(kaiming_gain=5 / 3, b1_scale=0.01, w2_scale=0.01, b2_scale=0.0)
BATCHNORM = MLPConfig(kaiming_gain=5 / 3, b1_scale=0.01, w2_scale=0.01, b2_scale=0.0, batchnorm=True)


@dataclass(frozen=True)
class TrainConfig:
    """SGD with the lecture's step schedule, plus what to record along the way."""

    steps: int = 200_000  # optimisation steps
    batch_size: int = 32  # examples per step
    lr: float = 0.1  # learning rate before the decay step
    lr_decay_step: int = 100_000  # from this step on ...
    lr_after: float = 0.01  # ... the learning rate is this
    seed: int = 2147483647  # the lecture's generator seed; init and batches come from it
    eval_every: int = 0  # train/val loss every N steps from step 0 (0: only after the last step)
    eval_examples: int = 0  # examples of each split for those losses (0: the whole split)
    snapshot_steps: tuple[int, ...] = (0,)  # steps whose probe batch is recorded raw
    activity_every: int = 0  # dead/saturated stats every N steps, plus start and end (0: never)
    activity_examples: int = 0  # examples of the train split for those stats (0: the whole split)
    record_updates: bool = False  # record the update:data ratio of each parameter every step ...
    updates_from: int = 0  # ... from this step on (the steps before take the fused, faster path)
    sample_names: int = 0  # names sampled from each trained variant at the end (core.sample)

    def lr_at(self, step: int) -> float:
        return self.lr if step < self.lr_decay_step else self.lr_after


@dataclass(frozen=True)
class DataConfig:
    """Which words, and how they become (context, next char) examples."""

    source: str = "names"  # "names" = assets/names.txt; else a content hash of an upload
    block_size: int = 3  # context length
    split_seed: int = 42  # shuffle seed for the 80/10/10 split (the lecture's)


__all__ = [
    "MLPConfig",
    "TrainConfig",
    "DataConfig",
    "NAIVE",
    "FIXED_SOFTMAX",
    "FIXED_TANH",
    "KAIMING",
    "BATCHNORM",
]
