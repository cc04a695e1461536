"""The "Deep network health" lesson: the lecture's 5 x [Linear 100 -> (BatchNorm) -> activation],
trained on the data, and read layer by layer at init and after training.

    from core import lessons
    les = lessons.deep("tanh", gain=5 / 3, steps=1000)
    les.phase["init"].std_first, les.phase["init"].std_last  # 0.76 -> 0.66 (the lecture: 0.75 -> 0.66)

Every decision the page makes that is not drawing is here: which phases are finite (a net that
blows up is reported, never drawn as NaN), the per-phase trends, zoom ranges and grad:data
verdicts, the update:data ratio's zone, which gains the depth profile compares, and whether
saturation applies to the activation at all.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import pandas as pd

from core import activations as A
from core.data import Dataset, names_dataset
from core.deep import SATURATION, DeepConfig, DeepResult, DeepTrain, depth_profile, train_deep
from core.lessons import Compute, direct, expected_init_loss

PHASES = ("init", "after")  # phase ids: at init (step 0), after the last finite step
_CORE_PHASE = {"init": "init", "trained": "after"}  # core.deep's phase names -> ours
EXCLUDED = tuple(k for k in A.REGISTRY if A.width_multiplier(k) != 1)  # maxout changes the layers' widths
PRESETS = (("0.5", 0.5), ("1", 1.0), ("5/3", 5 / 3), ("3", 3.0))  # the lecture's gains: (label, value)
GAIN_TOL = 5e-3  # two gains closer than this are the same preset (a slider at 1.67 is 5/3)
TAIL = 0.1  # share of the last steps averaged for the "end of run" numbers
ZOOM = 5.0  # distributions zoom to mean ± 5 std when a few far outliers (heavy tails) would squash them
HEAVY_SATURATION = 30.0  # % saturated (mean over layers) above which a steady std is called "saturated"
# one series this many times wider than another lies flat on a linear density axis (its
# density is that many times lower): such a chart draws its density on a log scale
LOG_SPREAD = 5.0
OUT_STANDS_OUT = 3.0  # the output layer's grad:data ratio over the hidden ones' that makes it an outlier
# log10 update:data ratio, log10(std(lr * grad) / std(W)): the lecture's rule of thumb is -3
GUIDE = -3.0
GREEN = (-3.5, -2.5)  # within about a factor of 3 of 1e-3
AMBER = (-4.5, -1.5)  # within about a factor of 30; red beyond


def same_gain(a: float, b: float) -> bool:
    return abs(a - b) < GAIN_TOL


def recommended_gain(activation: str, linear_only: bool = False) -> float:
    """The init gain that keeps the std level with depth: 1 for linear layers, else the registry's."""
    return 1.0 if linear_only else A.gain_for(activation)


def gain_label(gain: float) -> str:
    """A gain as the page names it: the lecture's preset ("5/3") or two decimals ("1.41")."""
    return next((lab for lab, v in PRESETS if same_gain(v, gain)), f"{gain:.2f}")


def gain_presets(activation: str, linear_only: bool = False) -> tuple[tuple[str, float, bool], ...]:
    """The preset buttons: (label, gain, recommended?) for the lecture's gains, plus the
    recommended gain when it is none of them (ReLU's sqrt(2))."""
    rec = recommended_gain(activation, linear_only)
    out = tuple((lab, v, same_gain(v, rec)) for lab, v in PRESETS)
    return out if any(r for *_, r in out) else (*out, (gain_label(rec), rec, True))


def saturation_applies(activation: str, linear_only: bool = False) -> bool:
    """|h| > 0.97 means "saturated" only for tanh-like activations with outputs in (-1, 1)."""
    if linear_only:
        return False
    act = A.REGISTRY[activation]
    return bool(act.saturating and act.output_range == (-1.0, 1.0))


def trend(first: float, last: float) -> str:
    """How a std changes from one end of the stack to the other: "shrink", "grow" or "steady"."""
    r = last / first if first > 0 else (1.0 if last == 0 else np.inf)
    return "shrink" if r < 0.5 else "grow" if r > 2 else "steady"


