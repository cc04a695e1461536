"""Tanh saturation: the lecture's MLP on the names data, its hidden layer seen on one minibatch.

Histograms of the pre-activations x and of h = f(x), the example x neuron map of saturated
(or zero-gradient) units, and how much gradient 1 - t^2 lets through, for any activation of
the registry and any W1 / b1 scale, at init or after N training steps.
The numbers come from core.lessons.tanh_saturation; this page draws and translates them.
"""

import streamlit as st

from core import activations as A
from core.lessons.tanh_saturation import FAN_IN, THRESHOLD_KINDS, VARIANTS, inactive_kind, presets, saturation
from ui import cache, predict, previews, wordlist
from ui import charts as C
from ui import charts_saturation as CS
from ui import state as S
from ui.export import show
from ui.layout import notice, page_setup, what_you_will_see
from ui.present import columns, controls_box, prose, share
from ui.text import act_name, num, t
from ui.views import SATURATION as VIEW

CONTROLS = VIEW.controls  # the URL's keys and their lesson arguments: ui/views.py
ACT, W1, B1, THR, STEPS = CONTROLS


def set_scales(w1: float, b1: float) -> None:
    """Preset buttons: write the slider keys, so the sliders and the URL follow."""
    S.set_value(W1, w1)
    S.set_value(B1, b1)


page_setup("saturation", t("saturation.title"), icon="🔥", controls=CONTROLS, word_list=True, predict=True)
st.title(t("saturation.title"))
opener = st.empty()  # filled once the activation is known (its wording depends on it)
st.caption(wordlist.data_text(cache.dataset()))  # which words the page trains on (names or an upload)

# -- controls ------------------------------------------------------------------------------
with controls_box():
    c1, c2, c3 = st.columns(3)
    act = S.select(ACT, t("saturation.act.label"), format_func=act_name, help=t("saturation.act.help"), where=c1)
    # what "inactive" means for this activation: every activation-dependent text is <key>.<kind>
    kind = inactive_kind(act)
    name, pre = act_name(act), presets(act)
    kw1 = pre["kaiming"][0]
    w1_help = t("saturation.w1.help", gain=A.gain_for(act), fan_in=FAN_IN, w1=kw1, act=name)
    w1 = S.slider(W1, t("saturation.w1.label"), step=0.001, fmt="%.3f", help=w1_help, where=c2)
    b1 = S.slider(B1, t("saturation.b1.label"), step=0.01, help=t("saturation.b1.help"), where=c3)
    st.caption(t("saturation.presets.label"))
    source = t(f"act.{act}.gain_source")
    helps = {
        "before": t("saturation.preset.before_help"),
        "fix": t("saturation.preset.fix_help"),
        "kaiming": t(
            "saturation.preset.kaiming_help", act=name, gain=A.gain_for(act), fan_in=FAN_IN, w1=kw1, source=source
        ),
    }
    for col, (pid, scales) in zip(st.columns(3), pre.items()):
        col.button(
            t(f"saturation.preset.{pid}", w1=kw1),
            key=f"s_btn_{pid}",
            on_click=set_scales,
            args=scales,
            help=helps[pid],
            width="stretch",
        )
    c4, c5 = st.columns(2)
    thr_help = t(f"saturation.thr.help.{kind}", act=name)
    # the threshold only moves saturating activations: elsewhere the slider stays (its URL value
    # kept) but greyed out, and says why
    unused = kind not in THRESHOLD_KINDS
    thr = S.slider(THR, t("saturation.thr.label"), step=0.001, fmt="%.3f", help=thr_help, where=c4, disabled=unused)
    if unused:
        c4.caption(thr_help)
    steps = S.slider(STEPS, t("saturation.steps.label"), step=100, help=t("saturation.steps.help"), where=c5)
    st.caption(t("saturation.fixed"))
share()

with opener:
    what_you_will_see(t(f"saturation.what.{kind}", act=name))

# -- predict first: the % saturated, asked before anything is computed (nothing can leak) ----
setting = (act, w1, b1, thr, steps)
state_text = t(f"saturation.predict.state.{kind}", thr=thr)
when = t("predict.sat.when_init") if steps == 0 else t("predict.sat.when_steps", n=steps)
question = t("predict.sat.question", act=name, w1=w1, b1=b1, when=when, state=state_text)
guess = predict.gate("saturation", setting, question, step=1.0)

# -- yours and the lecture's three settings, trained together on the same minibatches -------
pv = previews.saturation_at_init(act, w1, b1, thr, steps)
les = saturation(**VIEW.kwargs(S.value_of), data=cache.dataset(), compute=cache.compute(preview=pv))
pv.clear()
labels = {v: t(f"saturation.variant.{v}") for v in VARIANTS}
for variant, step in les.diverged.items():
    st.error(t("common.diverged", variant=labels[variant], step=step), icon="💥")
on_label = t(f"saturation.state.on.{kind}", thr=thr, frac=les.slope_fraction)
off_label = t("saturation.state.off")
loss_words = (t("saturation.loss.title"), t("saturation.loss.x"), t("saturation.loss.y"), t("saturation.variant.title"))

if les.yours_diverged:
    st.info(t("saturation.no_snapshot", step=les.diverged["yours"]))
    show(CS.loss_curve(les.loss_curve, labels, *loss_words), "loss-curve-diverged", t("saturation.loss.alt"))
    notice(t("saturation.loss.notice_diverged", step=les.diverged["yours"]))
    st.stop()

