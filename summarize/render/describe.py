"""Sections put into words: the plain-text lines every human-readable format shares.

No markup here: the terminal styles these strings, Markdown escapes them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from summarize.render import labels

if TYPE_CHECKING:
    from summarize.compare import TermUse, Verdict
    from summarize.framing.section import FramingSection
    from summarize.readability.analysis import ReadabilitySection
    from summarize.readability.figures import ReadabilityFigures
    from summarize.report import Report
    from summarize.sentiment.section import Contribution, SentimentSection
    from summarize.summary.section import Flag, SummarySection
    from summarize.tokens import TokenCounts

# --- summary ----------------------------------------------------------------------------------


def summary_footer(section: SummarySection) -> str:
    """What was shown and how it was made, e.g. "extractive · lead-position rule (summary-scorer) ·
    up to 3 sentences (~60 words) · copied from the article: supported by construction"."""
    copied = "copied from the article: supported by construction"
    picked_by = f"{section.selection} ({section.scorer.id})" if section.selection and section.scorer else None
    if section.shown == "extractive" and section.method != "extractive":
        # --strict left nothing of the generated summary: say so over the extractive text.
        return (
            f"extractive fallback · {picked_by or 'extractive scorer'} · {section.length} · {copied}; "
            f"none of the {section.method} sentences from {section.model.id} passed --strict"
        )
    if section.method == "extractive":
        return f"extractive · {picked_by or section.model.id} · {section.length} · {copied}"
    chunks = f" · {section.chunks} chunks" if section.chunks > 1 else ""
    return (
        f"{section.method} · {section.model.id} ({section.model.source}) · {section.length}{chunks} · "
        f"generated; {section.flagged_share:.0%} of sentences flagged"
    )


def flag_text(flags: list[Flag]) -> str:
    return ", ".join(f"{f.kind}: {f.text}" for f in flags)


# --- sentiment --------------------------------------------------------------------------------

_SPARK = "▁▂▃▄▅▆▇█"
POLAR_SENTENCE_CHARS = 160  # the most polar sentences, shortened at a word with "…"


def sparkline(scores: list[float]) -> str:
    """One block per sentence: low blocks negative, high blocks positive (-1..1)."""
    top = len(_SPARK) - 1
    return "".join(_SPARK[min(top, max(0, round((s + 1) / 2 * top)))] for s in scores)


def top_contributions(section: SentimentSection, sign: int, limit: int | None = None) -> list[Contribution]:
    """The section's pushed-up (``sign`` 1) or pushed-down (-1) words, as every format shows them
    (the analysis keeps the strongest few: ``sentiment.analysis.TOP_WORDS_SHOWN``)."""
    return list(section.pushed_up if sign > 0 else section.pushed_down)[:limit]


def actor_method_note(methods: list[str]) -> str:
    """What the actor score is, in a line: the writer's stance, or the fallback mean."""
    from summarize.sentiment.actors import STANCE_METHOD

    stance = (
        "people: the writer's stance toward them (stance head), not how good or bad the events are; "
        "evidence is each sentence's push on that score"
    )
    mean = "mean score of the sentences that mention the actor"
    if methods == [STANCE_METHOD]:
        return stance
    if STANCE_METHOD in methods:
        return f"{stance}; countries, organisations and places: {mean}"
    return f"{mean} (no stance head with this backend)"


# --- framing ----------------------------------------------------------------------------------


def counted(n: int, plural: str) -> str:
    """``n`` and the noun, singular for one: "1 span", "2 spans" (labels are plural nouns in -s)."""
    return f"{n} {plural.removesuffix('s') if n == 1 else plural}"


def measure_line(section: FramingSection) -> str:
    """The article-level figures with their intervals, loaded layer only."""
    m = section.measure
    if m is None:
        return ""
    d, b, spans = m.loaded_per_1000_words, m.biased_share, m.loaded_spans_per_1000_words
    voices = f"{counted(m.voices.writer, 'spans')}, plus {m.voices.quoted} inside quotations"
    if m.density_basis == "expected" and spans is not None:
        density = (
            f"Loaded language: {d.value:.1f} per 1,000 words ({labels.EXPECTED_BASIS}; "
            f"95% CI {d.low:.1f}–{d.high:.1f}) · loaded spans shown: {spans.value:.1f} per 1,000 words "
            f"in the writer's voice (95% CI {spans.low:.1f}–{spans.high:.1f}; {voices})"
        )
    else:
        density = (
            f"Loaded language: {d.value:.1f} per 1,000 words in the writer's voice "
            f"(95% CI {d.low:.1f}–{d.high:.1f}; {voices})"
        )
    return (
        f"{density} · sentences biased {b.value:.0%} (95% CI {b.low:.0%}–{b.high:.0%}) · "
        f"{counted(m.devices, 'framing devices')} shown, not counted"
    )


