"""Line-level zoning: quoted earlier mails, signatures and the address block at the top.

These parts are not the customer's new words, so they are returned as zones for
the reader to dim and are never searched for highlights. Greeting and closing
formulas are sentence-level and live in `formulas.py`.

Rules, in order of precedence:
- an attribution line (Outlook's -----Original Message----- or a From:/差出人: header
  block, Gmail's 「2026年10月3日(土) 14:02 名前 <addr>:」, 「On … wrote:」, 「〇〇様が書きました:」,
  a forwarded-message banner) starts a quote that runs to the end of the body,
  because everything under it is the earlier thread;
- `>` / `＞` lines are quotes wherever they are (interleaved replies);
- a `-- ` line, or a rule line (━━━, ＝＝＝, ―――, ***) followed by a contact-like
  block, starts a signature; so does a trailing block of contact lines
  (〒, TEL, URL, mail, company, a bare name);
- a contact form's pasted fields that hold bare facts (【お名前】…, 電話番号：…) are a field
  zone, while its free-text fields (【お問い合わせ内容】 and the lines under it) stay the
  customer's words; a rule line above such a form does not start a signature;
- short honorific address lines at the very top (「〇〇様」「ご担当 水野様」 and the
  shop-name line just above them) are a formula.
"""

from __future__ import annotations

import re
from typing import Final

from app.analysis.lists import announces_a_list, starts_an_item
from app.analysis.tokenizer import tokenize
from app.model import Zone, ZoneKind


