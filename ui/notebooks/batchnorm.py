"""The BatchNorm view as a notebook: the two biases' gradients, the loss table (batch, running and
calibrated statistics), the pre-activations before and after BN, and the gain sweep."""

from __future__ import annotations

from core.lessons.batch_norm import INFERENCE, SPLITS, STATS
from ui.notebooks.base import Code, Ctx, Spec, call, mapping, say, table_lines


def intro(ctx: Ctx) -> str:
    return ctx.t("batchnorm.what")


def headlines(ctx: Ctx) -> str:
    names = {s: ctx.t(f"batchnorm.run.table.{s}") for s in SPLITS}
    columns = {k: (ctx.t(f"batchnorm.run.table.{k}") + (" ★" if k == INFERENCE else ""), ".4f") for k in STATS}
    return "\n".join(
        [
            say(ctx.s("batchnorm.grad.metric_b1"), 'num(les.b1_grad, ".1e", LANG)'),
            say(ctx.s("batchnorm.grad.metric_bb"), 'num(les.bnbias_grad, ".1e", LANG)'),
            f"# {ctx.t('notebook.code.bn_losses')}",
            table_lines(ctx, names, columns, "les.loss_table.reset_index()", "split"),
        ]
    )


def charts(ctx: Ctx) -> list[str]:
    steps = ctx.values["b_steps"]
    phases = {p: ctx.t(f"batchnorm.pre.phase.{p}") for p in ("init", "trained")}
    phase = call("fill", Code(f"{mapping(phases)}[ph.phase]"), Code("LANG"), steps=steps)
    pre = call(
        "CB.pre_hist",
        Code('les.hist[les.hist["phase"] == ph.phase]'),
        mapping({w: ctx.t(f"batchnorm.pre.{w}") for w in ("before", "after")}),
        Code(ctx.s("batchnorm.pre.gauss")),
        call("fill", ctx.t("batchnorm.pre.title"), Code("LANG"), phase=Code("phase")),
        *(Code(ctx.s(f"batchnorm.pre.{k}")) for k in ("x", "y", "legend")),
    )
    grads = call(
        "CB.grads",
        Code("les.probe.grads"),
        mapping({k: ctx.t(f"batchnorm.grad.{k}") for k in ("bnbias", "b1")}),
        Code(ctx.s("batchnorm.grad.title", steps=steps)),
        *(Code(ctx.s(f"batchnorm.grad.{k}")) for k in ("x", "y", "legend")),
    )
    bn_name = {bn: ctx.t(f"batchnorm.sweep.{'with' if bn else 'without'}") for bn in (False, True)}
    series = {
        (bn, s): ctx.t("batchnorm.sweep.series", bn=bn_name[bn], split=ctx.t(f"batchnorm.run.table.{s}"))
        for bn in (False, True)
        for s in ("train", "val")
    }
    sweep = call(
        "CB.sweep_loss",
        Code("les.sweep"),
        mapping(series),
        *(Code(ctx.s(f"batchnorm.sweep.{k}")) for k in ("title", "x", "y", "legend")),
    )
    return [
        f"ph = les.phases.iloc[{i}]  # {ctx.t('notebook.code.bn_phase')}\nphase = {phase}\n{pre}" for i in (0, 1)
    ] + [grads, sweep]


def tries(ctx: Ctx) -> list[str]:
    v = ctx.values
    first = "notebook.try.batchnorm.act" if v["b_act"] != "relu" else "notebook.try.batchnorm.mom"
    return (
        [ctx.t(first), ctx.t("notebook.try.batchnorm.mom")] if first != "notebook.try.batchnorm.mom" else [ctx.t(first)]
    )


SPEC = Spec(
    page="batchnorm",
    imports="from ui import charts_batchnorm as CB",
    intro=intro,
    labels={
        "activation": "batchnorm.act.label",
        "steps": "batchnorm.steps.label",
        "momentum": "batchnorm.run.mom.label",
        "batch_size": "batchnorm.jitter.bs.label",
    },
    headlines=headlines,
    charts=charts,
    tries=tries,
)
