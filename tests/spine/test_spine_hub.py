"""Hub ids fail fast and clearly when the hub cannot be reached and nothing is cached."""

from __future__ import annotations

import time

import pytest

from summarize.backends import hub
from summarize.errors import ModelError


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    hub.hub_reachable.cache_clear()
    yield
    hub.hub_reachable.cache_clear()


def test_offline_uncached_hub_id_raises_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(ModelError, match="not in the local Hugging Face cache"):
        hub.hub_load_mode("nobody/no-such-model", "summaries", fix="run: summarize models pull x")
    assert time.perf_counter() - started < 2


def test_offline_cached_hub_id_loads_from_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub, "is_cached", lambda model_id: True)
    assert hub.hub_load_mode("somebody/cached-model", "summaries") is True


def test_encoder_hub_id_offline_is_a_model_error() -> None:
    from summarize.backends.encoder import load_encoder

    with pytest.raises(ModelError, match="nobody/no-such-encoder"):
        load_encoder("nobody/no-such-encoder")
