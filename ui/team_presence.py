"""Team mode, what the agent sees of teammates: who reads or answers which mail.

- `PresencePoller`: a thread of its own beats every few seconds (`TeamRoom.beat`):
  it says which mail this window shows and answers, and reads everyone else's live
  rows. Not a task on the runner: a beat every three seconds would make the busy
  bar blink for nothing. It hands the result to the GUI thread through a signal
  without arguments (the rows wait in `others`), as the runner's relay does.
- `presence_text`: 「佐藤さんが返信を書いています」 / 「佐藤さんがこのメールを見ています」.
- `ListPresence`: what a row of the message list carries (an icon on the subject and
  the sentence in its tooltip).
- `PresenceBanner`: the strip under the reader's header.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.team import BEAT_SECONDS, Activity
from ui.wording import fill

if TYPE_CHECKING:  # `app.team.room` is loaded by team mode only (see ui/team_controller.py)
    from app.team.room import Presence, TeamRoom

log = logging.getLogger(__name__)

WRITING_COLOUR = "#c2410c"  # the composer's pen: someone may send any moment
VIEWING_COLOUR = "#2f6fdb"


def presence_text(presences: Sequence[Presence]) -> str:
    """One sentence for the people on one mail: writers first (they are the risk of a double reply)."""
    someone = QCoreApplication.translate("TeamPresence", "ほかのスタッフ")
    writers = list(dict.fromkeys(p.staff or someone for p in presences if p.activity is Activity.WRITING))
    viewers = list(dict.fromkeys(p.staff or someone for p in presences
                                 if p.activity is Activity.VIEWING and (p.staff or someone) not in writers))
    joiner = QCoreApplication.translate("TeamPresence", "さん、")
    parts = []
    if writers:
        parts.append(fill(QCoreApplication.translate("TeamPresence", "{staff}さんが返信を書いています"),
                          staff=joiner.join(writers)))
    if viewers:
        parts.append(fill(QCoreApplication.translate("TeamPresence", "{staff}さんがこのメールを見ています"),
                          staff=joiner.join(viewers)))
    return QCoreApplication.translate("TeamPresence", "。").join(parts)


_ICONS: dict[bool, QIcon] = {}


def presence_icon(writing: bool) -> QIcon:
    """A pen (someone is writing a reply) or an eye (someone has it open), drawn once."""
    if writing not in _ICONS:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(WRITING_COLOUR if writing else VIEWING_COLOUR)
        if writing:
            painter.setPen(QPen(colour, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(4, 12, 12, 4)
            painter.setPen(QPen(colour, 1.2))
            painter.drawLine(2, 14, 4, 12)
            painter.drawLine(2, 15, 14, 15)
        else:
            painter.setPen(QPen(colour, 1.4))
            painter.drawEllipse(2, 5, 12, 7)
            painter.setBrush(colour)
            painter.drawEllipse(6, 6, 4, 4)
        painter.end()
        _ICONS[writing] = QIcon(pixmap)
    return _ICONS[writing]


@dataclass(frozen=True, slots=True)
class ListPresence:
    """What one row of the message list shows of teammates."""

    text: str
    writing: bool

    def icon(self) -> QIcon:
        return presence_icon(self.writing)


def list_presence(presences: Sequence[Presence]) -> ListPresence:
    return ListPresence(presence_text(presences), any(p.activity is Activity.WRITING for p in presences))


class PresenceBanner(QFrame):
    """「佐藤さんが返信を書いています」 under the reader's header; hidden when nobody else is on the mail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceBanner")
        self.setStyleSheet(
            "#presenceBanner { background: #fff4e5; border-bottom: 1px solid #f3d3a8; }"
            "#presenceBanner QLabel { color: #7c2d12; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 5, 12, 5)
        layout.setSpacing(8)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        self.label.setObjectName("presenceText")
        self.label.setWordWrap(True)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_presence(self, presences: Sequence[Presence]) -> None:
        if not presences:
            self.label.clear()
            self.hide()
            return
        shown = list_presence(presences)
        self.icon.setPixmap(shown.icon().pixmap(16, 16))
        self.label.setText(shown.text)
        self.show()


class PresencePoller(QObject):
    """Beats for this window on a thread of its own; `changed` says `others` (or `failed`) is new."""

    changed = Signal()

    def __init__(self, room: TeamRoom, interval: float = BEAT_SECONDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.interval = interval
        self._lock = threading.Lock()
        self._wanted = ("", "")
        self._others: list[Presence] = []
        self._failed = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-presence", daemon=True)

    def start(self) -> None:
        self._thread.start()

    @property
    def others(self) -> list[Presence]:
        with self._lock:
            return list(self._others)

    @property
    def failed(self) -> bool:
        """The last beat could not reach the server (others are then not shown as present)."""
        with self._lock:
            return self._failed

    def want(self, viewing: str, writing: str) -> None:
        """What this window is on now; told to the team at once, not at the next beat."""
        with self._lock:
            if self._wanted == (viewing, writing):
                return
            self._wanted = (viewing, writing)
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                viewing, writing = self._wanted
            try:
                others, failed = self.room.beat(viewing, writing), False
            except Exception:  # the server is away: say so, try again at the next beat
                log.warning("team presence beat failed", exc_info=True)
                others, failed = [], True
            with self._lock:
                self._others, self._failed = others, failed
            if self._stop.is_set() or not shiboken6.isValid(self):
                break
            try:
                self.changed.emit()
            except RuntimeError:  # the window went between the check and the emit
                break
            self._wake.wait(self.interval)
            self._wake.clear()
        try:
            self.room.leave()  # closing: gone for the others at once, not after the expiry
        except Exception:
            log.warning("team presence: could not leave", exc_info=True)
        finally:
            self.room.close()  # the room is this thread's to close: nothing else uses it once stopped

    def stop(self, wait: float = 0.0) -> None:
        """Stop beating; the thread leaves the room and ends on its own. `wait`: how long to wait for that
        (the window's close waits a little, so the others stop seeing it at once; switching servers does not)."""
        self._stop.set()
        self._wake.set()
        if wait > 0 and self._thread.is_alive():
            self._thread.join(wait)
