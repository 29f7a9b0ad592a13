"""The agent's corrections: kept per mail in the store, applied to the analyser's insight."""

from __future__ import annotations

from pathlib import Path

from app.analysis import analyze
from app.analysis.corrections import apply_corrections
from app.model import Correction, CorrectionAction, CueKind, HighlightKind, cue_parts
from app.store.corrections import corrections_for, forget, mail_key, record
from app.store.db import open_database

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY
DISMISS, ADD = CorrectionAction.DISMISS, CorrectionAction.ADD

BODY = ("お世話になっております。\n"
        "来月、娘の結婚式があります。\n"
        "式に間に合うか心配です。\n"
        "前撮りの写真も楽しみにしている様子でした。\n"
        "10日までに届けていただけますか？\n"
        "よろしくお願いいたします。")


def _span(text: str) -> tuple[int, int]:
    at = BODY.index(text)
    return at, at + len(text)


def _correction(action: CorrectionAction, kind: HighlightKind, text: str) -> Correction:
    start, end = _span(text)
    return Correction(action, kind, start, end, text)


def _by_text(insight) -> dict[str, HighlightKind]:  # type: ignore[no-untyped-def]
    return {BODY[h.start : h.end]: h.kind for h in insight.highlights}


def test_no_corrections_change_nothing() -> None:
    insight = analyze(BODY)
    assert apply_corrections(BODY, insight, []) is insight
    # A correction whose words are not in the mail is skipped, and relinking alone
    # gives the analyser's own links.
    stray = Correction(DISMISS, W, 0, 3, "ない言葉")
    assert apply_corrections(BODY, insight, [stray]) == insight


def test_dismiss_removes_the_highlight_and_its_links() -> None:
    insight = analyze(BODY)
    worry = next(h for h in insight.highlights if h.kind is W)
    corrected = apply_corrections(BODY, insight, [Correction(DISMISS, W, worry.start, worry.end,
                                                             BODY[worry.start : worry.end])])
    assert W not in {h.kind for h in corrected.highlights}
    request = next(h for h in corrected.highlights if h.kind is R)
    assert all(corrected.highlights[j].kind is not W for j in request.links)
    assert all(0 <= j < len(corrected.highlights) for h in corrected.highlights for j in h.links)


def test_marked_sentence_is_added_with_topic_manual_cue_and_links() -> None:
    insight = analyze(BODY)
    text = "前撮りの写真も楽しみにしている様子でした"
    # The analyser did not hear it as a worry (since the round-three retrain it hears a disclosure there).
    assert _by_text(insight).get(text) is not W
    corrected = apply_corrections(BODY, insight, [_correction(ADD, W, text)])
    added = next(h for h in corrected.highlights if BODY[h.start : h.end] == text and h.kind is W)
    assert cue_parts(added.cue) == (CueKind.MANUAL, "")
    assert added.topic
    # It sits in the sentence before the request: linked both ways, as the analyser links.
    index = corrected.highlights.index(added)
    request = next(i for i, h in enumerate(corrected.highlights) if h.kind is R)
    assert request in added.links and index in corrected.highlights[request].links


def test_marked_words_replace_the_analysers_highlight_of_that_kind() -> None:
    insight = analyze(BODY)
    request = next(h for h in insight.highlights if h.kind is R)
    text = BODY[request.start : request.end - 2]  # the agent selected a little less
    corrected = apply_corrections(BODY, insight, [Correction(ADD, R, request.start, request.end - 2, text)])
    requests = [h for h in corrected.highlights if h.kind is R]
    assert [(h.start, h.end) for h in requests] == [(request.start, request.end - 2)]


def test_correction_finds_its_words_when_offsets_moved() -> None:
    text = "式に間に合うか心配です"
    start, end = _span(text)
    moved = Correction(DISMISS, W, start + 5, end + 5, text)  # e.g. the body was decoded differently before
    corrected = apply_corrections(BODY, analyze(BODY), [moved])
    assert W not in {h.kind for h in corrected.highlights}


def test_store_keeps_corrections_per_mail(tmp_path: Path) -> None:
    db = open_database(tmp_path / "c.sqlite3")
    assert 5 in db.applied_migrations()
    key = mail_key("<abc@example.com>", b"raw")
    other = mail_key("", b"raw bytes of a mail without id")
    assert other.startswith("sha256:") and other == mail_key("  ", b"raw bytes of a mail without id")
    dismiss = _correction(DISMISS, W, "式に間に合うか心配です")
    add = _correction(ADD, D, "前撮りの写真も楽しみにしている様子でした")
    record(db, key, dismiss)
    record(db, key, add)
    record(db, key, add)  # twice is once
    assert corrections_for(db, key) == [dismiss, add]
    assert corrections_for(db, other) == []
    db.close()
    reopened = open_database(tmp_path / "c.sqlite3")
    assert corrections_for(reopened, key) == [dismiss, add]
    # Dismissing what the agent marked undoes the mark instead of stacking rows.
    record(reopened, key, Correction(DISMISS, add.kind, add.start, add.end, add.text))
    assert corrections_for(reopened, key) == [dismiss]
    assert forget(reopened, key) == 1
    assert corrections_for(reopened, key) == []
