"""What every check reads: the draft split into the agent's own sentences, the mail, its highlights.

Quoted text never counts as the agent's words: `>` lines, the attribution line
just above them (「2026年11月9日(月) 8:02 <…>:」, 「… wrote:」) and anything
under an 「-----Original Message-----」 marker are masked out once here (the text
layer's draft reading, `app.text.Reading.DRAFT`), so no check can accidentally
treat the customer's own words as an answer.
Offsets everywhere are offsets into the draft as the composer shows it.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from app.model import Highlight, HighlightKind, Insight, ReplyStats
from app.review.gate import gated
from app.review.meaning import Key, keys
from app.review.measure import measure_reply
from app.text import Reading, Sentence, Token, blank, quote_ranges, tokenize_short


def quoted_ranges(draft: str) -> list[tuple[int, int]]:
    """Ranges of the draft that quote earlier mail (quote lines and their attribution)."""
    return quote_ranges(draft, Reading.DRAFT)

# The frame every reply has before a word is written: 「〇〇様」, the shop's greeting formula,
# the signature. None of it answers, acknowledges or warms anything.
_SALUTATION = gated(re.compile(r"^[^。！？!?]{1,40}(?:様|御中|さん|殿)\s*[、,]?\s*$"))
_FORMULA = gated(re.compile(
    r"お世話に(?:なって|なり)|(?:お問い合わせ|お問合せ|ご連絡|ご注文|ご利用|ご相談|メール)(?:を)?(?:いただき|頂き|くださり|下さり)"
    r"(?:まして)?[、,]?\s*$|^(?:誠に|まことに|本当に)?ありがとうございます[。！!]?\s*$|と申します[。]?\s*$|"
    r"^(?:担当|店長|店主|スタッフ|係)の?[^。、がをにたて]{1,12}(?:です|でございます)[。]?\s*$|^(?:こんにちは|こんばんは)[。！!]?\s*$|"
    r"^(?:このたびは|この度は|いつも)[^。]*(?:いただき|くださり)[、,]?\s*$|"
    r"^(?:このたびは|この度は|いつも)[^。]*(?:お問い合わせ|ご連絡|ご注文|ご利用)[^。]*ありがとうございます[。！!]?\s*$"
))
# A line of the signature: no sentence ending and nothing said (a name, a shop, TEL, URL).
_SIGNATURE_LINE = re.compile(r"^[^。！？!?]*$")
# A line that ends in a predicate is a sentence, even when it trails off in 〜, ♪ or emoji
# (「もちろんOKだよ〜♪」「選べます😊」): such a line is casual writing, never a signature.
_PREDICATE = re.compile(
    r"(?:ます|です|ません|でした|ました|ない|たい|だ|る|た|う|よ|ね)"
    r"[。！？!?〜~ー♪☆★ｗw\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]*\s*$"
)
# A sentence ends at 。！？!? or a line break; trailing closers stay with it.
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*[」』）)]*")


# The mail does not change while its reply is typed: its tokens and content words are kept across the
# live review's runs (a 200,000-character mail's words took a tenth of a second per keystroke).
# A review first asks for the mail's tokens ahead (`tokenize_mail_ahead`): they are made on the review's own
# worker thread while the review reads the draft, since Sudachi lets go of the GIL while it tokenises (a cold
# review spent a third of its time in Sudachi, half of it on the mail). Kept as futures, so a review that needs
# them before they are ready waits for that one tokenisation instead of starting a second.
_MAIL_KEPT = 4
_mail_lock = threading.Lock()
_mail_futures: OrderedDict[str, Future[tuple[Token, ...]]] = OrderedDict()
_ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aizuchi-review-mail")


def tokenize_mail_ahead(mail: str) -> None:
    """Start tokenising `mail` on the review's worker thread, unless its tokens are kept or on their way."""
    _mail_future(mail)


def _mail_future(mail: str) -> Future[tuple[Token, ...]]:
    with _mail_lock:
        future = _mail_futures.get(mail)
        if future is None:
            future = _ahead.submit(tokenize_short, mail)
            _mail_futures[mail] = future
            while len(_mail_futures) > _MAIL_KEPT:
                _mail_futures.popitem(last=False)
        else:
            _mail_futures.move_to_end(mail)
        return future


def _mail_tokens(mail: str) -> tuple[Token, ...]:
    return _mail_future(mail).result()


@lru_cache(maxsize=4)
def _mail_keys(mail: str) -> tuple[Key, ...]:
    return tuple(keys(_mail_tokens(mail)))


# What the checks keep per mail and ask to be forgotten with it (`on_clear_mail_cache`).
_per_mail_clears: list[Callable[[], None]] = []


def on_clear_mail_cache(clear: Callable[[], None]) -> None:
    """Have `clear_mail_cache` also call `clear`: a check's own per-mail results go cold with the mail's tokens."""
    _per_mail_clears.append(clear)


def clear_mail_cache() -> None:
    """Forget the kept mails (the bench measures the review cold)."""
    with _mail_lock:
        _mail_futures.clear()
    _mail_keys.cache_clear()
    for clear in _per_mail_clears:
        clear()


