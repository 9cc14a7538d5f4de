"""Sentence scores and word contributions for each backend.

- ``vader``: VADER compound per sentence; contributions are VADER's word valences.
- ``minilm``: the trained head on the shared MiniLM sentence embeddings (+ VADER's
  compound). Every sentence is explained from the encoder pass that scored it
  ("linearized-occlusion": each word's tokens taken out of the mean-pooled sentence vector,
  plus a first-order estimate of the other tokens' change in the last block, the head
  re-applied); with an encoder the numpy runtime cannot run, the most polar
  sentences are explained by occlusion (re-encode the sentence with each word removed)
  and the others by VADER's word valences. Each contribution names its method.
- ``hf``: a sequence-classification model; explained by occlusion the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.context import Context
from summarize.document import Document, Token
from summarize.errors import UsageError
from summarize.sentiment.section import Contribution
from summarize.sentiment.settings import BACKENDS, SentimentSettings
from summarize.sentiment.vader_backend import VADER_ID, VADER_SOURCE, compound_scores, word_valences

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_numpy import TokenStates
    from summarize.entities import Actor
    from summarize.sentiment.head import SentimentHead
    from summarize.sentiment.linearized import LastBlock

NEUTRAL_BAND = {"vader": 0.05, "minilm": 0.1, "hf": 0.1}
ScoreTexts = Callable[[list[str]], list[float]]
Span = tuple[int, int]  # character offsets into Document.text


@dataclass(frozen=True)
class Scored:
    model: str
    scores: tuple[float, ...]  # one per sentence, -1..1
    contributions: tuple[tuple[Contribution, ...], ...]  # per sentence, strongest first
    explanation: str
    # The sentences' VADER compounds when the scoring computed them (the minilm head's second
    # feature), so the actor stance head reads them instead of running VADER again.
    vader: tuple[float, ...] | None = None


def score_document(
    doc: Document, ctx: Context, settings: SentimentSettings, names: Sequence[Span] = ()
) -> Scored:
    """Sentence scores and their words; ``names`` (actor mentions) are never occluded."""
    scorer = _SCORERS.get(settings.backend)
    if scorer is None:
        raise UsageError(f"unknown sentiment backend '{settings.backend}'; choose from {', '.join(BACKENDS)}")
    return scorer(doc, ctx, settings, names)


def name_spans(actors: Sequence[Actor]) -> tuple[Span, ...]:
    """Where the actors are mentioned, the spans occlusion leaves alone."""
    return tuple(sorted((m.start, m.end) for actor in actors for m in actor.mentions))


def lexicon_contributions(doc: Document, index: int, top: int) -> tuple[Contribution, ...]:
    sentence = doc.sentences[index]
    words = [
        Contribution(w.text, w.start, w.end, round(w.weight, 4), index, "lexicon")
        for w in word_valences(sentence.text, sentence.start)
    ]
    return tuple(sorted(words, key=lambda c: -abs(c.weight))[:top])


def occlusion_contributions(
    doc: Document,
    index: int,
    score: float,
    score_texts: ScoreTexts,
    top: int,
    names: Sequence[Span] = (),
) -> tuple[Contribution, ...]:
    """Weight of a word = the sentence's score minus its score with that word removed.

    Only content words are occluded: removing "the" or "has" mostly measures grammar
    damage, not sentiment, and skipping them saves about a third of the encodes. Actor
    names (``names``) are not occluded either: removing "Lukashenko" measures what the
    encoder associates with the man, not how the sentence speaks of him, and the actor's
    own score is built from the words around the name.
    """
    words, variants = occlusion_variants(doc, index, names)
    if not variants:
        return ()
    return strongest_removals(words, score, score_texts(variants), index, "occlusion", top)


def strongest_removals(
    words: Sequence[Token],
    score: float,
    without: Sequence[float] | np.ndarray,
    index: int,
    method: str,
    top: int,
) -> tuple[Contribution, ...]:
    """The ``top`` words whose removal moved the score most (weight = score − score without)."""
    contributions = [
        Contribution(w.text, w.start, w.end, round(score - float(s), 4), index, method)
        for w, s in zip(words, without, strict=True)
        if abs(score - float(s)) >= 0.005
    ]
    return tuple(sorted(contributions, key=lambda c: -abs(c.weight))[:top])


def occlusion_variants(
    doc: Document, index: int, names: Sequence[Span] = ()
) -> tuple[list[Token], list[str]]:
    """The content words of sentence ``index`` outside ``names``, and the sentence with each one removed."""
    from summarize.entities.gazetteer import FUNCTION_WORDS

    sentence = doc.sentences[index]
    inside = [(start, end) for start, end in names if start < sentence.end and end > sentence.start]
    tokens = [t for t in doc.sentence_tokens(index) if t.is_word]
    words = [
        t
        for t in tokens
        if t.text.lower() not in FUNCTION_WORDS
        and not t.text[0].isdigit()
        # Overlap, not containment: "Russia’s" is one token around the mention "Russia".
        and not any(start < t.end and t.start < end for start, end in inside)
    ]
    if len(tokens) < 2 or not words:
        return [], []
    variants = []
    for word in words:
        left = doc.text[sentence.start : word.start].rstrip()
        right = doc.text[word.end : sentence.end].lstrip()
        variants.append(f"{left} {right}".strip())
    return words, variants


def minilm_occlusion_texts(
    doc: Document, embeddings: np.ndarray, settings: SentimentSettings, names: Sequence[Span] = ()
) -> list[str]:
    """The texts the minilm backend will encode to explain ``doc`` (its occlusion variants).

    A batch runner encodes these for many documents in one call and hands them in with
    ``Context.put_text_embeddings``; the scores are the ones ``_score_minilm`` computes
    (give the same ``names``: ``name_spans(ctx.actors(doc))``).
    """
    if settings.backend != "minilm" or not len(doc.sentences):
        return []
    scores = _minilm_sentence_scores(doc, embeddings)[0]
    texts: list[str] = []
    for i in sorted(_polar_sentences(scores, settings)):  # in document order, as _explain
        texts.extend(occlusion_variants(doc, i, names)[1])
    return texts


def _minilm_sentence_scores(
    doc: Document, embeddings: np.ndarray
) -> tuple[list[float], tuple[float, ...] | None]:
    """The head's score of each sentence, and the VADER compounds it read (None if it reads none)."""
    import numpy as np

    from summarize.sentiment.head import load_head

    head = load_head()
    vader = tuple(compound_scores([s.text for s in doc.sentences])) if head.uses_vader else None
    if not len(doc.sentences):
        return [], vader
    extra = np.array(vader) if vader is not None else None
    return [float(x) for x in head.predict_score(embeddings, extra)], vader


