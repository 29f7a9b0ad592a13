"""Writes the bundled demo Maildir (`resources/demo/`) and what the tests expect of it.

The demo is the first thing a new user opens, and the corpus the parser and the
analyser are checked against, so every mail is built here byte by byte: the
point is the encodings Japanese mail really arrives in, not what Python's
`email` package would choose. Output is deterministic (fixed dates, fixed
Message-IDs, fixed MIME boundaries): running this twice gives identical files.

Usage:
    python scripts/make_demo.py                      # rewrite resources/demo + tests/data/demo_expected.json
    python scripts/make_demo.py --out DIR [--expected FILE]

After writing, every file is read back and decoded with Python's own codecs
(`verify`); a mismatch stops the script.

Which file is which encoding (Inbox unless marked Sent):

| key          | body charset / transfer encoding      | also covers                                          |
|--------------|----------------------------------------|------------------------------------------------------|
| knit01       | ISO-2022-JP 7bit                       | short question                                       |
| knitlong01   | ISO-2022-JP 7bit                       | long chatty mail (~2,000 chars)                      |
| b2b01        | ISO-2022-JP 7bit + NEC/IBM extensions  | ①②③ ㈱ 髙 﨑 in Subject and body, B2B deadline, ━━━ |
| notice01     | UTF-8 base64                           | automatic notification, no customer words            |
| delay01      | Shift_JIS label on CP932 bytes         | ① ～ ㈱, delivery-delay complaint                    |
| knit02       | EUC-JP 8bit                            | EUC-JP Subject and From                              |
| return01     | UTF-8 quoted-printable                 | RFC 2047 Q Subject folded, return/exchange           |
| dress01      | ISO-2022-JP 7bit                       | party dress (disclosure, worry, request), B folded   |
| gift01       | multipart/alternative UTF-8 QP text+HTML | noshi gift                                         |
| cake01       | ISO-2022-JP 7bit                       | allergy cake: first enquiry                          |
| cake02       | UTF-8 quoted-printable                 | allergy cake: order, quotes our reply with >         |
| quote01      | multipart/mixed UTF-8 8bit + PDF       | RFC 2231 filename*=UTF-8''…, B2B formal, deadline    |
| photo01      | multipart/mixed ISO-2022-JP + JPEG     | name="=?ISO-2022-JP?B?…?=" attachment                |
| cake03       | UTF-8 base64                           | allergy cake: thanks after Christmas                 |
| oldpc01      | no charset label, Shift_JIS bytes      | old mailer                                           |
| forward01    | UTF-8 quoted-printable                 | forwarded order confirmation                         |
| deco01       | HTML only, UTF-8 base64                | smartphone deco mail, remote image, emoji            |
| sasaki01     | ISO-2022-JP 7bit                       | regular customer, short                              |
| sasakilong02 | UTF-8 base64                           | long chatty, replies to our mail with > quotes       |
| sasakilong03 | UTF-8 quoted-printable                 | long chatty, Gmail attribution line before quote     |
| nec02        | ISO-2022-JP 7bit + NEC/IBM extensions  | ㍻ Ⅲ 﨑 ① in Subject and body                        |
| mother01     | UTF-8 base64                           | smartphone address, emoji, B Subject folded          |
| knit03       | EUC-JP 8bit                            |                                                      |
| return02     | Shift_JIS label on CP932 bytes         | ～ ㈱, wrong colour exchange                          |
| oneline01    | UTF-8 quoted-printable                 | one-line question, Q Subject                         |
| notice02     | ISO-2022-JP 7bit                       | courier notification, no customer words              |
| dress02      | multipart/alternative ISO-2022-JP + HTML | dress for a wedding reception                      |
| cake04       | ISO-2022-JP 7bit                       | allergy cake: new order a year later                 |
| Sent: re-*   | ISO-2022-JP 7bit or UTF-8 QP           | our replies, In-Reply-To / References set            |
"""

from __future__ import annotations

import argparse
import base64
import email
import email.header
import json
import quopri
import re
import sys
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "resources" / "demo"
DEFAULT_EXPECTED = ROOT / "tests" / "data" / "demo_expected.json"
JST = timezone(timedelta(hours=9))
CRLF = b"\r\n"

# ---------------------------------------------------------------------------
# ISO-2022-JP with the Microsoft/NEC extensions (what Outlook and Becky! send,
# a.k.a. CP50220). Python's `iso2022_jp` refuses ①, ㈱, 髙…, so we go through
# CP932: every CP932 double-byte code whose lead byte is 0x81–0x9F or 0xE0–0xEF
# has a JIS X 0208 row/cell, including NEC row 13 (0x87xx → 0x2Dxx) and the
# NEC-selected IBM extensions (0xED/0xEE → rows 0x79–0x7C). IBM's own copies
# at 0xFA–0xFC have no JIS position, so those characters use the NEC-selected
# codes, as Windows does.
# ---------------------------------------------------------------------------

ESC_JIS = b"\x1b$B"
ESC_ASCII = b"\x1b(B"


def sjis_to_jis(s1: int, s2: int) -> bytes:
    if s1 >= 0xE0:
        s1 -= 0x40
    j1 = (s1 - 0x81) * 2 + 0x21
    if s2 >= 0x9F:
        return bytes([j1 + 1, s2 - 0x9F + 0x21])
    return bytes([j1, s2 - 0x40 + 0x21 - (1 if s2 >= 0x80 else 0)])


@cache
def _jis_table() -> dict[str, bytes]:
    table: dict[str, bytes] = {}
    leads = [*range(0x81, 0xA0), *range(0xE0, 0xF0)]
    for lead in leads:
        for trail in range(0x40, 0xFD):
            if trail == 0x7F:
                continue
            try:
                char = bytes([lead, trail]).decode("cp932")
            except UnicodeDecodeError:
                continue
            # First code wins: a character in both JIS row 2 and NEC row 13
            # (∵, ≒, √ …) keeps its standard code.
            table.setdefault(char, sjis_to_jis(lead, trail))
    return table


def jis_line(text: str) -> bytes:
    """One line as ISO-2022-JP bytes, back in ASCII at the end (RFC 1468)."""
    table = _jis_table()
    out = bytearray()
    in_jis = False
    for char in text:
        if ord(char) < 0x80:
            if in_jis:
                out += ESC_ASCII
                in_jis = False
            out += char.encode("ascii")
            continue
        code = table.get(char)
        if code is None:
            raise ValueError(f"no ISO-2022-JP code for {char!r} (U+{ord(char):04X})")
        if not in_jis:
            out += ESC_JIS
            in_jis = True
        out += code
    if in_jis:
        out += ESC_ASCII
    return bytes(out)


def jis_encode(text: str) -> bytes:
    return b"\n".join(jis_line(line) for line in text.split("\n"))


def jis_decode(data: bytes) -> str:
    """Our own inverse (JIS → CP932), only for read-back checks of extension mails."""
    out: list[str] = []
    in_jis = False
    i = 0
    while i < len(data):
        if data.startswith(ESC_JIS, i):
            in_jis, i = True, i + 3
        elif data.startswith(ESC_ASCII, i):
            in_jis, i = False, i + 3
        elif in_jis and data[i] not in b"\r\n":
            j1, j2 = data[i], data[i + 1]
            s1 = (j1 + 1) // 2 + (0x70 if j1 <= 0x5E else 0xB0)
            s2 = j2 + (0x1F if j1 % 2 else 0x7E)
            if j1 % 2 and j2 >= 0x60:
                s2 += 1
            out.append(bytes([s1, s2]).decode("cp932"))
            i += 2
        else:
            out.append(chr(data[i]))
            i += 1
    return "".join(out)


# ---------------------------------------------------------------------------
# Charsets, headers (RFC 2047 / 2231) and MIME entities
# ---------------------------------------------------------------------------

ENCODERS: dict[str, Callable[[str], bytes]] = {
    "ISO-2022-JP": jis_encode,
    # The label says Shift_JIS, the bytes are CP932: what Windows mailers send.
    "Shift_JIS": lambda text: text.encode("cp932"),
    "EUC-JP": lambda text: text.encode("euc_jp"),
    "UTF-8": lambda text: text.encode("utf-8"),
    "": lambda text: text.encode("cp932"),  # no label at all: an old Windows mailer
}

_WORD_LIMIT = 66  # keeps "Subject: " + one encoded word within 78 columns
_Q_SAFE = re.compile(rb"[A-Za-z0-9!*+\-/]")


def _q_encode(data: bytes) -> str:
    out = []
    for byte in data:
        char = bytes([byte])
        if byte == 0x20:
            out.append("_")
        elif _Q_SAFE.fullmatch(char):
            out.append(char.decode("ascii"))
        else:
            out.append(f"={byte:02X}")
    return "".join(out)


def encoded_words(text: str, charset: str, method: str = "B") -> str:
    """RFC 2047 words, split between characters, folded with CRLF + space."""
    label = charset or "Shift_JIS"
    encode = ENCODERS[charset]

    def word(piece: str) -> str:
        data = encode(piece)
        payload = base64.b64encode(data).decode("ascii") if method == "B" else _q_encode(data)
        return f"=?{label}?{method}?{payload}?="

    words: list[str] = []
    piece = ""
    for char in text:
        if piece and len(word(piece + char)) > _WORD_LIMIT:
            words.append(word(piece))
            piece = ""
        piece += char
    if piece:
        words.append(word(piece))
    return "\r\n ".join(words)


def header_text(text: str, charset: str, method: str = "B") -> str:
    """Plain ASCII stays readable; anything else becomes encoded words.

    A leading "Re: " or "Fwd: " is left outside the words, as most mailers do.
    """
    if text.isascii():
        return text
    match = re.match(r"((?:Re|Fwd|RE|FW): )(.*)", text)
    if match:
        return match.group(1) + encoded_words(match.group(2), charset, method)
    return encoded_words(text, charset, method)


def address(name: str, mail: str, charset: str) -> str:
    if not name:
        return mail
    return f"{header_text(name, charset)} <{mail}>"


def _crlf_text(text: str, charset: str) -> bytes:
    data = ENCODERS[charset](text.replace("\r\n", "\n"))
    if not data.endswith(b"\n"):
        data += b"\n"
    return data.replace(b"\n", CRLF)


def _b64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", CRLF)


def _qp(data_lf: bytes) -> bytes:
    return quopri.encodestring(data_lf).replace(b"\n", CRLF)


@dataclass(frozen=True)
class Entity:
    headers: tuple[str, ...]
    body: bytes


