"""A large, realistic Japanese mailbox for the search bench, generated in seconds.

Mails are assembled from phrase pools the way shop mail is written (greeting,
who they are, what happened, what they ask, a worry, a closing), with names,
products, dates and order numbers varied, so term frequencies look like a real
inbox: 「配送」 and 「ありがとう」 are everywhere, a product code or a surname rare.
Seeded: every run indexes the same 100,000 mails.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from app.store.search import IndexRow

SURNAMES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
            "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "森本", "藤井", "岡本", "西田")
GIVEN = ("健一", "ゆかり", "美穂", "誠", "さやか", "和夫", "真奈美", "拓也", "千尋", "亮", "彩", "由美子", "正")
PRODUCTS = ("ネイビーのレースドレス", "本革の通勤バッグ", "ノエル・ブランシュ", "米粉のシフォンケーキ",
            "ウールのカーディガン", "ステンレスの保温ボトル", "名入れの万年筆", "ベビー用のおくるみ", "ヒノキのまな板",
            "手染めの藍ストール", "防水のスニーカー", "北欧柄のマグカップ", "オーガニックの紅茶セット",
            "互換インクカートリッジ", "革靴のお手入れセット")
FAMILY = ("妻", "夫", "母", "父", "娘", "息子", "祖母", "友人")
OCCASIONS = ("誕生日", "還暦祝い", "結婚記念日", "出産祝い", "入学祝い", "母の日", "父の日", "退職祝い", "クリスマス")
OPENERS = ("いつもお世話になっております。", "はじめてご連絡いたします。", "先日はありがとうございました。",
           "突然のご連絡失礼いたします。", "ご無沙汰しております。")
STORIES = (
    "{family}の{occasion}に{product}を贈りたいと考えています。",
    "先週注文した{product}がまだ届いておらず、配送状況を確認したいです。",
    "{family}が膝を痛めておりまして、玄関先での受け取りが難しい状況です。",
    "実は{family}が卵アレルギーで、原材料について詳しく知りたいと思っています。",
    "届いた{product}のサイズが合わず、交換をお願いできればと思っています。",
    "{occasion}のパーティーで使うため、{month}月{day}日までに必要です。",
    "以前購入した{product}がとても気に入り、今回もリピートしました。",
    "引っ越しをしたので、お届け先の住所を変更したいです。",
)
ASKS = (
    "配送日を{month}月{day}日に変更していただくことは可能でしょうか。",
    "ギフト用のラッピングをお願いできますか。",
    "在庫があるかどうか教えていただけますでしょうか。",
    "送料はいくらになりますか。",
    "領収書を発行していただけますか。",
    "注文番号{order}のキャンセルをお願いします。",
    "色違いの在庫はありますか。",
)
WORRIES = ("間に合うかどうか心配しております。", "初めての注文なので少し不安です。", "", "", "")
CLOSINGS = ("どうぞよろしくお願いいたします。", "お忙しいところ恐れ入りますが、よろしくお願いいたします。",
            "ご確認のほど、よろしくお願い申し上げます。")


def mails(count: int, seed: int = 8) -> Iterator[IndexRow]:
    rng = random.Random(seed)
    start = datetime(2022, 1, 1, tzinfo=UTC)
    for number in range(count):
        surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
        fill = {
            "family": rng.choice(FAMILY), "occasion": rng.choice(OCCASIONS), "product": rng.choice(PRODUCTS),
            "month": rng.randint(1, 12), "day": rng.randint(1, 28), "order": f"A{rng.randint(100000, 999999)}",
        }
        paragraphs = [
            "お店のご担当者様",
            rng.choice(OPENERS) + f"{surname}と申します。",
            " ".join(rng.choice(STORIES).format(**fill) for _ in range(rng.randint(1, 3))),
            rng.choice(ASKS).format(**fill) + rng.choice(WORRIES),
            rng.choice(CLOSINGS),
            f"{surname} {given}",
        ]
        subject = rng.choice(("{product}について", "注文番号{order}の件", "{occasion}のギフトの相談", "配送について",
                              "お問い合わせ")).format(**fill)
        yield IndexRow(
            source="bench", folder_id="", key=str(number), message_id=f"<{number}.bench@example.jp>",
            date=start + timedelta(minutes=7 * number), sender=f"{surname} {given} <c{number}@example.jp>",
            subject=subject, body="\n\n".join(paragraphs),
        )
