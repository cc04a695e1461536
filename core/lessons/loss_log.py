"""The lecture's loss log: its five stages trained together, to the end, and the names they make up.

    from core import lessons
    les = lessons.lecture_stages(steps=20_000)
    les.table  # stage, init_loss, final_train, final_val, lecture_train, lecture_val, change_val

The stages are the lecture's fixes, one on top of the other: the original init; the softmax fix
(W2 * 0.01, b2 * 0); the tanh fix (W1 * 0.2, b1 * 0.01); Kaiming init (gain 5/3 / sqrt(fan_in));
BatchNorm after the first Linear. Same seed, minibatches and schedule for all: lr 0.1, then 0.01
from half-way (the lecture: 200,000 steps, 0.01 from step 100,000; shorter runs scale it).
Losses are on the whole train and val splits; BatchNorm is evaluated with its running
statistics, as the lecture does at the end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.config import BATCHNORM, FIXED_SOFTMAX, FIXED_TANH, KAIMING, NAIVE, MLPConfig, TrainConfig
from core.data import Dataset, names_dataset
from core.lessons import Compute, direct, expected_init_loss
from core.train import train_variants, variant_names

# stage id -> the lecture's preset, in the lecture's order
STAGES: tuple[tuple[str, MLPConfig], ...] = (
    ("original", NAIVE),
    ("fix_softmax", FIXED_SOFTMAX),
    ("fix_tanh", FIXED_TANH),
    ("kaiming", KAIMING),
    ("batchnorm", BATCHNORM),
)
# the lecture's published final (train, val) losses (design notes); fix_softmax to 2 decimals
LECTURE = {
    "original": (2.1245, 2.1682),
    "fix_softmax": (2.07, 2.13),
    "fix_tanh": (2.0356, 2.1027),
    "kaiming": (2.0377, 2.1070),
    "batchnorm": (2.0668, 2.1048),
}
LECTURE_STEPS = 200_000
QUICK_STEPS = 20_000  # a quick look: a tenth of the lecture, the same schedule scaled
STEP_CHOICES = (QUICK_STEPS, LECTURE_STEPS)
WINDOW = 1000  # the lecture's plot: log10 of the batch loss, averaged over windows of 1,000 steps
N_NAMES = 20  # names sampled from each trained stage (the lecture samples 20)
DEFAULTS = {"steps": QUICK_STEPS}


def train_config(steps: int) -> TrainConfig:
    """The lecture's schedule for `steps` steps: lr 0.1, then 0.01 from half-way; the whole
    splits evaluated at step 0 and at the end; N_NAMES names sampled at the end."""
    return TrainConfig(
        steps=steps,
        lr=0.1,
        lr_decay_step=steps // 2,
        lr_after=0.01,
        eval_every=steps,
        eval_examples=0,
        snapshot_steps=(),
        sample_names=N_NAMES,
    )


@dataclass(frozen=True)
class LectureStages:
    """The five stages after `steps` steps.

    table:   stage, init_loss (train split, step 0), final_train, final_val, lecture_train,
             lecture_val (the lecture's 200k-step figures), change_val (final_val minus the
             stage before's; NaN for the first)
    curves:  stage, step (a window's first step), log10_loss (mean log10 batch loss of the window)
    samples: stage, sample, name (ending in '.')
    diverged: stage id -> step, for a stage whose loss blew up (none does at the lecture's lr)
    """

    steps: int
    table: pd.DataFrame
    curves: pd.DataFrame
    samples: pd.DataFrame
    diverged: dict[str, int]
    expected_init: float  # -ln(1/V)
    best: str  # the stage with the lowest final val loss


def stage_configs(data: Dataset) -> tuple[MLPConfig, ...]:
    return tuple(c.with_(vocab_size=data.vocab.size, block_size=data.block_size) for _, c in STAGES)


def lecture_stages(data: Dataset | None = None, steps: int = QUICK_STEPS, compute: Compute = direct) -> LectureStages:
    """Train the lecture's five stages together for `steps` steps (one cached computation)."""
    data = names_dataset() if data is None else data
    steps = int(steps)
    if steps < 2:
        raise ValueError(f"the loss log needs at least 2 steps, got {steps}")
    cfgs = stage_configs(data)
    res = compute(train_variants, cfgs, train_config(steps), data)
    ids = dict(zip(variant_names(cfgs), (s for s, _ in STAGES)))
    order = [s for s, _ in STAGES]

    loss = res.loss.assign(stage=res.loss["variant"].map(ids))
    evals = loss[loss["split"] != "batch"].pivot_table(index="stage", columns=["split", "step"], values="loss")

    def ev(split: str, step: int) -> pd.Series:
        col = (split, step)
        return evals[col].reindex(order) if col in evals.columns else pd.Series(math.nan, index=order)

    table = pd.DataFrame(
        {
            "stage": order,
            "init_loss": ev("train", 0).to_numpy(),
            "final_train": ev("train", steps).to_numpy(),
            "final_val": ev("val", steps).to_numpy(),
            "lecture_train": [LECTURE[s][0] for s in order],
            "lecture_val": [LECTURE[s][1] for s in order],
        }
    )
    table["change_val"] = table["final_val"].diff()

    batch = loss[loss["split"] == "batch"]
    curves = (
        batch.assign(window=(batch["step"] // WINDOW) * WINDOW, log10_loss=np.log10(batch["loss"]))
        .groupby(["stage", "window"], sort=False)["log10_loss"]
        .mean()
        .reset_index()
        .rename(columns={"window": "step"})
    )
    curves["stage"] = pd.Categorical(curves["stage"], categories=order)
    curves = curves.sort_values(["stage", "step"]).reset_index(drop=True)
    curves["stage"] = curves["stage"].astype(str)

    samples = res.samples.assign(stage=res.samples["variant"].map(ids))[["stage", "sample", "name"]]
    diverged = {ids[v]: int(s) for v, s in res.diverged().items()}
    finite = table.dropna(subset=["final_val"])
    best = str(finite["stage"].iloc[int(np.argmin(finite["final_val"].to_numpy()))]) if len(finite) else order[0]
    return LectureStages(
        steps=steps,
        table=table,
        curves=curves,
        samples=samples.reset_index(drop=True),
        diverged=diverged,
        expected_init=expected_init_loss(data.vocab.size),
        best=best,
    )
