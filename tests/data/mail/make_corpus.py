"""Writes the golden corpus: one .eml per encoding or breakage, plus expected.json.

The bytes are built here with the stdlib codecs and a small SJIS→JIS
conversion of our own (as a Japanese mailer would), never with the parser
under test. Run `python tests/data/mail/make_corpus.py` to regenerate; the
.eml files are committed so the tests do not depend on this script.
"""

from __future__ import annotations

import base64
import json
import quopri
from pathlib import Path

HERE = Path(__file__).parent
NEC_IBM = "①㈱㍻Ⅲ髙﨑"


def jis(text: str) -> bytes:
    """ISO-2022-JP as Outlook writes it (CP50220): every CP932 pair shifted to JIS."""
    out = bytearray()
    mode = "ascii"
    for ch in text:
        if ch == "\n" or ord(ch) < 0x80:
            if mode != "ascii":
                out += b"\x1b(B"
                mode = "ascii"
            out += ch.encode("ascii")
            continue
        code = ch.encode("cp932")
        if len(code) == 1:  # half-width katakana: JIS X 0201 kana set
            if mode != "kana":
                out += b"\x1b(I"
                mode = "kana"
            out.append(code[0] - 0x80)
            continue
        s1, s2 = code
        s1 -= 0x40 if s1 >= 0xE0 else 0
        j1 = (s1 - 0x81) * 2 + 0x21
        if s2 >= 0x9F:
            j1 += 1
            j2 = s2 - 0x7E
        else:
            j2 = s2 - 0x1F - (1 if s2 >= 0x80 else 0)
        if mode != "jis":
            out += b"\x1b$B"
            mode = "jis"
        out += bytes((j1, j2))
    if mode != "ascii":
        out += b"\x1b(B"
    return bytes(out)


def cp51932(text: str) -> bytes:
    """EUC-JP as Windows writes it: CP932 pairs shifted to EUC rows (NEC row 13 included)."""
    out = bytearray()
    for ch in text:
        code = ch.encode("cp932")
        if len(code) == 1:
            out += code if code[0] < 0x80 else b"\x8e" + code
            continue
        pair = jis(ch)[3:5]
        out += bytes((pair[0] | 0x80, pair[1] | 0x80))
    return bytes(out)


def b_word(data: bytes, charset: str) -> bytes:
    return b"=?" + charset.encode() + b"?B?" + base64.b64encode(data) + b"?="


def crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def mail(headers: list[bytes], body: bytes) -> bytes:
    return b"\n".join(headers) + b"\n\n" + body


FROM = b"From: =?ISO-2022-JP?B?" + base64.b64encode(jis("山田 花子")) + b"?= <hanako@example.jp>"
TO = b"To: support@shop.example.jp"
DATE = b"Date: Tue, 05 Mar 2024 10:15:00 +0900"
PLAIN_BODY = "お世話になっております。\n先日購入した商品について質問があります。\n  インデントは残ります。\n"


