"""Tanh saturation: the lecture's MLP on the names data, its hidden layer seen on one minibatch.

Histograms of the pre-activations x and of h = f(x), the example x neuron map of saturated
(or zero-gradient) units, and how much gradient 1 - t^2 lets through, for any activation of
the registry and any W1 / b1 scale, at init or after N training steps.
"""
import math

import pandas as pd
import streamlit as st

from core import activations as A
from core import diagnostics as D
from core.config import MLPConfig, TrainConfig
from ui import cache, wordlist
from ui import charts as C
from ui import charts_saturation as CS
from ui import predict
from ui import state as S
from ui.layout import notice, page_setup, what_you_will_see
from ui.export import show
from ui.present import columns, controls_box, prose, share
from ui.text import t

CONTROLS = (
    S.activation_control("s_act", "tanh"),  # keys inside, registry names on screen and in the URL
    S.Control("s_w1", "float", 1.0, 0.0, 3.0),
    S.Control("s_b1", "float", 1.0, 0.0, 3.0),
    S.Control("s_thr", "float", 0.99, 0.5, 0.999),
    S.Control("s_steps", "int", 0, 0, 5000),
)
ACT, W1, B1, THR, STEPS = CONTROLS
FAN_IN = MLPConfig().fan_in  # n_embd * block_size = 30


def kaiming_w1(key: str) -> float:
    """gain / sqrt(fan_in) for this activation, rounded to the slider's step."""
    return round(A.gain_for(key) / math.sqrt(FAN_IN), 3)


def set_scales(w1: float, b1: float) -> None:
    """Preset buttons: write the slider keys, so the sliders and the URL follow."""
    st.session_state[W1.key] = w1
    st.session_state[B1.key] = b1


page_setup(t("saturation.title"), icon="🔥", word_list=True, predict=True)
S.show_notices(S.read_url(CONTROLS))
st.title(t("saturation.title"))
what_you_will_see(t("saturation.what"))
st.caption(wordlist.data_text(cache.dataset()))  # which words the page trains on (names or an upload)

# -- controls ------------------------------------------------------------------------------
with controls_box():
    c1, c2, c3 = st.columns(3)
    act = S.select(ACT, t("saturation.act.label"),
                   help=t("saturation.act.help"), where=c1)
    w1 = S.slider(W1, t("saturation.w1.label"), step=0.001, fmt="%.3f", help=t("saturation.w1.help"), where=c2)
    b1 = S.slider(B1, t("saturation.b1.label"), step=0.01, help=t("saturation.b1.help"), where=c3)
    st.caption(t("saturation.presets.label"))
    p1, p2, p3 = st.columns(3)
    kw1 = kaiming_w1(act)
    p1.button(t("saturation.preset.before"), key="s_btn_before", on_click=set_scales, args=(1.0, 1.0),
              help=t("saturation.preset.before_help"), width="stretch")
    p2.button(t("saturation.preset.fix"), key="s_btn_fix", on_click=set_scales, args=(0.2, 0.01),
              help=t("saturation.preset.fix_help"), width="stretch")
    p3.button(t("saturation.preset.kaiming", w1=kw1), key="s_btn_kaiming", on_click=set_scales, args=(kw1, 0.01),
              help=t("saturation.preset.kaiming_help", act=A.REGISTRY[act].name, gain=A.gain_for(act), fan_in=FAN_IN,
                     w1=kw1), width="stretch")
    c4, c5 = st.columns(2)
    thr = S.slider(THR, t("saturation.thr.label"), step=0.001, fmt="%.3f", help=t("saturation.thr.help"), where=c4)
    steps = S.slider(STEPS, t("saturation.steps.label"), step=100, help=t("saturation.steps.help"), where=c5)
    st.caption(t("saturation.fixed"))
share()

