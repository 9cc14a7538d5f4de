"""Every bad input gets one clear `error: ...` line, a documented exit code and no traceback.

Input errors are raised while reading, before any analysis runs, so the fast
`readability` command stands in for all of them.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hardening_helpers import ARTICLE, assert_clean_error, assert_usage_error
from typer.testing import CliRunner

from summarize.cli.app import app
from summarize.errors import ExitCode

runner = CliRunner()

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
SCRIPT_ONLY_HTML = """<!doctype html><html><head><title>x</title>
<script>var tracking = {id: 1}; function load() { return tracking; }</script>
<style>body { color: red; }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<script>document.write("<p>" + load().id + "</p>");</script>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>"""


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ARTICLE)
    return buffer.getvalue()


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return make


def _directory(tmp: Path) -> Path:
    folder = tmp / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]
    code: ExitCode
    needles: tuple[str, ...]  # besides the input's own name, which every message must carry


CASES = [
    Case("nonexistent", lambda tmp: tmp / "missing.txt", ExitCode.INPUT, ("no such file",)),
    Case("directory", _directory, ExitCode.INPUT, ("is a directory", "summarize batch")),
    Case("empty", _write("empty.txt", b""), ExitCode.EMPTY, ("empty",)),
    Case("whitespace", _write("blank.txt", b" \n\t\n \r\n\x0b\x0c"), ExitCode.EMPTY, ("white space",)),
    Case(
        "unicode-whitespace",
        _write("blank2.txt", "\u00a0\u2003\n\u3000\n".encode()),
        ExitCode.EMPTY,
        ("white space",),
    ),
    Case("png", _write("photo.txt", PNG_BYTES), ExitCode.INPUT, ("PNG image", "not text")),
    Case("zip", _write("article.txt.zip", _zip_bytes()), ExitCode.INPUT, ("zip archive",)),
    Case("nul-bytes", _write("data.bin", b"abc\x00\x01\x02" * 100), ExitCode.INPUT, ("binary",)),
    Case(
        "script-only-html",
        _write("page.html", SCRIPT_ONLY_HTML.encode()),
        ExitCode.EMPTY,
        ("no article text",),
    ),
    Case(
        "markdown-without-prose",
        _write("empty.md", b"---\ntitle: x\n---\n\n```\ncode only\n```\n"),
        ExitCode.EMPTY,
        ("white space",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_one_clean_error_line(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    result = runner.invoke(app, ["readability", str(path)])
    assert_clean_error(result, case.code, str(path), *case.needles)


@pytest.mark.parametrize("case", CASES[:4], ids=[c.id for c in CASES[:4]])
def test_bad_input_to_the_full_report_fails_the_same_way(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    result = runner.invoke(app, ["report", str(path), "-f", "json"])
    assert_clean_error(result, case.code, str(path), *case.needles)


def test_empty_stdin_is_an_empty_input_error() -> None:
    result = runner.invoke(app, ["readability", "-"], input="")
    assert_clean_error(result, ExitCode.EMPTY, "standard input", "empty")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads files whatever their mode; see the monkeypatched test"
)
def test_unreadable_file_is_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        result = runner.invoke(app, ["readability", str(path)])
    finally:
        path.chmod(0o600)
    assert_clean_error(result, ExitCode.INPUT, str(path), "permission denied")


def test_permission_error_while_reading_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    result = runner.invoke(app, ["readability", str(path)])
    assert_clean_error(result, ExitCode.INPUT, str(path), "permission denied")


def test_permission_error_on_stat_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked" / "secret.txt"
    real_stat = Path.stat

    def denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", denied)
    result = runner.invoke(app, ["readability", str(path)])
    assert_clean_error(result, ExitCode.INPUT, str(path), "permission denied")


def test_fifty_megabyte_file_is_refused_with_the_flag_that_raises_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ("The council met again and discussed the budget for the coming year at length. " * 12) + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(line * (50_000_000 // len(line) + 1))
    assert path.stat().st_size >= 50_000_000
    result = runner.invoke(app, ["readability", str(path)])
    line_out = assert_clean_error(result, ExitCode.INPUT, str(path), "too large", "--max-chars")
    # The suggested value really is large enough for this file.
    suggested = int(line_out.split("--max-chars ")[1].split()[0])
    assert suggested >= path.stat().st_size


def test_fifty_megabytes_on_stdin_are_refused_too() -> None:
    data = "word " * 10_000_000
    result = runner.invoke(app, ["readability", "-"], input=data)
    assert_clean_error(result, ExitCode.INPUT, "too large", "--max-chars")


def test_max_chars_limits_and_raising_it_lets_the_article_through(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE * 10, encoding="utf-8")
    refused = runner.invoke(app, ["tokens", str(path), "--max-chars", "1000", "-f", "json"])
    assert_clean_error(refused, ExitCode.INPUT, str(path), "--max-chars")
    accepted = runner.invoke(app, ["tokens", str(path), "--max-chars", str(len(ARTICLE) * 20), "-f", "json"])
    assert accepted.exit_code == 0, accepted.output
    assert '"sentences"' in accepted.stdout


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["summary", "{path}", "--ratio", "5"], ("--ratio",)),
        (["summary", "{path}", "--ratio", "0"], ("--ratio",)),
        (["summary", "{path}", "--sentences", "0"], ("--sentences",)),
        (["summary", "{path}", "--words", "-3"], ("--words",)),
        (["readability", "{path}", "--format", "pdf"], ("--format", "pdf")),
        (["readability", "{path}", "--max-chars", "0"], ("--max-chars",)),
        (["readability", "{path}", "--timeout", "0"], ("--timeout",)),
        (["readability", "{path}", "--no-such-option"], ("--no-such-option",)),
        (["report", "{path}", "--method", "magic"], ("--method",)),
        (["report", "{path}", "--sentiment-backend", "oracle"], ("--sentiment-backend",)),
    ],
    ids=lambda value: "-".join(value) if isinstance(value, tuple) else None,
)
def test_option_values_out_of_range_are_usage_errors(
    tmp_path: Path, args: list[str], needles: tuple[str, ...]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, [a.replace("{path}", str(path)) for a in args])
    assert_usage_error(result, *needles)


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["report", "{path}", "--analyses", "summary,horoscope"], ("unknown analysis horoscope",)),
        (["report", "{path}", "--analyses", ","], ("--analyses",)),
        (["summary", "{path}", "--sentences", "2", "--words", "40"], ("only one of",)),
        (["report", "{path}", "--sentiment-backend", "hf"], ("--sentiment-model",)),
    ],
    ids=["unknown-analysis", "no-analysis", "two-lengths", "hf-without-model"],
)
def test_option_combinations_are_one_line_usage_errors(
    tmp_path: Path, args: list[str], needles: tuple[str, ...]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, [a.replace("{path}", str(path)) for a in args])
    assert_clean_error(result, ExitCode.USAGE, *needles)


@pytest.mark.parametrize(
    ("name", "content", "needles"),
    [
        ("bad.yaml", "loaded:\n  regime: [unclosed\n  - bad\n", (":4:1:", "YAML syntax error")),
        ("bad.tsv", "word\tcategory\nregime\tloaded\n", (":1:1:", "unknown column 'word'", "use term")),
        ("missing.yaml", None, ("not found",)),
    ],
    ids=["yaml-syntax", "tsv-header", "missing"],
)
def test_malformed_lexicon_names_file_line_and_column(
    tmp_path: Path, name: str, content: str | None, needles: tuple[str, ...]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    lexicon = tmp_path / name
    if content is not None:
        lexicon.write_text(content, encoding="utf-8")
    for option in ("--lexicon", "--lexicon-only"):
        result = runner.invoke(app, ["framing", str(article), option, str(lexicon)])
        assert_clean_error(result, ExitCode.LEXICON, str(lexicon), *needles)


def test_no_article_on_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without an argument the article comes from stdin; on a terminal there is nothing piped.
    class TerminalStdin:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", TerminalStdin())
    from summarize.errors import UsageError
    from summarize.inputs.read import read_article

    with pytest.raises(UsageError, match="no input"):
        read_article("-")
