"""The analyser is safe from several threads at once (one Sudachi tokenizer per thread)."""

from __future__ import annotations

import json
import threading

from app.analysis import analyze, warm_up
from app.analysis import tokenizer as tok_module
from app.model import Insight
from bench.eval_sets import analysis_set

_OWN = analysis_set("own_macro_f1")


def _bodies() -> list[str]:
    return [json.loads(line)["text"] for line in _OWN.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_four_threads_give_the_same_results_as_one() -> None:
    warm_up()
    bodies = _bodies()
    expected = [analyze(b) for b in bodies]
    results: dict[int, list[Insight]] = {}
    errors: list[BaseException] = []
    tokenizers: dict[int, object] = {}
    start = threading.Barrier(4)

    def work(n: int) -> None:
        try:
            start.wait()
            out = []
            for _ in range(3):
                out = [analyze(b) for b in (bodies[n:] + bodies[:n])]
            results[n] = out[len(bodies) - n :] + out[: len(bodies) - n]
            tokenizers[n] = tok_module._local.tokenizer
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for n in range(4):
        assert results[n] == expected
    # Each thread had its own tokenizer, all from the one dictionary.
    assert len({id(t) for t in tokenizers.values()}) == 4
