"""Word tokens with offsets: news units stay whole, punctuation is kept but marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.text.words import tokenize, words

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def tokens(text: str) -> list[str]:
    return [tok for tok, _, _, _ in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Senate voted.", ["The", "U.S.", "Senate", "voted", "."]),
        ("At 4:30 a.m. in Washington, D.C.", ["At", "4:30", "a.m.", "in", "Washington", ",", "D.C."]),
        ("She holds a Ph.D. in physics.", ["She", "holds", "a", "Ph.D.", "in", "physics", "."]),
        ("A cease-fire took hold.", ["A", "cease-fire", "took", "hold", "."]),
        ("Xi’s visit and Xi's speech.", ["Xi’s", "visit", "and", "Xi's", "speech", "."]),
        ("They don't know.", ["They", "don't", "know", "."]),
        ("Mayor O'Brien spoke.", ["Mayor", "O'Brien", "spoke", "."]),
        ("It raised $4.5 billion.", ["It", "raised", "$4.5", "billion", "."]),
        ("Sales rose 12% to €1,200.50.", ["Sales", "rose", "12%", "to", "€1,200.50", "."]),
        ("Prices fell 3.5%, then 0.25%.", ["Prices", "fell", "3.5%", ",", "then", "0.25%", "."]),
        ("The 1990s and the 22nd floor.", ["The", "1990s", "and", "the", "22nd", "floor", "."]),
        ("A 19-year-old scored in a 2-1 win.", ["A", "19-year-old", "scored", "in", "a", "2-1", "win", "."]),
        ("The Halo-3 chip and COVID-19 rules.", ["The", "Halo-3", "chip", "and", "COVID-19", "rules", "."]),
        ("Fares—already high—rose.", ["Fares", "—", "already", "high", "—", "rose", "."]),
        ("“Why?” he asked.", ["“", "Why", "?", "”", "he", "asked", "."]),
        ("Visit lumenarc.com today.", ["Visit", "lumenarc.com", "today", "."]),
        ("Kraków and Zürich agreed.", ["Kraków", "and", "Zürich", "agreed", "."]),
    ],
)
def test_news_units_stay_whole(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and China agreed a cease-fire on Dec. 19 at 10 a.m.",
        "“We won’t,” said Xi’s aide; shares fell 12% to $4.50 (about €4.1).",
        "  leading and trailing space \n\n and a second paragraph.  ",
        "",
    ],
)
def test_offsets_index_the_original_text(text: str) -> None:
    previous_end = 0
    for token, start, end, _ in tokenize(text):
        assert text[start:end] == token
        assert previous_end <= start
        assert not text[previous_end:start].strip(), "a character was dropped between tokens"
        previous_end = end
    assert not text[previous_end:].strip()


def test_offsets_are_absolute_within_a_slice() -> None:
    text = "Skip this. The U.S. vote. Skip that."
    start = text.index("The")
    end = text.index(" Skip that")
    result = list(tokenize(text, start, end))
    assert [tok for tok, _, _, _ in result] == ["The", "U.S.", "vote", "."]
    assert all(text[s:e] == tok for tok, s, e, _ in result)
    assert result[0][1] == start


def test_punctuation_is_not_a_word() -> None:
    flags = {tok: is_word for tok, _, _, is_word in tokenize('He said: "No — 12% of $4.5, U.S." (a.m.)')}
    assert flags["He"] and flags["12%"] and flags["$4.5"] and flags["U.S."] and flags["a.m."]
    assert not flags[":"] and not flags['"'] and not flags["—"] and not flags["("]


def test_words_drops_punctuation() -> None:
    assert words("Hello, world! It's 5 p.m.") == ["Hello", "world", "It's", "5", "p.m."]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_sample_word_counts_match_white_space_words(path: Path) -> None:
    """Tokens that count as words track white-space words closely on real news prose."""
    text = path.read_text(encoding="utf-8")
    counted = len(words(text))
    spaced = sum(1 for chunk in text.split() if any(ch.isalnum() for ch in chunk))
    assert abs(counted - spaced) <= 0.03 * spaced
