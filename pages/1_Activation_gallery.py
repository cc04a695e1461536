"""Activation gallery: every registry activation's curve, slope, formula, measured properties,
history, init gain and one-layer signal propagation; softmax apart as an output function."""
import math

import pandas as pd
import streamlit as st

from core.activations import KEYS, PROPERTY_NAMES, REGISTRY, SOFTMAX, computed_properties, gain_for
from ui import cache
from ui import charts_gallery as charts
from ui.charts import PALETTE
from ui.layout import notice, page_setup, what_you_will_see
from ui.state import Control, activation_control, multiselect, read_url, show_notices, slider
from ui.export import show
from ui.present import columns, controls_box, prose, share
from ui.text import t

DEFAULT_KEYS = ("sigmoid", "tanh", "relu", "gelu")
INPUT_STDS = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)  # log-spaced; 1.0 feeds the gain table

PICK = activation_control("g_act", DEFAULT_KEYS, multi=True)  # keys inside, names in the URL
XMAX = Control("g_xmax", "float", 5.0, min=1.0, max=20.0)
# one URL param per registry parameter, e.g. g_leaky_relu_alpha, whether or not it is shown
PARAMS = {
    (a.key, p.name): Control(f"g_{a.key}_{p.name}", "int" if p.integer else "float", p.default, min=p.min, max=p.max)
    for a in REGISTRY.values() for p in a.params
}
CONTROLS = (PICK, XMAX, *PARAMS.values())

page_setup(t("gallery.title"), icon="📈")
st.title(t("gallery.title"))
what_you_will_see(t("gallery.intro"))
show_notices(read_url(CONTROLS))

# ---- controls ---------------------------------------------------------------------------
with controls_box(t("gallery.controls")):
    st.markdown(f"**{t('gallery.controls')}**")
    keys = multiselect(PICK, t("gallery.pick"), help=t("gallery.pick_help"))
    tunable = [(k, p) for k in keys for p in REGISTRY[k].params]
    cols = st.columns(4)
    xmax = slider(XMAX, t("gallery.xmax"), step=0.5, help=t("gallery.xmax_help"), where=cols[0])
    params: dict[str, dict[str, float]] = {k: {} for k in keys}
    for i, (k, p) in enumerate(tunable, start=1):
        params[k][p.name] = slider(PARAMS[(k, p.name)], t("gallery.param_label", name=REGISTRY[k].name, param=p.name),
                                   step=int(p.step) if p.integer else p.step, help=p.help, where=cols[i % 4])
share()