def text_entity(text: str, charset: str, cte: str, subtype: str = "plain") -> Entity:
    """A text part whose bytes are exactly `charset` + `cte`; "" charset means no label."""
    label = f'; charset="{charset}"' if charset == "ISO-2022-JP" else (f"; charset={charset}" if charset else "")
    headers = (f"Content-Type: text/{subtype}{label}", f"Content-Transfer-Encoding: {cte}")
    raw = _crlf_text(text, charset)
    if cte == "base64":
        body = _b64(raw)
    elif cte == "quoted-printable":
        body = _qp(raw.replace(CRLF, b"\n"))
    else:
        body = raw
    return Entity(headers, body)


def multipart(subtype: str, boundary: str, parts: Sequence[Entity]) -> Entity:
    body = bytearray(b"This is a multi-part message in MIME format.\r\n\r\n")
    for part in parts:
        body += f"--{boundary}\r\n".encode("ascii")
        body += "\r\n".join(part.headers).encode("ascii") + CRLF + CRLF
        # The CRLF before a delimiter belongs to the delimiter (RFC 2046), so
        # a part that ends in a line break needs one more.
        body += part.body + CRLF
    body += f"--{boundary}--\r\n".encode("ascii")
    return Entity((f'Content-Type: multipart/{subtype};\r\n boundary="{boundary}"',), bytes(body))


def attachment_rfc2231(filename: str, content_type: str, data: bytes) -> Entity:
    """The standard way: `filename*=UTF-8''%E8%A6%8B…` (RFC 2231), what Gmail and Thunderbird send."""
    quoted = urllib.parse.quote(filename.encode("utf-8"), safe="")
    return Entity(
        (
            f"Content-Type: {content_type}",
            f"Content-Disposition: attachment;\r\n filename*=UTF-8''{quoted}",
            "Content-Transfer-Encoding: base64",
        ),
        _b64(data),
    )


def attachment_rfc2047(filename: str, content_type: str, data: bytes) -> Entity:
    """The common non-standard way: an encoded word inside the quoted name (Japanese mailers)."""
    word = encoded_words(filename, "ISO-2022-JP")
    return Entity(
        (
            f'Content-Type: {content_type};\r\n name="{word}"',
            f'Content-Disposition: attachment;\r\n filename="{word}"',
            "Content-Transfer-Encoding: base64",
        ),
        _b64(data),
    )


def fake_pdf(lines: Sequence[str]) -> bytes:
    """A small valid PDF (one page of ASCII text) with a correct xref table."""
    stream = "BT /F1 14 Tf 72 760 Td 18 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def fake_jpeg(comment: str) -> bytes:
    """JPEG-looking bytes (SOI, JFIF APP0, a comment, EOI): enough for a type sniffer, not a viewer."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00"
    com = comment.encode("ascii")
    return (
        b"\xff\xd8"
        + b"\xff\xe0" + (len(app0) + 2).to_bytes(2, "big") + app0
        + b"\xff\xfe" + (len(com) + 2).to_bytes(2, "big") + com
        + b"\xff\xd9"
    )


# ---------------------------------------------------------------------------
# Whole mails
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    mail: str

    @property
    def domain(self) -> str:
        return self.mail.partition("@")[2]


@dataclass(frozen=True)
class Built:
    key: str
    folder: str  # "" = Inbox, ".Sent"
    when: datetime
    sender: Person
    subject: str
    message_id: str
    references: tuple[str, ...]
    raw: bytes
    flags: str
    texts: tuple[tuple[str, str], ...]  # (charset, text) of each text part, for read-back
    probes: tuple[str, ...]
    cases: tuple[str, ...]
    attachments: tuple[str, ...] = ()
    in_reply_to: str = ""
    filename: str = field(default="")


def when(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M").replace(tzinfo=JST)


def compose(
    *,
    key: str,
    at: str,
    sender: Person,
    to: Person,
    subject: str,
    charset: str,
    entity: Entity,
    texts: Sequence[tuple[str, str]],
    probes: Sequence[str],
    cases: Sequence[str],
    folder: str = "",
    flags: str = "S",
    reply_to: Built | None = None,
    subject_method: str = "B",
    attachments: Sequence[str] = (),
    mailer: str = "",
) -> Built:
    date = when(at)
    subject_header = header_text(subject, charset, subject_method)
    folded = f"rfc2047-{subject_method.lower()}-folded"
    cases = [case for case in cases if not case.endswith("-folded")]
    if "\r\n " in subject_header and "=?" in subject_header:
        cases.append(folded)
    message_id = f"<{date:%Y%m%d}.{key}@{sender.domain}>"
    references: tuple[str, ...] = ()
    lines = [
        f"Date: {format_datetime(date)}",
        f"From: {address(sender.name, sender.mail, charset)}",
        f"To: {address(to.name, to.mail, charset)}",
        f"Subject: {subject_header}",
        f"Message-ID: {message_id}",
    ]
    if reply_to is not None:
        references = (*reply_to.references, reply_to.message_id)
        lines.append(f"In-Reply-To: {reply_to.message_id}")
        lines.append("References: " + "\r\n ".join(references))
    if mailer:
        lines.append(f"X-Mailer: {mailer}")
    lines.append("MIME-Version: 1.0")
    lines.extend(entity.headers)
    raw = "\r\n".join(lines).encode("ascii") + CRLF + CRLF + entity.body
    return Built(
        key=key,
        folder=folder,
        when=date,
        sender=sender,
        subject=subject,
        message_id=message_id,
        references=references,
        raw=raw,
        flags=flags,
        texts=tuple(texts),
        probes=tuple(probes),
        cases=tuple(cases),
        attachments=tuple(attachments),
        in_reply_to=reply_to.message_id if reply_to else "",
    )


def plain(*, charset: str, cte: str, text: str, subject_method: str = "B", **kwargs: Any) -> Built:
    """A single text/plain mail: the common case."""
    entity = text_entity(text, charset, cte)
    return compose(
        charset=charset, entity=entity, texts=[(charset, text)], subject_method=subject_method, **kwargs
    )


def quote(text: str, prefix: str = "> ") -> str:
    return "\n".join((prefix + line).rstrip() for line in text.strip("\n").split("\n"))


# ---------------------------------------------------------------------------
# The people
# ---------------------------------------------------------------------------

LUMIERE = Person("ドレスショップ ルミエール", "shop@lumiere.example.jp")
KOMUGI = Person("洋菓子工房 こむぎ", "order@komugi.example.jp")
ITOHEN = Person("毛糸と雑貨の店 いとへん", "info@itohen.example.jp")

SIG_LUMIERE = """\
━━━━━━━━━━━━━━━━━━━━━━━━
ドレスショップ ルミエール
担当：三浦 晴香
〒150-0001 東京都渋谷区神宮前4-12-8 ルミエールビル2F
TEL 03-5555-0123（11:00～19:00 水曜定休）
https://lumiere.example.jp/
━━━━━━━━━━━━━━━━━━━━━━━━"""

SIG_KOMUGI = """\
────────────────────────
洋菓子工房 こむぎ
店主　小林 真理
〒180-0004 東京都武蔵野市吉祥寺本町2-5-3
TEL 0422-55-0188（10:00～19:00 火曜定休）
https://komugi.example.jp/
────────────────────────"""

SIG_ITOHEN = """\
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
毛糸と雑貨の店 いとへん
中村 葉子
〒600-8061 京都府京都市下京区麩屋町通仏光寺上る8
TEL 075-555-0246
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊"""

OUTLOOK = "Microsoft Outlook 16.0"
BECKY = "Becky! ver. 2.81.05"


# ---------------------------------------------------------------------------
# The mails, in date order. Each builder returns one Built; replies take the
# mail they answer so In-Reply-To / References are always consistent.
# ---------------------------------------------------------------------------

KNIT01 = """\
いとへん様

こんにちは。
オンラインショップで見かけた「アルパカ混 並太（色番12 からし色）」は
まだ在庫ありますでしょうか？
5玉ほど欲しいと思っています。

石田
"""

KNITLONG01 = """\
いとへん　中村様

朝晩はすっかり涼しくなり、金木犀の香りがあちこちから漂ってくる季節になりましたね。
いつも楽しいメールマガジンをありがとうございます。
先月お送りいただいたメリノウールの細糸で編んだショールは、
おかげさまで無事に編み上がりまして、
先週の句会に羽織って行きましたら、皆さんにずいぶん褒めていただきました。
「どこで買ったの」と聞かれたので、お店のお名前をお伝えしておきました。
もしかしたら、そのうちどなたかからご注文があるかもしれません（笑）。

句会と申しますのは、三年ほど前から通っております公民館の俳句の会のことです。
月に一度、十人ほどで集まって、それぞれ持ち寄った句を読み合うのですが、
先日は「秋の編み目ひとつ数へてまたひとつ」という句を出しましたところ、
先生から「編み物をする人でなければ詠めない句ですね」とお褒めの言葉をいただきました。
編み物をしている時間は、頭の中で五七五を転がしている時間でもありまして、
私にとっては、どちらも欠かせない楽しみになっております。

私ごとですが、今年の春に主人が嘱託の仕事もすっかり辞めまして、
今は毎日家におります。
最初は一日中二人で顔を突き合わせていると息が詰まるかしらと心配しておりましたが、
主人は庭の一角を耕して家庭菜園を始めまして、
この夏はミニトマトとナスとゴーヤが食べきれないほど採れました。
ご近所に配って歩くのが私の役目になり、おかげでお隣の奥様とも
以前よりずっと親しくお話しするようになりました。
秋はほうれん草と小松菜に挑戦すると張り切っております。
定年してから始めた趣味がこんなに続くとは思っておりませんでしたので、
主人の意外な一面を見たようで、少し嬉しくもあります。

編み物は、思い返せば小学生の頃、母に教わったのが始まりでした。
母は冬になると、夜なべをして家族全員のセーターを編んでくれる人で、
こたつで母の手元をじっと見ているうちに、自然と覚えてしまったように思います。
最初に編んだのは、ガタガタのゴム編みのマフラーで、
それでも父が「あったかい、あったかい」と言って何年も使ってくれたのを覚えています。
もう六十年以上前のことになりますのに、不思議と毛糸の色まではっきり覚えているものですね。
えんじ色でした。
母が亡くなって十年になりますが、今でも編み針を持つと、
あのこたつの温かさと、母の指の動きを思い出します。

