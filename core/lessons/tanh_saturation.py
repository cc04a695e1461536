"""Tanh saturation: the lecture's MLP on one minibatch, your W1 / b1 against the lecture's three.

    from core import lessons
    les = lessons.saturation("relu", 0.2, 0.01, 0.99, 1000)
    les.summary.pct_inactive, les.compare

Four variants train together on the same minibatches (W2 x 0.01, b2 = 0, lr 0.1, the
lecture's seed): "yours" (the page's W1 / b1), "before" (the lecture before the fix, W1 x 1,
b1 x 1), "fix" (W1 x 0.2, b1 x 0.01) and "kaiming" (W1 x gain / sqrt(fan_in), b1 x 0.01).
The threshold is post-processing only: it is in no config, so changing it never retrains.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch

from core import activations as A
from core import diagnostics as D
from core.config import FIXED_SOFTMAX, FIXED_TANH, KAIMING, NAIVE, MLPConfig, TrainConfig
from core.data import Dataset, names_dataset
from core.lessons import Compute, direct
from core.train import train_variants, variant_names

VARIANTS = ("yours", "before", "fix", "kaiming")  # stable ids, in training order
KINDS = ("tanh", "saturating", "zero", "leaky", "never")  # what "inactive" means (see inactive_kind)
THRESHOLD_KINDS = ("tanh", "saturating")  # the kinds whose inactive units depend on the threshold
FAN_IN = MLPConfig().fan_in  # n_embd * block_size = 30 on the names data
LR = 0.1
HIST_BINS = {"pre": 50, "h": 50, "local": 40}  # bins of each histogram the page draws
HIST_COLS = ("value", "inactive", "bin_start", "bin_end", "count", "fraction")
LOSS_POINTS = 100  # windows of the loss curve at most
NEGATIVE_PROBES = (-4.0, -2.0, -1.0, -0.5, -0.1)  # where a "zero" activation's slope is exactly 0


def inactive_kind(activation: str) -> str:
    """Which rule marks a unit inactive, read from the registry entry (default parameters):

    - "tanh": the lecture's |h| > threshold (tanh itself);
    - "saturating": the same rule on the slope, f' < (1 - threshold^2) max f' (flat at both ends);
    - "zero": f' = 0 exactly, and it is 0 for every negative x (ReLU: a flat half);
    - "leaky": f' = 0 exactly, but the slope is not 0 for negative x (Leaky ReLU, ELU, GELU ...),
      so hardly any unit ever is;
    - "never": maxout, which always passes the gradient to its winning piece.
    Only the first two use the threshold (THRESHOLD_KINDS).
    """
    spec = A.get(activation)
    if spec.width_multiplier is not None:
        return "never"
    if spec.saturating:
        return "tanh" if activation == "tanh" else "saturating"
    slope = A.derivative(activation, torch.tensor(NEGATIVE_PROBES))
    return "zero" if bool((slope == 0).all()) else "leaky"


def threshold_applies(activation: str) -> bool:
    """Does the saturation threshold change which units of `activation` count as inactive?"""
    return inactive_kind(activation) in THRESHOLD_KINDS


def kaiming_w1(activation: str, fan_in: int = FAN_IN) -> float:
    """gain / sqrt(fan_in) for this activation, rounded to the W1 slider's step (0.304 for tanh)."""
    return round(A.gain_for(activation) / math.sqrt(fan_in), 3)


def presets(activation: str, fan_in: int = FAN_IN) -> dict[str, tuple[float, float]]:
    """The lecture's three settings as (W1 scale, b1 scale): "before", "fix", "kaiming"."""
    return {
        "before": (NAIVE.w1_scale, NAIVE.b1_scale),
        "fix": (FIXED_TANH.w1_scale, FIXED_TANH.b1_scale),
        "kaiming": (kaiming_w1(activation, fan_in), KAIMING.b1_scale),
    }


def local_gradient(activation: str, pre: np.ndarray, params: Mapping[str, float] | None = None) -> np.ndarray:
    """f'(x) at each pre-activation: how much of dL/dh gets through to dL/dx (tanh: 1 - h^2).

    Maxout's snapshot holds the winning piece, and the gradient reaches it unchanged: f' = 1.
    """
    if A.get(activation).width_multiplier is not None:
        return np.ones_like(pre, dtype="float64")
    return A.derivative(activation, np.array(pre, dtype="float32"), params).numpy().astype("float64")


