"""The framing section: legend, category densities and every span with its explanation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from summarize.framing.section import FramingSection, Interval
from summarize.render import labels
from summarize.render.html.article import Mark
from summarize.render.html.base import (
    definition_list,
    esc,
    finite,
    fmt_num,
    nonblank,
    section,
    sentence_link,
)
from summarize.render.html.palette import CategoryStyle, short_label


def category_figures(
    framing: FramingSection | None, marks: Sequence[Mark]
) -> dict[str, tuple[int, float | None]]:
    """category -> (count, per 1,000 words); counted from the marks for categories not reported."""
    figures: dict[str, tuple[int, float | None]] = {
        name: (stat.count, finite(stat.per_1000_words))
        for name, stat in (framing.categories.items() if framing is not None else ())
    }
    counted = Counter(m.category for m in marks)
    for name, count in counted.items():
        figures.setdefault(name, (count, None))
    return figures


def category_labels(framing: FramingSection) -> dict[str, str]:
    """category -> display label, when the framing section gives one."""
    return {name: label for name, stat in framing.categories.items() if (label := nonblank(stat.label))}


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


def _interval_text(interval: Interval | None, percent: bool = False) -> str | None:
    if interval is None:
        return None
    value, low, high = finite(interval.value), finite(interval.low), finite(interval.high)
    if value is None:
        return None
    if percent:
        return f"{value * 100:.0f}%" + (
            f" (95% CI {low * 100:.0f}–{high * 100:.0f}%)" if low is not None and high is not None else ""
        )
    return fmt_num(value, 1) + (
        f" (95% CI {fmt_num(low, 1)}–{fmt_num(high, 1)})" if low is not None and high is not None else ""
    )


def _facts(framing: FramingSection, loaded: Sequence[Mark], devices: Sequence[Mark]) -> list[tuple[str, str]]:
    document, measure = framing.document, framing.measure
    facts = []
    if measure and (density := _interval_text(measure.loaded_per_1000_words)) is not None:
        expected = measure.density_basis == "expected"
        basis = labels.EXPECTED_BASIS if expected else labels.WRITERS_VOICE
        facts.append((f"{labels.LOADED_PER_1000} ({basis})", density))
        if expected and measure.loaded_spans_per_1000_words is not None:
            spans = _interval_text(measure.loaded_spans_per_1000_words)
            facts.append((f"{labels.LOADED_SPANS_PER_1000} ({labels.WRITERS_VOICE})", spans or ""))
    if measure and (share := _interval_text(measure.biased_share, percent=True)) is not None:
        facts.append((labels.BIASED_SENTENCES, share))
    elif (plain := finite(document.biased_share)) is not None:
        facts.append((labels.BIASED_SENTENCES, f"{plain * 100:.0f}%"))
    if (score := finite(document.score)) is not None:
        facts.append((labels.FRAMING_SCORE, fmt_num(score, 2)))
    facts.append((labels.LOADED_TERMS, str(len(loaded))))
    if in_quotes := sum(1 for m in loaded if m.in_quote):
        facts.append(("…of them inside quotations (the speaker's, not counted above)", str(in_quotes)))
    facts.append((labels.layer_heading("device"), str(len(devices))))
    return facts


def _term_table(rows: list[str], caption: str) -> str:
    return (
        f'<div class="tablewrap"><table class="spans"><caption>{esc(caption)}</caption>'
        "<thead><tr>"
        + "".join(
            f"<th>{esc(label)}</th>"
            for label in (labels.SPAN_TERM, labels.SPAN_WHY, labels.SPAN_ALTERNATIVE, labels.SPAN_WHERE)
        )
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def render_framing_section(
    framing: FramingSection,
    marks: Sequence[Mark],
    styles: Mapping[str, CategoryStyle],
    text: str,
    sentence_of: Callable[[int], int | None],
) -> str:
    figures = category_figures(framing, marks)
    loaded = [m for m in marks if m.layer != "device"]
    devices = [m for m in marks if m.layer == "device"]
    body = definition_list(_facts(framing, loaded, devices)) + legend(styles, figures, heading=False)
    loaded_rows = [_term_row(g, styles, text, sentence_of) for g in group_marks(loaded, text)]
    device_rows = [_term_row(g, styles, text, sentence_of) for g in group_marks(devices, text)]
    body += f'<h3 class="layer-h">{esc(labels.layer_heading("loaded"))}</h3>'
    if loaded_rows:
        body += _term_table(
            loaded_rows,
            "Wording that takes a side, in order of first use; ❝ marks uses inside quotations "
            "(the speaker's framing, not the writer's)",
        )
    else:
        body += '<p class="empty">No loaded language found.</p>'
    body += f'<h3 class="layer-h">{esc(labels.layer_heading("device"))}</h3>'
    if device_rows:
        body += _term_table(
            device_rows,
            "Hedges, attribution, passives, factives, presuppositions, conflict vocabulary: ordinary "
            "tools of reporting that shape how a claim reads",
        )
    else:
        body += '<p class="empty">No framing devices found.</p>'
    return section("framing", labels.SECTION_TITLES["framing"], body)


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
    scores = [m.confidence for m in group if m.confidence is not None]
    confidence = f" · confidence {max(scores):.2f}" if scores else ""
    return (
        f'<tr><td><span class="mark swatch {css}">{esc(" ".join(text[first.start : first.end].split()))}'
        f'</span>{count}<br><small class="muted">{esc(label)}{confidence}</small></td>'
        f"<td>{esc(first.explanation or '')}</td><td>{esc(first.alternative or '')}</td>"
        f"<td>{', '.join(where)}</td></tr>"
    )


def biased_sentences(framing: FramingSection | None) -> dict[int, float | None]:
    """Sentence index -> framing score, for the sentences decided biased."""
    if framing is None:
        return {}
    return {s.index: finite(s.score) for s in framing.sentences if s.biased}
