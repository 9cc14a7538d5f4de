"""The JSON contract of `summarize report --format json`, and the API returning the same data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize import Settings, analyze, read_article
from summarize.cli.app import app
from summarize.context import Context
from summarize.pipeline import run_analyses
from summarize.report import SCHEMA_VERSION, SECTIONS

runner = CliRunner()


@pytest.fixture(scope="module")
def report_json(sample_path: Path) -> dict:
    result = runner.invoke(app, ["report", str(sample_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_top_level_keys(report_json: dict) -> None:
    for key in ("schema_version", "source", "stats", "sentences", *SECTIONS, "provenance"):
        assert key in report_json, key
    assert report_json["schema_version"] == SCHEMA_VERSION
    for section in SECTIONS:
        assert isinstance(report_json[section], dict), section


def test_stats_and_sentence_offsets(report_json: dict, sample_path: Path) -> None:
    doc = read_article(str(sample_path))
    stats = report_json["stats"]
    assert stats["sentences"] == len(report_json["sentences"]) == len(doc.sentences)
    assert stats["words"] == doc.word_count > 400
    assert stats["characters"] == len(doc.text)
    assert stats["model_tokens"]["sentence-transformers/all-MiniLM-L6-v2"] >= stats["words"]
    for sentence in report_json["sentences"]:
        assert doc.text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_provenance_names_models_settings_and_timings(report_json: dict) -> None:
    prov = report_json["provenance"]
    assert prov["package_version"]
    ids = {m["id"] for m in prov["models"]}
    assert "sentence-transformers/all-MiniLM-L6-v2" in ids
    assert all(m["source"] for m in prov["models"])
    assert set(prov["settings"]["analyses"]) == set(SECTIONS)
    for stage in ("read", *SECTIONS):
        assert prov["timings"][stage] >= 0


def test_api_returns_the_same_report(report_json: dict, sample_path: Path) -> None:
    doc = read_article(str(sample_path))
    api = run_analyses(doc, Context(settings=Settings())).to_dict()
    for key in ("schema_version", "source", "stats", "sentences", *SECTIONS):
        assert api[key] == report_json[key], key


def test_analyze_accepts_plain_text() -> None:
    text = "Officials said the bridge reopened on Monday. Traffic returned to normal by noon."
    report = analyze(text, Settings(analyses=("readability",)))
    data = report.to_dict()
    assert data["stats"]["sentences"] == 2
    assert data["summary"] is None and data["readability"] is not None
    assert json.loads(report.to_json()) == data


@pytest.mark.parametrize("section", SECTIONS)
def test_section_command_prints_its_section(sample_path: Path, report_json: dict, section: str) -> None:
    result = runner.invoke(app, [section, str(sample_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    alone = json.loads(result.stdout)
    assert set(alone) == set(report_json[section])
