"""The lecture's deep MLP: N x [Linear -> (BatchNorm) -> activation], and its health statistics.

    result = train_deep(DeepConfig(gain=5/3), DeepTrain(steps=1000), names_dataset())
    result.layer_stats  # phase, layer, mean, std, saturated_pct, grad_mean, grad_std

This is the second half of the lecture: with many layers, the init gain decides whether the
signal (and the gradient) keeps its scale with depth. Linear layers have no bias (as in the
lecture) and weights randn / sqrt(fan_in) * gain. The network is small, so plain autograd is
fast enough; only one config trains at a time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

import pandas as pd
import torch
import torch.nn.functional as F

from core import activations as A
from core.data import Dataset
from core.diagnostics import histogram

SATURATION = 0.97  # the lecture's threshold for "saturated" in the deep-net plots (|t| > 0.97)
BN_MOMENTUM = 0.1  # torch's default, as the lecture's BatchNorm1d class
BN_EPS = 1e-5


@dataclass(frozen=True)
class DeepConfig:
    """A stack of hidden layers on the names data."""

    activation: str = "tanh"  # registry key (ignored when linear_only)
    n_layers: int = 5  # hidden layers
    n_hidden: int = 100  # units per hidden layer
    gain: float = 5 / 3  # W = randn(fan_in, fan_out) / sqrt(fan_in) * gain (the output layer: no gain)
    batchnorm: bool = False  # BatchNorm after each Linear (also after the output Linear, as the lecture)
    linear_only: bool = False  # no activation at all: shows vanishing/exploding with depth alone
    n_embd: int = 10
    block_size: int = 3
    vocab_size: int = 27
    last_layer_scale: float = 0.1  # make the first softmax less confident (W_out, or BN gamma, * 0.1)


@dataclass(frozen=True)
class DeepTrain:
    steps: int = 1000
    batch_size: int = 32
    lr: float = 0.1
    seed: int = 2147483647
    probe_examples: int = 1000  # training examples used for the per-layer statistics


@dataclass(frozen=True, eq=False)
class DeepResult:
    """Frames (long format). `phase` is "init" (step 0) or "trained" (after the last step).

    layer_stats:  phase, layer, mean, std, saturated_pct, grad_mean, grad_std
                  (activation outputs of each hidden layer, and dL/d(output) on the probe batch)
    layer_hist:   phase, layer, kind ("activation" | "gradient"), bin_start, bin_end, count, fraction
    weight_stats: phase, param, shape, grad_mean, grad_std, data_std, grad_data_ratio
    weight_hist:  phase, param, bin_start, bin_end, count, fraction
    updates:      step, param, ratio   (log10 std(lr * grad) / std(param), every step)
    loss:         step, loss           (minibatch loss)
    diverged_at:  first step whose loss was NaN/inf, or None
    """

    layer_stats: pd.DataFrame
    layer_hist: pd.DataFrame
    weight_stats: pd.DataFrame
    weight_hist: pd.DataFrame
    updates: pd.DataFrame
    loss: pd.DataFrame
    diverged_at: int | None


class _Probe(TypedDict):
    """What _probe measures on the probe batch at one phase."""

    phase: str  # "init" or "trained"
    hidden: list[torch.Tensor]  # each hidden layer's output
    hgrad: list[torch.Tensor]  # dL/d(that output)
    params: dict[str, torch.Tensor]
    pgrad: dict[str, torch.Tensor]  # dL/d(param)


class _DeepNet:
    """Parameters and the forward pass; lives inside one call, never cached or shared."""

    def __init__(self, cfg: DeepConfig, seed: int):
        g = torch.Generator().manual_seed(seed)
        self.cfg = cfg
        self.C = torch.randn((cfg.vocab_size, cfg.n_embd), generator=g)
        sizes = [cfg.n_embd * cfg.block_size] + [cfg.n_hidden] * cfg.n_layers + [cfg.vocab_size]
        self.W = []  # weights (fan_in, fan_out)
        for i, (fi, fo) in enumerate(zip(sizes, sizes[1:])):
            w = torch.randn((fi, fo), generator=g) / math.sqrt(fi)
            last = i == len(sizes) - 2
            if not last:
                w = w * cfg.gain
            elif not cfg.batchnorm:
                w = w * cfg.last_layer_scale
            self.W.append(w)
        self.gamma, self.beta, self.run_mean, self.run_var = [], [], [], []
        if cfg.batchnorm:
            for i, fo in enumerate(sizes[1:]):
                scale = cfg.last_layer_scale if i == len(sizes) - 2 else 1.0
                self.gamma.append(torch.full((fo,), scale))
                self.beta.append(torch.zeros(fo))
                self.run_mean.append(torch.zeros(fo))
                self.run_var.append(torch.ones(fo))
        for p in self.params().values():
            p.requires_grad_(True)
        self.act_params = {} if cfg.linear_only else A.resolve_params(cfg.activation)

    def params(self) -> dict[str, torch.Tensor]:
        out = {"C": self.C}
        for i, w in enumerate(self.W):
            out[f"W{i + 1}"] = w
        for i, (gm, bt) in enumerate(zip(self.gamma, self.beta)):
            out[f"bngain{i + 1}"] = gm
            out[f"bnbias{i + 1}"] = bt
        return out

    def forward(self, X: torch.Tensor, train: bool = True) -> tuple[torch.Tensor, list[torch.Tensor]]:
        """Logits, and the output of each hidden layer (kept for statistics)."""
        x = self.C[X].view(X.shape[0], -1)
        hidden: list[torch.Tensor] = []
        for i, w in enumerate(self.W):
            x = x @ w
            if self.cfg.batchnorm:
                x = F.batch_norm(
                    x,
                    self.run_mean[i],
                    self.run_var[i],
                    self.gamma[i],
                    self.beta[i],
                    training=train,
                    momentum=BN_MOMENTUM,
                    eps=BN_EPS,
                )
            if i < len(self.W) - 1:
                if not self.cfg.linear_only:
                    x = A.layer(self.cfg.activation, x, self.act_params)
                hidden.append(x)
        return x, hidden


def train_deep(
    cfg: DeepConfig, tcfg: DeepTrain, data: Dataset, progress: Callable[[int, int], None] | None = None
) -> DeepResult:
    """Train the deep MLP with SGD and record its health at init and after training.

    Divergence (NaN/inf loss) stops training; `diverged_at` says where, and the "trained"
    statistics are then those of the last finite step.
    """
    if not cfg.linear_only and cfg.activation not in A.REGISTRY:
        raise ValueError(f"unknown activation {cfg.activation!r}")
    if A.width_multiplier(cfg.activation) != 1 and not cfg.linear_only:
        raise ValueError("maxout changes layer widths; the deep page uses element-wise activations")
    net = _DeepNet(cfg, tcfg.seed)
    g = torch.Generator().manual_seed(tcfg.seed + 1)
    Xp, Yp = data.Xtr[: tcfg.probe_examples], data.Ytr[: tcfg.probe_examples]
    stats = [_probe(net, Xp, Yp, "init")]
    losses: list[float] = []
    upd: list[torch.Tensor] = []
    diverged_at: int | None = None
    report = max(1, tcfg.steps // 100)
    names = list(net.params())
    last_good: int | None = None
    for step in range(tcfg.steps):
        ix = torch.randint(0, data.Xtr.shape[0], (tcfg.batch_size,), generator=g)
        logits, _ = net.forward(data.Xtr[ix])
        loss = F.cross_entropy(logits, data.Ytr[ix])
        if not torch.isfinite(loss):
            diverged_at = step
            break
        params = list(net.params().values())
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            ratios = torch.stack([(tcfg.lr * gr).std() / p.std() for p, gr in zip(params, grads)]).log10()
            torch._foreach_add_(params, list(grads), alpha=-tcfg.lr)
        losses.append(loss.item())
        upd.append(ratios)
        if progress is not None and (step + 1) % report == 0:
            progress(step + 1, tcfg.steps)
        last_good = step
    if last_good is not None:  # at least one finite step
        trained = _probe(net, Xp, Yp, "trained")
        if _finite(trained):
            stats.append(trained)
    if progress is not None:
        progress(tcfg.steps, tcfg.steps)
    return _frames(stats, losses, upd, names, diverged_at)


def _finite(probe: _Probe) -> bool:
    return all(torch.isfinite(h).all() for h in probe["hidden"])


def _probe(net: _DeepNet, X: torch.Tensor, Y: torch.Tensor, phase: str) -> _Probe:
    """Forward + backward on the probe batch (train-mode BN, as during training), no update."""
    logits, hidden = net.forward(X, train=True)
    for h in hidden:
        h.retain_grad()
    params = net.params()
    loss = F.cross_entropy(logits, Y)
    for p in params.values():
        p.grad = None
    torch.autograd.backward(loss)  # loss.backward(), which torch's stubs leave untyped
    out: _Probe = {
        "phase": phase,
        "hidden": [h.detach() for h in hidden],
        "hgrad": [h.grad.detach() if h.grad is not None else torch.zeros_like(h) for h in hidden],
        "params": {n: p.detach().clone() for n, p in params.items()},
        # a parameter the loss does not reach has no .grad: its gradient is zero
        "pgrad": {n: p.grad.detach().clone() if p.grad is not None else torch.zeros_like(p) for n, p in params.items()},
    }
    for p in params.values():
        p.grad = None
    return out


def _frames(
    stats: Sequence[_Probe],
    losses: Sequence[float],
    upd: list[torch.Tensor],
    names: list[str],
    diverged_at: int | None,
) -> DeepResult:
    rows: list[dict[str, Any]] = []
    hist_parts: list[pd.DataFrame] = []
    wrows: list[dict[str, Any]] = []
    whist: list[pd.DataFrame] = []
    for s in stats:
        phase = s["phase"]
        for i, (h, gr) in enumerate(zip(s["hidden"], s["hgrad"])):
            rows.append(
                {
                    "phase": phase,
                    "layer": i + 1,
                    "mean": h.mean().item(),
                    "std": h.std().item(),
                    "saturated_pct": 100.0 * (h.abs() > SATURATION).float().mean().item(),
                    "grad_mean": gr.mean().item(),
                    "grad_std": gr.std().item(),
                }
            )
            for kind, t in (("activation", h), ("gradient", gr)):
                hist_parts.append(_own_bins(t, phase=phase, layer=i + 1, kind=kind))
        for n, p in s["params"].items():
            if p.ndim != 2 or n == "C":
                continue  # the lecture's weight-gradient plot shows the 2-D weight matrices
            gr = s["pgrad"][n]
            wrows.append(
                {
                    "phase": phase,
                    "param": n,
                    "shape": "x".join(map(str, p.shape)),
                    "grad_mean": gr.mean().item(),
                    "grad_std": gr.std().item(),
                    "data_std": p.std().item(),
                    "grad_data_ratio": (gr.std() / p.std()).item(),
                }
            )
            whist.append(_own_bins(gr, phase=phase, param=n))
    layer_stats = pd.DataFrame(rows)
    layer_hist = pd.concat(hist_parts, ignore_index=True)
    weight_hist = pd.concat(whist, ignore_index=True)
    if upd:
        u = torch.stack(upd).numpy()  # (steps, params)
        updates = (
            pd.DataFrame(u, columns=names)
            .rename_axis("step")
            .reset_index()
            .melt(id_vars="step", var_name="param", value_name="ratio")
        )
    else:
        updates = pd.DataFrame(columns=["step", "param", "ratio"])
    loss = pd.DataFrame({"step": range(len(losses)), "loss": losses})
    return DeepResult(layer_stats, layer_hist, pd.DataFrame(wrows), weight_hist, updates, loss, diverged_at)


def _own_bins(t: torch.Tensor, bins: int = 60, **keys: str | int) -> pd.DataFrame:
    """One tensor binned on its own edges (its min..max), as torch.histogram in the lecture.

    Shared edges would squeeze a narrow distribution (gradients at init are ~10x narrower than
    after training, hidden-layer weight gradients ~20x narrower than the output layer's) into
    one or two bins. Compare groups by density = fraction / (bin_end - bin_start).
    """
    binned = histogram(pd.DataFrame({"value": t.flatten().numpy()}), "value", by=(), bins=bins)
    return binned.assign(**keys)[[*keys, *binned.columns]]


@torch.no_grad()
def depth_profile(
    cfg: DeepConfig, gains: tuple[float, ...], data: Dataset, seed: int = 2147483647, probe_examples: int = 1000
) -> pd.DataFrame:
    """Std and % saturated of each hidden layer's output at init, for several gains.

    Columns: gain, layer, std, saturated_pct. (Signal propagation across depth: gain too
    small and the std shrinks layer by layer; too big and tanh saturates or linear explodes.)
    """
    rows = []
    X = data.Xtr[:probe_examples]
    for gain in gains:
        net = _DeepNet(DeepConfig(**{**cfg.__dict__, "gain": gain}), seed)
        _, hidden = net.forward(X, train=True)
        for i, h in enumerate(hidden):
            rows.append(
                {
                    "gain": gain,
                    "layer": i + 1,
                    "std": h.std().item(),
                    "saturated_pct": 100.0 * (h.abs() > SATURATION).float().mean().item(),
                }
            )
    return pd.DataFrame(rows)
