TEXT = {
    "dead.title": "Dead neurons: units that stop learning for good",
    "dead.what_you_will_see": (
        "Several activations train **together** on the names data, with the same init, minibatches and learning "
        "rate. A hidden unit is **dead** when it passes no gradient for *any* of the first {n:,} training examples.  \n"
        "The page opens at learning rate 1, ten times the lecture's 0.1: see how many units die during training, "
        "which ones, and what it costs in loss. **🩹 Learning rate 0.1** is the lecture's setting; the other "
        "**Break it** buttons kill units on purpose and the **Cure it** buttons bring the net back."
    ),
    # -- controls ----------------------------------------------------------------------------------
    "dead.acts": "Activations to compare",
    "dead.acts_help": "Every activation trains its own copy of the same network, all in one batched run (at most 6).",
    "dead.lr": "Learning rate (log scale)",
    "dead.lr_help": (
        "The SGD step size, constant for the whole run. The lecture uses 0.1; the page opens at 1, ten times larger."
    ),
    "dead.w1": "Init scale of W1",
    "dead.w1_help": "W1 = randn × this. The lecture's fix for tanh is 0.2 (Kaiming for ReLU here would be √2/√30 ≈ 0.26).",
    "dead.b1": "Init scale of b1",
    "dead.b1_help": (
        "b1 = randn × this. 1 is the lecture's first, unfixed bias; 0.01 its fix. A big negative bias keeps a "
        "ReLU unit below zero for every input: dead from step 0."
    ),
    "dead.steps": "Training steps",
    "dead.steps_help": "Minibatch SGD steps of 32 examples each. More steps show more of the story but take longer to train.",
    "dead.bn": "BatchNorm",
    "dead.bn_help": (
        "A BatchNorm layer between W1 and the activation: normalise each unit's pre-activation over the batch (mean 0, std 1, then a learned gain and shift). "
        "b1 has no effect then."
    ),
    "dead.pick_one": "Pick at least one activation to train.",
    "dead.break": "**Break it:**",
    "dead.cure": "**Cure it:**",
    "dead.preset.lr_high": "💥 High learning rate",
    "dead.preset.lr_high_help": "Learning rate 1.5 (clean init, no BatchNorm): big steps knock ReLU units into their flat side, and some never return.",
    "dead.preset.bias": "💥 Big biases",
    "dead.preset.bias_help": "b1 init scale 3 (learning rate 0.1, no BatchNorm): some units sit in the flat region from the very first step.",
    "dead.preset.extreme": "💥 Huge learning rate",
    "dead.preset.extreme_help": "Learning rate 10 (clean init, no BatchNorm): ReLU-like nets blow up, and tanh units saturate on every input.",
    "dead.preset.lr_low": "🩹 Learning rate 0.1",
    "dead.preset.lr_low_help": "Sets the learning rate back to the lecture's 0.1.",
    "dead.preset.small_init": "🩹 Small init",
    "dead.preset.small_init_help": "W1 × 0.2, b1 × 0.01, the lecture's fix: small weights and almost-zero biases keep every unit near its active range.",
    "dead.preset.bn": "🩹 BatchNorm",
    "dead.preset.bn_help": "Turns BatchNorm on: every unit is re-centred on each batch, so it cannot stay on the flat side.",
    "dead.preset.leaky": "🩹 Leaky variants",
    "dead.preset.leaky_help": "Compares ReLU with Leaky ReLU, ELU and GELU, whose gradient on the negative side is small but not zero.",
    "dead.preset.reset": "↺ Reset",
    "dead.preset.reset_help": "Back to the default settings (learning rate 1).",
    "dead.setup_caption": (
        "Each network: embedding C ({v}×{e}) → W1 ({fan_in}×{h}) = randn × {w1}, b1 = randn × {b1}{bn} → activation → "
        "W2 = randn × 0.01, b2 = 0; batch 32, constant learning rate {lr:g}, {steps:,} steps, seed 2147483647. "
        "Dead units are counted at {checks} checkpoints (every {every} steps) on the first {n:,} training examples; "
        "the final losses use the first {ntr:,} training and {nval:,} validation examples (the words are shuffled, "
        "so that is a fair sample; the lecture's full split moves them by about 0.01)."
    ),
    "dead.setup_caption.bn": " (ignored: BatchNorm on)",
    "dead.diverged_label": "{name} · diverged at step {step}",
    # -- chart 1: dead over time -------------------------------------------------------------------
    "dead.time.header": "How many units die, and when",
    "dead.time.title": "Dead hidden units during training (of {h})",
    "dead.time.x": "training step",
    "dead.time.y": "dead units",
    "dead.time.color": "activation",
    "dead.time.pct": "% of (example, unit) pairs with no gradient",
    "dead.time.alt": "Line chart of the number of dead hidden units (of {h}) against the training step, one line per activation. At the last checkpoint: {summary}.",
    "dead.time.alt_item": "{name} {dead}",
    "dead.time.notice": (
        "Lines that climb are units lost for good: a dead unit gets zero gradient, so nothing in W1 or b1 can "
        "revive it. Leaky ReLU and ELU can never die (their slope is never exactly 0); ReLU can, and so can tanh "
        "when it is pushed into saturation. Lines at 0 lie on top of each other. "
        "(Here the embeddings keep learning, so the inputs move and a dead unit can now and then come back: the "
        "line may dip.)"
    ),
    "dead.time.notice_none": (
        "Nothing dies at these settings: every line stays at 0. Press a **Break it** button above to see what "
        "kills units."
    ),
    # -- chart 2: the map ----------------------------------------------------------------------------
    "dead.map.header": "Which units are dead at the end",
    "dead.map.title": "Final state of each hidden unit (step {step:,})",
    "dead.map.subtitle": "Shade: share of the {n:,} examples on which the unit passes no gradient. Red: dead (all of them).",
    "dead.map.x": "hidden unit (neuron index)",
    "dead.map.y": "activation",
    "dead.map.frac": "share of examples with no gradient",
    "dead.map.state": "state",
    "dead.map.dead": "dead",
    "dead.map.alive": "alive",
    "dead.map.row": "{name} · {dead} dead",
    "dead.map.alt": "Heat map of {h} hidden units (columns) for each activation (rows), shaded by how often each unit passes no gradient, with dead units in red: {summary}.",
    "dead.map.notice": (
        "Every network starts from the same random weights, so a column is the *same* unit under different "
        "activations. Grey cells are units that are off for part of the data: that is normal and useful."
    ),
    "dead.map.notice_pair": (
        "Every network starts from the same random weights, so a column is the *same* unit under different "
        "activations: unit {unit} is red under {dead} and white under {alive}, so the activation alone decided "
        "that it dies. Grey cells are units that are off for part of the data: that is normal and useful."
    ),
    "dead.map.none": "No variant finished training, so there is no final state to show.",
    # -- table ---------------------------------------------------------------------------------------
    "dead.table.header": "The cost in numbers",
    "dead.table.activation": "activation",
    "dead.table.dead_start": "dead at step 0",
    "dead.table.dead_end": "dead at the end",
    "dead.table.pct": "% pairs without gradient (end)",
    "dead.table.train": "final train loss",
    "dead.table.val": "final val loss",
    "dead.table.status": "status",
    "dead.table.ok": "finished",
    "dead.table.diverged": "diverged at step {step}",
    "dead.table.notice": (
        "Dead units are wasted capacity: compare the dead counts with the final losses. The % column counts every "
        "(example, unit) pair with no gradient: ReLU normally sits near 50% (each unit is off for part of the "
        "data, which is fine), while a saturating function near 100% is almost dead even with 0 dead units (tanh at "
        "a high learning rate). A diverged run has no final loss (—): its loss became NaN/inf and training stopped."
    ),
    # -- causes and cures -----------------------------------------------------------------------------
    "dead.causes.header": "Why units die",
    "dead.causes.body": (
        "A unit learns only through its local gradient f′(x) at its pre-activation x = embedding · W1 + b1. Where "
        "f′(x) = 0 for every input, W1's column and b1's entry for that unit get a zero gradient, for ever.\n\n"
        "- **High learning rate.** One big update can push a ReLU unit's weights and bias so far that x < 0 for "
        "every input. ReLU's gradient there is exactly 0, so no later step can undo it: Karpathy calls it "
        '"permanent brain damage". Try **💥 High learning rate**: ReLU starts with 0 dead units and loses '
        "dozens.\n"
        "- **Bad initialisation.** Big biases (or big weights) put units in the flat region before training "
        "even starts. Try **💥 Big biases**: some ReLU units are dead at step 0.\n"
        "- **Saturating functions.** tanh and sigmoid have no exactly flat side, but their tails are almost flat: "
        "a tanh unit with |tanh(x)| > 0.99 on every input is just as stuck (the same rule as the lecture's white "
        "pixels). Try **💥 Huge learning rate**: tanh loses most of its units while the ReLU family blows up."
    ),
    "dead.cures.header": "How to keep units alive",
    "dead.cures.body": (
        "- **Lower learning rate** (0.1, the lecture's): smaller steps rarely throw a unit all the way out.\n"
        "- **Small init** (W1 × 0.2, b1 × 0.01, the lecture's fix for tanh): pre-activations start near 0, "
        "where every activation has a healthy slope.\n"
        "- **BatchNorm**: each unit's pre-activation is re-centred on every batch, so it cannot sit on the flat "
        "side for a whole batch (unless its learned shift drifts far). It also cures the big-bias init, since b1 "
        "is subtracted away.\n"
        "- **Leaky ReLU, ELU, GELU**: their slope for x < 0 is small but not zero, so a unit on the wrong side "
        "still gets a signal and can come back. They still diverge at a learning rate that is too high (see ELU "
        "at 1.5)."
    ),
}
