"""The Tanh saturation view as a notebook: the page's four metrics, its histograms of x and h, the
saturation map and your setting against the lecture's three."""

from __future__ import annotations

from core.lessons.tanh_saturation import VARIANTS, inactive_kind
from ui.notebooks.base import Code, Ctx, Spec, call, indent, mapping, say4

YOURS_DIVERGED = Code('les.diverged["yours"]')  # the step your setting diverged at


def _kind(ctx: Ctx) -> str:
    return inactive_kind(ctx.values["s_act"])


def _name(ctx: Ctx) -> str:
    return ctx.t(f"act.{ctx.values['s_act']}.name")


def _snapshot_chart(ctx: Ctx, chart: str) -> str:
    """A chart of the snapshot, or (your setting diverged before it) the page's message instead:
    `no_snapshot`, which the numbers' cell wrote."""
    return "\n".join(
        [
            f"chart = None  # {ctx.t('notebook.code.no_chart')}",
            "if les.yours_diverged:",
            "    print(no_snapshot)",
            "else:",
            indent(f"chart = {chart}"),
            "chart",
        ]
    )


def intro(ctx: Ctx) -> str:
    return ctx.t(f"saturation.what.{_kind(ctx)}", act=_name(ctx))


def headlines(ctx: Ctx) -> str:
    kind = _kind(ctx)
    return "\n".join(
        [
            f"s = les.summary  # {ctx.t('notebook.code.no_summary')}",
            "if s is None:",
            indent(f"no_snapshot = {ctx.f('saturation.no_snapshot', step=YOURS_DIVERGED)}"),
            "    print(no_snapshot)",
            "else:",
            say4(
                ctx.s(f"saturation.metric.pct.{kind}"), ctx.f("saturation.metric.pct_value", pct=Code("s.pct_inactive"))
            ),
            say4(
                ctx.s("saturation.metric.dead"),
                ctx.f("saturation.metric.dead_value", dead=Code("s.dead_neurons"), n=Code("s.neurons")),
            ),
            say4(ctx.s("saturation.metric.local"), 'num(s.mean_local, ".3f", LANG)'),
            say4(ctx.s("saturation.metric.dx"), 'num(s.mean_abs_dx, ".2e", LANG)'),
        ]
    )


def charts(ctx: Ctx) -> list[str]:
    kind, thr, steps = _kind(ctx), ctx.values["s_thr"], ctx.values["s_steps"]
    on = ctx.f(f"saturation.state.on.{kind}", thr=thr, frac=Code("les.slope_fraction"))
    common = (
        "\n".join(
            [
                f"on_label = {on}",
                f"labels = {mapping({v: ctx.t(f'saturation.variant.{v}') for v in VARIANTS})}",
                "common = dict(",
                f"    y_title={ctx.s('saturation.hist.y')},",
                f"    state_title={ctx.s('saturation.state.title')},",
                "    on_label=on_label,",
                f"    off_label={ctx.s('saturation.state.off')},",
                f"    from_title={ctx.s('saturation.hist.from')},",
                f"    to_title={ctx.s('saturation.hist.to')},",
                ")",
            ]
        )
        + "\n"
    )
    pre = call(
        "CS.state_hist",
        Code('les.hist_of("pre")'),
        Code(ctx.s("saturation.hist.pre.title")),
        Code(ctx.s("saturation.hist.pre.x")),
        rules=Code("les.pre_rules"),
        rule_label=ctx.f("saturation.hist.pre.rule", x=Code("les.x_threshold")),
        splat="common",
    )
    h = call(
        "CS.state_hist",
        Code('les.hist_of("h")'),
        Code(ctx.s("saturation.hist.h.title")),
        Code(ctx.s("saturation.hist.h.x")),
        rules=Code("les.h_rules"),
        rule_label=ctx.f("saturation.hist.h.rule", thr=thr),
        splat="common",
    )
    heat = call(
        "C.binary_map",
        Code('les.yours[["example", "neuron", "h", "inactive"]]'),
        ctx.f("saturation.map.title", white=Code("on_label")),
        Code(ctx.s("saturation.map.x")),
        Code(ctx.s("saturation.map.y")),
        on_label=Code("on_label"),
        off_label=Code(ctx.s("saturation.state.off")),
        height=260,
    )
    bars = call(
        "CS.compare_bars",
        Code("les.compare"),
        Code("labels"),
        Code(ctx.s("saturation.compare.title", what=ctx.t(f"saturation.metric.pct.{kind}"), step=steps)),
        Code(ctx.s("saturation.compare.x")),
        Code(ctx.s(f"saturation.compare.y.{kind}")),
        Code(ctx.s("saturation.w1.short")),
        Code(ctx.s("saturation.b1.short")),
        Code(ctx.s("saturation.metric.dead")),
    )
    out = [common + _snapshot_chart(ctx, pre), *(_snapshot_chart(ctx, c) for c in (h, heat, bars))]
    if steps > 0:
        loss_words = [ctx.s(f"saturation.loss.{k}") for k in ("title", "x", "y")] + [ctx.s("saturation.variant.title")]
        out.append(call("CS.loss_curve", Code("les.loss_curve"), Code("labels"), *map(Code, loss_words)))
    return out


def tries(ctx: Ctx) -> list[str]:
    first = ctx.t("notebook.try.saturation.fix" if ctx.values["s_w1"] != 0.2 else "notebook.try.saturation.back")
    second = ctx.t("notebook.try.saturation.act" if ctx.values["s_act"] != "relu" else "notebook.try.saturation.tanh")
    return [first, second]


SPEC = Spec(
    page="saturation",
    imports="from ui import charts as C\nfrom ui import charts_saturation as CS",
    intro=intro,
    labels={
        "activation": "saturation.act.label",
        "w1": "saturation.w1.label",
        "b1": "saturation.b1.label",
        "threshold": "saturation.thr.label",
        "steps": "saturation.steps.label",
    },
    headlines=headlines,
    charts=charts,
    tries=tries,
)
