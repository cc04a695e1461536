"""Loss at init: the expected -ln(1/V), the observed step-0 loss against the W2 scale, the
logits behind it, a hand-made "confidently wrong" softmax, and the hockey-stick loss curve."""
import numpy as np
import pandas as pd
import streamlit as st

from core.config import MLPConfig, TrainConfig
from core.diagnostics import expected_init_loss, histogram, init_loss, softmax_table
from ui import cache, wordlist
from ui import charts_loss as C
from ui import predict
from ui.layout import notice, page_setup, what_you_will_see
from ui.state import Control, activation_control, read_url, select, show_notices, slider, toggle
from ui.export import show
from ui.present import columns, controls_box, prose, share
from ui.text import t

V_DATA = cache.dataset().vocab.size  # '.' + the letters of the session's word list: 27 for the names
SCALES = tuple(f"{10 ** (k / 4):.3g}" for k in range(-12, 1))  # 0.001 ... 1, 4 per decade
FIX_SCALE = "0.01"  # the lecture's fix
EVAL_N = 4000  # training examples for the step-0 loss of the sweep
SMOOTH = 25  # steps in the rolling mean of the hockey stick
TAIL = 100  # steps averaged for the "end of run" metrics
Z_DEFAULTS = (-12.0, 4.0, 9.0, 16.0)

C_V = Control("l_v", "int", V_DATA, 2, 100)
C_ACT = activation_control("l_act", "tanh")  # keys inside, registry names on screen and in the URL
C_B2 = Control("l_b2", "bool", False)
C_W2 = Control("l_w2", "choice", "1", options=SCALES)
C_Z = tuple(Control(f"l_z{i}", "float", z, -20.0, 20.0) for i, z in enumerate(Z_DEFAULTS))
C_TGT = Control("l_tgt", "choice", "0", options=("0", "1", "2", "3"))
C_N = Control("l_n", "int", 1000, 200, 2000)
CONTROLS = (C_V, C_ACT, C_B2, C_W2, *C_Z, C_TGT, C_N)

page_setup(t("loss.title"), icon="🎯", word_list=True, vocab_keys=(C_V.key,), predict=True)  # the V slider follows the data
show_notices(read_url(CONTROLS))
st.title(t("loss.title"))
what_you_will_see(t("loss.what_you_will_see"))
expected = expected_init_loss(V_DATA)
wordlist.expected_loss_note(V_DATA)  # with an uploaded list: its own V and expected loss


def show_diverged(diverged: dict[str, int]) -> None:
    for variant, step in diverged.items():
        st.error(t("common.diverged", variant=variant, step=step))


# -- 1. the expected loss ---------------------------------------------------------------------
st.header(t("loss.expected.header"))
prose(t("loss.expected.body"))
left, right = columns([2, 3])
with left:
    with controls_box():
        v = slider(C_V, t("loss.expected.v"), step=1, help=t("loss.expected.v_help"))
    st.latex(rf"-\ln\left(\tfrac{{1}}{{V}}\right) = \ln V = \ln {v} = {expected_init_loss(v):.4f}")
    m1, m2 = st.columns(2)
    m1.metric(t("loss.expected.metric"), f"{expected_init_loss(v):.4f}", help=t("loss.expected.metric_help"))
    m2.metric(t("loss.expected.uniform_p"), f"{1 / v:.4f}")
with right:
    curve = pd.DataFrame({"V": np.arange(2, 101)})
    curve["loss"] = np.log(curve["V"].astype(float))
    chart = C.expected_curve(curve, v, t("loss.expected.chart_title"), t("loss.expected.x"), t("loss.expected.y"),
                             t("loss.expected.point"))
    show(chart, "expected-loss", t("loss.expected.alt", v=v, loss=expected_init_loss(v)))
    notice(t("loss.expected.notice"))

# -- 2 and 3. observed step-0 loss against the W2 scale, and the logits behind it -------------
st.header(t("loss.sweep.header"))
prose(t("loss.sweep.body", n=EVAL_N))
with controls_box():
    c1, c2, c3 = st.columns([1, 1, 2], vertical_alignment="center")
    act = select(C_ACT, t("loss.sweep.act"), help=t("loss.sweep.act_help"), where=c1)
    b2_random = toggle(C_B2, t("loss.sweep.b2"), help=t("loss.sweep.b2_help"), where=c2)
    w2 = c3.select_slider(t("loss.sweep.w2"), options=SCALES, value=C_W2.default, key=C_W2.key,
                          bind="query-params", help=t("loss.sweep.w2_help"))
share()

