"""Bytes → text with the charset repair Japanese mail needs.

Owns every decision about which codec turns a part (or header word) into
text: the CP50220-style ISO-2022-JP decoder (NEC row 13, NEC-selected IBM
extensions, half-width katakana), the CP51932-style EUC-JP fallback, reading
Shift_JIS labels as CP932, and guessing when a label is missing, unknown or
wrong. Nothing here raises on bad bytes: the worst case is replacement
characters plus a `DECODE_REPLACED` note.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import NamedTuple

from app.model import NoteKind, ParseNote

__all__ = [
    "Decoded",
    "decode_bytes",
    "decode_cp51932",
    "decode_iso2022jp",
    "decode_iso2022jp_repairing",
    "decode_plain_iso2022jp",
    "jis_to_sjis",
]

# Labels seen in the wild, mapped to the family we decode them with.
_JIS_LABELS = frozenset({
    "iso-2022-jp", "iso2022-jp", "iso2022jp", "iso_2022_jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2",
    "iso-2022-jp-3", "iso-2022-jp-2004", "iso-2022-jp-ext", "iso2022_jp_ext", "cp50220", "cp50221", "cp50222",
    "jis", "x-jis", "jis7",
})
_SJIS_LABELS = frozenset({
    "shift_jis", "shift-jis", "shiftjis", "sjis", "x-sjis", "s-jis", "s_jis", "x-shift_jis", "x-shift-jis",
    "ms_kanji", "ms-kanji", "csshiftjis", "shift_jisx0213", "shift_jis_2004", "shift-jis-2004",
})
_CP932_LABELS = frozenset({"cp932", "windows-31j", "windows-932", "ms932", "x-ms-cp932", "cswindows31j", "ibm-943"})
_EUC_LABELS = frozenset({
    "euc-jp", "euc_jp", "eucjp", "x-euc-jp", "x-euc", "cseucpkdfmtjapanese", "cp51932", "euc-jp-ms", "eucjp-ms",
    "euc-jis-2004", "euc_jis_2004",
})
_UTF8_LABELS = frozenset({"utf-8", "utf8", "x-utf-8", "utf_8", "unicode-1-1-utf-8"})
_ASCII_LABELS = frozenset({"us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646"})
# Labels that promise nothing: treat exactly like a missing label.
_NON_LABELS = frozenset({
    "", "unknown", "unknown-8bit", "x-unknown", "x-unknown-8bit", "default", "8bit", "7bit", "binary",
    "x-user-defined", "none", "charset",
})
# Codecs Python knows but that are not mail charsets (a label "unicode_escape"
# or "rot13" is an attack or a joke, not an encoding).
_REFUSED_CODECS = frozenset({
    "unicode_escape", "raw_unicode_escape", "punycode", "idna", "rot_13", "mbcs", "oem", "undefined",
})

# Any ISO-2022 designation to a double-byte set (or to half-width kana) is
# strong evidence for ISO-2022-JP whatever the label says.
JIS_DESIGNATION = re.compile(rb"\x1b(?:\$[@B]|\$\([DOPQ]|\(I)")
# One escape sequence (or a shift) at a time, to split a JIS stream in runs.
_JIS_ESCAPE = re.compile(rb"\x1b(?:\$\(|\$|\(|&)[@-Z]|[\x0e\x0f]")

# Rows of JIS X 0208 that only exist in the Microsoft/NEC variant: row 13 is
# NEC's special characters (①, ㈱, ㍻, Ⅲ), rows 89–92 the NEC-selected IBM
# extensions (髙, 﨑).
_NEC_ROW = 0x2D
_IBM_ROWS = range(0x79, 0x7D)

# Fast path for plain JIS X 0208 runs: set the high bit of every byte (JIS → EUC-JP,
# one C call), decode with Python's euc_jp, then map the few code points where
# euc_jp and CP932 disagree to CP932's choice, so both paths give the same text.
# Rows 0x21–0x74 without NEC row 13 (0x2D) only; anything else takes the
# per-pair CP932 route.
_PLAIN_JIS = re.compile(rb"(?:[\x21-\x2c\x2e-\x74][\x21-\x7e])*")
_TO_EUC = bytes((b | 0x80) if 0x21 <= b <= 0x7E else b for b in range(256))
_EUC_TO_CP932 = str.maketrans({
    "\u301c": "\uff5e",  # WAVE DASH → FULLWIDTH TILDE (～)
    "\u2016": "\u2225",  # DOUBLE VERTICAL LINE → PARALLEL TO (∥)
    "\u2212": "\uff0d",  # MINUS SIGN → FULLWIDTH HYPHEN-MINUS (－)
    "\u00a2": "\uffe0",  # ¢ → ￠
    "\u00a3": "\uffe1",  # £ → ￡
    "\u00ac": "\uffe2",  # ¬ → ￢
})
_EUC_DIFFERS = re.compile("[\u301c\u2016\u2212\u00a2\u00a3\u00ac]")
# Whole-stream fast path: Python's iso2022_jp codec (C speed) gives our text
# exactly when the stream only switches between ASCII and JIS X 0208 and is
# back in ASCII at every line end (the codec, unlike RFC 1468, carries the
# double-byte mode over a newline). Anything else takes the careful route.
_OTHER_ESCAPES = re.compile(rb"\x1b(?!\$[B@]|\(B)|[\x0e\x0f]")
_NEWLINE_IN_JIS = re.compile(rb"\x1b\$[B@][^\x1b\n]*\n")
# A line this long or longer that reads as Japanese in JIS X 0208 is taken to
# continue the previous line's double-byte mode (the mailer did not re-escape).
_MIN_CARRIED_LINE = 4

# Windows-1252 punctuation that Western mail uses between words (’ “ ” – — … €).
_CP1252_PUNCTUATION = frozenset(
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac\xa0\xab\xbb\xb0\xb7"
)
_LETTERS = re.compile(r"[^\W\d_]+")

_SAMPLE = 20_000  # characters looked at when scoring a guess
_DETECT_SAMPLE = 65_536  # bytes handed to charset_normalizer


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    charset: str  # the codec that produced `text` ("cp50220" for our ISO-2022-JP decoder)
    notes: tuple[ParseNote, ...] = ()


def jis_to_sjis(j1: int, j2: int) -> bytes | None:
    """One JIS X 0208 code point (row byte, cell byte) as a Shift_JIS/CP932 pair."""
    if not (0x21 <= j1 <= 0x7E and 0x21 <= j2 <= 0x7E):
        return None
    # Odd rows use the lower half of the trail-byte range (skipping 0x7F), even rows the upper half.
    s2 = j2 + (0x1F if j2 < 0x60 else 0x20) if j1 & 1 else j2 + 0x7E
    s1 = ((j1 - 0x21) >> 1) + 0x81
    if s1 > 0x9F:
        s1 += 0x40
    return bytes((s1, s2))


def _double_byte_run(data: bytes, start: int, end: int, out: list[str], errors: str, source: bytes) -> bool:
    """Decode JIS X 0208 pairs in data[start:end] through CP932; True when an extension row was used.

    Whitespace between pairs is kept as is (broken mailers leave spaces or CRs
    in double-byte mode) instead of being swallowed as half a character.
    """
    run = data[start:end]
    if _PLAIN_JIS.fullmatch(run):
        try:
            out.append(_as_cp932(run.translate(_TO_EUC).decode("euc_jp")))
            return False
        except UnicodeDecodeError:
            pass  # a code euc_jp does not know: the CP932 route decides (or replaces) it
    extended = False
    sjis = bytearray()
    i = start
    while i < end:
        b = data[i]
        if b in (0x20, 0x09, 0x0D):
            if sjis:
                out.append(_cp932(bytes(sjis), errors, source, i))
                sjis.clear()
            out.append(chr(b))
            i += 1
            continue
        pair = jis_to_sjis(b, data[i + 1]) if i + 1 < end else None
        if pair is None:
            if sjis:
                out.append(_cp932(bytes(sjis), errors, source, i))
                sjis.clear()
            if errors == "strict":
                raise UnicodeDecodeError("iso-2022-jp", source, i, i + 1, "invalid JIS X 0208 byte")
            out.append("\ufffd")
            i += 1
            continue
        if b == _NEC_ROW or b in _IBM_ROWS:
            extended = True
        sjis += pair
        i += 2
    if sjis:
        out.append(_cp932(bytes(sjis), errors, source, end))
    return extended


def _as_cp932(text: str) -> str:
    """Text from Python's JIS X 0208 tables with CP932's choice for the six code points they differ on."""
    return text.translate(_EUC_TO_CP932) if _EUC_DIFFERS.search(text) else text


def _cp932(sjis: bytes, errors: str, source: bytes, position: int) -> str:
    try:
        return sjis.decode("cp932")
    except UnicodeDecodeError:
        if errors == "strict":
            raise UnicodeDecodeError(
                "iso-2022-jp", source, max(position - 1, 0), position, "JIS code with no character"
            ) from None
        # Decode pair by pair so one undefined code costs one replacement character.
        return "".join(sjis[k : k + 2].decode("cp932", errors="replace") for k in range(0, len(sjis), 2))


def _via_euc(pair: bytes, prefix: bytes, codec: str, errors: str, source: bytes, position: int) -> str:
    raw = prefix + bytes(b | 0x80 for b in pair)
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        if errors == "strict":
            raise UnicodeDecodeError("iso-2022-jp", source, position, position + 2, "undefined code") from None
        return "\ufffd"


def decode_iso2022jp(data: bytes, errors: str = "strict") -> tuple[str, bool]:
    """Decode ISO-2022-JP as Windows' CP50220 does; return (text, used_extensions).

    Python's `iso2022_jp*` codecs reject NEC row 13 and the IBM extensions that
    Outlook and most Japanese mailers emit, so each JIS X 0208 pair is mapped to
    its CP932 code and decoded as CP932 (plain runs take a faster equivalent
    route). `errors` is "strict" (raise UnicodeDecodeError) or "replace".
    """
    text, extended, _ = decode_iso2022jp_repairing(data, errors)
    return text, extended


def decode_plain_iso2022jp(data: bytes) -> str | None:
    """The fast path of `decode_iso2022jp_repairing`: plain ISO-2022-JP at C speed, or None.

    None means the careful route is needed (NEC/IBM rows, half-width kana, spaces
    in double-byte mode, a line without its escape back to ASCII, odd runs).
    """
    if data.isascii() and not _OTHER_ESCAPES.search(data) and not _NEWLINE_IN_JIS.search(data):
        try:
            return _as_cp932(data.decode("iso2022_jp"))
        except UnicodeDecodeError:
            return None
    return None


def decode_iso2022jp_repairing(data: bytes, errors: str = "strict") -> tuple[str, bool, bool]:
    """`decode_iso2022jp` that also says whether a line was read on without its escape.

    Returns (text, used_extensions, escape_repaired).
    """
    plain = decode_plain_iso2022jp(data)
    if plain is not None:
        return plain, False, False
    out: list[str] = []
    state = [False, False]  # [used extensions, carried a line on without its escape]
    mode = "ascii"
    position = 0
    for match in _JIS_ESCAPE.finditer(data):
        seq_start, seq_end, seq = match.start(), match.end(), match.group()
        _decode_run(data, position, seq_start, mode, out, errors, state)
        mode = _mode_after(seq, mode)
        if mode == "unknown":
            if errors == "strict":
                raise UnicodeDecodeError("iso-2022-jp", data, seq_start, seq_end, "unsupported escape sequence")
            out.append("\ufffd")
            mode = "ascii"
        if mode in ("kana", "jisx0212", "jisx0213-1", "jisx0213-2"):
            state[0] = True
        position = seq_end
    _decode_run(data, position, len(data), mode, out, errors, state)
    return "".join(out), state[0], state[1]


def _mode_after(seq: bytes, mode: str) -> str:
    table = {
        b"\x1b(B": "ascii", b"\x1b(J": "ascii", b"\x1b(H": "ascii",
        b"\x1b(I": "kana", b"\x0e": "kana",
        b"\x1b$@": "jisx0208", b"\x1b$B": "jisx0208", b"\x1b$(B": "jisx0208", b"\x1b$(@": "jisx0208",
        b"\x1b$(D": "jisx0212",
        b"\x1b$(O": "jisx0213-1", b"\x1b$(Q": "jisx0213-1", b"\x1b$(P": "jisx0213-2",
    }
    if seq == b"\x0f":  # SI returns from the kana shift to whatever came before (ASCII in practice)
        return "ascii"
    if seq == b"\x1b&@":  # JIS X 0208-1990 announcer, always followed by ESC $ B
        return mode
    return table.get(seq, "unknown")


def _decode_run(
    data: bytes, start: int, end: int, mode: str, out: list[str], errors: str, state: list[bool]
) -> None:
    if start >= end:
        return
    if mode != "ascii":
        # RFC 1468: every line starts in ASCII. Mailers that forget the ESC ( B
        # before a newline are common, so a newline ends the run, unless the next
        # line plainly goes on in JIS X 0208 (mailers that never re-escape).
        line_start = start
        while True:
            newline = data.find(b"\n", line_start, end)
            if newline < 0:
                _decode_line(data, line_start, end, mode, out, errors, state)
                return
            _decode_line(data, line_start, newline, mode, out, errors, state)
            out.append("\n")
            line_start = newline + 1
            line_end = data.find(b"\n", line_start, end)
            if mode == "jisx0208" and _continues_jis(data, line_start, end if line_end < 0 else line_end):
                state[1] = True
                continue
            _decode_line(data, line_start, end, "ascii", out, errors, state)
            return
    _decode_line(data, start, end, mode, out, errors, state)


def _continues_jis(data: bytes, start: int, end: int) -> bool:
    """True when data[start:end] (one line, no escape) reads as Japanese in JIS X 0208."""
    line = data[start:end].rstrip(b"\r")
    if len(line) < _MIN_CARRIED_LINE or len(line) % 2 or not all(0x21 <= b <= 0x7E for b in line):
        return False
    probe: list[str] = []
    _double_byte_run(line, 0, len(line), probe, "replace", line)
    text = "".join(probe)
    return "\ufffd" not in text and _looks_japanese(text)


def _decode_line(
    data: bytes, start: int, end: int, mode: str, out: list[str], errors: str, state: list[bool]
) -> None:
    if start >= end:
        return
    if mode == "ascii":
        chunk = data[start:end]
        if chunk.isascii() and b"\x1b" not in chunk:
            out.append(chunk.decode("ascii"))
            return
        for i in range(start, end):
            b = data[i]
            if b < 0x80 and b != 0x1B:
                out.append(chr(b))
            elif errors == "strict":
                raise UnicodeDecodeError("iso-2022-jp", data, i, i + 1, "8-bit byte or stray escape")
            else:
                out.append("\ufffd")
        return
    if mode == "jisx0208":
        if _double_byte_run(data, start, end, out, errors, data):
            state[0] = True
        return
    state[0] = True  # half-width kana, JIS X 0212 and JIS X 0213 are all beyond plain ISO-2022-JP
    if mode == "kana":
        for i in range(start, end):
            b = data[i]
            if 0x21 <= b <= 0x5F:
                out.append(chr(0xFF61 + b - 0x21))
            elif b in (0x0D, 0x0A, 0x20, 0x09):
                out.append(chr(b))
            elif errors == "strict":
                raise UnicodeDecodeError("iso-2022-jp", data, i, i + 1, "invalid half-width katakana")
            else:
                out.append("\ufffd")
        return
    prefix, codec = {
        "jisx0212": (b"\x8f", "euc_jp"),
        "jisx0213-1": (b"", "euc_jis_2004"),
        "jisx0213-2": (b"\x8f", "euc_jis_2004"),
    }[mode]
    i = start
    while i < end:
        if data[i] in (0x0D, 0x0A, 0x20, 0x09):
            out.append(chr(data[i]))
            i += 1
            continue
        out.append(_via_euc(data[i : i + 2], prefix, codec, errors, data, i))
        i += 2


def decode_cp51932(data: bytes, errors: str = "strict") -> tuple[str, bool]:
    """EUC-JP as Windows writes it (CP51932): NEC row 13 and IBM rows read through CP932.

    Returns (text, used_extensions). Python's `euc_jp` rejects those rows.
    """
    out: list[str] = []
    extended = False
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            j = i
            while j < n and data[j] < 0x80:
                j += 1
            out.append(data[i:j].decode("ascii"))
            i = j
            continue
        if b == 0x8E and i + 1 < n and 0xA1 <= data[i + 1] <= 0xDF:
            out.append(chr(0xFF61 + data[i + 1] - 0xA1))
            i += 2
            continue
        if b == 0x8F and i + 2 < n:
            try:
                out.append(data[i : i + 3].decode("euc_jp"))
                extended = True
                i += 3
                continue
            except UnicodeDecodeError:
                pass
        pair = None
        if 0xA1 <= b <= 0xFE and i + 1 < n and data[i + 1] >= 0xA1:
            pair = jis_to_sjis(b & 0x7F, data[i + 1] & 0x7F)
        if pair is not None:
            try:
                out.append(pair.decode("cp932"))
                if (b & 0x7F) == _NEC_ROW or (b & 0x7F) in _IBM_ROWS:
                    extended = True
                i += 2
                continue
            except UnicodeDecodeError:
                pass
        if errors == "strict":
            raise UnicodeDecodeError("cp51932", data, i, i + 1, "invalid EUC-JP sequence")
        out.append("\ufffd")
        i += 1
    return "".join(out), extended


def _family(label: str) -> str:
    """The decoding family for a normalised label; "none" for missing/meaningless, "unknown" for unknown."""
    if label in _NON_LABELS:
        return "none"
    for family, labels in (
        ("jis", _JIS_LABELS), ("sjis", _SJIS_LABELS), ("cp932", _CP932_LABELS), ("euc", _EUC_LABELS),
        ("utf8", _UTF8_LABELS), ("ascii", _ASCII_LABELS),
    ):
        if label in labels:
            return family
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return "unknown"
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED_CODECS:
        return "unknown"
    if info.name in ("utf-8", "utf-8-sig"):
        return "utf8"
    if info.name in ("shift_jis", "shift_jis_2004", "shift_jisx0213"):
        return "sjis"
    if info.name in ("euc_jp", "euc_jis_2004", "euc_jisx0213"):
        return "euc"
    if info.name.startswith("iso2022_jp"):
        return "jis"
    return "codec:" + info.name


class _Strict(NamedTuple):
    text: str
    codec: str
    superset: bool  # needed a superset of the label (CP932 for Shift_JIS, CP50220 for ISO-2022-JP)
    repaired: bool = False  # an ISO-2022-JP line was read on without its escape sequence


class _Guess(NamedTuple):
    text: str
    codec: str
    superset: bool
    score: float
    repaired: bool = False


def _strict(family: str, data: bytes) -> _Strict | None:
    """Strictly decode with one family."""
    try:
        if family == "jis":
            text, extended, repaired = decode_iso2022jp_repairing(data)
            return _Strict(text, "cp50220", extended, repaired)
        if family in ("sjis", "cp932"):
            try:
                return _Strict(data.decode("shift_jis"), "shift_jis", False)
            except UnicodeDecodeError:
                # cp932 is a superset of what Shift_JIS labels carry in practice
                # (①, ～, NEC/IBM kanji); only a cp932 label makes it not a repair.
                return _Strict(data.decode("cp932"), "cp932", family == "sjis")
        if family == "euc":
            try:
                return _Strict(data.decode("euc_jp"), "euc_jp", False)
            except UnicodeDecodeError:
                pass
            try:
                text, _ = decode_cp51932(data)
                return _Strict(text, "cp51932", True)
            except UnicodeDecodeError:
                return _Strict(data.decode("euc_jis_2004"), "euc_jis_2004", True)
        if family == "utf8":
            return _Strict(data.decode("utf-8-sig"), "utf-8", False)
        if family == "ascii":
            return _Strict(data.decode("ascii"), "us-ascii", False)
        if family.startswith("codec:"):
            codec = family[6:]
            return _Strict(data.decode(codec), codec, False)
    except (UnicodeDecodeError, LookupError, ValueError):
        return None
    return None


def _japanese_score(text: str) -> tuple[float, int]:
    """(share of non-ASCII characters that look like Japanese prose, kana count)."""
    total = 0
    good = 0.0
    kana = 0
    for ch in text[:_SAMPLE]:
        o = ord(ch)
        if o < 0x80:
            continue
        total += 1
        if 0x3041 <= o <= 0x30FF:
            good += 1
            kana += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
            good += 1
        elif 0x2460 <= o <= 0x24FF or 0x3200 <= o <= 0x33FF or 0x2160 <= o <= 0x217F or 0x2010 <= o <= 0x203B:
            good += 0.8
        elif 0xFF61 <= o <= 0xFF9F:
            good += 0.3
        elif o in (0xA7, 0xA8, 0xB0, 0xB1, 0xB4, 0xB6, 0xD7, 0xF7) or 0x2190 <= o <= 0x25FF:
            good += 0.5
    if total == 0:
        return 0.0, 0
    return good / total, kana


def _looks_japanese(text: str) -> bool:
    score, kana = _japanese_score(text)
    return score >= 0.8 and kana > 0


def _guess(data: bytes) -> _Guess | None:
    """Best strict decoding among the Japanese candidates."""
    if data.isascii():
        if JIS_DESIGNATION.search(data):
            result = _strict("jis", data)
            if result is not None:
                return _Guess(result.text, result.codec, result.superset, 1.0, result.repaired)
        return None
    if _strict("utf8", data) is not None:
        # Valid multi-byte UTF-8 is almost never an accident.
        return _Guess(data.decode("utf-8-sig"), "utf-8", False, 1.0)
    best: _Guess | None = None
    for family in ("cp932", "euc"):
        result = _strict(family, data)
        if result is None:
            continue
        score, _ = _japanese_score(result.text)
        if best is None or score > best.score:
            # A guess reports the superset it would have needed anyway: "cp932", not "shift_jis".
            used = "cp932" if result.codec == "shift_jis" else result.codec
            best = _Guess(result.text, used, False, score)
    return best


def _looks_latin(data: bytes) -> bool:
    """True when 8-bit bytes read as Western European words in Windows-1252.

    Unlabelled or mislabelled Latin-1 text (Formação, ciële.txt) also decodes
    "strictly" as CP932 or EUC-JP, into kanji. Read as Windows-1252, Japanese
    gives symbols (‚ ¤ ¿ ½), undefined bytes or lone letters; Western text
    gives accented letters inside words that also have ASCII letters.
    """
    if data.isascii():
        return False
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    for i, ch in enumerate(text):
        if ch < "\x80":
            continue
        if ch in _CP1252_PUNCTUATION:
            # Between words only: in Shift_JIS these bytes lead a pair whose trail is 8-bit too.
            if i + 1 < len(text) and text[i + 1] >= "\x80":
                return False
            continue
        if not ("\xc0" <= ch <= "\xff") or ch in "\xd7\xf7":
            return False
    for word in _LETTERS.findall(text):
        if len(word) > 1 and not word.isascii() and not any(c < "\x80" for c in word):
            return False  # a run of accented letters alone: half-width kana or EUC kanji, not a word
    return True


def _detect(data: bytes) -> str | None:
    """charset_normalizer's opinion on a sample, as a Python codec name."""
    try:
        # Imported here: ~15 ms to import, and only a mail without a usable charset label needs it.
        from charset_normalizer import from_bytes

        best = from_bytes(data[:_DETECT_SAMPLE]).best()
    except Exception:  # a detector bug must not cost us the mail
        return None
    if best is None:
        return None
    encoding = str(best.encoding)
    if encoding.startswith(("utf_16", "utf_32")) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Without a BOM this is the detector pairing up random bytes into CJK garbage.
        return None
    return encoding


