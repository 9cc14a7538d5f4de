"""`summarize batch` end to end: resume after SIGKILL, exit codes, CSV and Parquet output."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from summarize.batch.row import column_names
from summarize.errors import ExitCode

from .conftest import ARTICLES, write_jsonl

SUMMARIZE = str(Path(sys.executable).parent / "summarize")


def corpus(path: Path, count: int) -> Path:
    """``count`` distinct articles (plus two repeats and one bad row) as JSONL."""
    texts = list(ARTICLES.values())
    rows: list[dict | str] = [
        {"id": f"a{i:04d}", "text": f"{texts[i % len(texts)]}\n\nDispatch {i} was filed at noon.",
         "n": i}
        for i in range(count)
    ]
    rows.insert(5, {"id": "again", "text": rows[1]["text"]})  # type: ignore[index]
    rows.insert(count // 2, {"id": "again-later", "text": rows[3]["text"]})  # type: ignore[index]
    rows.insert(7, "{broken")
    return write_jsonl(path, rows)


def batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SUMMARIZE, "batch", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def without_timings(path: Path) -> list[dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record.get("provenance", {}).pop("timings", None)
    return records


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_exit_when_the_batch_process_is_killed(tmp_path: Path, sig: signal.Signals) -> None:
    import psutil

    source = corpus(tmp_path / "in.jsonl", 4000)
    proc = subprocess.Popen(
        [SUMMARIZE, "batch", str(source), "--out", "run.jsonl", "-j", "2", "--analyses", "readability", "-q"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    main = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = [c for c in main.children() if "spawn_main" in " ".join(c.cmdline())]
        time.sleep(0.05)
    assert len(workers) == 2, "the pool's two workers should have started"
    proc.send_signal(sig)  # the batch process only, as `kill PID` does: not its process group
    proc.wait()
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, f"workers outlived the batch process: {alive}"


@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [False, True], ids=["batch-process", "process-group"])
def test_sigterm_stops_a_batch_cleanly_and_a_rerun_resumes(tmp_path: Path, whole_group: bool) -> None:
    source = corpus(tmp_path / "in.jsonl", 2000)
    command = [SUMMARIZE, "batch", str(source), "--out", "run.jsonl", "-j", "2", "--analyses", "readability"]
    out = tmp_path / "run.jsonl"
    proc = subprocess.Popen(
        command, cwd=tmp_path, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 20):
        time.sleep(0.005)
    if whole_group:  # what a scheduler does at a time limit: every process of the job
        os.killpg(proc.pid, signal.SIGTERM)
    else:  # `kill PID`
        proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.TERMINATED, stderr
    assert "stopped by SIGTERM (rerun the same command to resume)" in stderr and "Traceback" not in stderr
    data = out.read_text(encoding="utf-8")
    assert data.endswith("\n")
    stopped_at = len(ids(out))  # every line is whole JSON
    assert 20 <= stopped_at < 2003, "the run must be stopped mid-way"

    resumed = batch(*command[2:], "-q", cwd=tmp_path)
    assert resumed.returncode in (ExitCode.OK, ExitCode.BATCH_PARTIAL), resumed.stderr
    run_ids = ids(out)
    assert len(run_ids) == len(set(run_ids)) == 2003


@pytest.mark.slow
def test_resume_after_sigkill_gives_the_records_of_an_uninterrupted_run(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in.jsonl", 400)
    common = ["--analyses", "readability", "-q"]
    reference = batch(str(source), "--out", "ref.jsonl", "-j", "0", *common, cwd=tmp_path)
    assert reference.returncode == ExitCode.BATCH_PARTIAL, reference.stderr  # the broken row

    out = tmp_path / "run.jsonl"
    proc = subprocess.Popen(
        # Fresh workers every 100 articles: the kill may land while the pool is replaced.
        [SUMMARIZE, "batch", str(source), "--out", str(out), "-j", "2", "--recycle-after", "100", *common],
        cwd=tmp_path, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole job dies at once: no cleanup runs
    proc.wait()
    killed_at = len(ids(out))
    assert 20 <= killed_at < 403, "the run must be killed mid-way"
    with out.open("a", encoding="utf-8") as handle:  # and as if killed in the middle of a write
        handle.write('{"id": "a0399", "input": "in.j')

    resumed = batch(str(source), "--out", "run.jsonl", "-j", "2", "--recycle-after", "100",
                    "--analyses", "readability", cwd=tmp_path)
    assert resumed.returncode in (ExitCode.OK, ExitCode.BATCH_PARTIAL), resumed.stderr
    assert "torn by an earlier crash" in resumed.stderr
    assert f"{killed_at} skipped" in resumed.stderr
    run_ids = ids(out)
    assert len(run_ids) == len(set(run_ids)) == 403
    assert run_ids == ids(tmp_path / "ref.jsonl")
    assert without_timings(out) == without_timings(tmp_path / "ref.jsonl")
    records = {r["id"]: r for r in without_timings(out)}
    assert records["again"]["duplicate_of"] == "a0001"
    assert records["again-later"]["duplicate_of"] == "a0003"


@pytest.mark.slow
def test_csv_and_parquet_outputs_hold_the_same_rows(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in.jsonl", 6)
    for out in ("r.csv", "r.parquet"):
        done = batch(str(source), "--out", out, "-j", "0", "--analyses", "readability", cwd=tmp_path)
        assert done.returncode == ExitCode.BATCH_PARTIAL, done.stderr
        assert "6 ok, 2 duplicates, 1 errors" in done.stderr
    with (tmp_path / "r.csv").open(newline="", encoding="utf-8") as handle:
        csv_rows = list(csv.DictReader(handle))
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.column_names == column_names() == list(csv_rows[0])
    assert [r["id"] for r in csv_rows] == table.column("id").to_pylist()
    assert [r["status"] for r in csv_rows].count("ok") == 6
    for csv_row, grade, meta in zip(
        csv_rows, table.column("readability_grade").to_pylist(), table.column("metadata").to_pylist(),
        strict=True,
    ):
        assert (float(csv_row["readability_grade"]) if csv_row["readability_grade"] else None) == grade
        assert json.loads(csv_row["metadata"]) == json.loads(meta)
    assert {r["status"] for r in csv_rows} == {"ok", "duplicate", "error"}


def test_usage_errors_exit_2_before_any_work(tmp_path: Path) -> None:
    missing = batch("nope/*.txt", "--out", "r.jsonl", cwd=tmp_path)
    assert missing.returncode == ExitCode.USAGE and "no file matches" in missing.stderr
    (tmp_path / "a.txt").write_text("Text. More text.")
    bad_ext = batch("a.txt", "--out", "r.xlsx", cwd=tmp_path)
    assert bad_ext.returncode == ExitCode.USAGE and ".jsonl" in bad_ext.stderr
    assert not (tmp_path / "r.jsonl").exists()


def test_the_cli_default_recycle_count_is_the_runners() -> None:
    from summarize.batch.runner import BatchOptions
    from summarize.cli import batch_cmd

    assert BatchOptions().recycle_after == batch_cmd.DEFAULT_RECYCLE_AFTER


def test_the_cli_default_row_group_rows_is_the_writers() -> None:
    from summarize.batch.writers import DEFAULT_ROW_GROUP_ROWS
    from summarize.cli import batch_cmd

    assert batch_cmd.DEFAULT_ROW_GROUP_ROWS == DEFAULT_ROW_GROUP_ROWS


def test_batch_help_names_values_not_types() -> None:
    import re

    from typer.testing import CliRunner

    from summarize.cli.app import app

    result = CliRunner().invoke(app, ["batch", "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    type_name = re.compile(r"<(?:str|int|float|bool|path|list\[|[a-z]+ range)")
    assert type_name.search(result.output) is None, result.output
    assert "RESULTS" in result.output and "INPUT" in result.output


@pytest.mark.parametrize(
    ("extra", "out_name", "said"),
    [
        (["--ray-address", "localhost:6379"], "r.jsonl", "--engine ray"),
        (["--recycle-after", "50", "-j", "0"], "r.jsonl", "-j 0"),
        (["--recycle-after", "50", "--engine", "ray"], "r.jsonl", "--engine local"),
        (["--row-group-rows", "10"], "r.csv", "RESULTS.parquet"),
    ],
    ids=["ray-address-local", "recycle-no-workers", "recycle-ray", "row-groups-csv"],
)
def test_batch_options_that_would_change_nothing_are_refused(
    tmp_path: Path, extra: list[str], out_name: str, said: str
) -> None:
    """Each of these was silently ignored: now the run stops before any work, naming the fix."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "The council met. It voted."}])
    result = batch(str(source), "--out", str(tmp_path / out_name), *extra, cwd=tmp_path)
    assert result.returncode == ExitCode.USAGE, result.stderr
    assert said in result.stderr
    assert not (tmp_path / out_name).exists()
