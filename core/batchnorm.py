"""One BatchNorm MLP trained as the lecture writes it, with what BatchNorm does laid open.

    probe = bn_probe(BNSetup(activation="tanh", steps=2000), names_dataset())
    probe.neuron_stats  # phase, neuron, before_mean, before_std, after_mean, after_std

The lecture's net: embedding -> Linear (W1, b1) -> BatchNorm (bngain, bnbias, running mean and
std with momentum) -> activation -> Linear (W2, b2). The init is the lecture's Kaiming stage
(core.config.BATCHNORM, drawn by core.model.init_params, so the same numbers as core.train's).
One net, autograd, a few thousand steps: the page's questions need the net's insides (the
pre-activations before and after BN, b1's gradient, the running statistics on every step), not
the stacked trainer's speed.

Running statistics as the lecture: ``running = (1 - momentum) * running + momentum * batch``,
the batch std from the unbiased variance; "calibrated" statistics are the mean and std of the
pre-activations over the whole training split after training.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F

from core import activations as A
from core.config import BATCHNORM
from core.data import Dataset
from core.model import init_params

BN_EPS = 1e-5
MOMENTUM = 0.001  # the lecture's
RECORD_EVERY = 10  # steps between two records of the running statistics and the gradients
TRACKED = 5  # neurons whose running mean and std are drawn step by step
JITTER_DRAWS = 40  # random batches around the fixed example, per batch size
JITTER_SIZES = (2, 4, 8, 16, 32, 64, 128)
EVAL_CHUNK = 32  # "batch statistics" evaluation: the split in minibatches of this many
EVAL_GROUP = 256 * EVAL_CHUNK  # minibatches evaluated at once (~7 MB of pre-activations)
LOSS_EXAMPLES = 20_000  # examples of each split for the losses (the whole train split took seconds)


@dataclass(frozen=True)
class BNSetup:
    """The BatchNorm page's training: activation, steps, momentum of the running statistics."""

    activation: str = "tanh"
    steps: int = 2000
    momentum: float = MOMENTUM
    lr: float = 0.1
    batch_size: int = 32
    seed: int = 2147483647
    n_hidden: int = 200
    n_embd: int = 10
    block_size: int = 3
    vocab_size: int = 27


@dataclass(frozen=True, eq=False)
class BNProbe:
    """What one run shows. Frames:

    pre:          phase ("init" | "trained"), where ("before" | "after"), value: every
                  pre-activation of the probe batch, before BN (x @ W1 + b1) and after it
    neuron_stats: phase, neuron, before_mean, before_std, after_mean, after_std (probe batch)
    running:      step, neuron, mean, std: the running statistics of TRACKED neurons
    calibrated:   neuron, mean, std: over the whole training split after training
    grads:        step, param ("b1" | "bnbias"), grad_abs_max
    losses:       split ("train" | "val"), stats ("batch" | "running" | "calibrated"), loss (the first
                  LOSS_EXAMPLES of each split)
    jitter:       batch_size, draw, loss, out_std: the fixed example inside random batches
                  (its loss, and the std of its BN outputs across draws, per neuron averaged)
    jitter_summary: batch_size, loss_std, out_std
    train_loss:   step, loss (minibatch)
    """

    pre: pd.DataFrame
    neuron_stats: pd.DataFrame
    running: pd.DataFrame
    calibrated: pd.DataFrame
    grads: pd.DataFrame
    losses: pd.DataFrame
    jitter: pd.DataFrame
    jitter_summary: pd.DataFrame
    train_loss: pd.DataFrame
    diverged_at: int | None
    gap_mean: float  # mean over neurons of |running mean - calibrated mean| after training
    gap_std: float  # the same for the std
    single_batch_finite: bool  # one example alone, normalised by its own batch statistics


