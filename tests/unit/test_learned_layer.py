"""The learned layer: its committed weights, how it combines with the rules, how it explains itself."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.analysis import analyze, learned
from app.analysis.features import sentence_features
from app.analysis.pipeline import sentence_rows
from app.analysis.tokenizer import tokenize
from app.model import CueKind, HighlightKind, cue_parts
from bench.eval_sets import CORPUS, analyser_spans, load, score


@pytest.fixture
def committed() -> Iterator[learned.SentenceModel]:
    model = learned.load_file()
    assert model is not None, "resources/analysis/sentence_model.json is missing or unreadable: run `make model`"
    learned.use(model)
    yield model
    learned.use(learned.load_file())


def test_the_committed_model_is_small_and_trained_on_todays_features() -> None:
    data = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    assert learned.MODEL_PATH.stat().st_size <= 20_000_000
    assert data["features"] == learned.features_stamp(), "features.py changed since training: run `make model`"
    assert len(data["bias"]) == 3 and all(len(w) == 3 for w in data["weights"].values())
    assert all(0.0 <= d <= a <= 1.0 for a, d in zip(data["add"], data["drop"], strict=True))


def test_packed_weights_give_the_probabilities_of_the_trained_floats() -> None:
    import math

    model = learned.load_file()
    assert model is not None
    trained = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))["weights"]
    assert all(abs(x) <= learned.MAX_WEIGHT for w in trained.values() for x in w)
    text = "妻に卵アレルギーがあるのですが、大丈夫でしょうか？"
    features = sentence_features(tokenize(text), text, ["request", "request:question"], ["disclosure"], [],
                                 True, False, False)
    pairs = [learned.PAIR + text.strip()[i : i + 2] for i in range(len(text.strip()) - 1)]
    for j, p in enumerate(model.probabilities(features, text)):
        score = model.bias[j] + sum(trained[f][j] for f in [*features, *pairs] if f in trained)
        assert math.isclose(p, 1.0 / (1.0 + math.exp(-score)), rel_tol=1e-9)
    with pytest.raises(ValueError):
        learned.SentenceModel({"w:猫": (60.0, 0.0, 0.0)}, [0.0] * 3, [1.0] * 3, [0.0] * 3)


def test_pairs_weighed_from_the_text_give_what_the_trainer_weighs_as_features() -> None:
    """The app weighs a sentence's character pairs from its text, through `pair_filter`, where the trainer
    passes them as ``c2:`` features: on every sentence of the corpus's dev part, the same probabilities."""
    from app.analysis.features import char_pairs

    model = learned.load_file()
    assert model is not None
    rows = [row for case in load(CORPUS / "dev.jsonl")[:120] for row in sentence_rows(str(case["text"]))]
    assert len(rows) > 1000
    for _start, _end, features in rows:
        words = [f for f in features if not f.startswith(learned.PAIR)]
        pairs = [f for f in features if f.startswith(learned.PAIR)]
        text = "".join(p[len(learned.PAIR)] for p in pairs) + (pairs[-1][-1] if pairs else "")
        assert char_pairs(text) == pairs
        assert model.probabilities(words, text) == model.probabilities(features)


def test_features_name_the_words_the_ending_and_the_rules() -> None:
    text = "妻に卵アレルギーがあるのですが、大丈夫でしょうか？"
    features = sentence_features(tokenize(text), text, ["request", "request:question"], ["disclosure"], [],
                                 True, False, False)
    assert "w:卵" in features and "r:request:question" in features and "rp:disclosure" in features
    assert "end:?" in features and "first" in features and "last" not in features
    assert any(f.startswith("e1:") for f in features)


def test_rows_are_the_sentences_the_analyser_keeps() -> None:
    body = ("いつもお世話になっております。\n来月引っ越すことになりました。\n"
            "配送先を変えていただけますか。\n> 引用された昔のメール\n")
    rows = sentence_rows(body)
    assert [body[s:e] for s, e, _ in rows] == ["来月引っ越すことになりました。", "配送先を変えていただけますか。"]


def test_the_model_can_take_back_and_add_a_mark(committed: learned.SentenceModel) -> None:
    # A model that is sure no sentence carries a request takes every rule's request back…
    sure_not = learned.SentenceModel({}, [0.0, -30.0, 0.0], add=[1.0, 1.0, 1.0], drop=[0.0, 0.5, 0.0])
    learned.use(sure_not)
    text = "来月引っ越します。配送先を変えていただけますか。"
    assert not [h for h in analyze(text).highlights if h.kind is HighlightKind.REQUEST]
    # …except the ask of a mail of one sentence: no neighbour to weigh, it is why they wrote.
    assert [h for h in analyze("返品したいのですが。").highlights if h.kind is HighlightKind.REQUEST]
    # …and one sure that a sentence tells something marks it, with the words that weighed most.
    sure = learned.SentenceModel({"w:ピアノ": (5.0, 0.0, 0.0)}, [-3.0, -30.0, -30.0], add=[0.5, 1.0, 1.0],
                                 drop=[0.0, 0.0, 0.0])
    learned.use(sure)
    text = "ピアノを弾きます。"
    marked = [h for h in analyze(text).highlights if h.kind is HighlightKind.DISCLOSURE]
    assert [text[h.start : h.end] for h in marked] == ["ピアノを弾きます"]
    assert cue_parts(marked[0].cue) == (CueKind.LEARNED, "ピアノ")


