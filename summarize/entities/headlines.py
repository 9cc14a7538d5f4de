"""Step 4: a Title-Case headline is read last: only names also found in the body count there.

In "Vessen Square Protesters Defy Ban" the capitals say nothing about where names end, so the
headline's words are matched against the body's mentions, longest first ("Vessen", not
"Vessen Square Protesters").

A Title-Case sentence that ends like running text ("Colin Kaepernick Raised His Fist.") is read as
running text, except a run of capitals that holds a person's name with more capitals around it
("Colin Kaepernick Raised"): that run is read the headline way (``unglue``).
"""

from __future__ import annotations

from summarize.entities.found import Found
from summarize.entities.gazetteer import kind_of_place
from summarize.entities.places import forms, is_location
from summarize.entities.run_ons import NAME_SUFFIXES
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


def unglue(titled: list[tuple[int, Run]], slots: list[list[Found]], text: str) -> list[Found]:
    """Title Case sentences that end like running text ("Colin Kaepernick Raised His Fist."): a run
    whose reading ran more capitals onto a name found elsewhere ("Colin Kaepernick Raised"), or lost
    the name in a long stretch, is read the headline way instead (``slots[i]`` emptied, its mentions
    returned)."""
    names = _names(slots)
    glued = [(index, run) for index, run in titled if _glued(run[0], slots[index], names)]
    for index, _ in glued:
        slots[index] = []
    twins = [f for slot in slots for f in slot]
    return read_headlines([run for _, run in glued], twins, text)


def _names(slots: list[list[Found]]) -> set[tuple[str, ...]]:
    """The words of every two- or three-word name that may be a person's, and of their surnames."""
    names = {
        f.words
        for slot in slots
        for f in slot
        if len(f.tokens) in (2, 3) and not f.head and f.kind in ("person", "other")
    }
    return names | {(words[-1],) for words in names}


def _glued(run: list[Tok], items: list[Found], names: set[tuple[str, ...]]) -> bool:
    """The run's reading lost a name or ran capitals after it; an organisation or place named after
    a person ("Barack Obama Foundation") is read right."""
    if any(f.head for f in items):
        return False
    if not items:
        return any(_holds(tuple(t.text for t in run), name, at_end=True) for name in names)
    return any(_holds(f.words, name, at_end=False) for f in items for name in names if name != f.words)


def _holds(words: tuple[str, ...], name: tuple[str, ...], at_end: bool) -> bool:
    """``name`` is inside ``words``, followed by another word unless ``at_end`` (not "Jr", "III")."""
    size = len(name)
    for i in range(len(words) - size + 1):
        if words[i : i + size] != name:
            continue
        after = words[i + size : i + size + 1]
        if (at_end and not after) or (after and after[0] not in NAME_SUFFIXES):
            return True
    return False
