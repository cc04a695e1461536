"""The Activation gallery's lesson: curves, measured properties, gains, history, one layer's
signal propagation, for any registry activations and parameters. Trains nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from core import activations as A
from core.data import Dataset
from core.lessons import Compute, direct

DEFAULT_KEYS = ("sigmoid", "tanh", "relu", "gelu")
INPUT_STDS = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)  # log-spaced; 1.0 feeds the gain table
Params = tuple[tuple[str, tuple[tuple[str, float], ...]], ...]  # ((key, ((name, value), ...)), ...)


@dataclass(frozen=True)
class Card:
    """What one activation's card says, for its parameters."""

    activation: str
    params: Mapping[str, float]  # resolved (defaults filled in)
    properties: Mapping[str, bool]  # measured: PROPERTY_NAMES -> holds
    differs: tuple[str, ...]  # properties whose measurement differs from the registry's entry
    non_default: bool  # some parameter is not at its default
    gain: float  # recommended init gain for these parameters


@dataclass(frozen=True, eq=False)
class GalleryLesson:
    """curves:   activation, x, kind ("f" | "df"), value
    signal:   activation, input_std, out_mean, out_std, mean_sq_deriv, preserving_gain,
              registry_gain (core.activations.signal_propagation)
    timeline: activation, year, reference, selected (every registry entry)
    cards:    one Card per selected activation, in the order picked"""

    activations: tuple[str, ...]
    x_max: float
    curves: pd.DataFrame
    signal: pd.DataFrame
    timeline: pd.DataFrame
    cards: tuple[Card, ...]


def gallery(
    activations: tuple[str, ...] = DEFAULT_KEYS,
    params: Params = (),
    x_max: float = 5.0,
    input_stds: tuple[float, ...] = INPUT_STDS,
    data: Dataset | None = None,
    compute: Compute = direct,
) -> GalleryLesson:
    """Everything the gallery shows for `activations` (registry keys) with `params` (non-default
    parameter values per key) on x in [-x_max, x_max]. `data` and `compute` are unused (it
    trains nothing); they are accepted so every page's lesson is called the same way."""
    keys = tuple(activations)
    by_key = {k: dict(p) for k, p in params}
    resolved = {k: A.resolve_params(k, by_key.get(k)) for k in keys}
    empty = pd.DataFrame(columns=["activation", "x", "kind", "value"])
    curves = A.curves(keys, resolved, x_min=-x_max, x_max=x_max).drop(columns="name") if keys else empty
    signal = (
        A.signal_propagation(keys, input_stds=input_stds, params_by_key=resolved).drop(columns="name")
        if keys
        else pd.DataFrame()
    )
    timeline = pd.DataFrame(
        [
            {"activation": a.key, "year": a.year, "reference": a.reference, "selected": a.key in keys}
            for a in A.REGISTRY.values()
        ]
    )
    cards = []
    for k in keys:
        entry, p = A.REGISTRY[k], resolved[k]
        measured = A.computed_properties(k, p)
        cards.append(
            Card(
                activation=k,
                params=p,
                properties=measured,
                differs=tuple(n for n in A.PROPERTY_NAMES if measured[n] != getattr(entry, n)),
                non_default=any(p[q.name] != q.default for q in entry.params),
                gain=A.gain_for(k, p),
            )
        )
    return GalleryLesson(keys, float(x_max), curves, signal, timeline, tuple(cards))
