"""How the review's findings are presented: what blocks sending first, the many 「触れていないお話」 folded.

The review (`app.review`) returns findings in draft order, which on a long chatty mail puts the
one finding that blocks sending (an unfilled 「{product}」) fourth, behind dozens of disclosures
the one-line reply does not touch on. The composer's list and the send-check dialog both show
them through `arrange`: blocking first, then errors, warnings, information (each in draft
order), and more than `FOLD_OVER` ignored disclosures as one entry that opens to the list.
This is presentation only: the findings themselves are the review's.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.model import Finding, FindingKind, Severity
from ui.wording import fill

BLOCKING = frozenset({FindingKind.UNFILLED_PLACEHOLDER})
FOLDED_KIND = FindingKind.IGNORED_DISCLOSURE
FOLD_OVER = 3  # up to three are read one by one; more are a list to open when wanted
_SEVERITY_RANK = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}


def blocks(finding: Finding) -> bool:
    return finding.kind in BLOCKING and finding.severity is Severity.ERROR


def blocks_sending(findings: list[Finding]) -> bool:
    return any(blocks(f) for f in findings)


def rank(finding: Finding) -> int:
    """0 for what blocks sending, then errors, warnings, information."""
    return 0 if blocks(finding) else _SEVERITY_RANK[finding.severity]


@dataclass(frozen=True, slots=True)
class Arranged:
    """Findings as listed: `listed` one by one, `folded` behind one entry placed before `listed[fold_at]`."""

    listed: tuple[Finding, ...]
    folded: tuple[Finding, ...] = ()
    fold_at: int = 0

    @property
    def first(self) -> Finding | None:
        """The finding to look at first (what the composer selects after 「戻って直す」)."""
        if self.listed and (not self.folded or self.fold_at > 0):
            return self.listed[0]
        return self.folded[0] if self.folded else None

    def entries(self) -> list[Finding | tuple[Finding, ...]]:
        """In display order: a Finding, or the folded tuple where its one entry goes."""
        out: list[Finding | tuple[Finding, ...]] = list(self.listed)
        if self.folded:
            out.insert(self.fold_at, self.folded)
        return out


def arrange(findings: list[Finding] | tuple[Finding, ...]) -> Arranged:
    ordered = sorted(findings, key=rank)  # stable: draft order within a rank
    folded = tuple(f for f in ordered if f.kind is FOLDED_KIND)
    if len(folded) <= FOLD_OVER:
        return Arranged(tuple(ordered))
    listed = tuple(f for f in ordered if f.kind is not FOLDED_KIND)
    # The folded entry goes after the one-by-one findings of its own rank: those say something specific.
    fold_rank = rank(folded[0])
    fold_at = sum(1 for f in listed if rank(f) <= fold_rank)
    return Arranged(listed, folded, fold_at)


def folded_entry(count: int) -> str:
    """The one entry the folded findings are listed under."""
    return fill(QCoreApplication.translate("Findings", "触れていないお話が {count} 件あります"), count=count)


def headline(arranged: Arranged) -> str:
    """The composer's 「見直し：…」 title when some findings are folded ("" when none are: the composer
    says 「見直し：%n 件の気になる点」 itself, a plural lupdate only sees in a class's own tr)."""
    listed, folded = len(arranged.listed), len(arranged.folded)
    if not folded:
        return ""
    if not listed:
        return fill(QCoreApplication.translate("Findings", "見直し：触れていないお話が {folded} 件"),
                    folded=folded)
    return fill(QCoreApplication.translate(
        "Findings", "見直し：{count} 件の気になる点（ほかに触れていないお話 {folded} 件）"),
        count=listed, folded=folded)


def intro(arranged: Arranged) -> str:
    """The send-check dialog's first line when some findings are folded ("" when none are)."""
    listed, folded = len(arranged.listed), len(arranged.folded)
    if not folded:
        return ""
    if not listed:
        return fill(QCoreApplication.translate(
            "Findings", "この返信は、お客様のお話 {folded} 件にまだ触れていません。"), folded=folded)
    return fill(QCoreApplication.translate(
        "Findings", "この返信には、まだ {count} 件の気になる点があります（ほかに、触れていないお話が {folded} 件）。"),
        count=listed, folded=folded)