def zoom(hist: pd.DataFrame, means: pd.Series, stds: pd.Series, k: float = ZOOM) -> tuple[float, float] | None:
    """x range mean ± k std over the series, within the binned data: the bulk, not a few far
    outliers. None when that is (about) the whole data range anyway: nothing to zoom."""
    if hist.empty:
        return None
    lo, hi = float(hist["bin_start"].min()), float(hist["bin_end"].max())
    a, b = max(lo, float((means - k * stds).min())), min(hi, float((means + k * stds).max()))
    if not (np.isfinite(a) and np.isfinite(b) and a < b) or (a - lo) + (hi - b) < 0.05 * (hi - lo):
        return None
    return a, b


def spread(stds: pd.Series) -> float:
    """How many times wider the widest series is than the narrowest (1 with fewer than two)."""
    live = stds[stds > 0]
    return float(live.max() / live.min()) if len(live) > 1 else 1.0


def update_zone(v: float) -> str:
    """Where a log10 update:data ratio sits: "green", "low"/"high" (amber), "red_low"/"red_high"."""
    if GREEN[0] <= v <= GREEN[1]:
        return "green"
    if v < GREEN[0]:
        return "red_low" if v < AMBER[0] else "low"
    return "red_high" if v > AMBER[1] else "high"


@dataclass(frozen=True)
class DeepPhase:
    """The summary numbers and verdicts of one phase ("init" or "after")."""

    phase: str
    std_first: float  # std of layer 1's outputs
    std_last: float  # ... and of layer L's
    sat_first: float  # % of layer 1's outputs with |h| > SATURATION
    sat_mean: float  # % saturated, mean over the layers
    grad_std_first: float  # std of dL/dh at layer 1
    grad_std_last: float  # ... and at layer L
    grad_ratio: float  # grad_std_first / grad_std_last (nan when layer L gets no gradient)
    act_trend: str  # "shrink" | "grow" | "steady" | "saturated" (steady std, > 30% saturated)
    grad_trend: str  # "shrink" | "grow" | "steady" from layer L back to 1, or "zero" (no gradient)
    act_zoom: tuple[float, float] | None  # x range of the activations chart (None: all of it)
    grad_zoom: tuple[float, float] | None
    weight_zoom: tuple[float, float] | None
    live_layers: tuple[int, ...]  # layers whose output gradient is not all zero (drawn)
    live_params: tuple[str, ...]  # weight matrices whose gradient is not all zero (drawn)
    out_param: str  # the output layer's weight matrix, "W6"
    ratio_out: float  # its grad:data ratio std(grad) / std(W)
    ratio_hidden: float  # the hidden matrices' mean grad:data ratio
    ratio_x: float  # ratio_out / ratio_hidden (inf when the hidden ones get no gradient)
    ratio_lo: float  # smallest and largest grad:data ratio of all the matrices
    ratio_hi: float
    weight_kind: str  # "out" (the output layer stands out) | "even" | "zero" (hidden ones get none)
    # section ("act" | "grad" | "w") -> max std / min std of its drawn series (spread())
    spreads: Mapping[str, float] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class DepthSummary:
    """Your gain's line in the depth profile."""

    std_first: float
    std_last: float
    sat_first: float
    sat_last: float
    trend: str  # "shrink" | "grow" | "steady"


