"""The readability section: grade band at a glance, then every figure, article versus summary."""

from __future__ import annotations

from summarize.readability.analysis import ReadabilitySection
from summarize.readability.figures import ReadabilityFigures, SentenceLengths
from summarize.render import labels
from summarize.render.html.base import esc, finite, fmt_num, nonblank, section, sentence_link
from summarize.render.html.charts import grade_scale_svg

# The indices, in display order: shown as a dash when withheld (see the warnings).
INDEX_NAMES = {name: label for name, label, _meaning in labels.READABILITY_INDICES}
# Shares of the words, shown when the text has words.
SHARE_NAMES = {
    "long_words_share": labels.LONG_WORDS,
    "polysyllabic_words_share": labels.POLYSYLLABIC_WORDS,
    "difficult_words_share": labels.DIFFICULT_WORDS,
}


def fmt_figure(name: str, value: float | None) -> str:
    """Shares (0..1) as percentages, everything else with one decimal."""
    if value is not None and name.endswith("_share"):
        return f"{value * 100:.0f}%"
    return fmt_num(value)


def figures(data: ReadabilityFigures | None) -> dict[str, float | None]:
    """Every figure of the table: the indices, then the word shares."""
    if data is None:
        return {}
    out: dict[str, float | None] = {}
    for name in INDEX_NAMES:
        value: float | None = getattr(data, name)
        if value is None or (value := finite(value)) is not None:
            out[name] = value
    for name in SHARE_NAMES:
        if (share := finite(getattr(data, name))) is not None:
            out[name] = share
    return out


def _reading_time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def _headline(label: str, data: ReadabilityFigures) -> str:
    grade = finite(data.consensus_grade)
    band = nonblank(data.grade_band)
    time = finite(data.reading_time_seconds)
    return (
        f'<div class="card"><div class="card-h">{esc(label)}</div>'
        f'<div class="big">{fmt_num(grade)}</div><div>{esc(labels.CONSENSUS_GRADE.lower())}</div>'
        f'<div class="band">{esc(band or "")}</div>'
        f"<div>reading time {_reading_time(time)}</div></div>"
    )


def _sentence_lengths(lengths: SentenceLengths, n_sentences: int) -> str:
    middle = (("mean", lengths.mean), ("median", lengths.median))
    stats = [f"{k} {fmt_num(v)}" for k, v in middle if v is not None]
    stats.append(f"{lengths.long_sentences} of {lengths.long_sentence_words} words or more")
    parts = [f"<p>Sentence length in words: {esc('; '.join(stats))}.</p>"]
    longest = [
        f"{sentence_link(s.index)} ({s.words} words)" for s in lengths.longest if 0 <= s.index < n_sentences
    ]
    if longest:
        parts.append(f"<p>{esc(labels.LONGEST_SENTENCES)}: {', '.join(longest)}.</p>")
    return "".join(parts)


def _warnings(data: ReadabilityFigures, summary: ReadabilityFigures | None) -> str:
    items = [esc(w) for w in data.warnings]
    items += [f"Summary: {esc(w)}" for w in (summary.warnings if summary is not None else ())]
    if not items:
        return ""
    return '<ul class="warnings">' + "".join(f"<li>{w}</li>" for w in items) + "</ul>"


def _figure_table(data: ReadabilityFigures, summary: ReadabilityFigures | None) -> str:
    article_figures, summary_figures = figures(data), figures(summary)
    names = list(dict.fromkeys([*article_figures, *summary_figures]))
    rows = []
    for name in names:
        label = INDEX_NAMES.get(name) or SHARE_NAMES[name]
        cell = f'<td class="num">{fmt_figure(name, summary_figures.get(name))}</td>' if summary else ""
        rows.append(
            f'<tr><th scope="row">{esc(label)}</th>'
            f'<td class="num">{fmt_figure(name, article_figures.get(name))}</td>{cell}</tr>'
        )
    head = f"<th>{esc(labels.READABILITY_SUMMARY)}</th>" if summary else ""
    return (
        f'<div class="tablewrap"><table class="figures"><thead><tr><th>{esc(labels.READABILITY_MEASURE)}</th>'
        f"<th>{esc(labels.READABILITY_ARTICLE)}</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def render_readability_section(readability: ReadabilitySection, n_sentences: int) -> str:
    summary = readability.summary
    article, summary_label = labels.READABILITY_ARTICLE, labels.READABILITY_SUMMARY
    cards = _headline(article, readability) + (_headline(summary_label, summary) if summary else "")
    markers = [(article, finite(readability.consensus_grade))]
    if summary:
        markers.append((summary_label, finite(summary.consensus_grade)))
    chart = grade_scale_svg([(n, g) for n, g in markers if g is not None])
    body = f'<div class="cards">{cards}</div>'
    if chart:
        body += (
            f'<figure class="chartbox">{chart}<figcaption>US school grade; lower is easier.'
            "</figcaption></figure>"
        )
    body += _figure_table(readability, summary)
    body += _sentence_lengths(readability.sentence_lengths, n_sentences)
    body += _warnings(readability, summary)
    return section("readability", labels.SECTION_TITLES["readability"], body)
