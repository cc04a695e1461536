"""The lecture's loss log: its five stages (original init, softmax fix, tanh fix, Kaiming,
BatchNorm) trained together to the end, the table next to the lecture's figures, the loss curves
in the lecture's form, and the names each trained net makes up. The numbers come from
core.lessons.loss_log; this page draws and words them."""

import pandas as pd
import streamlit as st

from core.lessons.loss_log import STAGES, STEP_CHOICES, lecture_stages, train_config
from ui import cache, predict, wordlist
from ui import charts_loss_log as C
from ui import state as S
from ui.export import show
from ui.layout import notice, page_setup, what_you_will_see
from ui.present import controls_box, prose, share
from ui.text import num, t
from ui.views import LOSS_LOG as VIEW

ORDER = [s for s, _ in STAGES]
CONTROLS = VIEW.controls  # the URL's keys and their lesson arguments: ui/views.py
(C_STEPS,) = CONTROLS

page_setup("loss_log", t("loss_log.title"), icon="📉", controls=CONTROLS, word_list=True, predict=True)
st.title(t("loss_log.title"))
what_you_will_see(t("loss_log.what"))

with controls_box():
    label, tip = t("loss_log.steps.label"), t("loss_log.steps.help")
    steps = int(S.segmented(C_STEPS, label, format_func=lambda s: t(f"loss_log.steps.{s}"), help=tip))
    data = cache.dataset()
    st.caption(t("loss_log.schedule", decay=train_config(steps).lr_decay_step) + " " + wordlist.data_text(data))
share()


def stage_name(s: str) -> str:
    return t(f"loss_log.stage.{s}")


guess = predict.gate(
    "loss_log", (steps,), t("loss_log.predict.question"), options=ORDER, format_func=stage_name
)  # before anything that shows a loss
les = lecture_stages(**VIEW.kwargs(S.value_of), data=data, compute=cache.compute())
names = {s: stage_name(s) for s in ORDER}
for stage, step in les.diverged.items():
    st.error(t("loss_log.diverged", stage=names[stage], step=step), icon="💥")
if guess is not None:
    predict.choice_feedback(
        "loss_log", (steps,), guess == les.best, names[guess], names[les.best], t("loss_log.predict.why")
    )

# -- 1. the table ---------------------------------------------------------------------------------
st.header(t("loss_log.table.header"))
prose(t("loss_log.table.body", v=data.vocab.size, expected=les.expected_init))
cols = {
    "init_loss": "loss_log.col.init",
    "final_train": "loss_log.col.train",
    "final_val": "loss_log.col.val",
    "change_val": "loss_log.col.change",
    "lecture_train": "loss_log.col.lecture_train",
    "lecture_val": "loss_log.col.lecture_val",
}


def cell(x: float, spec: str) -> str:
    return "—" if pd.isna(x) else num(x, spec)


shown = pd.DataFrame({t("loss_log.col.stage"): [names[s] for s in les.table["stage"]]})
for col, key in cols.items():
    spec = "+.4f" if col == "change_val" else ".4f"
    shown[t(key)] = [cell(x, spec) for x in les.table[col]]
st.dataframe(shown, hide_index=True, width="stretch")
st.caption(t("loss_log.table.caption", steps=steps))
if steps < STEP_CHOICES[-1]:
    st.caption(t("loss_log.table.short", steps=steps))
row = les.table.set_index("stage")
best_val = row.loc[les.best, "final_val"]
orig = row.loc["original", "init_loss"]
notice(
    t(
        "loss_log.notice.best",
        best=names[les.best],
        val=best_val,
        orig=orig,
        times=orig / les.expected_init,
        v=data.vocab.size,
    )
)

# -- 2. the curves ---------------------------------------------------------------------------------
st.header(t("loss_log.curves.header"))
prose(t("loss_log.curves.body"))
chart = C.stage_curves(
    les.curves,
    {s: t(f"loss_log.short.{s}") for s in ORDER},  # the legend's: a phone holds two columns of these
    train_config(steps).lr_decay_step,
    t("loss_log.curves.title", steps=steps),
    t("loss_log.curves.x"),
    t("loss_log.curves.y"),
    t("loss_log.curves.legend"),
    t("loss_log.curves.decay"),
)
first = les.curves[les.curves["stage"] == "original"]["log10_loss"]
show(chart, "loss-curves", t("loss_log.curves.alt", steps=steps, first=first.iloc[0], last=first.iloc[-1]))
notice(t("loss_log.curves.notice"))

# -- 3. the names ----------------------------------------------------------------------------------
st.header(t("loss_log.names.header"))
prose(t("loss_log.names.body"))
made = les.samples.pivot(index="sample", columns="stage", values="name").reindex(columns=ORDER)
made.index = made.index + 1
made.index.name = t("loss_log.names.col")
st.dataframe(made.rename(columns=names), width="stretch", height=35 * (len(made) + 1) + 3)
st.caption(t("loss_log.names.caption"))
