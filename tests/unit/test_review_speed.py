"""What the review keeps between runs and how it runs must never change what it finds.

The live review runs on every pause in typing, so it keeps what depends on the mail alone, on a
sentence's text or on a word (`app.review.context`, the checks' caches, `app.text.sudachi`), and it
holds the cyclic collector back while it runs (`app.review.review`). These tests type, delete and
paste into a draft and compare each review with one made from nothing; they check the trie-shaped
phrase patterns against the plain longest-first alternation they replace, the gated patterns
(`app.review.gate`) against the patterns they gate, and that the collector is on again after a
review, also one that stops early. No timing here: speed is `make bench`.
"""

from __future__ import annotations

import gc
import re
import sys

import pytest

from app.model import Insight
from app.review import review
from app.review.context import ReviewContext, clear_mail_cache
from app.review.gate import Gated, gated, required_words
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


def _review_patterns() -> list[tuple[str, re.Pattern[str] | Gated]]:
    """Every pattern the review's modules hold at module level (also inside tuples and lists, as _EVENTS)."""
    import app.review.checks  # noqa: F401  (loads every check module)

    found: dict[int, tuple[str, re.Pattern[str] | Gated]] = {}

    def visit(name: str, value: object, depth: int = 0) -> None:
        if isinstance(value, Gated | re.Pattern) and isinstance(value.pattern, str):
            found.setdefault(id(value), (name, value))
        elif isinstance(value, tuple | list) and depth < 3:
            for item in value:
                visit(name, item, depth + 1)

    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("app.review") and module is not None:
            for attr, value in vars(module).items():
                visit(f"{module_name}.{attr}", value)
    return list(found.values())


def _texts() -> list[str]:
    texts = []
    for case in load_cases([review_set("own"), review_set("tune")]):
        texts += [str(case["mail"]), str(case["draft"])]
        texts += [s.text for s in ReviewContext(str(case["draft"])).sentences]
    return texts


def test_a_gated_pattern_finds_what_the_pattern_finds() -> None:
    # The gate may only skip texts with no match: every match of every review pattern holds a required word,
    # and a gated pattern answers search, match, finditer and sub as its pattern does, on the review's cases.
    patterns = _review_patterns()
    gated_ones = [(name, p) for name, p in patterns if isinstance(p, Gated)]
    assert len(gated_ones) >= 30  # the costliest patterns of the checks are gated
    texts = _texts()
    for name, pattern in patterns:
        plain = pattern._compiled if isinstance(pattern, Gated) else pattern
        words = required_words(plain)
        if words is None:
            continue
        for text in texts:
            for match in plain.finditer(text):
                assert any(word in match.group() for word in words), (name, match.group())
    for name, gated_pattern in gated_ones:
        assert isinstance(gated_pattern, Gated)
        plain = gated_pattern._compiled
        for text in texts:
            assert [m.span() for m in gated_pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], name
            assert _span(gated_pattern.search(text)) == _span(plain.search(text)), name
            assert _span(gated_pattern.match(text)) == _span(plain.match(text)), name
            assert gated_pattern.sub("＊", text) == plain.sub("＊", text), name


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


def test_the_required_words_come_from_the_pattern_as_re_reads_it() -> None:
    def words(pattern: str, flags: int = 0) -> set[str] | None:
        found = required_words(re.compile(pattern, flags))
        return None if found is None else set(found)

    assert words(r"(?:いたし|致し)かね(?:ます|る)") == {"いたしかねます", "いたしかねる", "致しかねます", "致しかねる"}
    # Lookbehinds and lookaheads are not part of the match: 否定 and でし are not required.
    assert words(r"(?<!否定)(?:でき|出来)ません(?!でし)") == {"できません", "出来ません"}
    # Every branch must give words; an optional part gives none, a class of plain characters gives each one.
    assert words(r"承知|了解(?:しました)?") == {"承知", "了解"}
    assert words(r"[おご]?連絡") == {"連絡"}
    assert words(r"[おご]連絡") == {"お連絡", "ご連絡"}
    assert words(r"(?:様|殿)\s*$") == {"様", "殿"}
    assert words(r"x+y") in ({"x"}, {"y"})
    # Nothing required: an empty match is possible, a class of ranges, an optional whole, case folding.
    assert words(r"(?:お願い)?") is None
    assert words(r"[ぁ-ん]+") is None
    assert words(r"a|[0-9]") is None
    assert words(r"abc", re.IGNORECASE) is None
    # A pattern without words is returned as it is.
    plain = re.compile(r"[ぁ-ん]+")
    assert gated(plain) is plain
    refusal = gated(re.compile(r"(?<!否定)(?:でき|出来)ません(?!でし)"))
    assert isinstance(refusal, Gated)
    assert refusal.search("否定できません") is None and _span(refusal.search("交換できません。")) == (2, 7)
    assert refusal.sub("", "交換できませんでした、返品できません") == "交換できませんでした、返品"
    assert list(refusal.finditer("お返事いたします")) == [] and refusal.pattern.startswith("(?<!否定)")
