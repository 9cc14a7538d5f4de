"""The report: what ``analyze`` returns and every renderer reads.

``SCHEMA_VERSION`` follows semantic versioning: a new field is a minor bump, a
renamed or removed field a major one. ``docs/json-schema.md`` documents it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypeVar

from summarize.document import Document, Paragraph, Sentence, Source, Token
from summarize.errors import InputError
from summarize.framing.section import FramingSection
from summarize.jsonable import JSONValue, ShapeError, from_jsonable, to_jsonable
from summarize.readability.analysis import ReadabilitySection
from summarize.sections import SECTIONS
from summarize.sentiment.section import SentimentSection
from summarize.summary.section import SummarySection

SCHEMA_VERSION = "1.0.0"
Section: TypeAlias = SummarySection | SentimentSection | FramingSection | ReadabilitySection
_S = TypeVar("_S")


@dataclass(frozen=True, slots=True)
class Sections:
    """One document's sections by name, typed (``Context.sections``: what an analysis reads of the
    ones before it); None where the analysis did not run or was not declared."""

    summary: SummarySection | None = None
    sentiment: SentimentSection | None = None
    framing: FramingSection | None = None
    readability: ReadabilitySection | None = None

    @classmethod
    def of(cls, results: dict[str, object]) -> Sections:
        """From the analyses' results by name, each checked to be its section's type."""
        return cls(
            summary=_typed(results, "summary", SummarySection),
            sentiment=_typed(results, "sentiment", SentimentSection),
            framing=_typed(results, "framing", FramingSection),
            readability=_typed(results, "readability", ReadabilitySection),
        )


def _typed(results: dict[str, object], name: str, kind: type[_S]) -> _S | None:
    value = results.get(name)
    if value is None or isinstance(value, kind):
        return value
    raise TypeError(f"the {name} analysis returned a {type(value).__name__}, not a {kind.__name__}")


class ReportFormatError(InputError):
    """A JSON report that does not have the shape of a ``summarize`` report."""


class SchemaVersionError(ReportFormatError):
    """A JSON report written under another major schema version."""


@dataclass(frozen=True, slots=True)
class SourceInfo:
    kind: str
    location: str | None
    title: str | None
    date: str | None
    author: str | None
    encoding: str | None
    content_type: str | None


@dataclass(frozen=True, slots=True)
class Stats:
    characters: int
    words: int
    sentences: int
    paragraphs: int
    model_tokens: dict[str, int]


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    index: int
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class ModelUse:
    job: str
    id: str
    source: str


@dataclass(slots=True)
class Provenance:
    package_version: str
    models: list[ModelUse]
    settings: dict[str, JSONValue]  # the Settings of the run, as JSON
    timings: dict[str, float]  # seconds per stage
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    schema_version: str
    source: SourceInfo
    stats: Stats
    sentences: list[SentenceInfo]
    summary: SummarySection | None
    sentiment: SentimentSection | None
    framing: FramingSection | None
    readability: ReadabilitySection | None
    provenance: Provenance
    document: Document = field(repr=False, metadata={"json": False})

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        return data

    @classmethod
    def from_dict(cls, data: object, document: Document | None = None) -> Report:
        """Read a report's JSON form (``to_dict``) back into the typed sections.

        Any 1.x report is read (fields added since are left at their defaults, unknown
        ones ignored). Without ``document``, one is rebuilt from the report's sentences:
        each at its offset, the gaps blank, so every offset in the sections stays valid.
        """
        if not isinstance(data, dict):
            raise ReportFormatError("not a summarize report: expected a JSON object")
        check_schema_version(data.get("schema_version"))
        try:
            if document is None:
                document = document_from_dict(data)
            return from_jsonable(cls, data, document=document)
        except ShapeError as error:
            raise ReportFormatError(f"not a summarize report: {error}") from None

    @classmethod
    def from_json(cls, text: str | bytes, document: Document | None = None) -> Report:
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ReportFormatError(f"not a summarize report: invalid JSON ({error})") from None
        return cls.from_dict(data, document)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def section(self, name: str) -> Section | None:
        if name not in SECTIONS:
            raise KeyError(name)
        section: Section | None = getattr(self, name)
        return section


def check_schema_version(found: object) -> None:
    """Accept reports of the supported major version; refuse others, naming both versions."""
    supported = SCHEMA_VERSION.split(".")[0]
    if not isinstance(found, str) or found.split(".")[0] != supported:
        raise SchemaVersionError(
            f"this report has schema_version {found!r}; this summarize reads schema {supported}.x "
            f"(it writes {SCHEMA_VERSION}). Re-run the analysis with this version to get a report it can read"
        )


def document_from_dict(data: dict[str, Any], text: str | None = None) -> Document:
    """The Document behind a JSON report: its sentences at their offsets, tokens re-read.

    ``text`` is the article when known; otherwise each sentence is put at its offset and
    the gaps are blank. Paragraphs span their sentences.
    """
    from summarize.text.words import tokenize

    raw = data.get("sentences") or []
    sentences = tuple(from_jsonable(Sentence, s, f"sentences[{i}]") for i, s in enumerate(raw))
    if text is None:
        text = _text_at_offsets(sentences)
    tokens = tuple(
        Token(tok, start, end, s.index, is_word)
        for s in sentences
        for tok, start, end, is_word in tokenize(text, s.start, s.end)
    )
    source = from_jsonable(Source, data.get("source") or {"kind": "text"}, "source")
    return Document(text, sentences, tokens, _paragraphs(sentences, len(text)), source)


def _text_at_offsets(sentences: tuple[Sentence, ...]) -> str:
    chars = [" "] * max((s.end for s in sentences), default=0)
    for s in sentences:
        if s.start + len(s.text) <= len(chars):
            chars[s.start : s.start + len(s.text)] = s.text
    return "".join(chars)


def _paragraphs(sentences: tuple[Sentence, ...], length: int) -> tuple[Paragraph, ...]:
    bounds: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = bounds.get(s.paragraph, (s.start, s.end))
        bounds[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    if not bounds:
        return (Paragraph(0, 0, length),) if length else ()
    return tuple(Paragraph(k, *bounds[k]) for k in range(max(bounds) + 1) if k in bounds)
