"""core.lessons.activation_gallery: the Activation gallery's numbers from one call, no Streamlit."""

import math

import pytest

from core.activations import REGISTRY
from core.lessons import gallery


def test_default_view():
    les = gallery()
    assert les.activations == ("sigmoid", "tanh", "relu", "gelu")
    assert set(les.curves["activation"]) == set(les.activations) and "name" not in les.curves  # ids, no names
    tanh = les.signal[(les.signal["activation"] == "tanh") & (les.signal["input_std"] == 1.0)]
    assert 0.60 < tanh["out_std"].item() < 0.66  # the lecture's ~0.63
    relu = les.signal[les.signal["activation"] == "relu"]
    assert relu["preserving_gain"].iloc[0] == pytest.approx(math.sqrt(2), abs=0.01)
    assert list(les.timeline["activation"]) == list(REGISTRY)
    assert les.timeline.loc[les.timeline["selected"], "activation"].tolist() == ["sigmoid", "tanh", "relu", "gelu"]
    sig = les.curves[(les.curves["activation"] == "sigmoid") & (les.curves["kind"] == "df")]
    assert sig["value"].max() == pytest.approx(0.25, abs=1e-6)


def test_parameters_change_the_card_and_the_curve():
    les = gallery(("leaky_relu", "elu"), (("leaky_relu", (("alpha", 0.3),)), ("elu", (("alpha", 2.0),))), x_max=3.0)
    leaky, elu = les.cards
    assert leaky.gain == pytest.approx(math.sqrt(2 / (1 + 0.3**2))) and leaky.non_default
    assert elu.differs == ("smooth",) and not elu.properties["smooth"]
    f = les.curves[(les.curves["activation"] == "elu") & (les.curves["kind"] == "f")]
    assert f["value"].min() == pytest.approx(2.0 * (math.exp(-3.0) - 1))
    assert les.curves["x"].min() == pytest.approx(-3.0)


def test_nothing_selected():
    les = gallery(())
    assert les.curves.empty and les.signal.empty and not les.cards and not les.timeline["selected"].any()
