"""Typed reports built by hand around a real Document, for renderer and batch tests that need no model.

Every section is the real dataclass the analysis returns, so a renamed field breaks these
builders (and the tests using them) instead of leaving a renderer to guess.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from summarize.document import Document, Source, build_document
from summarize.framing import section as framing
from summarize.framing.section import CategoryStat, FramingSection, FramingSpan, QuoteInfo
from summarize.readability.analysis import ReadabilitySection
from summarize.readability.figures import ReadabilityFigures, readability_of
from summarize.report import SCHEMA_VERSION, Provenance, Report, SentenceInfo, SourceInfo, Stats
from summarize.sentiment import section as sentiment
from summarize.sentiment.section import ActorEvidence, ActorSentiment, Contribution, SentimentSection
from summarize.summary.section import Flag, ModelInfo, SummarySection, SummarySentence

ARTICLE = (
    "Regime Forces Clear the Square\n\n"
    "The regime launched an unprovoked assault on the camp at dawn, witnesses said. "
    "Police claimed the camp was a hazard.\n\n"
    '"We were asleep when they came and nobody warned us," said Ana Lis, a teacher. '
    "The ministry has yet to comment on the 63 injuries.\n\n"
    "Officials said the square reopened to traffic by noon."
)


def span(text: str, term: str, category: str, **extra: Any) -> FramingSpan:
    start = text.index(term)
    fields: dict[str, Any] = {
        "explanation": f"{category} explanation",
        "alternative": "a neutral word",
        "in_quote": False,
        "speaker": None,
        "term": term,
        "weight": 1.0,
        "score": None,
        "source": "lexicon",
    } | extra
    return FramingSpan(start=start, end=start + len(term), text=term, category=category, **fields)


def framing_section(doc: Document, spans: list[FramingSpan] | None = None, **extra: Any) -> FramingSection:
    text, n = doc.text, len(doc.sentences)
    if spans is None:
        spans = [
            span(text, "unprovoked assault", "loaded"),
            span(text, "regime", "actor_label"),
            span(text, "claimed", "attribution", layer="device"),
            span(text, "has yet to", "presupposition", layer="device"),
        ]
    labels = {
        "loaded": "Loaded and emotive terms",
        "actor_label": "Labels for actors",
        "attribution": "Stance-bearing attribution verbs",
        "presupposition": "Presupposition markers",
    }
    categories = {
        s.category: CategoryStat(labels.get(s.category, s.category), 1, 18.2, int(s.in_quote), s.layer)
        for s in spans
    }
    speech = '"We were asleep when they came and nobody warned us,"'
    at = text.find(speech)
    quotes = [QuoteInfo(at, at + len(speech), "Ana Lis", 10)] if at >= 0 else []
    fields: dict[str, Any] = {
        "spans": spans,
        "categories": categories,
        "sentences": [framing.SentenceScore(i, 0.1 + 0.7 * (i == 1), i == 1, int(i == 1)) for i in range(n)],
        "document": framing.DocumentScore(0.31, 1 / n),
        "quotes": quotes,
        "threshold": 0.5,
        "scorer": "lexicon",
    } | extra
    return FramingSection(**fields)


def summary_section(doc: Document, **extra: Any) -> SummarySection:
    fields: dict[str, Any] = {
        "method": "extractive",
        "model": ModelInfo("all-MiniLM-L6-v2", "package"),
        "chunks": 1,
        "length": "2 sentences",
        "sentences": [
            SummarySentence(doc.sentences[1].text, [1], 1.0),
            SummarySentence("Some 99 people were hurt.", [4], 0.5, [Flag("number", "99")]),
        ],
        "supported_by_construction": False,
    } | extra
    return SummarySection(**fields)


def sentiment_section(doc: Document, **extra: Any) -> SentimentSection:
    text, n = doc.text, len(doc.sentences)
    start = text.find("assault")
    sentence = doc.sentence_at(start) or 0
    assault = Contribution("assault", start, start + len("assault"), -0.6, sentence, "lexicon")
    fields: dict[str, Any] = {
        "backend": "vader",
        "model": "vader",
        "document": sentiment.DocumentScore(-0.35, "negative"),
        "sentences": tuple(sentiment.SentenceScore(i, (-1) ** i * 0.1 * i, "neutral", ()) for i in range(n)),
        "actors": (
            ActorSentiment("Ana Lis", "person", ("Lis",), 1, -0.2, "negative", (ActorEvidence(3, -0.2, ()),)),
        ),
        "contributions": (assault,),
        "neutral_band": 0.05,
        "explanation": "VADER valence of each word",
        "pushed_up": (),
        "pushed_down": (assault,),
    } | extra
    return SentimentSection(**fields)


def readability_section(doc: Document, summary: Document | None = None) -> ReadabilitySection:
    """Real figures of ``doc``, with the grades of a longer article (the formulas withhold them
    for a text this short), so every part of the section has something to show."""
    figures = dataclasses.replace(
        readability_of(doc),
        flesch_kincaid_grade=9.1,
        consensus_grade=9.4,
        grade_band="grade 9-10, high school",
        reading_time_seconds=20.0,
        long_words_share=0.2,
        warnings=["SMOG needs at least 30 sentences"],
    )
    short = None
    if summary is not None:
        short = dataclasses.replace(readability_of(summary), flesch_kincaid_grade=7.0, consensus_grade=7.2)
    return ReadabilitySection(
        **{f.name: getattr(figures, f.name) for f in dataclasses.fields(ReadabilityFigures)}, summary=short
    )


def make_report(
    text: str = ARTICLE, *, title: str | None = "Square cleared", sections: bool = True, **overrides: Any
) -> Report:
    """A report of ``text`` with every section (none with ``sections=False``).

    ``overrides`` replace sections: a section, None, or a function of the Document making one.
    """
    doc = build_document(text, Source(kind="text", title=title))
    builders: dict[str, Any] = {
        "summary": summary_section,
        "sentiment": sentiment_section,
        "framing": framing_section,
        "readability": lambda d: readability_section(d, build_document("The camp was cleared. It is calm.")),
    } | overrides
    chosen = {k: v for k, v in builders.items() if sections or k in overrides}
    parts = {k: (v(doc) if callable(v) else v) for k, v in chosen.items()}
    return Report(
        schema_version=SCHEMA_VERSION,
        summary=parts.get("summary"),
        sentiment=parts.get("sentiment"),
        framing=parts.get("framing"),
        readability=parts.get("readability"),
        source=SourceInfo(**dataclasses.asdict(doc.source)),
        stats=Stats(len(text), doc.word_count, len(doc.sentences), len(doc.paragraphs), {}),
        sentences=[SentenceInfo(s.index, s.text, s.start, s.end, s.paragraph) for s in doc.sentences],
        provenance=Provenance("0.1.0", [], {}, {"read": 0.01}, ["a <b>warning</b>"]),
        document=doc,
    )