def _polar_sentences(scores: list[float], settings: SentimentSettings) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: -abs(scores[i]))[: settings.explain_sentences]


def _score_vader(
    doc: Document, ctx: Context, settings: SentimentSettings, names: Sequence[Span] = ()
) -> Scored:
    # VADER is a lexicon: it has no words to occlude, so the actors' names need no protecting.
    from summarize.sentiment.vader_backend import vader_version

    ctx.record_model("sentiment", VADER_ID, VADER_SOURCE)
    scores = compound_scores([s.text for s in doc.sentences])
    contributions = tuple(lexicon_contributions(doc, s.index, settings.top_words) for s in doc.sentences)
    return Scored(
        model=f"vaderSentiment {vader_version()}",
        scores=tuple(scores),
        contributions=contributions,
        explanation="lexicon: VADER's valence of each word after its negation, booster and 'but' rules",
    )


def _score_minilm(doc: Document, ctx: Context, settings: SentimentSettings, names: Sequence[Span]) -> Scored:
    import numpy as np

    from summarize.sentiment.head import HEAD_NAME, head_path, load_head

    head = load_head()
    ctx.record_model(
        "sentiment", f"summarize/{HEAD_NAME}", f"project:{head_path().parent.name}/{head_path().name}"
    )
    if head.uses_vader:
        ctx.record_model("sentiment", VADER_ID, VADER_SOURCE)
    embeddings = ctx.sentence_embeddings(doc, "sentiment")
    scores, vader = _minilm_sentence_scores(doc, embeddings)
    model = f"{head.encoder} + summarize/{HEAD_NAME} (ridge, alpha {head.alpha:g})"
    states = ctx.token_states(doc, "sentiment")
    bert = ctx.token_states_model()
    if states is not None and bert is not None:
        from summarize.sentiment.linearized import last_block

        block = last_block(bert)
        contributions = one_pass_contributions(doc, scores, states, head, settings.top_words, names, block)
        return Scored(model, tuple(scores), contributions, LINEARIZED_OCCLUSION_EXPLANATION, vader)

    def score_texts(texts: list[str]) -> list[float]:
        # Occlusion variants are new texts: the encoder (or a batch runner's vectors of them).
        extra = np.array(compound_scores(texts)) if head.uses_vader else None
        return [float(x) for x in head.predict_score(ctx.encode_texts(texts, "sentiment"), extra)]

    contributions = _explain(doc, scores, score_texts, settings, names)
    return Scored(
        model=model,
        scores=tuple(scores),
        contributions=contributions,
        explanation=_occlusion_explanation(settings),
        vader=vader,
    )


LINEARIZED_OCCLUSION_EXPLANATION = (
    "linearized occlusion on every sentence, from the encoder pass that scored it: a word's tokens "
    "taken out of the sentence's mean-pooled MiniLM vector (VADER re-scored without the word), plus a "
    "first-order estimate of how the other tokens' last-layer states change when they no longer attend "
    "to it, and the head re-applied; weight = score − score without the word; actors' names not explained"
)


