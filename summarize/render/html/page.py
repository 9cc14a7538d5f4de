"""The self-contained HTML report (``--format html``) and compare view.

One file, no network: CSS inline, system fonts, charts drawn as inline SVG, no
script at all, and a Content-Security-Policy that forbids loading anything. The
page is drawn from the typed report as its JSON holds it (figures rounded as in
``--format json``), so a live report and a saved JSON file render the same page.
A section that did not run is left out. All user text is escaped. See
``docs/html-report.md``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from summarize.render import labels
from summarize.render.html.article import (
    ArticleView,
    QuoteSpan,
    SentenceSpan,
    marks_from_spans,
    render_article,
)
from summarize.render.html.base import (
    definition_list,
    esc,
    finite,
    fmt_int,
    nonblank,
    page,
    section,
)
from summarize.render.html.framing import (
    biased_sentences,
    category_figures,
    category_labels,
    legend,
    render_framing_section,
)
from summarize.render.html.palette import category_css, category_styles
from summarize.render.html.quotes import MIN_SPEECH_WORDS, quote_ranges
from summarize.render.html.readability import render_readability_section
from summarize.render.html.sentiment import render_sentiment_section
from summarize.render.html.summary import backlinks, render_summary_section
from summarize.report import Report, document_from_dict

if TYPE_CHECKING:
    from summarize.compare import Comparison
    from summarize.document import Document
    from summarize.framing.section import FramingSection

SECTION_ORDER = ("summary", "framing", "sentiment", "readability")
_TITLES = labels.SECTION_TITLES


def render_report_html(report: Report, sections: Sequence[str] = SECTION_ORDER) -> str:
    """The whole report as one HTML page; ``sections`` chooses the analyses shown."""
    return render_report_dict_html(report.to_dict(), sections=sections, document=report.document)


def render_report_dict_html(
    data: dict[str, Any],
    text: str | None = None,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    sections: Sequence[str] = SECTION_ORDER,
    *,
    document: Document | None = None,
) -> str:
    """Render from the JSON form of a report (e.g. a saved ``--format json`` file).

    Without ``document`` the article is rebuilt from ``text`` when given, else from the
    report's sentences at their offsets; ``paragraphs`` (start, end) override its paragraphs.
    """
    if document is None and text is not None:
        document = document_from_dict(data, text)
    report = Report.from_dict(data, document)
    view = build_view(report, paragraphs, sections)
    chosen = [name for name in SECTION_ORDER if name in sections and report.section(name) is not None]
    body, nav = [_header(report)], []
    if report.summary is not None and "summary" in chosen:
        body.append(render_summary_section(report.summary, len(view.sentences)))
        nav.append(("summary", _TITLES["summary"]))
    body.append(_article_section(view, report.framing if "framing" in chosen else None))
    nav.append(("article", labels.ARTICLE))
    for name in chosen:
        if name != "summary":
            body.append(_analysis_section(name, report, view))
            nav.append((name, _TITLES[name]))
    body.append(_about(report))
    nav.append(("about", "About"))
    return page(_title(report), "\n".join(body), nav=nav, extra_css=category_css(view.styles.values()))


def _analysis_section(name: str, report: Report, view: ArticleView) -> str:
    sentence_of = _sentence_finder(view.sentences)
    if name == "framing" and report.framing is not None:
        return render_framing_section(report.framing, view.marks, view.styles, view.text, sentence_of)
    if name == "sentiment" and report.sentiment is not None:
        texts = [view.text[s.start : s.end] for s in view.sentences]
        return render_sentiment_section(report.sentiment, texts, sentence_of)
    if name == "readability" and report.readability is not None:
        return render_readability_section(report.readability, len(view.sentences))
    raise ValueError(f"no HTML section for {name!r}")


def build_view(
    report: Report, paragraphs: Sequence[tuple[int, int]] | None, sections: Sequence[str]
) -> ArticleView:
    text = report.document.text
    sentences = [
        SentenceSpan(s.index, s.start, s.end, s.paragraph) for s in report.sentences if s.end > s.start
    ]
    if not paragraphs:
        paragraphs = [(p.start, p.end) for p in report.document.paragraphs]
    framing = report.framing if "framing" in sections else None
    marks = marks_from_spans(framing.spans if framing is not None else [], len(text))
    styles = {}
    if framing is not None:
        styles = category_styles(category_figures(framing, marks), category_labels(framing))
    return ArticleView(
        text=text,
        sentences=sentences,
        paragraphs=paragraphs,
        marks=marks,
        quotes=_quotes(framing, text, paragraphs),
        styles=styles,
        biased=biased_sentences(framing),
        backlinks=backlinks(report.summary if "summary" in sections else None, len(sentences)),
    )


def _quotes(
    framing: FramingSection | None, text: str, paragraphs: Sequence[tuple[int, int]]
) -> list[QuoteSpan]:
    """Quoted speech as the framing analysis reports it when it ran, else found here.

    Short quotes (scare quotes, titles) are not speech: framing reports those as spans.
    """
    if framing is not None:
        found = [
            QuoteSpan(q.start, q.end, nonblank(q.speaker))
            for q in framing.quotes
            if 0 <= q.start < q.end <= len(text) and q.words >= MIN_SPEECH_WORDS
        ]
    else:
        found = [QuoteSpan(s, e) for s, e in quote_ranges(text, paragraphs)]
    merged: list[QuoteSpan] = []
    for quote in sorted(found, key=lambda q: q.start):
        if merged and quote.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = QuoteSpan(last.start, max(last.end, quote.end), last.speaker or quote.speaker)
        else:
            merged.append(quote)
    return merged


def _sentence_finder(sentences: Sequence[SentenceSpan]) -> Callable[[int], int | None]:
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]

    def sentence_of(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and ordered[i].start <= offset < ordered[i].end:
            return ordered[i].index
        return None

    return sentence_of


def _title(report: Report) -> str:
    return nonblank(report.source.title) or labels.REPORT_TITLE


def _header(report: Report) -> str:
    source, stats = report.source, report.stats
    facts = []
    if location := nonblank(source.location):
        facts.append((labels.SOURCE, esc(location)))
    for value, label in ((source.author, labels.AUTHOR), (source.date, labels.DATE)):
        if value := nonblank(value):
            facts.append((label, esc(value)))
    counts = (("words", stats.words), ("sentences", stats.sentences), ("paragraphs", stats.paragraphs))
    facts.append((labels.SIZE, " · ".join(f"{fmt_int(n)} {k}" for k, n in counts)))
    return (
        f'<header class="top"><p class="kicker">summarize · article report</p>'
        f"<h1>{esc(_title(report))}</h1>{definition_list(facts)}</header>"
    )


def _article_section(view: ArticleView, framing: FramingSection | None) -> str:
    intro = []
    if view.styles:
        intro.append(
            "Framing terms are highlighted by category: hover, tap or tab to a term to see "
            "why it frames and a neutral alternative."
        )
    if view.quotes:
        intro.append('<span class="quote">Quoted speech</span> is set apart from the writer\'s voice.')
    if view.biased:
        intro.append("⚑ marks sentences whose framing score is above the threshold.")
    if view.backlinks:
        intro.append('<span class="backref">S1</span> links a sentence to the summary sentence it supports.')
    figures = category_figures(framing, view.marks) if view.styles else {}
    body = legend(view.styles, figures) + f'<div class="article">{render_article(view)}</div>'
    return section("article", labels.ARTICLE, body, intro=" ".join(intro))


def _model_line(job: str, ident: str, where: str) -> str | None:
    if not nonblank(ident):
        return None
    job_part = f"{job}: " if nonblank(job) else ""
    where_part = f" ({where})" if nonblank(where) else ""
    return esc(f"{job_part}{ident}{where_part}")


def _about(report: Report) -> str:
    provenance = report.provenance
    facts = []
    if version := nonblank(provenance.package_version):
        facts.append(("Made by", f"summarize {esc(version)}"))
    if schema := nonblank(report.schema_version):
        facts.append(("Report schema", esc(schema)))
    models = [line for m in provenance.models if (line := _model_line(m.job, m.id, m.source))]
    if models:
        facts.append(("Models", "<br>".join(models)))
    timing = [f"{esc(k)} {n:.2f} s" for k, v in provenance.timings.items() if (n := finite(v)) is not None]
    if timing:
        facts.append(("Timings", " · ".join(timing)))
    body = definition_list(facts)
    if provenance.warnings:
        body += '<ul class="warnings">' + "".join(f"<li>{esc(w)}</li>" for w in provenance.warnings) + "</ul>"
    body += (
        '<p class="note">This page is self-contained: it loads nothing from the network and '
        "runs no script.</p>"
    )
    return section("about", "About this report", body)


def render_compare_html(comparison: Comparison) -> str:
    """The compare view (``summarize compare A B --format html``)."""
    from summarize.render.html.compare import render_compare_page

    return render_compare_page(comparison)
