"""`summarize ... | head` stops quietly (exit 0, nothing on stderr), and `python -m summarize` works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory, samples: list[Path]) -> Path:
    """Well over a pipe buffer (64 KB) of output, so the writer meets the closed pipe."""
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in samples]
    path = tmp_path_factory.mktemp("pipes") / "long.txt"
    path.write_text("\n\n".join(bodies * 12), encoding="utf-8")
    return path


def _first_line_then_close(args: list[str]) -> tuple[int, str, bytes]:
    """Like `summarize ARGS | head -1`: read one line, close the pipe, wait."""
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", "replace")
    return process.wait(timeout=120), stderr, first


@pytest.mark.parametrize(
    "extra",
    [[], ["-f", "json"], ["-f", "markdown"]],
    ids=["rich-table", "json", "markdown"],
)
def test_tokens_into_a_closed_pipe_exits_quietly(long_article: Path, extra: list[str]) -> None:
    code, stderr, first = _first_line_then_close(["tokens", str(long_article), *extra])
    assert first  # it did write before the reader left
    assert code == 0, stderr
    assert stderr == ""


def test_readability_into_a_closed_pipe_exits_quietly(long_article: Path) -> None:
    code, stderr, _ = _first_line_then_close(["readability", str(long_article)])
    assert code == 0, stderr
    # A long input prints its per-stage progress there; nothing else (no pipe error) may follow.
    assert all(line.startswith("summarize: ") for line in stderr.splitlines()), stderr


def test_models_list_into_a_closed_pipe_exits_quietly() -> None:
    code, stderr, _ = _first_line_then_close(["models", "list"])
    assert (code, stderr) == (0, "")


def test_python_dash_m_summarize_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("summarize ")
