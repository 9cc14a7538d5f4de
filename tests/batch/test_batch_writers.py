"""Result writers: schemas, resume state, and torn records cut off after a kill."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from summarize.batch.records import duplicate_record, error_record, finish, result_record
from summarize.batch.row import FRAMING_CATEGORIES, column_names, framing_column
from summarize.batch.writers import JOURNAL, open_writer
from summarize.errors import OutputError, UsageError
from summarize.framing.section import CategoryStat
from summarize.summary.section import SummarySentence
from tests.typed_reports import make_report


def _report(words: int, label: str, title: str = "T") -> dict:
    """A typed report's JSON form, with the figures the flat row reads set."""
    report = make_report(title=title)
    sentiment = report.sentiment
    framing = report.framing
    assert sentiment is not None and framing is not None and report.readability is not None
    report = dataclasses.replace(
        report,
        stats=dataclasses.replace(report.stats, words=words),
        summary=dataclasses.replace(
            report.summary,
            sentences=[SummarySentence("First.", [0], 1.0), SummarySentence("Second.", [1], 1.0)],
        ),
        sentiment=dataclasses.replace(sentiment, document=dataclasses.replace(sentiment.document, label=label,
                                                                              score=-0.25)),
        framing=dataclasses.replace(framing, categories={
            "hedge": CategoryStat("Hedges", 2, 12.5, 0), "my_own": CategoryStat("Mine", 1, 4.0, 0)}),
        readability=dataclasses.replace(report.readability, consensus_grade=9.5),
    )
    return report.to_dict()


def _records() -> list:
    return [
        finish(result_record("a", "a.txt", "h1", {}, _report(120, "negative"))),
        finish(duplicate_record("b", "b.txt", "h1", {"k": 1}, "a")),
        finish(error_record("c", "c.txt", "c.txt: is empty")),
        finish(result_record(
            "d", "rows.csv:1", "h2", {"outlet": "X\r\nY"}, _report(80, "neutral", "Two\r\nlines")
        )),
    ]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_reopening_restores_ids_errors_and_content_hashes(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"results{suffix}"
    writer = open_writer(out, row_group_rows=3)
    for record in _records():
        writer.write(record)
    writer.close()
    existing = open_writer(out).existing
    assert existing.ids == {"a", "b", "c", "d"}
    assert existing.error_ids == {"c"}
    assert existing.hashes == {"h1": "a", "h2": "d"}
    assert not existing.repaired


def test_csv_schema_and_flat_row_figures(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    writer = open_writer(out)
    for record in _records():
        writer.write(record)
    writer.close()
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0].keys()) == column_names()
    assert [framing_column(c) for c in FRAMING_CATEGORIES] == [
        c
        for c in column_names()
        if c.startswith("framing_") and c != "framing_other_per_1000" and not c.startswith("framing_measure_")
    ]
    a, b, c, d = rows
    assert (a["status"], a["words"], a["summary"]) == ("ok", "120", "First. Second.")
    assert a["sentiment_label"] == "negative"
    assert float(a["sentiment_score"]) == -0.25 and float(a["readability_grade"]) == 9.5
    assert float(a[framing_column("hedge")]) == 12.5 and float(a["framing_other_per_1000"]) == 4.0
    assert float(a[framing_column(FRAMING_CATEGORIES[0])]) == 0.0
    assert (b["status"], b["duplicate_of"], b["words"]) == ("duplicate", "a", "")
    assert (c["status"], c["error"]) == ("error", "c.txt: is empty")
    assert json.loads(d["metadata"]) == {"outlet": "X\r\nY"}
    assert d["title"] == "Two\nlines"  # in cells, \r\n only ever ends a row


def test_parquet_is_a_folder_of_parts_with_a_fixed_schema(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    writer = open_writer(out, row_group_rows=3)
    for record in _records():
        writer.write(record)
    writer.close()
    parts = sorted(p.name for p in out.iterdir())
    assert len(parts) == 2 and all(p.startswith("part-") for p in parts)  # 3 rows + 1 row
    table = pq.read_table(out)  # the folder reads as one table
    assert table.column_names == column_names()
    assert str(table.schema.field("words").type) == "int64"
    assert str(table.schema.field("sentiment_score").type) == "double"
    assert sorted(table.column("id").to_pylist()) == ["a", "b", "c", "d"]


def test_jsonl_torn_last_line_is_cut_off_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    writer = open_writer(out)
    first, second = _records()[:2]
    writer.write(first)
    writer.close()
    with out.open("a", encoding="utf-8") as handle:
        handle.write(second.line[: len(second.line) // 2])  # a kill in the middle of a write
    reopened = open_writer(out)
    assert reopened.existing.repaired and reopened.existing.ids == {"a"}
    reopened.write(second)
    reopened.close()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_csv_torn_last_row_is_cut_off_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    writer = open_writer(out)
    records = _records()
    writer.write(records[0])
    writer.close()
    size = out.stat().st_size
    with out.open("a", encoding="utf-8", newline="") as handle:
        handle.write('d,rows.csv:1,ok,,,h2,"half a row')
    reopened = open_writer(out)
    assert reopened.existing.repaired and reopened.existing.ids == {"a"}
    assert out.stat().st_size == size
    reopened.close()


def test_parquet_journal_rows_survive_a_kill_before_the_part_is_written(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    writer = open_writer(out, row_group_rows=100)
    records = _records()
    for record in records[:3]:
        writer.write(record)
    # Simulate SIGKILL: no close(), so no part file; the journal holds the rows, one torn.
    writer._journal.write('{"id": "torn')  # type: ignore[attr-defined]
    writer._journal.flush()  # type: ignore[attr-defined]
    assert not list(out.glob("part-*.parquet"))
    reopened = open_writer(out, row_group_rows=100)
    assert reopened.existing.ids == {"a", "b", "c"} and reopened.existing.repaired
    reopened.write(records[3])
    reopened.close()
    assert not (out / JOURNAL).exists()
    assert sorted(pq.read_table(out).column("id").to_pylist()) == ["a", "b", "c", "d"]


def test_foreign_files_and_unknown_extensions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="extension"):
        open_writer(tmp_path / "r.txt")
    foreign = tmp_path / "other.jsonl"
    foreign.write_text('{"name": "not a record"}\n', encoding="utf-8")
    with pytest.raises(OutputError, match="not a batch record"):
        open_writer(foreign)
    other_csv = tmp_path / "other.csv"
    other_csv.write_text("a,b\r\n1,2\r\n", encoding="utf-8")
    with pytest.raises(OutputError, match="columns differ"):
        open_writer(other_csv)


def test_framing_columns_are_the_built_in_lexicon_categories() -> None:
    from summarize.batch.row import FRAMING_LEXICON_CATEGORIES
    from summarize.framing.lexicon import load_builtin_lexicon

    built_in = {entry.category for entry in load_builtin_lexicon().entries}
    assert built_in == set(FRAMING_LEXICON_CATEGORIES)
