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


def test_the_default_limit_refuses_up_front_and_states_the_measured_cost(tmp_path: Path) -> None:
    """The figures in the refusal are the ones bench/large_input.py measured at the default limit."""
    import json

    from summarize.inputs import read

    measured = json.loads((Path(__file__).resolve().parents[2] / "bench" / "results" / "large_input.json")
                          .read_text(encoding="utf-8"))
    at_limit = next(r for r in measured["rows"] if r["megabytes"] * 1_000_000 == read.DEFAULT_MAX_CHARS)
    assert round(at_limit["cpu_s_per_mb"]) == read.REPORT_CPU_SECONDS_PER_MB
    assert round(at_limit["peak_rss_mb"]) == read.REPORT_PEAK_MEMORY_MB
    assert read.REPORT_PEAK_MEMORY_MB < 2_000  # the documented memory bound (docs/errors.md)

    path = tmp_path / "long.txt"
    path.write_text("The council met again today. " * (read.DEFAULT_MAX_CHARS // 29 + 10), encoding="utf-8")
    result = _run("report", str(path))
    assert result.returncode == 3 and result.stdout == ""
    message = result.stderr.strip()
    assert message.count("\n") == 0 and "too large" in message
    assert f"{read.REPORT_CPU_SECONDS_PER_MB:,} s of CPU per MB" in message
    assert f"{read.REPORT_PEAK_MEMORY_MB:,} MB of memory" in message
    assert "--max-chars" in message and "progress is shown per stage" in message
