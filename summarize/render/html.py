"""The self-contained HTML report (``--format html``) and compare view.

One file, no network: CSS inline, system fonts, charts drawn as inline SVG, no
script at all, and a Content-Security-Policy that forbids loading anything. The
page is rendered from ``report.to_dict()`` (the stable JSON contract) plus the
article text, reading every field defensively: a missing section or field is
left out, never a crash. All user text is escaped. See ``docs/html-report.md``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from summarize.render.html_article import (
    ArticleView,
    QuoteSpan,
    SentenceSpan,
    marks_from_spans,
    render_article,
)
from summarize.render.html_base import (
    as_dict,
    as_int,
    as_list,
    as_num,
    as_str,
    definition_list,
    esc,
    first_str,
    fmt_int,
    page,
    section,
)
from summarize.render.html_framing import (
    biased_sentences,
    category_figures,
    category_labels,
    legend,
    render_framing_section,
)
from summarize.render.html_palette import category_css, category_styles
from summarize.render.html_quotes import MIN_SPEECH_WORDS, quote_ranges
from summarize.render.html_readability import render_readability_section
from summarize.render.html_sentiment import render_sentiment_section
from summarize.render.html_summary import backlinks, render_summary_section

SECTION_ORDER = ("summary", "framing", "sentiment", "readability")
_TITLES = {"summary": "Summary", "framing": "Framing", "sentiment": "Sentiment", "readability": "Readability"}


def render_report_html(report: Any, sections: tuple[str, ...] = SECTION_ORDER) -> str:
    """The whole report as one HTML page; ``sections`` chooses the analyses shown."""
    data = report.to_dict()
    document = getattr(report, "document", None)
    return render_report_dict_html(
        data, getattr(document, "text", None), _document_paragraphs(document), sections
    )


def render_report_dict_html(
    data: Mapping[str, Any],
    text: str | None,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    sections: Sequence[str] = SECTION_ORDER,
) -> str:
    """Render from the JSON form of a report (e.g. a saved ``--format json`` file)."""
    view = build_view(data, text, paragraphs, sections)
    chosen = [name for name in SECTION_ORDER if name in sections and data.get(name) is not None]
    body, nav = [_header(data)], []
    if "summary" in chosen:
        body.append(render_summary_section(data["summary"], len(view.sentences)))
        nav.append(("summary", "Summary"))
    body.append(_article_section(view, data if "framing" in chosen else {}))
    nav.append(("article", "Article"))
    for name in chosen:
        if name == "summary":
            continue
        if name == "framing":
            body.append(
                render_framing_section(
                    data["framing"], view.marks, view.styles, view.text, _sentence_finder(view.sentences)
                )
            )
        elif name == "sentiment":
            texts = [view.text[s.start : s.end] for s in view.sentences]
            body.append(render_sentiment_section(data["sentiment"], texts, _sentence_finder(view.sentences)))
        elif name == "readability":
            body.append(render_readability_section(data["readability"], len(view.sentences)))
        nav.append((name, _TITLES[name]))
    body.append(_about(data))
    nav.append(("about", "About"))
    return page(_title(data), "\n".join(body), nav=nav, extra_css=category_css(view.styles.values()))


def build_view(
    data: Mapping[str, Any],
    text: str | None,
    paragraphs: Sequence[tuple[int, int]] | None,
    sections: Sequence[str],
) -> ArticleView:
    sentences = _sentences(data)
    if text is None:
        text = _text_from_sentences(data)
    if not paragraphs:
        paragraphs = _paragraphs_from_sentences(sentences, len(text))
    framing = as_dict(data.get("framing")) if "framing" in sections else {}
    marks = marks_from_spans(as_list(framing.get("spans")), len(text))
    styles = category_styles(category_figures(framing, marks), category_labels(framing)) if framing else {}
    summary = as_dict(data.get("summary")) if "summary" in sections else {}
    quotes = _quotes(framing, text, paragraphs)
    return ArticleView(
        text=text,
        sentences=sentences,
        paragraphs=paragraphs,
        marks=marks,
        quotes=quotes,
        styles=styles,
        biased=biased_sentences(framing),
        backlinks=backlinks(summary, len(sentences)),
    )


def _quotes(framing: Mapping[str, Any], text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Quoted speech as the framing analysis reports it when it ran, else found here.

    Short quotes (scare quotes, titles) are not speech: framing reports those as spans.
    """
    if "quotes" in framing:
        found = []
        for raw in as_list(framing.get("quotes")):
            item = as_dict(raw)
            start, end = as_int(item.get("start")), as_int(item.get("end"))
            words = as_int(item.get("words"))
            if start is None or end is None or not 0 <= start < end <= len(text):
                continue
            if words is not None and words < MIN_SPEECH_WORDS:
                continue
            found.append(QuoteSpan(start, end, as_str(item.get("speaker"))))
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


