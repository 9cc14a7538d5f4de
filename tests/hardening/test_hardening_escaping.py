"""Untrusted article text stays inert in HTML and Markdown output, end to end through the CLI."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli.app import app

runner = CliRunner()

HOSTILE = (
    "Council Votes <script>alert('title')</script>\n\n"
    'The council met on Monday. <img src=x onerror="alert(1)"> The vote passed 7-2. '
    "Residents said [click here](javascript:alert(2)) was posted on the notice board. "
    'A sign read <a href="http://evil.example">free tickets</a> and **bold claims**. '
    "The plan costs $4 million and opens in March, officials said in a statement."
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_html_output_escapes_article_text(hostile: Path) -> None:
    result = runner.invoke(app, ["report", str(hostile), "--analyses", "readability", "-f", "html"])
    assert result.exit_code == 0, result.output
    parser = _Tags()
    parser.feed(result.stdout)
    assert not any(tag in {"script", "img", "iframe", "object", "embed"} for tag, _ in parser.tags)
    assert not any(
        attrs.get("href", "").startswith(("javascript:", "http://evil")) for _, attrs in parser.tags
    )
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert "&lt;script&gt;" in result.stdout


def test_markdown_output_escapes_article_text(hostile: Path) -> None:
    result = runner.invoke(app, ["report", str(hostile), "--analyses", "readability", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    markdown = result.stdout
    # Every "<" that starts a tag is backslash-escaped, so Markdown shows it as text.
    assert re.search(r"(?<!\\)<[A-Za-z/!]", markdown) is None
    assert "\\<script\\>" in markdown
    assert "](javascript:" not in markdown  # the link syntax is broken up
    assert "\\[click here\\]" in markdown
