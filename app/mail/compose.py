"""Building replies: the `Draft` for a mail, and the final RFC 822 bytes of a draft.

Owns the conventions a Japanese business reply follows, so the composer only
has to show them:
- the greeting 「小野寺 さやか様」 from the sender's display name (an honorific
  already there is not doubled; a company alone gets 「御中」, a company with a
  person gets the company on its own line and 「様」 for the person; no name at
  all leaves `{customer}様` for the agent, which the review will not let pass);
- `Re: ` once, however many the thread has stacked (also 「RE:」, 「Ｒｅ：」, 「返信:」);
- the original quoted under an attribution line
  「2025年11月12日(水) 21:37 小野寺 さやか <sayaka@example.com>:」 and `> ` lines,
  which `app.review.context` recognises as quoted (never counted as an answer);
- `In-Reply-To` and `References` (the original's chain plus its Message-ID);
- a Message-ID fixed when the draft is created, so a retry is the same message.

`outgoing()` turns a draft into UTF-8 bytes with RFC 2047 headers and CRLF line
ends, ready for any `MailSender`. It refuses a draft that still holds a snippet
placeholder outside the quote: an unfilled `{customer}` is never sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from email.headerregistry import Address as EmailAddress
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, make_msgid

from app.identity import ShopIdentity
from app.mail.outgoing import build_message, unencodable
from app.model import Address, Charset, Draft, Message, MessageRef, OutgoingMessage, draft_key

__all__ = [
    "NewReply",
    "UnencodableDraft",
    "UnfilledDraft",
    "addressee",
    "attribution_line",
    "greeting_line",
    "new_reply",
    "outgoing",
    "parse_recipients",
    "quote_body",
    "reply_references",
    "reply_subject",
    "strip_honorific",
    "unencodable_in",
    "unfilled_placeholders",
]

_WEEKDAYS = "月火水木金土日"
_HONORIFIC = re.compile(r"[\s　]*(様|さま|サマ|殿|どの|さん|御中|各位)[\s　]*$")
# Words that make a display name an organisation rather than a person.
_COMPANY = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|[㈱㈲]|[（(][株有][)）]|一般社団法人|社団法人|財団法人|"
    r"医療法人|学校法人|NPO法人|\bInc\b\.?|\bLtd\b\.?|\bLLC\b|\bCo\b\.,?|Corporation|Company|"
    r"(?:大学|病院|協会|組合|事務局|事務所|商店|商会|工房|役所|役場)$"
)
_DEPARTMENT = re.compile(r"(部|課|室|係|局|チーム|センター|グループ|支店|営業所|店)$")
_RE_PREFIX = re.compile(r"^\s*(?:(?:re|ｒｅ|Ｒｅ|ＲＥ)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|返信\s*[:：])\s*", re.IGNORECASE)
_REFERENCES_KEPT = 20  # long threads: keep the first and the latest ids, as RFC 5322 suggests
SNIPPET_PLACEHOLDER = re.compile(r"\{(customer|topic|product|date|order|number|staff)\}")


class UnencodableDraft(ValueError):
    """The draft holds characters the account's charset (ISO-2022-JP) cannot carry."""


class UnfilledDraft(ValueError):
    """The draft still holds `{placeholder}` text the agent has not filled."""


@dataclass(frozen=True, slots=True)
class NewReply:
    draft: Draft
    cursor: int  # where the agent starts writing: the empty line after the shop's greeting


def strip_honorific(name: str) -> str:
    """「小野寺 さやか 様」 → 「小野寺 さやか」 (any number of trailing honorifics)."""
    name = name.strip().strip("\"'")
    while True:
        stripped = _HONORIFIC.sub("", name)
        if stripped == name:
            return name.strip()
        name = stripped


def _split_company(name: str) -> tuple[str, str]:
    """(organisation, person) from a display name such as 「株式会社さくら 営業部 高橋 一郎」."""
    parts = name.split()
    if not any(_COMPANY.search(p) for p in parts) and not _COMPANY.search(name):
        return "", name
    # The organisation runs up to its last word that names an organisation or a department.
    last = max(
        (i for i, p in enumerate(parts) if _COMPANY.search(p) or _DEPARTMENT.search(p)), default=len(parts) - 1
    )
    # 「株式会社 さくら」: a bare legal form takes the next word with it.
    if last + 1 < len(parts) and re.fullmatch(r"株式会社|有限会社|合同会社|[㈱㈲]|[（(][株有][)）]", parts[last]):
        last += 1
    return " ".join(parts[: last + 1]), " ".join(parts[last + 1 :])


