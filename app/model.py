"""Frozen dataclasses shared by every part of Aizuchi.

The core hands these to the UI and the CLI; nothing here carries user-facing
wording. A note or a kind is an enum the UI words in the user's language.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    email: str

    def display(self) -> str:
        """The name when there is one, else the address (for lists and the CLI)."""
        return self.name or self.email


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class InlineImage:
    """An image part an HTML body shows through `<img src="cid:...">`."""

    content_id: str  # without the angle brackets, as the HTML refers to it after "cid:"
    content_type: str
    data: bytes

class NoteKind(StrEnum):
    """What the parser had to repair or guess; shown to the user on the message."""

    CHARSET_GUESSED = "charset_guessed"          # no or unknown label: detected
    CHARSET_MISLABELLED = "charset_mislabelled"  # label was wrong: decoded as another
    CHARSET_SUPERSET = "charset_superset"        # e.g. Shift_JIS label read as CP932
    DECODE_REPLACED = "decode_replaced"          # some bytes could not be decoded
    TRANSFER_ENCODING_BROKEN = "transfer_encoding_broken"
    HEADER_REPAIRED = "header_repaired"          # broken RFC 2047 word, raw 8-bit header
    HTML_ONLY = "html_only"                      # body was converted from HTML
    REMOTE_IMAGES_BLOCKED = "remote_images_blocked"
    EMPTY_BODY = "empty_body"
    UNPARSEABLE = "unparseable"                  # body shows the raw text of the mail
    TRUNCATED = "truncated"                      # huge part cut for display
    MULTIPART_UNTERMINATED = "multipart_unterminated"  # no closing boundary: the mail may be cut off
    ESCAPE_MISSING = "escape_missing"            # ISO-2022-JP line carried on without its escape sequence
    HTML_TOO_COMPLEX = "html_too_complex"        # HTML nested or sized past the bound: shown as text only
    MULTIPART_TOO_DEEP = "multipart_too_deep"    # parts nested past the bound: their text read flat


@dataclass(frozen=True, slots=True)
class ParseNote:
    kind: NoteKind
    detail: str = ""  # technical detail (charset names, part), not a sentence

    def describe(self) -> str:
        """A short technical description for the CLI and logs."""
        return f"{self.kind.value}: {self.detail}" if self.detail else self.kind.value


@dataclass(frozen=True, slots=True)
class Message:
    """A mail as the reader shows it. Highlight offsets index `body`."""

    subject: str
    sender: Address
    date: datetime | None
    body: str
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    # Sanitised HTML for HTML mail (remote images not loaded); None for plain text.
    html: str | None = None
    remote_images: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    notes: tuple[ParseNote, ...] = ()
    # Images the HTML refers to by cid: (only for HTML mail, only the ones it uses).
    inline_images: tuple[InlineImage, ...] = ()
    # Reply-To: where the customer wants the answer (a contact form sends From itself).
    reply_to: tuple[Address, ...] = ()


class HighlightKind(StrEnum):
    DISCLOSURE = "disclosure"
    REQUEST = "request"
    WORRY = "worry"


@dataclass(frozen=True, slots=True)
class Highlight:
    kind: HighlightKind
    start: int  # offsets into Message.body, end exclusive
    end: int
    topic: str = ""
    # Indexes (into Insight.highlights) of related highlights: the worry and
    # disclosures that motivate a request, and back.
    links: tuple[int, ...] = ()
    # Why it was highlighted: "<CueKind>:<the words of the mail that matched>",
    # e.g. "question:でしょうか", "worry_word:心配", "family:妻"; "" when unknown.
    # The UI words the kind (`cue_parts` splits it); the CLI prints it as is.
    cue: str = ""


class CueKind(StrEnum):
    """What made the analyser mark a highlight (the first part of `Highlight.cue`)."""

    # requests
    QUESTION = "question"              # 〜でしょうか / 〜ますか / ？
    PLEASE = "please"                  # 〜てください
    BENEFACTIVE = "benefactive"        # 〜ていただけますか / 〜てほしい
    ONEGAI = "onegai"                  # 〇〇をお願いします
    WANT = "want"                      # 知りたい / 変更したい
    HOPE = "hope"                      # 〜を希望します
    CONDITIONAL = "conditional"        # 〜と助かります / 〜ば幸いです
    HEDGED = "hedged"                  # できれば〜のですが
    ALTERNATIVE = "alternative"        # 〜ていただいても構いません
    INDIRECT_QUESTION = "indirect_question"  # 〜か分かりません
    PROPOSAL = "proposal"              # 〜すべきだと思う / 〜すれば良い (a comment's proposal)
    LISTED = "listed"                  # an item under 「以下の点を教えてください」 (app/analysis/lists.py)
    # worries
    WORRY_WORD = "worry_word"          # 心配 / 不安 / 怖い
    DOUSHIYOU = "doushiyou"            # どうしよう
    RESTLESS = "restless"              # 気が気でない / 落ち着かない
    FEARED_IF = "feared_if"            # 〜たらと思うと
    NERVOUS = "nervous"                # 〜かドキドキ
    RISK = "risk"                      # 副作用が気になる
    WONDERING = "wondering"            # 〜か気になる
    # disclosures
    FAMILY = "family"                  # 妻 / 娘 / 愛犬
    LIFE = "life"                      # 出産 / 引っ越し / 誕生日
    PLAN = "plan"                      # 〜つもり / 〜ことになり / 〜たいと思って
    EXPERIENCE = "experience"          # 〜たばかり / 始めた / 実は
    CIRCUMSTANCE = "circumstance"      # 連休 / マンション / 仕事
    SELF = "self"                      # 私 / うち
    KNOWLEDGE = "knowledge"            # 詳しくない / 分からない
    ONGOING = "ongoing"                # 〜ています
    FEELING = "feeling"                # 悔しかった / 感激しております
    REASON = "reason"                  # 〜ので (a reason told with a request or worry)
    # the learned layer (app/analysis/learned.py): the words that weighed most
    LEARNED = "learned"
    # the agent's own correction
    MANUAL = "manual"


def make_cue(kind: CueKind, words: str = "") -> str:
    # `kind + ":"`, not `kind.value`: a StrEnum member is its value as a str, and `.value` is a Python
    # property the analyser's compiled rules would call through the interpreter for every cue.
    return kind + ":" + words


def same_sentence(text: str) -> str:
    """What two highlighted sentences are compared by when a mail repeats itself: the words, whitespace and
    line breaks aside. The side panel groups repeats by it and the review names a repeat's finding once."""
    return " ".join(text.split())


