"""The trainer and model against the lecture's numbers and against autograd."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest
import torch
import torch.nn.functional as F

from core import diagnostics as D
from core.config import FIXED_SOFTMAX, FIXED_TANH, KAIMING, NAIVE, MLPConfig, TrainConfig
from core.data import names_dataset
from core.model import StackedMLP
from core.train import train_variants, variant_names

EXPECTED = -math.log(1 / 27)  # 3.2958


@pytest.fixture(scope="module")
def data():
    return names_dataset()


def step0(cfgs, data, **kw):
    return train_variants(cfgs, TrainConfig(steps=1, snapshot_steps=(0,), **kw), data)


def test_init_loss_matches_lecture(data):
    r = train_variants([NAIVE, FIXED_SOFTMAX], TrainConfig(steps=0, eval_examples=20_000), data)
    init = D.init_loss(r.loss, 27).set_index("variant")
    assert init.loc["tanh", "train_loss"] > 15  # lecture: ~27.9 on its first batch
    assert abs(init.loc["tanh #2", "train_loss"] - EXPECTED) < 0.05  # lecture: 3.32
    assert init["expected"].iloc[0] == pytest.approx(3.2958, abs=1e-4)


def test_first_batch_loss_is_confidently_wrong(data):
    r = step0([NAIVE], data)
    first = r.loss.query("split == 'batch' and step == 0")["loss"].item()
    assert first > 15


def saturation_pct(result, variant="tanh", threshold=0.99):
    snap = result.snapshots.query("variant == @variant and step == 0")
    return D.saturation_summary(D.saturation_map(snap, "tanh", threshold=threshold))["pct_inactive"]


def test_scaling_w1_cuts_tanh_saturation(data):
    before = saturation_pct(step0([FIXED_SOFTMAX], data))
    after = saturation_pct(step0([FIXED_TANH], data))
    assert before > 5 * after
    assert before > 10  # the lecture's map is mostly white


def test_saturation_rule_is_the_lectures(data):
    snap = step0([FIXED_SOFTMAX], data).snapshots
    m = D.saturation_map(snap, "tanh", threshold=0.99)
    assert (m["inactive"] == (m["h"].abs() > 0.99)).all()


def test_high_lr_kills_relu_not_leaky(data):
    # Wide pre-activations plus a high learning rate knock ReLU units into the flat region.
    base = FIXED_SOFTMAX.with_(w1_scale=0.5)
    cfgs = [base.with_(activation="relu"), base.with_(activation="leaky_relu")]
    tcfg = TrainConfig(
        steps=500, lr=1.2, lr_decay_step=10**9, activity_every=500, activity_examples=20_000, eval_examples=1000
    )
    r = train_variants(cfgs, tcfg, data)
    dead = D.dead_over_time(r.activity)
    last = dead[dead["step"] == dead["step"].max()].set_index("variant")["dead"]
    assert last["relu"] > 0
    assert last["leaky_relu"] == 0


def test_same_config_same_frames(data):
    cfgs = [KAIMING, KAIMING.with_(activation="relu")]
    tcfg = TrainConfig(
        steps=120, snapshot_steps=(0, 100), activity_every=60, activity_examples=2000, eval_examples=2000
    )
    a, b = train_variants(cfgs, tcfg, data), train_variants(cfgs, tcfg, data)
    for field in ("variants", "loss", "snapshots", "logits", "activity"):
        pd.testing.assert_frame_equal(getattr(a, field), getattr(b, field))
    c = train_variants(cfgs, TrainConfig(steps=120, seed=1, eval_examples=2000), data)
    assert not a.loss.query("split == 'batch'")["loss"].equals(c.loss.query("split == 'batch'")["loss"])


def test_global_rng_untouched(data):
    state = torch.get_rng_state()
    train_variants([KAIMING], TrainConfig(steps=20, eval_examples=100), data)
    assert torch.equal(state, torch.get_rng_state())


@pytest.mark.parametrize("batchnorm", [False, True])
def test_batched_variants_match_single_runs(data, batchnorm):
    acts = ["tanh", "relu", "gelu", "elu", "prelu", "sigmoid"]
    cfgs = [KAIMING.with_(activation=a, batchnorm=batchnorm) for a in acts]
    tcfg = TrainConfig(steps=150, eval_examples=3000)
    together = train_variants(cfgs, tcfg, data).loss.set_index(["variant", "split", "step"])["loss"]
    for cfg in cfgs:
        alone = train_variants([cfg], tcfg, data).loss.set_index(["variant", "split", "step"])["loss"]
        torch.testing.assert_close(
            torch.tensor(together.loc[cfg.activation].to_numpy()),
            torch.tensor(alone.loc[cfg.activation].to_numpy()),
            atol=1e-5,
            rtol=0,
        )


def test_maxout_trains_in_its_own_group(data):
    cfgs = [KAIMING, KAIMING.with_(activation="maxout")]
    r = train_variants(cfgs, TrainConfig(steps=50, eval_examples=1000), data)
    assert list(r.variants["variant"]) == ["tanh", "maxout"]
    assert r.variants["diverged_at"].isna().all()


def test_divergence_reports_the_step(data):
    cfgs = [NAIVE.with_(activation="relu"), FIXED_TANH]
    r = train_variants(cfgs, TrainConfig(steps=400, lr=1e4, lr_decay_step=10**9, eval_examples=500), data)
    div = r.diverged()
    assert "relu" in div and 0 <= div["relu"] < 400
    wild = r.loss.query("variant == 'relu'")
    assert wild["loss"].notna().all() and (wild["step"] < div["relu"]).all()
    assert all(map(math.isfinite, wild["loss"]))
    assert "tanh" not in div  # the other variant trains on


def test_progress_callback(data):
    seen = []
    train_variants(
        [KAIMING], TrainConfig(steps=200, eval_examples=100), data, progress=lambda d, n: seen.append((d, n))
    )
    assert seen[-1] == (200, 200) and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:]))


def test_chunked_batches_match_per_step_draws(data):
    """The trainer draws minibatches in chunks; the stream must equal one draw per step, as the lecture."""
    g1 = torch.Generator().manual_seed(5)
    chunk = torch.randint(0, 1000, (250, 32), generator=g1)
    g2 = torch.Generator().manual_seed(5)
    steps = torch.stack([torch.randint(0, 1000, (32,), generator=g2) for _ in range(250)])
    assert torch.equal(chunk, steps)


@pytest.mark.parametrize(
    "act,batchnorm",
    [
        ("tanh", False),
        ("relu", True),
        ("maxout", False),
        ("prelu", False),
        ("gelu", True),
        ("elu", False),
        ("silu", False),
        ("mish", False),
        ("step", False),
    ],
)
def test_handwritten_backward_matches_autograd(data, act, batchnorm):
    cfg = MLPConfig(activation=act, batchnorm=batchnorm, w1_scale=0.3, w2_scale=0.1)
    net = StackedMLP([cfg], seed=3)
    Xb, Yb = data.Xtr[:32], data.Ytr[:32]
    loss, grads, _ = net.train_step(Xb, Yb)
    # the same network written with autograd, as the lecture's notebook does
    P = {k: v[0].clone().requires_grad_() for k, v in net.params.items()}
    x = P["C"][Xb].view(32, -1)
    pre = x @ P["W1"] + P["b1"][0]
    z = P["bngain"][0] * (pre - pre.mean(0)) / torch.sqrt(pre.var(0) + 1e-5) + P["bnbias"][0] if batchnorm else pre
    learn = {n: t.clone().requires_grad_() for n, t in net.act_learn.get(0, {}).items()}
    from core import activations as A

    spec = A.REGISTRY[act]
    h = spec.fn(z, **{**A.resolve_params(act), **learn}) if learn else A.layer(act, z)
    ref = F.cross_entropy(h @ P["W2"] + P["b2"][0], Yb)
    ref.backward()
    assert loss.item() == pytest.approx(ref.item(), abs=1e-5)
    for name, p in P.items():
        torch.testing.assert_close(grads[name][0], p.grad, atol=1e-5, rtol=1e-4, msg=name)
    for name, t in learn.items():
        assert net.act_learn[0][name].grad.item() == pytest.approx(t.grad.item(), abs=1e-5)


def _autograd_grads(net, k, Xb, Yb):
    """Variant k of `net` written with autograd, as the lecture's notebook: its loss and grads."""
    from core import activations as A

    cfg = net.cfgs[k]
    B = Xb.shape[0]
    P = {n: v[k].clone().requires_grad_() for n, v in net.params.items()}
    x = P["C"][Xb].view(B, -1)
    pre = x @ P["W1"] + P["b1"][0]
    z = P["bngain"][0] * (pre - pre.mean(0)) / torch.sqrt(pre.var(0) + 1e-5) + P["bnbias"][0] if cfg.batchnorm else pre
    learn = {n: t.clone().requires_grad_() for n, t in net.act_learn.get(k, {}).items()}
    params = A.resolve_params(cfg.activation, cfg.params_dict())
    h = A.REGISTRY[cfg.activation].fn(z, **{**params, **learn}) if learn else A.layer(cfg.activation, z, params)
    ref = F.cross_entropy(h @ P["W2"] + P["b2"][0], Yb)
    ref.backward()
    return ref, {n: p.grad for n, p in P.items()}, {n: t.grad for n, t in learn.items()}


