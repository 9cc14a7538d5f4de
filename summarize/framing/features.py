"""Features the trained heads read: lexicon hits per sentence and per word, word-head summaries.

The same functions build features for training (on BABE) and at run time, so
the two cannot drift apart. Lexicon features always come from the built-in
lexicons (the heads were trained on them), whatever lexicons the user chose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.document import Document

if TYPE_CHECKING:
    import numpy as np

LEXICON_CATEGORIES = (
    "loaded",
    "euphemism",
    "actor_label",
    "conflict",
    "intensifier",
    "hedge",
    "factive",
    "attribution",
    "implicative",
    "presupposition",
)
PATTERN_CATEGORIES = ("scare_quote", "so_called", "agentless_passive")
FEATURE_CATEGORIES = LEXICON_CATEGORIES + PATTERN_CATEGORIES
WORD_SUMMARY_NAMES = ("word_max", "word_top3_mean", "word_share_over_half", "log_words")


@dataclass(frozen=True)
class SimpleSpan:
    start: int
    end: int
    category: str
    weight: float


def sentence_lexicon_features(doc: Document, spans: Sequence[SimpleSpan]) -> np.ndarray:
    """(n_sentences, n_categories + 1): log(1 + hits) per category, and the summed weights."""
    import numpy as np

    position = {c: k for k, c in enumerate(FEATURE_CATEGORIES)}
    out = np.zeros((len(doc.sentences), len(FEATURE_CATEGORIES) + 1), dtype=np.float32)
    for span in spans:
        index = doc.sentence_at(span.start)
        if index is None or span.category not in position:
            continue
        out[index, position[span.category]] += 1.0
        out[index, -1] += span.weight
    out[:, :-1] = np.log1p(out[:, :-1])
    return out


def word_lexicon_features(word_spans: Sequence[tuple[int, int]], spans: Sequence[SimpleSpan]) -> np.ndarray:
    """(n_words, n_categories + 1): which category's span covers each word, and its weight."""
    import numpy as np

    position = {c: k for k, c in enumerate(FEATURE_CATEGORIES)}
    out = np.zeros((len(word_spans), len(FEATURE_CATEGORIES) + 1), dtype=np.float32)
    for k, (start, end) in enumerate(word_spans):
        for span in spans:
            if span.start < end and start < span.end and span.category in position:
                out[k, position[span.category]] = 1.0
                out[k, -1] = max(out[k, -1], span.weight)
    return out


def word_summary(probabilities: np.ndarray) -> np.ndarray:
    """What the word head says about one sentence, as sentence features."""
    import numpy as np

    if len(probabilities) == 0:
        return np.zeros(len(WORD_SUMMARY_NAMES), dtype=np.float32)
    ordered = np.sort(probabilities)[::-1]
    return np.array(
        [
            ordered[0],
            ordered[:3].mean(),
            float((probabilities > 0.5).mean()),
            np.log1p(len(probabilities)),
        ],
        dtype=np.float32,
    )
