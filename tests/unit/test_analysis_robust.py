"""Mail that is not a normal customer mail: nothing raises, the result makes sense.

Times are `make bench`'s business (analysis_200k_ms); here only behaviour.
"""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from app.analysis import MAX_ANALYSED_CHARS, analyze
from app.analysis.segment import _SPECIAL, _is_emoji
from app.analysis.tokenizer import tokenize
from app.model import HighlightKind, Insight, ZoneKind
from bench.eval_sets import analysis_set

_OWN = analysis_set("own_macro_f1")


def _well_formed(body: str, insight: Insight) -> None:
    for h in insight.highlights:
        assert 0 <= h.start < h.end <= len(body)
        assert body[h.start : h.end].strip()
        assert all(0 <= j < len(insight.highlights) for j in h.links)
    for z in insight.zones:
        assert 0 <= z.start <= z.end <= len(body)


@pytest.mark.parametrize("body", ["", " ", "\n\n\n", "　\r\n"])
def test_empty_mail(body: str) -> None:
    insight = analyze(body)
    assert insight.highlights == ()
    _well_formed(body, insight)


def test_emoji_only() -> None:
    body = "😊🙏✨\n👍👍👍🎉\n❤️"
    insight = analyze(body)
    assert insight.highlights == ()
    _well_formed(body, insight)


def test_english_only_mail_has_no_japanese_highlights_and_no_error() -> None:
    body = ("Hello,\n\nI ordered a blue sweater last week. Could you tell me when it ships?\n"
            "My daughter's birthday is on Friday.\n\nThanks,\nAnna\n-- \nAnna Smith\nTel: 555-0100")
    insight = analyze(body)
    _well_formed(body, insight)
    assert any(z.kind is ZoneKind.SIGNATURE for z in insight.zones)


def test_only_quotes() -> None:
    body = "".join(f"> {line}\n" for line in ["お世話になっております。", "妻が妊娠中で心配です。", "届きますか？"])
    insight = analyze(body)
    assert insight.highlights == ()  # the customer's earlier mail, quoted back, is not new words
    assert [z.kind for z in insight.zones] == [ZoneKind.QUOTE]
    assert insight.zones[0].start == 0


def test_quoted_thread_after_attribution_only() -> None:
    body = "2026年10月3日(土) 14:02 山田 <yamada@example.com>:\n> 来月出産予定です。\n> 間に合いますか？\n"
    insight = analyze(body)
    assert insight.highlights == ()
    assert [z.kind for z in insight.zones] == [ZoneKind.QUOTE]


def _long_mails() -> list[str]:
    return [json.loads(line)["text"] for line in _OWN.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_200k_character_mail_is_analysed_up_to_the_budget() -> None:
    own = "\n\n".join(_long_mails())
    body = (own * (200_000 // len(own) + 1))[:200_000]
    insight = analyze(body)
    _well_formed(body, insight)
    kinds = {h.kind for h in insight.highlights}
    assert kinds == set(HighlightKind)
    # Past the budget nothing is searched: every highlight sits in the first part.
    assert max(h.end for h in insight.highlights) <= MAX_ANALYSED_CHARS + 2_000
    # And the start is analysed exactly as the same text alone would be.
    first = analyze(_long_mails()[0])
    assert [(h.kind, h.start, h.end) for h in insight.highlights[: len(first.highlights)]] == [
        (h.kind, h.start, h.end) for h in first.highlights
    ]


@pytest.mark.parametrize("body", ["あ" * 200_000, "日本語の文章" * 33_334, "a" * 200_000 + "@example.com",
                                  ("テスト行です\n" * 30_000)[:200_000]])
def test_200k_characters_without_sentences_do_not_raise(body: str) -> None:
    # A line longer than Sudachi accepts (≈49 kB) is cut before tokenising.
    _well_formed(body, analyze(body))


def test_a_line_longer_than_sudachi_accepts_is_tokenised_whole() -> None:
    text = "今日は晴れです" * 5_000  # 35,000 characters, ~105 kB of UTF-8
    tokens = tokenize(text, 7)
    assert tokens[0].start == 7 and tokens[-1].end == 7 + len(text)
    assert all(a.end == b.start for a, b in pairwise(tokens))


def test_splitter_shortcut_never_skips_an_emoji() -> None:
    # `_SPECIAL` lets the splitter jump over plain text; every emoji must stop it.
    for cp in range(0x20, 0x30000):
        ch = chr(cp)
        if _is_emoji(ch):
            assert _SPECIAL.match(ch), hex(cp)