@pytest.mark.parametrize("batchnorm", [False, True])
def test_mixed_stack_backward_matches_autograd(data, batchnorm):
    """Unsorted rows (tanh twice, apart), fused, closed-form and autograd blocks in one stack:
    every variant's loss and gradients equal its own autograd network's, step after step."""
    acts = [
        ("tanh", ()),
        ("relu", ()),
        ("tanh", ()),
        ("prelu", ()),
        ("prelu", (("a", 0.1),)),
        ("softsign", ()),
        ("selu", ()),
        ("mish", ()),
        ("silu", (("beta", 2.0),)),
        ("elu", (("alpha", 0.5),)),
        ("step", ()),
    ]
    cfgs = [MLPConfig(activation=a, act_params=p, batchnorm=batchnorm, w1_scale=0.3, w2_scale=0.1) for a, p in acts]
    net = StackedMLP(cfgs, seed=3)
    assert [(b.start, b.stop) for b in net.blocks][:3] == [(0, 1), (1, 2), (2, 3)]  # runs of equal rows only
    for s in range(3):  # later steps reuse the workspace: results must not leak between steps
        Xb, Yb = data.Xtr[32 * s : 32 * s + 32], data.Ytr[32 * s : 32 * s + 32]
        loss, grads, _ = net.train_step(Xb, Yb)
        for k in range(len(cfgs)):
            ref, ref_grads, ref_learn = _autograd_grads(net, k, Xb, Yb)
            assert loss[k].item() == pytest.approx(ref.item(), abs=1e-5), (s, acts[k])
            for name, g in ref_grads.items():
                torch.testing.assert_close(grads[name][k], g, atol=1e-5, rtol=1e-4, msg=f"{acts[k]} {name}")
            for name, g in ref_learn.items():
                assert net.act_learn[k][name].grad.item() == pytest.approx(g.item(), abs=1e-5)
        net.sgd_update(0.1)