def one_pass_contributions(
    doc: Document,
    scores: Sequence[float],
    states: Sequence[TokenStates],
    head: SentimentHead,
    top: int,
    names: Sequence[Span] = (),
    block: LastBlock | None = None,
) -> tuple[tuple[Contribution, ...], ...]:
    """Every sentence's words read off the one forward pass that scored it, strongest first.

    Pooled occlusion (``block`` None): the sentence vector is the mean of its last-layer
    token states (then unit length), so the vector without word w is ``(sum of states -
    states of w's tokens) / (n - k)``, normalised; the head (linear) re-scores it, with
    VADER's compound of the sentence without the word as its other feature. It leaves out
    how removing the word changes the other tokens' states. Linearized occlusion (``block``:
    the encoder's last block, ``linearized.last_block``) adds a first-order estimate of that
    change (``linearized.context_shifts``) and the shrink toward zero that removing one of n
    tokens brings. bench/sentiment_explanations.py checks the words each picks move the real
    (re-encoded) score as much as full occlusion's. The same words as occlusion are
    explained: content words outside actors' names.
    """
    import numpy as np

    from summarize.sentiment.linearized import DRIFT, context_shifts

    found = [word_token_members(doc, i, states[i], names) for i in range(len(doc.sentences))]
    variants = [v for words in found for v in words[1]]
    vader = iter(compound_scores(variants) if head.uses_vader and variants else [])
    shifts = (
        context_shifts(states, [f[2] for f in found], block, head.embedding_direction())
        if block is not None
        else None
    )
    method = "pooled-occlusion" if block is None else "linearized-occlusion"
    out: list[tuple[Contribution, ...]] = []
    for i, (words, texts, member) in enumerate(found):
        if not words:
            out.append(())
            continue
        hidden = np.asarray(states[i].layers[-1], dtype=np.float64)
        removed = member.sum(axis=1)
        pooled = (hidden.sum(axis=0)[None, :] - member @ hidden) / (len(hidden) - removed)[:, None]
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        extra = np.array([next(vader) for _ in texts]) if head.uses_vader else None
        rating = head.predict_rating(pooled, extra)
        if shifts is not None:
            own = float(np.arctanh(np.clip(scores[i], -0.999999, 0.999999))) * head.output_scale
            rating = rating + shifts[i] - DRIFT * own / len(hidden)
        without = np.tanh(rating / head.output_scale)
        out.append(strongest_removals(words, scores[i], without, i, method, top))
    return tuple(out)


def word_token_members(
    doc: Document, index: int, states: TokenStates, names: Sequence[Span]
) -> tuple[list[Token], list[str], np.ndarray]:
    """The words one-pass occlusion explains in sentence ``index`` (those with some but not all of
    the sentence's tokens), the sentence without each, and member[w, t]: token t is in word w."""
    import numpy as np

    words, variants = occlusion_variants(doc, index, names)
    n = len(states.offsets)
    if not variants or not n:
        return [], [], np.zeros((0, n), dtype=bool)
    sentence_start = doc.sentences[index].start
    starts, ends = states.offsets[:, 0], states.offsets[:, 1]
    member = np.zeros((len(words), n), dtype=bool)
    for row, word in enumerate(words):  # token t belongs to word w: their characters overlap
        lo, hi = word.start - sentence_start, word.end - sentence_start
        member[row] = ~states.special & (starts < hi) & (ends > lo) & (ends > starts)
    removed = member.sum(axis=1)
    keep = (removed > 0) & (removed < n)
    kept_words = [w for w, ok in zip(words, keep, strict=True) if ok]
    kept_variants = [v for v, ok in zip(variants, keep, strict=True) if ok]
    return kept_words, kept_variants, member[keep]


def _score_hf(doc: Document, ctx: Context, settings: SentimentSettings, names: Sequence[Span]) -> Scored:
    from summarize.sentiment.hf_backend import load_classifier

    if not settings.model:
        raise UsageError("--sentiment-backend hf needs --sentiment-model (a hub id or a local folder)")
    classifier = load_classifier(settings.model)
    ctx.record_model("sentiment", classifier.id, classifier.source)
    scores = classifier.scores([s.text for s in doc.sentences])
    contributions = _explain(doc, scores, classifier.scores, settings, names)
    return Scored(
        model=classifier.id,
        scores=tuple(scores),
        contributions=contributions,
        explanation=_occlusion_explanation(settings),
    )


def _occlusion_explanation(settings: SentimentSettings) -> str:
    return (
        f"occlusion on the {settings.explain_sentences} most polar sentences (score change when a word "
        "other than an actor's name is removed); VADER lexicon valences on the others"
    )


def _explain(
    doc: Document,
    scores: list[float],
    score_texts: ScoreTexts,
    settings: SentimentSettings,
    names: Sequence[Span],
) -> tuple[tuple[Contribution, ...], ...]:
    chosen = set(_polar_sentences(scores, settings))
    out: list[tuple[Contribution, ...]] = []
    for sentence in doc.sentences:
        i = sentence.index
        if i in chosen:
            out.append(occlusion_contributions(doc, i, scores[i], score_texts, settings.top_words, names))
        else:
            out.append(lexicon_contributions(doc, i, settings.top_words))
    return tuple(out)


# One scorer per backend name (``SentimentBackend``): a new backend is a function and a row here.
ScoreDocument = Callable[[Document, "Context", SentimentSettings, Sequence[Span]], Scored]
_SCORERS: dict[str, ScoreDocument] = {"vader": _score_vader, "minilm": _score_minilm, "hf": _score_hf}
