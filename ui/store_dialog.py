"""At start: the local store is damaged, emptied or read-only. Say so, and offer a fresh one.

The damaged file is never deleted: `set_aside` renames it (with its -wal and -shm) beside
the new store, and the agent is told what comes back (the drafts in the journal beside the
store, by subject) and what does not (the rest of the damaged file). A read-only data dir
cannot be helped from here: the window says what to check and does not start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.model import Draft
from app.store import draft_journal
from app.store.db import Database, StoreProblem, StoreUnusable, open_database, set_aside
from ui.wording import fill


def journaled_drafts(problem: StoreUnusable) -> list[Draft]:
    """The drafts kept in the journal beside the store (`app.store.draft_journal`): the ones the
    damaged store refused while they were being written. The journal is not part of the damaged
    file: it stays beside the new store and they open again with 「返信」."""
    if problem.problem not in (StoreProblem.DAMAGED, StoreProblem.EMPTY):
        return []
    return [draft for _mailbox, draft in draft_journal.entries(problem.path)]


def problem_text(problem: StoreUnusable, journaled: Sequence[Draft] | None = None) -> str:
    """`journaled`: `journaled_drafts(problem)`, read here when not given (a small file)."""
    if problem.problem is StoreProblem.FULL:
        return fill(QCoreApplication.translate(
            "StoreDialog",
            "ディスクの空きがないため、相槌のデータ（{path}）を開けません。"
            "空き容量を増やしてから、もう一度起動してください。データには何も手を加えていません。"
        ), path=str(problem.path))
    if problem.problem is StoreProblem.READ_ONLY:
        return fill(QCoreApplication.translate(
            "StoreDialog",
            "データフォルダ（{parent}）に書き込めないため、相槌のデータを開けません。"
            "フォルダの書き込み権限と空き容量を確かめてから、もう一度起動してください。"
            "データには何も手を加えていません。"), parent=str(problem.path.parent))
    if problem.problem is StoreProblem.EMPTY:
        text = QCoreApplication.translate(
            "StoreDialog", "相槌のデータファイル（{path}）の中身が空（0 バイト）になっています。")
    else:
        text = QCoreApplication.translate("StoreDialog", "相槌のデータファイル（{path}）が壊れています。")
    text = fill(text, path=problem.path) + QCoreApplication.translate(
        "StoreDialog",
        "このままでは開けません。ファイルは消さずに別名で保管し、新しいデータで始めることができます。"
        "メールはメールボックスやサーバーから取り込み直し、お客様の記録も作り直します。")
    # What really comes back: the journal's drafts (written when the store refused them), nothing else.
    if journaled is None:
        journaled = journaled_drafts(problem)
    if journaled:
        subjects = "、".join(f"「{d.subject}」" for d in journaled[:3])
        more = len(journaled) - 3
        if more > 0:
            subjects += fill(QCoreApplication.translate("StoreDialog", " ほか {count} 件"), count=more)
        text += fill(QCoreApplication.translate(
            "StoreDialog",
            "\n\n戻る下書き：データに書き込めなかったときに予備のファイルへ保存した下書き {count} 件（{subjects}）"
            "は、新しいデータでも、元のメールを開いて「返信」を押すと書いた内容のまま開きます。"),
            count=len(journaled), subjects=subjects)
    else:
        text += QCoreApplication.translate(
            "StoreDialog", "\n\n予備のファイルに保存された下書きはありません。")
    return text + QCoreApplication.translate(
        "StoreDialog",
        "\n\n戻らないもの：壊れたファイルの中にあるそのほかの下書き・送信待ちの返信（送信されません）・"
        "アカウントの設定。アカウントはもう一度追加してください。")


def damaged_store_box(problem: StoreUnusable, parent: QWidget | None = None,
                      journaled: Sequence[Draft] | None = None) -> QMessageBox:
    title = QCoreApplication.translate("StoreDialog", "データを開けません")
    box = QMessageBox(QMessageBox.Icon.Critical, title, problem_text(problem, journaled),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("damagedStoreDialog")
    if problem.problem in (StoreProblem.DAMAGED, StoreProblem.EMPTY):
        fresh = box.addButton(QCoreApplication.translate("StoreDialog", "新しいデータで始める"),
                              QMessageBox.ButtonRole.AcceptRole)
        fresh.setObjectName("freshStoreButton")
    quit_button = box.addButton(QCoreApplication.translate("StoreDialog", "終了する"),
                                QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    box.setDefaultButton(quit_button)
    return box


_T = TypeVar("_T")


def off_the_gui_thread(work: Callable[[], _T]) -> _T:
    """`work()` run on a short-lived thread while this one waits for it.

    The store is opened (and migrated) before the window exists, so there is nothing to
    keep responsive yet; but no SQL runs on the GUI thread, not even this first open
    (docs/ARCHITECTURE.md §3), and SQLite's file locks and migrations stay on a worker.
    An exception in `work` is raised here."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-open") as pool:
        return pool.submit(work).result()


def start_fresh(problem: StoreUnusable) -> tuple[Database, Path]:
    """The damaged file renamed aside (never deleted) and a new store opened in its place."""
    kept = set_aside(problem.path)
    return off_the_gui_thread(lambda: open_database(problem.path)), kept


def kept_text(kept: Path) -> str:
    return fill(QCoreApplication.translate(
        "StoreDialog",
        "壊れたファイルは「{kept}」として保管しました。アカウントをもう一度追加すると、メールは"
        "サーバーから取り込み直されます。"), kept=str(kept))


def tell_unusable(problem: StoreUnusable, headless: bool) -> None:
    """Only say it (a read-only data dir: nothing to offer)."""
    print(problem_text(problem), file=sys.stderr)
    if not headless:
        damaged_store_box(problem).exec()


def open_store_or_ask(headless: bool) -> Database | None:
    """The user's store, or None when it cannot be used and the agent chose to quit (or no one
    can be asked: without a screen the message goes to stderr and nothing is changed)."""
    try:
        return off_the_gui_thread(open_database)
    except StoreUnusable as problem:
        journaled = off_the_gui_thread(partial(journaled_drafts, problem))
        print(problem_text(problem, journaled), file=sys.stderr)
        if headless or problem.problem not in (StoreProblem.DAMAGED, StoreProblem.EMPTY):
            if not headless:
                damaged_store_box(problem, journaled=journaled).exec()
            return None
        box = damaged_store_box(problem, journaled=journaled)
        box.exec()
        if box.buttonRole(box.clickedButton()) is not QMessageBox.ButtonRole.AcceptRole:
            return None
        database, kept = start_fresh(problem)
        title = QCoreApplication.translate("StoreDialog", "新しいデータで始めます")
        QMessageBox.information(None, title, kept_text(kept))
        return database
