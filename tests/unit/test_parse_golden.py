"""Every mail of the golden corpus decodes to the expected subject, body and notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.mail.headers import read_summary
from app.mail.parse import parse_message, render_html

CORPUS = Path(__file__).resolve().parents[1] / "data" / "mail"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_corpus_has_every_case_on_disk() -> None:
    on_disk = {p.name for p in CORPUS.glob("*.eml")}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 22


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_golden(name: str) -> None:
    raw = (CORPUS / name).read_bytes()
    expected = EXPECTED[name]
    message = parse_message(raw)

    if "subject" in expected:
        assert message.subject == expected["subject"]
    for piece in expected.get("subject_contains", []):
        assert piece in message.subject
    for piece in expected["body"]:
        assert piece in message.body, f"{piece!r} not in {message.body!r}"
    for piece in expected.get("absent", []):
        assert piece not in message.body
    assert "\r" not in message.body
    assert sorted({n.kind.value for n in message.notes}) == sorted(expected["notes"]), message.notes
    if "sender" in expected:
        assert message.sender.email == expected["sender"]
    if "sender_name" in expected:
        assert message.sender.name == expected["sender_name"]
    if "date" in expected:
        assert message.date is not None and message.date.isoformat() == expected["date"]
    if "message_id" in expected:
        assert message.message_id == expected["message_id"]
    if "attachments" in expected:
        got = [[a.filename, a.content_type, a.size] for a in message.attachments]
        assert got == expected["attachments"]
    if "html" in expected:
        assert (message.html is not None) == expected["html"]
    if "remote_images" in expected:
        assert list(message.remote_images) == expected["remote_images"]
    if "inline_images" in expected:
        got_inline = [[i.content_id, i.content_type, len(i.data)] for i in message.inline_images]
        assert got_inline == expected["inline_images"]


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if "subject" in e))
def test_summary_agrees_with_full_parse(name: str) -> None:
    raw = (CORPUS / name).read_bytes()
    summary = read_summary(raw)
    message = parse_message(raw)
    assert summary.subject == message.subject
    assert summary.sender == message.sender
    assert summary.date == message.date


def test_html_only_blocks_remote_images_until_allowed() -> None:
    raw = (CORPUS / "17_html_only.eml").read_bytes()
    message = parse_message(raw)
    assert message.html is not None
    assert "tracker.example.com" not in message.html
    assert "<script" not in message.html and "alert" not in message.html and "<form" not in message.html
    assert 'src="cid:logo"' in message.html
    allowed = render_html(raw, allow_remote_images=True)
    assert allowed is not None
    assert 'src="https://tracker.example.com/open.gif"' in allowed.html
    assert allowed.remote_images == ()
    blocked = render_html(raw, allow_remote_images=False)
    assert blocked is not None and blocked.html == message.html


def test_render_html_is_none_for_plain_mail() -> None:
    assert render_html((CORPUS / "18_multipart_alternative.eml").read_bytes(), True) is None
    assert render_html(b"", True) is None
