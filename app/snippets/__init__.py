"""Snippet packs: loading `resources/snippets/*.toml` and filling placeholders from an Insight.

A snippet is a ready keigo phrase for one situation (お礼, お気遣い, お詫び…)
with placeholders `{customer}`, `{topic}`, `{product}`, `{date}`. Filling never
drops a placeholder it cannot fill: it stays in the text as `{name}` and its
span is reported in `Filled.unfilled`, so the composer can select it for the
agent and the review's `unfilled_placeholder` check stops it being sent.
Shops' own packs live as TOML in the user data dir and are merged over ours;
`save_user_pack` writes them (with `tomli-w`, atomically).

`suggest()` picks the snippets that fit one highlight: by what the customer
talked about first (an allergy or their health → the health group; a birthday,
a wedding, a gift → celebrations; a first order; a regular customer), then by
what the highlight is (a disclosure → thanks for sharing, a worry → empathy,
a request → answers: delay, apology, refusal with an alternative).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from app.model import Highlight, HighlightKind, Insight
from app.paths import RESOURCES, user_data_dir

PLACEHOLDERS = ("customer", "topic", "product", "date")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
DEFAULT_PACK = RESOURCES / "snippets" / "ja.toml"
USER_PACK_NAME = "snippets.toml"


class SnippetError(ValueError):
    """A pack file is not valid TOML or a snippet is malformed (the message names which)."""


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    situation: str
    text: str
    kinds: tuple[HighlightKind, ...] = ()  # highlight kinds the snippet answers

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(m.group(1) for m in _PLACEHOLDER.finditer(self.text))


@dataclass(frozen=True, slots=True)
class SnippetPack:
    situations: dict[str, str]  # key → Japanese label, in file order
    snippets: tuple[Snippet, ...]

    def by_situation(self, situation: str) -> list[Snippet]:
        return [s for s in self.snippets if s.situation == situation]

    def for_highlight(self, highlight: Highlight) -> list[Snippet]:
        """The snippets that fit one highlight of the mail, in pack order."""
        return [s for s in self.snippets if highlight.kind in s.kinds]


@dataclass(frozen=True, slots=True)
class Unfilled:
    name: str
    start: int  # offsets into Filled.text, end exclusive
    end: int


@dataclass(frozen=True, slots=True)
class Filled:
    text: str
    unfilled: tuple[Unfilled, ...]


def parse_pack(source: str, origin: str = "snippets") -> SnippetPack:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise SnippetError(f"{origin}: {error}") from error
    situations = {str(k): str(v) for k, v in data.get("situations", {}).items()}
    snippets = []
    for number, raw in enumerate(data.get("snippet", []), 1):
        try:
            kinds = tuple(HighlightKind(k) for k in raw.get("for", []))
            snippet = Snippet(str(raw["id"]), str(raw["situation"]), str(raw["text"]), kinds)
        except (KeyError, ValueError) as error:
            raise SnippetError(f"{origin}: snippet #{number}: {error}") from error
        unknown = set(re.findall(r"\{(\w+)\}", snippet.text)) - set(PLACEHOLDERS)
        if unknown:
            raise SnippetError(f"{origin}: snippet {snippet.id}: unknown placeholder {sorted(unknown)}")
        snippets.append(snippet)
    return SnippetPack(situations, tuple(snippets))


def load_our_pack() -> SnippetPack:
    """The pack we ship, without the shop's own snippets."""
    return parse_pack(DEFAULT_PACK.read_text(encoding="utf-8"), str(DEFAULT_PACK))


def load_pack(path: Path = DEFAULT_PACK, user_pack: Path | None = None) -> SnippetPack:
    """Our pack, with the shop's own snippets (same id replaces ours) merged over it."""
    pack = parse_pack(path.read_text(encoding="utf-8"), str(path))
    user = user_pack if user_pack is not None else user_data_dir() / USER_PACK_NAME
    if not user.exists():
        return pack
    own = parse_pack(user.read_text(encoding="utf-8"), str(user))
    replaced = {s.id: s for s in own.snippets}
    merged = [replaced.pop(s.id, s) for s in pack.snippets] + list(replaced.values())
    return SnippetPack({**pack.situations, **own.situations}, tuple(merged))


def values_from_insight(
    insight: Insight | None,
    highlight: Highlight | None = None,
    *,
    customer: str = "",
    product: str = "",
    date: str = "",
) -> dict[str, str]:
    """Placeholder values: {topic} from the highlight (else the first one with a topic)."""
    values = {"customer": customer, "product": product, "date": date}
    topic = highlight.topic if highlight is not None else ""
    if not topic and insight is not None:
        topic = next((h.topic for h in insight.highlights if h.topic), "")
    values["topic"] = topic
    return {k: v.strip() for k, v in values.items() if v and v.strip()}


