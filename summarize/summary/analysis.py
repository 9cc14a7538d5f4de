"""The summary analysis: extractive (default), abstractive or hybrid, every sentence traced.

run(doc, ctx) -> SummarySection; render_terminal / render_markdown draw it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarize.errors import ModelError, UsageError
from summarize.needs import Needs
from summarize.summary.section import Flag, ModelInfo, SummarySection, SummarySentence

if TYPE_CHECKING:
    import numpy as np
    from rich.console import RenderableType

    from summarize.context import Context
    from summarize.document import Document
    from summarize.report import Report
    from summarize.settings import Settings
    from summarize.summary.length import LengthTarget

METHODS = ("extractive", "abstractive", "hybrid")
DEFAULT_ABSTRACTIVE_MODEL = "smollm2"
JOB = "summary"


def needs(settings: Settings) -> Needs:
    """Sentence embeddings: generated sentences are traced to the article through them, and a
    trained scorer may read them (the shipped lead-position rule does not)."""
    if settings.summary.method == "extractive":
        from summarize.summary.scorer import load_scorer

        try:
            if not load_scorer().uses_embeddings:
                return Needs()
        except ModelError:
            return Needs()  # run() says the scorer is missing
    return Needs(encoder=("sentence_embeddings",))


def run(doc: Document, ctx: Context) -> SummarySection:
    from summarize.summary.length import resolve_length

    settings = ctx.settings.summary
    if settings.method not in METHODS:
        raise UsageError(f"unknown summary method '{settings.method}'; choose from {', '.join(METHODS)}")
    # The extractive default stops at the scorer's word budget (chosen with it by cross-
    # validation); generated summaries keep a plain sentence count.
    words_per_sentence = None
    if settings.method == "extractive":
        from summarize.summary.scorer import load_scorer

        words_per_sentence = load_scorer().words_per_sentence
    target = resolve_length(
        len(doc.sentences), sentences=settings.sentences, words=settings.words, ratio=settings.ratio,
        words_per_sentence=words_per_sentence,
    )
    if settings.method == "extractive":
        return _extractive_section(doc, ctx, target)
    # Generated sentences are traced to the article through the encoder: it earns its load here.
    embeddings = ctx.sentence_embeddings(doc, JOB)
    encoder_info = ModelInfo(*ctx.encoder_info(JOB))  # no model load when embeddings were handed in
    return _generated_section(doc, ctx, embeddings, target, encoder_info)


def _scorer_info(ctx: Context) -> tuple[Any, ModelInfo]:
    from summarize.summary.scorer import SCORER_FILE, SCORER_NAME, load_scorer

    scorer = load_scorer()
    info = ModelInfo(SCORER_NAME, f"project:models/{SCORER_FILE}")
    ctx.record_model(JOB, info.id, info.source)
    return scorer, info


def _scorer_embeddings(
    doc: Document, ctx: Context, scorer: Any
) -> tuple[np.ndarray | None, ModelInfo | None]:
    """Sentence embeddings, and the encoder behind them, only for a scorer that reads them."""
    if not scorer.uses_embeddings:
        return None, None
    embeddings = ctx.sentence_embeddings(doc, JOB)
    return embeddings, ModelInfo(*ctx.encoder_info(JOB))


def _extracted_sentences(doc: Document, indices: list[int]) -> list[SummarySentence]:
    return [SummarySentence(doc.sentences[i].text, [i], 1.0, []) for i in indices]


def _extractive_section(doc: Document, ctx: Context, target: LengthTarget) -> SummarySection:
    from summarize.summary.extractive import extract

    scorer, scorer_info = _scorer_info(ctx)
    embeddings, encoder = _scorer_embeddings(doc, ctx, scorer)
    indices = extract(doc, embeddings, target, scorer)
    return SummarySection(
        method="extractive",
        model=scorer_info,
        chunks=1,
        length=target.describe(),
        sentences=_extracted_sentences(doc, indices),
        supported_by_construction=True,
        encoder=encoder,
        scorer=scorer_info,
        strict=ctx.settings.summary.strict,
        selection=scorer.describe(),
        shown="extractive",
    )


def _generated_section(
    doc: Document, ctx: Context, embeddings: np.ndarray, target: LengthTarget, encoder: ModelInfo
) -> SummarySection:
    from summarize.backends.generation import load_generator
    from summarize.summary.abstractive import summarize_units
    from summarize.summary.extractive import extract
    from summarize.summary.faithfulness import (
        UNSUPPORTED_BELOW,
        find_flags,
        index_article,
        trace_sources,
    )
    from summarize.summary.length import LengthTarget

    settings = ctx.settings.summary
    generator = load_generator(settings.model or DEFAULT_ABSTRACTIVE_MODEL, settings.dtype)
    ctx.record_model(JOB, generator.id, generator.source)
    scorer_info: ModelInfo | None = None
    selection: str | None = None
    texts = [s.text for s in doc.sentences]
    if settings.method == "hybrid":
        # Condense only the salient sentences: about twice the summary's length, at least five.
        scorer, scorer_info = _scorer_info(ctx)
        selection = scorer.describe()
        wanted = max(5, 2 * target.sentences) if target.words is None else len(texts)
        pool = LengthTarget(sentences=min(len(texts), wanted), words=None if target.words is None
                            else 2 * target.words)
        units = [texts[i] for i in extract(doc, embeddings, pool, scorer)]
    else:
        units = texts
    generated = summarize_units(units, generator, target, settings)

    article = index_article(doc.text)
    vectors = ctx.encoder(JOB).encode(generated.sentences)
    sentences: list[SummarySentence] = []
    for text, vector in zip(generated.sentences, vectors, strict=True):
        support = trace_sources(text, vector, texts, embeddings)
        flags = find_flags(text, article)
        if support.score < UNSUPPORTED_BELOW:
            flags.append(Flag("unsupported", f"support {support.score:.2f}"))
        sentences.append(SummarySentence(text, support.sources, support.score, flags))

    warnings = list(generated.warnings)
    flagged = [s for s in sentences if s.flags]
    share = len(flagged) / len(sentences) if sentences else 0.0
    dropped: list[SummarySentence] = []
    if settings.strict and flagged:
        dropped = flagged
        sentences = [s for s in sentences if not s.flags]
        warnings.append(f"--strict dropped {len(dropped)} flagged sentence(s)")
    fell_back = not sentences
    if fell_back:
        # An editor still gets a faithful summary: fall back to the extractive one, and say so.
        scorer, scorer_info = _scorer_info(ctx)
        selection = scorer.describe()
        sentences = _extracted_sentences(doc, extract(doc, embeddings, target, scorer))
        warnings.append("no generated sentence survived the checks; showing the extractive summary")
    for message in warnings:
        ctx.warn(f"summary: {message}")
    return SummarySection(
        method=settings.method,
        model=ModelInfo(generator.id, generator.source),
        chunks=generated.chunks,
        length=target.describe(),
        sentences=sentences,
        supported_by_construction=fell_back,
        encoder=encoder,
        scorer=scorer_info,
        strict=settings.strict,
        dropped=dropped,
        flagged_share=round(share, 4),
        warnings=warnings,
        selection=selection,
        shown="extractive" if fell_back else settings.method,
    )


def footer(section: SummarySection) -> str:
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


def _flag_text(flags: list[Flag]) -> str:
    return ", ".join(f"{f.kind}: {f.text}" for f in flags)


def render_terminal(section: SummarySection, report: Report) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = []
    for number, sentence in enumerate(section.sentences, start=1):
        line = Text(f"{number}. ", style="bold")
        line.append(sentence.text)
        sources = ", ".join(str(i + 1) for i in sentence.source_sentences)
        detail = f"   from sentence {sources}" if sources else "   no source found"
        if not section.supported_by_construction:
            detail += f" · support {sentence.support:.2f}"
        parts.append(line)
        parts.append(Text(detail, style="dim"))
        if sentence.flags:
            parts.append(Text(f"   ⚠ not in the article: {_flag_text(sentence.flags)}", style="yellow"))
    for sentence in section.dropped:
        parts.append(Text(f"dropped (--strict): {sentence.text}", style="dim strike"))
    if not section.sentences:
        parts.append(Text("(no summary: the article has no sentences)", style="dim"))
    parts.append(Text(footer(section), style="dim"))
    return Group(*parts)


def render_markdown(section: SummarySection, report: Report) -> str:
    from summarize.render.markdown import escape_markdown

    lines: list[str] = []
    for sentence in section.sentences:
        sources = ", ".join(str(i + 1) for i in sentence.source_sentences)
        note = f" *(sentence {sources}" if sources else " *(no source"
        if not section.supported_by_construction:
            note += f"; support {sentence.support:.2f}"
        if sentence.flags:
            note += f"; not in the article: {escape_markdown(_flag_text(sentence.flags))}"
        lines.append(f"- {escape_markdown(sentence.text)}{note})*")
    for sentence in section.dropped:
        lines.append(f"- ~~{escape_markdown(sentence.text)}~~ *(dropped by --strict)*")
    lines.append("")
    lines.append(f"*{escape_markdown(footer(section))}*")
    return "\n".join(lines) + "\n"
