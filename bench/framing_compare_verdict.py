"""How far to trust `compare`'s "beyond noise": BASIL's same-event pairs, cross-validated by event.

`summarize compare` gives each article's loaded-language density (calibrated expected sentences
with loaded language per 1,000 words) and share of sentences judged biased, each with a 95%
interval, and says a difference is "beyond noise" when the two intervals do not overlap
(``calibration.differs_beyond_noise``). Issue 14 asks that two outlets' reports of one event be
compared honestly. BASIL has exactly that: 50 events, each reported by three outlets, so 150
same-event pairs. With the sentence probabilities of ``framing_basil.cross_validate`` (5-fold
GroupKFold by event: every article is scored by heads that never saw its event), this bench asks
of each verdict rule:

- how many pairs it calls beyond noise;
- among those, how often its direction agrees with the experts' (the article with more expert
  loaded-language sentences per 1,000 words, or more expert spans per 1,000 words); pairs the
  experts tie are counted apart (a call there is a difference the experts do not see);
- the same agreement over all pairs (every pair ordered by the point values: ``pair_order``).

Rules, each on both figures:

- shipped: the two 95% intervals of ``calibration.interval`` (marks drawn, as the tool reports
  them) and ``calibration.share_interval`` do not overlap;
- difference: the 95% interval of the difference (each article bootstrapped on its own, rounds
  paired by index, the same draws as the shipped interval) excludes zero. This is the usual
  test of a difference; non-overlap is stricter (about p < 0.006 for equal widths). For the
  share, the bootstrap cannot vary an article with no flagged sentence, so it calls "4 of 40
  against 0 of 40" a difference (Fisher's exact p = 0.12), the case ``share_interval`` was fixed for;
- share only: Fisher's exact test on flagged sentences, p < 0.05 (sentences taken as independent).

Result (bench/results/framing_compare_verdict.md): see the table there and docs/framing.md.

Run: .venv/bin/python bench/framing_basil_encode.py (once), then
     .venv/bin/python bench/framing_compare_verdict.py   (~10 min on 2 busy cores; the folds'
     predictions are cached in /tmp/framing/compare_verdict_cv.pkl, --fresh recomputes them)
Writes bench/results/framing_compare_verdict.{json,md}.
"""

from __future__ import annotations

import json
import pickle
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import framing_basil as fb  # noqa: E402  (puts the repo root and models/framing_heads on sys.path)
from basil import basil_folder, read_basil  # noqa: E402

from summarize.framing.calibration import (  # noqa: E402
    BOOTSTRAP_ROUNDS,
    bootstrap_ratios,
    differs_beyond_noise,
    interval,
    share_interval,
)

if TYPE_CHECKING:
    import numpy as np

CACHE = Path("/tmp/framing/compare_verdict_cv.pkl")
RESULTS = HERE / "results"


@dataclass(frozen=True)
class Figure:
    """One compare figure of one article: the shipped interval and its bootstrap rounds."""

    value: float
    low: float
    high: float
    rounds: np.ndarray


@dataclass(frozen=True)
class ArticleFigures:
    """An article's two compare figures, and its flagged and total sentences (for Fisher's test)."""

    figure: dict[str, Figure]  # "density", "share"
    flagged: int
    sentences: int


def article_figures(p: np.ndarray, flag: np.ndarray, words: np.ndarray, seed: int) -> ArticleFigures:
    import numpy as np

    density = interval(list(p), list(words), 1000.0, digits=1, draw_marks=True)
    share = share_interval([bool(f) for f in flag])
    ones = np.ones(len(flag))
    density_rounds = bootstrap_ratios(p, words.astype(np.float64), 1000.0, True, seed)
    share_rounds = bootstrap_ratios(flag.astype(np.float64), ones, 1.0, False, seed + 1)
    return ArticleFigures(
        figure={
            "density": Figure(density.value, density.low, density.high, density_rounds),
            "share": Figure(share.value, share.low, share.high, share_rounds),
        },
        flagged=int(flag.sum()),
        sentences=len(flag),
    )


