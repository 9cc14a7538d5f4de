"""Training on real articles (BASIL basil_dev) for the framing heads: shared by train.py and
bench/framing_basil.py, so the shipped heads and the benchmark follow one protocol.

- the loaded-word head (``word_loaded.npz``): logistic regression over the word's encoder
  vectors and lexicon features, fitted on the words that can be loaded at all
  (``layers.can_be_loaded``) of BABE (all of babe_dev) and of the BASIL training events;
- the candidates: every loaded lexicon span the head can judge, and the words whose
  out-of-fold probability is in the top 20% (``CANDIDATE_QUANTILE``);
- ``span.npz``, the span head (``summarize.framing.span_head``): a logistic regression over each
  candidate's context (head logit, sentence head, voice, position, main actors, recurrence,
  rank in its article), its threshold chosen on grouped out-of-fold probabilities for span
  precision at span recall >= RECALL_FLOOR, at most MAX_SPANS per article;
- ``calibration.npz``: the sentence calibrator (logistic regression over the BABE sentence
  head's logit, the sentence's loaded spans by voice, its strongest loaded word, its length),
  its threshold chosen for F1 with the flag rate kept between 3% and 12%.

Nothing here is imported by the runtime package. The data is read from ../shared/eval.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # summarize_dev: training and evaluation code, outside the wheel
sys.path.insert(0, str(ROOT / "bench"))

from basil import BasilArticle  # noqa: E402

from summarize.document import Document, build_document  # noqa: E402
from summarize.framing.detect import detect_spans, simple_spans  # noqa: E402
from summarize.framing.features import sentence_lexicon_features, word_lexicon_features  # noqa: E402
from summarize.framing.heads import LinearHead  # noqa: E402
from summarize.framing.layers import loadable_tokens  # noqa: E402
from summarize.framing.lexicon import load_builtin_lexicon  # noqa: E402
from summarize.framing.quotes import Quote  # noqa: E402
from summarize.framing.section import FramingSpan  # noqa: E402

if TYPE_CHECKING:
    import numpy as np

BASIL_CACHE = Path("/tmp/framing/basil_encoded.npz")
WORD_C = 0.01  # 0.01 beat 0.1 in word AP on two outer folds (exploratory, same dev data)
NEGATIVE_SHARE = 0.3
RECALL_FLOOR = 0.42
MAX_SPANS = 6.0
# Word candidates for the span head: the top 20% of eligible words by out-of-fold probability,
# and every loaded lexicon span with a word the head can judge. 0.8 beat 0.65 and 0.9 in an
# exploratory run on the same dev data (a mild optimism, stated in docs/framing.md).
CANDIDATE_QUANTILE = 0.8
CANDIDATE_GATE = 0.0
FLAG_RATE = (0.03, 0.12)
CALIBRATION_FEATURES = (
    "babe_logit",
    "word_max_logit",
    "log_words",
    "writer_span_max_logit",
    "writer_span_mass",
    "quoted_span_mass",
)


@dataclass
class BasilData:
    articles: list[BasilArticle]
    docs: list[Document]
    shown: list[list[FramingSpan]]  # built-in spans after the context rules
    quotes: list[list[Quote]]
    article_event: np.ndarray
    word_x: np.ndarray  # (n_words, 768 + 14)
    word_article: np.ndarray
    word_token: np.ndarray  # token index in its document
    word_sentence: np.ndarray  # global sentence index
    word_gold: np.ndarray  # inside an expert's lexical-bias span
    word_eligible: np.ndarray
    sentence_embeddings: np.ndarray
    sentence_lexical: np.ndarray
    sentence_article: np.ndarray
    sentence_words: np.ndarray
    sentence_gold: np.ndarray  # overlaps an expert's lexical-bias span
    sentence_offset: np.ndarray  # first global sentence index of each article
    extra: dict = field(default_factory=dict)


def build_basil_data(articles: list[BasilArticle], cache: Path = BASIL_CACHE) -> BasilData:
    import numpy as np

    encoded = np.load(cache, allow_pickle=False)
    ids = [str(x) for x in encoded["ids"]]
    if ids != [a.id for a in articles]:
        raise SystemExit(f"{cache} is stale: run bench/framing_basil_encode.py")
    lexicon = load_builtin_lexicon()
    quotes = []
    docs, shown, word_lex, word_token, gold_w, elig, sent_lex, sent_gold, sent_words = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    word_article = encoded["article_of_word"]
    for article in articles:
        doc = build_document(article.text)
        docs.append(doc)
        raw = detect_spans(doc, lexicon, context_rules=False)
        shown.append(detect_spans(doc, lexicon, raw.quotes).spans)
        quotes.append(raw.quotes)
        raw_simple = simple_spans(raw.spans)
        tokens = [i for i, t in enumerate(doc.tokens) if t.is_word]
        word_token += tokens
        bounds = [(doc.tokens[i].start, doc.tokens[i].end) for i in tokens]
        word_lex.append(word_lexicon_features(bounds, raw_simple))
        gold_w += [any(g.start < e and s < g.end for g in article.lexical) for s, e in bounds]
        loadable = loadable_tokens(doc)
        elig += [i in loadable for i in tokens]
        sent_lex.append(sentence_lexicon_features(doc, raw_simple))
        for sentence in doc.sentences:
            sent_gold.append(any(g.start < sentence.end and sentence.start < g.end for g in article.lexical))
            sent_words.append(sum(1 for t in doc.sentence_tokens(sentence.index) if t.is_word))
    word_vectors = encoded["word_vectors"].astype(np.float32)
    if len(word_token) != len(word_vectors):
        raise SystemExit(f"{cache} does not match today's tokenizer: run bench/framing_basil_encode.py")
    sentence_article = encoded["article_of_sentence"]
    return BasilData(
        articles=articles,
        docs=docs,
        shown=shown,
        quotes=quotes,
        article_event=np.array([a.event for a in articles]),
        word_x=np.concatenate([word_vectors, np.concatenate(word_lex)], axis=1),
        word_article=word_article,
        word_token=np.array(word_token),
        word_sentence=encoded["word_sentence"],
        word_gold=np.array(gold_w),
        word_eligible=np.array(elig),
        sentence_embeddings=encoded["sentence_embeddings"],
        sentence_lexical=np.concatenate(sent_lex),
        sentence_article=sentence_article,
        sentence_words=np.array(sent_words),
        sentence_gold=np.array(sent_gold),
        sentence_offset=np.searchsorted(sentence_article, np.arange(len(articles))),
    )


# --- BABE words ---------------------------------------------------------------------------


def babe_word_rows() -> tuple[np.ndarray, np.ndarray]:
    """(features, marked) of the BABE words that can be loaded at all."""
    import numpy as np

    from summarize.framing.layers import can_be_loaded
    from summarize_dev.babe import embed_babe, read_babe, word_spans
    from summarize_dev.framing_training import CACHED_LAYERS, build_babe_data

    sys.path.insert(0, str(ROOT / "bench"))
    from evaldata import eval_dir

    sentences = read_babe(eval_dir() / "babe_dev" / "babe_dev.csv")
    data = build_babe_data(sentences, embed_babe(sentences, layers=CACHED_LAYERS))
    keep = []
    for s in sentences:
        spans = word_spans(s.text)
        for k, (a, b) in enumerate(spans):
            keep.append(can_be_loaded(s.text[a:b], k == 0))
    keep_arr = np.array(keep)
    return data.word_x[keep_arr], data.word_y[keep_arr]


# --- fitting ------------------------------------------------------------------------------


def fit_word(
    x_extra: np.ndarray, y_extra: np.ndarray, data: BasilData, articles: np.ndarray, seed: int = 0
) -> LinearHead:
    import numpy as np

    from summarize_dev.framing_training import fit_linear

    rows = np.flatnonzero(np.isin(data.word_article, articles) & data.word_eligible)
    rng = np.random.default_rng(seed)
    rows = rows[data.word_gold[rows] | (rng.random(len(rows)) < NEGATIVE_SHARE)]
    keep_extra = y_extra | (rng.random(len(y_extra)) < NEGATIVE_SHARE)
    x = np.concatenate([x_extra[keep_extra], data.word_x[rows]])
    y = np.concatenate([y_extra[keep_extra], data.word_gold[rows]])
    return fit_linear(x, y, WORD_C)


def word_probabilities(head: LinearHead, data: BasilData, articles: np.ndarray) -> np.ndarray:
    """Full-length array: probabilities for eligible words of ``articles``, 0 elsewhere."""
    import numpy as np

    out = np.zeros(len(data.word_gold), dtype=np.float32)
    rows = np.flatnonzero(np.isin(data.word_article, articles) & data.word_eligible)
    out[rows] = head.probabilities(data.word_x[rows])
    return out


Spans = dict[int, list[tuple[int, int, bool]]]


def candidate_spans(
    data: BasilData, word_p: np.ndarray, articles: np.ndarray, threshold: float, lexicon_gate: float
) -> dict[int, list[FramingSpan]]:
    """The runtime candidates (analysis.select_loaded) on cached features."""
    import numpy as np

    from summarize.framing.analysis import select_loaded

    out: dict[int, list[FramingSpan]] = {}
    for a in articles:
        rows = np.flatnonzero((data.word_article == a) & data.word_eligible)
        probability = {int(data.word_token[r]): float(word_p[r]) for r in rows}
        out[int(a)] = select_loaded(
            data.docs[a], data.shown[a], probability, threshold, lexicon_gate, data.quotes[a]
        )
    return out


def span_rows(
    data: BasilData, word_p: np.ndarray, candidates: dict[int, list[FramingSpan]], babe_p: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, marked by an expert, article) of every candidate, in article order."""
    import numpy as np

    from summarize.framing.span_head import SPAN_FEATURES, span_features

    xs, ys, owner = [np.zeros((0, len(SPAN_FEATURES)), np.float32)], [], []
    for a, spans in candidates.items():
        rows = np.flatnonzero((data.word_article == a) & data.word_eligible)
        probability = {int(data.word_token[r]): float(word_p[r]) for r in rows}
        lo = int(data.sentence_offset[a])
        n = len(data.docs[a].sentences)
        xs.append(span_features(data.docs[a], spans, probability, list(babe_p[lo : lo + n])))
        gold = data.articles[a].lexical
        ys += [any(g.start < s.end and s.start < g.end for g in gold) for s in spans]
        owner += [a] * len(spans)
    return np.concatenate(xs), np.array(ys, dtype=bool), np.array(owner, dtype=int)


