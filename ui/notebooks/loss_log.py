"""The lecture's loss log as a notebook: its table of the five stages, the loss curves and the names
each trained net makes up."""

from __future__ import annotations

from core.lessons.loss_log import N_NAMES, STAGES
from ui.notebooks.base import Code, Ctx, Spec, call, mapping, table_lines

ORDER = [s for s, _ in STAGES]
# the page's table: lesson column -> (its header's text key, how the page writes the number)
COLUMNS = {
    "init_loss": ("loss_log.col.init", ".4f"),
    "final_train": ("loss_log.col.train", ".4f"),
    "final_val": ("loss_log.col.val", ".4f"),
    "change_val": ("loss_log.col.change", "+.4f"),
    "lecture_train": ("loss_log.col.lecture_train", ".4f"),
    "lecture_val": ("loss_log.col.lecture_val", ".4f"),
}


def intro(ctx: Ctx) -> str:
    return ctx.t("loss_log.what")


def headlines(ctx: Ctx) -> str:
    names = {s: ctx.t(f"loss_log.stage.{s}") for s in ORDER}
    columns = {col: (ctx.t(key), spec) for col, (key, spec) in COLUMNS.items()}
    return table_lines(ctx, names, columns, "les.table", "stage")


def charts(ctx: Ctx) -> list[str]:
    steps = int(ctx.values["g_steps"])
    curves = call(
        "CG.stage_curves",
        Code("les.curves"),
        mapping({s: ctx.t(f"loss_log.short.{s}") for s in ORDER}),
        Code(f"train_config({steps}).lr_decay_step"),
        Code(ctx.s("loss_log.curves.title", steps=steps)),
        *(Code(ctx.s(f"loss_log.curves.{k}")) for k in ("x", "y", "legend", "decay")),
    )
    made = "\n".join(
        [
            f"# {ctx.t('notebook.code.made_up', n=N_NAMES)}",
            'made = les.samples.pivot(index="sample", columns="stage", values="name").reindex(columns=list(names))',
            "made.index = made.index + 1",
            "made.rename(columns=names)",
        ]
    )
    return [curves, made]


def tries(ctx: Ctx) -> list[str]:
    first = ["notebook.try.loss_log.steps"] if int(ctx.values["g_steps"]) < 200_000 else []
    return [ctx.t(k) for k in (*first, "notebook.try.loss_log.names")]


SPEC = Spec(
    page="loss_log",
    imports="from core.lessons.loss_log import train_config\nfrom ui import charts_loss_log as CG",
    intro=intro,
    labels={"steps": "loss_log.steps.label"},
    headlines=headlines,
    charts=charts,
    tries=tries,
)
