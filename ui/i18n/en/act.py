"""The activations' text (core.activations holds only their maths): the name shown, a note for
students, when to use each, where its init gain comes from, and each slider's tooltip.

Keys: act.<registry key>.{name,note,use_when,gain_source}, act.<key>.param.<param>.help, and
act.softmax.{name,note,use_when}.
"""

TEXT = {
    # identity
    "act.identity.name": "Identity (linear)",
    "act.identity.note": (
        "A stack of linear layers is still one linear map, so it can only draw straight boundaries. The lecture's "
        "linear-only deep net shows gain alone making activations explode (5/3) or vanish (0.5)."
    ),
    "act.identity.use_when": "Regression outputs, or as a baseline that shows why nonlinearity matters.",
    "act.identity.gain_source": "calculate_gain('linear')",
    # step
    "act.step.name": "Step (Heaviside)",
    "act.step.note": (
        "The first artificial neuron fires or it doesn't. Its derivative is 0 wherever it exists, so "
        "backpropagation gets no signal at all: the reason smooth sigmoids replaced it."
    ),
    "act.step.use_when": "Never in a hidden layer trained by backprop; shown for history (perceptrons).",
    "act.step.gain_source": "no torch gain; a step cannot be trained by gradient descent, 1.0",
    # sigmoid
    "act.sigmoid.name": "Sigmoid (logistic)",
    "act.sigmoid.note": (
        "Its slope is at most 1/4, so each sigmoid layer shrinks gradients at least 4x, and its outputs are always "
        "positive (not zero-centred), which makes gradient steps zig-zag."
    ),
    "act.sigmoid.use_when": "Gates (LSTM/GRU) and a single probability output; rarely hidden layers today.",
    "act.sigmoid.gain_source": "calculate_gain('sigmoid')",
    # tanh
    "act.tanh.name": "Tanh",
    "act.tanh.note": (
        "The lecture's activation. Where |tanh(x)| is near 1 the unit is saturated: 1 - t^2 is ~0 and the gradient "
        "through it vanishes. Hence W1 * 0.2 and the 5/3 gain."
    ),
    "act.tanh.use_when": "Small MLPs and RNNs wanting bounded, zero-centred outputs; init carefully.",
    "act.tanh.gain_source": "calculate_gain('tanh')",
    # hardtanh
    "act.hardtanh.name": "Hard tanh",
    "act.hardtanh.note": (
        "A piecewise-linear tanh: cheap to compute, but once |x| > 1 the gradient is exactly 0, so a saturated "
        "unit gets no learning signal at all."
    ),
    "act.hardtanh.use_when": "A cheap bounded activation, e.g. in low-precision or quantised networks.",
    "act.hardtanh.gain_source": "no torch gain; tanh-like, same as calculate_gain('tanh') = 5/3",
    # relu
    "act.relu.name": "ReLU",
    "act.relu.note": (
        "Made deep nets trainable (AlexNet, 2012). A unit whose input is negative for every example gets zero "
        "gradient forever: a 'dead ReLU', e.g. after a too-large step."
    ),
    "act.relu.use_when": "The default for deep CNNs and MLPs: cheap, and no saturation for x > 0.",
    "act.relu.gain_source": "calculate_gain('relu')",
    # leaky_relu
    "act.leaky_relu.name": "Leaky ReLU",
    "act.leaky_relu.note": ("Keeps a small slope alpha for x < 0, so a unit always gets some gradient and cannot die."),
    "act.leaky_relu.use_when": "A ReLU drop-in when you worry about dead units (GAN discriminators, e.g.).",
    "act.leaky_relu.gain_source": "calculate_gain('leaky_relu', alpha)",
    "act.leaky_relu.param.alpha.help": "Slope for negative inputs (0 gives ReLU).",
    # prelu
    "act.prelu.name": "PReLU",
    "act.prelu.note": (
        "A leaky ReLU whose negative slope is a trained parameter. The same paper introduced the 'Kaiming' init "
        "this app uses."
    ),
    "act.prelu.use_when": "Image classifiers wanting a leaky ReLU without hand-picking the slope.",
    "act.prelu.gain_source": "calculate_gain('leaky_relu', a): He et al. derived sqrt(2/(1+a^2)) for PReLU",
    "act.prelu.param.a.help": "Initial negative slope; training then learns it.",
    # elu
    "act.elu.name": "ELU",
    "act.elu.note": (
        "The negative branch saturates at -alpha, which pulls mean activations toward zero (approximately "
        "zero-centred). Smooth at 0 only for alpha = 1. Costs an exp."
    ),
    "act.elu.use_when": "Deep MLPs/CNNs where mean activations near zero speed up learning.",
    "act.elu.gain_source": "no torch gain; ReLU-like, sqrt(2) (He init is the usual practice)",
    "act.elu.param.alpha.help": "Value the negative side saturates to is -alpha.",
    # selu
    "act.selu.name": "SELU",
    "act.selu.note": (
        "lambda and alpha are chosen so mean 0, variance 1 is a fixed point, but only with weights of variance "
        "1/fan_in (gain 1): torch's 3/4 trades that for gradient stability."
    ),
    "act.selu.use_when": "Deep fully-connected nets without BatchNorm ('self-normalising').",
    "act.selu.gain_source": "calculate_gain('selu')",
    # gelu
    "act.gelu.name": "GELU",
    "act.gelu.note": (
        "x weighted by the chance Phi(x) that a standard normal is below x: a smooth ReLU with a small dip to "
        "-0.17 near x = -0.75, so it is not monotonic."
    ),
    "act.gelu.use_when": "Transformers (BERT, GPT): the default there.",
    "act.gelu.gain_source": "no torch gain; ReLU-like, sqrt(2) (He init is the usual practice)",
    # gelu_tanh
    "act.gelu_tanh.name": "GELU (tanh approx.)",
    "act.gelu_tanh.note": (
        "A cheaper formula for GELU from the same paper; it differs from the exact GELU by less than 5e-4 everywhere."
    ),
    "act.gelu_tanh.use_when": "Reproducing GPT-2/original BERT code, which used this approximation.",
    "act.gelu_tanh.gain_source": "no torch gain; ReLU-like, sqrt(2) (He init is the usual practice)",
    # silu
    "act.silu.name": "SiLU / Swish",
    "act.silu.note": (
        "A smooth, non-monotonic ReLU with a dip to about -0.28. Swish was found by an automated search over "
        "formulas; beta = 1 is the SiLU proposed earlier."
    ),
    "act.silu.use_when": "Modern CNNs (EfficientNet) and LLM MLP blocks (SwiGLU).",
    "act.silu.gain_source": "no torch gain; ReLU-like, sqrt(2) (He init is the usual practice)",
    "act.silu.param.beta.help": "Sharpness: large beta approaches ReLU, 0 gives x/2.",
    # mish
    "act.mish.name": "Mish",
    "act.mish.note": (
        "Smooth and non-monotonic like SiLU, with a slightly deeper dip (-0.31); costs an exp, a log and a tanh."
    ),
    "act.mish.use_when": "Object detectors (YOLOv4) and CNNs; a SiLU alternative.",
    "act.mish.gain_source": "no torch gain; ReLU-like, sqrt(2) (He init is the usual practice)",
    # softplus
    "act.softplus.name": "Softplus",
    "act.softplus.note": (
        "A smooth ReLU whose derivative is the sigmoid. No dead units, but outputs are always positive "
        "(softplus(0) = ln 2)."
    ),
    "act.softplus.use_when": "Keeping a quantity positive (a variance, a rate); rarely as a hidden activation.",
    "act.softplus.gain_source": "no torch gain; outputs never reach 0, E[f(x)^2] ~ 0.92 at unit variance, 1.0",
    "act.softplus.param.beta.help": "Sharpness: large beta approaches ReLU.",
    # softsign
    "act.softsign.name": "Softsign",
    "act.softsign.note": (
        "Like tanh, but it approaches +-1 polynomially (like 1/x), not exponentially, so its gradient fades more "
        "slowly; Glorot & Bengio found it saturates less in deep nets."
    ),
    "act.softsign.use_when": "A tanh alternative that saturates more gently.",
    "act.softsign.gain_source": "no torch gain; tanh-like, same as calculate_gain('tanh') = 5/3",
    # maxout
    "act.maxout.name": "Maxout",
    "act.maxout.note": (
        "Not element-wise: each unit outputs the max of k linear units, so it learns a convex piecewise-linear "
        "activation (ReLU and |x| are special cases) at k times the parameters. The curve drawn is max_i(s_i x - "
        "s_i^2), s_i evenly spaced in [-1, 1]."
    ),
    "act.maxout.use_when": "With dropout in older vision nets; a learned, never-saturating activation.",
    "act.maxout.gain_source": "no torch gain; the max of 2 unit Gaussians has second moment 1, so 1.0",
    "act.maxout.param.k.help": "Linear pieces per unit: the layer before is k times wider.",
    # softmax (an output function, not in the registry)
    "act.softmax.name": "Softmax",
    "act.softmax.note": (
        "Not an element-wise activation: it turns a whole vector of logits into probabilities that sum to 1 "
        "(adding a constant to every logit changes nothing). At init the logits should be nearly equal, giving the "
        "lecture's expected loss -ln(1/27) = 3.30 instead of 27.9."
    ),
    "act.softmax.use_when": "The output layer of a classifier: logits in, class probabilities out.",
}
