"""Framing: loaded words and phrases found, categorised, explained; sentences scored.

Two layers: loaded language (the bias measure) and framing devices (shown, never counted).
The lexicon spans explain; the trained heads (models/framing_heads: trained on BABE, the
loaded-word head and the sentence calibration fitted on real articles, BASIL) decide which
sentences are biased and which words are loaded in context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    LOADED,
    ArticleMeasure,
    CategoryStat,
    DocumentScore,
    FramingSection,
    FramingSpan,
    QuoteInfo,
    SentenceScore,
    VoiceCounts,
)
from summarize.framing.settings import FramingSettings
from summarize.needs import Needs

if TYPE_CHECKING:
    from summarize.context import Context
    from summarize.framing.quotes import Quote
    from summarize.framing.scoring import HeadScores
    from summarize.settings import Settings

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


def needs(settings: Settings) -> Needs:
    """The trained heads read the sentence embeddings and the word head's piece vectors (of the
    hidden layers it was trained on); without the heads framing reads no encoder output."""
    from summarize.framing.heads import load_heads

    try:
        layers = tuple(load_heads()[1].layers)
    except (ModelError, OSError):
        return Needs()
    return Needs(encoder=("sentence_embeddings", "token_pieces"), piece_layers=layers)


def run(doc: Document, ctx: Context) -> FramingSection:
    settings = ctx.settings.framing
    lexicon = choose_lexicon(settings)
    # The heads read the built-in matches before the context rules (the features they were
    # trained on); the report shows the matches the context rules keep.
    raw = detect_spans(doc, load_builtin_lexicon(), context_rules=False)
    quotes = raw.quotes
    spans = detect_spans(doc, lexicon, quotes).spans
    scores = head_scores(doc, ctx, raw.spans)
    if scores is not None:
        spans, judged = with_head_scores(doc, spans, scores, quotes)
        sentence_probability = calibrated_sentences(doc, judged, scores)
        threshold = scores.heads.calibration.threshold
        scorer, calibration = "heads", "basil"
    else:
        from summarize.framing.scoring import lexicon_sentence_scores

        loaded = [s for s in spans if s.layer == LOADED]
        sentence_probability = lexicon_sentence_scores(
            doc, simple_spans(loaded), [s.in_quote for s in loaded]
        )
        threshold = FALLBACK_THRESHOLD
        scorer, calibration = "lexicon", "none"
    labels = category_labels(lexicon)
    sentences = sentence_scores(doc, spans, sentence_probability, threshold)
    return FramingSection(
        spans=spans,
        categories=category_stats(spans, doc.word_count, labels),
        sentences=sentences,
        document=document_score(doc, sentence_probability, threshold),
        quotes=[QuoteInfo(q.start, q.end, q.speaker, q.words) for q in quotes],
        threshold=threshold,
        scorer=scorer,
        lexicons=[
            *([] if settings.lexicon_only else [str(p.name) for p in builtin_lexicon_files()]),
            *settings.lexicons,
        ],
        measure=article_measure(doc, spans, sentences, calibrated=calibration != "none"),
        calibration=calibration,
    )


def head_scores(doc: Document, ctx: Context, builtin: list[FramingSpan]) -> HeadScores | None:
    """The trained heads' scores of ``doc`` (``builtin``: the built-in matches before the context
    rules), or None with a warning when the heads cannot be loaded (lexicon-only fallback)."""
    if not doc.sentences:
        return None
    from summarize.framing.heads import heads_dir, load_framing_heads
    from summarize.framing.scoring import score_with_heads

    try:
        heads = load_framing_heads()
        scores = score_with_heads(doc, ctx, heads, simple_spans(builtin))
    except ModelError as exc:
        ctx.warn(f"framing: sentence scores from the lexicon only ({exc.message})")
        return None
    ctx.record_model("framing", "framing_heads", f"path:{heads_dir()}")
    return scores


# Built-in loaded categories whose weaker entries (weight below STRONG_WEIGHT) must be confirmed
# in context by the word head; strong curated entries and user categories are always kept.
GATED_CATEGORIES = frozenset({"loaded", "actor_label", "euphemism", "intensifier"})
STRONG_WEIGHT = 0.7


def is_gated(span: FramingSpan) -> bool:
    return span.source == "lexicon" and span.category in GATED_CATEGORIES and span.weight < STRONG_WEIGHT


def select_loaded(
    doc: Document,
    spans: Sequence[FramingSpan],
    probability: Mapping[int, float],
    threshold: float,
    lexicon_gate: float,
    quotes: list[Quote],
) -> list[FramingSpan]:
    """The loaded-language candidates: lexicon spans (the weaker built-in ones only when the word
    head confirms them in context: ``is_gated``), and words the head flags (probability at least
    ``threshold``) that no lexicon explains. ``probability``: token index -> word head
    probability, for the words that can be loaded at all (``layers.loadable_tokens``).
    Each keeps the head's best probability in ``score``.
    """
    starts = [t.start for t in doc.tokens]
    out: list[FramingSpan] = []
    covered: set[int] = set()
    for span in spans:
        ids = _token_ids(doc, starts, span.start, span.end)
        covered.update(ids)
        if span.layer == LOADED:
            kept = _confirmed(span, [probability[i] for i in ids if i in probability], lexicon_gate)
            out.extend([kept] if kept is not None else [])
    out.extend(
        _head_span(doc, i, p, quotes) for i, p in probability.items() if p >= threshold and i not in covered
    )
    return sorted(out, key=lambda s: s.start)


def _confirmed(span: FramingSpan, probs: list[float], lexicon_gate: float) -> FramingSpan | None:
    from dataclasses import replace

    best = max(probs) if probs else None
    if is_gated(span) and (best is None or best < lexicon_gate):
        # Unconfirmed in its sentence ("huge" of a number), or nothing the head can judge
        # ("the very": function words only).
        return None
    return replace(span, score=round(best, 4) if best is not None else None)


def _head_span(doc: Document, i: int, p: float, quotes: list[Quote]) -> FramingSpan:
    from summarize.framing.detect import speech_of
    from summarize.framing.quotes import quote_at

    token = doc.tokens[i]
    speech = speech_of(quote_at(quotes, token.start, token.end))
    return FramingSpan(
        start=token.start,
        end=token.end,
        text=token.text,
        category=HEAD_CATEGORY,
        explanation="The word head, trained on expert bias annotations (BABE and BASIL), marks "
        f"this word as loaded in this sentence (p={p:.2f}); no lexicon entry explains it.",
        alternative=None,
        in_quote=speech is not None,
        speaker=speech.speaker if speech else None,
        term=token.text.lower(),
        weight=0.0,
        score=round(p, 4),
        source="head",
        layer=LOADED,
    )


def _token_ids(doc: Document, starts: list[int], start: int, end: int) -> list[int]:
    from bisect import bisect_left

    ids = []
    for i in range(bisect_left(starts, start), len(doc.tokens)):
        if doc.tokens[i].start >= end:
            break
        if doc.tokens[i].is_word:
            ids.append(i)
    return ids


def with_head_scores(
    doc: Document, spans: list[FramingSpan], scores: HeadScores, quotes: list[Quote]
) -> tuple[list[FramingSpan], list[tuple[FramingSpan, float]]]:
    """Devices unchanged; the loaded layer: the candidates ``select_loaded`` finds, kept or not by
    the span head (``span_head``), each with its confidence. Also every judged candidate with
    the span head's probability (the calibrator's span evidence)."""
    from summarize.framing.span_head import judge_candidates, shown_spans

    heads = scores.heads
    candidates = select_loaded(
        doc, spans, scores.loaded_probability, heads.loaded_word.threshold, heads.lexicon_gate, quotes
    )
    judged = judge_candidates(
        heads.span, doc, candidates, scores.loaded_probability, scores.sentence_probability
    )
    loaded = shown_spans(heads.span, judged, candidates)
    devices = [s for s in spans if s.layer != LOADED]
    return sorted([*devices, *loaded], key=lambda s: s.start), judged


def calibrated_sentences(
    doc: Document, judged: Sequence[tuple[FramingSpan, float]], scores: HeadScores
) -> list[float]:
    """Each sentence's calibrated probability that experts would mark lexical bias in it."""
    from summarize.framing.calibration import calibration_features, span_evidence

    word_max = [0.0] * len(doc.sentences)
    for i, p in scores.loaded_probability.items():
        index = doc.tokens[i].sentence
        word_max[index] = max(word_max[index], p)
    evidence = span_evidence(
        [doc.sentence_at(s.start) for s, _ in judged],
        [s.in_quote for s, _ in judged],
        [p for _, p in judged],
        len(doc.sentences),
    )
    x = calibration_features(scores.sentence_probability, word_max, words_by_sentence(doc), evidence)
    return [float(p) for p in scores.heads.calibration.probabilities(x)]


