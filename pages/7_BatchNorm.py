"""BatchNorm: what it does to the pre-activations, how the batch couples the examples, training
against inference statistics, the bias it makes useless, and an init that matters less.
The numbers come from core.lessons.batch_norm; this page draws and words them."""

import math

import streamlit as st

from core.batchnorm import JITTER_DRAWS, TRACKED
from core.lessons.batch_norm import (
    GAINS,
    GRAD_ANSWERS,
    INFERENCE,
    STATS,
    SWEEP_EVAL,
    SWEEP_STEPS,
    batchnorm,
)
from ui import cache, predict, wordlist
from ui import charts_batchnorm as C
from ui import state as S
from ui.export import show
from ui.layout import notice, page_setup, what_you_will_see
from ui.present import columns, controls_box, prose, share
from ui.text import act_name, num, t
from ui.views import BATCHNORM as VIEW

CONTROLS = VIEW.controls  # the URL's keys and their lesson arguments: ui/views.py
C_ACT, C_STEPS, C_MOM, C_BS = CONTROLS

page_setup("batchnorm", t("batchnorm.title"), icon="🧪", controls=CONTROLS, word_list=True, predict=True)
st.title(t("batchnorm.title"))
what_you_will_see(t("batchnorm.what"))

with controls_box():
    c1, c2 = st.columns(2)
    act = S.select(C_ACT, t("batchnorm.act.label"), format_func=act_name, help=t("batchnorm.act.help"), where=c1)
    steps = S.slider(C_STEPS, t("batchnorm.steps.label"), step=100, help=t("batchnorm.steps.help"), where=c2)
    st.caption(t("batchnorm.fixed") + " " + wordlist.data_text(cache.dataset()))
share()
name, mom, bs = act_name(act), float(S.value_of(C_MOM)), int(S.value_of(C_BS))  # their widgets sit in sections 2-3
setting = (act, steps, mom)
guess = predict.gate(  # before the lesson: nothing of it is on screen until the guess is in
    "batchnorm",
    setting,
    t("batchnorm.predict.question", name=name, steps=steps),
    options=[k for k, _ in GRAD_ANSWERS],
    format_func=lambda k: t(f"batchnorm.predict.opt.{k}"),
)
les = batchnorm(**VIEW.kwargs(S.value_of), data=cache.dataset(), compute=cache.compute())
p, grad = les.probe, {"b1": num(les.b1_grad, ".1e"), "bb": num(les.bnbias_grad, ".1e")}
if p.diverged_at is not None:
    st.error(t("common.diverged", variant=t("batchnorm.variant", name=name, mom=mom), step=p.diverged_at), icon="💥")
if guess is not None:
    predict.choice_feedback(
        "batchnorm",
        setting,
        right=guess == les.b1_answer,
        guess_text=t(f"batchnorm.predict.opt.{guess}"),
        answer_text=t(f"batchnorm.predict.opt.{les.b1_answer}") + " " + t("batchnorm.predict.answer", **grad),
        why=t("batchnorm.predict.why"),
        truth=[les.b1_answer],  # the right option: a class's teacher sees it marked
    )

# -- 1. what BN does to the pre-activations ------------------------------------------------------
st.header(t("batchnorm.pre.header"))
prose(t("batchnorm.pre.body"))
where = {w: t(f"batchnorm.pre.{w}") for w in ("before", "after")}
for col, ph in zip(columns(2), les.phases.itertuples()):
    args = dict(
        phase=t(f"batchnorm.pre.phase.{ph.phase}", steps=steps), steps=steps, lo=ph.after_std_min, hi=ph.after_std_max
    )
    h = les.hist[les.hist["phase"] == ph.phase]
    legend = (t("batchnorm.pre.y"), t("batchnorm.pre.legend"))
    chart = C.pre_hist(
        h, where, t("batchnorm.pre.gauss"), t("batchnorm.pre.title", **args), t("batchnorm.pre.x"), *legend
    )
    show(chart, f"pre-activations-{ph.phase}", t("batchnorm.pre.alt", before=ph.before_std, **args), where=col)
    stats = p.neuron_stats[p.neuron_stats["phase"] == ph.phase]
    titles = (t("batchnorm.pre.stats_title", **args), t("batchnorm.pre.stats_x"), t("batchnorm.pre.stats_y"))
    chart = C.neuron_stats(stats, where, *titles, t("batchnorm.pre.legend"))
    show(chart, f"neuron-stats-{ph.phase}", t("batchnorm.pre.stats_alt", mean=ph.after_mean_max, **args), where=col)
    with col:
        notice(t(f"batchnorm.pre.notice.{ph.phase}", mean=ph.after_mean_max, **args))

# -- 2. the batch couples the examples ------------------------------------------------------------
st.header(t("batchnorm.jitter.header"))
prose(t("batchnorm.jitter.body", draws=JITTER_DRAWS))
S.select_slider(C_BS, t("batchnorm.jitter.bs.label"), help=t("batchnorm.jitter.bs.help"))
js, mine = p.jitter_summary.set_index("batch_size"), les.jitter_at
small, big = js.iloc[0], js.iloc[-1]
nums = dict(bs=bs, loss=mine["loss_std"], out=mine["out_std"], lo=js.index[0], hi=js.index[-1])
nums |= dict(loss_lo=small["loss_std"], loss_hi=big["loss_std"], out_lo=small["out_std"], out_hi=big["out_std"])
j1, j2 = columns(2)
chosen = (t("batchnorm.jitter.chosen", bs=bs), t("batchnorm.jitter.others"))
axes = (t("batchnorm.jitter.title_draws", draws=JITTER_DRAWS), t("batchnorm.jitter.x"), t("batchnorm.jitter.y_loss"))
chart = C.jitter_draws(p.jitter, bs, chosen, *axes, t("batchnorm.jitter.legend"))
show(chart, "jitter-draws", t("batchnorm.jitter.alt_draws", draws=JITTER_DRAWS, **nums), where=j1)
measures = {m: t(f"batchnorm.jitter.{m}") for m in ("out_std", "loss_std")}
axes = (t("batchnorm.jitter.title_spread"), t("batchnorm.jitter.x"), t("batchnorm.jitter.y_spread"))
chart = C.jitter_spread(p.jitter_summary, measures, bs, *axes, t("batchnorm.jitter.legend_spread"), chosen[0])
show(chart, "jitter-spread", t("batchnorm.jitter.alt_spread", **nums), where=j2)
notice(t("batchnorm.jitter.notice", **nums))

