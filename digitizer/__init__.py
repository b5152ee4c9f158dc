"""Digitizer: the core of the archive workstation (no Qt here)."""

__version__ = "0.1.0"
