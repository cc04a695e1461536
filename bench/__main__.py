"""python -m bench: every benchmark, figures first, then one summary line each.

- trainer: core trainer against the lecture's notebook loop; `speedup <name> <ratio>x` lines.
  Targets on a 2-core machine: (a) one net >= 1.5x, (b) eight activations >= 4.5x.
- stages: the lecture's five stages (core.lessons.lecture_stages) for 200,000 steps trained
  together, against five runs of the notebook loop; `speedup lecture_stages <ratio>x`.
- latency: each page's first render and a warm rerun (bench/latency.py).
- load: 100 concurrent sessions against one server (bench/load.py); with --distinct N, N
  sessions at once that each ask for a setting no cache holds.
- classroom: a class of 100 answering one question while the teacher's live panel refreshes
  (bench/classroom_load.py): p95 from an answer stored to the teacher's count, errors, RSS.

`python -m bench --only trainer` (or latency, load, classroom) runs one of them; the trainer benchmark
alternates both sides for --repeat rounds and compares each side's best time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import torch

from bench.notebook import notebook_train
from core import runtime
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
    ap.add_argument("--only", choices=("trainer", "stages", "latency", "load", "classroom"), help="run one benchmark")
    ap.add_argument("--stage-steps", type=int, default=200_000, help="stages: steps of the loss log (the lecture's)")
    ap.add_argument(
        "--notebook-steps", type=int, default=20_000, help="stages: notebook steps timed (scaled to --stage-steps)"
    )
    ap.add_argument("--sessions", type=int, default=100, help="sessions for the load benchmark")
    ap.add_argument("--distinct", type=int, default=0, metavar="N", help="load: N uncached settings at once instead")
    ap.add_argument("--repeat", type=int, default=3, help="trainer: timed rounds; each side's best counts")
    args = ap.parse_args(argv)
    runtime.configure()  # the app's torch settings, for both sides of every comparison
    if args.only in (None, "trainer"):
        trainer(args.steps, max(1, args.repeat))
    if args.only in (None, "stages"):
        stages(args.stage_steps, args.notebook_steps)
    if args.only in (None, "latency"):
        from bench import latency

        latency.main()
    if args.only in (None, "load"):
        from bench import load

        load.main(["--distinct", str(args.distinct)] if args.distinct else ["--sessions", str(args.sessions)])
    if args.only in (None, "classroom"):
        from bench import classroom_load

        classroom_load.main([])


def compare(label: str, baseline, ours, rounds: int) -> tuple[float, float]:
    """Time baseline and ours alternately for `rounds` rounds; returns each side's best time.

    The machine is shared: alternating puts both sides under the same background load, and
    the best of several rounds (as timeit does) is the least disturbed run of each.
    """
    t_base, t_ours = [], []
    for _ in range(rounds):
        t_base.append(timed(baseline))
        t_ours.append(timed(ours))
    ratios = [b / o for b, o in zip(t_base, t_ours)]
    shown = " ".join(f"{r:.2f}" for r in ratios)
    print(f"{label} per-round speedups: {shown} (median {statistics.median(ratios):.2f})")
    return min(t_base), min(t_ours)


def trainer(steps: int, rounds: int = 3) -> None:
    data = names_dataset()
    # Training throughput: the notebook loop evaluates nothing, so the trainer's end-of-run
    # split losses are cut to one example (the app evaluates whole splits; that cost is the
    # same forward pass either way and is not what is compared here).
    tcfg = TrainConfig(steps=steps, eval_examples=1)
    print(
        f"torch {torch.__version__}, threads {torch.get_num_threads()}, "
        f"oneDNN {'on' if torch.backends.mkldnn.enabled else 'off'}, steps {steps}, best of {rounds} rounds"
    )

    # warm up both paths (allocator, first-call dispatch)
    notebook_train(data.Xtr, data.Ytr, 200)
    train_variants([KAIMING], TrainConfig(steps=200, eval_examples=1), data)

    # (a) one net
    t_nb, t_core = compare(
        "(a)", lambda: notebook_train(data.Xtr, data.Ytr, steps), lambda: train_variants([KAIMING], tcfg, data), rounds
    )
    print(f"(a) notebook loop, 1 net: {steps / t_nb:,.0f} steps/s ({t_nb:.2f} s)")
    print(f"(a) core trainer, 1 net:  {steps / t_core:,.0f} steps/s ({t_core:.2f} s)")
    print(f"speedup one_net {t_nb / t_core:.2f}x")

    # (b) 8 activations: 8 sequential notebook runs vs one batched run
    acts = [REGISTRY[k] for k in COMPARED]
    cfgs = [KAIMING.with_(activation=k) for k in COMPARED]
    t_seq, t_bat = compare(
        "(b)",
        lambda: [notebook_train(data.Xtr, data.Ytr, steps, act=lambda x, a=a: a.fn(x)) for a in acts],
        lambda: train_variants(cfgs, tcfg, data),
        rounds,
    )
    print(f"(b) 8 sequential notebook runs: {t_seq:.2f} s ({8 * steps / t_seq:,.0f} net-steps/s)")
    print(f"(b) 8 activations together:     {t_bat:.2f} s ({8 * steps / t_bat:,.0f} net-steps/s)")
    print(f"speedup eight_activations {t_seq / t_bat:.2f}x")

    # (c) memory
    print(f"(c) peak RSS of this process: {peak_rss_mb():.0f} MB")


def stages(steps: int, notebook_steps: int) -> None:
    """The loss log's five stages trained together (what the page computes, whole-split losses
    and sampled names included) against the lecture's loop run once per stage. The loop's time
    per step does not change over a run, so it is timed for `notebook_steps` and scaled."""
    from core.lessons.loss_log import STAGES, lecture_stages

    data = names_dataset()
    n = len(STAGES)
    notebook_train(data.Xtr, data.Ytr, 200)  # warm-up
    nb_steps = min(notebook_steps, steps)
    t_nb = timed(lambda: notebook_train(data.Xtr, data.Ytr, nb_steps)) * steps / nb_steps
    t_ours = timed(lambda: lecture_stages(data, steps=steps))
    print(
        f"(d) notebook loop, one stage: {nb_steps:,} steps timed, {t_nb:.1f} s for {steps:,};"
        f" {n} stages one after another: {n * t_nb:.1f} s"
    )
    print(f"(d) lecture_stages, {n} stages together for {steps:,} steps: {t_ours:.1f} s")
    print(f"speedup lecture_stages {n * t_nb / t_ours:.2f}x")


if __name__ == "__main__":
    main()
