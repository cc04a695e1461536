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

import pandas as pd

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


@dataclass(frozen=True)
class BatchNormLesson:
    """probe: core.batchnorm.BNProbe of the chosen setting (its frames are documented there).

    sweep: gain, batchnorm (bool), final_train, final_val, diverged_at (Int64), update_ratio
           (log10 update:data of W1 over the last TAIL of the steps)
    """

    activation: str
    steps: int
    momentum: float
    batch_size: int
    probe: BNProbe
    sweep: pd.DataFrame
    b1_grad: float  # largest |dL/db1| over the recorded steps
    bnbias_grad: float  # largest |dL/dbnbias| over the same steps
    b1_wasted: bool  # b1's gradient is zero up to rounding
    expected_init: float
    jitter_at: pd.Series  # the jitter_summary row of the chosen batch size
    sweep_spread: dict[bool, float]  # final val loss, max - min over the gains, without/with BN


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
    )


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
    assert isinstance(jitter_at, pd.Series)  # one row per batch size
    return BatchNormLesson(
        activation=activation,
        steps=int(steps),
        momentum=float(momentum),
        batch_size=int(batch_size),
        probe=probe,
        sweep=sweep,
        b1_grad=b1,
        bnbias_grad=bb,
        b1_wasted=bool(bb > 0 and b1 / bb < ZERO_GRAD),
        expected_init=expected_init_loss(data.vocab.size),
        jitter_at=jitter_at,
        sweep_spread=spread,
    )
