"""The framing layer's loaded-language evidence for every PerSenT article (cached outside the project).

For the actor-stance direction "loaded language about the person" (``stance_judgement.py``): per
article, each sentence's calibrated probability that experts mark lexical bias in it (the framing
report's sentence score), the loaded-word head's probability of every word that can be loaded,
and the loaded-language candidates the span head judged (character span, voice, probability,
shown or not). The framing heads read the shared encoder's sentence embeddings (handed in from
``persent.prepare``'s cache) and its sub-word piece vectors (one more encoder pass per article
here; in the report they come out of the same pass).

Run: .venv/bin/python bench/persent_framing.py  (writes /tmp/summarize-persent-framing/<hash>.json)
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

CACHE = Path("/tmp/summarize-persent-framing")
EMBEDDINGS = Path("/tmp/summarize-persent-cache")


def key_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def framing_evidence(text: str) -> dict[str, Any]:
    """What the framing layer says about each sentence and loaded word of ``text``."""
    from summarize.context import Context
    from summarize.document import build_document
    from summarize.framing.analysis import (
        calibrated_sentences,
        choose_lexicon,
        head_scores,
        with_head_scores,
    )
    from summarize.framing.detect import detect_spans
    from summarize.framing.lexicon import load_builtin_lexicon

    ctx = Context()
    doc = build_document(text)
    cached = EMBEDDINGS / f"{key_of(text)}.npy"
    if cached.is_file():
        ctx.put_embeddings(doc, np.load(cached))
    raw = detect_spans(doc, load_builtin_lexicon(), context_rules=False)
    spans = detect_spans(doc, choose_lexicon(ctx.settings.framing), raw.quotes).spans
    scores = head_scores(doc, ctx, raw.spans)
    if scores is None:
        return {"calibrated": [], "babe": [], "words": {}, "candidates": []}
    shown, judged = with_head_scores(doc, spans, scores, raw.quotes)
    shown_at = {(s.start, s.end) for s in shown}
    return {
        "calibrated": [round(p, 5) for p in calibrated_sentences(doc, judged, scores)],
        "babe": [round(p, 5) for p in scores.sentence_probability],
        "words": {str(i): round(p, 5) for i, p in scores.loaded_probability.items()},
        "candidates": [
            [s.start, s.end, s.in_quote, round(p, 5), (s.start, s.end) in shown_at] for s, p in judged
        ],
    }


def load_evidence(text: str) -> dict[str, Any] | None:
    path = CACHE / f"{key_of(text)}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def main() -> None:
    from persent import load_persent

    CACHE.mkdir(parents=True, exist_ok=True)
    articles = (load_persent() or []) + (load_persent("fixed_test.csv") or [])
    for done, article in enumerate(articles, start=1):
        path = CACHE / f"{key_of(article.text)}.json"
        if not path.is_file():
            path.write_text(json.dumps(framing_evidence(article.text)), encoding="utf-8")
        if done % 100 == 0:
            print(done, flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
