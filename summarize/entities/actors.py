"""The plain data of named actors: who is named, how, and where."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    text: str  # the surface form as written ("Beijing", "Xi", "Chinese")
    start: int  # character offsets into Document.text
    end: int
    sentence: int
    role: str  # name, demonym, seat, surname, acronym, title-name


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical: "China", "Xi Jinping", "European Union"
    kind: str  # person, country, organisation, place, other
    aliases: tuple[str, ...]  # every distinct surface form seen, most frequent first
    mentions: tuple[Mention, ...]  # in text order

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def sentences(self) -> tuple[int, ...]:
        """Indices of the sentences that mention the actor, in order, without repeats."""
        return tuple(dict.fromkeys(m.sentence for m in self.mentions))
