"""Where a snippet made from a sent reply goes: the team's server in team mode, else the shop's own pack.

Team snippets live in PostgreSQL (`app.team.room.add_team_snippet`) so every
client offers them at once; they are merged over the pack like the shop's own
ones, with ids `team_<n>`. Locally the snippet joins the own pack file
(`save_user_pack`), with who made it and from which situation.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.model import HighlightKind
from app.snippets import Snippet, SnippetPack, load_user_pack, merge_packs, new_snippet_id, save_user_pack

if TYPE_CHECKING:  # the composer loads this module as it opens; SQLAlchemy only in team mode
    from sqlalchemy.engine import Engine


def save_local(snippet: Snippet, path: Path | None = None) -> Snippet:
    """Add to the shop's own pack file; the snippet as saved (with its new id)."""
    own = load_user_pack(path)
    saved = replace(snippet, id=new_snippet_id((s.id for s in own.snippets), prefix="own"))
    save_user_pack(SnippetPack(own.situations, (*own.snippets, saved), own.disabled), path)
    return saved


def save_team(engine: Engine, snippet: Snippet) -> Snippet:
    from app.team.room import add_team_snippet

    number = add_team_snippet(engine, snippet.text, snippet.situation, [k.value for k in snippet.kinds],
                              snippet.made_by, snippet.made_from)
    return replace(snippet, id=f"team_{number}")


def team_pack(engine: Engine) -> SnippetPack:
    """The team's shared snippets as a pack (merged over ours by the composer)."""
    from app.team.room import team_snippets

    snippets = []
    for row in team_snippets(engine):
        try:
            kinds = tuple(HighlightKind(k) for k in row.kinds)
        except ValueError:
            continue  # written by a newer client: skipped, not fatal
        snippets.append(Snippet(f"team_{row.id}", row.situation, row.text, kinds, row.made_by, row.made_from))
    return SnippetPack({}, tuple(snippets))


def with_team(pack: SnippetPack, team: SnippetPack) -> SnippetPack:
    return merge_packs(pack, SnippetPack({}, team.snippets, pack.disabled)) if team.snippets else pack
