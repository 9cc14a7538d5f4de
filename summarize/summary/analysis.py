"""The summary analysis: extractive (default), abstractive or hybrid, every sentence traced.

run(doc, ctx) -> SummarySection; summarize/render/<format>/summary.py draws it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarize.errors import ModelError
from summarize.needs import Needs
from summarize.summary.section import Flag, ModelInfo, SummarySection, SummarySentence

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.interfaces import SentenceEncoder
    from summarize.context import Context
    from summarize.document import Document
    from summarize.settings import Settings
    from summarize.summary.length import LengthTarget

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

    settings = ctx.settings.summary  # its method is checked when the settings are made
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
    from summarize.summary.settings import DEFAULT_GENERATOR

    settings = ctx.settings.summary
    generator = load_generator(settings.model or DEFAULT_GENERATOR, settings.dtype)
    ctx.record_model(JOB, generator.id, generator.source)
    units, scorer_info, selection = _units_to_condense(doc, ctx, embeddings, target)
    generated = summarize_units(units, generator, target, settings)
    sentences = _traced_sentences(doc, ctx, generated.sentences, embeddings)

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
        from summarize.summary.extractive import extract

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


def _units_to_condense(
    doc: Document, ctx: Context, embeddings: np.ndarray, target: LengthTarget
) -> tuple[list[str], ModelInfo | None, str | None]:
    """The sentences the model reads, and the scorer that chose them (hybrid) or None (all of them)."""
    texts = [s.text for s in doc.sentences]
    if ctx.settings.summary.method != "hybrid":
        return texts, None, None
    from summarize.summary.extractive import extract
    from summarize.summary.length import LengthTarget

    # Condense only the salient sentences: about twice the summary's length, at least five.
    scorer, scorer_info = _scorer_info(ctx)
    wanted = max(5, 2 * target.sentences) if target.words is None else len(texts)
    pool = LengthTarget(sentences=min(len(texts), wanted), words=None if target.words is None
                        else 2 * target.words)
    return [texts[i] for i in extract(doc, embeddings, pool, scorer)], scorer_info, scorer.describe()


def _traced_sentences(
    doc: Document, ctx: Context, generated: list[str], embeddings: np.ndarray
) -> list[SummarySentence]:
    """Each generated sentence with the article sentences behind it and its flags."""
    from summarize.summary.faithfulness import (
        UNSUPPORTED_BELOW,
        find_flags,
        index_article,
        trace_sources,
    )

    texts = [s.text for s in doc.sentences]
    article = index_article(doc.text)
    encoder: SentenceEncoder = ctx.encoder(JOB)
    sentences: list[SummarySentence] = []
    for text, vector in zip(generated, encoder.encode(generated), strict=True):
        support = trace_sources(text, vector, texts, embeddings)
        flags = find_flags(text, article)
        if support.score < UNSUPPORTED_BELOW:
            flags.append(Flag("unsupported", f"support {support.score:.2f}"))
        sentences.append(SummarySentence(text, support.sources, support.score, flags))
    return sentences
