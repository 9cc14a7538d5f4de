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


# Soft span evidence is scaled before log1p so that one likely span (p ~ 0.1) already moves it.
SPAN_MASS_SCALE = 10.0
NO_SPAN_LOGIT = -8.0  # a sentence with no candidate span


def span_evidence(
    sentence_of: Sequence[int | None],
    in_quote: Sequence[bool],
    probability: Sequence[float],
    n_sentences: int,
) -> tuple[list[float], list[float], list[float]]:
    """Per sentence, from the span head's probability of every judged loaded candidate (shown or
    not): the writer's strongest candidate, and the probability mass of the writer's and the
    quoted candidates. Soft evidence: it does not hinge on the span threshold."""
    strongest = [0.0] * n_sentences
    writer = [0.0] * n_sentences
    quoted = [0.0] * n_sentences
    for index, quote, p in zip(sentence_of, in_quote, probability, strict=True):
        if index is None:
            continue
        if quote:
            quoted[index] += p
        else:
            writer[index] += p
            strongest[index] = max(strongest[index], p)
    return strongest, writer, quoted


def calibration_features(
    babe_probability: Sequence[float],
    word_max: Sequence[float],
    words: Sequence[float],
    evidence: tuple[Sequence[float], Sequence[float], Sequence[float]],
) -> np.ndarray:
    """(n_sentences, 6): the BABE sentence head's logit, the strongest loaded-word logit, log
    length, and the span evidence (``span_evidence``): the writer's strongest candidate's logit
    and log(1 + 10 x mass) of the writer's and the quoted candidates."""
    import numpy as np

    strongest, writer, quoted = (np.asarray(e, dtype=np.float64) for e in evidence)
    strongest_logit = np.where(strongest > 0, _logit(strongest), NO_SPAN_LOGIT)
    return np.stack(
        [
            _logit(np.asarray(babe_probability)),
            _logit(np.asarray(word_max)),
            np.log1p(np.asarray(words, dtype=np.float64)),
            strongest_logit,
            np.log1p(SPAN_MASS_SCALE * writer),
            np.log1p(SPAN_MASS_SCALE * quoted),
        ],
        axis=1,
    ).astype(np.float32)


def interval(
    values: Sequence[float],
    weights: Sequence[float],
    scale: float = 1.0,
    digits: int = 4,
    draw_marks: bool = False,
) -> Interval:
    """sum(values) / sum(weights) * scale with a 95% bootstrap interval over the items (sentences).

    ``draw_marks`` (``values`` are calibrated probabilities): each round also draws, for every
    resampled sentence, whether an expert marks it (with its probability), so the interval is the
    range of the experts' density the article is consistent with. Resampling the probabilities
    alone gives an interval that held the experts' density for a third of BASIL's articles; with
    the draws it held it for 95% (``bench/framing_basil.py``).
    ``digits``: rounding; sums of probabilities scaled to 1,000 words amplify the encoder's float
    noise (batched vs single), so that figure is given to one decimal.
    """
    import numpy as np

    v = np.asarray(values, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if len(v) == 0 or w.sum() <= 0:
        return Interval(0.0, 0.0, 0.0)
    point = float(v.sum() / w.sum() * scale)
    low, high = np.quantile(bootstrap_ratios(v, w, scale, draw_marks), [0.025, 0.975])
    return Interval(round(point, digits), round(float(low), digits), round(float(high), digits))


def bootstrap_ratios(
    values: np.ndarray, weights: np.ndarray, scale: float, draw_marks: bool, seed: int = _SEED
) -> np.ndarray:
    """The ``BOOTSTRAP_ROUNDS`` resampled ratios behind ``interval`` (its ``draw_marks`` too); a
    bench tests differences between two articles on them (``bench/framing_compare_verdict.py``)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(values), size=(BOOTSTRAP_ROUNDS, len(values)))
    totals = weights[picks].sum(axis=1)
    drawn = (rng.random(picks.shape) < values[picks]).astype(np.float64) if draw_marks else values[picks]
    ratios: np.ndarray = np.where(totals > 0, drawn.sum(axis=1) / np.maximum(totals, 1e-12), 0.0) * scale
    return ratios


def share_interval(decisions: Sequence[bool]) -> Interval:
    """The share of sentences decided biased, with its bootstrap interval over the sentences.

    When none (or all) are decided biased, resampling can only return 0 (or 1): the interval would
    be 0-0 %, and ``compare`` would call any article with a few flagged sentences "beyond noise".
    There the open end is the exact (Clopper-Pearson) 95% bound for 0 of n: 1 - 0.025 ** (1 / n).
    """
    n = len(decisions)
    share = interval([float(d) for d in decisions], [1.0] * n)
    if n == 0:
        return share
    bound = round(1.0 - 0.025 ** (1.0 / n), 4)
    if share.value == 0.0:
        return Interval(share.value, share.low, max(share.high, bound))
    if share.value == 1.0:
        return Interval(share.value, min(share.low, round(1.0 - bound, 4)), share.high)
    return share


def differs_beyond_noise(a: Interval, b: Interval) -> bool:
    """Two articles' figures differ when their 95% intervals do not overlap (a conservative test)."""
    return a.high < b.low or b.high < a.low
