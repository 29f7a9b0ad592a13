"""sa_ire — さ入れ言葉 「余分な『さ』が入っています」.

The user sees a godan verb with an extra さ before せる (読まさせていただきます,
休まさせて): the causative of a godan verb is 〜せる (読ませて). Found by
morphology: a godan verb in its irrealis form followed by させる. サ行 godan
verbs (話させる) are correct and are not matched. Where Sudachi reads the
form as another verb (休まさせ as 休ます, 向かわさせ as 向かわす), a surface rule
catches it: a kanji, at most one kana of the stem, the godan irrealis kana, then
させ, when the godan verb (休む, 向かう) is a word.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.gate import gated
from app.text import tokenize_short

# Sudachi reads some of them as another verb (休まさせ → 休ます + せる): the surface rule
# catches those: a kanji, the godan irrealis kana (not さ), then させ.
_SURFACE = gated(re.compile(r"[\u4e00-\u9fff]([わかがたなばまら])(させ)(?=て|る|ます|ない|られ|ず)"))
# The same with one kana of the stem between (向かわさせ, 終わらさせ, 預からさせ): flagged only when the
# godan verb it comes from (向かう, 終わる) is a word, so 散らかさせ (散らかす) and 紛らわさせ stay.
_SURFACE_OKURI = gated(re.compile(r"[\u4e00-\u9fff]([ぁ-ゖ])([わかがたなばまら])(させ)(?=て|る|ます|ない|られ|ず)"))
_U_ROW = {"わ": "う", "か": "く", "が": "ぐ", "た": "つ", "な": "ぬ", "ば": "ぶ", "ま": "む", "ら": "る"}


@lru_cache(maxsize=1024)
def _godan(verb: str) -> bool:
    tokens = tokenize_short(verb)
    return (len(tokens) == 1 and tokens[0].main == "動詞" and tokens[0].ctype.startswith("五段")
            and tokens[0].ctype != "五段-サ行")


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for match in _SURFACE.finditer(ctx.own_text):
        start, end = match.start(), match.end()
        wrong = match.group()
        fixed = wrong[0] + match.group(1) + "せ"
        said = messages.say(messages.SA_IRE, fixed=fixed)
        out.append(messages.finding(FindingKind.SA_IRE, Severity.WARNING, start, end, said, fixed))
    for match in _SURFACE_OKURI.finditer(ctx.own_text):
        start, end = match.start(), match.end()
        stem = match.group()[:2]
        if not _godan(stem + _U_ROW[match.group(2)]):
            continue
        fixed = stem + match.group(2) + "せ"
        said = messages.say(messages.SA_IRE, fixed=fixed)
        out.append(messages.finding(FindingKind.SA_IRE, Severity.WARNING, start, end, said, fixed))
    seen = {(f.start, f.end) for f in out}
    for sentence in ctx.sentences:
        tokens = sentence.tokens
        for token, nxt in itertools.pairwise(tokens):
            if (
                token.main == "動詞"
                and token.ctype.startswith("五段")
                and token.ctype != "五段-サ行"
                and token.cform.startswith("未然形")
                and nxt.lemma == "させる"
                and nxt.surface.startswith("させ")
                and (token.start, nxt.end) not in seen
            ):
                fixed = token.surface + nxt.surface[1:]
                out.append(
                    messages.finding(
                        FindingKind.SA_IRE,
                        Severity.WARNING,
                        token.start,
                        nxt.end,
                        messages.say(messages.SA_IRE, fixed=fixed),
                        fixed,
                    )
                )
    return out
