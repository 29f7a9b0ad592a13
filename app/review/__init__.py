"""The draft review: what a reply forgot (requests, disclosures, worries), its tone, its writing.

`review_draft(draft, mail_body, insight)` returns findings; `review()` also says
which mail-side checks did not apply. `reply_answers(request, reply)` is the meaning
match the customer memory uses on sent replies; `app.review.meaning` (keys, paraphrase
families, `core_keys`, `is_answered`) is public for the same reason. Plain typed Python (its hot modules also
compiled, below): the composer runs it off the GUI thread and the CLI runs it as `aizuchi review`.
"""

from __future__ import annotations

from pathlib import Path

from app import native

# The review's hot modules, compiled with mypyc by `scripts/build_native.py` (as the analyser's are) into
# `_native/` and used only when its stamp matches these sources (`app.native`). Chosen by profile: the two
# mail-side checks that weigh every draft sentence against every ask and disclosure, their meaning match and
# regex gate. A module listed here keeps no functools.cached_property in its classes (mypyc's classes have no
# instance dict for it), and `checks/` finds its compiled copies through `NATIVE_DIR / "checks"`.
NATIVE_MODULES = (
    "gate", "meaning", "rules", "checks/ignored_disclosure", "checks/refusal_without_alternative",
    "checks/unacknowledged_worry", "checks/unanswered_request",
)
PACKAGE_DIR = Path(__file__).resolve().parent
NATIVE_DIR: Path = PACKAGE_DIR / "_native"
NATIVE: bool = native.wanted() and native.is_current(NATIVE_DIR, PACKAGE_DIR, NATIVE_MODULES)
if NATIVE:
    __path__.insert(0, str(NATIVE_DIR))

from app.review.review import Review, ReviewStopped, reply_answers, review, review_draft  # noqa: E402
from app.text.sudachi import warm_up  # noqa: E402

__all__ = ["NATIVE", "Review", "ReviewStopped", "reply_answers", "review", "review_draft", "warm_up"]