def kept_spans(candidates: dict[int, list[FramingSpan]], probs: np.ndarray, threshold: float) -> Spans:
    """The runtime decision (span_head.shown_spans): over the threshold, or always shown."""
    from summarize.framing.span_head import always_shown

    out: Spans = {}
    k = 0
    for a, spans in candidates.items():
        out[a] = [
            (s.start, s.end, s.in_quote)
            for s, p in zip(spans, probs[k : k + len(spans)], strict=True)
            if p >= threshold or always_shown(s)
        ]
        k += len(spans)
    return out


Candidates = dict[int, list[FramingSpan]]


def predict_spans(
    data: BasilData, word_p: np.ndarray, articles: np.ndarray, rule: FittedRule, babe_p: np.ndarray
) -> tuple[Spans, Candidates, np.ndarray]:
    """The runtime loaded layer on cached features: kept spans, and every candidate with its span
    probability (in article order), for the calibrator's span evidence and expected densities."""
    candidates = candidate_spans(data, word_p, articles, rule.word.threshold, rule.lexicon_gate)
    x, _, _ = span_rows(data, word_p, candidates, babe_p)
    probs = rule.span.probabilities(x)
    return kept_spans(candidates, probs, rule.span.threshold), candidates, probs


def sentence_features(
    data: BasilData, word_p: np.ndarray, candidates: Candidates, span_p: np.ndarray, babe_p: np.ndarray
) -> np.ndarray:
    """The calibrator's features (``calibration.calibration_features``) of the sentences of the
    ``candidates``' articles (zeros elsewhere); ``span_p``: each candidate's span probability."""
    import numpy as np

    from summarize.framing.calibration import calibration_features, span_evidence

    x = np.zeros((len(data.sentence_gold), len(CALIBRATION_FEATURES)), dtype=np.float32)
    k = 0
    for a, spans in candidates.items():
        doc = data.docs[a]
        lo = int(data.sentence_offset[a])
        n = len(doc.sentences)
        probs = [float(p) for p in span_p[k : k + len(spans)]]
        k += len(spans)
        evidence = span_evidence(
            [doc.sentence_at(s.start) for s in spans], [s.in_quote for s in spans], probs, n
        )
        rows = np.flatnonzero(data.word_article == a)
        word_max = np.zeros(n)
        for r in rows:
            s = int(data.word_sentence[r]) - lo
            word_max[s] = max(word_max[s], float(word_p[r]))
        x[lo : lo + n] = calibration_features(
            babe_p[lo : lo + n], word_max, data.sentence_words[lo : lo + n], evidence
        )
    return x


