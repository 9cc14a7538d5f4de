"""The local engine on a small mixed corpus with the real analyses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.batch.items import expand_inputs, iter_items
from summarize.batch.row import FRAMING_CATEGORIES
from summarize.batch.runner import BatchOptions, run_local
from summarize.batch.writers import open_writer
from summarize.context import Context
from summarize.errors import ExitCode
from summarize.inputs.read import read_path
from summarize.pipeline import run_analyses
from summarize.settings import Settings

from .conftest import ARTICLES, assert_same

ANALYSES = ("summary", "sentiment", "framing", "readability")


def stable(record: dict) -> dict:
    """A record without what differs between two runs of the same work (timings)."""
    record = json.loads(json.dumps(record))
    if "provenance" in record:
        record["provenance"].pop("timings", None)
    return record


def run(
    inputs: list[Path], out: Path, analyses: tuple[str, ...] = ANALYSES, **options: object
) -> tuple[object, list[dict]]:
    settings = Settings(analyses=analyses)
    stats = run_local(
        iter_items(expand_inputs([str(p) for p in inputs])),
        open_writer(out),
        BatchOptions(settings=settings, **options),  # type: ignore[arg-type]
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    return stats, [json.loads(line) for line in lines]


@pytest.mark.slow
def test_mixed_inputs_give_reports_duplicates_and_error_records(
    mixed_corpus: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "results.jsonl"
    stats, records = run(list(mixed_corpus.values()), out, batch_articles=3)
    by_id = {r["id"]: r for r in records}
    folder = mixed_corpus["folder"].as_posix()
    jsonl = mixed_corpus["jsonl"].as_posix()
    assert [r["id"] for r in records] == [
        f"{folder}/bridge.txt", f"{folder}/empty.txt", f"{folder}/nested/bridge-copy.txt",
        f"{folder}/nested/council.md", f"{folder}/nested/storm.html", "m1", f"{jsonl}:2", "x2", "c1",
    ]
    # A result is the `summarize report` JSON plus id, input, content hash and metadata.
    bridge = by_id[f"{folder}/bridge.txt"]
    settings = Settings(analyses=ANALYSES)
    report = run_analyses(read_path(Path(bridge["input"])), Context(settings=settings)).to_dict()
    # Embeddings computed in one batch across articles match the article's own (to float noise).
    assert_same(stable(bridge), stable(
        {"id": bridge["id"], "input": bridge["input"], "content_sha256": bridge["content_sha256"],
         "metadata": {}, **report}
    ))
    assert all(bridge[name] is not None for name in ANALYSES)
    assert by_id["m1"]["metadata"] == {"outlet": "Daily", "year": 2024}
    assert by_id["c1"]["metadata"] == {"outlet": "Weekly"}
    assert by_id["c1"]["source"]["location"] == f"{mixed_corpus['csv'].as_posix()}:1"
    # The same text under another name is recorded as a duplicate, not analysed again.
    copy = by_id[f"{folder}/nested/bridge-copy.txt"]
    assert copy["duplicate_of"] == f"{folder}/bridge.txt"
    assert copy["content_sha256"] == bridge["content_sha256"]
    assert not set(ANALYSES) & set(copy)
    # Bad articles become error records {id, input, error} without analysis sections.
    for bad in (f"{folder}/empty.txt", f"{jsonl}:2", "x2"):
        assert set(by_id[bad]) == {"id", "input", "error", "metadata"}
    assert "empty" in by_id[f"{folder}/empty.txt"]["error"]
    # Framing categories found are all columns of the flat row.
    for record in records:
        assert set((record.get("framing") or {}).get("categories", {})) <= set(FRAMING_CATEGORIES)
    assert (stats.ok, stats.duplicates, stats.errors) == (5, 1, 3)
    assert stats.exit_code() is ExitCode.BATCH_PARTIAL


@pytest.mark.slow
def test_rerun_skips_done_ids_and_retry_errors_reruns_only_errors(
    mixed_corpus: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "results.jsonl"
    inputs = [mixed_corpus["folder"]]
    first, _ = run(inputs, out, ("readability",))
    again, records = run(inputs, out, ("readability",))
    assert (again.done, again.skipped, again.skipped_errors) == (0, first.done, 1)
    # The empty file's error record is kept, not redone: the rerun does not report success.
    assert again.exit_code() is ExitCode.BATCH_PARTIAL
    (mixed_corpus["folder"] / "empty.txt").write_text("Now it has text. And a second sentence.")
    retried, records = run(inputs, out, ("readability",), retry_errors=True)
    assert (retried.ok, retried.skipped) == (1, first.done - 1)
    ids = [r["id"] for r in records]
    assert ids.count(f"{mixed_corpus['folder'].as_posix()}/empty.txt") == 2  # error, then result


def test_all_articles_failing_is_batch_failed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("   \n")
    stats, records = run([tmp_path], tmp_path / "out.jsonl", ("readability",))
    assert stats.exit_code() is ExitCode.BATCH_FAILED
    assert [set(r) for r in records] == [{"id", "input", "error", "metadata"}] * 2


@pytest.mark.slow
def test_recycled_workers_write_the_same_records_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarize.batch import runner

    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = list(ARTICLES.values())
    for i in range(10):
        (folder / f"{i:02d}.txt").write_text(f"Article {i}. {texts[i % len(texts)]}", encoding="utf-8")
    pools: list[int] = []
    make_executor = runner.make_executor

    def counting_make_executor(options: BatchOptions) -> object:
        pools.append(options.workers)
        return make_executor(options)

    monkeypatch.setattr(runner, "make_executor", counting_make_executor)
    _, once = run([folder], tmp_path / "once.jsonl", ("readability",), workers=1, recycle_after=0)
    assert len(pools) == 1
    pools.clear()
    stats, recycled = run(
        [folder], tmp_path / "recycled.jsonl", ("readability",), workers=1, batch_articles=2,
        recycle_after=3,
    )
    # Rounds of 2 articles, replaced once 3 (so 4) were sent: after articles 4 and 8; not at
    # the end, when nothing is left to do.
    assert len(pools) == 3
    assert [r["id"] for r in recycled] == [r["id"] for r in once] == [
        f"{folder.as_posix()}/{i:02d}.txt" for i in range(10)
    ]
    assert [stable(r) for r in recycled] == [stable(r) for r in once]
    assert (stats.ok, stats.errors) == (10, 0)
