"""The activation registry: one table of element-wise activation functions, and the maths on it.

Every page, selector and test iterates ``REGISTRY`` (key -> ``Activation``); there are no
string switches elsewhere. Each entry carries the callable, its LaTeX and derivative, its
tunable parameters, the textbook properties (zero-centred, monotonic, bounded, smooth,
saturating), a recommended init gain, and a little history.

The declared properties are checked numerically by ``computed_properties`` (and the tests
assert they agree for every entry); derivatives come from autograd, and the hand-written
closed forms in ``Activation.grad`` are tested against it.

Softmax is not element-wise and lives apart, as ``SOFTMAX``.
"""
from __future__ import annotations

import functools
import math
import types
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F

__all__ = [
    "Param",
    "Activation",
    "OutputFunction",
    "REGISTRY",
    "KEYS",
    "SOFTMAX",
    "get",
    "resolve_params",
    "apply",
    "layer",
    "width_multiplier",
    "derivative",
    "gain_for",
    "inactive_mask",
    "curves",
    "signal_propagation",
    "computed_properties",
    "PROPERTY_NAMES",
]

PROPERTY_NAMES = ("zero_centred", "monotonic", "bounded", "smooth", "saturating")


@dataclass(frozen=True)
class Param:
    """A tunable (slider) parameter of an activation."""

    name: str  # keyword passed to fn, e.g. "alpha"
    default: float
    min: float
    max: float
    step: float  # slider step
    help: str  # one short sentence for a slider tooltip
    integer: bool = False  # value must be a whole number (maxout's k)


@dataclass(frozen=True)
class Activation:
    """One row of the registry. Properties and ``output_range`` hold for the default params."""

    key: str  # registry key, e.g. "leaky_relu"
    name: str  # display name, e.g. "Leaky ReLU"
    fn: Callable  # fn(x, **params) -> Tensor, element-wise
    latex: str  # f(x), for st.latex
    deriv_latex: str  # f'(x)
    params: tuple[Param, ...]
    output_range: tuple[float, float]  # math.inf where unbounded
    zero_centred: bool  # f(0) = 0 and outputs average ~0 for symmetric inputs
    monotonic: bool  # non-decreasing
    bounded: bool  # bounded on both sides
    smooth: bool  # continuously differentiable (C^1)
    saturating: bool  # f'(x) -> 0 as x -> -inf AND as x -> +inf
    gain: float  # recommended init gain (std of W = gain / sqrt(fan_in))
    gain_source: str  # where the gain comes from
    year: int  # year introduced
    reference: str  # short citation
    use_when: str  # one line
    note: str  # one or two sentences for students
    grad: Callable | None = None  # closed-form f'(x) as grad(x, y, **params), y = fn(x)
    learnable: tuple[str, ...] = ()  # params trained by gradient descent (PReLU's a)
    width_multiplier: Callable | None = None  # maxout: params -> k (previous layer k x wider)


@dataclass(frozen=True)
class OutputFunction:
    """An output-layer function acting on a whole vector of logits (not element-wise)."""

    key: str
    name: str
    fn: Callable  # fn(logits, dim=-1) -> Tensor
    latex: str
    deriv_latex: str  # the Jacobian
    year: int
    reference: str
    use_when: str
    note: str


# ----------------------------------------------------------------------------------------
# The functions and their closed-form derivatives.
# Each fn takes a float tensor; grad(x, y, **params) gets y = fn(x) so it can reuse it.

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_LAMBDA = 1.0507009873554804934193349852946
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_GELU_TANH_C = 0.044715


def _identity(x):
    return x


def _ones(x, y):
    return torch.ones_like(x)


class _Heaviside(torch.autograd.Function):
    """Step forward, zero gradient backward: torch.heaviside has no derivative registered,
    and (x > 0).float() drops out of the graph; this keeps the graph (weights get a zero
    gradient, exactly the historical problem) instead of crashing a trainer."""

    @staticmethod
    def forward(ctx, x):
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad_out):
        return torch.zeros_like(grad_out)


def _step(x):
    return _Heaviside.apply(x)


def _zeros(x, y):
    return torch.zeros_like(x)


def _sigmoid_grad(x, y):
    return y * (1 - y)


def _tanh_grad(x, y):
    return 1 - y * y


def _hardtanh_grad(x, y):
    # torch's hardtanh backward passes gradient only strictly inside (-1, 1)
    return ((x > -1) & (x < 1)).to(x.dtype)


def _relu_grad(x, y):
    return (x > 0).to(x.dtype)  # 0 at x = 0, as torch's relu backward


def _leaky_relu(x, alpha=0.01):
    return F.leaky_relu(x, negative_slope=alpha)


def _leaky_relu_grad(x, y, alpha=0.01):
    return torch.where(x > 0, torch.ones_like(x), torch.full_like(x, alpha))


def _prelu(x, a=0.25):
    # a may be a float or a 1-element tensor (a trainer's nn.Parameter keeps its graph)
    return F.prelu(x, torch.as_tensor(a, dtype=x.dtype, device=x.device).reshape(1))


def _prelu_grad(x, y, a=0.25):
    return torch.where(x > 0, torch.ones_like(x), torch.as_tensor(a, dtype=x.dtype).expand_as(x))


def _elu(x, alpha=1.0):
    return F.elu(x, alpha=alpha)


def _elu_grad(x, y, alpha=1.0):
    # alpha * e^x, not y + alpha: in float32 y + alpha cancels to 0 below x ~ -17
    return torch.where(x > 0, torch.ones_like(x), alpha * torch.exp(x.clamp(max=0)))


def _selu_grad(x, y):
    neg = _SELU_LAMBDA * _SELU_ALPHA * torch.exp(x.clamp(max=0))  # no cancellation, as ELU
    return torch.where(x > 0, torch.full_like(x, _SELU_LAMBDA), neg)


