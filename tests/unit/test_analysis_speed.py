"""The analyser's faster forms say exactly what the plain forms they replace say.

Each speed-up of the hot path (issue 13: analysis within 1.5× Sudachi's own tokenisation)
keeps a plain definition beside it; these tests compare the two on every input that matters,
so a later edit of one without the other fails here rather than changing what is highlighted.
The speed itself is measured by `make bench` (long mails), never here.
"""

from __future__ import annotations

import gc
import json
import re
import threading

import pytest

from app.analysis import analyze, formulas, learned, pipeline, segment, warm_up
from app.analysis.features import PAIR
from app.model import CueKind, make_cue
from bench.eval_sets import CORPUS, analysis_set


def _corpus_texts(limit: int = 400) -> list[str]:
    path = CORPUS / "train.jsonl"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line)["text"] for line in lines[:limit]]


def test_next_special_finds_what_the_special_regex_matches_on_every_code_point() -> None:
    every = "".join(chr(cp) for cp in range(0x110000))
    expected = [m.start() for m in segment._SPECIAL.finditer(every)]
    found = []
    i = segment._next_special(every, 0, len(every))
    while i >= 0:
        found.append(i)
        i = segment._next_special(every, i + 1, len(every))
    assert found == expected


def test_next_special_stays_inside_its_range() -> None:
    text = "あいう。えお「か」"
    assert segment._next_special(text, 0, 3) == -1  # the 。 at 3 is outside [0, 3)
    assert segment._next_special(text, 0, 4) == 3
    assert segment._next_special(text, 4, len(text)) == 6


_WHOLE = re.compile("^(?:" + "|".join(f"(?:{p})" for p in formulas._FORMULAS) + ")$")


@pytest.mark.parametrize("text", [
    "毎年秋にお庭の手入れをお願いしております、上田でございます",  # keyed on お願いして
    "拝啓 秋も深まってまいりましたが、皆様お変わりなくお過ごしでしょうか",  # お変わり / お過ごし
    "朝晩はすっかり涼しくなり、金木犀の香りが漂ってくる季節になりましたね",  # なりました
    "寒い日が続きますが、どうぞご自愛ください",  # ご自愛
    "いつもお世話になっております",  # one of the patterns tried together
    "娘の手術が無事に終わる季節になりました",  # someone of theirs in it: no formula
])
def test_keyed_formulas_answer_as_the_single_regex(text: str) -> None:
    assert formulas._whole_formula(text) == bool(_WHOLE.match(text))


def test_formula_check_answers_as_the_single_regex_on_every_corpus_sentence_and_line() -> None:
    pieces: set[str] = set()
    for body in _corpus_texts():
        for piece in re.split(r"[。！？!?\n]", body):
            pieces.add(formulas._strip(piece))
    matched = 0
    for text in pieces:
        whole = bool(_WHOLE.match(text))
        matched += whole
        assert formulas._whole_formula(text) == whole, text
    assert matched > 20  # the comparison saw formulas, not only plain sentences


def _reference_probabilities(model: learned.SentenceModel, text: str) -> list[float]:
    """The pairs weighed as the dict of ``c2:`` features did before the pair table."""
    pairs = {k: v for k, v in model.packed.items() if k.startswith(PAIR) and len(k) == len(PAIR) + 2}
    compact = text.strip()
    sums = [0.0, 0.0, 0.0]
    for i in range(len(compact) - 1):
        x = pairs.get(PAIR + compact[i : i + 2])
        if x is not None:
            for label in range(3):
                sums[label] += learned._unpack(x, label)
    return [learned._sigmoid(model.bias[label] + sums[label]) for label in range(3)]


def test_pair_table_weighs_every_pair_as_the_features_do() -> None:
    model = learned.load()
    if model is None:
        pytest.skip("no committed model (resources/analysis/sentence_model.json)")
    for body in _corpus_texts(60):
        for sentence in re.split(r"[。！？\n]", body):
            got = model.probabilities([], sentence)
            want = _reference_probabilities(model, sentence)
            assert got == pytest.approx(want, abs=1e-12), sentence


def test_analysis_makes_no_reference_cycles() -> None:
    """Why pausing the collector during an analysis is safe: there is nothing for it to find."""
    warm_up()
    bodies = _corpus_texts(200)
    long_set = analysis_set("own_macro_f1")
    bodies += [json.loads(line)["text"] for line in long_set.read_text(encoding="utf-8").splitlines() if line]
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for body in bodies:
            analyze(body)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_the_collector_is_switched_back_on_after_an_analysis_even_a_failed_one() -> None:
    assert gc.isenabled()
    analyze("お世話になっております。配送日を教えてください。")
    assert gc.isenabled()
    with pytest.raises(TypeError):
        analyze(None)  # type: ignore[arg-type]
    assert gc.isenabled()
    assert pipeline._gc_state == [0, 0]


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    gc.disable()
    try:
        analyze("配送日を教えてください。")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_analyses_leave_the_collector_on() -> None:
    warm_up()
    bodies = _corpus_texts(40)
    start = threading.Barrier(3)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            for body in bodies:
                analyze(body)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert gc.isenabled()
    assert pipeline._gc_state == [0, 0]


def test_make_cue_is_the_kind_value_and_the_words_as_a_plain_str() -> None:
    for kind in CueKind:
        cue = make_cue(kind, "心配")
        assert cue == f"{kind.value}:心配"
        assert type(cue) is str