@dataclass
class ReviewContext:
    """The draft and, when there is one, the mail it answers with the analyser's highlights.

    `history` is our earlier replies to the same customer, oldest first, from the
    customer memory; the consistency checks compare the draft with them.
    """

    draft: str
    mail: str | None = None
    insight: Insight | None = None
    history: tuple[ReplyStats, ...] = ()
    _highlight_tokens: dict[tuple[int, int], tuple[Token, ...]] = field(default_factory=dict, repr=False)
    # Results the meaning checks share within one review (unanswered_request's alignment of asks with sentences,
    # which ignored_disclosure reads too), keyed by what they were computed from.
    memo: dict[object, object] = field(default_factory=dict, repr=False)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        return quoted_ranges(self.draft)

    @cached_property
    def own_text(self) -> str:
        """The draft with quoted ranges blanked to newlines, so regex offsets stay draft offsets."""
        return blank(self.draft, self.quoted)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The agent's own text (quotes blanked), tokenised once as a whole."""
        return tokenize_short(self.own_text)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The agent's own sentences (quotes excluded), each with its share of `tokens`."""
        tokens = self.tokens
        starts = [t.start for t in tokens]
        out = []
        for match in _SENTENCE.finditer(self.own_text):
            text = match.group()
            if not text.strip():
                continue
            first, last = bisect_left(starts, match.start()), bisect_left(starts, match.end())
            out.append(Sentence(match.start(), match.end(), text, tokens[first:last]))
        return tuple(out)

    @cached_property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """The own sentences that say something: without 「〇〇様」, the greeting formula, the signature."""
        out = []
        for sentence in self.sentences:
            text = sentence.text.strip()
            if _SALUTATION.match(text) or _FORMULA.search(text):
                continue
            if _SIGNATURE_LINE.match(text) and not _PREDICATE.search(text):
                continue
            out.append(sentence)
        return tuple(out)

    @property
    def unwritten(self) -> bool:
        """True while the draft is only its frame (「〇〇様」, greeting, signature, quote): nothing to review yet.

        A fragment with no frame at all (「犯罪を犯す」「〜と思いますが、」) is written text, not an empty reply."""
        if self.body_sentences:
            return False
        framed = any(_SALUTATION.match(s.text.strip()) or _FORMULA.search(s.text.strip()) for s in self.sentences)
        return framed or not self.sentences

    @cached_property
    def sentence_keys(self) -> tuple[list[Key], ...]:
        """The content words of each own sentence (see `app.review.meaning.keys`), computed once."""
        return tuple(keys(s.tokens) for s in self.sentences)

    @cached_property
    def pool(self) -> set[str]:
        """Every form and family the agent's own sentences use: what mail spans are matched against."""
        return {form for sentence_keys in self.sentence_keys for key in sentence_keys for form in key.forms}

    @cached_property
    def mail_keys(self) -> list[Key]:
        """The content words of the whole mail, computed once; spans take their slice."""
        return list(_mail_keys(self.mail or ""))

    @cached_property
    def _mail_key_starts(self) -> list[int]:
        return [k.start for k in self.mail_keys]

    def range_keys(self, start: int, end: int) -> list[Key]:
        """The mail's content words that start inside [start, end) (a highlight's words)."""
        starts = self._mail_key_starts
        return self.mail_keys[bisect_left(starts, start) : bisect_left(starts, end)]

    def highlight_keys(self, highlight: Highlight) -> list[Key]:
        return self.range_keys(highlight.start, highlight.end)

    @cached_property
    def mail_tokens(self) -> tuple[Token, ...]:
        """The whole mail tokenised once; highlights take their slice of it."""
        return _mail_tokens(self.mail or "")

    @cached_property
    def stats(self) -> ReplyStats:
        """The draft's own length and warmth, measured as the memory measures sent replies."""
        return measure_reply(self.draft)

    @property
    def has_mail(self) -> bool:
        return self.mail is not None and self.insight is not None

    def highlights(self, kind: HighlightKind) -> list[Highlight]:
        if self.insight is None:
            return []
        return [h for h in self.insight.highlights if h.kind is kind]

    def highlight_text(self, highlight: Highlight) -> str:
        return (self.mail or "")[highlight.start : highlight.end]

    def highlight_tokens(self, highlight: Highlight) -> tuple[Token, ...]:
        return self.range_tokens(highlight.start, highlight.end)

    def range_tokens(self, start: int, end: int) -> tuple[Token, ...]:
        """The mail's tokens that start inside [start, end)."""
        key = (start, end)
        if key not in self._highlight_tokens:
            tokens = self.mail_tokens
            starts = self._mail_starts
            self._highlight_tokens[key] = tokens[bisect_left(starts, start) : bisect_left(starts, end)]
        return self._highlight_tokens[key]

    @cached_property
    def _mail_starts(self) -> list[int]:
        return [t.start for t in self.mail_tokens]

    def excerpt(self, start: int, end: int) -> str:
        return self.draft[start:end]
