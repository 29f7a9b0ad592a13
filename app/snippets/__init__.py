"""Snippet packs: loading `resources/snippets/*.toml` and filling placeholders from an Insight.

A snippet is a ready keigo phrase for one situation (お礼, お気遣い, お詫び…)
with placeholders `{customer}`, `{topic}`, `{product}`, `{date}`. Filling never
drops a placeholder it cannot fill: it stays in the text as `{name}` and its
span is reported in `Filled.unfilled`, so the composer can select it for the
agent and the review's `unfilled_placeholder` check stops it being sent.
Shops' own packs live as TOML in the user data dir and are merged over ours;
`save_user_pack` writes them (with `tomli-w`, atomically).

`plan()` picks the snippets that fit one highlight: `situation.classify` names
what it is about (a friend's wedding, an upcoming party, a daughter's allergy,
a question about stock…), only that situation's groups are offered, in order,
and `situation.slot_values` makes the `{topic}` phrase for that situation
(「ご友人のご結婚」, never a bare keyword). Snippets whose slots can all be
filled come first. A shop can switch ours off (`disabled` in its pack).
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
from app.snippets.situation import LEGACY_GROUPS, Situation, classify, slot_values, sources

# {order} an order or reservation number, {number} a size, an amount or a count, {staff} the agent's own name:
# made by 「定型文にする」 (app.sharing.generalize) from what a sent reply said of one customer.
PLACEHOLDERS = ("customer", "topic", "product", "date", "order", "number", "staff")
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
    made_by: str = ""    # who made it (「定型文にする」: the staff name), "" for ours and older ones
    made_from: str = ""  # the situation it was first written for (the reply's subject and date)

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(m.group(1) for m in _PLACEHOLDER.finditer(self.text))


@dataclass(frozen=True, slots=True)
class SnippetPack:
    situations: dict[str, str]  # key → Japanese label, in file order
    snippets: tuple[Snippet, ...]
    disabled: frozenset[str] = frozenset()  # ids of our snippets the shop switched off

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
            snippet = Snippet(str(raw["id"]), str(raw["situation"]), str(raw["text"]), kinds,
                              str(raw.get("made_by", "")), str(raw.get("made_from", "")))
        except (KeyError, ValueError) as error:
            raise SnippetError(f"{origin}: snippet #{number}: {error}") from error
        unknown = set(re.findall(r"\{(\w+)\}", snippet.text)) - set(PLACEHOLDERS)
        if unknown:
            raise SnippetError(f"{origin}: snippet {snippet.id}: unknown placeholder {sorted(unknown)}")
        snippets.append(snippet)
    disabled = frozenset(str(i) for i in data.get("disabled", []))
    return SnippetPack(situations, tuple(snippets), disabled)


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
    return merge_packs(pack, own)


def merge_packs(ours: SnippetPack, own: SnippetPack) -> SnippetPack:
    """Ours with the shop's own merged over it: same id replaces ours, switched-off ones of ours left out."""
    replaced = {s.id: s for s in own.snippets}
    merged = [replaced.pop(s.id, s) for s in ours.snippets if s.id not in own.disabled or s.id in replaced]
    merged += list(replaced.values())
    return SnippetPack({**ours.situations, **own.situations}, tuple(merged), own.disabled)


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
    data: dict[str, object] = {
        "situations": dict(pack.situations),
        "snippet": [
            {"id": s.id, "situation": s.situation, "for": [k.value for k in s.kinds], "text": s.text,
             **({"made_by": s.made_by} if s.made_by else {}), **({"made_from": s.made_from} if s.made_from else {})}
            for s in pack.snippets
        ],
    }
    if pack.disabled:
        data["disabled"] = sorted(pack.disabled)
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


MAX_SUGGESTIONS = 9  # Ctrl+1 … Ctrl+9


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The snippets for one highlight, in the order the panel shows them, and the slot values made for it."""

    situation: Situation
    snippets: tuple[Snippet, ...]
    values: dict[str, str]

    def filled(self) -> list[Filled]:
        return [fill(s, self.values) for s in self.snippets]


def _groups_match(snippet: Snippet, groups: tuple[str, ...], situation: Situation) -> int | None:
    if snippet.situation in groups:
        return groups.index(snippet.situation)
    if situation in LEGACY_GROUPS.get(snippet.situation, frozenset()):
        return 0
    return None


def plan(
    pack: SnippetPack,
    highlight: Highlight,
    text: str = "",
    values: Mapping[str, str] | None = None,
    *,
    regular: bool | None = None,
    limit: int = MAX_SUGGESTIONS,
    mail: str = "",
) -> Suggestion:
    """The situation of one highlight (`text`: its words in the mail) and the snippets that fit it.

    `values` may give `customer` (and a `product` or `date` the agent knows); the
    topic is always made for the situation, never taken raw from the analyser. `mail`,
    the whole mail, sets the register: in a complaint nothing warm-and-glad is offered."""
    situation = classify(highlight, text, regular, mail)
    made = slot_values(situation, highlight, text, mail)
    given = {k: v.strip() for k, v in (values or {}).items() if v and v.strip() and k != "topic"}
    merged = {**made, **given}
    if "product" in made:
        merged["product"] = made["product"] if "product" not in given else given["product"]
    groups = sources(situation, mail)
    ranked: list[tuple[int, int, int, Snippet]] = []
    for position, snippet in enumerate(pack.snippets):
        if highlight.kind not in snippet.kinds:
            continue
        group = _groups_match(snippet, groups, situation)
        if group is None:
            continue
        missing = sum(1 for name in snippet.placeholders if name not in merged)
        # The first group's fully filled snippets first; a gap costs more than a later group.
        ranked.append((min(missing, 1) * 2 + min(group, 1), group, position, snippet))
    ranked.sort(key=lambda item: item[:3])
    chosen = tuple(dict.fromkeys(item[3] for item in ranked))[:limit]
    return Suggestion(situation, chosen, merged)


def suggest(
    pack: SnippetPack, highlight: Highlight, text: str = "", limit: int = MAX_SUGGESTIONS
) -> list[Snippet]:
    """The snippets to offer beside one highlight (`text` is its words in the mail)."""
    return list(plan(pack, highlight, text, limit=limit).snippets)
