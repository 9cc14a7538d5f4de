"""The CLI through typer's runner: file, stdin and URL-free inputs, formats, -o/--force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli.app import app, main
from summarize.errors import ExitCode

runner = CliRunner()

ARTICLE = (
    "City Council Approves New Bus Line\n\n"
    "The city council voted 7-2 on Tuesday to approve a new bus line linking the north side to "
    "downtown. Mayor Ana Ruiz said the $12 million project would open in March. Critics claimed "
    'the plan was rushed. Council member Dr. Lee disagreed. "This is overdue," he said.\n\n'
    "Construction starts in the fall. The U.S. Department of Transportation pays half of the cost."
)


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "bus.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_readability_json_from_file_and_stdin_agree(article_file: Path) -> None:
    from_file = runner.invoke(app, ["readability", str(article_file), "--format", "json"])
    from_stdin = runner.invoke(app, ["readability", "-", "--format", "json"], input=ARTICLE)
    assert from_file.exit_code == 0, from_file.output
    assert from_stdin.exit_code == 0, from_stdin.output
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)


def test_bare_article_means_report(monkeypatch: pytest.MonkeyPatch, article_file: Path, capsys) -> None:
    monkeypatch.setattr(
        "sys.argv", ["summarize", str(article_file), "--analyses", "readability", "-f", "json"]
    )
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code in (0, None)
    report = json.loads(capsys.readouterr().out)
    assert report["source"]["location"] == str(article_file)
    assert report["readability"] is not None


def test_output_file_refuses_overwrite_without_force(article_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("keep me", encoding="utf-8")
    refused = runner.invoke(app, ["readability", str(article_file), "-f", "json", "-o", str(out)])
    assert refused.exit_code == ExitCode.OUTPUT
    assert "--force" in refused.output
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(app, ["readability", str(article_file), "-f", "json", "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert "consensus_grade" in json.loads(out.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_format_writes_a_file(article_file: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["readability", str(article_file), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.strip()
    if fmt == "markdown":
        assert text.startswith("# City Council Approves New Bus Line")
    if fmt == "text":
        assert "City Council Approves New Bus Line" in text
        assert "\x1b[" not in text  # no colour codes in files


def test_unknown_format_is_a_usage_error(article_file: Path) -> None:
    result = runner.invoke(app, ["readability", str(article_file), "--format", "pdf"])
    assert result.exit_code == ExitCode.USAGE


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["readability", str(missing)])
    assert result.exit_code == ExitCode.INPUT
    assert f"error: {missing}: no such file" in result.output
    assert "Traceback" not in result.output


def test_tokens_lists_numbered_sentences_and_counts(article_file: Path) -> None:
    result = runner.invoke(app, ["tokens", str(article_file), "-f", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    texts = [s["text"] for s in payload["sentences"]]
    assert texts[0] == "City Council Approves New Bus Line"
    assert "Council member Dr. Lee disagreed." in texts
    assert payload["sentences"][2]["index"] == 2
    (encoder,) = payload["models"]
    assert encoder["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert encoder["tokens"] > payload["words"] * 0.9


def test_tokens_warns_when_a_sentence_exceeds_the_encoder_context(tmp_path: Path) -> None:
    long_sentence = " ".join(["word"] * 400) + "."
    path = tmp_path / "long.txt"
    path.write_text(long_sentence, encoding="utf-8")
    result = runner.invoke(app, ["tokens", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    warnings = json.loads(result.stdout)["warnings"]
    assert any("exceed its 256-token input" in w for w in warnings)


def test_option_combinations_are_validated_early(article_file: Path) -> None:
    result = runner.invoke(app, ["summary", str(article_file), "--sentences", "2", "--ratio", "0.3"])
    assert result.exit_code == ExitCode.USAGE
    assert "only one of --sentences, --words and --ratio" in result.output


def test_piped_input_without_arguments_is_a_report(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import io

    class PipedStdin(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    piped = PipedStdin(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", piped)
    monkeypatch.setattr("sys.argv", ["summarize"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code in (0, None)
    assert "City Council Approves New Bus Line" in capsys.readouterr().out


def test_the_cli_default_input_limit_is_the_readers() -> None:
    from summarize.batch.runner import BatchOptions
    from summarize.cli.options import DEFAULT_MAX_CHARS
    from summarize.inputs import settings

    assert DEFAULT_MAX_CHARS == settings.DEFAULT_MAX_CHARS == BatchOptions().settings.input.max_chars