class Line:
    """One line of the body (a plain class, not a dataclass: mypyc builds it natively)."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start: int = start
        self.end: int = end  # without the line break
        self.text: str = text

    def __repr__(self) -> str:
        return f"Line({self.start!r}, {self.end!r}, {self.text!r})"


def split_lines(body: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in body.split("\n"):
        text = raw.rstrip("\r")
        lines.append(Line(pos, pos + len(text), text))
        pos += len(raw) + 1
    return lines


_QUOTE_LINE: Final = re.compile(r"^\s*[>＞|｜]")
_QUOTE_CHARS: Final = frozenset(">＞|｜")
_ATTRIBUTION: Final = [
    re.compile(r"^\s*-{2,}\s*(Original Message|Forwarded message|元のメッセージ|転送メッセージ|転送された?メッセージ)"
               r".*-{2,}\s*$", re.IGNORECASE),
    re.compile(r"^\s*[-=]{2,}.*転送.*[-=]{2,}\s*$"),
    re.compile(r"^\s*(Begin forwarded message|転送メッセージ)\s*[:：]?\s*$", re.IGNORECASE),
    re.compile(r"^\s*On\s.+\swrote\s*:\s*$", re.IGNORECASE),
    re.compile(r"^.{1,80}\swrote\s*:\s*$", re.IGNORECASE),
    re.compile(r"^.{1,80}(様|さん|氏)?が書きました\s*[:：]?\s*$"),
    re.compile(r"^\s*\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?.*<[^<>\s]+@[^<>\s]+>.*[:：]\s*$"),
    re.compile(r"^\s*\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?.{0,60}[:：]\s*$"),
]
# One pattern for all of them: a line is tried once, not eight times (none has a letter
# whose case matters, so IGNORECASE on all is harmless).
_ATTRIBUTION_ANY: Final = re.compile("|".join(f"(?:{p.pattern})" for p in _ATTRIBUTION), re.IGNORECASE)
# Every quote-start pattern below needs one of these (an attribution, a From:/差出人: header,
# an underscore rule, a wrapped Gmail line): most lines have none and skip five regexes.
_QUOTE_HINTS: Final = (":", "：", "--", "_", "転送", "書きました", "orwarded", "ORWARDED")
_GMAIL_WRAPPED: Final = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*\d{1,2}:\d{2}")
_WRAPPED_END: Final = re.compile(r">\s*[:：]\s*$")
_HEADER_FROM: Final = re.compile(r"^\s*(From|差出人|送信者|送信元)\s*[:：]", re.IGNORECASE)
_HEADER_OTHER: Final = re.compile(r"^\s*(Sent|Date|To|Cc|Subject|送信日時|日時|日付|宛先|件名|CC)\s*[:：]",
                                  re.IGNORECASE)
_UNDERSCORE_RULE: Final = re.compile(r"^\s*_{8,}\s*$")

_SIG_DASH: Final = re.compile(r"^--\s?$")
_RULE_CHARS: Final = set("━─―—-=＝_＿*＊~〜～・■□◆◇●○☆★◎※+＋#＃/／")
# The address part starts after a non-address character and is bounded, so a line of
# 200,000 letters is scanned once, not once per starting position.
_CONTACT: Final = re.compile(
    r"(〒|\bTEL\b|\bTel\b|\bFAX\b|\bFax\b|電話\s*[:：]|携帯\s*[:：]|ＴＥＬ|ＦＡＸ|https?://|www\.|"
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,100}|E-?mail|Mail\s*[:：]|メール\s*[:：]|営業時間|定休日|住所\s*[:：])",
    re.IGNORECASE,
)
_COMPANY: Final = re.compile(r"(株式会社|有限会社|合同会社|（株）|\(株\)|\bInc\.|Co\.,? ?Ltd)")
_HONORIFIC_END: Final = re.compile(r"(様|さま|サマ|御中|殿|さん|各位|ご担当者?様?|担当者様)\s*[、,：:]?\s*$")
_SENTENCE_END: Final = re.compile(r"[。！？!?]")
# A pasted form field: 【label】value, or label：value with a short label.
_FIELD: Final = re.compile(r"^\s*(?:【([^】]{1,20})】|[■◆●◇□・]?\s*([^\s：:。、「」]{1,16})\s*[：:])")
_FACT_LABELS: Final = (
    "名前", "氏名", "フリガナ", "ふりがな", "メール", "アドレス", "電話", "TEL", "Tel", "ＴＥＬ", "携帯", "住所",
    "郵便番号", "〒", "注文番号", "注文日", "会員番号", "受付番号", "種別", "件名", "会社名", "法人名", "団体名",
    "部署", "役職", "性別", "年齢", "年代", "生年月日", "商品名", "品番", "型番", "数量", "連絡方法", "都道府県",
    "URL", "送信日時", "IPアドレス", "ブラウザ", "購入日", "購入店舗", "店舗", "ご利用日", "予約番号", "人数",
    "番号", "日時", "届け先", "伝票", "金額", "合計", "支払", "配送方法", "お届け日",
)
_FREE_LABELS: Final = (
    "内容", "質問", "要望", "備考", "メッセージ", "相談", "詳細", "本文", "コメント", "意見", "用件", "その他",
    "お問い合わせ", "お問合せ", "問い合わせ",
)


def _field_label(text: str) -> str:
    m = _FIELD.match(text) if ("：" in text or ":" in text or "【" in text) else None
    return (m.group(1) or m.group(2) or "") if m else ""


def _fact_field(text: str) -> bool:
    """A pasted form line that holds a bare fact (【お名前】山田, 電話番号：090…), not free text."""
    label = _field_label(text)
    return bool(label) and any(w in label for w in _FACT_LABELS) and not label.endswith(_FREE_LABELS)


def _free_field(text: str) -> bool:
    label = _field_label(text)
    return bool(label) and label.endswith(_FREE_LABELS)


def _is_rule(text: str) -> bool:
    s = text.strip()
    if not s or s[0] not in _RULE_CHARS:
        return False  # most lines: the first character already says no
    return len(s) >= 5 and all(c in _RULE_CHARS or c.isspace() for c in s) and len(set(s) - {" ", "　"}) <= 3


def _nounish(text: str) -> bool:
    """A line with no predicate: only nouns, names, particles, symbols (a name or company line)."""
    toks = tokenize(text)
    if not toks:
        return False
    return all(t.main in ("名詞", "接頭辞", "接尾辞", "空白", "補助記号", "記号", "助詞", "代名詞") for t in toks)


def _contact_like(text: str) -> bool:
    s = text.strip()
    if not s:
        return False
    if _is_rule(s):
        return True
    if _SENTENCE_END.search(s) and len(s) > 30:
        return False  # a sentence that happens to mention a company or a phone
    if _CONTACT.search(s) or (_COMPANY.search(s) and not _SENTENCE_END.search(s)):
        return True
    # A bare name or department line: short, no sentence punctuation, no predicate.
    return len(s) <= 24 and not _SENTENCE_END.search(s) and _nounish(s)


def _quote_start(lines: list[Line]) -> int:
    """Index of the first line of the trailing quoted thread, or len(lines)."""
    for i, line in enumerate(lines):
        text = line.text
        if not any(hint in text for hint in _QUOTE_HINTS):
            continue
        if _ATTRIBUTION_ANY.match(text):
            return i
        if _HEADER_FROM.match(text):
            following = [ln.text for ln in lines[i + 1 : i + 5]]
            if any(_HEADER_OTHER.match(t) for t in following):
                return i
        if _UNDERSCORE_RULE.match(text) and i + 1 < len(lines) and _HEADER_FROM.match(lines[i + 1].text):
            return i
        # Gmail wraps a long attribution: 「2026年10月3日(土) 14:02 名前 <」 + 「addr>:」.
        if _GMAIL_WRAPPED.match(text) and i + 1 < len(lines) and _WRAPPED_END.search(lines[i + 1].text):
            return i
    return len(lines)


def _signature_start(lines: list[Line], stop: int) -> int:
    """Index of the first signature line before `stop`, or `stop`."""
    for i in range(stop):
        if lines[i].text.startswith("--") and _SIG_DASH.match(lines[i].text):
            return i
    # A rule line followed, within a few lines, by contact-like lines, near the end.
    for i in range(stop):
        if not _is_rule(lines[i].text):
            continue
        rest = [ln.text for ln in lines[i + 1 : stop] if ln.text.strip()]
        if not rest or len(rest) > 14:
            continue
        head = rest[:6]
        if any(_free_field(t) for t in rest):
            continue  # a contact form between rules: its free text is the customer's
        if any(_contact_like(t) and not _is_rule(t) for t in head):
            return i
    # A trailing block of contact lines (and the blank lines between them).
    j = stop
    found = 0
    while j > 0:
        text = lines[j - 1].text
        if not text.strip():
            j -= 1
            continue
        if _contact_like(text):
            j -= 1
            found += 1
            continue
        break
    if found:
        while j < stop and not lines[j].text.strip():
            j += 1
        if j < stop and starts_an_item(lines[j].text) and _announced(lines, j):
            return stop  # the asked list a mail ends on (「以下の点を教えてください」 then 「①納期」…), no signature
        return j
    return stop


def _announced(lines: list[Line], first: int) -> bool:
    """The last line with words before `first` announces a list of asks (app/analysis/lists.py)."""
    for line in reversed(lines[:first]):
        if line.text.strip():
            return announces_a_list(line.text)
    return False


def _address_end(lines: list[Line], stop: int) -> int:
    """Number of leading lines that are an address block (「〇〇様」 and the shop line above it)."""
    idx = [i for i in range(min(stop, 6)) if lines[i].text.strip()]
    last = -1
    for pos, i in enumerate(idx[:4]):
        text = lines[i].text.strip()
        if len(text) > 40 or _SENTENCE_END.search(text):
            break
        if _HONORIFIC_END.search(text) and _nounish(text):
            last = i
            continue
        nxt = idx[pos + 1] if pos + 1 < len(idx) else None
        if (nxt is not None and _HONORIFIC_END.search(lines[nxt].text.strip())
                and _nounish(text) and _nounish(lines[nxt].text.strip())):
            continue
        break
    return last + 1


def _span(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """Offsets from the start of line `first` to the end of line `last` (inclusive)."""
    return lines[first].start, lines[last].end


def find_zones(body: str) -> tuple[list[Zone], list[Line]]:
    """Line-level zones and the lines that remain the customer's own text."""
    lines = split_lines(body)
    zones: list[Zone] = []
    quote = _quote_start(lines)
    # Trim trailing blank lines from the new-text region before looking for a signature.
    content_end = quote
    while content_end > 0 and not lines[content_end - 1].text.strip():
        content_end -= 1
    sig = _signature_start(lines, content_end)
    top = _address_end(lines, sig)

    if top:
        zones.append(Zone(ZoneKind.FORMULA, *_span(lines, 0, top - 1)))
    kept: list[Line] = []
    for i in range(top, sig):
        line = lines[i]
        first = line.text[:1]
        if first and (first in _QUOTE_CHARS or first.isspace()) and _QUOTE_LINE.match(line.text):
            zones.append(Zone(ZoneKind.QUOTE, line.start, line.end))
        elif _fact_field(line.text):
            zones.append(Zone(ZoneKind.FIELD, line.start, line.end))
        else:
            kept.append(line)
    if sig < content_end:
        zones.append(Zone(ZoneKind.SIGNATURE, *_span(lines, sig, content_end - 1)))
    if quote < len(lines):
        last = len(lines) - 1
        while last > quote and not lines[last].text.strip():
            last -= 1
        zones.append(Zone(ZoneKind.QUOTE, *_span(lines, quote, last)))
    return _merge_adjacent(zones, body), kept


def _merge_adjacent(zones: list[Zone], body: str) -> list[Zone]:
    """Join zones of one kind separated only by line breaks (consecutive `>` lines)."""
    zones = sorted(zones, key=lambda z: z.start)
    out: list[Zone] = []
    for z in zones:
        if out and out[-1].kind == z.kind and not body[out[-1].end : z.start].strip():
            out[-1] = Zone(z.kind, out[-1].start, z.end)
        else:
            out.append(z)
    return out
