"""Step 5: context cues (cues.py) decide undecided names.

"said X" and "winger X" mark people, "the firm X" and "X, a group that" organisations,
"in X" and "the town of X" places; a place that speaks ("Open Square said") is an organisation.
"""

from __future__ import annotations

from summarize.entities import cues
from summarize.entities.found import Found
from summarize.entities.places import place_names


def apply_cues(found: list[Found], text: str) -> None:
    """Decide undecided names from the words around them (in place)."""
    places = place_names()
    for item in found:
        if item.kind == "place" and item.role == "place" and item.key not in places:
            _speaking_place(item, text)
        elif item.kind in ("other", "person") and not item.person_hint:
            _undecided(item, text, places)


def _speaking_place(item: Found, text: str) -> None:
    # "Open Square said", "a spokeswoman for Open Square": a place does not speak.
    if cues.organisation_cue(text, item.start, item.end) or cues.speech_cue(text, item.start, item.end):
        item.kind = "organisation"


def _undecided(item: Found, text: str, places: frozenset[str]) -> None:
    one_word = len(item.tokens) == 1
    if cues.organisation_cue(text, item.start, item.end):
        item.kind = "organisation"
    elif cues.person_cue(text, item.start, item.end) or (
        not one_word and cues.speech_cue(text, item.start, item.end)
    ):
        item.kind, item.person_hint = "person", True
    elif one_word and cues.place_cue(text, item.start, item.end, places):
        item.kind, item.role = "place", "place"
    elif one_word and cues.speech_cue(text, item.start, item.end):
        item.person_hint = True  # "Adeyemi said": a speaker, person or organisation
