"""The one text layer: Sudachi, tokens, sentences, and what is the writer's own text.

Analysis, review, the customer memory and the bench read Japanese text through this package:

- `sudachi`: the one dictionary (`dictionary()`), the analyser's compound tokenizer
  (`tokenize`, split mode C) and the short-unit one the review and the memory match meaning
  with (`tokenize_short`, mode A), both giving the one `Token`;
- `Sentence`: the one sentence type (offsets, text, tokens, paragraph);
- `mask`: quotes, signatures and formulas found once (`zones`, `quote_ranges` with its two
  named readings, `Reading.MAIL` and `Reading.DRAFT`) and masked one way (`blank`, `own_text`).

Where it sits (docs/ARCHITECTURE.md §2, the layers contract in pyproject.toml): above
`app.analysis`, because the hot parts — the Sudachi wrapper and `Token`, the line zoning, the
sentence splitter — are compiled with the analyser's mypyc build (app/analysis/_native), where
the per-token rules read them as native objects; below `app.review` and `app.customers`, which
import text only from here.
"""

from __future__ import annotations

from app.analysis.segment import Sentence
from app.text.mask import EVERY_ZONE, Reading, blank, own_text, quote_ranges, zones
from app.text.sudachi import Token, dictionary, tokenize, tokenize_short

__all__ = [
    "EVERY_ZONE",
    "Reading",
    "Sentence",
    "Token",
    "blank",
    "dictionary",
    "own_text",
    "quote_ranges",
    "tokenize",
    "tokenize_short",
    "zones",
]
