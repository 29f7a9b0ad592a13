"""Snippet packs: loading `resources/snippets/*.toml` and filling placeholders from an Insight.

A snippet is a ready keigo phrase for one situation (お礼, お気遣い, お詫び…)
with placeholders `{customer}`, `{topic}`, `{product}`, `{date}`. Filling never
drops a placeholder it cannot fill: it stays in the text as `{name}` and its
span is reported in `Filled.unfilled`, so the composer can select it for the
agent and the review's `unfilled_placeholder` check stops it being sent.
Shops' own packs live as TOML in the user data dir and are merged over ours.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

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
