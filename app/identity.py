"""Who a reply goes out as: the shop's name, address, opening greeting and signature.

One mailbox may receive mail for several shops (the demo holds three), so the
identity is chosen per reply by the address the customer wrote to. The
identities live in the settings (`SHOP_IDENTITIES`, editable in the UI's
署名とあいさつ dialog); the demo shops are the defaults so a first reply
to the demo's mail already looks like the shop's own. They never answer mail
written to none of them (the shop's own account or folder, before 署名とあいさつ
is filled in): a real customer must not get a made-up shop's name, address and
telephone number (`identity_for`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from app.model import Address, Message


@dataclass(frozen=True, slots=True)
class ShopIdentity:
    name: str        # the From display name, e.g. 「ドレスショップ ルミエール」
    email: str
    greeting: str    # the lines after 「〇〇様」, before the agent's own words
    signature: str   # the block under the reply, without the "-- " separator

    @property
    def address(self) -> Address:
        return Address(self.name, self.email)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ShopIdentity | None:
        """None for an entry that is not a usable identity (hand-edited settings)."""
        try:
            values = {key: str(data[key]) for key in ("name", "email", "greeting", "signature")}
        except (KeyError, TypeError):
            return None
        return cls(**values) if "@" in values["email"] else None


DEMO_IDENTITIES: tuple[ShopIdentity, ...] = (
    ShopIdentity(
        "ドレスショップ ルミエール",
        "shop@lumiere.example.jp",
        "このたびはドレスショップ ルミエールにお問い合わせいただき、\n誠にありがとうございます。担当の三浦と申します。",
        "━━━━━━━━━━━━━━━━━━━━━━━━\n"
        "ドレスショップ ルミエール\n"
        "担当：三浦 晴香\n"
        "〒150-0001 東京都渋谷区神宮前4-12-8 ルミエールビル2F\n"
        "TEL 03-5555-0123（11:00～19:00 水曜定休）\n"
        "https://lumiere.example.jp/\n"
        "━━━━━━━━━━━━━━━━━━━━━━━━",
    ),
    ShopIdentity(
        "洋菓子工房 こむぎ",
        "order@komugi.example.jp",
        "このたびは洋菓子工房こむぎにご連絡いただき、誠にありがとうございます。\n店主の小林と申します。",
        "────────────────────────\n"
        "洋菓子工房 こむぎ\n"
        "店主　小林 真理\n"
        "〒180-0004 東京都武蔵野市吉祥寺本町2-5-3\n"
        "TEL 0422-55-0188（10:00～19:00 火曜定休）\n"
        "https://komugi.example.jp/\n"
        "────────────────────────",
    ),
    ShopIdentity(
        "毛糸と雑貨の店 いとへん",
        "info@itohen.example.jp",
        "いつも毛糸と雑貨の店 いとへんをご利用いただき、ありがとうございます。\nいとへんの中村です。",
        "＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊\n"
        "毛糸と雑貨の店 いとへん\n"
        "中村 葉子\n"
        "〒600-8061 京都府京都市下京区麩屋町通仏光寺上る8\n"
        "TEL 075-555-0246\n"
        "＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊",
    ),
)


def identities_from_setting(raw: Iterable[object]) -> list[ShopIdentity]:
    """The saved identities, or the demo shops when none is saved (or none is usable)."""
    found = [i for i in (ShopIdentity.from_dict(d) for d in raw if isinstance(d, Mapping)) if i is not None]
    return found or list(DEMO_IDENTITIES)


def identities_to_edit(raw: Iterable[object], own: Sequence[Address], demo_in_use: bool) -> list[ShopIdentity]:
    """What 署名とあいさつ shows: the saved identities, else the shop's own accounts (`own`, with
    nothing filled in yet), else — only while the demo mailbox is what the window shows and no
    account of the shop's own is there — the demo shops; else one empty identity to fill in.

    A shop that added its own account never meets the made-up shops' names and signatures: unedited
    demo shops saved earlier are left out then, and each own account not saved yet is added."""
    demo = demo_in_use and not own
    found = [i for i in (ShopIdentity.from_dict(d) for d in raw if isinstance(d, Mapping)) if i is not None]
    if not demo:
        found = [i for i in found if i not in DEMO_IDENTITIES]
    if found or own:
        saved = {i.email.lower() for i in found}
        for address in own:
            if "@" in address.email and address.email.lower() not in saved:
                saved.add(address.email.lower())
                found.append(ShopIdentity(address.name, address.email, "", ""))
        return found
    return list(DEMO_IDENTITIES) if demo else [ShopIdentity("", "", "", "")]


def identity_for(message: Message, identities: Iterable[ShopIdentity], own: Address | None = None) -> ShopIdentity:
    """The identity the customer wrote to (To, then Cc); else the first one.

    With none saved (the demo's shops stand in) a mail written to none of them is answered from
    `own` (the mail account's address), else from the address it was written to, with no greeting
    and no signature: the shop's own until 署名とあいさつ says more."""
    candidates = list(identities) or list(DEMO_IDENTITIES)
    by_email = {i.email.lower(): i for i in candidates}
    for address in (*message.to, *message.cc):
        found = by_email.get(address.email.lower())
        if found is not None:
            return found
    # Written to none of them (Bcc, an alias): the identity of the account it arrived in.
    if own is not None and own.email.lower() in by_email:
        return by_email[own.email.lower()]
    if all(c in DEMO_IDENTITIES for c in candidates):
        written_to: Address | None = next((a for a in (*message.to, *message.cc) if "@" in a.email), None)
        answer_from = own if own is not None and "@" in own.email else written_to
        if answer_from is not None:
            return ShopIdentity(answer_from.name, answer_from.email, "", "")
    return candidates[0]


def is_unsigned(identity: ShopIdentity) -> bool:
    """No greeting and no signature: the reply says only what the agent writes."""
    return not identity.greeting.strip() and not identity.signature.strip()


def is_ours(message: Message, identities: Iterable[ShopIdentity]) -> bool:
    """The mail was sent by the shop itself (a reply-all or Bcc copy of our own reply that
    lands in the Inbox): its words are ours, not a customer's, and it is no customer's n-th mail."""
    sender = message.sender.email.lower()
    return bool(sender) and any(i.email.lower() == sender for i in identities)


# 「担当の三浦と申します。」: a self-introduction, right for a first mail only.
_INTRODUCTION = re.compile(r"[^。\n]*と申します。")


def greeting_for(identity: ShopIdentity, mail_count: int) -> str:
    """The shop's greeting as it fits this customer.

    A first mail (or an unknown count, 0) gets the shop's own greeting. A customer
    writing again is not introduced to the shop a second time: the 「と申します」
    sentence goes, and a first-contact thanks (「このたびは…いただき、誠にありがとう
    ございます。」) becomes 「いつも〇〇をご利用いただき、誠にありがとうございます。」.
    """
    greeting = identity.greeting.strip()
    if mail_count <= 1 or not greeting:
        return greeting
    text = _INTRODUCTION.sub("", greeting)
    if text.startswith("このたびは"):
        end = text.find("。")
        rest = text[end + 1:] if end >= 0 else ""
        text = f"いつも{identity.name}をご利用いただき、誠にありがとうございます。" + rest
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def for_customer(identity: ShopIdentity, mail_count: int) -> ShopIdentity:
    """`identity` with the greeting that fits a customer who has written `mail_count` mails."""
    return replace(identity, greeting=greeting_for(identity, mail_count))
