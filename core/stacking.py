"""One network's share of a stacked training run, and a request's result put back together.

core.train trains K networks in one stacked computation, and each network's frames are exactly
those it gets when trained alone (tests/core/test_train.py checks it bit for bit). So a server
can train the networks that several requests ask for in one run, keep each network's part,
and answer every request from parts:

    run = train_variants(cfgs_of_many_requests, tcfg, data)
    parts = {cfg: part(run, name) for cfg, name in zip(cfgs, variant_names(cfgs))}
    result = combine([parts[c] for c in my_cfgs], variant_names(my_cfgs))
    # == train_variants(my_cfgs, tcfg, data), frame for frame
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from core.train import FRAMES, TrainResult


def part(result: TrainResult, variant: str) -> TrainResult:
    """The frames of one variant of `result`, with the variant column left as it is."""
    frames = {}
    for name in FRAMES:
        df = getattr(result, name)
        frames[name] = df[df["variant"] == variant].reset_index(drop=True) if len(df) else df
    return TrainResult(**frames)


def combine(parts: Sequence[TrainResult], names: Sequence[str]) -> TrainResult:
    """One result of several parts (one variant each), the i-th renamed `names[i]`, in order:
    what train_variants returns for those configs (its frames list variant after variant)."""
    if len(parts) != len(names):
        raise ValueError(f"{len(parts)} parts for {len(names)} names")
    frames = {}
    for name in FRAMES:
        dfs = [getattr(p, name) for p in parts]
        full = [df.assign(variant=n) for df, n in zip(dfs, names) if len(df)]
        frames[name] = pd.concat(full, ignore_index=True) if full else dfs[0]
    return TrainResult(**frames)
