"""The trained framing heads: standardised logistic regressions stored as .npz (no pickle).

``sentence.npz`` scores sentences (encoder embedding + lexicon features + what
the word head says); ``word.npz`` scores words (token embeddings + lexicon
features). Both carry the decision threshold chosen by cross-validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

HEADS_FOLDER = "framing_heads"


@dataclass(frozen=True)
class LinearHead:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    layers: tuple[int, ...] = (-1,)  # encoder hidden layers the features use (word head)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        import numpy as np

        if features.shape[1] != self.coef.shape[0]:
            raise ModelError(
                f"framing head expects {self.coef.shape[0]} features, got {features.shape[1]}; "
                "retrain it with models/framing_heads/train.py"
            )
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        probabilities: np.ndarray = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
        return probabilities

    def save(self, path: Path) -> None:
        import numpy as np

        np.savez(
            path,
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=np.array([self.intercept], dtype=np.float32),
            threshold=np.array([self.threshold], dtype=np.float32),
            layers=np.array(self.layers, dtype=np.int64),
        )


def load_head(path: Path) -> LinearHead:
    import numpy as np

    if not path.is_file():
        raise ModelError(f"{path}: framing head missing; run models/framing_heads/train.py")
    with np.load(path, allow_pickle=False) as data:
        return LinearHead(
            mean=data["mean"],
            scale=data["scale"],
            coef=data["coef"],
            intercept=float(data["intercept"][0]),
            threshold=float(data["threshold"][0]),
            layers=tuple(int(x) for x in data["layers"]),
        )


def heads_dir() -> Path:
    from summarize.resources import models_dir

    return models_dir() / HEADS_FOLDER


@cache
def load_heads(folder: Path | None = None) -> tuple[LinearHead, LinearHead]:
    """(sentence head, word head) from ``models/framing_heads``."""
    folder = folder or heads_dir()
    return load_head(folder / "sentence.npz"), load_head(folder / "word.npz")


@dataclass(frozen=True)
class FramingHeads:
    """Everything framing's model path needs.

    ``sentence`` and ``word``: the BABE heads (the sentence head reads the BABE word head's
    summary). ``loaded_word``: the word head for the loaded-language layer, trained with real
    articles' negatives (BABE and BASIL), its threshold chosen by grouped CV on BASIL.
    ``span``: the span head (``span_head``): which candidates are shown, and their confidence.
    ``calibration``: the sentence calibrator. ``lexicon_gate``: a weaker loaded lexicon match
    is not a candidate when the head's probability of every word in it is below this.
    ``loaded_word.threshold``: a word the head scores at least this is a candidate.
    """

    sentence: LinearHead
    word: LinearHead
    loaded_word: LinearHead
    span: LinearHead
    calibration: LinearHead
    lexicon_gate: float


def save_rule(path: Path, lexicon_gate: float) -> None:
    import json

    path.write_text(json.dumps({"lexicon_gate": round(lexicon_gate, 4)}) + "\n", encoding="utf-8")


@cache
def load_framing_heads(folder: Path | None = None) -> FramingHeads:
    import json

    folder = folder or heads_dir()
    sentence, word = load_heads(folder)
    rule = folder / "loaded_rule.json"
    if not rule.is_file():
        raise ModelError(f"{rule}: framing calibration missing; run models/framing_heads/train.py")
    return FramingHeads(
        sentence=sentence,
        word=word,
        loaded_word=load_head(folder / "word_loaded.npz"),
        span=load_head(folder / "span.npz"),
        calibration=load_head(folder / "calibration.npz"),
        lexicon_gate=float(json.loads(rule.read_text(encoding="utf-8"))["lexicon_gate"]),
    )