# --- readability ------------------------------------------------------------------------------

ReadabilityRow = tuple[str, str, str | None, str]  # (label, article, summary or None, what it means)


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
    if a_len is None or s_len is None or a_hard is None or s_hard is None:
        return "The summary has no sentences to compare."
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


def _number(value: object, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _percent(value: object) -> str:
    return "—" if value is None else f"{value:.0%}"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def readability_headline(figures: ReadabilityFigures, report: Report | None = None) -> str:
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


def _index_getter(name: str) -> Callable[[ReadabilityFigures], float | None]:
    def get(figures: ReadabilityFigures) -> float | None:
        value: float | None = getattr(figures, name)
        return value

    return get


def readability_rows(section: ReadabilitySection) -> list[ReadabilityRow]:
    """(label, article, summary or None, what it means) for every figure shown."""
    summary = section.summary

    def row(
        label: str, get: Callable[[ReadabilityFigures], object], fmt: Callable[[object], str], meaning: str
    ) -> ReadabilityRow:
        return label, fmt(get(section)), (fmt(get(summary)) if summary is not None else None), meaning

    rows = [
        row(label, _index_getter(name), _number, meaning)
        for name, label, meaning in labels.READABILITY_INDICES
    ]
    rows += [
        row(
            labels.CONSENSUS_GRADE,
            lambda f: f.consensus_grade,
            _number,
            f"{section.consensus_method.replace('_', ' ')} of the grades",
        ),
        row(labels.MEAN_SENTENCE_LENGTH, lambda f: f.sentence_lengths.mean, _number, "words per sentence"),
        row(
            labels.MEDIAN_SENTENCE_LENGTH, lambda f: f.sentence_lengths.median, _number, "words per sentence"
        ),
        row(
            f"Sentences of {section.sentence_lengths.long_sentence_words}+ words",
            lambda f: f.sentence_lengths.long_sentences,
            str,
            "hard to follow at one reading",
        ),
        row(labels.LONG_WORDS, lambda f: f.long_words_share, _percent, "7+ letters"),
        row(labels.DIFFICULT_WORDS, lambda f: f.difficult_words_share, _percent, "off the Dale-Chall list"),
        row(labels.POLYSYLLABIC_WORDS, lambda f: f.polysyllabic_words_share, _percent, "share of words"),
    ]
    if section.passive_sentences is not None:
        p = section.passive_sentences
        rows.append((labels.PASSIVE_SENTENCES, f"{p.count} ({_percent(p.share)})", None, "found by framing"))
    return rows


def readability_warnings(section: ReadabilitySection) -> list[str]:
    out = [f"Article: {w}" for w in section.warnings]
    if section.summary is not None:
        out += [f"Summary: {w}" for w in section.summary.warnings]
    return out


def clip(text: str, limit: int = 160) -> str:
    from summarize.text.clip import clip_words

    return clip_words(text, limit)


# --- compare ----------------------------------------------------------------------------------


def figure_title(v: Verdict) -> str:
    return labels.COMPARE_FIGURES.get(v.figure, labels.COMPARE_FIGURES["biased_share"])


def interval_text(v: Verdict) -> tuple[str, str]:
    """Both articles' value of the verdict's figure, each with its 95% interval."""
    spec = ".0%" if v.figure == "biased_share" else ".1f"
    a, b = (f"{i.value:{spec}} ({i.low:{spec}}–{i.high:{spec}})" for i in (v.a, v.b))
    return a, b


def terms_line(uses: list[TermUse], limit: int = 25) -> str:
    parts = [
        f"{u.text} ({labels.category_name(u.category)}{', ×' + str(u.count) if u.count > 1 else ''})"
        for u in uses[:limit]
    ]
    more = f" … and {len(uses) - limit} more" if len(uses) > limit else ""
    return ", ".join(parts) + more if parts else "none"


# --- tokens -----------------------------------------------------------------------------------


def tokens_plain(tokens: TokenCounts, *, markdown: bool) -> str:
    """`summarize tokens` as plain lines: numbered sentences (a Markdown list, or right-aligned
    numbers), then the counts and the warnings."""
    lines = [
        f"{s.index + 1}. {s.text}" if markdown else f"{s.index + 1:>4}  {s.text}" for s in tokens.sentences
    ]
    lines += ["", f"{tokens.words} words, {len(tokens.sentences)} sentences, {tokens.characters} characters"]
    lines += [f"{c.tokens} tokens for {c.model}" for c in tokens.models]
    lines += [f"warning: {w}" for w in tokens.warnings]
    return "\n".join(lines) + "\n"
