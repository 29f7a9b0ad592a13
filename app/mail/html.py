"""HTML mail made safe to show, and made readable as plain text.

Owns the sanitising policy (nh3): no scripts, forms, frames, event handlers
or CSS that fetches; remote images dropped (and listed) unless the user
allowed them; `cid:` and `data:` images are local and stay. Also owns the
HTML → text conversion the analyser reads for HTML-only mail, written on the
stdlib `html.parser` so no extra dependency is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

__all__ = ["SanitizedHtml", "html_to_text", "sanitize_html"]

_TAGS = frozenset({
    "a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd",
    "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "small", "span", "strike", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "wbr",
})
# Removed with everything inside them, not just unwrapped.
_CONTENT_TAGS = frozenset({"script", "style", "title", "head", "object", "embed", "iframe", "frame",
                           "frameset", "noscript", "form", "select", "textarea", "template", "svg", "math"})
_GENERIC_ATTRIBUTES = frozenset({"style", "align", "valign", "dir", "lang", "title", "width", "height",
                                 "bgcolor", "color", "border"})
_ATTRIBUTES = {
    "*": set(_GENERIC_ATTRIBUTES),
    "a": {"href"},
    "img": {"src", "alt"},
    "font": {"face", "size", "color"},
    "table": {"cellpadding", "cellspacing"},
    "td": {"colspan", "rowspan", "nowrap"},
    "th": {"colspan", "rowspan", "nowrap"},
    "ol": {"start", "type"},
}
# CSS properties that change looks but cannot fetch anything (no url(),
# no background-image, no @import: those are how trackers load).
_STYLE_PROPERTIES = frozenset({
    "color", "background-color", "font", "font-family", "font-size", "font-style", "font-weight",
    "text-align", "text-decoration", "text-indent", "line-height", "margin", "margin-left", "margin-right",
    "margin-top", "margin-bottom", "padding", "padding-left", "padding-right", "padding-top", "padding-bottom",
    "border", "border-collapse", "border-color", "border-style", "border-width", "width", "height",
    "vertical-align", "white-space", "display",
})
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


@dataclass(frozen=True, slots=True)
class SanitizedHtml:
    html: str
    remote_images: tuple[str, ...] = ()  # URLs not loaded (empty when allowed)


def sanitize_html(html: str, allow_remote_images: bool) -> SanitizedHtml:
    """Clean mail HTML for a reader that must never run or fetch anything unasked."""
    blocked: list[str] = []

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "src" and tag == "img":
            if _REMOTE.match(value):
                if allow_remote_images:
                    return value
                blocked.append(value.strip())
                return None
            if value.strip().lower().startswith(("cid:", "data:image/")):
                return value
            return None  # file:, javascript:, relative paths: nothing to show
        if attribute == "href":
            scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
            return value if scheme in _LINK_SCHEMES or value.startswith("#") else None
        if attribute == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.IGNORECASE):
            return None
        return value

    cleaned = nh3.clean(
        html,
        tags=set(_TAGS),
        clean_content_tags=set(_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto", "tel", "cid", "data"},
        filter_style_properties=set(_STYLE_PROPERTIES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return SanitizedHtml(cleaned, tuple(dict.fromkeys(blocked)))


_BLOCK = frozenset({
    "p", "div", "table", "tr", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "hr", "address", "article", "section", "header", "footer", "center", "li", "caption", "form",
})
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "svg", "object", "iframe"})
_VOID = frozenset({"br", "hr", "img", "wbr", "meta", "link", "input", "col", "area", "base"})
_WIDE = "\u3000-\u9fff\uf900-\ufaff\uff00-\uffef"
# A line break in the HTML source between two Japanese characters is not a
# space in the rendered text (browsers drop it too); elsewhere it is one space.
_WIDE_BREAK = re.compile(f"(?<=[{_WIDE}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[{_WIDE}])")
_SPACES = re.compile(r"[ \t\r\n\f]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.pre = 0
        self.lists: list[list[int]] = []  # per open list: [ordered, next number]

    def _newline(self, count: int = 1) -> None:
        """End the current line, leaving `count` - 1 blank lines (never at the very start)."""
        tail = "".join(self.out[-8:])
        if not tail.strip() and not "".join(self.out).strip():
            return
        have = len(tail) - len(tail.rstrip("\n"))
        if count > have:
            self.out.append("\n" * (count - have))

    def _at_line_start(self) -> bool:
        return not self.out or self.out[-1].endswith(("\n", "\t"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "br":
            self.out.append("\n")
        elif tag in ("ul", "ol"):
            self._newline()
            start = next((v for k, v in attrs if k == "start" and v and v.isdigit()), "1")
            self.lists.append([1 if tag == "ol" else 0, int(start or 1)])
        elif tag == "li":
            self._newline()
            if self.lists and self.lists[-1][0]:
                self.out.append(f"{'  ' * (len(self.lists) - 1)}{self.lists[-1][1]}. ")
                self.lists[-1][1] += 1
            else:
                self.out.append(f"{'  ' * max(0, len(self.lists) - 1)}・")
        elif tag in ("p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"):
            self._newline(2)
        elif tag in _BLOCK:
            self._newline()
        elif tag in ("td", "th") and not self._at_line_start():
            self.out.append("\t")
        elif tag == "img":
            alt = next((v for k, v in attrs if k == "alt" and v), "")
            if alt:
                self.out.append(alt)
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in ("p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table"):
            self._newline(2)
        elif tag in _BLOCK:
            self._newline()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            self.out.append(data.replace("\r\n", "\n"))
            return
        text = _SPACES.sub(" ", _WIDE_BREAK.sub("", data))
        if self._at_line_start():
            text = text.lstrip(" ")
        if text:
            self.out.append(text)


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body: paragraphs, line breaks, list bullets, link text."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # HTMLParser is lenient, but a parser bug must not lose the mail
        return re.sub(r"<[^>]*>", "", html)
    text = "".join(parser.out).replace("\xa0", " ")
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n" if text.strip() else ""