@dataclass(frozen=True, eq=False)
class DeepLesson:
    """Everything the Deep network health page shows. Frames hold only finite phases.

    layer_stats:  phase, layer, mean, std, saturated_pct, grad_mean, grad_std (hidden outputs h, dL/dh)
    layer_hist:   phase, layer, kind ("activation" | "gradient"), bin_start, bin_end, count, fraction
    weight_stats: phase, param, shape, grad_mean, grad_std, data_std, grad_data_ratio (2-D weights W1..)
    weight_hist:  phase, param, bin_start, bin_end, count, fraction
    updates:      step, param, ratio: log10 update:data of the 2-D parameters (C, W1..), finite values
    loss:         step, loss (minibatch loss of each finite step)
    profile:      gain, label, layer, std, saturated_pct, yours, recommended: each hidden layer's
                  output at init, one line per compared gain (label "5/3", "1.41": language-free)
    """

    activation: str
    linear_only: bool
    batchnorm: bool
    gain: float
    lr: float
    steps: int
    compare_gains: bool
    n_layers: int
    recommended_gain: float
    gain_label: str  # your gain as the page names it ("5/3", "1.67")
    sat_ok: bool  # saturation applies (tanh-like, outputs in (-1, 1))
    threshold: float  # |h| above this is saturated (the lecture's 0.97)
    diverged_at: int | None  # first step whose loss was NaN/inf
    n_done: int  # finite training steps
    phases: tuple[str, ...]  # the finite phases, in PHASES order; no "init": nothing to draw
    after_missing: str | None  # why there is no "after": "no_steps" | "diverged"; None when there is one
    phase: Mapping[str, DeepPhase]  # per finite phase
    # the end-of-run numbers: None with no step taken, and for a run that diverged (its last
    # finite steps are the blow-up, not a result): the page names the divergence instead
    update_tail: float | None  # mean log10 update:data of the hidden weights over the last 10% of steps
    update_zone: str | None  # update_zone(update_tail)
    loss_tail: float | None  # mean minibatch loss over the last 10% of steps
    loss_tail_n: int  # how many steps that is
    vocab_size: int  # V, the data's characters
    expected_loss: float  # -ln(1/V): the loss of a uniform guess over the data's V characters
    depth: DepthSummary | None  # your gain in the depth profile (None when init is broken)
    layer_stats: pd.DataFrame
    layer_hist: pd.DataFrame
    weight_stats: pd.DataFrame
    weight_hist: pd.DataFrame
    updates: pd.DataFrame
    loss: pd.DataFrame
    profile: pd.DataFrame

    def spread(self, section: str) -> float:
        """The largest spread (DeepPhase.spreads) of a section's series over the finite phases."""
        return max((ph.spreads.get(section, 1.0) for ph in self.phase.values()), default=1.0)

    def log_density(self, section: str) -> bool:
        """Whether a section's charts draw density on a log axis: in every phase alike, so the
        charts at init and after training side by side read on the same kind of axis."""
        return self.spread(section) > LOG_SPREAD

    @property
    def diverged(self) -> dict[str, int]:
        """Variant id -> the step it diverged at (the page's one net is "yours")."""
        return {} if self.diverged_at is None else {"yours": self.diverged_at}

    def shown(self, choice: str) -> tuple[str, ...]:
        """The phases to draw for the phase switch's `choice` ("init" | "after" | "both")."""
        if choice != "init" and "after" not in self.phases:
            return ("init",)
        return tuple(p for p in PHASES if p in self.phases and choice in (p, "both"))


def _finite_phases(res: DeepResult) -> list[str]:
    """core phases whose every number is finite: a net blowing up is reported, never drawn as NaN."""
    ok = []
    for p in ("init", "trained"):
        ls = res.layer_stats.loc[res.layer_stats["phase"] == p, ["mean", "std", "saturated_pct", "grad_std"]]
        ws = res.weight_stats.loc[res.weight_stats["phase"] == p, ["grad_std", "grad_data_ratio"]]
        if len(ls) and np.isfinite(ls.to_numpy(dtype=float)).all() and np.isfinite(ws.to_numpy(dtype=float)).all():
            ok.append(p)
    return ok


def _ours(df: pd.DataFrame, have: list[str]) -> pd.DataFrame:
    """Rows of the finite phases, with our phase ids."""
    out = df[df["phase"].isin(have)].reset_index(drop=True)
    return out.assign(phase=out["phase"].map(_CORE_PHASE))


def _num(df: pd.DataFrame, row: int, col: str) -> float:
    """The number in `df` at (int) index label `row`, column `col` (pandas-stubs type a `.loc[row, col]`
    cell as any scalar: str, Timestamp, ...; these frames' numeric columns hold floats)."""
    return float(df[col].loc[row])


