"""The mailbox: folders, the message list (filtered and sorted in the store), the reader and its images.

Owns what is shown and open (`source`, `current_folder`, `current`); opening a
mail fetches it on the account's lane and says so with `opened`, which the
insight controller analyses. A local folder and an account's folder both end in
`show_folder`; the account side (`ui.controllers.accounts`) picks the source.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QIdentityProxyModel, QItemSelection, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext, Changes
from app.identity import identities_from_setting, is_ours
from app.model import Address
from app.settings import SHOP_IDENTITIES, Settings
from app.sources.base import Folder, FolderRole, Header, MailSource, MessageRef
from app.store.listing import SortColumn
from ui.controllers.status import StatusLine
from ui.models import Column, FolderModel, MessageListModel, Role
from ui.operations import listing as listing_ops
from ui.operations import mailbox as mailbox_ops
from ui.operations.mailbox import OpenedMailbox, OpenedMessage
from ui.reader import ReaderView
from ui.remote_images import RemoteImageLoader
from ui.search_panel import SearchPanel
from ui.tasks import TaskFailure, TaskRunner, mail_lane
from ui.wording import fill

log = logging.getLogger(__name__)

LOCAL = "local"  # the local mailbox's lane; IMAP accounts use their own (ui.accounts_service)
FILTER_DELAY_MS = 150  # typing pauses this long before the store is asked


SENDER_WIDTH = 170  # px, the sender column in a list wide enough for it


class MailboxController(QObject):
    opening = Signal()               # a mail starts loading: the side panels wait
    opened = Signal(object, bool)    # OpenedMessage, whether it is our own mail (not analysed)
    folder_shown = Signal()          # another folder: the side panels empty
    # A folder's first list is on screen: the analyser's warm-up and the memory start after it, since
    # their imports hold the interpreter while the list is made (the start took 1.29 s with them
    # before it, 0.82 s without).
    first_listed = Signal()
    local_chosen = Signal()          # a folder of the local mailbox (the accounts' selection clears)
    mailbox_opened = Signal()
    first_listed = Signal()          # a first folder is listed whole: the memory build may start

    def __init__(self, runner: TaskRunner, settings: Settings, status: StatusLine,
                 notify: Callable[[Changes], None], parent: QWidget,
                 image_loader: RemoteImageLoader | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.status = status
        self.notify = notify
        self.listed = self.first_shown = False  # the shown folder's whole listing / first screenful is in
        self.mailbox_listed = False  # a first folder was listed whole
        self.ctx: AppContext | None = None
        self.source: MailSource | None = None
        self.local_source: MailSource | None = None
        self._demo = False  # the local mailbox is the demo's copy
        # The local Maildir cannot be written: mail is read without marking it read (QA: every
        # open showed "Permission denied"); said once, at the start (`read_only_box`).
        self.local_read_only: Path | None = None
        self.read_only_box: QMessageBox | None = None
        self.mail_account = LOCAL  # whose folder is shown: the lane its mail calls run on
        self.current_folder: Folder | None = None
        self.current: OpenedMessage | None = None
        self.opened_ref: MessageRef | None = None
        self.pending_terms: list[str] = []  # a search hit's words, highlighted in the mail it opens
        self.images = image_loader or RemoteImageLoader(self)
        self.images.loaded.connect(self._on_image_loaded)
        self.images.batch_done.connect(self._on_images_done)
        self._build_folders(parent)
        self._build_list(parent)
        self.reader = ReaderView(parent)
        self.reader.show_images_requested.connect(self._show_images_once)
        self.reader.always_show_images_requested.connect(self._always_show_images)

    # -- construction --------------------------------------------------------
    def _build_folders(self, parent: QWidget) -> None:
        self.folder_model = FolderModel(self)
        self.folder_view = QTreeView(parent)
        self.folder_view.setObjectName("folderTree")
        self.folder_view.setModel(self.folder_model)
        self.folder_view.setHeaderHidden(True)
        self.folder_view.setRootIsDecorated(False)
        self.folder_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.folder_view.selectionModel().currentChanged.connect(self._on_folder_changed)

    def _build_list(self, parent: QWidget) -> None:
        self.message_model = MessageListModel(self)
        # Filter and sort run over the whole folder in the store (app.store.listing), never over
        # the rows loaded so far: the proxy only passes the model through (and its sort to it).
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.message_model)
        self.message_model.sort_requested.connect(lambda _c, _o: self.query_list())
        view = self.message_view = QTableView(parent)
        view.setObjectName("messageList")
        view.setModel(self.proxy)
        view.horizontalHeader().setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        # Tab leaves the list for the next pane, as in every mail program (it used to walk the
        # cells, then open the next mail and mark it read).
        view.setTabKeyNavigation(False)
        view.setWordWrap(False)
        view.setAlternatingRowColors(False)
        view.verticalHeader().hide()
        # Compact rows, as in Thunderbird: a 768-pixel laptop still shows a dozen mails.
        view.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(Column.SENDER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(Column.SENDER, SENDER_WIDTH)
        # In a narrow list (1024×700 at 125 %) the sender gives the subject its share: a fixed 170 px
        # left the subject four characters. Both elide, the whole text in their tooltips.
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)
        self._sender_chosen = False  # the agent dragged the sender column: their width stays
        self._sizing_sender = False
        view.selectionModel().selectionChanged.connect(self._on_message_selected)

        self.search = QLineEdit(parent)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.query_list)
        self.search.textChanged.connect(lambda _text: self.filter_timer.start())
        self.filter_label = QLabel(parent)
        self.filter_label.setObjectName("panelHint")
        self.filter_label.hide()
        self.list_box = QWidget(parent)
        list_layout = QVBoxLayout(self.list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        self.search_box = QWidget(self.list_box)
        search_layout = QVBoxLayout(self.search_box)
        search_layout.setContentsMargins(8, 6, 8, 6)
        search_layout.addWidget(self.search)
        search_layout.addWidget(self.filter_label)
        list_layout.addWidget(self.search_box)
        # One box, as in Gmail: typing filters this folder; Enter searches every mail and the
        # memory (ui.controllers.memory), and the results take the list's place until Esc.
        self.escape = QShortcut(QKeySequence("Escape"), self.search)
        self.escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.search_panel = SearchPanel(parent)
        self.list_stack = QStackedWidget(self.list_box)
        self.list_stack.addWidget(self.message_view)
        self.list_stack.addWidget(self.search_panel)
        list_layout.addWidget(self.list_stack, 1)
        # While search results show, the folder filter's count and hint would speak of another list.
        self.list_stack.currentChanged.connect(lambda _index: self._show_filter())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.message_view.viewport():
            self._share_columns()
        return super().eventFilter(watched, event)

    def _share_columns(self) -> None:
        """The sender a quarter of the list, at most `SENDER_WIDTH`: the subject keeps the most room."""
        if self._sender_chosen:
            return
        width = self.message_view.viewport().width()
        self._sizing_sender = True
        self.message_view.horizontalHeader().resizeSection(Column.SENDER, max(80, min(SENDER_WIDTH, width // 4)))
        self._sizing_sender = False

    def _on_section_resized(self, index: int, _old: int, _new: int) -> None:
        if index == Column.SENDER and not self._sizing_sender and self.message_view.isVisible():
            self._sender_chosen = True

    def retranslate(self) -> None:
        # Short enough for the box at 1024×700 in both languages (the longer one was cut off there);
        # the whole of it in the tooltip.
        self.search.setPlaceholderText(self.tr("差出人・件名で絞り込み — Enter で本文・記録・日付も検索 (Ctrl+F)"))
        self.search.setToolTip(self.tr("差出人・件名で絞り込み — Enter で全フォルダの本文・お客様の記録・日付（2024年3月）を検索 (Ctrl+F)"))  # noqa: E501
        self.folder_model.retranslate()
        self.message_model.retranslate()
        self.reader.retranslate()
        self.search_panel.retranslate()
        self._show_filter()

    # -- the mailbox and its folders -----------------------------------------
    def start(self, ctx: AppContext) -> None:
        self.ctx = ctx
        mailbox_ops.open_mailbox(self.runner, LOCAL, ctx, self._on_mailbox_opened, self.status.mail_error)

    def open_other(self, ctx: AppContext) -> None:
        """Another local Maildir or mbox (ファイル → メールアカウントを追加): what was shown goes, and the
        new one opens exactly as a start opens one (`start`), its inbox shown when its folders are in."""
        self.runner.cancel_slot("headers-first")
        self.runner.cancel_slot("headers")
        self.local_source = None
        self.local_read_only = None
        self.mail_account = LOCAL
        self.source = None
        self.current_folder = None
        self.current = None
        self.opened_ref = None
        self.listed = self.first_shown = False
        self.mailbox_listed = False  # the memory build of the new mailbox waits for its first listing
        self.message_model.set_headers([])
        self.folder_model.set_folders([])
        self.reader.clear()
        self.folder_shown.emit()
        self.status.busy(self.tr("メールボックスを開いています…"))
        self.start(ctx)

    def mailbox_name(self) -> str:
        """The local mailbox as the window names it (its title, the search's scope): the demo, or
        the folder or file the shop chose; "" until it is open."""
        if self.ctx is None or self.local_source is None:
            return ""
        return self.tr("お試し用のメール（デモ）") if self._demo else self.ctx.mailbox_path.name

    def demo_in_use(self) -> bool:
        """The local mailbox open is the demo's copy (its shops' signatures are offered only then)."""
        return self._demo

    def _on_mailbox_opened(self, opened: OpenedMailbox) -> None:
        self._demo = opened.demo
        self.source = self.local_source = opened.source
        self.local_read_only = opened.read_only
        if opened.read_only is not None:
            self._warn_read_only(opened.read_only)
        self.folder_model.set_folders(opened.folders)
        self.status.bar.clearMessage()
        self.mailbox_opened.emit()
        row = next((i for i, f in enumerate(opened.folders) if f.role is FolderRole.INBOX), 0)
        if opened.folders:
            self.folder_view.setCurrentIndex(self.folder_model.index(row, 0))

    def _warn_read_only(self, folder: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("メールフォルダに書き込めません"),
                          fill(self.tr("メールフォルダ「{folder}」は読み取り専用です（書き込む権限がありません）。"),
                               folder=str(folder)),
                          QMessageBox.StandardButton.Ok, self.message_view.window())
        box.setInformativeText(self.tr("メールはこのまま読めますが、既読の印は付けません。"
                                       "返信はこのフォルダの「送信済み」に保存できないため、送信しません（書いた返信は残ります）。"
                                       "書き込めるようにするには、フォルダの権限を確認して相槌を起動し直してください。"))
        box.setObjectName("readOnlyWarning")
        self.read_only_box = box
        box.open()

    def _on_folder_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        folder = current.data(Role.FOLDER)
        if not isinstance(folder, Folder) or self.local_source is None:
            return
        self.local_chosen.emit()
        self.show_folder(folder, self.local_source, LOCAL)

    def show_local_folder(self, folder_id: str) -> bool:
        """Show a folder of the local mailbox (a search hit in it is opened next); False when none."""
        row = self.folder_model.row_of(folder_id)
        if row < 0:
            return False
        index = self.folder_model.index(row, 0)
        if self.folder_view.currentIndex() == index:
            self._on_folder_changed(index, index)  # already current: no signal, shown all the same
        else:
            self.folder_view.setCurrentIndex(index)
        return self.mail_account == LOCAL

    def show_local_inbox(self) -> None:
        """The shown account is going: back to the local mailbox's first folder."""
        self.mail_account = LOCAL
        self.source = self.local_source
        self.message_model.set_headers([])
        self.reader.clear()
        self.current = None
        self.current_folder = None
        if self.folder_model.rowCount() > 0:
            self.folder_view.setCurrentIndex(self.folder_model.index(0, 0))

    def show_folder(self, folder: Folder, source: MailSource, account: str) -> None:
        self.source = source
        self.mail_account = account
        self.current_folder = folder
        self.current = None
        self.opened_ref = None
        self.reader.clear()
        self.folder_shown.emit()
        self.status.busy(self.tr("メールを読み込んでいます…"))
        self.listed = self.first_shown = False
        # A local mailbox shows its newest screenful first; the whole folder fills in behind it.
        mailbox_ops.load_newest(self.runner, self.mail_account, source, folder,
                                partial(self._on_first_headers, folder), self.status.mail_error)
        self.reload()

    def _on_first_headers(self, folder: Folder, headers: list[Header]) -> None:
        if self.listed or folder is not self.current_folder:
            return
        self.first_shown = True
        self.message_model.set_headers(headers)
        self.notify(Changes.FIRST_HEADERS)
        self.first_listed.emit()

    def reload(self) -> None:
        """The shown folder's list again (after a sync: offline-first, from the store)."""
        if self.source is not None and self.current_folder is not None:
            mailbox_ops.load_headers(self.runner, self.mail_account, self.source, self.current_folder,
                                     partial(self._on_headers, self.current_folder), self.status.mail_error)

    def _on_headers(self, folder: Folder, headers: list[Header]) -> None:
        assert self.ctx is not None
        first = not self.first_shown
        self.listed = self.first_shown = True
        self.message_model.set_headers(headers)
        self.folder_model.set_unread(folder.id, self.message_model.unread_count())
        self.status.set_count(len(headers))
        self.status.busy("")
        # The store learns the folder's rows; a filter or sort already chosen is asked after it
        # (the db lane is serial), over every row, loaded into the view or not.
        listing_ops.refresh(self.runner, self.ctx, self._list_source(), folder.id, headers,
                            lambda _written: None, self._on_list_error)
        if not self._list_query(folder).default:
            self.query_list()
        else:
            self._show_filter()
            self._reselect_opened()
        if self.source is not None:
            mailbox_ops.answered(self.runner, self.mail_account, self.source, folder,
                                 self._on_answered, self._on_list_error)
        # No screenful came first (a server's folder): the list shows now.
        self.notify(Changes.HEADERS | Changes.FIRST_HEADERS if first else Changes.HEADERS)
        if first:
            self.first_listed.emit()
        if not self.mailbox_listed:
            self.mailbox_listed = True
            self.first_listed.emit()

    def _on_answered(self, refs: set[MessageRef]) -> None:
        folder = self.current_folder
        if folder is not None:
            self.message_model.set_answered({r for r in refs if r.folder_id == folder.id})
            self.notify(Changes.ANSWERED)

    # -- filter and sort over the whole folder ---------------------------------
    def _list_source(self) -> str:
        assert self.ctx is not None
        return self.ctx.source_key if self.mail_account == LOCAL else self.mail_account

    def _list_query(self, folder: Folder) -> listing_ops.ListQuery:
        model = self.message_model
        column = {Column.SENDER: SortColumn.SENDER, Column.SUBJECT: SortColumn.SUBJECT}.get(
            model.sort_column, SortColumn.DATE)
        return listing_ops.ListQuery(self._list_source(), folder.id, self.search.text().strip(), column,
                                     model.sort_order == Qt.SortOrder.DescendingOrder)

    def query_list(self) -> None:
        self.filter_timer.stop()
        folder = self.current_folder
        if folder is None or self.ctx is None:
            return
        if not self.listed:
            # Only the newest screenful is in (a large Maildir's first seconds): the store does not hold
            # the folder's rows yet, so a filter now would find nothing or count 60. `_on_headers` asks
            # again once the folder is listed; until then the list is said to be unfiltered.
            self._show_filter()
            return
        listing_ops.query(self.runner, self.ctx, self._list_query(folder), self._on_list_answer, self._on_list_error)

    def _on_list_answer(self, answer: listing_ops.ListAnswer) -> None:
        folder = self.current_folder
        if folder is None or answer.query != self._list_query(folder):
            return  # another folder, filter or sort meanwhile: its own answer follows
        self.message_model.set_order(answer.keys)
        self._reselect_opened()
        self._show_filter()
        self.notify(Changes.LIST)

    def _reselect_opened(self) -> None:
        """After the rows changed (a filter, a sort, a sync's new listing) the open mail stays selected."""
        row = self.message_model.reveal(self.opened_ref) if self.opened_ref is not None else -1
        if row >= 0:
            self.message_view.selectRow(row)  # not opened again: _on_message_selected knows it
            self.message_view.scrollTo(self.proxy.index(row, 0))

    def _show_filter(self) -> None:
        text = self.search.text().strip()
        if not text or self.list_stack.currentWidget() is self.search_panel:
            # The search results say their own count (ui/search_panel.py): one count on screen, one meaning.
            self.filter_label.hide()
            return
        if not self.listed:
            self.filter_label.setText(self.tr("フォルダを読み込んでいます。読み込みが終わると絞り込みます"))
            self.filter_label.show()
            return
        matching = self.message_model.matching
        if matching:
            self.filter_label.setText(fill(self.tr("「{text}」に一致: {matching} 件（このフォルダの {total} 件中）"),
                                           text=text, matching=str(matching), total=str(self.message_model.total)))
        else:
            self.filter_label.setText(fill(self.tr("「{text}」に一致するメールはこのフォルダにありません。"
                                              "本文も探すには Enter を押してください。"), text=text))
        self.filter_label.show()

    def _on_list_error(self, failure: TaskFailure) -> None:
        log.error("message list query failed:\n%s", failure.trace)
        self.status.say(self.tr("メールの一覧を絞り込めませんでした"), 8000)

    # -- opening a mail --------------------------------------------------------
    def _on_message_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.message_view.selectionModel().selectedRows()
        header = rows[0].data(Role.HEADER) if rows and self.source is not None else None
        if isinstance(header, Header) and header.ref != self.opened_ref:
            self.open_header(header)  # the open mail selected again (a filter, a sort): nothing to load

    def open_header(self, header: Header) -> None:
        assert self.source is not None
        self.opened_ref = header.ref
        self.reader.set_search_terms(self.pending_terms)
        self.pending_terms = []
        self.current = None
        self.reader.show_loading(header)
        self.opening.emit()
        mailbox_ops.fetch_message(self.runner, self.mail_account, self.source, header.ref,
                                  partial(self._on_fetched, header), self.status.mail_error)

    def open_ref(self, ref: MessageRef, subject: str = "") -> None:
        """Show any message of this mailbox in the reader (a past reply, a search hit)."""
        if self.source is None:
            return
        self.open_header(Header(ref, subject, Address("", ""), None, True, 0))
        if self.current_folder is not None and ref.folder_id == self.current_folder.id:
            row = self.message_model.reveal(ref)  # the list follows, as when the row is clicked
            if row >= 0:
                self.message_view.selectRow(row)

    def _on_fetched(self, header: Header, opened: OpenedMessage) -> None:
        self.current = opened
        message = opened.message
        allowed = bool(message.remote_images) and self.settings.remote_images_allowed(message.sender.email)
        self.reader.show_message(message)
        self.notify(Changes.MESSAGE)
        if allowed:
            self._show_images_once()
        read_only = self.mail_account == LOCAL and self.local_read_only is not None
        if not header.seen and self.source is not None and not read_only:
            mailbox_ops.mark_read(self.runner, self.mail_account, self.source, header.ref,
                                  partial(self._on_marked_read, header.ref), self.status.mail_error)
        saved_identities = self.settings.get(SHOP_IDENTITIES)
        ours = is_ours(message, identities_from_setting(saved_identities))
        # Our own mail (in 送信済み, or a reply-all copy of it in the Inbox): not a customer's
        # words, not a customer's n-th mail.
        self.opened.emit(opened, ours or self._is_sent(header.ref))

    def _is_sent(self, ref: MessageRef) -> bool:
        """Whether the mail lies in a Sent folder of the mailbox it was opened from."""
        folder = self.current_folder
        if folder is not None and folder.id == ref.folder_id:
            return folder.role is FolderRole.SENT
        if self.mail_account == LOCAL:  # a past reply opened from the customer panel
            row = self.folder_model.row_of(ref.folder_id)
            return row >= 0 and self.folder_model.folder(row).role is FolderRole.SENT
        return False

    def _on_marked_read(self, ref: MessageRef, _result: None = None) -> None:
        self.message_model.set_seen(ref, True)
        if self.current_folder is not None and ref.folder_id == self.current_folder.id:
            self.folder_model.set_unread(self.current_folder.id, self.message_model.unread_count())

    # -- remote images -------------------------------------------------------
    def _show_images_once(self) -> None:
        if self.current is None:
            return
        opened = self.current
        self.runner.submit(mail_lane(self.mail_account), lambda: mailbox_ops.html_with_images(opened.raw),
                           lambda html: self._on_html_with_images(opened.ref, html), self.status.mail_error,
                           slot="images")

    def _always_show_images(self) -> None:
        if self.current is not None:
            self.settings.allow_remote_images(self.current.message.sender.email)
            self._show_images_once()

    def _on_html_with_images(self, ref: MessageRef, html: object) -> None:
        if self.current is None or self.current.ref != ref or not isinstance(html, str):
            return
        self.reader.set_html(html, images_shown=True)
        self.images.load(list(self.current.message.remote_images))

    def _on_images_done(self, _loaded: int, failed: int) -> None:
        if failed and self.current is not None:
            text = fill(self.tr("画像を読み込めませんでした（{failed} 枚）。"
                                "ネットワークにつながっているか確かめてください。"), failed=failed)
            self.reader.show_image_problem(text)
            self.status.say(text, 10000)

    def _on_image_loaded(self, url: str, image: object) -> None:
        if isinstance(image, QImage) and self.current is not None and url in self.current.message.remote_images:
            self.reader.add_image(url, image)
