"""Where the bench scripts find the shared evaluation data (never copied into the project).

``../shared/eval`` next to the checkout, or the folder named by SUMMARIZE_EVAL_DIR. A script
whose data is missing prints why and exits 0, so the benches skip cleanly elsewhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def eval_dir() -> Path:
    return Path(os.environ.get("SUMMARIZE_EVAL_DIR") or ROOT.parent / "shared" / "eval")


def summeval_file() -> Path | None:
    path = eval_dir() / "summeval" / "summeval_merged.jsonl"
    return path if path.is_file() else None


def summeval_articles() -> list[str] | None:
    """The 100 SummEval source articles in file order, or None without the data."""
    path = summeval_file()
    if path is None:
        return None
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["article"] for line in handle if line.strip()]


def summeval_articles_or_skip() -> list[str] | None:
    """``summeval_articles()``; without the data, None after saying the bench is skipped."""
    articles = summeval_articles()
    if articles is None:
        print(f"skipped: no SummEval data under {eval_dir()} (set SUMMARIZE_EVAL_DIR)")
    return articles
