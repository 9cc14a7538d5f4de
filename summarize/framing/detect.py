"""Finding framing spans: lexicon matches and patterns, with quoted speech attributed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarize.document import Document
from summarize.framing.features import SimpleSpan
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


def detect_spans(doc: Document, lexicon: Lexicon, quotes: list[Quote] | None = None) -> Detection:
    """Non-overlapping framing spans (longest wins), each marked as the writer's or a speaker's."""
    quotes = find_quotes(doc) if quotes is None else quotes
    matches = resolve_overlaps(find_all_matches(doc, lexicon_index(lexicon)))
    candidates: list[FramingSpan] = []
    for match in matches:
        speech = speech_of(quote_at(quotes, match.start, match.end))
        entry = match.entry
        candidates.append(
            FramingSpan(
                start=match.start,
                end=match.end,
                text=doc.text[match.start : match.end],
                category=entry.category,
                explanation=entry.explanation,
                alternative=entry.alternative,
                in_quote=speech is not None,
                speaker=speech.speaker if speech else None,
                term=entry.term,
                weight=entry.weight,
                score=None,
                source="lexicon",
            )
        )
    for pattern in find_patterns(doc, quotes):
        speech = speech_of(quote_at(quotes, pattern.start, pattern.end))
        candidates.append(
            FramingSpan(
                start=pattern.start,
                end=pattern.end,
                text=doc.text[pattern.start : pattern.end],
                category=pattern.category,
                explanation=pattern.explanation,
                alternative=pattern.alternative,
                in_quote=speech is not None,
                speaker=speech.speaker if speech else None,
                term=pattern.category.replace("_", " "),
                weight=pattern.weight,
                score=None,
                source="pattern",
            )
        )
    return Detection(spans=non_overlapping(candidates), quotes=quotes)


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
