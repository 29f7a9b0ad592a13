"""The `aizuchi` command: thin wrappers that call the core and print JSON.

`analyze`, `suggest`, `review` and `show` never import Qt, so they start fast and run anywhere.
`run` opens the window; it is wired in by `ui.launcher`, because the core may
not import the UI.

Each command imports the part of the core it uses inside its own function, on purpose: the
module alone imports in ~11 ms, with every command's modules at the top it would take ~560 ms
(analyser, review, SQLAlchemy, the mail clients; measured with `python -X importtime` and
`time.perf_counter` around the imports), and `aizuchi show` or `aizuchi version` need none of it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Annotations only: every command imports the model through the core it calls, and
    # `aizuchi --help` or `version` need none of it (module docstring: the per-command imports).
    from app.model import Finding, Message

GuiRunner = Callable[[argparse.Namespace], int]


def _message_json(path: str, message: Message) -> dict[str, Any]:
    return {
        "file": path,
        "subject": message.subject,
        "from": message.sender.display() if message.sender.email or message.sender.name else "",
        "from_address": message.sender.email,
        "date": message.date.isoformat() if message.date else None,
        "body": message.body,
        "attachments": [a.filename for a in message.attachments],
        "notes": [n.describe() for n in message.notes],
    }


class NotText(ValueError):
    """A file that is neither a mail nor text (an image, a PDF, a UTF-16 dump): nothing to analyse."""


# The command line's own words for the three kinds (the window's are translated in ui/wording).
KIND_LABELS = {"disclosure": "自己開示", "request": "ご要望・ご質問", "worry": "ご不安"}


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes, or more than one byte in ten a control character (ESC and the usual spaces aside)."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return bool(head) and controls * 10 > len(head)


def _file_error(error: Exception) -> str:
    """Why a file could not be read, in Japanese (Python's errno messages are English)."""
    if isinstance(error, NotText):
        return "メールでもテキストでもないファイルのようです（バイナリ）。解析していません"
    if isinstance(error, UnicodeDecodeError):
        return "UTF-8 のテキストとして読めません（.txt は UTF-8 で保存してください）"
    if isinstance(error, FileNotFoundError):
        return "ファイルが見つかりません"
    if isinstance(error, IsADirectoryError):
        return "フォルダです。ファイルを指定してください"
    if isinstance(error, PermissionError):
        return "ファイルを読む権限がありません"
    return f"ファイルを読めませんでした（{error.__class__.__name__}）"


def _read_for_analysis(path: str) -> tuple[str, Message | None]:
    """A .txt file is the body itself (UTF-8, newlines kept); anything else is a mail.

    Raises OSError, UnicodeDecodeError or NotText (worded by `_file_error`).
    """
    from app.mail.parse import parse_message

    raw = Path(path).read_bytes()
    if _looks_binary(raw):
        raise NotText(path)
    if path.endswith(".txt"):
        return raw.decode("utf-8"), None
    message = parse_message(raw)
    return message.body, message


def cmd_show(args: argparse.Namespace) -> int:
    from app.mail.parse import parse_message

    status = 0
    for path in args.files:
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            print(f"aizuchi show: {path}: {_file_error(error)}", file=sys.stderr)
            status = 1
            continue
        message = parse_message(raw)
        if args.json:
            print(json.dumps(_message_json(path, message), ensure_ascii=False))
        else:
            print(f"== {path}\n件名: {message.subject}\n差出人: {message.sender.display()}\n\n{message.body}\n")
    return status


def cmd_analyze(args: argparse.Namespace) -> int:
    from app.analysis import analyze

    status = 0
    for path in args.files:
        try:
            body, message = _read_for_analysis(path)
        except (OSError, UnicodeDecodeError, NotText) as error:
            print(f"aizuchi analyze: {path}: {_file_error(error)}", file=sys.stderr)
            status = 1
            continue
        insight = analyze(body)
        highlights = [
            {
                "kind": h.kind.value,
                "start": h.start,
                "end": h.end,
                "text": body[h.start : h.end],
                "topic": h.topic,
                "links": list(h.links),
                "cue": h.cue,
            }
            for h in insight.highlights
        ]
        record: dict[str, Any] = {"file": path, "highlights": highlights}
        if message is not None:
            record["body"] = body
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"== {path}")
            for h in highlights:
                print(f"  [{KIND_LABELS[str(h['kind'])]}] {h['start']}-{h['end']} {h['text']}")
            if not highlights:
                print("  （自己開示・ご要望・ご不安は見つかりませんでした）")
    return status