さて、今日はひとつご相談がありましてメールいたしました。
来年の春、長女のところの孫（男の子です）が小学校に入学いたします。
入学のお祝いに、何か手編みのものを贈りたいと思いまして、
娘に相談しましたところ、「セーターは洗うのが大変だから、ベストなら嬉しい」とのことでした。
ただ、最近は目がすっかり弱くなってしまい、細い糸だと編み目が見えにくく、
途中で挫折してしまわないか少し不安です。
そこで、太めで洗濯機でも洗える毛糸を、120センチサイズのベスト一着分、
見繕っていただけないでしょうか。
色は紺かグレーのような、男の子が学校に着て行っても恥ずかしくない色がよいと思います。
もし編み図もご一緒にお願いできるようでしたら、大変助かります。

孫は今、恐竜に夢中でして、先日遊びに来た時には
図鑑を広げて一時間ほど、ティラノサウルスとスピノサウルスの違いを
私に講義してくれました。
正直、半分も分かりませんでしたが、目をきらきらさせて話す顔を見ているだけで
こちらまで嬉しくなってしまいます。
ベストのすそに小さな恐竜の模様でも入れてあげられたら喜ぶかしら、などと
今から想像を膨らませておりますが、
目のことを考えると、あまり欲張らない方がよさそうですね。
恐竜のワッペンを後から縫い付けるくらいにしておこうかと思っております。

それから、以前お店でいただいた手作りのステッチマーカー、
とても使いやすくて重宝しております。
小さなガラスビーズが付いていて、編みながら眺めるのも楽しいのです。
娘にも分けてあげたいので、もし今も販売されていましたら、
毛糸と一緒に一つお送りいただけると嬉しいです。

京都はこれから紅葉の季節で、観光のお客様も増えてお忙しくなる頃かと存じます。
十一月の半ばに、女学校時代の友人たちと嵐山に行く計画を立てておりまして、
もし時間が合えばお店にも寄らせていただきたいと思っております。
その時は、ぜひ実物の毛糸を手に取って、色を選ばせてくださいね。
友人の一人も最近編み物を再開したそうで、
一緒にお店を覗くのを楽しみにしているようです。

長々と取りとめのないことを書いてしまい、失礼いたしました。
季節の変わり目ですので、中村様もどうぞお体を大切になさってください。
お返事を楽しみにお待ちしております。

藤井 和子
〒390-0811 長野県松本市中央3-2-15
TEL 0263-55-0742
"""

B2B01 = """\
洋菓子工房 こむぎ
ご担当者様

突然のご連絡、失礼いたします。
㈱髙﨑商事 総務部の髙橋と申します。

弊社は来月、創立30周年を迎えることとなり、
記念式典にご出席いただくお取引先様へのお土産として、
貴店の焼き菓子詰め合わせを贈らせていただきたく、ご連絡いたしました。
昨年、弊社社員が貴店のフィナンシェを手土産に持参したところ、
大変ご好評をいただいたことがきっかけでございます。

つきましては、下記の内容にてお見積りをお願いできますでしょうか。

　① 焼き菓子詰め合わせ（3,000円程度）　80箱
　② 同（5,000円程度、役員・来賓用）　15箱
　③ 掛け紙：「創立三十周年記念」「㈱髙﨑商事」名入れ

なお、式典が11月21日（金）のため、
大変恐縮ではございますが、11月19日（水）必着にてお納めいただく必要がございます。
数量が多く、ご無理なお願いかと存じますが、
納期のご都合につきましても併せてお知らせいただけますと幸いです。

お忙しいところ恐れ入りますが、10月24日（金）までにご回答いただけますよう、
何卒よろしくお願い申し上げます。

━━━━━━━━━━━━━━━━━━━━━━━━
㈱髙﨑商事　総務部　総務課
髙橋　誠（たかはし　まこと）
〒330-0854 埼玉県さいたま市大宮区桜木町1-7-5 髙﨑ビルⅢ 6F
TEL：048-555-0170　FAX：048-555-0171
E-mail：m.takahashi@takasaki-shoji.example.co.jp
━━━━━━━━━━━━━━━━━━━━━━━━
"""

NOTICE01 = """\
毛糸と雑貨の店 いとへん 様

※本メールは送信専用アドレスから自動送信しています。
※ご返信いただいてもお答えできませんのでご了承ください。

以下の決済が完了しました。

■決済日時　2025/10/21 03:11
■注文番号　IT-20251021-0042
■決済金額　4,840円（税込）
■決済方法　クレジットカード（VISA 末尾 4421）

売上の入金予定日は 2025/11/05 です。
詳細は加盟店管理画面からご確認ください。
https://merchant.paynext.example.com/

─────────────────────
PayNext 加盟店サポートセンター
https://support.paynext.example.com/
─────────────────────
"""

DELAY01 = """\
いとへん　ご担当者様

10月19日に注文した松田と申します。
注文番号：IT-20251019-0031

　①ソックヤーン（グラデーション）　2玉
　②竹輪針セット　1点

注文確認メールには「発送予定日 10月21日～10月22日」とありましたが、
本日28日になってもまだ届いておらず、発送のご連絡もいただいておりません。
配送状況を確認しようにも、お問い合わせ番号がわからず困っています。

実はこの毛糸で、11月3日の母の誕生日に靴下を編んで渡すつもりでいました。
編む時間を考えると、もうギリギリです。
このままだと間に合わないのではないかと、正直とても焦っています。
至急、発送状況を確認してご連絡いただけますか。
もし在庫がないのであれば、その旨も早めに教えてください。

よろしくお願いします。

松田 恵
㈱ミドリ設計事務所（勤務先のアドレスから失礼します）
"""

KNIT02 = """\
いとへん御中

はじめまして、河野と申します。
30代の男ですが、在宅勤務が増えたのをきっかけに編み物を始めてみたいと思っています。
YouTubeの動画を見ながら、とりあえずガーター編みのコースターを何枚か作ってみました。

次はマフラーに挑戦したいのですが、
商品ページの「はじめてのマフラーキット」には
輪針と棒針のどちらが入っているのでしょうか。
また、キットの毛糸の色は選べますか？
できればチャコールグレーがいいです。

よろしくお願いします。

--
河野 拓也
"""

RETURN01 = """\
ドレスショップ ルミエール
ご担当者様

お世話になっております。
11月5日にオンラインストアで
「シフォンプリーツワンピース（ベージュ／M）」を注文した岡本です。

昨日無事に届きました。素材も色もイメージ通りでとても気に入っています。
ただ、実際に着てみたところ肩まわりが少しきつく、
腕を上げると背中が突っ張ってしまいます。
せっかく素敵なワンピースなので、Lサイズに交換していただくことはできますでしょうか。

タグは切っておらず、試着で一度袖を通しただけです。
交換の場合の送料や返送方法についても教えていただけると助かります。

どうぞよろしくお願いいたします。

岡本 真奈美
"""

DRESS01 = """\
ルミエール様

はじめてメールいたします。小野寺と申します。
インスタグラムで拝見した、ネイビーのレースドレス（商品番号 D-2418）が
とても素敵で、購入を考えています。

実は、今度の連休にパーティーで着たいと思っています。
大学時代の友人の結婚が決まり、仲間内でお祝いのパーティーを開くことになりました。
久しぶりに皆で集まるので、少しだけおしゃれをしたくて…。

サイズは普段9号を着ています。
身長が158cmなのですが、膝が隠れるくらいの丈になりますでしょうか。

初めての通販なので、今日注文して連休に間に合うかどうかが少し心配です。
連休前に届くようにしていただけますでしょうか。
もし難しいようでしたら今回は諦めますので、
お手数ですがお知らせいただけると助かります。

どうぞよろしくお願いいたします。

小野寺 さやか
"""

DRESS01_QUOTED = quote("""\
実は、今度の連休にパーティーで着たいと思っています。
大学時代の友人の結婚が決まり、仲間内でお祝いのパーティーを開くことになりました。
（中略）
初めての通販なので、今日注文して連休に間に合うかどうかが少し心配です。
連休前に届くようにしていただけますでしょうか。""")

RE_DRESS01 = f"""\
小野寺 さやか 様

この度はドレスショップ ルミエールにお問い合わせいただき、
誠にありがとうございます。担当の三浦と申します。

大学時代のご友人のご結婚、本当におめでとうございます。
久しぶりに皆さまで集まられるお祝いのパーティー、
きっと素敵な時間になりますね。そのような大切な日のお召し物に
当店のドレスを選んでくださり、スタッフ一同とても嬉しく思っております。

お問い合わせのネイビーのレースドレス（D-2418）は、9号の在庫がございます。
着丈は105cmで、158cmの方ですと膝がちょうど隠れるくらいになります。
裏地付きで透け感も控えめですので、安心してお召しいただけるかと存じます。

お届けについてですが、11月14日（金）の14時までにご注文いただけましたら、
当日中に発送し、15日（土）にはお届けできる見込みです。
連休前に余裕をもってお手元に届くよう、
ご注文をいただきましたら優先して手配いたしますので、どうぞご安心ください。
万が一サイズが合わなかった場合も、連休前に交換が間に合うよう対応いたします。

ご不明な点がございましたら、どうぞお気軽にお申し付けください。
パーティーが素敵なひとときになりますよう、心よりお祈りしております。

{SIG_LUMIERE}

{DRESS01_QUOTED}
"""

GIFT01_TEXT = """\
洋菓子工房 こむぎ 御中

いつもお世話になっております。吉田でございます。
昨年に引き続き、今年もお歳暮に貴店のクッキー缶を利用させていただきたく、
ご連絡いたしました。

「季節のクッキー缶（大）」を3点、下記の3か所へそれぞれ発送をお願いいたします。
のしは「御歳暮」、名入れは「吉田」で、外のしにてお願いいたします。
お届けは12月10日から15日の間ですと助かります。

一、〒167-0051 東京都杉並区荻窪3-14-2　山本 隆 様
一、〒231-0023 神奈川県横浜市中区山下町25　佐藤 洋子 様
一、〒460-0008 愛知県名古屋市中区栄4-6-11　吉田 茂 様

お支払いは、昨年と同じく銀行振込でお願いできればと存じます。
お手数ですが、合計金額をお知らせください。