def snapshot_frame(
    snap: pd.DataFrame, activation: str, params: Mapping[str, float] | None, threshold: float
) -> pd.DataFrame:
    """The snapshot of ONE step and ONE variant, with what the page shows about each unit.

    Columns: example, neuron, pre (x), h, grad (dL/dh), local (f'(x)), dx (dL/dx = f'(x) dL/dh),
    inactive (bool, core.diagnostics.saturation_map).
    """
    sat = D.saturation_map(snap, activation, params, threshold)
    out = sat.assign(pre=snap["pre"].to_numpy(), grad=snap["grad"].to_numpy())
    out["local"] = local_gradient(activation, out["pre"].to_numpy(), params)
    out["dx"] = out["local"] * out["grad"]
    return out[["example", "neuron", "pre", "h", "grad", "local", "dx", "inactive"]]


def loss_windows(loss: pd.DataFrame, last_step: int, points: int = LOSS_POINTS) -> pd.DataFrame:
    """Minibatch loss per variant up to `last_step`, averaged over windows of steps (it is noisy).

    Columns: variant, window (first step of the window), loss. Rows after a divergence are gone.
    """
    d = loss[(loss["split"] == "batch") & (loss["step"] <= last_step)].copy()
    width = max(1, (last_step + 1) // points)
    d["window"] = (d["step"] // width) * width
    return d.groupby(["variant", "window"], sort=False)["loss"].mean().reset_index()


@dataclass(frozen=True)
class Summary:
    """The page's metrics, on your setting's minibatch."""

    pct_inactive: float  # % of (example, unit) pairs inactive
    dead_neurons: int  # units inactive on every example of the batch
    neurons: int  # units in all
    mean_local: float  # mean f'(x)
    mean_abs_dx: float  # mean |dL/dx|
    pre_std: float  # std of the pre-activations x


@dataclass(frozen=True, eq=False)
class SaturationLesson:
    """What the Tanh saturation page shows. Variant ids: VARIANTS.

    settings:   variant, w1, b1                      (the four settings trained, in order)
    snapshot:   variant, example, neuron, pre, h, grad, local, dx, inactive
                (the minibatch of step `steps`, for every variant that reached it)
    compare:    variant, w1, b1, pct, dead           (the variants that reached the snapshot)
    hist:       value ("pre" | "h" | "local"), inactive, bin_start, bin_end, count, fraction
                (your setting only; empty when it diverged before the snapshot)
    loss:       step, variant, split, loss           (core.train's loss frame)
    loss_curve: variant, window, loss                (batch loss averaged over windows)
    """

    activation: str
    w1: float
    b1: float
    threshold: float
    steps: int
    kind: str  # inactive_kind(activation)
    settings: pd.DataFrame
    snapshot: pd.DataFrame
    compare: pd.DataFrame
    hist: pd.DataFrame
    loss: pd.DataFrame
    loss_curve: pd.DataFrame
    summary: Summary | None  # None when your setting diverged before the snapshot
    diverged: Mapping[str, int]  # {variant id: step its loss became NaN/inf}
    yours_diverged: bool  # your setting diverged at or before the snapshot: only the loss is shown
    fan_in: int
    kaiming_gain: float  # gain of the activation (the "kaiming" setting's W1 = gain / sqrt(fan_in))
    x_threshold: float  # atanh(threshold): where tanh(x) = threshold
    slope_fraction: float  # 1 - threshold^2: the "saturating" rule's share of max f'
    pre_rules: tuple[float, ...]  # dashed lines of the x histogram (tanh: +-x_threshold)
    h_rules: tuple[float, ...]  # dashed lines of the h histogram (tanh: +-threshold)
    local_rules: tuple[float, ...]  # the mean local gradient

    @property
    def yours(self) -> pd.DataFrame:
        """Your setting's snapshot rows (empty when it diverged before the snapshot)."""
        return self.snapshot[self.snapshot["variant"] == "yours"].drop(columns="variant").reset_index(drop=True)

    @property
    def compare_complete(self) -> bool:
        """Did all four settings reach the snapshot?"""
        return len(self.compare) == len(VARIANTS)

    def hist_of(self, value: str) -> pd.DataFrame:
        """The bins of one histogram: inactive, bin_start, bin_end, count, fraction."""
        return self.hist[self.hist["value"] == value].drop(columns="value").reset_index(drop=True)


def _hist(me: pd.DataFrame, activation: str) -> pd.DataFrame:
    lo, hi = A.get(activation).output_range
    h_range = (lo, hi) if math.isfinite(lo) and math.isfinite(hi) else None
    parts = [
        D.histogram(me, v, by=("inactive",), bins=HIST_BINS[v], value_range=h_range if v == "h" else None).assign(
            value=v
        )
        for v in HIST_BINS
    ]
    return pd.concat(parts, ignore_index=True)[list(HIST_COLS)]


def saturation(
    activation: str = "tanh",
    w1: float = 1.0,
    b1: float = 1.0,
    threshold: float = 0.99,
    steps: int = 0,
    data: Dataset | None = None,
    compute: Compute = direct,
) -> SaturationLesson:
    """Train your W1 / b1 scales and the lecture's three together, and look at the hidden layer
    on the minibatch of step `steps` (0 = at init): which units are inactive, by `threshold`."""
    data = names_dataset() if data is None else data
    kind = inactive_kind(activation)
    base = FIXED_SOFTMAX.with_(activation=activation, vocab_size=data.vocab.size, block_size=data.block_size)
    pre = presets(activation, base.fan_in)
    scales = {"yours": (float(w1), float(b1)), **{k: (float(a), float(b)) for k, (a, b) in pre.items()}}
    cfgs = tuple(base.with_(w1_scale=scales[v][0], b1_scale=scales[v][1]) for v in VARIANTS)
    # A snapshot is the minibatch of a training step, taken before that step's update: the one of
    # step N shows the net after N updates, so train N + 1 steps (1 for "at init"). The page shows
    # no train/val loss, so the end-of-run evaluation gets 1 example instead of the whole split.
    tcfg = TrainConfig(steps=steps + 1, lr=LR, snapshot_steps=(steps,), eval_examples=1)
    result = compute(train_variants, cfgs, tcfg, data)

    ids = dict(zip(variant_names(cfgs), VARIANTS))  # core's names ("tanh #2") -> our ids
    diverged = {ids[v]: int(s) for v, s in result.diverged().items()}
    yours_diverged = "yours" in diverged and diverged["yours"] <= steps

    params = A.resolve_params(activation)
    snap = result.snapshots[result.snapshots["step"] == steps]
    frames = {
        ids[str(v)]: snapshot_frame(g, activation, params, threshold) for v, g in snap.groupby("variant", sort=False)
    }
    frames = {v: frames[v] for v in VARIANTS if v in frames and not (v == "yours" and yours_diverged)}
    cols = ["variant", "example", "neuron", "pre", "h", "grad", "local", "dx", "inactive"]
    snapshot = (
        pd.concat([f.assign(variant=v) for v, f in frames.items()], ignore_index=True)[cols]
        if frames
        else pd.DataFrame(columns=cols)
    )

    rows = []
    for v, f in frames.items():
        s = D.saturation_summary(f)
        rows.append(
            {"variant": v, "w1": scales[v][0], "b1": scales[v][1], "pct": s["pct_inactive"], "dead": s["dead_neurons"]}
        )
    compare = pd.DataFrame(rows, columns=["variant", "w1", "b1", "pct", "dead"])

    summary: Summary | None = None
    hist = pd.DataFrame(columns=list(HIST_COLS))
    local_rules: tuple[float, ...] = ()
    if "yours" in frames:
        me = frames["yours"]
        s = D.saturation_summary(me)
        summary = Summary(
            pct_inactive=s["pct_inactive"],
            dead_neurons=int(s["dead_neurons"]),  # saturation_summary's ints, typed as its dict's floats
            neurons=int(s["neurons"]),
            mean_local=float(me["local"].mean()),
            mean_abs_dx=float(me["dx"].abs().mean()),
            pre_std=float(me["pre"].std()),
        )
        hist = _hist(me, activation)
        local_rules = (summary.mean_local,)

    loss = result.loss.assign(variant=result.loss["variant"].map(ids))
    x_thr = math.atanh(threshold) if threshold < 1 else math.inf
    return SaturationLesson(
        activation=activation,
        w1=float(w1),
        b1=float(b1),
        threshold=float(threshold),
        steps=int(steps),
        kind=kind,
        settings=pd.DataFrame([{"variant": v, "w1": scales[v][0], "b1": scales[v][1]} for v in VARIANTS]),
        snapshot=snapshot,
        compare=compare,
        hist=hist,
        loss=loss,
        loss_curve=loss_windows(loss, steps),
        summary=summary,
        diverged=diverged,
        yours_diverged=yours_diverged,
        fan_in=base.fan_in,
        kaiming_gain=A.gain_for(activation),
        x_threshold=x_thr,
        slope_fraction=1 - threshold * threshold,
        pre_rules=(-x_thr, x_thr) if kind == "tanh" else (),
        h_rules=(-threshold, threshold) if kind == "tanh" else (),
        local_rules=local_rules,
    )


# The page's default view: its controls start here (and warm start computes exactly this).
DEFAULTS = {k: p.default for k, p in inspect.signature(saturation).parameters.items() if k not in ("data", "compute")}