def cue_parts(cue: str) -> tuple[CueKind | None, str]:
    """(kind, matched words) of a `Highlight.cue`; (None, "") when empty or unknown."""
    code, _, words = cue.partition(":")
    try:
        return CueKind(code), words
    except ValueError:
        return None, ""


class CorrectionAction(StrEnum):
    DISMISS = "dismiss"  # the agent says this highlight is wrong
    ADD = "add"          # the agent marks words the analyser missed


@dataclass(frozen=True, slots=True)
class Correction:
    """The agent's correction of one mail's highlights, kept in the store per mail.

    `text` is `body[start:end]` when the correction was made, so a correction
    still finds its words if the body's offsets ever move (a parser fix).
    """

    action: CorrectionAction
    kind: HighlightKind
    start: int
    end: int
    text: str


class ZoneKind(StrEnum):
    """Parts of a body that are not the customer's new words."""

    QUOTE = "quote"          # earlier mails quoted or forwarded
    SIGNATURE = "signature"
    FORMULA = "formula"      # greetings and closing formulas
    FIELD = "field"          # a contact form's pasted fields that hold bare facts (お名前：…, 注文番号：…)


@dataclass(frozen=True, slots=True)
class Zone:
    kind: ZoneKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Insight:
    """What the analyser heard in one body: highlights plus the dimmed zones."""

    highlights: tuple[Highlight, ...] = ()
    zones: tuple[Zone, ...] = field(default=())
    # -1: the whole body was read. Else the offset where the analyser stopped: it reads at most
    # `app.analysis.MAX_ANALYSED_CHARS` of the customer's words, and the reader says so.
    analysed_up_to: int = -1