def fill(snippet: Snippet | str, values: Mapping[str, str]) -> Filled:
    """The snippet's text with what `values` can fill; the rest stay as {name} and are listed."""
    text = snippet.text if isinstance(snippet, Snippet) else snippet
    parts: list[str] = []
    unfilled: list[Unfilled] = []
    length = 0
    last = 0
    for match in _PLACEHOLDER.finditer(text):
        parts.append(text[last : match.start()])
        length += match.start() - last
        value = values.get(match.group(1), "")
        if value:
            piece = value
        else:
            piece = match.group()
            unfilled.append(Unfilled(match.group(1), length, length + len(piece)))
        parts.append(piece)
        length += len(piece)
        last = match.end()
    parts.append(text[last:])
    return Filled("".join(parts), tuple(unfilled))


def user_pack_path() -> Path:
    return user_data_dir() / USER_PACK_NAME


def load_user_pack(path: Path | None = None) -> SnippetPack:
    """Only the shop's own snippets (empty when there are none yet)."""
    path = path or user_pack_path()
    if not path.exists():
        return SnippetPack({}, ())
    return parse_pack(path.read_text(encoding="utf-8"), str(path))


def dump_pack(pack: SnippetPack) -> str:
    """A pack as TOML that `parse_pack` reads back to the same pack."""
    for snippet in pack.snippets:
        unknown = set(re.findall(r"\{(\w+)\}", snippet.text)) - set(PLACEHOLDERS)
        if unknown:
            raise SnippetError(f"snippet {snippet.id}: unknown placeholder {sorted(unknown)}")
    data = {
        "situations": dict(pack.situations),
        "snippet": [
            {"id": s.id, "situation": s.situation, "for": [k.value for k in s.kinds], "text": s.text}
            for s in pack.snippets
        ],
    }
    return "# Aizuchi: this shop's own snippets (edited in 定型文の管理).\n" + tomli_w.dumps(data)


def save_user_pack(pack: SnippetPack, path: Path | None = None) -> None:
    """Write the shop's own snippets; a crash mid-write leaves the previous file."""
    path = path or user_pack_path()
    text = dump_pack(pack)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def new_snippet_id(existing: Iterable[str], prefix: str = "own") -> str:
    taken = set(existing)
    number = 1
    while f"{prefix}_{number}" in taken:
        number += 1
    return f"{prefix}_{number}"


# What the customer talked about → the situation group that speaks to it.
_TOPICAL: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("health", re.compile(
        r"アレルギ|アトピー|体調|病気|病院|入院|退院|手術|怪我|けが|ケガ|妊娠|妊婦|出産|産後|通院|持病|治療|療養|"
        r"医師|お医者|介護|腰痛|骨折|痛み|乳製品|小麦|卵|ナッツ|そば|えび|かに")),
    ("celebration", re.compile(
        r"誕生日|バースデー|結婚|婚約|還暦|古希|喜寿|米寿|お祝い|祝い|記念日|記念|プレゼント|贈り物|贈答|ギフト|"
        r"パーティ|クリスマス|母の日|父の日|敬老|入学|卒業|就職|成人|七五三|お中元|お歳暮|のし|熨斗")),
    ("first_order", re.compile(r"初めて|はじめて|初の|初回")),
    ("regular", re.compile(r"いつも|何度も|以前も|前回|リピート|愛用|毎年|長年")),
)
_BY_KIND: dict[HighlightKind, tuple[str, ...]] = {
    HighlightKind.DISCLOSURE: ("thanks_shared",),
    HighlightKind.WORRY: ("empathy",),
    HighlightKind.REQUEST: ("delay", "apology", "refusal"),
}
MAX_SUGGESTIONS = 9  # Ctrl+1 … Ctrl+9


def topical_situations(text: str) -> list[str]:
    """The situation groups the customer's words call for, most specific first."""
    return [situation for situation, pattern in _TOPICAL if pattern.search(text)]


def suggest(pack: SnippetPack, highlight: Highlight, text: str = "", limit: int = MAX_SUGGESTIONS) -> list[Snippet]:
    """The snippets to offer beside one highlight (`text` is its words in the mail)."""
    topical = topical_situations(f"{text} {highlight.topic}")
    fits = [s for s in pack.snippets if highlight.kind in s.kinds]
    ordered: list[Snippet] = []
    for situation in topical:
        ordered += [s for s in fits if s.situation == situation]
    for situation in _BY_KIND[highlight.kind]:
        ordered += [s for s in fits if s.situation == situation]
    # The shop's own snippets for this kind come next, then the rest that fit.
    known = set(_BY_KIND[highlight.kind]) | {situation for situation, _ in _TOPICAL}
    ordered += [s for s in fits if s.situation not in known]
    ordered += fits
    return list(dict.fromkeys(ordered))[:limit]
