"""Measured figures (not tests): `python -m benchmarks.viewer` (see README, "Benchmarks")."""