b2 = 1.0 if b2_random else 0.0
labels = {s: f"W2×{float(s):g}" for s in SCALES}
cfgs = [MLPConfig(activation=act, w2_scale=float(s), b2_scale=b2, label=labels[s]) for s in SCALES]
# steps=1: the eval at step 0 (before any update) gives the sweep, the snapshot of step 0 the logits
res = cache.train_with_bar(cfgs, TrainConfig(steps=1, eval_every=1, eval_examples=EVAL_N, snapshot_steps=(0,)),
                           t("loss.training_sweep", n=len(cfgs)))
show_diverged(res.diverged())
s0 = init_loss(res.loss, V_DATA).dropna(subset=["train_loss"])
s0["scale"] = s0["variant"].map({lab: float(s) for s, lab in labels.items()})
by_scale = dict(zip(s0["scale"], s0["train_loss"]))
chosen = float(w2)

# -- predict first: the step-0 loss at the chosen W2 scale, before it is shown ------------------
if predict.on() and chosen in by_scale:
    setting = (act, b2_random, w2)
    guess = predict.ask("loss", setting, t("predict.loss.question", scale=w2, v=V_DATA, expected=expected),
                        max_value=1000.0)
    if guess is None:
        st.stop()
    actual = by_scale[chosen]
    lg_std = float(res.logits.loc[(res.logits["step"] == 0) & (res.logits["variant"] == labels[w2]), "logit"].std())
    why = t("predict.loss.why_high" if actual > 1.5 * expected else "predict.loss.why_near", std=lg_std, v=V_DATA,
            expected=expected)
    predict.number_feedback("loss", setting, guess, actual, predict.score(guess, actual, tol=0.1, relative=True),
                            t("predict.loss.what", scale=w2), ".2f", why=why)

m1, m2, m3 = st.columns(3)
if chosen in by_scale:
    m1.metric(t("loss.sweep.m_scale", scale=w2), f"{by_scale[chosen]:.4f}", help=t("loss.sweep.m_scale_help"))
    m2.metric(t("loss.sweep.m_excess"), f"{by_scale[chosen] - expected:+.4f}", help=t("loss.sweep.m_excess_help"))
m3.metric(t("loss.sweep.m_expected"), f"{expected:.4f}")

left, right = columns(2)
with left:
    sweep_df = s0[["scale", "variant", "train_loss"]].rename(columns={"train_loss": "loss"})
    chart = C.sweep(sweep_df, chosen, expected, t("loss.sweep.chart_title"), t("loss.sweep.x"), t("loss.sweep.y"),
                    t("loss.sweep.variant"), t("loss.sweep.chosen", loss=by_scale.get(chosen, float("nan"))),
                    t("loss.sweep.rule"))
    show(chart, "step0-loss-vs-w2", t("loss.sweep.alt", big=by_scale.get(1.0, float("nan")),
                                      small=by_scale.get(0.01, float("nan")), scale=w2))
    notice(t("loss.sweep.notice_b2") if b2_random else t("loss.sweep.notice"))

with right:
    lg = res.logits[(res.logits["step"] == 0) & (res.logits["variant"] == labels[w2])]
    if len(lg):
        batch_loss = float(s0.loc[s0["variant"] == labels[w2], "batch_loss"].iloc[0])
        std, mx = float(lg["logit"].std()), float(lg["logit"].abs().max())
        binned = histogram(lg, "logit", by=(), bins=40)
        chart = C.logits_hist(binned, t("loss.logits.chart_title", scale=w2), t("loss.logits.x"), t("loss.logits.y"),
                              t("loss.logits.from"), t("loss.logits.to"))
        show(chart, "logits-histogram", t("loss.logits.alt", scale=w2, std=std, mx=mx, loss=batch_loss))
        notice(t("loss.logits.notice"))
        m1, m2, m3 = st.columns(3)
        m1.metric(t("loss.logits.m_batch"), f"{batch_loss:.4f}", help=t("loss.logits.m_batch_help"))
        m2.metric(t("loss.logits.m_std"), f"{std:.3f}", help=t("loss.logits.m_std_help"))
        m3.metric(t("loss.logits.m_max"), f"{mx:.2f}", help=t("loss.logits.m_max_help"))

st.subheader(t("loss.logits.header"))
prose(t("loss.logits.body", v=V_DATA))
st.caption(t("loss.logits.zero_note"))

# -- 4. confidently wrong, by hand -------------------------------------------------------------
st.header(t("loss.cw.header"))
prose(t("loss.cw.body"))


def make_equal() -> None:
    for c in C_Z:
        st.session_state[c.key] = 0.0