class FindingKind(StrEnum):
    """What the draft review found; the UI maps each to a label and an underline colour."""

    # Mail-side: one per highlight of the customer's mail the draft leaves out.
    UNANSWERED_REQUEST = "unanswered_request"
    IGNORED_DISCLOSURE = "ignored_disclosure"
    UNACKNOWLEDGED_WORRY = "unacknowledged_worry"
    # Draft-side: the reply as a whole.
    REFUSAL_WITHOUT_ALTERNATIVE = "refusal_without_alternative"
    TONE_COLD = "tone_cold"
    TONE_OVERFAMILIAR = "tone_overfamiliar"
    # Writing checks: a span of the draft.
    KEIGO_DOUBLE = "keigo_double"              # 二重敬語
    KEIGO_BAITO = "keigo_baito"                # バイト敬語
    KEIGO_DIRECTION = "keigo_direction"        # 尊敬語と謙譲語の取り違え
    RANUKI = "ranuki"                          # ら抜き言葉
    SA_IRE = "sa_ire"                          # さ入れ言葉
    INUKI = "inuki"                            # い抜き言葉
    STYLE_MIXED = "style_mixed"                # です・ます調とだ・である調の混在
    REDUNDANT = "redundant"                    # 重複表現
    PARTICLE_REPEAT = "particle_repeat"        # 同じ助詞の連続
    LONG_SENTENCE = "long_sentence"
    TYPO = "typo"
    MACHINE_DEPENDENT_CHAR = "machine_dependent_char"
    HALFWIDTH_KANA = "halfwidth_kana"
    UNFILLED_PLACEHOLDER = "unfilled_placeholder"
    LOOKALIKE_CHAR = "lookalike_char"          # カ for 力, ロ for 口 inside a word
    DOUBLE_NEGATIVE = "double_negative"        # 〜ないわけではない
    MISUSED_WORD = "misused_word"              # 汚名挽回, 的を得る
    SASETE_OVERUSE = "sasete_overuse"          # させていただく again and again
    BUSINESS_MANNER = "business_manner"        # ご苦労様です, とんでもございません, 了解しました
    CONJUNCTION_REPEAT = "conjunction_repeat"  # しかし、〜。しかし、〜。
    NOT_WRITTEN = "not_written"                # the draft is still only its greeting and signature
    # Consistency with our earlier replies to the same customer (needs their history).
    LENGTH_DECLINE = "length_decline"
    WARMTH_DECLINE = "warmth_decline"


class Severity(StrEnum):
    ERROR = "error"      # should not be sent as is (unfilled placeholder, keigo error)
    WARNING = "warning"  # the customer will likely notice
    INFO = "info"        # style advice


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft. Offsets index the draft text, end exclusive."""

    kind: FindingKind
    severity: Severity
    start: int
    end: int
    message: str                # Japanese, shown beside the draft (and by the CLI)
    suggestion: str = ""        # replacement text for [start, end), "" when none fits
    ref: Highlight | None = None  # the mail span a mail-side finding is about
    # What `message` was made from (app.review.messages), so the UI can show it translated:
    # the Japanese template with named {placeholders} and the values, as strings, filled in.
    template: str = ""
    args: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Draft:
    """A reply being written. Its Message-ID is fixed when it is created, so a
    draft restored after a crash and sent later is still the same message."""

    message_id: str               # ours, "<…@shop.example>"
    original_id: str              # what it answers: the original's Message-ID (or a ref key)
    sender: Address               # the shop identity it goes out as
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    subject: str
    body: str                     # greeting + reply + signature + quoted original, as edited
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    created: datetime | None = None


def draft_key(draft: Draft) -> str:
    """What the customer would receive from this draft (addresses, subject, text), as a hash:
    two drafts with the same key send the same mail. The outbox keeps the key of the draft an
    item was made from, so an item whose draft has changed since is never sent (issue 14)."""
    fields = [draft.sender.email, [a.email for a in draft.to], [a.email for a in draft.cc],
              [a.name for a in (draft.sender, *draft.to, *draft.cc)], draft.subject,
              draft.body.replace("\r\n", "\n")]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:32]


# -- customer memory ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReplyStats:
    """One of our replies as the memory keeps it: how long and how warm it was.

    `length` counts the reply's own characters (no quote, no signature, no
    blanks); `warmth` is thanks + empathy + cushion phrases + personal references.
    """

    date: datetime | None
    length: int
    thanks: int = 0
    empathy: int = 0
    cushion: int = 0
    personal: int = 0

    @property
    def warmth(self) -> int:
        return self.thanks + self.empathy + self.cushion + self.personal


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    name: str
    addresses: tuple[str, ...]
    note: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Disclosure:
    """Something the customer told about themselves, kept with where and when."""

    id: int
    date: datetime | None
    text: str            # the customer's own words, as highlighted
    topic: str
    summary: str         # a short phrase for the timeline: 「奥様が卵アレルギー」
    message_id: str      # the mail it came from


@dataclass(frozen=True, slots=True)
class CustomerRequest:
    id: int
    date: datetime | None
    text: str
    topic: str
    message_id: str
    answered: bool       # by one of our replies, judged like the review's unanswered_request


@dataclass(frozen=True, slots=True)
class PastReply:
    """One of our replies, with what the UI needs to open it."""

    message_id: str
    subject: str
    stats: ReplyStats
    folder_id: str = ""
    key: str = ""        # MessageRef key in the Sent folder ("" when not known)


@dataclass(frozen=True, slots=True)
class Reminder:
    """Today's mail touches something told before: the disclosure and the shared words."""

    disclosure: Disclosure
    shared: tuple[str, ...]   # the nouns both mention (卵, アレルギー, ケーキ)
    same_topic: bool          # True: the disclosure itself; False: the product it came with


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    """What 「このお客様について」 shows for one mail."""

    customer: Customer
    mail_count: int                       # mails from them, this one included
    since: datetime | None                # their first mail
    disclosures: tuple[Disclosure, ...]   # told before this mail, oldest first
    requests: tuple[CustomerRequest, ...]
    replies: tuple[PastReply, ...]        # ours, oldest first
    reminders: tuple[Reminder, ...] = ()
    # All our replies to them so far, also those after this mail: what a reply written now
    # is compared with (the review's consistency checks).
    history: tuple[ReplyStats, ...] = ()

    @property
    def first_time(self) -> bool:
        return self.mail_count <= 1


