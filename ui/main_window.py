"""The main window: folders | message list over the reader | insight panel.

It wires the panes together and decides what happens when the user selects
something; every slow step goes through `ui.operations` on the task runner, so
the window never freezes. Geometry and splitter states live in `QSettings`.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QIdentityProxyModel,
    QItemSelection,
    QModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.identity import identities_from_setting, is_ours
from app.model import (
    Address,
    Correction,
    CorrectionAction,
    CustomerProfile,
    HighlightKind,
    Insight,
    Message,
    PastReply,
    ReplyStats,
)
from app.settings import LANGUAGE, MEMORY_AUTO_BUILD, MEMORY_DATABASE_URL, SHOP_IDENTITIES, Settings
from app.sources.base import Folder, FolderRole, Header, MailSource, MessageRef, OutgoingMessage
from app.sources.errors import AuthExpired, NetworkDown, NotFound, ServerRejected
from app.sources.oauth import providers_from_settings
from app.store.db import Database, open_database
from app.store.listing import MessageList, SortColumn
from ui import style
from ui.accounts_pane import AccountsPane
from ui.compose_controller import ComposeController
from ui.customer_panel import CustomerPanel
from ui.insight_panel import InsightPanel
from ui.models import Column, FolderModel, MessageListModel, Role
from ui.operations import analysis as analysis_ops
from ui.operations import corrections as correction_ops
from ui.operations import listing as listing_ops
from ui.operations import mailbox as mailbox_ops
from ui.operations import memory as memory_ops
from ui.operations.mailbox import OpenedMailbox, OpenedMessage
from ui.operations.memory import BuildProgress, OpenedMemory, SearchResults
from ui.reader import ReaderView
from ui.remote_images import RemoteImageLoader
from ui.right_column import RightColumn
from ui.search_panel import SearchPanel
from ui.tasks import DB, TaskFailure, TaskRunner

log = logging.getLogger(__name__)

ACCOUNT = "local"  # the local mailbox's lane; IMAP accounts use their own (ui.accounts_pane)
FILTER_DELAY_MS = 150  # typing pauses this long before the store is asked
PREFERRED_SIZE = QSize(1360, 860)  # on a screen that has room; otherwise the screen's available area
LIST_ROWS = 12.5  # the message list shows at least this many rows when the window has the height


class MainWindow(QMainWindow):
    """Reader window over one mailbox."""

    headers_loaded = Signal()
    first_headers_shown = Signal()  # a folder's first screenful is in the list (its whole listing may follow)
    message_shown = Signal()
    insight_shown = Signal()
    insight_corrected = Signal()  # a dismiss or mark was kept and the panel shows it
    profile_shown = Signal()
    memory_ready = Signal()
    memory_built = Signal()
    search_done = Signal()
    list_queried = Signal()  # the store answered a filter or sort of the whole folder
    answered_shown = Signal()  # the list's reply arrows are known
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
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.mailbox_path = mailbox
        self.settings = settings
        self.qsettings = qsettings or QSettings("Aizuchi", "Aizuchi")
        self.runner = runner or TaskRunner(self)
        self.images = image_loader or RemoteImageLoader(self)
        self.images.loaded.connect(self._on_image_loaded)
        self.images.batch_done.connect(self._on_images_done)
        self.source: MailSource | None = None
        self.local_source: MailSource | None = None
        self.mail_account = ACCOUNT  # whose folder is shown: the lane its mail calls run on
        self.db = db or open_database(db_path)
        self.ssl_context = ssl_context  # tests: a private CA for the loopback servers
        self.current_folder: Folder | None = None
        self._listed = self._first_shown = False  # the shown folder's whole listing / first screenful is in
        self._mailbox_listed = False  # a first folder was listed whole: the memory build may start
        self.current: OpenedMessage | None = None
        self.current_insight: Insight | None = None
        # Corrections: the store (opened by the first task needing it), and the
        # analyser's own insight of the open mail, which corrections apply to.
        self.store = correction_ops.LazyStore(db_path)
        self._raw_insight: Insight | None = None
        self._mail_key = ""
        self._language = language
        self._count: int | None = None
        self._opened_ref: MessageRef | None = None
        self._pending_terms: list[str] = []  # a search hit's words, highlighted in the mail it opens
        self.memory: OpenedMemory | None = None
        self.build_progress: BuildProgress | None = None
        self._closing = False
        self.shutdown_wait_ms = 3000  # at close, how long the lanes may finish (tests shorten it)
        self._build_wanted = settings.get(MEMORY_AUTO_BUILD)

        self.setStyleSheet(style.STYLE_SHEET)
        self._build_panes()
        self._build_menus()
        self._build_status()
        self.runner.busy_changed.connect(self._on_busy)
        self.retranslate()
        self._restore_state()

        self._start_accounts()
        self.statusBar().showMessage(self.tr("メールボックスを開いています…"))
        mailbox_ops.open_mailbox(self.runner, ACCOUNT, mailbox, self._on_mailbox_opened, self._on_mail_error,
                                 db=self.db)
        analysis_ops.warm_up(self.runner)
        # Replying (composer, snippets, review, drafts, send) lives in its own controller.
        self.compose = ComposeController(self, ACCOUNT, db_path or self.db.path)
        # 返信 / 全員に返信 sit beside the subject, as in Thunderbird, not on a bar of their own:
        # the height goes to the list and the mail. The window keeps the actions for their shortcuts.
        # A reply sent: its original gets the arrow in the list at once (the source flags it too).
        self._replying_to: MessageRef | None = None
        self.compose.opened.connect(self._on_compose_opened)
        self.compose.sent.connect(self._on_reply_sent)
        self.removeToolBar(self.compose.toolbar)
        self.compose.toolbar.hide()
        self.addActions([self.compose.reply_action, self.compose.reply_all_action])
        self.reader.add_actions([self.compose.reply_action, self.compose.reply_all_action])
        self.customer_panel.reference_requested.connect(self._insert_reference)
        memory_ops.open_memory(
            self.runner, settings.get(MEMORY_DATABASE_URL), db_path, self._on_memory_opened, self._on_memory_error
        )

    # -- construction --------------------------------------------------------
    def _build_panes(self) -> None:
        self.folder_model = FolderModel(self)
        self.folder_view = QTreeView(self)
        self.folder_view.setObjectName("folderTree")
        self.folder_view.setModel(self.folder_model)
        self.folder_view.setHeaderHidden(True)
        self.folder_view.setRootIsDecorated(False)
        self.folder_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.folder_view.selectionModel().currentChanged.connect(self._on_folder_changed)

        self.message_model = MessageListModel(self)
        # Filter and sort run over the whole folder in the store (app.store.listing), never over
        # the rows loaded so far: the proxy only passes the model through (and its sort to it).
        self.listing = MessageList(self.db)
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.message_model)
        self.message_model.sort_requested.connect(lambda _c, _o: self._query_list())
        self.message_view = QTableView(self)
        self.message_view.setObjectName("messageList")
        self.message_view.setModel(self.proxy)
        self.message_view.horizontalHeader().setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.message_view.setSortingEnabled(True)
        self.message_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.message_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.message_view.setShowGrid(False)
        # Tab leaves the list for the next pane, as in every mail program (it used to walk the
        # cells, then open the next mail and mark it read).
        self.message_view.setTabKeyNavigation(False)
        self.message_view.setWordWrap(False)
        self.message_view.setAlternatingRowColors(False)
        self.message_view.verticalHeader().hide()
        # Compact rows, as in Thunderbird: a 768-pixel laptop still shows a dozen mails.
        self.message_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.message_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(Column.SENDER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(Column.SENDER, 170)
        self.message_view.selectionModel().selectionChanged.connect(self._on_message_selected)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self._query_list)
        self.search.textChanged.connect(lambda _text: self.filter_timer.start())
        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("panelHint")
        self.filter_label.hide()
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        search_box = QWidget(list_box)
        self.search_box = search_box
        search_layout = QVBoxLayout(search_box)
        search_layout.setContentsMargins(8, 6, 8, 6)
        search_layout.addWidget(self.search)
        search_layout.addWidget(self.filter_label)
        list_layout.addWidget(search_box)
        # One box, as in Gmail: typing filters this folder; Enter searches every mail and the
        # memory, and the results take the list's place until 「一覧に戻る」 or Esc.
        self.search.returnPressed.connect(lambda: self.run_search(self.search.text().strip()))
        escape = QShortcut(QKeySequence("Escape"), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._escape_search)
        self.search_panel = SearchPanel(self)
        self.search_panel.hit_activated.connect(self._open_search_hit)
        self.search_panel.closed.connect(self.close_search)
        self.search_panel.more_wanted.connect(self._search_more)
        self.list_stack = QStackedWidget(list_box)
        self.list_stack.addWidget(self.message_view)
        self.list_stack.addWidget(self.search_panel)
        list_layout.addWidget(self.list_stack, 1)

        self.reader = ReaderView(self)
        self.reader.show_images_requested.connect(self._show_images_once)
        self.reader.always_show_images_requested.connect(self._always_show_images)
        self.insight_panel = InsightPanel(self)
        self.insight_panel.highlight_activated.connect(self.reader.jump_to)
        self.insight_panel.dismiss_requested.connect(self._dismiss)
        self.reader.mark_requested.connect(self._mark)
        self.customer_panel = CustomerPanel(self)
        self.customer_panel.reply_activated.connect(self._open_past_reply)
        self.customer_panel.export_requested.connect(self._export_customer)
        self.customer_panel.delete_requested.connect(self._delete_customer)

        # The insight panel over the customer panel; two tabs when the column is short (ui.right_column).
        self.right_column = RightColumn(self.insight_panel, self.customer_panel, self)
        self.right_splitter = self.right_column.splitter
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.folder_view)
        self.left_splitter.setStretchFactor(0, 1)

        self.center_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.center_splitter.setObjectName("centerSplitter")
        self.center_splitter.addWidget(list_box)
        self.center_splitter.addWidget(self.reader)
        self.center_splitter.setStretchFactor(0, 2)
        self.center_splitter.setStretchFactor(1, 5)
        self.center_splitter.setSizes([300, 560])

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        # Mail accounts sit under the local mailbox's folders, above the search.
        self.accounts_pane = AccountsPane(self.runner, self.db, self.ssl_context, self,
                                          providers=lambda: providers_from_settings(self.settings))
        self.accounts_pane.folder_chosen.connect(self._on_account_folder)
        self.accounts_pane.edit_requested.connect(self.edit_account)
        self.accounts_pane.remove_requested.connect(self.ask_remove_account)
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

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.add_account_action = QAction(self)
        self.add_account_action.triggered.connect(self.open_account_dialog)
        self.file_menu.addAction(self.add_account_action)
        self.outbox_action = QAction(self)
        self.outbox_action.triggered.connect(self.open_outbox)
        self.file_menu.addAction(self.outbox_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.find_action = QAction(self)
        self.find_action.setObjectName("findAction")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)  # Ctrl+F
        self.find_action.triggered.connect(self.focus_search)
        self.view_menu.addAction(self.find_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", "ja", "en"):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[self.settings.language if self.settings.language in ("ja", "en") else ""].setChecked(
            True
        )

        self.memory_menu = bar.addMenu("")
        self.build_action = QAction(self)
        self.build_action.triggered.connect(self.start_build)
        self.stop_build_action = QAction(self)
        self.stop_build_action.triggered.connect(self.stop_build)
        self.stop_build_action.setEnabled(False)
        self.memory_menu.addAction(self.build_action)
        self.memory_menu.addAction(self.stop_build_action)
        self.memory_menu.addSeparator()
        self.team_action = QAction(self)
        self.team_action.triggered.connect(self.open_team_dialog)
        self.memory_menu.addAction(self.team_action)

        self.help_menu = bar.addMenu("")
        self.keys_action = QAction(self)
        self.keys_action.triggered.connect(self._show_keys)
        self.help_menu.addAction(self.keys_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def _build_status(self) -> None:
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate: we know neither total nor rate
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.outbox_button = QPushButton(self)
        self.outbox_button.setObjectName("outboxStatus")
        self.outbox_button.setFlat(True)
        self.outbox_button.clicked.connect(self.open_outbox)
        self.outbox_button.hide()
        self.sync_label = QLabel(self)
        self.sync_bar = QProgressBar(self)
        self.sync_bar.setObjectName("syncProgress")
        self.sync_bar.setMaximumWidth(160)
        self.sync_bar.setMaximumHeight(12)
        self.sync_bar.setTextVisible(False)
        self.sync_bar.hide()
        self.statusBar().addPermanentWidget(self.outbox_button)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.sync_bar)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        # The memory build: a real progress bar (we know the total) and a stop button.
        self.build_label = QLabel(self)
        self.build_bar = QProgressBar(self)
        self.build_bar.setObjectName("buildProgress")
        self.build_bar.setMaximumWidth(160)
        self.build_bar.setMaximumHeight(14)
        self.build_stop = QPushButton(self)
        self.build_stop.setObjectName("buildStop")
        self.build_stop.clicked.connect(self.stop_build)
        for widget in (self.build_label, self.build_bar, self.build_stop):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)

    # -- wording -------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("相槌 — お客様メールの返信アシスタント"))
        self.file_menu.setTitle(self.tr("ファイル(&F)"))
        self.add_account_action.setText(self.tr("メールアカウントを追加(&A)…"))
        self.outbox_action.setText(self.tr("送信トレイ(&O)…"))
        self.quit_action.setText(self.tr("終了(&Q)"))
        self.view_menu.setTitle(self.tr("表示(&V)"))
        self.language_menu.setTitle(self.tr("言語(&L)"))
        self.language_actions[""].setText(self.tr("システムの設定に合わせる"))
        self.language_actions["ja"].setText(self.tr("日本語"))
        self.language_actions["en"].setText(self.tr("English"))
        self.memory_menu.setTitle(self.tr("お客様の記録(&M)"))
        self.build_action.setText(self.tr("受信トレイと送信済みから記録を作成・再開"))
        self.stop_build_action.setText(self.tr("記録の作成を停止"))
        self.team_action.setText(self.tr("チームで共有…"))
        self.build_stop.setText(self.tr("停止"))
        self.build_label.setText(self.tr("お客様の記録を作成中"))
        self.help_menu.setTitle(self.tr("ヘルプ(&H)"))
        self.about_action.setText(self.tr("相槌について(&A)"))
        self.keys_action.setText(self.tr("キーボード操作(&K)"))
        self.find_action.setText(self.tr("検索(&F)"))
        self.search.setPlaceholderText(self.tr("差出人・件名で絞り込み — Enter で本文とお客様の記録も検索 (Ctrl+F)"))
        self.folder_model.retranslate()
        self.message_model.retranslate()
        self.reader.retranslate()
        self.insight_panel.retranslate()
        self.customer_panel.retranslate()
        self.search_panel.retranslate()
        self._show_filter()
        self._on_busy(self.runner.running)
        self._show_count()
        self._show_outbox_status()

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

    def _show_keys(self) -> None:
        QMessageBox.information(
            self, self.tr("キーボード操作"),
            self.tr("Ctrl+F　検索（入力で絞り込み、Enter で本文とお客様の記録も検索）\n"
                    "Ctrl+R　返信　／　Ctrl+Shift+R　全員に返信\n"
                    "Ctrl+Enter　見直してから送信\n"
                    "Ctrl+1〜9　おすすめの定型文を挿入\n"
                    "Esc　返信を閉じる（下書きは保存）・検索結果から一覧に戻る\n"
                    "Tab　次の欄へ"),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("相槌について"),
            self.tr("相槌 (Aizuchi)\nお客様が話してくださったことを見逃さず、温かく返信するためのアシスタントです。"),
        )

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
        margin = max(0, frame.height() - self.height())  # the title bar, when there is a window manager
        width = min(self.width(), area.width())
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
        chrome += self.search_box.sizeHint().height()
        wanted = chrome + int(LIST_ROWS * self.message_view.verticalHeader().defaultSectionSize())
        top = min(wanted, height * 52 // 100)
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
        self.accounts_pane.stop()
        self._closing = True  # results still queued must not start a build on a closed window
        if self.build_progress is not None:
            self.build_progress.stop_requested.set()  # resumable: the next start picks it up
        # Listing and build end early; a mark-read still running must finish, or the mail stays
        # unread on disk. A task finishing after the wait posts nothing to the deleted window.
        self.runner.shutdown(self.shutdown_wait_ms)
        super().closeEvent(event)

    # -- status ----------------------------------------------------------------
    def _on_busy(self, running: int) -> None:
        self.busy_bar.setVisible(running > 0)

    def _show_count(self) -> None:
        if self._count is not None:
            self.count_label.setText(self.tr("%n 件のメール", "", self._count))

    def _status(self, text: str) -> None:
        self.busy_label.setText(text)

    # -- mailbox -------------------------------------------------------------
    def _on_mailbox_opened(self, opened: OpenedMailbox) -> None:
        self.source = opened.source
        self.local_source = opened.source
        self.folder_model.set_folders(opened.folders)
        self.statusBar().clearMessage()
        row = next((i for i, f in enumerate(opened.folders) if f.role is FolderRole.INBOX), 0)
        if opened.folders:
            self.folder_view.setCurrentIndex(self.folder_model.index(row, 0))

    def _on_folder_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        folder = current.data(Role.FOLDER)
        if not isinstance(folder, Folder) or self.local_source is None:
            return
        self.source = self.local_source
        self.mail_account = ACCOUNT
        self.accounts_pane.view.clearSelection()
        self._show_folder(folder)

    def _show_folder(self, folder: Folder) -> None:
        assert self.source is not None
        self.current_folder = folder
        self.current = None
        self._opened_ref = None
        self.reader.clear()
        self.insight_panel.clear()
        self.customer_panel.clear()
        self._status(self.tr("メールを読み込んでいます…"))
        self._listed = self._first_shown = False
        # A local mailbox shows its newest screenful first; the whole folder fills in behind it.
        mailbox_ops.load_newest(self.runner, self.mail_account, self.source, folder,
                                partial(self._on_first_headers, folder), self._on_mail_error)
        mailbox_ops.load_headers(
            self.runner, self.mail_account, self.source, folder,
            partial(self._on_headers, folder), self._on_mail_error,
        )

    def _on_first_headers(self, folder: Folder, headers: list[Header]) -> None:
        if self._listed or folder is not self.current_folder:
            return
        self._first_shown = True
        self.message_model.set_headers(headers)
        self.first_headers_shown.emit()

    def _on_headers(self, folder: Folder, headers: list[Header]) -> None:
        first = not self._first_shown
        self._listed = self._first_shown = True
        self.message_model.set_headers(headers)
        self.folder_model.set_unread(folder.id, self.message_model.unread_count())
        self._count = len(headers)
        self._show_count()
        self._status("")
        # The store learns the folder's rows; a filter or sort already chosen is asked after it
        # (the db lane is serial), over every row, loaded into the view or not.
        listing_ops.refresh(self.runner, self.listing, self._list_source(), folder.id, headers,
                            lambda _written: None, self._on_list_error)
        if not self._list_query(folder).default:
            self._query_list()
        else:
            self._show_filter()
            self._reselect_opened()
        if self.source is not None:
            mailbox_ops.answered(self.runner, self.mail_account, self.source, folder,
                                 self._on_answered, self._on_list_error)
        if first:
            self.first_headers_shown.emit()  # no screenful came first (a server's folder)
        self.headers_loaded.emit()
        if not self._mailbox_listed:
            # The memory build starts once the first folder is listed: on a first start with a
            # large mailbox the two would read every file at once, and hold both listings in memory.
            self._mailbox_listed = True
            if self._build_wanted:
                self.start_build()

    def _on_compose_opened(self) -> None:
        opened = self.compose.opened_message
        self._replying_to = opened.ref if opened is not None else None

    def _on_reply_sent(self) -> None:
        if self._replying_to is not None:
            self.message_model.mark_answered(self._replying_to)
            self._replying_to = None

    def _on_answered(self, refs: set[MessageRef]) -> None:
        folder = self.current_folder
        if folder is not None:
            self.message_model.set_answered({r for r in refs if r.folder_id == folder.id})
            self.answered_shown.emit()

    # -- filter and sort over the whole folder ---------------------------------
    def _list_source(self) -> str:
        return self._source_key() if self.mail_account == ACCOUNT else self.mail_account

    def _list_query(self, folder: Folder) -> listing_ops.ListQuery:
        model = self.message_model
        column = {Column.SENDER: SortColumn.SENDER, Column.SUBJECT: SortColumn.SUBJECT}.get(
            model.sort_column, SortColumn.DATE)
        return listing_ops.ListQuery(self._list_source(), folder.id, self.search.text().strip(), column,
                                     model.sort_order == Qt.SortOrder.DescendingOrder)

    def _query_list(self) -> None:
        self.filter_timer.stop()
        folder = self.current_folder
        if folder is None:
            return
        listing_ops.query(self.runner, self.listing, self._list_query(folder), self._on_list_answer,
                          self._on_list_error)

    def _on_list_answer(self, answer: listing_ops.ListAnswer) -> None:
        folder = self.current_folder
        if folder is None or answer.query != self._list_query(folder):
            return  # another folder, filter or sort meanwhile: its own answer follows
        self.message_model.set_order(answer.keys)
        self._reselect_opened()
        self._show_filter()
        self.list_queried.emit()

    def _reselect_opened(self) -> None:
        """After the rows changed (a filter, a sort, a sync's new listing) the open mail stays selected."""
        opened = self._opened_ref
        if opened is None:
            return
        row = self.message_model.reveal(opened)
        if row >= 0:
            self.message_view.selectRow(row)  # not opened again: _on_message_selected knows it
            self.message_view.scrollTo(self.proxy.index(row, 0))

    def _show_filter(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.filter_label.hide()
            return
        matching = self.message_model.matching
        if matching:
            self.filter_label.setText(self.tr("「%1」に一致: %2 件（このフォルダの %3 件中）")
                                      .replace("%1", text).replace("%2", str(matching))
                                      .replace("%3", str(self.message_model.total)))
        else:
            self.filter_label.setText(self.tr("「%1」に一致するメールはこのフォルダにありません。"
                                              "本文も探すには Enter を押してください。").replace("%1", text))
        self.filter_label.show()

    def _on_list_error(self, failure: TaskFailure) -> None:
        log.error("message list query failed:\n%s", failure.trace)
        self.statusBar().showMessage(self.tr("メールの一覧を絞り込めませんでした"), 8000)

    # -- message -------------------------------------------------------------
    def _on_message_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.message_view.selectionModel().selectedRows()
        if not rows or self.source is None:
            return
        header = rows[0].data(Role.HEADER)
        if not isinstance(header, Header):
            return
        if header.ref == self._opened_ref:
            return  # the open mail selected again (after a filter, a sort or a search hit): nothing to load
        self.open_header(header)

    def open_header(self, header: Header) -> None:
        assert self.source is not None
        self._opened_ref = header.ref
        self.reader.set_search_terms(self._pending_terms)
        self._pending_terms = []
        self.current = None
        self.current_insight = None
        self._raw_insight = None
        self.reader.show_loading(header)
        self.insight_panel.set_busy()
        self.customer_panel.set_busy()
        self.runner.cancel_slot("analysis")
        mailbox_ops.fetch_message(
            self.runner, self.mail_account, self.source, header.ref,
            partial(self._on_fetched, header), self._on_mail_error,
        )

    def _on_fetched(self, header: Header, opened: OpenedMessage) -> None:
        self.current = opened
        message = opened.message
        allowed = bool(message.remote_images) and self.settings.remote_images_allowed(message.sender.email)
        self.reader.show_message(message)
        self.message_shown.emit()
        if allowed:
            self._show_images_once()
        if not header.seen and self.source is not None:
            mailbox_ops.mark_read(
                self.runner, self.mail_account, self.source, header.ref,
                partial(self._on_marked_read, header.ref), self._on_mail_error,
            )
        saved_identities = self.settings.get(SHOP_IDENTITIES)
        ours = is_ours(message, identities_from_setting(saved_identities))
        if ours or self._is_sent(header.ref):
            # Our own mail (in 送信済み, or a reply-all copy of it in the Inbox): not a customer's
            # words, not a customer's n-th mail.
            self.insight_panel.set_own()
            self.customer_panel.set_own()
            self._status("")
            return
        self._status(self.tr("解析中…"))
        correction_ops.analyze_message(
            self.runner, self.store, message.message_id, opened.raw, message.body,
            partial(self._on_analysed_message, header.ref), self._on_analysis_error,
        )

    def _is_sent(self, ref: MessageRef) -> bool:
        """Whether the mail lies in a Sent folder of the mailbox it was opened from."""
        folder = self.current_folder
        if folder is not None and folder.id == ref.folder_id:
            return folder.role is FolderRole.SENT
        if self.mail_account == ACCOUNT:  # a past reply opened from the customer panel
            row = self.folder_model.row_of(ref.folder_id)
            return row >= 0 and self.folder_model.folder(row).role is FolderRole.SENT
        return False

    def _on_marked_read(self, ref: MessageRef, _result: None = None) -> None:
        self.message_model.set_seen(ref, True)
        if self.current_folder is not None and ref.folder_id == self.current_folder.id:
            self.folder_model.set_unread(self.current_folder.id, self.message_model.unread_count())

    def _on_analyzed(self, ref: MessageRef, insight: Insight) -> None:
        if self.current is None or self.current.ref != ref:
            return  # the user moved on while the analyser ran
        self.current_insight = insight
        self.reader.set_insight(insight)
        self.insight_panel.set_insight(self.current.message.body, insight)
        self._status(self.tr("解析が完了しました"))
        self.insight_shown.emit()
        self.load_profile()

    def _on_analysed_message(self, ref: MessageRef, analysed: correction_ops.Analysed) -> None:
        if self.current is None or self.current.ref != ref:
            return
        self._raw_insight = analysed.raw
        self._mail_key = analysed.key
        self._on_analyzed(ref, analysed.corrected)

    # -- corrections -----------------------------------------------------------
    def _dismiss(self, highlight_index: int) -> None:
        insight = self.current_insight
        if self.current is None or insight is None or not 0 <= highlight_index < len(insight.highlights):
            return
        h = insight.highlights[highlight_index]
        body = self.current.message.body
        self._correct(Correction(CorrectionAction.DISMISS, h.kind, h.start, h.end, body[h.start : h.end]))

    def _mark(self, kind: str, start: int, end: int) -> None:
        if self.current is None:
            return
        body = self.current.message.body
        self._correct(Correction(CorrectionAction.ADD, HighlightKind(kind), start, end, body[start:end]))

    def _correct(self, correction: Correction) -> None:
        if self.current is None or self._raw_insight is None:
            return  # not analysed yet: nothing to correct
        correction_ops.correct(
            self.runner, self.store, self._mail_key, correction, self.current.message.body, self._raw_insight,
            partial(self._on_corrected, self.current.ref), self._on_correction_error,
        )

    def _on_corrected(self, ref: MessageRef, insight: Insight) -> None:
        if self.current is None or self.current.ref != ref:
            return  # kept in the store; shown next time the mail is opened
        self.current_insight = insight
        self.reader.set_insight(insight)
        self.insight_panel.set_insight(self.current.message.body, insight)
        self._status(self.tr("修正を保存しました"))
        self.insight_corrected.emit()

    def _on_correction_error(self, failure: TaskFailure) -> None:
        log.error("correction failed:\n%s", failure.trace)
        self._status(self.tr("修正を保存できませんでした"))

    def _on_analysis_error(self, failure: TaskFailure) -> None:
        log.error("analysis failed:\n%s", failure.trace)
        self.insight_panel.set_failed()
        self._status(self.tr("解析できませんでした"))

    # -- customer memory -----------------------------------------------------
    def _source_key(self) -> str:
        return f"local:{self.mailbox_path.resolve()}"

    def open_team_dialog(self) -> QDialog:
        from ui.team_dialog import TeamDialog

        dialog = TeamDialog(self.runner, self.settings.get(MEMORY_DATABASE_URL), self)
        dialog.accepted.connect(lambda: self._switch_memory(dialog))
        dialog.open()
        return dialog

    def _switch_memory(self, dialog: QDialog) -> None:
        """Save where the memory lives (the password to the keyring, on a lane) and reopen it there."""
        from ui.team_dialog import TeamDialog

        assert isinstance(dialog, TeamDialog)
        server, password = dialog.server(), dialog.password.text()
        url = "" if dialog.local_chosen else server.url()

        def save() -> None:
            if url and password:
                from app.customers.team import save_password

                save_password(server, password)

        def saved(_none: None) -> None:
            self.settings.set(MEMORY_DATABASE_URL, url)
            self.statusBar().showMessage(self.tr("お客様の記録を開き直しています…"), 5000)
            memory_ops.open_memory(self.runner, url, self.db.path, self._on_memory_opened, self._on_memory_error)

        self.runner.submit(DB, save, saved, self._on_memory_error)

    def _on_memory_opened(self, opened: OpenedMemory) -> None:
        previous = self.memory
        if previous is not None and previous is not opened:
            self.runner.submit(DB, previous.memory.close)
        self.memory = opened
        self.memory_ready.emit()
        if self.source is not None and self._build_wanted and self._mailbox_listed:
            self.start_build()
        if self.current is not None and self.current_insight is not None:
            self.load_profile()

    def _on_memory_error(self, failure: TaskFailure) -> None:
        log.error("customer memory failed:\n%s", failure.trace)
        self.customer_panel.set_unavailable()
        self.build_label.hide()
        self.build_bar.hide()
        self.build_stop.hide()
        self.stop_build_action.setEnabled(False)
        self.build_action.setEnabled(True)
        self.statusBar().showMessage(
            self.tr("お客様の記録を開けませんでした: %1").replace("%1", type(failure.error).__name__)
        )

    def start_build(self) -> None:
        """Build (or resume building) the memory from this mailbox's Inbox and Sent."""
        self._build_wanted = True
        if self._closing or self.memory is None or self.source is None or self.build_progress is not None:
            return  # starts when both are open; never two builds at once
        progress = BuildProgress(self)
        progress.progressed.connect(self._on_build_progress)
        self.build_progress = progress
        self.build_bar.setRange(0, 0)
        for widget in (self.build_label, self.build_bar, self.build_stop):
            widget.show()
        self.build_action.setEnabled(False)
        self.stop_build_action.setEnabled(True)
        memory_ops.build(self.runner, self.memory, self.source, self._source_key(), progress,
                         self._on_built, self._on_build_error)

    def stop_build(self) -> None:
        if self.build_progress is not None:
            self.build_progress.stop_requested.set()
            self.build_label.setText(self.tr("停止しています…"))

    def _on_build_progress(self, done: int, total: int) -> None:
        progress = self.build_progress
        if progress is not None and not progress.stop_requested.is_set():
            self.build_label.setText(progress.describe(done, total))
        self.build_bar.setRange(0, max(total, 1))
        self.build_bar.setValue(done)
        self.build_bar.setFormat(f"{done} / {total}")
        self.build_bar.setToolTip(self.tr("%1 / %2 件").replace("%1", str(done)).replace("%2", str(total)))

    def _finish_build(self) -> None:
        self.build_progress = None
        for widget in (self.build_label, self.build_bar, self.build_stop):
            widget.hide()
        self.build_label.setText(self.tr("お客様の記録を作成中"))
        self.build_action.setEnabled(True)
        self.stop_build_action.setEnabled(False)

    def _on_built(self, result: object) -> None:
        from app.customers import BuildResult

        self._finish_build()
        self._build_wanted = False
        if isinstance(result, BuildResult):
            if result.stopped:
                self.statusBar().showMessage(
                    self.tr("記録の作成を停止しました（%1 / %2 件）。メニューから再開できます。")
                    .replace("%1", str(result.done)).replace("%2", str(result.total)), 8000)
            elif result.total:
                self.statusBar().showMessage(
                    self.tr("お客様の記録を作成しました（%1 件）").replace("%1", str(result.total)), 5000)
        self.memory_built.emit()
        if self.current is not None and self.current_insight is not None:
            self.load_profile()

    def _on_build_error(self, failure: TaskFailure) -> None:
        self._finish_build()
        log.error("memory build failed:\n%s", failure.trace)
        self.statusBar().showMessage(self.describe_error(failure.error))

    def load_profile(self) -> None:
        if self.current is None:
            return
        if self.memory is None:
            self.customer_panel.set_busy()
            return
        opened = self.current
        memory_ops.load_profile(
            self.runner, self.memory, opened.message, self.current_insight,
            partial(self._on_profile, opened.ref), self._on_profile_error,
        )

    def _on_profile(self, ref: MessageRef, profile: CustomerProfile | None) -> None:
        if self.current is None or self.current.ref != ref:
            return
        self.customer_panel.set_profile(profile)
        # Tabbed: the customer tab says when today's mail touches something told before.
        self.right_column.set_customer_note(profile is not None and bool(profile.reminders))
        self.profile_shown.emit()

    def _on_profile_error(self, failure: TaskFailure) -> None:
        log.error("customer profile failed:\n%s", failure.trace)
        self.customer_panel.set_unavailable()

    def open_ref(self, ref: MessageRef, subject: str = "") -> None:
        """Show any message of this mailbox in the reader (a past reply, a search hit)."""
        if self.source is None:
            return
        self.open_header(Header(ref, subject, Address("", ""), None, True, 0))
        if self.current_folder is not None and ref.folder_id == self.current_folder.id:
            row = self.message_model.reveal(ref)  # the list follows, as when the row is clicked
            if row >= 0:
                self.message_view.selectRow(row)

    def customer_history(self) -> tuple[ReplyStats, ...]:
        """Our earlier replies to the customer of the open mail (for the review's consistency checks)."""
        profile = self.customer_panel.profile
        return profile.history if profile is not None else ()

    def remember_reply(self, sent: OutgoingMessage, original: Message | None) -> None:
        """The send path's hook: the memory learns our reply (length, warmth, what it answered)."""
        if self.memory is None:
            return
        memory = self.memory.memory
        self.runner.submit("db", lambda: memory.remember_reply(sent, original), lambda _new: self.load_profile(),
                           self._on_profile_error)

    def _insert_reference(self, phrase: str) -> None:
        if self.compose.insert_text(phrase):  # a finished sentence (app.customers.phrases.reference_sentence)
            self.statusBar().showMessage(self.tr("返信に挿入しました: %1").replace("%1", phrase), 5000)
        else:
            self.statusBar().showMessage(self.tr("コピーしました: %1").replace("%1", phrase), 5000)

    def _open_past_reply(self, reply: object) -> None:
        if isinstance(reply, PastReply) and reply.key:
            self.open_ref(MessageRef(reply.folder_id, reply.key), reply.subject)

    def run_search(self, query: str) -> None:
        """Search every indexed mail and the memory; the results take the list's place."""
        if not query:
            self.close_search()
            return
        self.search_panel.set_searching(query)
        self.list_stack.setCurrentWidget(self.search_panel)
        if self.memory is None:
            self.search_panel.set_failed()
            return
        memory_ops.search(self.runner, self.memory, query, self._on_searched, self._on_search_error)

    def _escape_search(self) -> None:
        """Esc in the box: back from the results to the list, then clear the filter."""
        if self.list_stack.currentWidget() is self.search_panel:
            self.close_search()
        else:
            self.search.clear()

    def close_search(self) -> None:
        """Back to the folder's list, with the open mail selected when it is in it."""
        self.runner.cancel_slot("search")
        self.search_panel.query = ""
        self.search_panel.model.clear()
        self.list_stack.setCurrentWidget(self.message_view)
        if self._opened_ref is not None:
            row = self.message_model.reveal(self._opened_ref)
            if row >= 0:
                self.message_view.selectRow(row)
        self.message_view.setFocus()

    def _on_searched(self, results: SearchResults) -> None:
        self.search_panel.set_results(results.query, results.mail, results.mail_total, results.memory)
        self.search_done.emit()

    def _search_more(self, query: str, offset: int) -> None:
        if self.memory is None:
            return
        memory_ops.search_more(self.runner, self.memory, query, offset,
                               lambda page: self.search_panel.append(page.query, page.mail), self._on_search_error)

    def _on_search_error(self, failure: TaskFailure) -> None:
        log.error("search failed:\n%s", failure.trace)
        self.search_panel.set_failed()

    def _open_search_hit(self, hit: object) -> None:
        from app.customers import MemoryHit
        from app.store.search import MailHit

        self._pending_terms = self.search_panel.query.split()
        if isinstance(hit, MailHit):
            self.open_ref(MessageRef(hit.folder_id, hit.key), hit.subject)
        elif isinstance(hit, MemoryHit) and hit.message_id and self.memory is not None:
            index = self.memory.index
            key = self._source_key()
            self.runner.submit(
                "db", lambda: index.ref_for(hit.message_id, key),
                lambda found: self.open_ref(MessageRef(found[1], found[2])) if found else None,
                self._on_search_error,
            )

    def _export_customer(self, customer_id: int) -> None:
        if self.memory is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("お客様の記録を書き出す"), f"customer-{customer_id}.json", self.tr("JSON (*.json)")
        )
        if path:
            memory_ops.export_customer(
                self.runner, self.memory, customer_id, Path(path),
                lambda target: self.statusBar().showMessage(
                    self.tr("書き出しました: %1").replace("%1", str(target)), 5000),
                self._on_mail_error,
            )

    def _delete_customer(self, customer_id: int) -> None:
        if self.memory is None:
            return
        answer = QMessageBox.question(
            self, self.tr("記録を削除"),
            self.tr("このお客様について覚えたこと（お話・ご要望・返信の記録・メモ）をすべて削除します。"
                    "メールそのものは削除されません。よろしいですか？"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        memory_ops.delete_customer(self.runner, self.memory, customer_id,
                                   lambda _none: self.load_profile(), self._on_mail_error)

    # -- remote images -------------------------------------------------------
    def _show_images_once(self) -> None:
        if self.current is None:
            return
        opened = self.current
        self._run_mail(
            lambda: mailbox_ops.html_with_images(opened.raw),
            lambda html: self._on_html_with_images(opened.ref, html),
        )

    def _always_show_images(self) -> None:
        if self.current is None:
            return
        self.settings.allow_remote_images(self.current.message.sender.email)
        self._show_images_once()

    def _on_html_with_images(self, ref: MessageRef, html: object) -> None:
        if self.current is None or self.current.ref != ref or not isinstance(html, str):
            return
        self.reader.set_html(html, images_shown=True)
        self.images.load(list(self.current.message.remote_images))

    def _on_images_done(self, loaded: int, failed: int) -> None:
        if failed and self.current is not None:
            text = (self.tr("画像を読み込めませんでした（%1 枚）。ネットワークにつながっているか確かめてください。")
                    .replace("%1", str(failed)))
            self.reader.show_image_problem(text)
            self.statusBar().showMessage(text, 10000)

    def _on_image_loaded(self, url: str, image: object) -> None:
        from PySide6.QtGui import QImage

        if isinstance(image, QImage) and self.current is not None and url in self.current.message.remote_images:
            self.reader.add_image(url, image)

    def _run_mail(self, fn: Callable[[], object], on_done: Callable[[object], None]) -> None:
        from ui.tasks import mail_lane

        self.runner.submit(mail_lane(self.mail_account), fn, on_done, self._on_mail_error, slot="images")

    # -- mail accounts -------------------------------------------------------
    def _start_accounts(self) -> None:
        from app.outbox import Outbox

        self.accounts_pane.sync_progress.connect(self._on_sync_progress)
        self.accounts_pane.outbox_changed.connect(self._show_outbox_status)
        self.accounts_pane.synced.connect(self._on_account_synced)
        self.accounts_pane.error.connect(lambda _account, text: self.statusBar().showMessage(text, 15000))
        self.accounts_pane.sign_in_needed.connect(self._ask_sign_in_again)
        # Sends a crash cut short become "unknown" before anything else may retry them.
        Outbox(self.db).recover()
        self.accounts_pane.load()
        self.accounts_pane.setVisible(bool(self.accounts_pane.configs))

    def open_account_dialog(self) -> QDialog:
        from ui.account_dialog import AccountDialog

        dialog = AccountDialog(self.runner, set(self.accounts_pane.configs), self.ssl_context, self,
                               settings=self.settings)
        dialog.accepted.connect(lambda: self._save_account(dialog))
        dialog.open()
        return dialog

    def edit_account(self, account_id: str) -> QDialog | None:
        """The account dialog on an existing IMAP/SMTP account (a Google/Microsoft one signs in again)."""
        from ui.account_dialog import AccountDialog

        config = self.accounts_pane.configs.get(account_id)
        if config is None:
            return None
        if self.accounts_pane.is_oauth(account_id):
            self.accounts_pane.sign_in_again(account_id)
            return None
        dialog = AccountDialog(self.runner, set(self.accounts_pane.configs), self.ssl_context, self,
                               settings=self.settings)
        dialog.edit(config)
        dialog.accepted.connect(lambda: self._save_account(dialog))
        dialog.open()
        return dialog

    def ask_remove_account(self, account_id: str) -> QMessageBox | None:
        """Confirm, then remove the account from this computer (the server keeps every mail)."""
        config = self.accounts_pane.configs.get(account_id)
        if config is None:
            return None
        from app.outbox import Outbox

        waiting = Outbox(self.db).attention(account_id)
        text = self.tr("「%1」をこのパソコンから削除しますか？").replace("%1", config.label())
        detail = self.tr("同期したメールと保存したパスワードも削除します。サーバー上のメールはそのまま残ります。")
        if waiting:
            detail += "\n\n" + self.tr("送信待ち・送信失敗の返信が %1 件あります。削除すると送信されません。").replace(
                "%1", str(len(waiting)))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("アカウントの削除"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(detail)
        remove = box.addButton(self.tr("削除する"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("removeAccountDialog")
        box.finished.connect(lambda _r: self._remove_account(account_id) if box.clickedButton() is remove else None)
        box.open()
        return box

    def _remove_account(self, account_id: str) -> None:
        from ui.operations import accounts as account_ops

        showing = self.mail_account == account_id
        self.accounts_pane.forget(account_id)
        if showing:
            # Its mail is going: show the local mailbox's inbox instead.
            self.mail_account = ACCOUNT
            self.source = self.local_source
            self.message_model.set_headers([])
            self.reader.clear()
            self.current = None
            self.current_folder = None
            if self.folder_model.rowCount() > 0:
                self.folder_view.setCurrentIndex(self.folder_model.index(0, 0))

        def removed(_none: None) -> None:
            self._show_outbox_status()
            self.statusBar().showMessage(self.tr("アカウントを削除しました"), 8000)

        account_ops.remove_account(self.runner, self.db, account_id, removed, self._on_mail_error)
        listing = self.listing
        self.runner.submit(DB, lambda: listing.forget(account_id), None, self._on_list_error)

    def _save_account(self, dialog: QDialog) -> None:
        from ui.account_dialog import AccountDialog
        from ui.operations import accounts as account_ops

        assert isinstance(dialog, AccountDialog)
        config, secret = dialog.config(), dialog.secret()
        if dialog.editing is not None:
            account_ops.update_account(self.runner, self.db, config, secret,
                                       lambda _stored: self.accounts_pane.replace(config), self._on_mail_error)
            return
        assert secret is not None  # a new account always has one

        def saved(in_keyring: bool) -> None:
            if not in_keyring:
                self.statusBar().showMessage(
                    self.tr("パスワードは保存されていません（安全な保管庫がありません）。次回の起動時に再入力が必要です。"),
                    15000,
                )
            self.accounts_pane.add(config)

        account_ops.save_account(self.runner, self.db, config, secret, saved, self._on_mail_error)

    def _ask_sign_in_again(self, account_id: str) -> None:
        """A revoked or expired Google/Microsoft sign-in: ask once, without blocking the window."""
        shown: QMessageBox | None = getattr(self, "sign_in_prompt", None)
        if shown is not None and shown.isVisible():
            return
        config = self.accounts_pane.configs.get(account_id)
        prompt = QMessageBox(self)
        prompt.setObjectName("signInPrompt")
        prompt.setIcon(QMessageBox.Icon.Warning)
        prompt.setWindowTitle(self.tr("もう一度ログインしてください"))
        prompt.setText(
            self.tr("%1 のログインの有効期限が切れたか、取り消されました。"
                    "書きかけの返信と送信待ちの返信は保存されています。")
            .replace("%1", config.label() if config else account_id)
        )
        again = prompt.addButton(self.tr("ブラウザでログイン"), QMessageBox.ButtonRole.AcceptRole)
        prompt.addButton(self.tr("あとで"), QMessageBox.ButtonRole.RejectRole)
        again.clicked.connect(lambda: self.accounts_pane.sign_in_again(account_id))
        self.sign_in_prompt = prompt
        prompt.open()

    def _on_account_folder(self, account_id: str, folder_id: str) -> None:
        folder = self.accounts_pane.folder(account_id, folder_id)
        if folder is None:
            return
        self.folder_view.clearSelection()
        self.source = self.accounts_pane.mailbox(account_id)
        self.mail_account = account_id
        self._show_folder(folder)

    def _on_account_synced(self, account_id: str) -> None:
        self._show_outbox_status()
        if self.mail_account == account_id and self.current_folder is not None:
            # New mail may have arrived: reload the shown list (offline-first, from the store).
            self.source = self.accounts_pane.mailbox(account_id)
            mailbox_ops.load_headers(
                self.runner, account_id, self.source, self.current_folder,
                partial(self._on_headers, self.current_folder), self._on_mail_error,
            )

    def _on_sync_progress(self, label: str, done: int, total: int) -> None:
        if total <= 0:
            self.sync_label.setText("")
            self.sync_bar.hide()
            return
        self.sync_label.setText(self.tr("%1 を同期中").replace("%1", label))
        self.sync_bar.setRange(0, total)
        self.sync_bar.setValue(done)
        self.sync_bar.show()

    def _show_outbox_status(self) -> None:
        from app.outbox import Outbox, OutboxState

        items = Outbox(self.db).attention()
        waiting = sum(1 for i in items if i.state in (OutboxState.QUEUED, OutboxState.SENDING))
        failed = sum(1 for i in items if i.state is OutboxState.FAILED)
        unknown = sum(1 for i in items if i.state is OutboxState.UNKNOWN)
        self.outbox_button.setVisible(bool(items))
        self.outbox_button.setText(
            self.tr("送信待ち %1 / 送信失敗 %2 / 送信状態不明 %3")
            .replace("%1", str(waiting)).replace("%2", str(failed)).replace("%3", str(unknown))
        )
        dialog = getattr(self, "outbox_dialog", None)
        if dialog is not None:
            dialog.set_items(items)

    def open_outbox(self) -> None:
        from app.outbox import Outbox
        from ui.outbox_dialog import OutboxDialog

        if getattr(self, "outbox_dialog", None) is None:
            self.outbox_dialog = OutboxDialog(self)
            self.outbox_dialog.retry_requested.connect(self._retry_outbox_item)
        self.outbox_dialog.set_items(Outbox(self.db).attention())
        self.outbox_dialog.show()

    def _retry_outbox_item(self, item_id: int, resend_unknown: bool) -> None:
        from app.outbox import Outbox

        self.accounts_pane.retry(Outbox(self.db).item(item_id), resend_unknown)

    # -- errors --------------------------------------------------------------
    def _on_mail_error(self, failure: TaskFailure) -> None:
        self.statusBar().showMessage(self.describe_error(failure.error))
        self._status("")
        log.warning("mail task failed:\n%s", failure.trace)

    def describe_error(self, error: BaseException) -> str:
        """One Japanese sentence and a next step for each error a source raises."""
        if isinstance(error, AuthExpired):
            return self.tr("サインインの有効期限が切れました。アカウント設定からもう一度サインインしてください。")
        if isinstance(error, NetworkDown):
            return self.tr("サーバーに接続できません。ネットワークを確認して、しばらくしてから再度お試しください。")
        if isinstance(error, ServerRejected):
            return self.tr("サーバーが要求を拒否しました: %1").replace("%1", error.reason)
        if isinstance(error, NotFound):
            return self.tr("メールまたはフォルダが見つかりません。ほかのプログラムで移動された可能性があります。")
        if isinstance(error, OSError):
            return self.tr("ファイルを読み書きできませんでした: %1").replace("%1", error.strerror or str(error))
        return self.tr("予期しないエラーが発生しました: %1").replace("%1", type(error).__name__)
