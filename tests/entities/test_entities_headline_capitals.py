"""Headline capitals do not glue words onto a name (issue 18: "Colin Kaepernick Raised").

A Title-Case headline or sentence that ends with a full stop is read as running text, so its
capitalised verbs used to run into the name before them. Written for these tests.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.document import build_document
from summarize.entities import Actor, find_actors

_BODY = "\n\nColin Kaepernick knelt during the anthem on Sunday. Kaepernick said he would keep protesting."


def _actors(text: str) -> list[Actor]:
    return find_actors(build_document(text))


def _holding(actors: list[Actor], word: str) -> list[Actor]:
    return [a for a in actors if any(word in form for form in a.aliases)]


@pytest.mark.parametrize(
    "headline",
    [
        "Colin Kaepernick Raised His Fist.",
        "Colin Kaepernick Raised a Fist.",
        "Colin Kaepernick Raised the Bar.",
        "Colin Kaepernick Raised $1 Million.",
        "Colin Kaepernick Raised Money.",
        "Why Colin Kaepernick Raised His Fist?",
        "Colin Kaepernick Raised His Fist During the Anthem.",
        'Colin Kaepernick Raised Fist "Proudly"',
        "Colin Kaepernick Raised His Fist",  # unterminated: a headline, read the headline way already
    ],
)
def test_a_title_case_headline_does_not_glue_words_onto_the_name(headline: str) -> None:
    actors = _actors(headline + _BODY)
    holding = _holding(actors, "Kaepernick")
    assert [a.name for a in holding] == ["Colin Kaepernick"]
    person = holding[0]
    assert person.kind == "person"
    assert set(person.aliases) == {"Colin Kaepernick", "Kaepernick"}
    # The headline's mention joins the body's two.
    assert person.count == 3
    assert person.mentions[0].start == headline.index("Colin")


def test_organisation_named_after_a_person_stays_whole_in_a_title_case_sentence() -> None:
    actors = _actors(
        "Barack Obama Foundation Opens Library.\n\nBarack Obama spoke at the opening on Monday. "
        "The Barack Obama Foundation said the center would open to the public. Obama thanked donors."
    )
    names = {a.name: a for a in actors}
    assert names["Barack Obama Foundation"].kind == "organisation"
    assert names["Barack Obama Foundation"].count == 2
    assert names["Barack Obama"].kind == "person"
    assert names["Barack Obama"].count == 2


def test_running_text_full_of_names_is_unchanged() -> None:
    # A terminated sentence of names is no headline: both people are read as written.
    actors = _actors("Angela Merkel met Emmanuel Macron in Paris. Merkel said the talks went well.")
    names = {a.name for a in actors}
    assert {"Angela Merkel", "Emmanuel Macron"} <= names


# Headline words: Latin letters that stay one word token when title-cased (combining marks split a
# token, and a two-word sentence of short words is not Title Case); "Jr"/"Sr" would rightly make
# another person's name.
_WORD = st.text(alphabet=string.ascii_letters + "éèüöñçåø", min_size=1, max_size=10)
_TITLE_WORD = _WORD.map(str.title).filter(lambda w: w not in ("Jr", "Sr") and "Kaepernick" not in w)
_TITLE_WORDS = st.lists(_TITLE_WORD, min_size=1, max_size=5)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(_TITLE_WORD, max_size=2), after=_TITLE_WORDS, end=st.sampled_from([".", "!", "?", ""]))
def test_headline_words_around_a_known_name_never_make_a_second_actor(
    before: list[str], after: list[str], end: str
) -> None:
    headline = " ".join([*before, "Colin Kaepernick", *after]) + end
    actors = _actors(headline + _BODY)
    doc_length = len(headline + _BODY)
    for actor in actors:
        for m in actor.mentions:
            assert 0 <= m.start < m.end <= doc_length
    people = [a for a in actors if "Colin Kaepernick" in a.aliases]
    assert len(people) == 1
    # No other person (or undecided name) carries the name glued to headline words; an organisation
    # named after him ("Colin Kaepernick Foundation") may.
    glued = [
        a.name
        for a in actors
        if a is not people[0] and "Kaepernick" in a.name and a.kind in ("person", "other")
    ]
    assert glued == [], (headline, glued)


_ODD_SENTENCES = st.lists(
    st.one_of(
        st.just(""),
        st.text(alphabet=st.characters(categories=["P", "S"]), max_size=6),
        _TITLE_WORDS.map(" ".join),
        _TITLE_WORDS.map(lambda words: " ".join(words).upper()),
        st.text(max_size=40),
    ),
    max_size=8,
).map(lambda sentences: ". ".join(sentences))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ODD_SENTENCES)
def test_find_actors_never_crashes_on_odd_title_case_texts(text: str) -> None:
    doc = build_document(text)
    for actor in find_actors(doc):
        assert actor.mentions
        assert all(0 <= m.start < m.end <= len(doc.text) for m in actor.mentions)
