"""The registry: one entry per activation, and the functions that read it.

An entry holds everything about its activation side by side: the function and its
closed-form derivative, the two one-kernel forms the trainer calls (f(x) into a buffer,
dy * f'(x) into a buffer), its init gain as a function of its parameters, its properties and
its history. Nothing elsewhere switches on a key: adding an activation is adding an entry
(its maths in functions.py when it needs more than a torch call; its prose, which is for
people and so per language, in ui/i18n/<lang>/act.py).

Every callable on an entry takes the activation's parameters as keywords, already resolved
(``resolve_params``): fn(x, **p), grad(x, y, **p), forward_into(x, out, **p),
backward_into(dy, x, y, out, **p), gain_fn(**p), width_multiplier(**p).
"""

from __future__ import annotations

import functools
import math
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from numpy.typing import ArrayLike

from core.activations import functions as fx
from core.activations.functions import aten, fixed, he_gain

TensorFn = Callable[..., torch.Tensor]  # every callable on an entry returns a tensor


@dataclass(frozen=True)
class Param:
    """A tunable (slider) parameter of an activation. Its tooltip is act.<key>.param.<name>.help."""

    name: str  # keyword passed to fn, e.g. "alpha"
    default: float
    min: float
    max: float
    step: float  # slider step
    integer: bool = False  # value must be a whole number (maxout's k)


@dataclass(frozen=True)
class Activation:
    """One row of the registry. Properties and ``output_range`` hold for the default params."""

    key: str  # registry key and URL token, e.g. "leaky_relu"; its text is act.<key>.* in ui/i18n
    name: str  # canonical technical name, e.g. "Leaky ReLU" (the app shows act.<key>.name)
    fn: TensorFn  # fn(x, **params) -> Tensor, element-wise
    latex: str  # f(x), for st.latex
    deriv_latex: str  # f'(x)
    params: tuple[Param, ...]
    output_range: tuple[float, float]  # math.inf where unbounded
    zero_centred: bool  # f(0) = 0 and outputs average ~0 for symmetric inputs
    monotonic: bool  # non-decreasing
    bounded: bool  # bounded on both sides
    smooth: bool  # continuously differentiable (C^1)
    saturating: bool  # f'(x) -> 0 as x -> -inf AND as x -> +inf
    gain_fn: Callable[..., float]  # recommended init gain, gain_fn(**params): std of W = gain / sqrt(fan_in)
    gain_torch: str | None  # the torch.nn.init call gain_fn equals, None where torch has none
    year: int  # year introduced
    reference: str  # short citation
    grad: TensorFn | None = None  # closed-form f'(x) as grad(x, y, **params), y = fn(x)
    # One kernel each, written into `out` (a trainer step is dominated by per-op overhead: one
    # op instead of the closed form's three to six, and in place, so a trainer's per-activation
    # slices need no concatenation). None: the trainer falls back to fn / grad.
    forward_into: TensorFn | None = None  # fn(x, out, **params): f(x) into out, the same kernel as fn
    backward_into: TensorFn | None = None  # fn(dy, x, y, out, **params): dy * f'(x) into out, y = fn(x)
    learnable: tuple[str, ...] = ()  # params trained by gradient descent (PReLU's a)
    width_multiplier: Callable[..., float] | None = None  # maxout: (**params) -> k (previous layer k x wider)

    @property
    def gain(self) -> float:
        """The recommended init gain at the default params (``gain_for`` for others)."""
        return self.gain_fn(**{p.name: p.default for p in self.params})


@dataclass(frozen=True)
class OutputFunction:
    """An output-layer function acting on a whole vector of logits (not element-wise)."""

    key: str  # its text is act.<key>.* in ui/i18n
    name: str
    fn: TensorFn  # fn(logits, dim=-1) -> Tensor
    latex: str
    deriv_latex: str  # the Jacobian
    year: int
    reference: str


