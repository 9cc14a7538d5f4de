"""Readability: who an article is for, from correct counts, offline, explained in words.

``run`` measures the article and, when the summary analysis ran in the same pipeline
(it is declared in ``NEEDS``, so it runs first), the summary too, so an editor sees
whether the summary is easier to read. Passive sentences come from the framing
analysis when it ran and reports passive spans. No model, no network, no textstat import.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from summarize.document import Document, build_document
from summarize.needs import Needs
from summarize.readability.figures import ReadabilityFigures, readability_of

if TYPE_CHECKING:
    from rich.console import RenderableType

    from summarize.context import Context
    from summarize.report import Report
    from summarize.settings import Settings

__all__ = [
    "PassiveSentences",
    "ReadabilityFigures",
    "ReadabilitySection",
    "compare_summary",
    "readability_of",
    "render_markdown",
    "render_terminal",
    "run",
]


@dataclass(frozen=True, slots=True)
class PassiveSentences:
    count: int
    share: float | None  # of the prose sentences
    sentences: list[int]  # indices into the document's sentences


@dataclass(frozen=True, slots=True)
class ReadabilitySection(ReadabilityFigures):
    passive_sentences: PassiveSentences | None = None  # None when framing did not run
    summary: ReadabilityFigures | None = None  # None when the summary analysis did not run


# (field, label, what it means) in display order.
INDEX_ROWS: tuple[tuple[str, str, str], ...] = (
    ("flesch_reading_ease", "Flesch Reading Ease", "0-100, higher is easier"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", "grade: sentence length, syllables"),
    ("gunning_fog", "Gunning Fog", "grade: sentence length, long words"),
    ("smog_index", "SMOG", "grade: 3+ syllables, 30 sentences"),
    ("coleman_liau_index", "Coleman-Liau", "grade: letters per word"),
    ("automated_readability_index", "Automated Readability", "grade: characters per word"),
    ("dale_chall_score", "Dale-Chall score", "unfamiliar words; 8-8.9 = grade 11-12"),
)


def summary_document(summary_section: Any) -> Document | None:
    """The summary's sentences as a Document, one sentence per paragraph so none merge."""
    if summary_section is None:
        return None
    sentences = getattr(summary_section, "sentences", None)
    if sentences is None and isinstance(summary_section, dict):
        sentences = summary_section.get("sentences")
    texts = [_field(s, "text") for s in sentences or ()]
    texts = [t.strip() for t in texts if isinstance(t, str) and t.strip()]
    return build_document("\n\n".join(texts)) if texts else None


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _framing_spans(framing: Any) -> list[Any]:
    """Every span-like item the framing section lists, whatever the container is called."""
    spans: list[Any] = []
    for name in ("spans", "highlights", "items", "markers", "findings", "phrases", "passives"):
        value = _field(framing, name)
        if isinstance(value, dict):
            value = [
                item for group in value.values() for item in (group if isinstance(group, list) else [group])
            ]
        if isinstance(value, (list, tuple)):
            spans.extend(value)
    return spans


def passive_sentences(framing: Any, doc: Document, prose_sentences: int) -> PassiveSentences | None:
    """Sentences holding a passive span found by the framing analysis (category naming "passive")."""
    if framing is None:
        return None
    indices: set[int] = set()
    for span in _framing_spans(framing):
        category = " ".join(str(_field(span, key) or "") for key in ("category", "kind", "type", "label"))
        if "passive" not in category.lower():
            continue
        sentence = _field(span, "sentence")
        if not isinstance(sentence, int):
            start = _field(span, "start")
            sentence = doc.sentence_at(start) if isinstance(start, int) else None
        if isinstance(sentence, int):
            indices.add(sentence)
    ordered = sorted(indices)
    return PassiveSentences(
        count=len(ordered),
        share=len(ordered) / prose_sentences if prose_sentences else None,
        sentences=ordered,
    )


# The summary's readability beside the article's; passive sentences from framing's spans.
NEEDS = Needs(sections=("summary", "framing"))


def needs(settings: Settings) -> Needs:
    return NEEDS


def run(doc: Document, ctx: Context) -> ReadabilitySection:
    settings = ctx.settings.readability
    previous = ctx.sections  # the declared sections that ran before this one
    article = readability_of(doc, settings)
    summary_doc = summary_document(previous.get("summary"))
    return ReadabilitySection(
        **{f.name: getattr(article, f.name) for f in fields(ReadabilityFigures)},
        passive_sentences=passive_sentences(previous.get("framing"), doc, article.counts.sentences),
        summary=readability_of(summary_doc, settings) if summary_doc is not None else None,
    )


def compare_summary(article: ReadabilityFigures, summary: ReadabilityFigures) -> str:
    """One sentence telling an editor whether the summary reads easier than the article."""
    a, s = article.consensus_grade, summary.consensus_grade
    if a is not None and s is not None:
        if s <= a - 1:
            verdict = "easier to read than"
        elif s >= a + 1:
            verdict = "harder to read than"
        else:
            verdict = "about as hard to read as"
        return f"The summary (grade {s:.1f}) is {verdict} the article (grade {a:.1f})."
    a_len, s_len = article.sentence_lengths.mean, summary.sentence_lengths.mean
    a_hard, s_hard = article.difficult_words_share, summary.difficult_words_share
    if None in (a_len, s_len, a_hard, s_hard):
        return "The summary has no sentences to compare."
    assert a_len is not None and s_len is not None and a_hard is not None and s_hard is not None
    shorter, plainer = s_len < a_len, s_hard < a_hard
    detail = (
        f"its sentences average {s_len:.1f} words (article {a_len:.1f}) and {s_hard:.0%} of its words are "
        f"difficult (article {a_hard:.0%})"
    )
    if shorter and plainer:
        lean = "it likely reads easier"
    elif not shorter and not plainer:
        lean = "it likely reads harder"
    else:
        lean = "the signals are mixed"
    return f"The summary ({summary.counts.words} words) is too short for a grade; {detail}, so {lean}."


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def _headline(figures: ReadabilityFigures, report: Report | None = None) -> str:
    c = figures.counts
    grade = (
        f"Grade {figures.consensus_grade:.1f}: {figures.grade_band}"
        if figures.consensus_grade is not None
        else "No grade (see warnings)"
    )
    size = f"{c.words:,} words in {c.sentences:,} sentences" + _left_out(figures, report)
    return f"{grade} · reading time {_duration(figures.reading_time_seconds)} · {size}"


