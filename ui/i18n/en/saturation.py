TEXT = {
    "saturation.title": "Tanh saturation",
    "saturation.what": (
        "The lecture's MLP (names data, 200 tanh units) on one minibatch: where its pre-activations x land, "
        "and which units are pushed to ±1 where tanh is flat.  \n"
        "Move W1 and b1 (or click a preset) and watch the white map of saturated units fill up or empty, "
        "and how much gradient 1 − t² still lets through."
    ),
    # controls
    "saturation.act.label": "Activation",
    "saturation.act.help": "Any function of the registry (with its default parameters). The lecture uses tanh.",
    "saturation.w1.label": "W1 scale",
    "saturation.w1.help": (
        "W1 = randn(30, 200) × this. The lecture started at 1.0, then used 0.2; Kaiming init uses "
        "gain / √fan_in = (5/3) / √30 ≈ 0.304 for tanh."
    ),
    "saturation.w1.short": "W1 scale",
    "saturation.b1.label": "b1 scale",
    "saturation.b1.help": "b1 = randn(200) × this. The lecture started at 1.0, then used 0.01.",
    "saturation.b1.short": "b1 scale",
    "saturation.presets.label": "Presets (they set the two sliders above):",
    "saturation.preset.before": "The lecture before the fix (W1 × 1.0, b1 × 1.0)",
    "saturation.preset.before_help": "randn weights and biases as they come: wide pre-activations, many saturated units.",
    "saturation.preset.fix": "The lecture's fix (W1 × 0.2, b1 × 0.01)",
    "saturation.preset.fix_help": "The lecture's hand-tuned fix: shrink W1 and b1 so x stays where tanh has slope.",
    "saturation.preset.kaiming": "Kaiming (W1 × {w1:.3f}, b1 × 0.01)",
    "saturation.preset.kaiming_help": (
        "W1 scale = gain / √fan_in = {gain:.3f} / √{fan_in} ≈ {w1:.3f}: the recommended gain of {act} "
        "(5/3 for tanh, as torch.nn.init.calculate_gain), i.e. MLPConfig.kaiming_gain."
    ),
    "saturation.thr.label": "Saturation threshold",
    "saturation.thr.help": (
        "For tanh a unit counts as saturated when |h| > this (the lecture's map uses 0.99; its percentage 0.97). "
        "For other saturating functions: when f'(x) < (1 − threshold²) × its largest slope. "
        "The ReLU family has no threshold: a unit is inactive when its gradient is exactly 0."
    ),
    "saturation.steps.label": "Training steps before the snapshot",
    "saturation.steps.help": (
        "0 = the network at initialisation. N = after N SGD steps (batch 32, lr 0.1), so you can see "
        "whether training pulls saturated units back or not."
    ),
    "saturation.fixed": (
        "Fixed for every run: W2 × 0.01 and b2 = 0 (the lecture fixed the softmax first), lr 0.1, batch 32, "
        "the lecture's seed 2147483647. Your setting and the three presets train together on the same minibatches."
    ),
    "saturation.variant.title": "setting",
    "saturation.variant.yours": "Your setting",
    "saturation.variant.before": "Before the fix",
    "saturation.variant.fix": "Lecture's fix",
    "saturation.variant.kaiming": "Kaiming",
    "saturation.snapshot.init": (
        "Snapshot: the first minibatch (32 examples × 200 hidden units) at initialisation, before any update."
    ),
    "saturation.snapshot.after": (
        "Snapshot: the minibatch of step {n} (32 examples × 200 hidden units), i.e. the network after {n} SGD updates."
    ),
    "saturation.no_snapshot": (
        "Your setting diverged at step {step}, before the snapshot, so there is no minibatch to show. "
        "Choose fewer training steps than {step}, or smaller scales. The loss below stops where it diverged."
    ),
    # what white means
    "saturation.state.title": "unit on this example",
    "saturation.state.off": "active (gradient flows)",
    "saturation.state.on.tanh": "saturated (|h| > {thr:.3f})",
    "saturation.state.on.saturating": "saturated (f′ < {frac:.3g} × max f′)",
    "saturation.state.on.zero": "inactive (f′(x) = 0)",
    "saturation.state.on.never": "inactive (never for maxout)",
    # metrics
    "saturation.metric.pct.tanh": "Saturated",
    "saturation.metric.pct.saturating": "Saturated",
    "saturation.metric.pct.zero": "Inactive (zero gradient)",
    "saturation.metric.pct.never": "Inactive",
    "saturation.metric.pct_value": "{pct:.1f} %",
    "saturation.metric.pct_help.tanh": "Share of the 32 × 200 (example, unit) pairs with |h| > {thr:.3f}.",
    "saturation.metric.pct_help.saturating": (
        "Share of the 32 × 200 (example, unit) pairs whose slope f'(x) is below (1 − {thr:.3f}²) of its maximum, "
        "the same rule as |h| > {thr:.3f} for tanh."
    ),
    "saturation.metric.pct_help.zero": (
        "Share of the 32 × 200 (example, unit) pairs where f'(x) = 0 exactly (for ReLU: x < 0). "
        "The threshold slider does not apply."
    ),
    "saturation.metric.pct_help.never": "Maxout passes the gradient to its winning piece, so no unit is ever inactive.",
    "saturation.metric.dead": "Dead in this batch",
    "saturation.metric.dead_value": "{dead} / {n}",
    "saturation.metric.dead_help": (
        "Units inactive on all 32 examples: a fully white column of the map. On this batch they pass (almost) no "
        "gradient, so their weights (almost) do not learn from it."
    ),
    "saturation.metric.local": "Mean local gradient f′(x)",
    "saturation.metric.local_help": (
        "The average factor the activation multiplies the incoming gradient by (for tanh: 1 − h², at most 1; for sigmoid at most 0.25; "
        "for ReLU 0 or 1)."
    ),
    "saturation.metric.dx": "Mean |dL/dx|",
    "saturation.metric.dx_help": (
        "The average size of the gradient reaching the pre-activations: f'(x) × dL/dh on this minibatch. "
        "This is what W1 and b1 learn from."
    ),
    # histograms
    "saturation.hist.y": "(example, unit) pairs",
    "saturation.hist.from": "from",
    "saturation.hist.to": "to",
    "saturation.hist.pre.title": "Pre-activations x = emb · W1 + b1",
    "saturation.hist.pre.x": "pre-activation x",
    "saturation.hist.pre.alt": (
        "Histogram of the 6,400 pre-activations of the minibatch, std {std:.2f}; bars in orange are inactive units."
    ),
    "saturation.hist.pre.notice.tanh": (
        "Here std(x) = {std:.2f}. Every x beyond the dashed lines (where tanh(x) = ±threshold) lands in the flat part "
        "of tanh (orange). Before the fix std(x) ≈ 5.7; the lecture's fix (W1 × 0.2, b1 × 0.01) shrinks it to about 1.1."
    ),
    "saturation.hist.pre.notice.saturating": (
        "Here std(x) = {std:.2f}. The orange x lie where the function is flat; smaller W1 and b1 narrow this "
        "histogram and pull x back to where the slope is large."
    ),
    "saturation.hist.pre.notice.zero": (
        "Here std(x) = {std:.2f}. Every negative x is orange: the function is flat there. Scaling W1 and b1 "
        "down together does not change that share: ReLU has no saturation at ±1 to fix, only the sign of x."
    ),
    "saturation.hist.pre.notice.never": "Here std(x) = {std:.2f}: the winning piece of each maxout unit.",
    "saturation.hist.pre.rule": "±{x:.2f}",
    "saturation.hist.h.title": "Activations h = f(x)",
    "saturation.hist.h.x": "activation h",
    "saturation.hist.h.rule": "±{thr:.3f}",
    "saturation.hist.h.alt": "Histogram of the 6,400 activations h of the minibatch; {pct:.1f} % are inactive (orange).",
    "saturation.hist.h.notice.tanh": (
        "Outside the dashed lines at ±{thr:.3f} tanh is saturated: {pct:.1f} % of the values pile up there. "
        "Before the fix, h is mostly ±1; after it, h spreads over (−1, 1)."
    ),
    "saturation.hist.h.notice.saturating": (
        "The orange bars are the outputs near the function's flat ends ({pct:.1f} % of the values)."
    ),
    "saturation.hist.h.notice.zero": (
        "The orange bar at h = 0 holds the units with negative input: their gradient is exactly 0 ({pct:.1f} %). "
        "ReLU does not saturate for x > 0, but it is flat for x < 0."
    ),
    "saturation.hist.h.notice.never": "Maxout outputs the largest of its pieces; no value is flat for all of them.",
    # the map
    "saturation.map.title": "The saturation map: white = {white}",
    "saturation.map.x": "hidden unit (neuron)",
    "saturation.map.y": "example of the minibatch",
    "saturation.map.alt": (
        "A 32 by 200 grid of examples by hidden units, white where the unit is inactive: {pct:.1f} % white, "
        "{dead} fully white columns."
    ),
    "saturation.map.notice.tanh": (
        "The lecture's plot: {pct:.1f} % is white. A fully white column ({dead} here) is a unit saturated on every "
        "example: a dead neuron for this batch. At W1 × 1.0 the map is mostly white; at W1 × 0.2 almost black."
    ),
    "saturation.map.notice.saturating": (
        "{pct:.1f} % is white, {dead} columns are fully white (units that learn nothing from this batch)."
    ),
    "saturation.map.notice.zero": (
        "{pct:.1f} % is white: here white means x < 0, the flat half of the function, not saturation at ±1. "
        "A fully white column ({dead} here) is a unit off for the whole batch: a dead ReLU if it stays so on all data."
    ),
    "saturation.map.notice.never": "All black: maxout always passes the gradient to one of its pieces.",
    # comparison
    "saturation.compare.title": "{what} (%) at step {step}: your setting against the lecture's",
    "saturation.compare.x": "setting (same activation, same minibatch)",
    "saturation.compare.alt": "Bar chart of the percentage of inactive units for your setting and the lecture's three settings.",
    "saturation.compare.y": "{what} (%)",
    "saturation.compare.notice.tanh": (
        "Before the fix {before:.1f} %, after the lecture's fix {fix:.1f} %, with Kaiming init {kaiming:.1f} %. "
        "Scaling W1 and b1 down is the whole cure: the same network, the same data."
    ),
    "saturation.compare.notice.saturating": (
        "Before the fix {before:.1f} %, after the lecture's fix {fix:.1f} %, with Kaiming init {kaiming:.1f} %: "
        "like tanh, this function saturates, and smaller weights keep its inputs where it has slope."
    ),
    "saturation.compare.notice.zero": (
        "Before the fix {before:.1f} %, after the lecture's fix {fix:.1f} %, with Kaiming init {kaiming:.1f} %: "
        "about half the inputs are negative whatever the scale. ReLU units die from a bias or an update that makes "
        "x negative on every example, not from large weights (see the Dead neurons page)."
    ),
    "saturation.compare.notice.never": "Maxout is never inactive, whatever the scales.",
    "saturation.compare.notice_generic": (
        "A setting missing here diverged before the snapshot. Scaling W1 and b1 down keeps units active."
    ),
    # why
    "saturation.why.title": "Why a saturated unit stops learning",
    "saturation.why.body": (
        "Backpropagation through t = tanh(x) multiplies the incoming gradient by the local slope 1 − t². "
        "When |t| is close to 1 that factor is close to 0: whatever the loss asks for, x (and so W1, b1 and the "
        "embeddings behind it) hardly moves. If |t| is near 1 on every example, the unit never learns."
    ),
    "saturation.why.latex": r"\frac{\partial L}{\partial x} = \left(1 - t^2\right)\frac{\partial L}{\partial t}, \qquad t = \tanh(x)",
    "saturation.why.yours": "The local gradient of the activation you chose ({name}):",
    "saturation.local.title": "Local gradient f′(x) of {name} on the minibatch",
    "saturation.local.x": "local gradient f′(x) (tanh: 1 − h²)",
    "saturation.local.rule": "mean {mean:.3f}",
    "saturation.local.alt": "Histogram of the local gradient f'(x) over the minibatch; its mean is {mean:.3f}.",
    "saturation.local.notice": (
        "On average only {mean:.3f} of the gradient gets through. The tall orange bar near 0 is the saturated "
        "units: for them the gradient has vanished."
    ),
    # loss
    "saturation.loss.title": "Minibatch loss during training (averaged over windows of steps)",
    "saturation.loss.x": "training step",
    "saturation.loss.y": "cross-entropy loss",
    "saturation.loss.alt": "Line chart of the training loss of your setting and the lecture's three settings.",
    "saturation.loss.notice_diverged": (
        "The loss of your setting explodes and becomes NaN/inf at step {step} (log axis). With this activation and "
        "these scales the updates grow without bound; try smaller W1 and b1 scales."
    ),
    "saturation.loss.notice": (
        "Over a few thousand steps the curves stay close, with the saturated start a little behind. Saturated units "
        "still learn, only less efficiently: in the lecture's full 200k-step runs the validation loss goes from "
        "2.17 before the fix to 2.10 after it. A line that stops early has diverged."
    ),
}
