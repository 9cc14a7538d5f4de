"""A mention found in the text, before mentions are grouped into actors."""

from __future__ import annotations

from dataclasses import dataclass

from summarize.entities.tokens import Tok, surface_of


@dataclass(slots=True)
class Found:
    """A mention before grouping: its key says which actor it may belong to."""

    tokens: list[Tok]
    kind: str  # person, country, organisation, place, other
    key: str  # canonical name for gazetteer hits, the surface otherwise
    role: str
    person_hint: bool = False  # a title, honorific, speech verb or appositive marked it as a person
    head: bool = False  # its kind comes from a head word ("Council", "Street") or the gazetteer

    @property
    def text(self) -> str:
        return surface_of(self.tokens)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.tokens)