# -- 3. training mode against inference ----------------------------------------------------------
st.header(t("batchnorm.run.header"))
prose(t("batchnorm.run.body"))
st.markdown(t("batchnorm.run.inference"))
S.segmented(C_MOM, t("batchnorm.run.mom.label"), help=t("batchnorm.run.mom.help"))
gaps = dict(mom=mom, steps=steps, n=TRACKED, gap_mean=p.gap_mean, gap_std=p.gap_std)
for col, stat in zip(columns(2), ("mean", "std")):
    titles = (t(f"batchnorm.run.title_{stat}", **gaps), t("batchnorm.run.x"), t(f"batchnorm.run.y_{stat}"))
    chart = C.running_stats(
        les.running,
        stat,
        t("batchnorm.run.neuron"),
        *titles,
        *map(t, ("batchnorm.run.legend", "batchnorm.run.calibrated")),
    )
    show(chart, f"running-{stat}", t(f"batchnorm.run.alt_{stat}", **gaps), where=col)
notice(t("batchnorm.run.notice", **gaps))
names = {k: t(f"batchnorm.run.table.{k}") + (" ★" if k == INFERENCE else "") for k in STATS}
table = les.loss_table.map(lambda v: num(v, ".4f")).rename(columns=names, index=lambda s: t(f"batchnorm.run.table.{s}"))
st.dataframe(table.rename_axis(t("batchnorm.run.table.split")).reset_index(), hide_index=True, width="stretch")
notice(t(f"batchnorm.run.table.{'close' if les.running_close else 'far'}", **gaps, **les.loss_table.loc["val"]))
if les.single_batch_finite:
    st.info(t("batchnorm.run.single.finite"))
else:
    st.info(t("batchnorm.run.single.nan"), icon="🧮")  # a lesson, not a problem with the link

# -- 4. a bias before BN is wasted ----------------------------------------------------------------
st.header(t("batchnorm.grad.header"))
prose(t("batchnorm.grad.body"))
m1, m2 = st.columns(2)
m1.metric(t("batchnorm.grad.metric_b1"), grad["b1"])
m2.metric(t("batchnorm.grad.metric_bb"), grad["bb"])
params = {k: t(f"batchnorm.grad.{k}") for k in ("bnbias", "b1")}
axes = (
    t("batchnorm.grad.title", steps=steps),
    t("batchnorm.grad.x"),
    t("batchnorm.grad.y"),
    t("batchnorm.grad.legend"),
)
show(C.grads(p.grads, params, *axes), "gradients", t("batchnorm.grad.alt", **grad))
notice(t("batchnorm.grad.notice.wasted" if les.b1_wasted else "batchnorm.grad.notice.not", **grad))

# -- 5. BN makes the init less fragile -------------------------------------------------------------
st.header(t("batchnorm.sweep.header"))
prose(t("batchnorm.sweep.body"))
st.caption(t("batchnorm.sweep.caption", n=len(les.sweep), steps=SWEEP_STEPS, eval=SWEEP_EVAL, name=name))
if les.sweep_diverged:
    st.warning(t("batchnorm.sweep.diverged", n=les.sweep_diverged, total=len(les.sweep)), icon="💥")
bn_name = {bn: t(f"batchnorm.sweep.{'with' if bn else 'without'}") for bn in (False, True)}
series = {
    (bn, s): t("batchnorm.sweep.series", bn=bn_name[bn], split=t(f"batchnorm.run.table.{s}"))
    for bn in (False, True)
    for s in ("train", "val")
}
spread = dict(without=les.sweep_spread[False], with_=les.sweep_spread[True], lo=GAINS[0], hi=GAINS[-1])
s1, s2 = columns(2)
axes = (t("batchnorm.sweep.title"), t("batchnorm.sweep.x"), t("batchnorm.sweep.y"), t("batchnorm.sweep.legend"))
show(C.sweep_loss(les.sweep, series, *axes), "gain-sweep", t("batchnorm.sweep.alt", **spread), where=s1)
rr = dict(lo=GAINS[0], hi=GAINS[-1], r_lo=les.ratio_ends[0], r_hi=les.ratio_ends[1])
ends_known = all(map(math.isfinite, les.ratio_ends))  # a net that diverged has no update:data tail
axes = (
    t("batchnorm.sweep.ratio_title"),
    t("batchnorm.sweep.x"),
    t("batchnorm.sweep.ratio_y"),
    t("batchnorm.sweep.legend"),
)
chart = C.sweep_ratio(les.sweep, bn_name, t("batchnorm.sweep.guide"), *axes)
show(chart, "gain-update-ratio", t("batchnorm.sweep.ratio_alt" + ("" if ends_known else "_diverged"), **rr), where=s2)
notice(t("batchnorm.sweep.notice", **spread) + (" " + t("batchnorm.sweep.ratio_notice", **rr) if ends_known else ""))
