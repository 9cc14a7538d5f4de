"""The span decision: which candidate loaded-language spans to show, read in their article.

The loaded-word head ranks words from their sentence alone. Whether an expert marks a
candidate also depends on where it stands: the sentence head's score, the voice (quoted or
the writer's), how early in the article, whether the sentence names one of the article's main
actors (BASIL's experts mark bias aimed at them), how often the same term recurs, and how the
candidate ranks among the article's other candidates. ``span.npz`` (a logistic regression
fitted on BASIL candidates, grouped by event) turns these into the probability that an expert
marks the span; that probability is the span's ``confidence`` and its threshold (chosen by
grouped cross-validation) decides what is shown.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from summarize.document import Document
from summarize.framing.analysis import HEAD_CATEGORY, STRONG_WEIGHT
from summarize.framing.section import FramingSpan

if TYPE_CHECKING:
    import numpy as np

    from summarize.framing.heads import LinearHead

NO_WORD_LOGIT = -8.0  # a span with no word the head can judge (a function-word phrase)
MAIN_ACTORS = 3  # the article's most frequent capitalised mid-sentence words
FAR = 1000  # characters: "no main actor in the sentence"
SPAN_CATEGORIES = (
    "loaded",
    "actor_label",
    "euphemism",
    "intensifier",
    "conflict",
    "scare_quote",
    "so_called",
)
# The built-in loaded-language categories the span head was trained on.
JUDGED_CATEGORIES = frozenset({*SPAN_CATEGORIES, HEAD_CATEGORY})
SPAN_FEATURES = (
    "word_logit",
    "no_word",
    "source_head",
    "lexicon_strong",
    "lexicon_gated",
    "source_pattern",
    "weight",
    "in_quote",
    "sentence_logit",
    "sentence_position",
    "log_sentence_words",
    "log_other_candidates",
    "span_words",
    "sentence_word_max_logit",
    *(f"category_{c}" for c in SPAN_CATEGORIES),
    "article_rank",
    "article_z",
    "log_term_count",
    "main_actor_in_sentence",
    "log_main_actor_distance",
)


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def main_actor_offsets(doc: Document) -> list[int]:
    """Start offsets of the mentions of the article's most frequent capitalised mid-sentence words."""
    tokens = doc.tokens
    capitalised = [
        t.text
        for k, t in enumerate(tokens)
        if k > 0 and t.is_word and t.text[:1].isupper() and tokens[k - 1].sentence == t.sentence
    ]
    main = {word for word, _ in Counter(capitalised).most_common(MAIN_ACTORS)}
    return [t.start for t in tokens if t.text in main]


def _article_standing(logits: list[float]) -> tuple[list[float], list[float]]:
    """Each candidate's rank (0..1) and z-score among the article's candidates."""
    n = len(logits)
    order = sorted(range(n), key=lambda k: logits[k])
    rank = [0.0] * n
    for position, k in enumerate(order):
        rank[k] = position / max(1, n - 1)
    mean = sum(logits) / n
    std = math.sqrt(sum((x - mean) ** 2 for x in logits) / n)
    return rank, [(x - mean) / (std + 1e-6) for x in logits]


def _source_flags(span: FramingSpan) -> list[float]:
    lexicon = span.source == "lexicon"
    return [
        float(span.source == "head"),
        float(lexicon and span.weight >= STRONG_WEIGHT),
        float(lexicon and span.weight < STRONG_WEIGHT),
        float(span.source == "pattern"),
    ]


def _sentence_word_max(doc: Document, probability: Mapping[int, float]) -> list[float]:
    best = [0.0] * len(doc.sentences)
    for i, p in probability.items():
        index = doc.tokens[i].sentence
        best[index] = max(best[index], p)
    return best


def span_features(
    doc: Document,
    candidates: Sequence[FramingSpan],
    probability: Mapping[int, float],
    sentence_probability: Sequence[float],
) -> np.ndarray:
    """(n_candidates, len(SPAN_FEATURES)) for the loaded-language candidates of one article.

    ``candidates`` carry the loaded-word head's best probability in ``score`` (None: no word it
    can judge); ``probability``: token index -> that head's probability; ``sentence_probability``:
    the BABE sentence head, per sentence.
    """
    import numpy as np

    out = np.zeros((len(candidates), len(SPAN_FEATURES)), dtype=np.float32)
    if not candidates:
        return out
    n = len(doc.sentences)
    where = [doc.sentence_at(s.start) or 0 for s in candidates]
    per_sentence = Counter(where)
    terms = Counter(s.text.lower() for s in candidates)
    word_max = _sentence_word_max(doc, probability)
    actors = main_actor_offsets(doc)
    logits = [_logit(s.score) if s.score is not None else NO_WORD_LOGIT for s in candidates]
    rank, z = _article_standing(logits)
    for k, (span, index) in enumerate(zip(candidates, where, strict=True)):
        sentence = doc.sentences[index]
        words = sum(1 for t in doc.sentence_tokens(index) if t.is_word)
        near = min((abs(a - span.start) for a in actors if sentence.start <= a < sentence.end), default=FAR)
        out[k] = [
            logits[k],
            float(span.score is None),
            *_source_flags(span),
            span.weight,
            float(span.in_quote),
            _logit(sentence_probability[index]),
            index / max(1, n - 1),
            math.log1p(words),
            math.log1p(per_sentence[index] - 1),
            len(span.text.split()),
            _logit(word_max[index]),
            *(float(span.category == c) for c in SPAN_CATEGORIES),
            rank[k],
            z[k],
            math.log1p(terms[span.text.lower()]),
            float(near < FAR),
            math.log1p(near),
        ]
    return out


def span_probabilities(
    head: LinearHead,
    doc: Document,
    candidates: Sequence[FramingSpan],
    probability: Mapping[int, float],
    sentence_probability: Sequence[float],
) -> list[float]:
    if not candidates:
        return []
    x = span_features(doc, candidates, probability, sentence_probability)
    return [float(p) for p in head.probabilities(x)]


def always_shown(span: FramingSpan) -> bool:
    """Strong curated entries ("thugs", "regime", "unprovoked assault") and the user's own
    categories are always shown: the lexicon explains them. The span head still gives the strong
    entries a confidence (how likely an expert marks them here)."""
    strong = span.source == "lexicon" and span.weight >= STRONG_WEIGHT
    return strong or span.category not in JUDGED_CATEGORIES


def judge_candidates(
    head: LinearHead,
    doc: Document,
    candidates: Sequence[FramingSpan],
    probability: Mapping[int, float],
    sentence_probability: Sequence[float],
) -> list[tuple[FramingSpan, float]]:
    """The candidates of the built-in categories, each with the span head's probability."""
    judged = [s for s in candidates if s.category in JUDGED_CATEGORIES]
    scored = span_probabilities(head, doc, judged, probability, sentence_probability)
    return list(zip(judged, scored, strict=True))


def shown_spans(
    head: LinearHead, judged: Sequence[tuple[FramingSpan, float]], candidates: Sequence[FramingSpan]
) -> list[FramingSpan]:
    """The candidates shown: the judged ones the span head keeps (probability >= its threshold)
    and those ``always_shown``, the head's probability as their ``confidence``; the user's own
    categories (which it was not trained on) without one."""
    kept = [
        replace(span, confidence=round(p, 4))
        for span, p in judged
        if p >= head.threshold or always_shown(span)
    ]
    own = [s for s in candidates if s.category not in JUDGED_CATEGORIES]
    return sorted([*kept, *own], key=lambda s: s.start)
