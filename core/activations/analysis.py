"""Measurements on the registry: curves for the charts, one layer's effect on a signal, the
textbook properties checked numerically, and which units pass (almost) no gradient.

Everything here reads the registry and computes; nothing is declared. The tests assert that
``computed_properties`` agrees with each entry's declared properties.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import torch

from core.activations.registry import (
    REGISTRY,
    Activation,
    apply,
    as_float,
    derivative,
    gain_for,
    get,
    layer,
    resolve_params,
    width_multiplier,
)

PROPERTY_NAMES = ("zero_centred", "monotonic", "bounded", "smooth", "saturating")


# ----------------------------------------------------------------------------------------
# Inactive units


def _fine_grid(half_width: float = 20.0, h: float = 1e-3) -> torch.Tensor:
    # integer multiples of h, so 0 (and every kink at a round number) is hit exactly
    m = int(round(half_width / h))
    return torch.arange(-m, m + 1, dtype=torch.float64) * h


@functools.lru_cache(maxsize=256)
def _max_abs_derivative(key: str, params_items: tuple[tuple[str, float], ...]) -> float:
    """max |f'| over a fine grid on [-20, 20] (pure, so caching it is safe)."""
    return derivative(key, _fine_grid(), dict(params_items)).abs().max().item()


def _fast_derivative(act: Activation, x: torch.Tensor, p: Mapping[str, float]) -> torch.Tensor:
    """Closed-form f'(x) when the entry has one (tested against autograd), else autograd."""
    if act.grad is not None:
        with torch.no_grad():
            return act.grad(x, act.fn(x, **p), **p)
    return derivative(act.key, x, p)


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
    pre = as_float(pre).detach()
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

        def one_layer(  # bound now: called within this iteration
            std: float, z: torch.Tensor = z, key: str = key, p: dict[str, float] = p
        ) -> tuple[torch.Tensor, torch.Tensor]:
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
    columns = [
        "activation",
        "name",
        "input_std",
        "out_mean",
        "out_std",
        "mean_sq_deriv",
        "preserving_gain",
        "registry_gain",
    ]
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

    def f(t: torch.Tensor) -> torch.Tensor:
        return apply(key, t, p)

    def df(t: torch.Tensor) -> torch.Tensor:
        return derivative(key, t, p)

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
