"""The deep MLP reproduces the lecture's findings on our names data (bands, not exact values)."""

import pytest

from core.data import names_dataset
from core.deep import DeepConfig, DeepTrain, depth_profile, train_deep


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
