"""The maths behind the registry: element-wise functions, their closed-form derivatives, the
init gains that are formulas, and the ATen kernels the trainer calls directly.

Each fn takes a float tensor and its parameters as keywords; each grad is grad(x, y, **params)
with y = fn(x), so it can reuse the forward's output (tanh, sigmoid). The tests check every
grad against autograd. Registry entries (registry.py) wire these together, one entry each.
"""

from __future__ import annotations

import math
import types

import torch
import torch.nn.functional as F

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_LAMBDA = 1.0507009873554804934193349852946
SQRT2 = math.sqrt(2.0)
SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
GELU_TANH_C = 0.044715
SOFTPLUS_THRESHOLD = 20.0  # F.softplus's default: above beta * x > 20 it returns x


# ----------------------------------------------------------------------------------------
# Functions and derivatives, in registry order


def identity(x):
    return x


def ones(x, y):
    return torch.ones_like(x)


def zeros(x, y):
    return torch.zeros_like(x)


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


def step(x):
    return _Heaviside.apply(x)


def sigmoid_grad(x, y):
    return y * (1 - y)


def tanh_grad(x, y):
    return 1 - y * y


def hardtanh_grad(x, y):
    # torch's hardtanh backward passes gradient only strictly inside (-1, 1)
    return ((x > -1) & (x < 1)).to(x.dtype)


def relu_grad(x, y):
    return (x > 0).to(x.dtype)  # 0 at x = 0, as torch's relu backward


def leaky_relu(x, alpha=0.01):
    return F.leaky_relu(x, negative_slope=alpha)


def leaky_relu_grad(x, y, alpha=0.01):
    return torch.where(x > 0, torch.ones_like(x), torch.full_like(x, alpha))


def prelu(x, a=0.25):
    # a may be a float or a 1-element tensor (a trainer's nn.Parameter keeps its graph)
    return F.prelu(x, torch.as_tensor(a, dtype=x.dtype, device=x.device).reshape(1))


def prelu_grad(x, y, a=0.25):
    return torch.where(x > 0, torch.ones_like(x), torch.as_tensor(a, dtype=x.dtype).expand_as(x))


def elu(x, alpha=1.0):
    return F.elu(x, alpha=alpha)


def elu_grad(x, y, alpha=1.0):
    # alpha * e^x, not y + alpha: in float32 y + alpha cancels to 0 below x ~ -17
    return torch.where(x > 0, torch.ones_like(x), alpha * torch.exp(x.clamp(max=0)))


def selu_grad(x, y):
    neg = SELU_LAMBDA * SELU_ALPHA * torch.exp(x.clamp(max=0))  # no cancellation, as ELU
    return torch.where(x > 0, torch.full_like(x, SELU_LAMBDA), neg)


def _normal_cdf(x):
    return 0.5 * (1 + torch.erf(x / math.sqrt(2.0)))


def gelu(x):
    return F.gelu(x, approximate="none")


def gelu_grad(x, y):
    pdf = torch.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
    return _normal_cdf(x) + x * pdf


def gelu_tanh(x):
    return F.gelu(x, approximate="tanh")


def gelu_tanh_grad(x, y):
    t = torch.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_C * x**3))
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_C * x * x)


def silu(x, beta=1.0):
    if beta == 1.0:
        return F.silu(x)
    return x * torch.sigmoid(beta * x)


def silu_grad(x, y, beta=1.0):
    s = torch.sigmoid(beta * x)
    return s + beta * x * s * (1 - s)


def mish_grad(x, y):
    t = torch.tanh(F.softplus(x))
    return t + x * torch.sigmoid(x) * (1 - t * t)


def softplus(x, beta=1.0):
    return F.softplus(x, beta=beta)


def softplus_grad(x, y, beta=1.0):
    return torch.sigmoid(beta * x)


def softsign_grad(x, y):
    return 1 / (1 + x.abs()) ** 2


def _maxout_slopes(k, like):
    """The illustrative pieces of the maxout curve: slopes s_i evenly spaced in [-1, 1]."""
    return torch.linspace(-1.0, 1.0, int(k), dtype=like.dtype, device=like.device)


def maxout_curve(x, k=2):
    # Only for drawing: a real maxout unit takes the max of k *learned* linear units of the
    # previous layer (see registry.layer). Here: max_i (s_i x - s_i^2), the tangents of x^2 / 4
    # at x = 2 s_i, a convex piecewise-linear curve (k=2 gives |x| - 1).
    s = _maxout_slopes(k, x)
    return (x.unsqueeze(-1) * s - s * s).amax(-1)


def maxout_curve_grad(x, y, k=2):
    s = _maxout_slopes(k, x)
    return s[(x.unsqueeze(-1) * s - s * s).argmax(-1)]  # slope of the winning piece


def softmax(logits, dim=-1):
    return F.softmax(logits, dim=dim)


# ----------------------------------------------------------------------------------------
# Gains


def fixed(gain: float):
    """A gain that does not depend on the parameters, as gain_fn(**params)."""
    return lambda **params: gain


def he_gain(negative_slope: float) -> float:
    """He et al. (2015): sqrt(2 / (1 + a^2)); what calculate_gain('leaky_relu', a) returns."""
    return math.sqrt(2.0 / (1.0 + negative_slope**2))


# ----------------------------------------------------------------------------------------
# ATen kernels for the trainer's hand-written backward: f(x) and dy * f'(x), one kernel each


def kernels(*names: str) -> types.SimpleNamespace:
    """The aten ops below, each overload as its C++ callable, looked up once: calling it
    directly skips the overload's Python __call__ (~0.5-1 us; a training step makes 16 such
    calls). Falls back to the overload itself if a torch release renames the attribute."""
    ns = {}
    for name in names:
        packet = getattr(torch.ops.aten, name)
        ops = {o: getattr(packet, o) for o in packet.overloads()}
        ns[name] = types.SimpleNamespace(**{o: getattr(op, "_op", op) for o, op in ops.items()})
    return types.SimpleNamespace(**ns)


# .out / .grad_input: the overload itself, which skips torch.ops' overload resolution per call
aten = kernels(
    "sigmoid",
    "tanh",
    "hardtanh",
    "relu",
    "leaky_relu",
    "elu",
    "gelu",
    "silu",
    "mish",
    "softplus",
    "sigmoid_backward",
    "tanh_backward",
    "hardtanh_backward",
    "threshold_backward",
    "leaky_relu_backward",
    "elu_backward",
    "gelu_backward",
    "silu_backward",
    "mish_backward",
    "softplus_backward",
)
