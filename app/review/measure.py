"""How long and how warm a reply is: the figures the customer memory follows over time.

Length counts the reply's own characters: quoted mail, the signature block and
the address line at the top (「森本 健一 様」) are left out, as are blanks, so a
long signature or a full quote never makes a curt reply look generous. The
masking is the text layer's (`app.text.own_text` reading a draft: its `>` quotes
as the review masks them, then the analyser's zones).

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
from app.review.vocab import APOLOGY, CUSHION, EMPATHY, FEELING, GOODWILL, NOT_EMPATHY, PERSONAL, THANKS
from app.text import EVERY_ZONE, Reading
from app.text import own_text as masked

_THANKS = re.compile(THANKS)
_CUSHION = re.compile(f"{CUSHION}|{APOLOGY}")
_EMPATHY = re.compile(f"{EMPATHY}|{GOODWILL}|{FEELING}")
_NOT_EMPATHY = re.compile(NOT_EMPATHY)
_PERSONAL = re.compile(PERSONAL)
_BLANK = re.compile(r"\s+")


def own_text(text: str) -> str:
    """The writer's own words: quotes, signature and the top address line blanked out."""
    return masked(text, Reading.DRAFT, EVERY_ZONE)


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
