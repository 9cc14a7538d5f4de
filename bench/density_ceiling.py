"""How high can any density's Spearman against the experts' density go on BASIL?

Each article holds few expert spans (1.66 on average; 29% hold none), so the experts' density of
one article is a noisy count even if the article's underlying rate of markable bias were known.
Model: an article's expert span count is Poisson(rate x words), the rate varying over articles as
a gamma distribution (so the counts are negative binomial, fitted by maximum likelihood). The
ceiling is the Spearman between the true rates and the densities they produce, by simulation: what
a predictor that knew each article's rate exactly would score. Its interval refits the model on
events drawn with replacement (the gamma shape is what the ceiling depends on, and it is uncertain).
A model-based figure: it says what the counting noise allows, not what a better model will reach.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class NegativeBinomialFit:
    shape: float  # gamma shape of the per-article rate (small: rates vary a lot)
    rate_per_word: float  # mean rate


def fit_negative_binomial(counts: np.ndarray, words: np.ndarray) -> NegativeBinomialFit:
    """Maximum-likelihood gamma-Poisson fit of span counts given each article's word count."""
    from scipy.optimize import minimize
    from scipy.stats import nbinom

    def negative_log_likelihood(log_params: np.ndarray) -> float:
        shape, rate = np.exp(log_params)
        mean = rate * words
        return float(-nbinom.logpmf(counts, shape, shape / (shape + mean)).sum())

    rate = max(counts.sum(), 1.0) / words.sum()
    start = np.array([0.0, np.log(rate)])
    # An explicit simplex: Nelder-Mead's default steps are 5% of the start, ~0 for log shape 0.
    simplex = start + np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 0.5]])
    result = minimize(
        negative_log_likelihood, start, method="Nelder-Mead", options={"initial_simplex": simplex}
    )
    shape, rate = np.exp(result.x)
    return NegativeBinomialFit(float(shape), float(rate))


def simulated_ceiling(fit: NegativeBinomialFit, words: np.ndarray, rng: np.random.Generator) -> float:
    """Spearman of true rates against the densities one draw of counts gives them."""
    from scipy.stats import spearmanr

    rates = rng.gamma(fit.shape, fit.rate_per_word / fit.shape, size=len(words))
    counts = rng.poisson(rates * words)
    return float(spearmanr(rates, counts / words).statistic)


def density_ceiling(
    counts: np.ndarray, words: np.ndarray, groups: np.ndarray, rounds: int = 1000, seed: int = 14
) -> dict[str, float]:
    """The ceiling at the fitted model (mean of ``rounds`` simulations) and its 95% interval
    (each round refits on groups drawn with replacement, then simulates once)."""
    rng = np.random.default_rng(seed)
    fit = fit_negative_binomial(counts, words)
    point = float(np.mean([simulated_ceiling(fit, words, rng) for _ in range(rounds)]))
    events = np.unique(groups)
    members = [np.flatnonzero(groups == e) for e in events]
    draws = []
    for _ in range(rounds):
        rows = np.concatenate([members[i] for i in rng.choice(len(events), size=len(events))])
        draws.append(simulated_ceiling(fit_negative_binomial(counts[rows], words[rows]), words[rows], rng))
    low, high = np.quantile(draws, [0.025, 0.975])
    return {
        "value": round(point, 4),
        "low": round(float(low), 4),
        "high": round(float(high), 4),
        "gamma_shape": round(fit.shape, 3),
        "spans_per_1000_words": round(1000 * fit.rate_per_word, 3),
    }
