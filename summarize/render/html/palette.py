"""Colours and underline styles for framing categories.

Colours are the Okabe-Ito palette, chosen to stay distinguishable under the common
colour-vision deficiencies; each category also gets its own underline style and a
small text label, so the highlight never depends on colour alone (nor on a colour
printer). Seven colours times five underline styles are coprime, so the first 35
categories all get a distinct pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# (name, highlight colour, darker text-safe shade for underlines and labels)
OKABE_ITO: tuple[tuple[str, str, str], ...] = (
    ("orange", "#E69F00", "#9A6A00"),
    ("sky blue", "#56B4E9", "#1F6F9C"),
    ("bluish green", "#009E73", "#00694D"),
    ("yellow", "#F0E442", "#7A7300"),
    ("blue", "#0072B2", "#0072B2"),
    ("vermillion", "#D55E00", "#A84A00"),
    ("reddish purple", "#CC79A7", "#9C4A78"),
)
UNDERLINES = ("solid", "dashed", "dotted", "double", "wavy")

# Categories the built-in lexicons are expected to use get stable places, so the
# same category keeps its colour from one report to the next.
PREFERRED_ORDER = (
    "loaded",
    "actor_label",
    "conflict",
    "euphemism",
    "intensifier",
    "hedge",
    "factive",
    "attribution",
    "implicative",
    "presupposition",
    "scare_quote",
    "so_called",
    "agentless_passive",
    "flagged_word",
)


# Short tags shown next to each highlighted term for the built-in categories.
TAGS = {
    "loaded": "loaded",
    "actor_label": "label",
    "conflict": "conflict",
    "euphemism": "euphemism",
    "intensifier": "intensifier",
    "hedge": "hedge",
    "factive": "factive",
    "attribution": "attribution",
    "implicative": "implicative",
    "presupposition": "presupposes",
    "scare_quote": "scare quotes",
    "so_called": "so-called",
    "agentless_passive": "no agent",
    "flagged_word": "flagged",
}


@dataclass(frozen=True, slots=True)
class CategoryStyle:
    category: str  # the category name as reported (user text: escape it)
    label: str  # display name, e.g. "Hedges" (user text too: user lexicons name categories)
    tag: str  # the short label shown next to each highlighted term
    css_class: str  # "c0", "c1"...: never derived from the name itself
    colour: str
    shade: str
    colour_name: str
    underline: str


def order_categories(names: Iterable[str]) -> list[str]:
    unique = dict.fromkeys(n for n in names if isinstance(n, str) and n)

    def key(name: str) -> tuple[int, str]:
        norm = name.lower().replace("-", "_").replace(" ", "_")
        for rank, preferred in enumerate(PREFERRED_ORDER):
            if norm == preferred or norm.startswith(preferred):
                return rank, norm
        return len(PREFERRED_ORDER), norm

    return sorted(unique, key=key)


def category_styles(
    names: Iterable[str], labels: Mapping[str, str] | None = None
) -> dict[str, CategoryStyle]:
    labels = labels or {}
    styles: dict[str, CategoryStyle] = {}
    for i, name in enumerate(order_categories(names)):
        colour_name, colour, shade = OKABE_ITO[i % len(OKABE_ITO)]
        label = labels.get(name) or short_label(name, 40)
        styles[name] = CategoryStyle(
            category=name,
            label=label[:1].upper() + label[1:],
            tag=TAGS.get(name) or short_label(name),
            css_class=f"c{i}",
            colour=colour,
            shade=shade,
            colour_name=colour_name,
            underline=UNDERLINES[i % len(UNDERLINES)],
        )
    return styles


def category_css(styles: Iterable[CategoryStyle]) -> str:
    """Per-report rules for the categories present (colours are ours, never user text)."""
    rules = []
    for s in styles:
        rules.append(f".{s.css_class}{{--mark:{s.colour};--mark-shade:{s.shade};--mark-line:{s.underline}}}")
    return "\n".join(rules)


def short_label(category: str, limit: int = 16) -> str:
    text = category.replace("_", " ").replace("-", " ").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