def cross_validated(fresh: bool) -> tuple[object, np.ndarray, np.ndarray]:
    """BASIL data and the CV sentence probabilities and decisions of the shipped protocol."""
    import basil_fit as bf

    data = bf.build_basil_data(read_basil(basil_folder()))
    if CACHE.exists() and not fresh:
        sentence_p, flag = pickle.loads(CACHE.read_bytes())
        return data, sentence_p, flag
    babe_x, babe_y = bf.babe_word_rows()
    babe_p = bf.babe_sentence_probabilities(data)
    _, _, sentence_p, flag, _ = fb.cross_validate(data, babe_x, babe_y, babe_p)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps((sentence_p, flag)))
    return data, sentence_p, flag


def verdicts(a: ArticleFigures, b: ArticleFigures, figure: str) -> dict[str, int]:
    """+1 / -1 when a rule calls a above / below b beyond noise, 0 when within noise."""
    import numpy as np

    from summarize.framing.section import Interval

    first, second = a.figure[figure], b.figure[figure]
    sign = int(np.sign(first.value - second.value))
    shipped = differs_beyond_noise(
        Interval(first.value, first.low, first.high), Interval(second.value, second.low, second.high)
    )
    low, high = np.quantile(first.rounds - second.rounds, [0.025, 0.975])
    calls = {
        "shipped (intervals do not overlap)": sign * shipped,
        "difference interval excludes 0": sign * (low > 0 or high < 0),
    }
    if figure == "share":
        calls["Fisher's exact test, p < 0.05"] = sign * (
            fisher_exact(a.flagged, a.sentences, b.flagged, b.sentences) < 0.05
        )
    return calls


