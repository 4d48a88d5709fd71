"""Timings for FactDesk's pipeline stages: `make bench` (python -m bench)."""