st.caption(t("saturation.snapshot.init") if steps == 0 else t("saturation.snapshot.after", n=steps))
s = les.summary

# -- how close the guess was ----------------------------------------------------------------
if guess is not None:
    predict.number_feedback(
        "saturation",
        setting,
        guess,
        s.pct_inactive,
        predict.score(guess, s.pct_inactive, tol=5.0),
        t("predict.sat.what", state=state_text),
        ".1f",
        unit=" %",
        why=t(f"saturation.predict.why.{kind}", std=s.pre_std, x=les.x_threshold, act=name),
    )

# -- metrics -------------------------------------------------------------------------------
m1, m2, m3, m4 = st.columns(4)
m1.metric(
    t(f"saturation.metric.pct.{kind}"),
    t("saturation.metric.pct_value", pct=s.pct_inactive),
    help=t(f"saturation.metric.pct_help.{kind}", thr=thr, act=name),
)
m2.metric(
    t("saturation.metric.dead"),
    t("saturation.metric.dead_value", dead=s.dead_neurons, n=s.neurons),
    help=t("saturation.metric.dead_help"),
)
m3.metric(t("saturation.metric.local"), num(s.mean_local, ".3f"), help=t("saturation.metric.local_help", act=name))
m4.metric(t("saturation.metric.dx"), num(s.mean_abs_dx, ".2e"), help=t("saturation.metric.dx_help"))

# -- histograms of x and h -----------------------------------------------------------------
common = dict(
    y_title=t("saturation.hist.y"),
    state_title=t("saturation.state.title"),
    on_label=on_label,
    off_label=off_label,
    from_title=t("saturation.hist.from"),
    to_title=t("saturation.hist.to"),
)
h1, h2 = columns(2)
with h1:
    show(
        CS.state_hist(
            les.hist_of("pre"),
            t("saturation.hist.pre.title"),
            t("saturation.hist.pre.x"),
            rules=les.pre_rules,
            rule_label=t("saturation.hist.pre.rule", x=les.x_threshold),
            **common,
        ),
        "pre-activation-histogram",
        t("saturation.hist.pre.alt", std=s.pre_std),
    )
    notice(t(f"saturation.hist.pre.notice.{kind}", std=s.pre_std, act=name))
with h2:
    show(
        CS.state_hist(
            les.hist_of("h"),
            t("saturation.hist.h.title"),
            t("saturation.hist.h.x"),
            rules=les.h_rules,
            rule_label=t("saturation.hist.h.rule", thr=thr),
            **common,
        ),
        "h-histogram",
        t("saturation.hist.h.alt", pct=s.pct_inactive),
    )
    notice(t(f"saturation.hist.h.notice.{kind}", thr=thr, pct=s.pct_inactive, act=name))

# -- the saturation map --------------------------------------------------------------------
chart = C.binary_map(
    les.yours[["example", "neuron", "h", "inactive"]],
    t("saturation.map.title", white=on_label),
    t("saturation.map.x"),
    t("saturation.map.y"),
    on_label=on_label,
    off_label=off_label,
    height=260,
)
show(chart, "saturation-map", t("saturation.map.alt", pct=s.pct_inactive, dead=s.dead_neurons))
notice(t(f"saturation.map.notice.{kind}", pct=s.pct_inactive, dead=s.dead_neurons, act=name))

# -- you vs the lecture --------------------------------------------------------------------
what = t(f"saturation.metric.pct.{kind}")
chart = CS.compare_bars(
    les.compare,
    labels,
    t("saturation.compare.title", what=what, step=steps),
    t("saturation.compare.x"),
    t(f"saturation.compare.y.{kind}"),
    t("saturation.w1.short"),
    t("saturation.b1.short"),
    t("saturation.metric.dead"),
)
show(chart, "settings-compared", t("saturation.compare.alt"))
if les.compare_complete:
    pct = dict(zip(les.compare["variant"], les.compare["pct"]))
    notice(
        t(f"saturation.compare.notice.{kind}", before=pct["before"], fix=pct["fix"], kaiming=pct["kaiming"], act=name)
    )
else:
    notice(t("saturation.compare.notice_generic"))

# -- why the gradient vanishes -------------------------------------------------------------
st.header(t("saturation.why.title"))
prose(t("saturation.why.body") + " " + t(f"saturation.why.kind.{kind}", act=name))
st.latex(t("saturation.why.latex"))
st.markdown(t("saturation.why.yours", name=name))
st.latex(A.get(act).deriv_latex)
chart = CS.state_hist(
    les.hist_of("local"),
    t("saturation.local.title", name=name),
    t(f"saturation.local.x.{kind}"),
    rules=les.local_rules,
    rule_label=t("saturation.local.rule", mean=s.mean_local),
    **common,
)
show(chart, "local-gradient-histogram", t("saturation.local.alt", mean=s.mean_local))
notice(t(f"saturation.local.notice.{kind}", mean=s.mean_local, act=name))

# -- the loss along the way ----------------------------------------------------------------
if steps > 0:
    show(CS.loss_curve(les.loss_curve, labels, *loss_words), "loss-curve", t("saturation.loss.alt"))
    notice(t(f"saturation.loss.notice.{kind}", act=name))
