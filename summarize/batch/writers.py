"""Append-only result writers that survive a SIGKILL and resume.

Each writer, when opened, reads what RESULTS already holds (the ids done, and the
content hash of every result so duplicates are still found across runs), repairs a
torn tail, and then appends one record at a time:

- ``.jsonl``: one line per record, flushed and fsynced. A kill mid-write leaves a last
  line without its newline; it is cut off on resume.
- ``.csv``: the same with CSV rows (header written once). Cells never contain ``\\r\\n``
  (normalised to ``\\n``), so ``\\r\\n`` ends exactly one row and a torn row is found.
- ``.parquet``: a dataset directory. Rows go first to a journal (``_journal.jsonl``,
  flushed and fsynced per record like JSONL), then every ``row_group_rows`` rows into a
  new part file ``part-<run>-<n>.parquet`` (one row group, written to a hidden temp file
  and renamed, so a part is complete or absent). On resume the journal's rows are
  turned into a part first. A single Parquet file cannot be appended after a kill
  (its footer is written last); a directory of parts can, and pandas, polars, R arrow
  and DuckDB (``read_parquet('RESULTS.parquet/*.parquet')``) read it as one table.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import KeysView
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from summarize.batch.records import Finished
from summarize.batch.row import column_names, columns
from summarize.errors import OutputError, UsageError

FORMATS = (".jsonl", ".csv", ".parquet")
JOURNAL = "_journal.jsonl"


@dataclass
class Existing:
    """What RESULTS already holds."""

    ids: set[str] = field(default_factory=set)
    # ids whose only records are errors -> the last error message
    errors: dict[str, str] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)  # content sha256 -> first id
    repaired: bool = False  # a torn last record was cut off

    @property
    def error_ids(self) -> KeysView[str]:
        """The ids whose only records are errors."""
        return self.errors.keys()

    def add(self, record_id: str, kind: str, sha: str | None, error: str | None = None) -> None:
        if kind == "error":
            if record_id not in self.ids or record_id in self.errors:
                self.errors[record_id] = error or ""
        else:
            self.errors.pop(record_id, None)
        self.ids.add(record_id)
        if kind == "ok" and sha and sha not in self.hashes:
            self.hashes[sha] = record_id

    def add_finished(self, finished: Finished) -> None:
        """A record this run has just written."""
        self.add(finished.id, finished.kind, finished.content_sha256, finished.row.get("error"))


class ResultWriter(Protocol):
    existing: Existing

    def write(self, finished: Finished) -> None: ...

    def close(self) -> None: ...


# Rows per Parquet part file unless --row-group-rows says otherwise.
DEFAULT_ROW_GROUP_ROWS = 1000


def open_writer(
    path: Path, *, row_group_rows: int = DEFAULT_ROW_GROUP_ROWS, fsync: bool = True
) -> ResultWriter:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return JsonlWriter(path, fsync=fsync)
    if suffix == ".csv":
        return CsvWriter(path, fsync=fsync)
    if suffix == ".parquet":
        return ParquetWriter(path, row_group_rows=row_group_rows, fsync=fsync)
    raise UsageError(f"--out {path}: the extension must be one of {', '.join(FORMATS)}")


def _kind(record: dict[str, Any]) -> str:
    if "error" in record and record.get("error") not in (None, ""):
        return "error"
    if record.get("duplicate_of") not in (None, ""):
        return "duplicate"
    return "ok"


def _cut_torn_tail(path: Path, terminator: bytes) -> tuple[bytes, bool]:
    """The file's complete records; a torn last record is truncated away on disk."""
    data = path.read_bytes()
    if not data or data.endswith(terminator):
        return data, False
    keep = data.rfind(terminator) + len(terminator) if terminator in data else 0
    with path.open("r+b") as handle:
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
    return data[:keep], True


def _open_append(path: Path) -> io.TextIOWrapper:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return path.open("a", encoding="utf-8", newline="")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _append(handle: io.TextIOWrapper, text: str, fsync: bool) -> None:
    handle.write(text)
    handle.flush()
    if fsync:
        os.fsync(handle.fileno())


class JsonlWriter:
    def __init__(self, path: Path, *, fsync: bool = True) -> None:
        self.path = path
        self.fsync = fsync
        self.existing = Existing()
        if path.exists():
            self.existing = _read_jsonl(path)
        self._handle = _open_append(path)

    def write(self, finished: Finished) -> None:
        _append(self._handle, finished.line + "\n", self.fsync)
        self.existing.add_finished(finished)

    def close(self) -> None:
        self._handle.close()


def _read_jsonl(path: Path) -> Existing:
    data, repaired = _cut_torn_tail(path, b"\n")
    existing = Existing(repaired=repaired)
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            record_id = str(record["id"])
        except (ValueError, KeyError, TypeError):
            raise OutputError(
                f"{path}:{number}: not a batch record; give --out a new file or a results file "
                "written by `summarize batch`"
            ) from None
        existing.add(record_id, _kind(record), record.get("content_sha256"), record.get("error"))
    return existing


