"""What each analysis needs before it runs: earlier sections and encoder outputs.

Every analysis module (``summarize/<name>/analysis.py``) exposes ``needs(settings) ->
Needs``. The pipeline runs the analyses in an order the declarations allow and hands each
one the earlier sections it declared; the encoder pass (``summarize.encoder_pass``), for
one article or a batch chunk, computes the union of the encoder outputs the chosen
analyses declared, in one forward pass where the runtime allows.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from summarize.sections import SECTIONS

if TYPE_CHECKING:
    from summarize.context import Context
    from summarize.document import Document
    from summarize.settings import Settings

# - sentence_embeddings: unit-length vectors of the document's sentences;
# - token_pieces: the sub-word pieces of each sentence with the hidden ``piece_layers``
#   side by side (``Context.token_pieces``);
# - token_states: the last two layers' states of every token of each sentence, when the sentence
#   vector is their mean (numpy runtime, mean pooling; otherwise not provided and the
#   analysis falls back on re-encoding, ``Needs.other_texts``).
EncoderOutput = Literal["sentence_embeddings", "token_pieces", "token_states"]
# The texts beyond the sentences an analysis will encode for ``doc`` (its Context holds the
# sentence embeddings by then): a batch runner encodes them across many documents at once.
OtherTexts = Callable[["Document", "Context"], list[str]]


@dataclass(frozen=True, slots=True)
class Needs:
    # Earlier sections this analysis reads when they are chosen too (it runs after them).
    sections: tuple[str, ...] = ()
    encoder: tuple[EncoderOutput, ...] = ()
    piece_layers: tuple[int, ...] = ()  # the hidden layers of "token_pieces"
    other_texts: OtherTexts | None = None

    def with_encoder_outputs_of(self, other: Needs) -> Needs:
        """These encoder outputs and ``other``'s (what one pass must compute for both)."""
        return Needs(
            encoder=tuple(dict.fromkeys((*self.encoder, *other.encoder))),
            piece_layers=tuple(dict.fromkeys((*self.piece_layers, *other.piece_layers))),
        )


def analysis_module(name: str) -> ModuleType:
    if name not in SECTIONS:
        raise KeyError(name)
    return importlib.import_module(f"summarize.{name}.analysis")


def needs_of(name: str, settings: Settings) -> Needs:
    declared: Needs = analysis_module(name).needs(settings)
    return declared


def chosen_needs(settings: Settings) -> dict[str, Needs]:
    """Each chosen analysis's declaration, by name."""
    return {name: needs_of(name, settings) for name in settings.analyses if name in SECTIONS}


def encoder_needs(settings: Settings) -> Needs:
    """What one encoder pass must compute for every chosen analysis."""
    total = Needs()
    for declared in chosen_needs(settings).values():
        total = total.with_encoder_outputs_of(declared)
    return total


def other_text_planners(settings: Settings) -> list[OtherTexts]:
    return [n.other_texts for n in chosen_needs(settings).values() if n.other_texts is not None]


def run_order(declared: dict[str, Needs]) -> list[str]:
    """The analyses in an order where each runs after the chosen sections it reads.

    Among the analyses free to run, the report's section order decides, so provenance
    (models in the order they were used) does not depend on the order the user gave.
    """
    waiting = {name: {s for s in n.sections if s in declared and s != name} for name, n in declared.items()}
    order: list[str] = []
    while waiting:
        ready = [name for name, after in waiting.items() if not after]
        if not ready:
            raise ValueError(f"analyses wait on each other: {sorted(waiting)}")
        first = min(ready, key=_section_rank)
        order.append(first)
        del waiting[first]
        for after in waiting.values():
            after.discard(first)
    return order


def _section_rank(name: str) -> int:
    return SECTIONS.index(name)
