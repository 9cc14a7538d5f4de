"""What analyses share during one run: settings, loaded models, cached embeddings.

A Context is made once per run (or per batch worker) so models load once and
the sentence embeddings of a document are computed once for every analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from summarize.report import ModelUse
from summarize.settings import Settings

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_numpy import TokenStates
    from summarize.backends.encoder import Encoder
    from summarize.document import Document
    from summarize.entities import Actor
    from summarize.framing.token_embeddings import PieceEmbeddings


@dataclass
class Context:
    settings: Settings = field(default_factory=Settings)
    models_used: dict[tuple[str, str], ModelUse] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Sections already computed for the document being analysed, by name, so a later
    # analysis can build on an earlier one (readability reads "summary" and "framing").
    # Filled by pipeline.run_analyses, reset at the start of every document.
    sections: dict[str, Any] = field(default_factory=dict)
    # id(Document) -> (document, embeddings). The document is kept so its id is not reused.
    _embeddings: dict[int, tuple[Document, np.ndarray]] = field(default_factory=dict)
    # (model id, source) of embeddings handed in by a batch runner, so provenance names the
    # encoder without loading it in this process.
    _embeddings_encoder: tuple[str, str] | None = None
    # id(Document) -> (document, hidden layers, sub-word pieces of each sentence): the word
    # head's token vectors, computed in the same encoder pass as the sentence embeddings.
    _pieces: dict[int, tuple[Document, tuple[int, ...], list[PieceEmbeddings]]] = field(default_factory=dict)
    # id(Document) -> (document, last-layer states of every token of each sentence, [CLS] and
    # [SEP] included): sentiment's word contributions, from the same encoder pass.
    _states: dict[int, tuple[Document, list[TokenStates]]] = field(default_factory=dict)
    # Embeddings of other texts (sentiment's occlusion variants) a batch runner computed
    # across many documents; ``encode_texts`` looks here before calling the encoder.
    _text_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    # id(Document) -> (document, its named actors): sentiment's occlusion and its per-actor
    # scores both need them, and a batch runner plans the occlusion before the analysis runs.
    _actors: dict[int, tuple[Document, list[Actor]]] = field(default_factory=dict)

    def actors(self, doc: Document) -> list[Actor]:
        """The named actors of ``doc`` (``entities.find_actors``), found once per document."""
        cached = self._actors.get(id(doc))
        if cached is not None and cached[0] is doc:
            return cached[1]
        from summarize.entities import find_actors

        found = find_actors(doc)
        self._actors[id(doc)] = (doc, found)
        return found

    def encoder(self, job: str) -> Encoder:
        from summarize.backends.encoder import load_encoder

        encoder = load_encoder(self.settings.encoder)
        self.record_model(job, encoder.id, encoder.source)
        return encoder

    def sentence_embeddings(self, doc: Document, job: str) -> np.ndarray:
        """Unit-length embeddings of ``doc.sentences``, computed once per document.

        What else the chosen analyses read from the encoder (framing's word-head token
        vectors, sentiment's token states) comes out of the same forward pass: every token
        of the article is encoded once.
        """
        cached = self._embeddings.get(id(doc))
        if cached is not None and cached[0] is doc:
            self.encoder_info(job)  # records the use without loading when handed in
            return cached[1]
        encoder = self.encoder(job)
        texts = [s.text for s in doc.sentences]
        if encoder.runtime == "numpy":
            share_encoder_pass([doc], [self], encoder, self.settings)
            return self._embeddings[id(doc)][1]
        from summarize.framing.token_embeddings import (
            encode_with_pieces,
            supports_joint_pass,
            word_head_layers,
        )

        layers = word_head_layers(self.settings) if texts else None
        if layers is not None and supports_joint_pass(encoder.model):
            vectors, pieces = encode_with_pieces(encoder.model, texts, layers=layers)
            self.put_pieces(doc, layers, pieces)
        else:
            vectors = encoder.encode(texts)
        self._embeddings[id(doc)] = (doc, vectors)
        return vectors

    def token_pieces(self, doc: Document, job: str, layers: tuple[int, ...]) -> list[PieceEmbeddings]:
        """Sub-word piece vectors (hidden ``layers``) of each sentence of ``doc``, computed once."""
        cached = self._pieces.get(id(doc))
        if cached is not None and cached[0] is doc and cached[1] == tuple(layers):
            self.encoder_info(job)
            return cached[2]
        from summarize.framing.token_embeddings import encode_pieces

        pieces = encode_pieces(self.encoder(job).model, [s.text for s in doc.sentences], layers=layers)
        self.put_pieces(doc, layers, pieces)
        return pieces

    def token_states(self, doc: Document, job: str) -> list[TokenStates] | None:
        """Last-layer states of every token of each sentence (special tokens included), or None.

        Filled by the shared encoder pass when sentiment's minilm backend is chosen and the
        encoder runs on the numpy runtime with mean pooling; None otherwise.
        """
        cached = self._states.get(id(doc))
        if cached is not None and cached[0] is doc:
            self.encoder_info(job)
            return cached[1]
        return None

    def put_token_states(self, doc: Document, states: list[TokenStates]) -> None:
        self._states[id(doc)] = (doc, states)

    def put_pieces(self, doc: Document, layers: tuple[int, ...], pieces: list[PieceEmbeddings]) -> None:
        self._pieces[id(doc)] = (doc, tuple(layers), pieces)

    def encode_texts(self, texts: list[str], job: str) -> np.ndarray:
        """Unit-length embeddings of other texts; those a batch runner handed in are not re-encoded."""
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self._text_vectors]
        if missing:
            computed = self.encoder(job).encode(missing)
            if len(texts) == len(missing):  # nothing handed in: the single-article path
                return computed
            self._text_vectors.update(zip(missing, computed, strict=True))
        else:
            self.encoder_info(job)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._text_vectors[t] for t in texts])

    def put_text_embeddings(
        self, texts: list[str], vectors: np.ndarray, encoder: tuple[str, str] | None = None
    ) -> None:
        self._text_vectors.update(zip(texts, vectors, strict=True))
        if encoder is not None:
            self._embeddings_encoder = encoder

    def encoder_info(self, job: str) -> tuple[str, str]:
        """(model id, source) of the encoder, recorded for ``job``; loads it only if nothing was handed in."""
        if self._embeddings_encoder is not None:
            self.record_model(job, *self._embeddings_encoder)
            return self._embeddings_encoder
        encoder = self.encoder(job)
        return encoder.id, encoder.source

    def put_embeddings(
        self, doc: Document, vectors: np.ndarray, encoder: tuple[str, str] | None = None
    ) -> None:
        """Let a batch runner hand in embeddings it computed across many documents.

        ``encoder`` is the (model id, source) that computed them, recorded for provenance.
        """
        self._embeddings[id(doc)] = (doc, vectors)
        if encoder is not None:
            self._embeddings_encoder = encoder

    def record_model(self, job: str, model_id: str, source: str) -> None:
        self.models_used[(job, model_id)] = ModelUse(job=job, id=model_id, source=source)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def sentiment_state_layers(settings: Settings, encoder: Encoder) -> tuple[int, ...]:
    """(-1,) when sentiment's minilm backend will read token states from the shared pass.

    Its word contributions decompose the mean-pooled sentence vector, so other poolings
    (and the torch runtime) keep re-encoding occlusion variants instead.
    """
    spec = getattr(encoder.model, "spec", None)
    wanted = "sentiment" in settings.analyses and settings.sentiment.backend == "minilm"
    return (-1,) if wanted and encoder.runtime == "numpy" and getattr(spec, "mode", "") == "mean" else ()


def share_encoder_pass(
    docs: list[Document],
    contexts: list[Context],
    encoder: Encoder,
    settings: Settings,
    handed_in: bool = False,
) -> None:
    """One numpy-runtime pass over the sentences of ``docs``, its outputs handed to ``contexts``.

    Sentence embeddings for every analysis, framing's word-head piece vectors and
    sentiment's token states all come from this pass (one document, or a batch chunk).
    ``handed_in``: a batch runner's pass, so provenance names the encoder without the
    analyses loading it.
    """
    from summarize.framing.token_embeddings import word_head_layers

    texts = [s.text for doc in docs for s in doc.sentences]
    word_layers = word_head_layers(settings) if texts else None
    sentiment_layers = sentiment_state_layers(settings, encoder)
    layers = tuple(dict.fromkeys([*(word_layers or ()), *sentiment_layers]))
    vectors, states = encoder.model.encode_states(texts, layers=layers)
    info = (encoder.id, encoder.source)
    start = 0
    for doc, ctx in zip(docs, contexts, strict=True):
        end = start + len(doc.sentences)
        ctx.put_embeddings(doc, vectors[start:end], encoder=info if handed_in else None)
        if word_layers is not None:
            ctx.put_pieces(doc, word_layers, [pieces_of(state, word_layers) for state in states[start:end]])
        if sentiment_layers:
            ctx.put_token_states(doc, states[start:end])
        start = end


def pieces_of(state: TokenStates, layers: tuple[int, ...]) -> PieceEmbeddings:
    """The word head's view of a text's tokens: the non-special ones, ``layers`` side by side."""
    import numpy as np

    from summarize.framing.token_embeddings import PieceEmbeddings

    keep = ~state.special
    vectors = np.concatenate([state.layers[k][keep] for k in layers], axis=1).astype(np.float32, copy=False)
    return PieceEmbeddings(offsets=state.offsets[keep], vectors=vectors)
