"""The readability section: grade band at a glance, then every figure, article versus summary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from summarize.render.html_base import (
    as_dict,
    as_int,
    as_list,
    as_num,
    as_str,
    esc,
    first_str,
    fmt_num,
    humanize,
    section,
    sentence_link,
)
from summarize.render.html_charts import grade_scale_svg

INDEX_NAMES = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "smog": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "coleman_liau": "Coleman-Liau",
    "automated_readability_index": "Automated Readability Index",
    "ari": "Automated Readability Index",
    "dale_chall_readability_score": "Dale-Chall",
    "dale_chall": "Dale-Chall",
    "dale_chall_score": "Dale-Chall score",
    "dale_chall_grade": "Dale-Chall grade",
}
# Top-level fields shown elsewhere (or not figures at all).
_NOT_FIGURES = {
    "consensus_grade",
    "grade_band",
    "reading_time_seconds",
    "sentence_lengths",
    "warnings",
    "summary",
    "indices",
    "counts",
}


def fmt_figure(name: str, value: float | None) -> str:
    """Shares (0..1) as percentages, everything else with one decimal."""
    if value is not None and (name.endswith("_share") or name.endswith("_ratio")):
        return f"{value * 100:.0f}%"
    return fmt_num(value)


def figures(data: Mapping[str, Any]) -> dict[str, float | None]:
    """Every named number: the indices (nested under ``indices`` or top level), then the rest."""
    out: dict[str, float | None] = {}
    for name, value in as_dict(data.get("indices")).items():
        out[name] = as_num(value)
    for name, value in data.items():
        if name in _NOT_FIGURES or name in out:
            continue
        if value is None and name in INDEX_NAMES:
            out[name] = None  # withheld with a warning: show it as a dash
        elif (number := as_num(value)) is not None:
            out[name] = number
    order = {name: i for i, name in enumerate(INDEX_NAMES)}
    return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], len(order))))


def _reading_time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def _headline(label: str, data: Mapping[str, Any]) -> str:
    grade = as_num(data.get("consensus_grade"))
    band = as_str(data.get("grade_band"))
    time = as_num(data.get("reading_time_seconds"))
    return (
        f'<div class="card"><div class="card-h">{esc(label)}</div>'
        f'<div class="big">{fmt_num(grade)}</div><div>consensus grade</div>'
        f'<div class="band">{esc(band or "")}</div>'
        f"<div>reading time {_reading_time(time)}</div></div>"
    )


def _sentence_lengths(data: Mapping[str, Any], n_sentences: int) -> str:
    lengths = data.get("sentence_lengths")
    if isinstance(lengths, (list, tuple)):  # one length per sentence
        values = sorted(v for x in lengths if (v := as_num(x)) is not None)
        lengths = {"mean": sum(values) / len(values), "median": values[len(values) // 2]} if values else {}
    lengths = as_dict(lengths)
    parts = []
    stats = [f"{k} {fmt_num(v)}" for k in ("mean", "median") if (v := as_num(lengths.get(k))) is not None]
    long_count, long_words = as_int(lengths.get("long_sentences")), as_int(lengths.get("long_sentence_words"))
    if long_count is not None and long_words is not None:
        stats.append(f"{long_count} of {long_words} words or more")
    if stats:
        parts.append(f"<p>Sentence length in words: {esc('; '.join(stats))}.</p>")
    longest = []
    for raw in as_list(lengths.get("longest")):
        item = as_dict(raw)
        index = as_int(item.get("index"))
        if index is None:
            index = as_int(item.get("sentence"))
        words = as_int(item.get("words"))
        if words is None:
            words = as_int(item.get("length"))
        if index is not None and 0 <= index < n_sentences:
            count = f" ({words} words)" if words is not None else ""
            longest.append(f"{sentence_link(index)}{count}")
    if longest:
        parts.append(f"<p>Longest sentences: {', '.join(longest)}.</p>")
    return "".join(parts)


def _warnings(data: Mapping[str, Any], summary: Mapping[str, Any]) -> str:
    items = [esc(w) for w in as_list(data.get("warnings")) if isinstance(w, str)]
    items += [f"Summary: {esc(w)}" for w in as_list(summary.get("warnings")) if isinstance(w, str)]
    if not items:
        return ""
    return '<ul class="warnings">' + "".join(f"<li>{w}</li>" for w in items) + "</ul>"


def render_readability_section(readability: Any, n_sentences: int) -> str:
    data = as_dict(readability)
    summary = as_dict(data.get("summary"))
    cards = _headline("Article", data) + (_headline("Summary", summary) if summary else "")
    markers = [("Article", as_num(data.get("consensus_grade")))]
    if summary:
        markers.append(("Summary", as_num(summary.get("consensus_grade"))))
    chart = grade_scale_svg([(n, g) for n, g in markers if g is not None])
    body = f'<div class="cards">{cards}</div>'
    if chart:
        body += (
            f'<figure class="chartbox">{chart}<figcaption>US school grade; lower is easier.'
            "</figcaption></figure>"
        )
    article_figures, summary_figures = figures(data), figures(summary)
    names = list(dict.fromkeys([*article_figures, *summary_figures]))
    if names:
        head = "<th>Summary</th>" if summary else ""
        rows = []
        for name in names:
            label = INDEX_NAMES.get(name) or humanize(name)
            cell = f'<td class="num">{fmt_figure(name, summary_figures.get(name))}</td>' if summary else ""
            rows.append(
                f'<tr><th scope="row">{esc(label)}</th>'
                f'<td class="num">{fmt_figure(name, article_figures.get(name))}</td>{cell}</tr>'
            )
        body += (
            '<div class="tablewrap"><table class="figures"><thead><tr><th>Figure</th><th>Article</th>'
            f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    body += _sentence_lengths(data, n_sentences)
    body += _warnings(data, summary)
    note = first_str(data, "note")
    if note:
        body += f"<p>{esc(note)}</p>"
    return section("readability", "Readability", body)
