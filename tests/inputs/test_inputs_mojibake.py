"""Mojibake (UTF-8 read as Latin-1 or Windows-1252) is repaired on reading; clean text is left alone."""

from __future__ import annotations

import pytest

from summarize.document import Source
from summarize.inputs.mojibake import repair_mojibake
from summarize.inputs.read import document_from_bytes, document_from_text

CLEAN = "Trump’s aides called the plan “dead”. Maaßen, a naïve café owner, paid 5 € in Ångström."


@pytest.mark.parametrize("wrong", ["sloppy-windows-1252", "latin-1"])
def test_utf8_read_as_a_legacy_encoding_is_repaired(wrong: str) -> None:
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252": cp1252 as browsers decode it)

    garbled = CLEAN.encode("utf-8").decode(wrong)
    assert garbled != CLEAN
    assert repair_mojibake(garbled) == (CLEAN, True)


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        "Plain ASCII text.",
        "Â is a letter; so are Ã and â in Portuguese: irmã, São Paulo, lâmpada.",
        # An accented letter before a curly quote or a dash looks like a mojibake pair to the scan.
        "They opened a “cat café” in London; so does Malé’s raison d’être, the résumé—and more.",
    ],
)
def test_correct_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, False)


def test_the_document_reads_the_repaired_text_and_says_so() -> None:
    garbled = "Trumpâ€™s aides said the plan was â€œdeadâ€\x9d. Mr. Trump did not comment."
    doc = document_from_text(garbled, Source(kind="text"))
    assert doc.text.startswith("Trump’s aides said the plan was “dead”.")
    assert doc.source.encoding == "text, mojibake repaired"
    assert [s.text for s in doc.sentences][1] == "Mr. Trump did not comment."


def test_bytes_keep_their_detected_encoding_in_the_note() -> None:
    data = "Trump’s plan".encode().decode("cp1252").encode("utf-8")
    doc = document_from_bytes(data, Source(kind="file", location="a.txt"))
    assert doc.text == "Trump’s plan"
    assert doc.source.encoding == "utf-8, mojibake repaired"


def test_clean_text_keeps_its_encoding() -> None:
    doc = document_from_bytes(CLEAN.encode(), Source(kind="file", location="a.txt"))
    assert doc.text == CLEAN
    assert doc.source.encoding == "utf-8"


def test_the_report_warns_that_it_repaired_the_text() -> None:
    from summarize import Settings, analyze

    garbled = "Trumpâ€™s aides said the plan was dead. " * 3
    report = analyze(garbled, settings=Settings(analyses=("readability",), count_model_tokens=False))
    assert report.source.encoding == "text, mojibake repaired"
    assert any("mojibake" in w and "repaired" in w for w in report.provenance.warnings)
    clean = analyze(CLEAN, settings=Settings(analyses=("readability",), count_model_tokens=False))
    assert not any("mojibake" in w for w in clean.provenance.warnings)
