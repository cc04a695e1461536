"""The lecture's MLP for K variants at once: stacked parameters and a hand-written backward.

Every tensor carries a leading variant axis K, so K activations (or inits) train in one set
of batched matmuls. Shapes below use K variants, B examples, T = block_size, E = n_embd,
F = T*E (fan-in), H = hidden width of the Linear (n_hidden * maxout pieces), V = vocab.

Why a hand-written backward: at batch 32 a step is ~2 MFLOP, so time goes to per-op overhead,
and autograd adds a graph node per op. The backward below is the lecture's own (part 4,
"becoming a backprop ninja") in batched form, and tests check it against autograd.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

import torch

from core import activations as A
from core.config import MLPConfig

BN_EPS = 1e-5
BN_MOMENTUM = 0.001  # the lecture's running-statistics momentum
EVAL_ROWS = 4  # variants evaluated at once: ~20 MB each per 8192 examples (n_hidden 200)

PARAM_NAMES = ("C", "W1", "b1", "W2", "b2", "bngain", "bnbias")

# (n_embd, Linear width, block_size, vocab_size, batchnorm)
ShapeKey = tuple[int, int, int, int, bool]
# one hidden step's BatchNorm cache (xhat, invstd), None without BatchNorm
BNCache = tuple[torch.Tensor, torch.Tensor] | None
# (name, per-variant shape) of each stored parameter, in buffer order
Layout = list[tuple[str, tuple[int, ...]]]


def width_multiplier(cfg: MLPConfig) -> int:
    """How many Linear units feed one hidden unit (maxout's k pieces; 1 for the rest)."""
    return A.width_multiplier(cfg.activation, cfg.params_dict())


def shape_key(cfg: MLPConfig) -> ShapeKey:
    """Variants with equal shape keys can share one stacked computation."""
    return (cfg.n_embd, cfg.n_hidden * width_multiplier(cfg), cfg.block_size, cfg.vocab_size, cfg.batchnorm)


def init_params(cfgs: Sequence[MLPConfig], seed: int) -> tuple[dict[str, torch.Tensor], torch.Generator]:
    """Stacked parameters for variants of one shape key, each drawn exactly as the lecture does.

    Each variant gets its own generator seeded with `seed`, drawing C, W1, b1, W2, b2 in the
    lecture's order, so variant k equals a single run with the same config and seed. The
    returned generator continues the first variant's stream (all are in the same state,
    since shapes match) and supplies the minibatches, as the lecture's `g` does.
    """
    assert len({shape_key(c) for c in cfgs}) == 1, "one stacked group needs one shape"
    c0 = cfgs[0]
    V, E, F, H = c0.vocab_size, c0.n_embd, c0.fan_in, c0.n_hidden * width_multiplier(c0)
    per_variant = []
    g: torch.Generator | None = None
    for cfg in cfgs:
        g = torch.Generator().manual_seed(seed)
        C = torch.randn((V, E), generator=g)
        W1 = torch.randn((F, H), generator=g) * cfg.w1_effective_scale
        b1 = torch.randn(H, generator=g) * cfg.b1_scale
        W2 = torch.randn((c0.n_hidden, V), generator=g) * cfg.w2_scale
        b2 = torch.randn(V, generator=g) * cfg.b2_scale
        per_variant.append((C, W1, b1, W2, b2))
    C, W1, b1, W2, b2 = (torch.stack(t) for t in zip(*per_variant))
    K = len(cfgs)
    params = {
        "C": C,  # (K, V, E)
        "W1": W1,  # (K, F, H)
        "b1": b1.unsqueeze(1),  # (K, 1, H)
        "W2": W2,  # (K, n_hidden, V)
        "b2": b2.unsqueeze(1),  # (K, 1, V)
    }
    if c0.batchnorm:
        params["bngain"] = torch.ones(K, 1, H)
        params["bnbias"] = torch.zeros(K, 1, H)
    if g is None:  # no configs (the shape assert catches this first, unless run with -O)
        raise ValueError("init_params needs at least one config")
    return params, g


@dataclass(frozen=True)
class _ActBlock:
    """Consecutive variant rows start..stop-1 that share one activation and its parameters."""

    start: int
    stop: int
    key: str
    params: tuple[tuple[str, float], ...]  # resolved (defaults filled in), sorted by name

    @property
    def spec(self) -> A.Activation:
        return A.REGISTRY[self.key]

    @property
    def size(self) -> int:
        return self.stop - self.start

    @property
    def needs_autograd(self) -> bool:
        """No f' of our own: learnable parameters need their own gradient, maxout's layer is
        not element-wise, and an entry may have no closed form."""
        s = self.spec
        return s.grad is None or bool(s.learnable) or s.width_multiplier is not None


def act_blocks(cfgs: Sequence[MLPConfig]) -> tuple[_ActBlock, ...]:
    """Runs of consecutive variant rows with the same activation, so each function runs once
    per run on a contiguous slice of the K axis (a view, never a copy). The trainer sorts
    variants by activation, so there each activation is one run.

    Learnable activations (PReLU) get a block per row: each row trains its own slope.
    """
    blocks: list[_ActBlock] = []
    for k, cfg in enumerate(cfgs):
        p = tuple(sorted(A.resolve_params(cfg.activation, cfg.params_dict()).items()))
        prev = blocks[-1] if blocks else None
        if prev and (prev.key, prev.params) == (cfg.activation, p) and not prev.spec.learnable:
            blocks[-1] = _ActBlock(prev.start, k + 1, prev.key, p)
        else:
            blocks.append(_ActBlock(k, k + 1, cfg.activation, p))
    return tuple(blocks)


def ce_targets(Y: torch.Tensor, vocab_size: int, out: torch.Tensor | None = None) -> torch.Tensor:
    """What train_step's cross-entropy takes for targets Y (..., B): -one_hot(Y) / B laid out
    (..., V, B), the layout of its transposed logits (into `out` if given). The trainer builds
    many steps at once."""
    B = Y.shape[-1]
    out = torch.zeros(*Y.shape[:-1], vocab_size, B) if out is None else out.zero_()
    return out.scatter_(-2, Y.unsqueeze(-2), -1.0 / B)


def mean_nll_(lp: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Cross-entropy per variant from log-probs lp (..., K, V, B) and target = ce_targets
    (..., V, B): mean over the batch of -log p[y] = sum(lp * target) over V and B. -> (..., K)
    Overwrites lp with the product (the trainer's window of a few MB needs no second copy).

    A product and a sum over each variant's own row, never a matrix-vector product: GEMV's
    blocking depends on K, so a variant's loss would change in its last bits with the number
    of variants stacked beside it (the server stacks different students' requests)."""
    return lp.flatten(-2).mul_(target.flatten(-2).unsqueeze(-2)).sum(-1)


def _storage_layout(cfgs: Sequence[MLPConfig]) -> Layout:
    """(name, per-variant shape) of each parameter as stored, in buffer order.

    W2 and b2 are stored transposed, (V, n_hidden) and (V, 1): layer 2 is computed as
    logits^T = W2^T h^T, because MKL's small batched GEMMs are ~1.5x faster when the result's
    rows are 32 or 200 floats long than when they are V = 27 (K = 8, 1 thread: logits 47 vs
    72 us, dW2 51 vs 80 us)."""
    c0 = cfgs[0]
    V, E, F, n = c0.vocab_size, c0.n_embd, c0.fan_in, c0.n_hidden
    H = n * width_multiplier(c0)
    layout: Layout = [("C", (V, E)), ("W1", (F, H)), ("b1", (1, H)), ("W2T", (V, n)), ("b2T", (V, 1))]
    if c0.batchnorm:
        layout += [("bngain", (1, H)), ("bnbias", (1, H))]
    return layout


def _views(flat: torch.Tensor, K: int, layout: Layout) -> dict[str, torch.Tensor]:
    """Contiguous (K, *shape) views of consecutive pieces of `flat`, one per layout entry."""
    out: dict[str, torch.Tensor] = {}
    at = 0
    for name, shape in layout:
        n = K * math.prod(shape)
        out[name] = flat[at : at + n].view(K, *shape)
        at += n
    return out


def _lecture_names(stored: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The same tensors under the lecture's names and shapes (W2 (K, n_hidden, V), b2 (K, 1, V))."""
    out = {n: t for n, t in stored.items() if n not in ("W2T", "b2T")}
    out["W2"] = stored["W2T"].transpose(1, 2)
    out["b2"] = stored["b2T"].transpose(1, 2)
    return {n: out[n] for n in PARAM_NAMES if n in out}


def _closed_form_backward(
    grad: Callable[..., torch.Tensor],
    p: Mapping[str, float],
    dy: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    out: torch.Tensor,
) -> torch.Tensor:
    return torch.mul(dy, grad(x, y, **p), out=out)


@dataclass(frozen=True)
class _BlockFns:
    """How one block runs: y = forward(z), dz = backward(dy, z, y, out=dz); backward None:
    autograd. forward_into(z, out) writes y into a slice of the step's buffer."""

    forward: Callable[[torch.Tensor], torch.Tensor]  # forward(z) -> y
    forward_into: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None  # (z, out); None with autograd
    backward: Callable[[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor] | None  # (dy, z, y, out)
    learn: dict[str, torch.Tensor]  # its learnable parameter tensors (PReLU's slope), else empty


class _Workspace:
    """The tensors of one training step for batch size B, allocated once and reused.

    The step's ops write into them (out=), so their per-block slices and transposes are views
    made here once, not on every step: at this size a view op (~1-2 us) costs about as much
    as the arithmetic of an element-wise one.
    """

    def __init__(self, net: StackedMLP, B: int):
        K, P = net.K, net._p
        V, E = P["C"].shape[1:]
        F, H = P["W1"].shape[1:]
        n = P["W2T"].shape[2]
        sizes = net._block_sizes
        self.x = torch.empty(K, B, F)
        self.x_rows = self.x.view(K, -1, E)  # (K, B*T, E): one row per character
        self.x_t = self.x.transpose(1, 2)
        self.z = torch.empty(K, B, H)
        self.z_blocks = self.z.split_with_sizes(sizes)
        self.h = torch.empty(K, B, n)
        self.h_blocks = self.h.split_with_sizes(sizes)
        self.h_t = self.h.transpose(1, 2)
        self.logits_t = torch.empty(K, V, B)
        self.lp = torch.empty(K, V, B)  # train_step's log-probs (the trainer brings its own)
        self.dlogits_t = torch.empty(K, V, B)
        self.dlogits = self.dlogits_t.transpose(1, 2)
        self.dh = torch.empty(K, B, n)
        self.dh_blocks = self.dh.split_with_sizes(sizes)
        self.dz = torch.empty(K, B, H)
        self.dz_blocks = self.dz.split_with_sizes(sizes)
        self.dz_t = self.dz.transpose(1, 2)
        self.dx_t = torch.empty(K, F, B)
        # the biases' gradients (sums over the batch) on their way into the parameters
        self.db2 = torch.empty(K, V, 1)
        self.dvec = torch.empty(K, 1, H)
        self.dx_rows = torch.empty(K, B * (F // E), E)
        self.dx_copy = (self.dx_rows.view(K, B, F), self.dx_t.transpose(1, 2))  # (dst, src)


class StackedMLP:
    """Forward, backward and evaluation for a stack of K same-shaped variants.

    Holds tensors that training mutates, so it lives inside one train call and is never
    cached or shared between sessions.

    All parameters live in one flat buffer and all gradients in another (``params`` and
    ``grads`` are views into them), so sgd_update is one op for every parameter of every
    variant. The trainer uses train_step(lr=...) instead, which needs no gradient buffer.
    """

    def __init__(self, cfgs: Sequence[MLPConfig], seed: int):
        self.cfgs = tuple(cfgs)
        self.K = len(cfgs)
        self.bn = cfgs[0].batchnorm
        drawn, self.batch_gen = init_params(cfgs, seed)
        layout = _storage_layout(cfgs)
        size = self.K * sum(math.prod(shape) for _, shape in layout)
        self._flat, self._gflat = torch.empty(size), torch.zeros(size)
        self._p = _views(self._flat, self.K, layout)  # as stored (W2T, b2T)
        self._g = _views(self._gflat, self.K, layout)
        self.params = _lecture_names(self._p)
        self.grads = _lecture_names(self._g)  # filled by train_step, overwritten by the next one
        for name, t in drawn.items():
            self.params[name].copy_(t)
        self.blocks = act_blocks(cfgs)
        self._block_sizes = [b.size for b in self.blocks]
        # Learnable activation parameters (PReLU's slope), one (1,)-tensor per variant row,
        # updated in place so the functions below can bind them once.
        self.act_learn: dict[int, dict[str, torch.Tensor]] = {}
        for blk in self.blocks:
            for name in blk.spec.learnable:
                self.act_learn[blk.start] = {name: torch.tensor([dict(blk.params)[name]])}
        self._fns = [self._block_fns(b) for b in self.blocks]
        H = self.params["W1"].shape[2]
        self.bn_mean = torch.zeros(self.K, 1, H)
        self.bn_var = torch.ones(self.K, 1, H)
        self._ws: _Workspace | None = None

    @property
    def uses_autograd(self) -> bool:
        """Does some block take its f' from autograd (PReLU's slope, maxout, no closed form)?"""
        return any(fns.backward is None for fns in self._fns)

    # -- pieces ---------------------------------------------------------------------------
    def _block_fns(self, blk: _ActBlock) -> _BlockFns:
        """Bind each block's functions once (params resolved), not on every step."""
        spec, p = blk.spec, dict(blk.params)
        learn = self.act_learn.get(blk.start, {})
        if spec.width_multiplier is not None:  # maxout's layer is not element-wise
            forward = functools.partial(A.layer, blk.key, params=p)
        else:  # a learnable parameter is bound as its tensor, so autograd reaches it
            forward = functools.partial(spec.fn, **{**p, **learn})
        forward_into: Callable[..., torch.Tensor] | None = None
        backward: Callable[..., torch.Tensor] | None = None
        grad = spec.grad
        if not blk.needs_autograd and grad is not None:  # (needs_autograd when grad is None)
            # one kernel where torch has one, else the registry's closed form
            forward_into = A.forward_into(blk.key, p)
            backward = A.fused_backward(blk.key, p) or functools.partial(_closed_form_backward, grad, p)
        return _BlockFns(forward, forward_into, backward, learn)

    def eval_rows(self) -> list[slice]:
        """Consecutive variant rows, at most EVAL_ROWS at a time: evaluation runs on one such
        slice at a time, to bound its memory at large K (each variant's numbers are its own,
        whatever rows it is computed with)."""
        return [slice(a, min(a + EVAL_ROWS, self.K)) for a in range(0, self.K, EVAL_ROWS)]

    def activate(self, z: torch.Tensor, rows: slice = slice(None)) -> torch.Tensor:
        """h = f(z) for variant rows `rows` (z has just those rows), block by block (no
        gradient bookkeeping: for evaluation)."""
        a, b, _ = rows.indices(self.K)
        # the part of each block that rows a..b-1 meet, in order
        parts = [(fns, min(b, blk.stop) - max(a, blk.start)) for fns, blk in zip(self._fns, self.blocks)]
        parts = [(fns, n) for fns, n in parts if n > 0]
        if len(parts) == 1:
            return parts[0][0].forward(z)
        zs = z.split_with_sizes([n for _, n in parts])
        return torch.cat([fns.forward(zb) for (fns, _), zb in zip(parts, zs)])

    def _activate_train(self, ws: _Workspace) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """ws.h = f(ws.z) block by block, each into its own slice of ws.h (blocks are
        consecutive rows, so no concatenation); returns what each block's backward needs."""
        saved: list[tuple[torch.Tensor, torch.Tensor]] = []
        for fns, zb, hb in zip(self._fns, ws.z_blocks, ws.h_blocks):
            if fns.forward_into is None:  # exactly when backward is None (see _block_fns)
                # no f' of our own: keep a small autograd graph of this function alone
                with torch.enable_grad():
                    zb = zb.detach().requires_grad_()
                    for t in fns.learn.values():
                        t.requires_grad_(True)
                    yb = fns.forward(zb)
                hb.copy_(yb.detach())
                saved.append((zb, yb))
            else:
                saved.append((zb, fns.forward_into(zb, hb)))
        return saved

    def _activation_backward(self, ws: _Workspace, saved: Sequence[tuple[torch.Tensor, torch.Tensor]]) -> None:
        """ws.dz = dL/dz from ws.dh, block by block; learnable slopes get their .grad."""
        for fns, dhb, dzb, (zb, yb) in zip(self._fns, ws.dh_blocks, ws.dz_blocks, saved):
            if fns.backward is not None:
                fns.backward(dhb, zb, yb, dzb)
                continue
            learn = list(fns.learn.values())
            grads = torch.autograd.grad(yb, [zb, *learn], dhb)
            for t, gr in zip(learn, grads[1:]):
                t.grad = gr
                t.requires_grad_(False)
            dzb.copy_(grads[0])

    def _hidden_train(self, x: torch.Tensor, out: torch.Tensor) -> BNCache:
        """Linear (+ BatchNorm, batch statistics): (K, B, F) -> pre-activations z (K, B, H)
        into `out`; returns the BN cache."""
        P = self.params
        if not self.bn:
            torch.baddbmm(P["b1"], x, P["W1"], out=out)
            return None
        pre = torch.baddbmm(P["b1"], x, P["W1"])
        mean = pre.mean(1, keepdim=True)
        var = pre.var(1, keepdim=True)  # unbiased, as the lecture
        invstd = (var + BN_EPS).rsqrt()
        xhat = (pre - mean) * invstd
        # running statistics for evaluation (never part of the gradient)
        self.bn_mean.lerp_(mean, BN_MOMENTUM)
        self.bn_var.lerp_(var, BN_MOMENTUM)
        torch.addcmul(P["bnbias"], P["bngain"], xhat, out=out)  # gain * xhat + bias
        return xhat, invstd

    @torch.no_grad()
    def hidden_eval(self, X: torch.Tensor, rows: slice = slice(None), copy: bool = False) -> torch.Tensor:
        """Pre-activations z (R, N, H) of variant rows `rows` for X (N, T), eval-mode BN
        (running statistics). `copy`: on fresh copies of the parameters, whose memory is aligned
        as when the variant trains alone (a view's offset in the stack's buffer can change MKL's
        last bits on small inputs)."""
        P = {name: t[rows].clone() if copy else t[rows] for name, t in self.params.items()}
        # index_select on the flat ids: one gather, ~4x cheaper than C[:, X]'s advanced indexing
        x = P["C"].index_select(1, X.reshape(-1)).view(P["C"].shape[0], X.shape[0], -1)  # (R, N, F)
        pre = torch.baddbmm(P["b1"], x, P["W1"])
        if not self.bn:
            return pre
        invstd = (self.bn_var[rows] + BN_EPS).rsqrt()
        return torch.addcmul(P["bnbias"], P["bngain"], (pre - self.bn_mean[rows]) * invstd)

    @torch.no_grad()
    def next_logits(self, k: int, context: torch.Tensor) -> torch.Tensor:
        """Variant k's logits (V,) for one context (T,) of ids, eval-mode BN: for sampling."""
        rows = slice(k, k + 1)
        h = self.activate(self.hidden_eval(context.view(1, -1), rows, copy=True), rows)
        return torch.baddbmm(self._p["b2T"][rows], self._p["W2T"][rows], h.transpose(1, 2)).view(-1)

    @torch.no_grad()
    def forward_eval(self, X: torch.Tensor, Y: torch.Tensor, chunk: int = 8192) -> torch.Tensor:
        """Mean loss per variant over (X, Y) (eval-mode BN), chunked to bound memory. -> (K,)"""
        total = torch.zeros(self.K, dtype=torch.float64)
        # one variant at a time: with few examples (n = 1) log_softmax's kernel runs across the
        # variant axis, and a variant's loss changed in the last bits with its stack's size
        for s in range(0, X.shape[0], chunk):
            xb, yb = X[s : s + chunk], Y[s : s + chunk]
            for rows in (slice(k, k + 1) for k in range(self.K)):
                h = self.activate(self.hidden_eval(xb, rows, copy=True), rows)
                # transposed logits (R, V, n), as in training (see _storage_layout)
                b2, w2 = self._p["b2T"][rows].clone(), self._p["W2T"][rows].clone()
                logits_t = torch.baddbmm(b2, w2, h.transpose(1, 2))
                lp = torch.log_softmax(logits_t, 1)
                nll = -lp.gather(1, yb.view(1, 1, -1).expand(lp.shape[0], 1, -1)).squeeze(1)
                total[rows] += nll.double().sum(1)
        return (total / X.shape[0]).float()

    @overload
    def train_step(
        self,
        Xb: torch.Tensor,
        Yb: torch.Tensor,
        need_cache: bool = ...,
        target: torch.Tensor | None = ...,
        lr: None = ...,
    ) -> tuple[torch.Tensor, dict[str, torch.Tensor], dict[str, torch.Tensor] | None]: ...

    @overload
    def train_step(
        self,
        Xb: torch.Tensor,
        Yb: torch.Tensor,
        need_cache: bool = ...,
        target: torch.Tensor | None = ...,
        *,
        lr: float,
    ) -> tuple[torch.Tensor, None, dict[str, torch.Tensor] | None]: ...

    def train_step(
        self,
        Xb: torch.Tensor,
        Yb: torch.Tensor,
        need_cache: bool = False,
        target: torch.Tensor | None = None,
        lr: float | None = None,
    ) -> tuple[torch.Tensor, dict[str, torch.Tensor] | None, dict[str, torch.Tensor] | None]:
        """One forward + backward on the minibatch (Xb (B, T), Yb (B,)). Returns per-variant
        loss (K,), grads dict, and a cache.

        `target` is ce_targets(Yb, V), if already at hand. Without `lr`, the grads are
        ``self.grads``: views that the next step overwrites; apply them with sgd_update. With
        `lr`, SGD happens in the backward pass (see step_into) and grads is None.
        The cache (x, z, h, logits, dh) is only kept when asked: snapshots need it.
        """
        if target is None:
            target = ce_targets(Yb, self._p["W2T"].shape[1])
        lp = self._workspace(Xb.shape[0]).lp
        cache = self.step_into(Xb.reshape(-1), target, lp, lr, need_cache)
        return mean_nll_(lp, target), (self.grads if lr is None else None), cache

    def _workspace(self, B: int) -> _Workspace:
        if self._ws is None or self._ws.x.shape[1] != B:
            self._ws = _Workspace(self, B)
        return self._ws

    def step_into(
        self,
        ids: torch.Tensor,
        target: torch.Tensor,
        lp: torch.Tensor,
        lr: float | None = None,
        need_cache: bool = False,
    ) -> dict[str, torch.Tensor] | None:
        """train_step for the trainer: the minibatch as flat character ids (B*T,) and its
        ce_targets (V, B); the log-probs go to `lp` (K, V, B) and no loss is computed, so the
        trainer takes many steps' losses in one mean_nll_. Returns the cache if asked for.

        Without `lr` the gradients go to ``self.grads``. With `lr`, each parameter takes
        p -= lr * grad in the op that computes grad (the GEMM's accumulate, index_add's alpha),
        so no gradient is written out and read back.
        """
        P = self._p
        B = target.shape[-1]
        ws = self._workspace(B)
        torch.index_select(P["C"], 1, ids, out=ws.x_rows)  # embeddings (K, B, F)
        bn = self._hidden_train(ws.x, ws.z)  # (K, B, H)
        saved = self._activate_train(ws)  # ws.h (K, B, n_hidden)
        torch.baddbmm(P["b2T"], P["W2T"], ws.h_t, out=ws.logits_t)  # (K, V, B), see _storage_layout
        torch.log_softmax(ws.logits_t, 1, out=lp)
        # cross-entropy backward: softmax/B - onehot/B (target = -onehot/B); lp is kept for the loss
        dlogits_t = torch.exp(lp, out=ws.dlogits_t)
        torch.add(target, dlogits_t, alpha=1.0 / B, out=dlogits_t)

        # Gradients go to D: the gradient buffer (D = grad * 1 + 0) or, with lr, the parameters
        # themselves (D = D - lr * grad). Each parameter is used for the last time before it changes.
        D, beta, alpha = (self._g, 0.0, 1.0) if lr is None else (P, 1.0, -lr)
        torch.bmm(ws.dlogits, P["W2T"], out=ws.dh)  # (K, B, n_hidden)
        D["W2T"].baddbmm_(dlogits_t, ws.h, beta=beta, alpha=alpha)
        self._take("b2T", dlogits_t, 2, ws.db2, lr)
        self._activation_backward(ws, saved)  # ws.dz
        dpre, dpre_t = ws.dz, ws.dz_t
        if bn is not None:
            xhat, invstd = bn
            dz = ws.dz
            dxhat = dz * P["bngain"]
            self._take("bngain", dz * xhat, 1, ws.dvec, lr)
            self._take("bnbias", dz, 1, ws.dvec, lr)
            # BatchNorm backward with the unbiased variance (lecture part 4)
            dpre = (invstd / B) * (
                B * dxhat - dxhat.sum(1, keepdim=True) - (B / (B - 1)) * xhat * (dxhat * xhat).sum(1, keepdim=True)
            )
            dpre_t = dpre.transpose(1, 2)
        # dx^T (K, F, B) and one copy to (K, B*T, E): cheaper than a GEMM whose rows are F = 30 long
        torch.bmm(P["W1"], dpre_t, out=ws.dx_t)
        D["W1"].baddbmm_(ws.x_t, dpre, beta=beta, alpha=alpha)
        self._take("b1", dpre, 1, ws.dvec, lr)
        dst, src = ws.dx_copy
        dst.copy_(src)
        if lr is None:
            D["C"].zero_()
        D["C"].index_add_(1, ids, ws.dx_rows, alpha=alpha)
        if lr is not None and self.act_learn:
            self._sgd_learnables(lr)
        if not need_cache:
            return None
        # copies: the workspace is overwritten by the next step
        return {
            "x": ws.x.clone(),
            "z": ws.z.clone(),
            "h": ws.h.clone(),
            "logits": ws.logits_t.transpose(1, 2).contiguous(),
            "dh": ws.dh.clone(),
        }

    def _take(self, name: str, x: torch.Tensor, dim: int, buf: torch.Tensor, lr: float | None) -> None:
        """x summed over the batch axis `dim` is parameter `name`'s gradient: store it, or
        (lr given) apply it through `buf`: p -= lr * grad."""
        if lr is None:
            torch.sum(x, dim, keepdim=True, out=self._g[name])
        else:
            self._p[name].sub_(torch.sum(x, dim, keepdim=True, out=buf), alpha=lr)

    def _sgd_learnables(self, lr: float) -> None:
        for t in self._learnables():
            # .grad is Optional in torch's types; _activation_backward set it this step (no check
            # here: this runs every step)
            t.sub_(lr * t.grad)  # type: ignore[operator]
            t.grad = None

    def sgd_update(self, lr: float) -> None:
        """p -= lr * grad for every parameter of every variant (one op on the flat buffers)."""
        self._flat.add_(self._gflat, alpha=-lr)
        self._sgd_learnables(lr)

    def _learnables(self) -> Iterator[torch.Tensor]:
        for d in self.act_learn.values():
            yield from d.values()