def _sentences(data: Mapping[str, Any]) -> list[SentenceSpan]:
    out = []
    for i, raw in enumerate(as_list(data.get("sentences"))):
        item = as_dict(raw)
        start, end = as_int(item.get("start")), as_int(item.get("end"))
        if start is None or end is None or end <= start:
            continue
        index = as_int(item.get("index"))
        paragraph = as_int(item.get("paragraph"))
        out.append(SentenceSpan(i if index is None else index, start, end, paragraph or 0))
    return out


def _text_from_sentences(data: Mapping[str, Any]) -> str:
    """Without the Document, put each sentence at its offset so every offset stays valid."""
    items = [as_dict(s) for s in as_list(data.get("sentences"))]
    length = max((as_int(s.get("end")) or 0 for s in items), default=0)
    chars = [" "] * length
    for item in items:
        start, text = as_int(item.get("start")), as_str(item.get("text"))
        if start is not None and text is not None and start + len(text) <= length:
            chars[start : start + len(text)] = text
    return "".join(chars)


def _paragraphs_from_sentences(sentences: Sequence[SentenceSpan], length: int) -> list[tuple[int, int]]:
    bounds: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = bounds.get(s.paragraph, (s.start, s.end))
        bounds[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    if not bounds:
        return [(0, length)] if length else []
    return [bounds[k] for k in range(max(bounds) + 1) if k in bounds]


def _document_paragraphs(document: Any) -> list[tuple[int, int]] | None:
    paragraphs = getattr(document, "paragraphs", None)
    if not paragraphs:
        return None
    return [(p.start, p.end) for p in paragraphs]


def _sentence_finder(sentences: Sequence[SentenceSpan]) -> Callable[[int], int | None]:
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]

    def sentence_of(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and ordered[i].start <= offset < ordered[i].end:
            return ordered[i].index
        return None

    return sentence_of


def _title(data: Mapping[str, Any]) -> str:
    return as_str(as_dict(data.get("source")).get("title")) or "Article report"


def _header(data: Mapping[str, Any]) -> str:
    source = as_dict(data.get("source"))
    stats = as_dict(data.get("stats"))
    facts = []
    location = as_str(source.get("location"))
    if location:
        facts.append(("Source", esc(location)))
    for key, label in (("author", "Author"), ("date", "Date")):
        if value := as_str(source.get(key)):
            facts.append((label, esc(value)))
    size = [
        f"{fmt_int(as_int(stats.get(k)))} {k}"
        for k in ("words", "sentences", "paragraphs")
        if as_int(stats.get(k)) is not None
    ]
    if size:
        facts.append(("Size", " · ".join(size)))
    return (
        f'<header class="top"><p class="kicker">summarize · article report</p>'
        f"<h1>{esc(_title(data))}</h1>{definition_list(facts)}</header>"
    )


def _article_section(view: ArticleView, data: Mapping[str, Any]) -> str:
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
    figures = category_figures(as_dict(data.get("framing")), view.marks) if view.styles else {}
    body = legend(view.styles, figures) + f'<div class="article">{render_article(view)}</div>'
    return section("article", "Article", body, intro=" ".join(intro))


def _about(data: Mapping[str, Any]) -> str:
    provenance = as_dict(data.get("provenance"))
    facts = []
    version = as_str(provenance.get("package_version"))
    if version:
        facts.append(("Made by", f"summarize {esc(version)}"))
    if schema := as_str(data.get("schema_version")):
        facts.append(("Report schema", esc(schema)))
    models = []
    for raw in as_list(provenance.get("models")):
        item = as_dict(raw)
        ident = first_str(item, "id")
        if ident:
            job = first_str(item, "job")
            where = first_str(item, "source")
            models.append(esc(f"{job + ': ' if job else ''}{ident}{f' ({where})' if where else ''}"))
    if models:
        facts.append(("Models", "<br>".join(models)))
    timings = as_dict(provenance.get("timings"))
    timing = [f"{esc(k)} {n:.2f} s" for k, v in timings.items() if (n := as_num(v)) is not None]
    if timing:
        facts.append(("Timings", " · ".join(timing)))
    body = definition_list(facts)
    warnings = [w for w in as_list(provenance.get("warnings")) if isinstance(w, str)]
    if warnings:
        body += '<ul class="warnings">' + "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul>"
    body += (
        '<p class="note">This page is self-contained: it loads nothing from the network and '
        "runs no script.</p>"
    )
    return section("about", "About this report", body)


def render_compare_html(comparison: Any) -> str:
    """The compare view (``summarize compare A B --format html``)."""
    from summarize.render.html_compare import render_compare_page

    return render_compare_page(comparison)
