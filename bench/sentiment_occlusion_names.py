"""Occlusion with and without actor names: what the explanations credit, and what they cost.

On the SummEval articles (and the seed article when present), the minilm backend explains
its most polar sentences by occlusion. This runs both variants in the same process:

- ``with names``: every content word occluded, actor names included (the old behaviour);
- ``names left alone``: the mentions ``find_actors`` finds are not occluded (the default).

Reported: occlusion texts encoded per article, CPU seconds per article for the explanation,
and the share of reported words (each explained sentence's top words) that are actor names.
The words that are not names keep their weights (the same variants are scored); their
places in the top words freed by names go to the next words.
Run: .venv/bin/python bench/sentiment_occlusion_names.py [--articles 100]
Writes bench/results/sentiment_occlusion_names.json and .md. Skips without ../shared/eval.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from evaldata import summeval_articles_or_skip

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    articles = summeval_articles_or_skip()
    if articles is None:
        return 0
    texts = articles[: args.articles]
    seed = ROOT.parent / "shared" / "seed" / "belarus-china-article.txt"
    if seed.is_file():
        texts.append(seed.read_text(encoding="utf-8"))

    from summarize.context import Context
    from summarize.document import build_document
    from summarize.sentiment.scoring import name_spans, score_document
    from summarize.settings import Settings

    settings = Settings(analyses=("sentiment",))
    variants = {"with names": False, "names left alone": True}
    totals = {name: {"texts": 0, "cpu": 0.0, "words": 0, "name_words": 0} for name in variants}
    for text in texts:
        doc = build_document(text)
        ctx = Context(settings=settings)
        ctx.sentence_embeddings(doc, "sentiment")  # shared by both variants, not timed
        spans = name_spans(ctx.actors(doc))
        for name, skip_names in variants.items():
            encoded: list[int] = []
            inner = ctx.encode_texts

            def counting(batch: list[str], job: str, inner=inner, encoded=encoded):
                encoded.append(len(batch))
                return inner(batch, job)

            ctx.encode_texts = counting  # type: ignore[method-assign]
            started = time.process_time()
            scored = score_document(doc, ctx, settings.sentiment, names=spans if skip_names else ())
            totals[name]["cpu"] += time.process_time() - started
            ctx.encode_texts = inner  # type: ignore[method-assign]
            totals[name]["texts"] += sum(encoded)
            occluded = [[c for c in cs if c.method == "occlusion"] for cs in scored.contributions]
            for cs in occluded:
                for c in cs:
                    totals[name]["words"] += 1
                    totals[name]["name_words"] += any(s <= c.start and c.end <= e for s, e in spans)

    n = len(texts)
    result = {
        "articles": n,
        "variants": {
            name: {
                "occlusion_texts_per_article": round(t["texts"] / n, 1),
                "explain_cpu_seconds_per_article": round(t["cpu"] / n, 3),
                "reported_words": t["words"],
                "share_of_reported_words_that_are_names": round(t["name_words"] / max(1, t["words"]), 3),
            }
            for name, t in totals.items()
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "sentiment_occlusion_names.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Occlusion with and without actor names",
        "",
        f"{n} articles (SummEval, plus the seed article when present); minilm backend, "
        "4 sentences explained.",
        "",
        "| variant | texts encoded / article | explain CPU s / article | reported words | names among them |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, v in result["variants"].items():
        lines.append(
            f"| {name} | {v['occlusion_texts_per_article']} | {v['explain_cpu_seconds_per_article']} | "
            f"{v['reported_words']} | {v['share_of_reported_words_that_are_names']:.1%} |"
        )
    (RESULTS / "sentiment_occlusion_names.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
