"""The science of the app: activations, names data, MLP training and diagnostics.

Imports torch, numpy and pandas only (never streamlit or altair), so a notebook can do
``from core.train import train_variants`` and get the same numbers as the app.
"""
import os

import torch

# Set once, at import. Our ops are tiny (batch 32), so per-op overhead dominates and extra
# threads mostly add synchronisation; one thread per op also lets a server run one session
# per core. Override with ACTIVATIONS_TORCH_THREADS. (set_num_interop_threads is never called:
# it raises when called twice.)
torch.set_num_threads(max(1, int(os.environ.get("ACTIVATIONS_TORCH_THREADS", "1"))))
# Saturated tanh nets produce denormal gradients, which are ~10x slower on x86.
torch.set_flush_denormal(True)
# oneDNN only changes which kernel runs GELU here (our matmuls go to MKL either way), and on
# (32, 200) blocks its GELU costs ~60 us more per training step, forward plus backward, than
# ATen's (measured, torch 2.13 CPU; the notebook loop in bench/ gains the same). Same formula,
# results differ by ~1e-7. On large eval tensors ATen's GELU forward is ~1.5x slower.
torch.backends.mkldnn.enabled = False
