"""Deep network health: the lecture's 5 x [Linear 100 -> (BatchNorm) -> activation] on the names
data, read at a glance: activations, gradients, weight gradients per layer (at init and after
training), the update:data ratio over training, and how the signal's std travels with depth.
"""
import dataclasses

import numpy as np
import pandas as pd
import streamlit as st

from core import activations as A
from core.deep import SATURATION, DeepConfig, DeepTrain
from ui import cache, wordlist
from ui import cache_deep as CD
from ui import charts_deep as C
from ui.layout import notice, page_setup, what_you_will_see
from ui.state import Control, activation_control, read_url, select, show_notices, slider, toggle
from ui.export import show
from ui.present import columns, controls_box, prose, share
from ui.text import t

# Streamlit binds a selectbox to the URL by the label it shows, so the options are the labels
# (n_act=ReLU, n_ph=at+init) and these maps lead back to the keys.
PHASES = ("both", "init", "trained")
PHASE_OF = {t(f"deep.phase.{p}"): p for p in PHASES}
LRS = ("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10")
PRESETS = (("0.5", 0.5), ("1", 1.0), ("5/3", 5 / 3), ("3", 3.0))  # the lecture's gains
TAIL = 0.1  # share of the last steps averaged for the "end of run" numbers
ZOOM = 5.0  # distributions zoom to mean ± 5 std when a few far outliers (heavy tails) would squash them

C_ACT = activation_control("n_act", "tanh", exclude=("maxout",))  # maxout changes layer widths
C_LIN = Control("n_lin", "bool", False)
C_BN = Control("n_bn", "bool", False)
C_GAIN = Control("n_gain", "float", 5 / 3, 0.1, 5.0)
C_LR = Control("n_lr", "choice", "0.1", options=LRS)
C_STEPS = Control("n_steps", "int", 1000, 0, 5000)
C_PH = Control("n_ph", "choice", t("deep.phase.both"), options=tuple(PHASE_OF),
               option_keys=tuple(f"deep.phase.{p}" for p in PHASES))
C_CMP = Control("n_cmp", "bool", True)
CONTROLS = (C_ACT, C_LIN, C_BN, C_GAIN, C_LR, C_STEPS, C_PH, C_CMP)


def set_gain(value: float) -> None:
    """Preset buttons write the slider's key, so the slider and the URL follow."""
    st.session_state[C_GAIN.key] = value


def same(a: float, b: float) -> bool:
    return abs(a - b) < 5e-3


def gain_text(g: float) -> str:
    return next((lab for lab, v in PRESETS if same(v, g)), f"{g:.2f}")


page_setup(t("deep.title"), icon="🩺", word_list=True)
show_notices(read_url(CONTROLS))
st.title(t("deep.title"))
what_you_will_see(t("deep.what"))

# -- controls ------------------------------------------------------------------------------
with controls_box():
    c1, c2, c3 = st.columns(3)
    lin = toggle(C_LIN, t("deep.lin.label"), help=t("deep.lin.help"), where=c2)
    act = select(C_ACT, t("deep.act.label"), help=t("deep.act.help"), where=c1, disabled=lin)
    bn = toggle(C_BN, t("deep.bn.label"), help=t("deep.bn.help"), where=c3)
    name = t("deep.linear_name") if lin else A.REGISTRY[act].name
    rec = 1.0 if lin else A.gain_for(act)
    gain = slider(C_GAIN, t("deep.gain.label"), step=0.01, fmt="%.2f",
                  help=t("deep.gain.help", name=name, rec=rec))
    st.caption(t("deep.gain.presets", name=name, rec=rec))
    buttons = [(t("deep.gain.button_rec" if same(v, rec) else "deep.gain.button", gain=lab), v) for lab, v in PRESETS]
    if not any(same(v, rec) for _, v in PRESETS):  # e.g. ReLU's √2: its own button
        buttons.append((t("deep.gain.rec_button", rec=rec), rec))
    for i, (col, (lab, v)) in enumerate(zip(st.columns(len(buttons)), buttons)):
        col.button(lab, key=f"n_btn_{i}", on_click=set_gain, args=(v,), width="stretch",
                   type="primary" if same(v, gain) else "secondary")
    c4, c5, c6 = st.columns(3)
    lr_s = c4.select_slider(t("deep.lr.label"), options=LRS, value=C_LR.default, key=C_LR.key,
                            bind="query-params", help=t("deep.lr.help"))
    steps = slider(C_STEPS, t("deep.steps.label"), step=100, help=t("deep.steps.help"), where=c5)
    phase_sel = PHASE_OF[c6.segmented_control(t("deep.phase.label"), C_PH.options, default=C_PH.default,
                                              required=True, key=C_PH.key, bind="query-params",
                                              help=t("deep.phase.help"))]
    ds = cache.dataset()
    st.caption(t("deep.fixed") + " " + wordlist.data_text(ds))