def fisher_exact(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-sided p of Fisher's exact test on k1 of n1 against k2 of n2 (sentences taken as independent)."""
    from math import comb

    total, flagged = n1 + n2, k1 + k2

    def probability(k: int) -> float:
        return comb(n1, k) * comb(n2, flagged - k) / comb(total, flagged)

    observed = probability(k1)
    support = range(max(0, flagged - n2), min(n1, flagged) + 1)
    return min(1.0, sum(q for q in map(probability, support) if q <= observed * (1 + 1e-9)))


def agreement(calls: list[int], gold: list[float]) -> dict[str, float]:
    """Pairs called, and how often a call's direction agrees with the experts'."""
    called = [(c, g) for c, g in zip(calls, gold, strict=True) if c != 0]
    decided = [(c, g) for c, g in called if g != 0]
    return {
        "pairs": len(calls),
        "called_beyond_noise": len(called),
        "called_where_experts_differ": len(decided),
        "agree_with_experts": round(sum(c * g > 0 for c, g in decided) / max(1, len(decided)), 4),
        "called_where_experts_tie": len(called) - len(decided),
    }


def order_credit(ours: float, gold: float) -> float:
    """1 when ours orders the pair as the experts do, 0.5 for a tie of ours (as ``pair_order``), else 0."""
    return 1.0 if ours * gold > 0 else (0.5 if ours == 0 else 0.0)


def agreement_by_gap(ours: list[float], gold: list[float]) -> list[dict[str, float]]:
    """Point-value order against the experts' in thirds of the experts' gap (pairs they tie left out;
    the point values are the rounded figures the tool shows)."""
    import numpy as np

    o, g = np.asarray(ours), np.asarray(gold)
    keep = g != 0
    o, g = o[keep], g[keep]
    bounds = np.quantile(np.abs(g), [0.0, 1 / 3, 2 / 3, 1.0])
    third = np.clip(np.searchsorted(bounds[1:-1], np.abs(g), side="left"), 0, 2)

    def pairs_in(k: int) -> zip[tuple[float, float]]:
        return zip(o[third == k], g[third == k], strict=True)

    return [
        {
            "expert_gap_up_to": round(float(bounds[k + 1]), 2),
            "pairs": int((third == k).sum()),
            "agree_with_experts": round(float(np.mean([order_credit(x, y) for x, y in pairs_in(k)])), 4),
        }
        for k in range(3)
    ]


def main(fresh: bool = False) -> int:
    import numpy as np

    if basil_folder() is None:
        print("skipped: no basil_dev under ../shared/eval (set SUMMARIZE_EVAL_DIR)")
        return 0
    data, sentence_p, flag = cross_validated(fresh)
    rows_of = [np.flatnonzero(data.sentence_article == a) for a in range(len(data.articles))]
    figures = [
        article_figures(sentence_p[rows], flag[rows], data.sentence_words[rows], seed=1000 + a)
        for a, rows in enumerate(rows_of)
    ]
    expert = {
        "expert loaded-language sentences per 1,000 words": [
            1000.0 * data.sentence_gold[rows].sum() / max(1, data.sentence_words[rows].sum())
            for rows in rows_of
        ],
        "expert spans per 1,000 words": [
            1000.0 * len(article.lexical) / max(1, data.sentence_words[rows].sum())
            for article, rows in zip(data.articles, rows_of, strict=True)
        ],
    }
    events: dict[str, list[int]] = {}
    for a, article in enumerate(data.articles):
        events.setdefault(article.event, []).append(a)
    pairs = [pair for members in events.values() for pair in combinations(members, 2)]
    table: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for figure in ("density", "share"):
        calls: dict[str, list[int]] = {}
        for a, b in pairs:
            for rule, call in verdicts(figures[a], figures[b], figure).items():
                calls.setdefault(rule, []).append(call)
        points = [
            int(np.sign(figures[a].figure[figure].value - figures[b].figure[figure].value)) for a, b in pairs
        ]
        calls["every pair by its point values"] = points
        table[figure] = {
            gold_name: {
                rule: agreement(c, [float(np.sign(gold[a] - gold[b])) for a, b in pairs])
                for rule, c in calls.items()
            }
            for gold_name, gold in expert.items()
        }
    expert_spans = expert["expert spans per 1,000 words"]
    expert_gap = [expert_spans[a] - expert_spans[b] for a, b in pairs]
    counts = [len(article.lexical) for article in data.articles]
    # One report with no expert span, the other with at least 3: a difference anyone would see.
    clear = [
        i
        for i, (a, b) in enumerate(pairs)
        if min(counts[a], counts[b]) == 0 and max(counts[a], counts[b]) >= 3
    ]
    gaps, clear_agree = {}, {}
    for figure in ("density", "share"):
        gap = [figures[a].figure[figure].value - figures[b].figure[figure].value for a, b in pairs]
        gaps[figure] = agreement_by_gap(gap, expert_gap)
        credit = sum(order_credit(gap[i], expert_gap[i]) for i in clear)
        clear_agree[figure] = round(credit / max(1, len(clear)), 4)
    result = {
        "data": f"{len(data.articles)} BASIL articles, {len(events)} events, {len(pairs)} same-event pairs",
        "protocol": "sentence probabilities and decisions from framing_basil.cross_validate (5-fold "
        f"GroupKFold by event); intervals and difference tests from {BOOTSTRAP_ROUNDS} bootstrap rounds "
        "over sentences",
        "figures": {"density": "loaded_per_1000_words (marks drawn)", "share": "biased_share"},
        "table": table,
        "point_order_by_expert_gap": gaps,
        "clear_pairs": {"pairs": len(clear), "point_order_agrees": clear_agree},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "framing_compare_verdict.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )
    (RESULTS / "framing_compare_verdict.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


def markdown(result: dict) -> str:
    lines = [
        "# compare's verdict on BASIL's same-event pairs (cross-validated by event)",
        "",
        f"{result['data']}. {result['protocol']}.",
        "",
        "| figure | experts' figure | rule | called beyond noise | of those, experts differ "
        "| agree with experts | called where experts tie |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for figure, by_gold in result["table"].items():
        for gold, rules in by_gold.items():
            for rule, r in rules.items():
                cells = [
                    result["figures"][figure],
                    gold,
                    rule,
                    f"{r['called_beyond_noise']} of {r['pairs']}",
                    str(r["called_where_experts_differ"]),
                    f"{r['agree_with_experts']:.3f}",
                    str(r["called_where_experts_tie"]),
                ]
                lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Ordering by the point values, in thirds of the experts' gap (expert spans per 1,000 words; "
        "pairs they tie left out):",
        "",
    ]
    for figure, thirds in result["point_order_by_expert_gap"].items():
        cells = [
            f"gap <= {t['expert_gap_up_to']}: {t['agree_with_experts']:.3f} of {t['pairs']}" for t in thirds
        ]
        lines.append(f"- {result['figures'][figure]}: " + "; ".join(cells))
    clear = result["clear_pairs"]
    lines += [
        "",
        f"Pairs where one report has no expert span and the other at least 3 ({clear['pairs']}): the point "
        f"values order them as the experts do {json.dumps(clear['point_order_agrees'])}.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(fresh="--fresh" in sys.argv[1:]))
