"""The maths behind the registry: element-wise functions, their closed-form derivatives, the
init gains that are formulas, and the ATen kernels the trainer calls directly.

Each fn takes a float tensor and its parameters as keywords; each grad is grad(x, y, **params)
with y = fn(x), so it can reuse the forward's output (tanh, sigmoid). The tests check every
grad against autograd. Registry entries (registry.py) wire these together, one entry each.
"""

from __future__ import annotations

import math
import types
from collections.abc import Callable
from typing import Any

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


def identity(x: torch.Tensor) -> torch.Tensor:
    return x


def ones(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.ones_like(x)


def zeros(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.zeros_like(x)


class _Heaviside(torch.autograd.Function):
    """Step forward, zero gradient backward: torch.heaviside has no derivative registered,
    and (x > 0).float() drops out of the graph; this keeps the graph (weights get a zero
    gradient, exactly the historical problem) instead of crashing a trainer."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor) -> torch.Tensor:
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx: Any, grad_out: torch.Tensor) -> torch.Tensor:
        return torch.zeros_like(grad_out)


def step(x: torch.Tensor) -> torch.Tensor:
    # torch's stubs leave Function.apply untyped (it returns Any)
    y: torch.Tensor = _Heaviside.apply(x)  # type: ignore[no-untyped-call]
    return y


def sigmoid_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return y * (1 - y)


def tanh_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return 1 - y * y


def hardtanh_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    # torch's hardtanh backward passes gradient only strictly inside (-1, 1)
    return ((x > -1) & (x < 1)).to(x.dtype)


def relu_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return (x > 0).to(x.dtype)  # 0 at x = 0, as torch's relu backward


def leaky_relu(x: torch.Tensor, alpha: float = 0.01) -> torch.Tensor:
    return F.leaky_relu(x, negative_slope=alpha)


def leaky_relu_grad(x: torch.Tensor, y: torch.Tensor, alpha: float = 0.01) -> torch.Tensor:
    return torch.where(x > 0, torch.ones_like(x), torch.full_like(x, alpha))


def prelu(x: torch.Tensor, a: float | torch.Tensor = 0.25) -> torch.Tensor:
    # a may be a float or a 1-element tensor (a trainer's nn.Parameter keeps its graph)
    return F.prelu(x, torch.as_tensor(a, dtype=x.dtype, device=x.device).reshape(1))


def prelu_grad(x: torch.Tensor, y: torch.Tensor, a: float | torch.Tensor = 0.25) -> torch.Tensor:
    return torch.where(x > 0, torch.ones_like(x), torch.as_tensor(a, dtype=x.dtype).expand_as(x))


def elu(x: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    return F.elu(x, alpha=alpha)


def elu_grad(x: torch.Tensor, y: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    # alpha * e^x, not y + alpha: in float32 y + alpha cancels to 0 below x ~ -17
    return torch.where(x > 0, torch.ones_like(x), alpha * torch.exp(x.clamp(max=0)))


def selu_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    neg = SELU_LAMBDA * SELU_ALPHA * torch.exp(x.clamp(max=0))  # no cancellation, as ELU
    return torch.where(x > 0, torch.full_like(x, SELU_LAMBDA), neg)


def _normal_cdf(x: torch.Tensor) -> torch.Tensor:
    return 0.5 * (1 + torch.erf(x / math.sqrt(2.0)))


def gelu(x: torch.Tensor) -> torch.Tensor:
    return F.gelu(x, approximate="none")


def gelu_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    pdf = torch.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
    return _normal_cdf(x) + x * pdf


def gelu_tanh(x: torch.Tensor) -> torch.Tensor:
    return F.gelu(x, approximate="tanh")


def gelu_tanh_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    t = torch.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_C * x**3))
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_C * x * x)


def silu(x: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    if beta == 1.0:
        return F.silu(x)
    return x * torch.sigmoid(beta * x)


def silu_grad(x: torch.Tensor, y: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    s = torch.sigmoid(beta * x)
    return s + beta * x * s * (1 - s)


def mish_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    t = torch.tanh(F.softplus(x))
    return t + x * torch.sigmoid(x) * (1 - t * t)


def softplus(x: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    return F.softplus(x, beta=beta)


def softplus_grad(x: torch.Tensor, y: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    return torch.sigmoid(beta * x)


def softsign_grad(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return 1 / (1 + x.abs()) ** 2


def _maxout_slopes(k: float, like: torch.Tensor) -> torch.Tensor:
    """The illustrative pieces of the maxout curve: slopes s_i evenly spaced in [-1, 1]."""
    return torch.linspace(-1.0, 1.0, int(k), dtype=like.dtype, device=like.device)


def maxout_curve(x: torch.Tensor, k: float = 2) -> torch.Tensor:
    # Only for drawing: a real maxout unit takes the max of k *learned* linear units of the
    # previous layer (see registry.layer). Here: max_i (s_i x - s_i^2), the tangents of x^2 / 4
    # at x = 2 s_i, a convex piecewise-linear curve (k=2 gives |x| - 1).
    s = _maxout_slopes(k, x)
    return (x.unsqueeze(-1) * s - s * s).amax(-1)


def maxout_curve_grad(x: torch.Tensor, y: torch.Tensor, k: float = 2) -> torch.Tensor:
    s = _maxout_slopes(k, x)
    return s[(x.unsqueeze(-1) * s - s * s).argmax(-1)]  # slope of the winning piece


def softmax(logits: torch.Tensor, dim: int = -1) -> torch.Tensor:
    return F.softmax(logits, dim=dim)


# ----------------------------------------------------------------------------------------
# Gains


def fixed(gain: float) -> Callable[..., float]:
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
