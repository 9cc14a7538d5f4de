"""Long inputs: progress per stage on standard error, and a default limit that says what a MB costs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli.stages import PROGRESS_FROM_CHARS


def _long_text(samples: list[Path], chars: int) -> str:
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in samples]
    text = ""
    while len(text) < chars:
        text += "\n\n".join(bodies) + "\n\n"
    return text[:chars]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory, samples: list[Path]) -> Path:
    path = tmp_path_factory.mktemp("long") / "long.txt"
    path.write_text(_long_text(samples, PROGRESS_FROM_CHARS + 5_000), encoding="utf-8")
    return path


def test_a_long_input_shows_each_stage_on_stderr(long_article: Path) -> None:
    result = _run("readability", str(long_article), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{")  # stdout stays clean JSON
    lines = result.stderr.splitlines()
    assert lines[0].startswith("summarize: long input: 0.10 MB")
    assert "summarize: [1/2] readability …" in lines
    done = [ln for ln in lines if ln.startswith("summarize: [1/2] readability done in ")]
    assert done and "peak memory" in done[0] and done[0].endswith(" MB")
    assert lines[-1].startswith("summarize: all stages done in ")


def test_a_usual_article_prints_no_progress(sample_path: Path) -> None:
    result = _run("readability", str(sample_path), "-f", "json")
    assert result.returncode == 0 and result.stderr == ""
