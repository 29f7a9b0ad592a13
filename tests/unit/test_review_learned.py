"""The review's learned layer (round pairs25): a veto on ignored_disclosure's rule findings, read with no library.

The scorer (`app/review/learned.py`, weights in resources/review/meaning_model.json, `make review-model`) may only
withdraw a finding the rules make, when the reply around it shows the customer was heard (a long reply reacting in
its own words); it never adds one. Sentences are our own, written for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.model import Highlight, HighlightKind, Insight
from app.review import learned, review_draft

ROOT = Path(__file__).resolve().parents[2]

MAIL = ("はじめてメールいたします。川口と申します。\n"
        "来月、娘が結婚することになり、お祝いに手作りの夫婦茶碗を贈りたいと思っています。\n"
        "陶芸はまったくの初心者です。平日は仕事で時間が取れないので、日曜日の教室に参加したいのですが、"
        "日曜日の午後のクラスに空きはありますか。\n"
        "また、焼き上がりまでどのくらいかかりますか。式は十一月二十三日です。\n"
        "よろしくお願いいたします。")
SPANS = (("disclosure", "来月、娘が結婚することになり、お祝いに手作りの夫婦茶碗を贈りたいと思っています"),
         ("disclosure", "陶芸はまったくの初心者です"),
         ("disclosure", "平日は仕事で時間が取れないので"),
         ("request", "日曜日の午後のクラスに空きはありますか"),
         ("request", "焼き上がりまでどのくらいかかりますか"),
         ("disclosure", "式は十一月二十三日です"))
# A warm reply: congratulations, the beginner reassured, Sunday offered (the weekday job taken into account, never
# named), the date met.
WARM = ("川口様\nはじめまして。陶芸工房つちびとの森田でございます。お問い合わせありがとうございます。\n"
        "お嬢様のご結婚、誠におめでとうございます。お母様の手でこしらえた茶碗は、きっと一生の宝物になりますね。\n"
        "はじめての方にも講師がろくろの前でつきっきりでお手伝いしますので、どうぞご安心ください。\n"
        "日曜日は午後一時からのクラスに、まだ三席空きがございます。\n"
        "焼き上がりは、成形から乾燥と二度の窯焼きを経て、およそ四週間です。今月中にお作りいただければ、"
        "お式の前にお渡しできます。\n"
        "お二人の新しい門出にふさわしい器になるよう、私どもも心を込めてお手伝いいたします。\n"
        "当日お会いできるのを楽しみにしております。")
# The warm reply naming the weekday job too: the rules hear everything.
HEARD_ALL = WARM.replace("日曜日は午後一時から", "平日はお仕事でお忙しいとのこと、日曜日は午後一時から")
# The same answers, curt: nothing the customer told is heard.
CURT = ("川口様\nお問い合わせありがとうございます。\n"
        "日曜日は午後一時からのクラスに空きがございます。焼き上がりはおよそ四週間です。")


def _insight() -> Insight:
    return Insight(tuple(Highlight(HighlightKind(label), MAIL.index(text), MAIL.index(text) + len(text))
                         for label, text in SPANS))


def _unheard(draft: str) -> list[str]:
    return [MAIL[f.ref.start : f.ref.end] for f in review_draft(draft, MAIL, _insight())
            if f.kind.value == "ignored_disclosure" and f.ref is not None]


@pytest.fixture
def rules_only() -> Iterator[None]:
    learned.use_model(None)
    try:
        yield
    finally:
        learned.use_model(learned.load_default())


def test_the_committed_weights_load_and_judge_ignored_disclosure_only() -> None:
    model = learned.load_default()
    assert model is not None
    assert learned.active("ignored_disclosure")
    # unanswered_request's learned variants never beat its rules leaving one batch out: the rules decide alone
    assert not learned.active("unanswered_request")
    part = model["ignored_disclosure"]
    assert part["veto"] and len(part["weights"]) == len(part["features"]) and 0.0 < part["threshold"] < 1.0


def test_a_situation_the_warm_reply_takes_into_account_is_withdrawn(rules_only: None) -> None:
    # The rules alone ask for 「平日は仕事で…」 to be acknowledged by its words...
    assert _unheard(WARM) == ["平日は仕事で時間が取れないので"]
    assert _unheard(HEARD_ALL) == []


def test_the_scorer_withdraws_it_in_a_reply_that_heard_the_rest() -> None:
    # ...but the reply offers Sunday, congratulates and reassures: no one reads it as unheard.
    assert _unheard(WARM) == []


def test_a_curt_reply_keeps_every_finding() -> None:
    assert _unheard(CURT) == ["来月、娘が結婚することになり、お祝いに手作りの夫婦茶碗を贈りたいと思っています",
                              "陶芸はまったくの初心者です", "平日は仕事で時間が取れないので", "式は十一月二十三日です"]


def test_a_veto_never_adds_a_finding() -> None:
    strong = {"ignored_disclosure": {"veto": True, "features": ["first"], "weights": [50.0], "bias": 10.0,
                                     "threshold": 0.5}}
    learned.use_model(strong)
    try:
        assert learned.flags("ignored_disclosure", {"rule": 1.0, "first": 1.0})
        assert not learned.flags("ignored_disclosure", {"rule": 0.0, "first": 1.0})
        # a reply the rules find heard stays heard, however sure the scorer is
        assert _unheard(HEARD_ALL) == []
    finally:
        learned.use_model(learned.load_default())


def test_missing_or_broken_weights_leave_the_rules_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "MODEL_PATH", tmp_path / "meaning_model.json")
    assert learned.load_default() is None
    (tmp_path / "meaning_model.json").write_text("{not json", encoding="utf-8")
    assert learned.load_default() is None


def test_training_is_reproducible() -> None:
    pytest.importorskip("sklearn")  # a dev dependency: training only, never at run time
    from scripts.train_review_model import train

    cases: list[dict[str, object]] = []
    groups: list[str] = []
    for name in ("blind20", "blind21", "blind22"):
        lines = (ROOT / "tests" / "data" / "review" / f"{name}_tune_pairs.jsonl").read_text(encoding="utf-8")
        more = [json.loads(line) for line in lines.splitlines() if line.strip()]
        cases += more
        groups += [name] * len(more)
    first, second = train(cases, groups), train(cases, groups)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["ignored_disclosure"]["rows"] > 0


def test_the_leave_one_batch_out_bench_restores_the_committed_weights() -> None:
    from bench.review_lobo import KINDS, REVIEW, measure

    cases = [json.loads(line) for line in (REVIEW / "own_cases.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    result = measure({"own": cases}, rules_only=True)
    assert set(result["pooled"]) == set(KINDS) and result["good"] == sum(1 for c in cases if not c["expect"])
    assert learned.active("ignored_disclosure")  # the bench put the committed weights back
