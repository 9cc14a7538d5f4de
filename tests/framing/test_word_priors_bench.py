"""The word-prior bench's leakage-critical parts (bench/framing_word_priors.py): the counting key,
the smoothed prior, and that a held-out article's labels never reach any prior."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # evaluation-only code lives with the benches
sys.path.insert(0, str(ROOT / "models" / "framing_heads"))

import framing_word_priors as wp  # noqa: E402


def test_stem_joins_regular_inflections_and_possessives() -> None:
    assert {wp.stem(w) for w in ("claims", "claimed", "claiming", "Claim")} == {"claim"}
    assert {wp.stem(w) for w in ("slammed", "slamming", "slams")} == {"slam"}
    assert wp.stem("parties") == wp.stem("party")
    assert wp.stem("debate") == wp.stem("debated")
    assert wp.stem("Trump's") == wp.stem("Trump’s") == "trump"
    assert wp.stem("press") == "press"  # -ss is not a plural


def test_vader_strength_reads_the_word_or_a_lemma_that_generates_it() -> None:
    lexicon = {"brutal": 3.1, "attack": -2.1}
    assert wp.vader_strength("Brutal", lexicon) == (3.1 / 4, 1.0)
    assert wp.vader_strength("attacked", lexicon) == (2.1 / 4, 1.0)
    assert wp.vader_strength("negotiations", lexicon) == (0.0, 0.0)


def _priors(keys: list[int], marked: list[bool], article: list[int], events: list[str]) -> tuple[Any, Any]:
    n = len(keys)
    data = SimpleNamespace(
        word_article=np.array(article),
        article_event=np.array(events),
        word_gold=np.array(marked),
        word_eligible=np.ones(n, bool),
    )
    pr = wp.Priors(
        basil_key=np.array(keys),
        basil_marked=np.array(marked),
        basil_seen=np.ones(n, bool),
        basil_vader=np.zeros((n, 2), np.float32),
        basil_third=np.zeros(n, int),
        babe_key=np.array([0, 1, 1, 1]),
        babe_marked=np.array([False, True, False, False]),
        babe_fold=np.array([0, 1, 2, 0]),
        babe_vader=np.zeros((4, 2), np.float32),
        vocabulary=4,
        stems=["the", "slam", "held", "other"],
    )
    return pr, data


def test_prior_is_smoothed_toward_the_base_rate() -> None:
    counts = (np.array([0.0, 9.0, 0.0]), np.array([90.0, 10.0, 0.0]))  # base rate 9 / 100
    logit, log_seen = wp._prior(counts, np.array([0, 1, 2])).T
    rate = 1 / (1 + np.exp(-logit))
    assert abs(rate[2] - 0.09) < 1e-6  # never seen: the base rate
    assert rate[0] < 0.09 < rate[1] < 0.9  # pulled toward the base rate from 0 and from 0.9
    assert np.allclose(log_seen, np.log1p([90, 10, 0]))


def test_held_out_labels_never_reach_a_prior() -> None:
    # Key 2 ("held") is marked only in article 5, the scored (held-out) article; key 1 is marked
    # in the training articles.
    keys = [1, 1, 1, 0, 0, 0, 2, 2]
    marked = [True, True, False, False, False, False, True, True]
    article = [0, 1, 2, 3, 4, 5, 5, 5]
    events = ["a", "b", "c", "d", "e", "f"]
    pr, data = _priors(keys, marked, article, events)
    fit, scored = np.arange(5), np.array([5])
    f = wp.prior_features(pr, data, fit, scored)
    base = wp._prior(wp._counts(pr, np.ones(4, bool), np.isin(data.word_article, fit)), np.array([2]))
    assert np.allclose(f.basil[6:8, :2], base)  # held-out "held": the base rate, seen 0 times
    assert f.basil[6, 1] == 0.0
    # A training word's prior leaves out its own third: article 0's "slam" counts articles 1-2
    # (and BABE), not itself; so flipping article 0's label moves no prior of article 0.
    flipped = marked.copy()
    flipped[0] = False
    pr2, data2 = _priors(keys, flipped, article, events)
    g = wp.prior_features(pr2, data2, fit, scored)
    assert np.allclose(f.basil[0], g.basil[0])
    assert not np.allclose(f.basil[6], g.basil[6])  # the held-out article sees every training count


def test_ranking_figures_on_a_small_case() -> None:
    # Two articles; candidates (p, hit); three expert spans, one found by no candidate.
    r = wp.Ranking(
        article=np.array([0, 0, 1, 1]),
        p=np.array([0.9, 0.8, 0.7, 0.1]),
        hit=np.array([True, False, True, False]),
        gold_article=np.array([0, 1, 1]),
        gold_best=np.array([0.9, 0.7, 0.0]),
    )
    f = wp.ranking_figures(r, np.ones(2))
    # Recall >= 0.40 needs both found spans (threshold 0.7): precision 2/3.
    assert abs(f["oracle_precision_at_recall_0.40"] - 2 / 3) < 1e-9
    assert 0.0 < f["span_ap"] <= 1.0
    # Article 1 drawn twice: its hit counts twice.
    g = wp.ranking_figures(r, np.array([1.0, 2.0]))
    assert abs(g["oracle_precision_at_recall_0.40"] - 3 / 4) < 1e-9
