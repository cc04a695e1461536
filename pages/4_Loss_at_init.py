"""Loss at init: the expected -ln(1/V), the observed step-0 loss against the W2 scale, the
logits behind it, a hand-made "confidently wrong" softmax, and the hockey-stick loss curve."""

import streamlit as st

from core.lessons import expected_init_loss
from core.lessons.loss_at_init import EVAL_N, SCALES, SMOOTH, V_RANGE, expected_curve, loss, softmax_by_hand
from ui import cache, predict, wordlist
from ui import charts_loss as C
from ui import state as S
from ui.export import show
from ui.layout import notice, page_setup, what_you_will_see
from ui.present import columns, controls_box, prose, share
from ui.text import act_name, num, t
from ui.views import LOGITS as C_Z
from ui.views import LOSS as VIEW

V_DATA = cache.dataset().vocab.size  # '.' + the letters of the session's word list: 27 for the names

C_V = S.Control("l_v", "int", V_DATA, *V_RANGE)  # the rest, and their lesson arguments: ui/views.py
C_ACT, C_B2, C_W2, *_, C_TGT, C_N = VIEW.controls
CONTROLS = (C_V, *VIEW.controls)


def w2_label(token: str) -> str:
    """A network of the sweep is named by its W2 scale: "W2×0.01" (a formula, its number localised)."""
    return "W2×" + num(float(token), "g")


page_setup(
    "loss", t("loss.title"), icon="🎯", controls=CONTROLS, word_list=True, vocab_keys=(C_V.key,), predict=True
)  # the V slider follows the data
st.title(t("loss.title"))
what_you_will_see(t("loss.what_you_will_see"))
st.caption(wordlist.data_text(cache.dataset()))  # which words the page trains on (names or an upload)
wordlist.expected_loss_note(V_DATA)  # with an uploaded list: its own V and expected loss

# -- 1. the expected loss ---------------------------------------------------------------------
st.header(t("loss.expected.header"))
prose(t("loss.expected.body"))
left, right = columns([2, 3])
with left:
    with controls_box():
        v = S.slider(C_V, t("loss.expected.v"), step=1, help=t("loss.expected.v_help"))
    latex_num = num(expected_init_loss(v), ".4f").replace(",", "{,}")  # a decimal comma without TeX's space
    st.latex(rf"-\ln\left(\tfrac{{1}}{{V}}\right) = \ln V = \ln {v} = {latex_num}")
    m1, m2 = st.columns(2)
    m1.metric(t("loss.expected.metric"), num(expected_init_loss(v), ".4f"), help=t("loss.expected.metric_help"))
    m2.metric(t("loss.expected.uniform_p"), num(1 / v, ".4f"))
with right:
    chart = C.expected_curve(
        expected_curve(),
        v,
        t("loss.expected.chart_title"),
        t("loss.expected.x"),
        t("loss.expected.y"),
        t("loss.expected.point"),
    )
    show(chart, "expected-loss", t("loss.expected.alt", v=v, loss=expected_init_loss(v)))
    notice(t("loss.expected.notice"))

# -- 2 and 3. observed step-0 loss against the W2 scale, and the logits behind it -------------
st.header(t("loss.sweep.header"))
prose(t("loss.sweep.body", n=EVAL_N))
with controls_box():
    c1, c2, c3 = st.columns([1, 1, 2], vertical_alignment="center")
    act = S.select(C_ACT, t("loss.sweep.act"), format_func=act_name, help=t("loss.sweep.act_help"), where=c1)
    b2_random = S.toggle(C_B2, t("loss.sweep.b2"), help=t("loss.sweep.b2_help"), where=c2)
    w2 = S.select_slider(C_W2, t("loss.sweep.w2"), help=t("loss.sweep.w2_help"), where=c3)
share()

# -- predict first: asked before the lesson is computed, so nothing of it is on screen yet --------
setting = (act, b2_random, w2)
guess = predict.gate(
    "loss",
    setting,
    t("predict.loss.question", scale=float(w2), v=V_DATA, expected=expected_init_loss(V_DATA)),
    max_value=1000.0,
)

n_steps = S.value_of(C_N)  # its slider is drawn in section 5
les = loss(**VIEW.kwargs(S.value_of), data=cache.dataset(), compute=cache.compute())
for w, step in les.sweep_diverged.items():
    st.error(t("common.diverged", variant=w2_label(w), step=step))
expected = les.expected

if guess is not None and les.chosen_loss is not None:
    why = t(
        "predict.loss.why_high" if les.confidently_wrong else "predict.loss.why_near",
        std=les.logit_std,
        v=les.vocab_size,
        expected=expected,
    )
    predict.number_feedback(
        "loss",
        setting,
        guess,
        les.chosen_loss,
        predict.score(guess, les.chosen_loss, tol=0.1, relative=True),
        t("predict.loss.what", scale=float(w2)),
        ".2f",
        why=why,
    )

m1, m2, m3 = st.columns(3)
if les.chosen_loss is not None:
    m1.metric(
        t("loss.sweep.m_scale", scale=float(w2)),
        num(les.chosen_loss, ".4f"),
        help=t("loss.sweep.m_scale_help", n=EVAL_N),
    )
    m2.metric(t("loss.sweep.m_excess"), num(les.excess, "+.4f"), help=t("loss.sweep.m_excess_help"))
m3.metric(t("loss.sweep.m_expected"), num(expected, ".4f"))

