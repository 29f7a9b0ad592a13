"""Relief denied is no relief: 「安心して休めません」 keeps the worry told before it in the sentence.

`detectors.worry.relieved` ends the worries told before a relief word (心配でしたが、安心しました); a relief word
negated a few words on (安心して眠れません / 安心できない) is the worry going on. Sentences written for this test.
"""

from __future__ import annotations

import pytest

from app.analysis import analyze
from app.analysis.detectors.worry import relieved
from app.analysis.tokenizer import tokenize
from app.model import HighlightKind

pytestmark = pytest.mark.usefixtures("rules_alone")


def _worries(body: str) -> list[str]:
    return [body[h.start : h.end] for h in analyze(body).highlights if h.kind is HighlightKind.WORRY]


def test_relief_denied_keeps_the_worry() -> None:
    body = "また夜中に警報が鳴るのではないかと思うと、安心して眠れません。"
    assert _worries(body)
    assert not relieved(tokenize("安心して眠れません"))
    assert not relieved(tokenize("これでは安心できない"))


def test_relief_told_still_ends_the_worry() -> None:
    assert not _worries("届くまで心配でしたが、無事に受け取れて安心しました。")
    assert relieved(tokenize("無事に受け取れて安心しました"))
    assert relieved(tokenize("安心しましたが、まだ届いていません"))
