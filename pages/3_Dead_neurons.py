"""Dead neurons: train several activations together and count the hidden units that pass no
gradient on any example, over training (line), at the end (map) and against the final loss
(table); then the causes (high lr, bad init, saturation) and one-click cures.
The numbers come from core.lessons.dead_neurons; this page draws and translates them."""

import pandas as pd
import streamlit as st

from core.config import FIXED_TANH
from core.lessons.dead_neurons import ACT_EXAMPLES, DEFAULTS, HEALTHY_LR, dead
from ui import cache, predict, previews, wordlist
from ui import charts_dead as C
from ui import state as S
from ui.export import show
from ui.layout import notice, page_setup, what_you_will_see
from ui.present import controls_box, presenting, share
from ui.text import act_name, num, t
from ui.views import DEAD as VIEW

CONTROLS = VIEW.controls  # the URL's keys and their lesson arguments: ui/views.py
C_ACTS, C_LR, C_W1, C_B1, C_STEPS, C_BN = CONTROLS
HEALTHY = format(HEALTHY_LR, "g")  # "0.1", the lecture's: the cure one click away
assert HEALTHY in C_LR.options, HEALTHY

# One-click presets: (text key, ((control, token), ...)). "Break it" presets set everything but
# the activations and steps, so each shows one cause alone; "cure it" presets change one thing.
CLEAN = ((C_W1, DEFAULTS["w1"]), (C_B1, DEFAULTS["b1"]), (C_BN, False))
BREAK = (
    ("lr_high", ((C_LR, "1.5"), *CLEAN)),
    ("bias", ((C_LR, HEALTHY), (C_W1, DEFAULTS["w1"]), (C_B1, 3.0), (C_BN, False))),
    ("extreme", ((C_LR, "10"), *CLEAN)),
)
CURE = (
    ("lr_low", ((C_LR, HEALTHY),)),
    ("small_init", ((C_W1, FIXED_TANH.w1_scale), (C_B1, FIXED_TANH.b1_scale))),
    ("bn", ((C_BN, True),)),
    ("leaky", ((C_ACTS, ("relu", "leaky_relu", "elu", "gelu")),)),
    ("reset", tuple((c, c.default) for c in CONTROLS)),
)
NONE = "-"  # the prediction's "no dead units at all" answer (no registry key)


def apply_preset(changes) -> None:
    """Button callback: runs before the rerun, so the widgets (and the URL) take the values."""
    for control, value in changes:
        S.set_value(control, value)


def preset_row(label_key: str, presets, widths) -> None:
    cols = st.columns(widths, vertical_alignment="center")
    cols[0].markdown(t(label_key))
    for col, (name, changes) in zip(cols[1:], presets):
        col.button(
            t(f"dead.preset.{name}"),
            key=f"d_preset_{name}",
            help=t(f"dead.preset.{name}_help"),
            on_click=apply_preset,
            args=(changes,),
            width="stretch",
        )


def cell(value, fmt: str) -> str:
    """A table cell as text: a missing value (a diverged run) reads "—", never NaN."""
    return "—" if value is None or pd.isna(value) else num(value, fmt)


page_setup("dead", t("dead.title"), icon="💀", controls=CONTROLS, word_list=True, predict=True)
st.title(t("dead.title"))
what_you_will_see(t("dead.what_you_will_see", n=ACT_EXAMPLES))
st.caption(wordlist.data_text(cache.dataset()))  # which words the page trains on (names or an upload)

# -- controls ------------------------------------------------------------------------------------
with controls_box():
    top1, top2 = st.columns([2, 1])
    acts = S.multiselect(C_ACTS, t("dead.acts"), format_func=act_name, help=t("dead.acts_help"), where=top1)
    steps = S.slider(C_STEPS, t("dead.steps"), step=100, help=t("dead.steps_help"), where=top2)
    c1, c2, c3, c4 = st.columns([1.2, 1, 1, 0.9], vertical_alignment="bottom")
    lr_s = S.select_slider(C_LR, t("dead.lr"), help=t("dead.lr_help"), where=c1)
    w1 = S.slider(C_W1, t("dead.w1"), step=0.05, help=t("dead.w1_help"), where=c2)
    b1 = S.slider(C_B1, t("dead.b1"), step=0.01, help=t("dead.b1_help"), where=c3)
    bn = S.toggle(C_BN, t("dead.bn"), help=t("dead.bn_help"), where=c4)
    ROW = [0.7, 1, 1, 1, 1, 0.6]  # label + up to five buttons, aligned in both rows
    preset_row("dead.break", BREAK, ROW)
    preset_row("dead.cure", CURE, ROW)
share()

if not acts:
    st.info(t("dead.pick_one"))
    st.stop()

names = {k: act_name(k) for k in acts}
setting = (tuple(acts), lr_s, w1, b1, steps, bn)


def answer_text(v: str) -> str:
    return t("predict.dead.none") if v == NONE else names[v]


