"""Checks a model folder passes before anything in it is loaded.

Pickle checkpoints (``pytorch_model.bin``, ``*.pt``, ``*.ckpt``) can run arbitrary
code when unpickled, so a folder that has only those is refused unless the user
opts in explicitly (``SUMMARIZE_ALLOW_PICKLE=1``), and even then a warning says so.
A folder missing its config, weights or tokenizer fails with one line naming what
is missing, instead of a deep stack trace from transformers.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path

from summarize.errors import ModelError

ALLOW_PICKLE_ENV = "SUMMARIZE_ALLOW_PICKLE"
SAFE_WEIGHTS = ("*.safetensors", "*.gguf")
PICKLE_WEIGHTS = ("pytorch_model*.bin", "*.pt", "*.pth", "*.ckpt", "*.pkl", "*.pickle")
# Any one of these makes a tokenizer loadable (fast tokenizers, WordPiece, BPE, SentencePiece).
TOKENIZER_FILES = (
    "tokenizer.json",
    "vocab.txt",
    "vocab.json",
    "spiece.model",
    "sentencepiece.bpe.model",
    "tokenizer.model",
)


class PickleCheckpointWarning(UserWarning):
    """A pickle checkpoint is being loaded because the user allowed it."""


def pickle_allowed() -> bool:
    """The user's explicit opt-in to pickle checkpoints (environment ``SUMMARIZE_ALLOW_PICKLE=1``)."""
    return os.environ.get(ALLOW_PICKLE_ENV, "").strip().lower() in {"1", "true", "yes"}


def _matching(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        found.update(p for p in folder.glob(pattern) if p.is_file())
    return sorted(found)


def safe_weights(folder: Path) -> list[Path]:
    return _matching(folder, SAFE_WEIGHTS)


def pickle_weights(folder: Path) -> list[Path]:
    return _matching(folder, PICKLE_WEIGHTS)


def check_checkpoint(folder: Path, allow_pickle: bool, *, warn: Callable[[str], None] | None = None) -> None:
    """Refuse a folder whose only weights are pickles, unless ``allow_pickle``; then warn.

    ``warn`` receives the warning text (e.g. ``ctx.warn`` so the report records it);
    without it a ``PickleCheckpointWarning`` is issued.
    """
    if safe_weights(folder):
        return  # loaders are told to prefer safetensors where a folder has both
    pickles = pickle_weights(folder)
    if not pickles:
        return  # no weights at all: check_model_folder reports that
    names = ", ".join(p.name for p in pickles[:3])
    if not allow_pickle:
        raise ModelError(
            f"{folder}: has only pickle weights ({names}), which can run code when loaded; "
            "convert them to safetensors, or if you trust their source rerun with "
            f"{ALLOW_PICKLE_ENV}=1 (or pass --allow-pickle)"
        )
    message = (
        f"{folder}: loading pickle weights ({names}) because {ALLOW_PICKLE_ENV} is set; "
        "only do this for files you trust"
    )
    if warn is not None:
        warn(message)
    else:
        warnings.warn(message, PickleCheckpointWarning, stacklevel=2)


def missing_model_files(folder: Path, *, needs_tokenizer: bool = True) -> list[str]:
    """What a transformers model folder lacks: config, weights, tokenizer (empty when complete)."""
    missing: list[str] = []
    if not (folder / "config.json").is_file():
        missing.append("config.json")
    if not safe_weights(folder) and not pickle_weights(folder):
        missing.append("weights (model.safetensors)")
    if needs_tokenizer and not any((folder / name).is_file() for name in TOKENIZER_FILES):
        missing.append("tokenizer (tokenizer.json or vocab.txt)")
    return missing


def check_model_folder(folder: Path, *, needs_tokenizer: bool = True) -> None:
    """Raise a one-line ModelError naming what ``folder`` lacks, if anything."""
    if not folder.is_dir():
        raise ModelError(f"{folder}: not a folder; give a model folder, a registry name or a hub id")
    missing = missing_model_files(folder, needs_tokenizer=needs_tokenizer)
    if missing:
        raise ModelError(
            f"{folder}: incomplete model folder, missing {', '.join(missing)}; "
            "copy the whole model folder (e.g. from `huggingface-cli download`)"
        )


def check_local_model(
    folder: Path, *, needs_tokenizer: bool = True, warn: Callable[[str], None] | None = None
) -> None:
    """Both checks, in the order a user fixes them: completeness, then pickle safety."""
    check_model_folder(folder, needs_tokenizer=needs_tokenizer)
    check_checkpoint(folder, pickle_allowed(), warn=warn)


def transformer_folder(folder: Path) -> Path:
    """The folder holding the transformer of a sentence-transformers layout (root or ``0_Transformer``)."""
    import json

    modules = folder / "modules.json"
    if (folder / "config.json").is_file() or not modules.is_file():
        return folder
    try:
        entries = json.loads(modules.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ModelError(f"{modules}: unreadable or not JSON; recopy the model folder") from None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and str(entry.get("type", "")).endswith("Transformer"):
            return folder / str(entry.get("path", ""))
    return folder
