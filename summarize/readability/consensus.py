"""One grade from several grade-level indices, and what that grade means in words.

textstat's ``text_standard`` votes among rounded grades, so texts a level apart
often tie (it orders 73% of OneStopEnglish level pairs). Ours is continuous: a
robust average of the grade-level indices that the text is long enough for. The
candidates below were compared by 5-fold cross-validation on OneStopEnglish
(``bench/readability_onestop.py``); the default is set in ``ReadabilitySettings``.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence


def mean_grade(grades: Sequence[float]) -> float:
    """Arithmetic mean."""
    return statistics.fmean(grades)


def median_grade(grades: Sequence[float]) -> float:
    """Median: one outlying index cannot pull the consensus."""
    return statistics.median(grades)


def trimmed_mean_grade(grades: Sequence[float]) -> float:
    """Mean after dropping the lowest and highest index (plain mean under three indices)."""
    if len(grades) < 3:
        return statistics.fmean(grades)
    return statistics.fmean(sorted(grades)[1:-1])


CONSENSUS_METHODS: dict[str, Callable[[Sequence[float]], float]] = {
    "median": median_grade,
    "trimmed_mean": trimmed_mean_grade,
    "mean": mean_grade,
}


def consensus_grade(grades: Sequence[float | None], method: str = "trimmed_mean") -> float | None:
    """Combine the available grade-level indices (None = withheld) into one US grade."""
    present = [g for g in grades if g is not None]
    if not present:
        return None
    return CONSENSUS_METHODS[method](present)


# (highest whole grade in the band, words). Bands follow US schooling. A grade level of 12.8
# is the 12th grade (8 months in), so a band covers its whole grades: "grade 11-12" is 11.0 to
# 12.99. (Rounding put 12.8 in "grade 13-16", a band that does not contain it.)
_BANDS: tuple[tuple[int, str], ...] = (
    (2, "up to grade 2, early reader"),
    (5, "grade 3-5, elementary school"),
    (8, "grade 6-8, middle school"),
    (10, "grade 9-10, high school"),
    (12, "grade 11-12, high school senior"),
    (16, "grade 13-16, college"),
)
_ABOVE = "grade 17+, graduate school"


def grade_band(grade: float | None) -> str | None:
    """A grade in plain words, e.g. 12.8 -> "grade 11-12, high school senior": the band holds it."""
    if grade is None:
        return None
    whole = math.floor(grade)
    for highest, words in _BANDS:
        if whole <= highest:
            return words
    return _ABOVE
