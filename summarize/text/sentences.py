"""The one sentence splitter every analysis shares, tuned for news text.

Rule based on purpose: it is fast, needs no model or download, and its decisions
can be read. Boundaries are proposed at ``. ! ? …`` (plus closing quotes and
brackets) followed by white space, then vetoed where news text uses a period for
something else: titles (Mr., Gen.), initials (John F. Kennedy), dotted
abbreviations (U.S., a.m.), month and number abbreviations before a number
(Dec. 19, No. 10), and any lowercase continuation (e.g. "e.g. this").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised titles that are followed by a name, never by a new sentence: "Gen. Kostal".
# Only when capitalised, so "He loves art. The museum ..." still splits.
TITLES = _word_set(
    """mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cmdr adm brig pvt cpl
    sen rep gov atty supt det insp rev fr sra srta mme mlle hon pres amb gens
    reps sens sec st ste mt ft msgr"""
)
# Abbreviations that take a following number: "Dec. 19", "No. 10", "Vol. 3", "p. 5".
BEFORE_NUMBER = _word_set(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols op pp p fig
    figs art sec ch para"""
)
# Abbreviations that can end a sentence: "... at 10 a.m. The vote ..." splits,
# "... the U.S. Senate ..." does not. Decided by the next word (see STARTERS).
ENDING = _word_set("inc corp ltd co llc plc jr sr etc al bros cf vs esq dept univ assn approx est")
# Words that usually open a sentence. After an ambiguous abbreviation a boundary
# is made only before one of these, so "U.S. Senate" stays whole but
# "in the U.S. The" splits.
STARTERS = _word_set(
    """a an the he she it they we i you his her its their our my this that these
    those there here but and or so yet if when while after before as at in on for
    from to with by of what who why how where which some many most more one two
    all no not none both each every another other such then now still also
    however meanwhile although though because since mr mrs ms dr officials
    critics police"""
)

_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{"
# A terminator run, then closing quotes/brackets, then the white space after it.
_BOUNDARY = re.compile(r"(?:(?:\.[ \u00a0]){2,}\.|[.!?]+|…+)[" + re.escape(_CLOSERS) + r"]*(?=\s)")
# Dotted abbreviations: U.S, a.m, D.C, e.g, Ph.D, J.R.R (not "lumenarc.com": segments are short).
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
# A lowercase word that still opens a sentence: "eBay", "iPhone".
_CAMEL = re.compile(r"[a-z]{1,2}[A-Z]")
# A list marker alone before its period: "1. Fares rise", "b. Service expands".
_LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[A-Za-z])")
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


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, cuts: list[int] | None = None
) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in ``text[start:end]``.

    Offsets are absolute into ``text``; leading and trailing white space is
    excluded from every sentence. Lines that look like headlines or list items
    (no final punctuation) become sentences of their own. A "sentence" longer than
    ``MAX_SENTENCE_WORDS`` words or ``MAX_SENTENCE_CHARS`` characters is hard-split;
    the end offset of each such cut is appended to ``cuts`` when given.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _logical_lines(text, start, end):
        for sent_start, sent_end in _split_block(text, line_start, line_end):
            spans.extend(_capped(text, sent_start, sent_end, cuts))
    return spans


# Text without punctuation (a transcript, a scraped list) would otherwise be one unit too long
# for any model or reader; the bounds sit far above real news sentences (~20-40 words).
MAX_SENTENCE_WORDS = 500
MAX_SENTENCE_CHARS = 5_000
_CHUNK = re.compile(rf"\S{{1,{MAX_SENTENCE_CHARS}}}")  # a word, or a slice of an endless one
_SOFT_END = ",;:)]—–"


