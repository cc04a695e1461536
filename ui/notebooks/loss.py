"""The Loss at init view as a notebook: the expected −ln(1/V), the step-0 loss at your W2 scale and
the logits behind it, the hand-made softmax, the hockey stick; their numbers and charts."""

from __future__ import annotations

from core.lessons.loss_at_init import SCALES, SMOOTH, V_RANGE
from ui.notebooks.base import Code, Ctx, Spec, call, mapping, say, say4
from ui.text import num


def _v(ctx: Ctx) -> str:
    """The V of the expected-loss slider: the link's (l_v, the page's own control), else the data's."""
    raw = ctx.raw.get("l_v", ())
    if len(raw) == 1 and raw[0].isdigit() and V_RANGE[0] <= int(raw[0]) <= V_RANGE[1]:
        return raw[0]
    return "data.vocab.size"


def _w2_labels(ctx: Ctx) -> Code:
    """A network of the sweep is named by its W2 scale, "W2×0.01" (its number in the language)."""
    return mapping({w: "W2×" + num(float(w), "g", ctx.lang) for w in SCALES})


def intro(ctx: Ctx) -> str:
    return ctx.t("loss.what_you_will_see")


def headlines(ctx: Ctx) -> str:
    scale = float(ctx.values["l_w2"])
    short = mapping({v: ctx.t(f"loss.hockey.{v}_short") for v in ("naive", "fixed")})
    start = call("fill", ctx.t("loss.hockey.m_start"), Code("LANG"), variant=Code("short[v]"))
    end = call("fill", ctx.t("loss.hockey.m_end"), Code("LANG"), variant=Code("short[v]"))
    return "\n".join(
        [
            f"V = {_v(ctx)}  # {ctx.t('notebook.code.vocab')}",
            say(ctx.s("loss.expected.metric"), 'num(lessons.expected_init_loss(V), ".4f", LANG)'),
            say(ctx.s("loss.expected.uniform_p"), 'num(1 / V, ".4f", LANG)'),
            f"if les.chosen_loss is not None:  # {ctx.t('notebook.code.scale_diverged')}",
            say4(ctx.s("loss.sweep.m_scale", scale=scale), 'num(les.chosen_loss, ".4f", LANG)'),
            say4(ctx.s("loss.sweep.m_excess"), 'num(les.excess, "+.4f", LANG)'),
            say(ctx.s("loss.sweep.m_expected"), 'num(les.expected, ".4f", LANG)'),
            "if les.logit_std is not None:",
            say4(ctx.s("loss.logits.m_batch"), 'num(les.chosen_batch_loss, ".4f", LANG)'),
            say4(ctx.s("loss.logits.m_std"), 'num(les.logit_std, ".3f", LANG)'),
            say4(ctx.s("loss.logits.m_max"), 'num(les.logit_max, ".2f", LANG)'),
            f"short = {short}",
            'for v in les.hockey_stats["variant"]:',
            f'    print({start} + ":", num(les.stat(v, "start"), ".5g", LANG))',
            f'    print({end} + ":", "—" if v in les.diverged else num(les.stat(v, "end"), ".5g", LANG))',
            say(ctx.s("loss.cw.m_loss"), 'num(sm.loss, ".4f", LANG)'),
            say(ctx.s("loss.cw.m_p"), 'num(sm.p_target, ".3g", LANG)'),
            say(ctx.s("loss.cw.m_uniform"), 'num(sm.uniform, ".4f", LANG)'),
        ]
    )


def charts(ctx: Ctx) -> list[str]:
    w2, scale, n = ctx.values["l_w2"], float(ctx.values["l_w2"]), ctx.values["l_n"]
    sweep = call(
        "CL.sweep",
        Code("les.sweep"),
        _w2_labels(ctx),
        w2,
        Code("les.expected"),
        *(Code(ctx.s(f"loss.sweep.{k}")) for k in ("chart_title", "x", "y", "variant")),
        ctx.f("loss.sweep.chosen", loss=Code(f"les.sweep_loss({w2!r})")),
        Code(ctx.s("loss.sweep.rule")),
    )
    logits = call(
        "CL.logits_hist",
        Code("les.logits"),
        Code(ctx.s("loss.logits.chart_title", scale=scale)),
        *(Code(ctx.s(f"loss.logits.{k}")) for k in ("x", "y", "from", "to")),
    )
    softmax = call(
        "CL.softmax_bars",
        Code("sm.table"),
        Code(f"{{i: {call('fill', ctx.t('loss.cw.class_name'), Code('LANG'), i=Code('i'))} for i in sm.table['cls']}}"),
        *(Code(ctx.s(f"loss.cw.{k}")) for k in ("chart_title", "x", "y", "logit_col", "role", "is_target", "is_other")),
    )
    hockey = call(
        "CL.hockey",
        Code("les.hockey"),
        mapping({v: ctx.t(f"loss.hockey.{v}") for v in ("naive", "fixed")}),
        Code("les.expected"),
        Code(ctx.s("loss.hockey.chart_title", n=n)),
        *(Code(ctx.s(f"loss.hockey.{k}")) for k in ("x", "y", "variant", "raw")),
        Code(ctx.s("loss.hockey.smooth", w=SMOOTH)),
        Code(ctx.s("loss.hockey.rule")),
        y_max=Code("les.hockey_y_max"),
    )
    return [sweep, logits, softmax, hockey]


def tries(ctx: Ctx) -> list[str]:
    first = "notebook.try.loss.w2" if ctx.values["l_w2"] != "0.01" else "notebook.try.loss.w2_back"
    return [ctx.t(first), ctx.t("notebook.try.loss.logits")]


SPEC = Spec(
    page="loss",
    imports="from ui import charts_loss as CL",
    intro=intro,
    labels={
        "activation": "loss.sweep.act",
        "b2_random": "loss.sweep.b2",
        "w2": "loss.sweep.w2",
        "steps": "loss.hockey.steps",
        "target": "loss.cw.target",
    },
    headlines=headlines,
    charts=charts,
    tries=tries,
    results={"softmax_by_hand": "sm"},
)
