"""The sentiment section: document score, the arc over sentences, actors, driving words."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarize.render import labels
from summarize.render.html.base import (
    definition_list,
    esc,
    finite,
    fmt_int,
    fmt_num,
    model_label,
    nonblank,
    section,
    sentence_link,
)
from summarize.render.html.charts import ArcPoint, BarRow, diverging_bars_svg, sentiment_arc_svg
from summarize.sentiment.section import ActorEvidence, ActorSentiment, SentimentSection

MAX_WORDS_SHOWN = 10
MAX_EVIDENCE_LINKS = 12

# (word as written, weight, sentence index, occurrences) of one driving word
Driver = tuple[str, float, int | None, int]


def _snippet(text: str, limit: int = 90) -> str:
    from summarize.text.clip import clip_words

    return clip_words(text, limit)


def arc_points(sentiment: SentimentSection, sentence_texts: Sequence[str]) -> list[ArcPoint]:
    points = [
        ArcPoint(s.index, score, _snippet(sentence_texts[s.index]))
        for s in sentiment.sentences
        if (score := finite(s.score)) is not None and 0 <= s.index < len(sentence_texts)
    ]
    return sorted(points, key=lambda p: p.index)


def _evidence(evidence: Sequence[ActorEvidence], n_sentences: int) -> str:
    pushes = {e.sentence: push for e in evidence if (push := finite(e.contribution)) is not None}
    links = list(dict.fromkeys(e.sentence for e in evidence if 0 <= e.sentence < n_sentences))
    if not links:
        return ""
    text = "sentences " + ", ".join(
        sentence_link(i) + (f" ({fmt_num(pushes[i], 2, signed=True)})" if i in pushes else "")
        for i in links[:MAX_EVIDENCE_LINKS]
    )
    if len(links) > MAX_EVIDENCE_LINKS:
        text += f" and {len(links) - MAX_EVIDENCE_LINKS} more"
    return text


def _mentions(count: int) -> str:
    return f"{fmt_int(count)} mention{'s' if count != 1 else ''}"


def _kind(actor: ActorSentiment) -> str:
    kind = nonblank(actor.kind)
    return f' <small class="kind">{esc(kind)}</small>' if kind else ""


def _actor_row(actor: ActorSentiment, n_sentences: int) -> str:
    aliases = [a for a in actor.aliases if a != actor.name]
    return (
        f'<tr><th scope="row">{esc(actor.name)}{_kind(actor)}</th><td>{esc(", ".join(aliases))}</td>'
        f'<td class="num">{fmt_int(actor.mentions)}</td>'
        f'<td class="num">{fmt_num(finite(actor.score), 2, signed=True)}</td>'
        f"<td>{_evidence(actor.evidence, n_sentences)}</td></tr>"
    )


def _actors(sentiment: SentimentSection, n_sentences: int) -> str:
    actors = [a for a in sentiment.actors if nonblank(a.name)]
    if not actors:
        return ""
    bars = [
        BarRow(a.name, score, _mentions(a.mentions)) for a in actors if (score := finite(a.score)) is not None
    ]
    chart = diverging_bars_svg(
        bars,
        chart_id="actors",
        title="Sentiment toward each actor",
        desc="; ".join(f"{b.label}: {fmt_num(b.value, 2, signed=True)}" for b in bars),
    )
    rows = "".join(_actor_row(actor, n_sentences) for actor in actors)
    table = (
        '<div class="tablewrap"><table class="actors"><thead><tr>'
        + "".join(
            f"<th>{esc(label)}</th>"
            for label in (labels.ACTOR, labels.ALSO_NAMED, labels.MENTIONS, labels.SCORE, labels.EVIDENCE)
        )
        + f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )
    return f'<h3>{esc(labels.ACTORS)}</h3><figure class="chartbox">{chart}</figure>{table}'


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def driving_words(sentiment: SentimentSection, sentence_of: Callable[[int], int | None]) -> list[Driver]:
    """The report's own ``pushed_up`` + ``pushed_down`` words (those the terminal, Markdown and
    JSON show), one per word form, each with how often the same method explained it."""
    strongest: dict[str, tuple[str, float, int | None]] = {}
    for c in (*sentiment.pushed_up, *sentiment.pushed_down):
        if (text := nonblank(c.text)) and (weight := finite(c.weight)):
            strongest[_key(text)] = (text, weight, sentence_of(c.start))
    pushed = (*sentiment.pushed_up, *sentiment.pushed_down)  # both lists rank one method's words
    method = nonblank(pushed[0].method) if pushed else None
    counts: dict[str, int] = {}
    for c in sentiment.contributions:
        word = _key(c.text)
        if word in strongest and nonblank(c.method) in (method, None):
            counts[word] = counts.get(word, 0) + 1
    return [(text, weight, index, counts.get(word, 1)) for word, (text, weight, index) in strongest.items()]


def _chips(selected: list[Driver], cls: str) -> str:
    out = []
    for text, weight, index, count in selected:
        times = f" ×{count}" if count > 1 else ""
        label = f"{esc(text)}{times} <small>{fmt_num(weight, 2, signed=True)}</small>"
        if index is not None:
            out.append(f'<a class="chip {cls}" href="#s-{index}">{label}</a>')
        else:
            out.append(f'<span class="chip {cls}">{label}</span>')
    return "".join(out)


def _driving_words(sentiment: SentimentSection, sentence_of: Callable[[int], int | None]) -> str:
    items = driving_words(sentiment, sentence_of)
    if not items:
        return ""
    positive = sorted((i for i in items if i[1] > 0), key=lambda i: -i[1])[:MAX_WORDS_SHOWN]
    negative = sorted((i for i in items if i[1] < 0), key=lambda i: i[1])[:MAX_WORDS_SHOWN]
    body = '<h3>Words that drove the score</h3><div class="drivers">'
    if positive:
        body += f"<div><h4>{esc(labels.PUSHED_UP)}</h4><p>{_chips(positive, 'pos')}</p></div>"
    if negative:
        body += f"<div><h4>{esc(labels.PUSHED_DOWN)}</h4><p>{_chips(negative, 'neg')}</p></div>"
    body += "</div>"
    if note := nonblank(sentiment.explanation):
        body += f'<p class="note">How: {esc(note)}.</p>'
    return body


def _facts(sentiment: SentimentSection) -> list[tuple[str, str]]:
    facts = []
    score, label = finite(sentiment.document.score), nonblank(sentiment.document.label)
    if score is not None or label:
        value = fmt_num(score, 2, signed=True) if score is not None else ""
        facts.append((labels.SENTIMENT_ARTICLE, f"{value} {esc(label or '')}".strip()))
    if backend := nonblank(sentiment.backend):
        facts.append(("Backend", esc(backend)))
    if model := model_label(sentiment.model):
        facts.append(("Model", esc(model)))
    return facts


def render_sentiment_section(
    sentiment: SentimentSection, sentence_texts: Sequence[str], sentence_of: Callable[[int], int | None]
) -> str:
    body = definition_list(_facts(sentiment))
    points = arc_points(sentiment, sentence_texts)
    if points:
        body += (
            f'<h3>{esc(labels.SENTIMENT_ARC)}</h3><figure class="chartbox">'
            f"{sentiment_arc_svg(points)}"
            "<figcaption>One bar per sentence, above the line positive, below negative; the line is "
            "a five-sentence moving average. Select a bar to jump to its sentence.</figcaption></figure>"
        )
    body += _actors(sentiment, len(sentence_texts))
    body += _driving_words(sentiment, sentence_of)
    return section("sentiment", labels.SECTION_TITLES["sentiment"], body)
