"""Settings check themselves: the Python API refuses what the CLI refuses, with the same exit code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli.app import app
from summarize.errors import ExitCode, InputError, SummarizeError, UsageError
from summarize.inputs.settings import InputSettings
from summarize.pipeline import analyze
from summarize.sentiment.settings import SentimentBackend, SentimentSettings
from summarize.settings import Settings
from summarize.summary.settings import SummaryMethod, SummarySettings

runner = CliRunner()
TEXT = "The council met on Monday. It approved the budget. " * 10


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


# (command line, the same request through the API, a phrase both messages share or None where the
# CLI's option parser words its own message)
CASES: list[tuple[list[str], Callable[[], object], str | None]] = [
    (["summary", "{a}", "-n", "2", "--words", "20"], lambda: SummarySettings(sentences=2, words=20),
     "give only one of --sentences, --words and --ratio"),
    (["summary", "{a}", "--ratio", "0.5", "-n", "2"], lambda: SummarySettings(sentences=2, ratio=0.5),
     "give only one of"),
    (["summary", "{a}", "--model", "some/model"], lambda: SummarySettings(model="some/model"),
     "the extractive summary uses no model"),
    (["summary", "{a}", "--strict"], lambda: SummarySettings(strict=True), "or drop --strict"),
    (["sentiment", "{a}", "--sentiment-model", "some/model"], lambda: SentimentSettings(model="some/model"),
     "--sentiment-model is read only by --sentiment-backend hf"),
    (["sentiment", "{a}", "--sentiment-backend", "hf"], lambda: SentimentSettings(backend="hf"),
     "--sentiment-backend hf needs --sentiment-model"),
    (["summary", "{a}", "--method", "bogus"], lambda: SummarySettings(method="bogus"), None),
    (["sentiment", "{a}", "--sentiment-backend", "bogus"], lambda: SentimentSettings(backend="bogus"), None),
    (["summary", "{a}", "-n", "0"], lambda: SummarySettings(sentences=0), None),
    (["summary", "{a}", "--words", "4"], lambda: SummarySettings(words=4), None),
    (["summary", "{a}", "--ratio", "1.5"], lambda: SummarySettings(ratio=1.5), None),
    (["report", "{a}", "--max-chars", "0"], lambda: InputSettings(max_chars=0), None),
    (["report", "{a}", "--timeout", "0"], lambda: InputSettings(url_timeout=0), None),
    (["report", "{a}", "--analyses", "summary,bogus"], lambda: Settings(analyses=("summary", "bogus")),
     "unknown analysis bogus"),
]


@pytest.mark.parametrize(("args", "make", "phrase"), CASES)
def test_api_and_cli_refuse_alike(
    article: Path, args: list[str], make: Callable[[], object], phrase: str | None
) -> None:
    result = runner.invoke(app, [a.format(a=article) for a in args])
    assert result.exit_code == ExitCode.USAGE, result.output
    with pytest.raises(UsageError) as refused:
        make()
    assert refused.value.exit_code == ExitCode.USAGE
    if phrase is not None:
        assert phrase in result.output
        assert phrase in refused.value.message


def test_analyze_refuses_text_over_the_settings_limit(article: Path) -> None:
    result = runner.invoke(app, ["readability", str(article), "--max-chars", "50"])
    assert result.exit_code == ExitCode.INPUT
    with pytest.raises(InputError) as refused:
        analyze(TEXT, Settings(analyses=("readability",), input=InputSettings(max_chars=50)))
    assert refused.value.exit_code == ExitCode.INPUT
    assert "--max-chars" in refused.value.message and "--max-chars" in result.output


def test_names_are_checked_and_plain_strings_accepted() -> None:
    summary = SummarySettings(method="hybrid")
    assert summary.method is SummaryMethod.hybrid
    assert SentimentSettings(backend="vader").backend is SentimentBackend.vader
    with pytest.raises(SummarizeError, match="choose from extractive, abstractive, hybrid"):
        SummarySettings(method="abstract")


def test_the_report_records_the_encoder_where_it_always_has() -> None:
    recorded = Settings(encoder="some/encoder").recorded()
    assert recorded["summary"]["encoder"] == "some/encoder"
    assert list(recorded["summary"])[:3] == ["method", "model", "encoder"]
    assert "encoder" not in recorded and "input" not in recorded
    report = analyze(TEXT, Settings(analyses=("readability",), count_model_tokens=False))
    assert report.provenance.settings["summary"]["encoder"] == "minilm"
