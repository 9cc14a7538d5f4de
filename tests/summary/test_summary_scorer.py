"""The scorer file format and what its weights do with real features (no encoder needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarize.errors import ModelError
from summarize.summary.features import FEATURE_NAMES, sentence_features
from summarize.summary.length import LengthTarget
from summarize.summary.scorer import load_scorer, save_scorer
from summarize.summary.selection import select_sentences

TEXTS = [
    "The port authority approved a second ferry terminal on Monday after a year of talks.",
    "The terminal will cost 40 million pounds and open in 2027, officials said.",
    '"We have waited a long time for this," said Dora Pell, who runs a cafe by the quay.',
    "Construction is due to start in the spring once the final permits are issued.",
    "Opponents had argued that the building work would disturb nesting birds nearby.",
]


def weights(**named: float) -> np.ndarray:
    return np.array([named.get(n, 0.0) for n in FEATURE_NAMES])


def random_unit_vectors(n: int, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, 16))
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    file = tmp_path / "scorer.npz"
    save_scorer(file, coef=weights(log_position=-1.0, has_quote=-0.3), redundancy=0.2,
                words_per_sentence=20.0)
    scorer = load_scorer(str(file))
    assert scorer.redundancy == 0.2 and scorer.words_per_sentence == 20.0
    assert scorer.coef[FEATURE_NAMES.index("has_quote")] == -0.3
    save_scorer(file.with_name("plain.npz"), coef=weights(log_position=-1.0), redundancy=0.0,
                words_per_sentence=None)
    assert load_scorer(str(file.with_name("plain.npz"))).words_per_sentence is None


def test_old_or_mismatched_files_are_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.npz"
    np.savez(old, feature_names=np.array(FEATURE_NAMES), coef=np.zeros(len(FEATURE_NAMES)))
    with pytest.raises(ModelError, match="retrain"):
        load_scorer(str(old))
    other = tmp_path / "other.npz"
    save_scorer(other, coef=weights(), redundancy=0.0, words_per_sentence=None)
    with np.load(other) as data:
        fields = dict(data)
    fields["feature_names"] = np.array(["something_else"] * len(FEATURE_NAMES))
    np.savez(other, **fields)
    with pytest.raises(ModelError, match="retrain"):
        load_scorer(str(other))


def test_bundled_scorer_loads_and_leans_on_the_lead() -> None:
    scorer = load_scorer()
    assert scorer.coef[FEATURE_NAMES.index("log_position")] < 0
    scores = scorer.score(sentence_features(TEXTS, random_unit_vectors(len(TEXTS))))
    assert int(np.argmax(scores)) == 0


def test_features_have_the_lead_prior_and_article_relative_centrality() -> None:
    features = sentence_features(TEXTS, random_unit_vectors(len(TEXTS)))
    assert features.shape == (len(TEXTS), len(FEATURE_NAMES))
    log_position = features[:, FEATURE_NAMES.index("log_position")]
    assert np.allclose(log_position, np.log1p(np.arange(len(TEXTS))))
    centrality = features[:, FEATURE_NAMES.index("centrality_z")]
    assert abs(centrality.mean()) < 1e-9 and abs(centrality.std() - 1) < 1e-9
    assert features[:, FEATURE_NAMES.index("has_quote")].tolist() == [0, 0, 1, 0, 0]


def test_a_quote_penalty_swaps_a_quoted_third_sentence_for_the_fourth() -> None:
    features = sentence_features(TEXTS, random_unit_vectors(len(TEXTS)))
    similarity = np.eye(len(TEXTS))
    words = [len(t.split()) for t in TEXTS]
    lead = features @ weights(log_position=-1.0)
    no_quote = features @ weights(log_position=-1.0, has_quote=-0.3)
    assert select_sentences(lead, similarity, words, LengthTarget(3), redundancy=0.0) == [0, 1, 2]
    assert select_sentences(no_quote, similarity, words, LengthTarget(3), redundancy=0.0) == [0, 1, 3]


def test_the_shipped_scorer_is_a_lead_rule_that_reads_no_embeddings() -> None:
    scorer = load_scorer()
    assert not scorer.uses_embeddings
    assert scorer.describe() == "lead-position rule"
    # Its scores are the same whether the embedding features are computed or not.
    full = scorer.score(sentence_features(TEXTS, random_unit_vectors(len(TEXTS))))
    bare = scorer.score(sentence_features(TEXTS, None, needed=scorer.weighted_features))
    np.testing.assert_allclose(full, bare)


def test_a_scorer_weighing_centrality_or_redundancy_needs_embeddings(tmp_path: Path) -> None:
    from summarize.document import build_document
    from summarize.summary.extractive import extract

    doc = build_document(" ".join(TEXTS))
    for name, coef, redundancy in (
        ("central.npz", weights(log_position=-1.0, centrality_z=0.1), 0.0),
        ("mmr.npz", weights(log_position=-1.0), 0.2),
    ):
        save_scorer(tmp_path / name, coef=coef, redundancy=redundancy, words_per_sentence=None)
        scorer = load_scorer(str(tmp_path / name))
        assert scorer.uses_embeddings
        assert scorer.describe() != "lead-position rule"
        with pytest.raises(ValueError, match=r"embeddings|similarities"):
            extract(doc, None, LengthTarget(2), scorer)
        assert len(extract(doc, random_unit_vectors(len(doc.sentences)), LengthTarget(2), scorer)) == 2
