"""The Dead neurons view as a notebook: the page's table (dead units at step 0 and at the end,
losses) per activation, the dead units over training and the final map."""

from __future__ import annotations

from ui.notebooks.base import Code, Ctx, Spec, call, table_lines

# the page's table: lesson column -> (its header's text key, how the page writes the number)
COLUMNS = {
    "dead_start": ("dead.table.dead_start", "d"),
    "dead_end": ("dead.table.dead_end", "d"),
    "pct_inactive": ("dead.table.pct", ".1f"),
    "final_train": ("dead.table.train", ".4f"),
    "final_val": ("dead.table.val", ".4f"),
}


def intro(ctx: Ctx) -> str:
    from core.lessons.dead_neurons import ACT_EXAMPLES

    return ctx.t("dead.what_you_will_see", n=ACT_EXAMPLES)


def headlines(ctx: Ctx) -> str:
    names = {k: ctx.t(f"act.{k}.name") for k in ctx.values["d_acts"]}
    columns = {col: (ctx.t(key), spec) for col, (key, spec) in COLUMNS.items()}
    return table_lines(ctx, names, columns, "les.table", "activation")


def charts(ctx: Ctx) -> list[str]:
    diverged = call("fill", ctx.t("dead.diverged_label"), Code("LANG"), name=Code("names[k]"), step=Code("step"))
    over_time = call(
        "CD.dead_over_time",
        Code("les.over_time"),
        Code("{k: diverged.get(k, n) for k, n in names.items()}"),
        Code("les.n_hidden"),
        ctx.f("dead.time.title", h=Code("les.n_hidden")),
        *(Code(ctx.s(f"dead.time.{k}")) for k in ("x", "y", "color", "pct")),
    )
    row = call("fill", ctx.t("dead.map.row"), Code("LANG"), name=Code("n"), dead=Code("table.loc[k, 'dead_end']"))
    final = call(
        "CD.dead_map",
        Code("les.final_map"),
        Code("rows"),
        (ctx.t("dead.map.dead"), ctx.t("dead.map.alive")),
        Code(ctx.s("dead.map.title", step=ctx.values["d_steps"])),
        ctx.f("dead.map.subtitle", n=Code("les.act_examples")),
        *(Code(ctx.s(f"dead.map.{k}")) for k in ("x", "y", "frac", "state")),
    )
    return [
        f"diverged = {{k: {diverged} for k, step in les.diverged.items()}}\n{over_time}",
        f"rows = {{k: diverged.get(k) or {row} for k, n in names.items()}}\n{final}",
    ]


def tries(ctx: Ctx) -> list[str]:
    v = ctx.values
    first = "notebook.try.dead.back" if float(v["d_lr"]) <= 0.1 else "notebook.try.dead.lr"
    return [ctx.t(first), ctx.t("notebook.try.dead.bn")] if not v["d_bn"] else [ctx.t(first)]


SPEC = Spec(
    page="dead",
    imports="from ui import charts_dead as CD",
    intro=intro,
    labels={
        "activations": "dead.acts",
        "lr": "dead.lr",
        "w1": "dead.w1",
        "b1": "dead.b1",
        "steps": "dead.steps",
        "batchnorm": "dead.bn",
    },
    headlines=headlines,
    charts=charts,
    tries=tries,
)
