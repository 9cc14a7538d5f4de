"""Help names values by what they are (FILE, N, MODEL), not by Python type names."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from summarize.cli.app import app

runner = CliRunner()
TYPE_NAME = re.compile(r"<(?:str|int|float|bool|path|list\[|[a-z]+ range)")


@pytest.mark.parametrize(
    "command",
    [["report"], ["summary"], ["sentiment"], ["framing"], ["readability"], ["tokens"], ["compare"],
     ["models", "list"], ["models", "pull"]],
    ids=lambda c: " ".join(c),
)
def test_help_shows_no_type_names(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    assert TYPE_NAME.search(result.output) is None, result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["summary", "{a}", "-f", "pdf"], "'pdf' is not one of 'text', 'json', 'markdown', 'html'"),
        (["summary", "{a}", "--method", "foo"], "'foo' is not one of 'extractive', 'abstractive', 'hybrid'"),
    ],
)
def test_bad_values_are_told_without_the_validator_prefix(tmp_path, args: list[str], said: str) -> None:
    """typer validates with pydantic; its "Value error," prefix is not for users."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday. It approved the budget.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "summarize", *[a.format(a=article) for a in args]],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert said in result.stderr
    assert "Value error" not in result.stderr
