"""Activation gallery: every registry activation's curve, slope, formula, measured properties,
history, init gain and one-layer signal propagation; softmax apart as an output function."""

import math

import pandas as pd
import streamlit as st

from core.activations import KEYS, PROPERTY_NAMES, REGISTRY, SOFTMAX
from core.lessons.activation_gallery import DEFAULT_KEYS, INPUT_STDS, Card
from ui import cache
from ui import charts_gallery as charts
from ui import state as S
from ui.charts import MAX_SERIES
from ui.charts import styles as series_styles
from ui.export import show
from ui.layout import notice, page_setup, what_you_will_see
from ui.present import columns, controls_box, prose, share
from ui.text import NUMBERS, act_name, current_lang, num, t

# registry keys in the URL; at most as many as there are distinct series styles
PICK = S.activation_control("g_act", DEFAULT_KEYS, multi=True, max_items=MAX_SERIES)
XMAX = S.Control("g_xmax", "float", 5.0, min=1.0, max=20.0)
# one URL param per registry parameter, e.g. g_leaky_relu_alpha, whether or not it is shown
PARAMS = {
    (a.key, p.name): S.Control(f"g_{a.key}_{p.name}", "int" if p.integer else "float", p.default, min=p.min, max=p.max)
    for a in REGISTRY.values()
    for p in a.params
}
CONTROLS = (PICK, XMAX, *PARAMS.values())
BOX = "g_box_"  # key prefix of the boxes holding formulas (cards, softmax)

page_setup("gallery", t("gallery.title"), icon="📈", controls=CONTROLS)
st.title(t("gallery.title"))
what_you_will_see(t("gallery.intro"))

# ---- controls ---------------------------------------------------------------------------
with controls_box(t("gallery.controls")):
    st.markdown(f"**{t('gallery.controls')}**")
    keys = S.multiselect(PICK, t("gallery.pick"), format_func=act_name, help=t("gallery.pick_help"))
    cols = st.columns(4)
    xmax = S.slider(XMAX, t("gallery.xmax"), step=0.5, help=t("gallery.xmax_help"), where=cols[0])
    params: dict[str, dict[str, float]] = {k: {} for k in keys}
    for i, (k, p) in enumerate(((key, q) for key in keys for q in REGISTRY[key].params), start=1):
        params[k][p.name] = S.slider(
            PARAMS[(k, p.name)],
            t("gallery.param_label", name=act_name(k), param=p.name),
            step=int(p.step) if p.integer else p.step,
            help=t(f"act.{k}.param.{p.name}.help"),
            where=cols[i % 4],
        )
share()

DECIMAL = NUMBERS[current_lang()].decimal  # the formulas' literal numbers (SELU's 1.0507) in it too
les = cache.gallery(tuple(keys), tuple((k, tuple(sorted(params[k].items()))) for k in keys), xmax)
# one style (colour, dash, shape) per selected activation, in the order picked, shared by every chart
styles = series_styles([act_name(k) for k in keys])
names = ", ".join(styles)


