"""The sentiment section of a report. Field names are the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Contribution:
    """A word that pushed a sentence's score up (weight > 0) or down (weight < 0)."""

    text: str
    start: int  # character offsets into the article text
    end: int
    weight: float
    sentence: int
    # "lexicon" (VADER's valence), "occlusion" (score change when the word is removed and the
    # sentence re-encoded) or "linearized-occlusion" (the word's tokens removed from the pooled
    # vector, the other tokens' change in the last block estimated to first order)
    method: str


@dataclass(frozen=True, slots=True)
class SentenceScore:
    index: int
    score: float  # -1..1
    label: str
    words: tuple[Contribution, ...]  # the top contributing words of this sentence


@dataclass(frozen=True, slots=True)
class DocumentScore:
    score: float  # -1..1, the length-weighted mean of the sentence scores
    label: str


@dataclass(frozen=True, slots=True)
class ActorEvidence:
    sentence: int
    score: float  # the sentence's own score
    words: tuple[str, ...]  # the sentence's contributing words, strongest first
    contribution: float = 0.0  # how much this sentence moved the actor's score (same units as score)


@dataclass(frozen=True, slots=True)
class ActorSentiment:
    name: str
    kind: str  # person, country, organisation, place, other
    aliases: tuple[str, ...]
    mentions: int
    score: float  # the writer's stance toward the actor (-1..1); see method
    label: str
    evidence: tuple[ActorEvidence, ...]  # the sentences that drove the score most, strongest first
    method: str = "sentence mean"  # "stance head" (models/actor_stance) or "sentence mean" (fallback)
    mention_sentences: tuple[int, ...] = ()  # every sentence that mentions the actor


@dataclass(frozen=True, slots=True)
class SentimentSection:
    backend: str
    model: str
    document: DocumentScore
    sentences: tuple[SentenceScore, ...]
    actors: tuple[ActorSentiment, ...]
    contributions: tuple[Contribution, ...]  # every explained word, in text order
    neutral_band: float
    explanation: str  # how contributions were computed
    # The strongest words pushing the article's scores up / down, one entry per word form:
    # the one list every format shows (terminal, Markdown, HTML, JSON).
    pushed_up: tuple[Contribution, ...] = ()
    pushed_down: tuple[Contribution, ...] = ()
