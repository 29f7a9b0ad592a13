"""The draft review: what a reply forgot (requests, disclosures, worries), its tone, its writing.

`review_draft(draft, mail_body, insight)` returns findings; `review()` also says
which mail-side checks did not apply. Pure Python: the composer runs it off
the GUI thread and the CLI runs it as `aizuchi review`.
"""

from __future__ import annotations

from app.review.review import Review, review, review_draft
from app.review.tokens import warm_up

__all__ = ["Review", "review", "review_draft", "warm_up"]
