"""Classes of sentence an end-to-end review found the analyser missing (round 2).

Each class is checked on sentences other than the one the reviewer quoted, so a
rule written for one sentence would fail here.
"""

from __future__ import annotations

import pytest

from app.analysis import analyze
from app.model import HighlightKind

pytestmark = pytest.mark.usefixtures("rules_alone")

D, R, W = HighlightKind.DISCLOSURE, HighlightKind.REQUEST, HighlightKind.WORRY


def _kinds(text: str) -> set[HighlightKind]:
    return {h.kind for h in analyze(text).highlights}


@pytest.mark.parametrize("text", [
    "子どもが使っていた机はもう人に譲ってしまったので、新しいものを探しています。",  # their own past action
    "帰国は再来週の水曜日の予定です。",  # their schedule
    "腰への負担が少ない椅子を探していて、おすすめを教えてください。",  # what they look for, and why
    "以前こちらで購入したときに梱包がとても丁寧だったので、今回もお願いしました。",  # past experience with the shop
    "最近ボーナスが減ってしまい、なるべく安いものを探しています。",  # finances
    "町で小さなパン屋を経営しています。",  # their business
    "市の図書館で司書を担当している者です。",  # their occupation
    "来年から独立しようと思っています。",  # a plan
    "式は10月の第二土曜日です。",  # their schedule, an event and its date
    "前回お願いしたときは3日で届いたので、今回も同じくらいかと思っていました。",  # experience, though about delivery
    "今月は何かと物入りで、支払いを来月にできますか。",
])
def test_disclosure_classes(text: str) -> None:
    assert D in _kinds(text)


@pytest.mark.parametrize("text", [
    "届かなかったら困ってしまいます。",
    "結果が出ず焦っています。",  # (気落ち is sadness, a feeling told: not a worry word any more)
    "届かないと本当に困るんです。",
])
def test_worry_classes(text: str) -> None:
    assert W in _kinds(text)


@pytest.mark.parametrize("text", [
    "在庫があれば3つほしいです。",
    "支払い方法を口座振替に変更したいと思っております。",
])
def test_request_classes(text: str) -> None:
    assert R in _kinds(text)


@pytest.mark.parametrize("text", [
    "明日の午前中に届く予定となっていますが。",  # the order's delivery, not their schedule
    "お届けは来週の火曜日になっています。",
    "来週の土曜日にディナーを予約している山本です。",  # a name with the order
    "画面が割れてしまいました。",  # a problem with the item, not something they did
    "前から欲しかったバッグです。",  # a past wish, not an ask
    "アプリの年間プランを誤って購入してしまいました。",  # about the order
    "では、来週の水曜日に伺います。",  # a date alone is one fact, not two
    "配達は午前中の予定となっていましたが、まだ届きません。",
])
def test_not_disclosure_nor_request(text: str) -> None:
    kinds = _kinds(text)
    assert D not in kinds
    assert R not in kinds