def test_fused_backward_matches_autograd():
    """Every one-kernel f' equals autograd's, for default and non-default parameters."""
    from core import activations as A

    x = torch.cat([torch.linspace(-30, 30, 601), torch.tensor([0.0, 1.0, -1.0, 1e-7, -1e-7])]).double()
    dy = torch.linspace(-2, 2, x.numel()).double()
    checked = 0
    for key, spec in A.REGISTRY.items():
        for p in [{}, *({q.name: q.max} for q in spec.params), *({q.name: q.min} for q in spec.params)]:
            fused = A.fused_backward(key, p)
            if fused is None:
                continue
            params = A.resolve_params(key, p)
            xr = x.clone().requires_grad_()
            y = spec.fn(xr, **params)
            (ref,) = torch.autograd.grad(y, xr, dy)
            out = torch.full_like(x, math.nan)
            assert fused(dy, x, y.detach(), out) is out
            torch.testing.assert_close(out, ref, atol=1e-12, rtol=1e-9, msg=f"{key} {p}")
            checked += 1
    assert checked >= 20


def test_forward_into_is_the_entrys_own_function():
    """The trainer writes f(x) into its buffer with forward_into: bit for bit the entry's fn,
    also into a strided slice like the trainer's per-activation rows."""
    from core import activations as A

    x = torch.cat([torch.linspace(-30, 30, 601), torch.tensor([0.0, 1.0, -1.0, 1e-7, -1e-7])])
    checked = 0
    for key, spec in A.REGISTRY.items():
        if spec.width_multiplier is not None or spec.learnable:
            continue  # not element-wise, or trained by autograd
        for p in [{}, *({q.name: q.max} for q in spec.params), *({q.name: q.min} for q in spec.params)]:
            buf = torch.full((3, x.numel()), math.nan)
            row = buf[1]
            assert A.forward_into(key, p)(x, row) is row
            assert torch.equal(buf[1], spec.fn(x, **A.resolve_params(key, p))), f"{key} {p}"
            assert buf[0].isnan().all() and buf[2].isnan().all(), f"{key} wrote outside its slice"
            checked += 1
    assert checked >= 20


