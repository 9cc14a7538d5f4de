"""Sentiment toward each named actor: the writer's stance, with the sentences that drove it.

With the minilm backend the score comes from the actor stance head (``stance.py``), trained on
the author's stance toward a person, not on how good or bad the events are. Without it (vader or
hf backends, or the head missing) the score is the mean score of the sentences that mention the
actor, and says so in ``method``.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.entities.actors import Actor
from summarize.sentiment.section import ActorEvidence, ActorSentiment, Contribution
from summarize.sentiment.stance import StanceScore

EVIDENCE_PER_ACTOR = 3
STANCE_METHOD = "stance head"
MEAN_METHOD = "sentence mean"


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
    stances: Sequence[StanceScore | None] = (),
) -> tuple[ActorSentiment, ...]:
    """One entry per actor (the first ``limit``); ``stances[k]`` scores ``actors[k]`` when given."""
    out: list[ActorSentiment] = []
    for k, actor in enumerate(actors[:limit]):
        sentences = actor.sentences
        if not sentences:
            continue
        stance = stances[k] if k < len(stances) else None
        if stance is not None:
            score, label, method = stance.score, stance.label, STANCE_METHOD
            pushes = dict(stance.contributions)
        else:
            score = sum(scores[i] for i in sentences) / len(sentences)
            label, method = label_for(score, neutral_band), MEAN_METHOD
            pushes = {i: scores[i] / len(sentences) for i in sentences}
        out.append(
            ActorSentiment(
                name=actor.name,
                kind=actor.kind,
                aliases=actor.aliases,
                mentions=actor.count,
                score=round(score, 4),
                label=label,
                evidence=_evidence(pushes, score, scores, contributions),
                method=method,
                mention_sentences=sentences,
            )
        )
    return tuple(out)


def _evidence(
    pushes: dict[int, float],
    score: float,
    scores: tuple[float, ...],
    contributions: tuple[tuple[Contribution, ...], ...],
) -> tuple[ActorEvidence, ...]:
    """The sentences that pushed the score its way most (by size when it is near zero)."""
    sign = 1 if score > 0.05 else -1 if score < -0.05 else 0
    ranked = sorted(pushes, key=lambda i: -(pushes[i] * sign if sign else abs(pushes[i])))
    return tuple(
        ActorEvidence(
            sentence=i,
            score=round(scores[i], 4),
            words=tuple(c.text for c in contributions[i] if _agrees(c.weight, scores[i])),
            contribution=round(pushes[i], 4),
        )
        for i in ranked[:EVIDENCE_PER_ACTOR]
    )


def _agrees(weight: float, score: float) -> bool:
    """Evidence words push the sentence the way it went (both signs when it is near zero)."""
    return abs(score) < 0.05 or (weight > 0) == (score > 0)