def greeting_line(sender: Address) -> str:
    """The first line(s) of the reply: 「〇〇様」, 「株式会社△△ 御中」 or 「株式会社△△\\n〇〇様」."""
    name = strip_honorific(sender.name)
    if not name:
        return "{customer}様"
    company, person = _split_company(name)
    if not company:
        return f"{person}様"
    if not person:
        return f"{company} 御中"
    return f"{company}\n{person}様"


def customer_name(sender: Address) -> str:
    """The person's name for snippets' {customer} (「小野寺 さやか」), "" when there is none."""
    return _split_company(strip_honorific(sender.name))[1]


def reply_subject(subject: str) -> str:
    """「Re: 」 once: 「RE: Re: 在庫」 → 「Re: 在庫」."""
    rest = subject.strip()
    while True:
        stripped = _RE_PREFIX.sub("", rest, count=1)
        if stripped == rest:
            break
        rest = stripped
    return f"Re: {rest}"


def reply_references(message: Message) -> tuple[str, ...]:
    chain = [r for r in message.references if r]
    if not chain and message.in_reply_to:
        chain = [message.in_reply_to]
    if message.message_id and message.message_id not in chain:
        chain.append(message.message_id)
    unique = list(dict.fromkeys(chain))
    if len(unique) > _REFERENCES_KEPT:
        unique = unique[:1] + unique[-(_REFERENCES_KEPT - 1) :]
    return tuple(unique)


def zone_label(when: datetime) -> str:
    """「UTC」「UTC+9」「UTC-5:30」: the offset of an aware time, for a reader in another zone."""
    offset = when.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def attribution_line(message: Message, zone: tzinfo | None = None) -> str:
    """「2025年11月12日(水) 21:37 小野寺 さやか <sayaka@example.com>:」.

    In `zone` when given (the agent's: the reader shows the mail's time in it, and the quote
    must say the same time), labelled with its offset when that is not the mail's own, so the
    customer reading 「12:37 (UTC)」 is not told a wrong hour; else in the mail's own time zone.
    """
    who = message.sender
    address = f"{who.name} <{who.email}>" if who.name and who.email else (who.name or f"<{who.email}>")
    when = message.date
    if when is None:
        return f"{address}:"
    label = ""
    if zone is not None and when.tzinfo is not None:
        local = when.astimezone(zone)
        if local.utcoffset() != when.utcoffset():
            label = f" ({zone_label(local)})"
        when = local
    return f"{when.year}年{when.month}月{when.day}日({_WEEKDAYS[when.weekday()]}) {when:%H:%M}{label} {address}:"


def quote_body(body: str) -> str:
    """Each line behind `> ` (an empty line as `>`), trailing blank lines dropped."""
    lines = body.replace("\r\n", "\n").rstrip().split("\n")
    return "\n".join(f"> {line}".rstrip() if line.strip() else ">" for line in lines)


_SEPARATORS = re.compile(r"[;；、，]")


def parse_recipients(text: str) -> tuple[tuple[Address, ...], list[str]]:
    """Addresses typed into To/CC (「山田 花子 <hanako@example.com>, b@example.jp」, 、 and ; too),
    and the entries that are not addresses."""
    # Japanese and Outlook separators become commas, except inside a quoted name.
    parts = text.split('"')
    text = '"'.join(_SEPARATORS.sub(",", part) if i % 2 == 0 else part for i, part in enumerate(parts))
    addresses: list[Address] = []
    bad: list[str] = []
    for name, email in getaddresses([text]):
        if not name and not email:
            continue
        local, _, domain = email.partition("@")
        if not local or "." not in domain.strip(".") or any(c.isspace() for c in email):
            bad.append(f"{name} {email}".strip())
            continue
        addresses.append(Address(name.strip(), email))
    return tuple(dict.fromkeys(addresses)), bad


def addressee(message: Message) -> Address:
    """Who the reply is for: the person named in Reply-To (a contact form's customer), else the sender."""
    named = next((a for a in message.reply_to if a.name.strip()), None)
    return named or message.sender


def _recipients(
    message: Message, identity: ShopIdentity, reply_all: bool
) -> tuple[tuple[Address, ...], tuple[Address, ...]]:
    # Reply-To wins over From: a contact form or a mailing tool sends as itself and
    # names the customer there; their From (often a no-reply address) is left out.
    to = message.reply_to or ((message.sender,) if message.sender.email else ())
    if not reply_all:
        return to, ()
    own = {identity.email.lower(), message.sender.email.lower(), *(a.email.lower() for a in to)}
    cc: list[Address] = []
    for address in (*message.to, *message.cc):
        key = address.email.lower()
        if key and key not in own:
            own.add(key)
            cc.append(address)
    return to, tuple(cc)


