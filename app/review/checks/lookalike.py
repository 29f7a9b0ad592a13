"""lookalike — 形の似た文字の取り違え 「カタカナと漢字を取り違えていませんか」.

The user sees a katakana typed where a kanji of the same shape belongs, or the
reverse, inside one word: 入カ (入力), 出ロ (出口), エ事 (工事), ニ日 (二日),
タ方 (夕方), 店舗ヘ (へ), 力ード (カード), 口ゴ (ロゴ), 工プロン (エプロン),
二ット (ニット), 夕オル (タオル), メ一ル (メール). Such slips come from IME
conversion and pass a quick read because the glyphs look alike.

A character is flagged only when the word it sits in, with the look-alike put
back, is a word of Sudachi's dictionary and the text as written is not
(口コミ is a word as written; 3カ所 and 6ヶ月 are counters). A kanji look-alike
followed by a long-vowel mark or a small katakana (二ーハイ, 力ュー) is flagged even
when the katakana word is not in the dictionary: no kanji is ever followed by
one. The fix is the word with the right character. A dash typed for the long-vowel mark after a
katakana sound (トップペ－ジ, メ-ル) is flagged when the word with ー is a dictionary word.
So is 一 ending a katakana word before a kana or a mark (メニュ一も → メニュー), when the word with ー is
a dictionary word; before a kanji it is a numeral (ケーキ一個) and stays.
"""

from __future__ import annotations

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.text.sudachi import dictionary_words

KATAKANA_FOR_KANJI = {"カ": "力", "ロ": "口", "エ": "工", "ニ": "二", "タ": "夕", "ハ": "八", "オ": "才", "ト": "卜",
                      "ー": "一"}
KANJI_FOR_KATAKANA = {"力": "カ", "口": "ロ", "工": "エ", "二": "ニ", "夕": "タ", "一": "ー", "八": "ハ", "才": "オ",
                      "卜": "ト"}
_COUNTER_AFTER = set("所月国条年ヶ")
# Dashes that look like the long-vowel mark ー (full-width hyphen-minus, minus, hyphen, en/em dash).
_DASHES = set("－−‐-–—―")
# Kanji that also look like a small katakana (工/ェ in チェック).
_SMALL = {"工": "ェ"}
# Marks that only ever follow a katakana (or hiragana) sound, never a kanji.
_KATAKANA_ONLY_AFTER = set("ーァィゥェォャュョヮ")  # not ッ: 八ッ橋
_COUNTERS = set("月日週年回人個枚時分本冊台名点倍割")
_NUMERALS = set("0123456789０１２３４５６７８９一二三四五六七八九十百数何")


def _kanji(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or ch in "々〆")  # "" (the text's edge) is no kanji


def _katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "ー"


def _hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096"


def _run(text: str, i: int, *, kanji: bool) -> tuple[int, int]:
    """The run of kanji (or of katakana) around position i, the character at i included."""
    test = _kanji if kanji else _katakana
    start = i
    while start > 0 and test(text[start - 1]):
        start -= 1
    end = i + 1
    while end < len(text) and test(text[end]):
        end += 1
    return start, end


def _word_at(text: str, i: int) -> tuple[int, int, bool] | None:
    """Sudachi's word covering position i of `text`."""
    for start, end, oov in dictionary_words(text):
        if start <= i < end:
            return start, end, oov
    return None


def _known(text: str, i: int) -> bool:
    """Whether the character at i belongs to a dictionary word of two or more characters."""
    word = _word_at(text, i)
    return word is not None and not word[2] and word[1] - word[0] >= 2


def _word_length(text: str, i: int) -> int:
    """Length of the dictionary word covering position i (0 when it is no known word)."""
    word = _word_at(text, i)
    return word[1] - word[0] if word is not None and not word[2] else 0


def _finding(start: int, end: int, fixed: str, wrong: str, right: str) -> Finding:
    said = messages.say(messages.LOOKALIKE_CHAR, wrong=wrong, right=right)
    return messages.finding(FindingKind.LOOKALIKE_CHAR, Severity.WARNING, start, end, said, fixed)


