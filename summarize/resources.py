"""Where the project's data files live, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def models_dir() -> Path:
    """The ``models/`` folder: bundled into the wheel as ``summarize/_models``, or the checkout's."""
    bundled = _PACKAGE / "_models"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / "models"


def package_data(*parts: str) -> Path:
    """A data file shipped inside the package (lexicons, templates)."""
    return _PACKAGE.joinpath("data", *parts)
