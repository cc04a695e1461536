"""The deep MLP reproduces the lecture's findings on our names data (bands, not exact values),
and many configs trained in one stack give each exactly its result alone."""

import dataclasses
import math

import pandas as pd
import pytest
import torch
import torch.nn.functional as F

from core.data import names_dataset
from core.deep import (
    DeepConfig,
    DeepTrain,
    deep_shape_key,
    depth_profile,
    train_deep,
    train_deep_many,
    train_deep_runs,
)
from core.diagnostics import histogram


@pytest.fixture(scope="module")
def data():
    return names_dataset()


def at_init(data, **kw):
    return train_deep(DeepConfig(**kw), DeepTrain(steps=0), data).layer_stats.set_index("layer")


@pytest.mark.parametrize("seed", [2147483647, 1, 42])
def test_tanh_gain_5_3_first_layer_saturation(data, seed):
    s = train_deep(DeepConfig(), DeepTrain(steps=0, seed=seed), data).layer_stats.set_index("layer")
    assert 10 <= s.loc[1, "saturated_pct"] <= 30
    assert (s["phase"] == "init").all() and len(s) == 5


def test_gain_3_saturates(data):
    assert (at_init(data, gain=3)["saturated_pct"] > 35).all()


def test_gain_half_vanishes(data):
    s = at_init(data, gain=0.5)
    assert s.loc[5, "std"] < 0.5 * s.loc[1, "std"]


def test_linear_layers_explode_or_vanish_with_gain(data):
    up = depth_profile(DeepConfig(linear_only=True), (5 / 3,), data)["std"].tolist()
    down = depth_profile(DeepConfig(linear_only=True), (0.5,), data)["std"].tolist()
    assert all(b > a for a, b in zip(up, up[1:]))
    assert all(b < a for a, b in zip(down, down[1:]))


def test_batchnorm_keeps_std_and_low_saturation(data):
    s = at_init(data, batchnorm=True)
    assert s["std"].between(0.5, 0.8).all()
    assert (s["saturated_pct"] < 5).all()


def test_update_ratios_follow_the_learning_rate(data):
    def hidden_ratios(lr):
        u = train_deep(DeepConfig(), DeepTrain(steps=1000, lr=lr), data).updates
        u = u[(u["step"] >= 900) & u["param"].isin(["W2", "W3", "W4", "W5"])]
        return u.groupby("param")["ratio"].mean()

    fast, slow = hidden_ratios(0.1), hidden_ratios(0.001)
    assert fast.between(-4, -2).all()  # within [1e-4, 1e-2]
    assert (fast - slow >= 1).all()  # at least 10x lower


def test_divergence_is_reported(data):
    r = train_deep(DeepConfig(activation="relu", gain=3), DeepTrain(steps=300, lr=50.0), data)
    assert r.diverged_at is not None and 0 <= r.diverged_at < 300
    assert r.loss["loss"].notna().all() and len(r.loss) == r.diverged_at


# -- many configs in one stacked computation --------------------------------------------------

FIELDS = ("layer_stats", "layer_hist", "weight_stats", "weight_hist", "updates", "loss")
# lr 1.0: among these, relu 5 diverges at step 2 (its "trained" probe still finite), relu 1.41
# at step 8 (its probe not), elu, silu and leaky relu at 3-4; the rest train all 80 steps
STACK_TCFG = DeepTrain(steps=80, lr=1.0, probe_examples=300)
COMPANY = [
    ("relu", 5.0),
    ("tanh", 0.3),
    ("sigmoid", 1.0),
    ("elu", 2.0),
    ("relu", 1.41),
    ("softsign", 3.0),
    ("tanh", 3.0),
    ("gelu", 0.5),
    ("silu", 4.0),
    ("leaky_relu", 4.0),
]


def company(n, **kw):
    return [DeepConfig(activation=a, gain=g, **kw) for a, g in COMPANY[:n]]


def assert_same(got, want, obj):
    for field in FIELDS:
        pd.testing.assert_frame_equal(getattr(got, field), getattr(want, field), check_exact=True, obj=f"{obj} {field}")
    assert got.diverged_at == want.diverged_at, obj