def _phase(
    p: str, s: pd.DataFrame, hist: pd.DataFrame, ws: pd.DataFrame, whist: pd.DataFrame, sat_ok: bool
) -> DeepPhase:
    """s: layer_stats of the phase by layer; ws: weight_stats by param; hist/whist: its histograms."""
    L = int(s.index.max())
    act = trend(_num(s, 1, "std"), _num(s, L, "std"))
    if act == "steady" and sat_ok and s["saturated_pct"].mean() > HEAVY_SATURATION:
        act = "saturated"
    grad = "zero" if s["grad_std"].max() == 0 else trend(_num(s, L, "grad_std"), _num(s, 1, "grad_std"))  # L back to 1
    live = s.index[s["grad_std"] > 0]  # an all-zero gradient (step function) has no distribution to draw
    live_w = ws.index[ws["grad_std"] > 0]
    out = str(ws.index[-1])  # the output layer's param name, "W6"
    r = ws["grad_data_ratio"]
    hid = float(r[ws.index != out].mean())
    x = float(r[out] / hid) if hid > 0 else np.inf
    return DeepPhase(
        phase=p,
        std_first=_num(s, 1, "std"),
        std_last=_num(s, L, "std"),
        sat_first=_num(s, 1, "saturated_pct"),
        sat_mean=float(s["saturated_pct"].mean()),
        grad_std_first=_num(s, 1, "grad_std"),
        grad_std_last=_num(s, L, "grad_std"),
        grad_ratio=_num(s, 1, "grad_std") / _num(s, L, "grad_std") if _num(s, L, "grad_std") > 0 else np.nan,
        act_trend=act,
        grad_trend=grad,
        act_zoom=zoom(hist[hist["kind"] == "activation"], s["mean"], s["std"]),
        grad_zoom=zoom(
            hist[(hist["kind"] == "gradient") & hist["layer"].isin(live)],
            s.loc[live, "grad_mean"],
            s.loc[live, "grad_std"],
        ),
        weight_zoom=zoom(whist[whist["param"].isin(live_w)], ws.loc[live_w, "grad_mean"], ws.loc[live_w, "grad_std"]),
        live_layers=tuple(int(i) for i in live),
        live_params=tuple(live_w),
        out_param=str(out),
        ratio_out=float(r[out]),
        ratio_hidden=hid,
        ratio_x=x,
        ratio_lo=float(r.min()),
        ratio_hi=float(r.max()),
        weight_kind="zero" if hid == 0 else "out" if x > OUT_STANDS_OUT else "even",
        spreads=MappingProxyType(
            {"act": spread(s["std"]), "grad": spread(s.loc[live, "grad_std"]), "w": spread(ws.loc[live_w, "grad_std"])}
        ),
    )


def _compared_gains(gain: float, rec: float, compare: bool) -> list[tuple[float, str, bool, bool]]:
    """(gain, label, yours, recommended) in legend order: the presets and the recommended gain
    when comparing, and yours (a preset near yours stands for it)."""
    rows = [(v, lab) for lab, v in (PRESETS if compare else ())]
    if compare and not any(same_gain(rec, v) for v, _ in rows):
        rows.append((rec, f"{rec:.2f}"))
    mine = next((v for v, _ in rows if same_gain(v, gain)), None)
    if mine is None:
        rows.append((float(gain), f"{gain:.2f}"))
        mine = float(gain)
    return [(v, lab, v == mine, compare and same_gain(v, rec)) for v, lab in rows]