# ---- Mail sources' values -------------------------------------------------------------------------
# Plain values every layer passes around: a folder, a message's place, a listed row, an account's
# connection settings, what a sync snapshot says, a reply ready to leave. They lived in app/sources/
# (which still re-exports them); here, app.mail and app.store use them without importing a provider.


class FolderRole(StrEnum):
    INBOX = "inbox"
    SENT = "sent"
    DRAFTS = "drafts"
    TRASH = "trash"
    JUNK = "junk"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Folder:
    id: str    # stable within its source
    name: str  # the provider's own name (shown for OTHER; roles are worded by the UI)
    role: FolderRole = FolderRole.OTHER


@dataclass(frozen=True, slots=True)
class MessageRef:
    folder_id: str
    key: str  # stable within the folder (Maildir key, mbox index, IMAP UID, API id)


# Decodes a listed row's Subject and From values as the server sent them (either may be absent).
ListedDecoder = Callable[[bytes | None, bytes | None], tuple[str, Address]]


class Header:
    """One row of a message list: enough to show it without the body.

    A row listed by a sync may keep its Subject and From as the server sent
    them (`Header.listed`): they are decoded the first time anyone reads
    `subject` or `sender`. A folder of 10,000 shows a screenful, so the sync
    does not decode 10,000 encoded words nobody may look at (ARCHITECTURE.md §4: keep
    parsing off the sync's path). Otherwise it behaves as the frozen record it
    was: equal when its fields are equal, hashable, not meant to be changed.
    """

    __slots__ = ("_listed", "_sender", "_subject", "date", "ref", "seen", "size")

    ref: MessageRef
    date: datetime | None
    seen: bool
    size: int

    def __init__(
        self, ref: MessageRef, subject: str, sender: Address, date: datetime | None, seen: bool, size: int
    ) -> None:
        self.ref = ref
        self.date = date
        self.seen = seen
        self.size = size
        self._subject: str | None = subject
        self._sender: Address | None = sender
        self._listed: tuple[bytes | None, bytes | None, ListedDecoder] | None = None

    @classmethod
    def listed(
        cls, ref: MessageRef, raw_subject: bytes | None, raw_sender: bytes | None, date: datetime | None,
        seen: bool, size: int, decode: ListedDecoder,
    ) -> Header:
        """A row whose Subject and From (raw field values) are decoded by `decode` when first read."""
        header = cls(ref, "", Address("", ""), date, seen, size)
        header._subject = header._sender = None
        header._listed = (raw_subject, raw_sender, decode)
        return header

    def _decode(self) -> None:
        listed = self._listed
        if listed is None:
            return  # another thread decoded it meanwhile (a row may be read off the GUI thread too)
        raw_subject, raw_sender, decode = listed
        self._subject, self._sender = decode(raw_subject, raw_sender)
        self._listed = None

    @property
    def subject(self) -> str:
        if self._subject is None:
            self._decode()
        assert self._subject is not None
        return self._subject

    @property
    def sender(self) -> Address:
        if self._sender is None:
            self._decode()
        assert self._sender is not None
        return self._sender

    def raw_fields(self) -> tuple[bytes | None, bytes | None] | None:
        """(Subject, From) as listed, while not decoded yet; None once decoded or when built decoded."""
        return None if self._listed is None else self._listed[:2]

    def _key(self) -> tuple[object, ...]:
        return (self.ref, self.subject, self.sender, self.date, self.seen, self.size)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Header):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Header(ref={self.ref!r}, subject={self.subject!r}, sender={self.sender!r}, "
                f"date={self.date!r}, seen={self.seen!r}, size={self.size!r})")