def named(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with each activation's display name (translation happens here, when drawing)."""
    return df.assign(name=df["activation"].map(act_name))


if not keys:
    st.info(t("gallery.none"))
else:
    # ---- f and f' side by side ------------------------------------------------------------
    st.header(t("gallery.curves"))
    left, right = columns(2)
    for col, kind, y_title in ((left, "f", t("gallery.axis.f")), (right, "df", t("gallery.axis.df"))):
        with col:
            chart = charts.curve(
                named(les.curves[les.curves["kind"] == kind]),
                styles,
                t(f"gallery.{kind}.title"),
                t("gallery.axis.x"),
                y_title,
                t("gallery.legend"),
            )
            show(chart, f"{kind}-curves", t(f"gallery.{kind}.alt", lo=-xmax, hi=xmax, names=names))
            notice(t(f"gallery.{kind}.notice"))

    # ---- one card per activation -----------------------------------------------------------
    st.header(t("gallery.cards"))
    prose(t("gallery.cards_intro"))
    with st.expander(t("gallery.props_help_title")):
        st.markdown(t("gallery.props_help"))

    def bound(v: float) -> str:
        return "∞" if v == math.inf else "−∞" if v == -math.inf else num(v, ".4g").replace("-", "−")

    def card(c: Card) -> None:
        a = REGISTRY[c.activation]
        st.subheader(act_name(a.key))
        st.latex(charts.formula(a.latex, DECIMAL))
        st.caption(t("gallery.card.derivative"))
        st.latex(charts.formula(a.deriv_latex, DECIMAL))
        st.markdown(
            " ".join(
                f":green-badge[✓ {t(f'gallery.prop.{n}')}]"
                if c.properties[n]
                else f":gray-badge[✗ {t(f'gallery.prop.{n}')}]"
                for n in PROPERTY_NAMES
            )
        )
        if c.differs:
            st.caption(t("gallery.card.differs", props=", ".join(t(f"gallery.prop.{n}") for n in c.differs)))
        lo, hi = a.output_range
        gain = t("gallery.card.gain_value", gain=num(c.gain, ".4g"), source=t(f"act.{a.key}.gain_source"))
        st.markdown(
            f"**{t('gallery.card.range')}:** {bound(lo)} … {bound(hi)}"
            + (f" {t('gallery.card.range_default')}" if c.non_default else "")
            + "  \n"
            f"**{t('gallery.card.gain')}:** {gain}  \n"
            f"**{t('gallery.card.year')}:** {a.year} · {a.reference}  \n"
            f"**{t('gallery.card.use_when')}:** {t(f'act.{a.key}.use_when')}  \n"
            f"**{t('gallery.card.note')}:** {t(f'act.{a.key}.note')}"
        )

    for start in range(0, len(les.cards), 2):
        for col, c in zip(st.columns(2), les.cards[start : start + 2]):
            with col.container(border=True, key=f"{BOX}{c.activation}"):
                card(c)

# ---- timeline: every registry entry, the selected ones coloured ------------------------------
st.header(t("gallery.timeline"))
history = named(les.timeline)
chart = charts.timeline(
    history,
    styles,
    t("gallery.timeline.title"),
    t("gallery.timeline.x"),
    t("gallery.timeline.y"),
    t("gallery.timeline.ref"),
    t("gallery.timeline.selected"),
    t("gallery.yes"),
    t("gallery.no"),
)
show(
    chart,
    "timeline",
    t("gallery.timeline.alt", n=len(KEYS), first=history["year"].min(), last=history["year"].max(), names=names or "-"),
)
notice(t("gallery.timeline.notice"))

# ---- signal propagation and init gains -------------------------------------------------------
if keys:
    st.header(t("gallery.signal"))
    prose(t("gallery.signal_intro"))
    sp = named(les.signal)
    chart = charts.signal(
        sp,
        styles,
        t("gallery.signal.title"),
        t("gallery.signal.x"),
        t("gallery.signal.y"),
        t("gallery.legend"),
        t("gallery.signal.identity"),
        t("gallery.signal.out_mean"),
        t("gallery.signal.msd"),
    )
    show(chart, "signal-propagation", t("gallery.signal.alt", lo=min(INPUT_STDS), hi=max(INPUT_STDS), names=names))
    notice(t("gallery.signal.notice"))
    st.subheader(t("gallery.gain_table"))
    at_one = sp[sp["input_std"] == 1.0]
    # two gains per activation: what fits a phone's column; each one's source is on its card,
    # its output std at σ = 1 on the chart above
    gains = {c: t(f"gallery.col.{c}") for c in ("registry_gain", "preserving_gain")}
    # numbers as text in the page's language: the grid's own "%.3f" would print 1.000 in Italian too
    numbers = {title: [num(v, ".3f") for v in at_one[c]] for c, title in gains.items()}
    st.dataframe(
        pd.DataFrame({t("gallery.col.name"): at_one["name"]} | numbers),
        hide_index=True,
        width="stretch",
        column_config={name: st.column_config.TextColumn(help=t(f"gallery.col.{c}_help")) for c, name in gains.items()},
    )
    notice(t("gallery.gain.notice"))

# ---- softmax, apart --------------------------------------------------------------------------
st.header(t("gallery.softmax"))
with st.container(border=True, key=f"{BOX}softmax"):
    st.markdown(t("gallery.softmax.body"))
    st.latex(charts.formula(SOFTMAX.latex, DECIMAL))
    st.latex(charts.formula(SOFTMAX.deriv_latex, DECIMAL))
    st.markdown(t("act.softmax.note"))
    st.caption(
        t(
            "gallery.softmax.meta",
            name=t("act.softmax.name"),
            reference=SOFTMAX.reference,
            use_when=t("act.softmax.use_when"),
        )
    )
