"""The "Loss at init" lesson: the expected -ln(1/V), the step-0 loss against the scale of W2
and the logits behind it, and the hockey stick of a naive init against the fixed one.

    from core import lessons
    les = lessons.loss("tanh", w2="0.01")
    les.chosen_batch_loss, les.logit_std    # 3.298 (the lecture: 3.32), 0.126

Two pure calculations train nothing: `expected_curve` (ln V against V) and `softmax_by_hand`
(the page's hand-made "confidently wrong" example).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core.config import FIXED_SOFTMAX, NAIVE, MLPConfig, TrainConfig
from core.data import Dataset, names_dataset
from core.diagnostics import histogram, init_loss, softmax_table
from core.lessons import Compute, direct, expected_init_loss
from core.train import train_variants, variant_names

SCALES = tuple(f"{10 ** (k / 4):.3g}" for k in range(-12, 1))  # W2 scales 0.001 ... 1, 4 per decade (tokens)
V_RANGE = (2, 100)  # vocabulary sizes of the expected-loss curve
EVAL_N = 4000  # training examples for the step-0 loss of the sweep
LOGIT_BINS = 40  # bins of the logits histogram
SMOOTH = 25  # steps in the rolling mean of the hockey stick
TAIL = 100  # steps averaged for the "end of run" numbers
HOCKEY = (("naive", NAIVE), ("fixed", FIXED_SOFTMAX))  # variant id -> the lecture's preset (W2, b2 scales)
CONFIDENT = 1.5  # a step-0 loss above this many times -ln(1/V) is "confidently wrong"
Z_DEFAULTS = (-12.0, 4.0, 9.0, 16.0)  # the hand-made logits: the target (class 0) gets the smallest

SWEEP_TRAIN = TrainConfig(steps=1, eval_every=1, eval_examples=EVAL_N, snapshot_steps=(0,))


def expected_curve(v_min: int = V_RANGE[0], v_max: int = V_RANGE[1]) -> pd.DataFrame:
    """ln V for every V in [v_min, v_max]. Columns: V, loss."""
    v = np.arange(v_min, v_max + 1)
    return pd.DataFrame({"V": v, "loss": np.log(v.astype(float))})


def _token(w2: str | float) -> str:
    """The SCALES token of a W2 scale given as a token or a number."""
    if isinstance(w2, str) and w2 in SCALES:
        return w2
    match = [s for s in SCALES if math.isclose(float(s), float(w2), rel_tol=1e-9)]
    if not match:
        raise ValueError(f"W2 scale {w2!r} is not one of {SCALES}")
    return match[0]


def _ids(cfgs: Sequence[MLPConfig], ids: Sequence[str]) -> dict[str, str]:
    """core.train's variant name -> our id, by position in the tuple that was trained."""
    return dict(zip(variant_names(cfgs), ids))


@dataclass(frozen=True, eq=False)
class LossLesson:
    """sweep:        w2 (token of SCALES), scale, loss (train split, EVAL_N examples, step 0),
                  batch_loss (the first minibatch at step 0); one row per scale not diverged
    logits:       bin_start, bin_end, count, fraction (the first minibatch's logits at the
                  chosen scale, LOGIT_BINS bins; empty if that network diverged)
    hockey:       step, variant ("naive" | "fixed"), loss (the step's minibatch), smooth
                  (rolling mean over SMOOTH steps); finite losses only
    hockey_stats: variant, start (loss at step 0), end (mean of the last TAIL steps)
    diverged / sweep_diverged: {variant id or W2 token: step} of the runs whose loss became NaN/inf"""

    activation: str
    b2_random: bool
    w2: str  # the chosen scale's token
    steps: int
    vocab_size: int
    expected: float  # -ln(1/V) of the data
    sweep: pd.DataFrame
    sweep_diverged: Mapping[str, int]
    chosen_loss: float | None  # the sweep's loss at the chosen scale (None: it diverged)
    chosen_batch_loss: float | None
    confidently_wrong: bool  # chosen_loss above CONFIDENT x expected: why the loss is what it is
    logits: pd.DataFrame
    logit_std: float | None
    logit_max: float | None  # max |logit|
    hockey: pd.DataFrame
    hockey_stats: pd.DataFrame
    diverged: Mapping[str, int]
    hockey_y_max: float | None  # the hockey chart's y range: 1.1 x the highest start

    @property
    def excess(self) -> float | None:
        """The chosen scale's step-0 loss above the uniform guess."""
        return None if self.chosen_loss is None else self.chosen_loss - self.expected

    def sweep_loss(self, w2: str | float, column: str = "loss") -> float:
        """The sweep's step-0 loss at one scale (NaN if that network diverged): on EVAL_N
        training examples, or with `column="batch_loss"` on the first minibatch (the one the
        hockey stick's step 0 is measured on)."""
        row = self.sweep[self.sweep["w2"] == _token(w2)]
        return float(row[column].iloc[0]) if len(row) else math.nan

    def stat(self, variant: str, which: str) -> float:
        """hockey_stats' `which` ("start" | "end") of one variant (NaN if it has no rows)."""
        row = self.hockey_stats[self.hockey_stats["variant"] == variant]
        return float(row[which].iloc[0]) if len(row) else math.nan


