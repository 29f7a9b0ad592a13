"""Replying from the main window: opens the composer beside the reader and runs everything around it.

The window creates this controller with a narrow `Reading` (the open mail, its
insight, its customer) and a `ComposeSlot` (where the composer and the snippet
suggestions go), forwards its `changed` and its close; the rest is here:
- Reply / Reply-all (toolbar, Ctrl+R / Ctrl+Shift+R) open the composer beside
  the message, which stays visible with its highlights (the message list and
  folders step aside while composing);
- a reply to a message that already has a draft in the store restores it;
  otherwise a new one is built by `app.mail.compose` as the shop the customer wrote to;
- snippet suggestions for the highlight selected in the insight panel, inserted
  by a click or Ctrl+1 … Ctrl+9;
- the live review: ~400 ms after the last keystroke, on the analysis lane; a
  result for text that has changed since is dropped;
- autosave: a few seconds after the last keystroke, when the composer closes
  and when the window closes (drafts are never lost, even after a kill);
- send: a fresh review; findings → the review dialog (go back / send anyway);
  then into the outbox through the one send path (`ui.send_service.SendService.send_reply`):
  after the grace period, with 「送信を取り消す」 in the status bar (undo brings the draft
  back into the composer as it was), or — outside the sending identity's service hours —
  at the next opening by default, 「今すぐ送信」 one click away (issue 19);
- a reply held because the customer wrote again is opened again on the new mail, and
  the review runs against that mail (`reopen_held`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext, Changes
from app.identity import ShopIdentity, for_customer, identities_from_setting, identity_for, is_unsigned
from app.local_send import CannotSendHere, local_account
from app.mail.compose import (
    UnencodableDraft,
    UnfilledDraft,
    addressee,
    customer_name,
    new_reply,
    original_key,
    outgoing,
    unencodable_in,
)
from app.mail.outgoing import with_message_id
from app.model import Address, CustomerProfile, Draft, Finding, Highlight, Insight, Message, ReplyStats
from app.outbox import MayHaveArrived, OutboxItem, OutboxState, SendProblem
from app.settings import SHOP_IDENTITIES, TEAM_STAFF_NAME, Settings
from app.snippets import Filled, SnippetPack, load_our_pack, load_pack, load_user_pack
from app.sources.base import MailSource, MessageRef, OutgoingMessage
from app.sources.connection import Charset
from app.store.drafts import DraftNotSaved, DraftSaved
from ui.accounts_service import AccountsService
from ui.composer import ComposerPane
from ui.controllers.status import StatusLine
from ui.models import Role
from ui.operations import compose as compose_ops
from ui.operations.compose import ReviewResult
from ui.operations.mailbox import OpenedMessage
from ui.reader import ReaderView
from ui.review_dialog import SendReviewDialog
from ui.send_service import SendService
from ui.snippet_suggestions import SnippetSuggestions
from ui.tasks import TaskFailure, TaskRunner
from ui.wording import fill
from ui.wording.accounts import outbox_state, send_problem
from ui.wording.errors import error_text
from ui.wording.outbox import send_time

REVIEW_DELAY_MS = 400
# A draft with more of the agent's own writing than this is reviewed only when typing pauses for
# LONG_REVIEW_DELAY_MS: its review takes longer than a keystroke (bench: review_30k_ms).
LIVE_REVIEW_MAX_CHARS = 20_000
LONG_REVIEW_DELAY_MS = 1500
# A review that took longer than this (a reply to a very long mail: hundreds of requests and disclosures
# to look for) also waits for the longer pause: while it runs, its worker competes with the window for the GIL.
LIVE_REVIEW_MAX_SECONDS = 0.3
AUTOSAVE_IDLE_MS = 3000
SEND_REVIEW_SLOT = "send-review"
HOURS_CHECK_MS = 30_000  # the send choice follows the clock past an opening or a closing


class Reading(Protocol):
    """What the composer reads of the window: the open mail, its insight, its customer, its mailbox."""

    @property
    def current(self) -> OpenedMessage | None: ...
    @property
    def insight(self) -> Insight | None: ...
    @property
    def profile(self) -> CustomerProfile | None: ...
    @property
    def source(self) -> MailSource | None: ...
    @property
    def account(self) -> str: ...  # whose mail is shown: "local" or an account id

    def history(self) -> tuple[ReplyStats, ...]: ...
    def remember_reply(self, sent: OutgoingMessage, original: Message | None) -> None: ...
    def open_ref(self, ref: MessageRef, subject: str = "") -> None: ...  # the reader shows it (Changes.MESSAGE)


COMPOSER_WIDTH = 420  # px the composer gets beside the reader when the window is narrow (a reply line)


@dataclass(frozen=True, slots=True)
class ComposeSlot:
    """Where the composer goes: beside the reader in `splitter`; its suggestions under the highlights."""

    splitter: QSplitter           # the reader is its widget `index`; the composer takes that place
    index: int
    reader: ReaderView
    highlights: QAbstractItemView  # the insight panel's list: the selected one gets suggestions
    suggestions_layout: QVBoxLayout
    steps_aside: tuple[QWidget, ...]  # hidden while writing (the list, the left column)


@dataclass(frozen=True, slots=True)
class _Waiting:
    """A reply handed to the outbox that has not gone yet: what undo or a failure brings back."""

    item_id: int
    draft: Draft
    opened: OpenedMessage
    message: OutgoingMessage
    # Where it was written: the window may show another mailbox by the time it leaves.
    account: str = ""           # the outbox account (`local:<path>` for a local Maildir)
    mailbox_key: str = ""       # the key its draft is saved under


class ComposeController(QObject):
    opened = Signal()          # the composer shows a draft
    review_shown = Signal()    # live findings applied to the draft
    draft_saved = Signal()
    send_checked = Signal()    # the send review ran: the dialog is open, or sending started
    submitted = Signal(object)  # OutboxItem: the reply is in the outbox (grace period or 予約); the composer closed
    sent = Signal()             # a reply this composer wrote went out (`last_replied` is its original)
    undone = Signal()           # 「送信を取り消す」 took it back: the draft is in the composer again

    def __init__(self, reading: Reading, slot: ComposeSlot, accounts: AccountsService, send_service: SendService,
                 runner: TaskRunner, settings: Settings, status: StatusLine, host: QMainWindow) -> None:
        super().__init__(host)
        self.host = host  # the parent of its dialogs, actions and shortcuts
        self.reading_context = reading
        self.slot = slot
        self.accounts = accounts  # whose account a reply goes from, its charset
        self.send_service = send_service  # the one send path
        self.runner = runner
        self.settings = settings
        self.status = status
        self.ctx: AppContext | None = None  # set once the window's context is open
        self.opened_message: OpenedMessage | None = None
        self.last_replied: MessageRef | None = None  # the original of the reply last sent (its arrow)
        self.last_replied_account = ""  # the outbox account it was sent from (the arrow only in its list)
        self.insight: Insight | None = None
        self.review_dialog: SendReviewDialog | None = None
        self.unknown_box: QMessageBox | None = None  # asking before a reply whose earlier version may have arrived
        self.charset_dialog: QMessageBox | None = None  # characters the account's charset cannot carry
        self.refused_dialog: QDialog | None = None  # the server refused a reply (ui.refused_dialog)
        self._dirty = False
        self._save_failed = False  # the last save reached neither the store nor its journal
        self.discard_dialog: QMessageBox | None = None  # closing with text that could not be saved
        self._key = ""
        self._pending_reopen: tuple[MessageRef, Draft] | None = None  # a held reply, once its new mail shows
        self._send_at: datetime | None = None  # the send being checked: a 予約 time, or None for now
        self._waiting: dict[str, _Waiting] = {}  # by Message-ID
        self._review_against: OpenedMessage | None = None  # a held reply: reviewed against the new mail
        self._restored_note = ""  # the status bar's 「保存してあった下書きを開きました」 while it is about this reply
        # Team mode (ui.team_controller): the team's snippets, a check before each send, a hook after it.
        self.team_snippets = SnippetPack({}, ())
        self.send_guard: Callable[[Message, Callable[[], None]], bool] = lambda _original, _proceed: False
        self.on_reply_sent: Callable[[OutgoingMessage, Message | None], None] = lambda _sent, _original: None
        self.pack: SnippetPack = self._load_pack()
        self.demo_in_use: Callable[[], bool] = lambda: False  # the local mailbox is the demo's (main window)

        self.composer = ComposerPane(host)
        self.composer.hide()
        self.composer.text_edited.connect(self._on_edited)
        self.composer.send_requested.connect(self.send)
        self.composer.send_now_requested.connect(self.send_now)
        send_service.item_done.connect(self._on_item_done)
        self.composer.close_requested.connect(self.close)
        self.composer.escape_pressed.connect(self.ask_close)
        self.composer.finding_activated.connect(self._on_finding_activated)
        self.composer.manage_snippets_requested.connect(self.manage_snippets)
        self.composer.signatures_requested.connect(self.edit_signatures)

        # The reader keeps its place; the composer sits to its right.
        self.reading = QSplitter(Qt.Orientation.Horizontal, host)
        self.reading.setObjectName("readingSplitter")
        slot.splitter.replaceWidget(slot.index, self.reading)
        self.reading.addWidget(slot.reader)
        self.reading.addWidget(self.composer)
        self.reading.setCollapsible(0, False)
        slot.reader.show()

        self.suggestions = SnippetSuggestions(slot.highlights.parentWidget())
        self.suggestions.set_pack(self.pack)
        self.suggestions.insert_requested.connect(self.insert_snippet)
        self.suggestions.hide()
        slot.suggestions_layout.addWidget(self.suggestions, 1)
        slot.highlights.selectionModel().currentChanged.connect(self._on_highlight_selected)

        self.review_timer = QTimer(self)
        self.review_timer.setSingleShot(True)
        self.review_timer.setInterval(REVIEW_DELAY_MS)
        self.review_timer.timeout.connect(self.review_now)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_IDLE_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self.hours_timer = QTimer(self)
        self.hours_timer.setInterval(HOURS_CHECK_MS)
        self.hours_timer.timeout.connect(self._update_send_choice)

        self._build_actions()
        host.installEventFilter(self)
        self._update_actions()

    # -- actions -------------------------------------------------------------
    def _build_actions(self) -> None:
        self.reply_action = QAction(self.host)
        self.reply_action.setObjectName("replyAction")
        self.reply_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reply_action.triggered.connect(lambda: self.reply(False))
        self.reply_all_action = QAction(self.host)
        self.reply_all_action.setObjectName("replyAllAction")
        self.reply_all_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reply_all_action.triggered.connect(lambda: self.reply(True))
        # The same dialogs as the composer's buttons, from the window's menu: a shop sets its
        # snippets and signature up before its first reply, not only inside one.
        self.snippets_action = QAction(self.host)
        self.snippets_action.setObjectName("manageSnippetsAction")
        self.snippets_action.triggered.connect(self.manage_snippets)
        self.signatures_action = QAction(self.host)
        self.signatures_action.setObjectName("signaturesAction")
        self.signatures_action.triggered.connect(self.edit_signatures)
        self.toolbar = QToolBar(self.host)
        self.toolbar.setObjectName("composeToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.reply_action)
        self.toolbar.addAction(self.reply_all_action)
        # Not added to the window: 返信 / 全員に返信 sit beside the subject (the reader); the
        # window keeps the actions for their shortcuts.
        self.toolbar.hide()
        self.shortcuts = []
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self.host)
            shortcut.activated.connect(partial(self._insert_suggestion, number - 1))
            self.shortcuts.append(shortcut)
        self.retranslate()

    def retranslate(self) -> None:
        self.toolbar.setWindowTitle(self.tr("返信"))
        self.reply_action.setText(self.tr("返信"))
        self.reply_action.setToolTip(self.tr("このメールに返信 (Ctrl+R)"))
        self.reply_all_action.setText(self.tr("全員に返信"))
        self.reply_all_action.setToolTip(self.tr("CC の全員を含めて返信 (Ctrl+Shift+R)"))
        self.snippets_action.setText(self.tr("定型文の管理(&T)…"))
        self.signatures_action.setText(self.tr("署名とあいさつ(&G)…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                # Before the window waits for its lanes: this save is one of them.
                self.save_now()
        return False

    def _update_actions(self) -> None:
        enabled = self.reading_context.current is not None and not self.composing
        self.reply_action.setEnabled(enabled)
        self.reply_all_action.setEnabled(enabled)

    def on_changed(self, changes: Changes) -> None:
        """The window's `changed`: the reply buttons follow the open mail; its insight reaches the draft."""
        if changes & (Changes.MESSAGE | Changes.HEADERS):
            self._update_actions()
        if changes & Changes.MESSAGE and self._pending_reopen is not None:
            self._on_reopen_shown()
        if changes & Changes.INSIGHT:
            self._on_insight_shown()

    @property
    def composing(self) -> bool:
        return self.opened_message is not None

    # -- opening -------------------------------------------------------------
    def _mailbox_key(self) -> str:
        assert self.ctx is not None
        return str(self.ctx.mailbox_path)

    def shown_account(self) -> str:
        """The outbox account of the mailbox the window shows: a reply to its mail leaves from it."""
        account = self.reading_context.account
        if account not in self.accounts.configs:
            assert self.ctx is not None
            account = local_account(self.ctx.mailbox_path)  # the local Maildir: through the outbox too
        return account

    def _shows(self, waiting: _Waiting) -> bool:
        """Whether the mail shown is the original of this waiting reply: the same ref in the same mailbox
        (the window may have switched to another mailbox, whose keys could be the same)."""
        current = self.reading_context.current
        return (current is not None and current.ref == waiting.opened.ref and self.ctx is not None
                and self.shown_account() == waiting.account)

    def reply(self, reply_all: bool = False) -> None:
        opened = self.reading_context.current
        if opened is None or self.composing:
            return
        if self.ctx is not None:
            self._load_draft(opened, reply_all)

    def _load_draft(self, opened: OpenedMessage, reply_all: bool) -> None:
        assert self.ctx is not None
        key = original_key(opened.message, opened.ref)
        compose_ops.load_draft(
            self.runner, self.ctx.db, self._mailbox_key(), key,
            partial(self._on_draft_loaded, opened, reply_all), self._on_store_error,
        )

    def _on_draft_loaded(self, opened: OpenedMessage, reply_all: bool, saved: Draft | None) -> None:
        if self.reading_context.current is not opened or self.composing:
            return  # the agent moved on meanwhile
        saved_identities = self.settings.get(SHOP_IDENTITIES)
        identities = identities_from_setting(saved_identities)
        restored = saved is not None
        if saved is not None:
            draft = saved
            cursor = _writing_position(saved, identities)
        else:
            config = self.accounts.configs.get(self.reading_context.account)
            own = Address(config.display_name, config.email) if config is not None else None
            identity = identity_for(opened.message, identities, own)
            # The greeting for this customer: no self-introduction to someone writing again.
            profile = self.reading_context.profile
            identity = for_customer(identity, profile.mail_count if profile is not None else 0)
            reply = new_reply(opened.message, identity, datetime.now().astimezone(), reply_all=reply_all,
                              ref=opened.ref)
            draft, cursor = reply.draft, reply.cursor
        self._show_draft(opened, draft, cursor)
        if restored:
            self._restored_note = self.tr("保存してあった下書きを開きました")
            self.status.say(self._restored_note, 5000)
        elif is_unsigned(identity):
            # Sent from the shop's own address with nothing of a demo shop's: where to add its own.
            self.composer.show_status(self.tr("あいさつと署名はまだ設定されていません（「署名とあいさつ…」で設定できます）"))
        self.opened.emit()

    def _show_draft(self, opened: OpenedMessage, draft: Draft, cursor: int | None) -> None:
        """The composer beside `opened` with `draft` (a reply opened, taken back or reopened)."""
        self._clear_restored_note()
        self.opened_message = opened
        self.insight = self.reading_context.insight
        self._key = draft.original_id
        self._dirty = False
        self.composer.set_draft(draft, cursor)
        self.composer.show_status("")
        self._update_send_choice()
        self.hours_timer.start()
        self._set_layout(composing=True)
        self.composer.editor.setFocus()
        self._select_first_highlight()
        self.review_now()
        self._update_actions()

    def _clear_restored_note(self) -> None:
        """「保存してあった下書きを開きました」 was about the reply opened then: another reply opening
        (or this one closing) takes it away, unless something else has been said since."""
        if self._restored_note and self.status.bar.currentMessage() == self._restored_note:
            self.status.bar.clearMessage()
        self._restored_note = ""

    def _writing_position(self, draft: Draft) -> int:
        saved: list[dict[str, str]] = self.settings.get(SHOP_IDENTITIES)
        return _writing_position(draft, identities_from_setting(saved))

    def _set_layout(self, composing: bool) -> None:
        # The list and the whole left column (search, folders, accounts) step aside while writing; the
        # reading splitter gets the left column's width (the centre column stretches), measured now.
        aside = sum(widget.width() for widget in self.slot.steps_aside
                    if widget.isVisible() and widget.parentWidget() is not self.reading.parentWidget())
        shown = self.reading.width() + aside if self.reading.isVisible() else 0
        for widget in self.slot.steps_aside:
            widget.setVisible(not composing)
        self.composer.setVisible(composing)
        self.suggestions.setVisible(composing)
        if composing:
            self._share_reading(shown)

    def _share_reading(self, shown: int) -> None:
        """Three fifths to the composer; in a narrow window (1024×700 at 125 %) the composer gets its
        room first (`COMPOSER_WIDTH`) and the reader what is left, down to its minimum."""
        width = (shown if shown > 100 else 800) - self.reading.handleWidth()  # 800: not laid out yet (hidden)
        reader = self.slot.reader.minimumSizeHint().width()
        composer = max(width * 3 // 5, min(COMPOSER_WIDTH, width - reader))
        self.reading.setSizes([width - composer, composer])

    # -- closing -------------------------------------------------------------
    def ask_close(self) -> QMessageBox | None:
        """Esc: close at once when nothing is unsaved; otherwise ask first (the draft is kept either way)."""
        if not self.composing:
            return None
        if not self._dirty:
            self.close()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("返信を閉じますか？"),
                          self.tr("書きかけの返信は下書きとして保存されます。もう一度「返信」を押すと続きから書けます。"),
                          QMessageBox.StandardButton.NoButton, self.host)
        close_button = box.addButton(self.tr("保存して閉じる"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("書き続ける"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("closeComposerDialog")
        self.close_dialog = box
        box.finished.connect(lambda _r: self.close() if box.clickedButton() is close_button
                             else self.composer.editor.setFocus())
        box.open()
        return box

    def close(self) -> None:
        """Close the composer, keeping the draft in the store. When the last save failed (the
        store and its journal both refused), ask before letting go of the text."""
        if not self.composing:
            return
        if self._save_failed:
            self._ask_before_discarding()
            return
        self.save_now()
        self._finish()

    def may_close_window(self) -> bool:
        """The window is closing: save what is typed (the window waits for it); False, and ask,
        when the composer holds text no save could keep."""
        if self.composing and self._save_failed:
            self._ask_before_discarding(then=self.host.close)
            return False
        self.save_now()
        return True

    def _ask_before_discarding(self, then: Callable[[], object] | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("下書きを保存できていません"),
                          self.tr("下書きを保存できませんでした（ディスクの空きがない、または書き込みできない"
                                  "可能性があります）。このまま閉じると、最後に保存できたあとに入力した文が失われます。"),
                          QMessageBox.StandardButton.NoButton, self.host)
        box.setInformativeText(self.tr("「閉じない」を選んで、空き容量を確かめるか、本文をコピーして"
                                       "別の場所に残してください。"))
        keep = box.addButton(self.tr("閉じない"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("保存せずに閉じる"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setObjectName("discardDraftDialog")
        self.discard_dialog = box
        box.finished.connect(lambda _result: self._on_discard_answered(box, box.clickedButton() is not keep, then))
        box.open()

    def _on_discard_answered(self, box: QMessageBox, discard: bool, then: Callable[[], object] | None) -> None:
        self.discard_dialog = None
        box.deleteLater()
        if discard and self.composing:
            self._save_failed = False
            self._finish()
            if then is not None:
                then()

    def _finish(self) -> None:
        self._clear_restored_note()
        self.review_timer.stop()
        self.autosave_timer.stop()
        self.hours_timer.stop()
        self._review_against = None
        self.runner.cancel_slot(compose_ops.REVIEW_SLOT)
        self._pace_review(0)
        self.opened_message = None
        self.insight = None
        self._dirty = False
        self._save_failed = False
        self._set_layout(composing=False)
        self.suggestions.show_for(None, "", {})
        self._update_actions()

    # -- typing: review and autosave -----------------------------------------
    def _on_edited(self) -> None:
        self._dirty = True
        self.review_timer.start()
        self.autosave_timer.start()

    def review_now(self) -> None:
        if not self.composing or self.opened_message is None:
            return
        self.review_timer.stop()
        compose_ops.review_draft(
            self.runner, self.composer.text(), self._review_mail().message.body, self.insight,
            self._on_reviewed, self._on_review_error, history=self.reading_context.history(),
        )

    def _review_mail(self) -> OpenedMessage:
        """The mail the draft is checked against: the one answered, or — a reply held because the
        customer wrote again — the new mail (the reader shows it, the insight is its)."""
        assert self.opened_message is not None
        return self._review_against or self.opened_message

    def _on_reviewed(self, result: ReviewResult) -> None:
        if not self.composing:
            return
        self._pace_review(result.own_chars, result.seconds)
        if self.composer.set_findings(result.text, result.findings):
            self.review_shown.emit()

    def _pace_review(self, own_chars: int, seconds: float = 0.0) -> None:
        """Review after every short pause, or — a very long draft, or a reply to a very long mail — only
        after a longer one, and say so."""
        if own_chars > LIVE_REVIEW_MAX_CHARS:
            note = self.tr("下書きが長いため、入力の手を止めたときに見直します")
        elif seconds > LIVE_REVIEW_MAX_SECONDS:
            note = self.tr("長いメールへの返信のため、入力の手を止めたときに見直します")
        else:
            note = ""
        self.review_timer.setInterval(LONG_REVIEW_DELAY_MS if note else REVIEW_DELAY_MS)
        self.composer.set_review_note(note)

    def _on_review_error(self, failure: TaskFailure) -> None:
        self.composer.show_status(self.tr("見直しを実行できませんでした"))
        self.status.say(error_text(failure.error), 8000)

    def save_now(self) -> None:
        """Save the draft if it changed since the last save (idle, close, window close)."""
        self.autosave_timer.stop()
        draft = self.composer.current_draft()
        if not self.composing or not self._dirty or draft is None or self.ctx is None:
            return
        self._dirty = False
        compose_ops.save_draft(
            self.runner, self.ctx.db, self._mailbox_key(), draft, self._on_saved, self._on_save_error,
        )

    def _on_saved(self, result: DraftSaved | None = None) -> None:
        self._save_failed = False
        if self.composing:
            saved_at = datetime.now().strftime("%H:%M")
            if result is DraftSaved.JOURNAL:
                self.composer.show_status(
                    fill(self.tr("相槌のデータに書き込めないため、下書きを予備のファイルに保存しました {saved_at}"
                                 "（ディスクの空き容量とフォルダの権限を確認してください）"),
                         saved_at=saved_at))
            else:
                self.composer.show_status(fill(self.tr("下書きを保存しました {saved_at}"), saved_at=saved_at))
        self.draft_saved.emit()

    def _on_save_error(self, failure: TaskFailure) -> None:
        self._dirty = True  # try again at the next pause
        self._save_failed = True
        text = error_text(failure.error)
        # Why, in the composer's own line too: the status bar's message goes after a few seconds.
        self.composer.show_status(text if isinstance(failure.error, DraftNotSaved)
                                  else self.tr("下書きを保存できませんでした"))
        self.status.say(text, 8000)

    def _on_store_error(self, failure: TaskFailure) -> None:
        self.status.say(
            fill(self.tr("下書きの保存先を開けませんでした: {error}"), error=error_text(failure.error))
        )

    # -- insight and snippets --------------------------------------------------
    def _on_insight_shown(self) -> None:
        current = self.reading_context.current
        if self.composing and current is not None and current is self.opened_message:
            self.insight = self.reading_context.insight
            self._select_first_highlight()
            self.review_now()

    def _select_first_highlight(self) -> None:
        view = self.slot.highlights
        current = view.currentIndex()
        if current.isValid() and current.data(Role.HIGHLIGHT) is not None:
            self._on_highlight_selected(current, QModelIndex())
            return
        model = view.model()
        for kind_row in range(model.rowCount()):
            parent = model.index(kind_row, 0)
            if model.rowCount(parent):
                view.setCurrentIndex(model.index(0, 0, parent))
                return
        self.suggestions.show_for(None, "", {})

    def _on_highlight_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        highlight = current.data(Role.HIGHLIGHT) if current.isValid() else None
        if not self.composing or not isinstance(highlight, Highlight) or self.opened_message is None:
            if self.composing:
                self.suggestions.show_for(None, "", {})
            return
        message = self.opened_message.message
        values = {"customer": customer_name(addressee(message)), "topic": highlight.topic,
                  "staff": self.settings.get(TEAM_STAFF_NAME)}
        self.suggestions.show_for(
            highlight, message.body[highlight.start : highlight.end], {k: v for k, v in values.items() if v},
            message.body,
        )

    def _insert_suggestion(self, index: int) -> None:
        if self.composing:
            self.suggestions.insert(index)

    def insert_snippet(self, filled: Filled) -> None:
        if self.composing:
            self.composer.insert_snippet(filled)

    def insert_text(self, text: str) -> bool:
        """Insert plain text at the cursor (「以前お話しくださった…」); False when not composing."""
        if not self.composing:
            return False
        self.composer.insert_snippet(Filled(text, ()))
        return True

    def _load_pack(self) -> SnippetPack:
        from app.sharing.saved import with_team

        # Team mode: the team's shared snippets (loaded off this thread by ui.team_controller) over ours.
        team = getattr(self, "team_snippets", None) or SnippetPack({}, ())
        try:
            return with_team(load_pack(), team)
        except (OSError, ValueError):
            # A broken own pack must not cost the shop its reply window: ours still work.
            return load_our_pack()

    def reload_pack(self) -> None:
        """A snippet was added elsewhere (「定型文にする」, the team's server): offer it from now on."""
        self.pack = self._load_pack()
        self.suggestions.set_pack(self.pack)

    def manage_snippets(self) -> None:
        from ui.snippet_manager import SnippetManagerDialog

        try:
            own = load_user_pack()
        except (OSError, ValueError):
            own = SnippetPack({}, ())
        dialog = SnippetManagerDialog(load_our_pack(), own, self.host)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.pack = self._load_pack()
            self.suggestions.set_pack(self.pack)
            if self.composing:
                self._select_first_highlight()

    def edit_signatures(self) -> None:
        from ui.signature_dialog import SignatureDialog

        draft = self.composer.current_draft()
        own = [Address(c.display_name, c.email) for c in self.accounts.configs.values() if "@" in c.email]
        SignatureDialog(self.settings, draft.sender.email if draft else "", self.host, own=own,
                        demo_in_use=self.demo_in_use()).exec()

    # -- findings ------------------------------------------------------------
    def _on_finding_activated(self, finding: Finding) -> None:
        # A finding about the mail (a disclosure not acknowledged) shows that place in the mail.
        if finding.ref is not None and self.insight is not None and finding.ref in self.insight.highlights:
            self.slot.reader.jump_to(self.insight.highlights.index(finding.ref))

    # -- sending -------------------------------------------------------------
    def _sender_email(self) -> str:
        draft = self.composer.current_draft()
        return draft.sender.email if draft is not None else ""

    def _update_send_choice(self) -> None:
        """Outside the sending identity's service hours, offer the next opening first."""
        if not self.composing:
            return
        opening = self.send_service.next_opening(self._sender_email())
        self.composer.set_send_choice(send_time(opening) if opening is not None else "")

    def send(self) -> None:
        """The default choice: at once (after the grace period) in service hours, else at the next opening."""
        if not self.composing:
            return
        self._update_send_choice()
        self._send_at = self.send_service.next_opening(self._sender_email()) if self.composer.out_of_hours else None
        self._check_and_send()

    def send_now(self) -> None:
        """「今すぐ送信」 outside service hours (the grace period still applies)."""
        self._send_at = None
        self._check_and_send()

    def _check_and_send(self) -> None:
        if not self.composing or self.opened_message is None:
            return
        if not self._recipients_ok():
            return
        self.composer.send_button.setEnabled(False)
        self.composer.send_now_button.setEnabled(False)
        compose_ops.review_draft(
            self.runner, self.composer.text(), self._review_mail().message.body, self.insight,
            self._on_send_reviewed, self._on_send_error, slot=SEND_REVIEW_SLOT,
            history=self.reading_context.history(),
        )

    def _enable_send(self) -> None:
        self.composer.send_button.setEnabled(True)
        self.composer.send_now_button.setEnabled(True)

    def _recipients_ok(self) -> bool:
        """To/CC must read as addresses before anything else is checked: say which do not."""
        draft = self.composer.current_draft()
        unreadable = self.composer.unreadable_recipients()
        if draft is not None and draft.to and not unreadable:
            return True
        if unreadable:
            self.composer.show_status(fill(self.tr("宛先を確かめてください（メールアドレスとして読めません）：{addresses}"),
                                           addresses="、".join(unreadable)))
        else:
            self.composer.show_status(self.tr("宛先がありません。送信していません。"))
        self.composer.to_edit.setFocus()
        return False

    def _on_send_reviewed(self, result: ReviewResult) -> None:
        if not self.composing:
            return
        if result.text != self.composer.text():
            self._check_and_send()  # typed while the check ran: check what will really go out
            return
        self.composer.set_findings(result.text, result.findings)
        if not result.findings:
            self._deliver()
            self.send_checked.emit()
            return
        dialog = SendReviewDialog(result.findings, self.host)
        self.review_dialog = dialog
        dialog.finished.connect(partial(self._on_review_dialog_done, dialog))
        dialog.open()
        self.send_checked.emit()

    def _on_review_dialog_done(self, dialog: SendReviewDialog, result: int) -> None:
        self.review_dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._deliver()
            return
        self._enable_send()
        first = self.composer.arranged.first  # what blocks sending, if anything does
        if first is not None:
            self.composer.select_finding(first)

    def _deliver(self, guarded: bool = False, despite_unknown: bool = False) -> None:
        draft = self.composer.current_draft()
        opened = self.opened_message
        source = self.reading_context.source
        if draft is None or opened is None or source is None:
            return
        if not guarded and self.send_guard(opened.message, partial(self._deliver, True)):
            return  # team mode: a teammate's reply to the same mail is looked for first (ui.team_controller)
        charset = self._charset()
        left = unencodable_in(draft, charset)
        if left:
            self._offer_stand_ins(left)
            return
        try:
            message = outgoing(draft, datetime.now().astimezone(), opened.ref, charset)
        except UnfilledDraft:
            self._enable_send()
            self.composer.show_status(self.tr("埋められていない差し込みがあります"))
            return
        except UnencodableDraft:  # changed since the check above: check again on the next send
            self._enable_send()
            return
        # Saved as it goes out, even untouched: undo and a held reply reopen exactly this.
        self._dirty = True
        self.save_now()
        account = self.shown_account()
        self.composer.show_status(self.tr("送信の準備中…"))
        self.send_service.send_reply(account, message, self._send_at,
                                     partial(self._on_submitted, draft, opened, message), self._on_send_error,
                                     despite_unknown=despite_unknown)

    def _on_submitted(self, draft: Draft, opened: OpenedMessage, message: OutgoingMessage,
                      item: OutboxItem) -> None:
        """In the outbox: the composer closes; the outbox controller offers undo or confirms the 予約."""
        if item.message_id != draft.message_id:  # an edited reply: a new outgoing item, a new Message-ID
            draft = replace(draft, message_id=item.message_id)
            message = with_message_id(message, item.message_id)
        self._waiting[item.message_id] = _Waiting(item.id, draft, opened, message, item.account_id,
                                                  self._mailbox_key())
        self._enable_send()
        if self.composing and self.composer.draft is not None and self.composer.draft.original_id == draft.original_id:
            self._finish()
        self.submitted.emit(item)

    def _on_item_done(self, item: OutboxItem) -> None:
        """A send attempt of the send service ended; ours are followed up here."""
        waiting = self._waiting.get(item.message_id)
        if waiting is None:
            return
        if item.state is OutboxState.SENT:
            del self._waiting[item.message_id]
            self._on_sent(waiting)
            return
        if item.state is OutboxState.HELD:
            return  # the outbox controller says why; the agent reopens it from the outbox
        if item.state is OutboxState.QUEUED and item.problem is None:
            return  # not due yet
        # Not sent (yet): the outbox shows the state and the reason; the draft comes back to fix.
        oauth = self.accounts.is_oauth(item.account_id)
        text = f"{outbox_state(item.state)}: {send_problem(item.problem, oauth=oauth)}"
        self.status.say(text, 15000)
        if item.state is OutboxState.FAILED and item.problem is SendProblem.REJECTED:
            self._tell_refused(item)
        current = self.reading_context.current
        if not self.composing and current is not None and self._shows(waiting):
            self._show_draft(current, waiting.draft, self._writing_position(waiting.draft))
            self.composer.show_status(text)
        elif (self.composing and self.composer.draft is not None
              and self.composer.draft.original_id == waiting.draft.original_id):
            self.composer.show_status(text)  # still open on it: its line says what the outbox knows now

    def _tell_refused(self, item: OutboxItem) -> None:
        """The server said no: a status line is too easy to miss and too short for its words."""
        from ui.refused_dialog import RefusedDialog

        if self.refused_dialog is not None:
            self.refused_dialog.close()
        self.refused_dialog = RefusedDialog(item, self.host)
        self.refused_dialog.finished.connect(self._forget_refused)
        self.refused_dialog.open()

    def _forget_refused(self) -> None:
        if self.refused_dialog is not None:
            self.refused_dialog.deleteLater()
        self.refused_dialog = None

    def _on_sent(self, waiting: _Waiting) -> None:
        if self.ctx is not None:
            # Under the mailbox it was written in, whichever the window shows now.
            compose_ops.delete_draft(self.runner, self.ctx.db, waiting.mailbox_key or self._mailbox_key(),
                                     waiting.draft.original_id, self._on_store_error)
        self.on_reply_sent(waiting.message, waiting.opened.message)  # team mode: the others' send guards see it
        self.reading_context.remember_reply(waiting.message, waiting.opened.message)
        self.status.say(self.tr("返信を送信しました"), 8000)
        self.last_replied = waiting.opened.ref  # its arrow in the list
        self.last_replied_account = waiting.account
        self.sent.emit()

    # -- taking it back ----------------------------------------------------------
    def undo(self, item_id: int) -> None:
        """「送信を取り消す」: the outbox takes it back (unless it has just gone), and the draft
        returns to the composer as it was sent."""
        waiting = next((w for w in self._waiting.values() if w.item_id == item_id), None)

        def done(item: OutboxItem | None) -> None:
            if item is None:
                self.status.say(self.tr("すでに送信したため、取り消せませんでした。"), 10000)
                return
            if waiting is None:
                return
            del self._waiting[item.message_id]
            if waiting.account != self.shown_account():
                # The window shows another mailbox now: a composer here would answer its mail from its
                # account (the demo's reply went into the other shop's 送信済み). The draft stays saved
                # where it was written, and opens again with 返信 on its mail there.
                self.status.say(self.tr("送信を取り消しました。返信先のメールは別のメールボックスにあるため、"
                                        "下書きとして保存してあります。そのメールを開いて「返信」を押すと続きを書けます。"),
                                20000)
                self.undone.emit()
                return
            if self.composing:
                self.close()  # another reply was opened meanwhile: it is saved and put aside
            # The caret where the agent's words end (above the signature), the reply shown from
            # its top: at the end of the body it showed only the quote, as if the text were lost.
            self._show_draft(waiting.opened, waiting.draft, self._writing_position(waiting.draft))
            self._dirty = True  # saved again, so the store holds the draft the agent sees
            self.composer.show_status(self.tr("送信を取り消しました。下書きを編集できます。"))
            self.undone.emit()

        self.send_service.cancel(item_id, done)

    def reopen_held(self, item: OutboxItem) -> None:
        """A reply held because the customer wrote again: taken out of the outbox, the new mail
        opened in the reader, and the draft in the composer, reviewed against the new mail."""
        if item.account_id != self.shown_account():
            # Its mail is in another mailbox than the one shown: reopened here, it would be reviewed
            # against the wrong mail and sent from the wrong account. It stays held until then.
            self.status.say(self.tr("この返信の宛先のメールは、いま表示していない別のメールボックスにあります。"
                                    "そのメールボックスを開いてから、送信トレイで開き直してください。"), 20000)
            return
        if self.composing:
            self.close()

        def cancelled(taken: OutboxItem | None) -> None:
            if taken is None:
                self.status.say(self.tr("この返信はすでに送信されています。"), 10000)
                return
            self._load_held_draft(item)

        self.send_service.cancel(item.id, cancelled)

    def _load_held_draft(self, item: OutboxItem) -> None:
        assert self.ctx is not None

        def loaded(found: tuple[str, Draft] | None) -> None:
            waiting = self._waiting.pop(item.message_id, None)
            draft = found[1] if found is not None else (waiting.draft if waiting is not None else None)
            if draft is None:
                self.status.say(
                    self.tr("保留した返信の下書きが見つかりませんでした。送信トレイから取り消しました。"), 15000)
                return
            target = item.hold.ref if item.hold is not None and item.hold.ref is not None else item.replying_to
            if target is None:
                return
            self._pending_reopen = (target, draft)
            self.reading_context.open_ref(target, item.hold.subject if item.hold is not None else "")

        compose_ops.load_sent_draft(self.runner, self.ctx.db, item.message_id, loaded, self._on_store_error)

    def _on_reopen_shown(self) -> None:
        """The reader shows a mail (Changes.MESSAGE): the held reply's new mail, once it is there."""
        pending = self._pending_reopen
        current = self.reading_context.current
        if pending is None or current is None or current.ref != pending[0]:
            return
        self._pending_reopen = None
        _target, draft = pending
        if self.composing:
            self.close()
        self._review_against = current  # the new mail: what the customer asks now
        self._show_draft(current, draft, None)
        self._dirty = True
        self.composer.show_status(self.tr("お客様から新しいメールが届いています。新しいメールに合わせて見直してください。"))
        self.opened.emit()

    def _charset(self) -> Charset:
        """The account's sending charset (UTF-8 for the local mailbox)."""
        config = self.accounts.configs.get(self.reading_context.account)
        return config.charset if config is not None else Charset.UTF8

    def _offer_stand_ins(self, chars: list[str]) -> None:
        """Characters ISO-2022-JP cannot carry: nothing is sent; offer the usual stand-ins."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("送れない文字があります"),
                          fill(self.tr("このアカウントは ISO-2022-JP で送信します。"
                                       "次の文字はお客様に正しく届かないため、"
                                       "このままでは送信できません：\n\n{chars}"), chars="　".join(chars)),
                          QMessageBox.StandardButton.NoButton, self.host)
        box.setInformativeText(self.tr("「置き換える」で ①→(1)、㈱→(株)、半角カナ→全角 のように置き換えます。"
                                       "置き換えられない文字（絵文字など）は選択しますので、書き直してください。"
                                       "下書きはそのまま残っています。"))
        replace_button = box.addButton(self.tr("置き換える"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("戻る"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("charsetDialog")
        self.charset_dialog = box
        box.finished.connect(lambda _result: self._on_stand_ins_answered(box, box.clickedButton() is replace_button))
        box.open()

    def _on_stand_ins_answered(self, box: QMessageBox, replace: bool) -> None:
        self.charset_dialog = None
        box.deleteLater()
        self._enable_send()
        if not replace:
            self.composer.show_status(self.tr("送信していません。下書きは保存されています。"))
            return
        left = self.composer.use_stand_ins(self._charset())
        if left:
            self.composer.show_status(
                fill(self.tr("置き換えられない文字が残っています：{chars}"), chars="　".join(left)))
        else:
            self.composer.show_status(self.tr("置き換えました。内容を確かめてから、もう一度送信してください。"))

    def _on_send_error(self, failure: TaskFailure) -> None:
        self._enable_send()
        if isinstance(failure.error, MayHaveArrived):
            self._ask_despite_unknown(failure.error.earlier)
            return
        if isinstance(failure.error, CannotSendHere):
            text = self.tr("このメールボックスからは送信できません。下書きは保存されています。")
        else:
            text = error_text(failure.error)
        self.composer.show_status(text)
        self.status.say(text, 10000)

    def _ask_despite_unknown(self, earlier: OutboxItem) -> None:
        """This reply (or an earlier version of it) went out with no word back: the customer may have it.
        Sending the changed one is the agent's choice, asked, never made for them (never twice unasked)."""
        when = earlier.created_at.astimezone().strftime("%m/%d %H:%M")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("前の返信がお客様に届いている可能性があります"),
                          fill(self.tr(
                              "{when} に送信した返信は、送信の途中でサーバーとの接続が切れたため、"
                              "お客様に届いたかどうか確かめられていません。このまま送ると、お客様に返信が"
                              "二通届くおそれがあります。"), when=when),
                          QMessageBox.StandardButton.NoButton, self.host)
        box.setObjectName("mayHaveArrivedBox")
        box.setInformativeText(self.tr(
            "前の返信が届いていないと分かっているときだけ「それでも送信する」を押してください。"
            "下書きは保存されています。"))
        send = box.addButton(self.tr("それでも送信する"), QMessageBox.ButtonRole.AcceptRole)
        send.setObjectName("sendAnywayButton")
        keep = box.addButton(self.tr("送信しない"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("doNotSendButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.unknown_box = box
        box.finished.connect(partial(self._on_despite_unknown_answered, box))
        box.open()

    def _on_despite_unknown_answered(self, box: QMessageBox, _result: int) -> None:
        self.unknown_box = None
        send = box.buttonRole(box.clickedButton()) is QMessageBox.ButtonRole.AcceptRole
        box.deleteLater()
        if send and self.composing:
            self._deliver(guarded=True, despite_unknown=True)  # the team guard was asked moments ago
            return
        self.composer.show_status(self.tr("送信していません。下書きは保存されています。"))


def _writing_position(draft: Draft, identities: list[ShopIdentity]) -> int:
    """Where a restored draft's cursor goes: the end of the agent's own words, above the signature."""
    body = draft.body
    for identity in identities:
        if identity.email == draft.sender.email and identity.signature.strip():
            at = body.find(identity.signature.strip("\n").split("\n")[0])
            if at > 0:
                return len(body[:at].rstrip())
    # No signature (the shop's own address before 署名とあいさつ is set): above the attribution line of
    # the quote. At the end of the body the view showed only the customer's quoted mail.
    quoted = _FIRST_QUOTED.search(body)
    if quoted is not None:
        head = body[: quoted.start()].rstrip("\n")
        attribution = head.rfind("\n")
        if attribution > 0:
            return len(head[:attribution].rstrip())
    return len(body)


_FIRST_QUOTED = re.compile(r"^>", re.MULTILINE)
