"""Analyses declare what they need (``summarize.needs``); the pipeline and the batch runner read it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from summarize.backends.encoder import load_encoder
from summarize.batch.encoding import needs_encoder, prefill_contexts
from summarize.context import Context
from summarize.document import build_document
from summarize.needs import Needs, chosen_needs, encoder_needs, run_order
from summarize.pipeline import analyze, run_analyses
from summarize.report import Sections
from summarize.sections import SECTIONS
from summarize.settings import Settings

from .conftest import ARTICLES

ALL = Settings(analyses=SECTIONS)


def test_every_analysis_declares_its_needs() -> None:
    declared = chosen_needs(ALL)
    assert set(declared) == set(SECTIONS)
    assert declared["readability"].sections == ("summary", "framing")
    assert declared["framing"].piece_layers and "token_pieces" in declared["framing"].encoder
    assert "token_states" in declared["sentiment"].encoder and declared["sentiment"].other_texts is not None
    # The shipped summary scorer is a lead-position rule: no encoder output for it.
    assert declared["summary"].encoder == ()
    hybrid = Settings(analyses=("summary",), summary=replace(ALL.summary, method="hybrid"))
    assert chosen_needs(hybrid)["summary"].encoder == ("sentence_embeddings",)
    vader = Settings(analyses=("sentiment",), sentiment=replace(ALL.sentiment, backend="vader"))
    assert chosen_needs(vader)["sentiment"] == Needs()
    assert not needs_encoder(Settings(analyses=("summary", "readability")))
    assert needs_encoder(Settings(analyses=("framing",)))


def test_the_order_comes_from_the_declarations() -> None:
    reads_summary = {"readability": Needs(sections=("summary",)), "summary": Needs()}
    assert run_order(reads_summary) == ["summary", "readability"]
    # a section that reads a later one in the report's order runs after it
    later = {"summary": Needs(sections=("framing",)), "framing": Needs(), "sentiment": Needs()}
    assert run_order(later) == ["sentiment", "framing", "summary"]
    # declared but not chosen: no wait
    assert run_order({"readability": Needs(sections=("summary", "framing"))}) == ["readability"]
    with pytest.raises(ValueError, match="wait on each other"):
        run_order({"summary": Needs(sections=("framing",)), "framing": Needs(sections=("summary",))})


def test_an_analysis_sees_only_the_sections_it_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.sentiment import analysis as sentiment_analysis

    seen: list[Sections] = []
    real_run = sentiment_analysis.run

    def spying_run(doc: Any, ctx: Context) -> Any:
        seen.append(ctx.sections)
        return real_run(doc, ctx)

    monkeypatch.setattr(sentiment_analysis, "run", spying_run)
    settings = Settings(analyses=("readability", "summary", "sentiment"), count_model_tokens=False)
    settings = replace(settings, sentiment=replace(settings.sentiment, backend="vader"))
    ctx = Context(settings=settings)
    report = run_analyses(build_document(ARTICLES["council"]), ctx)
    assert seen == [Sections()]  # sentiment declared no sections: it does not see the summary
    assert report.readability is not None and report.readability.summary is not None  # given first
    assert list(report.provenance.timings)[:3] == ["summary", "sentiment", "readability"]


class CountingModel:
    """Wraps the numpy runtime's model, counting the texts each encoder call receives."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.calls: list[tuple[str, int]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)

    def encode_states(self, texts: Any, layers: Any = (-1,)) -> Any:
        self.calls.append(("encode_states", len(texts)))
        return self.model.encode_states(texts, layers=layers)

    def encode(self, texts: Any, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(("encode", len(texts)))
        return self.model.encode(texts, *args, **kwargs)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingModel:
    encoder = load_encoder()
    assert encoder.runtime == "numpy"
    model = CountingModel(encoder.model)
    monkeypatch.setattr(encoder, "model", model)
    return model


@pytest.mark.slow
def test_one_article_encodes_every_sentence_once(counting: CountingModel) -> None:
    text = ARTICLES["bridge"] + "\n\n" + ARTICLES["council"]
    report = analyze(text, Settings(analyses=SECTIONS))
    assert counting.calls == [("encode_states", len(report.sentences))]
    assert report.framing is not None and report.framing.scorer == "heads"
    assert {c.method for c in report.sentiment.contributions} == {"linearized-occlusion"}


@pytest.mark.slow
def test_a_batch_chunk_encodes_every_sentence_once(counting: CountingModel) -> None:
    docs = [build_document(ARTICLES[name]) for name in ("bridge", "council", "storm")]
    contexts = [Context(settings=ALL) for _ in docs]
    prefill_contexts(docs, contexts, ALL)
    assert counting.calls == [("encode_states", sum(len(d.sentences) for d in docs))]
    for doc, ctx in zip(docs, contexts, strict=True):
        run_analyses(doc, ctx)
    assert len(counting.calls) == 1  # the analyses found everything handed in


def test_the_pass_computes_only_what_was_declared(counting: CountingModel) -> None:
    doc = build_document(ARTICLES["council"])
    ctx = Context(settings=Settings(analyses=("framing",)))
    vectors = ctx.sentence_embeddings(doc, "framing")
    assert vectors.shape[0] == len(doc.sentences) and not ctx.has_token_states(doc)
    layers = encoder_needs(ctx.settings).piece_layers
    assert ctx.token_pieces(doc, "framing", layers) is ctx._pieces[id(doc)][2]
    assert counting.calls == [("encode_states", len(doc.sentences))]
    np.testing.assert_allclose(vectors, load_encoder().encode([s.text for s in doc.sentences]), atol=1e-6)
