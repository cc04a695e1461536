"""Train K MLP variants together with SGD and record tidy DataFrames along the way.

    result = train_variants([MLPConfig("tanh"), MLPConfig("relu")], TrainConfig(steps=1000),
                            names_dataset())
    result.loss  # step, variant, split, loss

Variants of the same shape (every activation but maxout with k > 1) share one stacked
computation; each variant gets exactly the losses it would get if trained alone.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import torch

from core import activations as A
from core import sample
from core.config import MLPConfig, TrainConfig
from core.data import Dataset
from core.model import PARAM_NAMES, ShapeKey, StackedMLP, ce_targets, mean_nll_, shape_key

Progress = Callable[[int, int], None]  # (steps done, steps in all)

_CHECK_EVERY = 50  # steps between divergence checks (the batch losses are taken then)
_CHUNK = 250  # minibatches drawn at once
# Variants trained in one stack at most; a bigger group trains as several stacks, one after the
# other. Past ~16 nets a step's tensors (~200 KB a net) outgrow the L2 cache and every net-step
# gets slower (2-core EPYC, 1 thread: ~104 us a net-step at K = 16, ~120 at K = 32).
_MAX_STACK = 16
assert _CHUNK % _CHECK_EVERY == 0, "a check window must lie inside one chunk of minibatches"


FRAMES = ("variants", "loss", "snapshots", "logits", "activity", "updates", "samples")  # TrainResult's


@dataclass(frozen=True, eq=False)
class TrainResult:
    """What a training run recorded. Every frame is long format; `variant` is the variant name.

    variants:  variant, activation, diverged_at (Int64, <NA> if finite), final_train, final_val
    loss:      step, variant, split ("batch" every step; "train"/"val" at eval steps), loss
    snapshots: step, variant, example, neuron, pre, h, grad   (the minibatch of that step;
               pre = input of the activation, grad = dL/dh)
    logits:    step, variant, example, cls, logit, target     (same minibatch)
    activity:  step, variant, neuron, inactive_frac  (fraction of the activity set on
               which the neuron is inactive: saturated, or zero gradient for the ReLU family)
    updates:   step, variant, param, ratio  (log10 std(lr*grad)/std(param); if record_updates)
    samples:   variant, sample, name  (tcfg.sample_names names made up at the end, core.sample;
               none for a diverged variant)
    """

    variants: pd.DataFrame
    loss: pd.DataFrame
    snapshots: pd.DataFrame
    logits: pd.DataFrame
    activity: pd.DataFrame
    updates: pd.DataFrame
    samples: pd.DataFrame

    def diverged(self) -> dict[str, int]:
        """{variant: step} for the variants whose loss became NaN or inf."""
        d = self.variants.dropna(subset=["diverged_at"])
        return dict(zip(d["variant"], d["diverged_at"].astype(int)))


def variant_names(cfgs: Sequence[MLPConfig]) -> list[str]:
    """Unique variant names: the activation key, with " #2", " #3" on repeats, in order."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for cfg in cfgs:
        n = cfg.activation
        seen[n] = seen.get(n, 0) + 1
        names.append(n if seen[n] == 1 else f"{n} #{seen[n]}")
    return names


