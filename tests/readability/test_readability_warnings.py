"""A warning instead of a misleading number: short texts, few sentences, no punctuation."""

from __future__ import annotations

from summarize.document import build_document
from summarize.readability.figures import GRADE_INDICES, readability_of

SENTENCE = "The council met on Monday and approved the new budget for the city schools. "  # 14 words


def _indices(figures: object) -> list[float | None]:
    names = ("flesch_reading_ease", "dale_chall_score", *GRADE_INDICES)
    return [getattr(figures, name) for name in names]


def test_short_text_gets_a_warning_not_a_grade() -> None:
    figures = readability_of(build_document(SENTENCE * 4))  # 56 words
    assert figures.counts.words == 56
    assert all(value is None for value in _indices(figures))
    assert figures.consensus_grade is None and figures.grade_band is None
    assert any("56 words is too short" in w for w in figures.warnings)
    # Descriptive figures stay: they do not pretend to be a grade.
    assert figures.sentence_lengths.mean == 14.0
    assert figures.reading_time_seconds > 0


def test_smog_needs_thirty_sentences() -> None:
    short = readability_of(build_document(SENTENCE * 10))  # 140 words, 10 sentences
    assert short.smog_index is None
    assert short.flesch_kincaid_grade is not None and short.consensus_grade is not None
    assert any("SMOG needs at least 30 sentences (this text has 10)" in w for w in short.warnings)

    long = readability_of(build_document(SENTENCE * 30))
    assert long.smog_index is not None
    assert long.warnings == []


def test_no_sentence_punctuation_withholds_the_formulas() -> None:
    text = " ".join(["the council met on monday and approved the new budget"] * 12)  # 120 words
    figures = readability_of(build_document(text))
    assert figures.counts.words == 120
    assert all(value is None for value in _indices(figures))
    assert any("no sentence punctuation" in w for w in figures.warnings)


def test_mostly_unpunctuated_lines_are_flagged() -> None:
    lines = ["The council met on Monday and approved the new budget for the city schools again"] * 8
    text = "\n\n".join([*lines, SENTENCE.strip()])
    figures = readability_of(build_document(text))
    assert any("only 1 of 9 sentences end in" in w for w in figures.warnings)


def test_empty_text() -> None:
    figures = readability_of(build_document(""))
    assert figures.counts.words == 0
    assert figures.consensus_grade is None
    assert figures.warnings == ["no words to measure; readability withheld"]
