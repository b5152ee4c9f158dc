"""Benchmarks of the workstation, run by hand: see bench/README.md."""