def _katakana_in_kanji(text: str, i: int) -> Finding | None:
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if _katakana(before) or _katakana(after):
        start, end = _run(text, i, kanji=False)
        if _known(text[start:end], i - start):
            return None  # part of a katakana word (カード, タオル)
    if ch == "カ" and before in _NUMERALS and after in _COUNTER_AFTER:
        return None  # 3カ所, 6カ月
    if ch == "オ" and before.isdigit():
        return _finding(i, i + 1, "才", "オ", "才")  # 5オ → 5才
    if not (_kanji(before) or _kanji(after)):
        return None
    kanji = KATAKANA_FOR_KANJI[ch]
    fixed_text = text[:i] + kanji + text[i + 1 :]
    start, end = _run(fixed_text, i, kanji=True)
    if end - start < 2:
        return None
    piece = fixed_text[start:end]
    # 二日, 八月: a numeral with its counter is no single dictionary word, but ニ or ハ before a counter is never right.
    counted = (ch == "ニ" and _kanji(after)) or (ch == "ハ" and after in _COUNTERS)
    if not counted and not _known(piece, i - start):
        return None
    return _finding(start, end, piece, text[start:end], piece)


def _kanji_in_katakana(text: str, i: int) -> Finding | None:
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not (_katakana(before) or _katakana(after)):
        return None
    if ch == "一" and not (_katakana(before) and (_katakana(after) or not _kanji(after))):
        return None  # 一ヶ月, 一コマ, ケーキ一個 (メニュ一も: a katakana word's end, judged by the dictionary below)
    if ch == "八" and after == "ッ":
        return None  # 八ッ橋, 八ッ場: the old spelling of a numeral with its つ
    if after in _KATAKANA_ONLY_AFTER and ch != "一":
        # 二ーハイ, 力ップ: no kanji is followed by a long-vowel mark or a small katakana, so the
        # character is the katakana it looks like, even when the word is not in the dictionary.
        start, end = _run(text, i, kanji=False)
        written = text[start:end]
        fixed = written[: i - start] + KANJI_FOR_KATAKANA[ch] + written[i - start + 1 :]
        return _finding(start, end, fixed, written, fixed)
    start, end = _run(text, i, kanji=False)
    written = text[start:end]
    if _known(written, i - start):
        return None  # 口コミ: a word as written
    fixed = written[: i - start] + KANJI_FOR_KATAKANA[ch] + written[i - start + 1 :]
    if ch in _SMALL:
        # チ工ック is チェック: the small kana when it makes the longer dictionary word.
        small = written[: i - start] + _SMALL[ch] + written[i - start + 1 :]
        if _word_length(small, i - start) >= max(1, _word_length(fixed, i - start)):
            fixed = small
    if not _known(fixed, i - start):
        return None
    return _finding(start, end, fixed, written, fixed)


def check(ctx: ReviewContext) -> list[Finding]:
    text = ctx.own_text
    out: list[Finding] = []
    for i, ch in enumerate(text):
        finding: Finding | None = None
        if ch in KATAKANA_FOR_KANJI:
            finding = _katakana_in_kanji(text, i)
        elif ch in KANJI_FOR_KATAKANA:
            finding = _kanji_in_katakana(text, i)
        elif ch in _DASHES and i > 0 and _katakana(text[i - 1]) and text[i - 1] != "ー":
            # A dash typed for the long-vowel mark after a katakana sound (トップペ－ジ, メ-ル).
            start, end = _run(text, i - 1, kanji=False)
            tail = i + 1
            while tail < len(text) and _katakana(text[tail]):
                tail += 1
            fixed = text[start:i] + "ー" + text[i + 1 : tail]
            if _known(fixed, i - start):
                finding = _finding(start, tail, fixed, text[start:tail], fixed)
        elif ch == "ヘ":
            # The particle へ typed in katakana: after a word, before kana or kanji that is not katakana.
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if (_kanji(before) or _hiragana(before)) and (_hiragana(after) or _kanji(after)):
                finding = _finding(i, i + 1, "へ", "ヘ", "へ")
        elif ch == "へ":
            # A hiragana へ opening a katakana word (へルプ).
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not (_kanji(before) or _katakana(before) or _hiragana(before)) and _katakana(after):
                end = i + 1
                while end < len(text) and _katakana(text[end]):
                    end += 1
                fixed = "ヘ" + text[i + 1 : end]
                if _known(fixed, 0):
                    finding = _finding(i, end, fixed, text[i:end], fixed)
        if finding is not None and not (out and out[-1].start == finding.start):
            out.append(finding)
    return out