def loaded_spans_by_sentence(doc: Document, spans: list[FramingSpan]) -> tuple[list[int], list[int]]:
    """Loaded-language spans per sentence: in the writer's voice, and inside quotations."""
    writer, quoted = [0] * len(doc.sentences), [0] * len(doc.sentences)
    for span in spans:
        index = doc.sentence_at(span.start)
        if index is None or span.layer != LOADED:
            continue
        (quoted if span.in_quote else writer)[index] += 1
    return writer, quoted


def words_by_sentence(doc: Document) -> list[int]:
    return [sum(1 for t in doc.sentence_tokens(s.index) if t.is_word) for s in doc.sentences]


def article_measure(
    doc: Document, spans: list[FramingSpan], sentences: list[SentenceScore], calibrated: bool = False
) -> ArticleMeasure:
    """The loaded-language density (calibrated: expected biased sentences per 1,000 words; else
    the writer's span count), the span count and the biased share, each with a bootstrap interval."""
    from summarize.framing.calibration import interval, share_interval

    n = len(doc.sentences)
    writer = loaded_spans_by_sentence(doc, spans)[0]
    words = words_by_sentence(doc)
    devices = sum(1 for span in spans if span.layer != LOADED)
    quoted_total = sum(1 for span in spans if span.layer == LOADED and span.in_quote)
    total_words = doc.word_count
    writer_total = sum(writer)
    span_density = interval(writer, words, 1000.0)
    return ArticleMeasure(
        # Sums of probabilities scaled to 1,000 words amplify the encoder's float noise (batched
        # vs single), so the expected density is given to one decimal.
        loaded_per_1000_words=interval([s.score for s in sentences], words, 1000.0, digits=1, draw_marks=True)
        if calibrated
        else span_density,
        biased_share=share_interval([s.biased for s in sentences]),
        voices=VoiceCounts(
            writer=writer_total,
            quoted=quoted_total,
            writer_per_1000_words=round(writer_total * 1000.0 / total_words, 2) if total_words else 0.0,
            quoted_per_1000_words=round(quoted_total * 1000.0 / total_words, 2) if total_words else 0.0,
        ),
        devices=devices,
        words=total_words,
        sentences=n,
        loaded_spans_per_1000_words=span_density,
        density_basis="expected" if calibrated else "spans",
    )