def _finding_json(finding: Finding) -> dict[str, Any]:
    ref = finding.ref
    return {
        "kind": finding.kind.value,
        "severity": finding.severity.value,
        "start": finding.start,
        "end": finding.end,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "ref": {"kind": ref.kind.value, "start": ref.start, "end": ref.end} if ref is not None else None,
    }


def cmd_review(args: argparse.Namespace) -> int:
    from app.review import review_draft

    mail_body: str | None = None
    insight = None
    if args.message:
        try:
            mail_body, _ = _read_for_analysis(args.message)
        except (OSError, UnicodeDecodeError, NotText) as error:
            print(f"aizuchi review: {args.message}: {_file_error(error)}", file=sys.stderr)
            return 1
        from app.analysis import analyze

        insight = analyze(mail_body)
    status = 0
    for path in args.drafts:
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                draft = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            print(f"aizuchi review: {path}: {_file_error(error)}", file=sys.stderr)
            status = 1
            continue
        findings = review_draft(draft, mail_body, insight)
        if args.json:
            print(json.dumps({"file": path, "findings": [_finding_json(f) for f in findings]}, ensure_ascii=False))
        else:
            print(f"== {path}")
            for f in findings:
                fix = f" → {f.suggestion}" if f.suggestion else ""
                print(f"  [{f.kind.value}] {f.start}-{f.end} {f.message}{fix}")
    return status


def cmd_suggest(args: argparse.Namespace) -> int:
    """Per highlight: its situation and the filled snippets, in the order the panel shows them."""
    from app.analysis import analyze
    from app.mail.compose import addressee, customer_name
    from app.snippets import load_pack, plan

    pack = load_pack()
    status = 0
    for path in args.files:
        try:
            body, message = _read_for_analysis(path)
        except (OSError, UnicodeDecodeError, NotText) as error:
            print(f"aizuchi suggest: {path}: {_file_error(error)}", file=sys.stderr)
            status = 1
            continue
        customer = customer_name(addressee(message)) if message is not None else ""
        suggestions: list[dict[str, Any]] = []
        for h in analyze(body).highlights:
            chosen = plan(pack, h, body[h.start : h.end], {"customer": customer}, mail=body)
            suggestions.append({
                "highlight": {"kind": h.kind.value, "start": h.start, "end": h.end},
                "situation": chosen.situation.value,
                "snippets": [f.text for f in chosen.filled()],
            })
        if args.json:
            print(json.dumps({"file": path, "suggestions": suggestions}, ensure_ascii=False))
        else:
            print(f"== {path}")
            for item in suggestions:
                span = item["highlight"]
                label = pack.situations.get(item["situation"], item["situation"])
                print(f"  [{KIND_LABELS[span['kind']]}] {span['start']}-{span['end']} 場面: {label}")
                for number, text in enumerate(item["snippets"], 1):
                    print(f"    {number}. {text}")
            if not suggestions:
                print("  （自己開示・ご要望・ご不安は見つかりませんでした）")
    return status


