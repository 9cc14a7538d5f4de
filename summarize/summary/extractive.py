"""The extractive default: trained sentence scores, MMR, article order.

The shipped scorer weighs only position and quotes (a lead-position rule, see
``models/summary_scorer/README.md``), so it needs no sentence embeddings; a scorer
that weighs centrality, or an MMR penalty, does.

Headlines, bylines and photo captions are not summary sentences: they are left out of
scoring (and out of the position count, so "first sentence" means the lead) unless the
text has nothing else.
"""

from __future__ import annotations

import re

import numpy as np

from summarize.document import Document
from summarize.summary.features import sentence_features
from summarize.summary.length import LengthTarget
from summarize.summary.scorer import SentenceScorer
from summarize.summary.selection import Cosines, select_sentences

_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_CAPTION = re.compile(
    r"\((?:[^()]*\b(?:Commons|Photo|Photograph|Image|Getty|Reuters|AP|AFP|Credit|File|Courtesy)\b"
    r"[^()]*)\)[.\s]*$|^(?:Photo|Image|Caption|Pictured|Credit)\s*:",
    re.IGNORECASE,
)


def is_body_sentence(text: str, title: str | None) -> bool:
    """False for the headline, unterminated lines (titles, bylines) and photo captions."""
    stripped = text.strip()
    if title and stripped == title.strip():
        return False
    if not _ENDS_SENTENCE.search(stripped):
        return False
    return not _CAPTION.search(stripped)


def sentence_word_counts(doc: Document) -> list[int]:
    counts = [0] * len(doc.sentences)
    for token in doc.tokens:  # one pass: long articles have tens of thousands of tokens
        if token.is_word:
            counts[token.sentence] += 1
    return counts


def paragraph_starts(doc: Document, indices: list[int]) -> list[bool]:
    return [
        i == 0 or doc.sentences[i - 1].paragraph != doc.sentences[i].paragraph for i in indices
    ]


def candidates(doc: Document) -> list[int]:
    body = [s.index for s in doc.sentences if is_body_sentence(s.text, doc.source.title)]
    return body or [s.index for s in doc.sentences]


def salience(
    doc: Document, embeddings: np.ndarray | None, scorer: SentenceScorer, indices: list[int]
) -> np.ndarray:
    texts = [doc.sentences[i].text for i in indices]
    emb = None if embeddings is None else np.asarray(embeddings)[indices]
    features = sentence_features(
        texts, emb, paragraph_starts(doc, indices), needed=scorer.weighted_features
    )
    return scorer.score(features)


def extract(
    doc: Document, embeddings: np.ndarray | None, target: LengthTarget, scorer: SentenceScorer
) -> list[int]:
    """Indices (article order) of the sentences that make the summary.

    ``embeddings`` (of ``doc.sentences``) may be None when ``scorer.uses_embeddings`` is False.
    """
    if not doc.sentences:
        return []
    pool = candidates(doc)
    scores = salience(doc, embeddings, scorer, pool)
    similarity = None if embeddings is None else Cosines(np.asarray(embeddings)[pool])
    counts = sentence_word_counts(doc)
    chosen = select_sentences(
        scores, similarity, [counts[i] for i in pool], target, redundancy=scorer.redundancy
    )
    return [pool[i] for i in chosen]
