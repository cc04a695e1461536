"""core.lessons.loss_at_init on the names data, against the numbers the page showed before the lessons
layer (the old page's code path at HEAD d5c0df9, same seed) and against the lecture."""

from __future__ import annotations

import functools
import inspect
import math

import pytest

import core.runtime
from core.config import FIXED_SOFTMAX, NAIVE
from core.data import build_dataset, names_dataset
from core.lessons import direct
from core.lessons.loss_at_init import (
    DEFAULTS,
    EVAL_N,
    HOCKEY,
    SCALES,
    SOFTMAX_DEFAULTS,
    SWEEP_TRAIN,
    expected_curve,
    loss,
    softmax_by_hand,
)
from core.train import train_variants

core.runtime.configure()  # the app's torch settings (the page calls it too)
QUICK = 200  # hockey-stick steps where the test is not about it


@functools.cache
def lesson(activation="tanh", b2_random=False, w2="1", steps=QUICK):
    return loss(activation, b2_random, w2, steps, data=names_dataset())


def test_defaults_are_the_pages_default_view():
    assert DEFAULTS == {"activation": "tanh", "b2_random": False, "w2": "1", "steps": 1000}
    assert SOFTMAX_DEFAULTS == {"logits": (-12.0, 4.0, 9.0, 16.0), "target": 0}
    sig = inspect.signature(loss).parameters
    assert sig["data"].default is None and sig["compute"].default is direct
    assert SCALES[0] == "0.001" and SCALES[4] == "0.01" and SCALES[-1] == "1" and len(SCALES) == 13


def test_default_call_makes_the_pages_two_heavy_calls():
    calls, ds = [], names_dataset()
    les = loss(data=ds, compute=lambda fn, *args: calls.append((fn, args)) or fn(*args))  # runs and records each call
    assert [fn for fn, _ in calls] == [train_variants, train_variants]
    (_, (cfgs, tcfg, data)), (_, (pair, htcfg, hdata)) = calls
    assert data is ds and hdata is ds  # the dataset itself, positionally (the app keys it by its DataConfig)
    hash((cfgs, tcfg)), hash((pair, htcfg))  # cache keys: everything hashable
    assert tcfg == SWEEP_TRAIN and tcfg.steps == 1 and tcfg.eval_examples == EVAL_N
    assert [c.w2_scale for c in cfgs] == [float(s) for s in SCALES] and {c.b2_scale for c in cfgs} == {0.0}
    assert pair == (NAIVE, FIXED_SOFTMAX)  # the lecture's presets, tanh, V = 27
    assert htcfg.steps == 1000 and htcfg.eval_examples == 1000 and htcfg.snapshot_steps == ()
    # the old page's 1000-step hockey stick (last 100 steps)
    assert les.stat("naive", "end") == pytest.approx(3.762861647605896, abs=1e-4)
    assert les.stat("fixed", "end") == pytest.approx(2.392009099721909, abs=1e-4)
    assert les.stat("fixed", "end") < les.stat("naive", "end")
    assert sorted(set(les.hockey["step"])) == list(range(1000)) and les.hockey["smooth"].notna().all()


def test_sweep_matches_the_old_page_and_the_lecture():
    les = lesson()
    assert list(les.sweep["w2"]) == list(SCALES) and list(les.sweep["scale"]) == [float(s) for s in SCALES]
    assert les.expected == pytest.approx(3.2958, abs=1e-4) and les.vocab_size == 27  # the lecture's -ln(1/27)
    # the old page's numbers (train split, 4000 examples; batch = the first minibatch)
    assert les.sweep_loss("1") == pytest.approx(26.06601333618164, abs=1e-4)
    assert les.sweep_loss("0.01") == pytest.approx(3.3054490089416504, abs=1e-4)
    assert les.sweep_loss("0.001") == pytest.approx(3.296133041381836, abs=1e-4)
    assert les.sweep_loss("0.1") == pytest.approx(4.04449462890625, abs=1e-4)
    assert les.chosen_loss == les.sweep_loss(1.0) and les.excess == pytest.approx(26.06601333618164 - les.expected)
    assert les.chosen_batch_loss == pytest.approx(25.950355529785156, abs=1e-4)  # the lecture: ~27.9 on its batch
    assert les.confidently_wrong and not les.sweep_diverged and not les.diverged
    assert les.sweep["loss"].min() > les.expected - 0.01  # nothing beats the uniform guess at step 0
    # the logits behind it: a spread of ~sqrt(200) x tanh's |h|, binned as drawn
    assert les.logit_std == pytest.approx(12.570196151733398, abs=1e-4)
    assert les.logit_max == pytest.approx(41.36835479736328, abs=1e-4)
    assert len(les.logits) == 40 and les.logits["count"].sum() == 32 * 27
    assert les.logits["bin_start"].min() == pytest.approx(-36.216007232666016, abs=1e-4)
    assert les.logits["count"].head(8).tolist() == [1, 1, 2, 3, 4, 4, 6, 5]


