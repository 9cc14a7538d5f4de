"""Encode the BASIL articles once for the framing bench and the head training.

For each basil_dev article: the Document's sentences and word tokens, the encoder's
sentence embeddings and the word vectors (hidden layers 5 and 6) through the Context API
(the same path ``summarize framing`` uses at run time). Written to a cache outside the
project (default /tmp/framing/basil_encoded.npz; never the text).

``--snapshot-today`` also runs the framing analysis of the current checkout on every article
and writes its predictions (offsets and probabilities only, no text) to
``bench/results/framing_basil_d172daa.json``: run it at commit d172daa to regenerate "today's
scorer", the baseline of bench/framing_basil.py.

Run: .venv/bin/python bench/framing_basil_encode.py [--snapshot-today]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil import basil_folder, read_basil

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path("/tmp/framing/basil_encoded.npz")
SNAPSHOT = ROOT / "bench" / "results" / "framing_basil_d172daa.json"
LAYERS = (5, 6)


def main(argv: list[str]) -> int:
    import numpy as np

    from summarize.context import Context
    from summarize.document import build_document
    from summarize.framing.token_embeddings import word_vectors
    from summarize.settings import Settings

    folder = basil_folder()
    if folder is None:
        print("skipped: no basil_dev under ../shared/eval (set SUMMARIZE_EVAL_DIR)")
        return 0
    snapshot = "--snapshot-today" in argv
    articles = read_basil(folder)
    settings = Settings(analyses=("framing",), count_model_tokens=False)
    sentence_rows, word_rows, predictions = [], [], {}
    article_of_sentence, article_of_word, sentence_bounds, word_bounds, word_sentence = [], [], [], [], []
    started = time.process_time()
    for k, article in enumerate(articles):
        doc = build_document(article.text)
        # A Context per article keeps one article's embeddings at a time (the encoder itself
        # is loaded once per process by load_encoder).
        ctx = Context(settings=settings)
        embeddings = ctx.sentence_embeddings(doc, "framing")
        pieces = ctx.token_pieces(doc, "framing", LAYERS)
        sentence_rows.append(np.asarray(embeddings, dtype=np.float32))
        for sentence, piece in zip(doc.sentences, pieces, strict=True):
            words = [t for t in doc.tokens if t.sentence == sentence.index and t.is_word]
            rel = [(t.start - sentence.start, t.end - sentence.start) for t in words]
            vectors, _ = word_vectors(piece, rel)
            word_rows.append(vectors.astype(np.float16))
            article_of_word += [k] * len(words)
            word_bounds += [(t.start, t.end) for t in words]
            word_sentence += [len(sentence_bounds)] * len(words)
            article_of_sentence.append(k)
            sentence_bounds.append((sentence.start, sentence.end))
        if snapshot:
            from summarize.framing.analysis import run

            section = run(doc, ctx)
            predictions[article.id] = {
                "spans": [[s.start, s.end, s.category, s.source, s.in_quote] for s in section.spans],
                "sentences": [[s.start, s.end] for s in doc.sentences],
                "sentence_probability": [s.score for s in section.sentences],
                "sentence_threshold": section.threshold,
                "words": len(doc.words),
            }
        if k % 25 == 0:
            print(f"{k}/{len(articles)} {time.process_time() - started:.0f}s cpu", flush=True)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        CACHE,
        ids=np.array([a.id for a in articles]),
        sentence_embeddings=np.concatenate(sentence_rows),
        article_of_sentence=np.array(article_of_sentence),
        sentence_bounds=np.array(sentence_bounds),
        word_vectors=np.concatenate(word_rows),
        article_of_word=np.array(article_of_word),
        word_bounds=np.array(word_bounds),
        word_sentence=np.array(word_sentence),
    )
    if snapshot:
        SNAPSHOT.write_text(
            json.dumps({"commit": "d172daa", "articles": predictions}) + "\n", encoding="utf-8"
        )
    print(f"wrote {CACHE} ({time.process_time() - started:.0f}s cpu)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
