"""Gazetteer look-ups on token runs: the longest known country, organisation or seat at a position,
and whether a capital is used as a place ("in Beijing") rather than as its government."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from summarize.entities.gazetteer import KNOWN_PLACES, place_surface_forms, words_of

if TYPE_CHECKING:
    from summarize.entities.tokens import Tok

_MAX_GAZETTEER_TOKENS = 6
_LOCATIVE = words_of(
    "in at to from near outside inside around into across through via toward towards visit visited visiting "
    "visits trip arrived arrive left leaving reached based held hosted summit"
)


@cache
def forms() -> dict[str, tuple[str, str]]:
    """Surface form -> (canonical name, role) of every gazetteer country and organisation."""
    return place_surface_forms()


@cache
def place_names() -> frozenset[str]:
    return frozenset(forms()) | KNOWN_PLACES


@cache
def _forms_by_length() -> dict[int, dict[tuple[str, ...], tuple[str, str]]]:
    by_len: dict[int, dict[tuple[str, ...], tuple[str, str]]] = {}
    for form, value in forms().items():
        parts = tuple(form.split())
        by_len.setdefault(len(parts), {})[parts] = value
    return by_len


def gazetteer_at(run: list[Tok], i: int) -> tuple[int, tuple[str, str]] | None:
    """(length, (canonical, role)) of the longest gazetteer name starting at ``run[i]``."""
    by_len = _forms_by_length()
    for length in range(min(_MAX_GAZETTEER_TOKENS, len(run) - i), 0, -1):
        key = tuple(t.text for t in run[i : i + length])
        value = by_len.get(length, {}).get(key)
        if value is not None:
            return length, value
    return None


def is_location(tokens: list[Tok], sentence: list[Tok], text: str) -> bool:
    """ "in Beijing", "a visit to Moscow", "London-based": the capital is where, not who."""
    if text[tokens[-1].end : tokens[-1].end + 6] == "-based":
        return True
    position = next((k for k, t in enumerate(sentence) if t.start == tokens[0].start), None)
    if not position:
        return False
    previous = sentence[position - 1].text.lower()
    if previous == "the" and position >= 2:
        previous = sentence[position - 2].text.lower()
    return previous in _LOCATIVE
