"""The BatchNorm lesson: what BN does to the pre-activations, how the batch couples examples,
training against inference statistics, the wasted bias, and init made less fragile.

    from core import lessons
    les = lessons.batchnorm("tanh", steps=2000)
    les.b1_grad, les.bnbias_grad        # ~1e-8 (zero up to rounding) against ~0.05
    les.sweep                           # gain, batchnorm, final_train, final_val, ...

Sections 1-4 read one net trained as the lecture writes it (core.batchnorm.bn_probe); section 5
trains the gains with and without BN together (core.train, stacked).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core import activations as A
from core.batchnorm import JITTER_SIZES, MOMENTUM, BNProbe, BNSetup, bn_probe
from core.config import BATCHNORM, KAIMING, MLPConfig, TrainConfig
from core.data import Dataset, names_dataset
from core.lessons import Compute, direct, expected_init_loss
from core.train import train_variants, variant_names

GAINS = (0.2, 0.5, 1.0, 5 / 3, 3.0, 5.0)  # init gains compared with and without BN (log scale)
SWEEP_STEPS = 2000  # steps of each net of the gain sweep
SWEEP_EVAL = 20_000  # examples of each split for its end-of-run losses
TAIL = 0.1  # share of the last steps averaged for the update:data ratio
MOMENTA = (0.001, 0.01, 0.1)  # the momentum choices (the lecture's first)
DEFAULT_ACTIVATION, DEFAULT_STEPS, DEFAULT_BATCH = "tanh", 2000, 32
ZERO_GRAD = 1e-5  # |grad b1| / |grad bnbias| under this is "zero up to rounding"
# b1's gradient against bnbias's, as the page's prediction asks it: (answer id, ratio below which
# it holds), in order; the first that holds is the answer
GRAD_ANSWERS = (("zero", ZERO_GRAD), ("tenth", 0.3), ("same", 3.0), ("larger", math.inf))
EXCLUDED = tuple(k for k in A.REGISTRY if A.width_multiplier(k) != 1)  # maxout: not one BN unit per neuron
STATS = ("batch", "running", "calibrated")  # the statistics BN normalises with, in the loss table
INFERENCE = "running"  # the statistics BN uses at inference on this page, as in the lecture
SPLITS = ("train", "val")
RUNNING_TOL = 0.01  # val loss, running against calibrated statistics: closer than this stands in for it
HIST_BINS = 48  # bins of the pre-activation histograms (shared by before and after BN, per phase)


@dataclass(frozen=True)
class BatchNormLesson:
    """probe: core.batchnorm.BNProbe of the chosen setting (its frames are documented there).

    hist:    phase, where, bin_start, bin_end, fraction (share of the phase's values of `where`
             in the bin), gauss (a unit Gaussian's share of the bin): the probe batch's
             pre-activations, binned; before and after BN share a phase's bins
    phases:  phase, before_std (mean over neurons), after_mean_max (largest |batch mean| after
             BN), after_std_min, after_std_max (per-neuron batch std after BN)
    running: step, neuron, stat ("mean" | "std"), running, calibrated: the TRACKED neurons'
             running statistics over the steps, next to the calibrated value
    sweep:   gain, batchnorm (bool), final_train, final_val, diverged_at (Int64), update_ratio
             (log10 update:data of W1 over the last TAIL of the steps)
    """

    activation: str
    steps: int
    momentum: float
    batch_size: int
    probe: BNProbe
    hist: pd.DataFrame
    phases: pd.DataFrame
    running: pd.DataFrame
    sweep: pd.DataFrame
    b1_grad: float  # largest |dL/db1| over the recorded steps
    bnbias_grad: float  # largest |dL/dbnbias| over the same steps
    b1_wasted: bool  # b1's gradient is zero up to rounding
    b1_answer: str  # the GRAD_ANSWERS id of b1's gradient against bnbias's
    expected_init: float
    jitter_at: pd.Series  # the jitter_summary row of the chosen batch size
    sweep_spread: dict[bool, float]  # final val loss, max - min over the gains, without/with BN
    sweep_diverged: int  # nets of the sweep that diverged (no final loss: left out of its charts)
    ratio_ends: tuple[float, float]  # with BN, W1's update_ratio at the smallest and the largest gain
    single_batch_finite: bool  # one example alone normalised by its own batch statistics is finite
    running_close: bool  # the running statistics' val loss is within RUNNING_TOL of the calibrated one's

    @property
    def loss(self) -> pd.Series:
        """The probe's final losses by (split, stats): loss["val", "running"]."""
        return self.probe.losses.set_index(["split", "stats"])["loss"]

    @property
    def loss_table(self) -> pd.DataFrame:
        """The final losses as the lecture compares them: a row per split (SPLITS), a column per
        statistics (STATS)."""
        return self.probe.losses.pivot(index="split", columns="stats", values="loss").loc[list(SPLITS), list(STATS)]


def _sweep_configs(activation: str, data: Dataset) -> tuple[MLPConfig, ...]:
    base = {"activation": activation, "vocab_size": data.vocab.size, "block_size": data.block_size}
    return tuple(p.with_(kaiming_gain=g, **base) for p in (KAIMING, BATCHNORM) for g in GAINS)


def sweep_config(steps: int = SWEEP_STEPS) -> TrainConfig:
    return TrainConfig(
        steps=steps,
        lr=0.1,
        lr_decay_step=steps,
        eval_examples=SWEEP_EVAL,
        snapshot_steps=(),
        record_updates=True,
        updates_from=int(steps * (1 - TAIL)),  # the ratio is read off the last steps only
    )


def _hist(pre: pd.DataFrame) -> pd.DataFrame:
    """The probe's pre-activations binned per phase (before and after BN on the same bins), with
    a unit Gaussian's share of each bin to compare."""
    parts = []
    finite = pre[np.isfinite(pre["value"])]  # a run that diverged may leave inf/NaN pre-activations
    for phase, g in finite.groupby("phase", sort=False):
        edges = np.linspace(float(g["value"].min()), float(g["value"].max()), HIST_BINS + 1)
        cdf = np.array([0.5 * (1 + math.erf(e / math.sqrt(2))) for e in edges])
        for where, w in g.groupby("where", sort=False):
            counts, _ = np.histogram(w["value"].to_numpy(), bins=edges)
            parts.append(
                pd.DataFrame(
                    {
                        "phase": phase,
                        "where": where,
                        "bin_start": edges[:-1],
                        "bin_end": edges[1:],
                        "fraction": counts / max(1, len(w)),
                        "gauss": np.diff(cdf),
                    }
                )
            )
    cols = ["phase", "where", "bin_start", "bin_end", "fraction", "gauss"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


def _phases(stats: pd.DataFrame) -> pd.DataFrame:
    return (
        stats.assign(after_mean_abs=stats["after_mean"].abs())
        .groupby("phase", sort=False)
        .agg(
            before_std=("before_std", "mean"),
            after_mean_max=("after_mean_abs", "max"),
            after_std_min=("after_std", "min"),
            after_std_max=("after_std", "max"),
        )
        .reset_index()
    )


def _running(probe: BNProbe) -> pd.DataFrame:
    """The tracked neurons' running mean and std, each next to its calibrated value."""

    def long(df: pd.DataFrame, ids: list[str], name: str) -> pd.DataFrame:
        return df.melt(id_vars=ids, value_vars=["mean", "std"], var_name="stat", value_name=name)

    cal = long(probe.calibrated, ["neuron"], "calibrated")
    return long(probe.running, ["step", "neuron"], "running").merge(cal, on=["neuron", "stat"], how="left")


def _b1_answer(b1: float, bnbias: float) -> str:
    ratio = 0.0 if b1 == 0 else b1 / bnbias if bnbias > 0 else math.inf
    return next((k for k, below in GRAD_ANSWERS if ratio < below), GRAD_ANSWERS[-1][0])  # inf: the last


def batchnorm(
    activation: str = DEFAULT_ACTIVATION,
    steps: int = DEFAULT_STEPS,
    momentum: float = MOMENTUM,
    batch_size: int = DEFAULT_BATCH,
    data: Dataset | None = None,
    compute: Compute = direct,
) -> BatchNormLesson:
    """The BatchNorm page's view: `batch_size` picks the highlighted size of the jitter chart."""
    data = names_dataset() if data is None else data
    if activation in EXCLUDED or activation not in A.REGISTRY:
        raise ValueError(f"activation {activation!r} is not offered with BatchNorm (excluded: {EXCLUDED})")
    if batch_size not in JITTER_SIZES:
        raise ValueError(f"batch_size must be one of {JITTER_SIZES}, got {batch_size}")
    setup = BNSetup(
        activation=activation,
        steps=int(steps),
        momentum=float(momentum),
        vocab_size=data.vocab.size,
        block_size=data.block_size,
    )
    probe = compute(bn_probe, setup, data)

    cfgs = _sweep_configs(activation, data)
    res = compute(train_variants, cfgs, sweep_config(), data)
    keys = dict(zip(variant_names(cfgs), ((c.kaiming_gain, c.batchnorm) for c in cfgs)))
    v = res.variants.assign(
        gain=res.variants["variant"].map(lambda n: keys[n][0]),
        batchnorm=res.variants["variant"].map(lambda n: keys[n][1]),
    )
    upd = res.updates
    tail = upd[(upd["param"] == "W1") & (upd["step"] >= SWEEP_STEPS * (1 - TAIL))]
    ratio = tail.groupby("variant")["ratio"].mean()
    sweep = pd.DataFrame(
        {
            "gain": v["gain"].astype(float),
            "batchnorm": v["batchnorm"].astype(bool),
            "final_train": v["final_train"],
            "final_val": v["final_val"],
            "diverged_at": v["diverged_at"],
            "update_ratio": v["variant"].map(ratio).astype(float),
        }
    ).reset_index(drop=True)
    with_bn = sweep[sweep["batchnorm"]].sort_values("gain")["update_ratio"]
    spread = {
        bn: float(
            sweep.loc[sweep["batchnorm"] == bn, "final_val"].max()
            - sweep.loc[sweep["batchnorm"] == bn, "final_val"].min()
        )
        for bn in (False, True)
    }

    g = probe.grads.groupby("param")["grad_abs_max"].max()
    b1, bb = float(g.get("b1", math.nan)), float(g.get("bnbias", math.nan))
    js = probe.jitter_summary.set_index("batch_size")
    jitter_at = js.loc[batch_size]
    loss = probe.losses.set_index(["split", "stats"])["loss"]
    assert isinstance(jitter_at, pd.Series)  # one row per batch size
    return BatchNormLesson(
        activation=activation,
        steps=int(steps),
        momentum=float(momentum),
        batch_size=int(batch_size),
        probe=probe,
        hist=_hist(probe.pre),
        phases=_phases(probe.neuron_stats),
        running=_running(probe),
        sweep=sweep,
        b1_grad=b1,
        bnbias_grad=bb,
        b1_wasted=bool(bb > 0 and b1 / bb < ZERO_GRAD),
        b1_answer=_b1_answer(b1, bb),
        expected_init=expected_init_loss(data.vocab.size),
        jitter_at=jitter_at,
        sweep_spread=spread,
        sweep_diverged=int(sweep["diverged_at"].notna().sum()),
        ratio_ends=(float(with_bn.iloc[0]), float(with_bn.iloc[-1])),
        single_batch_finite=probe.single_batch_finite,
        running_close=bool(abs(loss["val", "running"] - loss["val", "calibrated"]) < RUNNING_TOL),
    )
