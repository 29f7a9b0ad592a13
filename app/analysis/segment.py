"""Sentence segmentation with offsets, and clause splitting on Sudachi tokens.

Sentences end at 。！？!? (and runs of them), at line breaks, after emoji and
after laughing/crying marks (笑, (泣), w) that close a sentence in casual mail.
A 「…」 or （…） quotation is never cut in the middle, so 「目がそろってきたね」と褒めてくれました
stays one sentence. A line that ends with 、 continues on the next line (hard-wrapped mail), and so
does a line wrapped at its paragraph's width (`_wrapped`), even inside a word.

Clauses are cut after reason and explanation connectives (〜ので, 〜から, 〜ため,
〜のですが) and, when a 、 follows, after concessive (〜が, 〜けど, 〜のに), て-form
and 連用 (中止形) endings. Detection labels each clause, so a reason clause can be a
disclosure while the main clause is a request or a worry.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import Final

from app.analysis.formulas import is_formula
from app.analysis.lexicon import CLAUSE_EDGE
from app.analysis.tokenizer import Token
from app.analysis.zones import Line

_TERMINAL: Final = set("。！？!?｡")
_OPEN: Final = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "“": "”"}
_CLOSE: Final = set(_OPEN.values())
_LAUGH: Final = re.compile(r"(（笑）|\(笑\)|（泣）|\(泣\)|（汗）|\(汗\)|笑+|泣+|w{2,}|ｗ{2,})")


# Characters the sentence splitter acts on: brackets, terminals, laugh marks, and anything
# outside the ranges where `_is_emoji` is never true (ASCII to U+1FFF, kana, CJK, fullwidth forms;
# tests/unit/test_analysis_robust.py checks those ranges). `_next_special` finds them; this regex
# says the same and stays as its definition (tests/unit/test_analysis_speed.py compares the two
# on every code point).
_SPECIAL: Final = re.compile(
    "[" + re.escape("".join(_OPEN) + "".join(set(_OPEN.values())) + "".join(_TERMINAL) + "笑泣w") + "]"
    "|[^\x00-\u1fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffdf]"
)


def _next_special(text: str, i: int, end: int) -> int:
    """The first offset in [i, end) of a character `_SPECIAL` matches, or -1.

    Written out rather than `_SPECIAL.search`: the splitter asks this a few hundred times a
    mail, and each regex call (a method call and a match object) cost about as much as this
    loop's whole scan of a line; compiled, `ord(text[i])` and the comparisons run unboxed
    (0.5 M instructions less per 2,000-character mail).
    """
    while i < end:
        c = ord(text[i])
        if c < 0x2000:
            # ( ) ! ? w
            if c == 0x28 or c == 0x29 or c == 0x21 or c == 0x3F or c == 0x77:
                return i
        elif 0x3040 <= c <= 0x30FF or 0x3400 <= c <= 0x4DBF:
            pass
        elif 0x4E00 <= c <= 0x9FFF:
            if c == 0x7B11 or c == 0x6CE3:  # 笑 泣
                return i
        elif 0xFF01 <= c <= 0xFFDF:
            # ！ （ ） ？ ｡
            if c == 0xFF01 or c == 0xFF08 or c == 0xFF09 or c == 0xFF1F or c == 0xFF61:
                return i
        else:
            return i  # 「」『』【】“”。, emoji and every other symbol
        i += 1
    return -1


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or cp in (0x2B50, 0x2B55, 0x3030)
            or (unicodedata.category(ch) == "So" and cp > 0x2000 and ch not in "〒※"))


class Sentence:
    """One sentence: its offsets into the text, its text, its tokens once tokenised, its paragraph.

    The one sentence type (public as `app.text.Sentence`): the analyser's sentences of a mail
    (tokenised apart, `tokens` left empty) and the review's sentences of a draft (with their
    share of the draft's tokens). A plain class, not a dataclass: mypyc builds it natively.
    """

    __slots__ = ("end", "paragraph", "start", "text", "tokens")

    def __init__(self, start: int, end: int, text: str, tokens: tuple[Token, ...] = (), paragraph: int = 0) -> None:
        self.start: int = start
        self.end: int = end
        self.text: str = text
        self.tokens: tuple[Token, ...] = tokens
        self.paragraph: int = paragraph  # sentences separated by a blank line are in different paragraphs

    def __repr__(self) -> str:
        return f"Sentence({self.start!r}, {self.end!r}, {self.text!r}, paragraph={self.paragraph!r})"


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in " \t\r\n　":
        start += 1
    while end > start and body[end - 1] in " \t\r\n　":
        end -= 1
    return start, end


# A line ending in a particle or a comma cannot end a sentence: the mail was hard-wrapped.
_OPEN_ENDINGS: Final = tuple("、，,はがをにのへやともてで")
# 一、二、 number a list too, but 二、三日 is a count.
_LIST_MARK: Final = re.compile(r"^\s*([>＞・●■◆※\-*]|\d+[.)．）]|[①-⑳]"
                               r"|[一二三四五六七八九十]{1,2}[、．.）)](?![一二三四五六七八九十]))")


def _continues(rest: str) -> bool:
    if not rest.endswith(_OPEN_ENDINGS):
        return False
    return not is_formula(rest)  # こんにちは / こんばんは end in は and are whole sentences


def _continuation(next_line: str) -> bool:
    return bool(next_line.strip()) and not _LIST_MARK.match(next_line)


# A line wrapped by the mail client (or by hand, every ~35 characters) breaks anywhere, inside a
# word too (「心\n配」「間に合わ\nない」); such a line is as long as the other lines of its paragraph
# and ends on a letter, and the next line carries the sentence on. Short lines are real line
# breaks (lists, form fields, signatures, poem-like letters), and so is a paragraph that never
# ends a sentence with 。 (casual mail writes a sentence a line).
_WRAP_MIN_WIDTH: Final = 20  # display columns (a full-width character is two)
_WRAP_SHARE: Final = 0.7  # of the widest line of the paragraph
_FIELD_LABEL: Final = re.compile(r"^[^\s：:。、]{1,14}[：:]")
_QUESTION_ENDS: Final = ("ますか", "ですか", "でしょうか")
_POLITE_ENDS: Final = ("ます", "です", "ません", "ました", "でした")


def _kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def _width(text: str) -> int:
    """Display columns of `text`: ASCII and half-width forms one, everything else two."""
    n = 0
    for ch in text:
        c = ord(ch)
        n += 1 if c < 0x1100 or 0xFF61 <= c <= 0xFFDC else 2
    return n


def _paragraph_of(lines: list[Line], idx: int) -> tuple[int, int]:
    """The first and last index of the run of lines around `idx` with no blank or removed line between."""
    first = idx
    while first > 0 and lines[first - 1].text.strip() and lines[first - 1].end + 1 == lines[first].start:
        first -= 1
    last = idx
    while (last + 1 < len(lines) and lines[last + 1].text.strip()
           and lines[last].end + 1 == lines[last + 1].start):
        last += 1
    return first, last


def _wrapped(lines: list[Line], idx: int, rest: str) -> bool:
    """Line `idx` (whose unfinished sentence is `rest`) was wrapped: its sentence goes on on the next line.

    Heard when the paragraph is prose wrapped at a width: three lines or more, some sentence of it
    ending in 。, this line at least 70 % as wide as its widest line (and 20 columns), ending on a
    letter, and the next line right below it, neither indented nor a list item nor a form field.
    A line ending like a question or a polite sentence (〜ますか, 〜と思います, no 。) ends its
    sentence, unless the next line begins with a kana ending (〜てください\nました).
    """
    if not rest[-1].isalnum() or rest[-1] in "笑泣wｗ" or idx + 1 >= len(lines):
        return False  # 〜できません笑: a laugh mark closes a casual sentence
    line = lines[idx]
    nxt = lines[idx + 1]
    if line.end + 1 != nxt.start or not nxt.text or nxt.text[0] in " \t　" or not _continuation(nxt.text):
        return False
    if _FIELD_LABEL.match(nxt.text) or _FIELD_LABEL.match(line.text.strip()):
        return False
    if rest.endswith(_QUESTION_ENDS) or (rest.endswith(_POLITE_ENDS) and not _kana(nxt.text[0])):
        return False
    width = _width(line.text.strip())
    if width < _WRAP_MIN_WIDTH:
        return False
    first, last = _paragraph_of(lines, idx)
    if last - first < 2:
        return False
    widest = 0
    period = False
    for k in range(first, last + 1):
        text = lines[k].text.strip()
        widest = max(widest, _width(text))
        period = period or "。" in text
    return period and width >= _WRAP_SHARE * widest


def split_sentences(body: str, lines: list[Line]) -> list[Sentence]:
    """Sentences of the kept lines, with offsets into `body`."""
    out: list[Sentence] = []
    paragraph = 0
    prev_line_end = -1
    pending_start: int | None = None  # a sentence continuing from a line that ended with 、

    def emit(s: int, e: int) -> None:
        s, e = _trimmed(body, s, e)
        if e > s and any(c.isalnum() for c in body[s:e]):
            out.append(Sentence(s, e, body[s:e], (), paragraph))

    for idx, line in enumerate(lines):
        if not line.text.strip():
            if pending_start is not None:
                emit(pending_start, prev_line_end)
                pending_start = None
            paragraph += 1
            continue
        if prev_line_end >= 0 and body[prev_line_end:line.start].count("\n") > 1:
            paragraph += 1  # a zone or a removed line stood between: treat as a break
        start = line.start if pending_start is None else pending_start
        pending_start = None
        text = body
        i = line.start
        depth: list[str] = []
        while True:
            # Jump to the next character any rule below looks at (most characters are plain text).
            i = _next_special(text, i, line.end)
            if i < 0:
                break
            ch = text[i]
            if ch in _OPEN:
                depth.append(_OPEN[ch])
            elif depth and ch == depth[-1]:
                depth.pop()
            elif not depth and ch in _TERMINAL:
                j = i + 1
                while j < line.end and (text[j] in _TERMINAL or text[j] in _CLOSE or _is_emoji(text[j])):
                    j += 1
                emit(start, j)
                start = j
                i = j
                continue
            elif not depth and _is_emoji(ch):
                j = i + 1
                while j < line.end and (_is_emoji(ch := text[j]) or ch in "\ufe0f\u200d"):
                    j += 1
                if text[j:line.end].strip():
                    emit(start, j)
                    start = j
                i = j
                continue
            elif not depth and ch in "笑泣（(w":
                m = _LAUGH.match(text, i, line.end)
                # Only as a sentence end: after a predicate ending and before a space or the line end.
                if m and i > start and text[i - 1] in "すたねよなだいうしか" and (
                    m.end() == line.end or text[m.end()] in " 　"
                ):
                    emit(start, m.end())
                    start = m.end()
                    i = m.end()
                    continue
            i += 1
        rest = text[start:line.end].strip()
        if rest and ((_continues(rest) and idx + 1 < len(lines) and _continuation(lines[idx + 1].text))
                     or _wrapped(lines, idx, rest)):
            pending_start = start
        else:
            emit(start, line.end)
        prev_line_end = line.end
    if pending_start is not None:
        emit(pending_start, prev_line_end)
    return out


class Link(Enum):
    """How a clause hands over to the next one."""

    REASON = "reason"            # 〜ので / 〜から / 〜ため / 〜のですが (background)
    CONCESSIVE = "concessive"    # 〜が / 〜けど / 〜のに
    TE = "te"                    # 〜て、 / 連用中止 〜く、
    END = "end"                  # last clause of the sentence


class Clause:
    """Tokens of one clause and how it hands over to the next."""

    __slots__ = ("bits", "content", "end", "link", "start", "tokens")

    def __init__(self, start: int, end: int, tokens: tuple[Token, ...], link: Link, bits: int = -1,
                 content: tuple[Token, ...] = ()) -> None:
        self.start: int = start
        self.end: int = end
        self.tokens: tuple[Token, ...] = tokens
        self.link: Link = link
        # Every lexicon class bit of its words OR-ed together: a rule whose cue words are
        # absent is skipped with one integer test instead of a pass over the tokens.
        self.bits: int = bits
        # Its words without punctuation, spaces or laugh marks (the rules' usual view of it).
        self.content: tuple[Token, ...] = content

    def __repr__(self) -> str:
        return f"Clause({self.start!r}, {self.end!r}, {self.tokens!r})"


def _content(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.main not in ("補助記号", "空白")]


# Every surface a connective below can have; other tokens end a clause only as a 連用形 before 、.
_CONNECTIVE_SURFACES: Final = frozenset({"ので", "で", "から", "ため", "為", "が", "けど", "けれど", "けれども", "のに",
                                  "て", "ながら", "し"})
_CONJUGATING: Final = frozenset({"動詞", "形容詞", "助動詞"})
_TAME: Final = ("ため", "為")


def _connective(tokens: list[Token], i: int) -> Link | None:
    """What kind of clause ends at token i (inclusive), or None when it does not."""
    t = tokens[i]
    if (t.surface not in _CONNECTIVE_SURFACES and t.main not in _CONJUGATING
            and t.lemma not in _TAME and t.norm not in _TAME):
        return None
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    comma = nxt is not None and nxt.surface in ("、", "，", ",")
    # 〜ので: の (準体助詞) + で (助動詞だ 連用形), or the single 接続助詞 ので.
    if t.surface == "ので" and t.main == "助詞":
        return Link.REASON
    if (t.surface == "で" and t.main == "助動詞" and prev is not None and prev.surface in ("の", "ん")
            and (nxt is None or (nxt.main != "助動詞" and nxt.surface not in ("は", "も")))):
        return Link.REASON
    if t.surface == "から" and t.sub == "接続助詞":
        return Link.REASON
    if t.is_("ため", "為") and t.main == "名詞" and comma:
        return Link.REASON
    if t.sub == "接続助詞" and t.surface in ("が", "けど", "けれど", "けれども", "のに"):
        if prev is not None and prev.is_("です", "だ") and i >= 2 and tokens[i - 2].surface in ("の", "ん"):
            return Link.REASON  # 〜のですが: background that explains what follows
        return Link.CONCESSIVE if comma else None
    if not comma:
        return None
    if t.sub == "接続助詞" and t.surface in ("て", "で", "ながら", "し"):
        return Link.TE
    if t.surface == "で" and t.sub == "格助詞" and prev is not None and prev.main == "名詞":
        return Link.TE  # 「〜予定で、」「〜の都合で、」
    if t.main in ("動詞", "形容詞", "助動詞") and t.cform.startswith("連用形"):
        return Link.TE
    return None


_COMMAS: Final = ("、", "，", ",")


def split_clauses(tokens: list[Token]) -> list[Clause]:
    clauses: list[Clause] = []
    begin = 0
    depth = 0
    bits = 0  # class bits of the clause so far
    n = len(tokens)
    for i, t in enumerate(tokens):
        classes = t.classes
        bits |= classes
        if not classes & CLAUSE_EDGE:
            continue  # neither a bracket nor a word a clause can end at (most tokens)
        surface = t.surface
        if surface in _COMMAS:
            # A conjugating word (連用形) ends a clause only before a comma: looked at from
            # the comma, unless it is a connective already looked at on its own.
            k = i - 1
            if depth or k < begin:
                continue
            p = tokens[k]
            if (p.main not in _CONJUGATING or p.surface in _CONNECTIVE_SURFACES
                    or p.lemma in _TAME or p.norm in _TAME):
                continue
        else:
            if surface in _OPEN:
                depth += 1
            elif surface in _CLOSE:
                depth = max(0, depth - 1)
            if depth:
                continue
            k = i
        link = _connective(tokens, k)
        if link is None:
            continue
        end = k + 1
        while end < n and tokens[end].surface in _COMMAS:
            end += 1
        part = tokens[begin:end]
        if _content(part):
            clauses.append(Clause(part[0].start, part[-1].end, tuple(part), link, bits,
                                  tuple([t for t in part if t.content])))
            begin = end
            bits = 0
    part = tokens[begin:]
    if part:
        if _content(part) or not clauses:
            clauses.append(Clause(part[0].start, part[-1].end, tuple(part), Link.END, bits,
                                  tuple([t for t in part if t.content])))
        else:
            last = clauses[-1]
            merged = last.tokens + tuple(part)
            clauses[-1] = Clause(last.start, merged[-1].end, merged, Link.END, last.bits | bits,
                                 tuple([t for t in merged if t.content]))
    return clauses
