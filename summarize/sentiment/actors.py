"""Targeted sentiment: the score of the sentences that mention each named actor."""

from __future__ import annotations

from summarize.entities.actors import Actor
from summarize.sentiment.section import ActorEvidence, ActorSentiment, Contribution

EVIDENCE_PER_ACTOR = 3


def label_for(score: float, neutral_band: float) -> str:
    if score >= neutral_band:
        return "positive"
    if score <= -neutral_band:
        return "negative"
    return "neutral"


def actor_sentiments(
    actors: list[Actor],
    scores: tuple[float, ...],
    contributions: tuple[tuple[Contribution, ...], ...],
    neutral_band: float,
    limit: int,
) -> tuple[ActorSentiment, ...]:
    out: list[ActorSentiment] = []
    for actor in actors[:limit]:
        sentences = actor.sentences
        if not sentences:
            continue
        score = sum(scores[i] for i in sentences) / len(sentences)
        strongest = sorted(sentences, key=lambda i: -abs(scores[i]))[:EVIDENCE_PER_ACTOR]
        evidence = tuple(
            ActorEvidence(
                sentence=i,
                score=round(scores[i], 4),
                words=tuple(c.text for c in contributions[i] if _agrees(c.weight, scores[i])),
            )
            for i in strongest
        )
        out.append(
            ActorSentiment(
                name=actor.name,
                kind=actor.kind,
                aliases=actor.aliases,
                mentions=actor.count,
                score=round(score, 4),
                label=label_for(score, neutral_band),
                evidence=evidence,
            )
        )
    return tuple(out)


def _agrees(weight: float, score: float) -> bool:
    """Evidence words push the sentence the way it went (both signs when it is near zero)."""
    return abs(score) < 0.05 or (weight > 0) == (score > 0)
