"""No input crashes actor recognition or the per-actor sentiment path (property-based)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.document import build_document
from summarize.entities import find_actors
from summarize.pipeline import analyze
from summarize.sentiment.settings import SentimentSettings
from summarize.settings import Settings

_PIECES = st.sampled_from(
    [
        "",
        "\n",
        "\n\n",
        "* * *",
        "—",
        "...",
        "!!!",
        "“”",
        "'s",
        "’",
        "-",
        "&",
        "Mr.",
        "Mr. Aquino",
        "Benigno Aquino III",
        "COLIN KAEPERNICK RAISED HIS FIST",
        "Colin Kaepernick Raised",
        "Kaepernick’s",
        "The Ministry of Foreign Affairs said.",
        "Xi Jinping",
        "Zürich",
        "東京",
        "naïve café",
        "🙂",
        "x" * 300,
        "A" * 120,
        "Said Said Said",
        "in",
        "of",
        "U.S.",
        "St.",
        "May",
        "1,500",
        "\t",
    ]
)
_ODD_TEXTS = st.one_of(
    st.lists(_PIECES, max_size=12).map(" ".join),
    st.lists(_PIECES, max_size=12).map("\n".join),
    st.text(max_size=200),
    st.text(alphabet=st.characters(categories=["P", "S", "Zs", "Cc"]), max_size=80),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ODD_TEXTS)
def test_find_actors_never_crashes(text: str) -> None:
    doc = build_document(text)
    for actor in find_actors(doc):
        assert actor.mentions
        for m in actor.mentions:
            assert 0 <= m.start < m.end <= len(doc.text)
            assert 0 <= m.sentence < len(doc.sentences)


@pytest.mark.parametrize(
    "text",
    ["* * *\n\nJohn Smith said.\n\n—\n\n", "...\n!!!\n", "ÉMILE ZOLA’S\n\n\n", "Mr.", "’s"],
)
def test_token_less_sentences_do_not_crash(text: str) -> None:
    find_actors(build_document(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ODD_TEXTS.filter(lambda t: t.strip() != ""))
def test_actor_sentiment_never_crashes(text: str) -> None:
    report = analyze(
        text,
        Settings(
            analyses=("sentiment",), sentiment=SentimentSettings(backend="vader"), count_model_tokens=False
        ),
    )
    for actor in report.sentiment.actors:
        assert -1 <= actor.score <= 1
        assert all(0 <= e.sentence < len(report.sentences) for e in actor.evidence)
