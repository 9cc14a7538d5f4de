"""Ctrl-C: exit 130 with the one word `interrupted`, no traceback, nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hardening_helpers import ARTICLE
from typer.testing import CliRunner

from summarize.cli.app import app
from summarize.errors import ExitCode

runner = CliRunner()
SUMMARIZE = Path(sys.executable).with_name("summarize")


def test_ctrl_c_during_analysis_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "report.json"

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("summarize.pipeline.run_analyses", interrupted)
    result = runner.invoke(app, ["report", str(article), "-f", "json", "-o", str(out)])
    assert result.exit_code == ExitCode.INTERRUPTED
    assert result.stderr.strip() == "interrupted"
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [article]


class _HangingHandler(BaseHTTPRequestHandler):
    """Answers only when released, and tells the test the request arrived."""

    arrived = threading.Event()
    release = threading.Event()

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        type(self).arrived.set()
        type(self).release.wait(30)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(ARTICLE.encode())


@pytest.fixture()
def hanging_url() -> Iterator[str]:
    _HangingHandler.arrived.clear()
    _HangingHandler.release.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _HangingHandler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/article"
    finally:
        _HangingHandler.release.set()
        httpd.shutdown()
        httpd.server_close()


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not SUMMARIZE.exists(), reason="the console script is not installed in this environment")
def test_sigint_to_a_running_summarize_process_exits_130(hanging_url: str, tmp_path: Path) -> None:
    """A real SIGINT to the real entry point, sent once it is provably mid-run (waiting on the URL)."""
    out = tmp_path / "report.json"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    env.pop("SUMMARIZE_DEBUG", None)
    process = subprocess.Popen(
        [str(SUMMARIZE), "report", hanging_url, "--timeout", "60", "-f", "json", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        # A shell starts a command with SIGINT at its default; a child inherits an ignored SIGINT
        # (and Python then installs no KeyboardInterrupt handler), so start it as a shell would,
        # whatever an earlier test left in this process.
        preexec_fn=_default_sigint,
    )
    try:
        assert _HangingHandler.arrived.wait(60), "summarize never requested the URL"
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == ExitCode.INTERRUPTED, stderr
    assert stderr.strip() == "interrupted"
    assert stdout == ""
    assert "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not SUMMARIZE.exists(), reason="the console script is not installed in this environment")
def test_sigint_to_a_batch_leaves_only_complete_lines_and_resumes(tmp_path: Path) -> None:
    import json
    import time

    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for i in range(300):
            handle.write(
                json.dumps({"id": f"a{i:03d}", "text": f"{ARTICLE}\n\nDispatch {i} filed at noon."}) + "\n"
            )
    out = tmp_path / "out.jsonl"
    command = [
        str(SUMMARIZE),
        "batch",
        str(source),
        "--out",
        str(out),
        "-j",
        "0",
        "--analyses",
        "readability",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 3):
            time.sleep(0.01)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == ExitCode.INTERRUPTED, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    data = out.read_text(encoding="utf-8")
    assert data.endswith("\n")
    done = [json.loads(line)["id"] for line in data.splitlines()]  # every line is whole JSON
    assert 3 <= len(done) < 300, "the run must be interrupted mid-way"
    resumed = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert resumed.returncode == ExitCode.OK, resumed.stderr
    final = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(final) == [f"a{i:03d}" for i in range(300)]
