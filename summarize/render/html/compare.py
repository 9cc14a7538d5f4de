"""The compare view: two articles' framing profiles side by side.

Rendered from ``summarize.compare.Comparison``: category densities of both articles
on one chart and in a table, the terms only one of them uses, the terms both use, and
how each names the same actors. All text is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from summarize.compare import ActorNaming, CategoryComparison, Comparison, TermUse
from summarize.render import labels
from summarize.render.html.base import (
    definition_list,
    esc,
    finite,
    fmt_int,
    fmt_num,
    nonblank,
    page,
    section,
)
from summarize.render.html.charts import PairRow, paired_bars_svg
from summarize.render.html.palette import CategoryStyle, category_css, category_styles, short_label

MAX_TERMS_SHOWN = 60


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    category: str | None
    count: int = 1
    in_quotes: int = 0


def _terms(uses: Sequence[TermUse]) -> list[Term]:
    return [Term(u.text, nonblank(u.category), u.count or 1, u.in_quotes) for u in uses if nonblank(u.text)]


def render_compare_page(data: Comparison) -> str:
    title_a = nonblank(data.title_a) or "Article A"
    title_b = nonblank(data.title_b) or "Article B"
    categories = [c for c in data.categories if nonblank(c.name)]
    only_a, only_b = _terms(data.only_a), _terms(data.only_b)
    shared = [Term(text, None) for text in data.shared if nonblank(text)]
    names_shown = {c.name: label for c in categories if (label := nonblank(c.label))}
    names = [c.name for c in categories] + [t.category for t in only_a + only_b if t.category]
    styles = category_styles(names, names_shown)

    head = (
        '<header class="top"><p class="kicker">summarize · framing compared</p>'
        f'<h1>{esc(title_a)} <span class="vs">vs</span> {esc(title_b)}</h1></header>'
    )
    body = [
        head,
        _profiles(data, categories, styles, (title_a, title_b)),
        _terms_section(only_a, only_b, shared, styles, (title_a, title_b)),
        _actors(data.actors, (title_a, title_b)),
    ]
    nav = [("profiles", "Framing profiles"), ("terms", "Terms"), ("actors", labels.ACTORS)]
    return page(f"{title_a} vs {title_b}", "\n".join(body), nav=nav, extra_css=category_css(styles.values()))


def _verdict_facts(data: Comparison, side: str) -> list[tuple[str, str]]:
    """Loaded-language density and biased share with their 95% intervals."""
    facts = []
    for verdict in data.verdicts:
        figure = verdict.a if side == "a" else verdict.b
        value, low, high = finite(figure.value), finite(figure.low), finite(figure.high)
        if value is None or low is None or high is None:
            continue
        title = labels.COMPARE_FIGURES.get(verdict.figure, labels.BIASED_SENTENCES)
        if verdict.figure == "biased_share":
            facts.append((title, f"{value * 100:.0f}% (95% CI {low * 100:.0f}–{high * 100:.0f}%)"))
        else:
            facts.append(
                (
                    title,
                    f"{fmt_num(value, 1)} (95% CI {fmt_num(low, 1)}–{fmt_num(high, 1)})",
                )
            )
    return facts


def _verdicts(data: Comparison) -> str:
    lis = "".join(f"<li>{esc(v.text)}</li>" for v in data.verdicts if nonblank(v.text))
    return f'<ul class="verdicts">{lis}</ul>' if lis else ""


def _side_facts(data: Comparison, side: str) -> str:
    words, score, share = (
        (data.words_a, data.score_a, data.biased_share_a)
        if side == "a"
        else (data.words_b, data.score_b, data.biased_share_b)
    )
    facts = [(labels.WORDS, fmt_int(words))]
    facts += _verdict_facts(data, side)
    if (shown := finite(score)) is not None:
        facts.append((labels.FRAMING_SCORE, fmt_num(shown, 2)))
    if (part := finite(share)) is not None:
        facts.append((labels.SENTENCES_FRAMED, f"{part * 100:.0f}%"))
    return definition_list(facts)


def _profiles(
    data: Comparison,
    categories: Sequence[CategoryComparison],
    styles: Mapping[str, CategoryStyle],
    titles: tuple[str, str],
) -> str:
    cards = (
        f'<div class="pair"><div><h3>A: {esc(titles[0])}</h3>{_side_facts(data, "a")}</div>'
        f"<div><h3>B: {esc(titles[1])}</h3>{_side_facts(data, 'b')}</div></div>"
    ) + _verdicts(data)
    distance = finite(data.profile_distance)
    intro = ""
    if distance is not None:
        intro = (
            f"The two loaded-language profiles differ by {distance * 100:.0f}%: the share of loaded "
            "terms that would have to move to another category to make them the same. Framing "
            "devices (hedges, attribution, passives…) are listed but never part of a verdict."
        )
    rows, table_rows = [], []
    for c in categories:
        style = styles[c.name]
        pa, pb = finite(c.per_1000_a) or 0.0, finite(c.per_1000_b) or 0.0
        device = labels.DEVICE_SUFFIX if c.layer == "device" else ""
        rows.append(PairRow(style.label + device, pa, pb))
        table_rows.append(
            f'<tr><th scope="row"><span class="mark swatch {style.css_class}">{esc(style.label + device)}'
            f'<span class="tag" aria-hidden="true">{esc(style.tag)}</span></span></th>'
            f'<td class="num">{fmt_num(pa)}</td><td class="num">{fmt_num(pb)}</td>'
            f'<td class="num">{fmt_int(c.count_a)}</td>'
            f'<td class="num">{fmt_int(c.count_b)}</td></tr>'
        )
    chart = ""
    if any(r.a or r.b for r in rows):
        chart = (
            '<figure class="chartbox">'
            + paired_bars_svg(
                rows,
                ("A", "B"),
                chart_id="density",
                title=labels.COMPARE_BY_CATEGORY,
                unit=" per 1,000 words",
            )
            + "<figcaption>Framing terms per 1,000 words in each category: A solid, B hatched."
            "</figcaption></figure>"
        )
    table = ""
    if table_rows:
        table = (
            f'<div class="tablewrap"><table class="profile"><thead><tr><th>{esc(labels.CATEGORY)}</th>'
            "<th>A per 1,000</th><th>B per 1,000</th><th>A count</th><th>B count</th></tr></thead>"
            f"<tbody>{''.join(table_rows)}</tbody></table></div>"
        )
    elif not chart:
        table = '<p class="empty">Neither article has framing terms.</p>'
    return section("profiles", "Framing profiles", cards + chart + table, intro=intro)


def _chips(terms: Sequence[Term], styles: Mapping[str, CategoryStyle]) -> str:
    if not terms:
        return '<p class="empty">None.</p>'
    items = []
    ordered = sorted(terms, key=lambda t: (-t.count, t.text.lower()))
    for term in ordered[:MAX_TERMS_SHOWN]:
        style = styles.get(term.category or "")
        css = style.css_class if style else "cx"
        label = style.label if style else (short_label(term.category, 40) if term.category else "")
        count = f" ×{term.count}" if term.count > 1 else ""
        quoted = f", {term.in_quotes} in quotations" if term.in_quotes else ""
        tag = f'<span class="tag" aria-hidden="true">{esc(style.tag)}</span>' if style else ""
        title = f' title="{esc(label + quoted)}"' if label or quoted else ""
        items.append(f'<li><span class="mark swatch {css}"{title}>{esc(term.text)}{count}{tag}</span></li>')
    more = len(ordered) - MAX_TERMS_SHOWN
    tail = f'<p class="note">…and {more} more.</p>' if more > 0 else ""
    return f'<ul class="terms">{"".join(items)}</ul>{tail}'


def _terms_section(
    only_a: Sequence[Term],
    only_b: Sequence[Term],
    shared: Sequence[Term],
    styles: Mapping[str, CategoryStyle],
    titles: tuple[str, str],
) -> str:
    body = (
        f'<div class="pair"><div><h3>Only in A: {esc(titles[0])}</h3>{_chips(only_a, styles)}</div>'
        f"<div><h3>Only in B: {esc(titles[1])}</h3>{_chips(only_b, styles)}</div></div>"
    )
    if shared:
        body += f"<h3>Used by both</h3>{_chips(shared, styles)}"
    intro = "The colour, underline and tag give each term's category, as in the single-article report."
    return section("terms", labels.ONLY_ONE_USES, body, intro=intro)


def _names(item: ActorNaming, side: str) -> str:
    names, mentions, framing = (
        (item.names_a, item.mentions_a, item.framing_a)
        if side == "a"
        else (item.names_b, item.mentions_b, item.framing_b)
    )
    text = esc(", ".join(names)) or "—"
    text += f' <span class="muted">×{mentions}</span>'
    if framing:
        text += f"<br><small>framing nearby: {esc(', '.join(framing))}</small>"
    return text


def _actors(actors: Sequence[ActorNaming], titles: tuple[str, str]) -> str:
    rows = [
        f'<tr><th scope="row">{esc(item.actor)}</th><td>{_names(item, "a")}</td>'
        f"<td>{_names(item, 'b')}</td></tr>"
        for item in actors
        if nonblank(item.actor)
    ]
    if not rows:
        return section(
            "actors", labels.NAMING_ACTORS, '<p class="empty">No actor is named in both articles.</p>'
        )
    table = (
        f'<div class="tablewrap"><table class="naming"><thead><tr><th>{esc(labels.ACTOR)}</th>'
        f"<th>A: {esc(titles[0])}</th><th>B: {esc(titles[1])}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return section(
        "actors",
        labels.NAMING_ACTORS,
        table,
        intro="The names each article uses for the same actor, how often, and the framing "
        "words written next to it.",
    )
