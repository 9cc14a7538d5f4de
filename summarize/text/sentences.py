"""The one sentence splitter every analysis shares, tuned for news text.

Rule based on purpose: it is fast, needs no model or download, and its decisions
can be read. Boundaries are proposed at ``. ! ? …`` (plus closing quotes and
brackets) followed by white space, then vetoed where news text uses a period for
something else: titles (Mr., Gen.), initials (John F. Kennedy), dotted
abbreviations (U.S., a.m.), month and number abbreviations before a number
(Dec. 19, No. 10), and any lowercase continuation (e.g. "e.g. this").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Abbreviations that are followed by a name or number, never by a new sentence.
TITLES = frozenset(
    """mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cmdr adm brig pvt cpl
    sen rep gov atty supt det insp rev fr sr sra srta mme mlle hon pres amb gens
    reps sens st ste mt ft fig figs vol vols pp p ch sec art para approx est dept
    univ assn bros""".split()
)
# Abbreviations that take a following number: "Dec. 19", "No. 10", "Vol. 3".
BEFORE_NUMBER = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos vol op pp p fig
    art sec ch""".split()
)
# Abbreviations that can end a sentence: "... at 10 a.m. The vote ..." splits,
# "... the U.S. Senate ..." does not. Decided by the next word (see STARTERS).
ENDING = frozenset(
    """inc corp ltd co llc plc jr sr etc al bros cf vs esq""".split()
)
# Words that usually open a sentence. After an ambiguous abbreviation a boundary
# is made only before one of these, so "U.S. Senate" stays whole but
# "in the U.S. The" splits.
STARTERS = frozenset(
    """a an the he she it they we i you his her its their our my this that these
    those there here but and or so yet if when while after before as at in on for
    from to with by of what who why how where which some many most more one two
    all no not none both each every another other such then now still also
    however meanwhile although though because since mr mrs ms dr officials
    critics police""".split()
)

_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{"
# A terminator run, then closing quotes/brackets, then the white space after it.
_BOUNDARY = re.compile(r"(?:[.!?]+|…+)[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[{]*([^\s\"'“‘«(\[{]+)")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are separated by blank lines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, pos, match.start()))
        pos = match.end()
    spans.extend(_trimmed(text, pos, len(text)))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in ``text[start:end]``.

    Offsets are absolute into ``text``; leading and trailing white space is
    excluded from every sentence. Lines that look like headlines or list items
    (no final punctuation) become sentences of their own.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _logical_lines(text, start, end):
        spans.extend(_split_block(text, line_start, line_end))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _logical_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a paragraph at single newlines only where a line is not hard-wrapped prose.

    A line that ends without sentence punctuation and is followed by a line
    starting with a capital (a headline, a dateline, a bullet) is its own block;
    a line that merely wraps mid-sentence joins the next one.
    """
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        lines.extend(_trimmed(text, pos, stop))
        pos = stop + 1
    if not lines:
        return
    block_start, block_end = lines[0]
    for (prev_start, prev_end), (line_start, line_end) in zip(lines, lines[1:], strict=False):
        if _ends_block(text, prev_start, prev_end, line_start, line_end):
            yield block_start, block_end
            block_start = line_start
        block_end = line_end
    yield block_start, block_end


def _ends_block(text: str, prev_start: int, prev_end: int, next_start: int, next_end: int) -> bool:
    prev = text[prev_start:prev_end]
    nxt = text[next_start:next_end]
    if nxt[:1] in "-*•–—" or re.match(r"\d+[.)]\s", nxt):
        return True  # a list item
    if prev.rstrip(_CLOSERS)[-1:] in ".!?…:":
        return False  # the normal splitter decides
    # A short line with no final punctuation before a capitalised line: a headline.
    return len(prev) < 90 and nxt[:1].isupper() and not prev[-1:] in ",;-–—"


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sent_start = start
    block = text[start:end]
    for match in _BOUNDARY.finditer(block):
        cut = start + match.end()
        if _is_boundary(text, start + match.start(), cut, end):
            spans.extend(_trimmed(text, sent_start, cut))
            sent_start = cut
    spans.extend(_trimmed(text, sent_start, end))
    return spans


def _is_boundary(text: str, term_start: int, cut: int, end: int) -> bool:
    nxt_match = _NEXT_WORD.match(text, _skip_space(text, cut, end), end)
    if nxt_match is None:
        return False  # nothing follows within the block
    following = text[_skip_space(text, cut, end):end]
    next_word = nxt_match.group(1)
    first = following[:1]
    terminator = text[term_start:cut].rstrip(_CLOSERS)
    if first.islower() or first in ",;:)]}":
        return False  # "e.g. this", '"Why?" he asked', "... and"
    if not (first.isupper() or first.isdigit() or first in _OPENERS or first in "$£€#@"):
        return first not in "-–—"
    if terminator != ".":
        return True  # ! ? … followed by a capital, digit or quote
    word_match = _WORD_BEFORE.search(text, max(0, term_start - 40), term_start)
    if word_match is None:
        return True  # "10." or ")." : ordinary end
    word = word_match.group(1)
    bare = word.rstrip(".").lower()
    next_is_number = next_word[:1].isdigit()
    if "." in word.rstrip("."):
        # Dotted abbreviation: U.S., a.m., D.C., e.g., Ph.D.
        return _starts_sentence(next_word)
    if bare in TITLES:
        return False
    if bare in BEFORE_NUMBER and next_is_number:
        return False
    if len(word) == 1 and word.isupper():
        # An initial ("John F. Kennedy") unless a new sentence plainly starts.
        return _starts_sentence(next_word) and next_word.lower() not in {"a", "i"}
    if bare in ENDING:
        return _starts_sentence(next_word)
    return True


def _starts_sentence(word: str) -> bool:
    core = word.strip(_CLOSERS + _OPENERS + ".,;:").lower()
    return core in STARTERS or core[:1].isdigit()


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos
