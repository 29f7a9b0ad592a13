"""How long and how warm a reply is: the figures the customer memory follows over time.

Length counts the reply's own characters: quoted mail, the signature block and
the address line at the top (「森本 健一 様」) are left out, as are blanks, so a
long signature or a full quote never makes a curt reply look generous. The
zoning is the analyser's (it already knows Japanese signatures and quote
headers), and a draft's `>` quotes are masked as the review masks them.

Warmth counts phrases from the review's own vocabulary (`app.review.vocab`):
thanks, empathy (feelings recognised, goodwill), cushions (cushion words and
apologies) and personal references (the customer's family named with respect,
「〜とのこと」). Each occurrence counts, so a reply that thanks twice and
acknowledges a worry scores higher than one bare 「ありがとうございます」.
"""

from __future__ import annotations

import re
from datetime import datetime

from app.model import ReplyStats
from app.review.context import quoted_ranges
from app.review.vocab import APOLOGY, CUSHION, EMPATHY, FEELING, GOODWILL, NOT_EMPATHY, PERSONAL, THANKS

_THANKS = re.compile(THANKS)
_CUSHION = re.compile(f"{CUSHION}|{APOLOGY}")
_EMPATHY = re.compile(f"{EMPATHY}|{GOODWILL}|{FEELING}")
_NOT_EMPATHY = re.compile(NOT_EMPATHY)
_PERSONAL = re.compile(PERSONAL)
_BLANK = re.compile(r"\s+")


def own_text(text: str) -> str:
    """The writer's own words: quotes, signature and the top address line blanked out."""
    from app.analysis.zones import find_zones

    chars = list(text)
    for start, end in quoted_ranges(text):
        chars[start:end] = "\n" * (end - start)
    masked = "".join(chars)
    zones, _kept = find_zones(masked)
    chars = list(masked)
    for zone in zones:
        chars[zone.start : zone.end] = "\n" * (zone.end - zone.start)
    return "".join(chars)


def measure_reply(text: str, date: datetime | None = None) -> ReplyStats:
    own = own_text(text)
    return ReplyStats(
        date=date,
        length=len(_BLANK.sub("", own)),
        thanks=len(_THANKS.findall(own)),
        empathy=len(_EMPATHY.findall(_NOT_EMPATHY.sub("", own))),
        cushion=len(_CUSHION.findall(own)),
        personal=len(_PERSONAL.findall(own)),
    )