def loss(
    activation: str = "tanh",
    b2_random: bool = False,
    w2: str | float = "1",
    steps: int = 1000,
    data: Dataset | None = None,
    compute: Compute = direct,
) -> LossLesson:
    """Everything the Loss page shows for a hidden `activation` (registry key).

    The sweep builds 13 networks differing only in the W2 scale (b2 x 0, or x 1 with
    `b2_random`) and measures their loss before any step; `w2` picks the one whose first
    minibatch logits are shown. The hockey stick trains the naive and the fixed init
    (core.config NAIVE, FIXED_SOFTMAX) for `steps` SGD steps on the same minibatches.
    """
    data = names_dataset() if data is None else data
    chosen = _token(w2)
    V = data.vocab.size
    expected = expected_init_loss(V)
    shape = dict(activation=activation, vocab_size=V, block_size=data.block_size)

    # -- the sweep: steps=1, so its eval at step 0 (before any update) and the snapshot of step 0
    b2 = NAIVE.b2_scale if b2_random else FIXED_SOFTMAX.b2_scale
    cfgs = tuple(NAIVE.with_(**shape, w2_scale=float(s), b2_scale=b2) for s in SCALES)
    res = compute(train_variants, cfgs, SWEEP_TRAIN, data)
    ids = _ids(cfgs, SCALES)
    s0 = init_loss(res.loss, V).dropna(subset=["train_loss"])
    sweep = pd.DataFrame({"w2": s0["variant"].map(ids).to_numpy()})
    sweep["scale"] = sweep["w2"].astype(float)
    sweep["loss"] = s0["train_loss"].to_numpy()
    sweep["batch_loss"] = s0["batch_loss"].to_numpy()
    here = sweep[sweep["w2"] == chosen]
    chosen_loss = float(here["loss"].iloc[0]) if len(here) else None
    chosen_batch = float(here["batch_loss"].iloc[0]) if len(here) else None
    name = next(n for n, i in ids.items() if i == chosen)
    lg = res.logits[(res.logits["step"] == 0) & (res.logits["variant"] == name)]
    binned = histogram(lg, "logit", by=(), bins=LOGIT_BINS)
    lg_std = float(lg["logit"].std()) if len(lg) else None
    lg_max = float(lg["logit"].abs().max()) if len(lg) else None

    # -- the hockey stick: naive and fixed, same seed and minibatches
    pair = tuple(preset.with_(**shape) for _, preset in HOCKEY)
    hres = compute(train_variants, pair, TrainConfig(steps=int(steps), eval_examples=1000, snapshot_steps=()), data)
    hids = _ids(pair, [v for v, _ in HOCKEY])
    curve = hres.loss[hres.loss["split"] == "batch"]  # per variant in step order, naive first
    curve = pd.DataFrame(
        {
            "step": curve["step"].to_numpy(),
            "variant": curve["variant"].map(hids).to_numpy(),
            "loss": curve["loss"].to_numpy(),
        }
    )
    curve["smooth"] = curve.groupby("variant", sort=False)["loss"].transform(
        lambda s: s.rolling(SMOOTH, min_periods=1).mean()
    )
    curve = curve[np.isfinite(curve["loss"])].reset_index(drop=True)
    stat_rows = [
        (v, float(part["loss"].iloc[0]), float(part["loss"].tail(TAIL).mean()))
        for v, _ in HOCKEY
        if len(part := curve[curve["variant"] == v])
    ]
    stats = pd.DataFrame(stat_rows, columns=["variant", "start", "end"])

    return LossLesson(
        activation=activation,
        b2_random=bool(b2_random),
        w2=chosen,
        steps=int(steps),
        vocab_size=V,
        expected=expected,
        sweep=sweep,
        sweep_diverged={ids[n]: int(s) for n, s in res.diverged().items()},
        chosen_loss=chosen_loss,
        chosen_batch_loss=chosen_batch,
        confidently_wrong=chosen_loss is not None and chosen_loss > CONFIDENT * expected,
        logits=binned,
        logit_std=lg_std,
        logit_max=lg_max,
        hockey=curve,
        hockey_stats=stats,
        diverged={hids[n]: int(s) for n, s in hres.diverged().items()},
        hockey_y_max=1.1 * float(stats["start"].max()) if len(stats) else None,
    )


def _defaults(fn: Callable[..., object]) -> dict[str, Any]:
    return {k: p.default for k, p in inspect.signature(fn).parameters.items() if k not in ("data", "compute")}


DEFAULTS = _defaults(loss)  # the page's default view; its controls start from these


@dataclass(frozen=True, eq=False)
class SoftmaxLesson:
    """table: cls, logit, prob, is_target (one row per class)"""

    table: pd.DataFrame
    target: int
    loss: float  # -ln p[target]
    p_target: float
    uniform: float  # ln(number of classes): the loss when all logits are equal


def softmax_by_hand(logits: Sequence[float] = Z_DEFAULTS, target: int = 0) -> SoftmaxLesson:
    """Softmax of a few hand-made logits and the loss -ln p[target] ("confidently wrong")."""
    sm = softmax_table(logits, target)
    return SoftmaxLesson(
        table=sm.drop(columns="loss"),
        target=int(target),
        loss=float(sm["loss"].iloc[0]),
        p_target=float(sm["prob"].iloc[target]),
        uniform=expected_init_loss(len(sm)),
    )


SOFTMAX_DEFAULTS = _defaults(softmax_by_hand)  # {"logits": Z_DEFAULTS, "target": 0}
