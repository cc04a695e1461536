"""A view is a value: each training page's URL controls, and how their values become the
arguments of its `core.lessons` call.

The page draws a widget per control and calls its lesson with ``VIEW.kwargs(S.value_of)``;
the notebook export (ui/notebooks) reads the same controls from a link's tokens with
``VIEW.values(params)`` and writes the same call as code. One table per page, so the two
cannot drift apart: a setting the page trains with is a setting the notebook trains with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from core.batchnorm import JITTER_SIZES, MOMENTUM
from core.lessons import batch_norm as BN
from core.lessons import dead_neurons as DN
from core.lessons import deep_network as DP
from core.lessons import loss_at_init as LI
from core.lessons import loss_log as LL
from core.lessons import tanh_saturation as TS
from ui import state as S

Values = Mapping[str, Any]  # control key -> its value (parsed: a float, a token, a list of keys)
Args = Callable[[Values], dict[str, Any]]  # values -> keyword arguments of one lesson function


@dataclass(frozen=True)
class View:
    """A page's controls (their URL keys, defaults and allowed values) and its lesson calls:
    `calls` maps a function of `core.lessons` to its arguments; the first is the page's lesson."""

    page: str  # the page id (ui/pages.py)
    controls: tuple[S.Control, ...]
    calls: Mapping[str, Args]

    @property
    def lesson(self) -> str:
        return next(iter(self.calls))

    def values(self, params: Iterable[tuple[str, str]]) -> dict[str, Any]:
        """Each control's value from a link's (key, token) pairs (a "multi" key repeats): a
        missing or invalid token gives the default, as the page does after its notice."""
        raw: dict[str, list[str]] = {}
        for key, token in params:
            raw.setdefault(key, []).append(token)
        out = {}
        for c in self.controls:
            default = list(c.default) if c.kind == "multi" else c.default
            try:
                out[c.key] = c.parse(raw[c.key]) if c.key in raw else default
            except (ValueError, TypeError, OverflowError):
                out[c.key] = default
        return out

    def kwargs(self, values: Values | Callable[[S.Control], Any], fn: str | None = None) -> dict[str, Any]:
        """The keyword arguments of `fn` (default: the page's lesson) for these control values:
        a mapping key -> value, or a function of the control (the page passes `S.value_of`)."""
        got = values if isinstance(values, Mapping) else {c.key: values(c) for c in self.controls}
        return self.calls[fn or self.lesson](got)


# -- Tanh saturation ------------------------------------------------------------------------------
SATURATION = View(
    "saturation",
    (
        S.activation_control("s_act", TS.DEFAULTS["activation"]),  # registry keys in the URL
        S.Control("s_w1", "float", TS.DEFAULTS["w1"], 0.0, 3.0),
        S.Control("s_b1", "float", TS.DEFAULTS["b1"], 0.0, 3.0),
        S.Control("s_thr", "float", TS.DEFAULTS["threshold"], 0.5, 0.999),
        S.Control("s_steps", "int", TS.DEFAULTS["steps"], 0, 5000),
    ),
    {
        "saturation": lambda v: dict(
            activation=v["s_act"], w1=v["s_w1"], b1=v["s_b1"], threshold=v["s_thr"], steps=v["s_steps"]
        )
    },
)

