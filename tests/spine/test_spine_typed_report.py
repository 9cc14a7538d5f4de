"""Every output format from real typed reports, and the JSON read back.

Reports come from the pipeline on the samples, for each analysis alone and for all of them
together. Each format must render and show values taken from the typed sections, so a renamed
or retyped field fails here instead of leaving a blank in one renderer; and every report's JSON
must read back (``Report.from_dict``) into the same report.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from summarize.batch.records import finish, result_record
from summarize.context import Context
from summarize.inputs.read import read_article
from summarize.jsonable import to_jsonable
from summarize.pipeline import run_analyses
from summarize.render.html import render_report_dict_html, render_report_html
from summarize.render.json import render_report_json, render_section_json
from summarize.render.markdown import render_report_markdown
from summarize.render.terminal import render_text
from summarize.report import Report
from summarize.sections import SECTIONS
from summarize.settings import Settings
from tests.conftest import sample_paths

pytestmark = pytest.mark.slow

RUNS = [(name,) for name in SECTIONS] + [SECTIONS]
SAMPLES = sample_paths()


@pytest.fixture(scope="module")
def reports() -> dict[tuple[tuple[str, ...], str], Report]:
    """(analyses, sample name) -> the pipeline's report; one Context per run, so models load once."""
    out = {}
    for analyses in RUNS:
        ctx = Context(settings=Settings(analyses=analyses, count_model_tokens=False))
        for path in SAMPLES:
            out[(analyses, path.name)] = run_analyses(read_article(str(path)), ctx)
    return out


def test_every_report_reads_back_from_its_json(reports: dict[tuple[tuple[str, ...], str], Report]) -> None:
    for key, report in reports.items():
        data = report.to_dict()
        again = Report.from_dict(data)
        assert again.to_dict() == data, key
        assert Report.from_json(report.to_json()).to_json() == report.to_json(), key
        for name in SECTIONS:
            assert type(again.section(name)) is type(report.section(name)), (key, name)


def _word(text: str) -> str:
    """A long word of ``text``: it survives Markdown escaping and terminal wrapping."""
    return max(re.findall(r"[A-Za-z]{4,}", text), key=len)


def _expected(report: Report) -> dict[str, list[str]]:
    """Per section, values from the typed section that every readable format must show."""
    shown: dict[str, list[str]] = {}
    if report.summary is not None and report.summary.sentences:
        shown["summary"] = [_word(report.summary.sentences[0].text)]
    if report.sentiment is not None:
        shown["sentiment"] = [report.sentiment.document.label]
    if report.framing is not None:
        loaded = [s for s in report.framing.spans if s.layer == "loaded" and s.source != "head"]
        shown["framing"] = [_word(loaded[0].text)] if loaded else []
    if report.readability is not None and report.readability.consensus_grade is not None:
        shown["readability"] = [f"{report.readability.consensus_grade:.1f}"]
    return shown


@pytest.mark.parametrize("analyses", RUNS, ids=lambda a: "+".join(a))
def test_every_format_shows_the_typed_values(
    reports: dict[tuple[tuple[str, ...], str], Report], analyses: tuple[str, ...]
) -> None:
    for path in SAMPLES:
        report = reports[(analyses, path.name)]
        expected = _expected(report)
        assert set(expected) == set(analyses), path.name  # the sections that ran, and only those
        text = render_text(report, analyses, width=300)
        markdown = render_report_markdown(report, analyses)
        page = render_report_html(report, analyses)
        assert page == render_report_dict_html(report.to_dict(), report.document.text, sections=analyses)
        for name, values in expected.items():
            for value in values:
                assert value in text, (path.name, name, value, "text")
                assert value in markdown, (path.name, name, value, "markdown")
                assert html.escape(value) in page, (path.name, name, value, "html")
        data = json.loads(render_report_json(report))
        for name in SECTIONS:
            section = report.section(name)
            assert data[name] == (to_jsonable(section) if section is not None else None)
            if section is not None:
                assert json.loads(render_section_json(report, name)) == data[name]
        _check_row(report, path)


def _json_number(value: float | None) -> object:
    """A figure as the JSON (and so the batch row) holds it: rounded to 4 digits."""
    return None if value is None else pytest.approx(value, abs=5e-5)


def _check_row(report: Report, path: Path) -> None:
    row = finish(result_record("id", path.name, "sha", {}, report.to_dict())).row
    assert (row["status"], row["words"], row["title"]) == ("ok", report.stats.words, report.source.title)
    assert row["summary"] == (report.summary.text.strip() if report.summary is not None else None)
    sentiment, framing, readability = report.sentiment, report.framing, report.readability
    assert row["sentiment_label"] == (sentiment.document.label if sentiment is not None else None)
    assert row["readability_grade"] == _json_number(readability.consensus_grade if readability else None)
    if framing is None:
        assert row["framing_other_per_1000"] is None and row["framing_measure_biased_share"] is None
        return
    for name, stat in framing.categories.items():
        column = f"framing_{name}_per_1000"
        if column in row:
            assert row[column] == _json_number(stat.per_1000_words), name
    if framing.measure is not None:
        assert row["framing_measure_biased_share"] == _json_number(framing.measure.biased_share.value)
        assert row["framing_measure_loaded_per_1000"] == _json_number(
            framing.measure.loaded_per_1000_words.value
        )
