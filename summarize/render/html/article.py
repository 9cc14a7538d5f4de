"""The article text as HTML: paragraphs, anchored sentences, framing marks, quoted speech.

Nesting is fixed so the markup is always well formed: paragraph > sentence > framing
mark > quoted-speech run. Marks are clipped to their sentence and overlapping marks
are dropped (the longest, then earliest, wins); quoted speech is applied run by run,
so a quotation spanning several sentences or crossing a mark needs no special case.
Every piece of article text goes through ``esc``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarize.render.html.base import esc, finite, fmt_num, nonblank
from summarize.render.html.palette import CategoryStyle, short_label

if TYPE_CHECKING:
    from summarize.framing.section import FramingSpan


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    category: str
    explanation: str | None = None
    alternative: str | None = None
    in_quote: bool = False
    speaker: str | None = None
    layer: str = "loaded"  # "loaded" (counted as bias) or "device" (shown, not counted)
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int
    end: int
    speaker: str | None = None


@dataclass(slots=True)
class ArticleView:
    text: str
    sentences: Sequence[SentenceSpan]
    paragraphs: Sequence[tuple[int, int]]
    marks: Sequence[Mark] = ()
    quotes: Sequence[QuoteSpan] = ()  # sorted, non-overlapping
    styles: Mapping[str, CategoryStyle] = field(default_factory=dict)
    biased: Mapping[int, float | None] = field(default_factory=dict)  # sentence -> score
    backlinks: Mapping[int, Sequence[int]] = field(default_factory=dict)  # sentence -> summary nos.


def marks_from_spans(spans: Sequence[FramingSpan], text_length: int) -> list[Mark]:
    """Framing spans to marks; spans whose offsets fall outside the text are skipped."""
    return [
        Mark(
            start=span.start,
            end=span.end,
            category=nonblank(span.category) or "other",
            explanation=nonblank(span.explanation),
            alternative=nonblank(span.alternative),
            in_quote=span.in_quote,
            speaker=nonblank(span.speaker),
            layer=span.layer,
            confidence=finite(span.confidence),
        )
        for span in spans
        if 0 <= span.start < span.end <= text_length
    ]


def render_article(view: ArticleView) -> str:
    by_paragraph: dict[int, list[SentenceSpan]] = {}
    for sentence in view.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    marks = _non_overlapping(view.marks)
    counter = _Counter()
    parts = []
    for p_index, (p_start, p_end) in enumerate(view.paragraphs):
        inner = []
        pos = p_start
        for sentence in sorted(by_paragraph.get(p_index, []), key=lambda s: s.start):
            start, end = max(sentence.start, pos), min(sentence.end, p_end)
            if start >= end:
                continue
            inner.append(_quoted(view, pos, start))
            inner.append(_sentence(view, sentence, start, end, marks, counter))
            pos = end
        inner.append(_quoted(view, pos, p_end))
        html = "".join(inner).strip()
        if html:
            parts.append(f"<p>{html}</p>")
    return "\n".join(parts)


class _Counter:
    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        self.value += 1
        return self.value


def _non_overlapping(marks: Sequence[Mark]) -> list[Mark]:
    chosen: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mark.end <= c.start or mark.start >= c.end for c in chosen):
            chosen.append(mark)
    return sorted(chosen, key=lambda m: m.start)


def _sentence(
    view: ArticleView, sentence: SentenceSpan, start: int, end: int, marks: Sequence[Mark], counter: _Counter
) -> str:
    out = [f'<span class="sent" id="s-{sentence.index}">']
    if sentence.index in view.biased:
        score = view.biased[sentence.index]
        note = f"Framing score {fmt_num(score, 2)}: " if score is not None else ""
        out.append(
            f'<span class="biasflag" title="{esc(note)}the writer\'s framing in this sentence is '
            f'above the threshold" aria-label="framed sentence">⚑</span>'
        )
    pos = start
    for mark in marks:
        m_start, m_end = max(mark.start, start), min(mark.end, end)
        if m_start >= m_end:
            continue
        out.append(_quoted(view, pos, m_start))
        out.append(_mark(view, mark, m_start, m_end, counter.next()))
        pos = m_end
    out.append(_quoted(view, pos, end))
    for number in view.backlinks.get(sentence.index, ()):
        out.append(
            f'<a class="backref" href="#sum-{number}" title="Supports summary sentence {number}">'
            f"S{number}</a>"
        )
    out.append("</span>")
    return "".join(out)


def _mark(view: ArticleView, mark: Mark, start: int, end: int, number: int) -> str:
    style = view.styles.get(mark.category)
    css = style.css_class if style else "cx"
    tag = style.tag if style else short_label(mark.category)
    tip = [f"<b>{esc(style.label if style else tag)}</b>"]
    if mark.explanation:
        tip.append(f"<span>{esc(mark.explanation)}</span>")
    if mark.alternative:
        tip.append(f"<span>Neutral alternative: <i>{esc(mark.alternative)}</i></span>")
    if mark.in_quote:
        who = f" from {esc(mark.speaker)}" if mark.speaker else ""
        tip.append(f"<span>Inside a quotation{who}: the speaker's framing, not the writer's.</span>")
    quote_cls = " inq" if mark.in_quote else ""
    return (
        f'<span class="mark {css}{quote_cls}" tabindex="0" aria-describedby="tip-{number}">'
        f"{_quoted(view, start, end)}"
        f'<span class="tag" aria-hidden="true">{esc(tag)}</span>'
        f'<span class="tip" role="tooltip" id="tip-{number}">{"".join(tip)}</span></span>'
    )


def _quoted(view: ArticleView, start: int, end: int) -> str:
    """Escaped text of ``[start, end)``, with quoted speech wrapped in ``span.quote``."""
    if start >= end:
        return ""
    out = []
    pos = start
    for quote in view.quotes:
        a, b = max(quote.start, pos), min(quote.end, end)
        if a >= b:
            continue
        who = f"Quoted speech: {quote.speaker}" if quote.speaker else "Quoted speech"
        out.append(esc(view.text[pos:a]))
        out.append(f'<span class="quote" title="{esc(who)}">{esc(view.text[a:b])}</span>')
        pos = b
    out.append(esc(view.text[pos:end]))
    return "".join(out)
