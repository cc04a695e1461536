"""The lecture's deep MLP: N x [Linear -> (BatchNorm) -> activation], and its health statistics.

    result = train_deep(DeepConfig(gain=5/3), DeepTrain(steps=1000), names_dataset())
    result.layer_stats  # phase, layer, mean, std, saturated_pct, grad_mean, grad_std

    # a class asking for 20 gains: one stacked computation, each result as if trained alone
    results = train_deep_many([DeepConfig(gain=g) for g in gains], DeepTrain(steps=2000), data)

This is the second half of the lecture: with many layers, the init gain decides whether the
signal (and the gradient) keeps its scale with depth. Linear layers have no bias (as in the
lecture) and weights randn / sqrt(fan_in) * gain.

K configs of one shape (``deep_shape_key``) train together: every tensor carries a leading
variant axis K, the Linears are batched matmuls, and the backward is written by hand (at
batch 32 a step is a few MFLOP, so per-op overhead decides the time, and autograd adds a node
per op). Every op works on each variant's slab alone, so a config gets the same bits in any
stack, at any position, as alone (with one torch thread, as ``core.runtime.configure`` sets).
Shapes: K variants, B examples, T = block_size, E = n_embd, F = T*E, H = n_hidden, V = vocab,
L = n_layers.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F

from core import activations as A
from core.data import Dataset

SATURATION = 0.97  # the lecture's threshold for "saturated" in the deep-net plots (|t| > 0.97)
BN_EPS = 1e-5
HIST_BINS = 60

_CHUNK = 250  # minibatches drawn at once (the same stream as one randint per step)
_PROBE_VARIANTS = 4  # variants probed at once: 1000 examples cost ~12 MB of activations each
_PAD = 64  # floats: the flat buffers are padded so element-wise ops over them have no scalar tail


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


# (batchnorm, linear_only, n_layers, n_hidden, n_embd, block_size, vocab_size)
DeepShapeKey = tuple[bool, bool, int, int, int, int, int]


def deep_shape_key(cfg: DeepConfig) -> DeepShapeKey:
    """Configs with equal keys can train in one stacked computation (``train_deep_many``).

    The gain and last_layer_scale only change values drawn at init, and the activation is
    applied per contiguous run of variants, so those may differ within a stack.
    """
    return (cfg.batchnorm, cfg.linear_only, cfg.n_layers, cfg.n_hidden, cfg.n_embd, cfg.block_size, cfg.vocab_size)


# -- parameters ------------------------------------------------------------------------------
# One group per kind of parameter, stored (layers, K, numel): a layer's (K, fan_in, fan_out)
# is contiguous, and one std over the last axis gives every layer of every variant at once.
Layout = list[tuple[str, int, tuple[int, ...]]]  # (group, layers in it, one layer's shape)


def _layout(c: DeepConfig) -> Layout:
    Fi, H, V, L = c.n_embd * c.block_size, c.n_hidden, c.vocab_size, c.n_layers
    out: Layout = [("C", 1, (V, c.n_embd)), ("W_in", 1, (Fi, H)), ("W_hid", L - 1, (H, H)), ("W_out", 1, (H, V))]
    out = [group for group in out if group[1] > 0]  # one hidden layer: no hidden-to-hidden weights
    if c.batchnorm:
        out += [("gain_hid", L, (1, H)), ("bias_hid", L, (1, H)), ("gain_out", 1, (1, V)), ("bias_out", 1, (1, V))]
    return out


def _param_names(c: DeepConfig) -> list[str]:
    """The lecture's names in its order: C, W1..W(L+1), then bngain1, bnbias1, bngain2, ..."""
    names = ["C", *[f"W{i + 1}" for i in range(c.n_layers + 1)]]
    if c.batchnorm:
        names += [f"bn{kind}{i + 1}" for i in range(c.n_layers + 1) for kind in ("gain", "bias")]
    return names


def _storage_order(c: DeepConfig) -> list[str]:
    """param_names in the order the groups of _layout store them."""
    n = c.n_layers + 1
    names = ["C", *[f"W{i + 1}" for i in range(n)]]
    if c.batchnorm:
        names += [f"bngain{i + 1}" for i in range(n - 1)] + [f"bnbias{i + 1}" for i in range(n - 1)]
        names += [f"bngain{n}", f"bnbias{n}"]
    return names


