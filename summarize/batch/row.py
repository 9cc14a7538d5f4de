"""The flat CSV/Parquet row of a batch record: headline figures, one fixed column set.

The columns never depend on the data, so every part file and every resumed run has
the same schema. Framing densities get one column per built-in lexicon category;
categories from user lexicons are summed into ``framing_other_per_1000`` (the full
breakdown is in the JSONL output). Fields are read defensively: an analysis that was
not run, or a report without a figure, gives an empty cell.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from summarize.framing.analysis import HEAD_CATEGORY
from summarize.framing.features import LEXICON_CATEGORIES, PATTERN_CATEGORIES

# The built-in framing categories (summarize/data/lexicons/*.yaml, the patterns of
# summarize/framing/patterns.py and the word head's HEAD_CATEGORY), fixed here so the schema
# is stable even when a run uses --lexicon-only or no framing at all. tests/batch checks them.
FRAMING_LEXICON_CATEGORIES: tuple[str, ...] = LEXICON_CATEGORIES
FRAMING_PATTERN_CATEGORIES: tuple[str, ...] = PATTERN_CATEGORIES
FRAMING_HEAD_CATEGORIES: tuple[str, ...] = (HEAD_CATEGORY,)
FRAMING_CATEGORIES = FRAMING_LEXICON_CATEGORIES + FRAMING_PATTERN_CATEGORIES + FRAMING_HEAD_CATEGORIES

HEAD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("input", "string"),
    ("status", "string"),  # ok, duplicate or error
    ("error", "string"),
    ("duplicate_of", "string"),
    ("content_sha256", "string"),
    ("title", "string"),
    ("date", "string"),
    ("words", "int64"),
    ("sentences", "int64"),
    ("summary", "string"),
    ("sentiment_score", "float64"),
    ("sentiment_label", "string"),
)
# The loaded-language measure (the bias figure; framing devices are never in it), with the
# 95% bootstrap intervals of ``framing.measure``.
FRAMING_MEASURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("framing_measure_loaded_per_1000", "float64"),
    ("framing_measure_loaded_per_1000_low", "float64"),
    ("framing_measure_loaded_per_1000_high", "float64"),
    ("framing_measure_quoted_per_1000", "float64"),
    ("framing_measure_biased_share", "float64"),
    ("framing_measure_biased_share_low", "float64"),
    ("framing_measure_biased_share_high", "float64"),
)
TAIL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("framing_other_per_1000", "float64"),
    ("readability_grade", "float64"),
    ("metadata", "string"),  # JSON object: the other fields of a JSONL/CSV input row
)


def framing_column(category: str) -> str:
    return f"framing_{category}_per_1000"


@cache
def columns() -> tuple[tuple[str, str], ...]:
    """(name, type) of every column, in order; types are Arrow type names."""
    framing = tuple((framing_column(c), "float64") for c in FRAMING_CATEGORIES)
    return HEAD_COLUMNS + framing + FRAMING_MEASURE_COLUMNS + TAIL_COLUMNS


def column_names() -> list[str]:
    return [name for name, _ in columns()]


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """The row of ``record`` (result, duplicate or error), every column present."""
    row: dict[str, Any] = dict.fromkeys(column_names())
    row["id"] = str(record.get("id"))
    row["input"] = record.get("input")
    row["metadata"] = json.dumps(record.get("metadata") or {}, ensure_ascii=False, sort_keys=True)
    row["content_sha256"] = record.get("content_sha256")
    if "error" in record:
        row["status"] = "error"
        row["error"] = str(record["error"])
        return row
    if "duplicate_of" in record:
        row["status"] = "duplicate"
        row["duplicate_of"] = str(record["duplicate_of"])
        return row
    row["status"] = "ok"
    source = _dict(record.get("source"))
    row["title"] = _str(source.get("title"))
    row["date"] = _str(source.get("date"))
    stats = _dict(record.get("stats"))
    row["words"] = _int(stats.get("words"))
    row["sentences"] = _int(stats.get("sentences"))
    row["summary"] = summary_text(record.get("summary"))
    sentiment_doc = _dict(_dict(record.get("sentiment")).get("document"))
    row["sentiment_score"] = _float(sentiment_doc.get("score"))
    row["sentiment_label"] = _str(sentiment_doc.get("label"))
    row.update(framing_densities(record.get("framing")))
    row.update(framing_measure(record.get("framing")))
    row["readability_grade"] = _float(_dict(record.get("readability")).get("consensus_grade"))
    return row


def summary_text(section: Any) -> str | None:
    sentences = _dict(section).get("sentences")
    if not isinstance(sentences, list):
        return None
    texts = [str(s.get("text", "")).strip() for s in sentences if isinstance(s, dict)]
    return " ".join(t for t in texts if t)


def framing_densities(section: Any) -> dict[str, float | None]:
    categories = _dict(_dict(section).get("categories"))
    if not categories:
        ran = isinstance(section, dict)
        # Framing ran and found nothing: every density is 0. Not run: empty cells.
        zero = 0.0 if ran else None
        return {framing_column(c): zero for c in FRAMING_CATEGORIES} | {
            "framing_other_per_1000": zero
        }
    densities: dict[str, float | None] = {framing_column(c): 0.0 for c in FRAMING_CATEGORIES}
    other = 0.0
    for name, figures in categories.items():
        value = _float(_dict(figures).get("per_1000_words")) or 0.0
        if name in FRAMING_CATEGORIES:
            densities[framing_column(name)] = value
        else:
            other += value
    densities["framing_other_per_1000"] = round(other, 4)
    return densities


def framing_measure(section: Any) -> dict[str, float | None]:
    """The loaded-language density and biased share with their intervals (empty when absent)."""
    measure = _dict(_dict(section).get("measure"))
    density = _dict(measure.get("loaded_per_1000_words"))
    share = _dict(measure.get("biased_share"))
    return {
        "framing_measure_loaded_per_1000": _float(density.get("value")),
        "framing_measure_loaded_per_1000_low": _float(density.get("low")),
        "framing_measure_loaded_per_1000_high": _float(density.get("high")),
        "framing_measure_quoted_per_1000": _float(_dict(measure.get("voices")).get("quoted_per_1000_words")),
        "framing_measure_biased_share": _float(share.get("value")),
        "framing_measure_biased_share_low": _float(share.get("low")),
        "framing_measure_biased_share_high": _float(share.get("high")),
    }


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value)


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)
