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

from app.model import NoteKind, ParseNote

__all__ = [
    "Decoded",
    "decode_bytes",
    "decode_cp51932",
    "decode_iso2022jp",
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
    its CP932 code and decoded as CP932. `errors` is "strict" (raise
    UnicodeDecodeError) or "replace".
    """
    out: list[str] = []
    extended = False
    mode = "ascii"
    position = 0
    matches = list(_JIS_ESCAPE.finditer(data))
    bounds = [(m.start(), m.end(), m.group()) for m in matches]
    bounds.append((len(data), len(data), b""))
    for seq_start, seq_end, seq in bounds:
        extended |= _decode_run(data, position, seq_start, mode, out, errors)
        if seq:
            mode = _mode_after(seq, mode)
            if mode == "unknown":
                if errors == "strict":
                    raise UnicodeDecodeError("iso-2022-jp", data, seq_start, seq_end, "unsupported escape sequence")
                out.append("\ufffd")
                mode = "ascii"
            if mode in ("kana", "jisx0212", "jisx0213-1", "jisx0213-2"):
                extended = True
        position = seq_end
    return "".join(out), extended


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


def _decode_run(data: bytes, start: int, end: int, mode: str, out: list[str], errors: str) -> bool:
    if start >= end:
        return False
    if mode != "ascii":
        # RFC 1468: every line starts in ASCII. Mailers that forget the
        # ESC ( B before a newline are common, so a newline ends the run.
        newline = data.find(b"\n", start, end)
        if newline >= 0:
            extended = _decode_run(data, start, newline, mode, out, errors)
            _decode_run(data, newline, end, "ascii", out, errors)
            return extended
    if mode == "ascii":
        chunk = data[start:end]
        if chunk.isascii() and b"\x1b" not in chunk:
            out.append(chunk.decode("ascii"))
            return False
        for i in range(start, end):
            b = data[i]
            if b < 0x80 and b != 0x1B:
                out.append(chr(b))
            elif errors == "strict":
                raise UnicodeDecodeError("iso-2022-jp", data, i, i + 1, "8-bit byte or stray escape")
            else:
                out.append("\ufffd")
        return False
    if mode == "jisx0208":
        return _double_byte_run(data, start, end, out, errors, data)
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
        return True
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
    return True


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


def _strict(family: str, data: bytes) -> tuple[str, str, bool] | None:
    """Strictly decode with one family: (text, codec used, needed a superset)."""
    try:
        if family == "jis":
            text, extended = decode_iso2022jp(data)
            return text, "cp50220", extended
        if family in ("sjis", "cp932"):
            try:
                return data.decode("shift_jis"), "shift_jis", False
            except UnicodeDecodeError:
                # cp932 is a superset of what Shift_JIS labels carry in practice
                # (①, ～, NEC/IBM kanji); only a cp932 label makes it not a repair.
                return data.decode("cp932"), "cp932", family == "sjis"
        if family == "euc":
            try:
                return data.decode("euc_jp"), "euc_jp", False
            except UnicodeDecodeError:
                pass
            try:
                text, _ = decode_cp51932(data)
                return text, "cp51932", True
            except UnicodeDecodeError:
                return data.decode("euc_jis_2004"), "euc_jis_2004", True
        if family == "utf8":
            return data.decode("utf-8-sig"), "utf-8", False
        if family == "ascii":
            return data.decode("ascii"), "us-ascii", False
        if family.startswith("codec:"):
            codec = family[6:]
            return data.decode(codec), codec, False
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


def _guess(data: bytes) -> tuple[str, str, bool, float] | None:
    """Best strict decoding among the Japanese candidates: (text, codec, superset, score)."""
    if data.isascii():
        if JIS_DESIGNATION.search(data):
            result = _strict("jis", data)
            if result is not None:
                return (*result, 1.0)
        return None
    if _strict("utf8", data) is not None:
        # Valid multi-byte UTF-8 is almost never an accident.
        return data.decode("utf-8-sig"), "utf-8", False, 1.0
    best: tuple[str, str, bool, float] | None = None
    for family in ("cp932", "euc"):
        result = _strict(family, data)
        if result is None:
            continue
        score, _ = _japanese_score(result[0])
        if best is None or score > best[3]:
            # A guess reports the superset it would have needed anyway: "cp932", not "shift_jis".
            used = "cp932" if result[1] == "shift_jis" else result[1]
            best = (result[0], used, False, score)
    return best


def _detect(data: bytes) -> str | None:
    """charset_normalizer's opinion on a sample, as a Python codec name."""
    try:
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

    if family not in ("none", "unknown"):
        attempt = _strict(family, data)
        if attempt is not None and not _suspicious(family, data, attempt[0]):
            text, used, superset = attempt
            if superset:
                notes.append(_note(NoteKind.CHARSET_SUPERSET, label, used, where))
            return Decoded(text, used, tuple(notes))
        guess = _guess(data)
        if guess is not None and (attempt is None or guess[3] >= 0.8):
            notes.append(_note(NoteKind.CHARSET_MISLABELLED, label, guess[1], where))
            return Decoded(guess[0], guess[1], tuple(notes))
        if attempt is not None:
            return Decoded(attempt[0], attempt[1])
        return _last_resort(data, label, NoteKind.CHARSET_MISLABELLED, where, guess)

    if data.isascii() and not JIS_DESIGNATION.search(data):
        return Decoded(data.decode("ascii"), "us-ascii")
    guess = _guess(data)
    if guess is not None and (guess[3] >= 0.5 or guess[1] in ("utf-8", "cp50220")):
        notes.append(_note(NoteKind.CHARSET_GUESSED, label, guess[1], where))
        return Decoded(guess[0], guess[1], tuple(notes))
    # Not convincingly Japanese: a European mail without a label, say.
    return _last_resort(data, label, NoteKind.CHARSET_GUESSED, where, guess, detect_first=True)


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
    guess: tuple[str, str, bool, float] | None,
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
