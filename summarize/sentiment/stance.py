"""The writer's stance toward each actor: a linear head over the sentences that mention it.

Each sentence that mentions the actor gives one feature row: its encoder embedding, its VADER
compound, its sentence score, and the actor's role in it (subject, object, quoted speaker,
described). The actor's features are the mean of those rows, the score and VADER again weighted
by mention order (the first mentions weigh more), and optionally a few article-wide ones (the
document score, the share of sentences that mention the actor). Because the head is linear and
the sentence parts are weighted means, the score splits exactly into one contribution per
sentence plus an article-wide part: the evidence shown for an actor is the sentences that pushed
it most.

Weights: ``models/actor_stance/head.npz`` (no pickle), fitted by ``models/actor_stance/train.py``
on PerSenT (author's stance toward the main person), cross-validated by person.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.errors import ModelError
from summarize.resources import models_dir

if TYPE_CHECKING:
    import numpy as np

    from summarize.document import Document
    from summarize.entities.actors import Actor

HEAD_FOLDER = "actor_stance"
HEAD_FILE = "head.npz"
ROLES = ("subject", "object", "speaker", "described")
GLOBAL_FEATURES = ("document_score", "mention_share", "log_mentions")
# "position": the sentence score and VADER again, the k-th mention sentence weighted exp(-k / 3), so
# the first mentions (the lead, where news sets its frame) count more than the mean alone gives them.
POSITION_DECAY = 3.0
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|asked|wrote|writes|according to|stated|explained|"
    r"recalled|insisted|argued|noted|declared|tweeted)\b",
    re.IGNORECASE,
)
_QUOTE_CHARS = "\"“”‘’'"
_DESCRIBED = re.compile(r"^\s*(?:,\s*(?:a|an|the|who|whose)\b|is\b|was\b|has been\b|had been\b|remains\b)")


@dataclass(frozen=True, slots=True)
class SentenceInput:
    """What the head reads from one sentence that mentions the actor."""

    index: int
    embedding: np.ndarray | None  # needed only when the head uses embeddings
    vader: float
    score: float  # the backend's sentence score (-1..1)
    role: str


@dataclass(frozen=True, slots=True)
class StanceScore:
    score: float  # -1..1
    label: str
    contributions: tuple[tuple[int, float], ...]  # (sentence index, contribution), in text order
    base: float  # the article-wide part (intercept, document score, mention share)


@dataclass(frozen=True)
class StanceHead:
    coef: np.ndarray  # sentence features (embedding, vader, score, roles), position ones, GLOBAL_FEATURES
    intercept: float
    mean: np.ndarray
    scale: np.ndarray
    lower: float  # scores at or below are "negative"
    upper: float  # scores at or above are "positive"
    encoder: str
    # feature groups: "embedding", "vader", "score", "roles", "role_scores", "position", "global"
    uses: tuple[str, ...]

    def label(self, score: float) -> str:
        if score >= self.upper:
            return "positive"
        if score <= self.lower:
            return "negative"
        return "neutral"

    def score(self, sentences: list[SentenceInput], document_score: float, n_sentences: int) -> StanceScore:
        """The stance toward an actor mentioned in ``sentences``; contributions sum to score - base."""
        import numpy as np

        if not sentences:
            return StanceScore(0.0, "neutral", (), 0.0)
        rows = np.stack([sentence_row(s, self.uses) for s in sentences])
        lead = np.stack([position_row(s, self.uses) for s in sentences])
        glob = global_row(len(sentences), n_sentences, document_score, self.uses)
        n_mean, n_lead = rows.shape[1], lead.shape[1]
        n_local = n_mean + n_lead
        if n_local + glob.shape[0] != self.coef.shape[0]:
            raise ModelError(
                f"actor stance head expects {self.coef.shape[0]} features, got {n_local + glob.shape[0]}; "
                f"was it trained on another encoder than {self.encoder}? "
                "Retrain it with models/actor_stance/train.py"
            )
        weights = self.coef / self.scale
        # The mean part splits evenly over the sentences; the position part by each one's weight.
        per_sentence = (rows - self.mean[:n_mean]) @ weights[:n_mean] / len(sentences)
        per_sentence += position_weights(len(sentences)) * (
            (lead - self.mean[n_mean:n_local]) @ weights[n_mean:n_local]
        )
        base = self.intercept + float((glob - self.mean[n_local:]) @ weights[n_local:])
        raw = base + float(per_sentence.sum())
        score = max(-1.0, min(1.0, raw))
        return StanceScore(
            score=score,
            label=self.label(score),
            contributions=tuple((s.index, float(c)) for s, c in zip(sentences, per_sentence, strict=True)),
            base=base,
        )


def sentence_row(sentence: SentenceInput, uses: tuple[str, ...]) -> np.ndarray:
    import numpy as np

    parts = [np.asarray(sentence.embedding, dtype=np.float64)] if "embedding" in uses else []
    if "vader" in uses:
        parts.append(np.array([sentence.vader]))
    if "score" in uses:
        parts.append(np.array([sentence.score]))
    if "roles" in uses:
        parts.append(np.array([float(sentence.role == r) for r in ROLES]))
    if "role_scores" in uses:
        # "Bad things happened to X" (object, negative) reads apart from "X did bad things" (subject).
        parts.append(np.array([sentence.score * (sentence.role == r) for r in ROLES]))
        parts.append(np.array([sentence.vader * (sentence.role == r) for r in ROLES]))
    return np.concatenate(parts) if parts else np.zeros(0)


def position_weights(count: int) -> np.ndarray:
    """Weights of the 1st, 2nd, ... mention sentence (summing to 1): exp(-k / POSITION_DECAY)."""
    import numpy as np

    weights = np.exp(-np.arange(count) / POSITION_DECAY)
    normalised: np.ndarray = weights / weights.sum()
    return normalised


def position_row(sentence: SentenceInput, uses: tuple[str, ...]) -> np.ndarray:
    """The values the "position" group weighs by mention order: the sentence score and VADER."""
    import numpy as np

    return np.array([sentence.score, sentence.vader]) if "position" in uses else np.zeros(0)


def global_row(mentioning: int, n_sentences: int, document_score: float, uses: tuple[str, ...]) -> np.ndarray:
    import numpy as np

    if "global" not in uses:
        return np.zeros(0)
    share = mentioning / n_sentences if n_sentences else 0.0
    return np.array([document_score, share, math.log1p(mentioning)])


def actor_features(
    head_uses: tuple[str, ...], sentences: list[SentenceInput], document_score: float, n: int
) -> np.ndarray:
    """(mean sentence row, position-weighted row, global row): the features the head sees, for training."""
    import numpy as np

    rows = np.stack([sentence_row(s, head_uses) for s in sentences])
    lead = position_weights(len(sentences)) @ np.stack([position_row(s, head_uses) for s in sentences])
    glob = global_row(len(sentences), n, document_score, head_uses)
    return np.concatenate([rows.mean(axis=0), lead, glob])


# ---- roles ----------------------------------------------------------------------------


def mention_roles(doc: Document, actor: Actor) -> dict[int, str]:
    """The actor's role in each sentence that mentions it (cheap surface cues, first mention decides).

    speaker: quoted and a speech verb near the name ("..., Aquino said"); described: an appositive
    or a copula follows the name ("Aquino, a lawyer", "Aquino was"); subject: the name opens the
    clause; object: anything else (the name follows a verb or a preposition).
    """
    roles: dict[int, str] = {}
    for mention in actor.mentions:
        if mention.sentence in roles:
            continue
        sentence = doc.sentences[mention.sentence]
        before = doc.text[sentence.start : mention.start]
        after = doc.text[mention.end : sentence.end]
        roles[mention.sentence] = _role(sentence.text, before, after)
    return roles


def _role(sentence: str, before: str, after: str) -> str:
    quoted = any(ch in sentence for ch in _QUOTE_CHARS)
    near = before[-25:] + " " + after[:25]
    if quoted and _SPEECH.search(near):
        return "speaker"
    if _DESCRIBED.match(after):
        return "described"
    clause = re.split(r"[,;:—]", before)[-1]
    # Only capitalised words (titles, "The") or "the"/"a" before the name in its clause: it opens it.
    if all(
        w[0].isupper() or w.lower() in ("the", "a", "an", "former") for w in re.findall(r"[A-Za-z]+", clause)
    ):
        return "subject"
    return "object"


# ---- the head on disk -------------------------------------------------------------------


def head_path() -> Path:
    return models_dir() / HEAD_FOLDER / HEAD_FILE


def save_head(head: StanceHead, path: Path) -> None:
    from summarize.sentiment.npz import save_fields

    save_fields(head, path)


def load_head(path: Path | None = None) -> StanceHead:
    from summarize.sentiment.npz import load_cached

    path = path or head_path()
    missing = (
        f"{path}: actor stance head missing (it is not in the wheel: PerSenT has no licence); "
        "run `python models/actor_stance/train.py` in a checkout"
    )
    return load_cached(StanceHead, path, missing=missing)
