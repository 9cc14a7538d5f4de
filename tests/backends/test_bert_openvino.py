"""The numpy runtime's forward pass on OpenVINO (the batch default where the CPU has bf16 units),
on the real bundled MiniLM, and how the runtime is chosen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.backends import encoder as encoder_module
from summarize.backends.bert_numpy import NumpySentenceEncoder
from summarize.backends.encoder import encoder_runtime, resolve_encoder

pytest.importorskip("openvino")

from summarize.backends.bert_openvino import PAD_TO, ROWS_PER_RUN, _calls
from tests.backends.encoder_texts import TEXTS


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(resolve_encoder("minilm")[0])


@pytest.fixture(scope="module")
def reference(folder: Path) -> NumpySentenceEncoder:
    return NumpySentenceEncoder(folder)


@pytest.fixture(scope="module")
def openvino(folder: Path) -> NumpySentenceEncoder:
    return NumpySentenceEncoder(folder, forward="openvino")


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a, b = a.astype(np.float64), b.astype(np.float64)
    norms = np.maximum(np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1), 1e-12)
    return np.asarray((a * b).sum(1) / norms)


def test_openvino_states_match_numpy(reference: NumpySentenceEncoder, openvino: NumpySentenceEncoder) -> None:
    # bf16 products where the CPU has them (cosine ~0.9999), fp32 elsewhere (~1 - 1e-7).
    floor = 0.999 if openvino.runner.precision == "bf16" else 0.99999  # type: ignore[union-attr]
    expected, expected_states = reference.encode_states(TEXTS, layers=(-1, 4))
    got, got_states = openvino.encode_states(TEXTS, layers=(-1, 4))
    assert np.all(cosines(expected, got) > floor)
    for a, b in zip(expected_states, got_states, strict=True):
        assert np.array_equal(a.offsets, b.offsets) and np.array_equal(a.special, b.special)
        for k in (-1, 4):
            assert a.layers[k].shape == b.layers[k].shape
            if len(a.layers[k]):
                assert cosines(a.layers[k], b.layers[k]).min() > floor


def test_a_texts_states_do_not_depend_on_the_texts_padded_and_run_with_it(
    openvino: NumpySentenceEncoder,
) -> None:
    alone, alone_states = openvino.encode_states(TEXTS[:1], layers=(-1,))
    # Same padded width (PAD_TO), other lengths, and many of them: other call shapes.
    company = [TEXTS[0], "The council met on Monday.", "The council approved it.", *TEXTS[1:3] * 9]
    together, together_states = openvino.encode_states(company, layers=(-1,))
    assert cosines(alone, together[:1])[0] > 0.9999
    assert cosines(alone_states[0].layers[-1], together_states[0].layers[-1]).min() > 0.9999


@given(st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=80))
def test_calls_cover_every_text_once_in_padded_power_of_two_groups(raw: list[int]) -> None:
    lengths = sorted(raw)
    calls = _calls(lengths)
    seen = sorted(i for texts, _ in calls for i in texts)
    assert seen == list(range(len(lengths)))
    for texts, width in calls:
        assert width % PAD_TO == 0
        assert all(width - PAD_TO < lengths[i] <= width for i in texts)
        assert len(texts) & (len(texts) - 1) == 0  # a power of two
        assert len(texts) == 1 or len(texts) * width <= ROWS_PER_RUN


def test_a_batch_runs_openvino_where_the_cpu_has_bf16_and_one_article_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SUMMARIZE_ENCODER_RUNTIME", raising=False)
    monkeypatch.setattr(encoder_module, "openvino_has_bf16", lambda: True)
    assert encoder_runtime("batch") == "openvino"
    assert encoder_runtime("article") == "numpy"
    monkeypatch.setattr(encoder_module, "openvino_has_bf16", lambda: False)
    assert encoder_runtime("batch") == "numpy"
    monkeypatch.setenv("SUMMARIZE_ENCODER_RUNTIME", "numpy")  # the user's choice wins
    monkeypatch.setattr(encoder_module, "openvino_has_bf16", lambda: True)
    assert encoder_runtime("batch") == "numpy"
    monkeypatch.setenv("SUMMARIZE_ENCODER_RUNTIME", "OpenVINO")
    assert encoder_runtime("article") == "openvino"


def test_the_batch_and_article_encoders_are_cached_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZE_ENCODER_RUNTIME", raising=False)
    monkeypatch.setattr(encoder_module, "_CACHE", {})
    monkeypatch.setattr(encoder_module, "openvino_has_bf16", lambda: True)
    batch = encoder_module.load_encoder(purpose="batch")
    assert type(batch.model.runner).__name__ == "OvBert"
    assert batch.provenance == f"{batch.source} · runtime: OpenVINO, {batch.model.runner.precision} products"
    assert encoder_module.source_without_runtime(batch.provenance) == batch.source
    assert encoder_module.load_encoder(purpose="batch") is batch
    article = encoder_module.load_encoder()
    assert type(article.model.runner).__name__ == "NumpyBert" and article.provenance == article.source


def test_the_bf16_check_answers_without_raising() -> None:
    assert isinstance(encoder_module.openvino_has_bf16(), bool)
