"""Counts come from the project's splitter and tokenizer; checked on texts counted by hand."""

from __future__ import annotations

from summarize.document import build_document
from summarize.readability.counts import count_document
from summarize.readability.figures import readability_of

ABBREVIATIONS = "The U.S. Senate met at 10 a.m. on Monday. Senators voted."


def test_abbreviations_do_not_add_sentences() -> None:
    counts = count_document(build_document(ABBREVIATIONS)).totals
    assert counts.sentences == 2  # textstat's regex sees five: "The U.", "S.", "Senate ... a.", ...
    # The U.S. Senate met at 10 a.m. on Monday = 9 words; Senators voted = 2
    assert counts.words == 11
    # The 1, U.S. 2, Senate 2, met 1, at 1, 10 1, a.m. 2, on 1, Monday 2 = 13; Senators 3, voted 2 = 5
    assert counts.syllables == 18
    # The 3, US 2, Senate 6, met 3, at 2, 10 2, am 2, on 2, Monday 6 = 28; Senators 8, voted 5 = 13
    assert counts.letters == 41
    assert counts.polysyllabic_words == 1  # Senators
    # Senate and Monday are names mid-sentence, U.S. and a.m. abbreviations, 10 a number;
    # "Senators" opens its sentence and "senator" is not on the list.
    assert counts.difficult_words == 1
    assert counts.long_words == 1  # Senators (8 letters)
    assert counts.punctuated_sentences == 2


def test_sentence_lengths_by_hand() -> None:
    figures = readability_of(build_document(ABBREVIATIONS))
    lengths = figures.sentence_lengths
    assert lengths.mean == 5.5
    assert lengths.median == 5.5
    assert [(s.index, s.words) for s in lengths.longest] == [(0, 9), (1, 2)]
    assert figures.difficult_words_share == 1 / 11


def test_headlines_are_not_sentences() -> None:
    text = "Budget News\n\nThe council met today. It approved the plan."
    counts = count_document(build_document(text)).totals
    assert counts.headings == 1
    assert counts.sentences == 2
    assert counts.words == 8  # the headline's two words are left out too


def test_list_numbers_are_not_sentences() -> None:
    text = "Read the steps.\n\n1.\n\nOpen the box. Take out the bag."
    counts = count_document(build_document(text)).totals
    assert counts.sentences == 3
    assert counts.words == 10


def test_reading_time_follows_words_per_minute() -> None:
    from summarize.readability.settings import ReadabilitySettings

    doc = build_document("The council met on Monday. " * 40)
    figures = readability_of(doc, ReadabilitySettings(words_per_minute=100))
    assert figures.counts.words == 200
    assert figures.reading_time_seconds == 120.0


def test_formulas_use_our_counts() -> None:
    from summarize.readability import formulas

    sentence = "The council met on Monday and approved the new budget for the city schools. "
    figures = readability_of(build_document(sentence * 10))
    c = figures.counts
    assert (c.words, c.sentences) == (140, 10)
    assert figures.flesch_kincaid_grade == formulas.flesch_kincaid_grade(140, 10, c.syllables)
    assert figures.coleman_liau_index == formulas.coleman_liau_index(140, 10, c.letters)
    assert figures.dale_chall_grade == formulas.dale_chall_grade(
        formulas.dale_chall_score(140, 10, c.difficult_words)
    )
