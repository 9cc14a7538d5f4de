"""Batched encoder work (``batch.encoding``) and the Context paths it fills, on the real encoder."""

from __future__ import annotations

import json

import numpy as np
import pytest

from summarize.backends import encoder as encoder_module
from summarize.backends.encoder import load_encoder
from summarize.batch.encoding import needs_encoder, prefill_contexts
from summarize.context import Context
from summarize.document import build_document
from summarize.framing.analysis import needs as framing_needs
from summarize.framing.token_embeddings import encode_pieces, encode_with_pieces
from summarize.pipeline import run_analyses
from summarize.sentiment.scoring import minilm_occlusion_texts, name_spans
from summarize.sentiment.settings import SentimentSettings
from summarize.settings import Settings

from .conftest import ARTICLES, assert_same

ANALYSES = ("summary", "sentiment", "framing", "readability")


def stable(report: dict) -> dict:
    report = json.loads(json.dumps(report))
    report["provenance"].pop("timings", None)
    return report


class NoEncoderContext(Context):
    """A Context whose analyses must find all encoder output handed in."""

    def encoder(self, job: str):  # type: ignore[override]
        raise AssertionError(f"{job} loaded the encoder although its output was handed in")


class RecordingContext(Context):
    """The single-article path, remembering which extra texts it encoded."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.extra_texts: list[str] = []

    def encode_texts(self, texts: list[str], job: str) -> np.ndarray:
        self.extra_texts.extend(texts)
        return super().encode_texts(texts, job)


def test_one_pass_gives_the_sentence_embeddings_and_the_token_vectors() -> None:
    doc = build_document(ARTICLES["council"] + "\n\n" + ARTICLES["storm"])
    texts = [s.text for s in doc.sentences]
    model = load_encoder().model
    vectors, pieces = encode_with_pieces(model, texts, layers=(5, 6))
    # Same batches and dtype as the encoder's own pooling: the same vectors.
    np.testing.assert_allclose(vectors, load_encoder().encode(texts), atol=1e-6)
    separate = encode_pieces(model, texts, layers=(5, 6))
    assert len(pieces) == len(texts)
    for joint, alone in zip(pieces, separate, strict=True):
        assert (joint.offsets == alone.offsets).all()
        assert joint.vectors.shape == alone.vectors.shape == (len(alone.offsets), 2 * 384)
        # bf16 noise between batch layouts only: the rows agree in direction.
        cos = (joint.vectors * alone.vectors).sum(1) / (
            np.linalg.norm(joint.vectors, axis=1) * np.linalg.norm(alone.vectors, axis=1)
        )
        assert cos.min() > 0.99


def test_context_computes_word_head_pieces_with_the_sentence_embeddings() -> None:
    settings = Settings(analyses=("framing",))
    layers = framing_needs(settings).piece_layers
    assert layers and "token_pieces" in framing_needs(settings).encoder
    doc = build_document(ARTICLES["council"])
    ctx = Context(settings=settings)
    ctx.sentence_embeddings(doc, "framing")
    # The pieces are already there: asking for them must not reach the encoder again.
    cached = ctx._pieces[id(doc)]
    assert cached[0] is doc and cached[1] == layers and len(cached[2]) == len(doc.sentences)
    assert ctx.token_pieces(doc, "framing", layers) is cached[2]


def test_the_numpy_runtime_encodes_no_occlusion_variants() -> None:
    """Sentiment's word contributions come from the sentences' own pass: no extra texts."""
    settings = Settings(analyses=("sentiment",))
    doc = build_document(ARTICLES["bridge"])
    ctx = RecordingContext(settings=settings)
    report = run_analyses(doc, ctx)
    assert ctx.extra_texts == []
    assert {c.method for c in report.sentiment.contributions} == {"linearized-occlusion"}


@pytest.mark.slow
def test_occlusion_texts_are_those_the_single_article_path_encodes(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.backends import encoder as encoder_module

    monkeypatch.setenv("SUMMARIZE_ENCODER_RUNTIME", "torch")  # the runtime that still occludes
    monkeypatch.setattr(encoder_module, "_CACHE", {})
    settings = Settings(analyses=("sentiment",))
    doc = build_document("\n\n".join(ARTICLES[name] for name in ("bridge", "match", "council")))
    ctx = RecordingContext(settings=settings)
    run_analyses(doc, ctx)
    names = name_spans(ctx.actors(doc))
    vectors = ctx.sentence_embeddings(doc, "sentiment")
    planned = minilm_occlusion_texts(doc, vectors, settings.sentiment, names)
    assert names and planned and planned == ctx.extra_texts
    vader = SentimentSettings(backend="vader")  # explains by lexicon: nothing to encode
    assert minilm_occlusion_texts(doc, ctx.sentence_embeddings(doc, "sentiment"), vader) == []


@pytest.mark.slow
def test_prefilled_contexts_give_the_single_article_reports_without_the_encoder() -> None:
    settings = Settings(analyses=ANALYSES)
    assert needs_encoder(settings) and not needs_encoder(Settings(analyses=("readability",)))
    docs = [build_document(ARTICLES[name]) for name in ("bridge", "council", "storm", "match")]
    contexts: list[Context] = [NoEncoderContext(settings=settings) for _ in docs]
    prefill_contexts(docs, contexts, settings)
    for doc, ctx in zip(docs, contexts, strict=True):
        batched = run_analyses(doc, ctx).to_dict()
        single = run_analyses(doc, Context(settings=settings)).to_dict()
        assert_same(stable(batched), stable(single))
        assert batched["sentiment"]["sentences"]  # sentiment ran, with its occlusion texts handed in


@pytest.mark.slow
def test_a_batch_on_openvino_agrees_with_the_single_article_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the CPU has bf16 units a batch runs OpenVINO: the same decisions, scores within
    bf16 rounding, and the provenance says which runtime computed the vectors."""
    pytest.importorskip("openvino")
    monkeypatch.delenv("SUMMARIZE_ENCODER_RUNTIME", raising=False)
    monkeypatch.setattr(encoder_module, "_CACHE", {})
    monkeypatch.setattr(encoder_module, "openvino_has_bf16", lambda: True)
    settings = Settings(analyses=ANALYSES)
    docs = [build_document(ARTICLES[name]) for name in ("bridge", "council", "storm", "match")]
    contexts: list[Context] = [NoEncoderContext(settings=settings) for _ in docs]
    prefill_contexts(docs, contexts, settings)
    monkeypatch.setattr(encoder_module, "_CACHE", {})  # the single articles: numpy, in a fresh cache
    for doc, ctx in zip(docs, contexts, strict=True):
        batched = run_analyses(doc, ctx).to_dict()
        single = run_analyses(doc, Context(settings=settings)).to_dict()
        for a, b in zip(batched["sentiment"]["sentences"], single["sentiment"]["sentences"], strict=True):
            assert a["score"] == pytest.approx(b["score"], abs=0.01) and a["label"] == b["label"]
        assert [s["biased"] for s in batched["framing"]["sentences"]] == [
            s["biased"] for s in single["framing"]["sentences"]
        ]
        assert batched["summary"]["sentences"] == single["summary"]["sentences"]
        sources = {m["source"] for m in batched["provenance"]["models"] if m["id"].endswith("MiniLM-L6-v2")}
        assert sources and all("OpenVINO" in source for source in sources)


@pytest.mark.slow
def test_a_text_gets_the_same_vector_alone_or_in_any_batch() -> None:
    encoder = load_encoder()
    doc = build_document(" ".join(ARTICLES[name] for name in ("bridge", "council", "storm")))
    texts = [s.text for s in doc.sentences]
    together = encoder.encode(texts, batch_size=64)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    # Unpadded batches: bit-identical, whatever shares the batch (padded bf16 batches were not).
    assert np.array_equal(together, alone)
    assert np.array_equal(encoder.encode(texts[::-1], batch_size=3)[::-1], alone)


def test_small_encoder_calls_run_on_one_thread_and_restore_the_setting() -> None:
    import torch

    from summarize.backends.light_encoder import SMALL_CALL_TOKENS, few_threads_for

    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        with few_threads_for([[1] * 10]):
            assert torch.get_num_threads() == 1
        assert torch.get_num_threads() == 2
        with few_threads_for([[1] * SMALL_CALL_TOKENS]):
            assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
