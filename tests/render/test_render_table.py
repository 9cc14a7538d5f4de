"""One table of renderers: every format draws every section through ``emit``; labels come from one place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.errors import UsageError
from summarize.pipeline import analyze
from summarize.render import FORMATS, emit, labels, live, renderers
from summarize.render.markdown import SECTION_RENDERERS as MARKDOWN_SECTIONS
from summarize.render.terminal import SECTION_RENDERERS as TERMINAL_SECTIONS
from summarize.report import Report
from summarize.sections import SECTIONS
from summarize.sentiment.settings import SentimentSettings
from summarize.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "01-harborview-transit-vote.txt"


@pytest.fixture(scope="module")
def report() -> Report:
    # Every analysis, the sentiment one on its lexicon backend (no model to load).
    settings = Settings(
        analyses=SECTIONS, count_model_tokens=False, sentiment=SentimentSettings(backend="vader")
    )
    return analyze(SAMPLE.read_text(encoding="utf-8"), settings)


def test_every_section_has_a_terminal_and_a_markdown_renderer() -> None:
    assert set(TERMINAL_SECTIONS) == set(SECTIONS) == set(MARKDOWN_SECTIONS)
    assert set(labels.SECTION_TITLES) == set(SECTIONS)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_every_section(report: Report, fmt: str) -> None:
    text = emit(report, fmt)
    assert text.endswith("\n")
    for name in SECTIONS:
        assert report.section(name) is not None
        alone = emit(report, fmt, (name,), single=name)
        assert alone.strip()
        if fmt == "json":
            assert json.loads(alone) == json.loads(text)[name]
        elif fmt != "html":
            assert labels.SECTION_TITLES[name] in alone


def test_the_readability_index_names_are_the_same_in_terminal_and_markdown(report: Report) -> None:
    for fmt in ("text", "markdown"):
        text = emit(report, fmt, ("readability",))
        for _, name, _ in labels.READABILITY_INDICES:
            assert name in text
        assert "Automated Readability Index" in text


def test_only_text_draws_live_for_a_terminal(report: Report) -> None:
    assert live(report, "text") is not None
    assert all(live(report, fmt) is None for fmt in FORMATS if fmt != "text")


def test_an_unknown_format_names_the_choices() -> None:
    with pytest.raises(UsageError, match="choose from text, json, markdown, html"):
        renderers("pdf")


def test_every_format_draws_token_counts() -> None:
    from summarize.backends.token_counts import ModelTokens
    from summarize.document import build_document
    from summarize.tokens import token_counts

    doc = build_document("The council met on Monday. It voted to build the line.")
    counts = token_counts(doc, [ModelTokens("enc", "bundled", 20, 10, "sentence", [1])])
    assert counts.warnings == (
        "enc: sentence(s) 2 exceed its 10-token input and are truncated when embedded",
    )
    for fmt in FORMATS:
        text = emit(counts, fmt)
        assert "It voted to build the line." in text
    assert json.loads(emit(counts, "json"))["sentences"][1]["words"] == 6
    assert emit(counts, "markdown").startswith("1. The council met on Monday.\n2. ")
    assert emit(counts, "html") == emit(counts, "text")  # no page of its own: plain lines
    assert live(counts, "text") is not None and live(counts, "markdown") is None
