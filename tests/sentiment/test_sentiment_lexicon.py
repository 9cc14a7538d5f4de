"""VADER scores and the word valences used as explanations."""

from __future__ import annotations

import pytest

from summarize.sentiment.vader_backend import compound_scores, word_valences


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The rescue was a wonderful success and everyone was delighted.", 1),
        ("The attack was a horrible disaster that killed dozens.", -1),
    ],
)
def test_plain_sentences_get_the_right_sign(text: str, sign: int) -> None:
    (score,) = compound_scores([text])
    assert score * sign > 0.3


def test_valences_point_at_the_words_of_the_text() -> None:
    text = "Critics called the deal a shameful failure, but voters loved it."
    offset = 100
    valences = word_valences(text, offset)
    assert {v.text for v in valences} >= {"shameful", "failure", "loved"}
    for v in valences:
        assert text[v.start - offset : v.end - offset] == v.text
        assert -1 < v.weight < 1


def test_negation_flips_the_word_as_vader_does() -> None:
    (good,) = [v for v in word_valences("The plan is good.") if v.text == "good"]
    (not_good,) = [v for v in word_valences("The plan is not good.") if v.text == "good"]
    assert good.valence > 0 > not_good.valence


def test_but_shifts_weight_to_the_second_clause() -> None:
    before = {v.text: v.valence for v in word_valences("The food was great.")}
    after = {v.text: v.valence for v in word_valences("The food was great, but the service was awful.")}
    assert abs(after["great"]) < abs(before["great"])


def test_neutral_text_has_no_valences() -> None:
    assert word_valences("The committee meets on Tuesday at noon.") == []


def test_compound_scores_skip_vader_only_where_it_would_say_zero() -> None:
    """Texts without a lexicon word (or emoji) are 0 without running VADER; the rest run it."""
    from summarize.sentiment.vader_backend import analyzer, compound_scores, scores_zero

    # Written for this test: no lexicon word; lexicon words with rules around them; an emoji.
    texts = [
        "The council met on Tuesday in the town hall.",
        "The plan was not very good, but the vote was a triumph!!",
        "Nobody expected the kind of welcome they got",
        "They met at 9:30 ❤",
        "",
        ":)",
    ]
    sia = analyzer()
    assert compound_scores(texts) == [float(sia.polarity_scores(t)["compound"]) for t in texts]
    assert [scores_zero(t) for t in texts] == [True, False, False, False, True, False]