def new_reply(
    message: Message,
    identity: ShopIdentity,
    now: datetime,
    *,
    reply_all: bool = False,
    ref: MessageRef | None = None,
) -> NewReply:
    """A fresh reply draft to `message`, written as `identity`, with the cursor where the agent writes."""
    head = greeting_line(addressee(message)) + "\n\n"
    if identity.greeting.strip():
        head += identity.greeting.strip() + "\n\n"
    cursor = len(head)
    tail = "\n\n"
    if identity.signature.strip():
        tail += identity.signature.strip("\n") + "\n"
    if message.body.strip():
        # In the zone of `now` (the agent's local time, as the reader shows the mail's date).
        tail += "\n" + attribution_line(message, now.tzinfo) + "\n" + quote_body(message.body) + "\n"
    domain = identity.email.rpartition("@")[2] or "aizuchi.invalid"
    to, cc = _recipients(message, identity, reply_all)
    draft = Draft(
        message_id=make_msgid(domain=domain),
        original_id=original_key(message, ref),
        sender=identity.address,
        to=to,
        cc=cc,
        subject=reply_subject(message.subject),
        body=head + tail,
        in_reply_to=message.message_id,
        references=reply_references(message),
        created=now,
    )
    return NewReply(draft, cursor)


def original_key(message: Message, ref: MessageRef | None = None) -> str:
    """What a draft is keyed by: the original's Message-ID, else where it lies in the mailbox."""
    if message.message_id:
        return message.message_id
    if ref is not None:
        return f"ref:{ref.folder_id}/{ref.key}"
    return ""


def _own_lines(body: str) -> str:
    return "\n".join(line for line in body.split("\n") if not line.lstrip(" \t　").startswith((">", "＞")))


def unfilled_placeholders(body: str) -> list[str]:
    """Snippet placeholders left in the agent's own text (the quote may hold anything)."""
    return [m.group() for m in SNIPPET_PLACEHOLDER.finditer(_own_lines(body))]


def _email_address(address: Address) -> EmailAddress:
    username, _, domain = address.email.partition("@")
    return EmailAddress(display_name=address.name, username=username, domain=domain)


def unencodable_in(draft: Draft, charset: Charset) -> list[str]:
    """The characters of the draft (subject, text, names) the account's charset cannot carry."""
    text = "\n".join([draft.subject, draft.body, *(a.name for a in (draft.sender, *draft.to, *draft.cc))])
    return list(dict.fromkeys(p.char for p in unencodable(text, charset)))


def outgoing(draft: Draft, now: datetime, replying_to: MessageRef | None = None,
             charset: Charset = Charset.UTF8) -> OutgoingMessage:
    """The final bytes of `draft`, CRLF; raises UnfilledDraft, or UnencodableDraft.

    UTF-8 (the default): base64 body, RFC 2047 headers. ISO-2022-JP (an account set up
    for old mail readers): 7-bit JIS, and a draft with characters JIS cannot carry is
    refused here, so nothing goes out as 〓 (the composer offers stand-ins first).
    """
    left = unfilled_placeholders(draft.body)
    if left:
        raise UnfilledDraft(", ".join(left))
    if charset is not Charset.UTF8:
        chars = unencodable_in(draft, charset)
        if chars:
            raise UnencodableDraft("".join(chars))
        built = build_message(
            sender=draft.sender, to=draft.to, cc=draft.cc, subject=draft.subject, body=draft.body,
            charset=charset, in_reply_to=draft.in_reply_to, references=draft.references,
            replying_to=replying_to, message_id=draft.message_id, date=now,
        )
        return replace(built, draft_key=draft_key(draft))
    mail = EmailMessage(policy=SMTP)
    mail["From"] = _email_address(draft.sender)
    if draft.to:
        mail["To"] = [_email_address(a) for a in draft.to]
    if draft.cc:
        mail["Cc"] = [_email_address(a) for a in draft.cc]
    mail["Subject"] = draft.subject
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = draft.message_id
    if draft.in_reply_to:
        mail["In-Reply-To"] = draft.in_reply_to
    if draft.references:
        mail["References"] = " ".join(draft.references)
    mail["X-Mailer"] = "Aizuchi"
    text = draft.body.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    # base64: Japanese text stays intact through any relay, 8BITMIME or not.
    mail.set_content(text, charset="utf-8", cte="base64")
    recipients = tuple(dict.fromkeys(a.email for a in (*draft.to, *draft.cc) if a.email))
    return OutgoingMessage(
        raw=mail.as_bytes(),
        message_id=draft.message_id,
        envelope_from=draft.sender.email,
        recipients=recipients,
        replying_to=replying_to,
        draft_key=draft_key(draft),
    )
