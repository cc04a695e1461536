"""core.lessons.dead_neurons against the numbers the "Dead neurons" page showed before the lessons layer
(the old page run on the names data, same seed): dead counts, losses, diverged steps, ids.

The literals were read off the old page's table (dead counts exact, losses to 4 decimals, the
% column to 1 decimal). At lr = 10 the old page showed 149 dead tanh units on a server's first
run and 167 after it: later script threads lacked flush-to-zero (set once, at import); the app
now sets it on every run (core.runtime.configure), and 149 is what it shows.
"""

import inspect
import math

import pandas as pd
import pytest

from core.data import names_dataset
from core.lessons.dead_neurons import DEFAULTS, HEALTHY_LR, dead
from core.train import train_variants

ACTS = ("relu", "leaky_relu", "tanh", "elu")


@pytest.fixture(scope="module")
def ds():
    return names_dataset()


def rows(les) -> dict[str, dict]:
    return {r["activation"]: r for r in les.table.to_dict("records")}


def check(les, expected: dict[str, tuple]) -> None:
    """expected: activation -> (dead at start, dead at end, % inactive, final train, final val);
    None where the run diverged."""
    got = rows(les)
    assert list(got) == list(expected)
    for k, (d0, d1, pct, tr, val) in expected.items():
        r = got[k]
        assert r["dead_start"] == d0, k
        if d1 is None:
            assert pd.isna(r["dead_end"]) and math.isnan(r["pct_inactive"]), k
            assert math.isnan(r["final_train"]) and math.isnan(r["final_val"]), k
            continue
        assert r["dead_end"] == d1, k
        assert r["pct_inactive"] == pytest.approx(pct, abs=0.051), k
        assert r["final_train"] == pytest.approx(tr, abs=5e-5), k
        assert r["final_val"] == pytest.approx(val, abs=5e-5), k


def test_defaults_are_the_pages_default_view():
    p = inspect.signature(dead).parameters
    assert p["activations"].default == ACTS
    assert (p["lr"].default, p["w1"].default, p["b1"].default, p["steps"].default) == (1.0, 0.2, 1.0, 1000)
    assert p["batchnorm"].default is False and p["data"].default is None
    assert {k: p[k].default for k in DEFAULTS} == DEFAULTS


def test_the_default_view_shows_the_lesson_and_the_lecture_lr_cures_it(ds):
    """Chosen by training (names data, 1000 steps, w1 0.2, b1 1): at lr 0.5 ReLU ends with 1
    dead unit, at 1 with 11 (none diverges), at 1.5 with 41 but ELU diverges at step 11, at 2
    with 120 and Leaky ReLU diverges too. lr 1 shows ReLU dying alone, at the old cost."""
    les = dead(data=ds)
    check(
        les,
        {
            "relu": (0, 11, 94.9, 2.4127, 2.4332),
            "leaky_relu": (0, 0, 0.0, 2.3844, 2.4061),
            "tanh": (0, 0, 0.5, 2.5965, 2.6113),
            "elu": (0, 0, 0.0, 2.5422, 2.5540),
        },
    )
    assert les.diverged == {} and les.most_dead == ("relu",) and les.any_dead
    relu = les.over_time[les.over_time["activation"] == "relu"].set_index("step")["dead"]
    assert relu[0] == 0 and relu[1000] == 11 and relu.is_monotonic_increasing is False  # dies during training
    d, a, unit = les.same_unit
    fm = les.final_map.set_index(["activation", "neuron"])
    assert (d, a) == ("relu", "leaky_relu") and fm.loc[(d, unit), "dead"] and fm.loc[(a, unit), "inactive_frac"] <= 0.05
    healthy = dead(lr=HEALTHY_LR, data=ds)  # the page's one-click cure: the lecture's lr
    check(
        healthy,
        {
            "relu": (0, 0, 55.7, 2.4054, 2.4197),
            "leaky_relu": (0, 0, 0.0, 2.4058, 2.4199),
            "tanh": (0, 0, 8.4, 2.4289, 2.4436),
            "elu": (0, 0, 0.0, 2.4489, 2.4626),
        },
    )
    assert not healthy.any_dead and healthy.same_unit is None


