"""unanswered_request — 「ご質問・ご要望にお答えしていない可能性があります」.

The user sees the customer's request (highlighted in the mail) that the draft
never answers or acts on. A clear "no" is an answer too; whether it is
acceptable is `refusal_without_alternative`'s job. A request counts as answered
when one of these holds:

- by meaning: the content words of its last clause (the ask itself, not the
  reason before 「〜のですが、」) appear in the agent's own sentences, directly or
  as a paraphrase; when that clause points back (「その金額も教えてください」),
  the whole request is matched instead;
- by commitment: a sentence of the agent's commits to act (〜いたします,
  承ります, 承知いたしました, お取り置きします) and shares a word with the request
  (「2個お取り置きいたします」 for 「あったら2個欲しいです」);
- by a promise to tell: the customer asks to be told (お知らせ・ご連絡・教えて)
  and the agent promises to (「決まり次第ご連絡いたします」) about the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.model import Finding, FindingKind, HighlightKind, Severity
from app.review import messages
from app.review.context import ReviewContext
from app.review.meaning import Key, keys, matched_weight
from app.review.rules import end_of_own_text
from app.review.tokens import Token

# The agent commits to do something: humble 〜いたします, 承ります, acceptance of the ask.
COMMITMENT = re.compile(
    r"(?:いたし|致し|させていただき|申し上げ|差し上げ)ます(?!か)|承ります|承りました|承れます|承知(?:いたし|しました)|"
    r"かしこまりました|(?:お|ご)[一-龥ぁ-ん]{1,6}(?:します|しますね)(?!か)"
)
# Set phrases that end a mail politely and commit to nothing.
NOT_COMMITMENT = re.compile(
    r"(?:お|ご)?願い(?:いたし|致し|申し上げ)ます|お待ち(?:いたし|致し|して|申し上げ|し)[^。！？]*"
)
# The customer asks to be told; the agent promises to tell.
ASK_TO_TELL = re.compile(r"知らせ|連絡|教え|報告|返事|返信")
PROMISE_TO_TELL = re.compile(
    r"(?:お知らせ|ご連絡|ご報告|ご案内|お伝え|ご返信|お返事)(?:いたし|致し|します|申し上げ|差し上げ|を差し上げ)"
)
# Words in the ask that point back at the clause before it.
_ANAPHORA = frozenset({"その", "それ", "そちら", "其の", "其れ", "其方", "これ"})


def core_keys(tokens: tuple[Token, ...]) -> list[Key]:
    """Keys of the clause after the request's last 、, or of the whole request when that says nothing."""
    last_comma = max((i for i, t in enumerate(tokens) if t.surface in ("、", "，", ",")), default=-1)
    clause = tokens[last_comma + 1 :]
    core = keys(clause)
    if sum(k.weight for k in core) >= 1.0 and not any(t.surface in _ANAPHORA for t in clause):
        return core
    return keys(tokens)


def is_answered(span_keys: list[Key], pool: set[str]) -> bool:
    found, total = matched_weight(span_keys, pool)
    if total == 0:
        return True  # nothing to look for: do not accuse the draft on a guess
    return found >= 1.0 and (found >= 2.0 or found / total >= 0.5)


@dataclass(frozen=True, slots=True)
class _Act:
    """An own sentence that commits to act or promises to tell, with the words it is about."""

    promises_to_tell: bool
    pool: frozenset[str]


def commitments(ctx: ReviewContext) -> list[_Act]:
    """The agent's sentences that commit to something (「〜いたします」「ご連絡いたします」)."""
    out = []
    for sentence, sentence_keys in zip(ctx.sentences, ctx.sentence_keys, strict=True):
        text = NOT_COMMITMENT.sub("", sentence.text)
        promise = bool(PROMISE_TO_TELL.search(text))
        if promise or COMMITMENT.search(text):
            out.append(_Act(promise, frozenset(form for key in sentence_keys for form in key.forms)))
    return out


def _committed(acts: list[_Act], request_keys: list[Key], request_text: str) -> bool:
    """Whether a sentence of the agent's commits to act (or to tell) on this request."""
    asks_to_tell = bool(ASK_TO_TELL.search(request_text))
    for act in acts:
        promise = asks_to_tell and act.promises_to_tell
        found, _total = matched_weight(request_keys, act.pool)
        if found >= (0.5 if promise else 1.0):
            return True
    return False


def answered(
    ctx: ReviewContext,
    tokens: tuple[Token, ...],
    text: str,
    acts: list[_Act] | None = None,
    request_keys: list[Key] | None = None,
) -> bool:
    """Whether the draft answers or acts on the request made of these tokens."""
    if is_answered(core_keys(tokens), ctx.pool):
        return True
    whole = keys(tokens) if request_keys is None else request_keys
    return _committed(commitments(ctx) if acts is None else acts, whole, text)


def check(ctx: ReviewContext) -> list[Finding]:
    if not ctx.has_mail:
        return []
    at = end_of_own_text(ctx)
    acts = commitments(ctx)
    out = []
    for highlight in ctx.highlights(HighlightKind.REQUEST):
        asked = ctx.highlight_text(highlight)
        if answered(ctx, ctx.highlight_tokens(highlight), asked, acts, ctx.highlight_keys(highlight)):
            continue
        out.append(
            messages.finding(
                FindingKind.UNANSWERED_REQUEST,
                Severity.WARNING,
                at,
                at,
                messages.say(messages.UNANSWERED_REQUEST, asked=asked),
                "",
                highlight,
            )
        )
    return out