# ----------------------------------------------------------------------------------------
# The entries. Insertion order is the display order (roughly historical, then families).
# The kernels are the ones autograd itself runs for the entry's torch function (tests check
# each against autograd, and forward_into against fn bit for bit). Entries without them
# (step, prelu, softsign, maxout) train through grad or autograd.

_INF = math.inf

_ENTRIES = (
    Activation(
        key="identity",
        name="Identity (linear)",
        latex=r"f(x) = x",
        deriv_latex=r"f'(x) = 1",
        fn=fx.identity,
        grad=fx.ones,
        forward_into=lambda x, out: out.copy_(x),
        backward_into=lambda dy, x, y, out: out.copy_(dy),
        gain_fn=fixed(1.0),
        gain_torch="calculate_gain('linear')",
        params=(),
        output_range=(-_INF, _INF),
        zero_centred=True,
        monotonic=True,
        bounded=False,
        smooth=True,
        saturating=False,
        year=1960,
        reference="Widrow & Hoff, 1960 (ADALINE)",
    ),
    Activation(
        key="step",
        name="Step (Heaviside)",
        latex=r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        deriv_latex=r"f'(x) = 0 \quad (x \neq 0;\ \text{undefined at } 0)",
        fn=fx.step,
        grad=fx.zeros,
        gain_fn=fixed(1.0),  # cannot be trained by gradient descent anyway
        gain_torch=None,
        params=(),
        output_range=(0.0, 1.0),
        zero_centred=False,
        monotonic=True,
        bounded=True,
        smooth=False,
        saturating=True,
        year=1943,
        reference="McCulloch & Pitts, 1943",
    ),
    Activation(
        key="sigmoid",
        name="Sigmoid (logistic)",
        latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        deriv_latex=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        fn=torch.sigmoid,
        grad=fx.sigmoid_grad,
        forward_into=lambda x, out: aten.sigmoid.out(x, out=out),
        backward_into=lambda dy, x, y, out: aten.sigmoid_backward.grad_input(dy, y, grad_input=out),
        gain_fn=fixed(1.0),
        gain_torch="calculate_gain('sigmoid')",
        params=(),
        output_range=(0.0, 1.0),
        zero_centred=False,
        monotonic=True,
        bounded=True,
        smooth=True,
        saturating=True,
        year=1986,
        reference="Rumelhart, Hinton & Williams, 1986",
    ),
    Activation(
        key="tanh",
        name="Tanh",
        latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        deriv_latex=r"\tanh'(x) = 1 - \tanh^2(x)",
        fn=torch.tanh,
        grad=fx.tanh_grad,
        forward_into=lambda x, out: aten.tanh.out(x, out=out),
        backward_into=lambda dy, x, y, out: aten.tanh_backward.grad_input(dy, y, grad_input=out),
        gain_fn=fixed(5.0 / 3.0),
        gain_torch="calculate_gain('tanh')",
        params=(),
        output_range=(-1.0, 1.0),
        zero_centred=True,
        monotonic=True,
        bounded=True,
        smooth=True,
        saturating=True,
        year=1991,
        reference="LeCun, Kanter & Solla, 1991",
    ),
    Activation(
        key="hardtanh",
        name="Hard tanh",
        latex=r"f(x) = \max\bigl(-1, \min(1, x)\bigr)",
        deriv_latex=r"f'(x) = \begin{cases} 1 & |x| < 1 \\ 0 & |x| > 1 \end{cases}",
        fn=F.hardtanh,
        grad=fx.hardtanh_grad,
        forward_into=lambda x, out: aten.hardtanh.out(x, -1.0, 1.0, out=out),
        backward_into=lambda dy, x, y, out: aten.hardtanh_backward.grad_input(dy, x, -1.0, 1.0, grad_input=out),
        gain_fn=fixed(5.0 / 3.0),  # tanh-like
        gain_torch=None,
        params=(),
        output_range=(-1.0, 1.0),
        zero_centred=True,
        monotonic=True,
        bounded=True,
        smooth=False,
        saturating=True,
        year=2004,
        reference="Collobert, 2004 (PhD thesis)",
    ),
    Activation(
        key="relu",
        name="ReLU",
        latex=r"f(x) = \max(0, x)",
        deriv_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}",
        fn=F.relu,
        grad=fx.relu_grad,
        forward_into=lambda x, out: aten.relu.out(x, out=out),
        backward_into=lambda dy, x, y, out: aten.threshold_backward.grad_input(dy, y, 0.0, grad_input=out),
        gain_fn=fixed(fx.SQRT2),
        gain_torch="calculate_gain('relu')",
        params=(),
        output_range=(0.0, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        year=2010,
        reference="Nair & Hinton, 2010",
    ),
    Activation(
        key="leaky_relu",
        name="Leaky ReLU",
        latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}",
        deriv_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x < 0 \end{cases}",
        fn=fx.leaky_relu,
        grad=fx.leaky_relu_grad,
        forward_into=lambda x, out, alpha: aten.leaky_relu.out(x, alpha, out=out),
        backward_into=lambda dy, x, y, out, alpha: aten.leaky_relu_backward.grad_input(
            dy, x, alpha, False, grad_input=out
        ),
        gain_fn=lambda alpha: he_gain(alpha),
        gain_torch="calculate_gain('leaky_relu', alpha)",
        params=(Param("alpha", 0.01, 0.0, 0.5, 0.01),),
        output_range=(-_INF, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        year=2013,
        reference="Maas, Hannun & Ng, 2013",
    ),
    Activation(
        key="prelu",
        name="PReLU",
        latex=r"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}"
        r"\quad (a \text{ learned})",
        deriv_latex=r"\frac{\partial f}{\partial x} = \begin{cases} 1 & x > 0 \\ a & x < 0"
        r"\end{cases},\quad \frac{\partial f}{\partial a} = \min(0, x)",
        fn=fx.prelu,
        grad=fx.prelu_grad,
        learnable=("a",),  # trained by autograd (the trainer needs da), so no fused kernels
        gain_fn=lambda a: he_gain(a),  # He et al. derived the leaky formula for PReLU
        gain_torch="calculate_gain('leaky_relu', a)",
        params=(Param("a", 0.25, 0.0, 1.0, 0.01),),
        output_range=(-_INF, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        year=2015,
        reference="He, Zhang, Ren & Sun, 2015",
    ),
    Activation(
        key="elu",
        name="ELU",
        latex=r"f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        deriv_latex=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} = f(x) + \alpha & x \le 0"
        r"\end{cases}",
        fn=fx.elu,
        grad=fx.elu_grad,
        forward_into=lambda x, out, alpha: aten.elu.out(x, alpha, 1.0, 1.0, out=out),
        backward_into=lambda dy, x, y, out, alpha: aten.elu_backward.grad_input(
            dy, alpha, 1.0, 1.0, False, x, grad_input=out
        ),
        gain_fn=fixed(fx.SQRT2),  # ReLU-like
        gain_torch=None,
        params=(Param("alpha", 1.0, 0.1, 3.0, 0.1),),
        output_range=(-1.0, _INF),
        zero_centred=True,
        monotonic=True,
        bounded=False,
        smooth=True,  # C^1 only for alpha = 1 (the default): both one-sided slopes are 1 at 0
        saturating=False,
        year=2015,
        reference="Clevert, Unterthiner & Hochreiter, 2015",
    ),
    Activation(
        key="selu",
        name="SELU",
        latex=r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0"
        r"\end{cases},\ \lambda \approx 1.0507,\ \alpha \approx 1.6733",
        deriv_latex=r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
        fn=F.selu,
        grad=fx.selu_grad,
        # torch's selu is its elu with the two constants
        forward_into=lambda x, out: aten.elu.out(x, fx.SELU_ALPHA, fx.SELU_LAMBDA, 1.0, out=out),
        backward_into=lambda dy, x, y, out: aten.elu_backward.grad_input(
            dy, fx.SELU_ALPHA, fx.SELU_LAMBDA, 1.0, False, x, grad_input=out
        ),
        gain_fn=fixed(0.75),
        gain_torch="calculate_gain('selu')",
        params=(),
        output_range=(-fx.SELU_LAMBDA * fx.SELU_ALPHA, _INF),
        zero_centred=True,
        monotonic=True,
        bounded=False,
        smooth=False,
        saturating=False,
        year=2017,
        reference="Klambauer, Unterthiner, Mayr & Hochreiter, 2017",
    ),
    Activation(
        key="gelu",
        name="GELU",
        latex=r"f(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)",
        deriv_latex=r"f'(x) = \Phi(x) + x\,\varphi(x),\quad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}",
        fn=fx.gelu,
        grad=fx.gelu_grad,
        forward_into=lambda x, out: aten.gelu.out(x, approximate="none", out=out),
        backward_into=lambda dy, x, y, out: aten.gelu_backward.grad_input(dy, x, approximate="none", grad_input=out),
        gain_fn=fixed(fx.SQRT2),  # ReLU-like
        gain_torch=None,
        params=(),
        output_range=(-0.1700, _INF),  # minimum -0.16997 at x = -0.7518
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        year=2016,
        reference="Hendrycks & Gimpel, 2016",
    ),
    Activation(
        key="gelu_tanh",
        name="GELU (tanh approx.)",
        latex=r"f(x) = \frac{x}{2}\left(1 + \tanh\left[\sqrt{2/\pi}\,"
        r"\left(x + 0.044715\,x^{3}\right)\right]\right)",
        deriv_latex=r"f'(x) = \tfrac{1}{2}(1 + t) + \tfrac{x}{2}(1 - t^{2})\sqrt{2/\pi}\,"
        r"(1 + 3 \cdot 0.044715\,x^{2}),\ t = \tanh[\dots]",
        fn=fx.gelu_tanh,
        grad=fx.gelu_tanh_grad,
        forward_into=lambda x, out: aten.gelu.out(x, approximate="tanh", out=out),
        backward_into=lambda dy, x, y, out: aten.gelu_backward.grad_input(dy, x, approximate="tanh", grad_input=out),
        gain_fn=fixed(fx.SQRT2),  # ReLU-like
        gain_torch=None,
        params=(),
        output_range=(-0.1701, _INF),  # minimum -0.17004
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        year=2016,
        reference="Hendrycks & Gimpel, 2016",
    ),
    Activation(
        key="silu",
        name="SiLU / Swish",
        latex=r"f(x) = x\,\sigma(\beta x) = \frac{x}{1 + e^{-\beta x}}",
        deriv_latex=r"f'(x) = \sigma(\beta x) + \beta x\,\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)",
        fn=fx.silu,
        grad=fx.silu_grad,
        # torch's silu kernels only for beta = 1 (as fn); otherwise fn and the closed form
        forward_into=lambda x, out, beta: aten.silu.out(x, out=out) if beta == 1.0 else out.copy_(fx.silu(x, beta)),
        backward_into=lambda dy, x, y, out, beta: (
            aten.silu_backward.grad_input(dy, x, grad_input=out)
            if beta == 1.0
            else torch.mul(dy, fx.silu_grad(x, y, beta), out=out)
        ),
        gain_fn=fixed(fx.SQRT2),  # ReLU-like
        gain_torch=None,
        params=(Param("beta", 1.0, 0.1, 5.0, 0.1),),
        output_range=(-0.2785, _INF),  # minimum -0.27846 at x = -1.2785 (beta = 1)
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        year=2017,
        reference="Elfwing, Uchibe & Doya, 2017; Ramachandran, Zoph & Le, 2017",
    ),
    Activation(
        key="mish",
        name="Mish",
        latex=r"f(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr) = x \tanh\bigl(\ln(1 + e^{x})\bigr)",
        deriv_latex=r"f'(x) = \tanh(s) + x\,\sigma(x)\bigl(1 - \tanh^{2}(s)\bigr),\ s = \ln(1 + e^{x})",
        fn=F.mish,
        grad=fx.mish_grad,
        forward_into=lambda x, out: aten.mish.out(x, out=out),
        backward_into=lambda dy, x, y, out: out.copy_(aten.mish_backward.default(dy, x)),  # no out= overload
        gain_fn=fixed(fx.SQRT2),  # ReLU-like
        gain_torch=None,
        params=(),
        output_range=(-0.3089, _INF),  # minimum -0.30884 at x = -1.1924
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=True,
        saturating=False,
        year=2019,
        reference="Misra, 2019",
    ),
    Activation(
        key="softplus",
        name="Softplus",
        latex=r"f(x) = \frac{1}{\beta} \ln\left(1 + e^{\beta x}\right)",
        deriv_latex=r"f'(x) = \sigma(\beta x)",
        fn=fx.softplus,
        grad=fx.softplus_grad,
        forward_into=lambda x, out, beta: aten.softplus.out(x, beta, fx.SOFTPLUS_THRESHOLD, out=out),
        backward_into=lambda dy, x, y, out, beta: aten.softplus_backward.grad_input(
            dy, x, beta, fx.SOFTPLUS_THRESHOLD, grad_input=out
        ),
        gain_fn=fixed(1.0),  # E[f(x)^2] ~ 0.92 at unit variance
        gain_torch=None,
        params=(Param("beta", 1.0, 0.1, 5.0, 0.1),),
        output_range=(0.0, _INF),
        zero_centred=False,
        monotonic=True,
        bounded=False,
        smooth=True,
        saturating=False,
        year=2001,
        reference="Dugas, Bengio, Belisle, Nadeau & Garcia, 2001",
    ),
    Activation(
        key="softsign",
        name="Softsign",
        latex=r"f(x) = \frac{x}{1 + |x|}",
        deriv_latex=r"f'(x) = \frac{1}{(1 + |x|)^{2}}",
        fn=F.softsign,
        grad=fx.softsign_grad,
        gain_fn=fixed(5.0 / 3.0),  # tanh-like
        gain_torch=None,
        params=(),
        output_range=(-1.0, 1.0),
        zero_centred=True,
        monotonic=True,
        bounded=True,
        smooth=True,
        saturating=True,
        year=2009,
        reference="Bergstra, Desjardins, Lamblin & Bengio, 2009; Glorot & Bengio, 2010",
    ),
    Activation(
        key="maxout",
        name="Maxout",
        latex=r"h_j(\mathbf{x}) = \max_{i = 1..k} \left(\mathbf{w}_{ij}^{\top}\mathbf{x} + b_{ij}\right)",
        deriv_latex=r"\frac{\partial h_j}{\partial z_{ij}} = \begin{cases} 1 & i = "
        r"\arg\max_{i'} z_{i'j} \\ 0 & \text{otherwise} \end{cases}",
        fn=fx.maxout_curve,  # the illustrative curve; the layer is in layer()
        grad=fx.maxout_curve_grad,
        width_multiplier=lambda k: k,
        gain_fn=fixed(1.0),  # the max of 2 unit Gaussians has second moment 1
        gain_torch=None,
        params=(Param("k", 2, 2, 5, 1, integer=True),),
        output_range=(-_INF, _INF),  # as a layer: the pieces are learned
        zero_centred=False,
        monotonic=False,
        bounded=False,
        smooth=False,
        saturating=False,
        year=2013,
        reference="Goodfellow, Warde-Farley, Mirza, Courville & Bengio, 2013",
    ),
)

REGISTRY: Mapping[str, Activation] = types.MappingProxyType({a.key: a for a in _ENTRIES})
KEYS: tuple[str, ...] = tuple(REGISTRY)

SOFTMAX = OutputFunction(
    key="softmax",
    name="Softmax",
    fn=fx.softmax,
    latex=r"\operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j} e^{z_j}}",
    deriv_latex=r"\frac{\partial p_i}{\partial z_j} = p_i\,(\delta_{ij} - p_j)",
    year=1990,
    reference="Bridle, 1990",
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
    return 1 if act.width_multiplier is None else int(act.width_multiplier(**resolve_params(key, params)))


def gain_for(key: str, params: Mapping[str, float] | None = None) -> float:
    """Recommended init gain for these params: the entry's gain_fn (leaky ReLU and PReLU
    depend on their slope a, sqrt(2 / (1 + a^2)); the others are constants)."""
    return get(key).gain_fn(**resolve_params(key, params))


# ----------------------------------------------------------------------------------------
# Applying and differentiating


def as_float(x: ArrayLike) -> torch.Tensor:
    t = torch.as_tensor(x)
    return t if t.is_floating_point() else t.to(torch.get_default_dtype())


def apply(key: str, x: ArrayLike, params: Mapping[str, float] | None = None) -> torch.Tensor:
    """f(x) element-wise. For maxout this is the illustrative curve; a net uses ``layer``."""
    return get(key).fn(as_float(x), **resolve_params(key, params))


def layer(key: str, pre: torch.Tensor, params: Mapping[str, float] | None = None) -> torch.Tensor:
    """What a hidden layer applies to its pre-activations ``pre`` (..., width).

    Equal to ``apply`` for every entry except maxout, which maps (..., n*k) -> (..., n):
    h_j = max over the group of k consecutive units (k*j .. k*j + k-1).
    """
    p = resolve_params(key, params)
    pre = as_float(pre)
    if get(key).width_multiplier is None:
        return get(key).fn(pre, **p)
    k = width_multiplier(key, p)
    width = pre.shape[-1]
    if width % k:
        raise ValueError(f"maxout with k={k} needs a width divisible by {k}, got {width}")
    return torch.unflatten(pre, -1, (width // k, k)).amax(-1)  # (..., n, k) -> (..., n)


def derivative(key: str, x: ArrayLike, params: Mapping[str, float] | None = None) -> torch.Tensor:
    """f'(x) element-wise, by autograd: the gradient of sum(f(x)) with respect to x."""
    act = get(key)
    p = resolve_params(key, params)
    xt = as_float(x).detach().requires_grad_(True)
    with torch.enable_grad():
        y = act.fn(xt, **p)
        if not y.requires_grad:  # no gradient path at all: f' = 0
            return torch.zeros_like(xt).detach()
        (g,) = torch.autograd.grad(y.sum(), xt)
    return g


# ----------------------------------------------------------------------------------------
# The trainer's one-kernel forms, parameters bound once per training (not per step)


def fused_backward(key: str, params: Mapping[str, float] | None = None) -> Callable[..., torch.Tensor] | None:
    """``backward(dy, x, y, out)``: writes dy * f'(x) into ``out`` in one kernel (params bound)
    and returns it, or None if the entry has none (then use ``grad`` or autograd). ``y`` must
    be ``fn(x)`` (tanh, sigmoid, relu read it instead of x). For trainers: the app's curves use
    ``derivative``."""
    fn = get(key).backward_into
    return None if fn is None else functools.partial(fn, **resolve_params(key, params))


def forward_into(key: str, params: Mapping[str, float] | None = None) -> Callable[..., torch.Tensor]:
    """``forward(x, out)``: writes f(x) into ``out`` and returns it (params bound), with the
    entry's own kernel where torch has an out= form, else by a copy. Element-wise entries only."""
    act = get(key)
    p = resolve_params(key, params)
    if act.forward_into is not None:
        return functools.partial(act.forward_into, **p)
    f = act.fn
    return lambda x, out: out.copy_(f(x, **p))