@dataclass(frozen=True)
class _Tensors:
    """Stacked parameters (or their gradients) by role, all views of one flat buffer."""

    C: torch.Tensor  # (K, V, E)
    W: tuple[torch.Tensor, ...]  # per Linear (K, fan_in, fan_out)
    gamma: tuple[torch.Tensor, ...]  # per BatchNorm (K, 1, fan_out); empty without
    beta: tuple[torch.Tensor, ...]

    def rows(self, a: int, b: int) -> _Tensors:
        """Variants a..b-1 (contiguous views)."""
        return _Tensors(self.C[a:b], *(tuple(t[a:b] for t in ts) for ts in (self.W, self.gamma, self.beta)))


def _groups(flat: torch.Tensor, K: int, layout: Layout) -> dict[str, torch.Tensor]:
    """(layers, K, numel) views of consecutive pieces of `flat`, one per group."""
    out, at = {}, 0
    for name, n, shape in layout:
        size = n * K * math.prod(shape)
        out[name] = flat[at : at + size].view(n, K, math.prod(shape))
        at += size
    return out


def _by_role(groups: dict[str, torch.Tensor], K: int, layout: Layout) -> _Tensors:
    shape = {name: s for name, _, s in layout}

    def layers(name: str) -> list[torch.Tensor]:
        return [t.view(K, *shape[name]) for t in groups[name]] if name in groups else []

    return _Tensors(
        C=layers("C")[0],
        W=tuple(layers("W_in") + layers("W_hid") + layers("W_out")),
        gamma=tuple(layers("gain_hid") + layers("gain_out")),
        beta=tuple(layers("bias_hid") + layers("bias_out")),
    )


