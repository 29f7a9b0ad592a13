"""Long replies for measuring the review on length: a draft of n characters, with or without the quoted mail.

The sentences are written for this file (a shop answering a long customer mail): most are
ordinary polite business writing, some carry the slips the writing checks look for (了解しました,
ちょっと, 見れる, a doubled particle, a very long sentence with many commas), so every check does
its real work on the long text instead of returning at once. `make bench` and the tests that
bound the review's work on long drafts share them.
"""

from __future__ import annotations

from app.model import Insight

_DRAFT_SENTENCES = (
    "いつも当店をご利用いただき、誠にありがとうございます。",
    "ご注文いただいたワンピースの件、承知いたしました。",
    "サイズについてのご質問ですが、Mサイズでしたら着丈は九十五センチでございます。",
    "了解しました、明日の午前中に発送いたします。",
    "ちょっとお時間をいただきますが、在庫を確認してご連絡いたします。",
    "お嬢様のご入学、心よりお祝い申し上げます。",
    "お写真は当店のサイトでも見れるようになっております。",
    "ご不便をおかけしてしまい、大変申し訳ございませんでした。",
    "配送は通常、ご注文から三日ほどでお届けしております",
    "色味につきましては、画面の設定によって実物と少し異なって見える場合がございます。",
    "もしよろしければ、ご希望のお日にちをお知らせいただけますでしょうか。",
    "返品をご希望の場合は、商品到着後七日以内にご連絡をお願いいたします。",
    "ラッピングは無料で承っておりますので、お気軽にお申し付けくださいませ。",
    "当店の店長さんにも確認しましたところ、同じ生地での再入荷は来月の予定とのことでした。",
    "お手数ですが、お届け先のご住所をもう一度ご確認いただけますと幸いです。",
    "ご心配をおかけしないよう、発送の際には追跡番号をお送りいたします。",
    "私の私の確認不足で、ご案内が遅れてしまいました。",
    "生地は綿が主で、ご自宅の洗濯機でも洗っていただけますが、色落ちを防ぐために、裏返して、"
    "ネットに入れて、弱い水流で、できれば単独で、陰干しにしていただくと、長くお使いいただけます。",
    "不明な点がないわけではないと思いますので、どうぞご遠慮なくお尋ねください。",
    "また何かございましたら、いつでもご連絡くださいませ。",
)
_DRAFT_FRAME_HEAD = "山田 花子様\n\nいつもお世話になっております。\nアトリエ青葉の佐藤でございます。\n\n"
_DRAFT_FRAME_TAIL = "\n\nどうぞよろしくお願いいたします。\n\nアトリエ青葉\n佐藤 美咲\nTEL 03-0000-0000\n"

_MAIL_SENTENCES = (
    "いつも素敵なお洋服をありがとうございます。",
    "来月、娘の入学式があり、私が着ていく紺のワンピースを探しています。",
    "身長は百五十八センチで、普段はMサイズを着ています。",
    "入学式までに届くかどうか心配です。",
    "在庫があれば、今週中に発送していただけますか。",
    "また、前回購入したブラウスが一度洗っただけで少し縮んでしまいました。",
    "洗濯の方法を教えていただけると助かります。",
    "ギフト用の包装もお願いできますでしょうか。",
    "母の誕生日に同じ柄のストールを贈りたいと思っています。",
    "お忙しいところすみませんが、よろしくお願いいたします。",
)


def _fill(sentences: tuple[str, ...], length: int, paragraph: int) -> str:
    """The sentences in turn, a line break after each and a blank line every `paragraph`, up to `length`.

    Each sentence is numbered (「（12）」, as a long reply numbers its points), so no two are the same
    text: the review's per-sentence caches must not make a long draft look cheaper than it is."""
    parts, size, number = [], 0, 0
    while size < length:
        sentence = f"（{number + 1}）" + sentences[number % len(sentences)]
        ending = "\n\n" if number % paragraph == paragraph - 1 else "\n"
        parts.append(sentence + ending)
        size += len(sentence) + len(ending)
        number += 1
    return "".join(parts)[:length]


def long_mail(length: int) -> str:
    """A customer's mail of about `length` characters."""
    return "山田です。\n\n" + _fill(_MAIL_SENTENCES, length, 4)


def long_draft(own_chars: int, mail: str | None = None) -> str:
    """A reply with `own_chars` characters of the agent's own sentences; with `mail`, quoted below it (`> ` lines)."""
    draft = _DRAFT_FRAME_HEAD + _fill(_DRAFT_SENTENCES, own_chars, 5) + _DRAFT_FRAME_TAIL
    if mail is None:
        return draft
    quoted = "\n".join("> " + line if line else ">" for line in mail.splitlines())
    return draft + "\n2026年11月9日(月) 8:02 山田 花子 <hanako@example.jp>:\n" + quoted + "\n"


def insight_for(mail: str) -> Insight:
    """The analyser's highlights of `mail` (what the composer's live review gets)."""
    from app.analysis import analyze

    return analyze(mail)
