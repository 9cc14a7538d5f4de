"""The readability section in the pipeline: JSON fields, the summary beside the article, passives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from summarize.context import Context
from summarize.document import Document, build_document
from summarize.framing.section import FramingSpan
from summarize.pipeline import analyze, run_analyses
from summarize.readability.analysis import ReadabilitySection, readability_of, run
from summarize.render.describe import compare_summary
from summarize.render.markdown.readability import render as render_markdown
from summarize.render.terminal.readability import render as render_terminal
from summarize.report import Sections
from summarize.settings import Settings
from summarize.summary.section import ModelInfo, SummarySection, SummarySentence
from tests.typed_reports import framing_section, span

READABILITY_ONLY = Settings(analyses=("readability",), count_model_tokens=False)
EASY = [
    "The city has a new plan.",
    "It will build a road to the sea.",
    "The road will be long and wide.",
    "Many people like the plan.",
    "Some do not like it.",
    "They say it will cost a lot of money.",
    "The mayor said the work will start in May.",
    "She said the road will help the town.",
]


def summary_of(texts: list[str]) -> SummarySection:
    """A summary section holding ``texts`` as its sentences (what the summary analysis hands on)."""
    sentences = [SummarySentence(text, [], 1.0) for text in texts]
    return SummarySection("extractive", ModelInfo("scorer", "project"), 1, "n sentences", sentences, True)


def passive(doc: Document, category: str, start: int, end: int) -> FramingSpan:
    return replace(span(doc.text, doc.text[start:end], category), start=start, end=end)


@pytest.fixture(scope="module")
def article_text(samples: list[Path]) -> str:
    return next(p for p in samples if p.name.startswith("02-")).read_text(encoding="utf-8")


def test_json_section_names_every_figure(article_text: str) -> None:
    report = analyze(article_text, READABILITY_ONLY)
    section = report.to_dict()["readability"]
    for key in (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_score",
        "consensus_grade",
        "grade_band",
        "reading_time_seconds",
        "sentence_lengths",
        "long_words_share",
        "difficult_words_share",
        "warnings",
        "summary",
        "passive_sentences",
    ):
        assert key in section, key
    assert isinstance(section["consensus_grade"], float)
    assert section["grade_band"].startswith("grade ")
    lengths = section["sentence_lengths"]
    assert lengths["longest"][0]["words"] >= lengths["mean"]
    longest = lengths["longest"][0]
    assert report.sentences[longest["index"]].text == longest["text"]
    assert section["summary"] is None and section["passive_sentences"] is None


def test_pipeline_hands_earlier_sections_to_later_ones(article_text: str) -> None:
    ctx = Context(settings=READABILITY_ONLY)
    ctx.sections = Sections(summary=summary_of(EASY[:1]))  # left over from another document
    report = run_analyses(build_document(article_text), ctx)
    assert report.readability.summary is None  # reset per document: no stale summary
    assert ctx.sections.readability is report.readability


def test_summary_figures_come_from_the_summary_sentences(article_text: str) -> None:
    ctx = Context(settings=READABILITY_ONLY)
    ctx.sections = Sections(summary=summary_of(EASY[:3]))
    section = run(build_document(article_text), ctx)
    assert isinstance(section, ReadabilitySection)
    assert section.summary is not None
    # 6 + 8 + 7 words in three sentences, counted by the same splitter
    assert (section.summary.counts.words, section.summary.counts.sentences) == (21, 3)
    assert section.summary.consensus_grade is None  # under 100 words: no grade, a warning
    verdict = compare_summary(section, section.summary)
    assert "too short for a grade" in verdict and "likely reads easier" in verdict


def test_a_plainer_summary_reads_easier_than_the_article(article_text: str) -> None:
    ctx = Context(settings=READABILITY_ONLY)
    ctx.sections = Sections(summary=summary_of(EASY * 2))  # 114 words
    section = run(build_document(article_text), ctx)
    assert section.summary is not None and section.summary.counts.words == 114
    assert section.consensus_grade is not None and section.summary.consensus_grade is not None
    assert section.summary.consensus_grade < section.consensus_grade - 3
    assert "is easier to read than the article" in compare_summary(section, section.summary)


def test_summary_equal_to_the_article_reads_the_same(article_text: str) -> None:
    doc = build_document(article_text)
    ctx = Context(settings=READABILITY_ONLY)
    ctx.sections = Sections(summary=summary_of([s.text for s in doc.sentences]))
    section = run(doc, ctx)
    assert section.summary is not None and section.summary.consensus_grade is not None
    assert section.summary.consensus_grade == pytest.approx(section.consensus_grade, abs=0.5)
    assert "about as hard to read as" in compare_summary(section, section.summary)


def test_passive_sentences_from_framing_spans(article_text: str) -> None:
    doc = build_document(article_text)
    second, fifth = doc.sentences[1], doc.sentences[4]
    spans = [
        passive(doc, "agentless_passive", second.start + 3, second.start + 12),
        passive(doc, "passive", fifth.start, fifth.start + 5),
        passive(doc, "passive", fifth.start + 6, fifth.start + 9),  # same sentence counts once
        passive(doc, "loaded_word", doc.sentences[2].start, doc.sentences[2].start + 4),
    ]
    ctx = Context(settings=READABILITY_ONLY)
    ctx.sections = Sections(framing=framing_section(doc, spans))
    section = run(doc, ctx)
    assert section.passive_sentences is not None
    assert section.passive_sentences.sentences == [1, 4]
    assert section.passive_sentences.share == 2 / section.counts.sentences


def test_renderers_explain_the_numbers(article_text: str) -> None:
    ctx = Context(settings=READABILITY_ONLY)
    report = run_analyses(build_document(article_text), ctx)
    ctx.sections = Sections(summary=summary_of(EASY * 2))
    section = run(report.document, ctx)
    console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(render_terminal(section, report))
    text = console.export_text()
    assert section.grade_band is not None and section.grade_band in text
    assert "Summary" in text and "Flesch-Kincaid grade" in text and "Longest sentences" in text
    markdown = render_markdown(section, report)
    assert "| Measure | Article | Summary | What it means |" in markdown
    assert "easier to read than the article" in markdown
    assert "SMOG needs at least 30 sentences" in markdown  # the summary's warning, shown not hidden


def test_readability_of_is_the_same_function_for_any_text() -> None:
    doc = build_document(" ".join(EASY * 2))
    assert readability_of(doc) == readability_of(build_document(" ".join(EASY * 2)))


def test_earlier_sections_are_typed_and_a_wrong_type_is_refused() -> None:
    summary = summary_of(EASY[:2])
    assert Sections.of({"summary": summary, "framing": None}) == Sections(summary=summary)
    with pytest.raises(TypeError, match="the summary analysis returned a dict, not a SummarySection"):
        Sections.of({"summary": {"sentences": [{"text": EASY[0]}]}})
