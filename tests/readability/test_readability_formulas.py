"""Each formula against values worked out by hand from its published definition."""

from __future__ import annotations

import itertools
import math

import pytest

from summarize.readability import formulas


@pytest.mark.parametrize(
    ("words", "sentences", "syllables", "expected"),
    [
        # 100 words, 5 sentences, 150 syllables: 206.835 - 1.015*20 - 84.6*1.5 = 59.635
        (100, 5, 150, 59.635),
        # 10 words, 1 sentence, 10 syllables: 206.835 - 10.15 - 84.6 = 112.085
        (10, 1, 10, 112.085),
    ],
)
def test_flesch_reading_ease(words: int, sentences: int, syllables: int, expected: float) -> None:
    assert formulas.flesch_reading_ease(words, sentences, syllables) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("words", "sentences", "syllables", "expected"),
    [
        # 0.39*20 + 11.8*1.5 - 15.59 = 7.8 + 17.7 - 15.59 = 9.91
        (100, 5, 150, 9.91),
        # 0.39*10 + 11.8*1.2 - 15.59 = 3.9 + 14.16 - 15.59 = 2.47
        (200, 20, 240, 2.47),
    ],
)
def test_flesch_kincaid_grade(words: int, sentences: int, syllables: int, expected: float) -> None:
    assert formulas.flesch_kincaid_grade(words, sentences, syllables) == pytest.approx(expected)


def test_gunning_fog() -> None:
    # 0.4 * (20 + 100*10/100) = 0.4 * 30 = 12
    assert formulas.gunning_fog(100, 5, 10) == pytest.approx(12.0)


def test_smog_index() -> None:
    # 1.043 * sqrt(30 * 30/30) + 3.1291 = 1.043 * 5.4772 + 3.1291 = 8.8419
    assert formulas.smog_index(30, 30) == pytest.approx(1.043 * math.sqrt(30) + 3.1291)
    assert formulas.smog_index(30, 30) == pytest.approx(8.8419, abs=1e-4)


def test_coleman_liau_index() -> None:
    # L = 500 letters per 100 words, S = 5 sentences per 100 words:
    # 0.0588*500 - 0.296*5 - 15.8 = 29.4 - 1.48 - 15.8 = 12.12
    assert formulas.coleman_liau_index(100, 5, 500) == pytest.approx(12.12)


def test_automated_readability_index() -> None:
    # 4.71*5 + 0.5*20 - 21.43 = 23.55 + 10 - 21.43 = 12.12
    assert formulas.automated_readability_index(100, 5, 500) == pytest.approx(12.12)


@pytest.mark.parametrize(
    ("difficult", "expected"),
    [
        # 4% difficult: 0.1579*4 + 0.0496*20 = 0.6316 + 0.992 = 1.6236 (no adjustment at or under 5%)
        (4, 1.6236),
        # 10% difficult: 1.579 + 0.992 + 3.6365 = 6.2075
        (10, 6.2075),
    ],
)
def test_dale_chall_score(difficult: int, expected: float) -> None:
    assert formulas.dale_chall_score(100, 5, difficult) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("score", "grade"),
    [(5.0, 5.0), (6.5, 8.0), (8.0, 11.0), (8.5, 12.0), (9.5, 14.5), (10.0, 16.0), (4.5, 4.0)],
)
def test_dale_chall_grade_follows_the_published_table(score: float, grade: float) -> None:
    assert formulas.dale_chall_grade(score) == pytest.approx(grade)


def test_dale_chall_grade_is_monotonic() -> None:
    grades = [formulas.dale_chall_grade(s / 10) for s in range(30, 120)]
    assert all(b is not None and a is not None and b > a for a, b in itertools.pairwise(grades))


@pytest.mark.parametrize(
    "function",
    [
        lambda: formulas.flesch_reading_ease(0, 0, 0),
        lambda: formulas.flesch_kincaid_grade(10, 0, 12),
        lambda: formulas.gunning_fog(0, 1, 0),
        lambda: formulas.smog_index(0, 3),
        lambda: formulas.coleman_liau_index(0, 1, 0),
        lambda: formulas.automated_readability_index(5, 0, 20),
        lambda: formulas.dale_chall_score(0, 0, 0),
    ],
)
def test_formulas_refuse_empty_counts(function) -> None:  # type: ignore[no-untyped-def]
    assert function() is None