share()

lr = float(lr_s)
cfg = DeepConfig(activation=act, gain=float(gain), batchnorm=bn, linear_only=lin)
res = CD.train_with_bar(cfg, DeepTrain(steps=steps, lr=lr), t("deep.training", steps=steps))
n_done = len(res.loss)  # finite steps (all of them unless the run diverged)
sat_ok = not lin and A.REGISTRY[act].saturating and A.REGISTRY[act].output_range == (-1.0, 1.0)
me = t("deep.variant", name=name, gain=gain_text(gain), lr=lr_s, bn=t("deep.bn.on") if bn else "")
if res.diverged_at is not None:
    st.error(t("common.diverged", variant=me, step=res.diverged_at), icon="💥")


def finite_phases(layer_stats: pd.DataFrame, weight_stats: pd.DataFrame) -> list[str]:
    """Phases whose every number is finite: a net blowing up is reported, never drawn as NaN."""
    ok = []
    for p in ("init", "trained"):
        ls = layer_stats.loc[layer_stats["phase"] == p, ["mean", "std", "saturated_pct", "grad_std"]]
        ws = weight_stats.loc[weight_stats["phase"] == p, ["grad_std", "grad_data_ratio"]]
        if len(ls) and np.isfinite(ls.to_numpy(dtype=float)).all() and np.isfinite(ws.to_numpy(dtype=float)).all():
            ok.append(p)
    return ok


have = finite_phases(res.layer_stats, res.weight_stats)
if "init" not in have:
    st.error(t("deep.init_broken"))
    st.stop()
stats = res.layer_stats[res.layer_stats["phase"].isin(have)]
shown = [p for p in (("init", "trained") if phase_sel == "both" else (phase_sel,)) if p in have]
if phase_sel != "init" and "trained" not in have:
    st.info(t("deep.no_trained") if steps == 0 else t("deep.no_trained_diverged"))
    shown = ["init"]
by_phase = {p: stats[stats["phase"] == p].set_index("layer") for p in have}
L = int(stats["layer"].max())


def phase_title(p: str) -> str:
    return t("deep.at.init") if p == "init" else t("deep.at.trained", n=n_done)


def per_phase(draw) -> None:
    """Draw one chart per shown phase: side by side for "both"."""
    cols = columns(len(shown)) if len(shown) > 1 else [st.container()]
    for col, p in zip(cols, shown):
        with col:
            draw(p)


def zoom(h: pd.DataFrame, means: pd.Series, stds: pd.Series, k: float = ZOOM) -> tuple[float, float] | None:
    """x range mean ± k std over the series, within the data: the bulk, not a few far outliers.

    None when that is the whole data range anyway (nothing to zoom).
    """
    lo, hi = float(h["bin_start"].min()), float(h["bin_end"].max())
    a, b = max(lo, float((means - k * stds).min())), min(hi, float((means + k * stds).max()))
    if not (np.isfinite(a) and np.isfinite(b) and a < b) or (a - lo) + (hi - b) < 0.05 * (hi - lo):
        return None
    return a, b


def x_title(key: str, domain) -> str:
    return t(key) + (" " + t("deep.zoomed", k=ZOOM) if domain else "")


def times(x: float) -> str:
    """A ratio for a sentence: 2.3, 45, 2,930."""
    return f"{x:,.0f}" if x >= 10 else f"{x:.2g}"


