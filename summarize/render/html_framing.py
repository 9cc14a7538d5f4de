"""The framing section: legend, category densities and every span with its explanation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from summarize.render.html_article import Mark
from summarize.render.html_base import (
    as_dict,
    as_int,
    as_list,
    as_num,
    as_str,
    definition_list,
    esc,
    fmt_num,
    section,
    sentence_link,
)
from summarize.render.html_palette import CategoryStyle, short_label


def category_figures(
    framing: Mapping[str, Any], marks: Sequence[Mark]
) -> dict[str, tuple[int, float | None]]:
    """category -> (count, per 1,000 words); counted from the spans when not reported."""
    figures: dict[str, tuple[int, float | None]] = {}
    for name, raw in as_dict(framing.get("categories")).items():
        data = as_dict(raw)
        count = as_int(data.get("count"))
        if count is None and (n := as_int(raw)) is not None:
            count = n
        figures[name] = (count or 0, as_num(data.get("per_1000_words")))
    counted = Counter(m.category for m in marks)
    for name, count in counted.items():
        figures.setdefault(name, (count, None))
    return figures


def category_labels(framing: Mapping[str, Any]) -> dict[str, str]:
    """category -> display label, when the framing section gives one."""
    out = {}
    for name, raw in as_dict(framing.get("categories")).items():
        if label := as_str(as_dict(raw).get("label")):
            out[name] = label
    return out


def legend(
    styles: Mapping[str, CategoryStyle],
    figures: Mapping[str, tuple[int, float | None]],
    *,
    heading: bool = True,
) -> str:
    if not styles:
        return ""
    items = []
    for name, style in styles.items():
        count, density = figures.get(name, (0, None))
        density_text = f" · {fmt_num(density)} per 1,000 words" if density is not None else ""
        terms = f"{count} term{'s' if count != 1 else ''}"
        how = f"{style.colour_name} highlight, {style.underline} underline, tag “{style.tag}”"
        items.append(
            f'<li><span class="mark swatch {style.css_class}" title="{esc(how)}">Aa'
            f'<span class="tag" aria-hidden="true">{esc(style.tag)}</span></span> '
            f'<span class="lname">{esc(style.label)}</span> '
            f'<span class="lcount">{terms}{density_text}</span>'
            f'<span class="visually-hidden"> ({esc(how)})</span></li>'
        )
    title = '<h3 class="legend-h">Legend</h3>' if heading else ""
    return f'<div class="legend">{title}<ul>{"".join(items)}</ul></div>'


def render_framing_section(
    framing: Any,
    marks: Sequence[Mark],
    styles: Mapping[str, CategoryStyle],
    text: str,
    sentence_of: Callable[[int], int | None],
) -> str:
    framing = as_dict(framing)
    figures = category_figures(framing, marks)
    document = as_dict(framing.get("document"))
    facts = []
    if (score := as_num(document.get("score"))) is not None:
        facts.append(("Framing score", fmt_num(score, 2)))
    if (share := as_num(document.get("biased_share"))) is not None:
        facts.append(("Sentences judged framed", f"{share * 100:.0f}%"))
    facts.append(("Framing terms", str(len(marks))))
    in_quotes = sum(1 for m in marks if m.in_quote)
    if in_quotes:
        facts.append(("…of them inside quotations", str(in_quotes)))
    body = definition_list(facts) + legend(styles, figures, heading=False)
    rows = [_term_row(group, styles, text, sentence_of) for group in group_marks(marks, text)]
    if rows:
        body += (
            '<div class="tablewrap"><table class="spans"><caption>Every framing term, in order of first '
            "use; ❝ marks uses inside quotations (the speaker's framing, not the writer's)</caption>"
            "<thead><tr><th>Term</th><th>Why it frames</th><th>Neutral alternative</th>"
            f"<th>Where</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    else:
        body += '<p class="empty">No framing terms found.</p>'
    return section("framing", "Framing", body)


def group_marks(marks: Sequence[Mark], text: str) -> list[list[Mark]]:
    """Uses of the same term in the same category, in order of first use."""
    groups: dict[tuple[str, str], list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: m.start):
        key = (" ".join(text[mark.start : mark.end].lower().split()), mark.category)
        groups.setdefault(key, []).append(mark)
    return list(groups.values())


def _term_row(
    group: Sequence[Mark],
    styles: Mapping[str, CategoryStyle],
    text: str,
    sentence_of: Callable[[int], int | None],
) -> str:
    first = group[0]
    style = styles.get(first.category)
    css = style.css_class if style else "cx"
    label = style.label if style else short_label(first.category, 40)
    count = f" ×{len(group)}" if len(group) > 1 else ""
    where = []
    for mark in group:
        index = sentence_of(mark.start)
        if index is None:
            continue
        link = sentence_link(index)
        if mark.in_quote:
            who = f"Quoted from {mark.speaker}" if mark.speaker else "Inside a quotation"
            link = f'<span title="{esc(who)}">❝{link}</span>'
        where.append(link)
    return (
        f'<tr><td><span class="mark swatch {css}">{esc(" ".join(text[first.start : first.end].split()))}'
        f'</span>{count}<br><small class="muted">{esc(label)}</small></td>'
        f"<td>{esc(first.explanation or '')}</td><td>{esc(first.alternative or '')}</td>"
        f"<td>{', '.join(where)}</td></tr>"
    )


def biased_sentences(framing: Any) -> dict[int, float | None]:
    out: dict[int, float | None] = {}
    for raw in as_list(as_dict(framing).get("sentences")):
        data = as_dict(raw)
        index = as_int(data.get("index"))
        if index is not None and data.get("biased") is True:
            out[index] = as_num(data.get("score"))
    return out