def babe_sentence_probabilities(data: BasilData) -> np.ndarray:
    """The shipped BABE heads (old word head summaries + sentence head), as at run time."""
    import numpy as np

    from summarize.framing.features import word_summary
    from summarize.framing.heads import load_heads

    sentence_head, word_head = load_heads()
    p = word_head.probabilities(data.word_x)
    summaries = np.zeros((len(data.sentence_gold), 4), dtype=np.float32)
    order = np.argsort(data.word_sentence, kind="stable")
    bounds = np.searchsorted(data.word_sentence[order], np.arange(len(data.sentence_gold) + 1))
    for i in range(len(data.sentence_gold)):
        summaries[i] = word_summary(p[order[bounds[i] : bounds[i + 1]]])
    x = np.concatenate([data.sentence_embeddings, data.sentence_lexical, summaries], axis=1)
    return sentence_head.probabilities(x)


def span_scores(data: BasilData, spans: dict[int, list[tuple[int, int, bool]]]) -> tuple[float, float, float]:
    """(span precision, span recall, spans per article)."""
    hit = total = found = gold = 0
    for a, article_spans in spans.items():
        g = data.articles[a].lexical
        total += len(article_spans)
        hit += sum(1 for s, e, _ in article_spans if any(x.start < e and s < x.end for x in g))
        gold += len(g)
        found += sum(1 for x in g if any(x.start < e and s < x.end for s, e, _ in article_spans))
    return hit / max(1, total), found / max(1, gold), total / max(1, len(spans))


