"""python -m bench: trainer speed against the lecture's notebook loop, and memory.

Prints raw figures, then one line `speedup <name> <ratio>x` per comparison.
Targets on a 2-core machine: (a) >= 1.5x, (b) >= 4.5x.
"""
from __future__ import annotations

import argparse
import resource
import time

import torch

from bench.notebook import notebook_train
from core.activations import REGISTRY
from core.config import KAIMING, TrainConfig
from core.data import names_dataset
from core.train import train_variants

COMPARED = ("tanh", "relu", "leaky_relu", "elu", "gelu", "silu", "sigmoid", "softplus")


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--steps", type=int, default=3000, help="training steps per measurement")
    args = ap.parse_args(argv)
    steps = args.steps
    data = names_dataset()
    tcfg = TrainConfig(steps=steps)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, steps {steps}")

    # warm up both paths (allocator, first-call dispatch)
    notebook_train(data.Xtr, data.Ytr, data.Xdev, data.Ydev, 200)
    train_variants([KAIMING], TrainConfig(steps=200), data)

    # (a) one net
    t_nb = timed(lambda: notebook_train(data.Xtr, data.Ytr, data.Xdev, data.Ydev, steps))
    t_core = timed(lambda: train_variants([KAIMING], tcfg, data))
    print(f"(a) notebook loop, 1 net: {steps / t_nb:,.0f} steps/s ({t_nb:.2f} s)")
    print(f"(a) core trainer, 1 net:  {steps / t_core:,.0f} steps/s ({t_core:.2f} s)")
    print(f"speedup one_net {t_nb / t_core:.2f}x")

    # (b) 8 activations: 8 sequential notebook runs vs one batched run
    acts = [REGISTRY[k] for k in COMPARED]
    t_seq = timed(lambda: [notebook_train(data.Xtr, data.Ytr, data.Xdev, data.Ydev, steps, act=lambda x, a=a: a.fn(x)) for a in acts])
    cfgs = [KAIMING.with_(activation=k) for k in COMPARED]
    t_bat = timed(lambda: train_variants(cfgs, tcfg, data))
    print(f"(b) 8 sequential notebook runs: {t_seq:.2f} s ({8 * steps / t_seq:,.0f} net-steps/s)")
    print(f"(b) 8 activations together:     {t_bat:.2f} s ({8 * steps / t_bat:,.0f} net-steps/s)")
    print(f"speedup eight_activations {t_seq / t_bat:.2f}x")

    # (c) memory
    print(f"(c) peak RSS of this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
