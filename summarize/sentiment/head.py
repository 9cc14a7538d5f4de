"""The MiniLM sentiment head: ridge regression from a sentence embedding (plus VADER's
compound score) to the human rating scale of the NYT editorial sentences (-4..4).

Weights live in ``models/sentiment_head/head.npz`` (float32 arrays, no pickle);
``models/sentiment_head/train.py`` fits them. Pure numpy at inference time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.errors import ModelError
from summarize.resources import models_dir

if TYPE_CHECKING:
    import numpy as np

HEAD_NAME = "sentiment_head"
HEAD_FILE = "head.npz"
REGISTRY_NAME = "sentiment-head"


@dataclass(frozen=True)
class SentimentHead:
    coef: np.ndarray  # (n_features,)
    intercept: float
    feature_mean: np.ndarray  # standardisation fitted on the training data
    feature_scale: np.ndarray
    uses_vader: bool  # the last feature is VADER's compound score
    output_scale: float  # tanh(prediction / output_scale) maps ratings into -1..1
    alpha: float  # the ridge penalty chosen by grouped cross-validation
    encoder: str  # the embedding model the head was trained on

    def predict_rating(self, embeddings: np.ndarray, vader_compound: np.ndarray | None = None) -> np.ndarray:
        """Predicted human rating (-4..4 scale) for each row of ``embeddings``."""
        import numpy as np

        features = build_features(embeddings, vader_compound if self.uses_vader else None)
        if features.shape[1] != self.coef.shape[0]:
            raise ModelError(
                f"sentiment head expects {self.coef.shape[0]} features, got {features.shape[1]}; "
                f"was it trained on another encoder than {self.encoder}?"
            )
        standard = (features - self.feature_mean) / self.feature_scale
        return np.asarray(standard @ self.coef + self.intercept, dtype=np.float64)

    def embedding_direction(self) -> np.ndarray:
        """d rating / d embedding: the head's weights on the sentence vector, in raw units."""
        import numpy as np

        dims = len(self.coef) - (1 if self.uses_vader else 0)
        return np.asarray(self.coef[:dims] / self.feature_scale[:dims], dtype=np.float64)

    def predict_score(self, embeddings: np.ndarray, vader_compound: np.ndarray | None = None) -> np.ndarray:
        """Sentence scores in -1..1 (a squashed rating, same sign and order)."""
        import numpy as np

        return np.tanh(self.predict_rating(embeddings, vader_compound) / self.output_scale)


def build_features(embeddings: np.ndarray, vader_compound: np.ndarray | None) -> np.ndarray:
    import numpy as np

    if vader_compound is None:
        return np.asarray(embeddings, dtype=np.float64)
    return np.hstack([np.asarray(embeddings, dtype=np.float64), np.asarray(vader_compound).reshape(-1, 1)])


def fit_ridge(
    features: np.ndarray, target: np.ndarray, alpha: float
) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Closed-form ridge on standardised features: (coef, intercept, mean, scale)."""
    import numpy as np

    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale < 1e-8] = 1.0
    x = (features - mean) / scale
    y_mean = float(target.mean())
    gram = x.T @ x + alpha * np.eye(x.shape[1])
    coef = np.linalg.solve(gram, x.T @ (target - y_mean))
    return coef, y_mean, mean, scale


def head_path() -> Path:
    return models_dir() / HEAD_NAME / HEAD_FILE


def save_head(head: SentimentHead, path: Path) -> None:
    from summarize.sentiment.npz import save_fields

    save_fields(head, path)


def _verify_bundled(path: Path) -> None:
    """The committed head must match the sha256 pinned in models/registry.yaml."""
    from summarize.backends.registry import get_entry
    from summarize.backends.verify import verify_file

    entry = get_entry(REGISTRY_NAME)
    if entry is not None and entry.offline is not None and entry.offline.sha256:
        verify_file(path, entry.offline.sha256)


def load_head(path: Path | None = None) -> SentimentHead:
    """Load the bundled head (offline: it ships in the package)."""
    from summarize.sentiment.npz import load_cached

    file = path or head_path()
    missing = (
        f"{file}: sentiment head missing; reinstall summarize or run "
        "`python models/sentiment_head/train.py`, or use --sentiment-backend vader"
    )
    # The bundled file is checked against its registry hash; a path given is the caller's own.
    verify = _verify_bundled if path is None else None
    return load_cached(SentimentHead, file, missing=missing, verify=verify)
