"""The human-rated NYT editorial sentences (Hutto & Gilbert 2014) for training and benchmarks.

Only read from ``../shared/eval/vader_nyt`` (or ``$SUMMARIZE_EVAL_DIR/vader_nyt``); its
text never enters the project. Embeddings are cached under ``/tmp/sentiment/``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

GROUND_TRUTH = "nytEditorialSnippets_GroundTruth.txt"
CACHE_DIR = Path(os.environ.get("SUMMARIZE_SENTIMENT_CACHE", "/tmp/sentiment"))


@dataclass(frozen=True, slots=True)
class RatedSentences:
    texts: tuple[str, ...]
    ratings: tuple[float, ...]  # mean of 20 raters, -4..4
    editorials: tuple[int, ...]  # the editorial each sentence comes from (the CV group)


def eval_dir(project_root: Path) -> Path | None:
    """``$SUMMARIZE_EVAL_DIR`` or ``<project>/../shared/eval``, if present."""
    env = os.environ.get("SUMMARIZE_EVAL_DIR")
    folder = Path(env) if env else project_root.parent / "shared" / "eval"
    return folder if (folder / "vader_nyt" / GROUND_TRUTH).is_file() else None


def load_nyt(folder: Path) -> RatedSentences:
    texts: list[str] = []
    ratings: list[float] = []
    editorials: list[int] = []
    raw = (folder / "vader_nyt" / GROUND_TRUTH).read_text(encoding="utf-8", errors="replace")
    for line in raw.splitlines():
        parts = line.rstrip("\r").split("\t")
        if len(parts) < 3:
            continue
        ident, rating, text = parts[0], parts[1], "\t".join(parts[2:])
        texts.append(text.strip())
        ratings.append(float(rating))
        editorials.append(int(ident.split("_")[0]))
    return RatedSentences(tuple(texts), tuple(ratings), tuple(editorials))


def cached_embeddings(texts: tuple[str, ...], encoder_name: str = "minilm") -> np.ndarray:
    """MiniLM embeddings of ``texts``, cached on disk by a hash of the texts."""
    import numpy as np

    from summarize.backends.encoder import load_encoder

    key = hashlib.sha256(("\n".join(texts) + encoder_name).encode()).hexdigest()[:16]
    path = CACHE_DIR / f"nyt_{encoder_name}_{key}.npy"
    if path.is_file():
        return np.load(path)
    vectors = load_encoder(encoder_name).encode(list(texts))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors
