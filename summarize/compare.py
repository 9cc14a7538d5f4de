"""Comparing the framing of two articles: categories and densities, terms only one uses,
and how each names the same actors.

``compare_reports(a, b)`` reads two reports that include the framing section;
``summarize/render/<format>/compare.py`` draws the result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarize.errors import UsageError
from summarize.framing.section import Interval

if TYPE_CHECKING:
    from summarize.document import Document
    from summarize.framing.section import FramingSection, FramingSpan
    from summarize.report import Report

ACTOR_WINDOW_TOKENS = 4  # framing words this close to a mention describe the actor
MAX_ACTORS = 8


@dataclass(frozen=True, slots=True)
class CategoryComparison:
    name: str
    label: str
    count_a: int
    count_b: int
    per_1000_a: float
    per_1000_b: float
    layer: str = "loaded"  # "device" categories are shown, never part of a verdict


@dataclass(frozen=True, slots=True)
class TermUse:
    text: str  # lower-cased surface form
    category: str
    count: int
    in_quotes: int  # of ``count``, how many inside quoted speech
    layer: str = "loaded"


@dataclass(frozen=True, slots=True)
class Verdict:
    """One figure of both articles, and whether their difference is beyond noise."""

    figure: str  # "loaded_per_1000_words" or "biased_share"
    a: Interval
    b: Interval
    beyond_noise: bool  # the 95% intervals do not overlap
    text: str


@dataclass(frozen=True, slots=True)
class ActorNaming:
    actor: str
    mentions_a: int
    mentions_b: int
    names_a: list[str]  # surface forms, most frequent first
    names_b: list[str]
    framing_a: list[str]  # framing words used next to the actor
    framing_b: list[str]


@dataclass(frozen=True)
class Comparison:
    title_a: str
    title_b: str
    words_a: int
    words_b: int
    score_a: float  # document framing score
    score_b: float
    biased_share_a: float
    biased_share_b: float
    categories: list[CategoryComparison]
    only_a: list[TermUse]
    only_b: list[TermUse]
    shared: list[str]
    actors: list[ActorNaming]
    profile_distance: float  # half the L1 distance between the loaded-language profiles, 0..1
    # Loaded-language density and biased share, each with its interval and a within-noise call.
    verdicts: list[Verdict] = field(default_factory=list)


def _framing(report: Report, which: str) -> FramingSection:
    if report.framing is None:
        raise UsageError(f"article {which} has no framing section; run it with the framing analysis")
    return report.framing


def _title(report: Report, fallback: str) -> str:
    return report.source.title or report.source.location or fallback


def _term_uses(section: FramingSection) -> dict[str, TermUse]:
    counts: Counter[tuple[str, str]] = Counter()
    quoted: Counter[tuple[str, str]] = Counter()
    layers: dict[tuple[str, str], str] = {}
    for span in section.spans:
        if span.source == "head":  # unexplained model flags are not terms
            continue
        key = (" ".join(span.text.lower().split()), span.category)
        counts[key] += 1
        quoted[key] += int(span.in_quote)
        layers[key] = span.layer
    uses: dict[str, TermUse] = {}
    for (text, category), count in counts.most_common():
        if text not in uses:
            uses[text] = TermUse(text, category, count, quoted[(text, category)], layers[(text, category)])
    return uses


def _profile(section: FramingSection) -> dict[str, float]:
    """Shares of the loaded-language categories (devices are not part of the measure)."""
    loaded = {k: s for k, s in section.categories.items() if s.layer == "loaded"}
    total = sum(s.count for s in loaded.values())
    return {k: s.count / total for k, s in loaded.items()} if total else {}


_FIGURE_NAMES = {
    "loaded_per_1000_words": "loaded-language density per 1,000 words",
    "biased_share": "share of sentences judged biased",
}


def verdict(figure: str, a: Interval, b: Interval) -> Verdict:
    """Whether A and B differ on ``figure`` beyond the noise of their own sentences."""
    from summarize.framing.calibration import differs_beyond_noise

    name = _FIGURE_NAMES.get(figure, figure.replace("_", " "))
    beyond = differs_beyond_noise(a, b)
    if beyond:
        more = "A" if a.value > b.value else "B"
        text = f"{more} is higher on {name}, beyond noise (the 95% intervals do not overlap)."
    else:
        text = (
            f"The difference in {name} is within noise: the 95% intervals overlap, so these "
            "articles cannot be ordered on it."
        )
    return Verdict(figure=figure, a=a, b=b, beyond_noise=beyond, text=text)


def _verdicts(fa: FramingSection, fb: FramingSection) -> list[Verdict]:
    if fa.measure is None or fb.measure is None:
        return []
    return [
        verdict("loaded_per_1000_words", fa.measure.loaded_per_1000_words, fb.measure.loaded_per_1000_words),
        verdict("biased_share", fa.measure.biased_share, fb.measure.biased_share),
    ]


def compare_reports(a: Report, b: Report) -> Comparison:
    fa, fb = _framing(a, "A"), _framing(b, "B")
    names = list(dict.fromkeys([*fa.categories, *fb.categories]))
    categories = []
    for name in names:
        sa, sb = fa.categories.get(name), fb.categories.get(name)
        either = sa or sb or fb.categories[name]  # every name comes from one of the two
        categories.append(
            CategoryComparison(
                name=name,
                label=either.label,
                count_a=sa.count if sa else 0,
                count_b=sb.count if sb else 0,
                per_1000_a=sa.per_1000_words if sa else 0.0,
                per_1000_b=sb.per_1000_words if sb else 0.0,
                layer=either.layer,
            )
        )
    categories.sort(key=lambda c: (c.layer != "loaded", -abs(c.per_1000_a - c.per_1000_b)))
    terms_a, terms_b = _term_uses(fa), _term_uses(fb)
    pa, pb = _profile(fa), _profile(fb)
    distance = 0.5 * sum(abs(pa.get(k, 0.0) - pb.get(k, 0.0)) for k in set(pa) | set(pb))
    return Comparison(
        title_a=_title(a, "A"),
        title_b=_title(b, "B"),
        words_a=a.stats.words,
        words_b=b.stats.words,
        score_a=fa.document.score,
        score_b=fb.document.score,
        biased_share_a=fa.document.biased_share,
        biased_share_b=fb.document.biased_share,
        categories=categories,
        only_a=[u for t, u in terms_a.items() if t not in terms_b],
        only_b=[u for t, u in terms_b.items() if t not in terms_a],
        shared=sorted(set(terms_a) & set(terms_b)),
        actors=compare_actors(a.document, fa, b.document, fb),
        profile_distance=round(distance, 4),
        verdicts=_verdicts(fa, fb),
    )


# --- actors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ActorView:
    name: str
    mentions: list[tuple[str, int, int, int]]  # (surface, start, end, sentence)


def _actors(doc: Document) -> list[_ActorView]:
    from summarize.entities import find_actors

    return [
        _ActorView(actor.name, [(m.text, m.start, m.end, m.sentence) for m in actor.mentions])
        for actor in find_actors(doc)
        if actor.kind != "place" or actor.count > 1
    ]


def _nearby_framing(doc: Document, section: FramingSection, view: _ActorView) -> list[str]:
    spans_by_sentence: dict[int, list[FramingSpan]] = {}
    for span in section.spans:
        if span.source == "head":
            continue
        index = doc.sentence_at(span.start)
        if index is not None:
            spans_by_sentence.setdefault(index, []).append(span)
    found: Counter[str] = Counter()
    for _, start, end, sentence in view.mentions:
        tokens = doc.sentence_tokens(sentence)
        first = next((k for k, t in enumerate(tokens) if t.end > start), 0)
        last = next((k for k, t in enumerate(tokens) if t.end >= end), len(tokens) - 1)
        lo = tokens[max(0, first - ACTOR_WINDOW_TOKENS)].start if tokens else start
        hi = tokens[min(len(tokens) - 1, last + ACTOR_WINDOW_TOKENS)].end if tokens else end
        for span in spans_by_sentence.get(sentence, []):
            if span.start < hi and lo < span.end:
                found[span.text.lower()] += 1
    return [text for text, _ in found.most_common()]


def _key(name: str) -> str:
    return name.lower().strip()


def compare_actors(
    doc_a: Document, section_a: FramingSection, doc_b: Document, section_b: FramingSection
) -> list[ActorNaming]:
    """Actors named in both articles: the names each uses and the framing words around them."""
    actors_a = {_key(v.name): v for v in _actors(doc_a)}
    actors_b = {_key(v.name): v for v in _actors(doc_b)}
    shared = [k for k in actors_a if k in actors_b]
    shared.sort(key=lambda k: -(len(actors_a[k].mentions) + len(actors_b[k].mentions)))
    out = []
    for key in shared[:MAX_ACTORS]:
        va, vb = actors_a[key], actors_b[key]
        out.append(
            ActorNaming(
                actor=va.name,
                mentions_a=len(va.mentions),
                mentions_b=len(vb.mentions),
                names_a=[t for t, _ in Counter(m[0] for m in va.mentions).most_common()],
                names_b=[t for t, _ in Counter(m[0] for m in vb.mentions).most_common()],
                framing_a=_nearby_framing(doc_a, section_a, va),
                framing_b=_nearby_framing(doc_b, section_b, vb),
            )
        )
    return out
