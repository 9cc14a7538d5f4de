"""`--engine ray` on a local Ray instance gives the local engine's records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from summarize.batch.items import expand_inputs, iter_items
from summarize.batch.runner import BatchOptions, run_local
from summarize.batch.writers import open_writer
from summarize.inputs.settings import InputSettings
from summarize.settings import Settings

from .conftest import assert_same

ray = pytest.importorskip("ray", reason="the ray extra is not installed: pip install 'summarize[ray]'")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    import logging

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    yield
    ray.shutdown()


def records(path: Path) -> list[dict]:
    out = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in out:
        record.get("provenance", {}).pop("timings", None)
    return out


@pytest.mark.slow
def test_ray_engine_matches_the_local_engine(
    mixed_corpus: dict[str, Path], tmp_path: Path, local_ray: None
) -> None:
    from summarize.batch.ray_engine import run_ray

    inputs = expand_inputs([str(p) for p in mixed_corpus.values()])
    # Readability only keeps this test short (no model loads in the actors); the actor's
    # encoder path is tested without Ray below.
    settings = Settings(analyses=("readability",))
    local = run_local(
        iter_items(inputs), open_writer(tmp_path / "local.jsonl"), BatchOptions(settings=settings)
    )
    on_ray = run_ray(
        iter_items(inputs), open_writer(tmp_path / "ray.jsonl"),
        BatchOptions(settings=settings, workers=1, batch_articles=4),
    )
    assert (on_ray.ok, on_ray.duplicates, on_ray.errors) == (local.ok, local.duplicates, local.errors)
    # Same records; floats to 1e-3, as the engines batch the encoder differently.
    assert_same(records(tmp_path / "ray.jsonl"), records(tmp_path / "local.jsonl"))
    assert on_ray.ok >= 5 and on_ray.duplicates == 1 and on_ray.errors == 3


@pytest.mark.slow
def test_ray_actor_encodes_a_batch_and_matches_the_local_engine(
    mixed_corpus: dict[str, Path], tmp_path: Path
) -> None:
    """The actor class itself, called in this process: batch encoding across articles."""
    import dataclasses

    from summarize.batch.ray_engine import RayAnalyser
    from summarize.batch.records import Finished
    from summarize.batch.work import WorkerConfig

    inputs = expand_inputs([str(mixed_corpus["folder"]), str(mixed_corpus["jsonl"])])
    settings = Settings(analyses=("summary", "readability"))
    run_local(iter_items(inputs), open_writer(tmp_path / "local.jsonl"),
              BatchOptions(settings=settings, dedupe=False))
    actor = RayAnalyser(WorkerConfig(settings=replace(settings, input=InputSettings(max_chars=2_000_000))))
    batch = {"item": [json.dumps(dataclasses.asdict(i)) for i in iter_items(inputs)]}
    finished = [Finished(**json.loads(raw)) for raw in actor(batch)["finished"]]
    got = [json.loads(f.line) for f in finished]
    for record in got:
        record.get("provenance", {}).pop("timings", None)
    assert_same(got, records(tmp_path / "local.jsonl"))
    assert sum(f.kind == "ok" for f in finished) == 5
