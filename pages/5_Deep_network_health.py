"""Deep network health: the lecture's 5 x [Linear 100 -> (BatchNorm) -> activation] on the names
data, read at a glance: activations, gradients, weight gradients per layer (at init and after
training), the update:data ratio over training, and how the signal's std travels with depth.
The numbers and verdicts come from core.lessons.deep_network; this page draws and words them.
"""

import streamlit as st

from core.lessons.deep_network import PRESETS, deep, gain_presets, recommended_gain, same_gain
from ui import cache, previews, wordlist
from ui import charts_deep as C
from ui import deep_view as V
from ui import state as S
from ui.export import show
from ui.layout import notice, page_setup, what_you_will_see
from ui.present import columns, controls_box, prose, share
from ui.text import act_name, t
from ui.views import DEEP as VIEW

CONTROLS = VIEW.controls  # the URL's keys and their lesson arguments: ui/views.py
C_ACT, C_LIN, C_BN, C_GAIN, C_LR, C_STEPS, C_PH, C_CMP = CONTROLS

page_setup("deep", t("deep.title"), icon="🩺", controls=CONTROLS, word_list=True)
st.title(t("deep.title"))
what_you_will_see(t("deep.what"))

# -- controls ------------------------------------------------------------------------------
with controls_box():
    c1, c2, c3 = st.columns(3)
    lin = S.toggle(C_LIN, t("deep.lin.label"), help=t("deep.lin.help"), where=c2)
    act = S.select(C_ACT, t("deep.act.label"), format_func=act_name, help=t("deep.act.help"), where=c1, disabled=lin)
    bn = S.toggle(C_BN, t("deep.bn.label"), help=t("deep.bn.help"), where=c3)
    name, rec = t("deep.linear_name") if lin else act_name(act), recommended_gain(act, lin)
    gain = S.slider(C_GAIN, t("deep.gain.label"), step=0.01, fmt="%.2f", help=t("deep.gain.help", name=name, rec=rec))
    st.caption(t("deep.gain.presets", name=name, rec=rec))
    presets = gain_presets(act, lin)
    for i, (col, (lab, v, is_rec)) in enumerate(zip(st.columns(len(presets)), presets)):
        text = (
            t("deep.gain.rec_button", rec=v)
            if i >= len(PRESETS)  # e.g. ReLU's √2: its own button
            else t("deep.gain.button_rec" if is_rec else "deep.gain.button", gain=V.gain_text(lab))
        )
        col.button(
            text,
            key=f"n_btn_{i}",
            on_click=S.set_value,
            args=(C_GAIN, v),
            width="stretch",
            type="primary" if same_gain(v, gain) else "secondary",
        )
    c4, c5, c6 = st.columns(3)
    lr = float(S.select_slider(C_LR, t("deep.lr.label"), format_func=V.lr_text, help=t("deep.lr.help"), where=c4))
    steps = S.slider(C_STEPS, t("deep.steps.label"), step=100, help=t("deep.steps.help"), where=c5)
    choice = S.segmented(
        C_PH, t("deep.phase.label"), format_func=lambda p: t(f"deep.phase.{p}"), help=t("deep.phase.help"), where=c6
    )
    st.caption(t("deep.fixed") + " " + wordlist.data_text(cache.dataset()))
share()

pv = previews.deep_at_init(act, lin, bn, gain, lr, steps, name)
les = deep(**VIEW.kwargs(S.value_of), data=cache.dataset(), compute=cache.compute(preview=pv))
pv.clear()
L, thr = les.n_layers, les.threshold
if les.diverged_at is not None:
    me = t("deep.variant", name=name, gain=V.gain_text(les.gain_label), lr=lr, bn=t("deep.bn.on") if bn else "")
    st.error(t("common.diverged", variant=me, step=les.diverged_at), icon="💥")
if "init" not in les.phases:
    st.error(t("deep.init_broken"))
    st.stop()
shown = les.shown(choice)
if choice != "init" and les.after_missing:
    st.info(t("deep.no_trained" if les.after_missing == "no_steps" else "deep.no_trained_diverged"))
V.metrics(les)
for sec in ("act", "grad", "w"):  # 1. activations, 2. gradients per layer, 3. weight gradients
    st.header(t(f"deep.{sec}.header"))
    prose(t(f"deep.{sec}.body", thr=thr))
    V.per_phase(les, sec, shown, name)

# -- 4. update:data ratio over training --------------------------------------------------------
st.header(t("deep.upd.header"))
prose(t("deep.upd.body", lr=lr))
if les.updates.empty:
    st.info(t("deep.upd.none"))
else:
    sm, window, every = C.smooth(les.updates, "ratio", "param")
    zones = {z: t(f"deep.upd.zone.{z}") for z in ("green", "amber", "red")}
    chart = C.update_ratio(
        sm,
        t("deep.upd.title", name=name, lr=lr),
        t("deep.upd.x"),
        t("deep.upd.y"),
        t("deep.upd.legend"),
        t("deep.upd.guide"),
        zones,
        t("deep.upd.zone_title"),
    )
    show(chart, "update-to-data", V.update_alt(les, lr))
    if window > 1:
        st.caption(t("deep.upd.smooth", window=window, every=every))
    V.update_notice(les, lr)

# -- 5. signal propagation at init -----------------------------------------------------------
st.header(t("deep.prop.header"))
prose(t("deep.prop.body"))
S.toggle(C_CMP, t("deep.prop.cmp", rec=rec), help=t("deep.prop.cmp_help"))
prof, d, labels = les.profile, les.depth, V.profile_labels(les)
p1, p2 = columns(2) if les.sat_ok else (st.container(), None)
with p1:
    chart = C.depth_lines(
        prof,
        "std",
        labels,
        t("deep.prop.title", name=name),
        t("deep.prop.x"),
        t("deep.prop.y"),
        t("deep.prop.legend"),
        log=True,
    )
    show(chart, "signal-across-depth", t("deep.prop.alt", a=d.std_first, b=d.std_last, L=L))
    notice(
        t(f"deep.prop.notice.{d.trend}", a=d.std_first, b=d.std_last, L=L, gain=V.gain_text(les.gain_label))
        + (" " + t("deep.prop.notice.bn") if bn else "")
    )
if p2 is not None:
    with p2:
        chart = C.depth_lines(
            prof,
            "saturated_pct",
            labels,
            t("deep.prop.sat_title", thr=thr),
            t("deep.prop.x"),
            t("deep.prop.sat_y", thr=thr),
            t("deep.prop.legend"),
            y_format=".1f",
        )
        show(chart, "saturation-across-depth", t("deep.prop.sat_alt", a=d.sat_first))
        notice(t("deep.prop.sat_notice", a=d.sat_first, b=d.sat_last, L=L))

# -- the numbers, and the lecture's --------------------------------------------------------------
V.table(les)
st.header(t("deep.lecture.header"))
prose(t("deep.lecture.body"))
