"""No option is silently ignored: one that would change nothing is refused with the fix, before any work."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli.app import app
from summarize.errors import ExitCode

runner = CliRunner()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("The council met on Monday. It approved the budget. " * 10, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "fix"),
    [
        (["summary", "{a}", "--model", "does/not-exist"], "add --method abstractive"),
        (["report", "{a}", "--model", "smollm2"], "add --method abstractive"),
        (["summary", "{a}", "--strict"], "add --method abstractive"),
        (["summary", "{a}", "--encoder", "other-encoder"], "drop --encoder"),
        (["report", "{a}", "--analyses", "readability", "--encoder", "x"], "drop --encoder"),
        (["report", "{a}", "--analyses", "readability", "--sentences", "2"], "add summary to --analyses"),
        (["report", "{a}", "--analyses", "readability", "--method", "hybrid"], "add summary to --analyses"),
        (["report", "{a}", "--analyses", "summary", "--lexicon", "x.yaml"], "add framing to --analyses"),
        (["report", "{a}", "--analyses", "framing", "--sentiment-backend", "vader"],
         "add sentiment to --analyses"),
        (["sentiment", "{a}", "--sentiment-model", "some/model"], "--sentiment-backend hf"),
        (["readability", "{a}", "--force"], "add -o FILE"),
        (["tokens", "{a}", "--force"], "add -o FILE"),
        (["compare", "{a}", "{a}", "--force"], "add -o FILE"),
    ],
)
def test_an_option_that_would_do_nothing_is_refused(article: Path, args: list[str], fix: str) -> None:
    result = runner.invoke(app, [a.format(a=article) for a in args])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert fix in result.output
    assert result.output.startswith("error: ") and result.output.count("\n") == 1  # one line


def test_the_default_encoder_named_explicitly_is_accepted(article: Path) -> None:
    result = runner.invoke(app, ["readability", str(article), "-f", "json"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["report", str(article), "--analyses", "readability", "--encoder", "minilm",
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
