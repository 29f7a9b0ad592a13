"""What the review keeps between runs and how it runs must never change what it finds.

The live review runs on every pause in typing, so it keeps what depends on the mail alone, on a
sentence's text or on a word (`app.review.context`, the checks' caches, `app.text.sudachi`), and it
holds the cyclic collector back while it runs (`app.review.review`). These tests type, delete and
paste into a draft and compare each review with one made from nothing; they check the trie-shaped
phrase patterns against the plain longest-first alternation they replace, and that the collector is
on again after a review, also one that stops early. No timing here: speed is `make bench`.
"""

from __future__ import annotations

import gc
import re

import pytest

from app.model import Insight
from app.review import review
from app.review.context import clear_mail_cache
from app.review.review import Review, ReviewStopped
from app.review.rules import words_pattern
from app.text.sudachi import clear_cache
from bench.eval_sets import review_set
from bench.review_score import gold_insight, load_cases


def _shown(result: Review) -> list[tuple[object, ...]]:
    return [(f.kind, f.start, f.end, f.message, f.suggestion, f.ref) for f in result.findings] + [
        (result.not_written, result.own_chars, tuple(sorted(k.value for k in result.not_applicable)))]


def _fresh(draft: str, mail: str, insight: Insight) -> list[tuple[object, ...]]:
    clear_cache()
    clear_mail_cache()
    return _shown(review(draft, mail, insight))


def _case(case_id: str) -> dict[str, object]:
    return next(c for c in load_cases([review_set("own")]) if c["id"] == case_id)


def _cases() -> list[dict[str, object]]:
    # Pairs with findings of several kinds on both sides (the mail's asks and disclosures, the draft's writing).
    return load_cases([review_set("own")])[:6]


def test_typing_deleting_and_pasting_give_the_findings_of_a_fresh_review() -> None:
    for case in _cases():
        mail, final = str(case["mail"]), str(case["draft"])
        insight = gold_insight(case)
        middle = len(final) // 2
        # Typed a few characters at a time, a sentence deleted, a paragraph pasted in the middle,
        # a slip typed and taken back: every step is reviewed live, then the same text from nothing.
        steps = [final[:n] for n in range(0, len(final) + 1, 7)] + [final]
        cut = final.find("。", middle)
        if cut > 0:
            steps.append(final[:middle] + final[cut + 1 :])
        steps.append(final[:middle] + "了解しました、すぐに見れるようにします。\n" + final[middle:])
        steps.append(final[:middle] + "ちょっと" + final[middle:])
        steps.append(final)
        live = [_shown(review(text, mail, insight)) for text in steps]
        for text, seen in zip(steps, live, strict=True):
            assert seen == _fresh(text, mail, insight), (case["id"], text)


def test_the_same_sentences_under_another_mail_are_judged_against_that_mail() -> None:
    first, second = _cases()[0], _cases()[1]
    draft = str(first["draft"])
    reviewed = _shown(review(draft, str(first["mail"]), gold_insight(first)))
    against_other = _shown(review(draft, str(second["mail"]), gold_insight(second)))
    assert against_other == _fresh(draft, str(second["mail"]), gold_insight(second))
    assert reviewed == _fresh(draft, str(first["mail"]), gold_insight(first))


def test_the_phrase_trie_matches_what_the_longest_first_alternation_matches() -> None:
    words = ["了解", "了解です", "了解しました", "ご苦労様", "ご苦労様です", "苦労", "させていただく", "させて", "a.b",
             "(括弧)"]
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    trie = words_pattern(words)
    texts = ["了解しました。ご苦労様です、苦労をおかけしました。", "了解でした了解です了解", "させていただくさせてさせ",
             "a.b axb (括弧) 括弧", "", "ご苦労様ですご苦労様了解しまし"]
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    with pytest.raises(ValueError):
        words_pattern(["了解", ""])


def test_the_collector_is_on_again_after_a_review_and_after_one_that_stops() -> None:
    case = _case(str(_cases()[0]["id"]))
    mail, draft, insight = str(case["mail"]), str(case["draft"]), gold_insight(case)
    assert gc.isenabled()
    seen: list[bool] = []

    def stop() -> bool:
        seen.append(gc.isenabled())
        return len(seen) > 3

    with pytest.raises(ReviewStopped):
        review(draft, mail, insight, stop=stop)
    assert seen and not any(seen)  # held back while the review ran
    assert gc.isenabled()
    review(draft, mail, insight)
    assert gc.isenabled()
    # A caller that turned the collector off keeps it off.
    gc.disable()
    try:
        review(draft, mail, insight)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_same_mail_with_other_highlights_is_judged_by_those_highlights() -> None:
    # The analyser corrected (a span unmarked as told): what is kept per mail must follow its highlights.
    for case in _cases():
        mail, draft, insight = str(case["mail"]), str(case["draft"]), gold_insight(case)
        review(draft, mail, insight)
        for dropped in range(len(insight.highlights)):
            fewer = Insight(insight.highlights[:dropped] + insight.highlights[dropped + 1 :])
            assert _shown(review(draft, mail, fewer)) == _fresh(draft, mail, fewer), (case["id"], dropped)
