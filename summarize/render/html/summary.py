"""The summary section: each sentence linked to the article sentences that support it."""

from __future__ import annotations

import re

from summarize.render import labels
from summarize.render.html.base import (
    definition_list,
    esc,
    finite,
    fmt_int,
    model_label,
    nonblank,
    section,
    sentence_link,
)
from summarize.summary.section import Flag, SummarySection, SummarySentence


def source_indices(item: SummarySentence, n_sentences: int) -> list[int]:
    return list(dict.fromkeys(i for i in item.source_sentences if 0 <= i < n_sentences))


def backlinks(summary: SummarySection | None, n_sentences: int) -> dict[int, list[int]]:
    """Article sentence index -> the (1-based) summary sentences it supports."""
    links: dict[int, list[int]] = {}
    for number, item in enumerate(summary.sentences if summary is not None else (), start=1):
        for index in source_indices(item, n_sentences):
            links.setdefault(index, []).append(number)
    return links


def flag_terms(flags: list[Flag]) -> tuple[list[str], list[str]]:
    """(terms to mark in the sentence, readable notes) from a sentence's ``flags``."""
    terms, notes = [], []
    for flag in flags:
        term, kind = nonblank(flag.text), nonblank(flag.kind)
        if term:
            terms.append(term)
        if term or kind:
            notes.append(" ".join(x for x in (term and f"“{term}”", kind and f"({kind})") if x))
    return terms, notes


def highlight_flags(text: str, terms: list[str]) -> str:
    ranges: list[tuple[int, int]] = []
    for term in terms:
        pattern = re.escape(term)
        if term[:1].isalnum():
            pattern = r"(?<!\w)" + pattern
        if term[-1:].isalnum():
            pattern += r"(?!\w)"
        ranges += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(ranges, key=lambda r: (r[0], -r[1])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end))
    out, pos = [], 0
    for start, end in chosen:
        out.append(esc(text[pos:start]))
        out.append(f'<mark class="flag" title="Not found in the article">{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _facts(summary: SummarySection) -> list[tuple[str, str]]:
    facts = []
    if method := nonblank(summary.method):
        shown = nonblank(summary.shown)
        if shown and shown != method:
            method = f"{shown} fallback (no {method} sentence passed --strict)"
        facts.append(("Method", esc(method)))
    if selection := nonblank(summary.selection):
        facts.append(("Selection", esc(selection)))
    if model := model_label(summary.model):
        facts.append(("Model", esc(model)))
    if length := nonblank(summary.length):
        facts.append(("Length", esc(length)))
    facts.append(("Chunks", fmt_int(summary.chunks)))
    return facts


def _sentence_row(number: int, item: SummarySentence, n_sentences: int) -> str:
    terms, notes = flag_terms(item.flags)
    sources = source_indices(item, n_sentences)
    support = finite(item.support)
    meta = []
    if sources:
        links = ", ".join(sentence_link(i) for i in sources)
        meta.append(f'<span class="from">from sentence{"s" if len(sources) > 1 else ""} {links}</span>')
    if support is not None:
        pct = max(0.0, min(1.0, support)) * 100
        meta.append(
            f'<span class="support" title="Support score {support:.2f}">support '
            f'<meter min="0" max="1" value="{max(0.0, min(1.0, support)):.3f}"></meter> '
            f"{pct:.0f}%</span>"
        )
    if notes:
        meta.append(f'<span class="flagnote">⚠ not in the article: {esc(", ".join(notes))}</span>')
    cls = ' class="flagged"' if notes else ""
    text = nonblank(item.text) or ""
    return (
        f'<li id="sum-{number}"{cls}><span class="stext">{highlight_flags(text, terms)}'
        f'</span> <span class="smeta">{" · ".join(meta)}</span></li>'
    )


def render_summary_section(summary: SummarySection, n_sentences: int) -> str:
    rows = [_sentence_row(n, item, n_sentences) for n, item in enumerate(summary.sentences, start=1)]
    body = definition_list(_facts(summary))
    if summary.supported_by_construction:
        body += (
            '<p class="note">Extractive: every sentence is copied from the article, so it is '
            "supported by construction.</p>"
        )
    if summary.warnings:
        body += '<ul class="warnings">' + "".join(f"<li>{esc(w)}</li>" for w in summary.warnings) + "</ul>"
    if rows:
        body += f'<ol class="summary">{"".join(rows)}</ol>'
    else:
        body += '<p class="empty">The summary is empty.</p>'
    intro = (
        "Each sentence links to the article sentences that support it; names or numbers "
        'that do not occur in the article are <mark class="flag">marked</mark>.'
    )
    return section("summary", labels.SECTION_TITLES["summary"], body, intro=intro)
