"""Mapping `Message.body` offsets (Python code points) to QTextDocument positions.

The analyser's offsets count code points; Qt counts UTF-16 units, so every
character outside the BMP (emoji, some rare kanji) shifts later positions by one,
and `setPlainText` turns "\\r\\n" into a single paragraph break.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """`to_doc(i)` is the document position of body index `i`; `to_body` the reverse."""

    def __init__(self, body: str) -> None:
        self._identity = not any(ord(ch) > 0xFFFF or ch == "\r" for ch in body)
        self._doc: list[int] = []
        if self._identity:
            return
        pos = 0
        for index, ch in enumerate(body):
            self._doc.append(pos)
            if ch == "\r" and body[index + 1 : index + 2] == "\n":
                continue  # merged with the following "\n" by Qt
            pos += 2 if ord(ch) > 0xFFFF else 1
        self._doc.append(pos)

    def to_doc(self, index: int) -> int:
        if self._identity:
            return index
        index = max(0, min(index, len(self._doc) - 1))
        return self._doc[index]

    def to_body(self, position: int) -> int:
        if self._identity:
            return position
        return max(0, bisect_right(self._doc, position) - 1)
