"""A small out-of-domain check: news headlines the head never saw.

    .venv/bin/python bench/sentiment_headlines.py

The 48 headlines below were written for this project by the engineer who wrote the
head (not taken from any outlet or dataset) and labelled by that same person, by hand,
before any model scored them, on -2 (very negative) .. +2 (very positive). One
annotator, no adjudication: treat the numbers as a sanity check, not a benchmark.
Compares VADER, TextBlob and the shipped MiniLM head (trained on NYT editorial
sentences only). Writes bench/results/sentiment_headlines.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarize.sentiment.vader_backend import compound_scores  # noqa: E402
from summarize_dev.crossval import pearson, spearman  # noqa: E402

HEADLINES: tuple[tuple[str, int], ...] = (
    ("Flood waters recede as rescued families return home", 1),
    ("Death toll climbs to 40 after ferry capsizes in storm", -2),
    ("Central bank holds interest rates steady", 0),
    ("City unveils plan to repave downtown streets next spring", 0),
    ("Teen inventor wins national science prize for cheap water filter", 2),
    ("Factory closure leaves 800 workers without jobs", -2),
    ("Ceasefire holds for a third day, raising hopes for talks", 1),
    ("Shelling resumes along front line, dashing hopes of truce", -2),
    ("Parliament to debate pension reform on Thursday", 0),
    ("Hospital waiting times fall to lowest level in a decade", 1),
    ("Regulators fine bank over years of hidden fees", -1),
    ("Volunteers rebuild school destroyed by wildfire", 1),
    ("Minister resigns amid bribery investigation", -2),
    ("Local bakery celebrates 100 years in business", 2),
    ("Drought pushes food prices to record highs", -2),
    ("Museum reopens after two-year renovation", 1),
    ("Police arrest suspect in string of violent robberies", -1),
    ("Unemployment falls for sixth straight month", 1),
    ("Talks collapse as unions vow to continue strike", -1),
    ("Rare turtle hatchlings spotted on restored beach", 2),
    ("Report finds widespread abuse at state care homes", -2),
    ("Company posts quarterly results in line with forecasts", 0),
    ("Vaccine trial shows strong protection with few side effects", 2),
    ("Bridge collapse injures dozens during rush hour", -2),
    ("Council approves budget after lengthy meeting", 0),
    ("Refugees describe terror of escape across the mountains", -2),
    ("Startup raises funding to expand clean energy projects", 1),
    ("Court upholds conviction in landmark fraud case", 0),
    ("Heatwave brings wildfire warnings across the south", -1),
    ("Neighbours rally to help elderly couple after house fire", 1),
    ("Government accused of covering up pollution data", -2),
    ("New rail line cuts commute times in half", 2),
    ("Election turnout hits record as voters queue for hours", 1),
    ("Scandal-hit charity loses major donors", -1),
    ("Scientists warn coral reefs face catastrophic decline", -2),
    ("Orchestra's free concert draws thousands to the park", 2),
    ("Prices of household goods unchanged in October", 0),
    ("Hackers steal personal data of millions of customers", -2),
    ("Peace deal signed, ending decade-long conflict", 2),
    ("Layoffs hit tech sector as demand slows", -1),
    ("Town celebrates as local team wins championship", 2),
    ("Officials deny wrongdoing in contract award", -1),
    ("Weather service forecasts mild weekend", 0),
    ("Children's hospital receives record donation", 2),
    ("Protesters clash with police outside parliament", -2),
    ("Study links air pollution to thousands of early deaths", -2),
    ("Farmers welcome rain after months of dry weather", 1),
    ("Mayor promises to review controversial parking rules", 0),
)


def textblob_scores(texts: list[str]) -> list[float]:
    from textblob import TextBlob

    return [float(TextBlob(t).sentiment.polarity) for t in texts]


def minilm_scores(texts: list[str]) -> list[float]:
    from summarize.backends.encoder import load_encoder
    from summarize.sentiment.head import load_head

    head = load_head()
    vader = np.array(compound_scores(texts))
    return head.predict_score(load_encoder("minilm").encode(texts), vader).tolist()


def summary(pred: np.ndarray, labels: np.ndarray, seconds: float) -> dict[str, float]:
    polar = labels != 0
    return {
        "pearson": round(pearson(pred, labels), 4),
        "spearman": round(spearman(pred, labels), 4),
        "sign_accuracy_on_polar": round(float(np.mean(np.sign(pred[polar]) == np.sign(labels[polar]))), 4),
        "seconds": round(seconds, 2),
    }


def main() -> int:
    texts = [h for h, _ in HEADLINES]
    labels = np.array([float(label) for _, label in HEADLINES])
    results: dict[str, object] = {
        "data": (
            f"{len(texts)} headlines written and hand-labelled (-2..2) by this project's engineer; "
            "one annotator"
        ),
        "methods": {},
    }
    for name, fn in (
        ("vader", compound_scores),
        ("textblob", textblob_scores),
        ("minilm_head", minilm_scores),
    ):
        started = time.perf_counter()
        pred = np.array(fn(texts))
        results["methods"][name] = summary(pred, labels, time.perf_counter() - started)  # type: ignore[index]
    methods = results["methods"]
    results["minilm_minus_vader_pearson"] = round(
        methods["minilm_head"]["pearson"] - methods["vader"]["pearson"],  # type: ignore[index]
        4,
    )
    out = ROOT / "bench" / "results" / "sentiment_headlines.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
