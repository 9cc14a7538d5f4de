"""Step 2a: runs of capitalised tokens, the candidate names of a sentence.

A run joins capitalised words written next to each other, and "of"/"for"/"&" and name particles
between two of them ("Bank of England", "Alder & Finch"). Months and days break a run ("On Sept. 16")
except "May" inside a name. A sentence-opening word counts only if the article also capitalises it
elsewhere (``known_names``); otherwise a common opener ("Officials", "Heart") is trimmed off.
"""

from __future__ import annotations

import itertools

from summarize.entities.cues import SPEECH_VERBS
from summarize.entities.gazetteer import CALENDAR_WORDS, FUNCTION_WORDS, NAME_MONTHS, PERSON_TITLES, words_of
from summarize.entities.places import gazetteer_at
from summarize.entities.tokens import Tok, adjacent

CONNECTORS = words_of("of for and & de von van der al bin ibn la le du del da")
DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i")
_SAINTS = words_of("St Saint")
_COMMON_ENDINGS = ("ing", "ed", "ly")
_MAX_GAP = 3  # characters between two tokens of one mention ("St. Mary’s")


def known_names(sentences: list[list[Tok]]) -> set[str]:
    """Capitalised words the article writes capitalised mid-sentence in running text, and the first
    words of names that open sentences ("Kestrel City won ..." makes "Kestrel had ..." a name), and lone
    words that open sentences before a speech verb ("Vadri said ...")."""
    known: set[str] = set()
    lowercase = {t.text for toks in sentences for t in toks if t.text[:1].islower()}
    for toks in sentences:
        # zip_longest: a sentence without word tokens ("* * *", a lone dash) yields no pairs.
        for tok, nxt in itertools.zip_longest(toks, toks[1:]):
            if not tok.capitalised or tok.headline or tok.text.lower() in FUNCTION_WORDS:
                continue
            opens = _opens_name(tok, nxt) or _speaker_opener(tok, nxt)
            if not tok.initial or (opens and tok.text.lower() not in lowercase):
                known.add(tok.text)
    return known


_NOT_SPEAKERS = words_of("Everyone Nobody Someone Anyone Others Sources Both Many Most Some All Each One")


def _speaker_opener(tok: Tok, nxt: Tok | None) -> bool:
    """ "Vadri said ..." opening every sentence that names him: a lone capitalised word before a
    speech verb is a speaker's name (plurals such as "Officials" and "Witnesses" excepted)."""
    return (
        nxt is not None
        and nxt.text in SPEECH_VERBS
        and tok.text.isalpha()
        and not tok.text.endswith("s")
        and tok.text not in _NOT_SPEAKERS
        and not (tok.text.isupper() and len(tok.text) <= 2)  # "(R-KY) said": a state, not a speaker
    )


def _opens_name(tok: Tok, nxt: Tok | None) -> bool:
    return nxt is not None and nxt.capitalised and adjacent(tok, nxt) and nxt.text not in CALENDAR_WORDS


def _is_calendar(tok: Tok, current: list[Tok]) -> bool:
    """Months and days are not names, except "May" inside a name ("Theresa May", "Prime Minister May")."""
    if tok.text not in CALENDAR_WORDS:
        return False
    inside_name = (
        bool(current)
        and current[-1].text not in CALENDAR_WORDS
        and current[-1].text.lower() not in FUNCTION_WORDS
    )
    return not (tok.text in NAME_MONTHS and inside_name)


def capitalised_runs(toks: list[Tok]) -> list[list[Tok]]:
    runs: list[list[Tok]] = []
    current: list[Tok] = []
    for i, tok in enumerate(toks):
        name_word = tok.capitalised and not _is_calendar(tok, current)
        contiguous = not current or adjacent(current[-1], tok) or _saint_continues(current, tok)
        if name_word and contiguous:
            current.append(tok)
            continue
        if current and contiguous and _joins(tok, toks[i + 1] if i + 1 < len(toks) else None):
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if name_word else []
    if current:
        runs.append(current)
    return runs


def _joins(tok: Tok, nxt: Tok | None) -> bool:
    """A connector between two capitalised words ("Bank of England")."""
    return tok.text in CONNECTORS and nxt is not None and nxt.capitalised and adjacent(tok, nxt)


def _saint_continues(current: list[Tok], tok: Tok) -> bool:
    """ "St. Mary’s Medical Center": a saint’s possessive stays inside the name."""
    return (
        current[0].text in _SAINTS
        and current[-1].possessive
        and tok.joined
        and tok.start - current[-1].end <= _MAX_GAP
    )


def contiguous(run: list[Tok]) -> list[list[Tok]]:
    """Cut a run where trimming removed words, so every mention is one span of text."""
    pieces: list[list[Tok]] = []
    for tok in run:
        if pieces and tok.start - pieces[-1][-1].end <= _MAX_GAP and tok.joined:
            pieces[-1].append(tok)
        else:
            pieces.append([tok])
    return pieces


def strip_connectors(run: list[Tok]) -> list[Tok]:
    """The run without connectors at either edge."""
    start, end = 0, len(run)
    while start < end and run[start].text in CONNECTORS:
        start += 1
    while end > start and run[end - 1].text in CONNECTORS:
        end -= 1
    return run[start:end]


def trim(run: list[Tok], known: set[str], lowercase: set[str]) -> list[Tok]:
    """Drop connectors at the edges and sentence-opening common words."""
    run = strip_connectors(run)
    if run and run[0].initial and not _kept_opener(run, known) and _looks_common(run, lowercase):
        run = run[1:]
    while run and run[0].text in CONNECTORS:
        run = run[1:]
    return run


def _kept_opener(run: list[Tok], known: set[str]) -> bool:
    """A sentence-opening word that is a name: in the gazetteer, a title, or capitalised elsewhere."""
    first = run[0].text
    return (
        gazetteer_at(run, 0) is not None
        or first in PERSON_TITLES
        or first in known
        or any(first[: -len(x)] in known for x in DEMONYM_SUFFIXES if first.endswith(x))
    )


def _looks_common(run: list[Tok], lowercase: set[str]) -> bool:
    first = run[0].text.lower()
    return first in FUNCTION_WORDS or first in lowercase or len(run) == 1 or first.endswith(_COMMON_ENDINGS)
