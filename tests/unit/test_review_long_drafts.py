"""The review on long drafts: linear work, and quoted text that changes nothing.

A reply carries the customer's mail quoted under it. The quote is blanked out of the agent's own
text (a run of line breaks as long as the quote); patterns that looked for the start of a sentence
through any amount of white space retried that whole run from each of its line breaks, so one
line typed above a 14,400-character quote took 9.5 s and above a 200,000-character one minutes.
No timing here (speed is `make bench`: review_30k_ms): the contract that a quote adds no finding is
checked on a 100,000-character draft, and the patterns' reach is checked directly.
"""

from __future__ import annotations

import pytest

from app.review import learned, review
from app.review.checks import business_manner, tone_overfamiliar
from bench.long_drafts import insight_for, long_draft, long_mail

# Patterns anchored at a sentence's start (after 。！ or a line break), then spaces, then a word.
_SENTENCE_START = [
    (business_manner._WAKARIMASHITA, "わかりました。"),
    (business_manner._OTSUKARE, "お疲れ様です。"),
    (business_manner._NARUHODO, "なるほど、"),
    (tone_overfamiliar.INTERJECTION, "うん、"),
    (tone_overfamiliar.RYOKAI, "りょ。"),
]


def test_a_quote_under_a_long_reply_adds_no_finding() -> None:
    # 20,000 characters of the agent's own writing (numbered sentences, some with slips the writing
    # checks flag) over the 80,000-character mail it answers, quoted: a 100,000-character draft.
    mail = long_mail(80_000)
    insight = insight_for(mail)
    own = long_draft(20_000)
    quoted = long_draft(20_000, mail)
    assert len(quoted) > 100_000 and quoted.startswith(own)

    with_quote = review(quoted, mail, insight)
    without = review(own, mail, insight)

    # The writing checks read only the agent's words, the meaning checks read the mail (not its quote):
    # the same findings, at the same places, whether the quote is there or not.
    assert with_quote.findings == without.findings
    assert with_quote.own_chars == without.own_chars
    kinds = {f.kind.value for f in with_quote.findings}
    assert {"business_manner", "ranuki"} <= kinds  # the writing side did its work on it
    # and the meaning side: its rules find the mail's disclosures unheard, quote or not (the learned scorer may
    # withdraw them on a reply this long, with a reaction in nearly every paragraph: app/review/learned.py)
    learned.use_model(None)
    try:
        assert review(quoted, mail, insight).findings == review(own, mail, insight).findings
        assert "ignored_disclosure" in {f.kind.value for f in review(quoted, mail, insight).findings}
    finally:
        learned.use_model(learned.load_default())
    assert not [f for f in with_quote.findings if f.end > len(own)]  # nothing points into the quote


@pytest.mark.parametrize(("pattern", "word"), _SENTENCE_START)
def test_a_sentence_start_is_looked_for_on_its_own_line(pattern, word) -> None:  # type: ignore[no-untyped-def]
    # What made the review quadratic: from the first of 50 line breaks the old patterns swallowed all
    # of them to reach the word, and did so again from the second, the third… A sentence start
    # never reaches across a line break now (the line break itself is a start), so each line break
    # is looked at once.
    text = "確認いたします。" + "\n" * 50 + word
    after_maru = len("確認いたします。")
    assert pattern.match(text, after_maru) is None
    found = pattern.search(text)
    assert found is not None and found.start() == after_maru + 50
    # …and still through the spaces of its own line (「\n　わかりました」).
    assert pattern.search("確認いたします。\n　 " + word) is not None


def test_the_greeting_alone_is_still_told_from_the_sympathy() -> None:
    # The greeting test reads back from the match instead of searching the whole text before it.
    alone = review("山田様\n\nいつもご苦労様です。\n在庫を確認いたします。")
    sympathy = review("山田様\n\n長旅ご苦労様でした。\n在庫を確認いたします。")
    fixes = {f.suggestion for f in alone.findings if f.kind.value == "business_manner"}
    assert "お世話になっております" in fixes
    fixes = {f.suggestion for f in sympathy.findings if f.kind.value == "business_manner"}
    assert "お疲れ様でした" in fixes


def test_a_stale_review_stops_between_checks() -> None:
    from app.review import ReviewStopped

    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(ReviewStopped):
        review(long_draft(2_000), None, None, stop=stop)
    assert len(asked) == 4  # it stopped at the first check after the text moved on
