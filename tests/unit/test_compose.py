"""Building replies: greeting, subject, quote, threading headers and the final bytes."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from app.identity import DEMO_IDENTITIES, ShopIdentity, identities_from_setting, identity_for
from app.mail.compose import (
    UnencodableDraft,
    UnfilledDraft,
    addressee,
    attribution_line,
    customer_name,
    greeting_line,
    new_reply,
    outgoing,
    quote_body,
    reply_references,
    reply_subject,
    strip_honorific,
    unencodable_in,
)
from app.mail.outgoing import with_stand_ins
from app.mail.parse import parse_message
from app.model import Address, Message
from app.review.context import quoted_ranges
from app.sources.base import MessageRef
from app.sources.connection import Charset

JST = timezone(timedelta(hours=9))
SHOP = ShopIdentity(
    "ドレスショップ ルミエール", "shop@lumiere.example.jp", "いつもありがとうございます。", "ルミエール\n三浦"
)


def _message(**overrides: object) -> Message:
    values: dict[str, object] = {
        "subject": "ドレスの在庫について",
        "sender": Address("小野寺 さやか", "sayaka@example.com"),
        "date": datetime(2025, 11, 12, 21, 37, tzinfo=JST),
        "body": "ルミエール様\n\n連休にパーティーで着たいと思っています。\n\n小野寺",
        "to": (Address("ドレスショップ ルミエール", "shop@lumiere.example.jp"),),
        "message_id": "<dress01@example.com>",
    }
    values.update(overrides)
    return Message(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("小野寺 さやか", "小野寺 さやか様"),
        ("小野寺 さやか 様", "小野寺 さやか様"),
        ("小野寺さやかさん", "小野寺さやか様"),
        ("株式会社さくら商事", "株式会社さくら商事 御中"),
        ("株式会社さくら商事 御中", "株式会社さくら商事 御中"),
        ("株式会社さくら商事 営業部 高橋 一郎", "株式会社さくら商事 営業部\n高橋 一郎様"),
        ("株式会社 さくら 高橋", "株式会社 さくら\n高橋様"),
        ("", "{customer}様"),
        ("Jane Smith", "Jane Smith様"),
    ],
)
def test_greeting_line(name: str, expected: str) -> None:
    assert greeting_line(Address(name, "x@example.com")) == expected


def test_customer_name_is_the_person_only() -> None:
    assert customer_name(Address("株式会社さくら 高橋 一郎 様", "x@example.com")) == "高橋 一郎"
    assert strip_honorific("森本 健一 様") == "森本 健一"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("在庫", "Re: 在庫"),
        ("Re: 在庫", "Re: 在庫"),
        ("RE: Re: re:在庫", "Re: 在庫"),
        ("Re[2]: 在庫", "Re: 在庫"),
        ("Ｒｅ：在庫", "Re: 在庫"),
        ("返信: 在庫", "Re: 在庫"),
        ("Fwd: 在庫", "Re: Fwd: 在庫"),
    ],
)
def test_reply_subject_does_not_stack(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


def test_references_extend_the_chain() -> None:
    message = _message(references=("<a@x>", "<b@x>"), in_reply_to="<b@x>", message_id="<c@x>")
    assert reply_references(message) == ("<a@x>", "<b@x>", "<c@x>")
    only_reply_to = _message(in_reply_to="<b@x>", message_id="<c@x>")
    assert reply_references(only_reply_to) == ("<b@x>", "<c@x>")


def test_attribution_and_quote_are_recognised_as_quoted_by_the_review() -> None:
    message = _message()
    line = attribution_line(message)
    assert line == "2025年11月12日(水) 21:37 小野寺 さやか <sayaka@example.com>:"
    quoted = quote_body(message.body)
    assert quoted.splitlines()[:2] == ["> ルミエール様", ">"]
    draft = "小野寺 さやか様\n\nありがとうございます。\n\n" + line + "\n" + quoted + "\n"
    ranges = quoted_ranges(draft)
    assert ranges and draft[ranges[0][0] :].startswith(line)
    assert draft[ranges[-1][1] - 1] == "\n" and ranges[-1][1] == len(draft)


def test_new_reply_layout_and_cursor() -> None:
    message = _message()
    reply = new_reply(message, SHOP, datetime(2025, 11, 13, 10, 0, tzinfo=JST), ref=MessageRef("", "k"))
    draft = reply.draft
    assert draft.body.startswith("小野寺 さやか様\n\nいつもありがとうございます。\n\n")
    assert reply.cursor == len("小野寺 さやか様\n\nいつもありがとうございます。\n\n")
    assert draft.body.index("ルミエール\n三浦") < draft.body.index("2025年11月12日(水) 21:37")
    assert draft.to == (message.sender,) and draft.cc == ()
    assert draft.in_reply_to == "<dress01@example.com>"
    assert draft.original_id == "<dress01@example.com>"
    assert draft.message_id.endswith("@lumiere.example.jp>")


def test_reply_all_copies_the_others_but_not_the_shop() -> None:
    message = _message(
        to=(Address("ルミエール", "SHOP@lumiere.example.jp"), Address("夫", "husband@example.com")),
        cc=(Address("", "sayaka@example.com"), Address("友人", "friend@example.com")),
    )
    draft = new_reply(message, SHOP, datetime.now(JST), reply_all=True).draft
    assert [a.email for a in draft.to] == ["sayaka@example.com"]
    assert [a.email for a in draft.cc] == ["husband@example.com", "friend@example.com"]


def test_outgoing_bytes_round_trip() -> None:
    message = _message()
    draft = new_reply(message, SHOP, datetime.now(JST)).draft
    now = datetime(2025, 11, 13, 10, 20, tzinfo=JST)
    out = outgoing(draft, now, MessageRef("", "k"))
    assert out.message_id == draft.message_id and out.recipients == ("sayaka@example.com",)
    assert out.replying_to == MessageRef("", "k") and out.envelope_from == "shop@lumiere.example.jp"
    assert b"\r\n" in out.raw and all(b < 0x80 for b in out.raw), "headers and body must be 7-bit clean"
    parsed = email.message_from_bytes(out.raw, policy=email.policy.default)
    assert parsed["Subject"] == "Re: ドレスの在庫について"
    assert parsed["In-Reply-To"] == "<dress01@example.com>"
    assert parsed["References"] == "<dress01@example.com>"
    assert parsed["Message-ID"] == draft.message_id
    assert parsed["Date"] == "Thu, 13 Nov 2025 10:20:00 +0900"
    assert "=?utf-8?" in out.raw.decode("ascii").split("\r\n\r\n")[0]
    ours = parse_message(out.raw)
    assert ours.sender == Address("ドレスショップ ルミエール", "shop@lumiere.example.jp")
    assert ours.body.replace("\r\n", "\n").rstrip("\n") == draft.body.rstrip("\n")


def test_outgoing_refuses_an_unfilled_placeholder_outside_the_quote() -> None:
    message = _message(body="> {customer} in their own quote is fine")
    draft = new_reply(message, SHOP, datetime.now(JST)).draft
    outgoing(draft, datetime.now(JST))  # the quote may hold anything
    with pytest.raises(UnfilledDraft):
        outgoing(replace(draft, body="{topic}とのこと"), datetime.now(JST))


def test_identity_is_the_shop_the_customer_wrote_to() -> None:
    komugi = _message(to=(Address("", "Order@Komugi.example.jp"),))
    assert identity_for(komugi, DEMO_IDENTITIES).name == "洋菓子工房 こむぎ"
    assert identity_for(_message(to=()), DEMO_IDENTITIES) == DEMO_IDENTITIES[0]
    assert identities_from_setting([]) == list(DEMO_IDENTITIES)
    assert identities_from_setting([{"name": "x"}, SHOP.to_dict()]) == [SHOP]


def test_outgoing_in_iso_2022_jp_for_an_account_set_up_for_it() -> None:
    message = _message()
    draft = new_reply(message, SHOP, datetime.now(JST)).draft
    draft = replace(draft, body="小野寺様\n\nご注文ありがとうございます。髪飾りもお付けします。\n" + draft.body)
    now = datetime(2025, 11, 13, 10, 20, tzinfo=JST)
    out = outgoing(draft, now, MessageRef("", "k"), Charset.ISO2022JP)
    head, _, body = out.raw.partition(b"\r\n\r\n")
    assert b'charset="iso-2022-jp"' in head.lower() and b"content-transfer-encoding: 7bit" in head.lower()
    assert b"\x1b$B" in body, "JIS X 0208 escape in the body"
    assert out.message_id == draft.message_id and out.recipients == ("sayaka@example.com",)
    ours = parse_message(out.raw)
    assert ours.subject == "Re: ドレスの在庫について"
    assert ours.sender == Address("ドレスショップ ルミエール", "shop@lumiere.example.jp")
    assert ours.body.replace("\r\n", "\n").rstrip("\n") == draft.body.rstrip("\n")


def test_iso_2022_jp_refuses_what_it_cannot_carry_and_offers_stand_ins() -> None:
    draft = new_reply(_message(), SHOP, datetime.now(JST)).draft
    draft = replace(draft, subject="①のご注文～について", body="㈱髙橋様より😊\n" + draft.body)
    assert unencodable_in(draft, Charset.UTF8) == []
    assert unencodable_in(draft, Charset.ISO2022JP) == ["①", "～", "㈱", "髙", "😊"]
    with pytest.raises(UnencodableDraft):
        outgoing(draft, datetime.now(JST), None, Charset.ISO2022JP)
    subject, left = with_stand_ins(draft.subject, Charset.ISO2022JP)
    assert (subject, left) == ("(1)のご注文〜について", [])
    body, left = with_stand_ins("㈱髙橋様より😊ｱﾘｶﾞﾄｳ", Charset.ISO2022JP)
    assert (body, left) == ("(株)高橋様より😊アリガトウ", ["😊"])
    assert with_stand_ins("そのまま", Charset.ISO2022JP) == ("そのまま", [])


_FORM_MAIL = (
    "From: =?UTF-8?B?44GK5ZWP44GE5ZCI44KP44Gb44OV44Kp44O844Og?= <no-reply@form.example.jp>\r\n"
    "Reply-To: =?UTF-8?B?5bGx55SwIOiKseWtkA==?= <hanako@example.com>\r\n"
    "To: shop@lumiere.example.jp\r\n"
    "Cc: staff@lumiere.example.jp\r\n"
    "Subject: =?UTF-8?B?44GK5ZWP44GE5ZCI44KP44Gb?=\r\n"
    "Message-ID: <form-1@form.example.jp>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\n"
    "お名前：山田 花子\r\nお問い合わせ内容：ドレスの丈を教えていただけますか。\r\n"
).encode()


def test_a_contact_form_mail_is_answered_to_its_reply_to() -> None:
    message = parse_message(_FORM_MAIL)
    assert message.sender == Address("お問い合わせフォーム", "no-reply@form.example.jp")
    assert message.reply_to == (Address("山田 花子", "hanako@example.com"),)
    reply = new_reply(message, SHOP, datetime.now(JST))
    assert reply.draft.to == (Address("山田 花子", "hanako@example.com"),)
    assert reply.draft.body.startswith("山田 花子様\n")
    assert customer_name(addressee(message)) == "山田 花子"
    everyone = new_reply(message, SHOP, datetime.now(JST), reply_all=True).draft
    assert [a.email for a in everyone.cc] == ["staff@lumiere.example.jp"]  # not the form's no-reply sender


def test_without_reply_to_the_sender_is_answered() -> None:
    message = _message()
    assert message.reply_to == ()
    assert new_reply(message, SHOP, datetime.now(JST)).draft.to == (message.sender,)
    assert addressee(message) == message.sender


def test_the_demo_shops_never_answer_mail_written_to_none_of_them() -> None:
    """With nothing saved in 署名とあいさつ, the shop's own mail (its account, its folder) is answered
    from its own address with no greeting or signature, never as a demo shop (walkthrough)."""
    from app.identity import is_unsigned

    own_mail = _message(to=(Address("", "info@hinata.example.jp"),))
    written_to = identity_for(own_mail, DEMO_IDENTITIES)
    assert written_to.email == "info@hinata.example.jp" and is_unsigned(written_to)
    account = identity_for(own_mail, DEMO_IDENTITIES, own=Address("ひなた雑貨", "shop@hinata.example.jp"))
    assert account.address == Address("ひなた雑貨", "shop@hinata.example.jp") and is_unsigned(account)
    # A saved identity still answers whatever the address (the shop chose it), and the demo's mail
    # still gets the demo shop it was written to.
    assert identity_for(own_mail, [SHOP]) == SHOP
    komugi = _message(to=(Address("", "order@komugi.example.jp"),))
    assert identity_for(komugi, DEMO_IDENTITIES, own=Address("", "shop@hinata.example.jp")).name == "洋菓子工房 こむぎ"
    assert not is_unsigned(DEMO_IDENTITIES[0])
