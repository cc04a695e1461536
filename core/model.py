"""The lecture's MLP for K variants at once: stacked parameters and a hand-written backward.

Every tensor carries a leading variant axis K, so K activations (or inits) train in one set
of batched matmuls. Shapes below use K variants, B examples, T = block_size, E = n_embd,
F = T*E (fan-in), H = hidden width of the Linear (n_hidden * maxout pieces), V = vocab.

Why a hand-written backward: at batch 32 a step is ~2 MFLOP, so time goes to per-op overhead,
and autograd adds a graph node per op. The backward below is the lecture's own (part 4,
"becoming a backprop ninja") in batched form, and tests check it against autograd.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import torch

from core import activations as A
from core.config import MLPConfig

BN_EPS = 1e-5
BN_MOMENTUM = 0.001  # the lecture's running-statistics momentum

PARAM_NAMES = ("C", "W1", "b1", "W2", "b2", "bngain", "bnbias")


def width_multiplier(cfg: MLPConfig) -> int:
    """How many Linear units feed one hidden unit (maxout's k pieces; 1 for the rest)."""
    spec = A.REGISTRY[cfg.activation]
    if spec.width_multiplier is None:
        return 1
    return int(spec.width_multiplier(A.resolve_params(cfg.activation, cfg.params_dict())))


def shape_key(cfg: MLPConfig) -> tuple:
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
    g = None
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
    return params, g


@dataclass(frozen=True)
class _ActBlock:
    """Variants (rows of the K axis) that share one activation function and its parameters."""

    rows: tuple[int, ...]
    key: str
    params: tuple[tuple[str, float], ...]

    @property
    def spec(self) -> A.Activation:
        return A.REGISTRY[self.key]

    def index(self, K: int):
        """Rows as a slice when contiguous (a view, no copy), else as a list."""
        r = self.rows
        if r == tuple(range(r[0], r[0] + len(r))):
            return slice(r[0], r[0] + len(r)) if len(r) < K else slice(None)
        return list(r)

    @property
    def closed_form(self) -> bool:
        """Use the registry's f'(x) rather than autograd? Not for learnable parameters
        (they need their own gradient) nor for maxout (its layer is not elementwise)."""
        s = self.spec
        return s.grad is not None and not s.learnable and s.width_multiplier is None


def act_blocks(cfgs: Sequence[MLPConfig]) -> tuple[_ActBlock, ...]:
    """Group variant rows by activation so each function runs once per step, not once per row.

    Learnable activations (PReLU) get a block per row: each row trains its own slope.
    """
    groups: dict[tuple, list[int]] = {}
    for k, cfg in enumerate(cfgs):
        p = tuple(sorted(A.resolve_params(cfg.activation, cfg.params_dict()).items()))
        tag = (cfg.activation, p, k if A.REGISTRY[cfg.activation].learnable else None)
        groups.setdefault(tag, []).append(k)
    return tuple(_ActBlock(tuple(rows), tag[0], tag[1]) for tag, rows in groups.items())


class StackedMLP:
    """Forward, backward and evaluation for a stack of K same-shaped variants.

    Holds tensors that training mutates, so it lives inside one train call and is never
    cached or shared between sessions.
    """

    def __init__(self, cfgs: Sequence[MLPConfig], seed: int):
        self.cfgs = tuple(cfgs)
        self.K = len(cfgs)
        self.bn = cfgs[0].batchnorm
        self.params, self.batch_gen = init_params(cfgs, seed)
        self.blocks = act_blocks(cfgs)
        # True when block rows are 0..K-1 in order (the trainer sorts variants so they are)
        self._in_order = [r for b in self.blocks for r in b.rows] == list(range(self.K))
        # Learnable activation parameters (PReLU's slope), one (1,)-tensor per variant row.
        self.act_learn: dict[int, dict[str, torch.Tensor]] = {}
        for blk in self.blocks:
            for name in blk.spec.learnable:
                self.act_learn[blk.rows[0]] = {name: torch.tensor([dict(blk.params)[name]])}
        H = self.params["W1"].shape[2]
        self.bn_mean = torch.zeros(self.K, 1, H)
        self.bn_var = torch.ones(self.K, 1, H)

    # -- pieces ---------------------------------------------------------------------------
    def _block_params(self, blk: _ActBlock) -> dict:
        p = dict(blk.params)
        p.update(self.act_learn.get(blk.rows[0], {}))
        return p

    @staticmethod
    def _apply(blk: _ActBlock, z: torch.Tensor, p: dict) -> torch.Tensor:
        # a learnable parameter is a tensor (so autograd reaches it): call the function itself
        return blk.spec.fn(z, **p) if blk.spec.learnable else A.layer(blk.key, z, p)

    def _rows(self, t: torch.Tensor, blk: _ActBlock) -> torch.Tensor:
        return t[blk.index(self.K)]

    def activate(self, z: torch.Tensor, need_grad: bool):
        """h = f(z) per block. Returns h and what the backward needs (per-block closures)."""
        out_w = self.cfgs[0].n_hidden
        stitch = len(self.blocks) > 1 and not self._in_order
        h = z.new_empty(z.shape[0], z.shape[1], out_w) if stitch else None
        saved, outs = [], []
        for blk in self.blocks:
            zb = self._rows(z, blk)
            p = self._block_params(blk)
            if need_grad and not blk.closed_form:
                # no closed form: keep a small autograd graph of this function alone
                with torch.enable_grad():
                    zin = zb.detach().requires_grad_()
                    learn = self.act_learn.get(blk.rows[0], {})
                    for t in learn.values():
                        t.requires_grad_(True)
                    yb = self._apply(blk, zin, p)
                saved.append(("autograd", zin, yb, learn))
                yb = yb.detach()
            else:
                yb = self._apply(blk, zb, p)
                saved.append(("closed", zb, yb, p))
            if stitch:
                h[blk.index(self.K)] = yb
            else:
                outs.append(yb)
        if not stitch:  # blocks are consecutive rows in order: one concatenation, no scatter
            h = outs[0] if len(outs) == 1 else torch.cat(outs)
        return h, saved

    def activation_backward(self, dh: torch.Tensor, saved) -> torch.Tensor:
        """dL/dz from dL/dh, block by block; also leaves grads of learnable slopes in .grad."""
        if len(self.blocks) == 1:
            return self._block_backward(self.blocks[0], dh, saved[0])
        if self._in_order:
            return torch.cat([self._block_backward(blk, dh[blk.index(self.K)], sv)
                              for blk, sv in zip(self.blocks, saved)])
        dz = None
        for blk, sv in zip(self.blocks, saved):
            dzb = self._block_backward(blk, dh[blk.index(self.K)], sv)
            if dz is None:
                dz = dh.new_empty(dh.shape[0], dh.shape[1], dzb.shape[2])
            dz[blk.index(self.K)] = dzb
        return dz

    def _block_backward(self, blk: _ActBlock, dhb: torch.Tensor, sv) -> torch.Tensor:
        kind, zin, yb, extra = sv
        if kind == "closed":
            return dhb * blk.spec.grad(zin, yb, **extra)
        learn = extra
        grads = torch.autograd.grad(yb, [zin, *learn.values()], dhb)
        for t, gr in zip(learn.values(), grads[1:]):
            t.grad = gr
            t.requires_grad_(False)
        return grads[0]

    def embed(self, Xb: torch.Tensor) -> torch.Tensor:
        """(B, T) character ids -> (K, B, F) concatenated embeddings."""
        C = self.params["C"]
        return C[:, Xb].reshape(self.K, Xb.shape[0], -1)

    def hidden(self, x: torch.Tensor, train: bool):
        """Linear (+ BatchNorm): (K, B, F) -> pre-activations z (K, B, H), plus BN cache."""
        P = self.params
        pre = torch.baddbmm(P["b1"], x, P["W1"])
        if not self.bn:
            return pre, None
        if train:
            mean = pre.mean(1, keepdim=True)
            var = pre.var(1, keepdim=True)  # unbiased, as the lecture
            invstd = (var + BN_EPS).rsqrt()
            xhat = (pre - mean) * invstd
            # running statistics for evaluation (never part of the gradient)
            self.bn_mean.lerp_(mean, BN_MOMENTUM)
            self.bn_var.lerp_(var, BN_MOMENTUM)
        else:
            invstd = (self.bn_var + BN_EPS).rsqrt()
            xhat = (pre - self.bn_mean) * invstd
        z = P["bngain"] * xhat + P["bnbias"]
        return z, (xhat, invstd)

    def logits(self, h: torch.Tensor) -> torch.Tensor:
        return torch.baddbmm(self.params["b2"], h, self.params["W2"])

    @torch.no_grad()
    def forward_eval(self, X: torch.Tensor, Y: torch.Tensor | None = None, chunk: int = 8192):
        """Mean loss per variant over (X, Y) (eval-mode BN), chunked to bound memory. -> (K,)"""
        total = torch.zeros(self.K, dtype=torch.float64)
        for s in range(0, X.shape[0], chunk):
            xb, yb = X[s : s + chunk], Y[s : s + chunk]
            z, _ = self.hidden(self.embed(xb), train=False)
            h, _ = self.activate(z, need_grad=False)
            lp = torch.log_softmax(self.logits(h), -1)
            nll = -lp.gather(2, yb.view(1, -1, 1).expand(self.K, -1, 1)).squeeze(2)
            total += nll.double().sum(1)
        return (total / X.shape[0]).float()

    @torch.no_grad()
    def hidden_eval(self, X: torch.Tensor) -> torch.Tensor:
        """Pre-activations z (K, N, H) for X, eval-mode BN."""
        z, _ = self.hidden(self.embed(X), train=False)
        return z

    def train_step(self, Xb: torch.Tensor, Yb: torch.Tensor, need_cache: bool = False,
                   target: torch.Tensor | None = None):
        """One forward + backward. Returns per-variant loss (K,), grads dict, and a cache.

        `target` is one_hot(Yb) / B, (B, V); the trainer precomputes it for many steps at once.
        The cache (x, z, h, logits, dh) is only kept when asked: snapshots need it.
        """
        P = self.params
        K, B = self.K, Xb.shape[0]
        if target is None:
            target = torch.nn.functional.one_hot(Yb, P["b2"].shape[2]).float() * (1.0 / B)
        x = self.embed(Xb)  # (K, B, F)
        z, bn = self.hidden(x, train=True)  # (K, B, H)
        h, saved = self.activate(z, need_grad=True)  # (K, B, n_hidden)
        logits = self.logits(h)  # (K, B, V)
        lp = torch.log_softmax(logits, -1)
        # mean of -log p[target] as one matrix-vector product: (K, B*V) @ (B*V,)
        loss = -torch.mv(lp.view(K, -1), target.view(-1))  # (K,)
        # cross-entropy backward: (softmax - onehot) / B
        dlogits = lp.exp_().mul_(1.0 / B).sub_(target)
        grads = {
            "W2": torch.bmm(h.transpose(1, 2), dlogits),
            "b2": dlogits.sum(1, keepdim=True),
        }
        dh = torch.bmm(dlogits, P["W2"].transpose(1, 2))
        dz = self.activation_backward(dh, saved)
        if bn is not None:
            xhat, invstd = bn
            grads["bngain"] = (dz * xhat).sum(1, keepdim=True)
            grads["bnbias"] = dz.sum(1, keepdim=True)
            dxhat = dz * P["bngain"]
            # BatchNorm backward with the unbiased variance (lecture part 4)
            dpre = (invstd / B) * (
                B * dxhat
                - dxhat.sum(1, keepdim=True)
                - (B / (B - 1)) * xhat * (dxhat * xhat).sum(1, keepdim=True)
            )
        else:
            dpre = dz
        grads["W1"] = torch.bmm(x.transpose(1, 2), dpre)
        grads["b1"] = dpre.sum(1, keepdim=True)
        dx = torch.bmm(dpre, P["W1"].transpose(1, 2)).reshape(K, -1, P["C"].shape[2])
        grads["C"] = torch.zeros_like(P["C"]).index_add_(1, Xb.reshape(-1), dx)
        cache = None
        if need_cache:
            lg = torch.baddbmm(P["b2"], h, P["W2"])  # logits again: lp was overwritten in place
            cache = {"x": x, "z": z, "h": h, "logits": lg, "dh": dh}
        return loss, grads, cache

    def sgd_update(self, grads: dict[str, torch.Tensor], lr: float) -> None:
        names = [n for n in PARAM_NAMES if n in self.params]
        torch._foreach_add_([self.params[n] for n in names], [grads[n] for n in names], alpha=-lr)
        for t in self._learnables():
            t.sub_(lr * t.grad)
            t.grad = None

    def _learnables(self):
        for d in self.act_learn.values():
            yield from d.values()