吉田 和夫
"""

GIFT01_HTML = """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>
<body><div style="font-family:'MS PGothic',sans-serif;font-size:14px">
<p>洋菓子工房 こむぎ 御中</p>
<p>いつもお世話になっております。吉田でございます。<br>
昨年に引き続き、今年もお歳暮に貴店のクッキー缶を利用させていただきたく、<br>
ご連絡いたしました。</p>
<p>「季節のクッキー缶（大）」を3点、下記の3か所へそれぞれ発送をお願いいたします。<br>
のしは「御歳暮」、名入れは「吉田」で、外のしにてお願いいたします。<br>
お届けは12月10日から15日の間ですと助かります。</p>
<ul>
<li>〒167-0051 東京都杉並区荻窪3-14-2　山本 隆 様</li>
<li>〒231-0023 神奈川県横浜市中区山下町25　佐藤 洋子 様</li>
<li>〒460-0008 愛知県名古屋市中区栄4-6-11　吉田 茂 様</li>
</ul>
<p>お支払いは、昨年と同じく銀行振込でお願いできればと存じます。<br>
お手数ですが、合計金額をお知らせください。</p>
<p>吉田 和夫</p>
</div></body></html>
"""

CAKE01 = """\
洋菓子工房 こむぎ 様

はじめてご連絡いたします。森本と申します。
吉祥寺に住んでおりまして、お店の前はいつも通勤の時に通っています。

実は、妻が卵アレルギーで、結婚してから一度も
ちゃんとしたクリスマスケーキを一緒に食べたことがありません。
毎年、妻は「私はいいから」と言って、
私だけコンビニのショートケーキを食べるのが恒例になってしまっています。
今年は結婚5年目なので、二人で同じケーキを囲みたいと思い、探しています。

そちらで卵を使わないクリスマスケーキを作っていただくことはできますでしょうか。
妻のアレルギーは、加熱した卵でも口の周りが腫れてしまう程度で、
以前、卵不使用と書かれたお菓子でも症状が出たことがあります。
同じ厨房で作られることで混ざってしまわないか、そこが一番心配です。
製造環境について、詳しく教えていただけますでしょうか。

受け取りは12月24日の夕方を希望しています。
どうぞよろしくお願いいたします。

森本 健一
"""

CAKE01_QUOTED = quote("""\
今年は結婚5年目なので、二人で同じケーキを囲みたいと思い、探しています。
（中略）
同じ厨房で作られることで混ざってしまわないか、そこが一番心配です。
製造環境について、詳しく教えていただけますでしょうか。""")

RE_CAKE01 = f"""\
森本 健一 様

この度は洋菓子工房こむぎにお問い合わせいただき、誠にありがとうございます。
店主の小林と申します。
いつもお店の前を通ってくださっているとのこと、とても嬉しく拝読しました。

奥様と二人で同じケーキを囲みたいというお気持ち、
メールを読みながら胸が温かくなりました。
結婚5年目のクリスマス、ぜひお手伝いをさせてください。

当店では毎年、卵を使わないクリスマスケーキ「ノエル・ブランシュ」をご用意しております。
スポンジは米粉と豆乳で焼き上げ、卵の代わりに
豆乳とてんさい糖でふんわりとした食感を出しています。
卵を使ったケーキと見た目はほとんど変わらず、
「言われなければ気づかなかった」とおっしゃるお客様も多い一品です。

製造環境について、正直にお伝えいたします。
当店は小さな工房のため、卵を使うお菓子と同じ厨房で製造しております。
ノエル・ブランシュは、毎朝の仕込みの最初、卵を扱う前の時間帯に、
専用のボウル・泡立て器・型を使って作っております。
作業台や器具も前日に洗浄・消毒を済ませたものを使用しておりますが、
同じ空間である以上、微量の混入の可能性を完全には否定できません。

加熱した卵でも症状が出られるとのことですので、
念のため、かかりつけの先生にご相談いただいた上でご判断いただけますと安心です。
原材料の一覧もお送りできますので、どうぞ遠慮なくお申し付けください。

12月24日の夕方のお受け取りも承ることができます。
ご予約は12月15日までにいただけますと確実です。
サイズは4号（2～3名様）と5号（4～6名様）をご用意しております。

奥様と素敵なクリスマスを過ごしていただけるよう、心を込めてお作りいたします。
ご連絡をお待ちしております。

{SIG_KOMUGI}

{CAKE01_QUOTED}
"""

CAKE02 = """\
小林様

ご丁寧なお返事をありがとうございました。
製造環境のことまで正直に書いていただき、かえって安心しました。

妻にメールを見せたところ、しばらく黙って読んでいて、
「ちゃんと考えてくれるお店なんだね」と少し涙ぐんでいました。
先日、かかりつけの先生にも相談し、
専用の器具で先に作っていただけるのであれば大丈夫だろうとのことでした。

それでは、ノエル・ブランシュの4号を1台、予約をお願いします。
受け取りは12月24日の17時頃に伺います。
メッセージプレートに「Merry Christmas ゆか」と入れていただくことはできますか？
ろうそくは不要です。

森本

""" + quote("""\
12月24日の夕方のお受け取りも承ることができます。
ご予約は12月15日までにいただけますと確実です。
サイズは4号（2～3名様）と5号（4～6名様）をご用意しております。""") + "\n"

RE_CAKE02 = f"""\
森本 健一 様

ご予約いただき、誠にありがとうございます。
奥様にもお喜びいただけたとのこと、私どもも本当に嬉しく思います。
かかりつけの先生にもご相談くださり、ありがとうございました。

下記の内容でご予約を承りました。

　商品：ノエル・ブランシュ 4号
　お受け取り：12月24日（水）17:00頃　店頭
　メッセージプレート：Merry Christmas ゆか
　ろうそく：なし
　お代金：4,800円（税込）　お受け取り時にお支払いください

当日は、ほかのケーキとは別の箱・別の保冷剤でお渡しいたします。
お受け取りの際に、念のため原材料表も一緒にお入れしておきますね。

ご来店を心よりお待ちしております。

{SIG_KOMUGI}
"""

CAKE03 = """\
小林様

24日はありがとうございました。
どうしてもお礼をお伝えしたくて、メールしました。

家に帰って箱を開けたとき、妻はしばらく言葉が出ないようでした。
プレートに自分の名前があるのを見て「私のケーキだ」と笑って、
二人で写真を何枚も撮りました。
一口食べて「ふわふわ！」と言った顔は、たぶん一生忘れないと思います。
アレルギーの症状も何も出ず、翌日も元気にしています。

お店の皆さんが丁寧に作ってくださったおかげです。
本当にありがとうございました。
来年もぜひお願いしたいと思っています。

森本 健一
"""

RE_CAKE03 = f"""\
森本 健一 様

温かいメールをありがとうございます。
スタッフみんなで読ませていただき、厨房が少しにぎやかになりました。

奥様が「私のケーキだ」と笑ってくださったこと、
そして何より、症状が出ずにお過ごしとのこと、本当に安心いたしました。
私どもにとっても、忘れられないクリスマスになりました。

来年も、奥様に安心して召し上がっていただけるケーキをご用意してお待ちしております。
どうぞよいお年をお迎えください。

{SIG_KOMUGI}
"""

QUOTE01 = """\
洋菓子工房 こむぎ
小林 様

平素より大変お世話になっております。
ホテル・ラ・ポルト吉祥寺 宴会課の西村でございます。

先日はお電話にてご丁寧にご対応いただき、誠にありがとうございました。
ご相談させていただきました、ご婚礼のプチギフトにつきまして、
正式にお見積りをお願いしたく、ご連絡差し上げました。

詳細は添付の見積依頼書にまとめておりますが、概要は下記の通りでございます。

　・品目：個包装の焼き菓子2種（ロゴ入りシール貼付）
　・数量：120個
　・納品日：2026年1月17日（土）午前中　ホテル宴会場搬入口
　・ご予算：1個あたり400円前後（税別）

誠に恐れ入りますが、新郎新婦様との打ち合わせが12月15日（月）に控えておりますため、
12月12日（金）までにお見積りをご送付いただけますと幸いに存じます。

お忙しいところ恐縮ではございますが、何卒よろしくお願い申し上げます。

━━━━━━━━━━━━━━━━━━━━━━━━━━━━
ホテル・ラ・ポルト吉祥寺
宴会課　西村 綾乃（にしむら あやの）
〒180-0003 東京都武蔵野市吉祥寺南町1-20-3
TEL 0422-55-0300（代表）　FAX 0422-55-0301
https://laporte-hotel.example.jp/
━━━━━━━━━━━━━━━━━━━━━━━━━━━━
"""

PHOTO01 = """\
いとへん 中村さま

こんにちは、上田です。
先月こちらで購入した「アラン模様のミトンキット」を編んでいるのですが、
縄編みのところで、どうしても編み目がずれてしまいます。

写真を添付しましたので見ていただけますか。
左手の甲の部分、3段目あたりから模様が斜めになってしまっています。
編み図は何度も見返したのですが、どこが間違っているのかわかりません。
ほどいてやり直すべきか、このまま進めても大丈夫か、
アドバイスをいただけたら嬉しいです。

上田 ちひろ
"""

OLDPC01 = """\
いとへん 様

前略
妻が貴店の毛糸を愛用しており、私から代わりにご連絡いたします。
妻はインターネットが苦手なもので、紙のカタログがあれば送っていただきたいとのことです。

送り先は下記の通りです。
　〒790-0001 愛媛県松山市一番町2丁目3-8
　大島 正 様方　大島 文子

もし紙のカタログがない場合は、電話で注文できるかどうか教えてください。

草々
大島 正
"""

FORWARD01 = """\
いとへん様

お世話になっております。西田です。
下記の注文で、お届け先の住所を間違えて入力してしまいました。
マンション名と部屋番号が抜けています。

正しくは
　〒060-0042 北海道札幌市中央区大通西7-1-2 メゾン大通 805号室
です。
まだ発送前でしたら、修正をお願いできますでしょうか。
お手数をおかけしてすみません。

西田 彩

---------- Forwarded message ---------
From: 毛糸と雑貨の店 いとへん <info@itohen.example.jp>
Date: 2026年1月18日(日) 21:02
Subject: 【いとへん】ご注文ありがとうございます（IT-20260118-0007）
To: <aya.nishida@example.net>


西田 彩 様

この度は毛糸と雑貨の店 いとへんをご利用いただき、誠にありがとうございます。
以下の内容でご注文を承りました。

【ご注文番号】IT-20260118-0007
【ご注文日時】2026/01/18 21:02
【商品】ウールシルク 合太（色番05 スモーキーピンク） × 6
【お届け先】〒060-0042 北海道札幌市中央区大通西7-1-2
【お支払い方法】クレジットカード

発送の準備が整いましたら、改めてご連絡いたします。

