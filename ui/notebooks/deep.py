"""The Deep network health view as a notebook: the page's five numbers at init (and after training),
each layer's activations, the update:data ratio over training and the std across depth."""

from __future__ import annotations

from ui.notebooks.base import Code, Ctx, Spec, call, lit, mapping, nest, say, say4


def _name(ctx: Ctx) -> str:
    return ctx.t("deep.linear_name") if ctx.values["n_lin"] else ctx.t(f"act.{ctx.values['n_act']}.name")


def intro(ctx: Ctx) -> str:
    return ctx.t("deep.what")


def _fill(ctx: Ctx, key: str, **fields: str) -> Code:
    return call("fill", ctx.t(key), Code("LANG"), **{k: Code(v) for k, v in fields.items()})


def headlines(ctx: Ctx) -> str:
    after = {
        "std": f"lambda ph: {_fill(ctx, 'deep.m.std_after', a='sig(ph.std_first)', b='sig(ph.std_last)')}",
        "sat": f"lambda ph: {_fill(ctx, 'deep.m.pct_after', v='ph.sat_first')}",
        "grad": f"lambda ph: {_fill(ctx, 'deep.m.x_after', v='sig(ph.grad_ratio)')}",
    }
    na = ctx.s("deep.m.na")
    return "\n".join(
        [
            "# the page's own number formats (0.0042, 2.4×10⁻⁵, 5/3), in LANG",
            "sig, gain_text = localised(deep_view.sig, LANG), localised(deep_view.gain_text, LANG)",
            'init, L = les.phase["init"], les.n_layers',
            "",
            "",
            "def with_after(value, trained=None):",
            '    """The number at init and, as the page writes under it, after training (or where it diverged)."""',
            "    if les.diverged_at is not None:",
            f'        return value + " (" + {_fill(ctx, "deep.m.diverged", step="les.diverged_at")} + ")"',
            '    after = les.phase.get("after")',
            '    return f"{value} ({trained(after)})" if trained and after else value',
            "",
            "",
            "print("
            + _fill(ctx, "deep.m.std", L="L")
            + ' + ":", with_after('
            + _fill(ctx, "deep.m.std_value", a="sig(init.std_first)", b="sig(init.std_last)")
            + f", {after['std']}))",
            "if les.sat_ok:  # measured for tanh-like activations only",
            say4(
                ctx.f("deep.m.sat", thr=Code("les.threshold")),
                "with_after(" + _fill(ctx, "deep.m.pct", v="init.sat_first") + f", {after['sat']})",
            ),
            "else:",
            say4(ctx.f("deep.m.sat", thr=Code("les.threshold")), na),
            "print("
            + _fill(ctx, "deep.m.grad", L="L")
            + ' + ":", with_after('
            + _fill(ctx, "deep.m.x", v="sig(init.grad_ratio)")
            + f", {after['grad']}))",
            say(
                ctx.s("deep.m.upd"),
                f'with_after({na} if les.update_tail is None else num(les.update_tail, ".2f", LANG))',
            ),
            say(
                ctx.s("deep.m.loss"), f'with_after({na} if les.loss_tail is None else num(les.loss_tail, ".4g", LANG))'
            ),
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
        '    """A phase as a chart title says it: "at init", "after 1000 steps"."""',
        '    if p == "init":',
        f"        return {ctx.s('deep.at.init')}",
        "    if les.diverged_at is not None:",
        f"        return {_fill(ctx, 'deep.at.before_div', n='les.n_done', step='les.diverged_at')}",
        f"    return {_fill(ctx, 'deep.at.after', n='les.n_done')}",
        "",
        "",
        "def activations(p):",
        '    """Section 1 of the page for phase p ("init" or "after"): each layer\'s distribution of h."""',
        '    stats = les.layer_stats[les.layer_stats["phase"] == p].set_index("layer")',
        f"    labels = {{i: {nest(label, 8)} for i, r in stats.iterrows()}}",
        '    hist = les.layer_hist[(les.layer_hist["phase"] == p) & (les.layer_hist["kind"] == "activation")]',
        '    zoom, log = les.phase[p].act_zoom, les.log_density("act")',
        f"    return {nest(chart, 4)}",
        "",
        "",
        'activations("init")',
    ]
    out = ["\n".join(when)]
    if ctx.values["n_steps"] > 0 and ctx.values["n_ph"] != "init":
        out.append('activations("after") if "after" in les.shown("after") else None  # None: nothing trained to show')
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
    series_label = (
        _fill(ctx, "deep.prop.series", gain="gain_text(r.label)")
        + f' + ({ctx.s("deep.prop.yours")} if r.yours else "") + ({ctx.s("deep.prop.rec")} if r.recommended else "")'
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
        f'labels = {{r.label: {series_label} for r in les.profile.drop_duplicates("label").itertuples()}}\n{depth}'
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
            "from ui import deep_view",
            "from ui.notebooks.runtime import localised",
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
