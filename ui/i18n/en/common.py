TEXT = {
    "common.app_title": "Activations & Gradients, live",
    "common.notice.bad_param": "The link's setting `{key}={value}` is not valid here, so the default is used.",
    "common.notice.unknown_param": "The link's setting `{key}` is not known to this page and was ignored.",
    "common.what_to_notice": "What to notice",
    "common.diverged": "{variant} diverged at step {step}: its loss became NaN/inf. Charts stop at that step.",
    "common.training": "Training {n} network(s) together on the names data...",
    "common.data_caption": "Data: {words:,} US baby names (SSA, 2017), {examples:,} training examples, vocabulary of {vocab} characters.",
}
TEXT["common.sidebar_about"] = (
    "An interactive companion to Karpathy's lecture *makemore part 3: Activations & Gradients, "
    "BatchNorm*. Every setting lives in the page's link: copy the address bar to share a view."
)
