"""A mail that says the same sentence more than once has one thing to answer: the review names it once.

The side panel groups repeated highlighted sentences into one row (ui/models.py); the review must not list the
same unanswered ask once per copy either (a form that looped, a question pasted twice).
"""

from __future__ import annotations

from app.model import FindingKind, Highlight, HighlightKind, Insight
from app.review import review_draft

ASK = "このドレスの在庫はまだありますでしょうか"
OTHER = "それと、配送日も教えていただけますか"
DRAFT = "山田様\n\nお問い合わせありがとうございます。ルミエールの三浦でございます。\n今後ともよろしくお願いいたします。"


def _spans(mail: str, text: str) -> list[Highlight]:
    out, at = [], mail.find(text)
    while at >= 0:
        out.append(Highlight(HighlightKind.REQUEST, at, at + len(text)))
        at = mail.find(text, at + 1)
    return out


def _unanswered(mail: str, *asks: str) -> list[str]:
    insight = Insight(tuple(h for ask in asks for h in _spans(mail, ask)))
    return [mail[f.ref.start:f.ref.end] for f in review_draft(DRAFT, mail, insight)
            if f.kind is FindingKind.UNANSWERED_REQUEST and f.ref is not None]


def test_the_same_ask_said_three_times_is_one_finding() -> None:
    mail = f"ルミエール様\n\n{ASK}。\n{ASK}。\n{ASK}。\n\n山田"
    assert len(_spans(mail, ASK)) == 3
    assert _unanswered(mail, ASK) == [ASK]


def test_two_different_asks_stay_two_findings() -> None:
    mail = f"ルミエール様\n\n{ASK}。\n{ASK}。\n{OTHER}。\n\n山田"
    assert sorted(_unanswered(mail, ASK, OTHER)) == sorted([ASK, OTHER])
