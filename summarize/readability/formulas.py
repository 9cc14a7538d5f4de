"""The readability formulas, one pure function each, from counts (never from raw text).

The counts come from the project's own sentence splitter and tokenizer (see
``counts.py``), so "U.S." or "10 a.m." do not add sentences as they do in
textstat's regex. Each function returns None when its inputs cannot support a
number (no words or no sentences). Coefficients are the published ones; where
textstat differs it is noted.
"""

from __future__ import annotations

import math


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float | None:
    """Flesch (1948): 206.835 - 1.015 x words/sentence - 84.6 x syllables/word.

    0-100, higher is easier: 60-70 is plain English, under 30 is very difficult.
    """
    if words <= 0 or sentences <= 0:
        return None
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float | None:
    """Kincaid et al. (1975): 0.39 x words/sentence + 11.8 x syllables/word - 15.59. A US grade."""
    if words <= 0 or sentences <= 0:
        return None
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float | None:
    """Gunning (1952): 0.4 x (words/sentence + 100 x complex words/words). A US grade.

    Complex words have three or more syllables, not counting proper names,
    hyphenated compounds or the endings -es, -ed, -ing (Gunning's rules; textstat
    instead counts every off-Dale-Chall-list word of three syllables).
    """
    if words <= 0 or sentences <= 0:
        return None
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog_index(sentences: int, polysyllables: int) -> float | None:
    """McLaughlin (1969), as regressed: 1.043 x sqrt(polysyllables x 30/sentences) + 3.1291.

    Normed on 30-sentence samples; the caller withholds it for shorter texts.
    """
    if sentences <= 0:
        return None
    return 1.043 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau_index(words: int, sentences: int, letters: int) -> float | None:
    """Coleman & Liau (1975): 0.0588 x L - 0.296 x S - 15.8. A US grade.

    L = letters per 100 words, S = sentences per 100 words. (textstat 0.7.13 uses
    0.058 for the first coefficient.)
    """
    if words <= 0 or sentences <= 0:
        return None
    return 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def automated_readability_index(words: int, sentences: int, characters: int) -> float | None:
    """Smith & Senter (1967): 4.71 x characters/word + 0.5 x words/sentence - 21.43. A US grade.

    Characters are letters and digits.
    """
    if words <= 0 or sentences <= 0:
        return None
    return 4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43


def dale_chall_score(words: int, sentences: int, difficult_words: int) -> float | None:
    """Dale & Chall (1948): 0.1579 x % difficult words + 0.0496 x words/sentence (+3.6365 above 5%).

    Not a grade: 4.9 or less reads at grade 4, 9.0-9.9 at college level (see
    ``dale_chall_grade``).
    """
    if words <= 0 or sentences <= 0:
        return None
    percent_difficult = 100 * difficult_words / words
    score = 0.1579 * percent_difficult + 0.0496 * (words / sentences)
    return score + 3.6365 if percent_difficult > 5 else score


# Dale-Chall score -> US grade, from the published table (4.9 and below: grade 4 and
# below; 5.0-5.9: 5-6; 6.0-6.9: 7-8; 7.0-7.9: 9-10; 8.0-8.9: 11-12; 9.0-9.9: 13-15;
# 10 and above: 16+), joined linearly so close scores get close grades.
_DALE_CHALL_TABLE = ((4.0, 3.0), (5.0, 5.0), (6.0, 7.0), (7.0, 9.0), (8.0, 11.0), (9.0, 13.0), (10.0, 16.0))


def dale_chall_grade(score: float | None) -> float | None:
    """A Dale-Chall score as a continuous US grade (piecewise linear through the table)."""
    if score is None:
        return None
    table = _DALE_CHALL_TABLE
    if score <= table[0][0]:
        (x0, y0), (x1, y1) = table[0], table[1]
    elif score >= table[-1][0]:
        (x0, y0), (x1, y1) = table[-2], table[-1]
    else:
        i = next(i for i in range(1, len(table)) if score <= table[i][0])
        (x0, y0), (x1, y1) = table[i - 1], table[i]
    return y0 + (score - x0) * (y1 - y0) / (x1 - x0)
