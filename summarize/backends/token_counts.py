"""Model token counts of an article for `summarize tokens`: the encoder's per sentence, a
generation model's for the whole text, each with its context length where known."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Protocol

from summarize.document import Document


@dataclass(frozen=True, slots=True)
class ModelTokens:
    model: str
    source: str
    tokens: int
    context: int | None  # the model's maximum input length, where known
    per: str  # "sentence" (encoders embed one sentence at a time) or "document"
    over_context: list[int]  # indices of sentences (per=sentence) that exceed the context


class _Encodes(Protocol):
    """The `encode(text).ids` shape of a `tokenizers.Tokenizer`."""

    def encode(self, text: str) -> Any: ...


class _FastTokenizerView:
    """Gives a transformers tokenizer the `encode(text).ids` shape of a `tokenizers.Tokenizer`."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer

    def encode(self, text: str) -> SimpleNamespace:
        return SimpleNamespace(ids=self._tokenizer(text, add_special_tokens=True)["input_ids"])


def _encoder_tokenizer(target: str, source: str) -> _Encodes | None:
    """The encoder's tokenizer: its tokenizer.json (no torch), else transformers' for a hub id."""
    from summarize.backends.tokens import load_tokenizer

    tokenizer: _Encodes | None = load_tokenizer(target)
    if tokenizer is None and source == "hub":
        from summarize.backends.hub import hub_load_mode

        local_only = hub_load_mode(target, "sentence embeddings")
        from transformers import AutoTokenizer

        tokenizer = _FastTokenizerView(AutoTokenizer.from_pretrained(target, local_files_only=local_only))
    return tokenizer


def count_for_models(doc: Document, encoder: str, model: str | None) -> list[ModelTokens]:
    """Token counts of ``doc`` for the sentence ``encoder`` and, if named, the generation ``model``."""
    from summarize.backends.encoder import resolve_encoder
    from summarize.backends.registry import get_entry

    results: list[ModelTokens] = []
    target, model_id, source = resolve_encoder(encoder)
    tokenizer = _encoder_tokenizer(target, source)
    entry = get_entry(encoder)
    context = entry.max_tokens if entry else None
    if tokenizer is not None:
        per_sentence = [len(tokenizer.encode(s.text).ids) for s in doc.sentences]
        over = [i for i, n in enumerate(per_sentence) if context and n > context]
        results.append(
            ModelTokens(model_id, source, len(tokenizer.encode(doc.text).ids), context, "sentence", over)
        )
    if model:
        from summarize.backends.tokens import generation_model_tokens

        counted = generation_model_tokens(model, doc.text)
        if counted is None:
            from summarize.backends.registry import missing_model_error

            raise missing_model_error(model, "token counting")
        model_id, source, n, generation_context = counted
        results.append(ModelTokens(model_id, source, n, generation_context, "document", []))
    return results