# -- Dead neurons: the lr slider holds tokens ("0.5"), the lesson a float ---------------------------
DEAD_LRS = ("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "1.5", "2", "3", "5", "10")
DEAD = View(
    "dead",
    (
        S.activation_control("d_acts", DN.DEFAULTS["activations"], multi=True, max_items=6),
        S.Control("d_lr", "choice", format(DN.DEFAULTS["lr"], "g"), options=DEAD_LRS),
        S.Control("d_w1", "float", DN.DEFAULTS["w1"], 0.05, 2.0),
        S.Control("d_b1", "float", DN.DEFAULTS["b1"], 0.0, 3.0),
        S.Control("d_steps", "int", DN.DEFAULTS["steps"], 100, 5000),
        S.Control("d_bn", "bool", DN.DEFAULTS["batchnorm"]),
    ),
    {
        "dead": lambda v: dict(
            activations=tuple(v["d_acts"]),
            lr=float(v["d_lr"]),
            w1=v["d_w1"],
            b1=v["d_b1"],
            steps=v["d_steps"],
            batchnorm=v["d_bn"],
        )
    },
)

# -- Loss at init (the V slider's default is the session's data: the page adds that control) -------
LOGITS = tuple(S.Control(f"l_z{i}", "float", z, -20.0, 20.0) for i, z in enumerate(LI.SOFTMAX_DEFAULTS["logits"]))
LOSS = View(
    "loss",
    (
        S.activation_control("l_act", LI.DEFAULTS["activation"]),
        S.Control("l_b2", "bool", LI.DEFAULTS["b2_random"]),
        S.Control("l_w2", "choice", LI.DEFAULTS["w2"], options=LI.SCALES),
        *LOGITS,
        S.Control("l_tgt", "choice", str(LI.SOFTMAX_DEFAULTS["target"]), options=tuple(map(str, range(len(LOGITS))))),
        S.Control("l_n", "int", LI.DEFAULTS["steps"], 200, 2000),
    ),
    {
        "loss": lambda v: dict(activation=v["l_act"], b2_random=v["l_b2"], w2=v["l_w2"], steps=v["l_n"]),
        "softmax_by_hand": lambda v: dict(logits=[v[c.key] for c in LOGITS], target=int(v["l_tgt"])),
    },
)

# -- Deep network health ----------------------------------------------------------------------------
DEEP_LRS = ("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10")
# the phase switch's tokens; old links spelled its label in either language (or "trained")
OLD_PHASES = {
    "side by side": "both",
    "affiancate": "both",
    "fianco a fianco": "both",
    "at init": "init",
    "all'inizio": "init",
    "all'inizializzazione": "init",
    "after training": "after",
    "addestrata": "after",
    "dopo l'addestramento": "after",
    "trained": "after",
}
DEEP = View(
    "deep",
    (
        S.activation_control("n_act", DP.DEFAULTS["activation"], exclude=DP.EXCLUDED),
        S.Control("n_lin", "bool", DP.DEFAULTS["linear_only"]),
        S.Control("n_bn", "bool", DP.DEFAULTS["batchnorm"]),
        S.Control("n_gain", "float", DP.DEFAULTS["gain"], 0.1, 5.0),
        S.Control("n_lr", "choice", format(DP.DEFAULTS["lr"], "g"), options=DEEP_LRS),
        S.Control("n_steps", "int", DP.DEFAULTS["steps"], 0, 5000),
        S.Control("n_ph", "choice", "both", options=("both", "init", "after"), aliases=OLD_PHASES),  # drawing only
        S.Control("n_cmp", "bool", DP.DEFAULTS["compare_gains"]),
    ),
    {
        "deep": lambda v: dict(
            activation=v["n_act"],
            linear_only=v["n_lin"],
            batchnorm=v["n_bn"],
            gain=v["n_gain"],
            lr=float(v["n_lr"]),
            steps=v["n_steps"],
            compare_gains=v["n_cmp"],
        )
    },
)

# -- The lecture's loss log -------------------------------------------------------------------------
LOSS_LOG = View(
    "loss_log",
    (S.Control("g_steps", "choice", str(LL.DEFAULTS["steps"]), options=tuple(map(str, LL.STEP_CHOICES))),),
    {"lecture_stages": lambda v: dict(steps=int(v["g_steps"]))},
)

# -- BatchNorm (momentum and batch size have their widgets in sections 2-3) -------------------------
BATCHNORM = View(
    "batchnorm",
    (
        S.activation_control("b_act", BN.DEFAULT_ACTIVATION, exclude=BN.EXCLUDED),
        S.Control("b_steps", "int", BN.DEFAULT_STEPS, 100, 5000),
        S.Control("b_mom", "choice", format(MOMENTUM, "g"), options=tuple(format(m, "g") for m in BN.MOMENTA)),
        S.Control("b_bs", "choice", str(BN.DEFAULT_BATCH), options=tuple(map(str, JITTER_SIZES))),
    ),
    {
        "batchnorm": lambda v: dict(
            activation=v["b_act"], steps=v["b_steps"], momentum=float(v["b_mom"]), batch_size=int(v["b_bs"])
        )
    },
)

# page id -> its view, for every page that trains (the gallery trains nothing)
VIEWS: Mapping[str, View] = {v.page: v for v in (SATURATION, DEAD, LOSS, DEEP, LOSS_LOG, BATCHNORM)}
