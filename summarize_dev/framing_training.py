"""Training and cross-validating the framing heads on BABE (used by models/framing_heads/train.py
and bench/framing_babe.py; sklearn is imported inside the functions).

Protocol: outer stratified folds over sentences give the reported scores. Inside
each outer training part, inner folds give (a) out-of-fold word probabilities,
so the sentence head learns from word-head summaries it will really see, and (b)
the decision thresholds (word: best F1; sentence: best macro-F1). Nothing from
an outer test part is used to fit or to choose anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.framing.features import (
    FEATURE_CATEGORIES,
    SimpleSpan,
    word_lexicon_features,
    word_summary,
)
from summarize.framing.heads import LinearHead
from summarize_dev.babe import BabeEmbeddings, BabeSentence, gold_word_labels, word_spans

if TYPE_CHECKING:
    import numpy as np

# hidden_states index: 0 is the embedding layer, 6 the last layer of MiniLM-L6.
WORD_LAYERS = (5, 6)
CACHED_LAYERS = (3, 4, 5, 6)
WORD_C = 0.1
SENTENCE_CS = (0.001, 0.003)
# Lexicon and word-head columns are few among 384 embedding dimensions; scaling them up
# lowers their L2 penalty so they are not drowned (3 was the best of 1/3/10 in a CV trial).
SENTENCE_EXTRA_BOOST = 3.0
NEGATIVE_SHARE = 0.35  # of the non-marked words kept for fitting the word head (speed)


@dataclass
class BabeData:
    sentences: list[BabeSentence]
    y: np.ndarray  # (n_sentences,) biased
    sentence_embeddings: np.ndarray
    sentence_lexical: np.ndarray  # (n_sentences, n_categories + 1)
    word_x: np.ndarray  # (n_words, layers * d + n_categories + 1)
    word_y: np.ndarray  # (n_words,) marked
    word_sentence: np.ndarray
    missed: np.ndarray  # (n_sentences,) marked words that match no token
    lexicon_word: np.ndarray  # (n_words,) covered by a built-in lexicon or pattern span


def babe_spans(sentence: BabeSentence) -> list[SimpleSpan]:
    from summarize.document import build_document
    from summarize.framing.detect import detect_spans, simple_spans
    from summarize.framing.lexicon import load_builtin_lexicon

    doc = build_document(sentence.text)
    return simple_spans(detect_spans(doc, load_builtin_lexicon(), context_rules=False).spans)


def lexicon_row(spans: Sequence[SimpleSpan]) -> np.ndarray:
    """One text's lexicon features, as in features.sentence_lexicon_features."""
    import numpy as np

    position = {c: k for k, c in enumerate(FEATURE_CATEGORIES)}
    row = np.zeros(len(FEATURE_CATEGORIES) + 1, dtype=np.float32)
    for span in spans:
        if span.category in position:
            row[position[span.category]] += 1.0
            row[-1] += span.weight
    row[:-1] = np.log1p(row[:-1])
    return row


def build_babe_data(sentences: list[BabeSentence], embeddings: BabeEmbeddings) -> BabeData:
    import numpy as np

    from summarize_dev.babe import missed_marks

    d = embeddings.sentences.shape[1]
    columns = np.concatenate(
        [np.arange(CACHED_LAYERS.index(k) * d, (CACHED_LAYERS.index(k) + 1) * d) for k in WORD_LAYERS]
    )
    lexical_rows, word_lexical, labels = [], [], []
    for sentence in sentences:
        spans = babe_spans(sentence)
        lexical_rows.append(lexicon_row(spans))
        word_lexical.append(word_lexicon_features(word_spans(sentence.text), spans))
        labels.extend(gold_word_labels(sentence))
    word_lex = np.concatenate(word_lexical)
    return BabeData(
        sentences=sentences,
        y=np.array([s.biased for s in sentences]),
        sentence_embeddings=embeddings.sentences,
        sentence_lexical=np.stack(lexical_rows),
        word_x=np.concatenate([embeddings.words[:, columns], word_lex], axis=1),
        word_y=np.array(labels),
        word_sentence=embeddings.word_sentence,
        missed=np.array([missed_marks(s) for s in sentences]),
        lexicon_word=word_lex[:, :-1].max(axis=1) > 0,
    )


def fit_linear(
    x: np.ndarray, y: np.ndarray, c: float, balanced: bool = True, boost_from: int | None = None
) -> LinearHead:
    """Standardised logistic regression; columns from ``boost_from`` on are scaled up (less penalised)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    if boost_from is not None:
        scale[boost_from:] /= SENTENCE_EXTRA_BOOST
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None).fit(
        (x - mean) / scale, y
    )
    return LinearHead(
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        coef=model.coef_[0].astype(np.float32),
        intercept=float(model.intercept_[0]),
        threshold=0.5,
    )


def best_f1_threshold(y: np.ndarray, p: np.ndarray) -> float:
    import numpy as np
    from sklearn.metrics import precision_recall_curve

    precision, recall, thresholds = precision_recall_curve(y, p)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-9)
    return float(thresholds[int(np.argmax(f1[:-1]))])


def best_macro_f1_threshold(y: np.ndarray, p: np.ndarray) -> float:
    import numpy as np
    from sklearn.metrics import f1_score

    grid = np.arange(0.30, 0.701, 0.025)  # coarse: a fine grid fits the folds' noise
    scores = [f1_score(y, p >= t, average="macro") for t in grid]
    return float(grid[int(np.argmax(scores))])


def _sample_words(rows: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
    import numpy as np

    rng = np.random.default_rng(seed)
    keep = y | (rng.random(len(y)) < NEGATIVE_SHARE)
    return rows[keep]


def fit_word_head(data: BabeData, sentence_ids: np.ndarray, seed: int = 0) -> LinearHead:
    import numpy as np

    rows = np.flatnonzero(np.isin(data.word_sentence, sentence_ids))
    rows = _sample_words(rows, data.word_y[rows], seed)
    return fit_linear(data.word_x[rows], data.word_y[rows], WORD_C)


def word_probabilities(
    head: LinearHead, data: BabeData, sentence_ids: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(word rows, probabilities) of the words of ``sentence_ids``."""
    import numpy as np

    rows = np.flatnonzero(np.isin(data.word_sentence, sentence_ids))
    return rows, head.probabilities(data.word_x[rows])


