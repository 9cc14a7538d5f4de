"""The report: what ``analyze`` returns and every renderer reads.

``SCHEMA_VERSION`` follows semantic versioning: a new field is a minor bump, a
renamed or removed field a major one. ``docs/json-schema.md`` documents it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from summarize.document import Document
from summarize.jsonable import to_jsonable

SCHEMA_VERSION = "1.0.0"
SECTIONS = ("summary", "sentiment", "framing", "readability")


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
    settings: dict[str, Any]
    timings: dict[str, float]  # seconds per stage
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    schema_version: str
    source: SourceInfo
    stats: Stats
    sentences: list[SentenceInfo]
    summary: Any | None
    sentiment: Any | None
    framing: Any | None
    readability: Any | None
    provenance: Provenance
    document: Document = field(repr=False, metadata={"json": False})

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def section(self, name: str) -> Any:
        if name not in SECTIONS:
            raise KeyError(name)
        return getattr(self, name)
