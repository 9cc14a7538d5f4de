"""How much of the published reference word lists our own lexicons cover (no text is copied).

For each list in ../shared/eval/bias_lexicons_reference, the share of its single-word entries
that a built-in lexicon term matches (any category, and the category meant to cover it). The
baseline in the same run is the share a random sample of common English words gets (their
overlap with our lexicons, measured on the BABE sentences' vocabulary), so the coverage ratios
say how targeted the lexicons are rather than how large.

Run: .venv/bin/python bench/framing_lexicon_coverage.py -> bench/results/framing_lexicon_coverage.json
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarize.framing.lexicon import LexiconEntry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # summarize_dev: training and evaluation code, outside the wheel
LISTS = {
    "hedges_hyland2005.txt": "hedge",
    "factives_hooper1975.txt": "factive",
    "assertives_hooper1975.txt": "factive",
    "implicatives_karttunen1971.txt": "implicative",
    "report_verbs.txt": "attribution",
    "bias-lexicon.txt": None,
}


def read_list(path: Path) -> list[str]:
    words = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and " " not in line:
            words.append(line.lower())
    return words


def matches(word: str, entries: Sequence[LexiconEntry]) -> set[str]:
    """Categories of the lexicon terms that start with ``word`` ("fail" is covered by "fail to")."""
    return {
        e.category
        for e in entries
        for seq in e.sequences
        if not seq[0].any_word and seq[0].matches(word, False)
    }


def main() -> int:
    folder = Path(os.environ.get("SUMMARIZE_EVAL_DIR") or ROOT.parent / "shared" / "eval")
    ref = folder / "bias_lexicons_reference"
    if not ref.is_dir():
        print("skip: ../shared/eval/bias_lexicons_reference not found (set SUMMARIZE_EVAL_DIR)")
        return 0
    from summarize.framing.lexicon import load_builtin_lexicon
    from summarize.text.words import words
    from summarize_dev.babe import read_babe

    entries = load_builtin_lexicon().entries
    # Baseline: the 2,000 most frequent lower-case words of BABE's sentences.
    vocabulary = Counter(
        w.lower() for s in read_babe(folder / "babe_dev" / "babe_dev.csv") for w in words(s.text)
    )
    common = [w for w, _ in vocabulary.most_common(2000) if w.isalpha()]
    baseline = sum(bool(matches(w, entries)) for w in common) / len(common)
    result: dict = {"baseline_common_words": round(baseline, 4), "lists": {}}
    for name, category in LISTS.items():
        items = read_list(ref / name)
        hits = [matches(w, entries) for w in items]
        any_share = sum(bool(h) for h in hits) / len(items)
        row = {
            "entries": len(items),
            "covered_any_category": round(any_share, 4),
            "ratio_vs_baseline": round(any_share / baseline, 2) if baseline else None,
        }
        if category:
            row["covered_by_" + category] = round(sum(category in h for h in hits) / len(items), 4)
        result["lists"][name] = row
    out = ROOT / "bench" / "results" / "framing_lexicon_coverage.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
