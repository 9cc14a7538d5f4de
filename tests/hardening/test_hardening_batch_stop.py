"""Stopping a batch as people and schedulers stop it: real signals, real processes, time bounds.

Ctrl-C is sent to the whole process group, as a terminal sends it. The slow cases give the
workers a chunk of articles that takes far longer than the bounds (sentiment on 60 long
articles in one chunk), so waiting for the chunk would fail them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from hardening_helpers import ARTICLE

from summarize.errors import ExitCode

SUMMARIZE = str(Path(sys.executable).parent / "summarize")
FIRST_STOP_BOUND = 10.0  # seconds from the first Ctrl-C or SIGTERM to the exit
SECOND_STOP_BOUND = 2.0  # seconds from the second Ctrl-C to the exit
MESSAGE_BOUND = 1.0  # seconds from the first signal to the message saying what happens


class Run:
    """A `summarize batch` in its own process group, its stderr read line by line with times."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [SUMMARIZE, "batch", *args], cwd=cwd, env=env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.lines: list[tuple[float, str]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def signal_group(self, sig: int) -> float:
        os.killpg(self.proc.pid, sig)
        return time.monotonic()

    def signal_process(self, sig: int) -> float:
        self.proc.send_signal(sig)
        return time.monotonic()

    def wait(self, timeout: float) -> float:
        """Seconds waited for the exit; the whole group is killed if it is not done in time."""
        started = time.monotonic()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"the batch did not exit within {timeout:.0f} s; stderr: {self.stderr}")
        self._reader.join(timeout=5)
        return time.monotonic() - started

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def first_line_after(self, moment: float) -> tuple[float, str]:
        later = [(t - moment, line) for t, line in self.lines if t >= moment]
        assert later, f"nothing printed after the signal; stderr: {self.stderr}"
        return later[0]

    @property
    def stderr(self) -> str:
        return "\n".join(line for _, line in self.lines)

    def worker(self, timeout: float = 60.0) -> psutil.Process:
        main = psutil.Process(self.proc.pid)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            workers = [c for c in main.children() if "spawn_main" in " ".join(c.cmdline())]
            if workers:
                return workers[0]
            time.sleep(0.05)
        self.kill()
        pytest.fail("the pool's worker never started")


def record_ids(path: Path) -> list[str]:
    """The ids of RESULTS; fails unless every line is whole JSON ending in a newline."""
    if not path.exists():
        return []
    data = path.read_text(encoding="utf-8")
    assert data == "" or data.endswith("\n"), "a torn last line"
    return [json.loads(line)["id"] for line in data.splitlines()]


def long_articles(path: Path, count: int) -> Path:
    body = "\n\n".join([ARTICLE] * 6)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            text = f"{body}\n\nDispatch {i} was filed at noon."
            handle.write(json.dumps({"id": f"s{i:03d}", "text": text}))
            handle.write("\n")
    return path


def short_articles(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps({"id": f"a{i:04d}", "text": f"{ARTICLE}\n\nDispatch {i} filed at noon."}))
            handle.write("\n")
    return path


def busy_worker_run(tmp_path: Path) -> Run:
    """One worker busy with a chunk of 60 long articles, and nine more chunks to come, when this
    returns: however fast the encoder, the run cannot end within the bounds."""
    source = long_articles(tmp_path / "long.jsonl", 600)
    run = Run([str(source), "--out", "out.jsonl", "-j", "1", "--analyses", "sentiment",
               "--batch-size", "60"], cwd=tmp_path)
    worker = run.worker()
    deadline = time.monotonic() + 120
    # Past its start-up and model load (~1 s of CPU with the numpy encoder): into the chunk.
    while time.monotonic() < deadline and worker.cpu_times().user < 3.0:
        time.sleep(0.1)
    return run


@pytest.mark.slow
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm to the batch process", "sigterm to the group"])
def test_the_first_stop_signal_is_answered_at_once_and_the_batch_exits_within_10_s(
    tmp_path: Path, how: str
) -> None:
    run = busy_worker_run(tmp_path)
    try:
        if how == "ctrl-c":
            sent = run.signal_group(signal.SIGINT)
        elif how == "sigterm to the group":
            sent = run.signal_group(signal.SIGTERM)
        else:
            sent = run.signal_process(signal.SIGTERM)
        run.wait(timeout=60)
        took = time.monotonic() - sent
    finally:
        run.kill()
    delay, message = run.first_line_after(sent)
    assert delay <= MESSAGE_BOUND, (delay, message)
    assert "stopping" in message and "in flight" in message and "Rerun the same command" in message
    if how == "ctrl-c":
        assert "Ctrl-C again stops now" in message
    assert took <= FIRST_STOP_BOUND, f"{how}: exited {took:.1f} s after the signal"
    expected = ExitCode.INTERRUPTED if how == "ctrl-c" else ExitCode.TERMINATED
    assert run.proc.returncode == expected, run.stderr
    assert "Traceback" not in run.stderr
    assert "rerun the same command to resume" in run.stderr
    record_ids(tmp_path / "out.jsonl")  # every line whole


