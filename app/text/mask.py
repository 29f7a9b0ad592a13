"""What is the writer's own text: quotes, signatures and formulas found once and masked one way.

Everyone who must not count quoted mail, a signature or a greeting formula as someone's
words asks here: the analyser's zones (`zones`, `find_zones`), the review's own sentences,
the memory's length and warmth of a reply and its nouns of a customer's mail, and the bench.
A masked text keeps every offset: what is left out is blanked to line breaks, so an offset
found in the masked text is an offset in the original.

Two readings of a quote, named because they really differ (`Reading`):

- `Reading.MAIL` — a mail that arrived, read by the analyser (`app/analysis/zones.py`): an
  attribution line (「On … wrote:」, 「2026年10月3日(土) 14:02 名前 <addr>:」, a From:/差出人:
  header block, -----Original Message-----) starts the earlier thread, which runs to the end
  of the body; `>` `＞` `|` `｜` lines are quotes wherever they are.
- `Reading.DRAFT` — a reply being written, read by the review: an attribution line quotes
  only the `>` block right under it, so an agent who answers between quoted lines
  (「> 送料はいくらですか」 then 「550円です」) keeps those answers as their own words; only a
  mailer's -----Original Message----- marker or a From:/差出人: header block runs to the end.
  Read as a mail, those inline answers would vanish and the review would accuse the draft of
  leaving the questions unanswered. On every review case in tests/data/review and the shared
  dev set the two readings mask the same characters (tests/unit/test_text_layer.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

from app.analysis.zones import Line, find_zones, split_lines
from app.model import Zone, ZoneKind

__all__ = [
    "EVERY_ZONE",
    "Line",
    "Reading",
    "blank",
    "find_zones",
    "own_text",
    "quote_ranges",
    "split_lines",
    "zones",
]

EVERY_ZONE = frozenset(ZoneKind)


class Reading(StrEnum):
    MAIL = "mail"    # an incoming mail, zoned as the analyser zones it
    DRAFT = "draft"  # a reply being written: an attribution quotes only the `>` block under it


def zones(text: str) -> list[Zone]:
    """The analyser's zones of `text`: quotes, signature, the address block at the top, form fields."""
    return find_zones(text)[0]


def blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` with every range replaced by as many line breaks: offsets stay the original's."""
    chars: list[str] | None = None
    for start, end in ranges:
        if chars is None:
            chars = list(text)
        chars[start:end] = "\n" * (end - start)
    return text if chars is None else "".join(chars)


def quote_ranges(text: str, reading: Reading = Reading.MAIL) -> list[tuple[int, int]]:
    """Ranges of `text` that quote earlier mail, as `reading` reads a quote (see the module's docstring)."""
    if reading is Reading.MAIL:
        return [(z.start, z.end) for z in zones(text) if z.kind is ZoneKind.QUOTE]
    return _draft_quotes(text)


def own_text(
    text: str,
    reading: Reading = Reading.MAIL,
    drop: Iterable[ZoneKind] = (ZoneKind.QUOTE, ZoneKind.SIGNATURE),
    found: Sequence[Zone] | None = None,
) -> str:
    """The writer's own words: `text` with the zones of the kinds in `drop` blanked out.

    `found` is zones already found for `text` (an `Insight`'s), so they are not found twice.
    A draft (`Reading.DRAFT`) has its quotes blanked first, as the review reads them, and is
    zoned after, so a quoted signature or address line is never taken for the agent's.
    """
    kinds = frozenset(drop)
    if reading is Reading.DRAFT:
        text = blank(text, _draft_quotes(text))
        found = None  # zones of the unmasked draft would not be the masked one's
    found = zones(text) if found is None else found
    return blank(text, ((z.start, z.end) for z in found if z.kind in kinds))


# -- the draft's reading --------------------------------------------------------------------------

_QUOTE_LINE = re.compile(r"^[ \t　]*[>＞]")
# Lines that introduce a quote: a date/address line ending in a colon, or a mailer's marker.
_ATTRIBUTION = re.compile(r"(wrote|書きました|のメッセージ|<[^>]*@[^>]*>|\d{1,2}:\d{2}).*[:：]\s*$", re.IGNORECASE)
_ORIGINAL_MARKER = re.compile(
    r"^\s*-{2,}\s*(Original Message|Forwarded message|転送されたメッセージ|元のメッセージ)", re.IGNORECASE
)
# An Outlook-style header block of the quoted mail: 「From: …」 then 「Sent:/To:/Subject:」 lines.
_HEADER_FROM = re.compile(r"^\s*(?:From|差出人|送信者)\s*[:：]", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*(?:Sent|Date|To|Cc|Subject|送信日時|日時|宛先|件名|CC)\s*[:：]", re.IGNORECASE)


def _draft_quotes(draft: str) -> list[tuple[int, int]]:
    """Ranges of a draft that quote earlier mail (quote lines and their attribution), line breaks included."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for line in draft.splitlines(keepends=True):
        lines.append((offset, offset + len(line), line.rstrip("\r\n")))
        offset += len(line)
    quoted = [bool(_QUOTE_LINE.match(text)) for _, _, text in lines]
    for i, (_, _, text) in enumerate(lines):
        header = _HEADER_FROM.match(text) and any(_HEADER_NEXT.match(line[2]) for line in lines[i + 1 : i + 5])
        if _ORIGINAL_MARKER.match(text) or header:
            for j in range(i, len(lines)):
                quoted[j] = True
            break
    # The attribution line: the last non-blank line before a block of quote lines.
    for i in range(len(lines)):
        if quoted[i] and (i == 0 or not quoted[i - 1]):
            j = i - 1
            while j >= 0 and not lines[j][2].strip():
                j -= 1
            if j >= 0 and not quoted[j] and _ATTRIBUTION.search(lines[j][2]):
                quoted[j] = True
    ranges: list[tuple[int, int]] = []
    for (start, end, _), is_quote in zip(lines, quoted, strict=True):
        if not is_quote:
            continue
        if ranges and ranges[-1][1] == start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges
