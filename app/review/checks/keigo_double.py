"""keigo_double — 二重敬語 「敬語が重なっています」.

The user sees an honorific stacked on an honorific (おっしゃられる, ご覧になられる,
お越しになられる, 拝見させていただく). Customers read it as clumsy rather than
extra polite; the fix drops the second layer. The rule is general: an
honorific verb or お〜になる followed by the honorific 〜れる/〜られる, and a
humble verb followed by 〜させていただく.

The proofreader's rule: one honorific per verb. The potential of a 五段 honorific verb is no second
honorific (「冷やすとおいしく召し上がれます」「お車でもいらっしゃれます」): only 召し上がられる is stacked.
お/ご〜になられる (only なら + れる: the potential
ご利用になれます is correct), 尊敬語 verbs + れる/られる, humble verbs + させていただく, and a humble
verb given a second お (お承りいたしました, お申し上げます). お召し上がりになる and お伺いいたす are stacked
too but accepted by custom (文化庁「敬語の指針」): a note with the single form, not a warning.
させていただく stacked on the humble お〜する is the same (お送りさせていただきます → お送りいたします): read
from Sudachi (お + a verb's 連用形 + the auxiliary させる); お + a noun + する (お電話させて, お知らせさせて) stays.
"""

from __future__ import annotations

import re

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.review.rules import scan

# お/ご + stem + になられ… → お/ご + stem + にな…; 尊敬語 verbs + られ/れ → without it.
# (にな + れ is the potential なれる — ご利用になれます, お休みになれました — and correct: only なら + れる is stacked.)
_OTOSHOWS = re.compile(r"([おご御][\u3040-\u309f\u4e00-\u9fff]{1,6}?)にな(られ)(?=[るたてまずな])")
_HONORIFIC_VERB = gated(re.compile(
    # (召し上がれる, いらっしゃれる, おっしゃれる are the potential of a 五段 honorific verb: 「おいしく召し上がれます」
    # is right; only + られる is stacked. なされる stays: なさる's potential is なされる only in speech.)
    r"(おっしゃ|仰|召し上が|いらっしゃ)(られ)(?=[るたてまずな])|(なさ)(られ|れ)(?=[るたてまずな])|"
    # (お越しになれない is the potential: only なら + れる is stacked.)
    r"(お見えにな|お越しにな|お出でにな|おいでにな)(られ)(?=[るたてまずな])"
))
_HUMBLE_SASETE = re.compile(r"(拝見|拝読|拝聴|拝借|拝受|お伺い|伺わ|申し上げ|参ら|頂戴|承ら)(させて|せて)(いただ|頂)")
# お + a verb's stem + させていただく: the humble お〜する with させていただく stacked on it
# (お送りさせていただきます → お送りいたします, お待ちさせていただきます → お待ちいたします).
_O_SASETE = re.compile(r"(お(?:[\u4e00-\u9fff][ぁ-ゖ]{0,2}?){1,2}"
                       r"(?<=[\u4e00-\u9fffいきしちにひみりぎじびえけせてねべめれ]))"
                       r"させて(?:いただ|頂)(き|く|け|い)")
_O_SASETE_END = {"き": "いたし", "く": "いたす", "け": "いたせ", "い": "いたし"}
# ご + a humble kanji verb: 「ご拝読」「ご拝見」 stack two humble forms.
_GO_HAI = re.compile(r"ご(拝見|拝読|拝聴|拝受|拝借|拝察|拝顔|拝眉)")
_OUKAGAI = re.compile(r"お伺いさせていただ|お承り|お申し上げ")
_OUKAGAI_FIX = {"お伺いさせていただ": "伺", "お承り": "承り", "お申し上げ": "申し上げ"}
# Stacked, but accepted by custom (文化庁「敬語の指針」: お召し上がりになる, お伺いする, お伺いいたす):
# a careful writer may still prefer the single form, so they get a note, not a warning.
_CUSTOMARY = re.compile(r"お伺いいたし|お召し上がりにな")
_CUSTOMARY_FIX = {"お伺いいたし": "伺いいたし", "お召し上がりにな": "召し上がりにな"}


def _verb_then_saseru(ctx: ReviewContext, at: int) -> bool:
    """お at `at` + a verb's 連用形 + the auxiliary させる, as Sudachi reads it (お送り|させ, お待ち|させ).

    A noun after お (お電話, お知らせ, お手伝い) takes する + せる: the お there dresses a noun, not the
    humble お〜する, and お話しさせていただく is read the same way; those are left alone."""
    for sentence in ctx.sentences:
        if not sentence.start <= at < sentence.end:
            continue
        tokens = sentence.tokens
        i = next((k for k, t in enumerate(tokens) if t.start == at), -1)
        if i < 0:
            return False
        k = i + 1
        while k < len(tokens) and tokens[k].main == "動詞" and tokens[k].lemma != "する":
            k += 1
        return k > i + 1 and k < len(tokens) and tokens[k].main == "助動詞" and tokens[k].lemma == "させる"
    return False


def check(ctx: ReviewContext) -> list[Finding]:
    findings = scan(
        ctx,
        _OTOSHOWS,
        FindingKind.KEIGO_DOUBLE,
        Severity.WARNING,
        messages.say(messages.KEIGO_DOUBLE_O_NI_NARU),
        lambda m: m.group(1) + "にな",
    )
    findings += scan(
        ctx,
        _HONORIFIC_VERB,
        FindingKind.KEIGO_DOUBLE,
        Severity.WARNING,
        lambda m: messages.say(messages.KEIGO_DOUBLE_HONORIFIC, word=m.group(1) or m.group(3) or m.group(5)),
        lambda m: m.group(1) or m.group(3) or m.group(5),
    )
    humble = {"拝見": "拝見し", "拝読": "拝読し", "拝聴": "拝聴し", "拝借": "拝借し", "拝受": "拝受し",
              "お伺い": "伺い", "伺わ": "伺い", "申し上げ": "申し上げ", "参ら": "参り", "頂戴": "頂戴し",
              "承ら": "承り"}
    findings += scan(
        ctx,
        _HUMBLE_SASETE,
        FindingKind.KEIGO_DOUBLE,
        Severity.WARNING,
        lambda m: messages.say(messages.KEIGO_DOUBLE_HUMBLE, word=m.group(1)),
        lambda m: humble[m.group(1)],
        group=0,
    )
    findings += scan(
        ctx,
        _OUKAGAI,
        FindingKind.KEIGO_DOUBLE,
        Severity.WARNING,
        messages.say(messages.KEIGO_DOUBLE),
        lambda m: _OUKAGAI_FIX[m.group()],
    )
    findings += scan(
        ctx,
        _CUSTOMARY,
        FindingKind.KEIGO_DOUBLE,
        Severity.INFO,
        messages.say(messages.KEIGO_DOUBLE_CUSTOMARY),
        lambda m: _CUSTOMARY_FIX[m.group()],
    )
    findings += [f for f in scan(
        ctx,
        _O_SASETE,
        FindingKind.KEIGO_DOUBLE,
        Severity.WARNING,
        lambda m: messages.say(messages.KEIGO_DOUBLE_HUMBLE, word=m.group(1)),
        lambda m: m.group(1) + _O_SASETE_END[m.group(2)],
    ) if not any(g.start <= f.start < g.end for g in findings) and _verb_then_saseru(ctx, f.start)]
    findings += scan(
        ctx,
        _GO_HAI,
        FindingKind.KEIGO_DOUBLE,
        Severity.WARNING,
        lambda m: messages.say(messages.KEIGO_DOUBLE_HUMBLE_PREFIX, word=m.group(1)),
        lambda m: m.group(1),
    )
    return findings
