"""Names sampled from trained nets (core.sample, TrainConfig.sample_names): the lecture's loop."""

from __future__ import annotations

import pytest

from core.config import FIXED_TANH, NAIVE, TrainConfig
from core.data import END, names_dataset
from core.train import train_variants


@pytest.fixture(scope="module")
def data():
    return names_dataset()


TCFG = TrainConfig(steps=400, snapshot_steps=(), eval_examples=200, sample_names=12)


def test_same_seed_same_names_and_every_name_ends_at_the_end_mark(data):
    a = train_variants([FIXED_TANH], TCFG, data).samples
    b = train_variants([FIXED_TANH], TCFG, data).samples
    assert a.equals(b) and len(a) == 12 and list(a["sample"]) == list(range(12))
    letters = set(data.vocab.chars)
    for name in a["name"]:
        assert name.endswith(END) and END not in name[:-1] and set(name) <= letters


def test_a_variant_samples_the_same_names_in_a_stack_as_alone(data):
    alone = train_variants([FIXED_TANH], TCFG, data).samples
    stacked = train_variants([NAIVE, FIXED_TANH.with_(activation="relu"), FIXED_TANH], TCFG, data).samples
    mine = stacked[stacked["variant"] == "tanh #2"]["name"].tolist()
    assert mine == alone["name"].tolist()
    assert stacked["variant"].drop_duplicates().tolist() == ["tanh", "relu", "tanh #2"]  # the caller's order


def test_a_better_trained_net_makes_up_more_name_like_names(data):
    """At init the net emits letters at random: long names with no ending; trained, short ones."""
    untrained = train_variants([NAIVE], TrainConfig(steps=0, snapshot_steps=(), sample_names=20), data).samples
    trained = train_variants([FIXED_TANH], TrainConfig(steps=3000, snapshot_steps=(), sample_names=20), data).samples
    mean_len = lambda s: s["name"].str.len().mean()  # noqa: E731
    assert mean_len(trained) < 12 < mean_len(untrained)


def test_no_names_unless_asked_and_none_from_a_diverged_net(data):
    assert train_variants([FIXED_TANH], TrainConfig(steps=5, snapshot_steps=()), data).samples.empty
    relu = NAIVE.with_(activation="relu", w1_scale=5.0)
    blown = train_variants([relu], TrainConfig(steps=200, lr=100.0, snapshot_steps=(), sample_names=5), data)
    assert blown.diverged() and blown.samples.empty