# one colour per selected activation, in the order picked, shared by every chart and card
colors = {REGISTRY[k].name: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
names = ", ".join(colors)
hashable = tuple((k, tuple(sorted(params[k].items()))) for k in keys)  # the cache key

if not keys:
    st.info(t("gallery.none"))
else:
    # ---- f and f' side by side ------------------------------------------------------------
    st.header(t("gallery.curves"))
    df = cache.curves(tuple(keys), hashable, -xmax, xmax)
    left, right = columns(2)
    for col, kind, y_title in ((left, "f", t("gallery.axis.f")), (right, "df", t("gallery.axis.df"))):
        with col:
            chart = charts.curve(df[df["kind"] == kind], colors, t(f"gallery.{kind}.title"), t("gallery.axis.x"),
                                 y_title, t("gallery.legend"))
            show(chart, f"{kind}-curves", t(f"gallery.{kind}.alt", lo=-xmax, hi=xmax, names=names))
            notice(t(f"gallery.{kind}.notice"))

    # ---- one card per activation -----------------------------------------------------------
    st.header(t("gallery.cards"))
    prose(t("gallery.cards_intro"))
    with st.expander(t("gallery.props_help_title")):
        st.markdown(t("gallery.props_help"))

    def bound(v: float) -> str:
        return "∞" if v == math.inf else "−∞" if v == -math.inf else f"{v:.4g}".replace("-", "−")

    def card(key: str) -> None:
        a, p = REGISTRY[key], params[key]
        st.subheader(a.name)
        st.latex(a.latex)
        st.caption(t("gallery.card.derivative"))
        st.latex(a.deriv_latex)
        measured = computed_properties(key, p)
        st.markdown(" ".join(
            f":green-badge[✓ {t(f'gallery.prop.{n}')}]" if measured[n] else f":gray-badge[✗ {t(f'gallery.prop.{n}')}]"
            for n in PROPERTY_NAMES))
        differs = [t(f"gallery.prop.{n}") for n in PROPERTY_NAMES if measured[n] != getattr(a, n)]
        if differs:
            st.caption(t("gallery.card.differs", props=", ".join(differs)))
        non_default = any(p[q.name] != q.default for q in a.params)
        lo, hi = a.output_range
        st.markdown(
            f"**{t('gallery.card.range')}:** {bound(lo)} … {bound(hi)}"
            + (f" {t('gallery.card.range_default')}" if non_default else "") + "  \n"
            f"**{t('gallery.card.gain')}:** {t('gallery.card.gain_value', gain=f'{gain_for(key, p):.4g}', source=a.gain_source)}  \n"
            f"**{t('gallery.card.year')}:** {a.year} · {a.reference}  \n"
            f"**{t('gallery.card.use_when')}:** {a.use_when}  \n"
            f"**{t('gallery.card.note')}:** {a.note}"
        )

    for start in range(0, len(keys), 2):
        for col, key in zip(st.columns(2), keys[start:start + 2]):
            with col.container(border=True):
                card(key)

# ---- timeline: every registry entry, the selected ones coloured ------------------------------
st.header(t("gallery.timeline"))
history = pd.DataFrame([{"name": a.name, "year": a.year, "reference": a.reference, "selected": a.key in keys}
                        for a in REGISTRY.values()])
chart = charts.timeline(history, colors, t("gallery.timeline.title"), t("gallery.timeline.x"), t("gallery.timeline.y"),
                        t("gallery.timeline.ref"), t("gallery.timeline.selected"), t("gallery.yes"), t("gallery.no"))
show(chart, "timeline", t("gallery.timeline.alt", n=len(KEYS), first=history["year"].min(),
                          last=history["year"].max(), names=names or "-"))
notice(t("gallery.timeline.notice"))

# ---- signal propagation and init gains -------------------------------------------------------
if keys:
    st.header(t("gallery.signal"))
    prose(t("gallery.signal_intro"))
    sp = cache.signal_propagation(tuple(keys), hashable, INPUT_STDS)
    chart = charts.signal(sp, colors, t("gallery.signal.title"), t("gallery.signal.x"), t("gallery.signal.y"),
                          t("gallery.legend"), t("gallery.signal.identity"), t("gallery.signal.out_mean"),
                          t("gallery.signal.msd"))
    show(chart, "signal-propagation", t("gallery.signal.alt", lo=min(INPUT_STDS), hi=max(INPUT_STDS),
                                        names=names))
    notice(t("gallery.signal.notice"))
    st.subheader(t("gallery.gain_table"))
    at_one = sp[sp["input_std"] == 1.0]
    table = pd.DataFrame({
        t("gallery.col.name"): at_one["name"],
        t("gallery.col.registry_gain"): at_one["registry_gain"],
        t("gallery.col.preserving_gain"): at_one["preserving_gain"],
        t("gallery.col.out_std_1"): at_one["out_std"],
        t("gallery.col.source"): [REGISTRY[k].gain_source for k in at_one["activation"]],
    })
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        t("gallery.col.registry_gain"): st.column_config.NumberColumn(format="%.3f", help=t("gallery.col.registry_gain_help")),
        t("gallery.col.preserving_gain"): st.column_config.NumberColumn(format="%.3f", help=t("gallery.col.preserving_gain_help")),
        t("gallery.col.out_std_1"): st.column_config.NumberColumn(format="%.3f"),
        t("gallery.col.source"): st.column_config.TextColumn(width="large"),
    })
    notice(t("gallery.gain.notice"))

# ---- softmax, apart --------------------------------------------------------------------------
st.header(t("gallery.softmax"))
with st.container(border=True):
    st.markdown(t("gallery.softmax.body"))
    st.latex(SOFTMAX.latex)
    st.latex(SOFTMAX.deriv_latex)
    st.markdown(SOFTMAX.note)
    st.caption(t("gallery.softmax.meta", name=SOFTMAX.name, reference=SOFTMAX.reference, use_when=SOFTMAX.use_when))
