"""The consensus grade and its plain-words band."""

from __future__ import annotations

import math

import pytest

from summarize.readability.consensus import CONSENSUS_METHODS, consensus_grade, grade_band


def test_trimmed_mean_drops_the_extremes() -> None:
    # sorted 4, 9, 10, 11, 20 -> mean of 9, 10, 11 = 10
    assert consensus_grade([20.0, 9.0, 4.0, 11.0, 10.0], "trimmed_mean") == pytest.approx(10.0)


def test_withheld_indices_are_skipped() -> None:
    assert consensus_grade([None, 8.0, None, 10.0], "mean") == pytest.approx(9.0)
    assert consensus_grade([None, None], "median") is None


def test_consensus_is_continuous_unlike_a_rounded_vote() -> None:
    lower = consensus_grade([8.1, 8.2, 8.3, 8.4])
    higher = consensus_grade([8.2, 8.3, 8.4, 8.5])
    assert lower is not None and higher is not None and higher > lower


@pytest.mark.parametrize("method", list(CONSENSUS_METHODS))
def test_every_method_lies_within_the_indices(method: str) -> None:
    grade = consensus_grade([7.0, 9.5, 12.0, 13.0], method)
    assert grade is not None and 7.0 <= grade <= 13.0


@pytest.mark.parametrize(
    ("grade", "band"),
    [
        (1.2, "up to grade 2, early reader"),
        (4.4, "grade 3-5, elementary school"),
        (7.0, "grade 6-8, middle school"),
        (9.6, "grade 9-10, high school"),
        (11.6, "grade 11-12, high school senior"),
        (12.4, "grade 11-12, high school senior"),
        (12.8, "grade 11-12, high school senior"),  # was "grade 13-16": rounded past its band
        (13.0, "grade 13-16, college"),
        (14.0, "grade 13-16, college"),
        (16.9, "grade 13-16, college"),
        (19.0, "grade 17+, graduate school"),
        (-2.0, "up to grade 2, early reader"),
    ],
)
def test_grade_band_in_words(grade: float, band: str) -> None:
    assert grade_band(grade) == band


def test_the_band_contains_the_grade() -> None:
    """"Grade 12.8: grade 13-16" contradicted itself: every band shown must hold its grade."""
    import re

    for tenths in range(-30, 260):
        grade = tenths / 10
        band = grade_band(grade)
        assert band is not None
        numbers = [int(n) for n in re.findall(r"\d+", band.split(",")[0])]
        low = -math.inf if band.startswith("up to") else numbers[0]
        high = math.inf if "+" in band else numbers[-1] + 1  # "11-12": grades 11.0 to 12.99
        assert low <= grade < high, (grade, band)


def test_no_grade_no_band() -> None:
    assert grade_band(None) is None


def test_settings_reject_an_unknown_consensus() -> None:
    from summarize.errors import UsageError
    from summarize.readability.settings import ReadabilitySettings

    with pytest.raises(UsageError, match="choose from median, trimmed_mean, mean"):
        ReadabilitySettings(consensus="vote")
    with pytest.raises(UsageError, match="words_per_minute"):
        ReadabilitySettings(words_per_minute=0)
