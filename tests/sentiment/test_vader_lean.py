"""The leaner VADER analyzer gives the library's scores exactly (same rules, less repeated work)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from summarize.sentiment.vader_backend import analyzer, word_valences

# Written for this test: every rule the overrides touch (negations one to three words back,
# "never so/this", "without doubt", idioms, booster bigrams, "kind of", caps, "but", "least",
# emojis, punctuation, leading and trailing spaces).
SENTENCES = [
    "The plan is not good, and it isn't bad either.",
    "It was never so good and never this bad.",
    "Without doubt the reform is a success.",
    "She said it was the kiss of death for the bill, but the vote was to die for.",
    "The result was sort of disappointing and kind of great.",
    "The mayor was VERY angry and extremely upset!!!",
    "At least it was not the least bit helpful.",
    "He was least happy about it.",
    "No, this is no good and nor great.",
    "I ❤ this city 😀, truly.",
    "  Prices rose sharply, critics said.  ",
    "Really?? Is that a bad ass idea or a badass one???",
    "It's the shit, yeah right.",
    "",
    "Yes",
    "bus stop beating heart",
]
REFERENCE = SentimentIntensityAnalyzer()  # the library's own analyzer
WORDS = [
    "not", "never", "so", "this", "without", "doubt", "kind", "of", "sort", "least", "at", "very",
    "no", "nor", "or", "but", "good", "bad", "GREAT", "terrible", "kiss", "death", "the", "shit",
    "bomb", "yeah", "right", "extremely", "isn't", "hardly", "happy", "ain't", "die", "to", "for",
    "!", "?", ":)", "😀", "Good", "BAD", "cut", "the", "city",
]  # fmt: skip


def test_the_same_scores_and_word_valences_on_written_sentences() -> None:
    lean = analyzer()
    assert type(lean) is not type(REFERENCE)
    for text in SENTENCES:
        assert lean.polarity_scores(text) == REFERENCE.polarity_scores(text), text
    assert word_valences(SENTENCES[0])  # the per-word loop runs through the overrides too


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(["", " ", ".", "!", "  "]))
def test_the_same_scores_on_any_sequence_of_rule_words(words: list[str], end: str) -> None:
    text = " ".join(words) + end
    assert analyzer().polarity_scores(text) == REFERENCE.polarity_scores(text)
