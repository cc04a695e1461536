"""Benchmarks run by a person as `python -m bench` (never timed tests)."""
