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

    from summarize.backends.encoder import Encoder
    from summarize.document import Document


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

    def encoder(self, job: str) -> Encoder:
        from summarize.backends.encoder import load_encoder

        encoder = load_encoder(self.settings.summary.encoder)
        self.record_model(job, encoder.id, encoder.source)
        return encoder

    def sentence_embeddings(self, doc: Document, job: str) -> np.ndarray:
        """Unit-length embeddings of ``doc.sentences``, computed once per document."""
        cached = self._embeddings.get(id(doc))
        if cached is not None and cached[0] is doc:
            if self._embeddings_encoder is not None:
                self.record_model(job, *self._embeddings_encoder)
            else:
                self.encoder(job)  # records the use; loading is cached
            return cached[1]
        encoder = self.encoder(job)
        vectors = encoder.encode([s.text for s in doc.sentences])
        self._embeddings[id(doc)] = (doc, vectors)
        return vectors

    def put_embeddings(
        self, doc: Document, vectors: np.ndarray, encoder: tuple[str, str] | None = None
    ) -> None:
        """Let a batch runner hand in embeddings it computed across many documents.

        ``encoder`` is the (model id, source) that computed them, recorded for provenance.
        """
        self._embeddings[id(doc)] = (doc, vectors)
        if encoder is not None:
            self._embeddings_encoder = encoder

    def forget(self, doc: Document) -> None:
        self._embeddings.pop(id(doc), None)

    def record_model(self, job: str, model_id: str, source: str) -> None:
        self.models_used[(job, model_id)] = ModelUse(job=job, id=model_id, source=source)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def extra(self) -> dict[str, Any]:
        return {}
