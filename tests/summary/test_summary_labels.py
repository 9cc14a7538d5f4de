"""The default summary is labelled for what it is (a lead-position rule) on every surface."""

from __future__ import annotations

from pathlib import Path

from summarize.pipeline import analyze
from summarize.render.html.summary import render_summary_section
from summarize.render.markdown import render_report_markdown
from summarize.render.terminal import render_text
from summarize.settings import Settings
from summarize.summary.section import ModelInfo, SummarySection


def test_terminal_markdown_and_html_name_the_lead_rule(sample_path: Path) -> None:
    report = analyze(sample_path.read_text(encoding="utf-8"),
                     Settings(analyses=("summary",), count_model_tokens=False))
    for text in (render_text(report, ("summary",), width=300), render_report_markdown(report, ("summary",))):
        flat = " ".join(text.split())
        assert "extractive · lead-position rule (summary-scorer)" in flat
        assert "MiniLM" not in flat
    assert report.summary is not None
    html = render_summary_section(report.summary, len(report.sentences))
    assert "lead-position rule" in html and "MiniLM" not in html


def test_html_says_when_the_extractive_summary_stands_in_for_a_generated_one() -> None:
    section = SummarySection(method="abstractive", shown="extractive", selection="lead-position rule",
                             model=ModelInfo("tiny-bart", "path:/m"), chunks=1, length="3 sentences",
                             sentences=[], supported_by_construction=True)
    html = render_summary_section(section, 0)
    assert "extractive fallback (no abstractive sentence passed --strict)" in html


def test_markdown_summary_keeps_its_own_markup_and_escapes_the_text() -> None:
    text = ("The *council* met on Monday to vote. It approved the budget for next year. "
            "The mayor said the plan was fair.")
    report = analyze(text, Settings(analyses=("summary",), count_model_tokens=False))
    markdown = render_report_markdown(report, ("summary",))
    assert "\\*council\\*" in markdown  # article text is escaped
    assert " *(sentence 1)*" in markdown  # the note is real emphasis, not escaped
