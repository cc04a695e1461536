"""The science of the app: activations, names data, MLP training and diagnostics.

Imports torch, numpy and pandas only (never streamlit or altair), so a notebook can do
``from core.train import train_variants`` and get the same numbers as the app, after
``core.runtime.configure()`` (the app's torch settings; importing core changes none).
"""
