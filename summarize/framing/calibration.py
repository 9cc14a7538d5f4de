"""Sentence scores calibrated to real articles, and article figures with their uncertainty.

The BABE sentence head was trained where half the sentences are biased; on real news a few
percent are. ``calibration.npz`` (fitted on BASIL, grouped by event) maps what the heads
see in a sentence to the probability that experts mark lexical bias in it, and carries the
decision threshold that keeps the flag rate near real base rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarize.framing.section import Interval

if TYPE_CHECKING:
    import numpy as np

BOOTSTRAP_ROUNDS = 1000
_SEED = 20190  # fixed: the same article always gets the same interval


def _logit(p: np.ndarray) -> np.ndarray:
    import numpy as np

    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    logits: np.ndarray = np.log(p / (1 - p))
    return logits


def calibration_features(
    babe_probability: Sequence[float],
    writer_loaded: Sequence[float],
    quoted_loaded: Sequence[float],
    word_max: Sequence[float],
    words: Sequence[float],
) -> np.ndarray:
    """(n_sentences, 5): BABE head logit, log(1 + loaded spans) by voice, strongest word logit, log length."""
    import numpy as np

    return np.stack(
        [
            _logit(np.asarray(babe_probability)),
            np.log1p(np.asarray(writer_loaded, dtype=np.float64)),
            np.log1p(np.asarray(quoted_loaded, dtype=np.float64)),
            _logit(np.asarray(word_max)),
            np.log1p(np.asarray(words, dtype=np.float64)),
        ],
        axis=1,
    ).astype(np.float32)


def interval(
    values: Sequence[float], weights: Sequence[float], scale: float = 1.0, digits: int = 4
) -> Interval:
    """sum(values) / sum(weights) * scale with a 95% bootstrap interval over the items (sentences).

    ``digits``: rounding; sums of probabilities scaled to 1,000 words amplify the encoder's float
    noise (batched vs single), so that figure is given to one decimal.
    """
    import numpy as np

    v = np.asarray(values, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if len(v) == 0 or w.sum() <= 0:
        return Interval(0.0, 0.0, 0.0)
    point = float(v.sum() / w.sum() * scale)
    rng = np.random.default_rng(_SEED)
    picks = rng.integers(0, len(v), size=(BOOTSTRAP_ROUNDS, len(v)))
    totals = w[picks].sum(axis=1)
    ratios = np.where(totals > 0, v[picks].sum(axis=1) / np.maximum(totals, 1e-12), 0.0) * scale
    low, high = np.quantile(ratios, [0.025, 0.975])
    return Interval(round(point, digits), round(float(low), digits), round(float(high), digits))


def differs_beyond_noise(a: Interval, b: Interval) -> bool:
    """Two articles' figures differ when their 95% intervals do not overlap (a conservative test)."""
    return a.high < b.low or b.high < a.low