""" + SIG_ITOHEN + "\n"

DECO01_HTML = """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>
<body>
<div style="font-size:15px;color:#333333;">
こんにちは😊<br>
<br>
いつもインスタ見てます！<br>
バレンタインに<span style="color:#e4007f;font-weight:bold;">彼に手作りっぽい焼き菓子</span>を渡したくて…
<img src="https://deco.example.jp/emoji/heart_pink.gif" width="20" height="20" alt=""><br>
<br>
ハート型のクッキーの詰め合わせって、2月13日までに受け取れますか？<br>
お店に取りに行けます🙋‍♀️<br>
<br>
よろしくお願いします🙇‍♀️<br>
はるな
</div>
</body></html>
"""

SASAKI01 = """\
ルミエール 三浦様

こんばんは、佐々木です。いつもお世話になっております。
そろそろ春の新作が入荷する頃でしょうか？
3月に娘の中学の卒業式があり、今年は新しいワンピースで出席したいと思っています。
入荷の予定がわかりましたら教えてください。

佐々木 美穂
"""

RE_SASAKI01 = f"""\
佐々木 美穂 様

いつもルミエールをご愛顧いただき、誠にありがとうございます。三浦です。

お嬢様のご卒業、おめでとうございます。
もう中学校をご卒業とは、月日の経つのは本当に早いですね。
以前ご来店の際に、小学校の卒業式のお写真を見せていただいたことを
懐かしく思い出しました。

春の新作は、2月20日頃から順次入荷の予定です。
式典向けには、ネイビーのノーカラーワンピースと、
グレージュのツイードセットアップの2型をご用意しております。
どちらもジャケットを合わせて入学式にもお使いいただけるデザインです。

入荷しましたら、改めて写真をお送りいたしますね。
ご来店いただける日がございましたら、ご試着のご準備をしてお待ちしております。

{SIG_LUMIERE}
"""

SASAKILONG02 = """\
三浦さん

お返事ありがとうございました！
小学校の卒業式の写真のこと、覚えていてくださったなんて…。
あの時もルミエールさんで選んだスーツだったので、
なんだか不思議なご縁を感じて、一人でじーんとしてしまいました。

今日はバレンタインで、夕方から娘と二人で台所に立って
ガトーショコラを焼きました。
娘は友チョコを二十人分も配るそうで、ラッピングだけで一時間以上かかり、
途中で「もう無理～」と言いながらも、最後まで丁寧にリボンを結んでいました。
小さい頃は不器用で、靴ひももなかなか結べなかった子なのに、
いつの間にか私より器用になっていて驚きます。
息子の方はというと、サッカーの練習から帰ってくるなり
味見用に取っておいたガトーショコラを半分食べてしまい、
娘に本気で怒られていました。
うちはいつもこんな感じで、にぎやかです。
娘は春から電車で高校に通うことになり、定期券の買い方を調べたり、
制服の採寸に行ったりと、急に大人びてきました。
採寸では、スカートの丈をめぐって店員さんと真剣に相談していて、
その横顔に思わず笑ってしまいました。

実は先月から母が入院しておりまして、週に何度か病院に通っています。
大きな病気ではなく、転んで足の骨を折ってしまったのですが、
年齢のこともあってリハビリに時間がかかるそうです。
病院の帰りにお花屋さんに寄って、母の病室に飾る花を選ぶのが
最近のささやかな楽しみになりました。
若い頃に少しだけ習っていた生け花を、久しぶりに思い出しながら
小さな花瓶に生けてみると、母が「上手ね」と褒めてくれて、
この年になっても母に褒められるのは嬉しいものですね。
先週は黄色いフリージアを持っていったら、病室がぱっと明るくなって、
同じ部屋のおばあさまにも喜んでいただけました。

私自身の中学の卒業式を思い出すと、母が前の晩遅くまでミシンを踏んで、
紺色のワンピースの裾を直してくれていたのを覚えています。
当時は既製品の服がまだ高くて、母はなんでも自分で縫ってしまう人でした。
卒業式の朝、「ちょっと大きいけど、すぐに背が伸びるから」と言いながら
襟元のリボンを結び直してくれた母は、ちょうど今の私くらいの年だったはずです。
病院の帰りにそんな話を母にしたら「そんなこと覚えてないわよ」と笑われましたが、
照れくさそうな顔をしていたので、本当は覚えているのだと思います。

> 式典向けには、ネイビーのノーカラーワンピースと、
> グレージュのツイードセットアップの2型をご用意しております。
> どちらもジャケットを合わせて入学式にもお使いいただけるデザインです。

どちらもとても気になっています！
ネイビーのノーカラーワンピースは卒業式らしくきちんとした印象になりそうですし、
グレージュのセットアップは入学式で華やかに見えそうで、迷ってしまいます。
高校の入学式は4月上旬なので、できれば両方に使えるものを一着と思っています。

ただ、お恥ずかしい話なのですが、この一年で少し体型が変わってしまいまして、
前と同じ9号で大丈夫か不安です。
お店に伺う日に9号と11号の両方を試着できるよう、
お取り置きしていただくことはできますでしょうか。
伺えるのは、2月28日（土）の午後になりそうです。

それから、ワンピースに合わせるコサージュも探しています。
以前お店で見かけた、白い布のお花のコサージュがとても上品で、
ずっと心に残っていたのですが、今もお取り扱いはありますか？
卒業式にも入学式にも使えそうなので、あれば一緒に見せていただきたいです。

思い返すと、ルミエールさんに初めて伺ったのは、
まだ息子がベビーカーに乗っていた頃でした。
友人の結婚式の二次会に着ていく服がなくて、
駅からの帰り道にふらっと入ったお店で、
三浦さんが「お子さん連れでも気にせず、ゆっくり選んでくださいね」と
声をかけてくださったのを、今でもよく覚えています。
あの日から、何か大切な日があるたびに、まずルミエールさんに相談しようと
思うようになりました。
気がつけば、もう十年以上のお付き合いになりますね。

最近は仕事の方も少し忙しくなってきました。
週に四日、市立図書館で働いているのですが、年度末は蔵書点検があって、
毎日何千冊もの本のバーコードを読み取る作業が続いています。
腕がぱんぱんになりますが、普段は手に取らない本に出会えるのが楽しみで、
先日は昭和の婦人雑誌の付録だった洋裁の本を見つけて、
休憩時間につい読みふけってしまいました。
型紙の引き方から季節ごとの着こなしまで丁寧に書かれていて、
今も昔も、大切な日に何を着ようかと悩む気持ちは変わらないのだなと、
なんだか嬉しくなりました。

長々と書いてしまってすみません。
夜中にメールを書くと、どうしても長くなってしまいます（笑）。
寒い日が続きますので、三浦さんも風邪など引かれませんように。
28日にお会いできるのを楽しみにしています。

佐々木 美穂
"""

RE_SASAKILONG02 = f"""\
佐々木 美穂 様

三浦です。
28日はお忙しい中ご来店いただき、本当にありがとうございました。
久しぶりにゆっくりお話しできて、私もとても楽しい時間でした。

ネイビーのノーカラーワンピースは、9号がとてもよくお似合いでしたね。
肩のラインがきれいに出ていて、卒業式にも入学式にもぴったりだと思います。
お選びいただいた白いコサージュとも、本当に素敵な組み合わせでした。

袖丈のお直しは、3月10日（火）の夕方に仕上がる予定です。
仕上がりましたら改めてご連絡いたします。

お母様のリハビリが順調に進みますよう、スタッフ一同お祈りしております。
どうぞ佐々木様もご無理なさいませんように。

{SIG_LUMIERE}
"""

SASAKILONG03_BODY = """\
三浦さん

こんばんは、佐々木です。
先日は長い時間お付き合いいただき、本当にありがとうございました。
結局、9号がぴったりだったのが何より嬉しくて、
帰りの電車の中でずっとにやにやしてしまいました。
三浦さんが「肩のラインがきれいに出ていますよ」と言ってくださったのも、
しっかり心に刻んでおります（笑）。

家に帰って娘に写真を見せたら「お母さん、それ絶対似合う」と言ってくれて、
珍しく素直に褒められたので、なんだか照れてしまいました。
娘の方は、卒業式の後に友達と行くカラオケの話で頭がいっぱいのようです。
中学の三年間、部活に勉強にと本当によく頑張ったので、
当日は思いきり楽しんでほしいと思っています。
吹奏楽部でずっとクラリネットを吹いていて、
最後の定期演奏会では、小さなソロも任されました。
客席で聴きながら、小学生の頃に音が出なくて泣いていた姿を思い出して、
ハンカチが手放せませんでした。

先週末は、卒業式の前にと、娘と一緒に美容院へ行きました。
娘は肩まであった髪をばっさり切って、耳が出るくらいのショートにしたのですが、
鏡の前で「高校ではこれでいく」と宣言していて、その潔さに驚きました。
私は同じ美容師さんに、式の日の髪型の相談をして、
ワンピースの写真を見せたら、低めのまとめ髪がいいですねと言っていただきました。
白いコサージュとのバランスも考えてくださって、
当日の朝は少し早めに予約を入れておきました。

母のことでもお気遣いいただき、ありがとうございました。
おかげさまで、先週無事に退院することができました。
まだ杖をついてゆっくりとしか歩けないのですが、家に戻ってからはすっかり元気になって、
さっそく庭の梅の木の様子を見に行きたがっています。
しばらくは私が実家に通って、買い物や掃除を手伝うことになりそうです。
母は「一人で大丈夫」と言い張るのですが、そういうところは昔から変わりません。

それで、一つご相談があります。
母の通院の付き添いが、ちょうど3月10日の夕方に入ってしまいまして、
お直しの仕上がり日にお店に伺うのが難しくなってしまいました。
卒業式が13日なので、受け取りが遅れて間に合わなくなるのではないかと少し心配しています。
お直しが仕上がりましたら、宅配便で11日までに届くように送っていただくことはできますでしょうか。
送料はもちろんこちらで負担いたします。
コサージュも一緒に送っていただけると助かります。

息子の方は、サッカーのチームが市の大会で準優勝しました！
決勝は雨の中の試合で、泥だらけになって帰ってきたユニフォームを洗うのは
正直大変でしたが、表彰式で銀色のメダルを首にかけてもらっているのを見たら、
そんな苦労は吹き飛んでしまいました。
本人は「優勝じゃないと意味がない」と悔しがっていて、
その負けず嫌いなところが誰に似たのか、家族で笑っています。
主人は「絶対にお前だ」と言うのですが、私は主人だと思っています。
その主人は、卒業式の日はどうしても仕事を休めないそうで、とても残念がっています。
代わりにビデオカメラを私に託して、ズームの仕方や電池の替え方を
毎晩のように説明してくれるのですが、
三回目あたりからは娘が横で「お父さん、もう覚えたって」とあきれていました。
式の後は、夜に家族四人で近所のお寿司屋さんに行く予定です。
娘の好きな茶碗蒸しがおいしいお店で、小学校の卒業の時も同じお店でお祝いをしました。