def build() -> dict[str, dict[str, object]]:
    cases: dict[str, tuple[bytes, dict[str, object]]] = {}

    def case(name: str, raw: bytes, **expected: object) -> None:
        cases[name] = (raw, expected)

    case("01_iso2022jp_plain.eml", crlf(mail([
        FROM, TO, DATE, b"Subject: " + b_word("ご注文について".encode("iso2022_jp"), "ISO-2022-JP"),
        b"Message-ID: <plain-01@example.jp>", b"MIME-Version: 1.0",
        b"Content-Type: text/plain; charset=ISO-2022-JP", b"Content-Transfer-Encoding: 7bit",
    ], PLAIN_BODY.encode("iso2022_jp"))), subject="ご注文について", body=["先日購入した商品", "\n  インデント"],
        notes=[], sender="hanako@example.jp", sender_name="山田 花子", date="2024-03-05T10:15:00+09:00",
        message_id="<plain-01@example.jp>")

    case("02_iso2022jp_nec_ibm.eml", mail([
        FROM, TO, DATE, b"Subject: " + b_word(jis(f"{NEC_IBM}のお願い"), "ISO-2022-JP"),
        b"Content-Type: text/plain; charset=\"iso-2022-jp\"",
    ], jis(f"株式会社{NEC_IBM}の髙橋です。\n①配送日②請求書\n")), subject=f"{NEC_IBM}のお願い",
        body=[f"株式会社{NEC_IBM}の髙橋です。", "①配送日②請求書"], notes=["charset_superset"])

    case("03_sjis_label_cp932_chars.eml", mail([
        FROM, TO, DATE, b"Subject: " + b_word("①の件～".encode("cp932"), "Shift_JIS"),
        b"Content-Type: text/plain; charset=Shift_JIS", b"Content-Transfer-Encoding: 8bit",
    ], "① 明日まで～お待ちください。髙﨑\n".encode("cp932")), subject="①の件～",
        body=["① 明日まで～お待ちください。髙﨑"], notes=["charset_superset"])

    case("04_cp932_label.eml", mail([
        FROM, TO, DATE, b"Subject: " + b_word("Windows-31J の件名".encode("cp932"), "windows-31j"),
        b"Content-Type: text/plain; charset=windows-31j", b"Content-Transfer-Encoding: 8bit",
    ], "㈱テスト　①②③ 問題ありません。\n".encode("cp932")), subject="Windows-31J の件名",
        body=["㈱テスト　①②③ 問題ありません。"], notes=[])

    case("05_eucjp.eml", mail([
        FROM, TO, DATE, b"Subject: " + b_word("EUC-JPの件名".encode("euc_jp"), "EUC-JP"),
        b"Content-Type: text/plain; charset=EUC-JP", b"Content-Transfer-Encoding: 8bit",
    ], "古いサーバーからの日本語メールです。ｶﾀｶﾅも。\n".encode("euc_jp")), subject="EUC-JPの件名",
        body=["古いサーバーからの日本語メールです。ｶﾀｶﾅも。"], notes=[])

    case("06_utf8_qp.eml", mail([
        FROM, TO, DATE, b"Subject: =?UTF-8?Q?" + quopri.encodestring("返品の相談".encode(), header=True) + b"?=",
        b"Content-Type: text/plain; charset=utf-8", b"Content-Transfer-Encoding: quoted-printable",
    ], quopri.encodestring(("とても長い行です。" * 12 + "\n子供が使うものなので心配です。\n").encode())),
        subject="返品の相談", body=["とても長い行です。" * 12, "子供が使うものなので心配です。"], notes=[])

    case("07_utf8_base64.eml", mail([
        FROM, TO, DATE, b"Subject: " + b_word("\ufeff".encode()[:0] + "配送状況の確認".encode(), "UTF-8"),
        b"Content-Type: text/plain; charset=UTF-8", b"Content-Transfer-Encoding: base64",
    ], base64.encodebytes("\ufeff追跡番号を教えてください。\r\nよろしくお願いします。\r\n".encode())),
        subject="配送状況の確認", body=["追跡番号を教えてください。\nよろしく"], notes=[])

    case("08_missing_charset_sjis.eml", mail([
        FROM, TO, DATE, b"Subject: no charset", b"Content-Type: text/plain",
    ], "ラベルのないシフトJISの本文です。よろしくお願いいたします。\n".encode("cp932")), subject="no charset",
        body=["ラベルのないシフトJISの本文です。"], notes=["charset_guessed"])

    case("09_latin1_label_utf8.eml", mail([
        FROM, TO, DATE, b"Subject: latin-1 label", b"Content-Type: text/plain; charset=iso-8859-1",
        b"Content-Transfer-Encoding: 8bit",
    ], "実はUTF-8です。サイズ交換をお願いします。\n".encode()), subject="latin-1 label",
        body=["実はUTF-8です。サイズ交換をお願いします。"], notes=["charset_mislabelled"])

    case("10_latin1_label_sjis.eml", mail([
        FROM, TO, DATE, b"Subject: latin-1 label on sjis", b"Content-Type: text/plain; charset=\"ISO-8859-1\"",
        b"Content-Transfer-Encoding: 8bit",
    ], "実はシフトJISです。お返事をお待ちしております。\n".encode("cp932")), subject="latin-1 label on sjis",
        body=["実はシフトJISです。お返事をお待ちしております。"], notes=["charset_mislabelled"])

    case("11_x_unknown.eml", mail([
        FROM, TO, DATE, b"Subject: " + b_word("不明な文字コード".encode("euc_jp"), "x-unknown"),
        b"Content-Type: text/plain; charset=x-unknown", b"Content-Transfer-Encoding: 8bit",
    ], "文字コードが不明ですが、日本語として読めるはずです。\n".encode("euc_jp")), subject="不明な文字コード",
        body=["文字コードが不明ですが、日本語として読めるはずです。"], notes=["charset_guessed"])

    case("12_raw_8bit_sjis_subject.eml", mail([
        b"From: " + "佐藤".encode("cp932") + b" <sato@example.jp>", TO, DATE,
        b"Subject: " + "生のシフトJIS件名です".encode("cp932"),
        b"Content-Type: text/plain; charset=shift_jis",
    ], "本文は普通です。\n".encode("cp932")), subject="生のシフトJIS件名です", body=["本文は普通です。"],
        notes=["header_repaired"], sender="sato@example.jp", sender_name="佐藤")

    good = base64.b64encode("壊れたBase64でも読める部分は読みます。\n".encode())
    case("13_broken_base64.eml", mail([
        FROM, TO, DATE, b"Subject: broken base64", b"Content-Type: text/plain; charset=utf-8",
        b"Content-Transfer-Encoding: base64",
    ], good[:20] + b"!!\n" + good[20:].rstrip(b"=") + b"\n"), subject="broken base64",
        body=["壊れたBase64でも読める部分は読みます。"], notes=["transfer_encoding_broken"])

    subject = "長い件名が複数の encoded-word に分かれて折り返されています"
    utf8 = subject.encode()
    words = [
        b_word(utf8[:21], "UTF-8"),
        b"=?UTF-8?Q?" + quopri.encodestring(utf8[21:40], header=True) + b"?=",
        b_word(utf8[40:], "UTF-8"),
    ]
    case("14_rfc2047_folded_subject.eml", crlf(mail([
        FROM, TO, DATE, b"Subject: " + words[0] + b"\n " + words[1] + b"\n\t" + words[2],
        b"Content-Type: text/plain; charset=utf-8",
    ], "本文\n".encode())), subject=subject, body=["本文"], notes=[])

    name = "見積書①.pdf"
    quoted = "".join(f"%{b:02X}" for b in jis(name))
    case("15_rfc2231_filename.eml", mail([
        FROM, TO, DATE, b"Subject: RFC 2231", b"MIME-Version: 1.0",
        b"Content-Type: multipart/mixed; boundary=\"b15\"",
    ], b"--b15\nContent-Type: text/plain; charset=utf-8\n\n" + "添付をご確認ください。\n".encode()
        + b"--b15\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        + b"Content-Disposition: attachment;\n filename*0*=ISO-2022-JP''" + quoted[:30].encode()
        + b";\n filename*1*=" + quoted[30:].encode() + b"\n\n" + base64.encodebytes(b"%PDF-1.4 fake" * 10)
        + b"--b15--\n"), subject="RFC 2231", body=["添付をご確認ください。"], notes=[],
        attachments=[[name, "application/pdf", 130]])

    case("16_rfc2047_name_filename.eml", mail([
        FROM, TO, DATE, b"Subject: RFC 2047 name", b"Content-Type: multipart/mixed; boundary=b16",
    ], b"--b16\nContent-Type: text/plain; charset=iso-2022-jp\n\n" + jis("写真を送ります。\n")
        + b"--b16\nContent-Type: image/jpeg; name=\"" + b_word(jis("商品の写真.jpg"), "ISO-2022-JP") + b"\"\n"
        + b"Content-Disposition: attachment; filename=\"" + b_word(jis("商品の写真.jpg"), "ISO-2022-JP") + b"\"\n"
        + b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(bytes(range(256))) + b"--b16--\n"),
        subject="RFC 2047 name", body=["写真を送ります。"], notes=[],
        attachments=[["商品の写真.jpg", "image/jpeg", 256]])

    html = (
        "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        "<p>鈴木様</p><p>ご注文<b>ありがとうございます</b>。<br>発送は<a href=\"https://shop.example.jp/o/1\">"
        "こちら</a>からご確認ください。</p><ul><li>商品A</li><li>商品B</li></ul>"
        "<img src=\"https://tracker.example.com/open.gif\" width=\"1\"><img src=\"cid:logo\" alt=\"ロゴ\">"
        "<form action=\"https://evil.example\"><input name=q></form></body></html>"
    )
    case("17_html_only.eml", mail([
        FROM, TO, DATE, b"Subject: HTML only", b"Content-Type: text/html; charset=utf-8",
        b"Content-Transfer-Encoding: quoted-printable",
    ], quopri.encodestring(html.encode())), subject="HTML only",
        body=["鈴木様\n\nご注文ありがとうございます。\n発送はこちらからご確認ください。", "・商品A\n・商品B"],
        absent=["alert", "p{color"], notes=["html_only", "remote_images_blocked"], html=True,
        remote_images=["https://tracker.example.com/open.gif"])

    case("18_multipart_alternative.eml", mail([
        FROM, TO, DATE, b"Subject: alternative", b"Content-Type: multipart/alternative; boundary=\"alt\"",
    ], b"preamble\n--alt\nContent-Type: text/plain; charset=iso-2022-jp\n\n" + jis("テキスト版の本文です。\n")
        + b"--alt\nContent-Type: text/html; charset=utf-8\n\n" + "<p>HTML版の本文です。</p>\n".encode()
        + b"--alt--\nepilogue\n"), subject="alternative", body=["テキスト版の本文です。"], absent=["HTML版"],
        notes=[], html=False)

    inner = mail([
        b"From: =?UTF-8?B?" + base64.b64encode("田中 一郎".encode()) + b"?= <tanaka@example.com>",
        b"Date: Mon, 04 Mar 2024 09:00:00 +0900", b"Subject: " + b_word(jis("元のお問い合わせ"), "ISO-2022-JP"),
        b"Content-Type: text/plain; charset=iso-2022-jp",
    ], jis("サイズが合わなかったので交換したいです。\n"))
    case("19_forwarded_rfc822.eml", mail([
        FROM, TO, DATE, b"Subject: Fwd: forwarded", b"Content-Type: multipart/mixed; boundary=\"fw\"",
    ], b"--fw\nContent-Type: text/plain; charset=utf-8\n\n" + "転送します。\n".encode()
        + b"--fw\nContent-Type: message/rfc822\n\n" + inner + b"\n--fw--\n"), subject="Fwd: forwarded",
        body=["転送します。\n", "転送メッセージ", "件名: 元のお問い合わせ", "田中 一郎",
              "サイズが合わなかったので交換したいです。"], notes=[])

    case("20_truncated_multipart.eml", mail([
        FROM, TO, DATE, b"Subject: truncated", b"Content-Type: multipart/mixed; boundary=\"cut\"",
    ], b"--cut\nContent-Type: text/plain; charset=shift_jis\n\n" + "途中で切れたメールです。\n".encode("cp932")
        + b"--cut\nContent-Type: application/octet-stream; name=data.bin\nContent-Transfer-Encoding: base64\n\n"
        + base64.b64encode(b"0123456789" * 20)[:101]), subject="truncated", body=["途中で切れたメールです。"],
        notes=["transfer_encoding_broken", "multipart_unterminated"],
        attachments=[["data.bin", "application/octet-stream", 75]])

    case("21_empty.eml", b"", subject="", body=[], notes=["empty_body"])

    junk = bytes((i * 97 + 13) % 256 for i in range(600)).replace(b":", b";")
    case("22_binary_junk.eml", b"\x00\x89PNG\r\n" + junk, subject="", body=["NG\n"],
        notes=["unparseable", "charset_guessed", "decode_replaced"])

    case("23_utf8_label_sjis_bytes.eml", mail([
        FROM, TO, DATE, b"Subject: utf-8 label on sjis", b"Content-Type: text/plain; charset=utf-8",
        b"Content-Transfer-Encoding: 8bit",
    ], "ラベルはUTF-8ですが中身はシフトJISです。\n".encode("cp932")), subject="utf-8 label on sjis",
        body=["ラベルはUTF-8ですが中身はシフトJISです。"], notes=["charset_mislabelled"])

    case("24_eucjp_nec.eml", mail([
        FROM, TO, DATE, b"Subject: euc-jp nec", b"Content-Type: text/plain; charset=euc-jp",
    ], cp51932(f"{NEC_IBM}を含むEUC-JPです。\n")), subject="euc-jp nec", body=[f"{NEC_IBM}を含むEUC-JPです。"],
        notes=["charset_superset"])

    case("25_broken_encoded_word.eml", mail([
        FROM, TO, DATE, b"Subject: =?ISO-2022-JP?B?" + base64.b64encode(jis("途中"))[:-3] + b"!?= tail",
        b"Content-Type: text/plain; charset=us-ascii",
    ], b"ascii body\n"), subject_contains=["tail"], body=["ascii body"], notes=["header_repaired"])

    case("26_jis_halfwidth_kana.eml", mail([
        FROM, TO, DATE, b"Subject: " + b_word(jis("ｶﾀｶﾅ件名"), "ISO-2022-JP"),
        b"Content-Type: text/plain; charset=ISO-2022-JP",
    ], jis("ﾊﾝｶｸｶﾀｶﾅの本文\n")), subject="ｶﾀｶﾅ件名", body=["ﾊﾝｶｸｶﾀｶﾅの本文"], notes=["charset_superset"])

    # Bug classes found on other projects' test mails (mikel/mail, php-mime-mail-parser,
    # SpamScope/mail-parser, stalwartlabs/mail-parser); each rebuilt here from scratch.
    case("27_latin1_raw_subject_filename.eml", mail([
        b"From: =?Windows-1252?B?" + base64.b64encode("Formação Lda".encode("cp1252")) + b"?= <info@example.pt>",
        TO, DATE, b"Subject: " + "Formação: Verão | Cursos".encode("latin-1"),
        b"Content-Type: multipart/mixed; boundary=b27",
    ], b"--b27\nContent-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
        + quopri.encodestring("Olá, segue o ficheiro.\n".encode("latin-1"))
        + b"--b27\nContent-Type: text/plain; name=" + "ciële.txt".encode("latin-1")
        + b"\nContent-Disposition: attachment; filename=" + "ciële.txt".encode("latin-1")
        + b"\n\nHi there.\n--b27--\n"),
        subject="Formação: Verão | Cursos", body=["Olá, segue o ficheiro."], notes=["header_repaired"],
        sender_name="Formação Lda", attachments=[["ciële.txt", "text/plain", 9]])

    case("28_unindented_header_fold.eml", mail([
        FROM, TO, DATE, b"Subject: lost indentation", b"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;",
        b"d=example.jp; s=sel;", b"h=from:to:subject;", b"b=AbCdEf==", b"MIME-Version: 1.0",
        b"Content-Type: multipart/alternative; boundary=b28",
    ], b"--b28\nContent-Type: text/plain; charset=ISO-2022-JP\n\n" + jis("ヘッダーが崩れていても本文は読めます。\n")
        + b"--b28\nContent-Type: text/html; charset=utf-8\n\n<p>HTML</p>\n--b28--\n"),
        subject="lost indentation", body=["ヘッダーが崩れていても本文は読めます。"], absent=["--b28", "HTML"], notes=[])

    case("29_boundary_mismatch.eml", mail([
        FROM, TO, DATE, b"Subject: boundary mismatch", b"Content-Type: multipart/alternative;",
        b"\tboundary=\"--=_declared\"",
    ], b"----=_actual\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes("宣言と違う区切りでも本文を復元します。\n".encode()) + b"\n----=_actual--\n"),
        subject="boundary mismatch", body=["宣言と違う区切りでも本文を復元します。"],
        absent=["----=_actual", "Content-Type"], notes=[])

    case("30_parts_after_close.eml", mail([
        FROM, TO, DATE, b"Subject: reused boundary", b"Content-Type: multipart/mixed; boundary=\"same\"",
    ], b"--same\nContent-Type: multipart/alternative; boundary=\"same\"\n\n"
        + b"--same\nContent-Type: text/plain; charset=utf-8\n\n" + "写真を添付します。\n".encode()
        + b"--same--\n\n--same\nContent-Type: image/jpeg; name=\"photo.jpg\"\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(bytes(range(200))) + b"--same--\n"),
        subject="reused boundary", body=["写真を添付します。"], notes=[],
        attachments=[["photo.jpg", "image/jpeg", 200]])

    inner31 = mail([
        b"From: =?UTF-8?B?" + base64.b64encode("佐藤 次郎".encode()) + b"?= <jiro@example.com>",
        b"Subject: " + b_word("元の問い合わせ".encode(), "UTF-8"), b"Content-Type: text/plain; charset=utf-8",
    ], "エンコードされた転送メールです。\n".encode())
    case("31_base64_rfc822.eml", mail([
        FROM, TO, DATE, b"Subject: encoded forward", b"Content-Type: multipart/mixed; boundary=b31",
    ], b"--b31\nContent-Type: text/plain; charset=utf-8\n\n" + "転送します。\n".encode()
        + b"--b31\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(inner31) + b"--b31--\n"),
        subject="encoded forward",
        body=["転送します。", "件名: 元の問い合わせ", "佐藤 次郎", "エンコードされた転送メールです。"],
        absent=["RnJvbT"], notes=[])

    case("32_delivery_report.eml", mail([
        b"From: Mail Delivery System <MAILER-DAEMON@example.jp>", TO, DATE, b"Subject: Undelivered Mail",
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=b32",
    ], b"--b32\nContent-Type: text/plain; charset=us-ascii\n\nYour message could not be delivered.\n"
        + b"--b32\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\n"
        + b"Final-Recipient: rfc822; nobody@example.jp\nAction: failed\nStatus: 5.1.1\n"
        + b"--b32\nContent-Type: message/rfc822-headers\n\nFrom: a@example.jp\nSubject: hello\n\n--b32--\n"),
        subject="Undelivered Mail", body=["Your message could not be delivered."],
        absent=["Final-Recipient", "Status:"], notes=[],
        attachments=[["delivery-status.txt", "message/delivery-status", 106],
                     ["rfc822-headers.txt", "message/rfc822-headers", 34]])

    carried = jis("一行目は普通に書きます\n二行目はエスケープなしで続きます\n") .replace(b"\x1b(B\n\x1b$B", b"\n")
    case("33_jis_no_reescape.eml", mail([
        FROM, TO, DATE, b"Subject: carried JIS", b"Content-Type: text/plain; charset=ISO-2022-JP",
    ], carried + b"ASCII line\n"), subject="carried JIS",
        body=["一行目は普通に書きます\n二行目はエスケープなしで続きます\nASCII line"], notes=["escape_missing"])

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    case("34_html_cid_image.eml", mail([
        FROM, TO, DATE, b"Subject: inline image", b"Content-Type: multipart/related; boundary=b34; type=text/html",
    ], b"--b34\nContent-Type: text/html; charset=utf-8\n\n"
        + "<p>商品の写真です。</p><img src=\"cid:photo1@example.jp\" alt=\"写真\">\n".encode()
        + b"--b34\nContent-Type: image/png\nContent-ID: <photo1@example.jp>\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(png) + b"--b34--\n"),
        subject="inline image", body=["商品の写真です。"], notes=["html_only"], html=True,
        inline_images=[["photo1@example.jp", "image/png", len(png)]])

    # Issue 14, point 7: decoding faults found by the outside attack, each rebuilt here from scratch.
    case("35_utf8_raw_subject_stray_byte.eml", mail([
        FROM, TO, DATE, b"Subject: " + "ご注文".encode() + b"\xff" + "確認".encode(),
        b"Content-Type: text/plain; charset=ISO-2022-JP",
    ], jis("本文はJISです。\n")), subject="ご注文\ufffd確認", body=["本文はJISです。"],
        notes=["decode_replaced"])

    case("36_utf8_raw_subject_stray_end.eml", mail([
        FROM, TO, DATE, b"Subject: " + "Re: ご注文".encode() + b"\x80",
    ], b"ascii body\n"), subject="Re: ご注文\ufffd", body=["ascii body"], notes=["decode_replaced"])

    case("37_euckr_raw_subject.eml", mail([
        b"From: kim@example.kr", TO, DATE, b"Subject: " + "주문 문의드립니다".encode("euc-kr"),
        b"Content-Type: text/plain; charset=EUC-KR",
    ], "안녕하세요. 배송 날짜를 알려 주세요.\n".encode("euc-kr")), subject="주문 문의드립니다",
        body=["안녕하세요. 배송 날짜를 알려 주세요."], notes=["header_repaired"])

    case("38_sjis_label_jis_with_8bit.eml", mail([
        FROM, TO, DATE, b"Subject: jis behind a shift_jis label", b"Content-Type: text/plain; charset=Shift_JIS",
    ], jis("お世話になっております。\n配送の件です。\n") + b"Caf\xe9 Lumi\xe8re\xa0" + jis("担当\n")),
        subject="jis behind a shift_jis label",
        body=["お世話になっております。\n配送の件です。", "Café Lumière\xa0担当"], absent=["\x1b"],
        notes=["charset_mislabelled"])

    case("39_named_only_text_part.eml", mail([
        FROM, TO, DATE, b"Subject: named body part", b"MIME-Version: 1.0",
        b"Content-Type: multipart/mixed; boundary=b39",
    ], b"--b39\nContent-Type: text/plain; charset=utf-8; name=\"body.txt\"\n\n"
        + "名前の付いた本文パートです。\n".encode()
        + b"--b39\nContent-Type: application/pdf; name=\"mitsumori.pdf\"\n"
        + b"Content-Disposition: attachment; filename=\"mitsumori.pdf\"\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(b"%PDF-1.4 test") + b"--b39--\n"),
        subject="named body part", body=["名前の付いた本文パートです。"], notes=[],
        attachments=[["mitsumori.pdf", "application/pdf", 13]])

    case("40_inline_named_text_attachment.eml", mail([
        FROM, TO, DATE, b"Subject: inline txt", b"MIME-Version: 1.0",
        b"Content-Type: multipart/mixed; boundary=b40",
    ], b"--b40\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: inline; filename=\"memo.txt\"\n\n"
        + "添付したメモの中身です。\n".encode()
        + b"--b40\nContent-Type: multipart/alternative; boundary=a40\n\n"
        + b"--a40\nContent-Type: text/plain; charset=utf-8\n\n" + "本当の本文です。\n".encode()
        + b"--a40\nContent-Type: text/html; charset=utf-8\n\n<p>" + "本当の本文です。".encode() + b"</p>\n"
        + b"--a40--\n--b40--\n"),
        subject="inline txt", body=["本当の本文です。"], absent=["添付したメモ"], notes=[],
        attachments=[["memo.txt", "text/plain", len("添付したメモの中身です。".encode())]])

    expected: dict[str, dict[str, object]] = {}
    for name, (raw, exp) in cases.items():
        (HERE / name).write_bytes(raw)
        expected[name] = exp
    return expected


if __name__ == "__main__":
    result = build()
    (HERE / "expected.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(result)} cases written to {HERE}")
