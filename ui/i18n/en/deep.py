TEXT = {
    "deep.title": "Deep network health: read a deep net at a glance",
    "deep.what": (
        "The lecture's deep MLP, 5 hidden layers of 100 units, trained live on the names data. Change the "
        "activation, the init gain, BatchNorm or the learning rate, and watch each layer's statistics react.  \n"
        "You will see the signal vanish, explode or saturate as it goes through the layers, the gradients "
        "coming back, and whether each training step changes the weights by a healthy ~1/1000."
    ),
    # -- controls --------------------------------------------------------------------------
    "deep.act.label": "Activation",
    "deep.act.help": "The nonlinearity after every hidden layer. The lecture uses tanh. (Maxout is left out: "
    "it changes the width of the layers.)",
    "deep.lin.label": "Linear layers only (no activation)",
    "deep.lin.help": "Remove the activations: a stack of plain matrix multiplies. Without any squashing, the "
    "gain alone decides whether the signal shrinks (gain < 1) or grows (gain > 1) layer after "
    "layer.",
    "deep.linear_name": "linear only",
    "deep.bn.label": "BatchNorm after each Linear",
    "deep.bn.help": "Linear → BatchNorm → activation, as in the lecture. BatchNorm standardises each unit over the "
    "batch, then rescales it with a learned gain and bias.",
    "deep.bn.on": " + BatchNorm",
    "deep.gain.label": "Init gain",
    "deep.gain.help": "Every hidden weight matrix starts as randn(fan_in, fan_out) / √fan_in × gain. "
    "The recommended gain for {name} is {rec:.3f}.",
    "deep.gain.presets": "Presets from the lecture (★ = recommended for {name}, gain {rec:.3f}):",
    "deep.gain.button": "gain {gain}",
    "deep.gain.button_rec": "gain {gain} ★",
    "deep.gain.rec_button": "★ recommended ({rec:.2f})",
    "deep.lr.label": "Learning rate (log scale)",
    "deep.lr.help": "The SGD step size. The lecture uses 0.1. Each notch multiplies it by about 2 or 2.5.",
    "deep.steps.label": "Training steps",
    "deep.steps.help": "Minibatch SGD steps (batch 32). 1000 steps take a couple of seconds; 0 shows the net at "
    "init only.",
    "deep.phase.label": "Show the net",
    "deep.phase.help": "At init (before any step), after training, or both side by side.",
    "deep.phase.both": "side by side",
    "deep.phase.init": "at init",
    "deep.phase.after": "after training",
    "deep.fixed": (
        "Fixed: 5 hidden layers of 100 units, no biases (as in the lecture), embeddings of size 10, context of "
        "3 characters, batch 32, seed 2147483647; the output layer starts ×0.1 so the first softmax is not "
        "confidently wrong. Statistics are measured on 1,000 training examples."
    ),
    "deep.variant": "Your net ({name}, gain {gain}, lr {lr:g}{bn})",
    "deep.no_trained": "Training steps are 0, so only the net at init is shown.",
    "deep.no_trained_diverged": "The run diverged before it could be measured after training, so only the net "
    "at init is shown.",
    "deep.init_broken": "This setting overflows already at init (infinite or undefined values), so there is nothing "
    "to draw. Pick a smaller gain.",
    "deep.at.init": "at init",
    "deep.at.after": "after {n} steps",
    "deep.at.before_div": "after {n} steps, just before it diverged",
    "deep.density": "density",
    "deep.density_log": "density (log scale)",
    "deep.log_why": "The density axis is logarithmic (each gridline 10× the one below): the widest line here is "
    "{k:.0f}× as wide as the narrowest, so on a linear axis it would be {k:.0f}× lower and lie flat.",
    "deep.zoomed": "(zoom: mean ± {k:g} std)",
    "deep.share": "share of values in this bin",
    # -- metrics ---------------------------------------------------------------------------
    "deep.m.na": "—",
    "deep.m.diverged": "diverged at step {step}",
    "deep.m.std": "Std of h, layer 1 → {L}",
    "deep.m.std_value": "{a} → {b}",
    "deep.m.std_after": "trained: {a} → {b}",
    "deep.m.std_help": "The spread of the outputs of the first and the last ({L}th) hidden layer at init. Healthy: "
    "about the same in both.",
    "deep.m.sat": "Layer 1 saturated",
    "deep.m.pct": "{v:.1f}%",
    "deep.m.pct_after": "trained: {v:.1f}%",
    "deep.m.sat_help": "Share (|h| > {thr}) of the first layer's outputs in tanh's flat tails at init, where almost no gradient "
    "passes. The lecture: ~20% with gain 5/3, 40–48% with gain 3, 2–3% with BatchNorm.",
    "deep.m.sat_na": "Saturation (|h| > {thr}) is measured for tanh-like activations with outputs in (−1, 1) only.",
    "deep.m.grad": "Grad std, layer 1 ÷ {L}",
    "deep.m.x": "{v}×",
    "deep.m.x_after": "trained: {v}×",
    "deep.m.grad_help": "The gradient enters the net at the top (layer {L}) and flows back to layer 1. About 1× means "
    "it keeps its size; much less than 1 means it vanishes, much more that it explodes.",
    "deep.m.upd": "Update:data (log10)",
    "deep.m.upd_help": "log10(std(lr × grad) / std(W)) averaged over the hidden weight matrices W1–W5 and the last 10% of "
    "the steps. The lecture's rule of thumb: about −3, i.e. each step changes the weights by "
    "~1/1000.",
    "deep.m.loss": "Loss, end of run",
    "deep.m.loss_help": "Mean minibatch loss over the last {n} steps. A network that knows nothing scores "
    "−ln(1/{V}) = {expected:.2f}.",
    # -- 1. activations --------------------------------------------------------------------
    "deep.act.header": "1 · Activations: does every layer pass on a signal of the same size?",
    "deep.act.body": (
        "Each line is the distribution of one hidden layer's outputs on 1,000 training examples (the lecture's "
        "overlaid histograms). In a healthy stack the lines look alike: the signal neither shrinks nor grows "
        "from layer to layer. For tanh, the bumps at ±1 are **saturated** units (|h| > {thr}), which pass almost "
        "no gradient. The lecture's numbers, tanh at init: gain 5/3 gives std 0.75 → 0.66 with ~20% saturated "
        "in layer 1 and 5–8% later; gain 1 shrinks the std from 0.62 to 0.32; gain 3 saturates 40–48%; "
        "BatchNorm keeps every layer near std 0.64 with 2–3% saturated."
    ),
    "deep.act.title": "Activations of each layer ({name}), {phase}",
    "deep.act.x": "layer output h",
    "deep.act.legend": "hidden layer",
    "deep.act.series": "layer {layer}: mean {mean:+.2f}, std {std:.2f}, saturated {sat:.1f}%",
    "deep.act.series_nosat": "layer {layer}: mean {mean:+.2f}, std {std:.2f}",
    "deep.act.alt": "Overlaid distributions of the outputs of each hidden layer {phase}; std {a:.2f} in layer 1 and "
    "{b:.2f} in layer {L}.",
    "deep.act.notice.steady": "The spread holds steady with depth (std {a:.2f} in layer 1, {b:.2f} in layer {L}): every "
    "layer passes a signal of the same size on to the next. The lecture's tanh with gain "
    "5/3 goes 0.75 → 0.66.",
    "deep.act.notice.shrink": "The signal vanishes with depth: std {a:.2f} in layer 1 but only {b:.3f} in layer {L}. "
    "The gain is too small, so each layer squeezes the signal further (lecture, gain 0.5: "
    "0.41 → 0.02).",
    "deep.act.notice.grow": "The signal explodes with depth: std {a:.2f} in layer 1 grows to {b:.2f} in layer {L}. "
    "The gain is too big for what the activation squashes (lecture, linear layers with gain "
    "5/3: 1.65 → 12.8).",
    "deep.act.notice.saturated": "The std holds ({a:.2f} → {b:.2f}), but on average {sat:.0f}% of the outputs sit in the "
    "flat tails (|h| > 0.97), where tanh lets almost no gradient through: the gain is "
    "too big (lecture, gain 3: 40–48% saturated).",
    "deep.act.notice.steady_lin": "The spread holds level with depth (std {a:.2f} in layer 1, {b:.2f} in layer {L}): with "
    "no activation, only a gain of about 1 keeps it so.",
    "deep.act.notice.shrink_lin": "The signal vanishes with depth: std {a:.2f} in layer 1 but only {b:.3f} in layer {L}. "
    "With no activation each layer just multiplies the std by about the gain (lecture, "
    "gain 0.5: 0.49 → 0.03).",
    "deep.act.notice.grow_lin": "The signal explodes with depth: std {a:.2f} in layer 1 grows to {b:.2f} in layer {L}. "
    "With no activation each layer just multiplies the std by about the gain (lecture, "
    "gain 5/3: 1.65 → 12.8).",
    "deep.act.notice.bn": "BatchNorm re-standardises every layer's input, so the gain barely matters (lecture: std "
    "≈ 0.63–0.65, 2–3% saturated).",
    # -- 2. gradients ----------------------------------------------------------------------
    "deep.grad.header": "2 · Gradients: does the signal for learning reach the first layers?",
    "deep.grad.body": (
        "The backward pass runs the other way: the gradient of the loss enters at the last hidden layer and "
        "flows back to layer 1. Each line is the distribution of the gradient arriving at one layer's outputs "
        "(dL/dh). In a healthy stack the lines are about equally wide, so every layer learns at a similar speed. "
        "Too small a gain makes the gradient shrink on its way back (early layers stop learning); too big a "
        "gain makes it grow."
    ),
    "deep.grad.title": "Gradient arriving at each layer's outputs, {phase}",
    "deep.grad.x": "gradient dL/dh",
    "deep.grad.series": "layer {layer}: grad std {std:.2e}",
    "deep.grad.alt": "Overlaid distributions of the gradient at each hidden layer's outputs {phase}; std {a:.2e} at "
    "layer 1 and {b:.2e} at layer {L}.",
    "deep.grad.notice.steady": "The gradient keeps its size on the way back: std {b:.1e} arriving at layer {L}, {a:.1e} "
    "at layer 1. Every layer gets a similar push.",
    "deep.grad.notice.shrink": "The gradient vanishes on its way back: std {b:.1e} at layer {L} but {a:.1e} at layer 1, "
    "so the first layers barely learn.",
    "deep.grad.notice.zero": "Every gradient is exactly zero: the derivative of {name} is 0 almost everywhere, so nothing "
    "flows back and the hidden layers cannot learn. This is why the step function of the "
    "early perceptrons gave way to smooth activations.",
    "deep.grad.notice.grow": "The gradient grows on its way back: std {b:.1e} at layer {L} but {a:.1e} at layer 1, so "
    "the first layers get the biggest, riskiest updates.",
    # -- 3. weight gradients ---------------------------------------------------------------
    "deep.w.header": "3 · Weight gradients: is any matrix learning much faster than the others?",
    "deep.w.body": (
        "What SGD actually applies: the gradient of each weight matrix. The number that matters is its size "
        "relative to the weights themselves, the **grad:data ratio** std(grad) / std(W). If one matrix has a "
        "much larger ratio than the others, it is trained much faster than the rest. Here the output layer "
        "starts ×0.1 (so the first softmax is not confidently wrong): next to its tiny weights, its gradient "
        "is large."
    ),
    "deep.w.title": "Gradient of each weight matrix, {phase}",
    "deep.w.x": "weight gradient dL/dW",
    "deep.w.legend": "weight matrix",
    "deep.w.series": "{param} ({shape}): grad:data {r:.1e}",
    "deep.w.alt": "Overlaid distributions of the gradient of each weight matrix {phase}; the output layer {out} has "
    "grad:data {r_out:.1e}, the hidden ones {r_hid:.1e} on average.",
    "deep.w.notice.out": "{out}, the output layer, stands out: grad:data {r_out:.1e}, {x}× the hidden matrices' "
    "average ({r_hid:.1e}). The lecture's plot shows the same outlier at init: such a matrix "
    "trains much faster than the rest at first, until training evens it out. The hidden "
    "matrices should look alike.",
    "deep.w.notice.zero": "Only {out}, the output layer, gets a gradient (grad:data {r_out:.1e}): the hidden matrices' "
    "gradients are exactly zero, because nothing flows back through {name}.",
    "deep.w.notice.even": "All the weight matrices have similar grad:data ratios ({lo:.1e} to {hi:.1e}): no matrix "
    "learns much faster than the others, which is what you want.",
    # -- 4. update:data ratio --------------------------------------------------------------
    "deep.upd.header": "4 · Update:data ratio: does each step change the weights by ~1/1000?",
    "deep.upd.body": (
        "For every weight matrix and every step: log10( std(lr × grad) / std(W) ), how big the SGD update is "
        "compared with the weights it changes. Karpathy's rule of thumb is about **−3** (updates ~1/1000 of "
        "the weights): the green band is within a factor of ~3 of that, amber within ~30, red beyond. Much "
        "lower and the net learns slowly (raise the learning rate, now {lr:g}); much higher and it is thrashing "
        "its weights. The output layer often sits apart: it started ×0.1 smaller, so the same update is large next to "
        "it. BatchNorm's gains and biases are left out, as in the lecture: they start as constants."
    ),
    "deep.upd.title": "Update:data ratio of each weight matrix over training ({name}, lr {lr:g})",
    "deep.upd.x": "training step",
    "deep.upd.y": "log10 update:data ratio",
    "deep.upd.legend": "parameter",
    "deep.upd.guide": "dashed: −3, updates ≈ 1/1000 of the weights",
    "deep.upd.zone_title": "zone",
    "deep.upd.zone.green": "healthy: within ~3× of 1e-3",
    "deep.upd.zone.amber": "watch: 3× to 30× away from 1e-3",
    "deep.upd.zone.red": "too slow or too fast: over 30× away from 1e-3",
    "deep.upd.smooth": "Smoothed: each line is a moving average over {window} steps, drawn every {every} steps (the raw "
    "per-step values are jagged).",
    "deep.upd.alt": "Lines of the log10 update:data ratio of each weight matrix over the training steps, with a dashed "
    "guide at −3 and a green band from −3.5 to −2.5; the hidden weights end at {v:.2f} (lr {lr:g}).",
    "deep.upd.alt_diverged": "Lines of the log10 update:data ratio of each weight matrix over the {n} steps before the run "
    "diverged at step {step}, with a dashed guide at −3 and a green band from −3.5 to −2.5.",
    "deep.upd.alt_no_hidden": "Lines of the log10 update:data ratio of each weight matrix over the training steps, with a "
    "dashed guide at −3 and a green band from −3.5 to −2.5; the hidden weights get no update (lr {lr:g}).",
    "deep.upd.notice.diverged": "The run diverged at step {step} (its loss became infinite), so there is no end-of-run "
    "ratio to read: the lines stop at its last finite step, {last}. Lower the learning rate (now {lr:g}) or pick "
    "a gain closer to the recommended {rec:.2f}.",
    "deep.upd.none": "No training steps to show: set the training steps above 0.",
    "deep.upd.notice.green": "Over the last 10% of steps the hidden weights average {v:.2f} (updates ≈ {ratio:.0e} of "
    "the weights): inside the green band, just where the lecture says it should be.",
    "deep.upd.notice.low": "Over the last 10% of steps the hidden weights average {v:.2f} (updates ≈ {ratio:.0e} of the "
    "weights): a little below the green band, so the net learns somewhat slowly. A larger "
    "learning rate (now {lr:g}) would help.",
    "deep.upd.notice.red_low": "Over the last 10% of steps the hidden weights average {v:.2f} (updates ≈ {ratio:.0e} of "
    "the weights): far below the green band, so the net barely learns. Raise the learning "
    "rate (now {lr:g}).",
    "deep.upd.notice.high": "Over the last 10% of steps the hidden weights average {v:.2f} (updates ≈ {ratio:.0e} of "
    "the weights): a little above the green band. This is common early in training, while "
    "gradients are still large (the lecture trains far longer and decays the rate); if it "
    "stays here, a slightly smaller learning rate (now {lr:g}) would do.",
    "deep.upd.notice.red_high": "Over the last 10% of steps the hidden weights average {v:.2f} (updates ≈ {ratio:.0e} "
    "of the weights): far above the green band, so each step rewrites a big part of the "
    "weights. Lower the learning rate (now {lr:g}).",
    # -- 5. signal propagation -------------------------------------------------------------
    "deep.prop.header": "5 · Signal propagation at init: which gain keeps the std steady with depth?",
    "deep.prop.body": (
        "The std of each hidden layer's outputs at init, layer by layer, for your gain and the lecture's "
        "presets (same weights, only the gain differs). A flat line is a healthy init. Each Linear layer "
        "multiplies the std by about the gain, and the activation squashes it back: for tanh that takes a "
        "gain of 5/3. With linear layers only nothing squashes, so only gain 1 stays flat (lecture: gain 5/3 "
        "explodes 1.65 → 12.8, gain 0.5 vanishes 0.49 → 0.03). The y-axis is logarithmic: a constant "
        "shrink or growth per layer is a straight line."
    ),
    "deep.prop.cmp": "Compare with the presets 0.5, 1, 5/3, 3 and the recommended gain ({rec:.2f})",
    "deep.prop.cmp_help": "Off: only your gain.",
    "deep.prop.series": "gain {gain}",
    "deep.prop.yours": " (yours)",
    "deep.prop.rec": " ★",
    "deep.prop.title": "Std of each layer's outputs at init, per gain ({name})",
    "deep.prop.x": "hidden layer",
    "deep.prop.y": "std of the layer's outputs (log scale)",
    "deep.prop.legend": "init gain (★ recommended)",
    "deep.prop.alt": "Lines of the std of each hidden layer's outputs at init for several gains; with yours it goes "
    "from {a:.3f} in layer 1 to {b:.3f} in layer {L}.",
    "deep.prop.notice.steady": "With gain {gain} the std stays level ({a:.2f} → {b:.2f} over {L} layers): the gain "
    "balances what each layer squashes.",
    "deep.prop.notice.shrink": "With gain {gain} the std falls from {a:.2f} to {b:.3f} by layer {L}: the signal "
    "vanishes with depth. Try a bigger gain.",
    "deep.prop.notice.grow": "With gain {gain} the std grows from {a:.2f} to {b:.2f} by layer {L}: the signal "
    "explodes with depth. Try a smaller gain.",
    "deep.prop.notice.bn": "With BatchNorm every gain draws the same line (they overlap): each layer is re-standardised, "
    "which is why BatchNorm makes deep nets far less sensitive to the init.",
    "deep.prop.sat_title": "Saturated outputs (|h| > {thr}) per layer at init",
    "deep.prop.sat_y": "% of outputs with |h| > {thr}",
    "deep.prop.sat_alt": "Lines of the percentage of saturated outputs per hidden layer at init for several gains; "
    "with yours, {a:.1f}% in layer 1.",
    "deep.prop.sat_notice": "Your gain saturates {a:.1f}% of layer 1 and {b:.1f}% of layer {L}. The lecture: gain 5/3 "
    "~20% in layer 1 then 5–8%, gain 3 40–48% everywhere, gain 1 and below almost none "
    "(but then the std shrinks).",
    # -- numbers ---------------------------------------------------------------------------
    "deep.table.title": "The numbers behind the charts",
    "deep.table.phase": "when",
    "deep.table.layer": "layer",
    "deep.table.mean": "mean of h",
    "deep.table.std": "std of h",
    "deep.table.sat": "% |h| > {thr}",
    "deep.table.grad_std": "std of dL/dh",
    "deep.lecture.header": "What the lecture found, and what to try",
    "deep.lecture.body": (
        "- **tanh, gain 5/3 (the default here):** std 0.75 in layer 1 settling to ~0.66, ~20% saturated in "
        "layer 1 and 5–8% later; gradients of equal size in every layer. Healthy.\n"
        "- **gain 1:** the std shrinks from 0.62 to 0.32: tanh squashes, and nothing makes up for it.\n"
        "- **gain 0.5:** std 0.41 vanishing to 0.02 by layer 5; the gradients vanish too.\n"
        "- **gain 3:** 40–48% of the units saturated in every layer.\n"
        "- **Linear layers only:** the gain alone sets the fate: 5/3 explodes (1.65 → 12.8), 0.5 vanishes "
        "(0.49 → 0.03), 1 stays level. A deep stack of linear layers is still just one linear map.\n"
        "- **BatchNorm on:** every layer at std ≈ 0.64 with 2–3% saturated, whatever the gain.\n"
        "- **Update:data ratio:** near −3 with lr 0.1 in the lecture's long run (here, after only 1000 steps, "
        "about −2.4). Try lr 0.001: 100× smaller steps, so the ratio drops by 2, to about −5.\n\n"
        "Try: switch the activation to ReLU and compare its recommended gain √2 ≈ 1.41 with 5/3."
    ),
}
