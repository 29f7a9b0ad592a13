"""A workaround for PySide6 6.12 dropping references to `None` and `True` on Python 3.11.

Measured here (PySide6 6.12.0, CPython 3.11.7): every call from Python to a Qt
method returning `void` (`setText`, `processEvents`, …) drops one reference to
`None`, and every `Signal.emit()` drops one to `True` (it returns `True`
without taking a reference). The binding seems to assume Python 3.12+, where
these singletons are immortal. On 3.11 their counts run down as the window
works, and after a few thousand calls the interpreter aborts with
"none_dealloc: deallocating None" or "bool_dealloc" (first seen at the end of
the UI tests, then after opening ~30 mails in a row).

`install()` probes for the leak and, only where it exists, does what 3.12 does:
it makes `None`, `True` and `False` immortal by giving them a reference count
no program can run down. They are never freed anyway, so nothing else changes.
On Python 3.12+ or a fixed PySide6 the probe finds no leak and nothing is done.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# Far more than any session can drop (one per call), far below the 2**63 limit.
_IMMORTAL_BOOST = 1 << 48

_installed = False


class _Probe(QObject):
    ping = Signal()


def leaks() -> bool:
    """True when Qt calls drop references to None or True in this interpreter."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")  # a void method
        probe.ping.emit()
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def install() -> bool:
    """Make None/True/False immortal if Qt leaks them; True when it did so."""
    global _installed
    if _installed or sys.version_info >= (3, 12) or not leaks():
        return False
    for singleton in (None, True, False):
        # CPython's object header starts with ob_refcnt (Py_ssize_t).
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += _IMMORTAL_BOOST
    _installed = True
    return True
