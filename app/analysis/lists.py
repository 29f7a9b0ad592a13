"""Asked lists: the lines under 「以下の点を教えていただけますか」 are the customer's asks, one a line.

A customer with several questions often announces them and lists them, one a line, as bare noun
phrases (「・大ホールの空き状況」「・ピアノの使用料金」「一、納品までの日数」). The announcement is a preface
(`detectors.request.preface`: highlighting it would have the review ask the agent to answer an
announcement), and an item carries no ask form of its own, so no rule hears it — and the review would
never notice that the reply skipped the second item. Each item is an ask the reply must answer: it is
marked as a request whose cue names the announcement.

An announcement names a list (以下, 下記, 次の, いくつか, 三点…) and asks for something (教えて, お聞かせ,
伺いたい, ご回答, お願い, 求めます…). Its items are the lines right under it that start with a list mark
(・, -, ①, 1., （1）, 一、…), a blank line allowed between them. A line that reads like a form's field
(「・品名：…」, what a purchase order lists under 「下記の通りお願いいたします」) is data, not an ask, and
ends the list; an item that tells (ends in a predicate) or counts (ends in a quantity) is passed over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

_ANNOUNCES: Final = re.compile(
    r"以下|下記|次の|つぎの|いくつか|何点か|[0-9０-９一二三四五六七八九十]+(?:点|つ|項目|件)(?:ほど|について|を|、|ご|お|$)"
)
_ASKS: Final = re.compile(
    r"教え|お聞かせ|聞かせ|お知らせ(?:いただ|くださ|願)|伺い|伺え|うかがい|お尋ね|質問|ご回答|回答(?:を|いただ|くださ|願)"
    r"|ご教示|知りたい|ご相談|相談|お願い|求め|ご対応|ご検討"
)
_ITEM: Final = re.compile(
    r"[ \t　]*(?:[・\-－‐―●○■□◆◇◎※＊*]|[①-⑳]|[0-9０-９]{1,2}[.)．）、]|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]"
    r"|[一二三四五六七八九十][、.．）)]|[a-zａ-ｚA-ZＡ-Ｚ][.)．）])"
)
_FIELD: Final = re.compile(r"^[^：:]{1,20}[：:]\s*\S")  # 「品名：ボールペン」 after the mark
# An item that says something (ends in a predicate: 〜です, 〜おります, 〜ました) tells the circumstances the
# asks stand on (「・会員の中に車椅子の方が一名おります」); one that ends in a quantity is an order's line
# (「・焚き火台 4台」). Neither asks anything the reply must answer; an item that asks in words of its own
# (〜ですか, 〜ください) is the rules' to hear.
_TELLS: Final = re.compile(
    r"(?:です|ます|ました|ません|でした|ございます|おります|います|いる|ある|あり|ない|た|だ|ので|けど|が)[。．.！!]?\s*$"
)
_QUANTITY: Final = re.compile(r"[0-9０-９一二三四五六七八九十百千万]+\s*[^\s0-9０-９]{0,3}[。．.]?\s*$")


def announces_a_list(text: str, start: int = 0, end: int = -1) -> bool:
    """The sentence `text[start:end]` announces a list of asks (「以下の点を教えていただけますでしょうか」
    「次の二点をお願いします」). Searched in place: the analyser asks this of every sentence of the body."""
    if end < 0:
        end = len(text)
    return _ASKS.search(text, start, end) is not None and _ANNOUNCES.search(text, start, end) is not None


def starts_an_item(text: str) -> bool:
    """The line opens with a list mark (・, ①, 1., （1）, 一、…)."""
    return _ITEM.match(text) is not None


def after_mark(body: str, start: int) -> int:
    """Where an item's words begin: after its list mark (「①」「1.」「（1）」) and the spaces after it."""
    mark = _ITEM.match(body, start)
    end = mark.end() if mark is not None else start
    while end < len(body) and body[end] in " \t　":
        end += 1
    return end


def listed_items(body: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(index of the announcement, index of the item) for each sentence that is an item of an asked list.

    `sentences` are the (start, end) of the body's sentences in order, as the analyser reads them.
    """
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(sentences):
        start, end = sentences[k]
        if not announces_a_list(body, start, end):
            k += 1
            continue
        j = k + 1
        while j < len(sentences):
            item_start, item_end = sentences[j]
            if body.count("\n", sentences[j - 1][1], item_start) > 2:
                break  # more than one blank line: the list is over
            line_start = body.rfind("\n", 0, item_start) + 1
            if body[line_start:item_start].strip():
                break  # the item must open its line
            mark = _ITEM.match(body, item_start)
            said = body[mark.end() : item_end].strip() if mark is not None else ""
            if mark is None or _FIELD.match(said):
                break
            if not _TELLS.search(said) and not _QUANTITY.search(said):
                out.append((k, j))
            j += 1
        k = j
    return out