def test_train_step_cache_is_not_overwritten(data):
    """The snapshot cache must be a copy: the next step reuses the step's buffers."""
    net = StackedMLP([KAIMING, KAIMING.with_(activation="relu")], seed=1)
    _, _, cache = net.train_step(data.Xtr[:32], data.Ytr[:32], need_cache=True)
    kept = {n: t.clone() for n, t in cache.items()}
    net.sgd_update(0.1)
    net.train_step(data.Xtr[32:64], data.Ytr[32:64])
    for n, t in cache.items():
        assert torch.equal(t, kept[n]), n


@pytest.mark.parametrize("batchnorm", [False, True])
@pytest.mark.parametrize("acts", [("tanh", "prelu", "gelu"), ("maxout",)])
def test_sgd_fused_into_backward_matches_sgd_update(data, batchnorm, acts):
    """train_step(lr=...) updates the parameters as train_step + sgd_update does (to rounding)."""
    cfgs = [KAIMING.with_(activation=a, batchnorm=batchnorm) for a in acts]
    a, b = StackedMLP(cfgs, seed=5), StackedMLP(cfgs, seed=5)
    for s in range(5):
        Xb, Yb = data.Xtr[32 * s : 32 * s + 32], data.Ytr[32 * s : 32 * s + 32]
        loss_a, grads, _ = a.train_step(Xb, Yb)
        a.sgd_update(0.1)
        loss_b, none, _ = b.train_step(Xb, Yb, lr=0.1)
        assert none is None
        torch.testing.assert_close(loss_a, loss_b, atol=1e-6, rtol=0)
    for name in a.params:
        torch.testing.assert_close(a.params[name], b.params[name], atol=1e-6, rtol=1e-5, msg=name)
    for k, d in a.act_learn.items():
        for name, t in d.items():
            torch.testing.assert_close(t, b.act_learn[k][name], atol=1e-6, rtol=1e-5)


def test_activity_stats_unharmed_by_fast_training_mode(data):
    """Training steps run in inference mode; the activity stats must not (their f'_max comes
    from autograd and is cached process-wide: computed there it would be 0 for good)."""
    from core import activations as A

    A._max_abs_derivative.cache_clear()
    r = train_variants(
        [KAIMING], TrainConfig(steps=20, activity_every=10, activity_examples=2000, eval_examples=100), data
    )
    assert A._max_abs_derivative("tanh", ()) == pytest.approx(1.0)
    assert r.activity["inactive_frac"].mean() < 0.5  # a Kaiming-initialised tanh net is mostly active


# -- a variant's numbers do not depend on the variants stacked beside it ----------------------

# Scales differ per entry; gelu and prelu repeat, so the tracked config's row moves inside its
# own activation's run as well as across runs (the trainer sorts the rows by activation).
_COMPANY = [
    ("tanh", 0.3),
    ("relu", 0.8),
    ("silu", 0.05),
    ("relu", 0.5),
    ("gelu", 0.15),
    ("elu", 0.2),
    ("silu", 0.4),
    ("prelu", 0.35),
    ("tanh", 0.7),
    ("relu", 0.25),
    ("gelu", 0.6),
    ("elu", 0.6),
    ("silu", 0.9),
    ("prelu", 0.1),
]
_STACKED_TCFG = TrainConfig(
    steps=60,  # past one divergence-check window (50), with a decay step inside
    lr_decay_step=40,
    eval_every=30,
    eval_examples=500,
    snapshot_steps=(0, 45),
    activity_every=30,
    activity_examples=1000,
)