def _normal_cdf(x):
    return 0.5 * (1 + torch.erf(x / math.sqrt(2.0)))


def _gelu(x):
    return F.gelu(x, approximate="none")


def _gelu_grad(x, y):
    pdf = torch.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
    return _normal_cdf(x) + x * pdf


def _gelu_tanh(x):
    return F.gelu(x, approximate="tanh")


def _gelu_tanh_grad(x, y):
    t = torch.tanh(_SQRT_2_OVER_PI * (x + _GELU_TANH_C * x**3))
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * _SQRT_2_OVER_PI * (1 + 3 * _GELU_TANH_C * x * x)


def _silu(x, beta=1.0):
    if beta == 1.0:
        return F.silu(x)
    return x * torch.sigmoid(beta * x)


def _silu_grad(x, y, beta=1.0):
    s = torch.sigmoid(beta * x)
    return s + beta * x * s * (1 - s)


def _mish_grad(x, y):
    t = torch.tanh(F.softplus(x))
    return t + x * torch.sigmoid(x) * (1 - t * t)


def _softplus(x, beta=1.0):
    return F.softplus(x, beta=beta)


def _softplus_grad(x, y, beta=1.0):
    return torch.sigmoid(beta * x)


def _softsign_grad(x, y):
    return 1 / (1 + x.abs()) ** 2


def _maxout_slopes(k, like):
    """The illustrative pieces of the maxout curve: slopes s_i evenly spaced in [-1, 1]."""
    return torch.linspace(-1.0, 1.0, int(k), dtype=like.dtype, device=like.device)


def _maxout_curve(x, k=2):
    # Only for drawing: a real maxout unit takes the max of k *learned* linear units of the
    # previous layer (see layer()). Here: max_i (s_i x - s_i^2), the tangents of x^2 / 4 at
    # x = 2 s_i, a convex piecewise-linear curve (k=2 gives |x| - 1).
    s = _maxout_slopes(k, x)
    return (x.unsqueeze(-1) * s - s * s).amax(-1)


def _maxout_curve_grad(x, y, k=2):
    s = _maxout_slopes(k, x)
    return s[(x.unsqueeze(-1) * s - s * s).argmax(-1)]  # slope of the winning piece


def _maxout_width(params=None) -> int:
    return int(resolve_params("maxout", params)["k"])


def _softmax(logits, dim=-1):
    return F.softmax(logits, dim=dim)


# ----------------------------------------------------------------------------------------
# The registry. Insertion order is the display order (roughly historical, then families).

_INF = math.inf
_SQRT2 = math.sqrt(2.0)
_RELU_LIKE = "no torch gain; ReLU-like, sqrt(2) (He init is the usual practice)"
_TANH_LIKE = "no torch gain; tanh-like, same as calculate_gain('tanh') = 5/3"


def _he_gain(negative_slope: float) -> float:
    """He et al. (2015): sqrt(2 / (1 + a^2)); what calculate_gain('leaky_relu', a) returns."""
    return math.sqrt(2.0 / (1.0 + negative_slope**2))


