"""ROUGE on the 100 SummEval articles: Lead-3, LexRank, our methods, stored BART/PEGASUS outputs.

    .venv/bin/python bench/summary_rouge.py                  # extractive + baselines
    .venv/bin/python bench/summary_rouge.py --generate 10    # + SmolLM2 abstractive/hybrid on 10

ROUGE-1/2/Lsum F1 (rouge-score, stemming on) against `reference`. Our extractive scorer was
tuned on these same articles, so its in-sample score is printed next to the nested
cross-validated score from models/summary_scorer/training_result.json (the honest one).
"lead_word_stop" is Lead-3 with the default's word stop and nothing else (an ablation).
Speed: wall and CPU seconds per article after the one-time load, with the torch thread count
(`--threads N` sets it; the default is torch's). Writes bench/results/summary_rouge.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
from evaldata import summeval_file

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rouge(predictions: list[str], references: list[str]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for p, r in zip(predictions, references, strict=True):
        for k, v in scorer.score(r.replace(" . ", " .\n"), p).items():
            totals[k] += v.fmeasure
    return {k: round(100 * v / len(predictions), 2) for k, v in totals.items()}


def lexrank(sentences: list[str], k: int = 3) -> str:
    """Classic LexRank (Erkan & Radev 2004): PageRank over TF-IDF cosine, threshold 0.1."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(sentences) <= k:
        return "\n".join(sentences)
    tfidf = TfidfVectorizer(stop_words="english").fit_transform(sentences)
    sim = (tfidf @ tfidf.T).toarray()
    graph = (sim > 0.1).astype(float)
    np.fill_diagonal(graph, 0)
    graph /= np.maximum(graph.sum(axis=1, keepdims=True), 1)
    rank = np.full(len(sentences), 1 / len(sentences))
    for _ in range(50):
        rank = 0.15 / len(sentences) + 0.85 * graph.T @ rank
    top = sorted(np.argsort(-rank)[:k])
    return "\n".join(sentences[i] for i in top)


def lead_word_stop(rows: list[dict]) -> list[str]:
    """The first sentences (as the extractive default sees them) up to the default's word stop."""
    from summarize.document import build_document
    from summarize.summary.extractive import candidates, sentence_word_counts
    from summarize.summary.length import resolve_length
    from summarize.summary.scorer import load_scorer

    per_sentence = load_scorer().words_per_sentence
    out = []
    for row in rows:
        doc = build_document(row["article"])
        target = resolve_length(len(doc.sentences), words_per_sentence=per_sentence)
        counts, chosen, used = sentence_word_counts(doc), [], 0
        for i in candidates(doc)[: target.sentences]:
            if target.enough_words is not None and used >= target.enough_words:
                break
            chosen.append(doc.sentences[i].text)
            used += counts[i]
        out.append("\n".join(chosen))
    return out


