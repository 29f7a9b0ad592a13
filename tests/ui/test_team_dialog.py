"""Team mode from the window: the memory moves to a real PostgreSQL server and back here.

The test server trusts local connections (tests/postgres.py), so a wrong password
cannot be shown here; the other failures are real: a database that is not there,
and a port nobody listens on.
"""

from __future__ import annotations

import socket

from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app.context import Changes
from app.customers.sql import SECRET_SERVICE, secret_name
from app.settings import MEMORY_DATABASE_URL
from tests.ui.driver import on
from ui.main_window import MainWindow
from ui.team_dialog import TeamDialog


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fill(dialog: TeamDialog, url: str, password: str = "") -> None:
    parsed = make_url(url)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(password)


def test_memory_moves_to_the_team_server_and_back(qtbot: QtBot, window: MainWindow, postgres_url: str,  # type: ignore[no-untyped-def]
                                                  memory_keyring) -> None:
    qtbot.waitUntil(lambda: window.memory.opened is not None, timeout=20000)
    local = window.memory.opened
    dialog = window.memory.open_team_dialog()
    assert isinstance(dialog, TeamDialog) and not dialog.local_button.isEnabled()

    _fill(dialog, make_url(postgres_url).set(database="no_such_db").render_as_string())
    with qtbot.waitSignal(dialog.checked, timeout=20000) as blocker:
        dialog.test_connection()
    assert blocker.args == [False] and "データベース名を確かめてください" in dialog.check_result.text()

    _fill(dialog, make_url(postgres_url).set(port=_closed_port()).render_as_string())
    with qtbot.waitSignal(dialog.checked, timeout=20000) as blocker:
        dialog.test_connection()
    assert blocker.args == [False] and "ポート番号" in dialog.check_result.text()

    _fill(dialog, postgres_url, password="team-secret")
    with qtbot.waitSignal(dialog.checked, timeout=20000) as blocker:
        dialog.test_connection()
    assert blocker.args == [True], dialog.check_result.text()
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MEMORY), timeout=30000):
        dialog.accept()
    saved = window.settings.get(MEMORY_DATABASE_URL)
    assert make_url(saved).get_backend_name() == "postgresql" and make_url(saved).password is None
    assert memory_keyring.secrets[(f"aizuchi:{SECRET_SERVICE}", secret_name(saved))] == "team-secret"
    assert window.memory.opened is not local
    assert window.memory.opened is not None and window.memory.opened.memory.engine.dialect.name == "postgresql"

    back = window.memory.open_team_dialog()
    assert isinstance(back, TeamDialog) and back.local_button.isEnabled()
    assert back.host.text() == "127.0.0.1" and back.password.text() == ""  # the password stays in the keyring
    with qtbot.waitSignal(window.changed, check_params_cb=on(Changes.MEMORY), timeout=30000):
        back.local_button.click()
    assert window.settings.get(MEMORY_DATABASE_URL) == ""
    assert window.memory.opened is not None and window.memory.opened.memory.engine.dialect.name == "sqlite"
