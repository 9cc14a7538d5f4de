"""The summary section: each sentence linked to the article sentences that support it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

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
    model_label,
    section,
    sentence_link,
)


def summary_sentences(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [s for s in as_list(summary.get("sentences")) if isinstance(s, Mapping)]


def source_indices(item: Mapping[str, Any], n_sentences: int) -> list[int]:
    indices = []
    for raw in as_list(item.get("source_sentences")):
        index = as_int(raw)
        if index is None and isinstance(raw, Mapping):
            index = as_int(raw.get("index"))
        if index is not None and 0 <= index < n_sentences and index not in indices:
            indices.append(index)
    return indices


def backlinks(summary: Mapping[str, Any], n_sentences: int) -> dict[int, list[int]]:
    """Article sentence index -> the (1-based) summary sentences it supports."""
    links: dict[int, list[int]] = {}
    for number, item in enumerate(summary_sentences(summary), start=1):
        for index in source_indices(item, n_sentences):
            links.setdefault(index, []).append(number)
    return links


def flag_terms(item: Mapping[str, Any]) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """(terms to find, explicit offsets, readable notes) from a sentence's ``flags``."""
    terms, offsets, notes = [], [], []
    for flag in as_list(item.get("flags")):
        if isinstance(flag, str) and flag.strip():
            terms.append(flag.strip())
            notes.append(flag.strip())
        elif isinstance(flag, Mapping):
            term = first_str(flag, "text", "term", "value", "token")
            kind = first_str(flag, "kind", "type", "category", "reason")
            start, end = as_int(flag.get("start")), as_int(flag.get("end"))
            if start is not None and end is not None and start < end:
                offsets.append((start, end))
            elif term:
                terms.append(term)
            if term or kind:
                notes.append(" ".join(x for x in (term and f"“{term}”", kind and f"({kind})") if x))
    return terms, offsets, notes


def highlight_flags(text: str, terms: list[str], offsets: list[tuple[int, int]]) -> str:
    ranges = [(s, e) for s, e in offsets if 0 <= s < e <= len(text)]
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


def render_summary_section(summary: Any, n_sentences: int) -> str:
    summary = as_dict(summary)
    items = summary_sentences(summary)
    facts = []
    if method := as_str(summary.get("method")):
        shown = as_str(summary.get("shown"))
        if shown and shown != method:
            method = f"{shown} fallback (no {method} sentence passed --strict)"
        facts.append(("Method", esc(method)))
    if selection := as_str(summary.get("selection")):
        facts.append(("Selection", esc(selection)))
    if model := model_label(summary.get("model")):
        facts.append(("Model", esc(model)))
    if length := as_str(summary.get("length")):
        facts.append(("Length", esc(length)))
    if (chunks := as_int(summary.get("chunks"))) is not None:
        facts.append(("Chunks", fmt_int(chunks)))
    rows = []
    for number, item in enumerate(items, start=1):
        text = as_str(item.get("text")) or ""
        terms, offsets, notes = flag_terms(item)
        sources = source_indices(item, n_sentences)
        support = as_num(item.get("support"))
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
        rows.append(
            f'<li id="sum-{number}"{cls}><span class="stext">{highlight_flags(text, terms, offsets)}'
            f'</span> <span class="smeta">{" · ".join(meta)}</span></li>'
        )
    body = definition_list(facts)
    if summary.get("supported_by_construction") is True:
        body += (
            '<p class="note">Extractive: every sentence is copied from the article, so it is '
            "supported by construction.</p>"
        )
    warnings = [w for w in as_list(summary.get("warnings")) if isinstance(w, str)]
    if warnings:
        body += '<ul class="warnings">' + "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul>"
    if rows:
        body += f'<ol class="summary">{"".join(rows)}</ol>'
    else:
        body += '<p class="empty">The summary is empty.</p>'
    intro = (
        "Each sentence links to the article sentences that support it; names or numbers "
        'that do not occur in the article are <mark class="flag">marked</mark>.'
    )
    return section("summary", "Summary", body, intro=intro)