def run_ours(rows: list[dict], method: str, model: str | None = None) -> dict:
    from summarize.context import Context
    from summarize.pipeline import analyze
    from summarize.settings import Settings
    from summarize.summary.settings import SummarySettings

    ctx = Context(settings=Settings(analyses=("summary",), count_model_tokens=False,
                                    summary=SummarySettings(method=method, model=model)))
    started = time.perf_counter()
    analyze(rows[0]["article"], context=ctx)  # load models outside the timing
    load_seconds = time.perf_counter() - started
    predictions, flagged, total, chunks = [], 0, 0, []
    started, cpu_started = time.perf_counter(), time.process_time()
    for row in rows:
        section = analyze(row["article"], context=ctx).summary
        predictions.append("\n".join(s.text for s in section.sentences))
        flagged += sum(1 for s in section.sentences + section.dropped if s.flags)
        total += len(section.sentences) + len(section.dropped)
        chunks.append(section.chunks)
    seconds = (time.perf_counter() - started) / len(rows)
    cpu_seconds = (time.process_time() - cpu_started) / len(rows)
    import torch

    from summarize.backends.encoder import encoder_threads

    return {
        "predictions": predictions,
        "seconds_per_article": round(seconds, 3),
        "cpu_seconds_per_article": round(cpu_seconds, 3),
        "torch_threads": torch.get_num_threads(),
        "encoder_threads": encoder_threads(),
        "load_average": round(os.getloadavg()[0], 1),
        "load_seconds": round(load_seconds, 2),
        "flagged_share": round(flagged / total, 3) if total else 0.0,
        "max_chunks": max(chunks),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generate", type=int, default=0,
                        help="also run SmolLM2 abstractive and hybrid on the first N articles")
    parser.add_argument("--model", default="smollm2")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    args = parser.parse_args()
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    path = summeval_file()
    if path is None:
        print("skip: ../shared/eval/summeval not found (set SUMMARIZE_EVAL_DIR)")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    references = [r["reference"] for r in rows]
    from summarize.document import build_document

    sentences = [[s.text for s in build_document(r["article"]).sentences] for r in rows]
    results: dict[str, dict] = {}
    results["lead3"] = rouge(["\n".join(s[:3]) for s in sentences], references)
    results["lead_word_stop"] = {**rouge(lead_word_stop(rows), references),
                                 "note": "Lead-3 cut by the default's word stop (ablation)"}
    started = time.perf_counter()
    lex = [lexrank(s) for s in sentences]
    results["lexrank_tfidf"] = {**rouge(lex, references),
                                "seconds_per_article": round((time.perf_counter() - started) / len(rows), 4)}
    for system in ("M0", "M5", "M22", "M23"):
        outputs = [next(x["summary"] for x in r["systems"] if x["model_id"] == system) for r in rows]
        # One sentence per line, as for every other system (ROUGE-Lsum splits on newlines).
        outputs = ["\n".join(s.text for s in build_document(o).sentences) for o in outputs]
        results[f"stored_{system}"] = rouge(outputs, references)
    ours = run_ours(rows, "extractive")
    results["extractive_in_sample"] = {**rouge(ours.pop("predictions"), references), **ours,
                                       "peak_rss_mb": round(peak_mb(), 1)}
    card = ROOT / "models" / "summary_scorer" / "training_result.json"
    if card.is_file():
        nested = json.loads(card.read_text())["nested_cv"]
        results["extractive_nested_cv"] = {
            **{k: nested[k] for k in ("rouge1", "rouge2", "rougeLsum")},
            "minus_lead3": nested["minus_lead3"], "minus_lead3_stderr": nested["minus_lead3_stderr"]}
    if args.generate:
        subset = rows[: args.generate]
        subset_refs = references[: args.generate]
        results[f"lead3_first{args.generate}"] = rouge(
            ["\n".join(s[:3]) for s in sentences[: args.generate]], subset_refs)
        for method in ("abstractive", "hybrid"):
            run = run_ours(subset, method, args.model)
            results[f"{method}_{args.model}_first{args.generate}"] = {
                **rouge(run.pop("predictions"), subset_refs), **run, "peak_rss_mb": round(peak_mb(), 1)}
    lead = results["lead3"]
    for name, r in results.items():
        if "rouge1" in r and name != "lead3" and "first" not in name:
            r["ratio_to_lead3"] = {k: round(r[k] / lead[k], 3) for k in ("rouge1", "rouge2", "rougeLsum")}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary_rouge.json").write_text(json.dumps(results, indent=2) + "\n")
    lines = ["| system | R-1 | R-2 | R-Lsum | s/article | notes |", "|---|---|---|---|---|---|"]
    for name, r in results.items():
        note = []
        if "flagged_share" in r and "first" in name:
            note.append(f"flagged {r['flagged_share']:.0%}")
        if "cpu_seconds_per_article" in r:
            note.append(f"CPU {r['cpu_seconds_per_article']} s/article, {r['encoder_threads']} encoder "
                        f"thread(s) ({r['torch_threads']} elsewhere), load avg {r['load_average']}")
        if "minus_lead3" in r:
            d, e = r["minus_lead3"], r["minus_lead3_stderr"]
            note.append(f"−Lead-3 R-1 {d['rouge1']:+.2f}±{e['rouge1']:.2f}, "
                        f"R-2 {d['rouge2']:+.2f}±{e['rouge2']:.2f} (paired, ±1 s.e.)")
        if "peak_rss_mb" in r:
            note.append(f"peak RSS {r['peak_rss_mb']:.0f} MB")
        if "ratio_to_lead3" in r:
            note.append("×Lead-3 " + "/".join(f"{v:.3f}" for v in r["ratio_to_lead3"].values()))
        lines.append(f"| {name} | {r['rouge1']:.2f} | {r['rouge2']:.2f} | {r['rougeLsum']:.2f} | "
                     f"{r.get('seconds_per_article', '')} | {'; '.join(note)} |")
    table = "\n".join(lines)
    (RESULTS / "summary_rouge.md").write_text(table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
