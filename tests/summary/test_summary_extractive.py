"""The extractive default end to end (a lead-position rule: no encoder), and the models command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.pipeline import analyze
from summarize.render.markdown.summary import render as render_markdown
from summarize.render.terminal.summary import render as render_terminal
from summarize.settings import Settings
from summarize.summary.settings import SummarySettings

from .conftest import ARTICLE

pytestmark = pytest.mark.slow


def run(text: str, **kw):
    return analyze(text, Settings(analyses=("summary",), summary=SummarySettings(**kw)))


def test_default_extractive_on_a_sample(sample_path: Path) -> None:
    report = run(sample_path.read_text(encoding="utf-8"))
    data = report.to_dict()["summary"]
    assert data["method"] == "extractive"
    # The shipped scorer is a lead-position rule: it is what picked the sentences, and no
    # encoder was loaded for it.
    assert data["model"] == {"id": "summary-scorer", "source": "project:models/summary_scorer/scorer.npz"}
    assert data["selection"] == "lead-position rule" and data["shown"] == "extractive"
    assert data["encoder"] is None
    assert data["supported_by_construction"] is True
    assert data["chunks"] == 1
    from summarize.summary.length import resolve_length
    from summarize.summary.scorer import load_scorer

    # The default: up to the default count, stopping once the scorer's word budget is met.
    target = resolve_length(len(report.sentences), words_per_sentence=load_scorer().words_per_sentence)
    assert target.enough_words is not None and data["length"] == target.describe()
    chosen_words = [len(s["text"].split()) for s in data["sentences"]]
    assert 1 <= len(chosen_words) <= target.sentences
    if len(chosen_words) < target.sentences:
        assert sum(chosen_words) >= 0.9 * target.enough_words  # stopped by the budget only
    indices = [s["source_sentences"][0] for s in data["sentences"]]
    assert indices == sorted(indices)  # article order
    for s, i in zip(data["sentences"], indices, strict=True):
        assert s["text"] == report.sentences[i].text
        assert s["support"] == 1.0 and s["flags"] == []
    title = report.source.title
    assert all(s["text"] != title for s in data["sentences"])  # the headline is not a summary line
    assert {m.id for m in report.provenance.models} == {"summary-scorer"}


def test_length_options_on_real_encoder() -> None:
    assert len(run(ARTICLE, sentences=2).summary.sentences) == 2
    assert len(run(ARTICLE, ratio=0.5).summary.sentences) == round(0.5 * 12)
    words = run(ARTICLE, words=40).summary
    total = sum(len(s.text.split()) for s in words.sentences)
    assert 0 < total <= 44 + max(len(s.text.split()) for s in words.sentences)
    assert words.length == "about 40 words"


def test_renderers_show_provenance() -> None:
    report = run(ARTICLE, sentences=2)
    markdown = render_markdown(report.summary, report)
    assert markdown.count("\n- ") + markdown.startswith("- ") == 2
    assert "supported by construction" in markdown
    from rich.console import Console

    console = Console(record=True, width=100)
    console.print(render_terminal(report.summary, report))
    assert "from sentence" in console.export_text()


def test_models_list_and_pull_errors() -> None:
    from summarize.cli.models_cmd import models_app

    runner = CliRunner()
    listed = runner.invoke(models_app, ["list", "--json"])
    assert listed.exit_code == 0
    rows = {r["name"]: r for r in json.loads(listed.output)}
    assert rows["minilm"]["offline"] is True
    assert rows["summary-scorer"]["offline"] is True
    assert rows["distilbart"]["kind"] == "seq2seq" and rows["distilbart"]["offline"] is False
    unknown = runner.invoke(models_app, ["pull", "no-such-model"])
    assert unknown.exit_code == 6
    assert "summarize models list" in unknown.output