def test_the_fix_w2_times_0_01():
    fixed = lesson(w2="0.01")
    assert fixed.w2 == "0.01" and fixed.sweep.equals(lesson().sweep)  # the same sweep, another chosen scale
    assert fixed.chosen_batch_loss == pytest.approx(3.298342227935791, abs=1e-4)  # the lecture: ~3.32
    assert abs(fixed.chosen_batch_loss - 3.32) < 0.05
    assert fixed.logit_std == pytest.approx(0.12570196390151978, abs=1e-6)
    assert fixed.logit_max == pytest.approx(0.41368353366851807, abs=1e-6)
    assert not fixed.confidently_wrong
    assert loss("tanh", False, 0.01, QUICK, data=names_dataset()).w2 == "0.01"  # a number works too
    with pytest.raises(ValueError):
        loss(w2="0.5", steps=QUICK, data=names_dataset())


def test_random_b2_lifts_the_floor():
    les = lesson(b2_random=True, w2="0.01")
    assert les.sweep_loss("0.001") == pytest.approx(3.6783459186553955, abs=1e-4)
    assert les.chosen_loss == pytest.approx(3.6901867389678955, abs=1e-4)
    assert les.logit_std == pytest.approx(1.1633896827697754, abs=1e-4)
    assert les.sweep["loss"].min() > les.expected + 0.2


def test_hockey_stick_matches_the_old_page():
    les = lesson()
    assert list(les.hockey_stats["variant"]) == [v for v, _ in HOCKEY] == ["naive", "fixed"]
    assert set(les.hockey["variant"]) == {"naive", "fixed"}
    assert les.stat("naive", "start") == pytest.approx(25.80156707763672, abs=1e-4)
    assert les.stat("fixed", "start") == pytest.approx(3.298342227935791, abs=1e-4)
    assert les.stat("naive", "end") == pytest.approx(7.804936242103577, abs=1e-4)
    assert les.stat("fixed", "end") == pytest.approx(2.5642939901351927, abs=1e-4)
    naive = les.hockey[les.hockey["variant"] == "naive"]
    assert naive["smooth"].iloc[-1] == pytest.approx(6.484312248229981, abs=1e-4)
    assert len(les.hockey) == 2 * QUICK
    assert les.hockey_y_max == pytest.approx(1.1 * 25.80156707763672, abs=1e-3)


def test_the_three_step0_losses_differ_by_examples_and_by_b2():
    """The page names three step-0 losses of W2x1 nets; what makes them differ: the sweep averages
    EVAL_N examples, its batch loss is the first minibatch, which is the hockey stick's step 0
    too (same seed and minibatches), so with a random b2 the batch loss is the naive start."""
    plain, b2 = lesson(), lesson(b2_random=True)
    assert plain.sweep_loss(1.0) == pytest.approx(26.06601333618164, abs=1e-4)
    assert plain.sweep_loss(1.0, "batch_loss") == pytest.approx(25.950355529785156, abs=1e-4)
    assert plain.chosen_batch_loss == plain.sweep_loss("1", "batch_loss")
    assert b2.sweep_loss(1.0, "batch_loss") == b2.stat("naive", "start") == plain.stat("naive", "start")
    assert b2.sweep_loss(1.0) != b2.sweep_loss(1.0, "batch_loss")  # 4,000 examples against 32


def test_a_diverged_run_is_reported_by_its_id():
    les = lesson("prelu")  # PReLU with the naive init blows up at step 8 (the old page said so too)
    assert les.diverged == {"naive": 8} and not les.sweep_diverged
    naive = les.hockey[les.hockey["variant"] == "naive"]
    assert list(naive["step"]) == list(range(8))  # rows stop before the step it diverged at
    assert les.stat("naive", "start") == pytest.approx(129.0787353515625, abs=1e-3)
    assert les.stat("fixed", "end") == pytest.approx(3.5143027544021606, abs=1e-4)


def test_expected_loss_follows_the_datas_vocabulary():
    words = ["add", "cab", "ada", "abba", "baba", "dab", "bad", "abc", "dad", "cad"] * 20
    ds = build_dataset(words)
    les = loss(w2="0.001", steps=QUICK, data=ds)
    assert les.vocab_size == ds.vocab.size == 5  # '.' + a-d, never 27
    assert les.expected == pytest.approx(math.log(5))
    assert abs(les.chosen_loss - math.log(5)) < 0.05
    assert les.logits["count"].sum() == 32 * 5


def test_expected_curve_and_softmax_by_hand():
    curve = expected_curve()
    assert list(curve["V"]) == list(range(2, 101))
    assert curve.loc[curve["V"] == 27, "loss"].item() == pytest.approx(3.2958, abs=1e-4)
    sm = softmax_by_hand()  # the target has the smallest logit: confidently wrong
    assert sm.loss == pytest.approx(28.000917605050287, abs=1e-9) and sm.p_target == pytest.approx(6.908e-13, rel=1e-3)
    assert list(sm.table.columns) == ["cls", "logit", "prob", "is_target"] and sm.table["prob"].sum() == pytest.approx(
        1
    )
    even = softmax_by_hand((0.0, 0.0, 0.0, 0.0), 2)
    assert even.loss == pytest.approx(math.log(4)) == even.uniform and even.p_target == pytest.approx(0.25)
    assert softmax_by_hand(SOFTMAX_DEFAULTS["logits"], 3).loss < 0.01  # confidently right
