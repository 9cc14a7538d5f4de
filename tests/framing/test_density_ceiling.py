"""The density ceiling of the BASIL bench (bench/density_ceiling.py): the gamma-Poisson fit
recovers known parameters, and the ceiling rises when articles' rates differ more."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # evaluation-only code lives with the benches

import density_ceiling as dc  # noqa: E402


def _counts(shape: float, rate: float, words: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return rng.poisson(rng.gamma(shape, rate / shape, size=len(words)) * words).astype(float)


def test_fit_recovers_the_shape_and_rate_it_was_drawn_from() -> None:
    rng = np.random.default_rng(0)
    words = rng.integers(300, 1200, size=4000).astype(float)
    fit = dc.fit_negative_binomial(_counts(3.0, 0.0025, words, rng), words)
    assert abs(fit.rate_per_word - 0.0025) / 0.0025 < 0.05
    assert 2.5 < fit.shape < 3.6


def test_ceiling_is_higher_when_rates_vary_more_and_has_an_interval() -> None:
    rng = np.random.default_rng(1)
    words = rng.integers(300, 1200, size=150).astype(float)
    groups = np.repeat(np.arange(50), 3)
    varied = dc.density_ceiling(_counts(0.8, 0.0025, words, rng), words, groups, rounds=60)
    alike = dc.density_ceiling(_counts(20.0, 0.0025, words, rng), words, groups, rounds=60)
    assert varied["value"] > alike["value"] + 0.15
    for c in (varied, alike):
        assert c["low"] <= c["value"] <= c["high"]
        assert c["low"] >= -1.0 and c["high"] <= 1.0
