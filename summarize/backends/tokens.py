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
            folder = Path(source[len("path:"):])
        else:
            package = source[len("package:"):]
            for entry in load_registry().values():
                if entry.offline and entry.offline.package == package:
                    folder = package_path(entry)
                    break
        if folder is not None and (folder / "tokenizer.json").is_file():
            return Tokenizer.from_file(str(folder / "tokenizer.json"))
    return None


def count_tokens(model_id: str, source: str, text: str) -> int | None:
    tokenizer = _tokenizer_for(source)
    if tokenizer is None:
        return None
    # No truncation: the point is to show how far beyond the context the text runs.
    tokenizer.no_truncation()
    return len(tokenizer.encode(text).ids)
