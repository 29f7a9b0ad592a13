"""From a passage of a sent reply to a snippet: what was this customer's becomes a placeholder.

「定型文にする」 takes words the shop already sent and makes them reusable for the
next customer. Nothing of the first customer may travel with them, so, in this
order, each becomes a placeholder of the pack's syntax (`app.snippets.PLACEHOLDERS`):

- topics the window already knows for the mail it answered (`known_topics`, the
  `{topic}` phrases `situation.slot_values` made from the customer's highlights);
- order and reservation numbers → `{order}`;
- products: a name in 「」, a name with its code (ネイビーのレースドレス（D-2418）),
  a 「商品：」 line, a bare code; found in the whole reply and its subject, replaced
  wherever they stand in the passage → `{product}`;
- dates, days and times of day (11月14日（金）の14時, 15日（土）) → `{date}`;
- the customer's name (from the reply's To, in any of its forms) and any other person
  Sudachi tags as a proper noun of a person → `{customer}`, except the shop's own
  people where they introduce themselves (担当の三浦と申します) → `{staff}`;
- what the customer told (the situation lexicon's people and life events:
  大学時代のご友人のご結婚, お母様のリハビリ, 結婚5年目) → `{topic}`;
- any number left (9号, 105cm, 4,800円) → `{number}`.

`guess_situation` names the pack situation and highlight kinds the passage answers,
so the new snippet is offered where it fits; the dialog lets the agent change both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.model import Highlight, HighlightKind
from app.snippets.situation import PERSON_HONORIFIC, Situation, classify


@dataclass(frozen=True, slots=True)
class Replaced:
    original: str
    placeholder: str  # a name of app.snippets.PLACEHOLDERS


@dataclass(frozen=True, slots=True)
class Generalized:
    text: str
    replaced: tuple[Replaced, ...]


_DIGIT = "0-9０-９"
_WEEKDAY = r"(?:[（(][月火水木金土日](?:曜日?)?[)）])"
_TIME = (rf"(?:[{_DIGIT}]{{1,2}}[:：][{_DIGIT}]{{2}}|[{_DIGIT}]{{1,2}}時(?:[{_DIGIT}]{{1,2}}分|半)?)"
         r"(?:頃|ごろ|以降|まで)?")
_PART_OF_DAY = r"(?:の?(?:午前|午後|夕方|朝|昼|夜|夕刻|正午)(?:中)?)"
_DATE = re.compile(
    rf"(?:(?:[{_DIGIT}]{{4}}年)?[{_DIGIT}]{{1,2}}月[{_DIGIT}]{{1,2}}日{_WEEKDAY}?"
    rf"|[{_DIGIT}]{{4}}/[{_DIGIT}]{{1,2}}/[{_DIGIT}]{{1,2}}{_WEEKDAY}?"
    rf"|(?<![{_DIGIT}/])[{_DIGIT}]{{1,2}}/[{_DIGIT}]{{1,2}}{_WEEKDAY}?(?![{_DIGIT}/])"
    rf"|(?<![{_DIGIT}])[{_DIGIT}]{{1,2}}日{_WEEKDAY}"
    rf"|(?<![{_DIGIT}月])[{_DIGIT}]{{1,2}}日(?=は|に|の|まで|から|頃|ごろ|以降)"
    rf"|[{_DIGIT}]{{1,2}}月(?:上旬|中旬|下旬|末|初め|頃|ごろ))"
    rf"(?:{_PART_OF_DAY}?(?:の|、)?{_TIME}|{_PART_OF_DAY})?(?:頃|ごろ)?"
)
_ORDER = re.compile(
    r"((?:ご?注文|ご?予約|受付|伝票|お問い?合わせ|お?問合せ|追跡)(?:番号|No\.?|ＮＯ)\s*[：:は]?\s*)"
    r"([A-Za-z0-9０-９Ａ-Ｚ][A-Za-z0-9０-９Ａ-Ｚ\-－]{2,})"
    r"|[#＃][0-9０-９]{4,}"
)
_CODE = r"[A-Za-zＡ-Ｚ]{1,4}[-－]?[0-9０-９]{2,6}"
_NAME_WITH_CODE = re.compile(
    rf"((?:[ァ-ヶー一-龥A-Za-z0-9・]+の)?[ァ-ヶー一-龥A-Za-z0-9・]+)[（(]{_CODE}[)）]")
_BARE_CODE = re.compile(rf"(?<![A-Za-z0-9]){_CODE}(?![A-Za-z0-9])")
_QUOTED = re.compile(r"[「『]([^」』。、！？\n]{2,30})[」』]")
_PRODUCT_LINE = re.compile(r"(?:商品|品名|商品名)\s*[：:]\s*([^\s　\n]+(?:[ 　][^\s　\n]+)*)")
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
_HONORIFIC = r"[ 　]*(?:様|さま|さん|殿)"

_PEOPLE = "|".join(sorted(set(PERSON_HONORIFIC.values()), key=len, reverse=True))
_LIFE = (r"ご結婚(?:記念日)?|ご婚約|ご誕生|ご出産|お誕生日|ご入学|ご卒業|ご卒園|ご入園|ご就職|ご合格|ご昇進|ご成人|"
         r"ご入院|ご退院|ご回復|ご快復|ご療養|ご通院|おけが|お怪我|ご妊娠|リハビリ|手術|骨折|"
         r"[^\s、。のをがはにへと]{0,4}アレルギー|還暦|古希|喜寿|米寿|七五三")
_TOPIC = re.compile(
    rf"(?:[ァ-ヶー一-龥]{{1,8}}の)?(?:{_PEOPLE})の(?:{_LIFE})"
    rf"|結婚[{_DIGIT}一二三四五六七八九十]+(?:年目|周年)(?:の[ァ-ヶー一-龥]{{1,8}})?"
    rf"|(?<![ァ-ヶー一-龥])(?:{_LIFE})"
)
_NUMBER = re.compile(
    rf"[{_DIGIT}][{_DIGIT},，.．]*\s*(?:号|cm|ｃｍ|センチ|mm|ｍｍ|kg|ｋｇ|キロ|g|ｇ|円|個|点|枚|本|箱|名|様分|人分|"
    rf"年目|周年|時間|時|分|日間|週間|か月|ヶ月|カ月|%|％|歳|才)?"
)


def _replace(text: str, pattern: re.Pattern[str], placeholder: str, found: list[Replaced],
             group: int = 0) -> str:
    def swap(match: re.Match[str]) -> str:
        whole = match.group(0)
        part = match.group(group) if group else whole
        if part is None:
            part, group_start = whole, match.start()
        else:
            group_start = match.start(group) if group else match.start()
        found.append(Replaced(part, placeholder))
        offset = group_start - match.start()
        return whole[:offset] + "{" + placeholder + "}" + whole[offset + len(part):]

    return pattern.sub(swap, text)


def _replace_words(text: str, words: Iterable[str], placeholder: str, found: list[Replaced]) -> str:
    for word in sorted({w for w in words if w and len(w) >= 2}, key=len, reverse=True):
        if word in text:
            found.append(Replaced(word, placeholder))
            text = text.replace(word, "{" + placeholder + "}")
    return text


def products_in(*texts: str) -> list[str]:
    """Product names a reply (and its subject) names, longest form first."""
    names: list[str] = []
    for text in texts:
        names += [m.group(0) for m in _NAME_WITH_CODE.finditer(text)]
        names += [m.group(1) for m in _PRODUCT_LINE.finditer(text)]
        for match in _QUOTED.finditer(text):
            inside = match.group(1)
            # A name, not words someone said (「私のケーキだ」): mostly katakana, kanji or letters.
            if len(_HIRAGANA.findall(inside)) * 3 < len(inside) and not _DATE.search(inside):
                names.append(inside)
        names += [m.group(0) for m in _BARE_CODE.finditer(text)]
    return list(dict.fromkeys(names))


def _name_forms(customer: str) -> list[str]:
    """「小野寺 さやか」 → the full name with or without its space, the family name, the given name."""
    parts = [p for p in re.split(r"[\s　]+", customer.strip()) if p]
    if not parts:
        return []
    forms = [" ".join(parts), "　".join(parts), "".join(parts), *parts]
    return [f for f in dict.fromkeys(forms) if len(f) >= 2 or f == parts[0]]


# How the shop's own people are named in a reply: 「担当の三浦と申します」「三浦です」「店主　小林」.
_SIGNING_AFTER = re.compile(r"[ 　]*(?:と申します|です|でございます|より|が担当|が承り)")
_SIGNING_BEFORE = re.compile(r"(?:担当|店主|店長|スタッフ|担当者)(?:の|：|:|　| )?[ 　]*$")


def _people(text: str, customer_forms: Sequence[str], found: list[Replaced]) -> str:
    """Sudachi's person names: the shop's own people where they introduce or sign themselves → {staff};
    anyone else (the customer, their family: 「Merry Christmas ゆか」) → {customer}."""
    from app.analysis.tokenizer import tokenize

    tokens = tokenize(text)
    spans: list[tuple[int, int]] = []
    for token in tokens:
        if len(token.pos) > 3 and token.pos[1:3] == ("固有名詞", "人名") and token.pos[3] in ("姓", "名"):
            if spans and text[spans[-1][1]:token.start].strip(" 　") == "":
                spans[-1] = (spans[-1][0], token.end)  # 小野寺 さやか: one person
            else:
                spans.append((token.start, token.end))
    for start, end in reversed(spans):
        name = text[start:end]
        signing = _SIGNING_AFTER.match(text[end:]) is not None or _SIGNING_BEFORE.search(text[:start]) is not None
        placeholder = "staff" if signing and name not in customer_forms else "customer"
        found.append(Replaced(name, placeholder))
        text = text[:start] + "{" + placeholder + "}" + text[end:]
    return text


def generalize(
    passage: str,
    *,
    customer: str = "",
    reply_body: str = "",
    subject: str = "",
    known_topics: Sequence[str] = (),
    products: Sequence[str] = (),
) -> Generalized:
    """The passage with everything of this customer's replaced by placeholders, and what was replaced.

    `customer`: their name as the reply's To gives it (「小野寺 さやか」); `reply_body` and `subject`:
    the whole reply, where products are named that the passage may only mention again."""
    found: list[Replaced] = []
    text = passage
    text = _replace_words(text, known_topics, "topic", found)
    text = _replace(text, _ORDER, "order", found, group=2)
    text = _replace_words(text, [*products, *products_in(reply_body, subject, passage)], "product", found)
    text = _replace(text, _DATE, "date", found)
    forms = _name_forms(customer)
    for form in sorted(forms, key=len, reverse=True):
        pattern = re.compile(re.escape(form).replace(r"\ ", r"[ 　]*") + rf"(?={_HONORIFIC}|[のがはにへもと、。])")
        text = _replace(text, pattern, "customer", found)
    text = _replace(text, _TOPIC, "topic", found)
    text = _people(text, forms, found)
    text = re.sub(r"\{customer\}[ 　]+(?=様|さま|さん|殿)", "{customer}", text)  # 「小野寺 さやか 様」
    text = _replace(text, _NUMBER, "number", found)
    return Generalized(text, tuple(found))


_CONGRATULATE = re.compile(r"おめでとう|お祝い|お喜び|嬉しい|うれしい|素敵")
_CARE = re.compile(r"ご心配|ご不安|ご安心|お気遣い|ご無理|お大事|お祈り")


def guess_situation(text: str) -> tuple[str, tuple[HighlightKind, ...]]:
    """The pack situation a passage answers and the highlight kinds it is offered for."""
    kind = (HighlightKind.DISCLOSURE if _CONGRATULATE.search(text) or _TOPIC.search(text) or "{topic}" in text
            else HighlightKind.WORRY if _CARE.search(text) else HighlightKind.REQUEST)
    situation = classify(Highlight(kind, 0, len(text)), text)
    if kind is HighlightKind.DISCLOSURE and "おめでとう" in text and situation not in (
            Situation.OWN_CELEBRATION, Situation.CLOSE_CELEBRATION):
        # A congratulation is what the passage is for, whatever else it mentions (a party, a size).
        situation = Situation.CLOSE_CELEBRATION
    return situation.value, (kind,)


_SEPARATOR = re.compile(r"^(?:--\s*|[━─\-=＝_＿*＊~〜]{5,}.*)$")


def own_part(body: str) -> str:
    """A sent reply without its signature and the quoted mail: the shop's own words to start from."""
    kept: list[str] = []
    lines = body.splitlines()
    for number, line in enumerate(lines):
        if _SEPARATOR.match(line.strip()):
            break
        if line.startswith((">", "＞")):
            if kept and kept[-1].rstrip().endswith((":", "：")):
                kept.pop()  # 「2025年11月12日 小野寺 さやか <...>:」 introduces the quote
            continue
        if number + 1 < len(lines) and lines[number + 1].startswith(">") and line.rstrip().endswith((":", "：")):
            continue
        kept.append(line)
    return "\n".join(kept).strip()