最近は日が少しずつ長くなって、夕方の散歩が気持ちのよい季節になりましたね。
近所の公園の河津桜がもう満開で、犬の散歩のついでに毎日眺めています。
うちの犬は柴犬で、もう十二歳のおじいちゃんなのですが、
桜の下のベンチで一休みするのがお気に入りで、なかなか帰ろうとしません。
ソメイヨシノが咲く頃には、もう入学式ですね。
グレージュのセットアップも、入学式が終わって落ち着いたら、
あらためてゆっくり見に伺いたいと思っています。

そういえば、先日お店で教えていただいたシミ抜きの方法、さっそく試してみました。
主人のワイシャツの襟についたコーヒーのしみが驚くほどきれいに落ちて、
主人にも「プロの技だ」と感心されました。
食器用洗剤と古い歯ブラシでこんなに落ちるなんて、今まで知りませんでした。
お店では服のことだけでなく、いつもこういう暮らしの知恵まで教えていただけるので、
帰り道はいつも、少し得をしたような気分になります。
今度伺う時には、私の方からも何かお役に立つ話を持っていけたらいいのですが、
図書館で見つけた洋裁の本の話くらいしか思いつきません（笑）。

季節の変わり目ですので、三浦さんもどうぞご自愛ください。
お返事お待ちしております。

佐々木 美穂
"""

NEC02 = """\
ルミエール　ご担当者様

はじめまして、山﨑と申します。
㍻30年に貴店で購入したワンピース（Ⅲ型・ネイビー）のお直しについてご相談です。

　① ウエストを2cmほど詰めたい
　② 丈を5cmほど短くしたい

購入から年月が経っておりますが、お直しはお願いできますでしょうか。
また、料金と日数の目安を教えていただけますと助かります。

山﨑 千尋
"""

MOTHER01 = """\
こむぎさん

おはようございます☀️
インスタで見た母の日のカーネーションのカップケーキ🌸
まだ予約できますか？？

10日の日曜日に母の家に持っていきたくて🎁
6個入りを1つお願いしたいです！
午前中に受け取りに行けたら嬉しいです😊

なつみ
"""

KNIT03 = """\
いとへん御中

以前マフラーキットについて質問させていただいた河野です。
おかげさまで、冬の間にチャコールグレーのマフラーを無事に編み上げました。
妻に「売り物みたい」と言われて、すっかり調子に乗っています。

夏の間も何か編みたいのですが、
コットンやリネンの糸は手が痛くなると聞きました。
初心者でも扱いやすい夏糸があれば教えてください。
サマーニットのベストに挑戦してみたいです。

--
河野 拓也
"""

RETURN02 = """\
いとへん　ご担当者様

お世話になります。北村と申します。
7月18日に注文した商品が本日届きましたが、
注文した色と違うものが入っていました。

　注文：リネンコットン（色番21 ミントグリーン）×4玉
　届いた商品：リネンコットン（色番12 レモンイエロー）×4玉

納品書には正しく「ミントグリーン」と書かれています。
ミントグリーンへの交換をお願いできますでしょうか。
返送方法と、交換品の発送時期を教えてください。
8月1日～3日は家を空けるので、その前に届くと助かります。

北村 由美子
㈱北村建築設計　経理部
"""

ONELINE01 = """\
土曜日の夕方でも店頭受け取りはできますか？
"""

NOTICE02 = """\
毛糸と雑貨の店 いとへん 様

いつもヤマネコ運輸をご利用いただきありがとうございます。
お客様が発送されたお荷物のお届けが完了しましたのでお知らせいたします。

■伝票番号：4021-7788-3105
■お届け日時：2026年09月18日 08:52
■お届け先：河野 拓也 様

本メールは送信専用です。ご返信いただいてもお答えできませんのでご了承ください。

━━━━━━━━━━━━━━━━━━━━━━
ヤマネコ運輸株式会社
https://www.yamaneko-unyu.example.jp/
━━━━━━━━━━━━━━━━━━━━━━
"""

DRESS02 = """\
ルミエール
ご担当者様

お世話になります。前田と申します。
11月に会社の同期の結婚式があり、お呼ばれ用のドレスを探しています。

貴店のサイトで拝見した「ボルドーのサテンドレス」が気になっているのですが、
披露宴は昼間のガーデンウェディングとのことで、
サテンの光沢が昼の式にふさわしいのか、少し迷っています。
昼の披露宴でも浮かないかどうか、ご意見をいただけますでしょうか。
あわせて、羽織り物のおすすめがあれば教えてください。

よろしくお願いいたします。

前田 莉子
"""

DRESS02_HTML = """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-2022-jp"></head>
<body lang="JA" style="font-family:'Yu Gothic',sans-serif">
<p class="MsoNormal">ルミエール<br>ご担当者様</p>
<p class="MsoNormal">お世話になります。前田と申します。<br>
11月に会社の同期の結婚式があり、お呼ばれ用のドレスを探しています。</p>
<p class="MsoNormal">貴店のサイトで拝見した「ボルドーのサテンドレス」が気になっているのですが、<br>
披露宴は昼間のガーデンウェディングとのことで、<br>
サテンの光沢が昼の式にふさわしいのか、少し迷っています。<br>
昼の披露宴でも浮かないかどうか、ご意見をいただけますでしょうか。<br>
あわせて、羽織り物のおすすめがあれば教えてください。</p>
<p class="MsoNormal">よろしくお願いいたします。</p>
<p class="MsoNormal">前田 莉子</p>
</body></html>
"""

CAKE04 = """\
洋菓子工房 こむぎ
小林様

ご無沙汰しております。昨年のクリスマスに、
卵を使わないケーキ（ノエル・ブランシュ）を作っていただいた森本です。
あのケーキのことは、今でも妻とよく話しています。

実はこの春、娘が生まれました。
おかげさまで元気に育っていて、先日生後7か月になりました。
ただ、離乳食を始めたところ、娘にも卵のアレルギーがあることがわかりました。
小児科の先生からは、乳製品は今のところ問題ないと言われています。

今年は家族三人で、昨年と同じノエル・ブランシュをいただきたいと思っています。
娘はまだほんの少し味見をする程度だと思いますが、
昨年と同じように、卵を扱う前の時間に専用の器具で作っていただけるのか、
それだけが気がかりです。
可能であれば、昨年と同じ作り方で4号を1台、
12月24日の夕方に受け取れるよう予約させていただけますでしょうか。

プレートは「Merry Christmas ゆか・ひなた」でお願いできると嬉しいです。

