"""Word-level lexical priors for the loaded-word and span heads: BASIL, cross-validated by event.

Issue 14's span targets, with a lever the heads never had: evidence about *which word it is*,
independent of the encoder states (the heads' only word evidence so far, beside the lexicon
flags):

- VADER's affective strength: |valence| / 4 of the lowercased word in
  ``SentimentIntensityAnalyzer().lexicon`` (else of a crude lemma that generates the word under
  ``summarize.framing.inflect``, the strongest), and whether it is in the lexicon at all;
- a type prior learned from training labels: per crude stem, the rate at which its eligible
  occurrences are marked (BABE's marked words and BASIL's expert lexical spans pooled), smoothed
  toward the pooled base rate with ALPHA pseudo-occurrences (fixed a priori), as a logit, and
  log(1 + occurrences seen) as its confidence.

Leakage: the prior of a word is never computed from its own label. For a fit on BASIL articles S
(and all of BABE), S's words get counts from BABE and the other grouped thirds of S (GroupKFold(3)
by event, the same split as the inner folds), BABE's words from the other thirds of BABE (random,
by sentence) and all of S; the words the fit then scores get counts from all of BABE and S. Under
the outer 5-fold GroupKFold by event this is nested: each inner word head of ``basil_fit.fit_all``
is fitted on its own out-of-fold priors and scores its held third with counts from its fit part;
the outer head is fitted on the training part's out-of-fold priors and scores the held-out events
with counts from the training part. Held-out events never contribute a count.

Placements, each through the shipped protocol (``basil_fit``: candidates = top 20% of the
out-of-fold word probabilities and the loaded lexicon spans; span head and its threshold; sentence
calibrator), all in one run on the same folds:

- shipped: ``basil_fit.fit_all``'s pipeline (reproduced here step by step, same seeds);
- word head: the four prior features appended to the loaded-word head's features;
- span head: the span's strongest word prior (logit, its log count) and VADER strength appended to
  the span head's features;
- both.

Figures: every issue-14 figure with 95% intervals from a bootstrap over events (1,000 rounds), the
paired bootstrap of each arm minus shipped (the same events drawn for both), word average precision
over the eligible held-out words, and the oracle span precision at span recall >= 0.40 (a ranking
figure, not a decision). BABE no-regression of the loaded-word head with priors: 5-fold CV on BABE's
eligible words (all BASIL words added to each fit, as ``framing_basil.babe_check``), the test fold's
priors from the other BABE folds and BASIL.

Result (bench/results/framing_word_priors.md): not beyond noise, not shipped. The shipped arm
reproduces bench/framing_basil.py (0.112 / 0.325 / 0.140). At the operating point the inner folds
choose, every placement shows fewer spans (4.4-4.6 per article) at about the same precision (0.115-
0.119) and lower recall (0.301); no paired interval on span precision, span recall or word F1 lies
mostly above zero. The candidates' ranking improves a little (span AP +0.008 [0.003, 0.013] for the
span head; oracle precision at recall 0.40: 0.114 against 0.100), held-out word AP does not (0.088).

Run: .venv/bin/python bench/framing_basil_encode.py (once), then
     nice -n 10 .venv/bin/python bench/framing_word_priors.py   (~3 CPU min; --figures redoes
     the figures from the folds' predictions cached in /tmp/framing)
Writes bench/results/framing_word_priors.{json,md}.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "models" / "framing_heads"))

import basil_fit as bf  # noqa: E402
import framing_basil as fb  # noqa: E402
import framing_tuned_block as tb  # noqa: E402

RESULTS = HERE / "results"
ARMS_CACHE = Path("/tmp/framing/word_priors_arms.pkl")
ALPHA = 10.0  # pseudo-occurrences at the base rate (fixed before any run)
PRIOR_FOLDS = 3
WORD_PRIOR_NAMES = ("prior_logit", "prior_log_seen", "vader_strength", "vader_known")
SPAN_PRIOR_NAMES = ("span_prior_logit_max", "span_prior_log_seen", "span_vader_strength", "span_vader_known")
MATCHED_KEYS = ("spans_per_article", "span_precision", "span_recall", "word_f1")
ARMS = ("shipped", "priors in word head", "priors in span head", "priors in both")


# --- the word's type: stem, VADER -----------------------------------------------------------


def stem(word: str) -> str:
    """A crude deterministic stem: claims/claimed/claiming -> claim, parties -> party,
    debate/debated -> debat (a key for counting, not a word)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith("ss")):
            w = w[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


def vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def vader_strength(word: str, lexicon: dict[str, float]) -> tuple[float, float]:
    """(|valence| / 4, in the lexicon) of the word, or of the strongest crude lemma that
    generates it."""
    from framing_babe import crude_lemmas

    from summarize.framing.inflect import inflections

    w = word.lower()
    if w in lexicon:
        return abs(lexicon[w]) / 4.0, 1.0
    found = [abs(lexicon[c]) for c in crude_lemmas(w) if c in lexicon and w in inflections(c)]
    return (max(found) / 4.0, 1.0) if found else (0.0, 0.0)


# --- the prior table: counts out of fold -----------------------------------------------------


@dataclass
class Priors:
    basil_key: np.ndarray  # (n_words,) stem id of every BASIL word
    basil_marked: np.ndarray  # (n_words,) eligible and inside an expert span
    basil_seen: np.ndarray  # (n_words,) eligible
    basil_vader: np.ndarray  # (n_words, 2)
    basil_third: np.ndarray  # (n_words,) grouped third of its event (BABE no-regression check)
    babe_key: np.ndarray  # (n_babe,) of BABE's eligible words (babe_word_rows order)
    babe_marked: np.ndarray
    babe_fold: np.ndarray  # random third of BABE, by sentence
    babe_vader: np.ndarray
    vocabulary: int
    stems: list[str]


def build_priors(data: bf.BasilData, babe_words: list[tuple[str, int]], babe_y: np.ndarray) -> Priors:
    from sklearn.model_selection import GroupKFold

    lexicon = vader_lexicon()
    basil_words = [
        data.docs[a].tokens[t].text for a, t in zip(data.word_article, data.word_token, strict=True)
    ]
    ids: dict[str, int] = {}
    basil_key = np.array([ids.setdefault(stem(w), len(ids)) for w in basil_words])
    babe_key = np.array([ids.setdefault(stem(w), len(ids)) for w, _ in babe_words])
    sentences = np.array([s for _, s in babe_words])
    fold_of_sentence = np.random.default_rng(7).integers(0, PRIOR_FOLDS, sentences.max() + 1)
    third = np.zeros(len(data.articles), int)
    for j, (_, held) in enumerate(GroupKFold(PRIOR_FOLDS).split(data.articles, groups=data.article_event)):
        third[held] = j
    strength = {w: vader_strength(w, lexicon) for w in {*basil_words, *(w for w, _ in babe_words)}}
    return Priors(
        basil_key=basil_key,
        basil_marked=data.word_gold & data.word_eligible,
        basil_seen=data.word_eligible.copy(),
        basil_vader=np.array([strength[w] for w in basil_words], dtype=np.float32),
        basil_third=third[data.word_article],
        babe_key=babe_key,
        babe_marked=babe_y.astype(bool),
        babe_fold=fold_of_sentence[sentences],
        babe_vader=np.array([strength[w] for w, _ in babe_words], dtype=np.float32),
        vocabulary=len(ids),
        stems=sorted(ids, key=ids.__getitem__),
    )


def _counts(pr: Priors, babe: np.ndarray, basil: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(marked, seen) per stem over the BABE rows ``babe`` and BASIL rows ``basil`` (masks)."""
    seen_basil = basil & pr.basil_seen
    keys = np.concatenate([pr.babe_key[babe], pr.basil_key[seen_basil]])
    marked = np.concatenate([pr.babe_marked[babe], pr.basil_marked[seen_basil]]).astype(float)
    return (
        np.bincount(keys, weights=marked, minlength=pr.vocabulary),
        np.bincount(keys, minlength=pr.vocabulary).astype(float),
    )


def _prior(counts: tuple[np.ndarray, np.ndarray], keys: np.ndarray) -> np.ndarray:
    marked, seen = counts
    base = marked.sum() / max(1.0, seen.sum())
    rate = (marked[keys] + ALPHA * base) / (seen[keys] + ALPHA)
    return np.stack([np.log(rate / (1 - rate)), np.log1p(seen[keys])], axis=1).astype(np.float32)


@dataclass
class PriorFeatures:
    basil: np.ndarray  # (n_words, 4): filled for the fit set's words (out of fold) and the scored words
    babe: np.ndarray  # (n_babe, 4): out of fold


def prior_features(pr: Priors, data: bf.BasilData, fit: np.ndarray, scored: np.ndarray) -> PriorFeatures:
    """Prior features for a fit on BASIL articles ``fit`` (+ all BABE), out of fold for the
    fitted words, and for the words of ``scored`` articles from every count of the fit."""
    from sklearn.model_selection import GroupKFold

    basil = np.zeros((len(pr.basil_key), 2), np.float32)
    babe = np.zeros((len(pr.babe_key), 2), np.float32)
    all_babe = np.ones(len(pr.babe_key), bool)
    in_fit = np.isin(data.word_article, fit)
    for _, held in GroupKFold(PRIOR_FOLDS).split(fit, groups=data.article_event[fit]):
        rows = np.isin(data.word_article, fit[held])
        basil[rows] = _prior(_counts(pr, all_babe, in_fit & ~rows), pr.basil_key[rows])
    for j in range(PRIOR_FOLDS):
        rows = pr.babe_fold == j
        babe[rows] = _prior(_counts(pr, ~rows, in_fit), pr.babe_key[rows])
    rows = np.isin(data.word_article, scored)
    basil[rows] = _prior(_counts(pr, all_babe, in_fit), pr.basil_key[rows])
    return PriorFeatures(
        basil=np.concatenate([basil, pr.basil_vader], axis=1),
        babe=np.concatenate([babe, pr.babe_vader], axis=1),
    )


# --- the loaded-word head with priors --------------------------------------------------------


def fit_word(
    babe_x: np.ndarray,
    babe_y: np.ndarray,
    data: bf.BasilData,
    articles: np.ndarray,
    seed: int,
    extra: PriorFeatures | None,
) -> Any:
    """``basil_fit.fit_word`` (the same rows drawn), the prior features appended when given."""
    from summarize_dev.framing_training import fit_linear

    rows = np.flatnonzero(np.isin(data.word_article, articles) & data.word_eligible)
    rng = np.random.default_rng(seed)
    rows = rows[data.word_gold[rows] | (rng.random(len(rows)) < bf.NEGATIVE_SHARE)]
    keep = babe_y | (rng.random(len(babe_y)) < bf.NEGATIVE_SHARE)
    xb, xw = babe_x[keep], data.word_x[rows]
    if extra is not None:
        xb = np.concatenate([xb, extra.babe[keep]], axis=1)
        xw = np.concatenate([xw, extra.basil[rows]], axis=1)
    return fit_linear(
        np.concatenate([xb, xw]), np.concatenate([babe_y[keep], data.word_gold[rows]]), bf.WORD_C
    )


def word_probabilities(
    head: Any, data: bf.BasilData, articles: np.ndarray, extra: PriorFeatures | None
) -> np.ndarray:
    out = np.zeros(len(data.word_gold), dtype=np.float32)
    rows = np.flatnonzero(np.isin(data.word_article, articles) & data.word_eligible)
    x = data.word_x[rows]
    if extra is not None:
        x = np.concatenate([x, extra.basil[rows]], axis=1)
    out[rows] = head.probabilities(x)
    return out


def word_scores(
    pr: Priors | None,
    data: bf.BasilData,
    babe_x: np.ndarray,
    babe_y: np.ndarray,
    train: np.ndarray,
    test: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, PriorFeatures | None]:
    """``fit_all``'s word part: the inner out-of-fold probabilities of ``train`` and the outer
    head's probabilities of ``test`` (with priors when ``pr``), and the outer prior features."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(data.word_gold), dtype=np.float32)
    for k, (fit_part, held_part) in enumerate(GroupKFold(3).split(train, groups=data.article_event[train])):
        fit, held = train[fit_part], train[held_part]
        extra = prior_features(pr, data, fit, held) if pr is not None else None
        head = fit_word(babe_x, babe_y, data, fit, k, extra)
        mask = np.isin(data.word_article, held)
        oof[mask] = word_probabilities(head, data, held, extra)[mask]
    outer = prior_features(pr, data, train, test) if pr is not None else None
    head = fit_word(babe_x, babe_y, data, train, 99, outer)
    return oof, word_probabilities(head, data, test, outer), outer


# --- the span head with priors --------------------------------------------------------------


def span_prior_rows(
    data: bf.BasilData, candidates: bf.Candidates, features: PriorFeatures | None
) -> np.ndarray:
    """(n_candidates, 4) in ``span_rows`` order: the span's strongest word prior (logit, its log
    count) over its eligible words, its strongest VADER word and whether any is in VADER."""
    rows_out = []
    for a, spans in candidates.items():
        rows = np.flatnonzero(data.word_article == a)
        starts = np.array([data.docs[a].tokens[t].start for t in data.word_token[rows]])
        ends = np.array([data.docs[a].tokens[t].end for t in data.word_token[rows]])
        for s in spans:
            inside = rows[(starts < s.end) & (s.start < ends)]
            judged = inside[data.word_eligible[inside]]
            f = features.basil if features is not None else np.zeros((len(data.word_gold), 4), np.float32)
            if len(judged):
                best = judged[np.argmax(f[judged, 0])]
                prior = [f[best, 0], f[best, 1]]
            else:
                prior = [-8.0, 0.0]
            vader = f[inside, 2:] if len(inside) else np.zeros((1, 2), np.float32)
            rows_out.append([*prior, float(vader[:, 0].max()), float(vader[:, 1].max())])
    return np.array(rows_out, dtype=np.float32).reshape(-1, 4)


def span_x(
    data: bf.BasilData,
    p: np.ndarray,
    candidates: bf.Candidates,
    babe_p: np.ndarray,
    features: PriorFeatures | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, y, owner = bf.span_rows(data, p, candidates, babe_p)
    if features is not None:
        x = np.concatenate([x, span_prior_rows(data, candidates, features)], axis=1)
    return x, y, owner


def run_arm(
    data: bf.BasilData,
    oof: np.ndarray,
    test_p: np.ndarray,
    train: np.ndarray,
    test: np.ndarray,
    babe_p: np.ndarray,
    features: PriorFeatures | None,
    arm: tb.ArmResult,
) -> None:
    """The shipped pipeline after the word head (``fit_all`` then ``predict_spans``), the span
    head reading the prior columns when ``features``."""
    eligible = np.isin(data.word_article, train) & data.word_eligible
    threshold = float(np.quantile(oof[eligible], bf.CANDIDATE_QUANTILE))
    candidates = bf.candidate_spans(data, oof, train, threshold, bf.CANDIDATE_GATE)
    x, y, owner = span_x(data, oof, candidates, babe_p, features)
    span, span_oof = bf.fit_span_head(data, candidates, x, y, owner)
    sentence_x = bf.sentence_features(data, oof, candidates, span_oof, babe_p)
    rows = np.flatnonzero(np.isin(data.sentence_article, train))
    calibration = bf.fit_calibrator(
        sentence_x[rows], data.sentence_gold[rows], data.article_event[data.sentence_article[rows]]
    )
    test_candidates = bf.candidate_spans(data, test_p, test, threshold, bf.CANDIDATE_GATE)
    tx, _, _ = span_x(data, test_p, test_candidates, babe_p, features)
    span_p = span.probabilities(tx)
    arm.spans.update(bf.kept_spans(test_candidates, span_p, span.threshold))
    k = 0
    for a, spans in test_candidates.items():
        for s, q in zip(spans, span_p[k : k + len(spans)], strict=True):
            arm.span_candidates.append((a, s.start, s.end, 1.0 if tb.bf_always(s) else float(q)))
        k += len(spans)
    sx = bf.sentence_features(data, test_p, test_candidates, span_p, babe_p)
    rows = np.flatnonzero(np.isin(data.sentence_article, test))
    arm.sentence_p[rows] = calibration.probabilities(sx[rows])
    arm.flag[rows] = arm.sentence_p[rows] >= calibration.threshold
    mask = np.isin(data.word_article, test)
    arm.word_p[mask] = test_p[mask]
    chosen: dict[str, Any] = {
        "word_threshold": round(threshold, 4),
        "span_threshold": round(span.threshold, 4),
        "sentence_threshold": round(calibration.threshold, 4),
        "span_coef_priors": [round(float(c), 3) for c in span.coef[-4:]] if features is not None else [],
    }
    arm.chosen.append(chosen)


# --- BABE no-regression ----------------------------------------------------------------------


def babe_check(pr: Priors, data: bf.BasilData, babe_x: np.ndarray, babe_y: np.ndarray) -> dict[str, Any]:
    """``framing_basil.babe_check`` for both heads, the same folds and draws; with priors, a test
    fold's words get counts from the other BABE folds and all of BASIL, the fit's words out of fold."""
    from sklearn.model_selection import KFold

    from summarize_dev.framing_training import best_f1_threshold, fit_linear

    rows = np.flatnonzero(data.word_eligible)
    out: dict[str, Any] = {}
    all_basil = np.ones(len(pr.basil_key), bool)
    for name, with_priors in (("shipped", False), ("priors in word head", True)):
        p = np.zeros(len(babe_y), np.float32)
        thresholds = np.zeros(len(babe_y), np.float32)
        rng = np.random.default_rng(0)
        for train, test in KFold(5, shuffle=True, random_state=0).split(babe_x):
            keep = train[babe_y[train] | (rng.random(len(train)) < bf.NEGATIVE_SHARE)]
            basil = rows[data.word_gold[rows] | (rng.random(len(rows)) < bf.NEGATIVE_SHARE)]
            xb, xw, xt = babe_x[keep], data.word_x[basil], babe_x[test]
            if with_priors:
                fb_, fw, ft = _babe_fold_priors(pr, train, test, all_basil)
                xb = np.concatenate([xb, fb_[keep]], axis=1)
                xw = np.concatenate([xw, fw[basil]], axis=1)
                xt = np.concatenate([xt, ft], axis=1)
            head = fit_linear(
                np.concatenate([xb, xw]), np.concatenate([babe_y[keep], data.word_gold[basil]]), bf.WORD_C
            )
            p[test] = head.probabilities(xt)
            fit_x = xb
            thresholds[test] = best_f1_threshold(babe_y[keep], head.probabilities(fit_x))
        pred = p >= thresholds
        tp = int((pred & babe_y).sum())
        out[name] = {
            "word_precision": round(tp / max(1, int(pred.sum())), 4),
            "word_recall": round(tp / max(1, int(babe_y.sum())), 4),
        }
    return out


def _babe_fold_priors(
    pr: Priors, train: np.ndarray, test: np.ndarray, all_basil: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(BABE rows, BASIL rows, BABE test rows) prior features for one BABE fold."""
    n = len(pr.babe_key)
    in_train = np.zeros(n, bool)
    in_train[train] = True
    babe = np.zeros((n, 2), np.float32)
    for j in range(PRIOR_FOLDS):
        rows = in_train & (pr.babe_fold == j)
        babe[rows] = _prior(_counts(pr, in_train & ~rows, all_basil), pr.babe_key[rows])
    basil = np.zeros((len(pr.basil_key), 2), np.float32)
    for j in range(PRIOR_FOLDS):
        rows = pr.basil_third == j  # BASIL words out of fold by event
        basil[rows] = _prior(_counts(pr, in_train, all_basil & ~rows), pr.basil_key[rows])
    test_prior = _prior(_counts(pr, in_train, all_basil), pr.babe_key[test])
    return (
        np.concatenate([babe, pr.babe_vader], axis=1),
        np.concatenate([basil, pr.basil_vader], axis=1),
        np.concatenate([test_prior, pr.babe_vader[test]], axis=1),
    )


# --- main -----------------------------------------------------------------------------------


def babe_words() -> list[tuple[str, int]]:
    """(text, sentence) of BABE's eligible words, in ``basil_fit.babe_word_rows`` order."""
    from evaldata import eval_dir

    from summarize.framing.layers import can_be_loaded
    from summarize_dev.babe import read_babe, word_spans

    out = []
    for k, s in enumerate(read_babe(eval_dir() / "babe_dev" / "babe_dev.csv")):
        for i, (a, b) in enumerate(word_spans(s.text)):
            if can_be_loaded(s.text[a:b], i == 0):
                out.append((s.text[a:b], k))
    return out


def strongest_stems(pr: Priors, limit: int = 25) -> list[list[object]]:
    """The stems with the highest smoothed rate over all the data (seen >= 5): a sanity list."""
    counts = _counts(pr, np.ones(len(pr.babe_key), bool), np.ones(len(pr.basil_key), bool))
    keys = np.flatnonzero(counts[1] >= 5)
    rate = _prior(counts, keys)[:, 0]
    order = keys[np.argsort(-rate)[:limit]]
    return [[pr.stems[k], int(counts[0][k]), int(counts[1][k])] for k in order]


def cross_validate(
    data: bf.BasilData,
    pr: Priors,
    babe_x: np.ndarray,
    babe_y: np.ndarray,
    babe_p: np.ndarray,
    smoke: bool,
) -> tuple[dict[str, tb.ArmResult], list[dict[str, Any]]]:
    from sklearn.model_selection import GroupKFold

    arms = {name: tb._new_arm(data) for name in ARMS}
    folds: list[dict[str, Any]] = []
    articles = np.arange(len(data.articles))
    for k, (train, test) in enumerate(GroupKFold(fb.OUTER_FOLDS).split(articles, groups=data.article_event)):
        t0 = time.process_time()
        oof, test_p, _ = word_scores(None, data, babe_x, babe_y, train, test)
        oof_w, test_w, outer = word_scores(pr, data, babe_x, babe_y, train, test)
        assert outer is not None
        run_arm(data, oof, test_p, train, test, babe_p, None, arms["shipped"])
        run_arm(data, oof_w, test_w, train, test, babe_p, None, arms["priors in word head"])
        run_arm(data, oof, test_p, train, test, babe_p, outer, arms["priors in span head"])
        run_arm(data, oof_w, test_w, train, test, babe_p, outer, arms["priors in both"])
        folds.append(
            {
                "fold": k,
                "test_word_ap": {
                    "shipped": round(tb.word_ap(data, test_p, test), 4),
                    "priors in word head": round(tb.word_ap(data, test_w, test), 4),
                    "prior alone (logit)": round(tb.word_ap(data, outer.basil[:, 0], test), 4),
                    "vader alone": round(tb.word_ap(data, outer.basil[:, 2], test), 4),
                },
                "cpu_seconds": round(time.process_time() - t0, 1),
            }
        )
        print(f"fold {k}: {folds[-1]}", flush=True)
        if smoke and k == 1:
            break
    return arms, folds


def main(argv: list[str]) -> int:
    started = time.process_time()
    inputs = fb.load_inputs()
    if inputs is None:
        return 0
    data, babe_x, babe_y, babe_p = inputs
    smoke = "--smoke" in argv  # two outer folds, 20 bootstrap rounds, nothing written
    if smoke:
        fb.ROUNDS = 20
    words = babe_words()
    if len(words) != len(babe_y):
        raise SystemExit(f"BABE words {len(words)} != rows {len(babe_y)}")
    pr = build_priors(data, words, babe_y)
    print(f"data ready ({time.process_time() - started:.0f}s cpu), {pr.vocabulary} stems", flush=True)
    if "--figures" in argv:  # resume from the folds' cached predictions (no text)
        with ARMS_CACHE.open("rb") as f:
            arms, folds = pickle.load(f)
    else:
        arms, folds = cross_validate(data, pr, babe_x, babe_y, babe_p, smoke)
        with ARMS_CACHE.open("wb") as f:
            pickle.dump((arms, folds), f)
    result = figures_of(data, arms, folds)
    result["babe_no_regression"] = {
        "loaded_word_head (5-fold CV on BABE's eligible words)": babe_check(pr, data, babe_x, babe_y),
        "sentence head": "unchanged (the priors touch only the loaded-word and span heads)",
    }
    result["strongest_stems"] = strongest_stems(pr)
    result["cpu_seconds"] = round(time.process_time() - started, 1)
    print(markdown(result))
    if not smoke:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "framing_word_priors.json").write_text(
            json.dumps(result, indent=2) + "\n", encoding="utf-8"
        )
        (RESULTS / "framing_word_priors.md").write_text(markdown(result), encoding="utf-8")
    return 0


def figures_of(
    data: bf.BasilData, arms: dict[str, tb.ArmResult], folds: list[dict[str, Any]]
) -> dict[str, Any]:
    tables: dict[str, dict[str, np.ndarray]] = {}
    methods: dict[str, dict[str, Any]] = {}
    differences: dict[str, Any] = {}
    done = [a for a in ARMS if arms[a].chosen and len(arms[a].chosen) == len(arms["shipped"].chosen)]
    for name in done:
        tables[name], methods[name] = tb.arm_figures(data, arms[name])
        methods[name]["chosen_per_fold"] = arms[name].chosen
    for name in done[1:]:
        differences[name] = tb.paired_differences(data, tables, arms, new=name, old="shipped")
    matched = matched_volume(data, {name: arms[name] for name in done})
    matched_tables = {name: fb.article_table(data, arm.spans) for name, arm in matched.items()}
    matched_figures: dict[str, dict[str, Any]] = {
        name: {
            k: v
            for k, v in fb.with_intervals(data, matched_tables[name], None, None).items()
            if k in MATCHED_KEYS
        }
        for name in done
    }
    for name in done[1:]:
        d = tb.paired_differences(data, matched_tables, matched, new=name, old="shipped")
        matched_figures[name]["paired difference with shipped"] = {k: d[k] for k in MATCHED_KEYS}
    return {
        "matched_volume (diagnostic)": matched_figures,
        "data": {
            "articles": len(data.articles),
            "events": len(set(data.article_event)),
            "sentences": len(data.sentence_gold),
            "expert_lexical_spans": int(sum(len(a.lexical) for a in data.articles)),
        },
        "protocol": f"{fb.OUTER_FOLDS}-fold GroupKFold over BASIL events; inside each training part 3 "
        "grouped inner folds give the out-of-fold word scores (and the out-of-fold prior counts); "
        f"held-out events never contribute a count; smoothing {ALPHA:g} pseudo-occurrences at the base "
        f"rate; 95% intervals: bootstrap over events, {fb.ROUNDS} rounds",
        "methods": methods,
        "difference_minus_shipped": differences,
        "span_ranking (shipped: value; others: paired difference with shipped)": ranking_differences(
            data, {name: arms[name] for name in done}
        ),
        "folds": folds,
    }


@dataclass
class Ranking:
    """An arm's held-out candidates (article, span probability, overlaps an expert span) and the
    experts' spans (article, best probability of a candidate overlapping it, 0 if none)."""

    article: np.ndarray
    p: np.ndarray
    hit: np.ndarray
    gold_article: np.ndarray
    gold_best: np.ndarray


def ranking(data: bf.BasilData, arm: tb.ArmResult) -> Ranking:
    c = arm.span_candidates
    article = np.array([a for a, _, _, _ in c])
    p = np.array([q for _, _, _, q in c])
    hit = np.array([any(g.start < e and s < g.end for g in data.articles[a].lexical) for a, s, e, _ in c])
    gold_article, gold_best = [], []
    for a, spans in enumerate(data.articles):
        mine = [(s, e, q) for b, s, e, q in c if b == a]
        for g in spans.lexical:
            gold_article.append(a)
            gold_best.append(max((q for s, e, q in mine if g.start < e and s < g.end), default=0.0))
    return Ranking(article, p, hit, np.array(gold_article), np.array(gold_best))


def ranking_figures(r: Ranking, weight: np.ndarray) -> dict[str, float]:
    """Span average precision of the candidates, and the best span precision at span recall >= 0.40
    over every threshold (the oracle of ``framing_tuned_block``), with articles weighted by how
    often a bootstrap draw picked them."""
    from sklearn.metrics import average_precision_score

    w = weight[r.article]
    order = np.argsort(-r.p, kind="stable")
    p, hit, w = r.p[order], r.hit[order], w[order]
    last = np.r_[p[1:] != p[:-1], True]  # the end of each run of tied probabilities
    precision = (np.cumsum(w * hit) / np.maximum(np.cumsum(w), 1e-9))[last]
    gw = weight[r.gold_article]
    gold_order = np.argsort(-r.gold_best)
    found = np.cumsum(gw[gold_order] * (r.gold_best[gold_order] > 0))
    reached = np.searchsorted(-r.gold_best[gold_order], -p[last], side="right")
    recall = np.where(reached > 0, found[np.maximum(reached - 1, 0)], 0.0) / max(gw.sum(), 1e-9)
    ok = recall >= 0.40
    keep = w > 0
    return {
        "span_ap": float(average_precision_score(hit[keep], p[keep], sample_weight=w[keep])),
        "oracle_precision_at_recall_0.40": float(precision[ok].max()) if ok.any() else 0.0,
    }


def ranking_differences(data: bf.BasilData, arms: dict[str, tb.ArmResult]) -> dict[str, Any]:
    """Each arm's threshold-free span ranking, and its paired difference with shipped (the same
    event draws for both), 95% intervals from a bootstrap over events."""
    rankings = {name: ranking(data, arm) for name, arm in arms.items() if arm.span_candidates}
    events = sorted(set(data.article_event))
    members = {e: np.flatnonzero(data.article_event == e) for e in events}
    rng = np.random.default_rng(14)
    n = len(data.articles)
    point = {name: ranking_figures(r, np.ones(n)) for name, r in rankings.items()}
    draws: dict[str, dict[str, list[float]]] = {name: {k: [] for k in point[name]} for name in rankings}
    for _ in range(fb.ROUNDS):
        picked = rng.choice(len(events), size=len(events), replace=True)
        weight = np.bincount(np.concatenate([members[events[i]] for i in picked]), minlength=n).astype(float)
        base = ranking_figures(rankings["shipped"], weight)
        for name, r in rankings.items():
            f = ranking_figures(r, weight)
            for k, v in f.items():
                draws[name][k].append(v - base[k] if name != "shipped" else v)
    out: dict[str, Any] = {}
    for name in rankings:
        out[name] = {}
        for k, v in point[name].items():
            value = v - point["shipped"][k] if name != "shipped" else v
            lo, hi = np.quantile(draws[name][k], [0.025, 0.975])
            out[name][k] = {"value": round(value, 4), "low": round(float(lo), 4), "high": round(float(hi), 4)}
    return out


def matched_volume(data: bf.BasilData, arms: dict[str, tb.ArmResult]) -> dict[str, tb.ArmResult]:
    """A diagnostic: each arm with as many spans shown per outer fold as shipped shows there (its
    top candidates by span probability, the always-shown ones first), so that precision and
    recall compare at one volume. It reads the held-out predictions' count, never their labels."""
    from sklearn.model_selection import GroupKFold

    every = np.arange(len(data.articles))
    out = {}
    for name, arm in arms.items():
        spans: dict[int, list[tuple[int, int, bool]]] = {}
        for _, test in GroupKFold(fb.OUTER_FOLDS).split(every, groups=data.article_event):
            volume = sum(len(arms["shipped"].spans.get(int(a), [])) for a in test)
            fold = [c for c in arm.span_candidates if c[0] in set(test.tolist())]
            fold.sort(key=lambda c: -c[3])
            spans.update({int(a): [] for a in test})
            for a, start, end, _ in fold[:volume]:
                spans[a].append((start, end, False))
        out[name] = replace(arm, spans=spans)
    return out


def markdown(r: dict[str, Any]) -> str:
    names = list(r["methods"])
    diffs = r["difference_minus_shipped"]
    keys = [*fb.TARGETS, "word_precision", "word_recall", "flag_accuracy", "word_ap"]
    out = [
        "# Word-level lexical priors (VADER strength, out-of-fold marked rate) in the framing heads",
        "",
        f"{r['data']['articles']} articles, {r['data']['events']} events, "
        f"{r['data']['sentences']} sentences, {r['data']['expert_lexical_spans']} expert lexical spans. "
        f"{r['protocol']}.",
        "",
        "| figure | target | "
        + " | ".join(names)
        + " | "
        + " | ".join(f"{n} - shipped (paired)" for n in diffs)
        + " |",
        "|---|---|" + "---|" * (len(names) + len(diffs)),
    ]
    for key in keys:
        target = fb.target_text(key)
        cells = " | ".join(fb._fmt(r["methods"][n].get(key)) for n in names)
        dcells = " | ".join(fb._fmt(d.get(key)) for d in diffs.values())
        out.append(f"| {key} | {target} | {cells} | {dcells} |")
    out += [
        "",
        "Best span precision at span recall >= 0.40 over all thresholds on the held-out span probabilities "
        "(oracle threshold, every arm alike): "
        + "; ".join(f"{n}: {json.dumps(r['methods'][n]['oracle_precision_at_recall_0.40'])}" for n in names),
        "",
        "Threshold-free span ranking on the held-out candidates (span average precision, and the best "
        "span precision at span recall >= 0.40 over every threshold: an oracle, not a decision); shipped's "
        "value, then each arm's paired difference with shipped: "
        + "; ".join(
            f"{n}: " + ", ".join(f"{k} {fb._fmt(v)}" for k, v in d.items())
            for n, d in r["span_ranking (shipped: value; others: paired difference with shipped)"].items()
        ),
        "",
        "Diagnostic at matched volume (each arm shows as many spans per outer fold as shipped, its "
        "top candidates; the count is read from the held-out predictions, not their labels): "
        + "; ".join(
            f"{n}: "
            + ", ".join(f"{k} {fb._fmt(v)}" for k, v in d.items() if k in MATCHED_KEYS)
            + (
                " (paired difference: "
                + ", ".join(f"{k} {fb._fmt(v)}" for k, v in d["paired difference with shipped"].items())
                + ")"
                if "paired difference with shipped" in d
                else ""
            )
            for n, d in r["matched_volume (diagnostic)"].items()
        ),
        "",
        "Held-out word average precision per fold: "
        + "; ".join(f"fold {f['fold']}: {json.dumps(f['test_word_ap'])}" for f in r["folds"]),
        "",
        "Word head's prior columns: " + ", ".join(WORD_PRIOR_NAMES) + ".",
        "",
        "Span head's coefficients on the prior columns (standardised; "
        + ", ".join(SPAN_PRIOR_NAMES)
        + "), per fold: "
        + json.dumps([c["span_coef_priors"] for c in r["methods"]["priors in span head"]["chosen_per_fold"]]),
        "",
    ]
    if "babe_no_regression" in r:
        out += ["BABE no-regression: " + json.dumps(r["babe_no_regression"]), ""]
    if "strongest_stems" in r:
        out += [
            "Strongest stems over all the data (stem, marked, seen; seen >= 5): "
            + ", ".join(f"{s} {m}/{n}" for s, m, n in r["strongest_stems"]),
            "",
        ]
    out.append(f"CPU: {r.get('cpu_seconds', 0):.0f} s.")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
