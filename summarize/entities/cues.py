"""Context cues: what the words around a capitalised name say about what it names.

Each function looks at the article text just before (``start``) or after (``end``) a name and
answers one question; the recognizer combines them. All are pure and cheap (a regex on at most
a few dozen characters).
"""

from __future__ import annotations

import re

from summarize.entities.gazetteer import (
    LOCATIVE_WORDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    STATE_ABBREVIATIONS,
    words_of,
)

SPEECH_VERBS: frozenset[str] = words_of(
    "said says told added noted urged warned stated asked claimed insisted explained wrote"
)
# Lowercase words right after a name that belong to an organisation: "Open Square activists".
_MEMBER_WORDS = words_of(
    "movement activists members officials staff employees executives shareholders spokesman spokeswoman "
    "spokesperson campaign group"
)
_WINDOW = 60
_WORD = re.compile(r"[\w’'-]+")
_LAST_WORD = re.compile(r"([\w’'-]+)\W*$")
_APPOSITIVE = re.compile(r"^\s*,\s+(?:a|an|the|its|his|her|their|one)\s+((?:[\w-]+\s+){0,4}?)([\w-]+)\b")
_AGE = re.compile(r"^\s*,\s+\d{1,3}\s*,")
_SPOKESPERSON_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person)|members?|leaders?|head)\s+(?:for|of)\s+(?:the\s+)?$"
)
# "analysts at Morgan Stanley", "a professor at Harborview State University": a workplace.
_WORKPLACE = re.compile(
    r"\b(?:analysts?|economists?|strategists?|researchers?|professors?|scientists?|executives?|employees?|"
    r"workers?|staff|engineers?|bankers?|lawyers?|traders?)\s+(?:at|with|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_KNOWN_AS = re.compile(r"^\s*,?\s*(?:also\s+|better\s+|commonly\s+)?known\s+as\s+(?:the\s+)?$")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s*$")


def _before(text: str, start: int) -> str:
    return text[max(0, start - _WINDOW) : start]


def _after(text: str, end: int) -> str:
    return text[end : end + _WINDOW]


def previous_word(text: str, start: int) -> str:
    """The word right before ``start`` (skipping spaces and one comma), or ''."""
    match = _LAST_WORD.search(_before(text, start))
    return match.group(1) if match else ""


def next_word(text: str, end: int) -> str:
    match = _WORD.search(_after(text, end))
    return match.group(0) if match else ""


def speech_cue(text: str, start: int, end: int) -> bool:
    """ "X said", "said X": someone (or an organisation) speaking."""
    after = _after(text, end).lstrip(" ,")
    word = after.split(" ", 1)[0].strip(",.;:") if after else ""
    return word in SPEECH_VERBS or previous_word(text, start) in SPEECH_VERBS


def person_cue(text: str, start: int, end: int) -> bool:
    """ "winger X", "chairman, X", "X, 67,", "X, a professor of ...", "X, director of ..."."""
    if previous_word(text, start).lower() in PERSON_NOUNS:
        return True
    after = _after(text, end)
    if _AGE.match(after):
        return True
    noun = _appositive_noun(after)
    if noun is None:
        bare = re.match(r"^\s*,\s+([a-z][\w-]*)", after)  # "Rita Valdez, director of"
        noun = bare.group(1) if bare else None
    return noun in PERSON_NOUNS if noun else False


def organisation_cue(text: str, start: int, end: int) -> bool:
    """ "the research firm X", "X, a group that ...", "the X movement", "a spokeswoman for X"."""
    before = previous_word(text, start)
    if before.lower() in ORGANISATION_NOUNS and before.islower():
        return True
    before_text = _before(text, start)
    if _SPOKESPERSON_FOR.search(before_text) or _WORKPLACE.search(before_text):
        return True
    if next_word(text, end) in _MEMBER_WORDS:
        return True
    noun = _appositive_noun(_after(text, end))
    return noun in ORGANISATION_NOUNS if noun else False


def place_cue(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """ "in X", "travel to X", "the town of X", "in Taiwan and X", "X, Calif.", "X, Mexico", a dateline."""
    after = _after(text, end)
    state = re.match(r"^\s*,\s+([A-Z][\w.]*)", after)
    if state and (state.group(1).rstrip(".") in STATE_ABBREVIATIONS or state.group(1).rstrip(",.") in places):
        return True
    if _DATELINE.match(_before(text, start).rsplit("\n", 1)[-1]):
        return True
    return _after_locative(text, start)


def _after_locative(text: str, start: int) -> bool:
    """ "in X", "the town of X", or a list after them: "in Taiwan and X", "in Senegal, Rwanda and X"."""
    pos, in_list = start, False
    for _ in range(10):  # walk back over a list, word by word
        word, word_start, word_end = _previous(text, pos)
        gap = text[word_end:pos]
        if not word or any(ch in gap for ch in '.;:()"“”'):
            return False
        if word in LOCATIVE_WORDS:
            return True
        if word == "of":
            return _previous(text, word_start)[0] in PLACE_NOUNS
        if not _continues_list(word, gap, in_list):
            return False
        pos, in_list = word_start, True
    return False


def _continues_list(word: str, gap: str, in_list: bool) -> bool:
    if word in ("and", "or"):
        return not in_list
    return word[0].isupper() and (in_list or "," in gap)


def _previous(text: str, pos: int) -> tuple[str, int, int]:
    """The word before ``pos`` with its offsets, or ("", pos, pos)."""
    window = text[max(0, pos - _WINDOW) : pos]
    match = _LAST_WORD.search(window)
    if match is None:
        return "", pos, pos
    offset = pos - len(window)
    return match.group(1), offset + match.start(1), offset + match.end(1)


def known_as(between: str) -> bool:
    """The text between two names says the second is another name of the first."""
    return bool(_KNOWN_AS.match(between))


def _appositive_noun(after: str) -> str | None:
    """The head noun of ", a/an/the ... NOUN" right after a name, if the first words are lowercase."""
    match = _APPOSITIVE.match(after)
    if match is None:
        return None
    words: list[str] = [*match.group(1).split(), match.group(2)]
    if any(not w.islower() for w in words):
        return None
    for word in words:  # the first noun we know decides: "a mid-sized biotech company"
        if word in PERSON_NOUNS or word in ORGANISATION_NOUNS:
            return word
    return None
