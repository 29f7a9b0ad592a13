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
from html import unescape
from html.parser import HTMLParser

import nh3

__all__ = ["MAX_HTML_CHARS", "MAX_HTML_DEPTH", "MAX_HTML_TAGS", "SanitizedHtml", "html_beyond_bounds", "html_to_text",
           "sanitize_html"]

# Bounds checked before nh3 sees the HTML (issue 14): nh3's tree builder is quadratic in the
# nesting depth (200,000 nested <div> took 174 s), and sanitising plus converting to text costs
# about 5 µs a tag. No real mail nests 1,000 elements deep or holds 100,000 tags (a newsletter:
# a few thousand); the length bound leaves room for images inlined as data: URLs. Beyond any of
# them the mail is shown as text.
MAX_HTML_DEPTH = 1_000
MAX_HTML_TAGS = 100_000
MAX_HTML_CHARS = 6_000_000
_LIST_INDENT_LEVELS = 8  # deeper lists are indented like the eighth level (100,000 levels ate 20 GB)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(/?)>")
# Elements the HTML parser closes by itself (an unclosed <p> or <li> does not nest), and void ones.
_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt",
                           "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body"})

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


def html_beyond_bounds(html: str) -> str:
    """Why this HTML may not be sanitised and shown as HTML ("" when it may): too long or
    nested too deep. One linear scan of the tags, no tree built."""
    if len(html) > MAX_HTML_CHARS:
        return f"{len(html)} chars"
    depth = deepest = 0
    for count, match in enumerate(_TAG.finditer(html), 1):
        if count > MAX_HTML_TAGS:
            return f"tags > {MAX_HTML_TAGS}"
        name = match.group(2).lower()
        if name in _VOID or name in _SELF_CLOSING or match.group(3):
            continue
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_HTML_DEPTH:
                    return f"depth > {MAX_HTML_DEPTH}"
    return ""


def sanitize_html(html: str, allow_remote_images: bool) -> SanitizedHtml:
    """Clean mail HTML for a reader that must never run or fetch anything unasked.
    Raises ValueError for HTML beyond the bounds (`html_beyond_bounds`): callers show text."""
    beyond = html_beyond_bounds(html)
    if beyond:
        raise ValueError(f"HTML beyond the bounds: {beyond}")
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
        self.started = False  # any text written yet (a blank line never opens the text)
        self.skip = 0
        self.pre = 0
        self.lists: list[list[int]] = []  # per open list: [ordered, next number]

    def _newline(self, count: int = 1) -> None:
        """End the current line, leaving `count` - 1 blank lines (never at the very start)."""
        if not self.started:
            return
        tail = "".join(self.out[-8:])
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
            indent = "  " * min(_LIST_INDENT_LEVELS, max(0, len(self.lists) - 1))
            if self.lists and self.lists[-1][0]:
                self._write(f"{indent}{self.lists[-1][1]}. ")
                self.lists[-1][1] += 1
            else:
                self._write(f"{indent}・")
        elif tag in ("p", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"):
            self._newline(2)
        elif tag in _BLOCK:
            self._newline()
        elif tag in ("td", "th") and not self._at_line_start():
            self.out.append("\t")
        elif tag == "img":
            alt = next((v for k, v in attrs if k == "alt" and v), "")
            if alt:
                self._write(alt)
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
            self._write(data.replace("\r\n", "\n"))
            return
        text = _SPACES.sub(" ", _WIDE_BREAK.sub("", data))
        if self._at_line_start():
            text = text.lstrip(" ")
        if text:
            self._write(text)

    def _write(self, text: str) -> None:
        self.out.append(text)
        if not self.started and text.strip():
            self.started = True


_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*>|<![^<>]*>")
_MANY_NEWLINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_LINE_SPACES = re.compile(r"[ \t\r\f]+")


def _without_blocks(html: str, names: tuple[str, ...]) -> str:
    """`html` without <script>…</script> and the like, in one linear pass (an unclosed one ends it)."""
    lower = html.lower()
    out: list[str] = []
    at = 0
    while True:
        starts = [i for i in (lower.find("<" + name, at) for name in names) if i >= 0]
        if not starts:
            out.append(html[at:])
            return "".join(out)
        start = min(starts)
        name = next(n for n in names if lower.startswith("<" + n, start))
        out.append(html[at:start])
        end = lower.find("</" + name, start)
        if end < 0:
            return "".join(out)
        close = lower.find(">", end)
        at = len(html) if close < 0 else close + 1


def rough_text(html: str) -> str:
    """Plain text of HTML too big or too deep to parse as a tree: tags dropped, blocks as lines.
    Linear in the length, whatever the nesting."""
    html = _without_blocks(html, ("script", "style", "head", "title"))

    def tag(match: re.Match[str]) -> str:
        name = (match.group(2) or "").lower()
        if name == "li" and not match.group(1):
            return "\n・"
        return "\n" if name in _BLOCK or name == "br" else ""

    text = unescape(_ANY_TAG.sub(tag, html)).replace("\xa0", " ")
    text = _LINE_SPACES.sub(" ", text)
    text = _MANY_NEWLINES.sub("\n\n", "\n".join(line.strip(" ") for line in text.split("\n")))
    return text.strip("\n") + "\n" if text.strip() else ""


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body: paragraphs, line breaks, list bullets, link text.
    HTML beyond the bounds (`html_beyond_bounds`) is read roughly, in linear time."""
    if html_beyond_bounds(html):
        return rough_text(html)
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
