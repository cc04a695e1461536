TEXT = {
    "common.app_title": "Activations & Gradients, live",
    "common.notice.bad_param": "The link's setting `{key}={value}` is not valid here, so the default is used.",
    "common.notice.unknown_param": "The link's setting `{key}` is not known to this page and was ignored.",
    "common.notice.unknown_params": "The link has {n} settings this page does not know, so they were ignored: {keys}.",
    "common.notice.more": "and {n:,} more",
    "common.what_to_notice": "What to notice",
    "common.diverged": "{variant} diverged at step {step}: its loss became NaN/inf. Charts stop at that step.",
    "common.training": "Training {n} networks together for {steps:,} steps on the word list in use...",
    "common.training_one": "Training 1 network for {steps:,} steps on the word list in use...",
    "common.training_deep": "Training the deep network for {steps:,} steps on the word list in use...",
    "common.training_bn": "Training the BatchNorm network for {steps:,} steps on the word list in use...",
    "common.profiling": "Measuring the signal across depth for {n} init gains...",
    "common.data_caption": "Data: {words:,} US baby names (SSA, 2017), {examples:,} training examples, vocabulary of {vocab} characters.",
}
TEXT["common.sidebar_about"] = (
    "An interactive companion to Karpathy's lecture *makemore part 3: Activations & Gradients, "
    "BatchNorm*. Every setting lives in the page's link: copy the address bar to share a view."
)
TEXT.update(
    {
        "common.present.toggle": "Presenter mode",
        "common.present.help": "For the projector: controls fold away, long explanations are hidden and charts are drawn "
        "larger. The link keeps it (`present=true`).",
        "common.present.on": "Presenter mode: controls are folded away under ⚙️, explanations hidden.",
        "common.present.exit": "Leave presenter mode",
        "common.present.controls": "Controls",
        "common.share.button": "Link to this view",
        "common.share.body": "This link opens the page exactly as you see it: every setting, the language and presenter "
        "mode. Select it and copy it, or point at the box and click the copy icon that appears at its right.",
        "common.export.csv": "Data (CSV)",
        "common.export.csv_help": "The chart's data: {rows:,} rows, one column per field.",
        "common.export.svg": "SVG",
        "common.export.svg_help": "The chart as a vector image, sharp at any size (slides, handouts).",
        "common.export.png": "PNG",
        "common.export.png_help": "The chart as a picture (2x resolution).",
    }
)
TEXT["common.queued"] = (
    "In line for the trainer: {n} runs ahead of yours, other students' networks. Yours is done in {eta}."
)
TEXT["common.queued_one"] = (
    "In line for the trainer: 1 run ahead of yours, another student's networks. Yours is done in {eta}."
)
TEXT["common.queued_next"] = "Yours is next in line for the trainer; done in {eta}."
TEXT["common.busy"] = "The server has too much work queued right now: try again in {eta}."
TEXT["common.eta_s"] = "about {s} s"
TEXT["common.eta_min"] = "about {m} min"
TEXT["common.stacked"] = " (stacked with other students' networks: {n} in this run)"
TEXT["common.running"] = "{label} {pct:.0%}{shared}, {eta} left"
TEXT["common.preview"] = (
    "While your {steps:,} steps train: your setting at initialisation (step 0). The trained view replaces this when it is ready."
)
TEXT["common.measuring_init"] = "Measuring {n} networks at initialisation, on the word list in use..."