def _note(kind: NoteKind, declared: str, used: str, where: str) -> ParseNote:
    detail = f"declared={declared or 'none'} used={used}"
    return ParseNote(kind, f"{where}: {detail}" if where else detail)


def decode_bytes(data: bytes, declared: str | None, where: str = "") -> Decoded:
    """Decode one text part or header word, repairing and guessing; never raises.

    Order: the declared label strictly (Shift_JIS read as CP932, ISO-2022-JP
    as CP50220, EUC-JP as CP51932 when needed), then the Japanese candidates
    strictly (ISO-2022-JP when escapes are present, UTF-8, CP932, EUC-JP),
    then charset_normalizer, then the best candidate with replacement.
    `where` (e.g. "subject", "part 2") prefixes the note details.
    """
    label = (declared or "").strip().strip("\"'").strip().lower()
    family = _family(label)
    if not data:
        return Decoded("", label or "us-ascii")
    notes: list[ParseNote] = []

    if family != "jis" and JIS_DESIGNATION.search(data) and not data.isascii() and _mostly_jis(data):
        # ISO-2022-JP with stray 8-bit bytes (a signature, a no-break space) behind any label or
        # none: read as JIS, the 8-bit runs on their own (issue 14: a "Shift_JIS" body in JIS).
        kind = NoteKind.CHARSET_MISLABELLED if family not in ("none", "unknown") else NoteKind.CHARSET_GUESSED
        return Decoded(_jis_with_8bit(data, family), "cp50220", (_note(kind, label, "cp50220", where),))

    if family not in ("none", "unknown"):
        attempt = _strict(family, data)
        if attempt is not None and not _suspicious(family, data, attempt.text):
            if attempt.superset:
                notes.append(_note(NoteKind.CHARSET_SUPERSET, label, attempt.codec, where))
            if attempt.repaired:
                notes.append(ParseNote(NoteKind.ESCAPE_MISSING, where))
            return Decoded(attempt.text, attempt.codec, tuple(notes))
        guess = _guess(data)
        if attempt is None and (guess is None or guess.codec != "utf-8") and _looks_latin(data):
            # A UTF-8 or Japanese label on Western single-byte text.
            notes.append(_note(NoteKind.CHARSET_MISLABELLED, label, "cp1252", where))
            return Decoded(data.decode("cp1252"), "cp1252", tuple(notes))
        if guess is not None and (attempt is None or guess.score >= 0.8):
            notes.append(_note(NoteKind.CHARSET_MISLABELLED, label, guess.codec, where))
            if guess.repaired:
                notes.append(ParseNote(NoteKind.ESCAPE_MISSING, where))
            return Decoded(guess.text, guess.codec, tuple(notes))
        if attempt is not None:
            return Decoded(attempt.text, attempt.codec)
        return _last_resort(data, label, NoteKind.CHARSET_MISLABELLED, where, guess)

    if data.isascii() and not JIS_DESIGNATION.search(data):
        return Decoded(data.decode("ascii"), "us-ascii")
    guess = _guess(data)
    if guess is None or guess.codec not in ("utf-8", "cp50220"):
        almost = _mostly_utf8(data)
        if almost is not None:
            # UTF-8 with a byte or two broken (a subject cut mid-character, a stray byte): still
            # UTF-8, not Cyrillic or Shift_JIS mojibake of the whole text (issue 14).
            replaced = ParseNote(NoteKind.DECODE_REPLACED, f"{where}: utf-8" if where else "utf-8")
            return Decoded(almost, "utf-8", (_note(NoteKind.CHARSET_GUESSED, label, "utf-8", where), replaced))
    if (guess is None or guess.codec not in ("utf-8", "cp50220")) and _looks_latin(data):
        notes.append(_note(NoteKind.CHARSET_GUESSED, label, "cp1252", where))
        return Decoded(data.decode("cp1252"), "cp1252", tuple(notes))
    if guess is not None and (guess.score >= 0.5 or guess.codec in ("utf-8", "cp50220")):
        notes.append(_note(NoteKind.CHARSET_GUESSED, label, guess.codec, where))
        if guess.repaired:
            notes.append(ParseNote(NoteKind.ESCAPE_MISSING, where))
        return Decoded(guess.text, guess.codec, tuple(notes))
    # Not convincingly Japanese: a European mail without a label, say.
    return _last_resort(data, label, NoteKind.CHARSET_GUESSED, where, guess, detect_first=True)


