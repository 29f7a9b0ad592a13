"""The main window: folders | message list over the reader | insight panel.

It lays the panes out and wires the controllers of `ui.controllers` (mailbox,
insight, memory, accounts, outbox), the send service and the composer; they do the work, through
`ui.operations` on the task runner, so the window never freezes. Everything they
work on is the application context (`app.context`), opened once on the db lane:
no SQL runs on the GUI thread. What an operation changed arrives as one
`changed(Changes)` signal (Anki's `operation_did_execute`). Geometry and splitter
states live in `QSettings`.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QSplitter, QVBoxLayout

from app.clock import Clock
from app.context import AppContext, Changes, open_context
from app.settings import LANGUAGE, Settings
from app.sources.oauth import providers_from_settings
from app.store.db import Database
from ui import help_dialogs, style
from ui.accounts_pane import AccountsPane
from ui.accounts_service import AccountsService
from ui.compose_controller import ComposeController, ComposeSlot
from ui.controllers.accounts import AccountsController
from ui.controllers.insight import InsightController
from ui.controllers.mailbox import MailboxController
from ui.controllers.memory import MemoryController
from ui.controllers.outbox import OutboxController
from ui.controllers.reading import ReadingContext
from ui.controllers.status import StatusLine
from ui.customer_panel import CustomerPanel
from ui.insight_panel import InsightPanel
from ui.remote_images import RemoteImageLoader
from ui.right_column import RightColumn
from ui.tasks import DB, TaskFailure, TaskRunner
from ui.wording import fill

log = logging.getLogger(__name__)

PREFERRED_SIZE = QSize(1360, 860)  # on a screen that has room; otherwise the screen's available area
LIST_ROWS = 12.5  # the message list shows at least this many rows when the window has the height
READER_HEIGHT = 260  # px the reader keeps under the list: a long subject, the legend, a few lines of the mail


class MainWindow(QMainWindow):
    """Reader window over one mailbox."""

    changed = Signal(object)  # Changes: what an operation changed (the views that care refresh)
    language_chosen = Signal(str)  # "ja" / "en" / "" (follow the locale)

    def __init__(
        self,
        mailbox: Path,
        settings: Settings,
        qsettings: QSettings | None = None,
        runner: TaskRunner | None = None,
        language: str = "ja",
        image_loader: RemoteImageLoader | None = None,
        db_path: Path | None = None,
        db: Database | None = None,
        ssl_context: ssl.SSLContext | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.mailbox_path = mailbox
        self.settings = settings
        self.qsettings = qsettings or QSettings("Aizuchi", "Aizuchi")
        self.runner = runner or TaskRunner(self)
        self.ctx: AppContext | None = None
        self._language = language
        self.shutdown_wait_ms = 3000  # at close, how long the lanes may finish (tests shorten it)
        self.setStyleSheet(style.STYLE_SHEET)
        self.status = StatusLine(self.statusBar(), self, self.runner)
        notify = self.changed.emit
        self.mailbox = MailboxController(self.runner, settings, self.status, notify, self, image_loader)
        self.insight_panel = InsightPanel(self)
        self.customer_panel = CustomerPanel(self)
        self.insight = InsightController(self.runner, self.mailbox, self.status, notify, self.insight_panel,
                                         self.customer_panel)
        # The insight panel over the customer panel; two tabs when the column is short (ui.right_column).
        self.right_column = RightColumn(self.insight_panel, self.customer_panel, self)
        self.memory = MemoryController(self.runner, self.mailbox, self.insight, self.status, notify,
                                       self.customer_panel, self.right_column, self)
        self.accounts = AccountsService(self.runner, ssl_context, self,
                                        providers=lambda: providers_from_settings(self.settings))
        self.accounts_pane = AccountsPane(self.accounts, self)
        # The one send path (issue 17) on the send path's clock (issue 19), and the outbox's window parts.
        self.outbox = OutboxController(self.runner, self.accounts, self.status, notify, settings, clock, self)
        self.send_service = self.outbox.service
        self.account_control = AccountsController(self.runner, self.accounts, self.accounts_pane, self.mailbox,
                                                  self.outbox, self.status, notify, settings, ssl_context, self)
        self._build_panes()
        self._build_menus()
        self.runner.busy_changed.connect(self.status.set_running)
        self.memory.on_build_state = self._on_build_state
        self.memory.accounts = lambda: {account: config.label() for account, config in self.accounts.configs.items()}
        self.memory.show_account_folder = self.accounts_pane.show_folder
        # An account's new mail is built into the records and the search index after each sync.
        self.accounts.synced.connect(self.memory.account_synced)
        self.accounts.removed.connect(self.memory.forget_account)
        self.retranslate()
        self._restore_state()
        self.status.say(self.tr("メールボックスを開いています…"))
        # Replying (composer, snippets, review, drafts, send) lives in its own controller; it reads
        # the open mail through a narrow context and sits in the slot beside the reader.
        panel_layout = self.insight_panel.layout()
        assert isinstance(panel_layout, QVBoxLayout)
        slot = ComposeSlot(self.center_splitter, 1, self.reader, self.insight_panel.view, panel_layout,
                           (self.mailbox.list_box, self.left_splitter))
        self.compose = ComposeController(ReadingContext(self.mailbox, self.insight, self.memory), slot,
                                         self.accounts, self.send_service, self.runner, settings, self.status, self)
        self.changed.connect(self.compose.on_changed)
        self.outbox.attach(self.compose, self.changed)
        self.memory.insert_text = self.compose.insert_text
        # 返信 / 全員に返信 sit beside the subject, as in Thunderbird; the window keeps their shortcuts.
        # A reply sent: its original gets the arrow in the list at once (the source flags it too).
        self.compose.sent.connect(self._on_reply_sent)
        self.addActions([self.compose.reply_action, self.compose.reply_all_action])
        # 定型文の管理 and 署名とあいさつ with the shop's other settings, reachable before any reply is open.
        self.file_menu.insertActions(self.outbox_action, [self.compose.snippets_action, self.compose.signatures_action])
        self.file_menu.insertSeparator(self.outbox_action)
        self.reader.add_actions([self.compose.reply_action, self.compose.reply_all_action])
        # Team mode (presence, the double-reply stop, shared snippets) and 「定型文にする」 (issue 19).
        from ui.snippet_from_reply import SnippetFromReply
        from ui.team_controller import TeamController

        self.team = TeamController(self)
        self.compose.demo_in_use = self.mailbox.demo_in_use
        self.compose.send_guard = self.team.guard_send
        self.compose.on_reply_sent = self.team.reply_sent
        self.snippet_from_reply = SnippetFromReply(self)
        self.account_control.open_local = self.open_local_mailbox
        self.mailbox.mailbox_opened.connect(self._show_title)
        # Everything opens once, on the db lane (opening may migrate the store), then the parts start.
        clock = self.outbox.clock
        self.runner.submit(DB, lambda: open_context(settings, mailbox, db_path, db, clock), self._on_context,
                           self._on_context_error)

    # -- the application context -------------------------------------------------
    def _on_context(self, ctx: AppContext) -> None:
        self.ctx = self.compose.ctx = self.insight.ctx = ctx
        self.mailbox.start(ctx)
        self.send_service.start(ctx)  # before the accounts: an account that connects retries its items
        self.account_control.start(ctx)
        self.memory.start(ctx)
        self.changed.emit(Changes.CONTEXT)

    def open_local_mailbox(self, path: Path) -> bool:
        """Read another local Maildir or mbox from now on, in place of the one shown.

        The same way a start opens one (`aizuchi run PATH`): the context names the mailbox, the
        mailbox controller opens its source and lists its inbox, and the memory builds its mail
        into the customer records and the search index. False while a reply cannot be closed
        (its draft could not be saved): nothing changes then."""
        if self.ctx is None:
            return False
        if self.compose.composing:
            self.compose.close()  # the draft is saved under the mailbox it was written in
            if self.compose.composing:
                return False
        ctx = replace(self.ctx, mailbox_path=path)
        self.mailbox_path = path
        self.ctx = self.compose.ctx = self.insight.ctx = self.account_control.ctx = self.accounts.ctx = ctx
        self.memory.switch_mailbox(ctx)
        self.mailbox.open_other(ctx)
        return True

    def _on_context_error(self, failure: TaskFailure) -> None:
        log.error("the store could not be opened:\n%s", failure.trace)
        self.status.mail_error(failure)

    @property
    def db(self) -> Database:
        assert self.ctx is not None, "the context opens on the db lane: wait for Changes.CONTEXT"
        return self.ctx.db

    # -- construction --------------------------------------------------------
    def _build_panes(self) -> None:
        mailbox = self.mailbox
        # The panes the tests and the layout probe reach by name.
        self.reader, self.proxy, self.message_view = mailbox.reader, mailbox.proxy, mailbox.message_view
        self.message_model, self.folder_model = mailbox.message_model, mailbox.folder_model
        self.search, self.search_panel = mailbox.search, mailbox.search_panel
        self.list_stack, self.filter_label = mailbox.list_stack, mailbox.filter_label
        self.right_splitter = self.right_column.splitter
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(mailbox.folder_view)
        self.left_splitter.setStretchFactor(0, 1)

        self.center_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.center_splitter.setObjectName("centerSplitter")
        self.center_splitter.addWidget(mailbox.list_box)
        self.center_splitter.addWidget(self.reader)
        self.center_splitter.setStretchFactor(0, 2)
        self.center_splitter.setStretchFactor(1, 5)
        self.center_splitter.setSizes([300, 560])

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        # Mail accounts sit under the local mailbox's folders, above the search.
        self.left_splitter.addWidget(self.accounts_pane)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.center_splitter)
        self.main_splitter.addWidget(self.right_column)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setStretchFactor(2, 0)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.setSizes([200, 820, 360])
        self.setCentralWidget(self.main_splitter)
        self.resize(PREFERRED_SIZE)

    def _action(self, menu: QMenu, triggered: Callable[..., object], shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(self)
        action.triggered.connect(triggered)
        if shortcut is not None:
            action.setShortcut(shortcut)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.add_account_action = self._action(self.file_menu, self.account_control.open_account_dialog)
        self.send_settings_action = self._action(self.file_menu, self.outbox.open_settings)
        self.outbox_action = self._action(self.file_menu, self.outbox.open_dialog)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, QKeySequence(QKeySequence.StandardKey.Quit))

        self.view_menu = bar.addMenu("")
        self.find_action = self._action(self.view_menu, self.focus_search, QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setObjectName("findAction")
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", "ja", "en"):
            action = self._action(self.language_menu, lambda _checked=False, c=code: self._choose_language(c))
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_actions[self.settings.language if self.settings.language in ("ja", "en") else ""].setChecked(
            True
        )

        self.memory_menu = bar.addMenu("")
        self.build_action = self._action(self.memory_menu, self.memory.start_build)
        self.stop_build_action = self._action(self.memory_menu, self.memory.stop_build)
        self.stop_build_action.setEnabled(False)
        self.memory_menu.addSeparator()
        self.team_action = self._action(self.memory_menu, self.memory.open_team_dialog)
        self.response_time_action = self._action(self.memory_menu, self.open_response_time)
        self.response_time_action.setObjectName("responseTimeAction")

        self.help_menu = bar.addMenu("")
        self.keys_action = self._action(self.help_menu, lambda: help_dialogs.show_keys(self))
        self.about_action = self._action(self.help_menu, lambda: help_dialogs.about(self))

    def open_response_time(self) -> QDialog | None:
        """返信までの時間 (ui.response_time_dialog), over the memory now open."""
        opened = self.memory.opened
        if opened is None:
            self.status.say(self.tr("お客様の記録を開いています。少し待ってからもう一度お試しください。"), 5000)
            return None
        from app.identity import identities_from_setting
        from app.service_hours import hours_for
        from app.settings import SERVICE_HOURS, SHOP_IDENTITIES
        from ui.response_time_dialog import ResponseTimeDialog

        # The default identity's hours (its own, else the shop-wide entry): the memory keeps no
        # record of which identity sent each reply.
        identities: list[dict[str, str]] = self.settings.get(SHOP_IDENTITIES)
        saved: dict[str, object] = self.settings.get(SERVICE_HOURS)
        hours = hours_for(identities_from_setting(identities)[0].email, saved)
        dialog = ResponseTimeDialog(self.runner, opened.memory.engine, self, hours)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_build_state(self, running: bool) -> None:
        self.build_action.setEnabled(not running)
        self.stop_build_action.setEnabled(running)

    def _on_reply_sent(self) -> None:
        replied, self.compose.last_replied = self.compose.last_replied, None
        # Its arrow only in the list it belongs to: a reply waiting in its grace period may leave after
        # the window switched to another mailbox or account, whose rows could have the same keys.
        folder = self.mailbox.current_folder
        if (replied is not None and folder is not None and replied.folder_id == folder.id
                and self.compose.last_replied_account == self.compose.shown_account()):
            self.mailbox.message_model.mark_answered(replied)

    # -- wording -------------------------------------------------------------
    def _show_title(self) -> None:
        """The mailbox shown, as a mail program's title says it (which one is open after adding one)."""
        name = self.mailbox.mailbox_name()
        self.setWindowTitle(fill(self.tr("{mailbox} — 相槌"), mailbox=name) if name
                            else self.tr("相槌 — お客様メールの返信アシスタント"))

    def retranslate(self) -> None:
        self._show_title()
        self.file_menu.setTitle(self.tr("ファイル(&F)"))
        self.add_account_action.setText(self.tr("メールアカウントを追加(&A)…"))
        self.send_settings_action.setText(self.tr("営業時間と送信の設定(&H)…"))
        self.outbox_action.setText(self.tr("送信トレイ(&O)…"))
        self.quit_action.setText(self.tr("終了(&Q)"))
        self.view_menu.setTitle(self.tr("表示(&V)"))
        self.language_menu.setTitle(self.tr("言語(&L)"))
        self.language_actions[""].setText(self.tr("システムの設定に合わせる"))
        self.language_actions["ja"].setText(self.tr("日本語"))
        self.language_actions["en"].setText(self.tr("English"))
        self.memory_menu.setTitle(self.tr("お客様の記録(&M)"))
        self.build_action.setText(self.tr("すべてのフォルダから記録を作成・再開"))
        self.stop_build_action.setText(self.tr("記録の作成を停止"))
        self.team_action.setText(self.tr("チームで共有…"))
        self.response_time_action.setText(self.tr("返信までの時間…"))
        self.help_menu.setTitle(self.tr("ヘルプ(&H)"))
        self.about_action.setText(self.tr("相槌について(&A)"))
        self.keys_action.setText(self.tr("キーボード操作(&K)"))
        self.find_action.setText(self.tr("検索(&F)"))
        self.status.retranslate()
        self.mailbox.retranslate()
        self.insight_panel.retranslate()
        self.customer_panel.retranslate()
        self.status.set_running(self.runner.running)
        self.outbox.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        # Installing or removing a translator sends LanguageChange: re-word live.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose_language(self, code: str) -> None:
        self.settings.set(LANGUAGE, code)
        self.language_chosen.emit(code)

    def focus_search(self) -> None:
        """Ctrl+F: the search box, its text selected to type over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- state ---------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.qsettings.value("window/geometry")
        self._restored = False
        if geometry is not None:
            self.restoreGeometry(geometry)
            self._restored = True
        self._fit_to_screen()
        for key, splitter in (("window/main", self.main_splitter), ("window/center", self.center_splitter),
                              ("window/right", self.right_splitter), ("window/left2", self.left_splitter)):
            state = self.qsettings.value(key)
            if state is not None:
                splitter.restoreState(state)
                self._restored = True

    def _fit_to_screen(self) -> None:
        """Keep the window on a screen it fits: a geometry saved on a bigger monitor (or at another
        scaling) is shrunk and moved onto the current one, never left larger than the screen."""
        screens = QGuiApplication.screens()
        if not screens:
            return
        frame = self.frameGeometry()
        home = next((s for s in screens if s.availableGeometry().contains(frame.center())), None)
        screen = home or QGuiApplication.primaryScreen() or screens[0]
        area = screen.availableGeometry()
        # The title bar and the borders, when there is a window manager: the frame, not the client area, fits.
        margin = max(0, frame.height() - self.height())
        sides = max(0, frame.width() - self.width())
        width = min(self.width(), area.width() - sides)
        height = min(self.height(), area.height() - margin)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        if home is None or not area.contains(frame):
            x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
            y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
            self.move(max(x, area.x()), max(y, area.y()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not getattr(self, "_laid_out", False):
            self._laid_out = True
            if not self._restored:
                # A new user: most of a big screen, all of a small one.
                area = self.screen_area()
                self.resize(max(PREFERRED_SIZE.width(), area.width() * 85 // 100),
                            max(PREFERRED_SIZE.height(), area.height() * 85 // 100))
            self._fit_to_screen()
            if not self._restored:
                self.lay_out_panes()

    def lay_out_panes(self) -> None:
        """Share the window between the panes for its size: the list gets room for `LIST_ROWS` rows
        when that leaves the reader half the column, the panel a quarter of the width."""
        width = max(self.main_splitter.width(), self.width())
        left = max(130, min(200, width * 13 // 100))
        right = max(250, min(380, width * 27 // 100))
        self.main_splitter.setSizes([left, max(300, width - left - right), right])
        height = max(self.center_splitter.height(), 300)
        chrome = self.message_view.horizontalHeader().sizeHint().height() + 4
        chrome += self.mailbox.search_box.sizeHint().height()
        wanted = chrome + int(LIST_ROWS * self.message_view.verticalHeader().defaultSectionSize())
        # A short window (1024×700 at 125 %: 560 px) keeps the reader its header, legend and a few lines.
        top = max(chrome + 3 * self.message_view.verticalHeader().defaultSectionSize(),
                  min(wanted, height * 52 // 100, height - READER_HEIGHT))
        self.center_splitter.setSizes([top, height - top])

    def screen_area(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.qsettings.setValue("window/main", self.main_splitter.saveState())
        self.qsettings.setValue("window/center", self.center_splitter.saveState())
        self.qsettings.setValue("window/right", self.right_splitter.saveState())
        self.qsettings.setValue("window/left2", self.left_splitter.saveState())
        self.qsettings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.compose.may_close_window():  # a draft no save could keep: asked first
            event.ignore()
            return
        self.save_state()
        self.accounts.stop()
        self.memory.closing = True  # results still queued must not start a build on a closed window
        self.memory.stop_build()  # resumable: the next start picks it up
        self.team.shutdown()  # the others stop seeing this window at once
        # Listing and build end early; a mark-read still running must finish, or the mail stays
        # unread on disk. A task finishing after the wait posts nothing to the deleted window.
        self.runner.shutdown(self.shutdown_wait_ms)
        super().closeEvent(event)