@dataclass(frozen=True, slots=True)
class SyncState:
    """Opaque provider state for incremental listing (UIDVALIDITY+UID, historyId…)."""

    token: str


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A reply ready to leave: its bytes are final and its Message-ID fixed at first attempt."""

    raw: bytes
    message_id: str
    envelope_from: str
    recipients: tuple[str, ...]
    replying_to: MessageRef | None = None  # the original, to flag \\Answered after sending
    thread_hint: str = ""                  # a provider's thread id (Gmail threadId), when known
    draft_key: str = ""                    # `draft_key()` of the draft it was written from, when there was one


class Security(StrEnum):
    SSL = "ssl"            # TLS from the first byte (IMAPS 993, SMTPS 465)
    STARTTLS = "starttls"  # plain, then upgraded (IMAP 143, submission 587)
    NONE = "none"          # loopback tests only; the dialog does not offer it


class Charset(StrEnum):
    UTF8 = "utf-8"
    ISO2022JP = "iso-2022-jp"


@dataclass(frozen=True, slots=True)
class AccountConfig:
    id: str
    email: str
    username: str
    imap_host: str
    smtp_host: str
    imap_port: int = 993
    imap_security: Security = Security.SSL
    smtp_port: int = 465
    smtp_security: Security = Security.SSL
    display_name: str = ""
    charset: Charset = Charset.UTF8
    server_saves_sent: bool = False  # Gmail files a copy in Sent by itself
    kind: str = "imap"

    def label(self) -> str:
        return self.display_name or self.email

    def with_id(self, account_id: str) -> AccountConfig:
        return replace(self, id=account_id)


class Flag(StrEnum):
    SEEN = "seen"
    ANSWERED = "answered"
    FLAGGED = "flagged"


@dataclass(frozen=True, slots=True)
class RemoteHeader:
    """A header row as synced: the list row plus what the store keeps beside it."""

    header: Header
    message_id: str
    flags: frozenset[Flag]


@dataclass(frozen=True, slots=True)
class FolderSnapshot:
    state: SyncState              # save once the snapshot's changes are applied
    keys: tuple[str, ...]         # every message key in the folder now
    reset: bool = False           # the saved state is void: drop the local copy first
    # Flags of known messages: only those changed since `since` when the server can
    # say (CONDSTORE, historyId), else every message's (a plain scan).
    flags: dict[str, frozenset[Flag]] = field(default_factory=dict)
    validity: int | None = None   # IMAP UIDVALIDITY, kept for humans
    next_key: int | None = None   # IMAP UIDNEXT
    modseq: int | None = None     # IMAP HIGHESTMODSEQ
    # Gmail history and Graph delta answer with changes, not the whole folder:
    # `partial` means `keys` are only the messages added (or seen) since `since`,
    # `removed` those gone; every other stored message stays as it is.
    partial: bool = False
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexedHeader:
    """What a folder's index keeps of one message (its key is the index's key)."""

    name: str  # "new/<file>" or "cur/<file>" when it was listed
    subject: str
    sender: Address
    date: datetime | None
    size: int
