"""What `summarize tokens` reports: numbered sentences, counts and model tokens, with warnings.

Plain typed data, built once from the document and the token counts; the renderers
(``summarize/render/<format>/tokens.py``) draw it, and its JSON is ``to_jsonable`` of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.backends.token_counts import ModelTokens
from summarize.document import Document


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """One sentence of the article, with its character offsets and word count."""

    index: int
    text: str
    start: int
    end: int
    words: int


@dataclass(frozen=True, slots=True)
class TokenCounts:
    """`summarize tokens`' result; field names are its JSON keys, in this order."""

    source: str  # where the article came from, else what kind of input it was
    words: int
    characters: int
    sentences: tuple[SentenceWords, ...]
    models: tuple[ModelTokens, ...]
    warnings: tuple[str, ...]


def token_counts(doc: Document, counts: list[ModelTokens]) -> TokenCounts:
    return TokenCounts(
        source=doc.source.location or doc.source.kind,
        words=doc.word_count,
        characters=len(doc.text),
        sentences=tuple(
            SentenceWords(
                index=s.index,
                text=s.text,
                start=s.start,
                end=s.end,
                words=sum(1 for t in doc.sentence_tokens(s.index) if t.is_word),
            )
            for s in doc.sentences
        ),
        models=tuple(counts),
        warnings=tuple(context_warnings(counts)),
    )


def context_warnings(counts: list[ModelTokens]) -> list[str]:
    """One warning per model whose context the article (or one of its sentences) exceeds."""
    out: list[str] = []
    for c in counts:
        if c.per == "sentence" and c.over_context:
            shown = ", ".join(str(i + 1) for i in c.over_context[:10])
            out.append(
                f"{c.model}: sentence(s) {shown} exceed its {c.context}-token input and are "
                "truncated when embedded"
            )
        if c.per == "document" and c.context and c.tokens > c.context:
            chunks = -(-c.tokens // c.context)
            out.append(
                f"{c.model}: the article ({c.tokens:,} tokens) exceeds its {c.context:,}-token "
                f"context; summaries will use about {chunks} chunks"
            )
    return out
