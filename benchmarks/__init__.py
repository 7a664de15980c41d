"""Benchmarks of storage, summary and app start-up on synthetic data; run with ``python -m benchmarks``."""
