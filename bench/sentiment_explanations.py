"""Are sentiment's single-pass word weights as faithful as occlusion's? NYT editorial sentences.

For each sentence (the human-rated NYT snippets, vader_nyt; a fixed, evenly spaced sample
by default) the minilm backend's score ``s`` is explained two ways:
- occlusion (until issue 15): re-encode the sentence with each content word removed;
  weight = s - score without the word;
- pooled occlusion (now): the word's tokens taken out of the mean-pooled vector of the one
  forward pass (``scoring.pooled_occlusion_contributions``).
Each method picks its top ``k`` words pushing the way the score went (weight * sign(s) > 0),
for k = 1, 3 and 5 (5: the words a sentence reports, ``top_words``).
Faithfulness = how far the REAL score moves toward neutral when those words are removed from
the text and the sentence is re-encoded: (s - s_without) * sign(s). The issue's bar: pooled
occlusion's words move the score at least 90% as much as occlusion's, averaged over sentences.
Actor names are excluded from both, as in the analysis. Also reported: encoder tokens per
sentence each method needs, and how often the two agree on the top word.

Run: .venv/bin/python bench/sentiment_explanations.py [--sample 600] [--k 1 3 5]
Writes bench/results/sentiment_explanations.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarize_dev.nyt_data import eval_dir, load_nyt  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def main() -> int:
    import numpy as np

    from summarize.backends.encoder import load_encoder
    from summarize.context import Context
    from summarize.document import build_document
    from summarize.entities import find_actors
    from summarize.sentiment.head import load_head
    from summarize.sentiment.scoring import (
        name_spans,
        occlusion_contributions,
        pooled_occlusion_contributions,
    )
    from summarize.sentiment.vader_backend import compound_scores
    from summarize.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=600, help="sentences (0: all 5,189)")
    parser.add_argument("--k", type=int, nargs="+", default=[1, 3, 5], help="words removed per sentence")
    args = parser.parse_args()
    folder = eval_dir(ROOT)
    if folder is None:
        print("skipped: no vader_nyt data (set SUMMARIZE_EVAL_DIR)")
        return 0
    data = load_nyt(folder)
    step = max(1, len(data.texts) // args.sample) if args.sample else 1
    texts = list(data.texts[::step])[: args.sample or None]
    encoder = load_encoder()
    assert encoder.runtime == "numpy"
    head = load_head()
    settings = Settings(analyses=("sentiment",))

    def score(strings: list[str]) -> np.ndarray:
        vader = np.array(compound_scores(strings)) if head.uses_vader else None
        return head.predict_score(encoder.encode(strings), vader)

    rows = []
    tokens = {"pooled-occlusion": 0, "occlusion": 0}
    seconds = {"pooled-occlusion": 0.0, "occlusion": 0.0}
    for text in texts:
        doc = build_document(text)
        if len(doc.sentences) != 1:
            continue  # the snippets are single sentences; skip the few the splitter cuts
        ctx = Context(settings=settings)
        names = name_spans(find_actors(doc))
        vector = ctx.sentence_embeddings(doc, "sentiment")
        states = ctx.token_states(doc, "sentiment")
        assert states is not None
        vader = np.array(compound_scores([text])) if head.uses_vader else None
        s = float(head.predict_score(vector, vader)[0])
        started = time.process_time()
        pooled = pooled_occlusion_contributions(doc, 0, s, states[0], head, 1000, names)
        seconds["pooled-occlusion"] += time.process_time() - started
        tokens["pooled-occlusion"] += encoder.token_count(text)
        encoded: list[str] = []

        def score_variants(variants: list[str], _encoded: list[str] = encoded) -> list[float]:
            _encoded.extend(variants)
            return [float(x) for x in score(variants)]

        started = time.process_time()
        occluded = occlusion_contributions(doc, 0, s, score_variants, 1000, names)
        seconds["occlusion"] += time.process_time() - started
        tokens["occlusion"] += encoder.token_count(text) + sum(encoder.token_count(v) for v in encoded)
        sign = 1.0 if s >= 0 else -1.0
        agreeing = {
            method: [c for c in contributions if c.weight * sign > 0]
            for method, contributions in (("occlusion", occluded), ("pooled-occlusion", pooled))
        }
        if not agreeing["occlusion"] or not agreeing["pooled-occlusion"]:
            continue
        moved: dict[int, dict[str, float]] = {}
        for k in args.k:
            moved[k] = {}
            for method, chosen in agreeing.items():
                removed = text
                for c in sorted(chosen[:k], key=lambda c: -c.start):  # right to left keeps offsets valid
                    removed = (removed[: c.start].rstrip() + " " + removed[c.end :].lstrip()).strip()
                moved[k][method] = (s - float(score([removed])[0])) * sign
        rows.append(
            {
                "moved": moved,
                "same_top_word": agreeing["occlusion"][0].text == agreeing["pooled-occlusion"][0].text,
            }
        )
    methods = ("occlusion", "pooled-occlusion")
    by_k = {}
    for k in args.k:
        mean = {m: float(np.mean([r["moved"][k][m] for r in rows])) for m in methods}
        by_k[str(k)] = {
            "mean_score_move_toward_neutral": {m: round(v, 4) for m, v in mean.items()},
            "ratio_pooled_over_occlusion": round(mean["pooled-occlusion"] / mean["occlusion"], 3),
        }
    result = {
        "data": "vader_nyt nytEditorialSnippets (human-rated NYT editorial sentences)",
        "sentences_sampled": len(texts),
        "sentences_compared": len(rows),
        "by_words_removed": by_k,
        "same_top_word_share": round(float(np.mean([r["same_top_word"] for r in rows])), 3),
        "encoder_tokens_per_sentence": {m: round(t / max(1, len(rows)), 1) for m, t in tokens.items()},
        "explanation_cpu_seconds_per_sentence": {
            m: round(v / max(1, len(rows)), 4) for m, v in seconds.items()
        },
    }
    print(json.dumps(result, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "sentiment_explanations.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "sentiment_explanations.md").write_text(markdown(result))
    return 0


def markdown(r: dict) -> str:
    tokens = r["encoder_tokens_per_sentence"]
    cpu = r["explanation_cpu_seconds_per_sentence"]
    lines = [
        "# Sentiment explanations: pooled occlusion against occlusion",
        "",
        f"{r['sentences_compared']} of {r['sentences_sampled']} sampled NYT editorial sentences (both "
        "methods found a word pushing the score its way); each method's top k such words removed from "
        "the text, the sentence re-encoded and re-scored; the mean move of the score toward neutral.",
        "",
        "| words removed | occlusion | pooled occlusion | ratio (bar: ≥ 0.9) |",
        "|---:|---:|---:|---:|",
    ]
    for k, figures in r["by_words_removed"].items():
        move = figures["mean_score_move_toward_neutral"]
        lines.append(
            f"| {k} | {move['occlusion']} | {move['pooled-occlusion']} "
            f"| {figures['ratio_pooled_over_occlusion']} |"
        )
    lines += [
        "",
        f"Same top word: {r['same_top_word_share']:.0%} of sentences. Encoder tokens per sentence: "
        f"occlusion {tokens['occlusion']}, pooled occlusion {tokens['pooled-occlusion']} (the sentence's "
        f"own pass); explanation CPU s per sentence: {cpu['occlusion']} against {cpu['pooled-occlusion']}.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
