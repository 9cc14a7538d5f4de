"""Find quoted speech in the article so the report can set it apart from the writer's voice.

Double quotes only (curly or straight, plus guillemets), paired within a paragraph,
since single quotes double as apostrophes. A quote of a few words is a scare quote
or a title, not speech: the framing analysis reports those, so they are left out here.
An unclosed quote runs to the end of its paragraph, as news style does for a
quotation continued over paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_SPEECH_WORDS = 4
_OPEN = {"“": "”", "«": "»", "„": "“", '"': '"'}
_QUOTE_CHARS = re.compile(r"[“”«»„\"]")
_WORD = re.compile(r"\w+")


def quote_ranges(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges (including the quote marks) of quoted speech in ``text``."""
    ranges: list[tuple[int, int]] = []
    for start, end in paragraphs:
        ranges.extend(_paragraph_quotes(text, start, end))
    return ranges


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for match in _QUOTE_CHARS.finditer(text, start, end):
        char, pos = match.group(), match.start()
        if open_at is None:
            if char in _OPEN:
                open_at, closer = pos, _OPEN[char]
            continue
        if char == closer or (closer == '"' and char == "”"):
            found.append((open_at, pos + 1))
            open_at = None
    if open_at is not None:
        found.append((open_at, _trim_end(text, open_at, end)))
    return [(s, e) for s, e in found if len(_WORD.findall(text, s, e)) >= MIN_SPEECH_WORDS]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