# -- predict first: asked before the lesson is computed, so nothing of it is on screen yet ---------
guess = predict.gate(
    "dead",
    setting,
    t("predict.dead.question", names=", ".join(names.values()), steps=steps, lr=float(lr_s)),
    options=[*names, NONE],
    format_func=answer_text,
)

pv = previews.dead_at_init(acts, float(lr_s), w1, b1, steps, bn)
les = dead(**VIEW.kwargs(S.value_of), data=cache.dataset(), compute=cache.compute(preview=pv))
pv.clear()
st.caption(
    t(
        "dead.setup_caption",
        v=les.vocab_size,
        e=les.n_embd,
        fan_in=les.fan_in,
        h=les.n_hidden,
        w1=w1,
        b1=b1,
        bn=t("dead.setup_caption.bn") if bn else "",
        lr=float(lr_s),
        steps=steps,
        checks=les.checkpoints,
        every=les.every,
        n=les.act_examples,
        ntr=les.eval_train,
        nval=les.eval_val,
    )
)
for k, step in les.diverged.items():
    st.error(t("common.diverged", variant=names[k], step=step))
tb = les.table
dead_end = {k: int(d) for k, d in zip(tb["activation"], tb["dead_end"]) if not pd.isna(d)}  # the finished ones
# a diverged run is named as such wherever it would have been shown (legend, map rows, text)
diverged = {k: t("dead.diverged_label", name=names[k], step=s) for k, s in les.diverged.items()}

if guess is not None:
    worst = " / ".join(names[k] for k in les.most_dead)
    answer = (
        t("predict.dead.answer", names=worst, dead=les.most_dead_count, h=les.n_hidden)
        if les.most_dead
        else t("predict.dead.answer_none")
    )
    why = t("predict.dead.why_dead", names=worst) if les.most_dead else t("predict.dead.why_none")
    predict.choice_feedback(
        "dead",
        setting,
        right=guess in les.most_dead or (guess == NONE and not les.most_dead),
        guess_text=answer_text(guess),
        answer_text=answer,
        why=why,
        truth=list(les.most_dead) or [NONE],  # the right options: a class's teacher sees them marked
    )

# -- 1. dead units over time ----------------------------------------------------------------------
st.header(t("dead.time.header"))
summary = ", ".join(diverged.get(k) or t("dead.time.alt_item", name=n, dead=dead_end[k]) for k, n in names.items())
chart = C.dead_over_time(
    les.over_time,
    {k: diverged.get(k, n) for k, n in names.items()},
    les.n_hidden,
    t("dead.time.title", h=les.n_hidden),
    t("dead.time.x"),
    t("dead.time.y"),
    t("dead.time.color"),
    t("dead.time.pct"),
)
show(chart, "dead-over-time", t("dead.time.alt", h=les.n_hidden, summary=summary))
notice(t("dead.time.notice") if les.any_dead else t("dead.time.notice_none"))

# -- 2. which units are dead at the end -----------------------------------------------------------
st.header(t("dead.map.header"))
if len(les.final_map):
    rows = {k: diverged.get(k) or t("dead.map.row", name=n, dead=dead_end[k]) for k, n in names.items()}
    chart = C.dead_map(
        les.final_map,
        rows,
        (t("dead.map.dead"), t("dead.map.alive")),
        t("dead.map.title", step=steps),
        t("dead.map.subtitle", n=les.act_examples),
        t("dead.map.x"),
        t("dead.map.y"),
        t("dead.map.frac"),
        t("dead.map.state"),
    )
    show(chart, "dead-map", t("dead.map.alt", h=les.n_hidden, summary=", ".join(rows.values())))
    if les.same_unit:  # the comparison is told only where the map draws it
        d, a, unit = les.same_unit
        notice(t("dead.map.notice_pair", dead=names[d], alive=names[a], unit=unit))
    else:
        notice(t("dead.map.notice"))
else:
    st.info(t("dead.map.none"))

# -- 3. the table ---------------------------------------------------------------------------------
st.header(t("dead.table.header"))
st.dataframe(
    pd.DataFrame(
        {
            t("dead.table.activation"): list(names.values()),
            t("dead.table.dead_start"): [cell(v, "d") for v in tb["dead_start"]],
            t("dead.table.dead_end"): [cell(v, "d") for v in tb["dead_end"]],
            t("dead.table.pct"): [cell(v, ".1f") for v in tb["pct_inactive"]],
            t("dead.table.train"): [cell(v, ".4f") for v in tb["final_train"]],
            t("dead.table.val"): [cell(v, ".4f") for v in tb["final_val"]],
            t("dead.table.status"): [
                t("dead.table.diverged", step=les.diverged[k]) if k in les.diverged else t("dead.table.ok")
                for k in les.activations
            ],
        }
    ),
    hide_index=True,
    width="stretch",
)
notice(t("dead.table.notice"))

# -- causes and cures -----------------------------------------------------------------------------
if not presenting():  # the teacher tells this part
    left, right = st.columns(2)
    with left:
        st.header(t("dead.causes.header"))
        st.markdown(t("dead.causes.body"))
    with right:
        st.header(t("dead.cures.header"))
        st.markdown(t("dead.cures.body"))
