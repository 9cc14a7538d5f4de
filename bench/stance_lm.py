"""Direction tried for the actor stance head: a small instruction LM (SmolLM2-135M-Instruct).

Result (1,398 articles; Spearman / macro-F1 over all, on dev, on fixed_test): the shipped head,
reproduced in the same run, 0.315 / 0.445, 0.375 / 0.496, 0.245 / 0.395; + zero-shot 0.311 / 0.426,
0.368 / 0.480, 0.243 / 0.367; + hidden projection 0.325 / 0.436, 0.395 / 0.470, 0.240 / 0.395; + both
0.328 / 0.429, 0.391 / 0.480, 0.249 / 0.380; the zero-shot score alone 0.141 / 0.384 (P(positive)
exceeds P(negative) in every article: only the margin moves); the projection alone 0.243 / 0.419.
No paired interval over people is above zero on all or dev (the best: + both, Spearman +0.013
[-0.00, 0.04] all, + projection +0.020 [-0.01, 0.05] dev), and every arm lowers macro-F1 (-0.009 to
-0.019 all). Not shipped: no clear gain, for 0.50 CPU s of LM per article (the whole batch
analysis of an article costs about 0.19 CPU s today, bench/results/batch_cpu_explanations.md).

Features, per PerSenT article whose main person is found (``stance_cv.found_articles``), from one
forward pass of the LM (float32, one CPU thread, no sampling) over a chat-formatted prompt: the
article's first ``CONTEXT_TOKENS`` LM tokens (headline + opening), then "How does the writer of this
article portray <person>? Answer with one word: positive, neutral or negative.", then the assistant
turn opened with "The writer's portrayal of <person> is" (without it the model starts "The ..." and
the answer words get about 1% of the next-token mass; with it about 70%; chosen on that mass over 10
dev articles, no label read; 58% on average over all articles, reported):

- **zero-shot verbalizer**: the log-probabilities of " positive", " neutral", " negative" as the next
  token (each is one token), and the score P(positive) - P(negative) with the three renormalised;
- **hidden projection**: the final prompt token's hidden state at a middle layer (15 of 30) and the
  last layer (576 dims each), mapped to a stance by a ridge fitted on the article labels out-of-fold
  inside each outer training part (its penalty chosen there by an inner grouped CV), stacked as one
  more column by ``stance_tried.cross_validate_stacked``, so no held-out person reaches it.

Why 192 tokens: news sets its frame in the headline and the first paragraphs (the shipped head
weights the first mentions most for the same reason), and the person is introduced there (the
surname is in the context in 98.9% of articles, reported). 192 tokens are about half the median
article (376 LM tokens; 9% of articles fit whole) and keep the prompt at about 255 tokens (128-269),
half a CPU second per article on one thread for a 135M model, short enough for a model this small to
keep the question in view. The length was set before any run, not tuned.

Arms, each added to the shipped head's features (score + VADER + roles + position) under the bench's
nested GroupKFold(5) by person (``stance_cv``; penalty and neutral band chosen by inner grouped CV on
the training part only): + zero-shot (score and the three log-probs), + hidden projection, + both;
the zero-shot score alone as a baseline (only its band chosen on the training folds); the shipped
head reproduced in the same run. Spearman and macro-F1 on all / dev / fixed_test with 95% bootstrap
intervals over people, and paired differences against the shipped head.

LM features are cached under /tmp/lmstance (outside the project: PerSenT has no licence), keyed by
model, prompt, context length and the article's text and person; each record keeps the LM's CPU
seconds for its article.

Run: nice -n 15 .venv/bin/python bench/stance_lm.py -> bench/results/stance_lm.{json,md}
(needs the converted SmolLM2 checkpoint: `summarize models pull smollm2`)
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import stance_cv as cv
from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from persent import PersentArticle, Prepared

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CACHE = Path("/tmp/lmstance")
CONTEXT_TOKENS = 192
MIDDLE_LAYER = 15  # of 30; hidden_states[0] is the embeddings
PROJECTION_ALPHAS = (100.0, 300.0, 1000.0, 3000.0, 10000.0, 30000.0, 100000.0)
SHIPPED_NAME = "shipped head (score+vader+roles+position)"
ANSWERS = (" positive", " neutral", " negative")
QUESTION = (
    "How does the writer of this article portray {person}? "
    "Answer with one word: positive, neutral or negative."
)
# The assistant's turn opens with this, so the next token is the answer: without it the model starts
# "The ..." and the three words get ~1% of the mass; with it ~70% (10 dev articles, no labels read).
ANSWER_PREFIX = "The writer's portrayal of {person} is"


@dataclass(frozen=True)
class LmFeatures:
    logprobs: np.ndarray  # (3,) log P(answer) as the next token: positive, neutral, negative
    middle: np.ndarray  # (576,) the final prompt token's hidden state at MIDDLE_LAYER
    last: np.ndarray  # (576,) ... at the last layer
    cpu_seconds: float  # the LM's CPU time for this article (tokenising + forward pass)
    person_in_context: bool  # the person's surname occurs in the context the LM read

    @property
    def zero_shot(self) -> float:
        """P(positive) - P(negative), the three answer words renormalised."""
        p = np.exp(self.logprobs - self.logprobs.max())
        p /= p.sum()
        return float(p[0] - p[2])


class StanceLm:
    """SmolLM2-135M-Instruct from the converted checkpoint, on one CPU thread."""

    def __init__(self) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from summarize.backends.smollm2 import converted_checkpoint

        path = converted_checkpoint()
        if path is None:
            raise SystemExit("no SmolLM2 checkpoint: run `summarize models pull smollm2`")
        torch.set_num_threads(1)
        self.name = path.name
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32).eval()  # type: ignore[no-untyped-call]
        self.answer_ids = [self.tokenizer.encode(w, add_special_tokens=False) for w in ANSWERS]
        if any(len(ids) != 1 for ids in self.answer_ids):
            raise SystemExit(f"an answer word is not one token: {self.answer_ids}")

    def key(self, article: PersentArticle) -> str:
        parts = (self.name, QUESTION, ANSWER_PREFIX, str(CONTEXT_TOKENS), article.person, article.text)
        return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]

    def features(self, article: PersentArticle) -> LmFeatures:
        import torch
        from persent import person_group

        start = time.process_time()
        context_ids = self.tokenizer.encode(article.text, add_special_tokens=False)[:CONTEXT_TOKENS]
        context = str(self.tokenizer.decode(context_ids))
        question = QUESTION.format(person=article.person)
        messages = [{"role": "user", "content": f"Article:\n{context}\n\n{question}"}]
        chat = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        prompt = str(chat) + ANSWER_PREFIX.format(person=article.person)
        input_ids = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"]
        with torch.inference_mode():
            out = self.model(input_ids=input_ids, output_hidden_states=True)
        logprobs = torch.log_softmax(out.logits[0, -1].float(), dim=-1)
        chosen = np.array([float(logprobs[ids[0]]) for ids in self.answer_ids])
        middle = out.hidden_states[MIDDLE_LAYER][0, -1].numpy().copy()
        last = out.hidden_states[-1][0, -1].numpy().copy()
        cpu = time.process_time() - start
        found = person_group(article.person) in context.lower()
        return LmFeatures(chosen, middle, last, cpu, found)

    def cached(self, article: PersentArticle) -> LmFeatures:
        path = CACHE / f"{self.key(article)}.npz"
        if path.is_file():
            with np.load(path) as z:
                return LmFeatures(
                    z["logprobs"], z["middle"], z["last"], float(z["cpu"]), bool(z["person_in_context"])
                )
        f = self.features(article)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.savez(
            path,
            logprobs=f.logprobs,
            middle=f.middle,
            last=f.last,
            cpu=f.cpu_seconds,
            person_in_context=f.person_in_context,
        )
        return f


def lm_columns(found: list[Prepared], lm: StanceLm) -> dict[str, np.ndarray]:
    """The found articles' LM features as columns: "zero-shot" (score and the three log-probs),
    "hidden" (middle and last layer), "cpu", "in_context"."""
    feats = [lm.cached(p.article) for p in found]
    return {
        "zero-shot": np.array([[f.zero_shot, *f.logprobs] for f in feats]),
        "hidden": np.array([np.concatenate([f.middle, f.last]) for f in feats]),
        "cpu": np.array([f.cpu_seconds for f in feats]),
        "in_context": np.array([f.person_in_context for f in feats]),
        "answer_mass": np.array([float(np.exp(f.logprobs).sum()) for f in feats]),
    }


def projection_feature(
    hidden: np.ndarray, tr: np.ndarray, te: np.ndarray, y: np.ndarray, groups: np.ndarray
) -> tuple[np.ndarray, np.ndarray, float]:
    """The hidden states' ridge projection onto the article label: out-of-fold on ``tr`` (penalty
    chosen there by the inner grouped CV's Spearman), fitted on all of ``tr`` for ``te``; and the
    penalty."""
    oof = {a: np.zeros(len(tr)) for a in PROJECTION_ALPHAS}
    for itr, ite in GroupKFold(n_splits=cv.INNER_FOLDS).split(tr, groups=groups[tr]):
        for a in PROJECTION_ALPHAS:
            oof[a][ite] = cv._predict(hidden[tr[itr]], y[tr[itr]], hidden[tr[ite]], a)
    best = max(PROJECTION_ALPHAS, key=lambda a: cv.spearman(oof[a], y[tr]))
    return oof[best], cv._predict(hidden[tr], y[tr], hidden[te], best), best


def arms(
    base: np.ndarray, cols: dict[str, np.ndarray], y: np.ndarray, groups: np.ndarray
) -> tuple[dict[str, cv.CvResult], list[float]]:
    """Out-of-fold results of the shipped head, each LM arm and the zero-shot score alone, under the
    bench's folds; the projection's penalty chosen per outer fold (the folds are the same for every
    arm, so each fold's projection is computed once)."""
    from stance_tried import cross_validate_stacked

    zero_shot, hidden = cols["zero-shot"], cols["hidden"]
    memo: dict[bytes, tuple[np.ndarray, np.ndarray, float]] = {}

    def stage1(
        tr: np.ndarray, te: np.ndarray, y: np.ndarray, groups: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        if te.tobytes() not in memo:
            memo[te.tobytes()] = projection_feature(hidden, tr, te, y, groups)
        oof, held_out, _ = memo[te.tobytes()]
        return oof, held_out

    results = {
        SHIPPED_NAME: cv.cross_validate(base, y, groups),
        SHIPPED_NAME + " + zero-shot (score, 3 log-probs)": cv.cross_validate(
            np.hstack([base, zero_shot]), y, groups
        ),
        SHIPPED_NAME + " + hidden projection": cross_validate_stacked(base, y, groups, stage1),
        SHIPPED_NAME + " + both": cross_validate_stacked(np.hstack([base, zero_shot]), y, groups, stage1),
        "zero-shot score alone, P(positive) - P(negative)": cv.cross_validate_score(
            zero_shot[:, 0], y, groups
        ),
        "hidden projection alone": cross_validate_stacked(np.zeros((len(y), 0)), y, groups, stage1),
    }
    return results, [m[2] for m in memo.values()]


def main() -> None:
    from actor_stance_persent import DOCUMENT, SHIPPED, gain_over, row
    from persent import load_dev_and_test, prepare

    loaded = load_dev_and_test()
    if loaded is None:
        return
    dev, test = loaded
    start = time.process_time()
    lm = StanceLm()
    articles = cv.found_articles(prepare(dev + test), len(dev))
    found, y, groups, subsets = articles.found, articles.y, articles.groups, articles.subsets
    cols = lm_columns(found, lm)
    results, penalties = arms(cv.design(found, SHIPPED), cols, y, groups)
    results[DOCUMENT] = cv.cross_validate_score(np.array([p.document_score for p in found]), y, groups)
    shipped = results[SHIPPED_NAME]
    paired = {
        name: {s: gain_over(r, shipped, y, m, g) for s, (m, g) in subsets.items()}
        for name, r in results.items()
        if name != SHIPPED_NAME
    }
    cpu = cols["cpu"]
    out = {
        "data": f"persent_dev dev.csv + fixed_test.csv, the {len(found)} articles where the main person "
        "is found",
        "articles": len(found),
        "model": lm.name,
        "prompt": {"context_tokens": CONTEXT_TOKENS, "question": QUESTION, "answer_prefix": ANSWER_PREFIX},
        "split": f"the bench's GroupKFold({cv.OUTER_FOLDS}) by person; penalties and bands chosen by inner "
        f"grouped {cv.INNER_FOLDS}-fold CV on the training part only; intervals: 95% bootstrap over people",
        "rows": [row(name, r, y, subsets) for name, r in results.items()],
        "minus_shipped": paired,
        "projection_penalty_per_fold": penalties,
        "lm_cpu_seconds_per_article": {
            "mean": round(float(cpu.mean()), 3),
            "median": round(float(np.median(cpu)), 3),
            "p90": round(float(np.percentile(cpu, 90)), 3),
        },
        "person_in_context": round(float(cols["in_context"].mean()), 4),
        "answer_mass_mean": round(float(cols["answer_mass"].mean()), 4),
        "zero_shot_share_positive_over_negative": round(float((cols["zero-shot"][:, 0] > 0).mean()), 4),
        "cpu_seconds": round(time.process_time() - start, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stance_lm.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "stance_lm.md").write_text(markdown(out), encoding="utf-8")
    print(markdown(out))


def markdown(results: dict[str, Any]) -> str:
    from actor_stance_persent import _cell, rows_table

    cost = results["lm_cpu_seconds_per_article"]
    lines = [
        "# A small instruction LM on the writer's stance toward the main person (PerSenT, CV by person)",
        "",
        f"Data: {results['data']} ({results['articles']}). Model: {results['model']} (float32, one CPU "
        f"thread). Split: {results['split']}.",
        "",
        f"Prompt: the article's first {results['prompt']['context_tokens']} LM tokens, then "
        f'"{results["prompt"]["question"]}"; the assistant\'s turn opens '
        f'"{results["prompt"]["answer_prefix"]}". The person\'s surname is in that context in '
        f"{results['person_in_context']:.1%} of articles; the three answer words hold "
        f"{results['answer_mass_mean']:.1%} of the next-token mass on average; the zero-shot score "
        f"is above zero in {results['zero_shot_share_positive_over_negative']:.1%} of articles.",
        "",
        f"LM cost per article: {cost['mean']:.3f} CPU s mean, {cost['median']:.3f} median, "
        f"{cost['p90']:.3f} p90 (one forward pass, tokenising included).",
        "",
        *rows_table(results["rows"]),
    ]
    lines += ["", "Minus the shipped head (same articles; paired 95% intervals over people):", ""]
    for name, gains in results["minus_shipped"].items():
        gain_cells = "; ".join(
            f"{s} Spearman {_cell(g, 'spearman')}, macro-F1 {_cell(g, 'macro_f1')}" for s, g in gains.items()
        )
        lines.append(f"- {name}: {gain_cells}")
    penalties = ", ".join(f"{a:g}" for a in results["projection_penalty_per_fold"])
    grid = ", ".join(f"{a:g}" for a in PROJECTION_ALPHAS)
    lines += ["", f"Projection penalty chosen per outer fold (inner CV, of {grid}): {penalties}."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
