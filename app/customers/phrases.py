"""Short phrases made from what a customer told: the timeline line and the composer's reference.

「実は、妻が卵アレルギーで、結婚してから…」 with the topic 卵アレルギー becomes
「奥様が卵アレルギー」 on the timeline and 「以前お話しくださった奥様の卵アレルギーのこと」
for the composer. The customer's plain family words are turned into the
respectful forms a shop uses (妻 → 奥様, 娘 → 娘さん), because the phrase is
read by the agent and may go into a reply as is. Pure string work on the
customer's own words: no template invents anything they did not say.
"""

from __future__ import annotations

import re

# The customer's word for a relative → how the shop refers to them.
FAMILY_HONORIFIC: dict[str, str] = {
    "妻": "奥様", "家内": "奥様", "嫁": "奥様", "奥さん": "奥様",
    "夫": "ご主人", "主人": "ご主人", "旦那": "ご主人",
    "娘": "娘さん", "息子": "息子さん", "子供": "お子様", "子ども": "お子様", "子": "お子様",
    "母": "お母様", "父": "お父様", "両親": "ご両親", "母親": "お母様", "父親": "お父様",
    "祖母": "おばあ様", "祖父": "おじい様", "孫": "お孫さん",
    "姉": "お姉様", "兄": "お兄様", "妹": "妹さん", "弟": "弟さん", "家族": "ご家族",
}
_FAMILY = "|".join(sorted(FAMILY_HONORIFIC, key=len, reverse=True))
# A relative named as the subject or topic of the clause: 「妻が」「娘にも」「母は」.
_WHO = re.compile(rf"(?<![ぁ-んァ-ン一-龥])({_FAMILY})(?:にも|が|は|も|に|の)")
# Not inside a longer word (祖母, 父母): a kanji or katakana before it; kana is fine (先月から母が).
_PLAIN_FAMILY = re.compile(rf"(?<![ァ-ン一-龥])({_FAMILY})(?=[がはもにのと、]|$)")
_LEAD = re.compile(r"^(?:実は|じつは|また|ただ|でも|なお|それと|あと|私は|私が|わたしは|当方は|うちは)[、,\s]*")
# Clause endings that only connect to what follows (「〜でして、」「〜なので、」).
# 「〜なのですが」 as a whole: stripping 「のですが」 alone left 「身長が158cmな」 on the timeline.
_TAIL = re.compile(r"(?:まして|なもので|もので|なのですが|なんですが|なのですけど|なんだけど|なので|ので|のですが|"
                   r"んですが|ですが|けれど|けど|が|、)+$")
# A clause ending like these leans on the next one (「家に帰って箱を開けたとき」「大きな病気ではなく」):
# alone it says little, so the timeline shows the sentence's start instead.
_FRAGMENT = re.compile(
    r"(?:て|で|とき|時|ところ|なり|では|には|なく|ず|ながら|たら|れば|ると|から|ため|為|に|を|は|も|と|の)$")
_NOUN_DE = re.compile(r"(?<=[一-龥ァ-ヶー0-9０-９])で$")  # 「アレルギーで」 but not 「住んで」
_CLAUSE_END = frozenset("、，,。！？!?\n")
_OPEN = "「『（(【"
_CLOSE = "」』）)】"
MAX_CHARS = 24


def _breaks(text: str) -> list[int]:
    """Where `text` may be cut into clauses: each 、。！？ or line break outside 「…」 and （…）."""
    out: list[int] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch == "\n":
            out.append(i)
            depth = 0
        elif ch in _CLAUSE_END and depth == 0:
            out.append(i)
    return out


def _clauses(text: str) -> list[str]:
    """The clauses of `text`, cut at 、。！？ and line breaks — but not inside 「…」 or （…）:
    「一口食べて「ふわふわ！」と言った顔は」 is one clause, not 「一口食べて「ふわふわ」 and 「」と言った顔は」."""
    out: list[str] = []
    start = 0
    for i in _breaks(text):
        out.append(text[start:i])
        start = i + 1
    out.append(text[start:])
    return [c.strip() for c in out if c.strip()]


def _honorific(text: str) -> str:
    return _PLAIN_FAMILY.sub(lambda m: FAMILY_HONORIFIC[m.group(1)], text)


def _clause_with(text: str, topic: str) -> str:
    clauses = _clauses(text)
    if not clauses:
        return text.strip()
    # A verb topic is in its dictionary form (生まれる); the text conjugates it (生まれました).
    stem = topic[:-1] if len(topic) > 1 and "ぁ" <= topic[-1] <= "ん" else topic
    for needle in (topic, stem):
        for clause in clauses:
            if needle and needle in clause:
                return clause
    return clauses[0]


def _trim(clause: str) -> str:
    out = _NOUN_DE.sub("", _TAIL.sub("", clause))
    if out.endswith("おり"):  # 「住んでおりまして」 → 「住んでいます」
        out = out[:-2] + "います"
    elif out.endswith("があり"):  # 「卒業式があり、」 → 「卒業式があります」
        out += "ます"
    return out or clause


# The timeline wraps its lines, so a phrase may run longer than the composer's reference;
# when it must be cut, it is cut after a clause (「、」「。」), never inside a word.
SUMMARY_CHARS = 44


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SUMMARY_CHARS:
        return text.rstrip("、，,")
    cut = [i for i in _breaks(text) if i < SUMMARY_CHARS]  # `text` is on one line here
    if cut and cut[-1] >= 8:
        return text[: cut[-1]] + "…"
    return text[: SUMMARY_CHARS - 1] + "…"


def parts(text: str, topic: str) -> tuple[str, str]:
    """(who, what): 「妻が卵アレルギーで」 → ("奥様", "卵アレルギー"); who is "" when no relative is named."""
    clause = _LEAD.sub("", _clause_with(text, topic))
    match = _WHO.search(clause)
    if match and topic and topic in clause[match.end() :]:
        rest = clause[match.end() :]
        what = rest[: rest.index(topic) + len(topic)]
        return FAMILY_HONORIFIC[match.group(1)], what
    what = _honorific(_trim(clause))
    if len(what) > MAX_CHARS:
        what = what[: MAX_CHARS - 1] + "…"
    return "", what


def summary(text: str, topic: str) -> str:
    """The timeline phrase, in the customer's own words with family words made respectful:
    the clause that holds the topic when it stands on its own (「奥様が卵アレルギー」
    「吉祥寺に住んでいます」), else the start of what they wrote, shortened."""
    clause = _honorific(_trim(_LEAD.sub("", _clause_with(text, topic))))
    if len(clause) >= 6 and not _FRAGMENT.search(clause):
        return _shorten(clause)
    return _shorten(_honorific(_LEAD.sub("", text.strip())))


def reference_phrase(text: str, topic: str) -> str:
    """What the composer inserts to show we remember: 「以前お話しくださった奥様の卵アレルギーのこと」."""
    who, what = parts(text, topic)
    if who:
        return f"以前お話しくださった{who}の{what}のこと"
    return f"以前お話しくださった「{what}」のこと"


_CARE = re.compile(r"アレルギ|アトピー|体質|持病|入院|病気|けが|怪我|妊娠|介護|通院|体調")


def reference_sentence(text: str, topic: str) -> str:
    """The finished sentence the composer inserts: 「以前お話しくださった奥様の卵アレルギーのこと、
    今回もしっかり心に留めてご用意いたします。」 (a health matter) or 「…のこと、よく覚えております。」."""
    phrase = reference_phrase(text, topic)
    if _CARE.search(phrase):
        return f"{phrase}、今回もしっかり心に留めてご用意いたします。"
    return f"{phrase}、よく覚えております。"