def test_high_lr_kills_relu_and_elu_diverges(ds):
    les = dead(lr=1.5, steps=300, data=ds)
    check(
        les,
        {
            "relu": (0, 20, 96.4, 2.5029, 2.5156),
            "leaky_relu": (0, 0, 0.0, 2.4886, 2.5037),
            "tanh": (0, 0, 52.8, 8.1773, 8.1631),
            "elu": (0, None, None, None, None),
        },
    )
    assert les.diverged == {"elu": 11}
    assert les.same_unit is not None and les.same_unit[:2] == ("relu", "leaky_relu")  # drawn rows only
    assert rows(les)["elu"]["diverged_at"] == 11 and pd.isna(rows(les)["relu"]["diverged_at"])
    assert les.most_dead == ("relu",) and les.most_dead_count == 20 and les.any_dead
    # frames carry ids, never display names; the diverged run stops before the end
    ot = les.over_time
    assert list(ot.columns) == ["step", "activation", "dead", "pct_inactive"]
    assert set(ot["activation"]) == set(ACTS)
    assert ot[ot["activation"] == "elu"]["step"].max() < 11
    assert sorted(ot[ot["activation"] == "relu"]["step"]) == list(range(0, 301, 30))
    fm = les.final_map
    assert list(fm.columns) == ["activation", "neuron", "inactive_frac", "dead"]
    assert list(dict.fromkeys(fm["activation"])) == ["relu", "leaky_relu", "tanh"]  # not the diverged one
    assert len(fm) == 3 * les.n_hidden and fm[fm["activation"] == "relu"]["dead"].sum() == 20
    assert (les.every, les.checkpoints, les.act_examples) == (30, 11, 5_000)


def test_big_bias_kills_units_at_init(ds):
    les = dead(lr=HEALTHY_LR, b1=3.0, steps=200, data=ds)
    check(
        les,
        {
            "relu": (30, 25, 66.5, 2.7099, 2.7216),
            "leaky_relu": (0, 0, 0.0, 2.7121, 2.7237),
            "tanh": (15, 14, 42.7, 2.7888, 2.7870),
            "elu": (0, 0, 0.0, 2.7845, 2.7901),
        },
    )
    assert les.diverged == {} and les.most_dead == ("relu",) and les.most_dead_count == 25


def test_huge_lr_saturates_tanh_while_the_relu_family_diverges(ds):
    les = dead(lr=10, steps=200, data=ds)
    check(
        les,
        {
            "relu": (0, None, None, None, None),
            "leaky_relu": (0, None, None, None, None),
            "tanh": (0, 149, 99.9, 116.7205, 116.2970),
            "elu": (0, None, None, None, None),
        },
    )
    assert les.diverged == {"relu": 5, "leaky_relu": 5, "elu": 5}
    assert les.most_dead == ("tanh",) and les.most_dead_count == 149  # diverged runs are not candidates
    assert les.same_unit is None  # tanh's dead units have no finished row to be white in


def test_batchnorm_and_a_quiet_run(ds):
    bn = dead(lr=1.5, batchnorm=True, steps=200, data=ds)
    check(
        bn,
        {
            "relu": (0, 1, 71.4, 2.9859, 2.9969),
            "leaky_relu": (0, 0, 0.0, 2.9499, 2.9658),
            "tanh": (0, 0, 0.0, 2.7665, 2.7710),
            "elu": (0, 0, 0.0, 2.7506, 2.7577),
        },
    )
    calm = dead(("relu", "sigmoid"), lr=HEALTHY_LR, steps=200, data=ds)
    check(calm, {"relu": (0, 0, 50.7, 2.6764, 2.6806), "sigmoid": (0, 0, 0.1, 2.6895, 2.6894)})
    assert calm.most_dead == () and calm.most_dead_count == 0 and not calm.any_dead  # "none" is the answer


def test_the_order_is_the_callers(ds):
    les = dead(("tanh", "relu"), lr=HEALTHY_LR, b1=3.0, steps=100, data=ds)
    assert list(les.table["activation"]) == ["tanh", "relu"] == list(les.activations)
    assert list(dict.fromkeys(les.final_map["activation"])) == ["tanh", "relu"]
    # the same activation alone gets the same numbers: the ids follow the positions
    alone = dead(("relu",), lr=HEALTHY_LR, b1=3.0, steps=100, data=ds)
    same = ["dead_start", "dead_end", "pct_inactive", "final_train", "final_val"]
    assert [rows(alone)["relu"][c] for c in same] == [rows(les)["relu"][c] for c in same]


def test_heavy_calls_go_through_compute_with_hashable_args(ds):
    calls = []

    def compute(fn, *args):
        calls.append((fn, args))
        hash(args[:-1])  # configs and TrainConfig: the app's cache key
        return fn(*args)

    dead(("relu",), lr=HEALTHY_LR, steps=100, data=ds, compute=compute)
    [(fn, (cfgs, tcfg, data))] = calls
    assert fn is train_variants and data is ds
    assert cfgs[0].vocab_size == ds.vocab.size and cfgs[0].block_size == ds.block_size
    assert (cfgs[0].w2_scale, cfgs[0].b2_scale) == (0.01, 0.0)  # the lecture's softmax fix
    assert (tcfg.lr, tcfg.steps, tcfg.activity_every, tcfg.eval_examples) == (0.1, 100, 10, 25_000)


def test_bad_settings_raise(ds):
    with pytest.raises(ValueError):
        dead((), data=ds)
    with pytest.raises(ValueError):
        dead(("relu", "relu"), data=ds)
