"""The flat CSV/Parquet row of a batch record: headline figures, one fixed column set.

The columns never depend on the data, so every part file and every resumed run has
the same schema. Framing densities get one column per built-in lexicon category;
categories from user lexicons are summed into ``framing_other_per_1000`` (the full
breakdown is in the JSONL output). An analysis that was not run, or a figure the
report leaves out, gives an empty cell.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

from summarize.framing.analysis import HEAD_CATEGORY
from summarize.framing.features import LEXICON_CATEGORIES, PATTERN_CATEGORIES
from summarize.framing.section import FramingSection
from summarize.jsonable import FLOAT_DIGITS
from summarize.report import Report
from summarize.summary.section import SummarySection

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
    ("framing_measure_loaded_spans_per_1000", "float64"),  # the writer's loaded spans shown
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


def flat_row(record: dict[str, Any], report: Report | None = None) -> dict[str, Any]:
    """The row of ``record`` (result, duplicate or error), every column present.

    ``report``: the result record's report when at hand (a worker has it), so it is not read
    back from the record; its figures are rounded as the record's JSON rounds them.
    """
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
    # a result record is a report plus its id fields
    row.update(report_columns(report if report is not None else Report.from_dict(record)))
    return row


def report_columns(report: Report) -> dict[str, Any]:
    """The figures of one report, by column name."""
    summary, sentiment, readability = report.summary, report.sentiment, report.readability
    return {
        "title": report.source.title,
        "date": report.source.date,
        "words": report.stats.words,
        "sentences": report.stats.sentences,
        "summary": summary_text(summary) if summary is not None else None,
        "sentiment_score": _float(sentiment.document.score) if sentiment is not None else None,
        "sentiment_label": sentiment.document.label if sentiment is not None else None,
        **framing_densities(report.framing),
        **framing_measure(report.framing),
        "readability_grade": _float(readability.consensus_grade) if readability is not None else None,
    }


def summary_text(section: SummarySection) -> str:
    texts = [s.text.strip() for s in section.sentences]
    return " ".join(t for t in texts if t)


def framing_densities(section: FramingSection | None) -> dict[str, float | None]:
    if section is None or not section.categories:
        # Framing ran and found nothing: every density is 0. Not run: empty cells.
        zero = 0.0 if section is not None else None
        return {framing_column(c): zero for c in FRAMING_CATEGORIES} | {"framing_other_per_1000": zero}
    densities: dict[str, float | None] = {framing_column(c): 0.0 for c in FRAMING_CATEGORIES}
    other = 0.0
    for name, figures in section.categories.items():
        value = _float(figures.per_1000_words) or 0.0
        if name in FRAMING_CATEGORIES:
            densities[framing_column(name)] = value
        else:
            other += value
    densities["framing_other_per_1000"] = round(other, 4)
    return densities


def framing_measure(section: FramingSection | None) -> dict[str, float | None]:
    """The loaded-language density and biased share with their intervals (empty when absent)."""
    measure = section.measure if section is not None else None
    if measure is None:
        return dict.fromkeys(name for name, _ in FRAMING_MEASURE_COLUMNS)
    density, share = measure.loaded_per_1000_words, measure.biased_share
    return {
        "framing_measure_loaded_per_1000": _float(density.value),
        "framing_measure_loaded_per_1000_low": _float(density.low),
        "framing_measure_loaded_per_1000_high": _float(density.high),
        "framing_measure_quoted_per_1000": _float(measure.voices.quoted_per_1000_words),
        "framing_measure_loaded_spans_per_1000": _float(measure.voices.writer_per_1000_words),
        "framing_measure_biased_share": _float(share.value),
        "framing_measure_biased_share_low": _float(share.low),
        "framing_measure_biased_share_high": _float(share.high),
    }


def _float(value: float | None) -> float | None:
    """A float cell, rounded as the report's JSON rounds it; the JSON writes non-finite numbers
    as null, so they are empty cells."""
    return None if value is None or not math.isfinite(value) else round(float(value), FLOAT_DIGITS)