def _company(n, batchnorm, with_prelu):
    acts = [(a, s) for a, s in _COMPANY if with_prelu or a != "prelu"]
    assert len(acts) >= n
    return [
        MLPConfig(activation=a, w1_scale=s, b1_scale=0.01, w2_scale=s / 10, b2_scale=0.0, batchnorm=batchnorm)
        for a, s in acts[:n]
    ]


@pytest.mark.parametrize(
    "tracked,record_updates",
    [
        (KAIMING.with_(activation="gelu"), False),
        (KAIMING.with_(activation="gelu", batchnorm=True), True),
        (KAIMING.with_(activation="prelu", act_params=(("a", 0.2),)), False),
    ],
    ids=["gelu", "gelu-batchnorm-updates", "prelu"],
)
def test_stacked_variant_gives_exactly_its_frames_alone(data, tracked, record_updates):
    """The server trains several students' requests in one stack: a student's every number must
    be bit for bit what the config gives alone, whoever trains beside it and wherever its row is."""
    tcfg = dataclasses.replace(_STACKED_TCFG, record_updates=record_updates)
    alone = train_variants([tracked], tcfg, data)
    assert len(alone.snapshots) and len(alone.activity) and (alone.loss["split"] == "val").any()
    if record_updates:
        assert len(alone.updates)
    fields = ("variants", "loss", "snapshots", "logits", "activity", "updates")
    with_prelu = tracked.activation == "prelu"
    for n in (1, 3, 8, 12):
        others = _company(n, tracked.batchnorm, with_prelu)
        for at in sorted({0, n // 2, n}):  # first, middle and last in the caller's list
            cfgs = [*others[:at], tracked, *others[at:]]
            result = train_variants(cfgs, tcfg, data)
            name = variant_names(cfgs)[at]
            for field in fields:
                got = getattr(result, field)
                got = got[got["variant"] == name].reset_index(drop=True)
                got["variant"] = got["variant"].replace(name, tracked.activation)  # keeps an empty frame's dtype
                pd.testing.assert_frame_equal(got, getattr(alone, field), check_exact=True, obj=f"{field} {n} {at}")


def test_trainer_batch_losses_are_train_steps_own(data):
    """The trainer takes its batch losses once per check window from kept log-probs: they must
    be train_step's losses for the same minibatches, step for step across windows and chunks."""
    cfgs = [KAIMING, KAIMING.with_(activation="relu")]
    steps = 260  # past a chunk of minibatches (250) and a short last window
    tcfg = TrainConfig(steps=steps, eval_examples=10)
    got = train_variants(cfgs, tcfg, data).loss.query("split == 'batch'")
    net = StackedMLP(cfgs, tcfg.seed)
    g = net.batch_gen
    want = []
    with torch.inference_mode():
        for step in range(steps):
            ix = torch.randint(0, data.Xtr.shape[0], (32,), generator=g)
            loss, _, _ = net.train_step(data.Xtr[ix], data.Ytr[ix], lr=tcfg.lr_at(step))
            want.append(loss)
    want = torch.stack(want)
    for k, name in enumerate(["tanh", "relu"]):
        series = got[got["variant"] == name]
        assert list(series["step"]) == list(range(steps))
        assert torch.equal(torch.tensor(series["loss"].to_numpy()), want[:, k].double())


def test_a_big_group_trains_as_several_stacks_with_the_same_frames(data, monkeypatch):
    """Past _MAX_STACK variants a group trains as several stacks, one after the other: every
    frame is the one-stack run's, bit for bit and in the caller's order."""
    from core import train

    cfgs = [KAIMING.with_(activation="relu")] + _company(6, batchnorm=False, with_prelu=False)
    tcfg = _STACKED_TCFG
    whole = train_variants(cfgs, tcfg, data)
    monkeypatch.setattr(train, "_MAX_STACK", 3)
    seen = []
    split = train_variants(cfgs, tcfg, data, progress=lambda d, n: seen.append((d, n)))
    assert seen[-1] == (3 * tcfg.steps, 3 * tcfg.steps)  # 7 variants: stacks of 3, 3 and 1
    for field in ("variants", "loss", "snapshots", "logits", "activity", "updates"):
        pd.testing.assert_frame_equal(getattr(split, field), getattr(whole, field), check_exact=True, obj=field)
