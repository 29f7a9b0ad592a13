"""Header decoding details and the HTML policy, checked on small hand-made inputs."""

from __future__ import annotations

import base64

from app.mail.headers import decode_header_bytes, parse_address_list, parse_date, read_summary
from app.mail.html import html_to_text, sanitize_html
from app.model import NoteKind, ParseNote


def test_utf8_character_split_across_two_words() -> None:
    data = "相槌".encode()
    value = b"=?UTF-8?B?" + base64.b64encode(data[:4]) + b"?= =?UTF-8?B?" + base64.b64encode(data[4:]) + b"?="
    notes: list[ParseNote] = []
    assert decode_header_bytes(value, "subject", notes) == "相槌"
    assert notes == []


def test_text_between_words_is_kept_but_space_between_words_dropped() -> None:
    notes: list[ParseNote] = []
    value = b"Re: =?UTF-8?Q?=E3=81=82?=  =?UTF-8?Q?=E3=81=84?= (2)"
    assert decode_header_bytes(value, "subject", notes) == "Re: あい (2)"


def test_raw_utf8_header_needs_no_repair_note() -> None:
    notes: list[ParseNote] = []
    assert decode_header_bytes("件名".encode(), "subject", notes) == "件名"
    assert notes == []


def test_raw_jis_header_without_encoded_word() -> None:
    notes: list[ParseNote] = []
    assert decode_header_bytes("お知らせ".encode("iso2022_jp"), "subject", notes) == "お知らせ"
    assert [n.kind for n in notes] == [NoteKind.HEADER_REPAIRED]


def test_addresses_with_quoted_encoded_names() -> None:
    word = b"=?ISO-2022-JP?B?" + base64.b64encode("鈴木".encode("iso2022_jp")) + b"?="
    value = b'"' + word + b'" <suzuki@example.jp>, plain@example.com, "Ann, B" <ann@example.com>'
    got = parse_address_list(value, "to", [])
    assert [(a.name, a.email) for a in got] == [
        ("鈴木", "suzuki@example.jp"), ("", "plain@example.com"), ("Ann, B", "ann@example.com"),
    ]


def test_dates() -> None:
    aware = parse_date("Tue, 5 Mar 2024 10:15:00 +0900")
    assert aware is not None and aware.utcoffset() is not None and aware.hour == 10
    naive = parse_date("Tue, 5 Mar 2024 10:15:00 -0000")
    assert naive is not None and naive.utcoffset() is not None
    loose = parse_date("2024/03/05 10:15")
    assert loose is not None and loose.isoformat() == "2024-03-05T10:15:00+09:00"
    assert parse_date("yesterday-ish") is None


def test_summary_stops_at_blank_line() -> None:
    raw = b"Subject: head\nFrom: a@example.jp\n\nSubject: body line\n"
    assert read_summary(raw).subject == "head"


def test_sanitize_removes_active_content_and_listed_remote_images() -> None:
    html = (
        '<p onclick="x()">hi<script>bad()</script></p><iframe src="https://x"></iframe>'
        '<img src="http://a.example/1.png"><img src="//b.example/2.png"><img src="data:image/png;base64,AAAA">'
        '<a href="javascript:bad()">j</a><div style="background:url(https://c.example/3.png)">d</div>'
    )
    result = sanitize_html(html, allow_remote_images=False)
    for forbidden in ("onclick", "script", "bad()", "iframe", "a.example", "b.example", "c.example", "javascript"):
        assert forbidden not in result.html
    assert "data:image/png" in result.html
    assert result.remote_images == ("http://a.example/1.png", "//b.example/2.png")
    allowed = sanitize_html(html, allow_remote_images=True)
    assert "a.example" in allowed.html and allowed.remote_images == ()


def test_html_to_text_structure() -> None:
    html = "<div>一行目<br>二行目</div><p>段落の\n途中で改行</p><ol><li>一</li><li>二</li></ol><p>A &amp; B</p>"
    assert html_to_text(html) == "一行目\n二行目\n\n段落の途中で改行\n\n1. 一\n2. 二\n\nA & B\n"
