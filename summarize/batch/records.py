"""The three kinds of batch record, as plain dicts ready for JSON.

- result: ``{id, input, content_sha256, metadata, <the summarize report JSON>}``
- duplicate: ``{id, input, content_sha256, metadata, duplicate_of}``, no analysis sections:
  its text (after decoding and HTML/Markdown extraction) is identical to the earlier
  article ``duplicate_of``, whose result holds the figures.
- error: ``{id, input, error, metadata}``, no analysis sections.

``metadata`` holds the other fields of a JSONL/CSV row (an empty object for files).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from summarize.report import Report

RecordKind = Literal["ok", "duplicate", "error"]


@dataclass(frozen=True, slots=True)
class Finished:
    """One record, serialised for every writer (made in a worker where possible)."""

    id: str
    kind: RecordKind
    content_sha256: str | None
    line: str  # the JSONL line, without the newline
    row: dict[str, Any]  # the flat CSV/Parquet row


def content_hash(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def result_record(
    item_id: str, input_name: str, sha: str, metadata: dict[str, Any], report: dict[str, Any]
) -> dict[str, Any]:
    return {"id": item_id, "input": input_name, "content_sha256": sha, "metadata": metadata, **report}


def duplicate_record(
    item_id: str, input_name: str, sha: str, metadata: dict[str, Any], first_id: str
) -> dict[str, Any]:
    return {
        "id": item_id,
        "input": input_name,
        "content_sha256": sha,
        "metadata": metadata,
        "duplicate_of": first_id,
    }


def error_record(
    item_id: str, input_name: str, message: str, metadata: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {"id": item_id, "input": input_name, "error": message, "metadata": metadata or {}}


def record_kind(record: dict[str, Any]) -> RecordKind:
    if "error" in record:
        return "error"
    if "duplicate_of" in record:
        return "duplicate"
    return "ok"


def finish(record: dict[str, Any], report: Report | None = None) -> Finished:
    """``report``: the result record's report, when at hand (its flat row reads it directly)."""
    from summarize.batch.row import flat_row

    return Finished(
        id=str(record["id"]),
        kind=record_kind(record),
        content_sha256=record.get("content_sha256"),
        line=json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        row=flat_row(record, report),
    )
