"""The Dale-Chall list of words familiar to fourth-graders, and the manual's rules for using it.

The list is the one textstat ships (``textstat/resources/en/easy_words.txt``, ~2,950
words). It is read from the installed package's files without importing textstat,
whose import pulls in nltk (seconds). textstat counts every word off the list as
difficult; the Dale-Chall manual (Chall & Dale 1995) does not, and neither do we:
regular inflections of listed words (-s, -es, -ed, -ing, -er, -est, -ly), numbers,
single letters, dotted abbreviations and proper names count as familiar.
"""

from __future__ import annotations

import importlib.util
from functools import cache, lru_cache
from pathlib import Path

from summarize.errors import SummarizeError

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# (suffix, replacement) pairs tried in order to reach the listed base form.
_INFLECTIONS = (
    ("ies", "y"),
    ("ied", "y"),
    ("ier", "y"),
    ("iest", "y"),
    ("ily", "y"),
    ("'s", ""),
    ("s'", ""),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("r", ""),
    ("est", ""),
    ("est", "e"),
    ("st", ""),
    ("ly", ""),
)


def _textstat_resource(relative: str) -> Path:
    spec = importlib.util.find_spec("textstat")  # locates the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise SummarizeError("textstat is not installed; reinstall summarize: pip install summarize")
    return Path(next(iter(spec.submodule_search_locations))) / relative


@cache
def dale_chall_words() -> frozenset[str]:
    """The Dale-Chall familiar words, lower case."""
    path = _textstat_resource("resources/en/easy_words.txt")
    return frozenset(
        line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    )


def _undoubled(stem: str) -> str:
    # "stopped" -> "stopp" -> "stop"; "bigger" -> "bigg" -> "big"
    return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem


@lru_cache(maxsize=1 << 16)  # pure, and news repeats its words
def is_listed(word: str) -> bool:
    """Is ``word`` (any case) on the Dale-Chall list, directly or as a regular inflection?"""
    listed = dale_chall_words()
    word = word.lower().translate(_APOSTROPHES)
    if word in listed:
        return True
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            if stem + replacement in listed or (not replacement and _undoubled(stem) in listed):
                return True
    return False


def is_familiar(word: str, *, proper_name: bool) -> bool:
    """Familiar in the Dale-Chall sense: listed, a number, a letter, an abbreviation or a name."""
    if proper_name or len(word) == 1 or not any(ch.isalpha() for ch in word) or "." in word:
        return True  # names, letters, numbers and dotted abbreviations (U.S., a.m.)
    if "-" in word:
        # Compounds of listed words ("well-known") are familiar when every part is.
        return all(is_listed(part) for part in word.split("-") if part)
    return is_listed(word)
