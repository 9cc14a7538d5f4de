"""What analyses share during one run: settings, loaded models, cached embeddings.

A Context is made once per run (or per batch worker) so models load once and
the sentence embeddings of a document are computed once for every analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarize.report import ModelUse, Sections
from summarize.settings import Settings

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_numpy import NumpyBert, TokenStates
    from summarize.backends.encoder import Encoder
    from summarize.document import Document
    from summarize.entities import Actor
    from summarize.framing.token_embeddings import PieceEmbeddings  # a type only: no import at run time


@dataclass
class Context:
    settings: Settings = field(default_factory=Settings)
    models_used: dict[tuple[str, str], ModelUse] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Earlier sections of the document being analysed, by name, for an analysis that builds on
    # them: while an analysis runs, the ones it declared (``Needs.sections``) that ran before
    # it; after the run, all of them. Filled by pipeline.run_analyses, reset per document.
    sections: Sections = field(default_factory=Sections)
    # id(Document) -> (document, embeddings). The document is kept so its id is not reused.
    _embeddings: dict[int, tuple[Document, np.ndarray]] = field(default_factory=dict)
    # (model id, source) of embeddings handed in by a batch runner, so provenance names the
    # encoder without loading it in this process.
    _embeddings_encoder: tuple[str, str] | None = None
    # id(Document) -> (document, hidden layers, sub-word pieces of each sentence): the word
    # head's token vectors, computed in the same encoder pass as the sentence embeddings.
    _pieces: dict[int, tuple[Document, tuple[int, ...], list[PieceEmbeddings]]] = field(default_factory=dict)
    # id(Document) -> (document, the last two layers' states of every token of each sentence,
    # [CLS] and [SEP] included): sentiment's word contributions, from the same encoder pass.
    _states: dict[int, tuple[Document, list[TokenStates]]] = field(default_factory=dict)
    # The weights of the encoder that computed those states (sentiment re-reads its last block).
    _states_model: NumpyBert | None = None
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
        self.record_model(job, encoder.id, encoder.provenance)
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
        from summarize.encoder_pass import fill
        from summarize.needs import encoder_needs

        fill([doc], [self], self.encoder(job), encoder_needs(self.settings))
        return self._embeddings[id(doc)][1]

    def handed_in_embeddings(self, doc: Document) -> np.ndarray | None:
        """The sentence embeddings of ``doc`` if already computed, recording no model use."""
        cached = self._embeddings.get(id(doc))
        return cached[1] if cached is not None and cached[0] is doc else None

    def token_pieces(self, doc: Document, job: str, layers: tuple[int, ...]) -> list[PieceEmbeddings]:
        """Sub-word piece vectors (hidden ``layers``) of each sentence of ``doc``, computed once."""
        cached = self._pieces.get(id(doc))
        if cached is not None and cached[0] is doc and cached[1] == tuple(layers):
            self.encoder_info(job)
            return cached[2]
        from summarize.encoder_pass import encode_pieces_of

        pieces = encode_pieces_of(self.encoder(job), [s.text for s in doc.sentences], tuple(layers))
        self.put_pieces(doc, layers, pieces)
        return pieces

    def token_states(self, doc: Document, job: str) -> list[TokenStates] | None:
        """The last two layers' states of every token of each sentence (special tokens included), or None.

        Filled by the encoder pass when an analysis declared them (``Needs.encoder``) and the
        encoder runs on the numpy runtime with mean pooling; None otherwise.
        """
        cached = self._states.get(id(doc))
        if cached is not None and cached[0] is doc:
            self.encoder_info(job)
            return cached[1]
        return None

    def has_token_states(self, doc: Document) -> bool:
        """Whether the encoder pass handed in token states for ``doc`` (recording no model use)."""
        cached = self._states.get(id(doc))
        return cached is not None and cached[0] is doc

    def put_token_states(self, doc: Document, states: list[TokenStates], model: NumpyBert) -> None:
        self._states[id(doc)] = (doc, states)
        self._states_model = model

    def token_states_model(self) -> NumpyBert | None:
        """The weights of the encoder whose pass gave the token states (None if none was given)."""
        return self._states_model

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