_ENTRIES = (
    Activation(
        key="identity",
        name="Identity (linear)",
        fn=_identity,
        latex=r"f(x) = x",
        deriv_latex=r"f'(x) = 1",
        params=(),
        output_range=(-_INF, _INF),
        zero_centred=True,
        monotonic=True,
        bounded=False,
        smooth=True,
        saturating=False,
        gain=1.0,
        gain_source="calculate_gain('linear')",
        year=1960,
        reference="Widrow & Hoff, 1960 (ADALINE)",
        use_when="Regression outputs, or as a baseline that shows why nonlinearity matters.",
        note="A stack of linear layers is still one linear map, so it can only draw straight "
        "boundaries. The lecture's linear-only deep net shows gain alone making activations "
        "explode (5/3) or vanish (0.5).",
        grad=_ones,
    ),
    Activation(
        key="step",
        name="Step (Heaviside)",
        fn=_step,
        latex=r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        deriv_latex=r"f'(x) = 0 \quad (x \neq 0;\ \text{undefined at } 0)",
        params=(),
        output_range=(0.0, 1.0),
        zero_centred=False,
        monotonic=True,
        bounded=True,
        smooth=False,
        saturating=True,
        gain=1.0,
        gain_source="no torch gain; a step cannot be trained by gradient descent, 1.0",
        year=1943,
        reference="McCulloch & Pitts, 1943",
        use_when="Never in a hidden layer trained by backprop; shown for history (perceptrons).",
        note="The first artificial neuron fires or it doesn't. Its derivative is 0 wherever it "
        "exists, so backpropagation gets no signal at all: the reason smooth sigmoids replaced it.",
        grad=_zeros,
    ),
    Activation(
        key="sigmoid",
        name="Sigmoid (logistic)",
        fn=torch.sigmoid,
        latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        deriv_latex=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        params=(),
        output_range=(0.0, 1.0),
        zero_centred=False,
        monotonic=True,
        bounded=True,
        smooth=True,
        saturating=True,
        gain=1.0,
        gain_source="calculate_gain('sigmoid')",
        year=1986,
        reference="Rumelhart, Hinton & Williams, 1986",
        use_when="Gates (LSTM/GRU) and a single probability output; rarely hidden layers today.",
        note="Its slope is at most 1/4, so each sigmoid layer shrinks gradients at least 4x, and "
        "its outputs are always positive (not zero-centred), which makes gradient steps zig-zag.",
        grad=_sigmoid_grad,
    ),
    Activation(
        key="tanh",
        name="Tanh",
        fn=torch.tanh,
        latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        deriv_latex=r"\tanh'(x) = 1 - \tanh^2(x)",
        params=(),
        output_range=(-1.0, 1.0),
        zero_centred=True,
        monotonic=True,
        bounded=True,
        smooth=True,
        saturating=True,
        gain=5.0 / 3.0,
        gain_source="calculate_gain('tanh')",
        year=1991,
        reference="LeCun, Kanter & Solla, 1991",
        use_when="Small MLPs and RNNs wanting bounded, zero-centred outputs; init carefully.",
        note="The lecture's activation. Where |tanh(x)| is near 1 the unit is saturated: "
        "1 - t^2 is ~0 and the gradient through it vanishes. Hence W1 * 0.2 and the 5/3 gain.",
        grad=_tanh_grad,
    ),
    Activation(
        key="hardtanh",
        name="Hard tanh",
        fn=F.hardtanh,
        latex=r"f(x) = \max\bigl(-1, \min(1, x)\bigr)",
        deriv_latex=r"f'(x) = \begin{cases} 1 & |x| < 1 \\ 0 & |x| > 1 \end{cases}",
        params=(),
        output_range=(-1.0, 1.0),
        zero_centred=True,
        monotonic=True,
        bounded=True,
        smooth=False,
        saturating=True,
        gain=5.0 / 3.0,
        gain_source=_TANH_LIKE,
        year=2004,
        reference="Collobert, 2004 (PhD thesis)",
        use_when="A cheap bounded activation, e.g. in low-precision or quantised networks.",
        note="A piecewise-linear tanh: cheap to compute, but once |x| > 1 the gradient is exactly "
        "0, so a saturated unit gets no learning signal at all.",
        grad=_hardtanh_grad,
    ),
    Activation(
        key="relu",
        name="ReLU",
        fn=F.relu,
        latex=r"f(x) = \max(0, x)",
        deriv_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}",
        params=(),
        output_range=(0.0, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        gain=_SQRT2,
        gain_source="calculate_gain('relu')",
        year=2010,
        reference="Nair & Hinton, 2010",
        use_when="The default for deep CNNs and MLPs: cheap, and no saturation for x > 0.",
        note="Made deep nets trainable (AlexNet, 2012). A unit whose input is negative for every "
        "example gets zero gradient forever: a 'dead ReLU', e.g. after a too-large step.",
        grad=_relu_grad,
    ),
    Activation(
        key="leaky_relu",
        name="Leaky ReLU",
        fn=_leaky_relu,
        latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}",
        deriv_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x < 0 \end{cases}",
        params=(Param("alpha", 0.01, 0.0, 0.5, 0.01, "Slope for negative inputs (0 gives ReLU)."),),
        output_range=(-_INF, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        gain=_he_gain(0.01),
        gain_source="calculate_gain('leaky_relu', alpha)",
        year=2013,
        reference="Maas, Hannun & Ng, 2013",
        use_when="A ReLU drop-in when you worry about dead units (GAN discriminators, e.g.).",
        note="Keeps a small slope alpha for x < 0, so a unit always gets some gradient and "
        "cannot die.",
        grad=_leaky_relu_grad,
    ),
    Activation(
        key="prelu",
        name="PReLU",
        fn=_prelu,
        latex=r"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}"
        r"\quad (a \text{ learned})",
        deriv_latex=r"\frac{\partial f}{\partial x} = \begin{cases} 1 & x > 0 \\ a & x < 0"
        r"\end{cases},\quad \frac{\partial f}{\partial a} = \min(0, x)",
        params=(Param("a", 0.25, 0.0, 1.0, 0.01, "Initial negative slope; training then learns it."),),
        output_range=(-_INF, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        gain=_he_gain(0.25),
        gain_source="calculate_gain('leaky_relu', a): He et al. derived sqrt(2/(1+a^2)) for PReLU",
        year=2015,
        reference="He, Zhang, Ren & Sun, 2015",
        use_when="Image classifiers wanting a leaky ReLU without hand-picking the slope.",
        note="A leaky ReLU whose negative slope is a trained parameter. The same paper "
        "introduced the 'Kaiming' init this app uses.",
        grad=_prelu_grad,
        learnable=("a",),
    ),
    Activation(
        key="elu",
        name="ELU",
        fn=_elu,
        latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        deriv_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} = f(x) + \alpha & x \le 0"
        r"\end{cases}",
        params=(Param("alpha", 1.0, 0.1, 3.0, 0.1, "Value the negative side saturates to is -alpha."),),
        output_range=(-1.0, _INF),
        zero_centred=True,
        monotonic=True,
        bounded=False,
        smooth=True,  # C^1 only for alpha = 1 (the default): both one-sided slopes are 1 at 0
        saturating=False,
        gain=_SQRT2,
        gain_source=_RELU_LIKE,
        year=2015,
        reference="Clevert, Unterthiner & Hochreiter, 2015",
        use_when="Deep MLPs/CNNs where mean activations near zero speed up learning.",
        note="The negative branch saturates at -alpha, which pulls mean activations toward zero "
        "(approximately zero-centred). Smooth at 0 only for alpha = 1. Costs an exp.",
        grad=_elu_grad,
    ),
    Activation(
        key="selu",
        name="SELU",
        fn=F.selu,
        latex=r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0"
        r"\end{cases},\ \lambda \approx 1.0507,\ \alpha \approx 1.6733",
        deriv_latex=r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
        params=(),
        output_range=(-_SELU_LAMBDA * _SELU_ALPHA, _INF),
        zero_centred=True,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        gain=0.75,
        gain_source="calculate_gain('selu')",
        year=2017,
        reference="Klambauer, Unterthiner, Mayr & Hochreiter, 2017",
        use_when="Deep fully-connected nets without BatchNorm ('self-normalising').",
        note="lambda and alpha are chosen so mean 0, variance 1 is a fixed point, but only with "
        "weights of variance 1/fan_in (gain 1): torch's 3/4 trades that for gradient stability.",
        grad=_selu_grad,
    ),
    Activation(
        key="gelu",
        name="GELU",
        fn=_gelu,
        latex=r"f(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)",
        deriv_latex=r"f'(x) = \Phi(x) + x\,\varphi(x),\quad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}",
        params=(),
        output_range=(-0.1700, _INF),  # minimum -0.16997 at x = -0.7518
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        gain=_SQRT2,
        gain_source=_RELU_LIKE,
        year=2016,
        reference="Hendrycks & Gimpel, 2016",
        use_when="Transformers (BERT, GPT): the default there.",
        note="x weighted by the chance Phi(x) that a standard normal is below x: a smooth ReLU "
        "with a small dip to -0.17 near x = -0.75, so it is not monotonic.",
        grad=_gelu_grad,
    ),
    Activation(
        key="gelu_tanh",
        name="GELU (tanh approx.)",
        fn=_gelu_tanh,
        latex=r"f(x) = \frac{x}{2}\left(1 + \tanh\left[\sqrt{2/\pi}\,"
        r"\left(x + 0.044715\,x^{3}\right)\right]\right)",
        deriv_latex=r"f'(x) = \tfrac{1}{2}(1 + t) + \tfrac{x}{2}(1 - t^{2})\sqrt{2/\pi}\,"
        r"(1 + 3 \cdot 0.044715\,x^{2}),\ t = \tanh[\dots]",
        params=(),
        output_range=(-0.1701, _INF),  # minimum -0.17004
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        gain=_SQRT2,
        gain_source=_RELU_LIKE,
        year=2016,
        reference="Hendrycks & Gimpel, 2016",
        use_when="Reproducing GPT-2/original BERT code, which used this approximation.",
        note="A cheaper formula for GELU from the same paper; it differs from the exact GELU by "
        "less than 5e-4 everywhere.",
        grad=_gelu_tanh_grad,
    ),
    Activation(
        key="silu",
        name="SiLU / Swish",
        fn=_silu,
        latex=r"f(x) = x\,\sigma(\beta x) = \frac{x}{1 + e^{-\beta x}}",
        deriv_latex=r"f'(x) = \sigma(\beta x) + \beta x\,\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)",
        params=(Param("beta", 1.0, 0.1, 5.0, 0.1, "Sharpness: large beta approaches ReLU, 0 gives x/2."),),
        output_range=(-0.2785, _INF),  # minimum -0.27846 at x = -1.2785 (beta = 1)
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        gain=_SQRT2,
        gain_source=_RELU_LIKE,
        year=2017,
        reference="Elfwing, Uchibe & Doya, 2017; Ramachandran, Zoph & Le, 2017",
        use_when="Modern CNNs (EfficientNet) and LLM MLP blocks (SwiGLU).",
        note="A smooth, non-monotonic ReLU with a dip to about -0.28. Swish was found by an "
        "automated search over formulas; beta = 1 is the SiLU proposed earlier.",
        grad=_silu_grad,
    ),
    Activation(
        key="mish",
        name="Mish",
        fn=F.mish,
        latex=r"f(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr) = x \tanh\bigl(\ln(1 + e^{x})\bigr)",
        deriv_latex=r"f'(x) = \tanh(s) + x\,\sigma(x)\bigl(1 - \tanh^{2}(s)\bigr),\ s = \ln(1 + e^{x})",
        params=(),
        output_range=(-0.3089, _INF),  # minimum -0.30884 at x = -1.1924
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        gain=_SQRT2,
        gain_source=_RELU_LIKE,
        year=2019,
        reference="Misra, 2019",
        use_when="Object detectors (YOLOv4) and CNNs; a SiLU alternative.",
        note="Smooth and non-monotonic like SiLU, with a slightly deeper dip (-0.31); costs an "
        "exp, a log and a tanh.",
        grad=_mish_grad,
    ),
    Activation(
        key="softplus",
        name="Softplus",
        fn=_softplus,
        latex=r"f(x) = \frac{1}{\beta} \ln\left(1 + e^{\beta x}\right)",
        deriv_latex=r"f'(x) = \sigma(\beta x)",
        params=(Param("beta", 1.0, 0.1, 5.0, 0.1, "Sharpness: large beta approaches ReLU."),),
        output_range=(0.0, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=True,
        saturating=False,
        gain=1.0,
        gain_source="no torch gain; outputs never reach 0, E[f(x)^2] ~ 0.92 at unit variance, 1.0",
        year=2001,
        reference="Dugas, Bengio, Belisle, Nadeau & Garcia, 2001",
        use_when="Keeping a quantity positive (a variance, a rate); rarely as a hidden activation.",
        note="A smooth ReLU whose derivative is the sigmoid. No dead units, but outputs are "
        "always positive (softplus(0) = ln 2).",
        grad=_softplus_grad,
    ),
    Activation(
        key="softsign",
        name="Softsign",
        fn=F.softsign,
        latex=r"f(x) = \frac{x}{1 + |x|}",
        deriv_latex=r"f'(x) = \frac{1}{(1 + |x|)^{2}}",
        params=(),
        output_range=(-1.0, 1.0),
        zero_centred=True,
        monotonic=True,
        bounded=True,
        smooth=True,
        saturating=True,
        gain=5.0 / 3.0,
        gain_source=_TANH_LIKE,
        year=2009,
        reference="Bergstra, Desjardins, Lamblin & Bengio, 2009; Glorot & Bengio, 2010",
        use_when="A tanh alternative that saturates more gently.",
        note="Like tanh, but it approaches +-1 polynomially (like 1/x), not exponentially, so its "
        "gradient fades more slowly; Glorot & Bengio found it saturates less in deep nets.",
        grad=_softsign_grad,
    ),
    Activation(
        key="maxout",
        name="Maxout",
        fn=_maxout_curve,
        latex=r"h_j(\mathbf{x}) = \max_{i = 1..k} \left(\mathbf{w}_{ij}^{\top}\mathbf{x} + b_{ij}\right)",
        deriv_latex=r"\frac{\partial h_j}{\partial z_{ij}} = \begin{cases} 1 & i = "
        r"\arg\max_{i'} z_{i'j} \\ 0 & \text{otherwise} \end{cases}",
        params=(Param("k", 2, 2, 5, 1, "Linear pieces per unit: the layer before is k times wider.", integer=True),),
        output_range=(-_INF, _INF),  # as a layer: the pieces are learned
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=False,
        saturating=False,
        gain=1.0,
        gain_source="no torch gain; the max of 2 unit Gaussians has second moment 1, so 1.0",
        year=2013,
        reference="Goodfellow, Warde-Farley, Mirza, Courville & Bengio, 2013",
        use_when="With dropout in older vision nets; a learned, never-saturating activation.",
        note="Not element-wise: each unit outputs the max of k linear units, so it learns a "
        "convex piecewise-linear activation (ReLU and |x| are special cases) at k times the "
        "parameters. The curve drawn is max_i(s_i x - s_i^2), s_i evenly spaced in [-1, 1].",
        grad=_maxout_curve_grad,
        width_multiplier=_maxout_width,
    ),
)

REGISTRY: Mapping[str, Activation] = types.MappingProxyType({a.key: a for a in _ENTRIES})
KEYS: tuple[str, ...] = tuple(REGISTRY)

SOFTMAX = OutputFunction(
    key="softmax",
    name="Softmax",
    fn=_softmax,
    latex=r"\operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j} e^{z_j}}",
    deriv_latex=r"\frac{\partial p_i}{\partial z_j} = p_i\,(\delta_{ij} - p_j)",
    year=1990,
    reference="Bridle, 1990",
    use_when="The output layer of a classifier: logits in, class probabilities out.",
    note="Not an element-wise activation: it turns a whole vector of logits into probabilities "
    "that sum to 1 (adding a constant to every logit changes nothing). At init the logits should "
    "be nearly equal, giving the lecture's expected loss -ln(1/27) = 3.30 instead of 27.9.",
)


# ----------------------------------------------------------------------------------------
# Parameters


def get(key: str) -> Activation:
    """The registry entry for ``key``; ValueError naming the valid keys if unknown."""
    try:
        return REGISTRY[key]
    except (KeyError, TypeError):
        raise ValueError(f"unknown activation {key!r}; choose one of {', '.join(KEYS)}") from None


def resolve_params(key: str, params: Mapping[str, float] | None = None) -> dict[str, float]:
    """The activation's defaults merged with ``params`` (a mapping or (name, value) pairs).

    Raises ValueError for an unknown activation, an unknown parameter name, a non-number,
    a value outside [min, max], or a non-whole value for an integer parameter.
    Integer parameters are returned as ``int``.
    """
    act = get(key)
    spec = {p.name: p for p in act.params}
    given = dict(params or {})
    unknown = sorted(set(given) - set(spec))
    if unknown:
        allowed = ", ".join(spec) or "none"
        raise ValueError(f"{act.name} has no parameter(s) {', '.join(unknown)}; allowed: {allowed}")
    out: dict[str, float] = {}
    for name, p in spec.items():
        value = given.get(name, p.default)
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise ValueError(f"{act.name} {name} must be a number, got {value!r}")
        value = float(value)
        if not math.isfinite(value) or not (p.min <= value <= p.max):
            raise ValueError(f"{act.name} {name}={value} is outside [{p.min}, {p.max}]")
        if p.integer:
            if value != int(value):
                raise ValueError(f"{act.name} {name} must be a whole number, got {value}")
            value = int(value)
        out[name] = value
    return out


def width_multiplier(key: str, params: Mapping[str, float] | None = None) -> int:
    """How many times wider the layer before this activation must be (k for maxout, else 1)."""
    act = get(key)
    return 1 if act.width_multiplier is None else int(act.width_multiplier(params))


def gain_for(key: str, params: Mapping[str, float] | None = None) -> float:
    """Recommended init gain for these params (leaky ReLU/PReLU: sqrt(2/(1+a^2)), else ``gain``)."""
    act = get(key)
    p = resolve_params(key, params)
    if key == "leaky_relu":
        return _he_gain(p["alpha"])
    if key == "prelu":
        return _he_gain(p["a"])
    return act.gain


# ----------------------------------------------------------------------------------------
# Applying and differentiating


def _as_float(x) -> torch.Tensor:
    x = torch.as_tensor(x)
    return x if x.is_floating_point() else x.to(torch.get_default_dtype())


def apply(key: str, x, params: Mapping[str, float] | None = None) -> torch.Tensor:
    """f(x) element-wise. For maxout this is the illustrative curve; a net uses ``layer``."""
    return get(key).fn(_as_float(x), **resolve_params(key, params))


def layer(key: str, pre: torch.Tensor, params: Mapping[str, float] | None = None) -> torch.Tensor:
    """What a hidden layer applies to its pre-activations ``pre`` (..., width).

    Equal to ``apply`` for every entry except maxout, which maps (..., n*k) -> (..., n):
    h_j = max over the group of k consecutive units (k*j .. k*j + k-1).
    """
    p = resolve_params(key, params)
    pre = _as_float(pre)
    if get(key).width_multiplier is None:
        return get(key).fn(pre, **p)
    k = width_multiplier(key, p)
    width = pre.shape[-1]
    if width % k:
        raise ValueError(f"maxout with k={k} needs a width divisible by {k}, got {width}")
    return pre.unflatten(-1, (width // k, k)).amax(-1)  # (..., n, k) -> (..., n)


def derivative(key: str, x, params: Mapping[str, float] | None = None) -> torch.Tensor:
    """f'(x) element-wise, by autograd: the gradient of sum(f(x)) with respect to x."""
    act = get(key)
    p = resolve_params(key, params)
    x = _as_float(x).detach().requires_grad_(True)
    with torch.enable_grad():
        y = act.fn(x, **p)
        if not y.requires_grad:  # no gradient path at all: f' = 0
            return torch.zeros_like(x).detach()
        (g,) = torch.autograd.grad(y.sum(), x)
    return g


def _fast_derivative(act: Activation, x: torch.Tensor, p: dict) -> torch.Tensor:
    """Closed-form f'(x) when the entry has one (tested against autograd), else autograd."""
    if act.grad is not None:
        with torch.no_grad():
            return act.grad(x, act.fn(x, **p), **p)
    return derivative(act.key, x, p)


# ----------------------------------------------------------------------------------------
# Fast path for a hand-written backward: f(x) and dy * f'(x), one kernel each, into a buffer

def _kernels(*names: str) -> types.SimpleNamespace:
    """The aten ops below, each overload as its C++ callable, looked up once: calling it
    directly skips the overload's Python __call__ (~0.5-1 us; a training step makes 16 such
    calls). Falls back to the overload itself if a torch release renames the attribute."""
    ns = {}
    for name in names:
        packet = getattr(torch.ops.aten, name)
        ops = {o: getattr(packet, o) for o in packet.overloads()}
        ns[name] = types.SimpleNamespace(**{o: getattr(op, "_op", op) for o, op in ops.items()})
    return types.SimpleNamespace(**ns)


_aten = _kernels(
    "sigmoid", "tanh", "hardtanh", "relu", "leaky_relu", "elu", "gelu", "silu", "mish", "softplus",
    "sigmoid_backward", "tanh_backward", "hardtanh_backward", "threshold_backward", "leaky_relu_backward",
    "elu_backward", "gelu_backward", "silu_backward", "mish_backward", "softplus_backward",
)

# The kernel autograd itself runs for each entry's torch function, as fn(dy, x, y, out, **params)
# with y = f(x), writing dy * f'(x) into `out`. One op per step instead of the closed form's
# three to six (a trainer step is dominated by per-op overhead), and written in place, so a
# trainer's per-activation slices need no concatenation afterwards. SELU is torch's elu with
# its two constants. Tests check each against autograd. Entries without a kernel (step,
# softsign, prelu, maxout) are absent. (.grad_input / .out: the overload itself, which skips
# torch.ops' overload resolution on every call, and _kernels its Python wrapper.)
_FUSED_BACKWARD: dict[str, Callable] = {
    "identity": lambda dy, x, y, out: out.copy_(dy),
    "sigmoid": lambda dy, x, y, out: _aten.sigmoid_backward.grad_input(dy, y, grad_input=out),
    "tanh": lambda dy, x, y, out: _aten.tanh_backward.grad_input(dy, y, grad_input=out),
    "hardtanh": lambda dy, x, y, out: _aten.hardtanh_backward.grad_input(dy, x, -1.0, 1.0, grad_input=out),
    "relu": lambda dy, x, y, out: _aten.threshold_backward.grad_input(dy, y, 0.0, grad_input=out),
    "leaky_relu": lambda dy, x, y, out, alpha: _aten.leaky_relu_backward.grad_input(
        dy, x, alpha, False, grad_input=out),
    "elu": lambda dy, x, y, out, alpha: _aten.elu_backward.grad_input(dy, alpha, 1.0, 1.0, False, x, grad_input=out),
    "selu": lambda dy, x, y, out: _aten.elu_backward.grad_input(
        dy, _SELU_ALPHA, _SELU_LAMBDA, 1.0, False, x, grad_input=out),
    "gelu": lambda dy, x, y, out: _aten.gelu_backward.grad_input(dy, x, approximate="none", grad_input=out),
    "gelu_tanh": lambda dy, x, y, out: _aten.gelu_backward.grad_input(dy, x, approximate="tanh", grad_input=out),
    # F.silu only for beta = 1 (see _silu); otherwise the closed form
    "silu": lambda dy, x, y, out, beta: (_aten.silu_backward.grad_input(dy, x, grad_input=out) if beta == 1.0
                                         else torch.mul(dy, _silu_grad(x, y, beta), out=out)),
    "mish": lambda dy, x, y, out: out.copy_(_aten.mish_backward.default(dy, x)),  # no out overload
    "softplus": lambda dy, x, y, out, beta: _aten.softplus_backward.grad_input(
        dy, x, beta, 20.0, grad_input=out),  # 20: F.softplus's threshold
}

# f(x) written into `out`, as fn(x, out, **params): the same kernel as the entry's fn (tests
# check they agree exactly). Entries without one fall back to out.copy_(fn(x)).
_FORWARD_INTO: dict[str, Callable] = {
    "identity": lambda x, out: out.copy_(x),
    "sigmoid": lambda x, out: _aten.sigmoid.out(x, out=out),
    "tanh": lambda x, out: _aten.tanh.out(x, out=out),
    "hardtanh": lambda x, out: _aten.hardtanh.out(x, -1.0, 1.0, out=out),
    "relu": lambda x, out: _aten.relu.out(x, out=out),
    "leaky_relu": lambda x, out, alpha: _aten.leaky_relu.out(x, alpha, out=out),
    "elu": lambda x, out, alpha: _aten.elu.out(x, alpha, 1.0, 1.0, out=out),
    "selu": lambda x, out: _aten.elu.out(x, _SELU_ALPHA, _SELU_LAMBDA, 1.0, out=out),
    "gelu": lambda x, out: _aten.gelu.out(x, approximate="none", out=out),
    "gelu_tanh": lambda x, out: _aten.gelu.out(x, approximate="tanh", out=out),
    "silu": lambda x, out, beta: _aten.silu.out(x, out=out) if beta == 1.0 else out.copy_(_silu(x, beta)),
    "mish": lambda x, out: _aten.mish.out(x, out=out),
    "softplus": lambda x, out, beta: _aten.softplus.out(x, beta, 20.0, out=out),
}


def fused_backward(key: str, params: Mapping[str, float] | None = None) -> Callable | None:
    """``backward(dy, x, y, out)``: writes dy * f'(x) into ``out`` in one kernel (params bound)
    and returns it, or None if the entry has none (then use ``grad`` or autograd). ``y`` must
    be ``fn(x)`` (tanh, sigmoid, relu read it instead of x). For trainers: the app's curves use
    ``derivative``."""
    fn = _FUSED_BACKWARD.get(key)
    return None if fn is None else functools.partial(fn, **resolve_params(key, params))


def forward_into(key: str, params: Mapping[str, float] | None = None) -> Callable:
    """``forward(x, out)``: writes f(x) into ``out`` and returns it (params bound), with the
    entry's own kernel where torch has an out= form, else by a copy. Element-wise entries only."""
    p = resolve_params(key, params)
    fn = _FORWARD_INTO.get(key)
    if fn is not None:
        return functools.partial(fn, **p)
    f = get(key).fn
    return lambda x, out: out.copy_(f(x, **p))


def _fine_grid(half_width: float = 20.0, h: float = 1e-3) -> torch.Tensor:
    # integer multiples of h, so 0 (and every kink at a round number) is hit exactly
    m = int(round(half_width / h))
    return torch.arange(-m, m + 1, dtype=torch.float64) * h


@functools.lru_cache(maxsize=256)
def _max_abs_derivative(key: str, params_items: tuple) -> float:
    """max |f'| over a fine grid on [-20, 20] (pure, so caching it is safe)."""
    return derivative(key, _fine_grid(), dict(params_items)).abs().max().item()


def inactive_mask(
    key: str, pre: torch.Tensor, threshold: float = 0.99, params: Mapping[str, float] | None = None
) -> torch.Tensor:
    """Which units pass (almost) no gradient, as a bool tensor of the layer-output shape.

    - saturating entries: f'(x) < f'_max * (1 - threshold^2), f'_max = max |f'| on a fine grid.
      For tanh this is exactly the lecture's |tanh(x)| > threshold (f' = 1 - t^2); for sigmoid
      |2 sigma(x) - 1| > threshold. A function with f' = 0 everywhere (step) is always inactive.
    - other entries: f'(x) == 0 exactly (a dead ReLU unit; never for leaky ReLU or ELU).
    - maxout: never (some piece always passes the gradient): all False.
    Computed in the dtype of ``pre`` with the closed-form f'. So in float32 a GELU unit far below
    x = -13 counts as inactive: its f' underflows to 0 and it really gets no gradient.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold}")
    act = get(key)
    p = resolve_params(key, params)
    pre = _as_float(pre).detach()
    if act.width_multiplier is not None:
        k = width_multiplier(key, p)
        if pre.shape[-1] % k:
            raise ValueError(f"maxout with k={k} needs a width divisible by {k}, got {pre.shape[-1]}")
        return torch.zeros(*pre.shape[:-1], pre.shape[-1] // k, dtype=torch.bool)
    fprime = _fast_derivative(act, pre, p)
    if not act.saturating:
        return fprime == 0
    fmax = _max_abs_derivative(key, tuple(sorted(p.items())))
    if fmax == 0.0:
        return torch.ones_like(pre, dtype=torch.bool)
    return fprime.abs() < fmax * (1.0 - threshold * threshold)


# ----------------------------------------------------------------------------------------
# Tables for the charts


def _keys_tuple(keys: str | Iterable[str]) -> tuple[str, ...]:
    keys = (keys,) if isinstance(keys, str) else tuple(keys)
    for k in keys:
        get(k)  # fail early on an unknown key
    return keys


def curves(
    keys: str | Iterable[str],
    params_by_key: Mapping[str, Mapping[str, float]] | None = None,
    x_min: float = -5.0,
    x_max: float = 5.0,
    n: int = 401,
) -> pd.DataFrame:
    """f and f' on an even grid of ``n`` points in [x_min, x_max], long format.

    Columns: activation (key), name (display name), x, kind ("f" or "df"), value.
    f' comes from autograd. Maxout is drawn with its illustrative fixed pieces.
    """
    if not (x_min < x_max) or n < 2:
        raise ValueError("need x_min < x_max and n >= 2")
    params_by_key = params_by_key or {}
    x = torch.linspace(x_min, x_max, n, dtype=torch.float64)
    xs = x.numpy()
    frames = []
    for key in _keys_tuple(keys):
        params = params_by_key.get(key)
        for kind, values in (("f", apply(key, x, params)), ("df", derivative(key, x, params))):
            frames.append(
                pd.DataFrame(
                    {
                        "activation": key,
                        "name": REGISTRY[key].name,
                        "x": xs,
                        "kind": kind,
                        "value": values.detach().numpy().astype(np.float64),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def signal_propagation(
    keys: str | Iterable[str],
    input_stds: Iterable[float] = (0.25, 0.5, 1, 2, 4),
    n: int = 200_000,
    seed: int = 0,
    params_by_key: Mapping[str, Mapping[str, float]] | None = None,
) -> pd.DataFrame:
    """How one layer of each activation transforms Gaussian pre-activations x ~ N(0, input_std^2).

    Monte Carlo with ``n`` samples from a local generator (the same draws for every key).
    Uses ``layer``, so maxout takes the max of k independent Gaussians per output.

    Columns:
      activation, name, input_std
      out_mean, out_std      mean and std of the layer output
      mean_sq_deriv          E[f'(x)^2], the backward factor on gradient variance (autograd;
                             for maxout, the mean over the k*n inputs of (dh/dz)^2 = 1/k)
      preserving_gain        g = 1 / sqrt(E[f(x)^2]) for x ~ N(0, 1), the same on every row: with
                             W = g * randn / sqrt(fan_in), the next pre-activation then has
                             variance g^2 E[f(x)^2] = 1 again (second moment, not variance, is
                             what a zero-mean linear layer carries). relu -> sqrt(2), tanh -> 1.59.
      registry_gain          gain_for(key, params), the registry's recommendation
    """
    if n < 2:
        raise ValueError("n must be at least 2")
    params_by_key = params_by_key or {}
    stds = [float(s) for s in input_stds]
    rows = []
    for key in _keys_tuple(keys):
        p = resolve_params(key, params_by_key.get(key))
        k = width_multiplier(key, p)
        g = torch.Generator().manual_seed(seed)
        z = torch.randn(n, k, generator=g, dtype=torch.float64)  # (n, k); k = 1 element-wise

        def one_layer(std: float):
            pre = (std * z).requires_grad_(True)
            with torch.enable_grad():
                out = layer(key, pre, p)
                if out.requires_grad:
                    (d,) = torch.autograd.grad(out.sum(), pre)
                else:
                    d = torch.zeros_like(pre)
            return out.detach(), d

        out1, _ = one_layer(1.0)
        preserving = 1.0 / math.sqrt(out1.pow(2).mean().item())
        registry_gain = gain_for(key, p)
        for std in stds:
            out, d = one_layer(std)
            rows.append(
                {
                    "activation": key,
                    "name": REGISTRY[key].name,
                    "input_std": std,
                    "out_mean": out.mean().item(),
                    "out_std": out.std().item(),
                    "mean_sq_deriv": d.pow(2).mean().item(),
                    "preserving_gain": preserving,
                    "registry_gain": registry_gain,
                }
            )
    columns = ["activation", "name", "input_std", "out_mean", "out_std", "mean_sq_deriv",
               "preserving_gain", "registry_gain"]
    return pd.DataFrame(rows, columns=columns)


# ----------------------------------------------------------------------------------------
# Properties, measured


def computed_properties(key: str, params: Mapping[str, float] | None = None) -> dict[str, bool]:
    """The five textbook properties measured numerically on the element-wise curve (float64).

    - zero_centred: f(0) = 0 (|f(0)| < 1e-6) and, for x ~ N(0, 1), |E f(x)| < 0.3 std f(x)
      (exact normal quadrature on a grid). tanh, softsign, hardtanh, identity, SELU (0.00) and
      ELU (0.20) pass; SiLU (0.37), Mish (0.38), PReLU (0.45), GELU (0.48), ReLU (0.68),
      sigmoid, softplus and step do not.
    - monotonic: f'(x) >= -1e-6 on a grid of [-20, 20] (step 1e-3); i.e. non-decreasing.
    - bounded: bounded on both sides: max |f| over [-1000, 1000] is less than 1.1 x max |f| over
      [-100, 100] (anything unbounded grows ~10x; tanh, softsign, step do not grow).
    - smooth: C^1, f and f' continuous: no jump larger than 0.05 in f or in f' between grid
      points 1e-3 apart on [-10, 10]. Kinks (ReLU, hardtanh, SELU, maxout) and the step's jump
      fail; ELU with alpha = 1 passes (both one-sided slopes are 1), other alphas fail.
    - saturating: f' -> 0 on BOTH sides: |f'(+-1000)| <= 1e-3 max |f'|. sigmoid, tanh, hardtanh,
      softsign, step pass; ReLU, ELU, GELU, softplus (one-sided) do not.
    f' is from autograd.
    """
    p = resolve_params(key, params)
    f = lambda t: apply(key, t, p)  # noqa: E731
    df = lambda t: derivative(key, t, p)  # noqa: E731
    dt = torch.float64

    # zero-centred: normal quadrature on [-12, 12]
    z = _fine_grid(12.0)
    w = torch.exp(-0.5 * z * z)
    w = w / w.sum()
    fz = f(z)
    mean = (w * fz).sum().item()
    std = math.sqrt((w * (fz - mean) ** 2).sum().item())
    f0 = f(torch.zeros(1, dtype=dt)).item()
    zero_centred = abs(f0) < 1e-6 and abs(mean) < 0.3 * std

    grid = _fine_grid(20.0)
    dgrid = df(grid)
    monotonic = bool((dgrid >= -1e-6).all())

    def max_abs(r: float) -> float:
        return f(torch.linspace(-r, r, 4001, dtype=dt)).abs().max().item()

    bounded = max_abs(1000.0) < 1.1 * max_abs(100.0)

    g10 = _fine_grid(10.0)
    jumps_f = f(g10).diff().abs().max().item()
    jumps_df = df(g10).diff().abs().max().item()
    smooth = jumps_f < 0.05 and jumps_df < 0.05

    fmax = dgrid.abs().max().item()
    tails = df(torch.tensor([-1000.0, 1000.0], dtype=dt)).abs().max().item()
    saturating = tails <= 1e-3 * fmax

    return {
        "zero_centred": bool(zero_centred),
        "monotonic": monotonic,
        "bounded": bool(bounded),
        "smooth": bool(smooth),
        "saturating": bool(saturating),
    }
