"""The compare view: two articles' framing profiles side by side.

Rendered from ``summarize.compare.Comparison`` (or its JSON form): category densities
of both articles on one chart and in a table, the terms only one of them uses, the
terms both use, and how each names the same actors. Fields are read defensively, so
a missing one is left out, never a crash; all text is escaped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from summarize.jsonable import to_jsonable
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
    fmt_num,
    page,
    section,
)
from summarize.render.html_charts import PairRow, paired_bars_svg
from summarize.render.html_palette import CategoryStyle, category_css, category_styles, short_label

MAX_TERMS_SHOWN = 60


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    category: str | None
    count: int = 1
    in_quotes: int = 0


def comparison_dict(comparison: Any) -> dict[str, Any]:
    if isinstance(comparison, Mapping):
        return dict(comparison)
    if dataclasses.is_dataclass(comparison) and not isinstance(comparison, type):
        return as_dict(to_jsonable(comparison))
    return {}


def _terms(value: Any) -> list[Term]:
    out = []
    for raw in as_list(value):
        if isinstance(raw, str) and raw.strip():
            out.append(Term(raw, None))
        elif isinstance(raw, Mapping) and (text := first_str(raw, "text", "term")):
            out.append(
                Term(
                    text,
                    as_str(raw.get("category")),
                    as_int(raw.get("count")) or 1,
                    as_int(raw.get("in_quotes")) or 0,
                )
            )
    return out


def render_compare_page(comparison: Any) -> str:
    data = comparison_dict(comparison)
    title_a = as_str(data.get("title_a")) or "Article A"
    title_b = as_str(data.get("title_b")) or "Article B"
    categories = [as_dict(c) for c in as_list(data.get("categories")) if isinstance(c, Mapping)]
    categories = [c for c in categories if as_str(c.get("name"))]
    only_a, only_b = _terms(data.get("only_a")), _terms(data.get("only_b"))
    shared = _terms(data.get("shared"))
    labels = {c["name"]: label for c in categories if (label := as_str(c.get("label")))}
    names = [c["name"] for c in categories] + [t.category for t in only_a + only_b if t.category]
    styles = category_styles(names, labels)

    head = (
        '<header class="top"><p class="kicker">summarize · framing compared</p>'
        f'<h1>{esc(title_a)} <span class="vs">vs</span> {esc(title_b)}</h1></header>'
    )
    body = [
        head,
        _profiles(data, categories, styles, (title_a, title_b)),
        _terms_section(only_a, only_b, shared, styles, (title_a, title_b)),
        _actors(data.get("actors"), (title_a, title_b)),
    ]
    nav = [("profiles", "Framing profiles"), ("terms", "Terms"), ("actors", "Actors")]
    return page(f"{title_a} vs {title_b}", "\n".join(body), nav=nav, extra_css=category_css(styles.values()))


def _verdict_facts(data: Mapping[str, Any], side: str) -> list[tuple[str, str]]:
    """Loaded-language density and biased share with their 95% intervals."""
    facts = []
    for raw in as_list(data.get("verdicts")):
        verdict = as_dict(raw)
        figure = as_dict(verdict.get(side))
        value, low, high = (as_num(figure.get(k)) for k in ("value", "low", "high"))
        if value is None or low is None or high is None:
            continue
        if verdict.get("figure") == "biased_share":
            facts.append(
                ("Sentences judged biased", f"{value * 100:.0f}% (95% CI {low * 100:.0f}–{high * 100:.0f}%)")
            )
        else:
            facts.append(
                (
                    "Loaded language per 1,000 words",
                    f"{fmt_num(value, 1)} (95% CI {fmt_num(low, 1)}–{fmt_num(high, 1)})",
                )
            )
    return facts


def _verdicts(data: Mapping[str, Any]) -> str:
    items = [as_str(as_dict(v).get("text")) for v in as_list(data.get("verdicts"))]
    lis = "".join(f"<li>{esc(t)}</li>" for t in items if t)
    return f'<ul class="verdicts">{lis}</ul>' if lis else ""


def _side_facts(data: Mapping[str, Any], side: str) -> str:
    facts = [("Words", fmt_int(as_int(data.get(f"words_{side}"))))]
    facts += _verdict_facts(data, side)
    if (score := as_num(data.get(f"score_{side}"))) is not None:
        facts.append(("Framing score", fmt_num(score, 2)))
    if (share := as_num(data.get(f"biased_share_{side}"))) is not None:
        facts.append(("Sentences judged framed", f"{share * 100:.0f}%"))
    return definition_list(facts)


def _profiles(
    data: Mapping[str, Any],
    categories: Sequence[Mapping[str, Any]],
    styles: Mapping[str, CategoryStyle],
    titles: tuple[str, str],
) -> str:
    cards = (
        f'<div class="pair"><div><h3>A: {esc(titles[0])}</h3>{_side_facts(data, "a")}</div>'
        f"<div><h3>B: {esc(titles[1])}</h3>{_side_facts(data, 'b')}</div></div>"
    ) + _verdicts(data)
    distance = as_num(data.get("profile_distance"))
    intro = ""
    if distance is not None:
        intro = (
            f"The two loaded-language profiles differ by {distance * 100:.0f}%: the share of loaded "
            "terms that would have to move to another category to make them the same. Framing "
            "devices (hedges, attribution, passives…) are listed but never part of a verdict."
        )
    rows, table_rows = [], []
    for c in categories:
        name = c["name"]
        style = styles[name]
        pa, pb = as_num(c.get("per_1000_a")) or 0.0, as_num(c.get("per_1000_b")) or 0.0
        device = " (device, not counted)" if c.get("layer") == "device" else ""
        rows.append(PairRow(style.label + device, pa, pb))
        table_rows.append(
            f'<tr><th scope="row"><span class="mark swatch {style.css_class}">{esc(style.label + device)}'
            f'<span class="tag" aria-hidden="true">{esc(style.tag)}</span></span></th>'
            f'<td class="num">{fmt_num(pa)}</td><td class="num">{fmt_num(pb)}</td>'
            f'<td class="num">{fmt_int(as_int(c.get("count_a")))}</td>'
            f'<td class="num">{fmt_int(as_int(c.get("count_b")))}</td></tr>'
        )
    chart = ""
    if any(r.a or r.b for r in rows):
        chart = (
            '<figure class="chartbox">'
            + paired_bars_svg(
                rows,
                ("A", "B"),
                chart_id="density",
                title="Framing terms per 1,000 words, by category",
                unit=" per 1,000 words",
            )
            + "<figcaption>Framing terms per 1,000 words in each category: A solid, B hatched."
            "</figcaption></figure>"
        )
    table = ""
    if table_rows:
        table = (
            '<div class="tablewrap"><table class="profile"><thead><tr><th>Category</th>'
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
    return section("terms", "Terms only one of them uses", body, intro=intro)


def _names(item: Mapping[str, Any], side: str) -> str:
    names = [n for n in as_list(item.get(f"names_{side}")) if isinstance(n, str)]
    mentions = as_int(item.get(f"mentions_{side}"))
    framing = [f for f in as_list(item.get(f"framing_{side}")) if isinstance(f, str)]
    text = esc(", ".join(names)) or "—"
    if mentions is not None:
        text += f' <span class="muted">×{mentions}</span>'
    if framing:
        text += f"<br><small>framing nearby: {esc(', '.join(framing))}</small>"
    return text


def _actors(value: Any, titles: tuple[str, str]) -> str:
    rows = []
    for raw in as_list(value):
        item = as_dict(raw)
        if actor := first_str(item, "actor", "name"):
            rows.append(
                f'<tr><th scope="row">{esc(actor)}</th><td>{_names(item, "a")}</td>'
                f"<td>{_names(item, 'b')}</td></tr>"
            )
    if not rows:
        return section(
            "actors", "How each names the actors", '<p class="empty">No actor is named in both articles.</p>'
        )
    table = (
        '<div class="tablewrap"><table class="naming"><thead><tr><th>Actor</th>'
        f"<th>A: {esc(titles[0])}</th><th>B: {esc(titles[1])}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return section(
        "actors",
        "How each names the actors",
        table,
        intro="The names each article uses for the same actor, how often, and the framing "
        "words written next to it.",
    )
