"""Token states of the sentences that mention PerSenT's main person, cached for the stance experiments.

For every article where the main person is found, the sentences that mention the person are
encoded once by the bundled MiniLM (numpy runtime) and the hidden states entering the last block
(layer 5) and leaving it (layer 6) are kept, float16, with a mask of the person's own tokens (the
word pieces inside a mention) and each sentence's body paragraph (for PerSenT's paragraph labels).
Cached by text hash under /tmp/summarize-persent-cache/states (outside the project: PerSenT has no
licence).

Run: nice -n 10 .venv/bin/python bench/persent_states.py   (fills the cache; ~10 min on 2 busy cores)
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from persent import PersentArticle, load_dev_and_test, main_person_actors

from summarize.document import Document, build_document
from summarize.entities import Actor, find_actors

CACHE = Path("/tmp/summarize-persent-cache/states")


@dataclass(frozen=True)
class MentionStates:
    """The main person's mention sentences of one article, packed (tokens of all sentences in order)."""

    sentences: np.ndarray  # (m,) sentence index in the document
    lengths: np.ndarray  # (m,) tokens per sentence, [CLS]/[SEP] included
    layer5: np.ndarray  # (tokens, 384) float16: the states entering the last block
    layer6: np.ndarray  # (tokens, 384) float16: the last layer
    target: np.ndarray  # (tokens,) bool: the person's own word pieces
    n_sentences: int  # sentences in the document


def _key(article: PersentArticle, indices: list[int]) -> str:
    # The mention sentences are part of the key: a recognizer change that moves them must not
    # read states cached for the old ones.
    return hashlib.sha256(f"states2|{article.person}|{indices}|{article.text}".encode()).hexdigest()[:20]


def _main_person(article: PersentArticle) -> tuple[Document, Actor] | None:
    doc = build_document(article.text)
    hits = main_person_actors(find_actors(doc), article.person)
    return (doc, max(hits, key=lambda a: a.count)) if hits else None


def mention_states(article: PersentArticle, encoder: object | None = None) -> MentionStates | None:
    """The cached states of ``article`` (computed and cached when missing); None: person not found."""
    found = _main_person(article)
    if found is None:
        return None
    doc, actor = found
    path = CACHE / f"{_key(article, sorted(actor.sentences))}.npz"
    if path.is_file():
        data = np.load(path)
        return MentionStates(
            **{k: data[k] for k in MentionStates.__dataclass_fields__ if k != "n_sentences"},
            n_sentences=int(data["n_sentences"]),
        )
    states = _compute(doc, actor, encoder)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, **{k: getattr(states, k) for k in MentionStates.__dataclass_fields__})
    return states


def _compute(doc: Document, actor: Actor, encoder: object | None) -> MentionStates:
    indices = sorted(actor.sentences)
    texts = [doc.sentences[i].text for i in indices]
    model = encoder if encoder is not None else _encoder()
    _, token_states = model.encode_states(texts, layers=(-2, -1))  # type: ignore[attr-defined]
    targets = []
    for i, state in zip(indices, token_states, strict=True):
        sentence = doc.sentences[i]
        spans = [
            (m.start - sentence.start, m.end - sentence.start) for m in actor.mentions if m.sentence == i
        ]
        off = state.offsets
        mask = np.array([any(a < e and b > s for s, e in spans) for a, b in off]) & ~state.special
        targets.append(mask)
    return MentionStates(
        sentences=np.array(indices, dtype=np.int64),
        lengths=np.array([len(s.special) for s in token_states], dtype=np.int64),
        layer5=np.concatenate([s.layers[-2] for s in token_states]).astype(np.float16),
        layer6=np.concatenate([s.layers[-1] for s in token_states]).astype(np.float16),
        target=np.concatenate(targets),
        n_sentences=len(doc.sentences),
    )


def _encoder() -> object:
    from summarize.backends.encoder import load_encoder
    from summarize.settings import Settings

    return load_encoder(Settings().encoder).model


def main() -> None:
    loaded = load_dev_and_test()
    if loaded is None:
        return
    dev, test = loaded
    encoder = _encoder()
    found = 0
    for k, article in enumerate(dev + test):
        found += mention_states(article, encoder) is not None
        if k % 100 == 0:
            print(k, found, flush=True)
    print("done", found)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
