"""All the encoder work of many articles, batched across them, handed to their Contexts.

What to encode comes from the analyses' own declarations (``summarize.needs``), the same
ones the single-article path reads, and the work is the same function
(``encoder_pass.fill``): on the numpy runtime one pass over the sentences of all the
articles of a chunk gives every output, so every token is encoded once. Texts beyond
the sentences that an analysis declared (sentiment's occlusion variants, when the
runtime gives no token states) are encoded in one more call. The analyses then find
everything in their Context and never load the encoder themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.needs import encoder_needs, other_text_planners
from summarize.settings import Settings

if TYPE_CHECKING:
    from summarize.context import Context
    from summarize.document import Document

ENCODE_BATCH = 64  # texts per forward pass: 64 and 128 cost the same here, 32 ~30% more


def needs_encoder(settings: Settings) -> bool:
    """Whether the chosen analyses declared encoder outputs (so the runner should batch them)."""
    return bool(encoder_needs(settings).encoder)


def prefill_contexts(docs: list[Document], contexts: list[Context], settings: Settings) -> None:
    """Compute the encoder output ``docs`` will need and hand it to their ``contexts``."""
    from summarize.backends.encoder import load_encoder
    from summarize.encoder_pass import fill, fill_other_texts

    if not docs:
        return
    encoder = load_encoder(settings.encoder, purpose="batch")
    fill(docs, contexts, encoder, encoder_needs(settings), handed_in=True, batch_size=ENCODE_BATCH)
    fill_other_texts(docs, contexts, encoder, other_text_planners(settings), batch_size=ENCODE_BATCH)
