"""What every check reads: the draft split into the agent's own sentences, the mail, its highlights.

Quoted text never counts as the agent's words: `>` lines, the attribution line
just above them (「2026年11月9日(月) 8:02 <…>:」, 「… wrote:」) and anything
under an 「-----Original Message-----」 marker are masked out once here, so no
check can accidentally treat the customer's own words as an answer.
Offsets everywhere are offsets into the draft as the composer shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from app.model import Highlight, HighlightKind, Insight, ReplyStats
from app.review.tokens import Token, tokenize

_QUOTE_LINE = re.compile(r"^[ \t　]*[>＞]")
# Lines that introduce a quote: a date/address line ending in a colon, or a mailer's marker.
_ATTRIBUTION = re.compile(r"(wrote|書きました|のメッセージ|<[^>]*@[^>]*>|\d{1,2}:\d{2}).*[:：]\s*$", re.IGNORECASE)
_ORIGINAL_MARKER = re.compile(
    r"^\s*-{2,}\s*(Original Message|Forwarded message|転送されたメッセージ|元のメッセージ)", re.IGNORECASE
)
# A sentence ends at 。！？!? or a line break; trailing closers stay with it.
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*[」』）)]*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


def quoted_ranges(draft: str) -> list[tuple[int, int]]:
    """Ranges of the draft that quote earlier mail (quote lines and their attribution)."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for line in draft.splitlines(keepends=True):
        lines.append((offset, offset + len(line), line.rstrip("\r\n")))
        offset += len(line)
    quoted = [bool(_QUOTE_LINE.match(text)) for _, _, text in lines]
    for i, (_, _, text) in enumerate(lines):
        if _ORIGINAL_MARKER.match(text):
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


@dataclass
class ReviewContext:
    """The draft and, when there is one, the mail it answers with the analyser's highlights.

    `history` is our earlier replies to the same customer, oldest first, from the
    customer memory; the consistency checks compare the draft with them.
    """

    draft: str
    mail: str | None = None
    insight: Insight | None = None
    history: tuple[ReplyStats, ...] = ()
    _highlight_tokens: dict[int, tuple[Token, ...]] = field(default_factory=dict, repr=False)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        return quoted_ranges(self.draft)

    @cached_property
    def own_text(self) -> str:
        """The draft with quoted ranges blanked to newlines, so regex offsets stay draft offsets."""
        if not self.quoted:
            return self.draft
        chars = list(self.draft)
        for start, end in self.quoted:
            for i in range(start, end):
                chars[i] = "\n"
        return "".join(chars)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The agent's own sentences (quotes excluded), each tokenised once."""
        out = []
        for match in _SENTENCE.finditer(self.own_text):
            text = match.group()
            if not text.strip():
                continue
            out.append(Sentence(match.start(), match.end(), text, tokenize(text, match.start())))
        return tuple(out)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)

    @cached_property
    def stats(self) -> ReplyStats:
        """The draft's own length and warmth, measured as the memory measures sent replies."""
        from app.review.measure import measure_reply

        return measure_reply(self.draft)

    @property
    def has_mail(self) -> bool:
        return self.mail is not None and self.insight is not None

    def highlights(self, kind: HighlightKind) -> list[Highlight]:
        if self.insight is None:
            return []
        return [h for h in self.insight.highlights if h.kind is kind]

    def highlight_text(self, highlight: Highlight) -> str:
        return (self.mail or "")[highlight.start : highlight.end]

    def highlight_tokens(self, highlight: Highlight) -> tuple[Token, ...]:
        key = id(highlight)
        if key not in self._highlight_tokens:
            self._highlight_tokens[key] = tokenize(self.highlight_text(highlight), highlight.start)
        return self._highlight_tokens[key]

    def excerpt(self, start: int, end: int) -> str:
        return self.draft[start:end]
