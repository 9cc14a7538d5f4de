"""Small checks the settings dataclasses share: a named choice, a number in its range.

Each raises ``UsageError`` (exit code 2), so the Python API refuses what the CLI refuses.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from summarize.errors import UsageError

E = TypeVar("E", bound=StrEnum)


def parse_choice(kind: type[E], value: str, what: str) -> E:
    """``value`` as a member of ``kind`` (a plain string is accepted), or a UsageError naming the choices."""
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise UsageError(f"unknown {what} '{value}'; choose from {choices}") from None


def check_at_least(value: float | None, minimum: float, what: str) -> None:
    if value is not None and value < minimum:
        raise UsageError(f"{what} must be at least {minimum:g} (got {value:g})")


def check_between(value: float | None, low: float, high: float, what: str) -> None:
    if value is not None and not low <= value <= high:
        raise UsageError(f"{what} must be between {low:g} and {high:g} (got {value:g})")
