"""The charset repair: CP50220-style ISO-2022-JP, CP932 behind Shift_JIS labels, guessing."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from app.mail.charset import decode_bytes, decode_cp51932, decode_iso2022jp, jis_to_sjis
from app.model import NoteKind


def _jis_pair(ch: str) -> bytes:
    """JIS X 0208 code of a character, derived from its CP932 bytes (independently of the decoder)."""
    s1, s2 = ch.encode("cp932")
    s1 -= 0x40 if s1 >= 0xE0 else 0
    j1 = (s1 - 0x81) * 2 + 0x21
    if s2 >= 0x9F:
        return bytes((j1 + 1, s2 - 0x7E))
    return bytes((j1, s2 - 0x1F - (1 if s2 >= 0x80 else 0)))


def test_standard_iso2022jp_matches_python_codec() -> None:
    text = "お問い合わせありがとうございます。\n配送は明日です。"
    raw = text.encode("iso2022_jp")
    assert decode_iso2022jp(raw) == (text, False)


@pytest.mark.parametrize("ch", list("①⑳㈱㍻Ⅲ№≒髙﨑德"))
def test_nec_and_ibm_extensions(ch: str) -> None:
    raw = b"\x1b$B" + _jis_pair(ch) + b"\x1b(B"
    text, extended = decode_iso2022jp(raw)
    assert text == ch
    # Row 13 and rows 89-92 only exist in the Microsoft variant.
    assert extended == (raw[3] == 0x2D or 0x79 <= raw[3] <= 0x7C)


def test_half_width_kana_escape_and_shift() -> None:
    assert decode_iso2022jp(b"\x1b(I6\x1b(B")[0] == "ｶ"
    assert decode_iso2022jp(b"a\x0e6\x0fb")[0] == "aｶb"


def test_newline_returns_to_ascii_when_escape_is_missing() -> None:
    raw = b"\x1b$B$\"\nabc"
    assert decode_iso2022jp(raw)[0] == "あ\nabc"


def test_strict_rejects_8bit_and_replace_keeps_going() -> None:
    with pytest.raises(UnicodeDecodeError):
        decode_iso2022jp(b"abc\xff")
    assert decode_iso2022jp(b"abc\xffd", errors="replace")[0] == "abc\ufffdd"


def test_jis_to_sjis_bounds() -> None:
    assert jis_to_sjis(0x24, 0x22) == "あ".encode("cp932")
    assert jis_to_sjis(0x20, 0x22) is None
    assert jis_to_sjis(0x24, 0x7F) is None


def test_cp51932_nec_row() -> None:
    raw = bytes(b | 0x80 for b in _jis_pair("①")) + "日本".encode("euc_jp")
    assert decode_cp51932(raw) == ("①日本", True)


def test_shift_jis_label_note_only_when_cp932_was_needed() -> None:
    plain = decode_bytes("普通の文".encode("cp932"), "Shift_JIS")
    assert plain.text == "普通の文" and plain.notes == ()
    extended = decode_bytes("①～".encode("cp932"), "x-sjis")
    assert extended.text == "①～"
    assert [n.kind for n in extended.notes] == [NoteKind.CHARSET_SUPERSET]


@pytest.mark.parametrize(
    ("data", "label", "kind", "used"),
    [
        ("日本語の本文です".encode(), "iso-8859-1", NoteKind.CHARSET_MISLABELLED, "utf-8"),
        ("日本語の本文です".encode("cp932"), "iso-8859-1", NoteKind.CHARSET_MISLABELLED, "cp932"),
        ("日本語の本文です".encode("cp932"), "utf-8", NoteKind.CHARSET_MISLABELLED, "cp932"),
        ("日本語の本文です".encode(), "iso-2022-jp", NoteKind.CHARSET_MISLABELLED, "utf-8"),
        ("日本語の本文です".encode("iso2022_jp"), "us-ascii", NoteKind.CHARSET_MISLABELLED, "cp50220"),
        ("日本語の本文です".encode("euc_jp"), None, NoteKind.CHARSET_GUESSED, "euc_jp"),
        ("日本語の本文です".encode("cp932"), "unknown-8bit", NoteKind.CHARSET_GUESSED, "cp932"),
        ("日本語の本文です".encode("cp932"), "shiftjs", NoteKind.CHARSET_GUESSED, "cp932"),
    ],
)
def test_wrong_or_missing_labels(data: bytes, label: str | None, kind: NoteKind, used: str) -> None:
    decoded = decode_bytes(data, label, "part 1")
    assert decoded.text == "日本語の本文です"
    assert decoded.charset == used
    assert [n.kind for n in decoded.notes] == [kind]
    assert f"declared={label or 'none'}" in decoded.notes[0].detail and f"used={used}" in decoded.notes[0].detail


def test_genuine_latin1_is_left_alone() -> None:
    decoded = decode_bytes("Crème brûlée, s'il vous plaît".encode("latin-1"), "iso-8859-1")
    assert decoded.text == "Crème brûlée, s'il vous plaît" and decoded.notes == ()


def test_nothing_clean_means_replacement_and_note() -> None:
    # Shift_JIS text with a lead byte with an impossible trail byte (0x81 0x20), labelled UTF-8.
    data = "日本語の文章です。".encode("cp932") * 5 + b"\x81\x20" + "続きです。".encode("cp932")
    decoded = decode_bytes(data, "utf-8")
    assert "日本語の文章です。" in decoded.text and decoded.text.endswith("続きです。")
    assert "\ufffd" in decoded.text
    assert NoteKind.DECODE_REPLACED in {n.kind for n in decoded.notes}


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes("\ufeffこんにちは".encode(), "utf-8").text == "こんにちは"


def test_every_jis_x0208_code_decodes_as_cp932_does() -> None:
    # The fast paths (Python's iso2022_jp / euc_jp tables) must give CP932's text for every code.
    for j1 in range(0x21, 0x7F):
        for j2 in range(0x21, 0x7F):
            sjis = jis_to_sjis(j1, j2)
            assert sjis is not None
            try:
                expected = sjis.decode("cp932")
            except UnicodeDecodeError:
                continue
            raw = b"\x1b$B" + bytes((j1, j2)) + b"\x1b(B"
            assert decode_iso2022jp(raw)[0] == expected, (hex(j1), hex(j2))
            assert decode_iso2022jp(b"a \x1b$B" + bytes((j1, j2)) + b"\x1b(B")[0] == "a " + expected


def test_mixed_streams_decode_the_same_on_every_path() -> None:
    corpus = Path(__file__).resolve().parents[1] / "data" / "mail"
    sys.path.insert(0, str(corpus))
    try:
        from make_corpus import jis  # the corpus's own encoder, independent of the parser
    finally:
        sys.path.remove(str(corpus))
    rng = random.Random(7)
    plain = "あいうカタ漢字～∥－￠￡￢、。「」― ABC abc\n"
    extended = plain + "①㈱髙﨑ｶﾅ"
    for alphabet in (plain, extended):
        for _ in range(800):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
            assert decode_iso2022jp(jis(text))[0] == text


def test_line_carried_on_in_jis_is_read_on_and_reported() -> None:
    raw = "お問い合わせです\nよろしくお願いします\n".encode("iso2022_jp").replace(b"\x1b(B\n\x1b$B", b"\n")
    decoded = decode_bytes(raw + b"thanks\n", "iso-2022-jp", "part 1")
    assert decoded.text == "お問い合わせです\nよろしくお願いします\nthanks\n"
    assert NoteKind.ESCAPE_MISSING in {n.kind for n in decoded.notes}


def test_ascii_after_a_forgotten_escape_is_not_read_as_jis() -> None:
    decoded = decode_bytes(b"\x1b$B$\"\nThe next line is English\n", "iso-2022-jp")
    assert decoded.text == "あ\nThe next line is English\n"
    assert NoteKind.ESCAPE_MISSING not in {n.kind for n in decoded.notes}


@pytest.mark.parametrize(
    ("raw", "declared", "expected"),
    [
        ("Formação FrenetikPolis".encode("latin-1"), None, "Formação FrenetikPolis"),
        ("ciële.txt".encode("latin-1"), None, "ciële.txt"),
        ("Don’t worry — it’s fine".encode("cp1252"), "utf-8", "Don’t worry — it’s fine"),
        ("Grüße aus München".encode("latin-1"), "utf-8", "Grüße aus München"),
    ],
)
def test_western_single_byte_text_is_not_read_as_japanese(raw: bytes, declared: str | None, expected: str) -> None:
    assert decode_bytes(raw, declared).text == expected


@pytest.mark.parametrize(
    ("text", "codec"),
    [("テスト", "cp932"), ("ﾀﾁﾂﾃﾄ", "cp932"), ("日本語のメール", "cp932"), ("日本語のメール", "euc_jp"),
     ("カタカナ", "cp932"), ("データ", "cp932"), ("お世話になります", "euc_jp")],
)
def test_japanese_is_not_mistaken_for_western_text(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), None).text == text
