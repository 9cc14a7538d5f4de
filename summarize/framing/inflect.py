"""Inflected forms of English lexicon words, generated at load time.

Generating forms from the lexicon word (rather than stripping suffixes from the
article's words) never invents a match: "rating" cannot become "rat". Some
generated forms are not words ("admited" next to "admitted"); they never occur
in text, so they cost nothing.
"""

from __future__ import annotations

_VOWELS = set("aeiou")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def _plural_or_third_person(word: str) -> set[str]:
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return {word[:-1] + "ies"}
    if word.endswith(_SIBILANT_ENDINGS):
        return {word + "es"}
    return {word + "s"}


def _doubles_final_consonant(word: str) -> bool:
    """Consonant-vowel-consonant endings may double: admit -> admitted (and visit -> visited)."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def _single_syllable(word: str) -> bool:
    groups = 0
    previous = False
    for ch in word:
        vowel = ch in _VOWELS
        groups += vowel and not previous
        previous = vowel
    return groups == 1


def _suffixed(word: str, suffix: str) -> set[str]:
    """word+suffix; CVC words double the consonant (rat -> ratted, admit -> admitted or visited)."""
    if not _doubles_final_consonant(word):
        return {word + suffix}
    doubled = word + word[-1] + suffix
    return {doubled} if _single_syllable(word) else {doubled, word + suffix}


def _past(word: str) -> set[str]:
    if word.endswith("e"):
        return {word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return {word[:-1] + "ied"}
    return _suffixed(word, "ed")


def _gerund(word: str) -> set[str]:
    if word.endswith("ie"):
        return {word[:-2] + "ying"}
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return {word[:-1] + "ing"}
    return _suffixed(word, "ing")


def inflections(word: str) -> frozenset[str]:
    """The word itself plus plural / third person, past and -ing forms."""
    if len(word) < 3 or not word.isalpha():
        return frozenset({word})
    forms = {word}
    forms |= _plural_or_third_person(word)
    forms |= _past(word)
    forms |= _gerund(word)
    return frozenset(forms)
