"""Worker set-up: native caches capped, freed heap handed back, the batch process watched."""

from __future__ import annotations

import os
import signal

import pytest

from summarize.batch import work
from summarize.batch.work import ONEDNN_CACHE_CAPACITY, WorkerConfig, init_worker, release_memory
from summarize.inputs.settings import InputSettings
from summarize.settings import Settings

CACHE_VAR = "ONEDNN_PRIMITIVE_CACHE_CAPACITY"


@pytest.fixture
def restore_worker(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(CACHE_VAR, raising=False)
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.setenv(name, os.environ.get(name, "1"))
    handler = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(work, "_CONFIG", None)
    yield
    signal.signal(signal.SIGINT, handler)


@pytest.mark.parametrize("pool_worker", [True, False])
def test_init_worker_caps_the_onednn_kernel_cache_and_watches_the_parent(
    restore_worker: None, monkeypatch: pytest.MonkeyPatch, pool_worker: bool
) -> None:
    watched: list[int | None] = []
    monkeypatch.setattr(work, "exit_with_parent", watched.append)
    config = WorkerConfig(settings=Settings(input=InputSettings(max_chars=1000)))
    init_worker(config, ignore_sigint=pool_worker, parent=4242)
    assert os.environ[CACHE_VAR] == ONEDNN_CACHE_CAPACITY
    # Only a pool worker watches the batch process (inline, it is the batch process).
    assert watched == ([4242] if pool_worker else [])


def test_init_worker_keeps_a_capacity_the_user_set(
    restore_worker: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VAR, "512")
    init_worker(WorkerConfig(settings=Settings(input=InputSettings(max_chars=1000))), ignore_sigint=False)
    assert os.environ[CACHE_VAR] == "512"


def test_release_memory_runs_without_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes.util

    release_memory()  # on glibc: malloc_trim
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    release_memory()  # elsewhere: a no-op, not an error


def test_a_prepared_article_survives_the_pickles_and_its_row_matches_the_record() -> None:
    """What crosses processes comes back equal, and the row a worker makes from its report is
    the row the record itself gives (figures rounded as the JSON rounds them)."""
    import json
    import pickle
    from pathlib import Path

    from summarize.batch.items import BatchItem
    from summarize.batch.row import flat_row
    from summarize.batch.work import analyse, prepare

    text = (Path(__file__).resolve().parents[2] / "samples" / "01-harborview-transit-vote.txt").read_text()
    config = WorkerConfig(settings=Settings(input=InputSettings(max_chars=100_000)))
    prepared = prepare(BatchItem(id="a", input="a", text=text), config)
    assert prepared.doc is not None
    back = pickle.loads(pickle.dumps(prepared))
    assert back.doc == prepared.doc and back.doc.tokens[3] == prepared.doc.tokens[3]
    finished = analyse(back, config=config)
    assert finished.kind == "ok"
    assert finished.row == flat_row(json.loads(finished.line))
    assert isinstance(finished.row["readability_grade"], float)
