"""Dead neurons: train several activations together and count the hidden units that pass no
gradient on any example, over training (line), at the end (map) and against the final loss
(table); then the causes (high lr, bad init, saturation) and one-click cures."""
import pandas as pd
import streamlit as st

from core import activations as A
from core.config import MLPConfig, TrainConfig
from core.diagnostics import dead_over_time
from ui import cache, wordlist
from ui import charts_dead as C
from ui import predict
from ui.layout import notice, page_setup, what_you_will_see
from ui.state import Control, activation_control, multiselect, read_url, show_notices, slider, toggle
from ui.export import show
from ui.present import controls_box, presenting, share
from ui.text import t

N_HIDDEN = MLPConfig().n_hidden  # 200
ACT_N = 5_000  # first training examples on which "dead" is measured (5k keeps the cold render fast)
EVAL_N = 25_000  # examples of each split for the final losses (the whole train split costs 4x the training)
CHECKS = 10  # activity checkpoints per run (plus step 0)
LRS = ("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "1.5", "2", "3", "5", "10")
DEFAULT_ACTS = ("relu", "leaky_relu", "tanh", "elu")

C_ACTS = activation_control("d_acts", DEFAULT_ACTS, multi=True, max_items=6)  # names in the URL
C_LR = Control("d_lr", "choice", "0.1", options=LRS)
C_W1 = Control("d_w1", "float", 0.2, 0.05, 2.0)
C_B1 = Control("d_b1", "float", 1.0, 0.0, 3.0)
C_STEPS = Control("d_steps", "int", 1000, 100, 5000)
C_BN = Control("d_bn", "bool", False)
CONTROLS = (C_ACTS, C_LR, C_W1, C_B1, C_STEPS, C_BN)

# One-click presets: (text key, ((control key, value), ...)). "Break it" presets set everything but
# the activations and steps, so each shows one cause alone; "cure it" presets change one thing.
CLEAN = (("d_w1", 0.2), ("d_b1", 1.0), ("d_bn", False))
BREAK = (
    ("lr_high", (("d_lr", "1.5"), *CLEAN)),
    ("bias", (("d_lr", "0.1"), ("d_w1", 0.2), ("d_b1", 3.0), ("d_bn", False))),
    ("extreme", (("d_lr", "10"), *CLEAN)),
)
CURE = (
    ("lr_low", (("d_lr", "0.1"),)),
    ("small_init", (("d_w1", 0.2), ("d_b1", 0.01))),
    ("bn", (("d_bn", True),)),
    ("leaky", (("d_acts", ("relu", "leaky_relu", "elu", "gelu")),)),
    ("reset", tuple((c.key, c.default) for c in CONTROLS)),
)


def apply_preset(changes) -> None:
    """Button callback: runs before the rerun, so the bound widgets (and the URL) take the values."""
    for key, value in changes:
        st.session_state[key] = list(value) if isinstance(value, tuple) else value


def preset_row(label_key: str, presets, widths) -> None:
    cols = st.columns(widths, vertical_alignment="center")
    cols[0].markdown(t(label_key))
    for col, (name, changes) in zip(cols[1:], presets):
        col.button(t(f"dead.preset.{name}"), key=f"d_preset_{name}", help=t(f"dead.preset.{name}_help"),
                   on_click=apply_preset, args=(changes,), width="stretch")


def act_name(key: str) -> str:
    return A.REGISTRY[key].name


def cell(value, fmt: str) -> str:
    """A table cell as text: a missing value (a diverged run) reads "—", never NaN."""
    return "—" if value is None or pd.isna(value) else format(value, fmt)


page_setup(t("dead.title"), icon="💀", word_list=True, predict=True)
show_notices(read_url(CONTROLS))
st.title(t("dead.title"))
what_you_will_see(t("dead.what_you_will_see", n=ACT_N))
st.caption(wordlist.data_text(cache.dataset()))  # which words the page trains on (names or an upload)

# -- controls ------------------------------------------------------------------------------------
with controls_box():
    top1, top2 = st.columns([2, 1])
    acts = multiselect(C_ACTS, t("dead.acts"), help=t("dead.acts_help"), where=top1)
    steps = slider(C_STEPS, t("dead.steps"), step=100, help=t("dead.steps_help"), where=top2)
    c1, c2, c3, c4 = st.columns([1.2, 1, 1, 0.9], vertical_alignment="bottom")
    lr_s = c1.select_slider(t("dead.lr"), options=LRS, value=C_LR.default, key=C_LR.key, bind="query-params",
                            help=t("dead.lr_help"))
    w1 = slider(C_W1, t("dead.w1"), step=0.05, help=t("dead.w1_help"), where=c2)
    b1 = slider(C_B1, t("dead.b1"), step=0.01, help=t("dead.b1_help"), where=c3)
    bn = toggle(C_BN, t("dead.bn"), help=t("dead.bn_help"), where=c4)
    ROW = [0.7, 1, 1, 1, 1, 0.6]  # label + up to five buttons, aligned in both rows
    preset_row("dead.break", BREAK, ROW)
    preset_row("dead.cure", CURE, ROW)
share()

if not acts:
    st.info(t("dead.pick_one"))
    st.stop()

lr = float(lr_s)
every = max(1, steps // CHECKS)
cfgs = [MLPConfig(activation=k, w1_scale=w1, b1_scale=b1, w2_scale=0.01, b2_scale=0.0, batchnorm=bn,
                  label=act_name(k)) for k in acts]
tcfg = TrainConfig(steps=steps, lr=lr, activity_every=every, activity_examples=ACT_N, snapshot_steps=(),
                   eval_examples=EVAL_N)
res = cache.train_with_bar(cfgs, tcfg, t("dead.training", k=len(cfgs), steps=steps))
data = cache.dataset()
st.caption(t("dead.setup_caption", w1=w1, b1=b1, bn=t("dead.setup_caption.bn") if bn else "", lr=lr_s,
             steps=steps, checks=len(set(range(0, steps, every)) | {steps}), every=every, n=ACT_N,
             ntr=min(EVAL_N, len(data.Ytr)), nval=min(EVAL_N, len(data.Ydev))))

names = list(res.variants["variant"])
diverged = res.diverged()
for variant, step in diverged.items():
    st.error(t("common.diverged", variant=variant, step=step))

dot = dead_over_time(res.activity)
dot = dot.astype({"step": "int64", "dead": "int64"}) if len(dot) else dot
last_dead = {v: int(g.sort_values("step")["dead"].iloc[-1]) for v, g in dot.groupby("variant", sort=False)}

# -- predict first: which activation ends with the most dead units ---------------------------------
if predict.on():
    NONE = "-"  # the "no dead units at all" answer
    setting = (tuple(acts), lr_s, w1, b1, steps, bn)
    guess = predict.ask("dead", setting, t("predict.dead.question", names=", ".join(names), steps=steps, lr=lr_s),
                        options=[*names, NONE], format_func=lambda v: t("predict.dead.none") if v == NONE else v)
    if guess is None:
        st.stop()
    final = {v: last_dead.get(v, 0) for v in names if v not in diverged}
    most = max(final.values(), default=0)
    worst = [v for v, d in final.items() if d == most] if most > 0 else []
    answer = t("predict.dead.answer", names=" / ".join(worst), dead=most, h=N_HIDDEN) if worst \
        else t("predict.dead.answer_none")
    why = t("predict.dead.why_dead", names=" / ".join(worst)) if worst else t("predict.dead.why_none")
    predict.choice_feedback("dead", setting, right=(guess in worst) or (guess == NONE and not worst),
                            guess_text=t("predict.dead.none") if guess == NONE else guess, answer_text=answer, why=why)

# -- 1. dead units over time ----------------------------------------------------------------------
st.header(t("dead.time.header"))
summary = ", ".join(t("dead.time.alt_diverged", name=v, step=diverged[v]) if v in diverged
                    else t("dead.time.alt_item", name=v, dead=last_dead.get(v, 0)) for v in names)
chart = C.dead_over_time(dot, names, N_HIDDEN, t("dead.time.title", h=N_HIDDEN), t("dead.time.x"),
                         t("dead.time.y"), t("dead.time.color"), t("dead.time.pct"))
show(chart, "dead-over-time", t("dead.time.alt", h=N_HIDDEN, summary=summary))
notice(t("dead.time.notice") if len(dot) and dot["dead"].max() > 0 else t("dead.time.notice_none"))

# -- 2. which units are dead at the end -----------------------------------------------------------
st.header(t("dead.map.header"))
final = res.activity[(res.activity["step"] == steps) & ~res.activity["variant"].isin(list(diverged))]
if len(final):
    final = final.assign(dead=final["inactive_frac"] >= 1.0, neuron=final["neuron"].astype("int64"))
    n_dead = final.groupby("variant", sort=False)["dead"].sum()
    final["row"] = final["variant"].map({v: t("dead.map.row", name=v, dead=int(d)) for v, d in n_dead.items()})
    final["state"] = final["dead"].map({True: t("dead.map.dead"), False: t("dead.map.alive")})
    chart = C.dead_map(final[["row", "neuron", "inactive_frac", "dead", "state"]],
                       t("dead.map.title", step=steps), t("dead.map.subtitle", n=ACT_N), t("dead.map.x"),
                       t("dead.map.y"), t("dead.map.frac"), t("dead.map.state"))
    rows = ", ".join(t("dead.map.row", name=v, dead=int(d)) for v, d in n_dead.items())
    show(chart, "dead-map", t("dead.map.alt", h=N_HIDDEN, summary=rows))
    notice(t("dead.map.notice"))
else:
    st.info(t("dead.map.none"))

# -- 3. the table ---------------------------------------------------------------------------------
st.header(t("dead.table.header"))
at_step = {(r.variant, int(r.step)): r for r in dot.itertuples()}
end = {v: at_step.get((v, steps)) if v not in diverged else None for v in names}  # last checkpoint

fin = res.variants.set_index("variant")
table = pd.DataFrame({
    t("dead.table.activation"): names,
    t("dead.table.dead_start"): [cell(getattr(at_step.get((v, 0)), "dead", None), "d") for v in names],
    t("dead.table.dead_end"): [cell(getattr(end[v], "dead", None), "d") for v in names],
    t("dead.table.pct"): [cell(getattr(end[v], "pct_inactive", None), ".1f") for v in names],
    t("dead.table.train"): [cell(fin.at[v, "final_train"], ".4f") for v in names],
    t("dead.table.val"): [cell(fin.at[v, "final_val"], ".4f") for v in names],
    t("dead.table.status"): [t("dead.table.diverged", step=diverged[v]) if v in diverged else t("dead.table.ok")
                             for v in names],
})
st.dataframe(table, hide_index=True, width="stretch")
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
