"""The window's parts: each controller owns a few panes and the operations behind them.

`ui.main_window` builds them and wires their signals; none of them knows the window.
Shape borrowed from Anki's `aqt/browser/` package and Vorta's tabs, which receive a
provider of what they need rather than the window. See docs/ARCHITECTURE.md.
"""
