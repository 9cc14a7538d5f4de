"""The sentiment analysis end to end: JSON shape, actors, explanations, renderers, backends."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from summarize.context import Context
from summarize.document import build_document
from summarize.errors import UsageError
from summarize.pipeline import analyze
from summarize.render import describe
from summarize.render.markdown.sentiment import render as render_sentiment_markdown
from summarize.sentiment import analysis
from summarize.sentiment.hf_backend import label_polarity
from summarize.sentiment.scoring import occlusion_variants
from summarize.sentiment.settings import SentimentSettings
from summarize.settings import Settings

from .conftest import ARTICLE

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _settings(**kwargs: object) -> Settings:
    return Settings(analyses=("sentiment",), sentiment=SentimentSettings(**kwargs), count_model_tokens=False)


@pytest.fixture(scope="module")
def vader_report():  # type: ignore[no-untyped-def]
    return analyze(ARTICLE, _settings(backend="vader"))


def test_json_shape(vader_report) -> None:  # type: ignore[no-untyped-def]
    section = vader_report.to_dict()["sentiment"]
    assert section["backend"] == "vader"
    assert section["model"].startswith("vaderSentiment")
    assert set(section["document"]) == {"score", "label"}
    assert [s["index"] for s in section["sentences"]] == list(range(len(vader_report.sentences)))
    for actor in section["actors"]:
        assert set(actor) >= {"name", "aliases", "mentions", "score", "evidence"}
    for c in section["contributions"]:
        assert set(c) >= {"text", "start", "end", "weight", "sentence"}
    assert any(m["id"].startswith("vaderSentiment") for m in vader_report.to_dict()["provenance"]["models"])


def test_sentence_signs_and_arc(vader_report) -> None:  # type: ignore[no-untyped-def]
    scores = [s.score for s in vader_report.sentiment.sentences]
    assert scores[1] > 0.3  # praise
    assert scores[4] < -0.3  # condemnation
    assert scores[-1] < -0.3  # deaths
    assert -1 <= vader_report.sentiment.document.score <= 1


def test_explanations_point_at_real_words(vader_report) -> None:  # type: ignore[no-untyped-def]
    text = vader_report.document.text
    section = vader_report.sentiment
    assert section.contributions
    for c in section.contributions:
        assert text[c.start : c.end] == c.text
        sentence = vader_report.sentences[c.sentence]
        assert sentence.start <= c.start < c.end <= sentence.end
    words = {c.text.lower() for c in section.contributions}
    assert {"praised", "wonderful", "condemned", "killed"} <= words
    up = describe.top_contributions(section, 1)
    down = describe.top_contributions(section, -1)
    assert all(c.weight > 0 for c in up) and all(c.weight < 0 for c in down)


def test_actor_sentiment_follows_their_sentences(vader_report) -> None:  # type: ignore[no-untyped-def]
    actors = {a.name: a for a in vader_report.sentiment.actors}
    assert actors["Maria Olsen"].score > 0.2
    assert set(actors["Maria Olsen"].aliases) == {"Maria Olsen", "Olsen"}
    russia = actors["Russia"]
    assert {"Russian", "Kremlin"} <= set(russia.aliases)
    assert russia.score < -0.2
    assert russia.mentions == 2
    evidence_words = {w for e in russia.evidence for w in e.words}
    assert evidence_words & {"condemned", "disastrous", "failure", "terrible", "lying"}
    denmark = actors["Denmark"]  # praised once, accused once: in between
    assert russia.score < denmark.score < actors["Maria Olsen"].score


def test_renderers_show_arc_actors_and_words(vader_report) -> None:  # type: ignore[no-untyped-def]
    from summarize.render.terminal import render_text

    text = render_text(vader_report, ("sentiment",), width=140)
    assert "Maria Olsen" in text and "Russia" in text
    assert describe.sparkline([s.score for s in vader_report.sentiment.sentences]) in text
    assert "wonderful" in text
    md = render_sentiment_markdown(vader_report.sentiment, vader_report)
    assert "| Maria Olsen |" in md
    assert "Pushed down" in md and "condemned" in md


def test_sparkline_maps_extremes() -> None:
    assert describe.sparkline([-1.0, 0.0, 1.0]) == "▁▅█"


def test_unknown_backend_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="backend"):
        analyze("Some text here.", _settings(backend="nope"))


def test_minilm_uses_the_shared_embeddings() -> None:
    """Embeddings handed in by a batch runner are used as they are, not recomputed."""
    from summarize.sentiment.head import load_head
    from summarize.sentiment.vader_backend import compound_scores

    doc = build_document(ARTICLE)
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(len(doc.sentences), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ctx = Context(settings=_settings(backend="minilm", explain_sentences=0))
    ctx.put_embeddings(doc, vectors)
    section = analysis.run(doc, ctx)
    expected = load_head().predict_score(vectors, np.array(compound_scores([s.text for s in doc.sentences])))
    assert [s.score for s in section.sentences] == pytest.approx(expected.tolist(), abs=1e-4)
    assert section.backend == "minilm"
    assert any("sentiment_head" in m.id for m in ctx.models_used.values())


@pytest.mark.slow
def test_minilm_end_to_end_explains_every_sentence_from_one_pass() -> None:
    report = analyze(ARTICLE, _settings(backend="minilm", explain_sentences=2))
    section = report.sentiment
    scores = [s.score for s in section.sentences]
    assert scores[1] > 0 and scores[4] < 0
    assert {c.method for c in section.contributions} == {"linearized-occlusion"}
    explained = {c.sentence for c in section.contributions}
    assert len(explained) >= len(scores) - 1  # every sentence with a content word that moved it
    for c in section.contributions:
        assert report.document.text[c.start : c.end] == c.text
    assert "MiniLM" in section.model
    assert {m.job for m in report.provenance.models} == {"sentiment"}
    words = {c.text.lower(): c.weight for c in section.contributions}
    assert words["wonderful"] > 0 and words["killed"] < 0
    assert section.pushed_up and all(c.weight > 0 for c in section.pushed_up)
    assert section.pushed_down and all(c.weight < 0 for c in section.pushed_down)


@pytest.mark.slow
def test_minilm_on_the_torch_runtime_explains_by_occlusion(monkeypatch: pytest.MonkeyPatch) -> None:
    """An encoder the numpy runtime does not run keeps re-encoding occlusion variants."""
    from summarize.backends import encoder as encoder_module

    monkeypatch.setenv("SUMMARIZE_ENCODER_RUNTIME", "torch")
    monkeypatch.setattr(encoder_module, "_CACHE", {})
    report = analyze(ARTICLE, _settings(backend="minilm", explain_sentences=2))
    section = report.sentiment
    scores = [s.score for s in section.sentences]
    occluded = [c for c in section.contributions if c.method == "occlusion"]
    assert occluded
    assert {c.sentence for c in occluded} <= set(
        sorted(range(len(scores)), key=lambda i: -abs(scores[i]))[:2]
    )


def test_occlusion_leaves_actor_names_alone() -> None:
    doc = build_document("Mayor Dana Whitfield condemned the reckless, shameful budget cuts in Harborview.")
    names = ((6, 20),)  # "Dana Whitfield"
    words, variants = occlusion_variants(doc, 0, names)
    everything = [w.text for w in occlusion_variants(doc, 0)[0]]
    assert {"Dana", "Whitfield", "condemned"} <= set(everything)
    assert [w.text for w in words] == [w for w in everything if w not in {"Dana", "Whitfield"}]
    assert all("Dana Whitfield" in v for v in variants)


@pytest.mark.slow
def test_no_occlusion_weight_falls_on_an_actor_name() -> None:
    from summarize.entities import find_actors

    report = analyze(ARTICLE, _settings(backend="minilm", explain_sentences=6))
    mentions = [(m.start, m.end) for a in find_actors(report.document) for m in a.mentions]
    assert mentions
    occluded = [c for c in report.sentiment.contributions if c.method.endswith("occlusion")]
    assert occluded
    for c in occluded:
        assert not any(start <= c.start and c.end <= end for start, end in mentions), c


def test_hf_backend_with_a_tiny_local_model(tiny_classifier: Path) -> None:
    ctx = Context(settings=_settings(backend="hf", model=str(tiny_classifier), explain_sentences=1))
    doc = build_document(ARTICLE)
    section = analysis.run(doc, ctx)
    assert section.backend == "hf"
    assert section.model == str(tiny_classifier)
    assert all(-1 <= s.score <= 1 for s in section.sentences)
    assert len({s.score for s in section.sentences}) > 1  # random weights still vary by sentence
    assert any(m.source.startswith("path:") for m in ctx.models_used.values())
    occluded = [c for c in section.contributions if c.method == "occlusion"]
    for c in occluded:
        assert doc.text[c.start : c.end] == c.text


def test_hf_backend_needs_a_model() -> None:
    with pytest.raises(UsageError, match="sentiment-model"):
        analyze("Some text here.", _settings(backend="hf"))


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ({0: "negative", 1: "neutral", 2: "positive"}, (-1.0, 0.0, 1.0)),
        ({0: "POSITIVE", 1: "NEGATIVE"}, (1.0, -1.0)),
        ({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, (-1.0, 0.0, 1.0)),
        ({i: f"{i + 1} stars" for i in range(5)}, (-1.0, -0.5, 0.0, 0.5, 1.0)),
        ({0: "score"}, (1.0,)),
    ],
)
def test_label_polarity(labels: dict[int, str], expected: tuple[float, ...]) -> None:
    assert label_polarity(labels) == expected


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt"))[:3], ids=lambda p: p.name)
def test_samples_get_actor_scores(path: Path) -> None:
    report = analyze(path.read_text(encoding="utf-8"), _settings(backend="vader"))
    section = report.sentiment
    assert section.actors
    for actor in section.actors:
        assert -1 <= actor.score <= 1
        assert actor.evidence
        assert all(0 <= e.sentence < len(report.sentences) for e in actor.evidence)


def test_neutral_band_setting_changes_labels(vader_report) -> None:  # type: ignore[no-untyped-def]
    wide = analyze(
        ARTICLE, replace(_settings(backend="vader"), sentiment=SentimentSettings("vader", neutral_band=0.99))
    )
    assert {s.label for s in wide.sentiment.sentences} == {"neutral"}
    assert {s.label for s in vader_report.sentiment.sentences} >= {"positive", "negative"}


@pytest.mark.slow
def test_every_format_shows_the_same_pushed_words() -> None:
    """One list (the section's pushed_up/pushed_down), shown as it is by every renderer."""
    import re

    from summarize.render.html import render_report_html
    from summarize.render.markdown import render_report_markdown
    from summarize.render.terminal import render_text

    report = analyze(ARTICLE, _settings(backend="minilm"))
    section = report.sentiment
    up, down = [c.text for c in section.pushed_up], [c.text for c in section.pushed_down]
    assert up and down
    data = report.to_dict()["sentiment"]
    assert [c["text"] for c in data["pushed_up"]] == up
    assert [c["text"] for c in data["pushed_down"]] == down
    terminal = " ".join(render_text(report, ("sentiment",), width=400).split())
    markdown = render_report_markdown(report, ("sentiment",))
    html = render_report_html(report, ("sentiment",))
    from summarize.render.labels import PUSHED_DOWN, PUSHED_UP

    for label, words in ((PUSHED_UP, up), (PUSHED_DOWN, down)):
        line = terminal.split(f"{label}:")[1].split("Pushed")[0].split("Explained by")[0]
        assert re.findall(r"([^\s,]+) [+-]\d\.\d\d", line) == words
        md_line = next(ln for ln in markdown.splitlines() if f"**{label}:**" in ln)
        assert re.findall(r"(?:\*\* |, )([^,]+?) \([+-]\d\.\d\d, #\d+\)", md_line) == words
    chips = re.findall(r'class="chip (pos|neg)"[^>]*>([^<]+?)(?: ×\d+)? <small>', html)
    assert [t for cls, t in chips if cls == "pos"] == up
    assert [t for cls, t in chips if cls == "neg"] == down


def test_occlusion_leaves_a_possessive_of_an_actor_name_alone() -> None:
    """The token "Russia’s" spans the mention "Russia": it is the actor's name, not a word to explain."""
    doc = build_document("Russia’s envoy praised the generous, welcome offer from the council.")
    words, _ = occlusion_variants(doc, 0, ((0, 6),))  # "Russia"
    texts = [w.text for w in words]
    assert "praised" in texts
    assert not any(t.startswith("Russia") for t in texts)