class _Net:
    """The lecture's BN MLP on plain tensors (K = 1 of core.model.init_params)."""

    def __init__(self, s: BNSetup):
        cfg = BATCHNORM.with_(
            activation=s.activation,
            n_hidden=s.n_hidden,
            n_embd=s.n_embd,
            block_size=s.block_size,
            vocab_size=s.vocab_size,
        )
        drawn, self.gen = init_params([cfg], s.seed)
        self.p = {
            k: v[0].reshape(v.shape[2:]) if k in ("b1", "b2", "bngain", "bnbias") else v[0] for k, v in drawn.items()
        }
        for t in self.p.values():
            t.requires_grad_(True)
        self._f, self._f_params = A.REGISTRY[s.activation].fn, A.resolve_params(s.activation)
        self.momentum = s.momentum
        H = s.n_hidden
        self.run_mean, self.run_std = torch.zeros(H), torch.ones(H)

    def pre(self, X: torch.Tensor) -> torch.Tensor:
        p = self.p
        return p["C"][X].view(X.shape[0], -1) @ p["W1"] + p["b1"]

    def normalise(self, pre: torch.Tensor, mean: torch.Tensor, std: torch.Tensor) -> torch.Tensor:
        return self.p["bngain"] * (pre - mean) / std + self.p["bnbias"]

    @staticmethod
    def batch_stats(pre: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        # the lecture's std: sqrt of the unbiased variance, eps inside
        return pre.mean(0), (pre.var(0) + BN_EPS).sqrt()

    def act(self, z: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self._f(z, **self._f_params)
        return out

    def logits(self, after: torch.Tensor) -> torch.Tensor:
        return self.act(after) @ self.p["W2"] + self.p["b2"]

    def loss_with(
        self, X: torch.Tensor, Y: torch.Tensor, stats: str, calib: tuple[torch.Tensor, torch.Tensor]
    ) -> float:
        """Mean loss over (X, Y): BN by its batch statistics (in minibatches), the running or
        the calibrated ones."""
        with torch.no_grad():
            if stats == "batch":  # whole minibatches only, many at once (a loop of 32s took seconds)
                n, H = X.shape[0] // EVAL_CHUNK * EVAL_CHUNK, self.run_mean.shape[0]
                total = 0.0
                for a in range(0, n, EVAL_GROUP):
                    b = min(a + EVAL_GROUP, n)
                    pre = self.pre(X[a:b]).view(-1, EVAL_CHUNK, H)
                    mean, std = pre.mean(1, keepdim=True), (pre.var(1, keepdim=True) + BN_EPS).sqrt()
                    after = self.normalise(pre, mean, std).view(-1, H)
                    total += float(F.cross_entropy(self.logits(after), Y[a:b], reduction="sum"))
                return total / n
            mean, std = (self.run_mean, self.run_std) if stats == "running" else calib
            return float(F.cross_entropy(self.logits(self.normalise(self.pre(X), mean, std)), Y))


def _probe_rows(net: _Net, Xb: torch.Tensor, phase: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    with torch.no_grad():
        pre = net.pre(Xb)
        after = net.normalise(pre, *net.batch_stats(pre))
    values = pd.concat(
        [
            pd.DataFrame({"phase": phase, "where": "before", "value": pre.reshape(-1).numpy()}),
            pd.DataFrame({"phase": phase, "where": "after", "value": after.reshape(-1).numpy()}),
        ],
        ignore_index=True,
    )
    stats = pd.DataFrame(
        {
            "phase": phase,
            "neuron": np.arange(pre.shape[1]),
            "before_mean": pre.mean(0).numpy(),
            "before_std": pre.std(0).numpy(),
            "after_mean": after.mean(0).numpy(),
            "after_std": after.std(0).numpy(),
        }
    )
    return values, stats


def _jitter(net: _Net, data: Dataset, g: torch.Generator) -> pd.DataFrame:
    """The first training example inside JITTER_DRAWS random batches of each size."""
    rows = []
    x0, y0 = data.Xtr[:1], data.Ytr[:1]
    with torch.no_grad():
        for size in JITTER_SIZES:
            outs = []
            for d in range(JITTER_DRAWS):
                ix = torch.randint(1, data.Xtr.shape[0], (size - 1,), generator=g)
                X = torch.cat([x0, data.Xtr[ix]])
                pre = net.pre(X)
                after = net.normalise(pre, *net.batch_stats(pre))
                loss = float(F.cross_entropy(net.logits(after[:1]), y0))
                outs.append(after[0])
                rows.append({"batch_size": size, "draw": d, "loss": loss})
            spread = float(torch.stack(outs).std(0).mean())
            for r in rows[-JITTER_DRAWS:]:
                r["out_std"] = spread
    return pd.DataFrame(rows)


def bn_probe(setup: BNSetup, data: Dataset, progress: Callable[[int, int], None] | None = None) -> BNProbe:
    """Train one BN MLP for setup.steps steps (the lecture's loop) and read BatchNorm's insides.
    progress(done, setup.steps) every 1% of the steps."""
    if setup.vocab_size != data.vocab.size or setup.block_size != data.block_size:
        raise ValueError("setup vocab_size/block_size do not match the dataset")
    if not 0 < setup.momentum <= 1:
        raise ValueError(f"momentum must be in (0, 1], got {setup.momentum}")
    net = _Net(setup)
    g = net.gen
    probe_X = data.Xtr[: setup.batch_size]
    pre_init, stats_init = _probe_rows(net, probe_X, "init")
    running, grads, train_loss = [], [], []
    tracked = torch.arange(TRACKED)
    diverged_at = None
    for step in range(setup.steps):
        ix = torch.randint(0, data.Xtr.shape[0], (setup.batch_size,), generator=g)
        Xb, Yb = data.Xtr[ix], data.Ytr[ix]
        pre = net.pre(Xb)
        mean, std = net.batch_stats(pre)
        loss = F.cross_entropy(net.logits(net.normalise(pre, mean, std)), Yb)
        if not math.isfinite(float(loss.detach())):
            diverged_at = step
            break
        grads_now = torch.autograd.grad(loss, list(net.p.values()))
        for t, gr in zip(net.p.values(), grads_now):
            t.grad = gr
        with torch.no_grad():
            net.run_mean.lerp_(mean.detach(), setup.momentum)
            net.run_std.lerp_(std.detach(), setup.momentum)
            if step % RECORD_EVERY == 0 or step == setup.steps - 1:
                train_loss.append((step, float(loss)))
                for n in tracked.tolist():
                    running.append((step, n, float(net.run_mean[n]), float(net.run_std[n])))
                for name in ("b1", "bnbias"):
                    grad = net.p[name].grad
                    assert grad is not None
                    grads.append((step, name, float(grad.abs().max())))
            for t in net.p.values():
                assert t.grad is not None
                t -= setup.lr * t.grad
        if progress is not None and (step + 1) % max(1, setup.steps // 100) == 0:
            progress(step + 1, setup.steps)
    pre_tr, stats_tr = _probe_rows(net, probe_X, "trained")
    with torch.no_grad():
        all_pre = net.pre(data.Xtr)
        calib = (all_pre.mean(0), (all_pre.var(0) + BN_EPS).sqrt())
        one = net.pre(data.Xtr[:1])
        # a batch of one: its unbiased variance is 0 / 0 (torch.var warns; this says why)
        var_one = ((one - one.mean(0)) ** 2).sum(0) / (one.shape[0] - 1) if one.shape[0] > 1 else one * math.nan
        single = net.normalise(one, one.mean(0), (var_one + BN_EPS).sqrt())
    n = LOSS_EXAMPLES  # the first n of each split (shuffled already): three ways, ~0.01 apart
    losses = [
        {"split": split, "stats": stats, "loss": net.loss_with(X[:n], Y[:n], stats, calib)}
        for split, X, Y in (("train", data.Xtr, data.Ytr), ("val", data.Xdev, data.Ydev))
        for stats in ("batch", "running", "calibrated")
    ]
    jitter = _jitter(net, data, torch.Generator().manual_seed(setup.seed + 2))
    summary = jitter.groupby("batch_size").agg(loss_std=("loss", "std"), out_std=("out_std", "first")).reset_index()
    return BNProbe(
        pre=pd.concat([pre_init, pre_tr], ignore_index=True),
        neuron_stats=pd.concat([stats_init, stats_tr], ignore_index=True),
        running=pd.DataFrame(running, columns=["step", "neuron", "mean", "std"]),
        calibrated=pd.DataFrame(
            {"neuron": np.arange(len(calib[0])), "mean": calib[0].numpy(), "std": calib[1].numpy()}
        ),
        grads=pd.DataFrame(grads, columns=["step", "param", "grad_abs_max"]),
        losses=pd.DataFrame(losses),
        jitter=jitter,
        jitter_summary=summary,
        train_loss=pd.DataFrame(train_loss, columns=["step", "loss"]),
        diverged_at=diverged_at,
        gap_mean=float((net.run_mean - calib[0]).abs().mean()),
        gap_std=float((net.run_std - calib[1]).abs().mean()),
        single_batch_finite=bool(torch.isfinite(single).all()),
    )
