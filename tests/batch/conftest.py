"""Tiny articles written for these tests, and helpers to lay out a mixed batch corpus."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

ARTICLES = {
    "bridge": (
        "Bridge reopens after repairs\n\n"
        "The Elm Street bridge reopened on Monday after six weeks of repairs, city officials said. "
        "Engineers replaced two corroded beams and resurfaced the deck.\n\n"
        "Traffic was light in the morning, but commuters welcomed the shorter route. "
        "\"We are relieved,\" said Dana Ortiz, who drives across it every day. "
        "The city said the work cost 1.2 million dollars, slightly less than planned.\n"
    ),
    "council": (
        "The council voted 5-4 on Tuesday to expand the bus network. "
        "Supporters claimed the plan would cut congestion dramatically. "
        "Critics insisted that the so-called reform was rushed and far too expensive. "
        "The mayor has yet to say whether she will sign it. "
        "A final decision is expected next week."
    ),
    "storm": (
        "A powerful storm battered the coast overnight, tearing roofs from homes and cutting power "
        "to thousands of residents. Emergency crews worked through the night. "
        "Officials warned that more rain could bring flooding on Thursday. "
        "Schools will remain closed, the district said."
    ),
    "match": (
        "The home side won the final 2-1 in front of a sold-out crowd. "
        "Their captain scored a stunning goal in the last minute. "
        "Fans celebrated in the streets until late. "
        "The coach praised a brilliant performance and thanked the supporters."
    ),
}


def write_jsonl(path: Path, rows: list[dict | str]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> dict[str, Path]:
    """A folder (nested, with .txt/.md/.html, a hidden file, an empty file and a repeat),
    a JSONL file (with a malformed line and a row without text) and a CSV file."""
    folder = tmp_path / "corpus"
    (folder / "nested").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "bridge.txt").write_text(ARTICLES["bridge"], encoding="utf-8")
    council = "# Council vote\n\n" + ARTICLES["council"]
    (folder / "nested" / "council.md").write_text(council, encoding="utf-8")
    (folder / "nested" / "storm.html").write_text(
        "<html><head><title>Storm</title></head><body><article><p>"
        + ARTICLES["storm"].replace(". ", ".</p><p>")
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "nested" / "bridge-copy.txt").write_text(ARTICLES["bridge"], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden" / "secret.txt").write_text(ARTICLES["match"], encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not an article suffix
    jsonl = write_jsonl(
        tmp_path / "rows.jsonl",
        [
            {"id": "m1", "text": ARTICLES["match"], "outlet": "Daily", "year": 2024},
            "{not json",
            {"id": "x2", "body": "no text field here"},
        ],
    )
    table = write_csv(
        tmp_path / "rows.csv",
        ["id", "text", "outlet"],
        [["c1", ARTICLES["council"] + " Extra line for the CSV copy.", "Weekly"]],
    )
    return {"folder": folder, "jsonl": jsonl, "csv": table}


@pytest.fixture(autouse=True)
def numpy_runtime(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches run the single article's runtime here, so their reports can be compared exactly.

    On a CPU with bf16 units a batch runs OpenVINO by default; test_batch_encoding.py
    compares that with the single-article reports on its own.
    """
    monkeypatch.setenv("SUMMARIZE_ENCODER_RUNTIME", "numpy")


def assert_same(a: object, b: object, path: str = "") -> None:
    """Equal, with floats equal to 1e-3 (batched and single encodings differ in float noise)."""
    if isinstance(a, float) or isinstance(b, float):
        assert a == pytest.approx(b, abs=1e-3), path
    elif isinstance(a, dict) and isinstance(b, dict):
        assert a.keys() == b.keys(), path
        for key in a:
            assert_same(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{path}[{i}]")
    else:
        assert a == b, path
