"""Diagnostics of a training run, each a tidy DataFrame ready to chart.

They read the frames of core.train.TrainResult (or any frame with the same columns) and
never train anything themselves.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import cast

import numpy as np
import pandas as pd
import torch

from core import activations as A


def histogram(
    df: pd.DataFrame,
    value: str,
    by: Sequence[str] = ("variant",),
    bins: int = 50,
    value_range: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """Pre-binned histogram of df[value] per group, so charts ship bins, not raw points.

    Every group shares one set of bin edges (the range of all finite values, or
    value_range), so groups overlay cleanly. Columns: *by, bin_start, bin_end, count, fraction.
    """
    cols = [*by, "bin_start", "bin_end", "count", "fraction"]
    vals = df[value].to_numpy(dtype="float64")
    finite = np.isfinite(vals)
    if not finite.any():
        return pd.DataFrame(columns=cols)
    lo, hi = value_range if value_range is not None else (vals[finite].min(), vals[finite].max())
    if hi <= lo:  # a constant: give it a visible width
        lo, hi = lo - 0.5, hi + 0.5
    edges = np.linspace(lo, hi, bins + 1)
    out = []
    for key, grp in df.groupby(list(by), sort=False) if by else [((), df)]:
        v = grp[value].to_numpy(dtype="float64")
        v = np.clip(v[np.isfinite(v)], lo, hi)  # values outside the range land in the end bins
        counts, _ = np.histogram(v, bins=edges)
        part = pd.DataFrame({"bin_start": edges[:-1], "bin_end": edges[1:], "count": counts})
        part["fraction"] = counts / max(1, counts.sum())
        for name, k in zip(by, key if isinstance(key, tuple) else (key,)):
            part[name] = cast("str | float", k)  # a group's key value; pandas-stubs say Hashable
        out.append(part)
    return pd.concat(out, ignore_index=True)[cols]


def saturation_map(
    snapshots: pd.DataFrame,
    activation: str,
    params: Mapping[str, float] | None = None,
    threshold: float = 0.99,
) -> pd.DataFrame:
    """Which (example, neuron) pairs are inactive: |h| > threshold for tanh, the same gradient
    rule for other saturating functions, zero gradient for the ReLU family.

    Input: snapshot rows of ONE step and ONE variant. Columns: example, neuron, h, inactive.
    """
    pre = torch.tensor(snapshots["pre"].to_numpy(dtype="float32"))
    out = snapshots[["example", "neuron", "h"]].reset_index(drop=True).copy()
    if A.width_multiplier(activation, params) != 1:
        # not element-wise (maxout): snapshots hold the layer's output as `pre`; never inactive
        out["inactive"] = False
    else:
        out["inactive"] = A.inactive_mask(activation, pre, threshold=threshold, params=params).numpy()
    return out


def neuron_flags(sat_map: pd.DataFrame) -> pd.DataFrame:
    """Per neuron over the examples of a saturation map.

    Columns: neuron, inactive_frac, dead (inactive on every example of the batch).
    """
    g = sat_map.groupby("neuron", sort=True)["inactive"].mean().rename("inactive_frac").reset_index()
    g["dead"] = g["inactive_frac"] >= 1.0
    return g


def saturation_summary(sat_map: pd.DataFrame) -> dict[str, float]:
    """% of (example, neuron) pairs inactive, and neurons inactive for the whole batch."""
    flags = neuron_flags(sat_map)
    return {
        "pct_inactive": 100.0 * float(sat_map["inactive"].mean()),
        "dead_neurons": int(flags["dead"].sum()),
        "neurons": int(len(flags)),
    }


def dead_over_time(activity: pd.DataFrame) -> pd.DataFrame:
    """Dead neurons (inactive on every example of the activity set) per step and variant.

    Columns: step, variant, dead, neurons, dead_frac, pct_inactive.
    """
    if activity.empty:
        return pd.DataFrame(columns=["step", "variant", "dead", "neurons", "dead_frac", "pct_inactive"])
    a = activity.assign(is_dead=activity["inactive_frac"] >= 1.0)
    g = a.groupby(["step", "variant"], sort=False).agg(
        dead=("is_dead", "sum"), neurons=("neuron", "count"), pct_inactive=("inactive_frac", "mean")
    )
    g = g.reset_index()
    g["dead_frac"] = g["dead"] / g["neurons"]
    g["pct_inactive"] *= 100.0
    return g[["step", "variant", "dead", "neurons", "dead_frac", "pct_inactive"]]


def expected_init_loss(vocab_size: int) -> float:
    """-ln(1/V): the loss of a net that spreads probability evenly over V characters."""
    return -math.log(1.0 / vocab_size)


def init_loss(loss: pd.DataFrame, vocab_size: int) -> pd.DataFrame:
    """Step-0 loss per variant next to -ln(1/V).

    Uses the first minibatch loss ("batch" at step 0, what the lecture prints) and the
    whole-split "train" loss at step 0 when recorded.
    Columns: variant, batch_loss, train_loss, expected, excess (train_loss - expected).
    """
    s0 = loss[loss["step"] == 0].pivot_table(index="variant", columns="split", values="loss", sort=False)
    out = pd.DataFrame(
        {
            "variant": s0.index,
            "batch_loss": s0["batch"].to_numpy() if "batch" in s0 else np.nan,
            "train_loss": s0["train"].to_numpy() if "train" in s0 else np.nan,
        }
    )
    out["expected"] = expected_init_loss(vocab_size)
    out["excess"] = out["train_loss"] - out["expected"]
    return out


def softmax_table(logits: Sequence[float], target: int) -> pd.DataFrame:
    """Softmax of a few logits, and the loss -log p[target] ("confidently wrong" example).

    Columns: cls, logit, prob, is_target, loss (the same loss on every row).
    """
    t = torch.tensor([float(x) for x in logits], dtype=torch.float64)
    logp = torch.log_softmax(t, 0)
    return pd.DataFrame(
        {
            "cls": range(len(t)),
            "logit": t.numpy(),
            "prob": logp.exp().numpy(),
            "is_target": [i == target for i in range(len(t))],
            "loss": float(-logp[target]),
        }
    )


def update_ratio_summary(updates: pd.DataFrame, last: int = 100) -> pd.DataFrame:
    """Mean update:data ratio (log10) of each parameter over the last `last` steps.

    Columns: variant, param, ratio.  A healthy value is about -3 (Karpathy's rule of thumb).
    """
    if updates.empty:
        return pd.DataFrame(columns=["variant", "param", "ratio"])
    cutoff = updates["step"].max() - last
    recent = updates[updates["step"] > cutoff]
    out: pd.DataFrame = recent.groupby(["variant", "param"], sort=False)["ratio"].mean().reset_index()
    return out