def _capped(text: str, start: int, end: int, cuts: list[int] | None) -> list[tuple[int, int]]:
    """Split an overlong sentence into pieces within the bounds, preferring a cut after a comma.

    Linear time: each word is looked at a bounded number of times.
    """
    if end - start <= min(MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_WORDS - 1):
        return [(start, end)]  # too short to hold MAX_SENTENCE_WORDS words
    pieces: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []
    for match in _CHUNK.finditer(text, start, end):
        while words and (len(words) >= MAX_SENTENCE_WORDS or match.end() - words[0][0] > MAX_SENTENCE_CHARS):
            # Cut after the last comma-like word in the second half of the piece, else before this word.
            keep = len(words)
            for i in range(len(words) - 1, len(words) // 2 - 1, -1):
                if text[words[i][1] - 1] in _SOFT_END:
                    keep = i + 1
                    break
            pieces.append((words[0][0], words[keep - 1][1]))
            words = words[keep:]
        words.append((match.start(), match.end()))
    if words:
        pieces.append((words[0][0], words[-1][1]))
    if cuts is not None:
        cuts.extend(piece_end for _, piece_end in pieces[:-1])
    return pieces


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _logical_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a paragraph at single newlines only where a line is not hard-wrapped prose.

    A line that ends without sentence punctuation and is followed by a line
    starting with a capital (a headline, a byline, a bullet) is its own block;
    a line that merely wraps mid-sentence joins the next one, even before a
    capitalised name (see ``_ends_block``).
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
    width = max(line_end - line_start for line_start, line_end in lines)
    block_start, block_end = lines[0]
    for (prev_start, prev_end), (line_start, line_end) in itertools.pairwise(lines):
        if _ends_block(text, prev_start, prev_end, line_start, line_end, width):
            yield block_start, block_end
            block_start = line_start
        block_end = line_end
    yield block_start, block_end


def _ends_block(
    text: str, prev_start: int, prev_end: int, next_start: int, next_end: int, width: int
) -> bool:
    """Whether the line break after ``prev`` ends a block (``width``: the paragraph's longest line)."""
    prev = text[prev_start:prev_end]
    nxt = text[next_start:next_end]
    if nxt[:1] in "-*•–—" or re.match(r"\d+[.)]\s", nxt):
        return True  # a list item
    if prev.rstrip(_CLOSERS)[-1:] in ".!?…:":
        return False  # the normal splitter decides
    if prev[-1:] in ",;-–—" or not nxt.lstrip(_OPENERS)[:1].isupper():
        return False  # the sentence plainly goes on
    # No final punctuation before a capitalised line: a headline, a byline, or a wrapped line.
    if width < 50 or _title_like(prev):
        return True  # short lines (one item per line) or a Title Case headline
    # Prose hard-wrapped at a fixed width breaks a line only where the next word would not
    # fit; a line that stopped early was ended on purpose ("Mayor\nDanielle" stays joined).
    next_word_len = len(nxt.split(None, 1)[0])
    return len(prev) + 1 + next_word_len <= width


def _title_like(line: str) -> bool:
    """Most longer words capitalised, as in "Council Approves Rail Line" or "By Maya Lindqvist"."""
    long_words = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return bool(long_words) and capitalised >= 0.75 * len(long_words)


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sent_start = start
    block = text[start:end]
    for match in _BOUNDARY.finditer(block):
        cut = start + match.end()
        term_start = start + match.start()
        if _LIST_MARKER.fullmatch(text, _skip_space(text, sent_start, term_start), term_start):
            continue  # "1. Fares rise": the number of a list item, not a sentence
        if _is_boundary(text, term_start, cut, end):
            spans.extend(_trimmed(text, sent_start, cut))
            sent_start = cut
    spans.extend(_trimmed(text, sent_start, end))
    return spans


def _is_boundary(text: str, term_start: int, cut: int, end: int) -> bool:
    next_start = _skip_space(text, cut, end)
    nxt_match = _NEXT_WORD.match(text, next_start, end)
    if nxt_match is None:
        return False  # nothing follows within the block
    next_word = nxt_match.group(1)
    # One character, not a slice of the rest of the block: slicing made long paragraphs quadratic.
    first = text[next_start : next_start + 1]
    if first.islower() and _CAMEL.match(next_word):
        first = first.upper()  # "eBay shares fell": a brand that opens a sentence counts as capitalised
    verdict = _verdict_of_next_char(first)
    if verdict is not None:
        return verdict
    if text[term_start:cut].rstrip(_CLOSERS) != ".":
        return True  # ! ? … followed by a capital, digit or quote
    return _full_stop_ends(text, term_start, next_word)


def _verdict_of_next_char(first: str) -> bool | None:
    """Whether the character after a terminator decides alone (None: a capital, digit or opener follows)."""
    if first.islower() or first in ",;:)]}":
        return False  # "e.g. this", '"Why?" he asked', "... and"
    if not (first.isupper() or first.isdigit() or first in _OPENERS or first in "$£€#@"):
        return first not in "-–—"
    return None


def _full_stop_ends(text: str, term_start: int, next_word: str) -> bool:
    """A full stop before a capital or digit: a sentence end unless the word before it is an abbreviation."""
    word_match = _WORD_BEFORE.search(text, max(0, term_start - 40), term_start)
    if word_match is None:
        return True  # "10." or ")." : ordinary end
    word = word_match.group(1)
    bare = word.rstrip(".").lower()
    if _DOTTED.fullmatch(word):
        # Dotted abbreviation: U.S., a.m., D.C., e.g., Ph.D.
        return _starts_sentence(next_word)
    if bare in TITLES and word[:1].isupper():
        return False
    if bare in BEFORE_NUMBER and next_word[:1].isdigit():
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