def train_variants(
    cfgs: Sequence[MLPConfig],
    tcfg: TrainConfig,
    data: Dataset,
    progress: Progress | None = None,
) -> TrainResult:
    """Train every config in `cfgs` on `data` with SGD; same seed for all.

    Same-shape variants train in one stacked computation (up to _MAX_STACK at a time); each
    variant's numbers are bit for bit those it gets alone. Loss is cross-entropy,
    lr follows tcfg.lr_at(step). A variant whose loss turns NaN/inf is stopped and reported
    in `variants.diverged_at`; its rows after that step are dropped, never returned as NaN.
    """
    if not cfgs:
        raise ValueError("train_variants needs at least one config")
    for cfg in cfgs:
        if cfg.activation not in A.REGISTRY:
            raise ValueError(f"unknown activation {cfg.activation!r}")
        if cfg.vocab_size != data.vocab.size or cfg.block_size != data.block_size:
            raise ValueError("config vocab_size/block_size do not match the dataset")
    names = variant_names(cfgs)
    groups: dict[ShapeKey, list[int]] = {}
    for i, cfg in enumerate(cfgs):
        groups.setdefault(shape_key(cfg), []).append(i)
    # same activation next to each other: each function then runs on one contiguous slice
    for rows in groups.values():
        rows.sort(key=lambda i: (cfgs[i].activation, cfgs[i].act_params))
    stacks = [rows[a : a + _MAX_STACK] for rows in groups.values() for a in range(0, len(rows), _MAX_STACK)]
    total = tcfg.steps * len(stacks)
    parts: list[TrainResult] = []
    for gi, rows in enumerate(stacks):

        def sub_progress(done: int, _all: int, base: int = gi * tcfg.steps) -> None:
            if progress is not None:
                progress(base + done, total)

        in_caller_order = [names[i] for i in sorted(rows)]
        parts.append(
            _train_group([cfgs[i] for i in rows], [names[i] for i in rows], tcfg, data, sub_progress, in_caller_order)
        )
    if len(parts) == 1:  # its frames already list the variants in the caller's order
        return parts[0]
    # restore the caller's order of variants across stacks
    frames: dict[str, pd.DataFrame] = {}
    for field in FRAMES:
        df = pd.concat([getattr(p, field) for p in parts], ignore_index=True)
        if len(df):
            # stable sort on integer codes (3x faster than mapping the name strings)
            rank = pd.Categorical(df["variant"], categories=names).codes
            df = df.take(np.argsort(rank, kind="stable")).reset_index(drop=True)
        frames[field] = df
    return TrainResult(**frames)


def _every(tcfg: TrainConfig, every: int, always_end: bool) -> set[int]:
    """Steps at which to record: 0, every, 2*every, ... and `steps` (after the last update)."""
    if every <= 0:
        return {tcfg.steps} if always_end else set()
    return set(range(0, tcfg.steps, every)) | {tcfg.steps}


def _train_group(
    cfgs: Sequence[MLPConfig],
    names: list[str],
    tcfg: TrainConfig,
    data: Dataset,
    progress: Progress,
    order: list[str],
) -> TrainResult:
    """Train one stacked group; its frames list the variants in `order` (the caller's)."""
    net = StackedMLP(cfgs, tcfg.seed)
    K, B = net.K, tcfg.batch_size
    g = net.batch_gen
    Xtr, Ytr = data.Xtr, data.Ytr
    eval_at = _every(tcfg, tcfg.eval_every, always_end=True)
    act_at = _every(tcfg, tcfg.activity_every, always_end=False)
    snap_at = {s for s in tcfg.snapshot_steps if 0 <= s <= tcfg.steps}
    act_X = _head(Xtr, tcfg.activity_examples)
    ev_tr = (_head(Xtr, tcfg.eval_examples), _head(Ytr, tcfg.eval_examples))
    ev_val = (_head(data.Xdev, tcfg.eval_examples), _head(data.Ydev, tcfg.eval_examples))

    batch_loss = torch.full((tcfg.steps, K), math.nan)
    diverged_at: list[int | None] = [None] * K  # first step whose loss was NaN/inf
    evals: list[tuple[int, str, torch.Tensor]] = []  # (step, split, loss per variant)
    snaps: list[tuple[int, dict[str, torch.Tensor]]] = []  # (step, train_step's cache)
    logit_rows: list[tuple[int, torch.Tensor, torch.Tensor]] = []  # (step, logits, targets)
    acts: list[tuple[int, torch.Tensor]] = []  # (step, inactive fraction (K, n_hidden))
    upd: list[tuple[int, torch.Tensor]] = []  # (step, update ratios (P, K))
    last_checked = 0
    report_every = max(1, tcfg.steps // 100)
    steps_run = tcfg.steps

    def alive() -> list[int]:
        return [k for k in range(K) if diverged_at[k] is None]

    # Training runs in inference mode, which also skips autograd's per-op bookkeeping (version
    # counters, view tracking): ~7% of a step at this size. Entered once, not per step (~3 us
    # a time). Not when a block needs autograd (PReLU, maxout), and not around evaluation:
    # inactive_mask takes f'_max from autograd, which inference mode turns off (f' would come
    # out 0, and be cached), so evaluation steps out of it.
    step_mode = torch.no_grad if net.uses_autograd else torch.inference_mode
    with step_mode():
        batches = _Minibatches(data, B, g, min(_CHUNK, tcfg.steps))
        # log-probs (K, V, B) of each step since the last check: their losses are then one op
        lp_window = torch.empty(_CHECK_EVERY, K, data.vocab.size, B)
        lp_slots = lp_window.unbind()
        for step in range(tcfg.steps + 1):
            if step in eval_at or step in act_at:
                with torch.inference_mode(False):  # both evaluations run under their own no_grad
                    if step in eval_at:
                        evals.append((step, "train", net.forward_eval(*ev_tr)))
                        evals.append((step, "val", net.forward_eval(*ev_val)))
                    if step in act_at:
                        acts.append((step, _inactive_fraction(net, act_X)))
            if step == tcfg.steps:
                break
            if step % _CHUNK == 0:
                batches.draw(min(_CHUNK, tcfg.steps - step))
            ids, target = batches.step_ids[step % _CHUNK], batches.step_targets[step % _CHUNK]
            lr = tcfg.lr_at(step)
            lp = lp_slots[step % _CHECK_EVERY]
            if tcfg.record_updates and step >= tcfg.updates_from:  # the ratios need the gradients themselves
                cache = net.step_into(ids, target, lp, need_cache=step in snap_at)
                upd.append((step, _update_ratios(net, net.grads, lr)))
                net.sgd_update(lr)
            else:  # SGD fused into the backward pass
                cache = net.step_into(ids, target, lp, lr, need_cache=step in snap_at)
            if cache is not None:
                snaps.append((step, cache))
                logit_rows.append((step, cache["logits"], batches.Y[step % _CHUNK].clone()))
            if (step + 1) % _CHECK_EVERY == 0 or step + 1 == tcfg.steps:
                n_win, at = step + 1 - last_checked, last_checked % _CHUNK
                batch_loss[last_checked : step + 1] = mean_nll_(lp_window[:n_win], batches.targets[at : at + n_win])
                _check_divergence(batch_loss, last_checked, step + 1, diverged_at)
                last_checked = step + 1
                if not alive():
                    steps_run = step + 1
                    break
            if (step + 1) % report_every == 0:
                progress(step + 1, tcfg.steps)
    progress(tcfg.steps, tcfg.steps)
    made_up = {
        k: sample.names(functools.partial(net.next_logits, k), data.vocab, data.block_size, tcfg.sample_names)
        for k in alive()
        if tcfg.sample_names > 0
    }
    frames = _frames(names, order, cfgs, tcfg, batch_loss[:steps_run], diverged_at, evals, snaps, logit_rows, acts, upd)
    samples = pd.DataFrame(
        [(names[k], i, name) for k in (names.index(v) for v in order) for i, name in enumerate(made_up.get(k, ()))],
        columns=["variant", "sample", "name"],
    )
    return dataclasses.replace(frames, samples=samples)


def _head(t: torch.Tensor, n: int) -> torch.Tensor:
    """The first n rows (the split is already shuffled), or all when n <= 0."""
    return t if n <= 0 else t[:n]


class _Minibatches:
    """The minibatches of up to _CHUNK steps, drawn at once into buffers allocated once.

    The same stream as one randint per step, as the lecture (checked in tests), with a few ops
    per chunk instead of per step; each step's views (its flat character ids (B*T,) and
    ce_targets (V, B)) are made once too. A step's rows are overwritten by the next chunk.
    """

    def __init__(self, data: Dataset, B: int, g: torch.Generator, size: int):
        self.X, self.Yall, self.B, self.g = data.Xtr, data.Ytr, B, g
        self.ids = torch.empty(size, B * data.block_size, dtype=data.Xtr.dtype)
        self.Y = torch.empty(size, B, dtype=data.Ytr.dtype)
        self.targets = torch.empty(size, data.vocab.size, B)
        self.step_ids, self.step_targets = self.ids.unbind(), self.targets.unbind()

    def draw(self, n: int) -> None:
        """Rows 0..n-1 become the next n steps' minibatches."""
        ix = torch.randint(0, self.X.shape[0], (n, self.B), generator=self.g).view(-1)
        # index_select into the buffers: ~2x cheaper than X[ix]'s advanced indexing
        torch.index_select(self.X, 0, ix, out=self.ids[:n].view(-1, self.X.shape[1]))
        torch.index_select(self.Yall, 0, ix, out=self.Y[:n].view(-1))
        ce_targets(self.Y[:n], self.targets.shape[1], out=self.targets[:n])


def _check_divergence(batch_loss: torch.Tensor, start: int, stop: int, diverged_at: list[int | None]) -> None:
    """Mark the first non-finite step of each variant in batch_loss[start:stop]."""
    window = batch_loss[start:stop]
    bad = ~torch.isfinite(window)
    if not bad.any():
        return
    for k in range(window.shape[1]):
        if diverged_at[k] is None and bad[:, k].any():
            diverged_at[k] = start + int(bad[:, k].nonzero()[0, 0])


@torch.no_grad()
def _inactive_fraction(net: StackedMLP, X: torch.Tensor, chunk: int = 16384) -> torch.Tensor:
    """(K, n_hidden) fraction of examples on which each hidden unit is inactive."""
    params = [A.resolve_params(cfg.activation, cfg.params_dict()) for cfg in net.cfgs]  # once, not per chunk
    counts = torch.zeros(net.K, net.params["W2"].shape[1], dtype=torch.float64)
    if X.shape[0] == 0:
        raise ValueError("the activity set has no examples")
    for s in range(0, X.shape[0], chunk):
        for rows in net.eval_rows():  # a few variants at a time: z is (rows, chunk, H)
            z = net.hidden_eval(X[s : s + chunk], rows)
            for k, zk in zip(range(net.K)[rows], z):
                cfg = net.cfgs[k]
                counts[k] += A.inactive_mask(cfg.activation, zk, params=params[k]).sum(0).double()
    return (counts / X.shape[0]).float()


def _update_ratios(net: StackedMLP, grads: Mapping[str, torch.Tensor], lr: float) -> torch.Tensor:
    """(P, K) log10(std(lr * grad) / std(param)) for each parameter, per variant."""
    rows: list[torch.Tensor] = []
    for n in PARAM_NAMES:
        if n in net.params:
            p, gr = net.params[n].flatten(1), grads[n].flatten(1)
            rows.append((_row_std(lr * gr) / _row_std(p)).log10())
    return torch.stack(rows)


def _row_std(x: torch.Tensor) -> torch.Tensor:
    """Unbiased std of each row of x (K, N) -> (K,), from two sums over the row.

    Not Tensor.std: its reduction differs in the last bits with the number of rows, so a
    variant's ratios would depend on the variants stacked beside it."""
    centred = x - x.sum(1, keepdim=True) / x.shape[1]
    return (centred.square().sum(1) / (x.shape[1] - 1)).sqrt()


class _LongFrame:
    """A long-format frame gathered part by part, built once at the end: a DataFrame per part
    and then pd.concat costs ~0.5 ms a part, which a K = 8 run with snapshots pays ~40 times.
    Rows come out variant by variant in `order`, each variant's in the order they were added
    (so no sort of the finished frame is needed)."""

    def __init__(self, columns: list[str], order: list[str]):
        self.columns = columns
        self.by_variant: dict[str, list[dict[str, np.ndarray[Any, Any]]]] = {v: [] for v in order}

    def add(self, **cols: Any) -> None:
        """One part: arrays of equal length, and scalars repeated to that length."""
        n = next(len(v) for v in cols.values() if not np.isscalar(v))
        part: dict[str, np.ndarray[Any, Any]] = {}
        for c, v in cols.items():
            if not np.isscalar(v):
                part[c] = np.asarray(v)
            else:  # strings as objects: pandas makes its str dtype of those ~2x faster than of '<U'
                part[c] = np.full(n, v, dtype=object if isinstance(v, str) else None)
        self.by_variant[cols["variant"]].append(part)

    def frame(self) -> pd.DataFrame:
        parts = [p for ps in self.by_variant.values() for p in ps]
        if not parts:
            return pd.DataFrame(columns=self.columns)
        return pd.DataFrame({c: np.concatenate([p[c] for p in parts]) for c in self.columns})


def _frames(
    names: list[str],
    order: list[str],
    cfgs: Sequence[MLPConfig],
    tcfg: TrainConfig,
    batch_loss: torch.Tensor,
    diverged_at: Sequence[int | None],
    evals: Sequence[tuple[int, str, torch.Tensor]],
    snaps: Sequence[tuple[int, Mapping[str, torch.Tensor]]],
    logit_rows: Sequence[tuple[int, torch.Tensor, torch.Tensor]],
    acts: Sequence[tuple[int, torch.Tensor]],
    upd: Sequence[tuple[int, torch.Tensor]],
) -> TrainResult:
    K = len(names)
    cut = [d if d is not None else math.inf for d in diverged_at]  # keep steps < cut

    loss = _LongFrame(["step", "variant", "split", "loss"], order)
    steps = np.arange(batch_loss.shape[0])
    for k in range(K):
        kept = int(min(cut[k], batch_loss.shape[0]))  # steps < cut are the first rows
        loss.add(step=steps[:kept], variant=names[k], split="batch", loss=batch_loss[:kept, k].double().numpy())
    final: dict[tuple[int, str], float] = {}
    for step, split, vals in evals:
        for k in range(K):
            v = float(vals[k])
            if step < cut[k] and math.isfinite(v):
                loss.add(step=[step], variant=names[k], split=split, loss=[v])
                final[(k, split)] = v

    snapshots = _LongFrame(["step", "variant", "example", "neuron", "pre", "h", "grad"], order)
    logits = _LongFrame(["step", "variant", "example", "cls", "logit", "target"], order)
    for step, cache in snaps:
        Bn, Hn = cache["h"].shape[1], cache["h"].shape[2]
        ex = np.arange(Bn).repeat(Hn)
        ne = np.tile(np.arange(Hn), Bn)
        for k in range(K):
            if step >= cut[k]:
                continue
            z = cache["z"][k]
            # maxout's z is k-times wider; its "pre-activation" per unit is the winning piece
            pre = z if z.shape[1] == Hn else cache["h"][k]
            snapshots.add(
                step=step,
                variant=names[k],
                example=ex,
                neuron=ne,
                pre=pre.reshape(-1).numpy(),
                h=cache["h"][k].reshape(-1).numpy(),
                grad=cache["dh"][k].reshape(-1).numpy(),
            )
    for step, lg, Yb in logit_rows:
        Bn, Vn = lg.shape[1], lg.shape[2]
        for k in range(K):
            if step >= cut[k]:
                continue
            logits.add(
                step=step,
                variant=names[k],
                example=np.arange(Bn).repeat(Vn),
                cls=np.tile(np.arange(Vn), Bn),
                logit=lg[k].reshape(-1).numpy(),
                target=Yb.repeat_interleave(Vn).numpy(),
            )
    activity = _LongFrame(["step", "variant", "neuron", "inactive_frac"], order)
    for step, frac in acts:
        for k in range(K):
            if step < cut[k] and torch.isfinite(frac[k]).all():
                activity.add(
                    step=step, variant=names[k], neuron=np.arange(frac.shape[1]), inactive_frac=frac[k].numpy()
                )
    updates = _LongFrame(["step", "variant", "param", "ratio"], order)
    present = [n for n in PARAM_NAMES if n in ("C", "W1", "b1", "W2", "b2") or cfgs[0].batchnorm]
    for step, r in upd:
        for k in range(K):
            if step < cut[k]:
                updates.add(step=step, variant=names[k], param=present, ratio=r[:, k].numpy())

    ks = [names.index(n) for n in order]  # rows in the caller's order
    variants = pd.DataFrame(
        {
            "variant": order,
            "activation": [cfgs[k].activation for k in ks],
            "diverged_at": pd.array([diverged_at[k] for k in ks], dtype="Int64"),
            "final_train": [final.get((k, "train"), math.nan) if diverged_at[k] is None else math.nan for k in ks],
            "final_val": [final.get((k, "val"), math.nan) if diverged_at[k] is None else math.nan for k in ks],
        }
    )
    return TrainResult(
        variants=variants,
        loss=loss.frame(),
        snapshots=snapshots.frame(),
        logits=logits.frame(),
        activity=activity.frame(),
        updates=updates.frame(),
        samples=pd.DataFrame(columns=["variant", "sample", "name"]),  # filled by the caller
    )
