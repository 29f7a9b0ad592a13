"""The customer memory: open it (locally or on the team's server), build it, search it, show a profile.

The memory opens on the db lane after the application context; the build runs on
its own lane with a progress bar and a stop button in the status line. Enter in
the search box searches every indexed mail and the memory; the results take the
message list's place until 「一覧に戻る」 or Esc.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from app.context import AppContext, Changes
from app.model import CustomerProfile, Message, PastReply, ReplyStats
from app.settings import MEMORY_AUTO_BUILD, MEMORY_DATABASE_URL, TEAM_STAFF_NAME
from app.sources.base import MessageRef, OutgoingMessage
from ui.controllers.insight import InsightController
from ui.controllers.mailbox import LOCAL, MailboxController
from ui.controllers.status import StatusLine
from ui.customer_panel import CustomerPanel
from ui.operations import memory as memory_ops
from ui.operations.memory import BuildProgress, OpenedMemory, SearchResults, SearchScope
from ui.right_column import RightColumn
from ui.tasks import DB, TaskFailure, TaskRunner
from ui.wording import fill
from ui.wording.errors import error_text

log = logging.getLogger(__name__)


class MemoryController(QObject):
    def __init__(self, runner: TaskRunner, mailbox: MailboxController, insight: InsightController,
                 status: StatusLine, notify: Callable[[Changes], None], customer_panel: CustomerPanel,
                 right_column: RightColumn, window: QWidget) -> None:
        super().__init__(window)
        self.runner = runner
        self.mailbox = mailbox
        self.insight = insight
        self.status = status
        self.notify = notify
        self.panel = customer_panel
        self.right_column = right_column
        self.window = window  # the parent of its dialogs
        self.ctx: AppContext | None = None
        self._open_started = False
        self.opened: OpenedMemory | None = None  # the memory and the search index, once open
        self.build_progress: BuildProgress | None = None
        self._build_again = False  # the local mailbox changed during a build: build the new one after it
        self._quiet = False  # a sync's build with nothing new so far: no bar, no note
        self.closing = False  # results still queued must not start a build on a closed window
        self.build_wanted = mailbox.settings.get(MEMORY_AUTO_BUILD)
        self.on_build_state: Callable[[bool], None] = lambda _running: None  # the menu's two actions
        self.insert_text: Callable[[str], bool] = lambda _text: False  # the composer's, once it exists
        # The window's mail accounts, id → label: their synced mail is built and searched too.
        self.accounts: Callable[[], dict[str, str]] = dict
        # Shows a mail account's folder (the accounts pane's selection); False when it is not there.
        self.show_account_folder: Callable[[str, str], bool] = lambda _account, _folder: False
        self.agent_stopped = False  # the agent stopped the build: a sync does not start it again
        self.incomplete = False     # the last build was stopped or failed: the index lacks some mail
        self.search_panel = mailbox.search_panel
        self.search_panel.hit_activated.connect(self._open_search_hit)
        self.search_panel.closed.connect(self.close_search)
        self.search_panel.more_wanted.connect(self._search_more)
        mailbox.search.returnPressed.connect(lambda: self.run_search(mailbox.search.text().strip()))
        mailbox.escape.activated.connect(self._escape_search)
        # The build starts once the first folder is listed: on a first start with a large mailbox
        # the two would read every file at once, and hold both listings in memory.
        mailbox.first_listed.connect(self._maybe_build)
        insight.shown.connect(self.load_profile)
        # The tab's ● is about the mail shown: another folder, or another mail opening, takes it away
        # until that mail's profile says (our own mail in 送信済み never loads one).
        mailbox.folder_shown.connect(lambda: right_column.set_customer_note(False))
        # A folder the agent chose shows its list: search results left in its place would read as
        # that folder's mail. A search hit opening its own folder keeps them (`_opening_hit`).
        self._opening_hit = False
        mailbox.folder_shown.connect(self._on_folder_shown)
        mailbox.opening.connect(lambda: right_column.set_customer_note(False))
        customer_panel.reply_activated.connect(self._open_past_reply)
        customer_panel.export_requested.connect(self._export_customer)
        customer_panel.delete_requested.connect(self._delete_customer)
        customer_panel.reference_requested.connect(self._insert_reference)
        status.build_stop.clicked.connect(self.stop_build)

    def start(self, ctx: AppContext) -> None:
        """Opened once the first list shows (`MailboxController.first_listed`), or after 3 s at the latest."""
        self.ctx = ctx
        self.mailbox.first_listed.connect(self._open)
        QTimer.singleShot(3000, self._open)

    def _open(self) -> None:
        if self._open_started or self.ctx is None:
            return
        self._open_started = True
        memory_ops.open_memory(self.runner, self.ctx.settings.get(MEMORY_DATABASE_URL), self.ctx, self._on_opened,
                               self._on_error)

    def switch_mailbox(self, ctx: AppContext) -> None:
        """The window now reads another local mailbox: its mail is built into the records and the
        search index once its first folder is listed, as at a start. A build of the previous
        mailbox still running stops (it resumes whenever that mailbox is opened again)."""
        self.ctx = ctx
        self.build_wanted = self.mailbox.settings.get(MEMORY_AUTO_BUILD)
        if self.mailbox.list_stack.currentWidget() is self.search_panel:
            self.close_search()
        if self.build_progress is not None:
            self._build_again = True
            self.build_progress.stop_requested.set()

    # -- where the memory lives ------------------------------------------------
    def open_team_dialog(self) -> QDialog:
        from ui.team_dialog import TeamDialog

        dialog = TeamDialog(self.runner, self.mailbox.settings.get(MEMORY_DATABASE_URL), self.window,
                            self.mailbox.settings.get(TEAM_STAFF_NAME))
        dialog.accepted.connect(lambda: self._switch(dialog))
        dialog.open()
        return dialog

    def _switch(self, dialog: QDialog) -> None:
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
            self.mailbox.settings.set(TEAM_STAFF_NAME, dialog.staff_name())
            self.mailbox.settings.set(MEMORY_DATABASE_URL, url)
            self.status.say(self.tr("お客様の記録を開き直しています…"), 5000)
            if self.ctx is not None:
                memory_ops.open_memory(self.runner, url, self.ctx, self._on_opened, self._on_error)

        self.runner.submit(DB, save, saved, self._on_error)

    def _on_opened(self, memory: OpenedMemory) -> None:
        previous = self.opened
        if previous is not None and previous is not memory:
            self.runner.submit(DB, previous.memory.close)
        self.opened = memory
        self.notify(Changes.MEMORY)
        self._maybe_build()
        if self.mailbox.current is not None and self.insight.current is not None:
            self.load_profile()

    def _on_error(self, failure: TaskFailure) -> None:
        log.error("customer memory failed:\n%s", failure.trace)
        self.panel.set_unavailable()
        for widget in (self.status.build_label, self.status.build_bar, self.status.build_stop):
            widget.hide()
        self.on_build_state(False)
        self.status.say(fill(self.tr("お客様の記録を開けませんでした: {name}"), name=type(failure.error).__name__))

    # -- the build ---------------------------------------------------------------
    def _maybe_build(self) -> None:
        if self.build_wanted and self.mailbox.mailbox_listed:
            self.start_build()

    def start_build(self) -> None:
        """Build (or resume building) the memory and the search index from this mailbox's folders
        (app.customers.build.BUILT_ROLES), then from each mail account's synced mail."""
        self._start(None)

    def _start(self, synced: str | None) -> None:
        """`synced`: after that account's sync, its mail alone, quietly — the bar and the panel's note
        show only once there is new mail to take in (a sync every few minutes with nothing new
        flashed 「お客様の記録を作成中」 and listed the whole local mailbox again)."""
        if synced is None:
            self.build_wanted = True
            self.agent_stopped = False
        source = self.mailbox.local_source
        if self.closing or self.opened is None or source is None or self.build_progress is not None:
            return  # starts when both are open; never two builds at once
        assert self.ctx is not None
        progress = BuildProgress(self)
        progress.progressed.connect(self._on_progress)
        self.build_progress = progress
        self._quiet = synced is not None
        if not self._quiet:
            self._show_building()
        local = (self.ctx.source_key, source) if synced is None else None
        memory_ops.build(self.runner, self.opened, local, list(self.accounts()) if synced is None else [synced],
                         self.ctx.mail, progress, self._on_built, self._on_build_error)

    def _show_building(self) -> None:
        self.status.build_bar.setRange(0, 0)
        for widget in (self.status.build_label, self.status.build_bar, self.status.build_stop):
            widget.show()
        self.on_build_state(True)
        self.panel.set_building(0, 0)

    def account_synced(self, account_id: str) -> None:
        """A sync stored new mail: it is built into the records and the index (only what is new),
        after the build under way if there is one; not when the agent stopped the build."""
        if self.agent_stopped or not self.mailbox.settings.get(MEMORY_AUTO_BUILD):
            return
        if self.build_progress is not None:
            self._build_again = True
            return
        self._start(account_id)

    def forget_account(self, account_id: str) -> None:
        """A removed account's mail leaves the index (and its checkpoints), after any build of it."""
        if self.build_progress is not None:  # it may be reading that account: start over without it
            self._build_again = True
            self.build_progress.stop_requested.set()
        if self.opened is not None:
            memory_ops.forget_source(self.runner, self.opened, account_id, lambda _none: None, self._on_error)

    def stop_build(self) -> None:
        if self.build_progress is not None:
            self.agent_stopped = True
            self.build_progress.stop_requested.set()  # resumable: the next start picks it up
            self.status.build_label.setText(self.tr("停止しています…"))

    def _on_progress(self, done: int, total: int) -> None:
        if self._quiet:
            if done >= total:
                return  # nothing new (yet): nothing to show
            self._quiet = False
            self._show_building()
        progress = self.build_progress
        if progress is not None and not progress.stop_requested.is_set():
            self.status.build_label.setText(fill(self.tr("{state}　{done} / {total} 通"),
                                                 state=progress.describe(done, total),
                                                 done=f"{done:,}", total=f"{total:,}"))
        self.panel.set_building(done, total)
        bar = self.status.build_bar
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        bar.setToolTip(fill(self.tr("{done} / {total} 件"), done=f"{done:,}", total=f"{total:,}"))

    def _finish_build(self) -> None:
        self.build_progress = None
        for widget in (self.status.build_label, self.status.build_bar, self.status.build_stop):
            widget.hide()
        self.status.retranslate()
        self.on_build_state(False)

    def _on_built(self, result: object) -> None:
        from app.customers import BuildResult

        self._finish_build()
        if self._build_again and not self.agent_stopped:
            # Another mailbox, an account removed, or new mail meanwhile: the next build follows at
            # once and says its own progress.
            self._build_again = False
            self.build_wanted = True
            self._maybe_build()
            return
        self._build_again = False
        self.build_wanted = False
        stopped = isinstance(result, BuildResult) and result.stopped
        if self._quiet and not stopped:  # a sync's build that found nothing new: nothing changed
            self._quiet = False
            self.notify(Changes.MEMORY_BUILT)
            return
        self._quiet = False
        self.incomplete = stopped
        if stopped:
            assert isinstance(result, BuildResult)
            self.panel.set_building(result.done, result.total, stopped=True)
        else:
            self.panel.set_building(None)
        if isinstance(result, BuildResult):
            if result.stopped:
                self.status.say(fill(self.tr("記録の作成を停止しました（{done} / {total} 通）。"
                                             "メニューから再開できます。"), done=f"{result.done:,}",
                                     total=f"{result.total:,}"), 8000)
            elif result.total:
                # What the count is: mails of this run, taken in (「34 件」 read as 34 records or customers).
                text = fill(self.tr("お客様の記録にメール {count} 通を加えました"),
                            count=f"{result.total - result.skipped:,}")
                if result.skipped:
                    text += fill(self.tr("（読み取れなかった {skipped} 通を除く）"), skipped=f"{result.skipped:,}")
                self.status.say(text, 5000)
        self.notify(Changes.MEMORY_BUILT)
        if self.mailbox.current is not None and self.insight.current is not None:
            self.load_profile()

    def _on_build_error(self, failure: TaskFailure) -> None:
        self._finish_build()
        if self._build_again and not self.agent_stopped:  # a build of what was shown before: build what is now
            log.error("memory build failed before another one:\n%s", failure.trace)
            self._build_again = False
            self.build_wanted = True
            self._maybe_build()
            return
        self._build_again = False
        self.incomplete = True
        if self.panel.building is not None:  # what was built stays; the rest is still missing
            self.panel.set_building(*self.panel.building, stopped=True)
        log.error("memory build failed:\n%s", failure.trace)
        self.status.say(error_text(failure.error))

    # -- the customer of the open mail ------------------------------------------------
    def load_profile(self) -> None:
        opened = self.mailbox.current
        if opened is None:
            return
        if self.opened is None:
            self.panel.set_busy()
            return
        memory_ops.load_profile(self.runner, self.opened, opened.message, self.insight.current,
                                partial(self._on_profile, opened.ref), self._on_profile_error)

    def _on_profile(self, ref: MessageRef, profile: CustomerProfile | None) -> None:
        if self.mailbox.current is None or self.mailbox.current.ref != ref:
            return
        self.panel.set_profile(profile)
        # Tabbed: the customer tab says when today's mail touches something told before.
        self.right_column.set_customer_note(profile is not None and bool(profile.reminders))
        self.notify(Changes.PROFILE)

    def _on_profile_error(self, failure: TaskFailure) -> None:
        log.error("customer profile failed:\n%s", failure.trace)
        self.panel.set_unavailable()

    def customer_history(self) -> tuple[ReplyStats, ...]:
        """Our earlier replies to the customer of the open mail (for the review's consistency checks).

        Nothing while the records are incomplete: the build goes oldest first, so the replies found so
        far are the oldest ones, and "shorter than your recent replies" would compare with years ago.
        The checks stay silent, as for a customer whose history is unknown."""
        profile = self.panel.profile
        if profile is None or self.panel.building is not None:
            return ()
        return profile.history

    def remember_reply(self, sent: OutgoingMessage, original: Message | None) -> None:
        """The send path's hook: the memory learns our reply (length, warmth, what it answered)."""
        if self.opened is None:
            return
        memory = self.opened.memory
        self.runner.submit(DB, lambda: memory.remember_reply(sent, original), lambda _new: self.load_profile(),
                           self._on_profile_error)

    def _insert_reference(self, phrase: str) -> None:
        if self.insert_text(phrase):  # a finished sentence (app.customers.phrases.reference_sentence)
            self.status.say(fill(self.tr("返信に挿入しました: {phrase}"), phrase=phrase), 5000)
        else:
            self.status.say(fill(self.tr("コピーしました: {phrase}"), phrase=phrase), 5000)

    def _open_past_reply(self, reply: object) -> None:
        """One of our replies, from the mailbox it is in: a mail account's Sent (looked up by its
        Message-ID in the account's synced mail, an indexed query) or else the local mailbox's."""
        if not isinstance(reply, PastReply) or not reply.key or self.ctx is None:
            return
        ref, local, accounts = MessageRef(reply.folder_id, reply.key), self.ctx.source_key, list(self.accounts())
        if not accounts or not reply.message_id:
            self._open_in(local, ref, reply.subject)
            return
        mail = self.ctx.mail

        def where() -> str:
            return next((a for a in accounts if ref in mail.find_message_id(a, reply.message_id)), local)

        self.runner.submit(DB, where, lambda source: self._open_in(source, ref, reply.subject),
                           self._on_profile_error)

    def _export_customer(self, customer_id: int) -> None:
        if self.opened is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("お客様の記録を書き出す"), f"customer-{customer_id}.json", self.tr("JSON (*.json)")
        )
        if path:
            memory_ops.export_customer(
                self.runner, self.opened, customer_id, Path(path),
                lambda target: self.status.say(fill(self.tr("書き出しました: {target}"), target=str(target)), 5000),
                self.status.mail_error,
            )

    def _delete_customer(self, customer_id: int) -> None:
        if self.opened is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("記録を削除"),
            self.tr("このお客様について覚えたこと（お話・ご要望・返信の記録・メモ）をすべて削除します。"
                    "メールそのものは削除されません。よろしいですか？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            memory_ops.delete_customer(self.runner, self.opened, customer_id,
                                       lambda _none: self.load_profile(), self.status.mail_error)

    # -- search -------------------------------------------------------------------------
    def run_search(self, query: str) -> None:
        """Search every indexed mail and the memory; the results take the list's place."""
        if not query:
            self.close_search()
            return
        self.search_panel.set_searching(query)
        self.mailbox.list_stack.setCurrentWidget(self.search_panel)
        if self.opened is None:
            self.search_panel.set_failed()
            return
        memory_ops.search(self.runner, self.opened, query, self._scope(), self._on_searched, self._on_search_error)

    def _scope(self) -> SearchScope:
        assert self.ctx is not None
        return SearchScope(self.ctx.source_key, tuple(self.accounts()))

    def _escape_search(self) -> None:
        """Esc in the box: back from the results to the list, then clear the filter."""
        if self.mailbox.list_stack.currentWidget() is self.search_panel:
            self.close_search()
        else:
            self.mailbox.search.clear()

    def close_search(self) -> None:
        """Back to the folder's list, with the open mail selected when it is in it."""
        mailbox = self.mailbox
        self.runner.cancel_slot("search")
        self.search_panel.query = ""
        self.search_panel.model.clear()
        mailbox.list_stack.setCurrentWidget(mailbox.message_view)
        if mailbox.opened_ref is not None:
            row = mailbox.message_model.reveal(mailbox.opened_ref)
            if row >= 0:
                mailbox.message_view.selectRow(row)
        mailbox.message_view.setFocus()

    def _on_searched(self, results: SearchResults) -> None:
        panel = self.search_panel
        panel.mailbox_name = self.mailbox.mailbox_name()
        panel.account_names = list(self.accounts().values())
        panel.unsearchable = results.unsearchable
        panel.prepared = self.panel.building  # how much of the mail the index holds while it is built
        panel.set_results(results.query, results.mail, results.mail_total, results.memory,
                          results.memory_more, partial=self.build_progress is not None or self.incomplete)
        self.notify(Changes.SEARCH)

    def _search_more(self, query: str, offset: int) -> None:
        if self.opened is not None:
            memory_ops.search_more(self.runner, self.opened, query, offset, self._scope(),
                                   lambda page: self.search_panel.append(page.query, page.mail),
                                   self._on_search_error)

    def _on_search_error(self, failure: TaskFailure) -> None:
        log.error("search failed:\n%s", failure.trace)
        self.search_panel.set_failed()

    def _open_search_hit(self, hit: object) -> None:
        from app.customers import MemoryHit
        from app.store.search import MailHit

        self.mailbox.pending_terms = self.search_panel.query.split()
        if isinstance(hit, MailHit):
            self._open_in(hit.source, MessageRef(hit.folder_id, hit.key), hit.subject)
        elif isinstance(hit, MemoryHit) and hit.message_id and self.opened is not None and self.ctx is not None:
            index, sources = self.opened.index, self._scope().sources
            self.runner.submit(
                DB, lambda: index.ref_for(hit.message_id, sources),
                lambda found: self._open_in(found[0], MessageRef(found[1], found[2])) if found else None,
                self._on_search_error,
            )

    def _on_folder_shown(self) -> None:
        if not self._opening_hit and self.mailbox.list_stack.currentWidget() is self.search_panel:
            self.close_search()

    def _open_in(self, source: str, ref: MessageRef, subject: str = "") -> None:
        """Open a found mail from its own mailbox: the local one or a mail account's, whose folder
        is shown first when another mailbox is (a mail is fetched from the source it is in)."""
        self._opening_hit = True
        try:
            self._open_found(source, ref, subject)
        finally:
            self._opening_hit = False

    def _open_found(self, source: str, ref: MessageRef, subject: str) -> None:
        mailbox = self.mailbox
        if self.ctx is not None and source == self.ctx.source_key:
            if mailbox.mail_account != LOCAL and not mailbox.show_local_folder(ref.folder_id):
                return
        elif source in self.accounts():
            shown = mailbox.current_folder
            if (mailbox.mail_account != source or shown is None or shown.id != ref.folder_id) \
                    and not self.show_account_folder(source, ref.folder_id):
                return
        else:
            return  # a mailbox no longer open (the search does not look there)
        mailbox.open_ref(ref, subject)
