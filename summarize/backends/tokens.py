"""Model token counts from a model's tokenizer.json, through `tokenizers` alone (no torch)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def _tokenizer_for(source: str) -> Any | None:
    from tokenizers import Tokenizer

    if source.startswith(("package:", "path:")):
        from summarize.backends.registry import load_registry, package_path

        folder: Path | None = None
        if source.startswith("path:"):
            folder = Path(source[len("path:") :])
        else:
            package = source[len("package:") :]
            for entry in load_registry().values():
                if entry.offline and entry.offline.package == package:
                    folder = package_path(entry)
                    break
        if folder is not None and (folder / "tokenizer.json").is_file():
            return Tokenizer.from_file(str(folder / "tokenizer.json"))
    return None


def count_tokens(model_id: str, source: str, text: str) -> int | None:
    from summarize.backends.encoder import source_without_runtime

    tokenizer = _tokenizer_for(source_without_runtime(source))
    if tokenizer is None:
        return None
    # No truncation: the point is to show how far beyond the context the text runs.
    tokenizer.no_truncation()
    return len(tokenizer.encode(text).ids)


def load_tokenizer(target: str) -> Any | None:
    """A `tokenizers.Tokenizer` from a local model folder's tokenizer.json, or None."""
    from tokenizers import Tokenizer

    path = Path(target) / "tokenizer.json"
    if not path.is_file():
        return None
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def generation_model_tokens(model: str, text: str) -> tuple[str, str, int, int | None] | None:
    """(model id, source, token count, context length) for an abstractive model's tokenizer.

    Resolves the name exactly as summaries do (registry, converted cache, folder, hub id)
    and loads only the tokenizer (no torch needed). Returns None if it cannot be loaded.
    """
    import json

    from summarize.backends.generation import resolve_generator

    target, model_id, source = resolve_generator(model)
    local_only = False
    if source == "hub":
        from summarize.backends.hub import hub_load_mode

        local_only = hub_load_mode(target, "token counting", fix=f"run: summarize models pull {model}")
    try:
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(target, local_files_only=local_only)
    except Exception:
        return None
    context = None
    config_path = Path(target) / "config.json"
    if config_path.is_file():
        config = json.loads(config_path.read_text())
        context = config.get("max_position_embeddings") or config.get("n_positions")
    return model_id, source, len(tokenizer(text)["input_ids"]), context