def summaries(data: BabeData, word_p: np.ndarray) -> np.ndarray:
    """Word-head summary features for every sentence, from a full-length word probability array."""
    import numpy as np

    out = np.zeros((len(data.sentences), 4), dtype=np.float32)
    order = np.argsort(data.word_sentence, kind="stable")
    bounds = np.searchsorted(data.word_sentence[order], np.arange(len(data.sentences) + 1))
    for i in range(len(data.sentences)):
        out[i] = word_summary(word_p[order[bounds[i] : bounds[i + 1]]])
    return out


def sentence_x(data: BabeData, summary: np.ndarray) -> np.ndarray:
    import numpy as np

    return np.concatenate([data.sentence_embeddings, data.sentence_lexical, summary], axis=1)


@dataclass
class TrainedHeads:
    sentence: LinearHead
    word: LinearHead
    sentence_c: float


def train_heads(data: BabeData, train_ids: np.ndarray, inner_folds: int = 3, seed: int = 0) -> TrainedHeads:
    """Fit both heads on ``train_ids``, choosing thresholds and the sentence C by inner CV."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    oof_word = np.full(len(data.word_y), np.nan, dtype=np.float32)
    inner = StratifiedKFold(inner_folds, shuffle=True, random_state=seed + 1)
    splits = list(inner.split(train_ids, data.y[train_ids]))
    for fit_part, held_part in splits:
        head = fit_word_head(data, train_ids[fit_part], seed)
        rows, p = word_probabilities(head, data, train_ids[held_part])
        oof_word[rows] = p
    train_rows = np.flatnonzero(np.isin(data.word_sentence, train_ids))
    word_threshold = best_f1_threshold(data.word_y[train_rows], oof_word[train_rows])
    summary = summaries(data, np.nan_to_num(oof_word))
    x = sentence_x(data, summary)
    d = data.sentence_embeddings.shape[1]
    best: tuple[float, float, float] | None = None  # (macro-F1, C, threshold)
    for c in SENTENCE_CS:
        oof = np.zeros(len(data.y), dtype=np.float32)
        for fit_part, held_part in splits:
            head = fit_linear(x[train_ids[fit_part]], data.y[train_ids[fit_part]], c, boost_from=d)
            oof[train_ids[held_part]] = head.probabilities(x[train_ids[held_part]])
        threshold = best_macro_f1_threshold(data.y[train_ids], oof[train_ids])
        score = f1_score(data.y[train_ids], oof[train_ids] >= threshold, average="macro")
        if best is None or score > best[0]:
            best = (score, c, threshold)
    assert best is not None
    _, c, sentence_threshold = best
    word_head = fit_word_head(data, train_ids, seed)
    sentence_head = fit_linear(x[train_ids], data.y[train_ids], c, boost_from=d)
    return TrainedHeads(
        sentence=_with(sentence_head, sentence_threshold, ()),
        word=_with(word_head, word_threshold, WORD_LAYERS),
        sentence_c=c,
    )


def _with(head: LinearHead, threshold: float, layers: tuple[int, ...]) -> LinearHead:
    from dataclasses import replace

    return replace(head, threshold=threshold, layers=layers or head.layers)


@dataclass
class CrossValidated:
    sentence_p: np.ndarray  # out-of-fold sentence probabilities
    sentence_pred: np.ndarray  # decisions at each fold's own threshold
    word_pred: np.ndarray  # word decisions at each fold's own threshold
    word_p: np.ndarray
    fold_of_sentence: np.ndarray


def cross_validate(data: BabeData, folds: int = 5, seed: int = 0) -> CrossValidated:
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    sentence_p = np.zeros(len(data.y), dtype=np.float32)
    sentence_pred = np.zeros(len(data.y), dtype=bool)
    word_p = np.zeros(len(data.word_y), dtype=np.float32)
    word_pred = np.zeros(len(data.word_y), dtype=bool)
    fold_of = np.zeros(len(data.y), dtype=np.int32)
    outer = StratifiedKFold(folds, shuffle=True, random_state=seed)
    all_ids = np.arange(len(data.y))
    for k, (train_part, test_part) in enumerate(outer.split(all_ids, data.y)):
        heads = train_heads(data, all_ids[train_part], seed=seed + k)
        rows, p = word_probabilities(heads.word, data, test_part)
        word_p[rows] = p
        word_pred[rows] = p >= heads.word.threshold
        full = np.zeros(len(data.word_y), dtype=np.float32)
        full[rows] = p
        x = sentence_x(data, summaries(data, full))
        sp = heads.sentence.probabilities(x[test_part])
        sentence_p[test_part] = sp
        sentence_pred[test_part] = sp >= heads.sentence.threshold
        fold_of[test_part] = k
    return CrossValidated(sentence_p, sentence_pred, word_pred, word_p, fold_of)
