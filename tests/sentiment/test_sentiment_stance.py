"""The actor stance head: roles, exact per-sentence contributions, labels, fallbacks, surfaces."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarize.context import Context
from summarize.document import build_document
from summarize.entities import find_actors
from summarize.pipeline import analyze
from summarize.sentiment import stance
from summarize.sentiment.actors import MEAN_METHOD, STANCE_METHOD
from summarize.sentiment.settings import SentimentSettings
from summarize.sentiment.stance import ROLES, SentenceInput, StanceHead, load_head, mention_roles, save_head
from summarize.settings import Settings

from .conftest import ARTICLE

# Written for these tests.
ROLE_TEXT = (
    "Dana Whitfield opened the clinic in March. "
    "Critics blamed Whitfield for the delays. "
    '"We will finish on time," Whitfield said. '
    "Whitfield, a former nurse, has run the town for a decade."
)


def _settings(backend: str) -> Settings:
    return Settings(
        analyses=("sentiment",), sentiment=SentimentSettings(backend=backend), count_model_tokens=False
    )


def _tiny_head(uses: tuple[str, ...] = ("vader", "score", "roles", "global")) -> StanceHead:
    rng = np.random.default_rng(0)
    n = 2 + len(ROLES) + 3 + 2 * ("position" in uses)
    return StanceHead(
        coef=rng.normal(0, 0.1, n),
        intercept=0.05,
        mean=rng.normal(0, 0.1, n),
        scale=np.full(n, 2.0),
        lower=-0.1,
        upper=0.1,
        encoder="test",
        uses=uses,
    )


def test_roles_from_surface_cues() -> None:
    doc = build_document(ROLE_TEXT)
    actor = next(a for a in find_actors(doc) if a.name == "Dana Whitfield")
    roles = mention_roles(doc, actor)
    assert roles == {0: "subject", 1: "object", 2: "speaker", 3: "described"}


def test_contributions_add_up_to_the_score() -> None:
    head = _tiny_head()
    sentences = [SentenceInput(i, None, 0.3 * i - 0.2, 0.1 * i, ROLES[i % 4]) for i in range(5)]
    result = head.score(sentences, document_score=0.2, n_sentences=9)
    assert abs(result.base + sum(c for _, c in result.contributions) - result.score) < 1e-9
    assert [i for i, _ in result.contributions] == [0, 1, 2, 3, 4]
    assert result.label == head.label(result.score)


def test_position_group_adds_up_and_weighs_the_first_mentions_more() -> None:
    uses = ("vader", "score", "roles", "position", "global")
    head = _tiny_head(uses)
    sentences = [SentenceInput(i, None, 0.3 * i - 0.2, 0.1 * i, ROLES[i % 4]) for i in range(5)]
    result = head.score(sentences, document_score=0.2, n_sentences=9)
    assert abs(result.base + sum(c for _, c in result.contributions) - result.score) < 1e-9
    # The head scores exactly what it was trained on: the ridge over actor_features.
    features = stance.actor_features(uses, sentences, 0.2, 9)
    trained = float((features - head.mean) / head.scale @ head.coef) + head.intercept
    assert result.score == pytest.approx(trained)
    weights = stance.position_weights(5)
    assert weights.sum() == pytest.approx(1.0) and list(weights) == sorted(weights, reverse=True)
    # Only the position group differs between two orders of the same sentences.
    position_only = StanceHead(
        np.array([1.0, 0.0]), 0.0, np.zeros(2), np.ones(2), -0.1, 0.1, "test", ("position",)
    )
    early = [SentenceInput(0, None, 0.0, 0.8, "object"), SentenceInput(1, None, 0.0, -0.8, "object")]
    late = [SentenceInput(0, None, 0.0, -0.8, "object"), SentenceInput(1, None, 0.0, 0.8, "object")]
    assert position_only.score(early, 0.0, 2).score > 0 > position_only.score(late, 0.0, 2).score


def test_no_sentences_is_neutral_and_a_wrong_shape_names_the_fix() -> None:
    head = _tiny_head()
    assert head.score([], 0.0, 3).label == "neutral"
    with pytest.raises(Exception, match=r"train\.py"):
        _tiny_head(("vader", "global")).score([SentenceInput(0, None, 0.1, 0.1, "subject")], 0.0, 1)


def test_head_round_trips_through_npz(tmp_path: Path) -> None:
    head = _tiny_head()
    save_head(head, tmp_path / "head.npz")
    loaded = load_head(tmp_path / "head.npz")
    assert loaded.uses == head.uses
    assert np.allclose(loaded.coef, head.coef, atol=1e-6)
    assert (loaded.lower, loaded.upper) == pytest.approx((head.lower, head.upper))


def test_vader_backend_falls_back_to_the_sentence_mean() -> None:
    report = analyze(ARTICLE, _settings("vader"))
    actors = report.sentiment.actors
    assert actors and all(a.method == MEAN_METHOD for a in actors)
    for actor in actors:
        pushes = sum(e.contribution for e in actor.evidence)
        if len(actor.mention_sentences) <= 3:
            assert pushes == pytest.approx(actor.score, abs=1e-3)


def test_missing_head_warns_and_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from summarize.sentiment import analysis

    monkeypatch.setattr(stance, "head_path", lambda: tmp_path / "absent.npz")
    ctx = Context(settings=_settings("minilm"))
    doc = build_document(ROLE_TEXT)
    assert analysis.actor_stances(doc, ctx, find_actors(doc), (0.0,) * len(doc.sentences), 0.0) == []
    assert any("sentence means" in w for w in ctx.warnings)


@pytest.mark.slow
def test_minilm_actors_carry_stance_and_evidence_on_every_surface() -> None:
    from summarize.render.html import render_report_html
    from summarize.render.markdown import render_report_markdown

    report = analyze(ARTICLE, _settings("minilm"))
    actors = report.sentiment.actors
    assert {a.method for a in actors if a.kind == "person"} == {STANCE_METHOD}
    assert {a.method for a in actors if a.kind == "country"} == {MEAN_METHOD}
    olsen = next(a for a in actors if a.name == "Maria Olsen")
    assert 1 <= len(olsen.evidence) <= 3
    assert all(e.sentence in olsen.mention_sentences for e in olsen.evidence)
    data = report.to_dict()["sentiment"]["actors"][0]
    assert {"method", "mention_sentences"} <= set(data)
    assert "contribution" in data["evidence"][0]
    markdown = render_report_markdown(report)
    assert "writer's stance" in markdown
    top = olsen.evidence[0]
    assert f"#{top.sentence + 1} {top.contribution:+.2f}" in markdown
    assert f"({top.contribution:+.2f})" in render_report_html(report)
    assert any(m["id"] == "summarize/actor_stance" for m in report.to_dict()["provenance"]["models"])
