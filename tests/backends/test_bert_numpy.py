"""The torch-free encoder runtime against the sentence-transformers reference, on the real bundled MiniLM."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from summarize.backends.bert_numpy import NumpySentenceEncoder, _gelu, numpy_runtime_reads
from summarize.backends.encoder import load_encoder, resolve_encoder

# Written for these tests: short, long, odd punctuation, accents, numbers, a word split in pieces.
TEXTS = [
    "The council approved the budget on Monday.",
    "Critics called the so-called reform an unprovoked assault on the city's poorest residents, "
    "and the mayor's office said it would review the plan before the vote in March.",
    "Zoë's café — “fine”, she said (really?) — reopened at 9:30 a.m.",
    "Antidisestablishmentarianism!",
    "Yes.",
    "",
]


@pytest.fixture(scope="module")
def folder() -> Path:
    target, _, source = resolve_encoder("minilm")  # verifies the pinned sha256
    assert source.startswith("package:")
    return Path(target)


def test_default_encoder_runs_on_numpy(folder: Path) -> None:
    assert numpy_runtime_reads(folder)
    assert load_encoder().runtime == "numpy"


@pytest.mark.slow
def test_vectors_and_hidden_layers_match_the_reference(folder: Path) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    model = NumpySentenceEncoder(folder)
    vectors, states = model.encode_states(TEXTS, layers=(5, 6, -1))
    reference = SentenceTransformer(str(folder), device="cpu")
    expected = reference.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    cosine = (vectors * expected).sum(axis=1)
    assert cosine.min() >= 0.9999, cosine
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # The hidden layers framing's word head reads, token by token, against transformers' own.
    tokenizer, auto_model = reference.tokenizer, reference[0].auto_model
    for text, state in zip(TEXTS, states, strict=True):
        batch = tokenizer([text], return_tensors="pt", truncation=True, max_length=256)
        with torch.inference_mode():
            hidden = auto_model(**batch, output_hidden_states=True).hidden_states
        assert state.offsets.shape == (batch["input_ids"].shape[1], 2)
        assert state.special[0] and state.special[-1] and not state.special[1:-1].any()
        for layer in (5, 6, -1):
            np.testing.assert_allclose(state.layers[layer], hidden[layer][0].numpy(), atol=2e-4)


def test_offsets_point_at_the_words(folder: Path) -> None:
    model = NumpySentenceEncoder(folder)
    text = TEXTS[2]
    _, (state,) = model.encode_states([text], layers=(-1,))
    pieces = [
        text[a:b]
        for (a, b), special in zip(state.offsets.tolist(), state.special, strict=True)
        if not special
    ]
    assert "caf" in "".join(pieces) and "9" in pieces


def test_long_texts_are_truncated_like_the_reference(folder: Path) -> None:
    model = NumpySentenceEncoder(folder)
    long_text = "word " * 600
    assert model.token_count(long_text) == 602
    _, (state,) = model.encode_states([long_text], layers=(-1,))
    assert len(state.offsets) == 256


def test_exact_gelu() -> None:
    import math

    x = np.linspace(-8, 8, 2001, dtype=np.float32)
    expected = np.array([v * 0.5 * (1 + math.erf(v / math.sqrt(2))) for v in x.tolist()])
    np.testing.assert_allclose(_gelu(x.copy()), expected, atol=1e-6)


def test_a_folder_the_runtime_cannot_read_is_left_to_torch(tmp_path: Path, folder: Path) -> None:
    config = json.loads((folder / "config.json").read_text())
    (tmp_path / "config.json").write_text(json.dumps(config | {"model_type": "roberta"}))
    for name in ("model.safetensors", "tokenizer.json", "modules.json"):
        (tmp_path / name).symlink_to(folder / name)
    (tmp_path / "1_Pooling").symlink_to(folder / "1_Pooling")
    assert not numpy_runtime_reads(tmp_path)


def test_finishing_from_the_last_block_input_gives_the_sentence_vectors(folder: Path) -> None:
    """Sentiment's word weights re-run only the last block from the states entering it."""
    model = NumpySentenceEncoder(folder)
    texts = [t for t in TEXTS if t]
    vectors, states = model.encode_states(texts, layers=(-2,))
    finished = model.encode_from_layer([s.layers[-2] for s in states], -2)
    np.testing.assert_allclose(finished, vectors, atol=1e-5)
    # From the last layer nothing is re-run: the states are only pooled.
    _, last = model.encode_states(texts, layers=(-1,))
    np.testing.assert_allclose(model.encode_from_layer([s.layers[-1] for s in last], -1), vectors, atol=1e-5)
    assert model.encode_from_layer([], -2).shape == (0, 384)


def test_a_shorter_token_sequence_runs_the_last_block_on_what_is_left(folder: Path) -> None:
    """Tokens taken out of the last block's input change the other tokens' last states too."""
    model = NumpySentenceEncoder(folder)
    _, (state,) = model.encode_states([TEXTS[1]], layers=(-2, -1))
    without = np.delete(state.layers[-2], [3, 4], axis=0)
    vector = model.encode_from_layer([without], -2)[0]
    # not the same as dropping those tokens from the last layer's states
    dropped = np.delete(state.layers[-1], [3, 4], axis=0).mean(axis=0)
    dropped /= np.linalg.norm(dropped)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    assert float(vector @ dropped) < 0.99999
    assert float(vector @ dropped) > 0.9
