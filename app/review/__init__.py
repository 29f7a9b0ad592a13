"""The draft review: what a reply forgot (requests, disclosures, worries), its tone, its writing.

`review_draft(draft, mail_body, insight)` returns findings; `review()` also says
which mail-side checks did not apply. `reply_answers(request, reply)` is the meaning
match the customer memory uses on sent replies; `app.review.meaning` (keys, paraphrase
families, `core_keys`, `is_answered`) is public for the same reason. Plain typed Python (its hot modules also
compiled, below): the composer runs it off the GUI thread and the CLI runs it as `aizuchi review`.
"""

from __future__ import annotations

from app.review.compiled import NATIVE, NATIVE_DIR

if NATIVE:  # the compiled copies of the hot modules (app/review/compiled.py)
    __path__.insert(0, str(NATIVE_DIR))

from app.review.review import Review, ReviewStopped, reply_answers, review, review_draft
from app.text.sudachi import warm_up

__all__ = ["NATIVE", "Review", "ReviewStopped", "reply_answers", "review", "review_draft", "warm_up"]
