"""The review's checks, one module each; `MAIL_CHECKS` then `DRAFT_CHECKS` is the order `review.py` runs them in.

Each module has `check(ctx) -> list[Finding]` and a docstring saying what the
user sees and why. How to add one: docs/ARCHITECTURE.md §10.
"""

from __future__ import annotations

from collections.abc import Callable

from app.model import Finding
from app.review.compiled import NATIVE, NATIVE_DIR

if NATIVE:  # the compiled copies of this package's checks (app/review/compiled.py)
    __path__.insert(0, str(NATIVE_DIR / "checks"))

from app.review.checks import (
    business_manner,
    conjunction_repeat,
    conjunctive_ga,
    double_negative,
    halfwidth_kana,
    ignored_disclosure,
    inuki,
    invisible_char,
    keigo_baito,
    keigo_direction,
    keigo_double,
    length_decline,
    long_sentence,
    lookalike,
    machine_dependent_char,
    max_ten,
    misused,
    particle_repeat,
    ranuki,
    redundant,
    refusal_without_alternative,
    sa_ire,
    sasete_overuse,
    style_mixed,
    tone_cold,
    tone_overfamiliar,
    typo,
    unacknowledged_worry,
    unanswered_request,
    unfilled_placeholder,
    warmth_decline,
)
from app.review.context import ReviewContext

Check = Callable[[ReviewContext], list[Finding]]

# Checks that need the customer's mail and its highlights.
MAIL_CHECKS: tuple[Check, ...] = (
    unanswered_request.check,
    ignored_disclosure.check,
    unacknowledged_worry.check,
)
# Checks on the draft alone (tone and writing): they run with or without a mail.
DRAFT_CHECKS: tuple[Check, ...] = (
    refusal_without_alternative.check,
    tone_cold.check,
    tone_overfamiliar.check,
    keigo_double.check,
    keigo_baito.check,
    keigo_direction.check,
    ranuki.check,
    sa_ire.check,
    inuki.check,
    style_mixed.check,
    redundant.check,
    particle_repeat.check,
    conjunctive_ga.check,
    conjunction_repeat.check,
    long_sentence.check,
    max_ten.check,
    typo.check,
    lookalike.check,
    double_negative.check,
    misused.check,
    sasete_overuse.check,
    business_manner.check,
    machine_dependent_char.check,
    invisible_char.check,
    halfwidth_kana.check,
    unfilled_placeholder.check,
    # Consistency with our earlier replies: they run only when the customer's history is given.
    length_decline.check,
    warmth_decline.check,
)
