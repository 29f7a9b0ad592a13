"""ranuki — ら抜き言葉 「『ら』が抜けています」.

The user sees a potential form of an ichidan or kuru verb without ら
(見れる, 来れます, 食べれない). In writing to a customer it reads as casual
speech. Found by morphology, not a word list: Sudachi gives the verb's
conjugation type, so 食べ + れる (ichidan + れる) is caught for any verb,
while 五段 + れる (読まれる, a passive) is left alone.
"""

from __future__ import annotations

from functools import lru_cache

from app.model import Finding, FindingKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.text import Token, tokenize_short

_ICHIDAN = ("上一段", "下一段", "カ行変格")
# What follows a potential's stem (覚えれ|ます, 見れ|ない, 来れ|た); never ば, the conditional's own.
_AFTER_POTENTIAL = frozenset({"ます", "ない", "ませ", "た", "て", "る", "なかっ", "ず", "なく", "ませんでし"})


@lru_cache(maxsize=4096)
def _is_ichidan(base: str) -> bool:
    tokens = tokenize_short(base)
    return len(tokens) == 1 and tokens[0].ctype.startswith(_ICHIDAN)


def _finding(start: int, end: int, stem: str, rest: str) -> Finding:
    said = messages.say(messages.RANUKI, stem=stem)
    return messages.finding(FindingKind.RANUKI, Severity.WARNING, start, end, said, stem + "ら" + rest)


def check(ctx: ReviewContext) -> list[Finding]:
    out = []
    for sentence in ctx.sentences:
        tokens: tuple[Token, ...] = sentence.tokens
        for i, token in enumerate(tokens):
            if token.main != "動詞":
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            # ichidan verb + the auxiliary れる: 食べ|れる
            if (
                token.ctype.startswith(_ICHIDAN)
                and nxt is not None
                and nxt.main == "助動詞"
                and nxt.lemma == "れる"
                and nxt.surface.startswith("れ")
            ):
                out.append(_finding(token.start, nxt.end, token.surface, nxt.surface))
                continue
            # 覚えれます: Sudachi reads an ichidan verb's ら抜き potential as its conditional (覚えれ|ば); a
            # conditional form not followed by ば is the potential with ら dropped.
            if (
                token.ctype.startswith(_ICHIDAN)
                and token.cform.startswith("仮定形")
                and token.surface.endswith("れ")
                and nxt is not None
                and nxt.surface != "ば"
                and nxt.main in ("助動詞", "助詞")
                and nxt.surface in _AFTER_POTENTIAL
            ):
                stem = token.surface[:-1]
                out.append(_finding(token.start, token.end, stem, "れ"))
                continue
            # Sudachi lists some ら抜き forms as words: 見れ (lemma 見れる, normalized 見る).
            # 帰れる (normalized 帰る) is a correct godan potential, hence the base's own type.
            base = token.norm
            # The listed form is the base with る → れる (見る → 見れる); しれる (知れる) and くれる (呉れる)
            # differ from their normalized form only in spelling and are no ら抜き.
            if token.lemma == base[:-1] + "れる" and _is_ichidan(base):
                stem = token.surface[: len(token.lemma) - 2]
                if token.surface[len(stem) :].startswith("れ"):
                    out.append(_finding(token.start, token.end, stem, token.surface[len(stem) :]))
    return out
