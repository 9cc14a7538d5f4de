"""The framing analysis end to end: JSON shape, heads, user lexicons, rendering (real encoder)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from summarize.context import Context
from summarize.framing.settings import FramingSettings
from summarize.pipeline import analyze
from summarize.settings import Settings

ARTICLE = (
    "Regime Forces Launch Brutal Raid\n\n"
    "The regime's thugs launched an unprovoked assault on the village at dawn, and the "
    "government has yet to condemn the killings. Mistakes were made, an official conceded.\n\n"
    '"These so-called peacekeepers are invaders," said Anna Ruiz, a local teacher. '
    "The ministry claimed the operation was “routine” and insisted it would continue.\n\n"
    "Officials said the bridge reopened on Monday after repairs. Traffic returned to normal by noon."
)


def _settings(**framing: object) -> Settings:
    return Settings(analyses=("framing",), framing=FramingSettings(**framing), count_model_tokens=False)


@pytest.fixture(scope="module")
def context() -> Context:
    return Context(settings=_settings())


@pytest.fixture(scope="module")
def report(context: Context):
    return analyze(ARTICLE, context=context)


def test_json_shape_matches_the_contract(report) -> None:
    framing = report.to_dict()["framing"]
    span = framing["spans"][0]
    assert {"start", "end", "text", "category", "explanation", "alternative", "in_quote", "speaker"} <= set(
        span
    )
    for name, stat in framing["categories"].items():
        assert {"count", "per_1000_words"} <= set(stat), name
        assert stat["per_1000_words"] == pytest.approx(stat["count"] * 1000 / report.stats.words, abs=0.01)
    assert [s["index"] for s in framing["sentences"]] == list(range(report.stats.sentences))
    assert all(0.0 <= s["score"] <= 1.0 and isinstance(s["biased"], bool) for s in framing["sentences"])
    assert set(framing["document"]) == {"score", "biased_share"}
    for s in framing["spans"]:
        assert ARTICLE[s["start"] : s["end"]] == s["text"]


def test_heads_score_sentences_and_loaded_sentences_rank_higher(report) -> None:
    section = report.framing
    assert section.scorer == "heads"
    assert any(m.id == "framing_heads" for m in report.provenance.models)
    scores = {s.index: s.score for s in section.sentences}
    loaded = next(s.index for s in report.sentences if "unprovoked assault" in s.text)
    plain = next(s.index for s in report.sentences if "bridge reopened" in s.text)
    assert scores[loaded] > scores[plain]
    assert section.sentences[loaded].biased
    assert section.calibration == "basil"
    loaded = [s for s in section.spans if s.layer == "loaded" and s.score is not None]
    assert loaded and all(0.0 <= (s.confidence or 0.0) <= 1.0 for s in loaded)
    assert all(s.confidence is None for s in section.spans if s.layer == "device")


def test_two_layers_and_the_measure(report) -> None:
    section = report.framing
    layers = {s.text: s.layer for s in section.spans}
    assert layers["unprovoked assault"] == "loaded"
    assert layers["has yet to condemn"] == "device"
    assert any(s.layer == "device" and s.category == "agentless_passive" for s in section.spans)
    for name, stat in section.categories.items():
        assert stat.layer in {"loaded", "device"}, name
    m = section.measure
    loaded_writer = [s for s in section.spans if s.layer == "loaded" and not s.in_quote]
    assert m.voices.writer == len(loaded_writer)
    assert m.voices.quoted == sum(1 for s in section.spans if s.layer == "loaded" and s.in_quote)
    assert m.devices == sum(1 for s in section.spans if s.layer == "device")
    # Calibrated: the reported density is the expected number of sentences with loaded language
    # per 1,000 words (the sum of the calibrated sentence probabilities); the span count is kept
    # beside it under its own name.
    assert m.density_basis == "expected"
    d, spans = m.loaded_per_1000_words, m.loaded_spans_per_1000_words
    assert d.low <= d.value <= d.high
    words = sum(len(sentence) for sentence in _sentence_words())
    expected = 1000 * sum(s.score for s in section.sentences) / words
    assert d.value == pytest.approx(expected, abs=0.06)
    assert spans is not None and spans.low <= spans.value <= spans.high
    assert spans.value == pytest.approx(1000 * m.voices.writer / report.stats.words, abs=0.01)
    assert 0.0 <= m.biased_share.low <= m.biased_share.value <= m.biased_share.high <= 1.0
    data = report.to_dict()["framing"]
    assert data["measure"]["voices"]["writer"] == m.voices.writer
    assert {s["layer"] for s in data["spans"]} <= {"loaded", "device"}


def _sentence_words() -> list[list[str]]:
    from summarize.document import build_document

    doc = build_document(ARTICLE)
    return [[t.text for t in doc.sentence_tokens(s.index) if t.is_word] for s in doc.sentences]


def test_quoted_framing_belongs_to_the_speaker(report) -> None:
    quoted = [s for s in report.framing.spans if s.in_quote]
    assert quoted and all(s.speaker == "Anna Ruiz" for s in quoted)
    assert {s.category for s in quoted} >= {"so_called"}
    writer = next(s for s in report.framing.spans if s.text == "unprovoked assault")
    assert not writer.in_quote and writer.category == "loaded"


def test_user_lexicon_adds_and_replaces(tmp_path: Path, context: Context) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "category: transport\nlabel: Transport words\nentries:\n"
        "  - term: bridge\n    explanation: A test term.\n    alternative: span\n",
        encoding="utf-8",
    )
    added = analyze(ARTICLE, context=Context(settings=_settings(lexicons=(str(path),)))).framing
    assert "transport" in added.categories and "loaded" in added.categories
    assert added.categories["transport"].label == "Transport words"
    only = analyze(
        ARTICLE, context=Context(settings=_settings(lexicons=(str(path),), lexicon_only=True))
    ).framing
    lexicon_categories = {s.category for s in only.spans if s.source == "lexicon"}
    assert lexicon_categories == {"transport"}


def test_terminal_and_markdown_highlight_in_context(report) -> None:
    from rich.console import Console

    from summarize.render.markdown.framing import render as render_markdown
    from summarize.render.terminal.framing import render as render_terminal

    console = Console(width=120, record=True, file=io.StringIO())
    console.print(render_terminal(report.framing, report))
    styled = console.export_text(styles=True, clear=False)
    text = console.export_text()
    assert "Loaded and emotive terms" in text and "unprovoked assault" in text
    # the span is styled in place: an escape code right before it
    assert "m\x1b[" in styled or "\x1b[1;31munprovoked assault" in styled
    md = render_markdown(report.framing, report)
    assert "**unprovoked assault** _\\[loaded\\]_" in md
    assert "_\\[so called, quoting Anna Ruiz\\]_" in md
    assert "| Loaded and emotive terms |" in md


def test_markdown_escapes_article_text(context: Context) -> None:
    from summarize.render.markdown.framing import render as render_markdown

    report = analyze("The *regime* said <b>nothing</b> about [links](x).", context=context)
    md = render_markdown(report.framing, report)
    assert "<b>" not in md and "\\<b\\>" in md
    assert "\\[links\\]\\(x)" in md  # no link; ")" alone is not markup


def test_document_score_weights_sentences_by_their_words() -> None:
    from summarize.document import build_document
    from summarize.framing.analysis import document_score

    doc = build_document("One two three four. Five six. Seven eight nine ten eleven twelve.")
    score = document_score(doc, [0.8, 0.2, 0.5], threshold=0.5)
    # 4, 2 and 6 words: (0.8 * 4 + 0.2 * 2 + 0.5 * 6) / 12
    assert score.score == round((3.2 + 0.4 + 3.0) / 12, 4)
    assert score.biased_share == round(2 / 3, 4)