def cmd_memory_build(args: argparse.Namespace) -> int:
    """The window's memory build from the command line (a first import): progress on stderr, no Qt.

    Same store, same memory and the same source key as the window, so either one resumes
    where the other stopped. Ctrl-C stops at the next mail, keeping what was analysed.
    """
    import signal
    import threading
    import time

    from app import instance
    from app.customers import BuildResult, build_account, build_memory, open_memory
    from app.customers.build import remaining_seconds
    from app.paths import user_data_dir
    from app.settings import MEMORY_DATABASE_URL, load_settings
    from app.sources import open_source
    from app.sources.errors import SourceError
    from app.store.db import open_database
    from app.store.local_index import LocalIndex
    from app.store.mail import MailStore
    from app.store.search import MailIndex

    try:
        instance.acquire(user_data_dir(create=False))
    except instance.AlreadyRunning as running:
        print(f"aizuchi memory build: {running.japanese()}", file=sys.stderr)
        return 1
    from app.demo import mailbox_to_open
    from app.settings import LOCAL_MAILBOX

    settings = load_settings()
    # The window's: the one named, else the one added in the window, else the demo.
    path = mailbox_to_open(args.mailbox, settings.get(LOCAL_MAILBOX))
    db = open_database()
    try:
        source = open_source(path, LocalIndex(db))
    except SourceError as error:
        print(f"aizuchi memory build: {path}: {type(error).__name__}", file=sys.stderr)
        return 2
    memory = open_memory(settings.get(MEMORY_DATABASE_URL), db.path)
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if done not in (0, total) and now - last[0] < 2:
            return
        last[0] = now
        rate = done / (now - started) if done and now > started else 0.0
        seconds = remaining_seconds(done, total, now - started)
        left = f", 残り約 {seconds:.0f} 秒" if seconds is not None else ""
        print(f"{done}/{total} 件（{rate:.0f} 件/秒{left}）", file=sys.stderr, flush=True)

    try:
        result = build_memory(memory, source, f"local:{path.resolve()}", progress, stop.is_set, MailIndex(db))
        # Then the mail accounts' synced mail, as the window builds it (`aizuchi sync` brings it).
        store = MailStore(db)
        for account in store.accounts():
            if result.stopped:
                break
            more = build_account(memory, store, account.id, progress, stop.is_set, MailIndex(db))
            result = BuildResult(result.done + more.done, result.total + more.total, more.stopped,
                                 result.skipped + more.skipped)
    finally:
        signal.signal(signal.SIGINT, previous)
        memory.close()
    print(json.dumps({"mailbox": str(path), "done": result.done, "total": result.total,
                      "stopped": result.stopped, "skipped": result.skipped,
                      "seconds": round(time.perf_counter() - started, 1)}, ensure_ascii=False))
    return 130 if result.stopped else 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Sync one saved IMAP account into the local store (headers, then bodies)."""
    from app import instance
    from app.paths import user_data_dir
    from app.session import AccountSession
    from app.sources.errors import SourceError
    from app.store.db import open_database
    from app.store.mail import MailStore
    from app.sync import SyncProgress

    try:
        instance.acquire(user_data_dir(create=False))
    except instance.AlreadyRunning as running:
        print(f"aizuchi sync: {running.japanese()}", file=sys.stderr)
        return 1
    db = open_database()
    store = MailStore(db)
    config = store.account(args.account)
    if config is None:
        known = ", ".join(a.id for a in store.accounts()) or "（なし）"
        print(f"aizuchi sync: アカウント {args.account!r} がありません。登録済み: {known}", file=sys.stderr)
        return 2

    def progress(p: SyncProgress) -> None:
        if p.total and (p.done == p.total or p.done % 2000 == 0):
            print(f"{p.folder_id or '-'} {p.phase.value} {p.done}/{p.total}", file=sys.stderr)

    try:
        session = AccountSession(db, config)
        report = session.sync(bodies=not args.headers_only, progress=progress)
    except SourceError as error:
        print(f"aizuchi sync: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    session.close()
    print(json.dumps({"account": config.id, "folders": report.folders, "new_headers": report.new_headers,
                      "bodies": report.bodies, "pushed_flags": report.pushed_flags, "resets": report.resets},
                     ensure_ascii=False))
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    """What is running: the version, whether the compiled analyser and review are in use, and whether this is a
    package."""
    from app import __version__
    from app.analysis import FROZEN, NATIVE
    from app.paths import RESOURCES
    from app.review import NATIVE as REVIEW_NATIVE

    record = {"version": __version__, "analyser_native": NATIVE, "review_native": REVIEW_NATIVE, "frozen": FROZEN,
              "resources": str(RESOURCES), "learned_model": (RESOURCES / "analysis" / "sentence_model.json").is_file()}
    if args.json:
        print(json.dumps(record, ensure_ascii=False))
    else:
        kind = "コンパイル済み" if NATIVE else "Python"
        review_kind = "コンパイル済み" if REVIEW_NATIVE else "Python"
        print(f"相槌 {__version__}（解析器: {kind}、見直し: {review_kind}{'、パッケージ版' if FROZEN else ''}）")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aizuchi", description="相槌 — 日本語のお客様メールの返信アシスタント")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="ウィンドウを開く（既定はデモのメールボックス）")
    run.add_argument("mailbox", nargs="?", help="Maildir / mbox のパス（省略時は追加したもの、なければデモ）")
    run.add_argument("--lang", choices=["ja", "en"], help="表示言語")

    show = sub.add_parser("show", help="メールを解析して件名・本文を表示する")
    show.add_argument("--json", action="store_true", help="1 行に 1 つの JSON オブジェクトで出力")
    show.add_argument("files", nargs="+", metavar="MAIL")

    analyze = sub.add_parser("analyze", help="自己開示・ご要望・ご不安を検出する")
    analyze.add_argument("--json", action="store_true", help="1 行に 1 つの JSON オブジェクトで出力")
    analyze.add_argument("files", nargs="+", metavar="FILE")

    review = sub.add_parser("review", help="返信の下書きを点検する（答え漏れ・トーン・敬語・誤字）")
    review.add_argument("--json", action="store_true", help="1 行に 1 つの JSON オブジェクトで出力")
    review.add_argument("--message", metavar="MAIL", help="返信するお客様のメール（.txt は本文そのもの）")
    review.add_argument("drafts", nargs="+", metavar="DRAFT")

    suggest = sub.add_parser("suggest", help="ハイライトごとの場面と、おすすめの定型文を表示する")
    suggest.add_argument("--json", action="store_true", help="1 行に 1 つの JSON オブジェクトで出力")
    suggest.add_argument("files", nargs="+", metavar="MAIL")

    memory = sub.add_parser("memory", help="お客様の記録")
    memory_sub = memory.add_subparsers(dest="memory_command", required=True)
    memory_build = memory_sub.add_parser(
        "build", help="メールボックスのすべてのフォルダ（下書き・ごみ箱・迷惑メールを除く）から記録を作成・再開する（ウィンドウと同じ記録）")  # noqa: E501
    memory_build.add_argument("mailbox", nargs="?", help="Maildir / mbox のパス（省略時は追加したもの、なければデモ）")

    sync = sub.add_parser("sync", help="登録済みのメールアカウントを同期する")
    sync.add_argument("account", metavar="ACCOUNT", help="アカウント ID（例: shop-example-jp）")
    sync.add_argument("--headers-only", action="store_true", help="本文は取得せず、一覧だけ同期する")

    version = sub.add_parser("version", help="バージョンと、コンパイル済みの解析器が使われているかを表示する")
    version.add_argument("--json", action="store_true", help="JSON で出力")
    return parser


def main(argv: Sequence[str] | None = None, gui_runner: GuiRunner | None = None) -> int:
    from app.store.db import StoreUnusable

    try:
        return _main(argv, gui_runner)
    except StoreUnusable as problem:
        # A damaged, emptied or read-only store: said plainly, nothing touched, never a traceback.
        print(f"aizuchi: {problem.japanese()}", file=sys.stderr)
        return 3


def _main(argv: Sequence[str] | None, gui_runner: GuiRunner | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "show":
        return cmd_show(args)
    if args.command == "analyze":
        return cmd_analyze(args)
    if args.command == "review":
        return cmd_review(args)
    if args.command == "suggest":
        return cmd_suggest(args)
    if args.command == "sync":
        return cmd_sync(args)
    if args.command == "version":
        return cmd_version(args)
    if args.command == "memory":
        return cmd_memory_build(args)
    if args.command in (None, "run"):
        if gui_runner is None:
            print("aizuchi: このコマンドからはウィンドウを開けません。", file=sys.stderr)
            return 2
        if args.command is None:
            args = parser.parse_args(["run"])
        return gui_runner(args)
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
