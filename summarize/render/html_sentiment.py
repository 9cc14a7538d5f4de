"""The sentiment section: document score, the arc over sentences, actors, driving words."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    fmt_num,
    model_label,
    section,
    sentence_link,
)
from summarize.render.html_charts import ArcPoint, BarRow, diverging_bars_svg, sentiment_arc_svg

_WORD_LIST_KEYS = ("words", "contributions", "explanations", "drivers", "contributing_words")
_WEIGHT_KEYS = ("weight", "contribution", "score", "valence", "value")
MAX_WORDS_SHOWN = 10


def _snippet(text: str, limit: int = 90) -> str:
    from summarize.text.clip import clip_words

    return clip_words(text, limit)


def arc_points(sentiment: Mapping[str, Any], sentence_texts: Sequence[str]) -> list[ArcPoint]:
    points = []
    for raw in as_list(sentiment.get("sentences")):
        data = as_dict(raw)
        index, score = as_int(data.get("index")), as_num(data.get("score"))
        if index is None or score is None or not 0 <= index < len(sentence_texts):
            continue
        points.append(ArcPoint(index, score, _snippet(sentence_texts[index])))
    return sorted(points, key=lambda p: p.index)


def _evidence(raw: Any, n_sentences: int) -> str:
    links, quotes = [], []
    pushes: dict[int, float] = {}
    for item in as_list(raw):
        push = as_num(item.get("contribution")) if isinstance(item, Mapping) else None
        if push is not None and (i := as_int(item.get("sentence"))) is not None:
            pushes[i] = push
        index = as_int(item)
        if index is None and isinstance(item, Mapping):
            index = as_int(item.get("index"))
            if index is None:
                index = as_int(item.get("sentence"))
            if index is None and (text := first_str(item, "text", "word", "phrase")):
                quotes.append(f"“{esc(_snippet(text, 60))}”")
        elif isinstance(item, str) and item.strip():
            quotes.append(f"“{esc(_snippet(item, 60))}”")
        if index is not None and 0 <= index < n_sentences and index not in links:
            links.append(index)
    parts = []
    if links:
        parts.append(
            "sentences "
            + ", ".join(
                sentence_link(i) + (f" ({fmt_num(pushes[i], 2, signed=True)})" if i in pushes else "")
                for i in links[:12]
            )
        )
        if len(links) > 12:
            parts[-1] += f" and {len(links) - 12} more"
    parts.extend(quotes[:3])
    return "; ".join(parts)


def actor_rows(sentiment: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for raw in as_list(sentiment.get("actors")):
        data = as_dict(raw)
        name = first_str(data, "name", "actor")
        if name:
            rows.append(data | {"name": name})
    return rows


def _mentions(count: int | None) -> str:
    return "" if count is None else f"{fmt_int(count)} mention{'s' if count != 1 else ''}"


def _kind(actor: Mapping[str, Any]) -> str:
    kind = as_str(actor.get("kind"))
    return f' <small class="kind">{esc(kind)}</small>' if kind else ""


def _actors(sentiment: Mapping[str, Any], n_sentences: int) -> str:
    actors = actor_rows(sentiment)
    if not actors:
        return ""
    scored = [a for a in actors if as_num(a.get("score")) is not None]
    bars = [
        BarRow(a["name"], as_num(a.get("score")) or 0.0, _mentions(as_int(a.get("mentions")))) for a in scored
    ]
    chart = diverging_bars_svg(
        bars,
        chart_id="actors",
        title="Sentiment toward each actor",
        desc="; ".join(f"{b.label}: {fmt_num(b.value, 2, signed=True)}" for b in bars),
    )
    rows = []
    for actor in actors:
        aliases = [a for a in as_list(actor.get("aliases")) if isinstance(a, str) and a != actor["name"]]
        rows.append(
            f'<tr><th scope="row">{esc(actor["name"])}{_kind(actor)}</th><td>{esc(", ".join(aliases))}</td>'
            f'<td class="num">{fmt_int(as_int(actor.get("mentions")))}</td>'
            f'<td class="num">{fmt_num(as_num(actor.get("score")), 2, signed=True)}</td>'
            f"<td>{_evidence(actor.get('evidence'), n_sentences)}</td></tr>"
        )
    table = (
        '<div class="tablewrap"><table class="actors"><thead><tr><th>Actor</th><th>Also named</th>'
        "<th>Mentions</th><th>Score</th><th>Evidence</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return f'<h3>Actors</h3><figure class="chartbox">{chart}</figure>{table}'


def _chosen_words(
    sentiment: Mapping[str, Any], sentence_of: Callable[[int], int | None]
) -> list[tuple[str, float, int | None]] | None:
    """The report's own ``pushed_up`` + ``pushed_down`` lists (the words the terminal,
    Markdown and JSON show), or None for a report made before they existed."""
    if "pushed_up" not in sentiment and "pushed_down" not in sentiment:
        return None
    chosen = []
    for raw in [*as_list(sentiment.get("pushed_up")), *as_list(sentiment.get("pushed_down"))]:
        data = as_dict(raw)
        text, weight, start = as_str(data.get("text")), as_num(data.get("weight")), as_int(data.get("start"))
        index = sentence_of(start) if start is not None else as_int(data.get("sentence"))
        if text and weight:
            chosen.append((text, weight, index))
    return chosen


def _driving_words(sentiment: Mapping[str, Any], sentence_of: Callable[[int], int | None]) -> str:
    # One chip per word: its strongest occurrence, linked to that sentence, with a count.
    strongest: dict[str, tuple[str, float, int | None]] = {}
    counts: dict[str, int] = {}
    chosen = _chosen_words(sentiment, sentence_of)
    for text, weight, index in chosen or ():
        strongest[" ".join(text.lower().split())] = (text, weight, index)
    if chosen is not None:  # count occurrences among the same method's contributions
        method = next((as_str(as_dict(c).get("method")) for c in as_list(sentiment.get("pushed_up"))), None)
        for raw in as_list(sentiment.get("contributions")):
            data = as_dict(raw)
            word = " ".join((as_str(data.get("text")) or "").lower().split())
            if word in strongest and as_str(data.get("method")) in (method, None):
                counts[word] = counts.get(word, 0) + 1
    for key in () if chosen is not None else _WORD_LIST_KEYS:
        for raw in as_list(sentiment.get(key)):
            data = as_dict(raw)
            text = first_str(data, "text", "word", "phrase", "token")
            weight = next((w for k in _WEIGHT_KEYS if (w := as_num(data.get(k))) is not None), None)
            if not text or weight is None or weight == 0:
                continue
            start = as_int(data.get("start"))
            index = sentence_of(start) if start is not None else as_int(data.get("sentence"))
            word = " ".join(text.lower().split())
            counts[word] = counts.get(word, 0) + 1
            if word not in strongest or abs(weight) > abs(strongest[word][1]):
                strongest[word] = (text, weight, index)
        if strongest:
            break
    items = [(text, weight, index, counts.get(word, 1)) for word, (text, weight, index) in strongest.items()]
    if not items:
        return ""

    def chips(selected: list[tuple[str, float, int | None, int]], cls: str) -> str:
        out = []
        for text, weight, index, count in selected:
            times = f" ×{count}" if count > 1 else ""
            label = f"{esc(text)}{times} <small>{fmt_num(weight, 2, signed=True)}</small>"
            if index is not None:
                out.append(f'<a class="chip {cls}" href="#s-{index}">{label}</a>')
            else:
                out.append(f'<span class="chip {cls}">{label}</span>')
        return "".join(out)

    positive = sorted((i for i in items if i[1] > 0), key=lambda i: -i[1])[:MAX_WORDS_SHOWN]
    negative = sorted((i for i in items if i[1] < 0), key=lambda i: i[1])[:MAX_WORDS_SHOWN]
    body = '<h3>Words that drove the score</h3><div class="drivers">'
    if positive:
        body += f"<div><h4>Pushed up ▲</h4><p>{chips(positive, 'pos')}</p></div>"
    if negative:
        body += f"<div><h4>Pushed down ▼</h4><p>{chips(negative, 'neg')}</p></div>"
    body += "</div>"
    if note := as_str(sentiment.get("explanation")):
        body += f'<p class="note">How: {esc(note)}.</p>'
    return body


def render_sentiment_section(
    sentiment: Any, sentence_texts: Sequence[str], sentence_of: Callable[[int], int | None]
) -> str:
    sentiment = as_dict(sentiment)
    document = as_dict(sentiment.get("document"))
    facts = []
    score = as_num(document.get("score"))
    label = as_str(document.get("label"))
    if score is not None or label:
        value = fmt_num(score, 2, signed=True) if score is not None else ""
        facts.append(("Article", f"{value} {esc(label or '')}".strip()))
    if backend := as_str(sentiment.get("backend")):
        facts.append(("Backend", esc(backend)))
    if model := model_label(sentiment.get("model")):
        facts.append(("Model", esc(model)))
    body = definition_list(facts)
    points = arc_points(sentiment, sentence_texts)
    if points:
        body += (
            '<h3>Sentiment arc</h3><figure class="chartbox">'
            f"{sentiment_arc_svg(points)}"
            "<figcaption>One bar per sentence, above the line positive, below negative; the line is "
            "a five-sentence moving average. Select a bar to jump to its sentence.</figcaption></figure>"
        )
    body += _actors(sentiment, len(sentence_texts))
    body += _driving_words(sentiment, sentence_of)
    return section("sentiment", "Sentiment", body)