森本 健一
"""


def build_all() -> list[Built]:
    """Every mail, Inbox and Sent, in date order."""
    mails: list[Built] = []
    add = mails.append
    jis, sjis, euc, utf8 = "ISO-2022-JP", "Shift_JIS", "EUC-JP", "UTF-8"

    add(plain(
        key="knit01", at="2025-10-03 12:41", charset=jis, cte="7bit", text=KNIT01,
        sender=Person("石田 ゆかり", "yukari.ishida@example.com"), to=ITOHEN,
        subject="アルパカ混の並太毛糸について",
        probes=["からし色", "5玉ほど欲しい"], cases=["iso-2022-jp", "short-question"],
    ))
    add(plain(
        key="knitlong01", at="2025-10-08 15:22", charset=jis, cte="7bit", text=KNITLONG01,
        sender=Person("藤井 和子", "kazuko.fujii@example.ne.jp"), to=ITOHEN, mailer=BECKY,
        subject="孫の入学祝いのベストについてご相談です",
        probes=["洗濯機でも洗える毛糸を、120センチサイズのベスト一着分", "えんじ色でした。"],
        cases=["iso-2022-jp", "long-chatty", "rfc2047-b-folded"],
    ))
    add(plain(
        key="b2b01", at="2025-10-15 10:05", charset=jis, cte="7bit", text=B2B01,
        sender=Person("髙橋 誠", "m.takahashi@takasaki-shoji.example.co.jp"), to=KOMUGI, mailer=OUTLOOK,
        subject="【ご依頼】創立記念品①②のお見積り（㈱髙﨑商事）",
        probes=["㈱髙﨑商事 総務部の髙橋と申します。", "① 焼き菓子詰め合わせ", "髙﨑ビルⅢ 6F"],
        cases=["iso-2022-jp", "iso-2022-jp-nec-ibm", "b2b-deadline", "signature-rule", "rfc2047-b-folded"],
    ))
    add(plain(
        key="notice01", at="2025-10-21 03:12", charset=utf8, cte="base64", text=NOTICE01,
        sender=Person("PayNext 決済サービス", "no-reply@paynext.example.com"), to=ITOHEN,
        subject="【PayNext】決済完了のお知らせ（注文番号 IT-20251021-0042）",
        probes=["■決済金額　4,840円（税込）", "送信専用アドレスから自動送信"],
        cases=["utf-8-base64", "auto-notification", "rfc2047-b-folded"],
    ))
    add(plain(
        key="delay01", at="2025-10-28 19:48", charset=sjis, cte="8bit", text=DELAY01,
        sender=Person("松田 恵", "megumi.matsuda@midori-sekkei.example.co.jp"), to=ITOHEN,
        subject="注文した商品がまだ届きません（IT-20251019-0031）",
        probes=["①ソックヤーン", "発送予定日 10月21日～10月22日", "㈱ミドリ設計事務所"],
        cases=["shift_jis-cp932", "delay-complaint", "rfc2047-b-folded"],
    ))
    add(plain(
        key="knit02", at="2025-11-05 22:30", charset=euc, cte="8bit", text=KNIT02,
        sender=Person("河野 拓也", "takuya@kono.example.org"), to=ITOHEN,
        mailer="Mew version 6.8 on Emacs 29.1",
        subject="マフラーキットについて質問です",
        probes=["はじめてのマフラーキット", "チャコールグレーがいいです"], cases=["euc-jp"],
    ))
    add(plain(
        key="return01", at="2025-11-12 13:05", charset=utf8, cte="quoted-printable", text=RETURN01,
        subject_method="Q",
        sender=Person("岡本 真奈美", "manami.okamoto@example.jp"), to=LUMIERE,
        subject="ワンピースのサイズ交換のお願い（注文番号 LM-251105-118）",
        probes=["Lサイズに交換していただくことはできますでしょうか", "シフォンプリーツワンピース（ベージュ／M）"],
        cases=["utf-8-qp", "rfc2047-q-folded", "return-exchange"],
    ))
    dress01 = plain(
        key="dress01", at="2025-11-12 21:37", charset=jis, cte="7bit", text=DRESS01, flags="RS",
        sender=Person("小野寺 さやか", "sayaka.onodera@example.com"), to=LUMIERE,
        subject="ネイビーのレースドレス（D-2418）の在庫とお届け日について",
        probes=["今度の連休にパーティーで着たいと思っています", "連休前に届くようにしていただけますでしょうか"],
        cases=["iso-2022-jp", "rfc2047-b-folded", "party-dress"],
    )
    add(dress01)
    add(plain(
        key="re-dress01", at="2025-11-13 10:20", charset=jis, cte="7bit", text=RE_DRESS01, folder=".Sent",
        sender=LUMIERE, to=dress01.sender, reply_to=dress01, mailer=BECKY,
        subject="Re: " + dress01.subject,
        probes=["連休前に余裕をもってお手元に届くよう", "> 連休前に届くようにしていただけますでしょうか。"],
        cases=["iso-2022-jp", "reply", "party-dress", "signature-rule"],
    ))
    add(compose(
        key="gift01", at="2025-11-26 11:20", charset=utf8,
        entity=multipart("alternative", "000000000000c0ffee0gift01", [
            text_entity(GIFT01_TEXT, utf8, "quoted-printable"),
            text_entity(GIFT01_HTML, utf8, "quoted-printable", subtype="html"),
        ]),
        texts=[(utf8, GIFT01_TEXT), (utf8, GIFT01_HTML)],
        sender=Person("吉田 和夫", "kazuo.yoshida@example.ne.jp"), to=KOMUGI,
        subject="お歳暮の発送とのしについて",
        probes=["外のしにてお願いいたします", "季節のクッキー缶（大）"],
        cases=["multipart-alternative", "utf-8-qp", "gift-noshi"],
    ))
    cake01 = plain(
        key="cake01", at="2025-12-01 21:14", charset=jis, cte="7bit", text=CAKE01, flags="RS",
        sender=Person("森本 健一", "kenichi.morimoto@example.jp"), to=KOMUGI,
        subject="卵を使わないクリスマスケーキはありますか",
        probes=["妻が卵アレルギーで", "同じ厨房で作られることで混ざってしまわないか、そこが一番心配です。"],
        cases=["iso-2022-jp", "allergy-cake", "rfc2047-b-folded"],
    )
    add(cake01)
    re_cake01 = plain(
        key="re-cake01", at="2025-12-02 10:30", charset=jis, cte="7bit", text=RE_CAKE01, folder=".Sent",
        sender=KOMUGI, to=cake01.sender, reply_to=cake01, mailer=BECKY,
        subject="Re: " + cake01.subject,
        probes=["ノエル・ブランシュ", "微量の混入の可能性を完全には否定できません"],
        cases=["iso-2022-jp", "reply", "allergy-cake", "quote-gt"],
    )
    add(re_cake01)
    cake02 = plain(
        key="cake02", at="2025-12-03 22:05", charset=utf8, cte="quoted-printable", text=CAKE02, flags="RS",
        sender=cake01.sender, to=KOMUGI, reply_to=re_cake01,
        subject="Re: " + cake01.subject,
        probes=["ノエル・ブランシュの4号を1台、予約をお願いします。", "Merry Christmas ゆか"],
        cases=["utf-8-qp", "allergy-cake", "quote-gt"],
    )
    add(cake02)
    re_cake02 = plain(
        key="re-cake02", at="2025-12-04 09:45", charset=jis, cte="7bit", text=RE_CAKE02, folder=".Sent",
        sender=KOMUGI, to=cake01.sender, reply_to=cake02, mailer=BECKY,
        subject="Re: " + cake01.subject,
        probes=["お受け取り：12月24日（水）17:00頃", "別の箱・別の保冷剤"],
        cases=["iso-2022-jp", "reply", "allergy-cake"],
    )
    add(re_cake02)
    add(compose(
        key="quote01", at="2025-12-08 16:40", charset=utf8,
        entity=multipart("mixed", "------------Mw7kT2pZq0quote01", [
            text_entity(QUOTE01, utf8, "8bit"),
            attachment_rfc2231("見積依頼書.pdf", "application/pdf", fake_pdf([
                "Request for quotation - Hotel La Porte Kichijoji",
                "Petit gifts (baked sweets, 2 kinds) x 120",
                "Delivery: 2026-01-17 AM / Reply by 2025-12-12",
            ])),
        ]),
        texts=[(utf8, QUOTE01)], attachments=["見積依頼書.pdf"],
        sender=Person("ホテル・ラ・ポルト吉祥寺 西村", "a.nishimura@laporte-hotel.example.jp"), to=KOMUGI,
        mailer="Mozilla Thunderbird 128.5",
        subject="ご婚礼用プチギフトのお見積りのお願い",
        probes=["12月12日（金）までにお見積りをご送付いただけますと幸いに存じます。", "数量：120個"],
        cases=["utf-8-8bit", "rfc2231-filename", "b2b-deadline", "signature-rule", "rfc2047-b-folded"],
    ))
    add(compose(
        key="photo01", at="2025-12-15 14:02", charset=jis,
        entity=multipart("mixed", "----=_NextPart_BECKY_photo01", [
            text_entity(PHOTO01, jis, "7bit"),
            attachment_rfc2047("編み目の写真.jpg", "image/jpeg", fake_jpeg("aizuchi demo: knitting photo")),
        ]),
        texts=[(jis, PHOTO01)], attachments=["編み目の写真.jpg"], mailer=BECKY,
        sender=Person("上田 ちひろ", "chihiro.ueda@example.com"), to=ITOHEN,
        subject="編み目がずれてしまいます（写真添付）",
        probes=["縄編みのところで、どうしても編み目がずれてしまいます。", "アラン模様のミトンキット"],
        cases=["iso-2022-jp", "rfc2047-filename"],
    ))
    cake03 = plain(
        key="cake03", at="2025-12-26 08:50", charset=utf8, cte="base64", text=CAKE03, flags="RS",
        sender=cake01.sender, to=KOMUGI, reply_to=re_cake02,
        subject="クリスマスケーキのお礼",
        probes=["「私のケーキだ」と笑って", "アレルギーの症状も何も出ず"],
        cases=["utf-8-base64", "allergy-cake"],
    )
    add(cake03)
    add(plain(
        key="re-cake03", at="2025-12-26 14:10", charset=utf8, cte="quoted-printable", text=RE_CAKE03,
        folder=".Sent", sender=KOMUGI, to=cake01.sender, reply_to=cake03,
        subject="Re: " + cake03.subject,
        probes=["症状が出ずにお過ごしとのこと", "どうぞよいお年をお迎えください。"],
        cases=["utf-8-qp", "reply", "allergy-cake"],
    ))
    add(plain(
        key="oldpc01", at="2026-01-09 09:15", charset="", cte="8bit", text=OLDPC01,
        sender=Person("大島 正", "t.oshima@example.or.jp"), to=ITOHEN,
        subject="カタログ送付のお願い",
        probes=["紙のカタログがあれば送っていただきたい", "大島 正 様方　大島 文子"],
        cases=["no-charset-sjis"],
    ))
    add(plain(
        key="forward01", at="2026-01-20 18:25", charset=utf8, cte="quoted-printable", text=FORWARD01,
        sender=Person("西田 彩", "aya.nishida@example.net"), to=ITOHEN,
        subject="Fwd: 【いとへん】ご注文ありがとうございます（IT-20260118-0007）",
        probes=["メゾン大通 805号室", "---------- Forwarded message ---------"],
        cases=["utf-8-qp", "forwarded", "rfc2047-b-folded"],
    ))
    add(compose(
        key="deco01", at="2026-02-03 12:58", charset=utf8, flags="",
        entity=text_entity(DECO01_HTML, utf8, "base64", subtype="html"),
        texts=[(utf8, DECO01_HTML)],
        sender=Person("はるな", "haruna.0214@docomo.example.ne.jp"), to=KOMUGI,
        subject="バレンタインの焼き菓子🍫",
        probes=["2月13日までに受け取れますか", "彼に手作りっぽい焼き菓子"],
        cases=["html-only", "utf-8-base64", "smartphone-emoji"],
    ))
    sasaki = Person("佐々木 美穂", "miho.sasaki@example.com")
    sasaki01 = plain(
        key="sasaki01", at="2026-02-09 22:10", charset=jis, cte="7bit", text=SASAKI01, flags="RS",
        sender=sasaki, to=LUMIERE,
        subject="春の新作について",
        probes=["娘の中学の卒業式", "入荷の予定がわかりましたら教えてください。"],
        cases=["iso-2022-jp"],
    )
    add(sasaki01)
    re_sasaki01 = plain(
        key="re-sasaki01", at="2026-02-10 11:05", charset=jis, cte="7bit", text=RE_SASAKI01, folder=".Sent",
        sender=LUMIERE, to=sasaki, reply_to=sasaki01, mailer=BECKY,
        subject="Re: " + sasaki01.subject,
        probes=["2月20日頃から順次入荷の予定です", "グレージュのツイードセットアップ"],
        cases=["iso-2022-jp", "reply", "signature-rule"],
    )
    add(re_sasaki01)
    sasakilong02 = plain(
        key="sasakilong02", at="2026-02-14 23:48", charset=utf8, cte="base64", text=SASAKILONG02, flags="RS",
        sender=sasaki, to=LUMIERE, reply_to=re_sasaki01,
        subject="Re: " + sasaki01.subject,
        probes=["前と同じ9号で大丈夫か不安です。", "> グレージュのツイードセットアップの2型をご用意しております。"],
        cases=["utf-8-base64", "long-chatty", "quote-gt"],
    )
    add(sasakilong02)
    re_sasakilong02 = plain(
        key="re-sasakilong02", at="2026-03-02 10:15", charset=jis, cte="7bit", text=RE_SASAKILONG02,
        folder=".Sent", sender=LUMIERE, to=sasaki, reply_to=sasakilong02, mailer=BECKY,
        subject="Re: " + sasaki01.subject,
        probes=["袖丈のお直しは、3月10日（火）の夕方に仕上がる予定です。"],
        cases=["iso-2022-jp", "reply"],
    )
    add(re_sasakilong02)
    attribution = "2026年3月2日(月) 10:15 ルミエール <shop@lumiere.example.jp>:"
    sasakilong03 = SASAKILONG03_BODY + "\n" + attribution + "\n" + quote(RE_SASAKILONG02) + "\n"
    add(plain(
        key="sasakilong03", at="2026-03-04 21:30", charset=utf8, cte="quoted-printable", text=sasakilong03,
        flags="", sender=sasaki, to=LUMIERE, reply_to=re_sasakilong02,
        subject="Re: " + sasaki01.subject,
        probes=["宅配便で11日までに届くように送っていただくことはできますでしょうか。", attribution],
        cases=["utf-8-qp", "long-chatty", "gmail-attribution", "quote-gt"],
    ))
    add(plain(
        key="nec02", at="2026-03-18 16:20", charset=jis, cte="7bit", text=NEC02, flags="",
        sender=Person("山﨑 千尋", "chihiro.yamasaki@example.jp"), to=LUMIERE, mailer=OUTLOOK,
        subject="お直しのご相談（Ⅲ型ワンピース／山﨑）",
        probes=["㍻30年に貴店で購入したワンピース（Ⅲ型・ネイビー）", "① ウエストを2cmほど詰めたい"],
        cases=["iso-2022-jp", "iso-2022-jp-nec-ibm", "rfc2047-b-folded"],
    ))
    add(plain(
        key="mother01", at="2026-05-08 07:45", charset=utf8, cte="base64", text=MOTHER01, flags="",
        sender=Person("なつみ🌷", "natsumi-0510@ezweb.example.ne.jp"), to=KOMUGI,
        subject="母の日のカップケーキまだ間に合いますか？🌷🙏",
        probes=["6個入りを1つお願いしたいです！", "おはようございます☀️"],
        cases=["utf-8-base64", "smartphone-emoji", "rfc2047-b-folded", "short-question"],
    ))
    add(plain(
        key="knit03", at="2026-06-15 10:30", charset=euc, cte="8bit", text=KNIT03,
        sender=Person("河野 拓也", "takuya@kono.example.org"), to=ITOHEN,
        mailer="Mew version 6.8 on Emacs 29.1",
        subject="夏糸のおすすめを教えてください",
        probes=["初心者でも扱いやすい夏糸があれば教えてください。", "売り物みたい"], cases=["euc-jp"],
    ))
    add(plain(
        key="return02", at="2026-07-22 20:05", charset=sjis, cte="8bit", text=RETURN02, flags="",
        sender=Person("北村 由美子", "yumiko.kitamura@kitamura-kenchiku.example.co.jp"), to=ITOHEN,
        subject="届いた毛糸の色が違っていました",
        probes=["ミントグリーンへの交換をお願いできますでしょうか。", "8月1日～3日は家を空ける", "㈱北村建築設計"],
        cases=["shift_jis-cp932", "return-exchange"],
    ))
    add(plain(
        key="oneline01", at="2026-08-30 13:12", charset=utf8, cte="quoted-printable", text=ONELINE01,
        subject_method="Q", flags="",
        sender=Person("川口 亮", "kawaguchi.r@example.com"), to=KOMUGI,
        subject="店頭受け取りについて",
        probes=["土曜日の夕方でも店頭受け取りはできますか？"],
        cases=["utf-8-qp", "one-line", "rfc2047-q-folded"],
    ))
    add(plain(
        key="notice02", at="2026-09-18 09:00", charset=jis, cte="7bit", text=NOTICE02, flags="",
        sender=Person("ヤマネコ運輸", "no-reply@yamaneko-unyu.example.jp"), to=ITOHEN,
        subject="【ヤマネコ運輸】お荷物お届け完了のお知らせ",
        probes=["■伝票番号：4021-7788-3105", "本メールは送信専用です。"],
        cases=["iso-2022-jp", "auto-notification", "signature-rule"],
    ))
    add(compose(
        key="dress02", at="2026-10-05 12:30", charset=jis, flags="", mailer=OUTLOOK,
        entity=multipart("alternative", "----=_NextPart_000_0012_01DD3A5F.dress02", [
            text_entity(DRESS02, jis, "7bit"),
            text_entity(DRESS02_HTML, jis, "7bit", subtype="html"),
        ]),
        texts=[(jis, DRESS02), (jis, DRESS02_HTML)],
        sender=Person("前田 莉子", "riko.maeda@example.co.jp"), to=LUMIERE,
        subject="結婚式のお呼ばれドレスについて",
        probes=["昼の披露宴でも浮かないかどうか", "ボルドーのサテンドレス"],
        cases=["multipart-alternative", "iso-2022-jp"],
    ))
    add(plain(
        key="cake04", at="2026-11-10 20:32", charset=jis, cte="7bit", text=CAKE04, flags="",
        sender=cake01.sender, to=KOMUGI,
        subject="今年もクリスマスケーキの予約をお願いしたいです（森本）",
        probes=["娘にも卵のアレルギーがあることがわかりました。", "Merry Christmas ゆか・ひなた"],
        cases=["iso-2022-jp", "allergy-cake", "rfc2047-b-folded"],
    ))
    return mails


# ---------------------------------------------------------------------------
# Writing, reading back, expectations
# ---------------------------------------------------------------------------

FOLDERS = ("", ".Sent")
SUBDIRS = ("cur", "new", "tmp")


def file_name(mail: Built, seq: int) -> str:
    return f"{int(mail.when.timestamp())}.M{seq}P1.aizuchi:2,{mail.flags}"


def relative_path(mail: Built, seq: int) -> str:
    return "/".join(part for part in (mail.folder, "cur", file_name(mail, seq)) if part)


def write_maildir(mails: Sequence[Built], out: Path) -> dict[str, Built]:
    """Writes every mail under `out`; returns them by path relative to `out`."""
    for folder in FOLDERS:
        for sub in SUBDIRS:
            directory = out / folder / sub if folder else out / sub
            directory.mkdir(parents=True, exist_ok=True)
            # Only our own output is removed: stale mails from an older run.
            for stale in directory.iterdir():
                if stale.is_file() and not stale.name.startswith("."):
                    stale.unlink()
            if sub != "cur":
                (directory / ".keep").write_bytes(b"")
    written: dict[str, Built] = {}
    for seq, mail in enumerate(mails, start=1):
        path = relative_path(mail, seq)
        (out / path).write_bytes(mail.raw)
        written[path] = mail
    return written


# Python's JIS X 0208 table and CP932 disagree on six characters; the mail was
# typed on Windows, so the CP932 reading is the one we wrote.
_JIS_TO_CP932 = str.maketrans({"〜": "～", "‖": "∥", "−": "－", "¢": "￠", "£": "￡", "¬": "￢"})


def independent_decode(data: bytes, charset: str) -> str:
    """Decode with Python's codecs (our JIS inverse only where Python has none)."""
    label = charset.lower()
    if label == "iso-2022-jp":
        try:
            return data.decode("iso2022_jp").translate(_JIS_TO_CP932)
        except UnicodeDecodeError:
            return jis_decode(data)
    if label in ("shift_jis", ""):
        return data.decode("cp932")
    return data.decode({"euc-jp": "euc_jp", "utf-8": "utf-8", "us-ascii": "ascii"}[label])


