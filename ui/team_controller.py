"""Team mode in the window: teammates' presence in the list and the reader, and the double-reply stop.

Runs only while the customer memory is on the team's PostgreSQL server (the
`memory_database_url` setting); with the local memory it does nothing at all.

- Presence: a `PresencePoller` thread beats every few seconds with the Message-IDs
  of the mail the reader shows and the one the composer answers. What it reads back
  shows as a strip under the reader's header (「佐藤さんが返信を書いています」) and as
  an icon on the rows of the list (the rows of the folder carrying those Message-IDs,
  looked up in the local store on the db lane).
- The send guard (`guard_send`): before a reply goes, the team's record of sent
  replies is asked (on the team lane) whether someone else answered the same mail
  since this reply was started (`app.team.room.teammate_replied_since`); if so, their
  reply is shown and the agent decides (送信する / 下書きに戻す).
- Every reply sent from here is recorded for the others (`reply_sent`).
- A reply that waits in the outbox (a 予約, the undo window) is checked again when it
  comes due: while the room is open its `TeammateReplied` guard is in the outbox's
  `guards` (run on the outbox's worker), and holds the reply if a teammate's reply to
  the same mail was recorded after it was submitted (保留, worded in the outbox).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout

from app.context import Changes
from app.model import Message
from app.settings import MEMORY_DATABASE_URL, TEAM_STAFF_NAME
from app.snippets import SnippetPack
from app.sources.base import MessageRef, OutgoingMessage
from app.team import BEAT_SECONDS, DEFAULT_EXPIRY, is_team_url
from ui.tasks import DB, TaskFailure
from ui.team_presence import PresenceBanner, PresencePoller, list_presence
from ui.wording import fill

if TYPE_CHECKING:
    # `app.team.room` brings SQLAlchemy and the memory's modules (~180 ms): imported where team
    # mode starts, never while the window opens without it.
    from app.team.room import Presence, TeammateReplied, TeamReply, TeamRoom
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

TEAM = "team"  # the lane of the team's server: never behind the SQLite writer, never behind a mail server
WATCH_MS = 1000  # how often the window's own state (open mail, composer) is compared; GUI-only, no I/O


class TeamController(QObject):
    room_changed = Signal()      # team mode started or ended (tests wait for it)
    presence_shown = Signal()    # the reader strip and the list show the latest beat
    guard_done = Signal(bool)    # the send guard decided: True = the reply goes

    # Tests shorten these.
    beat_seconds = BEAT_SECONDS
    expiry = DEFAULT_EXPIRY

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.room: TeamRoom | None = None
        self.send_guard: TeammateReplied | None = None  # in the outbox's guards while the room is open
        self.poller: PresencePoller | None = None
        self.others: list[Presence] = []
        self.dialog: QDialog | None = None
        self._url = ""
        self._list_ids: frozenset[str] = frozenset()
        self._list_folder = ""
        self._writing_since: dict[str, datetime] = {}  # Message-ID → when this client began answering it
        self._known: dict[MessageRef, str] = {}  # the list's rows carrying the Message-IDs last looked up
        self.snippets = SnippetPack({}, ())  # the team's shared snippets (「定型文にする」 in team mode)

        self.banner = PresenceBanner(window.reader)
        reader_layout = window.reader.layout()
        assert isinstance(reader_layout, QVBoxLayout)
        reader_layout.insertWidget(1, self.banner)  # under the header, above the mail's own banners

        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self._tell)
        window.changed.connect(self._on_changed)
        window.compose.opened.connect(self._on_compose_opened)

    def _on_changed(self, changes: Changes) -> None:
        if Changes.MEMORY in changes:
            self.reopen()
        if Changes.MESSAGE in changes:
            self._tell()
        if Changes.HEADERS in changes:
            self._on_headers()

    # -- team mode on and off ---------------------------------------------------
    @property
    def active(self) -> bool:
        return self.room is not None

    def staff(self) -> str:
        return self.window.settings.get(TEAM_STAFF_NAME)

    def reopen(self) -> None:
        """The memory was (re)opened: follow it onto the team's server, or leave team mode."""
        url = self.window.settings.get(MEMORY_DATABASE_URL)
        if url == self._url and (self.room is not None or not is_team_url(url)):
            if self.room is not None:
                self.room.staff = self.staff() or self.room.staff
            return
        self._close_room()
        self._url = url
        if not is_team_url(url):
            self.room_changed.emit()
            return
        from app.team.room import open_room

        staff, expiry = self.staff(), self.expiry
        self.window.runner.submit(TEAM, lambda: open_room(url, staff, expiry), partial(self._on_room, url),
                                  self._on_room_error)

    def _on_room(self, url: str, room: TeamRoom) -> None:
        if url != self._url or self.window.memory.closing:
            self.window.runner.submit(TEAM, room.close)
            return
        self.room = room
        from app.team.room import TeammateReplied

        self._install_guard(TeammateReplied(room))
        self.poller = PresencePoller(room, self.beat_seconds, self)
        self.poller.changed.connect(self._on_beat)
        self._tell()
        self.poller.start()
        self.watch.start()
        self.load_snippets()
        self.room_changed.emit()

    def load_snippets(self) -> None:
        room = self.room
        if room is None:
            return
        from app.sharing.saved import team_pack

        self.window.runner.submit(TEAM, lambda: team_pack(room.engine), self._on_snippets, self._on_snippets_error,
                                  slot="team-snippets")

    def _on_snippets(self, pack: SnippetPack) -> None:
        self.snippets = pack
        self.window.compose.team_snippets = pack
        self.window.compose.reload_pack()

    def _on_snippets_error(self, failure: TaskFailure) -> None:
        log.error("team snippets could not be read:\n%s", failure.trace)

    def _on_room_error(self, failure: TaskFailure) -> None:
        log.error("team mode could not start:\n%s", failure.trace)
        self.window.status.say(
            fill(self.tr("チームの在席表示を開始できませんでした: {problem}"), problem=type(failure.error).__name__),
            10000)
        self.room_changed.emit()

    def _close_room(self, wait: float = 0.0) -> None:
        self.watch.stop()
        room, self.room = self.room, None
        self._install_guard(None)
        if self.poller is not None:
            self.poller.changed.disconnect(self._on_beat)
            self.poller.stop(wait)  # leaves the room (the others stop seeing us at once) and closes it
            self.poller.deleteLater()
            self.poller = None
        elif room is not None:
            self.window.runner.submit(TEAM, room.close)
        self.others = []
        if self.snippets.snippets:
            self.snippets = self.window.compose.team_snippets = SnippetPack({}, ())
            self.window.compose.reload_pack()
        self.banner.show_presence([])
        self.window.message_model.set_presence({})

    def _install_guard(self, guard: TeammateReplied | None) -> None:
        """Put this room's guard in the outbox's guards (None: take it out). The list is replaced,
        never changed in place: the outbox's worker may be walking the old one right now."""
        send = self.window.send_service
        old, self.send_guard = self.send_guard, guard
        if not send.started:
            return  # the room opens after the context (the memory starts with it); nothing to do otherwise
        kept = [g for g in send.outbox.guards if g is not old]
        send.outbox.guards = [*kept, guard] if guard is not None else kept

    def shutdown(self) -> None:
        """The window closes: leave the room before the lanes stop (a server that does not answer
        within two seconds is not waited for: the rows expire)."""
        self._close_room(wait=2.0)

    # -- presence -------------------------------------------------------------------
    def _current_id(self) -> str:
        current = self.window.mailbox.current
        return current.message.message_id if current is not None else ""

    def _writing_id(self) -> str:
        opened = self.window.compose.opened_message
        return opened.message.message_id if opened is not None else ""

    def _tell(self) -> None:
        """Tell the poller what this window is on (it beats at once when that changed)."""
        if self.poller is not None:
            self.poller.want(self._current_id(), self._writing_id())
        self._show_reader()

    def _on_compose_opened(self) -> None:
        writing = self._writing_id()
        if writing:
            self._writing_since.setdefault(writing, datetime.now(UTC))
        self._tell()

    def _on_beat(self) -> None:
        if self.poller is None:
            return
        self.others = self.poller.others
        self._show_reader()
        self._show_list()
        self.presence_shown.emit()

    def _show_reader(self) -> None:
        current = self._current_id()
        self.banner.show_presence([p for p in self.others if current and p.message_id == current])

    def _on_headers(self) -> None:
        self._list_ids = frozenset()  # another folder: look its rows up again
        self._show_list()

    def _show_list(self) -> None:
        folder = self.window.mailbox.current_folder
        if folder is None or self.window.ctx is None:
            return
        ids = frozenset(p.message_id for p in self.others)
        if folder.id == self._list_folder:
            self._apply_list(folder.id, self._known)  # whoever left goes now, with the reader's strip
            if ids <= self._list_ids:
                return  # nobody on a mail not looked up yet
        self._list_ids, self._list_folder = ids, folder.id
        from app.team.lookup import refs_for

        db, source = self.window.db, self.window.mailbox._list_source()
        self.window.runner.submit(DB, lambda: refs_for(db, source, folder.id, ids),
                                  partial(self._apply_list, folder.id), self._on_lookup_error,
                                  slot="team-list", drop_at_shutdown=True)

    def _apply_list(self, folder_id: str, found: dict[MessageRef, str]) -> None:
        folder = self.window.mailbox.current_folder
        if folder is None or folder.id != folder_id:
            return
        self._known = found
        by_id: dict[str, list[Presence]] = {}
        for presence in self.others:
            by_id.setdefault(presence.message_id, []).append(presence)
        rows: dict[MessageRef, Any] = {ref: list_presence(by_id[mid]) for ref, mid in found.items() if mid in by_id}
        current = self.window.mailbox.current
        if current is not None and current.message.message_id in by_id:  # the open mail needs no lookup
            rows[current.ref] = list_presence(by_id[current.message.message_id])
        self.window.message_model.set_presence(rows)

    def _on_lookup_error(self, failure: TaskFailure) -> None:
        log.error("team presence: rows not found:\n%s", failure.trace)

    # -- the send guard -----------------------------------------------------------------
    def guard_send(self, original: Message, proceed: Callable[[], None]) -> bool:
        """Before a reply to `original` goes: True when the guard took over (it calls `proceed` itself
        once the way is clear or the agent chose to send); False when there is nothing to check."""
        room = self.room
        if room is None or not original.message_id:
            return False
        since = self._writing_since.get(original.message_id)
        from app.team.room import teammate_replied_since

        self.window.runner.submit(
            TEAM, lambda: teammate_replied_since(room, original.message_id, since),
            partial(self._on_guarded, proceed), partial(self._on_guard_error, proceed), slot="team-guard",
        )
        return True

    def _on_guarded(self, proceed: Callable[[], None], reply: TeamReply | None) -> None:
        if reply is None:
            self.guard_done.emit(True)
            proceed()
            return
        self._ask(reply, proceed)

    def _on_guard_error(self, proceed: Callable[[], None], failure: TaskFailure) -> None:
        log.error("team send guard failed:\n%s", failure.trace)
        self._ask(None, proceed)

    def _ask(self, reply: TeamReply | None, proceed: Callable[[], None]) -> None:
        from ui.team_guard_dialog import TeamGuardDialog

        dialog = TeamGuardDialog(reply, self.window)
        self.dialog = dialog
        dialog.finished.connect(partial(self._on_answered, dialog, proceed))
        dialog.open()

    def _on_answered(self, dialog: QDialog, proceed: Callable[[], None], result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.guard_done.emit(True)
            proceed()
            return
        composer = self.window.compose.composer
        composer.send_button.setEnabled(True)
        composer.send_now_button.setEnabled(True)  # outside service hours, 「今すぐ送信」 too
        composer.show_status(self.tr("送信していません。下書きは保存されています。"))
        composer.editor.setFocus()
        self.guard_done.emit(False)

    def reply_sent(self, sent: OutgoingMessage, original: Message | None) -> None:
        """A reply went out from here: the others' guards will see it."""
        room = self.room
        if room is None or original is None or not original.message_id:
            return
        self._writing_since.pop(original.message_id, None)

        def record() -> None:
            from app.mail.parse import parse_message

            message = parse_message(sent.raw)
            room.record_reply(original.message_id, message.message_id, message.subject, message.body)

        self.window.runner.submit(TEAM, record, None, self._on_record_error)

    def _on_record_error(self, failure: TaskFailure) -> None:
        log.error("team: the sent reply was not recorded:\n%s", failure.trace)
