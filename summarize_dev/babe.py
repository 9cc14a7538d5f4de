"""Reading BABE (expert-labelled news sentences with marked biased words) for training and benches.

The data itself is never shipped: callers pass the path of ``babe_dev.csv``.
Embeddings of its sentences and words are cached (``/tmp/framing`` by default)
because encoding ~1,800 sentences takes a minute on two cores.
"""

from __future__ import annotations

import ast
import csv
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.text.words import tokenize

if TYPE_CHECKING:
    import numpy as np

CACHE_DIR = Path("/tmp/framing")
_STRIP = "\"'“”‘’`.,;:!?()[]"


@dataclass(frozen=True)
class BabeSentence:
    text: str
    biased: bool
    marked: tuple[str, ...]  # word forms the experts marked as bias-inducing
    outlet: str
    topic: str


def read_babe(path: Path) -> list[BabeSentence]:
    """Rows of a BABE csv (``;``-separated), without "No agreement" rows."""
    out: list[BabeSentence] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            label = row["label_bias"].strip()
            if label not in {"Biased", "Non-biased"}:
                continue
            marked = ast.literal_eval(row["biased_words"] or "[]")
            out.append(
                BabeSentence(
                    text=row["text"],
                    biased=label == "Biased",
                    marked=tuple(str(w) for w in marked),
                    outlet=row.get("outlet", ""),
                    topic=row.get("topic", ""),
                )
            )
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word token of ``text``, with the project's tokenizer."""
    return [(s, e) for _, s, e, is_word in tokenize(text) if is_word]


def normalise_word(word: str) -> str:
    return word.strip(_STRIP).lower()


def gold_word_labels(sentence: BabeSentence) -> list[bool]:
    """For each word token: is it one of the marked words (case-insensitive)?"""
    marked = {normalise_word(w) for w in sentence.marked}
    return [normalise_word(sentence.text[s:e]) in marked for s, e in word_spans(sentence.text)]


def missed_marks(sentence: BabeSentence) -> int:
    """Marked words that match no token (they still count against recall)."""
    words = {normalise_word(sentence.text[s:e]) for s, e in word_spans(sentence.text)}
    return sum(1 for w in {normalise_word(m) for m in sentence.marked} if w not in words)


@dataclass(frozen=True)
class BabeEmbeddings:
    sentences: np.ndarray  # (n_sentences, d): the encoder's sentence embeddings
    words: np.ndarray  # (n_words, d * layers): mean sub-word vectors of each word
    word_sentence: np.ndarray  # (n_words,) index of the sentence holding each word
    word_found: np.ndarray  # (n_words,) False when the word fell beyond truncation


def embed_babe(
    sentences: Sequence[BabeSentence],
    *,
    layers: Sequence[int] = (-1,),
    cache_dir: Path = CACHE_DIR,
    encoder_name: str = "minilm",
) -> BabeEmbeddings:
    """Sentence and word embeddings of ``sentences``, cached by content and layers."""
    import numpy as np

    # The word spans are part of the key: a tokenizer change must not reuse stale rows.
    spans = repr([word_spans(s.text) for s in sentences])
    key = hashlib.sha256(
        ("\n".join(s.text for s in sentences) + spans + repr(tuple(layers)) + encoder_name).encode()
    ).hexdigest()[:16]
    path = cache_dir / f"babe-{key}.npz"
    if path.is_file():
        data = np.load(path)
        return BabeEmbeddings(
            sentences=data["sentences"],
            words=data["words"].astype(np.float32),
            word_sentence=data["word_sentence"],
            word_found=data["word_found"],
        )
    from summarize.backends.encoder import load_encoder
    from summarize.framing.token_embeddings import encode_pieces, word_vectors

    encoder = load_encoder(encoder_name)
    texts = [s.text for s in sentences]
    sentence_vectors = encoder.encode(texts)
    pieces = encode_pieces(encoder.model, texts, layers=layers)
    rows, owners, founds = [], [], []
    for i, (text, piece) in enumerate(zip(texts, pieces, strict=True)):
        vectors, found = word_vectors(piece, word_spans(text))
        rows.append(vectors)
        owners.append(np.full(len(vectors), i, dtype=np.int32))
        founds.append(found)
    result = BabeEmbeddings(
        sentences=sentence_vectors,
        words=np.concatenate(rows).astype(np.float32),
        word_sentence=np.concatenate(owners),
        word_found=np.concatenate(founds),
    )
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.savez(
        path,
        sentences=result.sentences,
        words=result.words.astype(np.float16),
        word_sentence=result.word_sentence,
        word_found=result.word_found,
    )
    return result
