TEXT = {
    "loss.title": "Loss at init: don't start confidently wrong",
    "loss.what_you_will_see": (
        "A network that knows nothing should say so: its first loss should be −ln(1/27) ≈ 3.30. Does the "
        "lecture's MLP start there?  \n"
        "You will see where it really starts and why (the scale of its output layer W2), how to fix it, and "
        'the "hockey stick" of wasted steps a bad init costs.'
    ),
    # -- 1. expected loss --------------------------------------------------------------------
    "loss.expected.header": "1 · What loss should a fresh network have?",
    "loss.expected.body": (
        "Before training, the network has no reason to prefer any character. The honest prediction is a "
        "**uniform** distribution: probability 1/V for each of the V characters. Cross-entropy is the average "
        "of −ln p[correct character], so a uniform guess scores exactly −ln(1/V) = ln V, whatever the correct "
        "character is. Our vocabulary has **V = 27** ('.' plus a–z), which gives **3.2958**."
    ),
    "loss.expected.v": "Vocabulary size V",
    "loss.expected.v_help": "How many characters the network chooses from. The names data has 27; with your own word list the slider starts at that list's V.",
    "loss.expected.metric": "Expected loss −ln(1/V)",
    "loss.expected.metric_help": "The loss of a network that gives every character the same probability 1/V.",
    "loss.expected.uniform_p": "Each p = 1/V",
    "loss.expected.chart_title": "Loss of a uniform guess grows like ln V",
    "loss.expected.x": "vocabulary size V",
    "loss.expected.y": "expected loss −ln(1/V)",
    "loss.expected.point": "your V",
    "loss.expected.alt": "Line chart of the expected initial loss ln V against the vocabulary size V from 2 to 100, with a marker at V = {v}: {loss:.4f}.",
    "loss.expected.notice": "The curve grows slowly (logarithmically): even with 100 characters a uniform guess only costs 4.6. A first loss far above ln V cannot come from an honest, uniform guess.",
    # -- 2. observed loss vs W2 scale ---------------------------------------------------------
    "loss.sweep.header": "2 · What loss does it actually have? It depends on the scale of W2",
    "loss.sweep.body": (
        "The MLP ends with `logits = h @ W2 + b2`, with W2 drawn from a standard normal and then multiplied by "
        "a scale. Below, 13 networks that differ **only** in that W2 scale (0.001 to 1, evenly spaced on a log "
        "axis) are built with the same seed, and each one's loss is measured on {n:,} training examples "
        "**before any training step** (step 0). Unless you switch it on below, **b2 is set to 0** (b2×0) in "
        "all 13, so only W2 changes."
    ),
    "loss.sweep.act": "Hidden activation",
    "loss.sweep.act_help": "The nonlinearity after the first layer (keys of the activation gallery). The lecture uses tanh. It changes the hidden values h that W2 multiplies.",
    "loss.sweep.b2": "Random b2 (b2×1)",
    "loss.sweep.b2_help": "Off: b2 = 0 in every network (the lecture's fix). On: b2 = randn(27) as in the naive init, so you can see what a random b2 alone costs.",
    "loss.sweep.w2": "Chosen W2 scale (log scale)",
    "loss.sweep.w2_help": "W2 = randn(200, 27) × this scale. 1 is the naive init; the lecture's fix is 0.01. Marked on the chart on the left, and its logits are shown on the right.",
    "loss.sweep.chart_title": "Loss at step 0 against the scale of W2",
    "loss.sweep.x": "W2 scale (log axis)",
    "loss.sweep.y": "loss at step 0 (train split)",
    "loss.sweep.variant": "network",
    "loss.sweep.chosen": "chosen: {loss:.2f}",
    "loss.sweep.rule": "uniform guess: ln V",
    "loss.sweep.alt": "Line chart on a log x-axis: the step-0 loss of 13 networks against their W2 scale from 0.001 to 1, with a dashed line at 3.2958. At scale 1 the loss is {big:.1f}; at 0.01 it is {small:.3f}. The chosen scale {scale:g} is marked.",
    "loss.sweep.notice": "With tanh, from W2×1 to W2×0.1 the loss falls from about 26 to about 4; below 0.01 it sits on the dashed line of the uniform guess. The loss is high because of the size of W2, not because of the data.",
    "loss.sweep.notice_b2": "With b2 random, the curve cannot reach the dashed line: b2 alone makes some characters look more likely than others. That is why the lecture also sets b2 to 0.",
    "loss.sweep.m_scale": "Loss at W2×{scale:g}",
    "loss.sweep.m_scale_help": "Step-0 loss on the first {n:,} training examples for the chosen W2 scale.",
    "loss.sweep.m_excess": "Above the uniform guess",
    "loss.sweep.m_expected": "Uniform guess, −ln(1/V)",
    "loss.sweep.m_excess_help": "Step-0 loss minus −ln(1/V) (3.2958 for the names, V = 27): the price of starting confidently wrong.",
    # -- 3. logits histogram -----------------------------------------------------------------
    "loss.logits.header": "3 · Why: the logits are huge and spread out",
    "loss.logits.body": (
        "The histogram shows every logit the network at the chosen W2 scale outputs on its **first minibatch** "
        "(32 examples × {v} characters). With W2×1, h has 200 entries near ±1 (tanh), so each logit is a sum of "
        "200 random terms: its spread is about √200 ≈ 14. Softmax turns such logits into one character with "
        "probability ≈ 1, picked at random, and the correct character often gets a probability like e⁻²⁵. "
        "Scaling W2 by 0.01 squeezes the logits near 0, so softmax is nearly uniform."
    ),
    "loss.logits.chart_title": "Logits of the first minibatch, W2×{scale:g}",
    "loss.logits.x": "logit value",
    "loss.logits.y": "number of logits",
    "loss.logits.from": "from",
    "loss.logits.to": "to",
    "loss.logits.alt": "Histogram of the 864 logits of the first minibatch at W2 scale {scale:g}: standard deviation {std:.2f}, largest absolute value {mx:.1f}. The loss of that batch is {loss:.2f}.",
    "loss.logits.notice": "Watch the width of the x-axis: at W2×1 the logits spread over tens of units; at W2×0.01 (with b2 = 0) they all sit within a fraction of a unit of 0. A random b2 adds a spread of about 1 to every logit, whatever W2 is.",
    "loss.logits.m_batch": "Batch loss",
    "loss.logits.m_batch_help": "Cross-entropy of the first minibatch of 32 examples at step 0: what the lecture prints as its first loss (about 27 with the naive init; 3.32 after W2×0.01, b2×0).",
    "loss.logits.m_std": "Logit std",
    "loss.logits.m_std_help": "Standard deviation of the 864 logits shown in the histogram.",
    "loss.logits.m_max": "Max |logit|",
    "loss.logits.m_max_help": "The most extreme logit of the batch. Differences of this size make softmax put almost all probability on one character.",
    "loss.logits.zero_note": (
        "Why not W2 = 0 exactly? The loss would be exactly 3.2958, but every hidden unit would then get the "
        "same gradient signal at first. The lecture keeps a little randomness (0.01) to break that symmetry."
    ),
    # -- 4. confidently wrong ----------------------------------------------------------------
    "loss.cw.header": "4 · Confidently wrong, with four classes",
    "loss.cw.body": (
        "Shrink the problem to 4 classes and set the logits yourself. Softmax turns them into probabilities, "
        "p = exp(logit) / Σ exp(logits), and the loss is **−ln p[target]**. When a *wrong* class has a much "
        "bigger logit than the target, p[target] is tiny and the loss is huge: roughly the gap between the "
        "largest logit and the target's. When all logits are equal, every p is 1/4 and the loss is ln 4 = 1.386."
    ),
    "loss.cw.logit": "Logit of class {i}",
    "loss.cw.logit_help": "The raw score the network gives class {i}, before softmax.",
    "loss.cw.target": "Target (correct) class number",
    "loss.cw.target_help": "The class that is actually correct for this example. The loss is −ln of its probability.",
    "loss.cw.class_name": "class {i}",
    "loss.cw.equal": "Make all logits equal (0)",
    "loss.cw.equal_help": "Sets the four logits to 0: the uniform guess of section 1, with V = 4.",
    "loss.cw.m_loss": "Loss −ln p[target]",
    "loss.cw.m_loss_help": "Cross-entropy of this single example.",
    "loss.cw.m_p": "p[target]",
    "loss.cw.m_p_help": "The probability softmax gives the correct class.",
    "loss.cw.m_uniform": "Uniform guess, ln 4",
    "loss.cw.chart_title": "Softmax probabilities of the four classes",
    "loss.cw.x": "class",
    "loss.cw.y": "probability",
    "loss.cw.logit_col": "logit",
    "loss.cw.role": "role",
    "loss.cw.is_target": "target",
    "loss.cw.is_other": "other class",
    "loss.cw.alt": "Bar chart of the softmax probabilities of four classes with logits {logits}; the target is class {target} with probability {p:.3g}, so the loss is {loss:.3f}.",
    "loss.cw.notice": "With the defaults, class 3 takes almost all the probability while the target, class 0, gets about e⁻²⁸: a loss near 28, just like the naive network's first loss. Press the button to see ln 4.",
    # -- 5. hockey stick ---------------------------------------------------------------------
    "loss.hockey.header": "5 · The hockey stick: steps wasted on undoing a bad init",
    "loss.hockey.body": (
        "Two networks with the same seed and the same minibatches train together with SGD (lr 0.1, batch 32): "
        "the **naive init** (W2×1, b2×1) and the **fixed init** (W2×0.01, b2×0). The naive run first spends "
        "its steps shrinking its overconfident logits, which gives its loss curve a hockey-stick shape; the "
        "fixed run starts at 3.3 and goes straight to useful learning."
    ),
    "loss.hockey.steps": "Training steps to show",
    "loss.hockey.steps_help": "How many SGD steps both networks take. More steps take a little longer to compute the first time.",
    "loss.hockey.naive": "naive (W2×1, b2×1)",
    "loss.hockey.naive_short": "Naive",
    "loss.hockey.fixed_short": "Fixed",
    "loss.hockey.fixed": "fixed (W2×0.01, b2×0)",
    "loss.hockey.chart_title": "Minibatch loss during the first {n} steps",
    "loss.hockey.x": "training step",
    "loss.hockey.y": "minibatch loss",
    "loss.hockey.variant": "initialisation",
    "loss.hockey.raw": "loss of this minibatch",
    "loss.hockey.smooth": "rolling mean ({w} steps)",
    "loss.hockey.smooth_caption": "Thin faint lines: the loss of each step's minibatch of 32 examples (noisy). Thick lines: its rolling mean over the last {w} steps.",
    "loss.hockey.rule": "uniform guess: ln V",
    "loss.hockey.alt": "Line chart of the minibatch loss over {n} training steps for the naive and the fixed initialisation. The naive run starts at {naive0:.1f} and drops steeply; the fixed run starts at {fixed0:.2f}. Averaged over the last 100 steps: naive {naive_end:.3f}, fixed {fixed_end:.3f}.",
    "loss.hockey.notice": "The naive curve's steep first drop is the hockey stick's blade: progress on shrinking logits, not on learning names. After it, the fixed run is still lower, because it spent all its steps on the real task.",
    "loss.hockey.m_start": "{variant}: step 0",
    "loss.hockey.m_end": "{variant}: last 100 steps",
    "loss.hockey.m_end_help": "Mean minibatch loss over the last 100 steps shown: lower is better.",
    "loss.hockey.m_start_help": "The loss of the very first minibatch, before any update.",
    "loss.hockey.start_note": (
        "Why three different step-0 losses for W2×1? They are measured on different examples and nets: section 2 "
        "averages {n:,} training examples ({sweep:.2f}); section 3's batch loss is the same net on the first "
        "minibatch of 32 ({batch:.2f}); the naive net here starts on that same minibatch but has a random b2 as "
        "well ({naive:.2f}). Switch on **Random b2** in section 2 and its batch loss is this one exactly."
    ),
    "loss.hockey.start_note_b2": (
        "Why does section 2 show {sweep:.2f} for W2×1 and this chart {naive:.2f}? The same net (W2×1, random b2) "
        "measured on different examples: section 2 averages {n:,} training examples, while step 0 here is the "
        "first minibatch of 32, the batch loss of section 3 ({batch:.2f})."
    ),
}
