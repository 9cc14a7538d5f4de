"""`summarize compare A B` in every format, HTML included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli.app import app

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAIR = [
    str(SAMPLES / "pair-a-vessen-square-crackdown.txt"),
    str(SAMPLES / "pair-b-vessen-square-operation.txt"),
]


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_compare_writes_each_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"cmp.{fmt}"
    result = runner.invoke(app, ["compare", *PAIR, "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data
    else:
        assert text.lstrip().lower().startswith("<!doctype html")
        assert "<script" not in text.lower()
        assert "regime" in text  # a term only the loaded article uses
