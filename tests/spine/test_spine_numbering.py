"""One sentence-numbering convention per surface (docs/json-schema.md): JSON indices count from 0,
everything a person reads (terminal, Markdown, HTML, `summarize tokens`) numbers from 1 = index + 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from summarize.cli.app import app

runner = CliRunner()


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args), terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_same_sentence_has_the_same_number_on_every_human_surface(sample_path: Path) -> None:
    path = str(sample_path)
    data = json.loads(_invoke("summary", path, "-f", "json"))
    indices = [s["source_sentences"][0] for s in data["sentences"]]
    report = json.loads(_invoke("report", path, "--analyses", "summary", "-f", "json"))
    assert all(report["sentences"][i]["index"] == i for i in indices)  # JSON: 0-based array index

    terminal = _invoke("summary", path)
    assert [int(n) for n in re.findall(r"from sentence (\d+)", terminal)] == [i + 1 for i in indices]
    markdown = _invoke("summary", path, "-f", "markdown")
    assert [int(n) for n in re.findall(r"\(sentence (\d+)", markdown)] == [i + 1 for i in indices]
    html = _invoke("summary", path, "-f", "html")
    links = re.findall(r'<a class="sref" href="#s-(\d+)">(\d+)</a>', html)
    assert [(int(a), int(label)) for a, label in links] == [(i, i + 1) for i in indices]

    tokens = _invoke("tokens", path, "-f", "markdown")
    listed = dict(re.findall(r"^(\d+)\. (.*)$", tokens, flags=re.MULTILINE))
    for i, sentence in zip(indices, data["sentences"], strict=True):
        assert listed[str(i + 1)] == sentence["text"]


def test_the_convention_is_stated_in_the_schema_doc() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "json-schema.md").read_text(encoding="utf-8")
    assert "every sentence reference counts from 0" in doc
    assert "Everything a person reads counts from 1" in doc