@pytest.mark.parametrize(
    "tracked",
    [DeepConfig(), DeepConfig(activation="gelu", gain=1.2, batchnorm=True), DeepConfig(linear_only=True, gain=0.3)],
    ids=["tanh", "gelu-batchnorm", "linear"],
)
def test_a_config_in_a_stack_gets_exactly_its_result_alone(data, tracked):
    """The server trains a class's requests in one stack: each student's every number must be
    bit for bit what the config gives alone, whoever trains beside it and wherever its row is."""
    alone = train_deep(tracked, STACK_TCFG, data)
    assert alone.diverged_at is None and set(alone.layer_stats["phase"]) == {"init", "trained"}
    kw = {"batchnorm": tracked.batchnorm, "linear_only": tracked.linear_only}
    for n in (5, 8):
        others = company(n, **kw)
        for at in sorted({0, n // 2, n}):  # first, middle and last in the caller's list
            cfgs = [*others[:at], tracked, *others[at:]]
            results = train_deep_many(cfgs, STACK_TCFG, data)
            assert len(results) == len(cfgs)
            assert_same(results[at], alone, f"n={n} at={at}")


def test_diverging_companions_stop_alone_and_the_others_carry_on(data):
    cfgs = company(len(COMPANY))
    results = train_deep_many(cfgs, STACK_TCFG, data)
    diverged = {(c.activation, c.gain): r.diverged_at for c, r in zip(cfgs, results) if r.diverged_at is not None}
    assert diverged[("relu", 5.0)] == 2 and diverged[("relu", 1.41)] == 8
    for res in results:
        steps = STACK_TCFG.steps if res.diverged_at is None else res.diverged_at
        assert len(res.loss) == steps and res.loss["loss"].notna().all()
        assert set(res.updates["step"]) == set(range(steps))
    # each diverging config, and one that trains through, exactly as alone (results keep the caller's order)
    for i in (0, 1, 4):
        assert_same(results[i], train_deep(cfgs[i], STACK_TCFG, data), cfgs[i].activation)
    assert set(results[0].layer_stats["phase"]) == {"init", "trained"}  # its last finite parameters
    assert set(results[4].layer_stats["phase"]) == {"init"}  # blown up: no "trained" probe


def test_minibatches_are_one_randint_per_step(data):
    """Minibatches are drawn 250 steps at a time: the same stream as the lecture's per-step draw."""
    from core.deep import _DeepStack

    tcfg = DeepTrain(steps=260, lr=0.1, probe_examples=10)
    got = train_deep(DeepConfig(), tcfg, data).loss["loss"].tolist()
    g = torch.Generator().manual_seed(tcfg.seed + 1)
    want = []
    with torch.inference_mode():
        net = _DeepStack([DeepConfig()], tcfg.seed)
        for _ in range(tcfg.steps):
            ix = torch.randint(0, data.Xtr.shape[0], (tcfg.batch_size,), generator=g)
            Y = data.Ytr[ix]
            want.append(net.step(data.Xtr[ix], Y, F.one_hot(Y, 27).float()).item())
            net.sgd(tcfg.lr)
    assert got == want


def test_progress_counts_steps_for_any_stack(data):
    def calls(cfgs):
        seen = []
        train_deep_many(cfgs, DeepTrain(steps=30, probe_examples=50), data, progress=lambda d, t: seen.append((d, t)))
        return seen

    alone = calls([DeepConfig()])
    assert alone[-1] == (30, 30) and all(t == 30 for _, t in alone)
    assert [d for d, _ in alone] == sorted(d for d, _ in alone)
    assert calls(company(4)) == alone


def test_shapes_must_match_to_stack(data):
    tcfg = DeepTrain(steps=1, probe_examples=10)
    for other in (DeepConfig(batchnorm=True), DeepConfig(n_hidden=50), DeepConfig(linear_only=True)):
        with pytest.raises(ValueError, match="deep_shape_key"):
            train_deep_many([DeepConfig(), other], tcfg, data)
    assert deep_shape_key(DeepConfig(gain=0.1, activation="relu")) == deep_shape_key(DeepConfig())
    with pytest.raises(ValueError):
        train_deep_many([], tcfg, data)
    with pytest.raises(ValueError, match="maxout"):
        train_deep(DeepConfig(activation="maxout"), tcfg, data)


def test_depth_profile_is_the_init_probe(data):
    """The profile's std and % saturated at init are the layer statistics' own numbers."""
    for cfg in (DeepConfig(gain=3.0), DeepConfig(activation="relu", batchnorm=True, gain=0.5)):
        prof = depth_profile(cfg, (cfg.gain,), data).set_index("layer")
        s = at_init(data, **{k: getattr(cfg, k) for k in ("activation", "batchnorm", "gain")})
        assert prof["std"].tolist() == s["std"].tolist()
        assert prof["saturated_pct"].tolist() == s["saturated_pct"].tolist()


def test_histograms_bin_as_diagnostics_does():
    """_bins skips a DataFrame per histogram; its bins are core.diagnostics.histogram's."""
    from core.deep import HIST_BINS, _bins, _columns

    g = torch.Generator().manual_seed(0)
    gaussian = torch.randn(5000, generator=g) * 1e-4
    spiky = torch.cat([torch.randn(3000, generator=g), torch.tensor([math.inf, -math.inf, math.nan, 40.0])])
    for t in (gaussian, spiky, torch.full((100,), 0.25)):
        got = _columns(_bins(t), ["bin_start", "bin_end", "count", "fraction"])
        want = histogram(pd.DataFrame({"value": t.numpy()}), "value", by=(), bins=HIST_BINS)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert _bins(torch.full((10,), math.nan)) == []


# -- a longer run continued from a shorter one ---------------------------------------------------


def test_a_run_continued_from_a_shorter_one_is_the_full_run(data):
    """A student who moves the steps slider from 130 to 300 gets the 300-step run's bits from
    the 130-step run's checkpoint: the continuation crosses a minibatch chunk (250) and runs in
    another stack; the diverged config (relu 5, step 2) stays diverged with its old record."""
    short, full = dataclasses.replace(STACK_TCFG, steps=130), dataclasses.replace(STACK_TCFG, steps=300)
    cfgs = company(4)  # relu 5 (diverges at 2), tanh 0.3, sigmoid 1, elu 2
    first = train_deep_runs(cfgs, short, data)
    assert [c.steps for _, c in first] == [130] * 4
    order = [2, 0, 3, 1]  # another stack order, and one more net beside them
    more = [cfgs[i] for i in order] + company(6)[5:]
    calls = []
    went_on = train_deep_runs(
        more[:4], full, data, progress=lambda d, n: calls.append((d, n)), start=[first[i][1] for i in order]
    )
    assert calls[-1] == (170, 170)  # progress counts the steps still to take
    for pos, i in enumerate(order):
        want = train_deep(cfgs[i], full, data)
        assert_same(went_on[pos][0], want, f"continued {cfgs[i].activation}")
        assert went_on[pos][1].steps == 300
    assert went_on[order.index(0)][0].diverged_at == 2
    # and the checkpoint of a continued run continues again
    again = train_deep_runs([cfgs[1]], dataclasses.replace(full, steps=333), data, start=[went_on[order.index(1)][1]])
    assert_same(again[0][0], train_deep(cfgs[1], dataclasses.replace(full, steps=333), data), "twice")


def test_checkpoints_must_fit_the_run(data):
    cfgs = company(2)
    ck = [c for _, c in train_deep_runs(cfgs, dataclasses.replace(STACK_TCFG, steps=20), data)]
    with pytest.raises(ValueError, match="one checkpoint per config"):
        train_deep_runs(cfgs, dataclasses.replace(STACK_TCFG, steps=10), data, start=ck)
    with pytest.raises(ValueError, match="one checkpoint per config"):
        train_deep_runs(cfgs, STACK_TCFG, data, start=ck[:1])
