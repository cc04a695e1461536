"""The "Dead neurons" lesson: several activations train together; count the hidden units that
pass no gradient on any example, over training, at the end, and against the final loss.

    from core import lessons
    les = lessons.dead(("relu", "leaky_relu"), lr=1.5, steps=300)
    les.table        # dead at start / end, final losses, diverged step per activation
    les.most_dead    # ("relu",): the prediction's answer
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypedDict

import pandas as pd

from core.config import FIXED_SOFTMAX, FIXED_TANH, MLPConfig, TrainConfig
from core.data import Dataset, names_dataset
from core.diagnostics import dead_over_time
from core.lessons import Compute, direct
from core.train import train_variants, variant_names

ACT_EXAMPLES = 5_000  # first training examples on which "dead" is measured (keeps the cold render fast)
EVAL_EXAMPLES = 25_000  # examples of each split for the final losses (the whole train split costs 4x the training)
CHECKS = 10  # activity checkpoints per run (plus step 0)
DEAD_FRAC = 1.0  # dead = inactive on this share of the examples, all (core.diagnostics.dead_over_time's rule)
WHITE = 0.05  # a unit inactive on at most this share of the examples is drawn (almost) white on the map
HEALTHY_LR = 0.1  # the lecture's learning rate: at the defaults' init nothing dies (the page's one-click cure)


class Defaults(TypedDict):
    """The settings of ``dead`` that the page's controls set, by parameter name."""

    activations: tuple[str, ...]
    lr: float
    w1: float
    b1: float
    steps: int
    batchnorm: bool


# The page's default view (its controls take their defaults from here): the lesson visible at
# once. At lr 1 (ten times the lecture's) ReLU loses units while Leaky ReLU, tanh and ELU lose
# none and none diverges (names data, 1000 steps: ReLU 0 -> 11 dead, the others 0); at
# HEALTHY_LR nothing dies. Same cost as at 0.1 (4 nets x 1000 steps).
DEFAULTS = Defaults(
    activations=("relu", "leaky_relu", "tanh", "elu"),
    lr=1.0,
    w1=FIXED_TANH.w1_scale,
    b1=1.0,
    steps=1000,
    batchnorm=False,
)


@dataclass(frozen=True, eq=False)
class DeadLesson:
    """What the page shows. Every frame names a variant by its activation key (``activation``).

    over_time: step, activation, dead (units inactive on every example), pct_inactive (% of
               (example, unit) pairs with no gradient); one row per checkpoint up to divergence
    final_map: activation, neuron, inactive_frac (0..1), dead (bool): the last step, only the
               activations that finished
    table:     activation, dead_start, dead_end (Int64, <NA> if diverged), pct_inactive (end;
               NaN if diverged), final_train, final_val (NaN if diverged), diverged_at (Int64, <NA>)
    """

    activations: tuple[str, ...]  # the variants, in the order asked
    over_time: pd.DataFrame
    final_map: pd.DataFrame
    table: pd.DataFrame
    diverged: Mapping[str, int]  # {activation: first step whose loss was NaN/inf}
    most_dead: tuple[str, ...]  # the prediction's answer: the finished activations with the most
    most_dead_count: int  # dead units at the end (empty, and 0, when none has any)
    same_unit: tuple[str, str, int] | None  # (dead in, white in, neuron): one map column where the
    # activation alone decided a unit's fate (None: no finished pair shows it)
    any_dead: bool  # some unit of some activation was dead at some checkpoint
    steps: int
    every: int  # steps between checkpoints
    checkpoints: int  # checkpoints in all (step 0 and the last step included)
    act_examples: int  # examples on which dead units are counted
    eval_train: int  # examples of each split for the final losses
    eval_val: int
    n_hidden: int
    n_embd: int
    fan_in: int
    vocab_size: int


def same_unit(final_map: pd.DataFrame, order: Sequence[str]) -> tuple[str, str, int] | None:
    """The first unit that is dead under one activation and (almost) white under another, with
    both names, in `order`: (dead in, white in, neuron). Every net starts from the same weights,
    so a map column is one unit under each activation. None when no pair of drawn rows shows it."""
    frac = final_map.pivot(index="neuron", columns="activation", values="inactive_frac")
    rows = [k for k in order if k in frac.columns]
    for d in rows:
        for a in rows:
            both = frac.index[(frac[d] >= DEAD_FRAC) & (frac[a] <= WHITE)]
            if a != d and len(both):
                return d, a, int(both[0])
    return None