left, right = columns(2)
with left:
    chart = C.sweep(
        les.sweep,
        {w: w2_label(w) for w in SCALES},
        w2,
        expected,
        t("loss.sweep.chart_title"),
        t("loss.sweep.x"),
        t("loss.sweep.y"),
        t("loss.sweep.variant"),
        t("loss.sweep.chosen", loss=les.sweep_loss(w2)),
        t("loss.sweep.rule"),
    )
    alt_text = t("loss.sweep.alt", big=les.sweep_loss(1.0), small=les.sweep_loss(0.01), scale=float(w2))
    show(chart, "step0-loss-vs-w2", alt_text)
    notice(t("loss.sweep.notice_b2") if b2_random else t("loss.sweep.notice"))

with right:
    if les.logit_std is not None:
        chart = C.logits_hist(
            les.logits,
            t("loss.logits.chart_title", scale=float(w2)),
            t("loss.logits.x"),
            t("loss.logits.y"),
            t("loss.logits.from"),
            t("loss.logits.to"),
        )
        show(
            chart,
            "logits-histogram",
            t("loss.logits.alt", scale=float(w2), std=les.logit_std, mx=les.logit_max, loss=les.chosen_batch_loss),
        )
        notice(t("loss.logits.notice"))
        m1, m2, m3 = st.columns(3)
        m1.metric(t("loss.logits.m_batch"), num(les.chosen_batch_loss, ".4f"), help=t("loss.logits.m_batch_help"))
        m2.metric(t("loss.logits.m_std"), num(les.logit_std, ".3f"), help=t("loss.logits.m_std_help"))
        m3.metric(t("loss.logits.m_max"), num(les.logit_max, ".2f"), help=t("loss.logits.m_max_help"))

st.subheader(t("loss.logits.header"))
prose(t("loss.logits.body", v=les.vocab_size))
st.caption(t("loss.logits.zero_note"))

# -- 4. confidently wrong, by hand -------------------------------------------------------------
st.header(t("loss.cw.header"))
prose(t("loss.cw.body"))


def make_equal() -> None:
    for c in C_Z:
        S.set_value(c, 0.0)


left, right = columns([2, 3])
with left, controls_box():
    zs = [S.slider(c, t("loss.cw.logit", i=i), step=0.5, help=t("loss.cw.logit_help", i=i)) for i, c in enumerate(C_Z)]
    target = int(S.select(C_TGT, t("loss.cw.target"), help=t("loss.cw.target_help")))
    st.button(t("loss.cw.equal"), on_click=make_equal, help=t("loss.cw.equal_help"))
with right:
    sm = softmax_by_hand(**VIEW.kwargs(S.value_of, "softmax_by_hand"))
    m1, m2, m3 = st.columns(3)
    m1.metric(t("loss.cw.m_loss"), num(sm.loss, ".4f"), help=t("loss.cw.m_loss_help"))
    m2.metric(t("loss.cw.m_p"), num(sm.p_target, ".3g"), help=t("loss.cw.m_p_help"))
    m3.metric(t("loss.cw.m_uniform"), num(sm.uniform, ".4f"))
    chart = C.softmax_bars(
        sm.table,
        {i: t("loss.cw.class_name", i=i) for i in sm.table["cls"]},
        t("loss.cw.chart_title"),
        t("loss.cw.x"),
        t("loss.cw.y"),
        t("loss.cw.logit_col"),
        t("loss.cw.role"),
        t("loss.cw.is_target"),
        t("loss.cw.is_other"),
    )
    show(
        chart,
        "softmax-by-hand",
        t("loss.cw.alt", logits="; ".join(num(z, "g") for z in zs), target=target, p=sm.p_target, loss=sm.loss),
    )
    notice(t("loss.cw.notice"))

# -- 5. the hockey stick -----------------------------------------------------------------------
st.header(t("loss.hockey.header"))
prose(t("loss.hockey.body"))
with controls_box():
    S.slider(C_N, t("loss.hockey.steps"), step=100, help=t("loss.hockey.steps_help"))
names = {"naive": t("loss.hockey.naive"), "fixed": t("loss.hockey.fixed")}
for variant, step in les.diverged.items():
    st.error(t("common.diverged", variant=names[variant], step=step))
cols = st.columns(4)
for i, variant in enumerate(les.hockey_stats["variant"]):
    short = t(f"loss.hockey.{variant}_short")
    cols[2 * i].metric(
        t("loss.hockey.m_start", variant=short),
        num(les.stat(variant, "start"), ".5g"),
        help=t("loss.hockey.m_start_help"),
    )
    cols[2 * i + 1].metric(
        t("loss.hockey.m_end", variant=short),
        "—" if variant in les.diverged else num(les.stat(variant, "end"), ".5g"),
        help=t("loss.hockey.m_end_help"),
    )
# three step-0 losses of W2x1 nets on this page (sections 2, 3 and here): say why they differ
st.caption(
    t(
        "loss.hockey.start_note_b2" if b2_random else "loss.hockey.start_note",
        sweep=les.sweep_loss(1.0),
        batch=les.sweep_loss(1.0, "batch_loss"),
        naive=les.stat("naive", "start"),
        n=EVAL_N,
    )
)

chart = C.hockey(
    les.hockey,
    names,
    expected,
    t("loss.hockey.chart_title", n=n_steps),
    t("loss.hockey.x"),
    t("loss.hockey.y"),
    t("loss.hockey.variant"),
    t("loss.hockey.raw"),
    t("loss.hockey.smooth", w=SMOOTH),
    t("loss.hockey.rule"),
    y_max=les.hockey_y_max,
)
show(
    chart,
    "hockey-stick",
    t(
        "loss.hockey.alt",
        n=n_steps,
        naive0=les.stat("naive", "start"),
        fixed0=les.stat("fixed", "start"),
        naive_end=les.stat("naive", "end"),
        fixed_end=les.stat("fixed", "end"),
    ),
)
st.caption(t("loss.hockey.smooth_caption", w=SMOOTH))
notice(t("loss.hockey.notice"))