def choose_span_threshold(
    data: BasilData, candidates: dict[int, list[FramingSpan]], probs: np.ndarray
) -> float:
    """Best span precision at recall >= RECALL_FLOOR with at most MAX_SPANS per article, else F1."""
    import numpy as np

    best: tuple[tuple[int, int, float], float] | None = None
    for threshold in np.unique(np.quantile(probs, np.linspace(0.3, 0.995, 120))):
        precision, recall, per_article = span_scores(data, kept_spans(candidates, probs, float(threshold)))
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        recall_ok = recall >= RECALL_FLOOR
        key = (int(per_article <= MAX_SPANS), int(recall_ok), precision if recall_ok else f1)
        if best is None or key > best[0]:
            best = (key, float(threshold))
    assert best is not None
    return best[1]


def fit_standardised(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> LinearHead:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
    return LinearHead(
        mean.astype(np.float32),
        scale.astype(np.float32),
        model.coef_[0].astype(np.float32),
        float(model.intercept_[0]),
        0.5,
    )


def fit_span_head(
    data: BasilData, candidates: dict[int, list[FramingSpan]], x: np.ndarray, y: np.ndarray, owner: np.ndarray
) -> tuple[LinearHead, np.ndarray]:
    """The span head and its out-of-fold probabilities (grouped by event); the threshold is
    chosen on those."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(y), dtype=np.float32)
    for fit_part, held in GroupKFold(3).split(x, y, data.article_event[owner]):
        oof[held] = fit_standardised(x[fit_part], y[fit_part]).probabilities(x[held])
    threshold = choose_span_threshold(data, candidates, oof)
    from dataclasses import replace

    return replace(fit_standardised(x, y), threshold=threshold), oof


def fit_calibrator(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> LinearHead:
    """Sentence calibrator; threshold by grouped CV: best F1 with the flag rate in FLAG_RATE."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    fit = fit_standardised

    oof = np.zeros(len(y), dtype=np.float32)
    for train, test in GroupKFold(4).split(x, y, groups):
        oof[test] = fit(x[train], y[train]).probabilities(x[test])
    best = (-1.0, 0.5)
    for t in np.unique(np.round(oof, 3)):
        rate = float((oof >= t).mean())
        if FLAG_RATE[0] <= rate <= FLAG_RATE[1]:
            score = f1_score(y, oof >= t)
            if score > best[0]:
                best = (score, float(t))
    head = fit(x, y)
    from dataclasses import replace

    return replace(head, threshold=best[1])


@dataclass
class FittedRule:
    word: LinearHead  # threshold: a word scored at least this is a candidate
    lexicon_gate: float
    span: LinearHead  # the span head: which candidates are kept, their confidence
    calibration: LinearHead


def fit_all(
    data: BasilData,
    babe_x: np.ndarray,
    babe_y: np.ndarray,
    articles: np.ndarray,
    babe_p: np.ndarray,
    folds: int = 3,
) -> FittedRule:
    """Everything fitted on ``articles`` (and BABE), choices made on grouped out-of-fold scores."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(data.word_gold), dtype=np.float32)
    groups = data.article_event[articles]
    for k, (fit_part, held_part) in enumerate(GroupKFold(folds).split(articles, groups=groups)):
        head = fit_word(babe_x, babe_y, data, articles[fit_part], seed=k)
        held = articles[held_part]
        mask = np.isin(data.word_article, held)
        oof[mask] = word_probabilities(head, data, held)[mask]
    eligible = np.isin(data.word_article, articles) & data.word_eligible
    threshold = float(np.quantile(oof[eligible], CANDIDATE_QUANTILE))
    candidates = candidate_spans(data, oof, articles, threshold, CANDIDATE_GATE)
    x, y, owner = span_rows(data, oof, candidates, babe_p)
    span, span_oof = fit_span_head(data, candidates, x, y, owner)
    features = sentence_features(data, oof, candidates, span_oof, babe_p)
    sentences = np.flatnonzero(np.isin(data.sentence_article, articles))
    calibration = fit_calibrator(
        features[sentences],
        data.sentence_gold[sentences],
        data.article_event[data.sentence_article[sentences]],
    )
    from dataclasses import replace

    word = replace(fit_word(babe_x, babe_y, data, articles, seed=99), threshold=threshold, layers=(5, 6))
    return FittedRule(word, CANDIDATE_GATE, span, calibration)