class CsvWriter:
    def __init__(self, path: Path, *, fsync: bool = True) -> None:
        self.path = path
        self.fsync = fsync
        self.names = column_names()
        self.existing = Existing()
        fresh = not path.exists() or path.stat().st_size == 0
        if not fresh:
            self.existing = _read_csv(path, self.names)
        self._handle = _open_append(path)
        if fresh:
            _append(self._handle, self._format(dict(zip(self.names, self.names, strict=True))), fsync)

    def _format(self, row: dict[str, Any]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([_csv_cell(row.get(name)) for name in self.names])
        return buffer.getvalue()

    def write(self, finished: Finished) -> None:
        _append(self._handle, self._format(finished.row), self.fsync)
        self.existing.add_finished(finished)

    def close(self) -> None:
        self._handle.close()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def _read_csv(path: Path, names: list[str]) -> Existing:
    data, repaired = _cut_torn_tail(path, b"\r\n")
    existing = Existing(repaired=repaired)
    rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = next(rows, None)
    if header != names:
        raise OutputError(
            f"{path}: its columns differ from this version's batch columns; "
            "give --out a new file"
        )
    index = {name: i for i, name in enumerate(names)}
    for row in rows:
        if len(row) != len(names):
            raise OutputError(f"{path}: a row has {len(row)} cells, not {len(names)}; give --out a new file")
        kind = row[index["status"]] or "ok"
        existing.add(row[index["id"]], kind, row[index["content_sha256"]] or None, row[index["error"]])
    return existing


class ParquetWriter:
    def __init__(
        self, path: Path, *, row_group_rows: int = DEFAULT_ROW_GROUP_ROWS, fsync: bool = True
    ) -> None:
        if path.exists() and not path.is_dir():
            raise OutputError(
                f"{path}: exists and is a file; Parquet results are a folder of part files "
                "(so a run can resume): give --out a new name"
            )
        path.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.fsync = fsync
        self.row_group_rows = max(1, row_group_rows)
        self.run = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
        self._parts = 0
        self._rows: list[dict[str, Any]] = []
        self.existing = _read_parts(path)
        self._recover_journal()
        self._journal = _open_append(path / JOURNAL)

    def _recover_journal(self) -> None:
        journal = self.path / JOURNAL
        if not journal.exists():
            return
        data, repaired = _cut_torn_tail(journal, b"\n")
        self.existing.repaired = self.existing.repaired or repaired
        rows = [json.loads(raw) for raw in data.split(b"\n") if raw.strip()]
        # A kill between writing a part and emptying the journal leaves rows in both.
        rows = [r for r in rows if r["id"] not in self.existing.ids]
        for row in rows:
            self.existing.add(row["id"], row["status"], row.get("content_sha256"), row.get("error"))
        if rows:
            self._write_part(rows)
        journal.unlink()

    def write(self, finished: Finished) -> None:
        line = json.dumps(finished.row, ensure_ascii=False, separators=(",", ":")) + "\n"
        _append(self._journal, line, self.fsync)
        self._rows.append(finished.row)
        self.existing.add_finished(finished)
        if len(self._rows) >= self.row_group_rows:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        self._write_part(self._rows)
        self._rows = []
        self._journal.seek(0)
        self._journal.truncate()
        self._journal.flush()
        if self.fsync:
            os.fsync(self._journal.fileno())

    def _write_part(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows, schema=arrow_schema())
        name = f"part-{self.run}-{self._parts:05d}.parquet"
        self._parts += 1
        temp = self.path / f".{name}.tmp"
        pq.write_table(table, temp, row_group_size=len(rows), compression="zstd")
        if self.fsync:
            with temp.open("rb") as handle:
                os.fsync(handle.fileno())
        os.replace(temp, self.path / name)

    def close(self) -> None:
        self._flush()
        self._journal.close()
        journal = self.path / JOURNAL
        if journal.exists() and journal.stat().st_size == 0:
            journal.unlink()


def arrow_schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in columns()])


def _read_parts(folder: Path) -> Existing:
    import pyarrow.parquet as pq

    existing = Existing()
    for temp in folder.glob(".part-*.tmp"):  # a kill while writing a part: it is redone
        temp.unlink()
    for part in sorted(folder.glob("part-*.parquet")):
        table = pq.read_table(part, columns=["id", "status", "content_sha256", "error"])
        for record_id, status, sha, error in zip(
            table.column("id").to_pylist(),
            table.column("status").to_pylist(),
            table.column("content_sha256").to_pylist(),
            table.column("error").to_pylist(),
            strict=True,
        ):
            existing.add(record_id, status, sha, error)
    return existing
