"""Token embeddings mapped to words, the shipped heads, and the lexicon fallback."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarize.context import Context
from summarize.errors import ModelError
from summarize.framing.heads import LinearHead, heads_dir, load_head
from summarize.framing.token_embeddings import PieceEmbeddings, word_vectors
from summarize.pipeline import analyze
from summarize.settings import Settings


def test_word_vectors_average_the_pieces_of_each_word() -> None:
    pieces = PieceEmbeddings(
        offsets=np.array([[0, 3], [3, 6], [7, 10]]),
        vectors=np.array([[1.0, 0.0], [3.0, 2.0], [5.0, 5.0]], dtype=np.float32),
    )
    vectors, found = word_vectors(pieces, [(0, 6), (7, 10), (11, 14)])
    assert vectors[0].tolist() == [2.0, 1.0]
    assert vectors[1].tolist() == [5.0, 5.0]
    assert found.tolist() == [True, True, False]


def test_real_encoder_pieces_cover_the_words() -> None:
    from summarize.backends.encoder import load_encoder
    from summarize.framing.token_embeddings import encode_pieces

    text = "Unprovoked assaults continued."
    (pieces,) = encode_pieces(load_encoder().model, [text], layers=(5, 6))
    assert pieces.vectors.shape[1] == 2 * 384
    covered = {text[s:e].lower() for s, e in pieces.offsets}
    assert "continued" in covered or "continue" in "".join(covered)
    assert pieces.offsets.min() >= 0 and pieces.offsets.max() <= len(text)


def test_shipped_heads_load_without_pickle_and_are_small() -> None:
    for name in ("sentence.npz", "word.npz"):
        path = heads_dir() / name
        assert path.stat().st_size < 64_000
        head = load_head(path)
        assert 0.0 < head.threshold < 1.0
        assert head.coef.ndim == 1 and head.mean.shape == head.coef.shape
    assert load_head(heads_dir() / "word.npz").layers == (5, 6)


def test_head_round_trip_and_feature_check(tmp_path: Path) -> None:
    head = LinearHead(
        mean=np.zeros(3, np.float32),
        scale=np.ones(3, np.float32),
        coef=np.array([1.0, -1.0, 0.5], np.float32),
        intercept=0.1,
        threshold=0.4,
    )
    head.save(tmp_path / "h.npz")
    loaded = load_head(tmp_path / "h.npz")
    x = np.array([[1.0, 2.0, 3.0]], np.float32)
    assert loaded.probabilities(x) == pytest.approx(head.probabilities(x))
    with pytest.raises(ModelError, match="expects 3 features"):
        loaded.probabilities(np.zeros((1, 4), np.float32))
    with pytest.raises(ModelError, match="missing"):
        load_head(tmp_path / "absent.npz")


def test_missing_heads_fall_back_to_the_lexicon_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.framing.heads as heads

    def broken(folder: Path | None = None) -> heads.FramingHeads:
        raise ModelError("framing head missing; run models/framing_heads/train.py")

    monkeypatch.setattr(heads, "load_framing_heads", broken)
    ctx = Context(settings=Settings(analyses=("framing",), count_model_tokens=False))
    report = analyze("The regime's thugs launched an unprovoked assault. The bridge reopened.", context=ctx)
    section = report.framing
    assert section.scorer == "lexicon"
    assert any("lexicon only" in w for w in report.provenance.warnings)
    assert section.sentences[0].score > section.sentences[1].score
    assert section.sentences[0].biased and not section.sentences[1].biased
