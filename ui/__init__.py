"""Aizuchi's PySide6 user interface. Only this package imports Qt."""

from ui import qtfix

# Before any widget emits a signal: see ui/qtfix.py (a PySide6 6.12 bug).
qtfix.install()
