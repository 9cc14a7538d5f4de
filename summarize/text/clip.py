"""Shorten a sentence for display: cut at a word boundary and say so with "…"."""

from __future__ import annotations


def clip_words(text: str, limit: int) -> str:
    """``text`` with runs of white space made single, at most ``limit`` characters.

    A longer text is cut after its last whole word that fits, and ends in "…" (counted in
    the limit); a first word longer than the limit is cut inside, still with "…".
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = max(limit - 1, 0)
    cut = text[: room + 1]
    space = cut.rfind(" ")
    kept = cut[:space] if space > 0 else text[:room]
    return kept.rstrip(" ,;:—–-") + "…"
