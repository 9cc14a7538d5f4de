"""Finding framing spans: lexicon matches and patterns, with quoted speech attributed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarize.document import Document
from summarize.framing.features import SimpleSpan
from summarize.framing.layers import in_context, layer_of
from summarize.framing.lexicon import Lexicon
from summarize.framing.matcher import LexiconIndex, find_all_matches, resolve_overlaps
from summarize.framing.patterns import find_patterns
from summarize.framing.quotes import Quote, find_quotes, quote_at
from summarize.framing.section import FramingSpan

# Quotes longer than this are speech; shorter ones may be scare quotes.
_SPEECH_MIN_WORDS = 4

_INDEXES: dict[int, tuple[Lexicon, LexiconIndex]] = {}


def lexicon_index(lexicon: Lexicon) -> LexiconIndex:
    cached = _INDEXES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, LexiconIndex(lexicon))
        _INDEXES[id(lexicon)] = cached
    return cached[1]


@dataclass(frozen=True)
class Detection:
    spans: list[FramingSpan]
    quotes: list[Quote]


def speech_of(quote: Quote | None) -> Quote | None:
    """Only real speech moves framing into the speaker's voice, not a scare-quoted word."""
    if quote is None:
        return None
    if quote.speaker is not None or quote.words >= _SPEECH_MIN_WORDS:
        return quote
    return None


def detect_spans(
    doc: Document, lexicon: Lexicon, quotes: list[Quote] | None = None, *, context_rules: bool = True
) -> Detection:
    """Non-overlapping framing spans (longest wins), each marked as the writer's or a speaker's.

    ``context_rules`` drops matches their sentence shows are not what they look like ("May"
    the month, neutral "according to", hedges of someone else's claim: ``layers.keep_in_context``).
    The trained heads read the matches before those rules (the features they were trained on).
    """

    quotes = find_quotes(doc) if quotes is None else quotes
    matches = resolve_overlaps(find_all_matches(doc, lexicon_index(lexicon)))
    candidates = [
        _span(
            doc,
            quotes,
            m.start,
            m.end,
            m.entry.category,
            m.entry.explanation,
            m.entry.alternative,
            term=m.entry.term,
            weight=m.entry.weight,
            source="lexicon",
        )
        for m in matches
    ]
    candidates += [
        _span(
            doc,
            quotes,
            p.start,
            p.end,
            p.category,
            p.explanation,
            p.alternative,
            term=p.category.replace("_", " "),
            weight=p.weight,
            source="pattern",
        )
        for p in find_patterns(doc, quotes)
    ]
    if context_rules:
        candidates = in_context(doc, candidates)
    return Detection(spans=non_overlapping(candidates), quotes=quotes)


def _span(
    doc: Document,
    quotes: list[Quote],
    start: int,
    end: int,
    category: str,
    explanation: str,
    alternative: str | None,
    *,
    term: str,
    weight: float,
    source: str,
) -> FramingSpan:
    """A span marked as the writer's own words or as quoted speech (with its speaker)."""
    speech = speech_of(quote_at(quotes, start, end))
    return FramingSpan(
        start=start,
        end=end,
        text=doc.text[start:end],
        category=category,
        explanation=explanation,
        alternative=alternative,
        in_quote=speech is not None,
        speaker=speech.speaker if speech else None,
        term=term,
        weight=weight,
        score=None,
        source=source,
        layer=layer_of(category),
    )


def non_overlapping(spans: Sequence[FramingSpan]) -> list[FramingSpan]:
    """Longest (characters) first, then heavier, then earlier; overlapping ones dropped."""
    taken: list[FramingSpan] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), -s.weight, s.start)):
        if any(span.start < t.end and t.start < span.end for t in taken):
            continue
        taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def simple_spans(spans: Sequence[FramingSpan]) -> list[SimpleSpan]:
    return [SimpleSpan(s.start, s.end, s.category, s.weight) for s in spans]