def trend(first: float, last: float) -> str:
    """How a std changes from one end of the stack to the other: shrink, grow or steady."""
    r = last / first if first > 0 else (1.0 if last == 0 else np.inf)
    return "shrink" if r < 0.5 else "grow" if r > 2 else "steady"


# -- metrics -------------------------------------------------------------------------------
init = by_phase["init"]
after = by_phase.get("trained")
upd = res.updates.astype({"ratio": float})  # an empty frame (0 steps) has object columns
upd = upd[np.isfinite(upd["ratio"])]
hidden_w = [f"W{i}" for i in range(1, L + 1)]
n_tail = max(1, round(n_done * TAIL))  # the last 10% of the finite steps
tail = upd[(upd["step"] >= n_done - n_tail) & upd["param"].isin(hidden_w)]
m = st.columns(5)
off = dict(delta_color="off", delta_arrow="off")


def g_ratio(s: pd.DataFrame) -> float:
    """Gradient std at layer 1 / at the last layer (the gradient flows from the last back to 1)."""
    return s.loc[1, "grad_std"] / s.loc[L, "grad_std"] if s.loc[L, "grad_std"] > 0 else np.nan


m[0].metric(t("deep.m.std", L=L), t("deep.m.std_value", a=init.loc[1, "std"], b=init.loc[L, "std"]),  # .2g: it may explode
            delta=None if after is None else t("deep.m.std_after", a=after.loc[1, "std"], b=after.loc[L, "std"]),
            help=t("deep.m.std_help", L=L), **off)
m[1].metric(t("deep.m.sat", thr=SATURATION), t("deep.m.pct", v=init.loc[1, "saturated_pct"]) if sat_ok else t("deep.m.na"),
            delta=t("deep.m.pct_after", v=after.loc[1, "saturated_pct"]) if sat_ok and after is not None else None,
            help=t("deep.m.sat_help" if sat_ok else "deep.m.sat_na", thr=SATURATION), **off)
m[2].metric(t("deep.m.grad", L=L), t("deep.m.x", v=g_ratio(init)),
            delta=None if after is None else t("deep.m.x_after", v=g_ratio(after)),
            help=t("deep.m.grad_help", L=L), **off)
m[3].metric(t("deep.m.upd"), f"{tail['ratio'].mean():.2f}" if len(tail) else t("deep.m.na"), help=t("deep.m.upd_help"))
loss_tail = res.loss["loss"].tail(n_tail)
m[4].metric(t("deep.m.loss"), f"{loss_tail.mean():.4g}" if n_done else t("deep.m.na"),
            help=t("deep.m.loss_help", n=len(loss_tail), expected=np.log(27)))

# -- 1. activations ------------------------------------------------------------------------
st.header(t("deep.act.header"))
prose(t("deep.act.body", thr=SATURATION))
hist = res.layer_hist


def act_label(p: str, layer: int) -> str:
    s = by_phase[p].loc[layer]
    key = "deep.act.series" if sat_ok else "deep.act.series_nosat"
    return t(key, layer=layer, mean=round(s["mean"], 2) + 0.0, std=s["std"], sat=s["saturated_pct"])  # no "-0.00"


def draw_act(p: str) -> None:
    h = hist[(hist["phase"] == p) & (hist["kind"] == "activation")]
    h = h.assign(series=h["layer"].map({i: act_label(p, i) for i in range(1, L + 1)}))
    s = by_phase[p]
    dom = zoom(h, s["mean"], s["std"])
    chart = C.dist_lines(h, "series", t("deep.act.title", name=name, phase=phase_title(p)),
                         x_title("deep.act.x", dom), t("deep.density"), t("deep.act.legend"), t("deep.share"),
                         x_domain=dom)
    show(chart, f"activations-{p}", t("deep.act.alt", phase=phase_title(p), a=s.loc[1, "std"],
                                      b=s.loc[L, "std"], L=L))
    kind = trend(s.loc[1, "std"], s.loc[L, "std"])
    if kind == "steady" and sat_ok and s["saturated_pct"].mean() > 30:
        kind = "saturated"
    if lin and kind != "saturated":
        kind += "_lin"  # the lecture's numbers for linear layers
    notice(t(f"deep.act.notice.{kind}", a=s.loc[1, "std"], b=s.loc[L, "std"], L=L,
             sat=s["saturated_pct"].mean()) + (" " + t("deep.act.notice.bn") if bn else ""))


