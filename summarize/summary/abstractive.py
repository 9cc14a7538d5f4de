"""Abstractive summaries with any seq2seq or chat model, map-reduce over sentence-bounded chunks.

Text that does not fit the model's context is chunked on sentence boundaries; each chunk
is summarised, and the partial summaries are summarised again until one pass fits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from summarize.backends.chunking import chunk_sentences
from summarize.backends.interfaces import GenerationOptions, SummaryGenerator
from summarize.summary.length import LengthTarget
from summarize.summary.settings import SummarySettings

MAX_REDUCE_PASSES = 4
_LEADING_JUNK = re.compile(r"^\s*(?:summary\s*:|[-*•]|\d+[.)])\s*", re.IGNORECASE)
_TERMINAL = (".", "!", "?", "…", '"', "”", "'", "’", ")")


@dataclass
class Generated:
    sentences: list[str]
    chunks: int  # chunks of the input read in the first (map) pass
    passes: int  # generation passes including reductions
    warnings: list[str] = field(default_factory=list)


def instruction(target: LengthTarget) -> str:
    return (
        "You are a careful news editor. Summarize the news article in "
        f"{target.describe()}. Use only facts stated in the article: keep names, numbers, "
        "dates and places exactly as written, and add nothing the article does not say. "
        "Write plain sentences, without a title, list or preamble."
    )


def new_tokens_for(target: LengthTarget, settings: SummarySettings) -> int:
    if settings.max_new_tokens:
        return settings.max_new_tokens
    if target.words is not None:
        return max(32, min(1024, int(target.words * 1.6) + 16))
    return max(48, min(512, target.sentences * 48))


def input_budget(generator: SummaryGenerator, target: LengthTarget, settings: SummarySettings) -> int:
    """Tokens of article text that fit in one model call."""
    overhead = generator.count_tokens(generator.prompt_for("", instruction(target)))
    room = generator.context_tokens - overhead - 2
    if generator.output_shares_context:  # a decoder-only model's prompt and output
        room -= new_tokens_for(target, settings)
    if settings.max_input_tokens:
        room = min(room, settings.max_input_tokens)
    if room < 16:
        from summarize.errors import ModelError

        raise ModelError(f"{generator.id}: its {generator.context_tokens}-token context is too small")
    return room


def split_output(text: str) -> list[str]:
    """Generated text -> clean sentences (the project's splitter, list markers removed)."""
    from summarize.document import build_document

    lines = [_LEADING_JUNK.sub("", line).strip() for line in text.splitlines()]
    cleaned = "\n\n".join(line for line in lines if line)
    return [s.text.strip() for s in build_document(cleaned).sentences if s.text.strip()]


def fit_length(sentences: list[str], target: LengthTarget) -> list[str]:
    # A last sentence cut off by the token limit is dropped when others remain.
    if len(sentences) > 1 and not sentences[-1].endswith(_TERMINAL):
        sentences = sentences[:-1]
    if target.words is None:
        return sentences[: target.sentences]
    kept: list[str] = []
    words = 0
    for sentence in sentences:
        if kept and words + len(sentence.split()) > target.words * 1.15:
            break
        kept.append(sentence)
        words += len(sentence.split())
    return kept


def _options(target: LengthTarget, settings: SummarySettings) -> GenerationOptions:
    return GenerationOptions(
        max_new_tokens=new_tokens_for(target, settings),
        num_beams=settings.num_beams,
        temperature=settings.temperature,
        repetition_penalty=settings.repetition_penalty,
        no_repeat_ngram_size=settings.no_repeat_ngram_size,
        seed=settings.seed,
    )


def summarize_units(
    units: list[str], generator: SummaryGenerator, target: LengthTarget, settings: SummarySettings
) -> Generated:
    """Summarise ``units`` (sentences, in order) to ``target`` with map-reduce when needed."""
    warnings: list[str] = []
    first_chunks = 0
    passes = 0
    current = units
    for depth in range(MAX_REDUCE_PASSES + 1):
        budget = input_budget(generator, target, settings)
        chunks = chunk_sentences(current, generator.count_tokens, budget)
        if depth == 0:
            first_chunks = len(chunks)
            single = [c.sentences for c in chunks if len(c.sentences) == 1]
            if len(set(single)) < len(single):  # one sentence was cut into several chunks
                warnings.append("a sentence longer than the model's context was read in pieces")
        if len(chunks) == 1:
            output = generator.generate(
                generator.prompt_for(chunks[0].text, instruction(target)), _options(target, settings)
            )
            passes += 1
            return Generated(fit_length(split_output(output), target), first_chunks, passes, warnings)
        # Map: each chunk gets a share of the summary, at least two sentences.
        share = LengthTarget(sentences=max(2, math.ceil(2 * target.sentences / len(chunks))))
        share = LengthTarget(sentences=min(share.sentences, 4))
        partial: list[str] = []
        for chunk in chunks:
            output = generator.generate(
                generator.prompt_for(chunk.text, instruction(share)), _options(share, settings)
            )
            partial.extend(fit_length(split_output(output), share))
        passes += 1
        if not partial:
            return Generated([], first_chunks, passes, [*warnings, "the model produced no text"])
        current = partial
    warnings.append(
        f"partial summaries still exceeded the context after {MAX_REDUCE_PASSES} reductions; "
        "kept the first sentences of the partial summaries"
    )
    return Generated(fit_length(current, target), first_chunks, passes, warnings)