def test_the_model_keeps_an_ask_made_by_its_ending() -> None:
    # A model sure that no sentence asks takes back the rules' asks, but not one the sentence's ending makes
    # by grammar alone (a proposal, 〜てほしいです, 〜をお願いします): the story's words are not what asks.
    sure_not = learned.SentenceModel({}, [0.0, -30.0, 0.0], add=[1.0, 1.0, 1.0], drop=[0.0, 0.5, 0.0])
    learned.use(sure_not)
    try:
        story = "先週の土曜、母と二人で窓口に行きましたが、一時間以上待たされました。"
        for ask in ("受付の人数は増やすべきだと思う。", "次回からは待ち時間を掲示してほしいと思いました。",
                    "この意見は広報誌への掲載をお願いします。", "呼び出しは名前で呼ぶ方が親切だと思います。"):
            marked = [h for h in analyze(story + ask).highlights if h.kind is HighlightKind.REQUEST]
            assert [(story + ask)[h.start : h.end] for h in marked] == [ask.rstrip("。")], ask
        # …while an ask its words make is still the model's to weigh.
        assert not [h for h in analyze(story + "窓口の場所を教えていただけますか。").highlights
                    if h.kind is HighlightKind.REQUEST]
    finally:
        learned.use(learned.load_file())


def test_the_model_adds_no_ask_the_rules_turned_down_by_grammar() -> None:
    # A model sure that every sentence asks still adds no ask to a question the rules refuse on purpose:
    # a greeting, a claim put as a question, the writer wondering aloud.
    sure_ask = learned.SentenceModel({}, [-30.0, 30.0, -30.0], add=[1.0, 0.5, 1.0], drop=[0.0, 0.0, 0.0])
    learned.use(sure_ask)
    try:
        for refused in ("皆さまお元気でしょうか。", "あれで説明したことになるのではないでしょうか。",
                        "こんなに待たせていいものだろうか。"):
            assert not [h for h in analyze(refused).highlights if h.kind is HighlightKind.REQUEST], refused
        # …while it still adds one where the rules only had no word for it.
        assert [h for h in analyze("駐車場の案内板があると助かる人も多いと思います。").highlights
                if h.kind is HighlightKind.REQUEST]
    finally:
        learned.use(learned.load_file())


def test_the_model_adds_no_disclosure_to_someone_elses_words_quoted_at_length() -> None:
    # A model sure that every sentence tells something still adds no disclosure inside a quotation that
    # runs over several sentences and names none of the writer's people (`anothers_words`)…
    sure_tells = learned.SentenceModel({}, [30.0, -30.0, -30.0], add=[0.5, 1.0, 1.0], drop=[0.0, 0.0, 0.0])
    learned.use(sure_tells)
    try:
        body = ("昨日、整体に行きました。\n先生は「肩がかなり固いですね。\nしばらく通ってください。\n"
                "無理は禁物です」と笑いました。\n")
        told = [body[h.start : h.end] for h in analyze(body).highlights if h.kind is HighlightKind.DISCLOSURE]
        assert "昨日、整体に行きました" in told  # …while it adds one outside the quotation
        assert not [t for t in told if "肩がかなり固い" in t or t.startswith("しばらく通って")], told
    finally:
        learned.use(learned.load_file())


def test_every_learned_highlight_says_why(committed: learned.SentenceModel) -> None:
    cases = load(CORPUS / "dev.jsonl")
    learned_ones = [h for c in cases for h in analyze(c["text"]).highlights if h.cue.startswith("learned:")]
    assert learned_ones, "the model added nothing on the dev set"
    assert all(cue_parts(h.cue)[0] is CueKind.LEARNED and cue_parts(h.cue)[1] for h in learned_ones)


def test_rules_and_model_together_beat_the_rules_alone_on_dev(committed: learned.SentenceModel) -> None:
    cases = load(CORPUS / "dev.jsonl")
    combined = score(cases, analyser_spans).macro
    learned.use(None)
    rules = score(cases, analyser_spans).macro
    assert combined >= rules + 0.03, (combined, rules)


def test_training_is_reproducible() -> None:
    from scripts.train_model import fit, rows_of

    cases = load(CORPUS / "train.jsonl")[:40]
    rows = rows_of(cases)
    assert fit(rows, 0.3) == fit(rows, 0.3)
