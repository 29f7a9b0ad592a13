"""Entry point of the `aizuchi` command.

Imports no Qt at module level: `aizuchi analyze` and `aizuchi show` stay fast
and work without display libraries. Only `aizuchi run` loads the window.
"""

from __future__ import annotations

import argparse
import sys

from app import cli


def _run_gui(args: argparse.Namespace) -> int:
    from ui.main import run_app

    return run_app(mailbox=args.mailbox, language=args.lang)


def main() -> None:
    if getattr(sys, "frozen", False):
        # The packaged app's memory build starts worker processes (spawn): in one of those,
        # this runs the worker and exits instead of opening a second window.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(cli.main(gui_runner=_run_gui))