# -- train: yours and the lecture's three settings, together, same seed -------------------
spec = A.REGISTRY[act]
params = A.resolve_params(act)
base = MLPConfig(activation=act, w2_scale=0.01, b2_scale=0.0)
settings = [  # (label, w1, b1)
    (t("saturation.variant.yours"), w1, b1),
    (t("saturation.variant.before"), 1.0, 1.0),
    (t("saturation.variant.fix"), 0.2, 0.01),
    (t("saturation.variant.kaiming"), kw1, 0.01),
]
cfgs = [base.with_(label=lab, w1_scale=float(a), b1_scale=float(b)) for lab, a, b in settings]
# A snapshot is the minibatch of a training step, taken before that step's update: the one of
# step N shows the net after N updates, so train N + 1 steps (1 for "at init"). The page shows no
# train/val loss, so the end-of-run evaluation gets 1 example instead of the whole split.
tcfg = TrainConfig(steps=steps + 1, lr=0.1, snapshot_steps=(steps,), eval_examples=1)
result = cache.train_with_bar(cfgs, tcfg,
                              label=t("common.training", n=len(cfgs)))
yours = settings[0][0]
diverged = result.diverged()
for variant, step in diverged.items():
    st.error(t("common.diverged", variant=variant, step=step), icon="💥")

# What white means for this activation.
if spec.width_multiplier is not None:
    kind = "never"
elif spec.saturating:
    kind = "tanh" if act == "tanh" else "saturating"
else:
    kind = "zero"
on_label = t(f"saturation.state.on.{kind}", thr=thr, frac=1 - thr * thr)
off_label = t("saturation.state.off")

if yours in diverged and diverged[yours] <= steps:
    st.info(t("saturation.no_snapshot", step=diverged[yours]))
    chart = CS.loss_curve(result.loss, steps, t("saturation.loss.title"), t("saturation.loss.x"),
                          t("saturation.loss.y"), t("saturation.variant.title"))
    show(chart, "loss-curve-diverged", t("saturation.loss.alt"))
    notice(t("saturation.loss.notice_diverged", step=diverged[yours]))
    st.stop()

st.caption(t("saturation.snapshot.init") if steps == 0 else t("saturation.snapshot.after", n=steps))

snap = result.snapshots
frames = {v: CS.snapshot_frame(g, act, params, thr, on_label, off_label)
          for v, g in snap[snap["step"] == steps].groupby("variant", sort=False)}
me = frames[yours]
summary = D.saturation_summary(me)

# -- predict first: the % saturated, before it is shown --------------------------------------
if predict.on():
    setting = (act, w1, b1, thr, steps)
    state_text = t(f"predict.sat.state.{kind}", thr=thr)
    when = t("predict.sat.when_init") if steps == 0 else t("predict.sat.when_steps", n=steps)
    guess = predict.ask("saturation", setting, t("predict.sat.question", act=spec.name, w1=w1, b1=b1, when=when,
                                                 state=state_text), step=1.0)
    if guess is None:
        st.stop()
    actual = summary["pct_inactive"]
    predict.number_feedback("saturation", setting, guess, actual, predict.score(guess, actual, tol=5.0),
                            t("predict.sat.what", state=state_text), ".1f", unit=" %",
                            why=t(f"predict.sat.why.{kind}", std=me["pre"].std(), x=math.atanh(thr)))

# -- metrics -------------------------------------------------------------------------------
m1, m2, m3, m4 = st.columns(4)
m1.metric(t(f"saturation.metric.pct.{kind}"), t("saturation.metric.pct_value", pct=summary["pct_inactive"]),
          help=t(f"saturation.metric.pct_help.{kind}", thr=thr))
m2.metric(t("saturation.metric.dead"), t("saturation.metric.dead_value", dead=summary["dead_neurons"],
                                          n=summary["neurons"]), help=t("saturation.metric.dead_help"))
m3.metric(t("saturation.metric.local"), f"{me['local'].mean():.3f}", help=t("saturation.metric.local_help"))
m4.metric(t("saturation.metric.dx"), f"{me['dx'].abs().mean():.2e}", help=t("saturation.metric.dx_help"))

# -- histograms of x and h -----------------------------------------------------------------
state_title = t("saturation.state.title")
common = dict(y_title=t("saturation.hist.y"), state_title=state_title, on_label=on_label, off_label=off_label,
              from_title=t("saturation.hist.from"), to_title=t("saturation.hist.to"))