def _left_out(figures: ReadabilityFigures, report: Report | None) -> str:
    """Why these counts are below the report header's: headline and heading lines are left out."""
    if report is None:
        return ""
    lines = report.stats.sentences - figures.counts.sentences
    words = report.stats.words - figures.counts.words
    if lines <= 0 and words <= 0:
        return ""
    return (
        f" (the header's {report.stats.words:,} words / {report.stats.sentences:,} sentences include "
        f"{lines} headline, heading or number line{'s' if lines != 1 else ''}"
        + (f" of {words:,} words" if words > 0 else "")
        + ", which the formulas leave out)"
    )


def _detail_rows(section: ReadabilitySection) -> list[tuple[str, str, str | None, str]]:
    """(label, article, summary or None, what it means) for every figure shown."""
    summary = section.summary

    def row(label: str, get: Any, fmt: Any, meaning: str) -> tuple[str, str, str | None, str]:
        return label, fmt(get(section)), (fmt(get(summary)) if summary is not None else None), meaning

    rows = [
        row(label, lambda f, n=name: getattr(f, n), _number, meaning) for name, label, meaning in INDEX_ROWS
    ]
    rows.append(
        row(
            "Consensus grade",
            lambda f: f.consensus_grade,
            _number,
            f"{section.consensus_method.replace('_', ' ')} of the grades",
        )
    )
    rows += [
        row("Mean sentence length", lambda f: f.sentence_lengths.mean, _number, "words per sentence"),
        row("Median sentence length", lambda f: f.sentence_lengths.median, _number, "words per sentence"),
        row(
            f"Sentences of {section.sentence_lengths.long_sentence_words}+ words",
            lambda f: f.sentence_lengths.long_sentences,
            str,
            "hard to follow at one reading",
        ),
        row("Long words", lambda f: f.long_words_share, _percent, "7+ letters"),
        row(
            "Difficult words",
            lambda f: f.difficult_words_share,
            _percent,
            "off the Dale-Chall list",
        ),
        row("Words of 3+ syllables", lambda f: f.polysyllabic_words_share, _percent, "share of words"),
    ]
    if section.passive_sentences is not None:
        p = section.passive_sentences
        rows.append(
            (
                "Passive sentences",
                f"{p.count} ({_percent(p.share)})",
                None,
                "found by framing",
            )
        )
    return rows


def _warnings(section: ReadabilitySection) -> list[str]:
    out = [f"Article: {w}" for w in section.warnings]
    if section.summary is not None:
        out += [f"Summary: {w}" for w in section.summary.warnings]
    return out


def render_terminal(section: ReadabilitySection, report: Report) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [Text(_headline(section, report), style="bold")]
    table = Table(box=None, padding=(0, 2), show_header=True, header_style="bold")
    table.add_column("Measure", style="cyan", no_wrap=True)
    table.add_column("Article", justify="right")
    if section.summary is not None:
        table.add_column("Summary", justify="right")
    table.add_column("What it means", style="dim")
    for label, article, summary, meaning in _detail_rows(section):
        cells = [label, article] + ([summary or ""] if section.summary is not None else []) + [meaning]
        table.add_row(*cells)
    parts.append(table)
    if section.summary is not None:
        parts.append(Text(compare_summary(section, section.summary)))
    if section.sentence_lengths.longest:
        parts.append(Text("Longest sentences", style="bold"))
        longest = Table.grid(padding=(0, 1))
        longest.add_column(style="cyan", no_wrap=True)
        longest.add_column()
        for s in section.sentence_lengths.longest:
            longest.add_row(f"  #{s.index + 1} ({s.words} words)", _clip(s.text))
        parts.append(longest)
    parts.extend(Text(f"• {w}", style="yellow") for w in _warnings(section))
    return Group(*parts)


def _clip(text: str, limit: int = 160) -> str:
    from summarize.text.clip import clip_words

    return clip_words(text, limit)


def render_markdown(section: ReadabilitySection, report: Report) -> str:
    from summarize.render.markdown import escape_markdown

    has_summary = section.summary is not None
    lines = [f"**{escape_markdown(_headline(section, report))}**", ""]
    header = "| Measure | Article |" + (" Summary |" if has_summary else "") + " What it means |"
    lines += [header, "|---|---:|" + ("---:|" if has_summary else "") + "---|"]
    for label, article, summary, meaning in _detail_rows(section):
        cells = [label, article] + ([summary or ""] if has_summary else []) + [meaning]
        lines.append("| " + " | ".join(escape_markdown(c) for c in cells) + " |")
    if section.summary is not None:
        lines += ["", escape_markdown(compare_summary(section, section.summary))]
    if section.sentence_lengths.longest:
        lines += ["", "Longest sentences:", ""]
        lines += [
            f"- \\#{s.index + 1} ({s.words} words): {escape_markdown(_clip(s.text))}"
            for s in section.sentence_lengths.longest
        ]
    warnings = _warnings(section)
    if warnings:
        lines += [""] + [f"> ⚠ {escape_markdown(w)}" for w in warnings]
    return "\n".join(lines) + "\n"
