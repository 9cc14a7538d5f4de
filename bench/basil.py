"""BASIL (basil_dev) for the framing bench: articles, expert lexical-bias spans, events.

Read from ``../shared/eval/basil_dev`` at run time (never copied into the project). Each
article's text is its file's text, so the experts' character offsets index it directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from evaldata import eval_dir


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    in_quote: bool


@dataclass(frozen=True)
class BasilArticle:
    id: str
    event: str  # the BASIL "triplet": one event, three outlets
    source: str  # fox / nyt / hpo
    text: str
    sentences: tuple[tuple[int, int], ...]  # the experts' sentence offsets
    lexical: tuple[GoldSpan, ...]  # spans marked ``bias: lex``


def basil_folder() -> Path | None:
    folder = eval_dir() / "basil_dev"
    return folder if (folder / "gold.jsonl").is_file() else None


def read_basil(folder: Path) -> list[BasilArticle]:
    out = []
    with (folder / "gold.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            text = (folder / row["file"]).read_text(encoding="utf-8")
            out.append(
                BasilArticle(
                    id=row["id"],
                    event=row["triplet"],
                    source=row["source"],
                    text=text,
                    sentences=tuple((s["start"], s["end"]) for s in row["sentences"]),
                    lexical=tuple(
                        GoldSpan(s["start"], s["end"], s.get("quote") == "yes")
                        for s in row["spans"]
                        if s["bias"] == "lex"
                    ),
                )
            )
    return sorted(out, key=lambda a: a.id)