# -- activations -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Block:
    """Variant rows start..stop-1 share one activation: it runs once on their slice."""

    start: int
    stop: int
    forward: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # (z, out) -> h
    backward: Callable[[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]  # (dh, z, h, out)


def _closed_form(
    grad: Callable[..., torch.Tensor],
    p: dict[str, float],
    dy: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    out: torch.Tensor,
) -> torch.Tensor:
    return torch.mul(dy, grad(x, y, **p), out=out)


def _act_blocks(cfgs: Sequence[DeepConfig]) -> tuple[_Block, ...]:
    """Runs of consecutive variants with the same activation (none when linear_only).

    Parameters are the registry's defaults, fixed: PReLU's slope is not trained here."""
    if cfgs[0].linear_only:
        return ()
    runs: list[list[int]] = []  # [start, stop)
    for k, cfg in enumerate(cfgs):
        if runs and cfgs[runs[-1][0]].activation == cfg.activation:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    blocks = []
    for start, stop in runs:
        key = cfgs[start].activation
        p, grad = A.resolve_params(key), A.get(key).grad
        if grad is None:
            raise ValueError(f"{key} has no closed-form derivative; the deep trainer needs one")
        backward = A.fused_backward(key, p) or functools.partial(_closed_form, grad, p)
        blocks.append(_Block(start, stop, A.forward_into(key, p), backward))
    return tuple(blocks)


def _blocks_in(blocks: tuple[_Block, ...], a: int, b: int) -> tuple[_Block, ...]:
    """The blocks of variants a..b-1, renumbered from 0."""
    return tuple(
        dataclasses.replace(blk, start=max(blk.start, a) - a, stop=min(blk.stop, b) - a)
        for blk in blocks
        if blk.start < b and blk.stop > a
    )


# -- forward and backward --------------------------------------------------------------------
@dataclass
class _Pass:
    """What a forward pass keeps for its backward (and for the probe's statistics)."""

    ids: torch.Tensor  # (B*T,) character ids
    inv_b: torch.Tensor  # 1/B, 0-d: a Python number costs a conversion op per use
    x: list[torch.Tensor]  # input of each Linear (K, B, fan_in)
    z: list[torch.Tensor]  # input of each hidden activation (K, B, H)
    hidden: list[torch.Tensor]  # each hidden layer's output (K, B, H)
    bn: list[tuple[torch.Tensor, torch.Tensor]]  # per BatchNorm (xhat, invstd)
    logits: torch.Tensor  # (K, B, V)


def _rows(t: torch.Tensor, blk: _Block, K: int) -> torch.Tensor:
    """The block's variant rows of t (t itself when the block is every row: no view op)."""
    return t if blk.start == 0 and blk.stop == K else t[blk.start : blk.stop]


def _forward(P: _Tensors, blocks: tuple[_Block, ...], X: torch.Tensor) -> _Pass:
    """Embedding, then L x [Linear -> (BatchNorm) -> activation], then Linear (-> BatchNorm).

    BatchNorm always normalises with the batch's own statistics (training mode), as every
    pass here does (training, the probe, the depth profile), so no running statistics."""
    K, B = P.C.shape[0], X.shape[0]
    ids = X.reshape(-1)
    x = P.C.index_select(1, ids).view(K, B, -1)  # (K, B, F)
    fw = _Pass(ids, torch.tensor(1.0 / B), [], [], [], [], x)
    eps = torch.tensor(BN_EPS)
    for i, w in enumerate(P.W):
        fw.x.append(x)
        x = torch.bmm(x, w)
        if P.gamma:
            xhat, invstd = _bn_normalise(x, fw.inv_b, eps)
            fw.bn.append((xhat, invstd))
            x = torch.addcmul(P.beta[i], xhat, P.gamma[i])
        if i == len(P.W) - 1:
            break
        if blocks:
            fw.z.append(x)
            h = torch.empty_like(x)
            for blk in blocks:
                blk.forward(_rows(x, blk, K), _rows(h, blk, K))
            x = h
        fw.hidden.append(x)
    fw.logits = x
    return fw


def _bn_normalise(x: torch.Tensor, inv_b: torch.Tensor, eps: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """xhat = (x - mean) / sqrt(var + eps) over the batch axis, biased variance (as
    F.batch_norm in training mode); also 1 / sqrt(var + eps). x: (K, B, n)."""
    centred = x - x.sum(1, keepdim=True).mul_(inv_b)
    # (not vector_norm: over a strided axis it is ~10x slower than a product and a sum)
    invstd = (centred * centred).sum(1, keepdim=True).mul_(inv_b).add_(eps).rsqrt_()
    return centred.mul_(invstd), invstd


def _bn_backward(
    d: torch.Tensor,
    xhat: torch.Tensor,
    invstd: torch.Tensor,
    gamma: torch.Tensor,
    g_gamma: torch.Tensor,
    g_beta: torch.Tensor,
    inv_b: torch.Tensor,
) -> torch.Tensor:
    """dL/dx from d = dL/dz, z = gamma * xhat + beta; writes dL/dgamma and dL/dbeta.

    dx = gamma * invstd * (d - mean(d) - xhat * mean(d * xhat)), the means over the batch
    being dL/dbeta / B and dL/dgamma / B (the lecture's BatchNorm backward, part 4)."""
    torch.sum(d * xhat, 1, keepdim=True, out=g_gamma)
    torch.sum(d, 1, keepdim=True, out=g_beta)
    shift = torch.addcmul(g_beta * inv_b, xhat, g_gamma * inv_b)
    return (d - shift).mul_(gamma * invstd)


def _backward(
    P: _Tensors, G: _Tensors, blocks: tuple[_Block, ...], fw: _Pass, Y: torch.Tensor, onehot: torch.Tensor
) -> tuple[torch.Tensor, list[torch.Tensor]]:
    """Mean cross-entropy per variant (K,), with every gradient written into G; also
    dL/d(each hidden output). onehot is one_hot(Y) as floats (B, V)."""
    K, B = fw.logits.shape[:2]
    inv_b = fw.inv_b
    loss = torch.log_softmax(fw.logits, 2).gather(2, Y.view(1, B, 1).expand(K, B, 1)).sum(1).view(K)
    loss.mul_(-inv_b)
    # row-wise softmax, then exact ops: each row's bits never depend on its neighbours
    d = torch.softmax(fw.logits, 2).sub_(onehot).mul_(inv_b)  # dL/dlogits
    hgrad: list[torch.Tensor] = []
    for i in reversed(range(len(P.W))):
        if i < len(P.W) - 1:  # d is dL/d(hidden output i)
            hgrad.append(d)
            if blocks:
                dz = torch.empty_like(d)
                for blk in blocks:
                    z, h = _rows(fw.z[i], blk, K), _rows(fw.hidden[i], blk, K)
                    blk.backward(_rows(d, blk, K), z, h, _rows(dz, blk, K))
                d = dz
        if P.gamma:
            xhat, invstd = fw.bn[i]
            d = _bn_backward(d, xhat, invstd, P.gamma[i], G.gamma[i], G.beta[i], inv_b)
        torch.bmm(fw.x[i].transpose(1, 2), d, out=G.W[i])
        d = torch.bmm(d, P.W[i].transpose(1, 2))
    G.C.zero_()
    G.C.index_add_(1, fw.ids, d.view(K, -1, G.C.shape[2]))
    hgrad.reverse()
    return loss, hgrad


def _row_scales(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """1/n and 1/(n-1) as 0-d tensors: a Python number costs a conversion op per use."""
    return torch.tensor(1.0 / n), torch.tensor(1.0 / (n - 1) if n > 1 else math.nan)


def _std_rows(
    t: torch.Tensor, scales: tuple[torch.Tensor, torch.Tensor] | None = None, centred: bool = True
) -> torch.Tensor:
    """Sample std over the last axis, (..., n) -> (...), from float sums.

    centred: sqrt(sum((x - mean)^2) / (n-1)), two passes. Otherwise one pass,
    (sum(x^2) - sum(x)^2 / n) / (n-1): ~4x cheaper on a big tensor, and as exact when the mean
    is small next to the std (weights, gradients), not for BatchNorm's gains (1 +- 1e-3).
    Not torch.std: that is Welford in double, one element at a time (~20x slower than
    centred; the update ratios take a dozen per step), and a std with a single output takes
    another algorithm (a double two-pass), so a variant alone would get other bits than in a
    stack. Sums give each row the same bits however many rows there are."""
    inv_n, inv_dof = _row_scales(t.shape[-1]) if scales is None else scales
    total = t.sum(-1, keepdim=centred)
    if centred:
        sq: torch.Tensor = torch.linalg.vector_norm(t - total.mul_(inv_n), dim=-1)
        return sq.square_().mul_(inv_dof).sqrt_()
    norm: torch.Tensor = torch.linalg.vector_norm(t, dim=-1)
    return norm.square_().sub_(total.square_().mul_(inv_n)).mul_(inv_dof).clamp_min_(0.0).sqrt_()


@dataclass(frozen=True)
class _SpreadRun:
    """Consecutive parameter groups whose layers have one size: their parameters and their
    gradients seen at once, (2, layers * K, numel)."""

    view: torch.Tensor
    scales: tuple[torch.Tensor, torch.Tensor]
    centred: bool  # BatchNorm's gains and biases


class _DeepStack:
    """K same-shaped deep nets: stacked parameters, and their gradients, in one buffer.

    Holds tensors that training mutates, so it lives inside one call, never cached or shared.
    """

    def __init__(self, cfgs: Sequence[DeepConfig], seed: int):
        self.K = K = len(cfgs)
        self.layout = _layout(cfgs[0])
        size = sum(n * K * math.prod(shape) for _, n, shape in self.layout)
        self.size = S = -(-size // _PAD) * _PAD
        self.store = torch.zeros(2 * S)  # parameters, then gradients in the same layout
        self.flat, self.gflat = self.store[:S], self.store[S:]
        self.groups = _groups(self.flat, K, self.layout)
        self.P = _by_role(self.groups, K, self.layout)
        self.G = _by_role(_groups(self.gflat, K, self.layout), K, self.layout)
        self.blocks = _act_blocks(cfgs)
        self._spread = self._spread_views()
        for k, cfg in enumerate(cfgs):
            self._draw(k, cfg, seed)

    def _draw(self, k: int, cfg: DeepConfig, seed: int) -> None:
        """Variant k's init, drawn with its own generator in the lecture's order."""
        g = torch.Generator().manual_seed(seed)
        P, n = self.P, len(self.P.W)
        P.C[k].copy_(torch.randn(P.C.shape[1:], generator=g))
        for i, w in enumerate(P.W):
            fan_in = w.shape[1]
            drawn = torch.randn(w.shape[1:], generator=g) / math.sqrt(fan_in)
            if i < n - 1:
                drawn = drawn * cfg.gain
            elif not cfg.batchnorm:
                drawn = drawn * cfg.last_layer_scale
            w[k].copy_(drawn)
        for i, gm in enumerate(P.gamma):
            gm[k].fill_(cfg.last_layer_scale if i == n - 1 else 1.0)

    def _spread_views(self) -> list[_SpreadRun]:
        runs: list[list[Any]] = []  # [offset, rows, numel, centred]
        at = 0
        for name, n, shape in self.layout:
            m, centred = math.prod(shape), name.startswith(("gain", "bias"))
            if runs and runs[-1][2:] == [m, centred]:
                runs[-1][1] += n * self.K
            else:
                runs.append([at, n * self.K, m, centred])
            at += n * self.K * m
        return [
            _SpreadRun(self.store.as_strided((2, rows, m), (self.size, m, 1), off), _row_scales(m), centred)
            for off, rows, m, centred in runs
        ]

    def step(self, X: torch.Tensor, Y: torch.Tensor, onehot: torch.Tensor) -> torch.Tensor:
        """Forward + backward on a minibatch: loss (K,), gradients in self.G."""
        loss, _ = _backward(self.P, self.G, self.blocks, _forward(self.P, self.blocks, X), Y, onehot)
        return loss

    def spread(self, out: torch.Tensor) -> None:
        """out (2, P, K): std of each parameter ([0]) and of its gradient ([1]) per variant,
        parameters in storage order."""
        parts = [_std_rows(r.view, r.scales, r.centred).view(2, -1, self.K) for r in self._spread]
        torch.cat(parts, 1, out=out)

    def sgd(self, lr: float) -> None:
        self.flat.add_(self.gflat, alpha=-lr)

    def variant_params(self, k: int) -> list[torch.Tensor]:
        return [p[:, k].clone() for p in self.groups.values()]

    def restore(self, k: int, saved: list[torch.Tensor]) -> None:
        for p, s in zip(self.groups.values(), saved):
            p[:, k].copy_(s)


# -- training --------------------------------------------------------------------------------
Progress = Callable[[int, int], None]  # (steps done, steps in all)


@dataclass(frozen=True, eq=False)
class DeepCheckpoint:
    """Where one config's run of `steps` steps ended: what continuing it to more steps needs.

    The minibatch stream depends only on the seed and the step (``_sgd``), so a run continued
    from here to N steps gives the bits of a run of N steps from the start (tested).
    """

    steps: int  # the run's length
    params: tuple[torch.Tensor, ...]  # the variant's parameter groups (storage layout), after the run
    losses: torch.Tensor  # (recorded,) minibatch losses
    spread: torch.Tensor  # (recorded, 2, P): each parameter's and gradient's std, per step
    init: Any  # _Tables: the probe at init
    diverged_at: int | None

    @property
    def nbytes(self) -> int:
        return sum(t.nbytes for t in (*self.params, self.losses, self.spread)) + 64 * 1024  # + the init tables


def _validate(cfgs: Sequence[DeepConfig]) -> None:
    if not cfgs:
        raise ValueError("train_deep_many needs at least one config")
    keys = {deep_shape_key(c) for c in cfgs}
    if len(keys) > 1:
        raise ValueError(f"configs of different deep shapes cannot stack (group them by deep_shape_key): {keys}")
    if cfgs[0].n_layers < 1:
        raise ValueError("the deep net needs at least one hidden layer")
    for cfg in cfgs:
        if cfg.linear_only:
            continue
        if cfg.activation not in A.REGISTRY:
            raise ValueError(f"unknown activation {cfg.activation!r}")
        if A.width_multiplier(cfg.activation) != 1:
            raise ValueError("maxout changes layer widths; the deep page uses element-wise activations")


def train_deep(cfg: DeepConfig, tcfg: DeepTrain, data: Dataset, progress: Progress | None = None) -> DeepResult:
    """Train the deep MLP with SGD and record its health at init and after training.

    Divergence (NaN/inf loss) stops training; `diverged_at` says where, and the "trained"
    statistics are then those of the last finite step. (One config of ``train_deep_many``.)
    """
    return train_deep_many([cfg], tcfg, data, progress)[0]


def train_deep_many(
    cfgs: Sequence[DeepConfig],
    tcfg: DeepTrain,
    data: Dataset,
    progress: Progress | None = None,
) -> list[DeepResult]:
    """Train configs of one deep shape together (same minibatches, tcfg's seed), one result
    each, in order, each exactly what ``train_deep`` gives that config alone.

    A config whose loss turns NaN/inf stops being recorded at that step (its `diverged_at`),
    its "trained" statistics are those of the parameters that produced the last finite loss,
    and the others carry on. progress(done, tcfg.steps) reports steps, as for one config.
    Raises ValueError for configs of different ``deep_shape_key`` (the caller groups them).
    """
    return [r for r, _ in train_deep_runs(cfgs, tcfg, data, progress)]


def train_deep_runs(
    cfgs: Sequence[DeepConfig],
    tcfg: DeepTrain,
    data: Dataset,
    progress: Progress | None = None,
    start: Sequence[DeepCheckpoint] | None = None,
) -> list[tuple[DeepResult, DeepCheckpoint]]:
    """``train_deep_many`` that also returns where each run ended, and can continue runs.

    `start`: one checkpoint per config, all of one length M <= tcfg.steps, each of a run of
    that config with tcfg's other settings on the same data (the caller keys them so): the
    runs then take only steps M .. tcfg.steps, and their results are those of full runs.
    progress(done, total) then counts the steps still to take.
    """
    cfgs = list(cfgs)
    _validate(cfgs)
    if tcfg.steps < 0:
        raise ValueError(f"steps must be >= 0, got {tcfg.steps}")
    if start is not None and (
        len(start) != len(cfgs) or len({c.steps for c in start}) != 1 or start[0].steps > tcfg.steps
    ):
        raise ValueError("start needs one checkpoint per config, all of one length, at most tcfg.steps")
    # same activation next to each other: each function then runs once, on one slice
    order = sorted(range(len(cfgs)), key=lambda i: "" if cfgs[i].linear_only else cfgs[i].activation)
    stacked = [cfgs[i] for i in order]
    begun = None if start is None else [start[i] for i in order]
    with torch.inference_mode():  # no autograd anywhere: the backward is ours
        results = _train(stacked, tcfg, data, progress, begun)
    out: list[tuple[DeepResult, DeepCheckpoint] | None] = [None] * len(cfgs)
    for pos, i in enumerate(order):
        out[i] = results[pos]
    return [r for r in out if r is not None]


def _train(
    cfgs: Sequence[DeepConfig],
    tcfg: DeepTrain,
    data: Dataset,
    progress: Progress | None,
    start: Sequence[DeepCheckpoint] | None = None,
) -> list[tuple[DeepResult, DeepCheckpoint]]:
    net = _DeepStack(cfgs, tcfg.seed)
    Xp, Yp = data.Xtr[: tcfg.probe_examples], data.Ytr[: tcfg.probe_examples]
    if start is None:
        tables = [[t] for t in _probe(net, Xp, Yp, "init")]
    else:
        tables = [[c.init] for c in start]
        for k, c in enumerate(start):
            net.restore(k, list(c.params))
    losses, spread, diverged_at = _sgd(net, tcfg, data, progress, start)
    if any(d != 0 for d in diverged_at) and tcfg.steps > 0:  # someone took a finite step
        for k, t in enumerate(_probe(net, Xp, Yp, "trained")):
            if diverged_at[k] != 0 and t.finite:
                tables[k].append(t)
    if progress is not None:
        begun = 0 if start is None else start[0].steps
        progress(tcfg.steps - begun, tcfg.steps - begun)
    names, stored = _param_names(cfgs[0]), _storage_order(cfgs[0])
    perm = [stored.index(n) for n in names]
    results = []
    for k, stop in enumerate(diverged_at):
        n = tcfg.steps if stop is None else stop
        mine = spread[:n, :, :, k].contiguous()  # element-wise ops below see the same layout for any K
        ratios = (tcfg.lr * mine[:, 1] / mine[:, 0]).log10()[:, perm]
        end = DeepCheckpoint(
            tcfg.steps, tuple(net.variant_params(k)), losses[:n, k].clone(), mine.clone(), tables[k][0], stop
        )
        results.append((_result(tables[k], losses[:n, k].tolist(), ratios, names, stop), end))
    return results


def _sgd(
    net: _DeepStack,
    tcfg: DeepTrain,
    data: Dataset,
    progress: Progress | None,
    start: Sequence[DeepCheckpoint] | None = None,
) -> tuple[torch.Tensor, torch.Tensor, list[int | None]]:
    """SGD on the shared minibatch stream. Returns the minibatch losses (steps, K), the
    parameters' and gradients' spreads (steps, 2, P, K), and each variant's divergence step.

    A variant whose loss is NaN/inf at step s keeps computing (its rows never touch the
    others') but is not recorded from s on, and is left with the parameters of step s: those
    that gave the last finite loss. Stops early when every variant has diverged.
    From checkpoints (`start`, at step M): rows < M come from them, and the stream skips the
    minibatches of steps < M (drawn and dropped: the stream is the same in any chunks)."""
    K, B, steps, V = net.K, tcfg.batch_size, tcfg.steps, net.P.C.shape[1]
    g = torch.Generator().manual_seed(tcfg.seed + 1)
    losses = torch.empty(steps, K)
    spread = torch.empty(steps, 2, sum(n for _, n, _ in net.layout), K)  # see _DeepStack.spread
    diverged_at: list[int | None] = [None] * K
    saved: dict[int, list[torch.Tensor]] = {}
    begun = 0
    if start is not None:
        begun = start[0].steps
        torch.randint(0, data.Xtr.shape[0], (begun, B), generator=g)
        for k, c in enumerate(start):
            n = len(c.losses)
            losses[:n, k], spread[:n, :, :, k] = c.losses, c.spread
            if c.diverged_at is not None:  # its record ended: it carries on unrecorded, as above
                diverged_at[k], saved[k] = c.diverged_at, list(c.params)
    report = max(1, (steps - begun) // 100)
    Xs: tuple[torch.Tensor, ...] = ()
    Ys: tuple[torch.Tensor, ...] = ()
    Os: tuple[torch.Tensor, ...] = ()
    j = 0
    for step in range(begun, steps):
        if all(d is not None for d in diverged_at):
            break
        if j == len(Xs):
            ix = torch.randint(0, data.Xtr.shape[0], (min(_CHUNK, steps - step), B), generator=g)
            Xs, Ys = data.Xtr[ix].unbind(), data.Ytr[ix].unbind()
            Os = F.one_hot(data.Ytr[ix], V).float().unbind()
            j = 0
        loss = net.step(Xs[j], Ys[j], Os[j])
        j += 1
        losses[step] = loss
        if not math.isfinite(loss.sum().item()):  # one cheap check; which variants, only then
            for k in (~torch.isfinite(loss)).nonzero()[:, 0].tolist():
                if diverged_at[k] is None:
                    diverged_at[k] = step
                    saved[k] = net.variant_params(k)
            if all(d is not None for d in diverged_at):
                break
        net.spread(spread[step])
        net.sgd(tcfg.lr)
        if progress is not None and (step + 1 - begun) % report == 0:
            progress(step + 1 - begun, steps - begun)
    for k, params in saved.items():
        net.restore(k, params)
    return losses, spread, diverged_at


# -- the probe and the frames ----------------------------------------------------------------
Columns = dict[str, np.ndarray[Any, Any]]


@dataclass
class _Tables:
    """One variant's statistics at one phase: rows of the stats frames, parts of the histograms."""

    layer_rows: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    layer_hist: list[Columns] = dataclasses.field(default_factory=list)
    weight_rows: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    weight_hist: list[Columns] = dataclasses.field(default_factory=list)
    finite: bool = True  # every hidden output finite (a "trained" phase is dropped otherwise)


def _probe(net: _DeepStack, X: torch.Tensor, Y: torch.Tensor, phase: str) -> list[_Tables]:
    """Forward + backward on the probe batch (no update), summarised per variant at once, a
    few variants at a time (1000 examples x K variants of activations add up)."""
    onehot = F.one_hot(Y, net.P.C.shape[1]).float()
    out = []
    for a in range(0, net.K, _PROBE_VARIANTS):
        b = min(net.K, a + _PROBE_VARIANTS)
        P, G, blocks = net.P.rows(a, b), net.G.rows(a, b), _blocks_in(net.blocks, a, b)
        fw = _forward(P, blocks, X)
        _, hgrad = _backward(P, G, blocks, fw, Y, onehot)
        out += _summarise(phase, fw.hidden, hgrad, P.W, G.W)
    return out


def _summarise(
    phase: str,
    hidden: Sequence[torch.Tensor],
    hgrad: Sequence[torch.Tensor],
    weights: Sequence[torch.Tensor],
    wgrads: Sequence[torch.Tensor],
) -> list[_Tables]:
    """Each variant's _Tables from stacked (K', ...) probe tensors."""
    K = hidden[0].shape[0]
    tables = [_Tables() for _ in range(K)]
    for i, (h, gr) in enumerate(zip(hidden, hgrad)):
        finite = torch.isfinite(h.flatten(1)).all(1).double()
        hs = torch.cat([_slab_stats(h), _saturated(h).unsqueeze(1), _slab_stats(gr), finite.unsqueeze(1)], 1)
        for k, (mean, std, sat, gmean, gstd, fin) in enumerate(hs.tolist()):
            t = tables[k]
            t.finite = t.finite and fin == 1.0
            t.layer_rows.append(
                {
                    "phase": phase,
                    "layer": i + 1,
                    "mean": mean,
                    "std": std,
                    "saturated_pct": sat,
                    "grad_mean": gmean,
                    "grad_std": gstd,
                }
            )
            for kind, v in (("activation", h[k]), ("gradient", gr[k])):
                t.layer_hist += _bins(v, phase=phase, layer=i + 1, kind=kind)
    # the lecture's weight-gradient plot shows the 2-D weight matrices
    for i, (w, gr) in enumerate(zip(weights, wgrads)):
        g_stats, pstd = _slab_stats(gr), _slab_stats(w)[:, 1:]
        ws = torch.cat([g_stats, pstd, g_stats[:, 1:] / pstd], 1).tolist()
        name, shape = f"W{i + 1}", "x".join(map(str, w.shape[1:]))
        for k, (gmean, gs, ps, ratio) in enumerate(ws):
            tables[k].weight_rows.append(
                {
                    "phase": phase,
                    "param": name,
                    "shape": shape,
                    "grad_mean": gmean,
                    "grad_std": gs,
                    "data_std": ps,
                    "grad_data_ratio": ratio,
                }
            )
            tables[k].weight_hist += _bins(gr[k], phase=phase, param=name)
    return tables


def _slab_stats(t: torch.Tensor) -> torch.Tensor:
    """(K, ...) -> (K, 2): mean and sample std of each variant's slab, in double (an
    exploding net's activations reach 1e20, whose squares overflow a float)."""
    rows = t.flatten(1).double()
    return torch.stack([rows.mean(1), _std_rows(rows)], 1)


def _saturated(t: torch.Tensor) -> torch.Tensor:
    """(K, ...) -> (K,): % of each variant's values with |t| > SATURATION, in double."""
    return (t.flatten(1).abs() > SATURATION).double().mean(1).mul_(100.0)


def _bins(t: torch.Tensor, bins: int = HIST_BINS, **keys: str | int) -> list[Columns]:
    """One tensor binned on its own edges (its finite min..max), as torch.histogram in the
    lecture; the same bins as core.diagnostics.histogram(by=()) gives (tests check it), as
    column arrays: a DataFrame per histogram costs ~10 ms, which K variants pay 32 times each.

    Shared edges would squeeze a narrow distribution (gradients at init are ~10x narrower than
    after training, hidden-layer weight gradients ~20x narrower than the output layer's) into
    one or two bins. Compare groups by density = fraction / (bin_end - bin_start).
    """
    v = t.flatten().numpy().astype(np.float64)
    finite = np.isfinite(v)
    if not finite.all():
        v = v[finite]
    if not len(v):
        return []
    lo, hi = v.min(), v.max()
    if hi <= lo:  # a constant: give it a visible width
        lo, hi = lo - 0.5, hi + 0.5
    edges = np.linspace(lo, hi, bins + 1)
    counts, _ = np.histogram(v, bins=edges)
    part: Columns = {n: np.full(bins, k, dtype=object if isinstance(k, str) else np.int64) for n, k in keys.items()}
    part |= {
        "bin_start": edges[:-1],
        "bin_end": edges[1:],
        "count": counts,
        "fraction": counts / max(1, counts.sum()),
    }
    return [part]


def _columns(parts: Sequence[Columns], columns: list[str]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.DataFrame({c: np.concatenate([p[c] for p in parts]) for c in columns})


def _result(
    tables: Sequence[_Tables], losses: list[float], ratios: torch.Tensor, names: list[str], diverged_at: int | None
) -> DeepResult:
    """One variant's frames. ratios: (steps, params) in `names` order."""
    hist = ["bin_start", "bin_end", "count", "fraction"]
    if len(ratios):
        updates = (
            pd.DataFrame(ratios.numpy(), columns=names)
            .rename_axis("step")
            .reset_index()
            .melt(id_vars="step", var_name="param", value_name="ratio")
        )
    else:
        updates = pd.DataFrame(columns=["step", "param", "ratio"])
    return DeepResult(
        layer_stats=pd.DataFrame([r for t in tables for r in t.layer_rows]),
        layer_hist=_columns([p for t in tables for p in t.layer_hist], ["phase", "layer", "kind", *hist]),
        weight_stats=pd.DataFrame([r for t in tables for r in t.weight_rows]),
        weight_hist=_columns([p for t in tables for p in t.weight_hist], ["phase", "param", *hist]),
        updates=updates,
        loss=pd.DataFrame({"step": range(len(losses)), "loss": losses}),
        diverged_at=diverged_at,
    )


@torch.inference_mode()
def depth_profile(
    cfg: DeepConfig, gains: tuple[float, ...], data: Dataset, seed: int = 2147483647, probe_examples: int = 1000
) -> pd.DataFrame:
    """Std and % saturated of each hidden layer's output at init, for several gains (one
    stacked forward pass).

    Columns: gain, layer, std, saturated_pct. (Signal propagation across depth: gain too
    small and the std shrinks layer by layer; too big and tanh saturates or linear explodes.)
    """
    cfgs = [dataclasses.replace(cfg, gain=gain) for gain in gains]
    if not cfgs:
        return pd.DataFrame(columns=["gain", "layer", "std", "saturated_pct"])
    _validate(cfgs)
    net = _DeepStack(cfgs, seed)
    hidden = _forward(net.P, net.blocks, data.Xtr[:probe_examples]).hidden
    # the same statistics as layer_stats at init, so the two agree to the bit
    per_layer = [(_slab_stats(h)[:, 1].tolist(), _saturated(h).tolist()) for h in hidden]
    rows = [
        {"gain": gain, "layer": i + 1, "std": std[k], "saturated_pct": sat[k]}
        for k, gain in enumerate(gains)
        for i, (std, sat) in enumerate(per_layer)
    ]
    return pd.DataFrame(rows)
