"""The trained ridge head: loads offline from models/, predicts, and the CV helpers are honest."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarize.errors import ModelError
from summarize.resources import models_dir
from summarize.sentiment.head import SentimentHead, fit_ridge, head_path, load_head, save_head
from summarize_dev.crossval import choose_alpha, grouped_folds, nested_cross_validation


def test_bundled_head_loads_offline_and_is_small() -> None:
    path = head_path()
    assert path.is_relative_to(models_dir())
    assert path.stat().st_size < 50_000
    head = load_head()
    assert head.coef.shape == (385,)  # 384 MiniLM dims + VADER compound
    assert head.uses_vader
    assert head.alpha > 0
    assert "MiniLM" in head.encoder


def test_head_scores_are_bounded_and_follow_the_rating() -> None:
    head = load_head()
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(4, 384)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    ratings = head.predict_rating(emb, np.array([0.0, 0.0, 0.9, -0.9]))
    scores = head.predict_score(emb, np.array([0.0, 0.0, 0.9, -0.9]))
    assert np.all(np.abs(scores) < 1)
    assert np.array_equal(np.argsort(ratings), np.argsort(scores))


def test_wrong_feature_count_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="features"):
        load_head().predict_rating(np.zeros((1, 10)), np.zeros(1))


def test_missing_head_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"train\.py"):
        load_head(tmp_path / "absent.npz")


def test_save_and_load_round_trip_without_pickle(tmp_path: Path) -> None:
    head = SentimentHead(
        coef=np.arange(3, dtype=np.float64),
        intercept=0.5,
        feature_mean=np.zeros(3),
        feature_scale=np.ones(3),
        uses_vader=False,
        output_scale=2.0,
        alpha=10.0,
        encoder="enc",
    )
    path = tmp_path / "h.npz"
    save_head(head, path)
    with np.load(path, allow_pickle=False) as data:
        assert set(data.files) >= {"coef", "intercept", "alpha"}
    loaded = load_head(path)
    x = np.array([[1.0, 2.0, 3.0]])
    assert loaded.predict_rating(x) == pytest.approx(head.predict_rating(x))


def test_ridge_recovers_a_linear_signal() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(400, 5))
    y = x @ np.array([1.0, -2.0, 0.0, 0.5, 0.0]) + 0.1 * rng.normal(size=400)
    coef, intercept, mean, scale = fit_ridge(x, y, alpha=1.0)
    pred = ((x - mean) / scale) @ coef + intercept
    assert np.corrcoef(pred, y)[0, 1] > 0.99


def test_grouped_folds_never_split_a_group() -> None:
    groups = np.repeat(np.arange(40), 7)
    folds = grouped_folds(groups, 5)
    assert sorted(np.concatenate(folds).tolist()) == list(range(len(groups)))
    owners = [set(groups[f].tolist()) for f in folds]
    for i in range(5):
        for j in range(i + 1, 5):
            assert not owners[i] & owners[j]


def test_nested_cv_reports_out_of_fold_scores() -> None:
    rng = np.random.default_rng(2)
    groups = np.repeat(np.arange(30), 10)
    x = rng.normal(size=(300, 8))
    y = x[:, 0] + rng.normal(size=300)
    cv = nested_cross_validation(x, y, groups)
    assert len(cv.fold_alphas) == 5
    assert 0.3 < np.corrcoef(cv.predictions, y)[0, 1] < 0.95  # noisy target: never near-perfect
    assert choose_alpha(x, y, groups) in (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0)


@pytest.mark.slow
def test_real_encoder_and_head_get_plain_signs_right() -> None:
    from summarize.backends.encoder import load_encoder
    from summarize.sentiment.vader_backend import compound_scores

    texts = [
        "The volunteers did a wonderful job and the town is grateful.",
        "The bombing was a horrific atrocity that killed innocent children.",
    ]
    head = load_head()
    scores = head.predict_score(load_encoder("minilm").encode(texts), np.array(compound_scores(texts)))
    assert scores[0] > 0.1
    assert scores[1] < -0.1


def test_bundled_head_is_pinned_in_the_registry() -> None:
    from summarize.backends.registry import get_entry
    from summarize.backends.verify import sha256_of

    entry = get_entry("sentiment-head")
    assert entry is not None and entry.kind == "head"
    assert entry.offline is not None and entry.offline.sha256 == sha256_of(head_path())
