"""Issue 16 (6): the greeting fits the relationship: no self-introduction to a regular customer."""

from __future__ import annotations

from app.identity import DEMO_IDENTITIES, ShopIdentity, greeting_for


def test_first_mail_keeps_the_shops_own_greeting() -> None:
    for identity in DEMO_IDENTITIES:
        assert greeting_for(identity, 1) == identity.greeting.strip()
        assert greeting_for(identity, 0) == identity.greeting.strip()  # count unknown


def test_a_regular_customer_is_not_introduced_again() -> None:
    lumiere, komugi, itohen = DEMO_IDENTITIES
    assert greeting_for(lumiere, 4) == "いつもドレスショップ ルミエールをご利用いただき、誠にありがとうございます。"
    assert greeting_for(komugi, 2) == "いつも洋菓子工房 こむぎをご利用いただき、誠にありがとうございます。"
    # Already a regular's greeting, and a name rather than an introduction: kept as written.
    assert greeting_for(itohen, 3) == itohen.greeting.strip()
    for identity in DEMO_IDENTITIES:
        assert "と申します" not in greeting_for(identity, 4)


def test_a_shops_own_wording_after_the_introduction_stays() -> None:
    greeting = "このたびはご注文いただきありがとうございます。\n店長の緑川と申します。\n季節の花をお届けします。"
    shop = ShopIdentity("花屋 みどり", "a@b.jp", greeting, "")
    assert greeting_for(shop, 5) == (
        "いつも花屋 みどりをご利用いただき、誠にありがとうございます。\n季節の花をお届けします。"
    )


def test_a_copy_of_our_own_reply_is_ours_and_a_customers_mail_is_not() -> None:
    from app.identity import is_ours
    from app.mail.parse import parse_message

    lumiere = DEMO_IDENTITIES[0]
    copy = parse_message(("From: ドレスショップ ルミエール <" + lumiere.email.upper() + ">\r\n"
                          "To: customer@example.jp\r\nCc: " + lumiere.email + "\r\nSubject: Re: 在庫\r\n"
                          "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                          "お問い合わせありがとうございます。\r\n").encode())
    assert is_ours(copy, DEMO_IDENTITIES)
    customer = parse_message(("From: customer@example.jp\r\nTo: " + lumiere.email + "\r\nSubject: 在庫\r\n"
                              "Content-Type: text/plain; charset=utf-8\r\n\r\n在庫はありますか。\r\n").encode())
    assert not is_ours(customer, DEMO_IDENTITIES)