def deep(
    activation: str = "tanh",
    linear_only: bool = False,
    batchnorm: bool = False,
    gain: float = 5 / 3,
    lr: float = 0.1,
    steps: int = 1000,
    compare_gains: bool = True,
    data: Dataset | None = None,
    compute: Compute = direct,
) -> DeepLesson:
    """Train the lecture's deep MLP and read its health at init and after `steps` SGD steps.

    `activation` is a registry key (ignored with `linear_only`); every hidden W starts as
    randn / sqrt(fan_in) * `gain`. With `compare_gains`, the depth profile at init also draws
    the lecture's gains 0.5, 1, 5/3, 3 and the recommended one next to yours.
    """
    data = names_dataset() if data is None else data
    steps, gain, lr = int(steps), float(gain), float(lr)
    cfg = DeepConfig(
        activation=activation,
        gain=gain,
        batchnorm=batchnorm,
        linear_only=linear_only,
        block_size=data.block_size,
        vocab_size=data.vocab.size,
    )
    res = compute(train_deep, cfg, DeepTrain(steps=steps, lr=lr), data)
    rec = recommended_gain(activation, linear_only)
    sat_ok = saturation_applies(activation, linear_only)
    n_done = len(res.loss)
    have = _finite_phases(res)
    stats, hist = _ours(res.layer_stats, have), _ours(res.layer_hist, have)
    wstats, whist = _ours(res.weight_stats, have), _ours(res.weight_hist, have)
    L = int(res.layer_stats["layer"].max())
    phase = {}
    for p in (_CORE_PHASE[c] for c in have):
        phase[p] = _phase(
            p,
            stats[stats["phase"] == p].set_index("layer"),
            hist[hist["phase"] == p],
            wstats[wstats["phase"] == p].set_index("param"),
            whist[whist["phase"] == p],
            sat_ok,
        )

    upd = res.updates.astype({"ratio": float})  # an empty frame (0 steps) has object columns
    upd = upd[np.isfinite(upd["ratio"])]
    n_tail = max(1, round(n_done * TAIL))  # the last 10% of the finite steps
    hidden_w = [f"W{i}" for i in range(1, L + 1)]
    tail = upd.loc[(upd["step"] >= n_done - n_tail) & upd["param"].isin(hidden_w), "ratio"]
    ended = res.diverged_at is None  # a diverged run has no end-of-run numbers
    update_tail = float(tail.mean()) if len(tail) and ended else None
    loss_tail = res.loss["loss"].tail(n_tail)
    two_d = ["C", *[f"W{i}" for i in range(1, L + 2)]]  # the 2-D parameters, as in the lecture's plot

    profile, depth = (
        pd.DataFrame(columns=["gain", "label", "layer", "std", "saturated_pct", "yours", "recommended"]),
        None,
    )
    if "init" in have:  # a net broken at init has nothing to compare
        gains = _compared_gains(gain, rec, compare_gains)
        key = {round(v, 6): (lab, yours, r) for v, lab, yours, r in gains}
        base = dataclasses.replace(cfg, gain=1.0)  # depth_profile sets the gain itself: one entry per setting
        prof = compute(depth_profile, base, tuple(key), data)
        profile = prof.assign(
            label=[key[g][0] for g in prof["gain"]],
            yours=[key[g][1] for g in prof["gain"]],
            recommended=[key[g][2] for g in prof["gain"]],
        )[list(profile.columns)]
        y = profile[profile["yours"]].set_index("layer")
        depth = DepthSummary(
            _num(y, 1, "std"),
            _num(y, L, "std"),
            _num(y, 1, "saturated_pct"),
            _num(y, L, "saturated_pct"),
            trend(_num(y, 1, "std"), _num(y, L, "std")),
        )

    return DeepLesson(
        activation=activation,
        linear_only=linear_only,
        batchnorm=batchnorm,
        gain=gain,
        lr=lr,
        steps=steps,
        compare_gains=compare_gains,
        n_layers=L,
        recommended_gain=rec,
        gain_label=gain_label(gain),
        sat_ok=sat_ok,
        threshold=SATURATION,
        diverged_at=res.diverged_at,
        n_done=n_done,
        phases=tuple(phase),
        after_missing=None if "after" in phase else "no_steps" if steps == 0 else "diverged",
        phase=MappingProxyType(phase),
        update_tail=update_tail,
        update_zone=None if update_tail is None else update_zone(update_tail),
        loss_tail=float(loss_tail.mean()) if n_done and ended else None,
        loss_tail_n=len(loss_tail),
        vocab_size=data.vocab.size,
        expected_loss=expected_init_loss(data.vocab.size),
        depth=depth,
        layer_stats=stats,
        layer_hist=hist,
        weight_stats=wstats,
        weight_hist=whist,
        updates=upd[upd["param"].isin(two_d)].reset_index(drop=True),
        loss=res.loss,
        profile=profile,
    )


# The page's default view, read from the signature so the page's controls cannot drift from it.
DEFAULTS = MappingProxyType(
    {k: p.default for k, p in inspect.signature(deep).parameters.items() if k not in ("data", "compute")}
)
