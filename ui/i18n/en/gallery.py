TEXT = {
    "gallery.title": "Activation gallery",
    "gallery.intro": (
        "Every element-wise activation in the app's registry, as a curve f(x) and its slope f'(x), with its formula, "
        "its properties (measured, not just claimed) and the init gain it needs.  \n"
        "Then: when each one appeared, and what one layer of each does to the spread of a signal passing through it."
    ),
    # controls
    "gallery.controls": "Choose what to compare",
    "gallery.pick": "Activations",
    "gallery.pick_help": "Pick from the registry. Each gets one colour, the same in every chart and card below.",
    "gallery.xmax": "x from −R to +R: R",
    "gallery.xmax_help": "Zoom out to watch the bounded functions flatten (saturate), in to see the kinks at 0.",
    "gallery.param_label": "{name}: {param}",
    "gallery.none": "Pick at least one activation above to see its curves, its card and its signal propagation.",
    # curves
    "gallery.curves": "Shape and slope",
    "gallery.f.title": "f(x): the activation",
    "gallery.df.title": "f'(x): its derivative (autograd)",
    "gallery.axis.x": "input x (pre-activation)",
    "gallery.axis.f": "output f(x)",
    "gallery.axis.df": "slope f'(x)",
    "gallery.legend": "activation",
    "gallery.f.alt": "Line chart of f(x) against x from {lo:g} to {hi:g} for {names}.",
    "gallery.df.alt": "Line chart of the derivative f'(x) against x from {lo:g} to {hi:g} for {names}.",
    "gallery.f.notice": (
        "sigmoid and tanh flatten out to a constant for large |x| (they are bounded); ReLU-like functions keep "
        "growing on the right. A zero-centred function passes through (0, 0) with outputs on both sides of 0 "
        "(tanh); sigmoid's outputs are always positive."
    ),
    "gallery.df.notice": (
        "the backward pass multiplies every gradient by f'(x). Where f' is near 0 (tanh and sigmoid for |x| above "
        "about 3, ReLU for every x < 0) almost no gradient gets through. Sigmoid's slope never exceeds 1/4; "
        "tanh's and ReLU's reach 1."
    ),
    # cards
    "gallery.cards": "Formula, derivative and properties",
    "gallery.cards_intro": (
        "The ✓/✗ badges are **measured** on the curve with the parameters set above (the definitions are in the box "
        "below), not copied from a textbook."
    ),
    "gallery.props_help_title": "How each property is measured",
    "gallery.props_help": (
        "- **zero-centred**: f(0) = 0, and for x ~ N(0, 1) the mean of f(x) is small next to its spread "
        "(|mean| < 0.3 std).\n"
        "- **monotonic**: f'(x) ≥ 0 everywhere on [−20, 20]: a bigger input never gives a smaller output.\n"
        "- **bounded**: f stays within a finite interval on both sides: it stops growing between |x| = 100 and 1000.\n"
        "- **smooth**: no jump in f or in f' on a fine grid (steps of 0.001) of [−10, 10]: no kink, no step.\n"
        "- **saturating**: f'(x) → 0 on both sides (at x = ±1000 it is below 0.1 % of its maximum): a unit driven "
        "far out stops learning."
    ),
    "gallery.prop.zero_centred": "zero-centred",
    "gallery.prop.monotonic": "monotonic",
    "gallery.prop.bounded": "bounded",
    "gallery.prop.smooth": "smooth",
    "gallery.prop.saturating": "saturating",
    "gallery.card.derivative": "Derivative",
    "gallery.card.range": "Output range",
    "gallery.card.range_default": "(for the default parameters)",
    "gallery.card.gain": "Init gain",
    "gallery.card.gain_value": "{gain} — {source}",
    "gallery.card.year": "Introduced",
    "gallery.card.use_when": "Use when",
    "gallery.card.note": "Note",
    "gallery.card.differs": "With these parameters the measurement differs from the textbook entry: {props}.",
    # timeline
    "gallery.timeline": "When each activation appeared",
    "gallery.timeline.title": "A timeline of activation functions",
    "gallery.timeline.x": "year introduced",
    "gallery.timeline.y": "activation",
    "gallery.timeline.ref": "reference",
    "gallery.timeline.selected": "selected",
    "gallery.timeline.alt": "Dot timeline of all {n} activations in the registry by year, from {first} to {last}; the selected ones are coloured: {names}.",
    "gallery.timeline.notice": (
        "the step (1943) and the sigmoid ruled for decades; ReLU (2010) is what made deep nets trainable, and almost "
        "everything since is a variation on it (leaky, ELU, GELU, SiLU), mostly smoothing the kink at 0."
    ),
    "gallery.yes": "yes",
    "gallery.no": "no",
    # signal propagation
    "gallery.signal": "Signal propagation: what one layer does to the spread",
    "gallery.signal_intro": (
        "Feed Gaussian pre-activations x ~ N(0, σ²) through one layer of each activation (200,000 samples, fixed "
        "seed) and measure the standard deviation of what comes out."
    ),
    "gallery.signal.title": "Output std against input std (one layer)",
    "gallery.signal.x": "input std σ (log scale)",
    "gallery.signal.y": "output std (log scale)",
    "gallery.signal.identity": "output std = input std",
    "gallery.signal.out_mean": "output mean",
    "gallery.signal.msd": "E[f'(x)²] (gradient factor)",
    "gallery.signal.alt": "Log-log line chart of output standard deviation against input standard deviation from {lo:g} to {hi:g} for {names}, with a dashed line where output equals input.",
    "gallery.signal.notice": (
        "below the dashed line a layer shrinks the signal, above it the signal grows. The bounded functions "
        "(tanh, sigmoid) flatten out as σ grows: they saturate and cannot pass on more spread however wide the "
        "input. ReLU-like lines run parallel to the dashed one: they scale the spread by a constant factor."
    ),
    "gallery.gain_table": "Init gains",
    "gallery.col.name": "activation",
    "gallery.col.registry_gain": "recommended",
    "gallery.col.preserving_gain": "var.-preserving",
    "gallery.col.registry_gain_help": "The gain this app (and mostly torch.nn.init.calculate_gain) recommends.",
    "gallery.col.preserving_gain_help": "Measured: g = 1 / √E[f(x)²] for x ~ N(0, 1). With W = g · randn / √fan_in the next layer's pre-activations have variance 1 again.",
    "gallery.gain.notice": (
        "initialise a layer feeding into activation f as W = gain · randn(fan_in, fan_out) / √fan_in. The "
        "variance-preserving gain is the one that keeps every layer's pre-activations at unit variance, so a deep "
        "stack neither explodes nor vanishes. ReLU's √2 matches it exactly (ReLU zeroes half the input, so the weights "
        "must double the variance). Tanh's 5/3 is a little above the measured 1.59 on purpose: it pushes back against "
        "the shrinking the lecture's deep tanh net shows. For sigmoid and step the gap has another cause: their outputs "
        "are not zero-centred, so part of what they pass on is a constant offset, not signal. No gain fixes that; "
        "BatchNorm, or a zero-centred activation, does."
    ),
    # softmax
    "gallery.softmax": "Apart: softmax, an output-layer function",
    "gallery.softmax.body": (
        "Softmax is not in the list above because it is not element-wise: each output depends on **all** the logits "
        "of the vector. It sits at the very end of a classifier and turns the logits into probabilities that sum to 1."
    ),
    "gallery.softmax.meta": "{name}: {reference}. **Use when:** {use_when}",
}