_EIGHT_BIT_RUN = re.compile(rb"[\x80-\xff]+")
_DESIGNATION = re.compile(rb"\x1b(?:\$[@B]|\$\([DOPQ]|\([BIJ])")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_jis(data: bytes) -> bool:
    """More JIS double-byte text than stray 8-bit bytes."""
    eight_bit = sum(len(m.group()) for m in _EIGHT_BIT_RUN.finditer(data))
    return len(JIS_DESIGNATION.findall(data)) * 4 >= eight_bit


def _mostly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 when all but a few of its 8-bit bytes are well-formed UTF-8, else None."""
    good = len(_UTF8_SEQUENCE.findall(data))
    if good < 3:
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text if bad <= max(1, good // 10) else None


def _eight_bit_run(run: bytes, family: str) -> str:
    codecs_to_try = ["utf-8"] if family == "utf8" else []
    codecs_to_try += ["cp932", "cp1252"]
    for codec in codecs_to_try:
        try:
            text = run.decode(codec)
        except UnicodeDecodeError:
            continue
        if not any("\ue000" <= ch <= "\uf8ff" for ch in text):  # cp932 maps a lone 0xA0 to private use
            return text
    return run.decode("cp1252", errors="replace")


def _jis_with_8bit(data: bytes, family: str) -> str:
    """ISO-2022-JP with 8-bit runs in it: each 7-bit stretch read as JIS in the mode the text was
    in, each 8-bit run on its own."""
    out: list[str] = []
    position = 0
    prefix = b""
    for match in _EIGHT_BIT_RUN.finditer(data):
        stretch = data[position : match.start()]
        out.append(decode_iso2022jp_repairing(prefix + stretch, "replace")[0])
        escapes = _DESIGNATION.findall(stretch)
        if escapes:
            prefix = b"" if escapes[-1] in (b"\x1b(B", b"\x1b(J") else escapes[-1]
        out.append(_eight_bit_run(match.group(), family))
        position = match.end()
    out.append(decode_iso2022jp_repairing(prefix + data[position:], "replace")[0])
    return "".join(out)


def _suspicious(family: str, data: bytes, text: str) -> bool:
    """A strict success that is still probably wrong (the label lies)."""
    if family == "jis":
        return False
    if JIS_DESIGNATION.search(data) and data.isascii():
        return True  # ISO-2022-JP escapes behind a us-ascii/utf-8/latin label
    if family.startswith("codec:") and not data.isascii():
        # Single-byte labels decode anything; check whether the bytes are
        # really UTF-8 or Japanese before trusting them.
        guess = _guess(data)
        return guess is not None and (guess[1] == "utf-8" or _looks_japanese(guess[0]))
    return False


def _last_resort(
    data: bytes,
    label: str,
    kind: NoteKind,
    where: str,
    guess: _Guess | None,
    detect_first: bool = False,
) -> Decoded:
    if guess is not None and not detect_first:
        return Decoded(guess[0], guess[1], (_note(kind, label, guess[1], where),))
    detected = _detect(data)
    if detected is not None:
        try:
            text = data.decode(detected)
            return Decoded(text, detected, (_note(kind, label, detected, where),))
        except (UnicodeDecodeError, LookupError):
            pass
    if guess is not None:
        return Decoded(guess[0], guess[1], (_note(kind, label, guess[1], where),))
    # Nothing decodes cleanly: keep the candidate that loses the fewest bytes.
    candidates: list[tuple[int, str, str]] = []
    for codec in ("utf-8", "cp932", "euc_jp"):
        text = data.decode(codec, errors="replace")
        candidates.append((text.count("\ufffd"), codec, text))
    if JIS_DESIGNATION.search(data):
        text, _ = decode_iso2022jp(data, errors="replace")
        candidates.append((text.count("\ufffd"), "cp50220", text))
    if detected is not None:
        try:
            text = data.decode(detected, errors="replace")
            candidates.append((text.count("\ufffd"), detected, text))
        except LookupError:
            pass
    _, codec, text = min(candidates, key=lambda c: c[0])
    replaced = ParseNote(NoteKind.DECODE_REPLACED, f"{where}: {codec}" if where else codec)
    notes = (_note(kind, label, codec, where), replaced)
    return Decoded(text, codec, notes)
