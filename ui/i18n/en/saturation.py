"""The Tanh saturation page. Every text that depends on the activation comes in one variant per
kind of activation (core.lessons.tanh_saturation.KINDS: tanh, saturating, zero, leaky, never),
as `<key>.<kind>`; a test checks every kind has every such key, in every language."""

TEXT = {
    "saturation.title": "Tanh saturation",
    "saturation.what.tanh": (
        "The lecture's MLP (names data, 200 tanh units) on one minibatch: where its pre-activations x land, "
        "and which units are pushed to ±1 where tanh is flat.  \n"
        "Move W1 and b1 (or click a preset) and watch the white map of saturated units fill up or empty, "
        "and how much gradient 1 − t² still lets through."
    ),
    "saturation.what.saturating": (
        "The lecture's MLP (names data, 200 hidden units, here {act}) on one minibatch: where its pre-activations x "
        "land, and which units sit on the flat ends of {act}, where almost no gradient gets through.  \n"
        "Move W1 and b1 (or click a preset) and watch the white map of saturated units fill up or empty, "
        "and how much gradient the slope f′(x) still lets through."
    ),
    "saturation.what.zero": (
        "The lecture's MLP (names data, 200 hidden units, here {act}) on one minibatch: where its pre-activations x "
        "land, and which units get an x < 0, where {act} is flat and passes no gradient at all.  \n"
        "Move W1 and b1 (or click a preset): the share of inactive units hardly moves, because for {act} only the "
        "sign of x matters, not its size."
    ),
    "saturation.what.leaky": (
        "The lecture's MLP (names data, 200 hidden units, here {act}) on one minibatch: where its pre-activations x "
        "land, and how much gradient the slope f′(x) lets through. {act} has a slope on both sides of 0, so its "
        "units (almost) never stop learning.  \n"
        "Move W1 and b1 (or click a preset) and watch the histograms widen or narrow while the map of inactive "
        "units stays (almost) black."
    ),
    "saturation.what.never": (
        "The lecture's MLP (names data, 200 hidden units, here {act}) on one minibatch: where the winning piece of "
        "each unit lands. {act} always passes the gradient to one of its pieces, so no unit is ever inactive.  \n"
        "Move W1 and b1 (or click a preset) and watch the histograms widen or narrow."
    ),
    # controls
    "saturation.act.label": "Activation",
    "saturation.act.help": (
        "Any function of the registry, with its default parameters. The page opens on the lecture's choice."
    ),
    "saturation.w1.label": "W1 scale",
    "saturation.w1.help": (
        "W1 = randn × this. The lecture started at 1.0, then used 0.2; Kaiming init uses "
        "gain / √fan_in = {gain:.3f} / √{fan_in} ≈ {w1:.3f} for {act}."
    ),
    "saturation.w1.short": "W1 scale",
    "saturation.b1.label": "b1 scale",
    "saturation.b1.help": "b1 = randn(200) × this. The lecture started at 1.0, then used 0.01.",
    "saturation.b1.short": "b1 scale",
    "saturation.presets.label": "Presets (they set the two sliders above):",
    "saturation.preset.before": "The lecture before the fix (W1 × 1.0, b1 × 1.0)",
    "saturation.preset.before_help": "randn weights and biases as they come: wide pre-activations x.",
    "saturation.preset.fix": "The lecture's fix (W1 × 0.2, b1 × 0.01)",
    "saturation.preset.fix_help": "The lecture's hand-tuned fix: a smaller W1 and b1 keep the pre-activations x near 0.",
    "saturation.preset.kaiming": "Kaiming (W1 × {w1:.3f}, b1 × 0.01)",
    "saturation.preset.kaiming_help": (
        "W1 scale = gain / √fan_in = {gain:.3f} / √{fan_in} ≈ {w1:.3f}, with the recommended gain of {act} "
        "({source}), i.e. MLPConfig.kaiming_gain."
    ),
    "saturation.thr.label": "Saturation threshold",
    "saturation.thr.help.tanh": (
        "A unit counts as saturated when |h| > this. The lecture's map uses 0.99, its percentage 0.97."
    ),
    "saturation.thr.help.saturating": (
        "A unit counts as saturated when its slope f′(x) is below (1 − threshold²) of {act}'s largest slope: "
        "the same rule as |h| > threshold for tanh."
    ),
    "saturation.thr.help.zero": (
        "The threshold does not apply to {act}: it has no flat ends to saturate on. A unit counts as inactive "
        "only where its gradient is exactly 0 (x < 0)."
    ),
    "saturation.thr.help.leaky": (
        "The threshold does not apply to {act}: it has no flat ends to saturate on. A unit counts as inactive "
        "only where its gradient is exactly 0, which {act} (almost) never reaches."
    ),
    "saturation.thr.help.never": (
        "The threshold does not apply to {act}: it always passes the gradient to one of its pieces."
    ),
    "saturation.steps.label": "Training steps before the snapshot",
    "saturation.steps.help": (
        "0 = the network at initialisation. N = after N SGD steps (batch 32, lr 0.1), so you can see "
        "whether training pulls inactive units back or not."
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
    "saturation.state.on.leaky": "inactive (f′(x) = 0)",
    "saturation.state.on.never": "inactive (never for maxout)",
    # metrics
    "saturation.metric.pct.tanh": "Saturated",
    "saturation.metric.pct.saturating": "Saturated",
    "saturation.metric.pct.zero": "Inactive (zero gradient)",
    "saturation.metric.pct.leaky": "Inactive (zero gradient)",
    "saturation.metric.pct.never": "Inactive",
    "saturation.metric.pct_value": "{pct:.1f} %",
    "saturation.metric.pct_help.tanh": "Share of the 32 × 200 (example, unit) pairs with |h| > {thr:.3f}.",
    "saturation.metric.pct_help.saturating": (
        "Share of the 32 × 200 (example, unit) pairs whose slope f′(x) is below (1 − {thr:.3f}²) of its maximum, "
        "the same rule as |h| > {thr:.3f} for tanh."
    ),
    "saturation.metric.pct_help.zero": (
        "Share of the 32 × 200 (example, unit) pairs where f′(x) = 0 exactly (for {act}: x < 0). "
        "The threshold slider does not apply."
    ),
    "saturation.metric.pct_help.leaky": (
        "Share of the 32 × 200 (example, unit) pairs where f′(x) = 0 exactly: {act} has a slope almost everywhere, "
        "so this stays (close to) 0. The threshold slider does not apply."
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
        "The average factor by which {act} multiplies the incoming gradient: its slope f′(x), averaged over the "
        "minibatch (1 passes the gradient on unchanged, 0 blocks it)."
    ),
    "saturation.metric.dx": "Mean |dL/dx|",
    "saturation.metric.dx_help": (
        "The average size of the gradient reaching the pre-activations: f′(x) × dL/dh on this minibatch. "
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
        "Here std(x) = {std:.2f}. The orange x lie where {act} is flat; smaller W1 and b1 narrow this "
        "histogram and pull x back to where the slope is large."
    ),
    "saturation.hist.pre.notice.zero": (
        "Here std(x) = {std:.2f}. Every negative x is orange: {act} is flat there. Scaling W1 and b1 "
        "down together does not change that share: {act} has no flat ends to fix, only the sign of x counts."
    ),
    "saturation.hist.pre.notice.leaky": (
        "Here std(x) = {std:.2f}. {act} has a slope on both sides of 0, so (almost) no bar is orange: only an x "
        "where the slope is exactly 0 would be."
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
        "The orange bars are the outputs near the flat ends of {act} ({pct:.1f} % of the values)."
    ),
    "saturation.hist.h.notice.zero": (
        "The orange bar at h = 0 holds the units with negative input: their gradient is exactly 0 ({pct:.1f} %). "
        "{act} does not saturate for x > 0, but it is flat for x < 0."
    ),
    "saturation.hist.h.notice.leaky": (
        "{pct:.1f} % of the values are orange: {act} keeps a slope for negative inputs too, so the units with "
        "x < 0 still pass some gradient back."
    ),
    "saturation.hist.h.notice.never": "Maxout outputs the largest of its pieces; no value is flat for all of them.",
    # the map
    "saturation.map.title": "Examples × units: white = {white}",
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
        "{pct:.1f} % is white: here white means x < 0, the flat half of {act}, not saturation at ±1. "
        "A fully white column ({dead} here) is a unit off for the whole batch: a dead unit if it stays so on all data."
    ),
    "saturation.map.notice.leaky": (
        "{pct:.1f} % is white and {dead} columns are fully white: {act} passes some gradient at almost every x, "
        "so its units keep learning."
    ),
    "saturation.map.notice.never": "All black: maxout always passes the gradient to one of its pieces.",
    # comparison
    "saturation.compare.title": "{what} at step {step}: your setting and the lecture's three",
    "saturation.compare.x": "setting (same activation, same minibatch)",
    "saturation.compare.alt": "Bar chart of the percentage of inactive units for your setting and the lecture's three settings.",
    "saturation.compare.y.tanh": "saturated (%)",
    "saturation.compare.y.saturating": "saturated (%)",
    "saturation.compare.y.zero": "inactive (%)",
    "saturation.compare.y.leaky": "inactive (%)",
    "saturation.compare.y.never": "inactive (%)",
    "saturation.compare.notice.tanh": (
        "Before the fix {before:.1f} %, after the lecture's fix {fix:.1f} %, with Kaiming init {kaiming:.1f} %. "
        "Scaling W1 and b1 down is the whole cure: the same network, the same data."
    ),
    "saturation.compare.notice.saturating": (
        "Before the fix {before:.1f} %, after the lecture's fix {fix:.1f} %, with Kaiming init {kaiming:.1f} %: "
        "like tanh, {act} saturates, and smaller weights keep its inputs where it has slope."
    ),
    "saturation.compare.notice.zero": (
        "Before the fix {before:.1f} %, after the lecture's fix {fix:.1f} %, with Kaiming init {kaiming:.1f} %: "
        "about half the inputs are negative whatever the scale. {act} units die from a bias or an update that makes "
        "x negative on every example, not from large weights (see the Dead neurons page)."
    ),
    "saturation.compare.notice.leaky": (
        "Before the fix {before:.1f} %, after the lecture's fix {fix:.1f} %, with Kaiming init {kaiming:.1f} %: "
        "{act} keeps a slope at almost every x, whatever the scale of W1 and b1."
    ),
    "saturation.compare.notice.never": "Maxout is never inactive, whatever the scales.",
    "saturation.compare.notice_generic": "A setting missing here diverged before the snapshot.",
    # why
    "saturation.why.title": "Why the slope decides what a unit learns",
    "saturation.why.body": (
        "Backpropagation through h = f(x) multiplies the incoming gradient by the local slope f′(x): whatever the "
        "loss asks for, x (and so W1, b1 and the embeddings behind it) moves only as much as f′(x) lets it."
    ),
    "saturation.why.kind.tanh": (
        "For t = tanh(x) that slope is 1 − t². When |t| is close to 1 it is close to 0, and the unit hardly "
        "learns; if |t| is near 1 on every example, it never learns."
    ),
    "saturation.why.kind.saturating": (
        "On the flat ends of {act} that slope is close to 0: a unit that sits there on every example never learns."
    ),
    "saturation.why.kind.zero": (
        "For {act} that slope is exactly 0 wherever x < 0: the unit passes nothing back on those examples, and if "
        "x < 0 on every example it never learns again (a dead unit)."
    ),
    "saturation.why.kind.leaky": (
        "{act} keeps a slope on both sides of 0 (small, for some inputs), so some gradient always gets through "
        "and its units keep learning."
    ),
    "saturation.why.kind.never": (
        "A maxout unit sends the gradient on, unchanged, to the piece that won: some gradient always gets through."
    ),
    "saturation.why.latex": (r"\frac{\partial L}{\partial x} = f'(x)\,\frac{\partial L}{\partial h}, \qquad h = f(x)"),
    "saturation.why.yours": "The local gradient of the activation you chose ({name}):",
    "saturation.local.title": "Local gradient f′(x) of {name} on the minibatch",
    "saturation.local.x.tanh": "local gradient f′(x) = 1 − h²",
    "saturation.local.x.saturating": "local gradient f′(x)",
    "saturation.local.x.zero": "local gradient f′(x)",
    "saturation.local.x.leaky": "local gradient f′(x)",
    "saturation.local.x.never": "local gradient f′(x)",
    "saturation.local.rule": "mean {mean:.3f}",
    "saturation.local.alt": "Histogram of the local gradient f′(x) over the minibatch; its mean is {mean:.3f}.",
    "saturation.local.notice.tanh": (
        "On average only {mean:.3f} of the gradient gets through. The tall orange bar near 0 is the saturated "
        "units: for them the gradient has vanished."
    ),
    "saturation.local.notice.saturating": (
        "On average {mean:.3f} of the gradient gets through; the orange bars near 0 are the saturated units, "
        "for which it has (almost) vanished."
    ),
    "saturation.local.notice.zero": (
        "On average {mean:.3f} of the gradient gets through: the slope of {act} is 0 or 1, and the orange bar "
        "at 0 is the units with x < 0, which pass nothing back."
    ),
    "saturation.local.notice.leaky": (
        "On average {mean:.3f} of the gradient gets through, and (almost) no unit blocks it completely: "
        "the slope of {act} is hardly ever exactly 0."
    ),
    "saturation.local.notice.never": (
        "Maxout passes the gradient on unchanged to its winning piece: the local gradient is 1 for every unit."
    ),
    # loss
    "saturation.loss.title": "Minibatch loss during training (mean over windows of steps)",
    "saturation.loss.x": "training step",
    "saturation.loss.y": "cross-entropy loss",
    "saturation.loss.alt": "Line chart of the training loss of your setting and the lecture's three settings.",
    "saturation.loss.notice_diverged": (
        "The loss of your setting explodes and becomes NaN/inf at step {step} (log axis). With this activation and "
        "these scales the updates grow without bound; try smaller W1 and b1 scales."
    ),
    "saturation.loss.notice.tanh": (
        "Over a few thousand steps the curves stay close, with the saturated start a little behind. Saturated units "
        "still learn, only less efficiently: in the lecture's full 200k-step runs the validation loss goes from "
        "2.17 before the fix to 2.10 after it. A line that stops early has diverged."
    ),
    "saturation.loss.notice.saturating": (
        "Saturated units still learn, only less efficiently: compare how fast each setting's loss comes down. "
        "A line that stops early has diverged."
    ),
    "saturation.loss.notice.zero": (
        "For {act} the inactive units are the ones with x < 0, whatever the scale: compare how fast each "
        "setting's loss comes down. A line that stops early has diverged."
    ),
    "saturation.loss.notice.leaky": (
        "{act} passes gradient almost everywhere, so no setting loses units: compare how fast each setting's loss "
        "comes down. A line that stops early has diverged."
    ),
    "saturation.loss.notice.never": (
        "Maxout loses no units, so the settings differ only in how fast their loss comes down. A line that stops "
        "early has diverged."
    ),
    # the page's question (predict first)
    "saturation.predict.state.tanh": "saturated (|h| > {thr})",
    "saturation.predict.state.saturating": "saturated (gradient almost zero)",
    "saturation.predict.state.zero": "inactive (zero gradient)",
    "saturation.predict.state.leaky": "inactive (zero gradient)",
    "saturation.predict.state.never": "inactive (this activation never is)",
    "saturation.predict.why.tanh": (
        "the pre-activations have a std of {std:.2f}, while tanh is flat beyond |x| > {x:.2f}. The wider the "
        "pre-activations, the more of them land on the flat tails, where the gradient 1 − t² is almost 0. "
        "Scaling W1 down narrows them."
    ),
    "saturation.predict.why.saturating": (
        "the pre-activations have a std of {std:.2f}: the wider they are, the more land on the flat tails of "
        "{act}, where almost no gradient passes."
    ),
    "saturation.predict.why.zero": (
        "{act} outputs exactly 0 (with zero slope) for every negative input, and about half of the "
        "pre-activations are negative whatever their scale. The scale of W1 barely matters here; only the sign does."
    ),
    "saturation.predict.why.leaky": (
        "{act} has a slope on both sides of 0, so a unit is inactive only where f′(x) is exactly 0: hardly ever, "
        "whatever the scale of W1."
    ),
    "saturation.predict.why.never": "{act} has a slope on every input, so no unit is ever fully inactive.",
}
