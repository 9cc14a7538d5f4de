"""Sentiment: per article, per sentence and toward each named actor, with the words behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.context import Context
from summarize.document import Document
from summarize.needs import Needs
from summarize.sentiment.actors import actor_sentiments, label_for
from summarize.sentiment.section import (
    Contribution,
    DocumentScore,
    SentenceScore,
    SentimentSection,
)

if TYPE_CHECKING:
    from summarize.entities import Actor
    from summarize.sentiment.scoring import Scored
    from summarize.sentiment.stance import StanceScore
    from summarize.settings import Settings

STANCE_KINDS = ("person", "other")  # "other": undecided names, mostly people in news
TOP_WORDS_SHOWN = 8


def needs(settings: Settings) -> Needs:
    """The minilm backend reads the sentence embeddings (its head and the actor stance head) and
    explains each sentence from its token states; without them, by re-encoding occlusion variants."""
    if settings.sentiment.backend != "minilm":
        return Needs()
    return Needs(encoder=("sentence_embeddings", "token_states"), other_texts=occlusion_texts)


def occlusion_texts(doc: Document, ctx: Context) -> list[str]:
    """The occlusion variants the minilm backend will encode for ``doc`` (none when the encoder
    pass handed in its token states); a batch runner encodes them across many documents."""
    from summarize.sentiment.scoring import minilm_occlusion_texts, name_spans

    embeddings = ctx.handed_in_embeddings(doc)
    if embeddings is None or ctx.has_token_states(doc):
        return []
    return minilm_occlusion_texts(doc, embeddings, ctx.settings.sentiment, name_spans(ctx.actors(doc)))


def run(doc: Document, ctx: Context) -> SentimentSection:
    from summarize.sentiment.scoring import NEUTRAL_BAND, name_spans, score_document

    settings = ctx.settings.sentiment
    band = (
        settings.neutral_band
        if settings.neutral_band is not None
        else NEUTRAL_BAND.get(settings.backend, 0.1)
    )
    found = ctx.actors(doc)
    scored = score_document(doc, ctx, settings, names=name_spans(found))
    sentences = tuple(
        SentenceScore(
            index=s.index,
            score=round(scored.scores[s.index], 4),
            label=label_for(scored.scores[s.index], band),
            words=scored.contributions[s.index],
        )
        for s in doc.sentences
    )
    document_score = document_mean(doc, scored.scores)
    stances = actor_stances(doc, ctx, found[: settings.max_actors], scored, document_score)
    actors = actor_sentiments(found, scored.scores, scored.contributions, band, settings.max_actors, stances)
    contributions = tuple(sorted((c for cs in scored.contributions for c in cs), key=lambda c: c.start))
    return SentimentSection(
        pushed_up=strongest_words(contributions, 1),
        pushed_down=strongest_words(contributions, -1),
        backend=settings.backend,
        model=scored.model,
        document=DocumentScore(score=round(document_score, 4), label=label_for(document_score, band)),
        sentences=sentences,
        actors=actors,
        contributions=contributions,
        neutral_band=band,
        explanation=scored.explanation,
    )


def actor_stances(
    doc: Document, ctx: Context, actors: list[Actor], scored: Scored, document_score: float
) -> list[StanceScore | None]:
    """The stance head's score for each person (minilm backend only: it reads minilm sentence scores).

    Other backends, a missing head, and actors that are not people (the head was trained on people)
    fall back to the mean of the actor's sentence scores.
    """
    if ctx.settings.sentiment.backend != "minilm" or not actors:
        return []
    from summarize.errors import ModelError
    from summarize.sentiment.stance import SentenceInput, head_path, load_head, mention_roles
    from summarize.sentiment.vader_backend import compound_scores

    try:
        head = load_head()
    except ModelError as exc:
        ctx.warn(f"sentiment: actor scores are sentence means ({exc.message})")
        return []
    ctx.record_model(
        "sentiment", "summarize/actor_stance", f"project:{head_path().parent.name}/{head_path().name}"
    )
    embeddings = ctx.sentence_embeddings(doc, "sentiment") if "embedding" in head.uses else None
    scores = scored.scores
    if "vader" not in head.uses:
        vader = [0.0] * len(scores)
    elif scored.vader is not None:  # the sentiment head read the same compounds
        vader = list(scored.vader)
    else:
        vader = compound_scores([s.text for s in doc.sentences])
    out: list[StanceScore | None] = []
    for actor in actors:
        if actor.kind not in STANCE_KINDS:
            out.append(None)  # trained and measured on people only: countries keep the sentence mean
            continue
        roles = mention_roles(doc, actor)
        inputs = [
            SentenceInput(
                i,
                embeddings[i] if embeddings is not None else None,
                vader[i],
                scores[i],
                roles.get(i, "object"),
            )
            for i in actor.sentences
        ]
        out.append(head.score(inputs, document_score, len(doc.sentences)))
    return out


def document_mean(doc: Document, scores: tuple[float, ...]) -> float:
    """Mean sentence score weighted by word count, so a one-word line counts little."""
    weights = [max(1, sum(1 for t in doc.sentence_tokens(s.index) if t.is_word)) for s in doc.sentences]
    total = sum(weights)
    return sum(w * s for w, s in zip(weights, scores, strict=True)) / total if total else 0.0


def strongest_words(
    contributions: tuple[Contribution, ...], sign: int, limit: int = TOP_WORDS_SHOWN
) -> tuple[Contribution, ...]:
    """The strongest words pushing one way, one entry per word form.

    Lexicon weights are on another scale than the model's (pooled-)occlusion weights, so
    when a backend explained with its model, only those weights are ranked here (the JSON's
    ``contributions`` keeps both).
    """
    methods = {c.method for c in contributions}
    model_methods = sorted(methods - {"lexicon"})
    method = model_methods[0] if model_methods else "lexicon"
    best: dict[str, Contribution] = {}
    for c in contributions:
        if c.method != method or c.weight * sign <= 0:
            continue
        key = c.text.lower()
        if key not in best or abs(c.weight) > abs(best[key].weight):
            best[key] = c
    return tuple(sorted(best.values(), key=lambda c: -abs(c.weight))[:limit])
