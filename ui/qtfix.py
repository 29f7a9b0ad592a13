"""A workaround for a reference-count bug in PySide6 6.12's `SignalInstance.emit`.

On Python 3.11, `emit()` returns `True` without taking a reference to it, so
every signal emitted from Python drops one reference to `True`. After a few
hundred emits the interpreter aborts with "bool_dealloc: deallocating True or
False" (seen in the UI tests). `install()` detects the bug on a throw-away
signal and, only if it is present, wraps `emit` to give the reference back.
Newer PySide6 releases (or Python 3.12+, where `True` is immortal) are left alone.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    ping = Signal()


def _emit_leaks_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def install() -> bool:
    """Patch `SignalInstance.emit` if it leaks; True when the patch was applied."""
    global _installed
    if _installed or not _emit_leaks_true():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        incref(result)  # the reference `emit` forgot to take
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
