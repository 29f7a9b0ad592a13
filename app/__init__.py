"""Aizuchi core: mail, analysis and memory in plain Python. Never imports Qt or ui/."""

__version__ = "0.1.0"
