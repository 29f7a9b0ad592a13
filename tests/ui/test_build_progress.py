"""The window's build progress says the time left, in minutes once it is long."""

from __future__ import annotations

import time

import app.customers.build  # noqa: F401  # the label imports it lazily; loading it (~0.3 s, more under load) must not count
from ui.operations.memory import BuildProgress


def test_the_build_label_tells_the_time_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    progress = BuildProgress()
    progress.started = time.monotonic() - 10
    assert progress.describe(0, 1000) == "お客様の記録を作成中"
    assert progress.describe(500, 1000) == "お客様の記録を作成中（残り約 10 秒）"
    assert progress.describe(100, 1000) == "お客様の記録を作成中（残り約 2 分）"  # 90 s
    assert progress.describe(1000, 1000) == "お客様の記録を作成中"
