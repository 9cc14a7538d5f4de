"""Step 6: mentions grouped into actors.

Demonyms join their country, capitals their country when used as actors ("Beijing said"); a lone
surname or given name joins the full name; acronyms and "known as" names join the organisation they
name. A lone word the article also writes in lowercase ("Heart failure ...") is not a name, and an
undecided name mentioned once is dropped.
"""

from __future__ import annotations

import itertools
from collections import Counter

from summarize.entities import cues
from summarize.entities.actors import Actor, Mention
from summarize.entities.classify import HEAD_WORDS
from summarize.entities.found import Found
from summarize.entities.places import forms
from summarize.entities.resolve import Names, Resolved, resolve
from summarize.entities.run_ons import split_run_ons, surname_token
from summarize.entities.runs import DEMONYM_SUFFIXES

_KIND_PRIORITY = ("person", "organisation", "country", "place", "other")
_QUOTES = ('"', "“", "‘", "'")
_ARTICLES = ("the", "a", "an")
_PERSON_NAME_WORDS = (2, 3)
_MIN_STEM = 3  # "Kaldoria" from "Kaldorian"; shorter stems are chance endings


def group(found: list[Found], text: str, lowercase: set[str]) -> list[Actor]:
    found = split_run_ons(sorted(found, key=lambda f: f.start), lowercase)
    _mark_people(found, text)
    names = Names(
        persons=[f for f in found if f.kind == "person" and len(f.tokens) >= 2],
        orgs=[f for f in found if f.kind == "organisation" and f.role == "name"],
        found=found,
        lowercase=lowercase,
    )
    aliases = _known_as(found, text)
    groups: dict[str, list[tuple[Found, str]]] = {}
    kinds: dict[str, list[str]] = {}
    for item in found:
        assigned = _assign(item, names, aliases)
        if assigned is None:
            continue
        key, kind, role = assigned
        groups.setdefault(key, []).append((item, role))
        kinds.setdefault(key, []).append(kind)
    actors = _fold_demonyms([_actor(key, items, kinds[key]) for key, items in groups.items()])
    actors = [a for a in actors if a.kind != "other" or a.count >= 2]
    actors.sort(key=lambda a: (-a.count, a.mentions[0].start))
    return actors


def _mark_people(found: list[Found], text: str) -> None:
    """Undecided full names that are people's, by their lone surname (in place)."""
    speakers = {f.tokens[-1].text for f in found if len(f.tokens) == 1 and f.person_hint}
    for item in found:
        # "Tobi Adeyemi" ... "Adeyemi said": the full name is a person's.
        if item.kind == "other" and len(item.tokens) >= 2 and item.tokens[-1].text in speakers:
            item.kind = "person"
    for item in found:
        # "Robyn Gardner" ... "Gardner said": a name whose last word stands alone, not as a modifier
        # ("the Eastline plan"), is a person's.
        if _person_like(item) and text[max(0, item.start - 1) : item.start] not in _QUOTES:
            last = surname_token(item)
            if any(len(f.tokens) == 1 and f.tokens[0].text == last and _bare(f, text) for f in found):
                item.kind = "person"


def _assign(item: Found, names: Names, aliases: dict[str, tuple[str, str]]) -> Resolved | None:
    key, kind, role = resolve(item, names)
    if item.text in aliases and item.text != aliases[item.text][0]:
        key, kind = aliases[item.text]
        return key, kind, "alias"
    if _lowercase_word(item, key, role, names.lowercase):
        return None  # "Heart failure ...": the article writes the word in lowercase too
    return key, kind, role


def _lowercase_word(item: Found, key: str, role: str, lowercase: set[str]) -> bool:
    return (
        len(item.tokens) == 1
        and key == item.key
        and role == "name"
        and not item.head
        and item.tokens[0].text.lower() in lowercase
    )


def _actor(key: str, items: list[tuple[Found, str]], kinds: list[str]) -> Actor:
    mentions = tuple(
        Mention(text=item.text, start=item.start, end=item.end, sentence=item.tokens[0].sentence, role=role)
        for item, role in items
    )
    forms_seen = tuple(form for form, _ in Counter(m.text for m in mentions).most_common())
    return Actor(name=key, kind=_vote(kinds), aliases=forms_seen, mentions=mentions)


def _bare(item: Found, text: str) -> bool:
    """Written as a name on its own: not after an article ("the Eastline plan")."""
    before = text[max(0, item.start - 5) : item.start].split()
    return not before or before[-1].lower() not in _ARTICLES


def _person_like(item: Found) -> bool:
    """An undecided two- or three-word name that may be a person's ("Robyn Gardner")."""
    return (
        len(item.tokens) in _PERSON_NAME_WORDS
        and item.kind == "other"
        and not item.head
        and all(t.text[:1].isupper() and t.text not in HEAD_WORDS for t in item.tokens)
    )


def _vote(kinds: list[str]) -> str:
    """The most common decided kind ("Open Square": place once, organisation three times)."""
    decided = Counter(k for k in kinds if k != "other")
    if not decided:
        return "other"
    return max(decided, key=lambda k: (decided[k], -_KIND_PRIORITY.index(k)))


def _known_as(found: list[Found], text: str) -> dict[str, tuple[str, str]]:
    """ "the California Department of Forestry ..., known as Cal Fire": surface -> (key, kind)."""
    out: dict[str, tuple[str, str]] = {}
    for a, b in itertools.pairwise(found):
        if a.kind == "organisation" and cues.known_as(text[a.end : b.start]) and b.text not in forms():
            out[b.text] = (a.key, "organisation")
    return out


def _fold_demonyms(actors: list[Actor]) -> list[Actor]:
    """Unknown places and their demonyms: "Kaldorian" joins "Kaldoria", "Vessenian" joins "Vessen"."""
    merged: dict[str, Actor] = {a.name: a for a in actors}
    singles = [a for a in actors if " " not in a.name and a.kind in ("other", "place", "person")]
    for actor in singles:
        base = _demonym_base(actor, merged)
        if base is None or actor.name not in merged:
            continue
        merged[base.name] = _with_demonym(base, actor)
        del merged[actor.name]
    return list(merged.values())


def _demonym_base(actor: Actor, merged: dict[str, Actor]) -> Actor | None:
    stems = {actor.name[: -len(suffix)] for suffix in DEMONYM_SUFFIXES if actor.name.endswith(suffix)}
    return next((merged[s] for s in stems if s in merged and len(s) >= _MIN_STEM), None)


def _with_demonym(base: Actor, demonym: Actor) -> Actor:
    mentions = tuple(
        Mention(m.text, m.start, m.end, m.sentence, "demonym" if m.text == demonym.name else m.role)
        for m in sorted(base.mentions + demonym.mentions, key=lambda m: m.start)
    )
    forms_seen = tuple(f for f, _ in Counter(m.text for m in mentions).most_common())
    kind = "country" if base.kind in ("other", "place") else base.kind
    return Actor(base.name, kind, forms_seen, mentions)