@pytest.mark.slow
def test_a_second_ctrl_c_exits_within_2_s_without_a_traceback(tmp_path: Path) -> None:
    run = busy_worker_run(tmp_path)
    try:
        run.signal_group(signal.SIGINT)
        time.sleep(1.0)
        second = run.signal_group(signal.SIGINT)
        run.wait(timeout=60)
        took = time.monotonic() - second
        _, message = run.first_line_after(second)
    finally:
        run.kill()
    assert took <= SECOND_STOP_BOUND, f"exited {took:.1f} s after the second Ctrl-C"
    assert run.proc.returncode == ExitCode.INTERRUPTED, run.stderr
    assert message.startswith("Ctrl-C again: stopping now")
    assert "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr
    record_ids(tmp_path / "out.jsonl")


@pytest.mark.slow
def test_ctrl_c_twice_on_a_pool_leaves_whole_records_and_the_rerun_resumes(tmp_path: Path) -> None:
    source = short_articles(tmp_path / "in.jsonl", 3000)
    command = [str(source), "--out", "out.jsonl", "-j", "2", "--analyses", "readability"]
    out = tmp_path / "out.jsonl"
    run = Run(command, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 50):
            time.sleep(0.01)
        first = run.signal_group(signal.SIGINT)
        time.sleep(0.2)
        run.signal_group(signal.SIGINT)
        run.wait(timeout=60)
        took = time.monotonic() - first
    finally:
        run.kill()
    assert took <= FIRST_STOP_BOUND
    assert run.proc.returncode == ExitCode.INTERRUPTED, run.stderr
    assert "Traceback" not in run.stderr
    stopped_at = len(record_ids(out))
    assert 50 <= stopped_at < 3000, "the run must be stopped mid-way"

    resumed = subprocess.run([SUMMARIZE, "batch", *command], cwd=tmp_path, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == ExitCode.OK, resumed.stderr
    assert f"{stopped_at} skipped" in resumed.stderr
    final = record_ids(out)
    assert sorted(final) == [f"a{i:04d}" for i in range(3000)]  # each id once


@pytest.mark.parametrize("stopped", [True, False], ids=["stopped", "completed"])
def test_a_stop_signal_after_the_runner_stopped_exits_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stopped: bool
) -> None:
    """A second Ctrl-C that lands after the runner has stopped (while the summary prints or the
    process exits) found Python's default handler and killed the process by the signal (exit
    -2). After a stop the batch command ignores further stop signals (Python's exit keeps an
    ignored signal ignored); after a complete run it gives the caller its own handlers back."""
    from typer.testing import CliRunner

    from summarize.batch import runner
    from summarize.batch.runner import BatchStats, StopOnInterrupt
    from summarize.cli.app import app

    def fake_run_local(items, writer, options, progress) -> BatchStats:
        writer.close()
        return BatchStats(stop_signal=signal.SIGINT if stopped else None)

    monkeypatch.setattr(runner, "run_local", fake_run_local)
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "The council met. It voted."}\n', encoding="utf-8")
    before = {sig: signal.getsignal(sig) for sig in StopOnInterrupt.SIGNALS}
    try:
        result = CliRunner().invoke(app, ["batch", str(source), "--out", str(tmp_path / "r.jsonl"), "-q"])
        after = {sig: signal.getsignal(sig) for sig in StopOnInterrupt.SIGNALS}
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
    assert result.exit_code == (ExitCode.INTERRUPTED if stopped else ExitCode.OK), result.output
    if stopped:
        assert all(handler is signal.SIG_IGN for handler in after.values())
    else:
        assert after == before


@pytest.mark.slow
def test_ctrl_c_held_down_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """Ctrl-C every 20 ms from mid-run to the exit reaches every moment of the stop (the
    runner's handlers, the closing summary, the interpreter's exit): the exit is always 130."""
    source = short_articles(tmp_path / "in.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    run = Run([str(source), "--out", "out.jsonl", "-j", "2", "--analyses", "readability"], cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 50):
            time.sleep(0.01)
        first = time.monotonic()
        while run.proc.poll() is None and time.monotonic() - first < FIRST_STOP_BOUND:
            run.signal_group(signal.SIGINT)
            time.sleep(0.02)
        run.wait(timeout=10)
    finally:
        run.kill()
    assert run.proc.returncode == ExitCode.INTERRUPTED, run.stderr
    assert "Traceback" not in run.stderr
    record_ids(out)
