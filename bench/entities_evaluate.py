"""Score recognised actors against a hand-labelled list: actor-level precision, recall, F1, kind accuracy.

A predicted actor matches the gold actor whose name or aliases contain its name (else any of its
aliases). A second predicted actor matching the same gold actor is a *split* (an ungrouped alias) and
counts as a false positive. A predicted actor named by an ``optional`` name (projects, products,
dateline-only places) is ignored: neither credited nor penalised.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summarize.entities.actors import Actor


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def surfaces(self) -> frozenset[str]:
        return frozenset(normalise(s) for s in (self.name, *self.aliases))


@dataclass(frozen=True, slots=True)
class Match:
    gold: str
    predicted: str
    gold_kind: str
    predicted_kind: str


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one article or a sum of articles; the rates are derived from them."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    kind_correct: int = 0
    splits: int = 0
    merged: int = 0  # aliases of a predicted actor that name another gold actor (wrongly grouped)
    matches: tuple[Match, ...] = ()
    spurious: tuple[str, ...] = ()  # predicted names that match no gold actor (kind in brackets)
    missed: tuple[str, ...] = ()  # gold names no predicted actor matched
    missed_by_kind: dict[str, int] = field(default_factory=dict)
    gold_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.true_positives if self.true_positives else 0.0

    def recall_of(self, kind: str) -> float:
        gold = self.gold_by_kind.get(kind, 0)
        return (gold - self.missed_by_kind.get(kind, 0)) / gold if gold else 0.0


def normalise(surface: str) -> str:
    """Compare names the way a reader would: quotes, possessives, a leading "The", a final full stop."""
    text = " ".join(surface.replace("’", "'").split())
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("The "):
        text = text[4:]
    return text.rstrip(".").casefold()


def score_actors(
    predicted: Sequence[Actor], gold: Sequence[GoldActor], optional: Iterable[str] = ()
) -> Score:
    """Actor-level agreement of ``predicted`` with ``gold`` for one article."""
    optional_forms = {normalise(s) for s in optional}
    matched: dict[int, Match] = {}
    false_positives = splits = merged = 0
    spurious: list[str] = []
    for actor in predicted:
        index = _gold_index(actor, gold)
        if index is None:
            if normalise(actor.name) in optional_forms:
                continue
            false_positives += 1
            spurious.append(f"{actor.name} [{actor.kind}]")
            continue
        if index in matched:
            false_positives += 1
            splits += 1
            spurious.append(f"{actor.name} [{actor.kind}, split of {gold[index].name}]")
            continue
        matched[index] = Match(gold[index].name, actor.name, gold[index].kind, actor.kind)
        others = set().union(*(g.surfaces for i, g in enumerate(gold) if i != index))
        merged += sum(
            1 for a in actor.aliases if normalise(a) in others and normalise(a) not in gold[index].surfaces
        )
    missed = [g for i, g in enumerate(gold) if i not in matched]
    return Score(
        true_positives=len(matched),
        false_positives=false_positives,
        false_negatives=len(missed),
        kind_correct=sum(1 for m in matched.values() if m.gold_kind == m.predicted_kind),
        splits=splits,
        merged=merged,
        matches=tuple(matched[i] for i in sorted(matched)),
        spurious=tuple(spurious),
        missed=tuple(g.name for g in missed),
        missed_by_kind=_count(g.kind for g in missed),
        gold_by_kind=_count(g.kind for g in gold),
    )


def add_scores(scores: Iterable[Score]) -> Score:
    """Micro-average: the counts of every article summed."""
    total = Score()
    for s in scores:
        total = Score(
            true_positives=total.true_positives + s.true_positives,
            false_positives=total.false_positives + s.false_positives,
            false_negatives=total.false_negatives + s.false_negatives,
            kind_correct=total.kind_correct + s.kind_correct,
            splits=total.splits + s.splits,
            merged=total.merged + s.merged,
            matches=total.matches + s.matches,
            spurious=total.spurious + s.spurious,
            missed=total.missed + s.missed,
            missed_by_kind=_merge(total.missed_by_kind, s.missed_by_kind),
            gold_by_kind=_merge(total.gold_by_kind, s.gold_by_kind),
        )
    return total


def _gold_index(actor: Actor, gold: Sequence[GoldActor]) -> int | None:
    name = normalise(actor.name)
    for i, g in enumerate(gold):
        if name in g.surfaces:
            return i
    aliases = {normalise(a) for a in actor.aliases}
    overlaps = [(len(aliases & g.surfaces), i) for i, g in enumerate(gold)]
    best = max(overlaps, default=(0, -1))
    return best[1] if best[0] else None


def _count(kinds: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind in kinds:
        out[kind] = out.get(kind, 0) + 1
    return out


def _merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in a.keys() | b.keys()}


@dataclass(frozen=True, slots=True)
class GoldArticle:
    file: str  # relative to the project root, or to ../shared when ``shared``
    actors: tuple[GoldActor, ...]
    optional: tuple[str, ...] = ()
    shared: bool = False
    heldout: bool = False  # not looked at while the rules were tuned


def load_gold(path: str) -> list[GoldArticle]:
    """The articles of a gold YAML file (see tests/entities/gold_actors.yaml for the format)."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return [
        GoldArticle(
            file=str(item["file"]),
            actors=tuple(
                GoldActor(str(a["name"]), str(a["kind"]), tuple(str(x) for x in a.get("aliases", ())))
                for a in item["actors"]
            ),
            optional=tuple(str(x) for x in item.get("optional", ())),
            shared=bool(item.get("shared", False)),
            heldout=bool(item.get("heldout", False)),
        )
        for item in data["articles"]
    ]
