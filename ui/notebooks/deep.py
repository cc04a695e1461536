"""The Deep network health view as a notebook: the page's five numbers at init (and after training),
each layer's activations, the update:data ratio over training and the std across depth."""

from __future__ import annotations

from ui.notebooks.base import Code, Ctx, Spec, call, indent, lit, mapping, nest, say4


def _name(ctx: Ctx) -> str:
    return ctx.t("deep.linear_name") if ctx.values["n_lin"] else ctx.t(f"act.{ctx.values['n_act']}.name")


def intro(ctx: Ctx) -> str:
    return ctx.t("deep.what")


def _sig(expr: str) -> str:
    """The page's number format (0.0042, 2.4×10⁻⁵) of `expr`, in the notebook's language."""
    return f"CD.sig({expr}, lang=LANG)"


def _fill(ctx: Ctx, key: str, **fields: str) -> Code:
    return call("fill", ctx.t(key), Code("LANG"), **{k: Code(v) for k, v in fields.items()})


def _print(label: str, value: str, trained: str = "") -> Code:
    """A metric's line, "label: value (trained: ...)", one argument per line once it is long."""
    head = f"{label[:-1]}:{label[-1]}" if label.startswith(('"', "'")) else f'{label} + ":"'
    shown = call("with_after", Code(value), *([Code(trained)] if trained else []))
    return call("print", Code(head), shown)


def headlines(ctx: Ctx) -> str:
    after = {
        "std": f"lambda ph: {_fill(ctx, 'deep.m.std_after', a=_sig('ph.std_first'), b=_sig('ph.std_last'))}",
        "sat": f"lambda ph: {_fill(ctx, 'deep.m.pct_after', v='ph.sat_first')}",
        "grad": f"lambda ph: {_fill(ctx, 'deep.m.x_after', v=_sig('ph.grad_ratio'))}",
    }
    na = ctx.s("deep.m.na")
    sat = ctx.f("deep.m.sat", thr=Code("les.threshold"))
    return "\n".join(
        [
            'init, L = les.phase["init"], les.n_layers',
            "",
            "",
            "def with_after(value, trained=None):",
            f'    """{ctx.t("notebook.code.with_after")}"""',
            "    if les.diverged_at is not None:",
            f'        return value + " (" + {_fill(ctx, "deep.m.diverged", step="les.diverged_at")} + ")"',
            '    after = les.phase.get("after")',
            '    return f"{value} ({trained(after)})" if trained and after else value',
            "",
            "",
            _print(
                _fill(ctx, "deep.m.std", L="L"),
                _fill(ctx, "deep.m.std_value", a=_sig("init.std_first"), b=_sig("init.std_last")),
                after["std"],
            ),
            f"if les.sat_ok:  # {ctx.t('notebook.code.sat_ok')}",
            indent(_print(sat, _fill(ctx, "deep.m.pct", v="init.sat_first"), after["sat"])),
            "else:",
            say4(sat, na),
            _print(_fill(ctx, "deep.m.grad", L="L"), _fill(ctx, "deep.m.x", v=_sig("init.grad_ratio")), after["grad"]),
            _print(ctx.s("deep.m.upd"), f'{na} if les.update_tail is None else num(les.update_tail, ".2f", LANG)'),
            _print(ctx.s("deep.m.loss"), f'{na} if les.loss_tail is None else num(les.loss_tail, ".4g", LANG)'),
        ]
    )


