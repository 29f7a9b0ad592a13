"""tone_overfamiliar — 「お客様に対してなれなれしい表現があります」.

The user sees a representative casual sentence of the draft: タメ口 endings
(〜だよ, 〜よね, 〜かな, 〜じゃん), 「了解です」「オッケーです」, bare 「ありがとう」,
several emoji, 〜♪ or 〜〜, spoken contractions and slang (直しときます, こっち,
めちゃくちゃ), slang (めっちゃ, マジ) and polite words bent into slang (でーす,
よろしくです). 〜くださいね is
warm, not casual; 〜ですよね counts half, as chatty but polite. One stray
emoji is tolerated; together the signals must add up.
Only the agent's own text counts: emoji in the quoted customer mail do not.
At most one finding per draft, since tone concerns the reply as a whole.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.text import Sentence

_END = r"(?=[。！!？?…〜~ｗw♪☆★\s]|[\U0001F000-\U0001FAFF\u2600-\u27BF]|$)"
CASUAL_END = re.compile(
    r"(?:だよ|だよね|(?<!です)(?<!ます)よね|だね|じゃん|じゃない|かな|かなぁ|だし|でしょ|しよう|しようね|ちゃう|ちゃった|っす|なぁ|なあ|"
    r"わかる|分かる|してね|てね|るね|(?<!まし)(?<!でし)たね|(?<!ださ)(?<!下さ)いね|(?<!ださ)(?<!下さ)いよ|るよ|"
    r"(?<!まし)(?<!でし)たよ|"
    r"だ|だった|だろう|ないよ|だからね|もんね)" + _END
)
RYOKAI = re.compile(
    r"了解(?:です|！|!|〜)|りょうかい|おけ[ー〜]|OK(?:です)?[！!]|オッケー|オーケー|おっけー|ＯＫ(?:です)?[！!]"
)
# Casual words: spoken contractions (直しときます, 見ちゃいます), こっち・そっち, slang intensifiers.
CASUAL_WORD = re.compile(
    r"(?:し|っ|い|け|せ|て|め|べ|れ|え)とき(?:ます|まし)|(?:ん|い)どき(?:ます|まし)|ちゃい(?:ます|まし)|じゃい(?:ます|まし)|"
    r"(?<![ぁ-ん])(?:こっち|そっち|あっち|どっち)|めちゃくちゃ|超(?=[ぁ-ん]{2})|"
    r"全然(?:大丈夫|OK|オッケー|平気)|ですよ〜|ますよ〜|かもです|って感じ|どーも|うっす"
)
# 「ご不安ですよね」: polite, yet chatty; over-familiar only with another signal.
POLITE_YONE = re.compile(r"(?:です|ます)よね")
# Polite words bent into slang: でーす, まーす, ありがとうです, よろしくです.
BENT_POLITE = re.compile(r"(?:でー|まー)す|ですー|ますー|ありがとうです|よろしくです|お願いしまーす|"
                         r"めっちゃ|マジ(?!ック)|ぶっちゃけ|やばい|ヤバい|ヤバ(?=[いかくそ])|とりま")
BARE_THANKS = re.compile(r"ありがと(?:う)?(?!ござ|存)(?=[〜~！!♪。…\s]|[\U0001F000-\U0001FAFF\u2600-\u27BF]|$)")
EMOJI = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]")
WAVY = re.compile(r"[〜~]{2,}|[〜~][！!]|♪|[ｗw]{2,}|（笑）|\(笑\)")


def signals(sentence: Sentence) -> float:
    """How over-familiar one own sentence sounds (0 = not at all)."""
    text = sentence.text
    score = 2.0 * len(CASUAL_END.findall(text.replace("ございます", "")))
    score += 2.0 * len(RYOKAI.findall(text)) + 1.5 * len(BARE_THANKS.findall(text))
    score += 0.75 * len(EMOJI.findall(text)) + 0.75 * len(WAVY.findall(text))
    score += 1.0 * len(CASUAL_WORD.findall(text)) + 2.0 * len(BENT_POLITE.findall(text))
    score += 1.0 * len(POLITE_YONE.findall(text))
    return score


def is_overfamiliar(ctx: ReviewContext) -> bool:
    return sum(signals(s) for s in ctx.sentences) >= 2.0


def check(ctx: ReviewContext) -> list[Finding]:
    if not is_overfamiliar(ctx):
        return []
    worst = max(ctx.sentences, key=signals)
    text = worst.text.rstrip()
    start = worst.start + len(text) - len(text.lstrip())
    return [
        messages.finding(
            FindingKind.TONE_OVERFAMILIAR,
            Severity.WARNING,
            start,
            worst.start + len(text),
            messages.say(messages.TONE_OVERFAMILIAR),
            "",
        )
    ]
