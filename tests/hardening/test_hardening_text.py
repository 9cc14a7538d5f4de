"""Degenerate text: endless sentences, other languages, mixed encodings. Handled, and said so."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hardening_helpers import ARTICLE
from typer.testing import CliRunner

from summarize.cli.app import app
from summarize.document import Source, build_document
from summarize.inputs.decode import decode_bytes
from summarize.inputs.read import document_from_bytes, read_article
from summarize.pipeline import input_warnings
from summarize.text.language import MIN_WORDS, detect_language, english_only_warning
from summarize.text.sentences import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, split_sentences

runner = CliRunner()

FRENCH = (
    "Le conseil municipal a voté mardi la création d'une nouvelle ligne de bus entre le nord de la "
    "ville et le centre. Selon la maire, les travaux commenceront à l'automne et la ligne sera "
    "ouverte au printemps prochain. Les opposants estiment que le projet est trop cher et qu'il "
    "n'a pas été assez discuté avec les habitants du quartier."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag eine neue Buslinie beschlossen, die den Norden der Stadt mit dem "
    "Zentrum verbindet. Die Bürgermeisterin sagte, dass die Bauarbeiten im Herbst beginnen und die "
    "Linie im Frühjahr eröffnet wird. Kritiker halten das Projekt für zu teuer und sind nicht "
    "überzeugt, dass es genug Fahrgäste geben wird."
)
SPANISH = (
    "El ayuntamiento aprobó el martes una nueva línea de autobús que une el norte de la ciudad con "
    "el centro. La alcaldesa dijo que las obras comenzarán en otoño y que la línea abrirá en "
    "primavera. Los críticos dicen que el proyecto es muy caro y que no se ha consultado a los vecinos."
)
CHINESE = (
    "市议会周二投票批准了一条连接城市北部和市中心的新公交线路。市长表示，工程将于秋季开工，"
    "线路将于明年春季开通。批评者认为该项目成本过高，而且没有充分征求居民的意见。"
)
RUSSIAN = (
    "Городской совет во вторник одобрил новую автобусную линию, которая соединит север города с "
    "центром. По словам мэра, работы начнутся осенью, а линия откроется весной. Критики считают, "
    "что проект слишком дорогой и что с жителями его не обсуждали."
)


# --- the overlong sentence ------------------------------------------------------------


def _endless(words: int) -> str:
    return " ".join(f"word{i % 97}" for i in range(words))


def test_a_20000_word_sentence_is_cut_into_bounded_pieces() -> None:
    text = _endless(20_000)
    started = time.perf_counter()
    doc = build_document(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"building took {elapsed:.1f} s"
    assert len(doc.sentences) == 40
    assert all(len(s.text.split()) <= MAX_SENTENCE_WORDS for s in doc.sentences)
    # Nothing lost: the pieces are the text, in order, cut only at spaces.
    assert " ".join(s.text for s in doc.sentences) == text
    assert doc.word_count == 20_000
    assert len(doc.warnings) == 1 and "39 overlong sentence break" in doc.warnings[0]


def test_cuts_prefer_a_comma_in_the_second_half() -> None:
    words = [f"w{i}" for i in range(MAX_SENTENCE_WORDS + 50)]
    words[400] += ","
    text = " ".join(words)
    spans = split_sentences(text)
    assert text[spans[0][0] : spans[0][1]].endswith("w400,")
    assert text[spans[1][0] : spans[1][1]].startswith("w401")


def test_a_word_without_spaces_is_sliced_too() -> None:
    text = "x" * (3 * MAX_SENTENCE_CHARS + 7)
    spans = split_sentences(text)
    assert [e - s for s, e in spans] == [MAX_SENTENCE_CHARS] * 3 + [7]


def test_normal_sentences_are_never_cut() -> None:
    doc = build_document(ARTICLE)
    assert doc.warnings == ()
    assert [s.text for s in doc.sentences][1].startswith("The harbour bridge reopened")


def test_the_splitter_stays_linear() -> None:
    """Doubling the input must roughly double the time, not quadruple it (was quadratic)."""

    def seconds(n: int) -> float:
        text = "The vote passed. " * n + _endless(n)
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            split_sentences(text)
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(10_000), seconds(40_000)
    assert large < small * 4 * 2.5, f"4x input took {large / small:.1f}x the time"


def test_endless_sentence_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "endless.txt"
    path.write_text(_endless(20_000), encoding="utf-8")
    result = runner.invoke(app, ["tokens", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["words"] == 20_000
    assert max(s["words"] for s in payload["sentences"]) <= MAX_SENTENCE_WORDS


# --- language ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "script"),
    [
        (ARTICLE, "en", "Latin"),
        (FRENCH, "fr", "Latin"),
        (GERMAN, "de", "Latin"),
        (SPANISH, "es", "Latin"),
        (CHINESE, "zh", "Han"),
        (RUSSIAN, "ru", "Cyrillic"),
    ],
    ids=["en", "fr", "de", "es", "zh", "ru"],
)
def test_detect_language(text: str, code: str, script: str) -> None:
    guess = detect_language(text)
    assert (guess.code, guess.script) == (code, script)
    assert guess.reliable, guess


def test_english_with_a_foreign_quote_stays_english() -> None:
    text = ARTICLE + ' A visitor from Lyon said: "C\'est le plus beau pont de la ville."'
    assert detect_language(text).code == "en"


@pytest.mark.parametrize("text", ["", "12 345 -- !!", "Bonjour", "Oui non"])
def test_too_little_text_is_not_a_reliable_guess(text: str) -> None:
    guess = detect_language(text)
    assert not guess.reliable
    assert guess.words < MIN_WORDS


def test_the_warning_names_the_language_and_the_english_only_parts() -> None:
    message = english_only_warning(detect_language(FRENCH), ("summary", "readability", "framing"))
    assert message is not None
    assert "French (fr)" in message
    assert "readability formulas" in message and "framing lexicons" in message
    assert "sentiment" not in message  # not run, not mentioned
    assert english_only_warning(detect_language(FRENCH), ("summary",)) is None
    assert english_only_warning(detect_language(ARTICLE), ("readability",)) is None


@pytest.mark.parametrize("text", [FRENCH, GERMAN, CHINESE], ids=["fr", "de", "zh"])
def test_pipeline_warns_once_per_document_about_language(text: str) -> None:
    doc = build_document(text)
    messages = input_warnings(doc, ("readability", "framing"))
    assert len(messages) == 1
    assert "were built for English" in messages[0]
    assert input_warnings(build_document(ARTICLE), ("readability", "framing")) == []


# --- encodings ------------------------------------------------------------------------


def test_mixed_encodings_keep_the_valid_utf8_and_are_flagged(tmp_path: Path) -> None:
    good = "The café in Zürich reopened, the naïve résumé said. " * 10
    data = good.encode("utf-8") + "Stray Latin-1: Grüße.".encode("latin-1")
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    doc = read_article(str(path))
    assert doc.text.startswith(good.strip()[:40])  # valid UTF-8 is not garbled into mojibake
    assert "Gr\ufffd\ufffde" in doc.text or "Gr\ufffde" in doc.text
    assert "replaced" in (doc.source.encoding or "")
    (message,) = input_warnings(doc, ())
    assert str(path) in message and "not valid UTF-8" in message


def test_a_legacy_encoding_is_decoded_not_replaced() -> None:
    text, encoding = decode_bytes("Грузовик ехал по мосту через реку. ".encode("cp1251") * 5, "x")
    assert "Грузовик" in text
    assert "replaced" not in encoding


def test_invalid_utf8_bytes_alone_do_not_crash() -> None:
    doc = document_from_bytes(b"plain \xfd words here \xff and there \xc3\x28 end.", Source(kind="text"))
    assert doc.word_count >= 5


# --- through the CLI report ---------------------------------------------------------------
# One-analysis JSON holds just that section, so the report's warnings are read from the text
# rendering written with -o (plain text, no colour), white space normalised.


def _report_text(tmp_path: Path, path: Path) -> str:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["report", str(path), "--analyses", "readability", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return " ".join(out.read_text(encoding="utf-8").split())


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "French"), (CHINESE, "Chinese")], ids=["fr", "zh"])
def test_report_on_another_language_is_analysed_with_a_warning(
    tmp_path: Path, text: str, language: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    rendered = _report_text(tmp_path, path)
    assert "Readability" in rendered
    assert f"looks like {language}" in rendered
    assert "readability formulas were built for English" in rendered


def test_report_on_mixed_encodings_warns(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    utf8 = ARTICLE.replace("Ms. Alvarez", "Ms. Álvarez Núñez").replace("harbour", "harbour “Brücke”")
    stray = " Caf\xe9 cr\xe8me.".encode("latin-1")  # one line pasted from a Latin-1 file
    path.write_bytes(utf8.encode("utf-8") + stray)
    rendered = _report_text(tmp_path, path)
    assert "not valid UTF-8" in rendered and "U+FFFD" in rendered
    report = analyze_path(path)
    assert report.source.encoding == "utf-8 (with invalid bytes replaced)"


def test_report_on_an_endless_sentence_finishes_and_says_it_cut(tmp_path: Path) -> None:
    path = tmp_path / "endless.txt"
    path.write_text(_endless(20_000), encoding="utf-8")
    started = time.perf_counter()
    rendered = _report_text(tmp_path, path)
    assert time.perf_counter() - started < 30
    assert "39 overlong sentence break(s) were forced" in rendered
    report = analyze_path(path)
    assert report.stats.sentences == 40 and report.stats.words == 20_000


def analyze_path(path: Path):
    from summarize.context import Context
    from summarize.pipeline import run_analyses
    from summarize.settings import Settings

    settings = Settings(analyses=("readability",), count_model_tokens=False)
    return run_analyses(read_article(str(path)), Context(settings=settings))


@pytest.mark.slow
def test_full_report_on_french_runs_every_analysis_and_names_the_english_only_ones(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"{FRENCH}\n\n{FRENCH.replace('mardi', 'mercredi')}", encoding="utf-8")
    result = runner.invoke(app, ["report", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert all(report[name] is not None for name in ("summary", "sentiment", "framing", "readability"))
    (warning,) = [w for w in report["provenance"]["warnings"] if "built for English" in w]
    assert "French (fr)" in warning
    assert "readability formulas, framing lexicons and sentiment scoring" in warning