def category_stats(spans: list[FramingSpan], words: int, labels: dict[str, str]) -> dict[str, CategoryStat]:
    counts: dict[str, list[int]] = {}
    layer = {s.category: s.layer for s in spans}
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
            layer=layer[name],
        )
        for name, (count, quoted) in sorted(
            counts.items(), key=lambda kv: (layer[kv[0]] != LOADED, -kv[1][0], kv[0])
        )
    }


def sentence_scores(
    doc: Document, spans: list[FramingSpan], probability: list[float], threshold: float
) -> list[SentenceScore]:
    loaded = [0] * len(doc.sentences)
    devices = [0] * len(doc.sentences)
    for span in spans:
        index = doc.sentence_at(span.start)
        if index is not None:
            (loaded if span.layer == LOADED else devices)[index] += 1
    return [
        SentenceScore(
            index=s.index,
            score=round(p, 4),
            biased=p >= threshold,
            spans=loaded[s.index],
            devices=devices[s.index],
        )
        for s, p in zip(doc.sentences, probability, strict=True)
    ]


def document_score(doc: Document, probability: list[float], threshold: float) -> DocumentScore:
    if not doc.sentences:
        return DocumentScore(score=0.0, biased_share=0.0)
    # One pass over the tokens (words_by_sentence bisects): this was a scan of every token per
    # sentence, quadratic in the article's length (266 s of a 1 MB profile).
    lengths = [max(1, n) for n in words_by_sentence(doc)]
    weighted = sum(p * n for p, n in zip(probability, lengths, strict=True)) / sum(lengths)
    share = sum(p >= threshold for p in probability) / len(probability)
    return DocumentScore(score=round(weighted, 4), biased_share=round(share, 4))
