"""Re-exports: the review's Sudachi access moved to the text layer (`app.text.sudachi`).

Kept so code written against this module (other branches, scripts) still imports; new code
imports `app.text`. `tokenize` here is the short-unit tokenizer, `app.text.tokenize_short`.
"""

from __future__ import annotations

from app.text.sudachi import Token as Token
from app.text.sudachi import clear_cache as clear_cache
from app.text.sudachi import dictionary_words as dictionary_words
from app.text.sudachi import tokenize_short as tokenize
from app.text.sudachi import warm_up as warm_up

__all__ = ["Token", "clear_cache", "dictionary_words", "tokenize", "warm_up"]