h1, h2 = columns(2)
with h1:
    x_sat = math.atanh(thr)  # tanh(x) = threshold
    chart = CS.state_hist(D.histogram(me, "pre", by=("state",), bins=50), t("saturation.hist.pre.title"),
                          t("saturation.hist.pre.x"), rules=(-x_sat, x_sat) if act == "tanh" else (),
                          rule_label=t("saturation.hist.pre.rule", x=x_sat), **common)
    show(chart, "pre-activation-histogram", t("saturation.hist.pre.alt", std=me["pre"].std()))
    notice(t(f"saturation.hist.pre.notice.{kind}", std=me["pre"].std()))
with h2:
    lo, hi = spec.output_range
    h_range = (lo, hi) if math.isfinite(lo) and math.isfinite(hi) else None
    rules = (-thr, thr) if act == "tanh" else ()
    chart = CS.state_hist(D.histogram(me, "h", by=("state",), bins=50, value_range=h_range),
                          t("saturation.hist.h.title"), t("saturation.hist.h.x"), rules=rules,
                          rule_label=t("saturation.hist.h.rule", thr=thr), **common)
    show(chart, "h-histogram", t("saturation.hist.h.alt", pct=summary["pct_inactive"]))
    notice(t(f"saturation.hist.h.notice.{kind}", thr=thr, pct=summary["pct_inactive"]))

# -- the saturation map --------------------------------------------------------------------
chart = C.binary_map(me, t("saturation.map.title", white=on_label), t("saturation.map.x"), t("saturation.map.y"),
                     on_label=on_label, off_label=off_label, height=260)
show(chart, "saturation-map", t("saturation.map.alt", pct=summary["pct_inactive"],
                                dead=summary["dead_neurons"]))
notice(t(f"saturation.map.notice.{kind}", pct=summary["pct_inactive"], dead=summary["dead_neurons"]))

# -- you vs the lecture --------------------------------------------------------------------
rows = []
for (lab, a, b) in settings:
    if lab in frames:
        s = D.saturation_summary(frames[lab])
        rows.append({"variant": lab, "pct": s["pct_inactive"], "dead": s["dead_neurons"], "w1": a, "b1": b})
cmp = pd.DataFrame(rows)
chart = CS.compare_bars(cmp, t("saturation.compare.title", what=t(f"saturation.metric.pct.{kind}"), step=steps),
                        t("saturation.compare.x"), t("saturation.compare.y", what=t(f"saturation.metric.pct.{kind}")), t("saturation.w1.short"),
                        t("saturation.b1.short"), t("saturation.metric.dead"))
show(chart, "settings-compared", t("saturation.compare.alt"))
if len(cmp) == len(settings):
    pct = cmp["pct"].tolist()
    notice(t(f"saturation.compare.notice.{kind}", before=pct[1], fix=pct[2], kaiming=pct[3]))
else:
    notice(t("saturation.compare.notice_generic"))

# -- why the gradient vanishes -------------------------------------------------------------
st.header(t("saturation.why.title"))
prose(t("saturation.why.body"))
st.latex(t("saturation.why.latex"))
st.markdown(t("saturation.why.yours", name=spec.name))
st.latex(spec.deriv_latex)
mean_local = me["local"].mean()
chart = CS.state_hist(D.histogram(me, "local", by=("state",), bins=40), t("saturation.local.title", name=spec.name),
                      t("saturation.local.x"), rules=(mean_local,),
                      rule_label=t("saturation.local.rule", mean=mean_local), **common)
show(chart, "local-gradient-histogram", t("saturation.local.alt", mean=mean_local))
notice(t("saturation.local.notice", mean=mean_local))

# -- the loss along the way ----------------------------------------------------------------
if steps > 0:
    chart = CS.loss_curve(result.loss, steps, t("saturation.loss.title"), t("saturation.loss.x"),
                          t("saturation.loss.y"), t("saturation.variant.title"))
    show(chart, "loss-curve", t("saturation.loss.alt"))
    notice(t("saturation.loss.notice"))
