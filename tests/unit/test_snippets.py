"""The snippet pack: enough natural phrases per situation, filled honestly, and free of our own keigo errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.model import FindingKind, Highlight, HighlightKind, Insight
from app.review import review_draft
from app.snippets import PLACEHOLDERS, SnippetError, fill, load_pack, parse_pack, values_from_insight
from app.snippets.situation import MAIL_FITTED_GROUPS, SOURCES

NO_USER_PACK = Path("/nonexistent/snippets.toml")
SAMPLE = {"customer": "山田", "topic": "お母様の還暦のお祝い", "product": "ガラスのペアグラス", "date": "11月20日"}
SITUATIONS = {group for groups in SOURCES.values() for group in groups} | {"closing", *MAIL_FITTED_GROUPS}


def test_pack_has_sixty_phrases_over_every_situation() -> None:
    pack = load_pack(user_pack=NO_USER_PACK)
    assert len(pack.snippets) >= 60
    assert set(pack.situations) == SITUATIONS
    for situation in SITUATIONS:
        assert len(pack.by_situation(situation)) >= 4, situation
    assert len({s.id for s in pack.snippets}) == len(pack.snippets)
    assert len({s.text for s in pack.snippets}) == len(pack.snippets)


def test_every_snippet_passes_our_own_writing_checks() -> None:
    # A lone thanks is the frame of a reply, not a reply yet (NOT_WRITTEN): not a writing problem.
    tone = {FindingKind.TONE_COLD, FindingKind.TONE_OVERFAMILIAR, FindingKind.NOT_WRITTEN}
    for snippet in load_pack(user_pack=NO_USER_PACK).snippets:
        text = fill(snippet, SAMPLE).text
        problems = [(f.kind.value, text[f.start : f.end]) for f in review_draft(text) if f.kind not in tone]
        assert problems == [], f"{snippet.id}: {text} {problems}"


def test_an_unfilled_placeholder_stays_and_is_reported_and_caught_by_the_review() -> None:
    pack = load_pack(user_pack=NO_USER_PACK)
    snippet = next(s for s in pack.snippets if {"product", "date"} <= set(s.placeholders))
    filled = fill(snippet, {"product": "ペアグラス"})
    assert "ペアグラス" in filled.text
    assert [u.name for u in filled.unfilled] == ["date"]
    (gap,) = filled.unfilled
    assert filled.text[gap.start : gap.end] == "{date}"
    kinds = [f.kind for f in review_draft(filled.text)]
    assert FindingKind.UNFILLED_PLACEHOLDER in kinds


def test_topic_comes_from_the_highlight_then_the_insight() -> None:
    first = Highlight(HighlightKind.DISCLOSURE, 0, 5, topic="還暦のお祝い")
    worry = Highlight(HighlightKind.WORRY, 6, 10, topic="")
    insight = Insight((first, worry))
    assert values_from_insight(insight, worry)["topic"] == "還暦のお祝い"
    own = Highlight(HighlightKind.WORRY, 6, 10, topic="お届け日")
    assert values_from_insight(insight, own, customer="山田")["topic"] == "お届け日"
    assert "topic" not in values_from_insight(Insight(), None)
    assert values_from_insight(None, None, customer=" 山田 ") == {"customer": "山田"}


def test_snippets_are_suggested_for_the_kind_of_highlight() -> None:
    pack = load_pack(user_pack=NO_USER_PACK)
    worry = Highlight(HighlightKind.WORRY, 0, 3)
    suggested = pack.for_highlight(worry)
    assert suggested and all(HighlightKind.WORRY in s.kinds for s in suggested)
    assert {s.situation for s in suggested} >= {"empathy"}


def test_shop_pack_replaces_and_adds(tmp_path: Path) -> None:
    own = tmp_path / "snippets.toml"
    own.write_text(
        '[[snippet]]\nid = "closing_regards"\nsituation = "closing"\ntext = "今後ともよろしくお願いいたします。"\n'
        '[[snippet]]\nid = "shop_hello"\nsituation = "regular"\nfor = ["disclosure"]\n'
        'text = "{customer}様、こんにちは。"\n',
        encoding="utf-8",
    )
    base = load_pack(user_pack=NO_USER_PACK)
    merged = load_pack(user_pack=own)
    assert len(merged.snippets) == len(base.snippets) + 1
    assert next(s for s in merged.snippets if s.id == "closing_regards").text == "今後ともよろしくお願いいたします。"


def test_bad_packs_are_rejected_with_a_reason() -> None:
    with pytest.raises(SnippetError, match="unknown placeholder"):
        parse_pack('[[snippet]]\nid = "x"\nsituation = "closing"\ntext = "{name}様"\n')
    with pytest.raises(SnippetError):
        parse_pack('[[snippet]]\nid = "x"\nsituation = "closing"\nfor = ["praise"]\ntext = "a"\n')
    with pytest.raises(SnippetError):
        parse_pack("[[snippet]\n")
    assert set(PLACEHOLDERS) == {"customer", "topic", "product", "date", "order", "number", "staff"}


# -- suggestions and the shop's own pack ------------------------------------------------

def test_suggestions_follow_the_situation() -> None:
    from app.model import Highlight, HighlightKind
    from app.snippets import load_our_pack, suggest

    pack = load_our_pack()
    worry = suggest(pack, Highlight(HighlightKind.WORRY, 0, 1, "連休"), "連休に間に合うか心配です")
    assert worry and worry[0].situation == "worry_delivery"
    allergy = suggest(pack, Highlight(HighlightKind.DISCLOSURE, 0, 1, "卵"), "子どもに卵アレルギーがあります")
    assert allergy[0].situation == "allergy"
    wedding = suggest(pack, Highlight(HighlightKind.DISCLOSURE, 0, 1, "結婚"), "友人の結婚が決まりました")
    assert wedding[0].situation == "close_celebration"
    assert any(s.situation == "thanks_shared" for s in wedding)
    request = suggest(pack, Highlight(HighlightKind.REQUEST, 0, 1, "発送"), "いつ届きますか")
    assert request and all(HighlightKind.REQUEST in s.kinds for s in request)
    assert len(request) <= 9 and len({s.id for s in request}) == len(request)


def test_user_pack_round_trips_and_overrides_ours(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.model import HighlightKind
    from app.snippets import (
        Snippet,
        SnippetPack,
        load_pack,
        load_user_pack,
        new_snippet_id,
        save_user_pack,
    )

    path = tmp_path / "snippets.toml"
    assert load_user_pack(path).snippets == ()
    tricky = 'お客様の「{topic}」、"引用" と \\ バックスラッシュ\n二行目'
    own = SnippetPack(
        {"own": "当店の定型文"},
        (
            Snippet("own_1", "own", tricky, (HighlightKind.DISCLOSURE,)),
            Snippet("closing_again", "closing", "またのお越しをお待ちしております。", ()),
        ),
    )
    save_user_pack(own, path)
    assert load_user_pack(path) == own
    merged = load_pack(user_pack=path)
    assert next(s for s in merged.snippets if s.id == "closing_again").text == "またのお越しをお待ちしております。"
    assert merged.snippets[-1].id == "own_1" and merged.situations["own"] == "当店の定型文"
    assert new_snippet_id(["own_1", "own_2"]) == "own_3"


def test_user_pack_rejects_unknown_placeholders(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from app.snippets import Snippet, SnippetError, SnippetPack, save_user_pack

    with pytest.raises(SnippetError):
        save_user_pack(SnippetPack({}, (Snippet("x", "closing", "{name}様", ()),)), tmp_path / "s.toml")
    assert not (tmp_path / "s.toml").exists()
