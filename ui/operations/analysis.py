"""Analysis operations: warm the analyser up and analyse a body, on the parallel lane."""

from __future__ import annotations

from collections.abc import Callable

from app.model import Insight
from ui.tasks import ANALYSIS, TaskFailure, TaskRunner


def _analyze(body: str) -> Insight:
    from app.analysis import analyze

    insight: Insight = analyze(body)
    return insight


def _warm_up() -> None:
    from app.analysis import warm_up

    warm_up()


def warm_up(runner: TaskRunner) -> int:
    """Load the dictionary while the user looks at the list, not when they click."""
    return runner.submit(ANALYSIS, _warm_up, None, lambda failure: None)


def analyze_body(
    runner: TaskRunner, body: str,
    on_done: Callable[[Insight], None], on_error: Callable[[TaskFailure], None],
) -> int:
    return runner.submit(ANALYSIS, lambda: _analyze(body), on_done, on_error, slot="analysis", drop_at_shutdown=True)
