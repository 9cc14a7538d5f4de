"""Framing: loaded words and phrases found, categorised, explained; sentences scored.

The lexicon spans explain; the trained heads (models/framing_heads, trained on
BABE) decide which sentences are biased and rank the words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.document import Document
from summarize.errors import ModelError
from summarize.framing.detect import detect_spans, simple_spans
from summarize.framing.lexicon import (
    Lexicon,
    builtin_lexicon_files,
    load_builtin_lexicon,
    load_lexicons,
)
from summarize.framing.section import (
    CategoryStat,
    DocumentScore,
    FramingSection,
    FramingSpan,
    QuoteInfo,
    SentenceScore,
)
from summarize.framing.settings import FramingSettings

if TYPE_CHECKING:
    from rich.console import RenderableType

    from summarize.context import Context
    from summarize.framing.quotes import Quote
    from summarize.framing.scoring import HeadScores
    from summarize.report import Report

HEAD_CATEGORY = "flagged_word"
PATTERN_LABELS = {
    "scare_quote": "Scare quotes",
    "so_called": "“So-called”",
    "agentless_passive": "Agentless passives",
    HEAD_CATEGORY: "Words flagged by the trained head",
}
FALLBACK_THRESHOLD = 0.5


def choose_lexicon(settings: FramingSettings) -> Lexicon:
    """The built-in lexicons plus the user's files, or the user's files alone."""
    if settings.lexicon_only:
        return load_lexicons(settings.lexicons)
    if not settings.lexicons:
        return load_builtin_lexicon()
    return load_builtin_lexicon().merged(load_lexicons(settings.lexicons))


def category_labels(lexicon: Lexicon) -> dict[str, str]:
    return {**load_builtin_lexicon().labels, **PATTERN_LABELS, **lexicon.labels}


def run(doc: Document, ctx: Context) -> FramingSection:
    settings = ctx.settings.framing
    lexicon = choose_lexicon(settings)
    detection = detect_spans(doc, lexicon)
    spans = detection.spans
    if lexicon is load_builtin_lexicon():
        builtin = spans
    else:  # the heads were trained on built-in lexicon features
        builtin = detect_spans(doc, load_builtin_lexicon(), detection.quotes).spans
    scores = _head_scores(doc, ctx, builtin)
    if scores is not None:
        spans = _with_head_scores(doc, spans, scores, detection.quotes)
        sentence_probability = scores.sentence_probability
        threshold = scores.sentence_threshold
        scorer = "heads"
    else:
        from summarize.framing.scoring import lexicon_sentence_scores

        sentence_probability = lexicon_sentence_scores(doc, simple_spans(spans), [s.in_quote for s in spans])
        threshold = FALLBACK_THRESHOLD
        scorer = "lexicon"
    labels = category_labels(lexicon)
    return FramingSection(
        spans=spans,
        categories=category_stats(spans, doc.word_count, labels),
        sentences=sentence_scores(doc, spans, sentence_probability, threshold),
        document=document_score(doc, sentence_probability, threshold),
        quotes=[QuoteInfo(q.start, q.end, q.speaker, q.words) for q in detection.quotes],
        threshold=threshold,
        scorer=scorer,
        lexicons=[
            *([] if settings.lexicon_only else [str(p.name) for p in builtin_lexicon_files()]),
            *settings.lexicons,
        ],
    )


def _head_scores(doc: Document, ctx: Context, builtin: list[FramingSpan]) -> HeadScores | None:
    if not doc.sentences:
        return None
    from summarize.framing.heads import heads_dir, load_heads
    from summarize.framing.scoring import score_with_heads

    try:
        heads = load_heads()
        scores = score_with_heads(doc, ctx, heads, simple_spans(builtin))
    except ModelError as exc:
        ctx.warn(f"framing: sentence scores from the lexicon only ({exc.message})")
        return None
    ctx.record_model("framing", "framing_heads", f"path:{heads_dir()}")
    return scores


def _with_head_scores(
    doc: Document, spans: list[FramingSpan], scores: HeadScores, quotes: list[Quote]
) -> list[FramingSpan]:
    """Lexicon spans get the word head's score; words it flags that no lexicon explains become spans."""
    from bisect import bisect_left
    from dataclasses import replace

    from summarize.framing.detect import speech_of
    from summarize.framing.quotes import quote_at

    starts = [t.start for t in doc.tokens]
    out: list[FramingSpan] = []
    covered: set[int] = set()
    for span in spans:
        ids = []
        for i in range(bisect_left(starts, span.start), len(doc.tokens)):
            if doc.tokens[i].start >= span.end:
                break
            if doc.tokens[i].is_word:
                ids.append(i)
        covered.update(ids)
        probs = [scores.word_probability[i] for i in ids if i in scores.word_probability]
        out.append(replace(span, score=round(max(probs), 4) if probs else None))
    for i, p in scores.word_probability.items():
        if p < scores.word_threshold or i in covered:
            continue
        token = doc.tokens[i]
        speech = speech_of(quote_at(quotes, token.start, token.end))
        out.append(
            FramingSpan(
                start=token.start,
                end=token.end,
                text=token.text,
                category=HEAD_CATEGORY,
                explanation=f"The word head, trained on expert bias annotations (BABE), marks this word "
                f"as bias-inducing (p={p:.2f}); no lexicon entry explains it.",
                alternative=None,
                in_quote=speech is not None,
                speaker=speech.speaker if speech else None,
                term=token.text.lower(),
                weight=0.0,
                score=round(p, 4),
                source="head",
            )
        )
    return sorted(out, key=lambda s: s.start)


def category_stats(spans: list[FramingSpan], words: int, labels: dict[str, str]) -> dict[str, CategoryStat]:
    counts: dict[str, list[int]] = {}
    for span in spans:
        entry = counts.setdefault(span.category, [0, 0])
        entry[0] += 1
        entry[1] += int(span.in_quote)
    return {
        name: CategoryStat(
            label=labels.get(name, name.replace("_", " ")),
            count=count,
            per_1000_words=round(count * 1000.0 / words, 2) if words else 0.0,
            in_quotes=quoted,
        )
        for name, (count, quoted) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    }


def sentence_scores(
    doc: Document, spans: list[FramingSpan], probability: list[float], threshold: float
) -> list[SentenceScore]:
    per_sentence = [0] * len(doc.sentences)
    for span in spans:
        index = doc.sentence_at(span.start)
        if index is not None:
            per_sentence[index] += 1
    return [
        SentenceScore(index=s.index, score=round(p, 4), biased=p >= threshold, spans=per_sentence[s.index])
        for s, p in zip(doc.sentences, probability, strict=True)
    ]


def document_score(doc: Document, probability: list[float], threshold: float) -> DocumentScore:
    if not doc.sentences:
        return DocumentScore(score=0.0, biased_share=0.0)
    lengths = [
        max(1, sum(1 for t in doc.tokens if t.sentence == s.index and t.is_word)) for s in doc.sentences
    ]
    weighted = sum(p * n for p, n in zip(probability, lengths, strict=True)) / sum(lengths)
    share = sum(p >= threshold for p in probability) / len(probability)
    return DocumentScore(score=round(weighted, 4), biased_share=round(share, 4))


def render_terminal(section: FramingSection, report: Report) -> RenderableType:
    from summarize.framing.render import framing_renderable

    return framing_renderable(section, report)


def render_markdown(section: FramingSection, report: Report) -> str:
    from summarize.framing.render import framing_markdown

    return framing_markdown(section, report)