def charts(ctx: Ctx) -> list[str]:
    name, lr = _name(ctx), float(ctx.values["n_lr"])
    label = call(
        "fill",
        Code(f"{lit(ctx.t('deep.act.series'))} if les.sat_ok else {lit(ctx.t('deep.act.series_nosat'))}"),
        Code("LANG"),
        layer=Code("i"),
        mean=Code('round(r["mean"], 2) + 0.0'),  # + 0.0: no "-0.00"
        std=Code('r["std"]'),
        sat=Code('r["saturated_pct"]'),
    )
    chart = call(
        "CD.dist_lines",
        Code("hist"),
        "layer",
        Code("labels"),
        _fill(ctx, "deep.act.title", name=lit(name), phase="when(p)"),
        Code(ctx.s("deep.act.x")),
        Code(f"{ctx.s('deep.density_log')} if log else {ctx.s('deep.density')}"),
        Code(ctx.s("deep.act.legend")),
        Code(ctx.s("deep.share")),
        x_note=Code(f'{_fill(ctx, "deep.zoomed", k="ZOOM")} if zoom else ""'),
        x_domain=Code("zoom"),
        log_y=Code("log"),
    )
    when = [
        "def when(p):",
        f'    """{ctx.t("notebook.code.when")}"""',
        '    if p == "init":',
        f"        return {ctx.s('deep.at.init')}",
        "    if les.diverged_at is not None:",
        f"        return {_fill(ctx, 'deep.at.before_div', n='les.n_done', step='les.diverged_at')}",
        f"    return {_fill(ctx, 'deep.at.after', n='les.n_done')}",
        "",
        "",
        "def activations(p):",
        f'    """{ctx.t("notebook.code.activations")}"""',
        '    stats = les.layer_stats[les.layer_stats["phase"] == p].set_index("layer")',
        "    labels = {",
        f"        i: {nest(label, 8)}",
        "        for i, r in stats.iterrows()",
        "    }",
        '    hist = les.layer_hist[(les.layer_hist["phase"] == p) & (les.layer_hist["kind"] == "activation")]',
        '    zoom, log = les.phase[p].act_zoom, les.log_density("act")',
        f"    return {nest(chart, 4)}",
        "",
        "",
        'activations("init")',
    ]
    out = ["\n".join(when)]
    if ctx.values["n_steps"] > 0 and ctx.values["n_ph"] != "init":
        after = 'activations("after") if "after" in les.shown("after") else None'
        out.append(f"{after}  # {ctx.t('notebook.code.nothing_trained')}")
    zones = mapping({z: ctx.t(f"deep.upd.zone.{z}") for z in ("green", "amber", "red")})
    upd = call(
        "CD.update_ratio",
        Code("smoothed"),
        Code(ctx.s("deep.upd.title", name=name, lr=lr)),
        *(Code(ctx.s(f"deep.upd.{k}")) for k in ("x", "y", "legend", "guide")),
        zones,
        Code(ctx.s("deep.upd.zone_title")),
    )
    out.append(f'smoothed, window, every = CD.smooth(les.updates, "ratio", "param")\n{upd}')
    series_label = "\n".join(
        [
            f"    r.label: {nest(_fill(ctx, 'deep.prop.series', gain='CD.gain_text(r.label, LANG)'))}",
            f'    + ({ctx.s("deep.prop.yours")} if r.yours else "")',
            f'    + ({ctx.s("deep.prop.rec")} if r.recommended else "")',
        ]
    )
    depth = call(
        "CD.depth_lines",
        Code("les.profile"),
        "std",
        Code("labels"),
        Code(ctx.s("deep.prop.title", name=name)),
        *(Code(ctx.s(f"deep.prop.{k}")) for k in ("x", "y", "legend")),
        log=True,
    )
    out.append(
        f'labels = {{\n{series_label}\n    for r in les.profile.drop_duplicates("label").itertuples()\n}}\n{depth}'
    )
    return out


def tries(ctx: Ctx) -> list[str]:
    v = ctx.values
    first = "notebook.try.deep.back" if abs(v["n_gain"] - 5 / 3) > 5e-3 else "notebook.try.deep.gain"
    return [ctx.t(first)] + ([ctx.t("notebook.try.deep.bn")] if not v["n_bn"] else [])


SPEC = Spec(
    page="deep",
    imports="\n".join(
        [
            "from core.lessons.deep_network import ZOOM",
            "from ui import charts_deep as CD",
        ]
    ),
    intro=intro,
    labels={
        "activation": "deep.act.label",
        "linear_only": "deep.lin.label",
        "batchnorm": "deep.bn.label",
        "gain": "deep.gain.label",
        "lr": "deep.lr.label",
        "steps": "deep.steps.label",
    },
    headlines=headlines,
    charts=charts,
    tries=tries,
)
