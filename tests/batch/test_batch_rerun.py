"""Reruns as people make them: after fixing an option, after errors, after a late Ctrl-C;
and what the batch tells them as it goes (progress rate and ETA, which files it took)."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from typer.testing import CliRunner

from summarize.batch.items import iter_items
from summarize.batch.records import Finished
from summarize.batch.runner import BatchOptions, Progress, run_local
from summarize.batch.writers import open_writer
from summarize.cli.app import app
from summarize.errors import ExitCode
from summarize.settings import Settings

from .conftest import ARTICLES, write_jsonl

runner = CliRunner()
FAST = ["-j", "0", "--analyses", "readability"]


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_rerun_with_the_right_text_field_redoes_the_errors_the_wrong_one_made(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl", [{"id": f"r{i}", "body": text} for i, text in enumerate(ARTICLES.values())]
    )
    out = tmp_path / "out.jsonl"
    wrong = runner.invoke(app, ["batch", str(source), "--out", str(out), *FAST])
    assert wrong.exit_code == ExitCode.BATCH_FAILED, wrong.output
    assert all("--text-field" in r["error"] for r in records(out))

    # The same wrong setting again: nothing new to write, and the exit code still says so.
    again = runner.invoke(app, ["batch", str(source), "--out", str(out), *FAST])
    assert again.exit_code == ExitCode.BATCH_FAILED, again.output
    assert len(records(out)) == 4
    assert "--retry-errors" in again.stderr

    fixed = runner.invoke(app, ["batch", str(source), "--out", str(out), "--text-field", "body", *FAST])
    assert fixed.exit_code == ExitCode.OK, fixed.output
    assert "4 ok" in fixed.stderr and "4 earlier errors retried" in fixed.stderr
    last = {r["id"]: r for r in records(out)}  # readers take the last record of an id
    assert all("error" not in r and r["readability"] for r in last.values())

    done = runner.invoke(app, ["batch", str(source), "--out", str(out), "--text-field", "body", *FAST])
    assert done.exit_code == ExitCode.OK and "4 skipped" in done.stderr
    assert len(records(out)) == 8


def test_a_rerun_keeping_errors_no_option_can_fix_exits_non_zero_with_the_retry_command(
    tmp_path: Path,
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "m1", "text": ARTICLES["match"]}, "{broken"])
    out = tmp_path / "out.jsonl"
    first = runner.invoke(app, ["batch", str(source), "--out", str(out), *FAST])
    assert first.exit_code == ExitCode.BATCH_PARTIAL
    rerun = runner.invoke(app, ["batch", str(source), "--out", str(out), *FAST])
    assert rerun.exit_code == ExitCode.BATCH_PARTIAL, rerun.output
    assert "2 skipped" in rerun.stderr
    hint = rerun.stderr.strip().splitlines()[-1]
    assert f"1 of the skipped ids are errors from an earlier run ({source.as_posix()}:2)" in hint
    assert hint.endswith(f"summarize batch {source} --out {out} --retry-errors")
    assert len(records(out)) == 2


class SignalOnLastRecord(Progress):
    """Sends this process Ctrl-C just as the last record is written: a late Ctrl-C."""

    def __init__(self, total: int) -> None:
        self.left = total

    def advance(self, finished: Finished) -> None:
        self.left -= 1
        if self.left == 0:
            os.kill(os.getpid(), signal.SIGINT)


def test_a_ctrl_c_after_the_last_article_is_not_reported_as_an_interruption(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": k, "text": t} for k, t in ARTICLES.items()])
    stats = run_local(
        iter_items([source]), open_writer(tmp_path / "out.jsonl"),
        BatchOptions(settings=Settings(analyses=("readability",)), workers=0),
        SignalOnLastRecord(len(ARTICLES)),
    )
    assert stats.ok == len(ARTICLES)
    assert not stats.interrupted and stats.late_signal == signal.SIGINT
    assert stats.exit_code() is ExitCode.OK

    from summarize.cli.batch_cmd import closing_summary

    summary = closing_summary(stats, tmp_path / "out.jsonl")
    assert "interrupted" not in summary and "nothing left to do" in summary


def test_the_progress_rate_and_eta_come_from_finished_articles(tmp_path: Path) -> None:
    from summarize.batch.progress import RichProgress

    now = [0.0]
    progress = RichProgress(total=100, get_time=lambda: now[0])
    record = Finished(id="x", kind="ok", content_sha256=None, line="{}", row={})
    now[0] = 20.0
    for _ in range(32):  # a chunk's records arrive together, 20 s after the start
        progress.advance(record)
    line = progress.rendered()
    assert "32/100" in line
    assert "1.60/s" in line  # 32 articles in 20 s, not the burst's near-instant rate
    assert "ETA 0:00:42" in line  # 68 left at 1.6/s
    now[0] = 40.0  # no records for 20 s more: the rate falls and the ETA grows
    line = progress.rendered()
    assert "0.80/s" in line and "ETA 0:01:25" in line


def test_the_summary_says_which_folder_files_were_taken_and_which_left_out(tmp_path: Path) -> None:
    folder = tmp_path / "samples"
    folder.mkdir()
    (folder / "README.md").write_text("# Samples\n\nArticles written for the tests.", encoding="utf-8")
    (folder / "storm.txt").write_text(ARTICLES["storm"], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), *FAST])
    assert result.exit_code == ExitCode.OK, result.output
    assert [r["id"] for r in records(out)] == [f"{folder.as_posix()}/storm.txt"]
    assert (
        f"from folders: 1 files taken, 1 left out as not articles ({folder.as_posix()}/README.md; "
        "--all-files takes them)"
    ) in result.stderr
