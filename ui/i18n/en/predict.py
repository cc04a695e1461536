TEXT = {
    "predict.toggle": "Predict first",
    "predict.toggle_help": "Before a page shows its result, you commit a guess: the step-0 loss, the % saturated, or "
    "which activation ends with the most dead neurons. Then the result, and how close you were. "
    "The link keeps it (`predict=true`).",
    "predict.title": "🤔 Predict first",
    "predict.your_guess": "Your guess",
    "predict.placeholder": "Type a number",
    "predict.lock": "Lock in my guess and show the result",
    "predict.empty": "Give a guess first: the result stays hidden until you do.",
    "predict.hidden": "The result is hidden until you lock in a guess. Change the settings above first if you like: "
    "every new setting asks again.",
    "predict.again": "Guess again",
    "predict.grade.spot_on": "**Spot on!**",
    "predict.grade.close": "**Close.**",
    "predict.grade.far": "**Not quite.**",
    "predict.number": "You guessed **{guess}**; {what} is **{actual}**, so your guess was {error} too {side}.",
    "predict.high": "high",
    "predict.low": "low",
    "predict.choice_right": "**Right!** You picked **{guess}**, and the answer is **{answer}**.",
    "predict.choice_wrong": "**Not this time.** You picked **{guess}**; the answer is **{answer}**.",
    "predict.why": "**Why:** {why}",
    # the three questions and their explanations
    "predict.loss.question": "The network has not been trained yet (step 0) and W2 is scaled by **{scale:g}**. "
    "A uniform guess over {v} characters would give a loss of {expected:.2f}. "
    "**What will the actual loss at step 0 be?**",
    "predict.loss.what": "the step-0 loss at W2×{scale:g}",
    "predict.loss.why_high": "the logits are large (their std is {std:.1f}), so the softmax puts almost all its "
    "probability on a few characters, chosen at random by the init. For most examples the "
    "right character gets a tiny probability, and -ln of a tiny number is large: the net is "
    "confidently wrong. Scaling W2 down shrinks the logits towards 0 and the loss towards "
    "{expected:.2f}.",
    "predict.loss.why_near": "with W2 this small the logits are close to 0 (std {std:.2f}), so the softmax is almost "
    "uniform: every character gets about 1/{v}, and the loss is about -ln(1/{v}) = "
    "{expected:.2f}. That is the loss an honest, untrained net should start at.",
    "predict.sat.question": "With these settings ({act}, W1×{w1}, b1×{b1}, {when}), "
    "**what percentage of the hidden units' outputs will be {state}?**",
    "predict.sat.when_init": "at initialisation",
    "predict.sat.when_steps": "after {n:,} training steps",
    "predict.sat.state.tanh": "saturated (|h| > {thr})",
    "predict.sat.state.saturating": "saturated (gradient almost zero)",
    "predict.sat.state.zero": "inactive (zero gradient)",
    "predict.sat.state.never": "inactive (this activation never is)",
    "predict.sat.what": "the share of {state} outputs",
    "predict.sat.why.tanh": "the pre-activations have a std of {std:.2f}, while tanh is flat beyond |x| > {x:.2f}. "
    "The wider the pre-activations, the more of them land on the flat tails, where the "
    "gradient 1 - t² is almost 0. Scaling W1 down narrows them.",
    "predict.sat.why.saturating": "the pre-activations have a std of {std:.2f}: the wider they are, the more land on "
    "the activation's flat tails, where almost no gradient passes.",
    "predict.sat.why.zero": "this activation outputs exactly 0 (with zero slope) for every negative input, and at "
    "init about half of the pre-activations are negative whatever their scale. The scale of W1 "
    "barely matters here; only the sign does.",
    "predict.sat.why.never": "this activation has a slope on every input, so no unit is ever fully inactive.",
    "predict.dead.question": "You train {names} together for {steps:,} steps at learning rate {lr:g}. "
    "**Which activation will end with the most dead neurons?**",
    "predict.dead.none": "None: no dead neurons at all",
    "predict.dead.answer_none": "none of them: no unit is dead",
    "predict.dead.answer": "{names} ({dead} of {h} dead)",
    "predict.dead.why_none": "with these settings every unit still fires on some input, so every unit gets some "
    "gradient. Dead units need a push that drives a unit negative for every input: a high "
    "learning rate, a large positive-or-negative bias, or a bad init (try the Break it presets).",
    "predict.dead.why_dead": "{names} passes no gradient at all once a unit is negative on every input, so nothing can "
    "bring it back. Activations with a slope for negative inputs (Leaky ReLU, ELU, GELU, "
    "tanh near 0) keep learning; BatchNorm keeps the pre-activations centred.",
}