per_phase(draw_act)

# -- 2. gradients per layer ------------------------------------------------------------------
st.header(t("deep.grad.header"))
prose(t("deep.grad.body"))


def draw_grad(p: str) -> None:
    s = by_phase[p]
    live = s.index[s["grad_std"] > 0]  # an all-zero gradient (step function) has no distribution to draw
    h = hist[(hist["phase"] == p) & (hist["kind"] == "gradient") & hist["layer"].isin(live)]
    h = h.assign(series=h["layer"].map({i: t("deep.grad.series", layer=i, std=s.loc[i, "grad_std"]) for i in live}))
    dom = zoom(h, s.loc[live, "grad_mean"], s.loc[live, "grad_std"])
    chart = C.dist_lines(h, "series", t("deep.grad.title", phase=phase_title(p)), x_title("deep.grad.x", dom),
                         t("deep.density"), t("deep.act.legend"), t("deep.share"), x_format=".1e", x_domain=dom)
    show(chart, f"gradients-{p}", t("deep.grad.alt", phase=phase_title(p), a=s.loc[1, "grad_std"],
                                    b=s.loc[L, "grad_std"], L=L))
    kind = trend(s.loc[L, "grad_std"], s.loc[1, "grad_std"])  # the gradient flows from layer L back to 1
    if s["grad_std"].max() == 0:
        kind = "zero"  # e.g. the step function: its derivative is 0 everywhere
    notice(t(f"deep.grad.notice.{kind}", a=s.loc[1, "grad_std"], b=s.loc[L, "grad_std"], L=L, name=name))


per_phase(draw_grad)

# -- 3. weight gradients ---------------------------------------------------------------------
st.header(t("deep.w.header"))
prose(t("deep.w.body"))
wstats = res.weight_stats


def draw_w(p: str) -> None:
    ws = wstats[wstats["phase"] == p].set_index("param")
    live = ws.index[ws["grad_std"] > 0]  # an all-zero gradient has no distribution to draw
    h = res.weight_hist[(res.weight_hist["phase"] == p) & res.weight_hist["param"].isin(live)]
    h = h.assign(series=h["param"].map({q: t("deep.w.series", param=q, shape=ws.loc[q, "shape"],
                                              r=ws.loc[q, "grad_data_ratio"]) for q in live}))
    dom = zoom(h, ws.loc[live, "grad_mean"], ws.loc[live, "grad_std"])
    chart = C.dist_lines(h, "series", t("deep.w.title", phase=phase_title(p)), x_title("deep.w.x", dom),
                         t("deep.density"), t("deep.w.legend"), t("deep.share"), x_format=".1e", x_domain=dom)
    out = ws.index[-1]
    hid = ws.loc[ws.index != out, "grad_data_ratio"].mean()
    show(chart, f"weight-gradients-{p}", t("deep.w.alt", phase=phase_title(p), out=out,
                                           r_out=ws.loc[out, "grad_data_ratio"], r_hid=hid))
    x = ws.loc[out, "grad_data_ratio"] / hid if hid > 0 else np.inf
    key = "deep.w.notice.zero" if hid == 0 else "deep.w.notice.out" if x > 3 else "deep.w.notice.even"
    notice(t(key, out=out, r_out=ws.loc[out, "grad_data_ratio"], r_hid=hid, x=times(x), name=name,
             lo=ws["grad_data_ratio"].min(), hi=ws["grad_data_ratio"].max()))


per_phase(draw_w)

# -- 4. update:data ratio over training --------------------------------------------------------
st.header(t("deep.upd.header"))
prose(t("deep.upd.body", lr=lr_s))
two_d = ["C", *[f"W{i}" for i in range(1, L + 2)]]  # the 2-D parameters, as in the lecture's plot
if upd.empty:
    st.info(t("deep.upd.none"))
