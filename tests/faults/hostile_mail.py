"""Hostile mails, generated (never committed as files): `python -m tests.faults.hostile_mail DIR`
writes them as .eml; the fault suite builds them in memory.

Each is the worst of its kind from issue 14's report: deep HTML that made nh3 quadratic,
nested lists whose text conversion ate gigabytes, and multiparts nested past any sense with
the customer's words at the bottom.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEAD = (b"From: =?UTF-8?B?5L2Q6JekIOiKseWtkA==?= <hanako@example.jp>\r\nTo: shop@example.jp\r\n"
        b"Subject: =?UTF-8?B?44GK5ZWP44GE5ZCI44KP44Gb?=\r\nDate: Sun, 06 Dec 2026 10:00:00 +0900\r\n"
        b"Message-ID: <hostile-%s@example.jp>\r\nMIME-Version: 1.0\r\n")
WORDS = "納期を教えていただけますでしょうか。"


def _html_mail(name: str, html: str) -> bytes:
    return (HEAD % name.encode() + b"Content-Type: text/html; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n" + html.encode("utf-8"))


def nested_divs(depth: int = 200_000) -> bytes:
    return _html_mail("divs", "<html><body>" + "<div>" * depth + WORDS + "</div>" * depth + "</body></html>")


def nested_lists(depth: int = 100_000) -> bytes:
    return _html_mail("lists", "<html><body>" + "<ul><li>" * depth + WORDS + "</li></ul>" * depth + "</body></html>")


def unclosed_formatting(count: int = 100_000) -> bytes:
    return _html_mail("bold", "<html><body>" + "<b><i>" * count + WORDS + "</body></html>")


def nested_multiparts(depth: int = 800) -> bytes:
    parts = [HEAD % b"multiparts"]
    for level in range(depth):
        if level:
            parts.append(b"--b%d\r\n" % (level - 1))
        parts.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n' % level)
    parts.append(b"--b%d\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                 % (depth - 1) + WORDS.encode() + b"\r\n")
    for level in reversed(range(depth)):
        parts.append(b"--b%d--\r\n" % level)
    return b"".join(parts)


def many_parts(count: int = 100_000) -> bytes:
    """100,000 sibling parts: the stdlib parser and the walk took 4 s."""
    parts = [HEAD % b"parts", b'Content-Type: multipart/mixed; boundary="p"\r\n\r\n',
             b"--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + WORDS.encode() + b"\r\n"]
    parts += [b"--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nx\r\n"] * count
    parts.append(b"--p--\r\n")
    return b"".join(parts)


def many_tags(count: int = 300_000) -> bytes:
    """300,000 flat tags, shallow: sanitising and converting each one adds up."""
    return _html_mail("tags", "<html><body>" + WORDS + "<span>x</span>" * count + "</body></html>")


def big_attachment(megabytes: int = 50) -> bytes:
    """A 45 MB attached file (68 MB of mail): the stdlib parser alone peaked near 8x the mail."""
    line = b"QUlaVUNISS1ob3N0aWxlLWF0dGFjaG1lbnQtZmlsbGVyLWZpbGxlci1maWxsZXItZmls\r\n"  # 51 bytes a line
    lines = megabytes * 1_000_000 // 51
    return (HEAD % b"attachment" + b'Content-Type: multipart/mixed; boundary="a"\r\n\r\n'
            b"--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + WORDS.encode() + b"\r\n"
            b'--a\r\nContent-Type: application/pdf; name="catalogue.pdf"\r\n'
            b'Content-Disposition: attachment; filename="catalogue.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + line * lines + b"--a--\r\n")


ALL = {"nested_divs": nested_divs, "nested_lists": nested_lists, "unclosed_formatting": unclosed_formatting,
       "nested_multiparts": nested_multiparts, "many_parts": many_parts, "many_tags": many_tags,
       "big_attachment": big_attachment}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    for name, make in ALL.items():
        (target / f"{name}.eml").write_bytes(make())
        print(target / f"{name}.eml")
