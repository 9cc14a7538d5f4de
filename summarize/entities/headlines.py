"""Step 4: a Title-Case headline is read last: only names also found in the body count there.

In "Vessen Square Protesters Defy Ban" the capitals say nothing about where names end, so the
headline's words are matched against the body's mentions, longest first ("Vessen", not
"Vessen Square Protesters").
"""

from __future__ import annotations

from summarize.entities.found import Found
from summarize.entities.gazetteer import kind_of_place
from summarize.entities.places import forms, is_location
from summarize.entities.tokens import Tok

_MAX_NAME_TOKENS = 6

Run = tuple[list[Tok], list[Tok]]  # the run of capitals and the sentence it is in


def read_headlines(runs: list[Run], body: list[Found], text: str) -> list[Found]:
    """Headline words count only as names the body also uses ("Vessen", not "Vessen Square")."""
    by_surface = {f.words: f for f in body}
    out: list[Found] = []
    for run, sentence in runs:
        i = 0
        while i < len(run):
            hit = _twin_at(run, i, by_surface)
            if hit is None:
                i += 1
                continue
            length, twin = hit
            out.append(_mention(run[i : i + length], twin, sentence, text))
            i += length
    return out


def _twin_at(run: list[Tok], i: int, by_surface: dict[tuple[str, ...], Found]) -> tuple[int, Found] | None:
    """The longest body mention written like the words at ``run[i]``."""
    for length in range(min(_MAX_NAME_TOKENS, len(run) - i), 0, -1):
        twin = by_surface.get(tuple(t.text for t in run[i : i + length]))
        if twin is not None:
            return length, twin
    return None


def _mention(tokens: list[Tok], twin: Found, sentence: list[Tok], text: str) -> Found:
    if twin.role in ("seat", "place") and twin.key in forms():
        # "Meet in Beijing": a capital is a place or its government by its own context.
        canonical = twin.key if twin.role == "seat" else forms()[twin.text][0]
        if is_location(tokens, sentence, text):
            twin = Found(tokens, "place", twin.text, "place", head=True)
        else:
            twin = Found(tokens, kind_of_place(canonical), canonical, "seat", head=True)
    return Found(tokens, twin.kind, twin.key, twin.role, twin.person_hint, twin.head)
