"""PerSenT (author's stance toward an article's main person) for the actor-stance bench and training.

Reads ``persent_dev/dev.csv`` from the shared eval folder (never copied into the project). Each
article is its headline, a blank line and its body, as a reader would paste it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from evaldata import eval_dir

from summarize.entities.actors import Actor
from summarize.inputs.mojibake import repair_mojibake

LABEL_VALUE = {"Negative": -1, "Neutral": 0, "Positive": 1}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass(frozen=True, slots=True)
class PersentArticle:
    index: str
    text: str  # headline, blank line, body
    person: str  # TARGET_ENTITY
    label: int  # -1, 0, 1
    paragraph_labels: tuple[int | None, ...]  # per body paragraph, None when unlabelled


def persent_file(name: str = "dev.csv") -> Path | None:
    path = eval_dir() / "persent_dev" / name
    return path if path.is_file() else None


def load_persent(name: str = "dev.csv") -> list[PersentArticle] | None:
    path = persent_file(name)
    if path is None:
        return None
    csv.field_size_limit(10_000_000)
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            paragraphs = tuple(LABEL_VALUE.get(row.get(f"Paragraph{k}") or "") for k in range(16))
            # 42% of PerSenT's articles (and some targets: "MaaÃ\x9fen") hold mojibake; the tool
            # repairs it on reading (summarize/inputs/mojibake.py), so the bench reads what it reads.
            out.append(
                PersentArticle(
                    index=row["DOCUMENT_INDEX"],
                    text=repair_mojibake(f"{row['TITLE'].strip()}\n\n{row['DOCUMENT'].strip()}")[0],
                    person=repair_mojibake(row["TARGET_ENTITY"].strip())[0],
                    label=LABEL_VALUE[row["TRUE_SENTIMENT"].strip()],
                    paragraph_labels=paragraphs,
                )
            )
    return out


def load_dev_and_test() -> tuple[list[PersentArticle], list[PersentArticle]] | None:
    """dev.csv and fixed_test.csv; None, saying why, when persent_dev is not there."""
    dev, test = load_persent(), load_persent("fixed_test.csv")
    if dev is None or test is None:
        print("skipped: no persent_dev data (set SUMMARIZE_EVAL_DIR)")
        return None
    return dev, test


def person_group(person: str) -> str:
    """The grouping key for cross-validation: the person's surname ("Trump" and "Donald Trump" are one)."""
    return _surname(person) or person.lower()


def _norm(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip().strip("-").strip()).lower()


def _surname(person: str) -> str:
    words = [w for w in _norm(person).split() if w not in _SUFFIXES]
    return words[-1] if words else ""


def main_person_actors(actors: list[Actor], person: str, loose: bool = True) -> list[Actor]:
    """The actors holding a mention written as the main person's full name or surname alone
    (possibly with a title: "Mr. Aquino"). One actor means the person was found as one actor.

    A few PerSenT targets carry a stray word ("Tim Ryan Tuesday"): when no actor holds the last
    word, the words before it are tried as the surname. ``loose``: when nothing matches, a target
    that is one word or truncated ("Wilson", "Mary Lou") may match the name written in full
    ("Theo E.J. Wilson", "Mary Lou McDonald")."""
    words = [w for w in _norm(person).split() if w not in _SUFFIXES]
    for second in (False, True)[: 1 + loose]:
        for end in range(len(words), 0, -1):
            found = _holding(actors, " ".join(words[:end]), words[end - 1], second)
            if found:
                return found
    return []


def _holding(actors: list[Actor], full: str, last: str, loose: bool) -> list[Actor]:
    out = []
    for actor in actors:
        for mention in actor.mentions:
            form = " ".join(w for w in _norm(mention.text).split() if w not in _SUFFIXES)
            # A one-word or truncated target ("Wilson", "Mary Lou") names the actor written in full.
            # (Only when nothing matches strictly: "Oprah Winfrey Network" is not "Oprah Winfrey".)
            longer = loose and (
                form.startswith(full + " ") or (" " not in full and form.endswith(" " + full))
            )
            if form and (
                form in (full, last) or (form.endswith(" " + last) and full.endswith(form)) or longer
            ):
                out.append(actor)
                break
            if form and last and form.split()[-1] == last and len(form.split()) == 2 and "." in form:
                out.append(actor)  # "mr. aquino"
                break
    return out


# ---- what the stance head reads, per article (embeddings cached outside the project) ------


@dataclass(frozen=True)
class Prepared:
    article: PersentArticle
    n_sentences: int
    document_score: float  # the minilm backend's document score (length-weighted sentence mean)
    found_as_one: bool  # the main person is exactly one actor
    sentences: list  # list[SentenceInput] of the main person's actor (empty when not found)
    vader_mean: float  # VADER compound mean over the sentences that mention the person
    paragraph_of: dict  # sentence index -> body paragraph (the index of PersentArticle.paragraph_labels)
    embeddings: np.ndarray  # every sentence's shared encoder embedding (n_sentences x dims)
    scores: np.ndarray  # every sentence's minilm score
    vader: np.ndarray  # every sentence's VADER compound


def prepare(
    articles: list[PersentArticle], cache: Path = Path("/tmp/summarize-persent-cache")
) -> list[Prepared]:
    """Documents, actors, embeddings (cached by text hash), sentence scores, the main person's inputs."""
    import hashlib

    from summarize.context import Context
    from summarize.document import build_document
    from summarize.sentiment.analysis import document_mean
    from summarize.sentiment.head import load_head
    from summarize.sentiment.stance import SentenceInput, mention_roles
    from summarize.sentiment.vader_backend import compound_scores

    cache.mkdir(parents=True, exist_ok=True)
    ctx = Context()
    head = load_head()
    out = []
    for article in articles:
        doc = build_document(article.text)
        key = hashlib.sha256(article.text.encode()).hexdigest()[:20]
        path = cache / f"{key}.npy"
        if path.is_file():
            embeddings = np.load(path)
        else:
            embeddings = ctx.sentence_embeddings(doc, "sentiment")
            np.save(path, embeddings)
        vader = np.array(compound_scores([s.text for s in doc.sentences]))
        scores = head.predict_score(embeddings, vader if head.uses_vader else None)
        document_score = document_mean(doc, tuple(float(x) for x in scores))
        actors = ctx.actors(doc)
        hits = main_person_actors(actors, article.person)
        inputs: list = []
        if hits:
            actor = max(hits, key=lambda a: a.count)
            roles = mention_roles(doc, actor)
            inputs = [
                SentenceInput(i, embeddings[i], float(vader[i]), float(scores[i]), roles.get(i, "object"))
                for i in actor.sentences
            ]
        vader_mean = float(np.mean([s.vader for s in inputs])) if inputs else float(np.mean(vader))
        paragraph_of = _body_paragraphs(article.text, [s.start for s in doc.sentences])
        out.append(
            Prepared(
                article,
                len(doc.sentences),
                document_score,
                len(hits) == 1,
                inputs,
                vader_mean,
                paragraph_of,
                embeddings,
                np.asarray(scores, dtype=float),
                vader,
            )
        )
    return out


def _body_paragraphs(text: str, starts: list[int]) -> dict[int, int]:
    """Which body paragraph (a line after the headline) each sentence starts in."""
    head, _, body = text.partition("\n\n")
    offset = len(head) + 2
    bounds = []
    for line in body.split("\n"):
        bounds.append((offset, offset + len(line)))
        offset += len(line) + 1
    out = {}
    for i, start in enumerate(starts):
        for k, (a, b) in enumerate(bounds):
            if a <= start <= b:
                out[i] = k
                break
    return out
