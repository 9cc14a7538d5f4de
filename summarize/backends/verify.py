"""Checksums for bundled weights: a tampered or truncated file is refused, not loaded."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from summarize.errors import ModelError


@cache
def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_file(path: Path, expected: str) -> None:
    if not path.is_file():
        raise ModelError(f"{path}: weights file missing; reinstall the model package")
    actual = sha256_of(path)
    if actual != expected:
        raise ModelError(
            f"{path}: sha256 {actual[:12]}… does not match the pinned {expected[:12]}…; "
            "the weights were altered or truncated, reinstall the package"
        )