def checkpoint_every(steps: int) -> int:
    return max(1, steps // CHECKS)


def configs(activations: Sequence[str], w1: float, b1: float, batchnorm: bool, data: Dataset) -> tuple[MLPConfig, ...]:
    """One config per activation: the lecture's softmax fix (W2 x 0.01, b2 = 0), W1 and b1 as given."""
    return tuple(
        FIXED_SOFTMAX.with_(
            activation=k,
            w1_scale=w1,
            b1_scale=b1,
            batchnorm=batchnorm,
            vocab_size=data.vocab.size,
            block_size=data.block_size,
        )
        for k in activations
    )


def train_config(lr: float, steps: int) -> TrainConfig:
    """Constant lr (no decay within the page's budget), activity at CHECKS checkpoints."""
    return TrainConfig(
        steps=steps,
        lr=lr,
        activity_every=checkpoint_every(steps),
        activity_examples=ACT_EXAMPLES,
        snapshot_steps=(),
        eval_examples=EVAL_EXAMPLES,
    )


def dead(
    activations: Sequence[str] = DEFAULTS["activations"],
    lr: float = DEFAULTS["lr"],
    w1: float = DEFAULTS["w1"],
    b1: float = DEFAULTS["b1"],
    steps: int = DEFAULTS["steps"],
    batchnorm: bool = DEFAULTS["batchnorm"],
    data: Dataset | None = None,
    compute: Compute = direct,
) -> DeadLesson:
    """Train one MLP per activation (same init, minibatches and lr) and count its dead units.

    A unit is dead when it is inactive (zero gradient for the ReLU family, saturated for tanh
    and the like) on every one of the first ACT_EXAMPLES training examples. The frames' columns
    are in DeadLesson's docstring; a diverged activation is in ``diverged`` with its step.
    """
    acts = tuple(activations)
    if not acts:
        raise ValueError("dead needs at least one activation")
    if len(set(acts)) != len(acts):
        raise ValueError(f"activations repeat: {acts}")  # each variant is named by its key
    data = names_dataset() if data is None else data
    lr, steps = float(lr), int(steps)
    cfgs = configs(acts, w1, b1, batchnorm, data)
    res = compute(train_variants, cfgs, train_config(lr, steps), data)
    key_of = dict(zip(variant_names(cfgs), acts))  # train's names -> our ids, by position

    diverged = {key_of[v]: int(s) for v, s in res.diverged().items()}
    dot = dead_over_time(res.activity)
    over_time = pd.DataFrame(
        {
            "step": dot["step"].astype("int64").to_numpy(),
            "activation": dot["variant"].map(key_of).to_numpy(),
            "dead": dot["dead"].astype("int64").to_numpy(),
            "pct_inactive": dot["pct_inactive"].astype("float64").to_numpy(),
        }
    )

    # a diverged run keeps only its rows before divergence: none at the last step
    a = res.activity[res.activity["step"] == steps]
    final_map = pd.DataFrame(
        {
            "activation": a["variant"].map(key_of).to_numpy(),
            "neuron": a["neuron"].astype("int64").to_numpy(),
            "inactive_frac": a["inactive_frac"].astype("float64").to_numpy(),
            "dead": (a["inactive_frac"] >= DEAD_FRAC).to_numpy(),
        }
    )

    def at(step: int) -> pd.DataFrame:
        return over_time[over_time["step"] == step].set_index("activation").reindex(list(acts))

    start, end = at(0), at(steps)
    fin = res.variants.assign(activation=res.variants["variant"].map(key_of)).set_index("activation")
    table = pd.DataFrame(
        {
            "activation": acts,
            "dead_start": start["dead"].astype("Int64").array,
            "dead_end": end["dead"].astype("Int64").array,
            "pct_inactive": end["pct_inactive"].to_numpy(dtype="float64"),
            "final_train": fin["final_train"].reindex(list(acts)).to_numpy(dtype="float64"),
            "final_val": fin["final_val"].reindex(list(acts)).to_numpy(dtype="float64"),
            "diverged_at": pd.array([diverged.get(k) for k in acts], dtype="Int64"),
        }
    )

    # the prediction: which finished activation ends with the most dead units (none if 0)
    finished = {k: int(d) for k, d in zip(acts, table["dead_end"]) if k not in diverged and not pd.isna(d)}
    most = max(finished.values(), default=0)
    most_dead = tuple(k for k, d in finished.items() if d == most) if most > 0 else ()

    cfg = cfgs[0]
    return DeadLesson(
        activations=acts,
        over_time=over_time,
        final_map=final_map,
        table=table,
        diverged=diverged,
        most_dead=most_dead,
        most_dead_count=most,
        same_unit=same_unit(final_map, acts),
        any_dead=bool(len(over_time) and over_time["dead"].max() > 0),
        steps=steps,
        every=checkpoint_every(steps),
        checkpoints=len(set(range(0, steps, checkpoint_every(steps))) | {steps}),
        act_examples=min(ACT_EXAMPLES, len(data.Ytr)),
        eval_train=min(EVAL_EXAMPLES, len(data.Ytr)),
        eval_val=min(EVAL_EXAMPLES, len(data.Ydev)),
        n_hidden=cfg.n_hidden,
        n_embd=cfg.n_embd,
        fan_in=cfg.fan_in,
        vocab_size=data.vocab.size,
    )