else:
    sm, window, every = C.smooth(upd[upd["param"].isin(two_d)], "ratio", "param")
    zones = {z: t(f"deep.upd.zone.{z}") for z in ("green", "amber", "red")}
    chart = C.update_ratio(sm, t("deep.upd.title", name=name, lr=lr_s), t("deep.upd.x"), t("deep.upd.y"),
                           t("deep.upd.legend"), t("deep.upd.guide"), zones, t("deep.upd.zone_title"))
    v = tail["ratio"].mean()
    show(chart, "update-to-data", t("deep.upd.alt", v=v, lr=lr_s))
    if window > 1:
        st.caption(t("deep.upd.smooth", window=window, every=every))
    zone = ("green" if C.GREEN[0] <= v <= C.GREEN[1] else "red_low" if v < C.AMBER[0] else "low" if v < C.GREEN[0]
            else "red_high" if v > C.AMBER[1] else "high")
    if np.isfinite(v):
        notice(t(f"deep.upd.notice.{zone}", v=v, lr=lr_s, ratio=10 ** v))

# -- 5. signal propagation at init -----------------------------------------------------------
st.header(t("deep.prop.header"))
prose(t("deep.prop.body"))
cmp = toggle(C_CMP, t("deep.prop.cmp", rec=rec), help=t("deep.prop.cmp_help"))
gains = {}  # gain -> label, in legend order
for lab, v in (PRESETS if cmp else ()):
    gains[v] = t("deep.prop.series", gain=lab)
if cmp and not any(same(rec, v) for v in gains):
    gains[rec] = t("deep.prop.series", gain=f"{rec:.2f}")
mine = next((v for v in gains if same(v, gain)), None)
if mine is None:
    gains[float(gain)] = t("deep.prop.series", gain=f"{gain:.2f}")
    mine = float(gain)
gains[mine] += t("deep.prop.yours")
for v in gains:
    if cmp and same(v, rec):
        gains[v] += t("deep.prop.rec")
base = dataclasses.replace(cfg, gain=1.0)  # depth_profile sets the gain itself; one cache entry per setting
prof = CD.depth_profile(base, tuple(round(v, 6) for v in gains))
prof = prof.assign(series=[gains[next(v for v in gains if same(v, g))] for g in prof["gain"]],
                   yours=[same(g, mine) for g in prof["gain"]])
yours = prof[prof["yours"]].set_index("layer")
p1, p2 = columns(2) if sat_ok else (st.container(), None)
with p1:
    chart = C.depth_lines(prof, "std", t("deep.prop.title", name=name), t("deep.prop.x"), t("deep.prop.y"),
                          t("deep.prop.legend"), log=True)
    show(chart, "signal-across-depth", t("deep.prop.alt", a=yours.loc[1, "std"], b=yours.loc[L, "std"], L=L))
    kind = trend(yours.loc[1, "std"], yours.loc[L, "std"])
    notice(t(f"deep.prop.notice.{kind}", a=yours.loc[1, "std"], b=yours.loc[L, "std"], L=L, gain=gain_text(gain))
           + (" " + t("deep.prop.notice.bn") if bn else ""))
if p2 is not None:
    with p2:
        chart = C.depth_lines(prof, "saturated_pct", t("deep.prop.sat_title", thr=SATURATION), t("deep.prop.x"),
                              t("deep.prop.sat_y", thr=SATURATION), t("deep.prop.legend"), y_format=".1f")
        show(chart, "saturation-across-depth", t("deep.prop.sat_alt", a=yours.loc[1, "saturated_pct"]))
        notice(t("deep.prop.sat_notice", a=yours.loc[1, "saturated_pct"], b=yours.loc[L, "saturated_pct"], L=L))

# -- the numbers, and the lecture's --------------------------------------------------------------
with st.expander(t("deep.table.title")):
    cols = {"phase": t("deep.table.phase"), "layer": t("deep.table.layer"), "mean": t("deep.table.mean"),
            "std": t("deep.table.std"), "saturated_pct": t("deep.table.sat", thr=SATURATION),
            "grad_std": t("deep.table.grad_std")}
    table = stats.assign(phase=[phase_title(p) for p in stats["phase"]])[list(cols)].rename(columns=cols)
    st.dataframe(table, hide_index=True, width="stretch")
st.header(t("deep.lecture.header"))
prose(t("deep.lecture.body"))
