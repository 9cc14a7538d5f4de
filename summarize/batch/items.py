"""Find the articles of a batch: folders, globs, JSONL and CSV files, lazily.

Every article becomes a ``BatchItem`` with a stable id, so rerunning the same
command finds the same ids and can skip those already in RESULTS:

- a file (given, found in a folder or by a glob): its path as found, e.g. ``corpus/a.txt``;
- a JSONL line or CSV row: the value of ``--id-field``, or ``FILE:N`` (N = line or row
  number) when the field is missing or empty.

Rows that cannot be used (malformed JSON, no text field) become items that carry an
``error``; they turn into error records and the batch goes on.
"""

from __future__ import annotations

import csv
import glob
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import UsageError

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
GLOB_CHARS = frozenset("*?[")
# A folder's project files, not articles: README.md, LICENSE.txt, CHANGELOG.md... (matched on
# the name before its first dot, case and - _ ignored). Taken when named as an INPUT, or with
# --all-files.
# The closing summary lists the files left out, so a wrong guess shows.
NOT_ARTICLE_NAMES = frozenset({
    "readme", "license", "licence", "copying", "notice", "changelog", "changes", "authors",
    "contributors", "contributing", "codeofconduct", "security", "citation", "maintainers",
})


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One article to score, or the reason it cannot be scored."""

    id: str
    input: str  # where it came from: a path, or FILE:N for a table row
    path: str | None = None  # a file to read (folders, globs, plain files)
    text: str | None = None  # text given inline (JSONL/CSV rows)
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


@dataclass
class FolderFiles:
    """What the folder INPUTs gave, for the closing summary (filled as the items are read)."""

    taken: int = 0
    skipped: list[str] = field(default_factory=list)  # README/LICENSE-like files left out


def is_project_file(path: Path) -> bool:
    """README.md, LICENSE, CHANGELOG.rst and the like: a folder's own notes, not an article."""
    stem = path.name.split(".", 1)[0].lower().replace("-", "").replace("_", "")
    return stem in NOT_ARTICLE_NAMES


@dataclass(frozen=True, slots=True)
class Fields:
    id: str = "id"
    text: str = "text"


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """The files and folders named by INPUT arguments, in order; globs expanded and sorted.

    A name that matches nothing is a usage error, found before any work starts.
    """
    paths: list[Path] = []
    for raw in inputs:
        if any(c in GLOB_CHARS for c in raw) and not Path(raw).exists():
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(f"{raw}: no file matches this pattern")
            paths.extend(Path(m) for m in matches)
        else:
            path = Path(raw)
            if not path.exists():
                raise UsageError(f"{raw}: no such file or folder")
            paths.append(path)
    return paths


def iter_items(
    paths: Iterable[Path], fields: Fields = Fields(), *, all_files: bool = False,
    folder_files: FolderFiles | None = None,
) -> Iterator[BatchItem]:
    """Every article under ``paths``, lazily (tables are read line by line).

    Folders leave out README/LICENSE-like files unless ``all_files``; ``folder_files``
    collects what they gave.
    """
    folder_files = folder_files if folder_files is not None else FolderFiles()
    for path in paths:
        if path.is_dir():
            for found in _walk(path):
                if not all_files and is_project_file(found):
                    folder_files.skipped.append(found.as_posix())
                    continue
                folder_files.taken += 1
                yield _file_item(found)
        else:
            yield from _path_items(path, fields)


def count_items(paths: Iterable[Path], *, all_files: bool = False) -> int:
    """How many items ``iter_items`` will yield, cheaply (for the progress bar's ETA).

    Table rows are counted as lines (CSV rows spanning lines make this an overestimate).
    """
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for found in _walk(path) if all_files or not is_project_file(found))
        elif path.suffix.lower() in TABLE_SUFFIXES:
            try:
                with path.open("rb") as handle:
                    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            except OSError:
                lines = 1
            total += max(lines - (1 if path.suffix.lower() == ".csv" else 0), 1)
        else:
            total += 1
    return total


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, recursively, in a stable (sorted) order; hidden ones skipped."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            yield path


def _path_items(path: Path, fields: Fields) -> Iterator[BatchItem]:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        yield from _jsonl_items(path, fields)
    elif suffix == ".csv":
        yield from _csv_items(path, fields)
    else:
        yield _file_item(path)


def _file_item(path: Path) -> BatchItem:
    name = path.as_posix()
    return BatchItem(id=name, input=name, path=name)


def _jsonl_items(path: Path, fields: Fields) -> Iterator[BatchItem]:
    name = path.as_posix()
    try:
        handle = path.open("r", encoding="utf-8", errors="replace", newline="")
    except OSError as exc:
        yield BatchItem(id=name, input=name, error=f"{name}: cannot read ({exc.strerror or exc})")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BatchItem(id=where, input=where, error=f"{where}: malformed JSON ({exc.msg})")
                continue
            if not isinstance(row, dict):
                yield BatchItem(id=where, input=where, error=f"{where}: not a JSON object")
                continue
            yield _row_item(row, where, fields)


def _csv_items(path: Path, fields: Fields) -> Iterator[BatchItem]:
    name = path.as_posix()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # articles are longer than csv's 128 kB default
    try:
        handle = path.open("r", encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        yield BatchItem(id=name, input=name, error=f"{name}: cannot read ({exc.strerror or exc})")
        return
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        if fields.text not in header:
            yield BatchItem(
                id=name,
                input=name,
                error=f"{name}: no '{fields.text}' column (columns: {', '.join(header) or 'none'}); "
                "name the text column with --text-field",
            )
            return
        try:
            for number, row in enumerate(reader, start=1):
                clean = {k: v for k, v in row.items() if k is not None}
                yield _row_item(clean, f"{name}:{number}", fields)
        except csv.Error as exc:
            where = f"{name}:{reader.line_num}"
            yield BatchItem(id=where, input=where, error=f"{where}: malformed CSV ({exc})")


def _row_item(row: dict[str, Any], where: str, fields: Fields) -> BatchItem:
    raw_id = row.get(fields.id)
    item_id = where if raw_id is None or str(raw_id).strip() == "" else str(raw_id)
    metadata = {k: v for k, v in row.items() if k not in (fields.id, fields.text)}
    text = row.get(fields.text)
    if text is None:
        return BatchItem(
            id=item_id, input=where, metadata=metadata,
            error=f"{where}: no '{fields.text}' field; name the text field with --text-field",
        )
    if not isinstance(text, str):
        return BatchItem(
            id=item_id, input=where, metadata=metadata,
            error=f"{where}: '{fields.text}' is not a string; name the text field with --text-field",
        )
    return BatchItem(id=item_id, input=where, text=text, metadata=metadata)
