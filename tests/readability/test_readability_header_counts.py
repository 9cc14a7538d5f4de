"""The report header and the readability section count the same article: where they differ, it says why."""

from __future__ import annotations

import re

from summarize.pipeline import analyze
from summarize.render.markdown.readability import render as render_markdown
from summarize.render.terminal import render_text
from summarize.settings import Settings

BODY = (
    "The council voted on Tuesday to approve the new bus line. The project will cost twelve million "
    "dollars and open in March. Critics said the plan was rushed, but supporters disagreed strongly. "
) * 5


def _report(text: str):
    return analyze(text, Settings(analyses=("readability",), count_model_tokens=False))


def test_a_headline_left_out_is_named_with_the_difference() -> None:
    report = _report("Council Approves New Bus Line For The North Side\n\n" + BODY)
    section = report.readability
    assert report.stats.sentences - section.counts.sentences == 1
    assert report.stats.words - section.counts.words == 9
    for text in (render_text(report, ("readability",), width=400), render_markdown(section, report)):
        flat = " ".join(text.split())
        said = re.search(r"(\d[\d,]*) words in (\d+) sentences \(the header's (\d[\d,]*) words / (\d+) "
                         r"sentences include (\d+) headline, heading or number line of (\d+) words", flat)
        assert said, flat
        words, sentences, header_words, header_sentences, lines, line_words = map(int, said.groups())
        assert (header_words, header_sentences) == (report.stats.words, report.stats.sentences)
        assert header_words - words == line_words and header_sentences - sentences == lines


def test_no_explanation_when_the_counts_agree() -> None:
    report = _report(BODY)
    assert report.stats.words == report.readability.counts.words
    assert "header's" not in render_text(report, ("readability",), width=400)