def decode_header_value(value: str) -> str:
    return "".join(
        chunk if isinstance(chunk, str) else independent_decode(chunk, charset or "us-ascii")
        for chunk, charset in email.header.decode_header(value)
    )


def verify(path: Path, mail: Built) -> None:
    """Reads one written file back and checks the bytes say what the mail meant."""
    raw = path.read_bytes()
    problems: list[str] = []
    if raw != mail.raw:
        problems.append("file differs from the built bytes")
    if raw.replace(CRLF, b"").count(b"\n") or raw.replace(CRLF, b"").count(b"\r"):
        problems.append("bare LF or CR: lines must end in CRLF")
    parsed = email.message_from_bytes(raw)
    if decode_header_value(parsed["Subject"]) != mail.subject:
        problems.append(f"subject reads back as {decode_header_value(parsed['Subject'])!r}")
    if parsed["Message-ID"] != mail.message_id:
        problems.append("Message-ID")
    texts = [part for part in parsed.walk() if part.get_content_maintype() == "text"]
    if len(texts) != len(mail.texts):
        problems.append(f"{len(texts)} text parts, expected {len(mail.texts)}")
    for part, (charset, text) in zip(texts, mail.texts, strict=False):
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        label = part.get_content_charset() or ""
        if label != charset.lower():
            problems.append(f"charset label {label!r}, expected {charset!r}")
        decoded = independent_decode(payload, label).replace("\r\n", "\n")
        if decoded != (text if text.endswith("\n") else text + "\n"):
            problems.append(f"{part.get_content_type()} part does not read back as written")
        if charset == "ISO-2022-JP" and max(payload) >= 0x80:
            problems.append("8-bit byte in a 7bit ISO-2022-JP part")
    names = [decode_header_value(name) for part in parsed.walk() if (name := part.get_filename())]
    if names != list(mail.attachments):
        problems.append(f"attachments read back as {names}")
    if problems:
        raise SystemExit(f"{path}: " + "; ".join(problems))


def expectations(written: dict[str, Built]) -> dict[str, object]:
    return {
        "generated_by": "scripts/make_demo.py (do not edit by hand)",
        "mails": [
            {
                "path": path,
                "folder": "Sent" if mail.folder else "INBOX",
                "key": mail.key,
                "subject": mail.subject,
                "from": mail.sender.mail,
                "from_name": mail.sender.name,
                "message_id": mail.message_id,
                "in_reply_to": mail.in_reply_to,
                "seen": "S" in mail.flags,
                "body_contains": list(mail.probes),
                "attachments": list(mail.attachments),
                "cases": list(mail.cases),
            }
            for path, mail in written.items()
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Maildir to (re)write")
    parser.add_argument("--expected", type=Path, help="where to write the expectations JSON")
    args = parser.parse_args(argv)
    expected_path: Path | None = args.expected
    if expected_path is None and args.out == DEFAULT_OUT:
        expected_path = DEFAULT_EXPECTED
    mails = build_all()
    written = write_maildir(mails, args.out)
    for path, mail in written.items():
        verify(args.out / path, mail)
    if expected_path is not None:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(expectations(written), ensure_ascii=False, indent=1) + "\n"
        expected_path.write_text(text, encoding="utf-8")
    inbox = sum(1 for mail in mails if not mail.folder)
    unread = sum(1 for mail in mails if not mail.folder and "S" not in mail.flags)
    print(f"{args.out}: {inbox} Inbox mails ({unread} unread), {len(mails) - inbox} sent replies; all read back OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
