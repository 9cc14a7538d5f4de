"""The numpy runtime's forward pass on ONNX Runtime, on the real bundled MiniLM (opt-in runtime)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from summarize.backends.bert_numpy import NumpySentenceEncoder
from summarize.backends.encoder import resolve_encoder
from tests.backends.encoder_texts import TEXTS


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(resolve_encoder("minilm")[0])


def test_onnx_forward_matches_numpy_and_is_cached_with_its_hash(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarize.backends.verify import sha256_of

    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(cache))
    reference = NumpySentenceEncoder(folder)
    encoder = NumpySentenceEncoder(folder, forward="onnx")
    [record_file] = list((cache / "onnx").glob("*.json"))
    record = json.loads(record_file.read_text())
    model_file = record_file.with_suffix(".onnx")
    assert record["source_sha256"] == sha256_of(folder / "model.safetensors")
    assert record["onnx_sha256"] == sha256_of.__wrapped__(model_file)
    assert record["min_token_cosine"] >= 0.999

    expected, expected_states = reference.encode_states(TEXTS, layers=(-1, 4))
    got, got_states = encoder.encode_states(TEXTS, layers=(-1, 4))
    assert np.all((expected * got).sum(axis=1) > 0.9999)
    for a, b in zip(expected_states, got_states, strict=True):
        assert np.array_equal(a.offsets, b.offsets)
        for k in (-1, 4):
            assert np.allclose(a.layers[k], b.layers[k], atol=1e-4)

    # A second load reads the cached file; one altered on disk is rebuilt.
    stamp = model_file.stat().st_mtime_ns
    NumpySentenceEncoder(folder, forward="onnx")
    assert model_file.stat().st_mtime_ns == stamp
    with model_file.open("ab") as handle:
        handle.write(b"\0")
    again = NumpySentenceEncoder(folder, forward="onnx")
    assert sha256_of.__wrapped__(model_file) == json.loads(record_file.read_text())["onnx_sha256"]
    assert np.allclose(again.encode(TEXTS[:2]), expected[:2], atol=1e-5)


def test_the_environment_selects_the_onnx_runtime(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.backends.encoder import encoder_runtime

    monkeypatch.delenv("SUMMARIZE_ENCODER_RUNTIME", raising=False)
    assert encoder_runtime() == "numpy"
    monkeypatch.setenv("SUMMARIZE_ENCODER_RUNTIME", "ONNX")
    assert encoder_runtime() == "onnx"
    monkeypatch.setenv("SUMMARIZE_ENCODER_RUNTIME", "numpy")
    assert encoder_runtime() == "numpy"


def test_a_cached_graph_loads_without_the_numpy_weights_and_a_garbled_record_is_rebuilt(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path))
    built = NumpySentenceEncoder(folder, forward="onnx")
    expected = built.encode(TEXTS[:3])
    cached = NumpySentenceEncoder(folder, forward="onnx")
    assert cached._bert is None  # the graph came from the cache: numpy weights never read
    assert np.array_equal(cached.encode(TEXTS[:3]), expected)

    [record_file] = list((tmp_path / "onnx").glob("*.json"))
    record_file.write_text('{"source_sha256": ')  # torn by a kill mid-write
    rebuilt = NumpySentenceEncoder(folder, forward="onnx")
    assert rebuilt._bert is not None  # rebuilt from the weights and checked against numpy
    assert json.loads(record_file.read_text())["min_token_cosine"] >= 0.999
    assert np.array_equal(rebuilt.encode(TEXTS[:3]), expected)


def test_a_read_only_cache_runs_the_checked_graph_from_memory(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(blocked))
    encoder = NumpySentenceEncoder(folder, forward="onnx")
    reference = NumpySentenceEncoder(folder, forward="numpy")
    assert np.all((encoder.encode(TEXTS) * reference.encode(TEXTS)).sum(axis=1) > 0.9999)
