"""Syllables (offline CMU data, then a vowel-group estimate) and familiar words."""

from __future__ import annotations

import pytest

from summarize.readability.counts import is_complex_word
from summarize.readability.familiar import is_familiar, is_listed
from summarize.readability.syllables import count_syllables, estimate_syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1),
        ("readability", 5),  # CMU: R IY2 D AH0 B IH1 L IH0 T IY0
        ("Senate", 2),
        ("senators", 3),
        ("voted", 2),
        ("don’t", 1),  # curly apostrophe normalised before lookup
        ("cease-fire", 3),  # CMU knows the compound: cease + fire (F AY1 ER0)
        ("U.S.", 2),  # read letter by letter
        ("a.m.", 2),
        ("1,200", 1),  # numbers count as one syllable
        ("2024", 1),
    ],
)
def test_count_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("Lukashenko", 4), ("zorbination", 4), ("blimmed", 1), ("flarple", 2), ("kaleo", 3)],
)
def test_unknown_words_use_vowel_groups(word: str, syllables: int) -> None:
    assert estimate_syllables(word) == syllables
    assert count_syllables(word) == syllables


def test_unknown_hyphen_parts_are_counted_part_by_part() -> None:
    # "zorbination" is unknown (4 by vowel groups), "fire" is in CMU (2)
    assert count_syllables("zorbination-fire") == 6


@pytest.mark.parametrize(
    ("word", "listed"),
    [
        ("cat", True),
        ("cats", True),  # -s
        ("running", True),  # -ing with the doubled consonant
        ("happier", True),  # -ier -> y
        ("stopped", True),
        ("photosynthesis", False),
        ("council", False),
    ],
)
def test_dale_chall_list_with_inflections(word: str, listed: bool) -> None:
    assert is_listed(word) is listed


def test_familiar_words_follow_the_manual() -> None:
    assert is_familiar("Lukashenko", proper_name=True)
    assert not is_familiar("bureaucracy", proper_name=False)
    assert is_familiar("1,200", proper_name=False)
    assert is_familiar("well-known", proper_name=False)


@pytest.mark.parametrize(
    ("word", "proper", "complex_"),
    [
        ("beautiful", False, True),
        ("Lukashenko", True, False),  # proper names are not complex
        ("well-informed", False, False),  # nor compounds
        ("created", False, False),  # 3 syllables only through -ed
        ("photosynthesis", False, True),
        ("table", False, False),
    ],
)
def test_gunning_complex_words(word: str, proper: bool, complex_: bool) -> None:
    assert is_complex_word(word, count_syllables(word), proper_name=proper) is complex_