left, right = columns([2, 3])
with left, controls_box():
    zs = [slider(c, t("loss.cw.logit", i=i), step=0.5, help=t("loss.cw.logit_help", i=i)) for i, c in enumerate(C_Z)]
    target = int(select(C_TGT, t("loss.cw.target"), help=t("loss.cw.target_help")))
    st.button(t("loss.cw.equal"), on_click=make_equal, help=t("loss.cw.equal_help"))
with right:
    sm = softmax_table(zs, target)
    loss_cw, p_target = float(sm["loss"].iloc[0]), float(sm["prob"].iloc[target])
    m1, m2, m3 = st.columns(3)
    m1.metric(t("loss.cw.m_loss"), f"{loss_cw:.4f}", help=t("loss.cw.m_loss_help"))
    m2.metric(t("loss.cw.m_p"), f"{p_target:.3g}", help=t("loss.cw.m_p_help"))
    m3.metric(t("loss.cw.m_uniform"), f"{expected_init_loss(4):.4f}")
    sm["name"] = [t("loss.cw.class_name", i=i) for i in sm["cls"]]
    sm["role"] = np.where(sm["is_target"], t("loss.cw.is_target"), t("loss.cw.is_other"))
    chart = C.softmax_bars(sm, t("loss.cw.chart_title"), t("loss.cw.x"), t("loss.cw.y"), t("loss.cw.logit_col"),
                           t("loss.cw.role"), t("loss.cw.is_target"), t("loss.cw.is_other"))
    show(chart, "softmax-by-hand", t("loss.cw.alt", logits=", ".join(f"{z:g}" for z in zs), target=target,
                                     p=p_target, loss=loss_cw))
    notice(t("loss.cw.notice"))

# -- 5. the hockey stick -----------------------------------------------------------------------
st.header(t("loss.hockey.header"))
prose(t("loss.hockey.body"))
with controls_box():
    n_steps = slider(C_N, t("loss.hockey.steps"), step=100, help=t("loss.hockey.steps_help"))
naive, fixed = t("loss.hockey.naive"), t("loss.hockey.fixed")
pair = [MLPConfig(activation=act, w2_scale=1.0, b2_scale=1.0, label=naive),
        MLPConfig(activation=act, w2_scale=float(FIX_SCALE), b2_scale=0.0, label=fixed)]
hres = cache.train_with_bar(pair, TrainConfig(steps=n_steps, eval_examples=1000, snapshot_steps=()),
                            t("loss.training_hockey", n=n_steps))
diverged = hres.diverged()
show_diverged(diverged)
curve = hres.loss[hres.loss["split"] == "batch"].copy()  # per variant in step order, naive first
curve["smooth"] = curve.groupby("variant", sort=False)["loss"].transform(lambda s: s.rolling(SMOOTH, min_periods=1).mean())
curve = curve[np.isfinite(curve["loss"])]

stats = {}  # variant -> (loss at step 0, mean of the last TAIL steps)
for name in (naive, fixed):
    part = curve[curve["variant"] == name]
    if len(part):
        stats[name] = (float(part["loss"].iloc[0]), float(part["loss"].tail(TAIL).mean()))
cols = st.columns(4)
short = {naive: t("loss.hockey.naive_short"), fixed: t("loss.hockey.fixed_short")}
for i, (name, (start, end)) in enumerate(stats.items()):
    cols[2 * i].metric(t("loss.hockey.m_start", variant=short[name]), f"{start:.3f}", help=t("loss.hockey.m_start_help"))
    cols[2 * i + 1].metric(t("loss.hockey.m_end", variant=short[name]), "—" if name in diverged else f"{end:.3f}",
                           help=t("loss.hockey.m_end_help"))

smooth_title = t("loss.hockey.smooth", w=SMOOTH)
chart = C.hockey(curve[["step", "variant", "loss", "smooth"]], expected, t("loss.hockey.chart_title", n=n_steps),
                 t("loss.hockey.x"), t("loss.hockey.y"), t("loss.hockey.variant"), t("loss.hockey.raw"), smooth_title,
                 t("loss.hockey.rule"), y_max=1.1 * max(start for start, _ in stats.values()) if stats else None)
nan2 = (np.nan, np.nan)
show(chart, "hockey-stick", t("loss.hockey.alt", n=n_steps, naive0=stats.get(naive, nan2)[0], fixed0=stats.get(fixed, nan2)[0],
                              naive_end=stats.get(naive, nan2)[1], fixed_end=stats.get(fixed, nan2)[1]))
st.caption(t("loss.hockey.smooth_caption", w=SMOOTH))
notice(t("loss.hockey.notice"))

ds = cache.dataset()
st.caption(wordlist.data_text(ds))
