"""Fine-tuning MiniLM's last block (block 6) for loaded-language words: BASIL, cross-validated by event.

Issue 14's span targets, with a lever the frozen-state heads never had. Every framing head reads
frozen MiniLM states (layers 5 and 6); here block 6 (initialised from all-MiniLM-L6-v2, ~1.8M
parameters) is trained on the frozen layer-5 states of each sentence, multi-task:

- a word head (linear, zero-initialised) on [frozen layer-5 word vector, tuned layer-6 word vector,
  the word's 14 lexicon features]: the same inputs as the shipped loaded-word head, with the
  tuned block's output in place of layer 6; trained on the words that can be loaded at all
  (``layers.can_be_loaded``) of BABE (marked words, all of babe_dev in every fold) and of the BASIL
  training events (inside an expert lexical-bias span); negatives weigh 0.3, as the shipped head's
  negative sampling;
- a sentence head (linear, zero-initialised) on the tuned states' mean: BABE's label, and BASIL's
  "holds an expert lexical-bias span"; weight 0.5.

torch on the CPU, bfloat16 autocast, one thread. A word vector is the mean of its word pieces'
vectors (``token_embeddings.word_vectors``).

Protocol (nothing of a held-out event is used to fit or to choose):
- outer: 5-fold GroupKFold by BASIL event, as bench/framing_basil.py;
- inside each outer training part, 3 grouped inner folds: each inner model is trained on the other
  two thirds (and BABE) and scores its held third after every epoch; the epoch count is the one
  with the best pooled inner word average precision ("0" would be the untrained block, whose
  zero-initialised head cannot rank: the first epoch is the floor). The inner models' scores at
  that epoch are the out-of-fold word probabilities of the training events;
- a final model is trained on all training events (and BABE) for that many epochs and scores the
  held-out events once;
- the word probabilities then go through the shipped pipeline exactly as in bench/framing_basil.py
  (``basil_fit``: candidates = top 20% of out-of-fold word scores and the loaded lexicon spans;
  span head, threshold for span precision at span recall >= 0.42 with at most 6 spans per
  article; sentence calibrator), fitted on the training events' out-of-fold scores.

The frozen pipeline (``basil_fit.fit_all``, the shipped protocol) runs in the same run on the same
folds. Figures: 95% intervals from a bootstrap over events (1,000 rounds), and the paired
bootstrap of the difference (tuned - frozen, the same events drawn for both). Also threshold-free
rankings: word average precision over the eligible held-out words, and the best span precision at
span recall >= 0.40 over all span-head thresholds on the held-out candidates (an oracle threshold,
for both arms alike).

``--control`` runs the same training with block 6 frozen (learning rate 0: only the heads learn,
up to 10 epochs, head learning rate 3e-3), to tell the block's part from the torch head's.

Choices informed by held-out data (in the tuned arm's favour): the block learning rate (1e-4
against 3e-5 and 0) and the maximum of 6 epochs came from one exploratory split, outer fold 0's
training events against its test events.

Result (bench/results/framing_tuned_block.md): not beyond noise. The frozen pipeline reproduces
bench/framing_basil.py (0.112 / 0.325 / 0.140); the tuned block gives span precision 0.117 at
recall 0.245 (fewer spans: 3.9 per article), word F1 0.137, held-out word AP 0.070 against 0.088;
with an oracle threshold for both, precision at recall 0.40 is 0.100 against 0.098. The tuned
block ranks one fold's words much better (AP 0.141 vs 0.108) and another's much worse (0.090 vs
0.163): 249 expert spans on 50 events are too few to fit 1.8M parameters steadily.

Run: .venv/bin/python bench/framing_basil_encode.py (once), then
     nice -n 10 .venv/bin/python bench/framing_tuned_block.py            (~15 CPU min)
     nice -n 10 .venv/bin/python bench/framing_tuned_block.py --control  (~30 CPU min)
     .venv/bin/python bench/framing_tuned_block.py --report   (the Markdown from both JSON files)
Writes bench/results/framing_tuned_block{,_control}.json and framing_tuned_block.md; the layer-5
states are cached in /tmp/framing/tuned_block_states.npz (never the text).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "models" / "framing_heads"))

import basil_fit as bf  # noqa: E402
import framing_basil as fb  # noqa: E402
from basil import basil_folder, read_basil  # noqa: E402
from evaldata import eval_dir  # noqa: E402
from torch_block import block_module  # noqa: E402

RESULTS = HERE / "results"
STATES = Path("/tmp/framing/tuned_block_states.npz")
OUTER_FOLDS = 5
INNER_FOLDS = 3
NEGATIVE_WEIGHT = bf.NEGATIVE_SHARE
SENTENCE_WEIGHT = 0.5
BLOCK_LR = 1e-4
HEAD_LR = 1e-3
CONTROL = {"block_lr": 0.0, "head_lr": 3e-3, "max_epochs": 10}  # the block frozen: only the head learns
BATCH_TOKENS = 2048
MAX_PIECES = 128
COMPARED = (
    "span_precision",
    "span_recall",
    "word_precision",
    "word_recall",
    "word_f1",
    "spans_per_article",
    "sentence_auc",
    "flag_f1",
    "density_spearman",
)


@dataclass
class Corpus:
    """Sentences (layer-5 piece states, [CLS]/[SEP] included) and their words, packed."""

    lengths: np.ndarray  # (sentences,) pieces per sentence
    layer5: np.ndarray  # (pieces, 384) float16
    sentence_y: np.ndarray  # (sentences,) float
    word_sentence: np.ndarray  # (words,) sentence of each word
    pair_word: np.ndarray  # (pairs,) word of each (word, piece) pair
    pair_pos: np.ndarray  # (pairs,) the piece's position in its sentence
    word_lex: np.ndarray  # (words, 14) lexicon features
    word_y: np.ndarray  # (words,) marked / inside an expert span
    word_eligible: np.ndarray  # (words,) can be loaded at all


def _pieces_of(texts: list[str], words: list[list[tuple[int, int]]], model: Any) -> dict[str, np.ndarray]:
    _, states = model.encode_states(texts, layers=(-2,))
    pair_word, pair_pos, word_sentence, lengths, rows = [], [], [], [], []
    w0 = 0
    for k, state in enumerate(states):
        n = min(len(state.special), MAX_PIECES)
        lengths.append(n)
        rows.append(state.layers[-2][:n].astype(np.float16))
        off, usable = state.offsets[:n], ~state.special[:n]
        usable &= off[:, 1] > off[:, 0]
        for j, (s, e) in enumerate(words[k]):
            hit = np.flatnonzero(usable & (off[:, 0] < e) & (off[:, 1] > s))
            pair_word += [w0 + j] * len(hit)
            pair_pos += hit.tolist()
        word_sentence += [k] * len(words[k])
        w0 += len(words[k])
    return {
        "lengths": np.array(lengths),
        "layer5": np.concatenate(rows),
        "word_sentence": np.array(word_sentence),
        "pair_word": np.array(pair_word),
        "pair_pos": np.array(pair_pos),
    }


def _encoder() -> Any:
    from summarize.backends.encoder import load_encoder
    from summarize.settings import Settings

    return load_encoder(Settings().encoder).model


def basil_corpus(data: bf.BasilData) -> Corpus:
    cached = _cached("basil")
    if cached is None:
        texts, words = [], []
        for doc in data.docs:
            for sentence in doc.sentences:
                texts.append(sentence.text)
                words.append(
                    [
                        (t.start - sentence.start, t.end - sentence.start)
                        for t in doc.tokens
                        if t.sentence == sentence.index and t.is_word
                    ]
                )
        cached = _pieces_of(texts, words, _encoder())
        _store("basil", cached)
    if len(cached["word_sentence"]) != len(data.word_gold):
        raise SystemExit(f"{STATES} is stale: delete it")
    return Corpus(
        **cached,
        sentence_y=data.sentence_gold.astype(np.float32),
        word_lex=data.word_x[:, 768:],
        word_y=data.word_gold,
        word_eligible=data.word_eligible,
    )


def babe_corpus() -> Corpus:
    from summarize.framing.layers import can_be_loaded
    from summarize_dev.babe import embed_babe, read_babe, word_spans
    from summarize_dev.framing_training import CACHED_LAYERS, build_babe_data

    sentences = read_babe(eval_dir() / "babe_dev" / "babe_dev.csv")
    babe = build_babe_data(sentences, embed_babe(sentences, layers=CACHED_LAYERS))
    words = [word_spans(s.text) for s in sentences]
    cached = _cached("babe")
    if cached is None:
        cached = _pieces_of([s.text for s in sentences], words, _encoder())
        _store("babe", cached)
    eligible = [
        can_be_loaded(s.text[a:b], k == 0)
        for s, ws in zip(sentences, words, strict=True)
        for k, (a, b) in enumerate(ws)
    ]
    return Corpus(
        **cached,
        sentence_y=babe.y.astype(np.float32),
        word_lex=babe.word_x[:, 768:],
        word_y=babe.word_y,
        word_eligible=np.array(eligible),
    )


def _cached(name: str) -> dict[str, np.ndarray] | None:
    if not STATES.is_file():
        return None
    with np.load(STATES) as z:
        if f"{name}.lengths" not in z:
            return None
        return {k.split(".", 1)[1]: z[k] for k in z.files if k.startswith(name + ".")}


def _store(name: str, arrays: dict[str, np.ndarray]) -> None:
    old = {}
    if STATES.is_file():
        with np.load(STATES) as z:
            old = {k: z[k] for k in z.files}
    STATES.parent.mkdir(parents=True, exist_ok=True)
    np.savez(STATES, **old, **{f"{name}.{k}": v for k, v in arrays.items()})


# --- batches --------------------------------------------------------------------------------


@dataclass
class Batch:
    x: Any  # (n, t, 384) tensor
    mask: Any  # (n, t) bool
    pair_row: Any
    pair_pos: Any
    pair_word: Any  # local word index
    word_l5: Any  # placeholder, filled on first use (frozen layer-5 word vectors)
    word_lex: Any
    word_y: Any
    word_w: Any  # loss weight (0: not eligible)
    sentence_y: Any
    words: np.ndarray  # global word rows (in the corpus)
    n_words: int


def batches(c: Corpus, sentences: np.ndarray) -> list[Batch]:
    """Length-sorted batches of ``sentences`` (about BATCH_TOKENS padded pieces each)."""
    import torch

    starts = np.concatenate([[0], np.cumsum(c.lengths)])
    wstarts = np.searchsorted(c.word_sentence, np.arange(len(c.lengths) + 1))
    pstarts = np.searchsorted(c.pair_word, wstarts)
    order = sentences[np.argsort(c.lengths[sentences], kind="stable")]
    out, group = [], []
    for i in order:
        group.append(int(i))
        if len(group) * int(c.lengths[i]) >= BATCH_TOKENS:
            out.append(_batch(c, group, starts, wstarts, pstarts, torch))
            group = []
    if group:
        out.append(_batch(c, group, starts, wstarts, pstarts, torch))
    return out


def _batch(c: Corpus, group: list[int], starts, wstarts, pstarts, torch: Any) -> Batch:
    width = int(c.lengths[group].max())
    x = np.zeros((len(group), width, 384), np.float32)
    mask = np.zeros((len(group), width), bool)
    rows, pos, word, words = [], [], [], []
    local = 0
    for r, i in enumerate(group):
        n = int(c.lengths[i])
        x[r, :n], mask[r, :n] = c.layer5[starts[i] : starts[i] + n], True
        p = slice(pstarts[i], pstarts[i + 1])
        rows.append(np.full(p.stop - p.start, r))
        pos.append(c.pair_pos[p])
        word.append(c.pair_word[p] - wstarts[i] + local)
        words.append(np.arange(wstarts[i], wstarts[i + 1]))
        local += wstarts[i + 1] - wstarts[i]
    wr = np.concatenate(words)
    pr, pp, pw = np.concatenate(rows), np.concatenate(pos), np.concatenate(word)
    # frozen layer-5 word vectors: the mean of the word's pieces
    l5 = np.zeros((len(wr), 384), np.float32)
    counts = np.zeros(len(wr), np.float32)
    np.add.at(l5, pw, x[pr, pp])
    np.add.at(counts, pw, 1.0)
    l5 /= np.maximum(counts, 1.0)[:, None]
    y = c.word_y[wr]
    weight = np.where(c.word_eligible[wr], np.where(y, 1.0, NEGATIVE_WEIGHT), 0.0)
    return Batch(
        x=torch.tensor(x),
        mask=torch.tensor(mask),
        pair_row=torch.tensor(pr),
        pair_pos=torch.tensor(pp),
        pair_word=torch.tensor(pw),
        word_l5=torch.tensor(l5),
        word_lex=torch.tensor(c.word_lex[wr], dtype=torch.float32),
        word_y=torch.tensor(y, dtype=torch.float32),
        word_w=torch.tensor(weight, dtype=torch.float32),
        sentence_y=torch.tensor(c.sentence_y[group]),
        words=wr,
        n_words=len(wr),
    )


# --- the model ------------------------------------------------------------------------------


def _model(block: dict[str, Any], n_lex: int) -> Any:
    import torch
    from torch import nn

    class Tuned(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.body = block_module(block)
            self.word = nn.Linear(2 * 384 + n_lex, 1)
            self.sentence = nn.Linear(384, 1)
            for layer in (self.word, self.sentence):
                nn.init.zeros_(layer.weight)
                nn.init.zeros_(layer.bias)

        def forward(self, b: Batch) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
            """(word logits, sentence logits, tuned layer-6 word vectors)."""
            with torch.autocast("cpu", dtype=torch.bfloat16):
                h = self.body(b.x, b.mask)
            h = h.float()
            words = torch.zeros(b.n_words, h.shape[-1]).index_add(0, b.pair_word, h[b.pair_row, b.pair_pos])
            counts = torch.zeros(b.n_words).index_add(0, b.pair_word, torch.ones(len(b.pair_word)))
            words = words / counts.clamp(min=1.0)[:, None]
            word_logit = self.word(torch.cat([b.word_l5, words, b.word_lex], dim=1)).squeeze(-1)
            m = b.mask.float()[..., None]
            mean = (h * m).sum(1) / m.sum(1)
            return word_logit, self.sentence(mean).squeeze(-1), words

    return Tuned()


def _predict(model: Any, data: list[Batch], n_words: int) -> np.ndarray:
    import torch

    out = np.zeros(n_words, np.float32)
    model.eval()
    with torch.no_grad():
        for b in data:
            out[b.words] = torch.sigmoid(model(b)[0]).numpy()
    return out


def _predict_sentences(model: Any, data: list[Batch], sentences: list[np.ndarray], n: int) -> np.ndarray:
    import torch

    out = np.zeros(n, np.float32)
    model.eval()
    with torch.no_grad():
        for b, rows in zip(data, sentences, strict=True):
            out[rows] = torch.sigmoid(model(b)[1]).numpy()
    return out


def _epoch(model: Any, opt: Any, data: list[Batch], rng: np.random.Generator) -> None:
    import torch

    model.train()
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    for k in rng.permutation(len(data)):
        b = data[k]
        word_logit, sentence_logit, _ = model(b)
        w = b.word_w
        loss = (bce(word_logit, b.word_y, reduction="none") * w).sum() / w.sum().clamp(min=1.0)
        loss = loss + SENTENCE_WEIGHT * bce(sentence_logit, b.sentence_y)
        opt.zero_grad()
        loss.backward()
        opt.step()


def _optimiser(model: Any) -> Any:
    import torch

    head = [p for n, p in model.named_parameters() if n.startswith(("word.", "sentence."))]
    body = [p for n, p in model.named_parameters() if not n.startswith(("word.", "sentence."))]
    return torch.optim.AdamW(
        [{"params": body, "lr": BLOCK_LR}, {"params": head, "lr": HEAD_LR, "weight_decay": 0.0}],
        weight_decay=0.01,
    )


def _sentence_batches(c: Corpus, sentences: np.ndarray) -> tuple[list[Batch], list[np.ndarray]]:
    """Batches for scoring sentences, with each batch's sentence rows (batches() sorts them)."""
    order = sentences[np.argsort(c.lengths[sentences], kind="stable")]
    data = batches(c, sentences)
    rows, k = [], 0
    for b in data:
        n = int(b.sentence_y.shape[0])
        rows.append(order[k : k + n])
        k += n
    return data, rows


def train_and_score(
    block: dict[str, Any],
    fit: list[Batch],
    score: list[Batch],
    n_words: int,
    epochs: int,
    seed: int,
    eligible: np.ndarray | None = None,
    gold: np.ndarray | None = None,
) -> tuple[Any, list[np.ndarray], list[float]]:
    """Trains for ``epochs``; the word probabilities of ``score`` after each epoch (and their
    average precision over ``eligible`` words when given)."""
    import torch
    from sklearn.metrics import average_precision_score

    torch.manual_seed(seed)
    model = _model(block, int(fit[0].word_lex.shape[1]))
    opt = _optimiser(model)
    rng = np.random.default_rng(seed)
    scored, ap = [], []
    for _ in range(epochs):
        _epoch(model, opt, fit, rng)
        p = _predict(model, score, n_words)
        scored.append(p)
        if eligible is not None and gold is not None:
            ap.append(float(average_precision_score(gold[eligible], p[eligible])))
    return model, scored, ap


# --- the pipeline on given word probabilities -----------------------------------------------


def fit_on_scores(
    data: bf.BasilData, oof: np.ndarray, articles: np.ndarray, babe_p: np.ndarray
) -> bf.FittedRule:
    """basil_fit.fit_all's choices, on out-of-fold word probabilities given from outside."""
    eligible = np.isin(data.word_article, articles) & data.word_eligible
    threshold = float(np.quantile(oof[eligible], bf.CANDIDATE_QUANTILE))
    candidates = bf.candidate_spans(data, oof, articles, threshold, bf.CANDIDATE_GATE)
    x, y, owner = bf.span_rows(data, oof, candidates, babe_p)
    span, span_oof = bf.fit_span_head(data, candidates, x, y, owner)
    features = bf.sentence_features(data, oof, candidates, span_oof, babe_p)
    sentences = np.flatnonzero(np.isin(data.sentence_article, articles))
    calibration = bf.fit_calibrator(
        features[sentences],
        data.sentence_gold[sentences],
        data.article_event[data.sentence_article[sentences]],
    )
    word = replace(span, threshold=threshold)  # only the threshold of the word rule is read
    return bf.FittedRule(word, bf.CANDIDATE_GATE, span, calibration)


@dataclass
class ArmResult:
    spans: dict[int, list[tuple[int, int, bool]]]
    word_p: np.ndarray
    sentence_p: np.ndarray
    flag: np.ndarray
    span_candidates: list[tuple[int, int, int, float]]  # (article, start, end, span probability)
    chosen: list[dict[str, float]]


def _apply(
    data: bf.BasilData,
    rule: bf.FittedRule,
    p: np.ndarray,
    test: np.ndarray,
    babe_p: np.ndarray,
    arm: ArmResult,
) -> None:
    fold_spans, candidates, span_p = bf.predict_spans(data, p, test, rule, babe_p)
    arm.spans.update(fold_spans)
    k = 0
    for a, spans in candidates.items():
        for s, q in zip(spans, span_p[k : k + len(spans)], strict=True):
            arm.span_candidates.append((a, s.start, s.end, 1.0 if bf_always(s) else float(q)))
        k += len(spans)
    x = bf.sentence_features(data, p, candidates, span_p, babe_p)
    rows = np.flatnonzero(np.isin(data.sentence_article, test))
    arm.sentence_p[rows] = rule.calibration.probabilities(x[rows])
    arm.flag[rows] = arm.sentence_p[rows] >= rule.calibration.threshold
    mask = np.isin(data.word_article, test)
    arm.word_p[mask] = p[mask]
    arm.chosen.append(
        {
            "word_threshold": round(rule.word.threshold, 4),
            "span_threshold": round(rule.span.threshold, 4),
            "sentence_threshold": round(rule.calibration.threshold, 4),
        }
    )


def bf_always(span: Any) -> bool:
    from summarize.framing.span_head import always_shown

    return bool(always_shown(span))


def _new_arm(data: bf.BasilData) -> ArmResult:
    n = len(data.sentence_gold)
    return ArmResult({}, np.zeros(len(data.word_gold), np.float32), np.zeros(n), np.zeros(n, bool), [], [])


# --- figures --------------------------------------------------------------------------------


def oracle_precision_at_recall(data: bf.BasilData, arm: ArmResult, floor: float = 0.40) -> dict[str, float]:
    """The best span precision with span recall >= ``floor`` over every threshold on the held-out
    span probabilities (the same oracle for both arms: a ranking figure, not a decision)."""
    probs = np.array([c[3] for c in arm.span_candidates])
    best = {"precision": 0.0, "recall": 0.0, "spans_per_article": 0.0}
    for t in np.unique(np.quantile(probs, np.linspace(0.0, 0.999, 300))):
        spans: dict[int, list[tuple[int, int, bool]]] = {a: [] for a in range(len(data.articles))}
        for a, s, e, q in arm.span_candidates:
            if q >= t:
                spans[a].append((s, e, False))
        precision, recall, per_article = bf.span_scores(data, spans)
        if recall >= floor and precision > best["precision"]:
            best = {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "spans_per_article": round(per_article, 2),
            }
    return best


def word_ap(data: bf.BasilData, p: np.ndarray, articles: np.ndarray | None = None) -> float:
    from sklearn.metrics import average_precision_score

    rows = (
        data.word_eligible if articles is None else data.word_eligible & np.isin(data.word_article, articles)
    )
    return float(average_precision_score(data.word_gold[rows], p[rows]))


def paired_differences(
    data: bf.BasilData,
    tables: dict[str, dict[str, np.ndarray]],
    arms: dict[str, ArmResult],
    new: str = "tuned",
    old: str = "frozen",
) -> dict[str, dict[str, float]]:
    """``new`` - ``old`` for each figure, with a 95% interval from the same event draws for both."""
    events = sorted(set(data.article_event))
    members = {e: np.flatnonzero(data.article_event == e) for e in events}
    rng = np.random.default_rng(14)
    every = np.arange(len(data.articles))

    def both(articles: np.ndarray) -> dict[str, float]:
        out: dict[str, float] = {}
        f = {
            name: fb.figures(data, tables[name], arms[name].sentence_p, arms[name].flag, articles)
            for name in (new, old)
        }
        for k in COMPARED:
            out[k] = f[new][k] - f[old][k]
        word_rows = np.isin(data.word_article, articles)
        out["word_ap"] = word_ap_rows(data, arms[new].word_p, word_rows) - word_ap_rows(
            data, arms[old].word_p, word_rows
        )
        return out

    point = both(every)
    draws: dict[str, list[float]] = {k: [] for k in point}
    for _ in range(fb.ROUNDS):
        picked = rng.choice(len(events), size=len(events), replace=True)
        articles = np.concatenate([members[events[i]] for i in picked])
        for k, v in both(articles).items():
            draws[k].append(v)
    out = {}
    for k, v in point.items():
        lo, hi = np.nanquantile(draws[k], [0.025, 0.975])
        out[k] = {"value": round(float(v), 4), "low": round(float(lo), 4), "high": round(float(hi), 4)}
    return out


def word_ap_rows(data: bf.BasilData, p: np.ndarray, rows: np.ndarray) -> float:
    """Average precision over the eligible words of ``rows`` (a bootstrap repeats articles: the
    row mask keeps each once, a mild simplification for a paired difference)."""
    from sklearn.metrics import average_precision_score

    keep = rows & data.word_eligible
    return float(average_precision_score(data.word_gold[keep], p[keep]))


# --- main -----------------------------------------------------------------------------------


def run_fold(
    k: int,
    data: bf.BasilData,
    basil: Corpus,
    babe_batches: list[Batch],
    block: dict[str, Any],
    train: np.ndarray,
    max_epochs: int,
) -> tuple[np.ndarray, np.ndarray, int, list[list[float]]]:
    """Out-of-fold word probabilities of the training articles and the final model's
    probabilities of the others; the epoch count chosen; the inner AP curves."""
    from sklearn.model_selection import GroupKFold

    n_words = len(data.word_gold)
    sentences_of = {a: np.flatnonzero(data.sentence_article == a) for a in range(len(data.articles))}

    def sentence_rows(articles: np.ndarray) -> np.ndarray:
        return np.concatenate([sentences_of[int(a)] for a in articles])

    curves, per_epoch = [], [np.zeros(n_words, np.float32) for _ in range(max_epochs)]
    groups = data.article_event[train]
    for j, (fit_part, held_part) in enumerate(GroupKFold(INNER_FOLDS).split(train, groups=groups)):
        fit_batches = babe_batches + batches(basil, sentence_rows(train[fit_part]))
        held = train[held_part]
        held_words = np.isin(data.word_article, held)
        _, scored, ap = train_and_score(
            block,
            fit_batches,
            batches(basil, sentence_rows(held)),
            n_words,
            max_epochs,
            seed=100 * k + j,
            eligible=held_words & data.word_eligible,
            gold=data.word_gold,
        )
        for e, p in enumerate(scored):
            per_epoch[e][held_words] = p[held_words]
        curves.append([round(a, 4) for a in ap])
        print(f"fold {k} inner {j}: AP by epoch {curves[-1]}", flush=True)
    train_words = np.isin(data.word_article, train)
    pooled = [word_ap(data, p, train) for p in per_epoch]
    epochs = int(np.argmax(pooled)) + 1
    oof = np.where(train_words, per_epoch[epochs - 1], 0.0).astype(np.float32)
    test = np.setdiff1d(np.arange(len(data.articles)), train)
    model, scored, _ = train_and_score(
        block,
        babe_batches + batches(basil, sentence_rows(train)),
        batches(basil, sentence_rows(test)),
        n_words,
        epochs,
        seed=100 * k + 9,
    )
    final = scored[-1]
    curves.append([round(a, 4) for a in pooled])
    global _LAST_MODEL
    _LAST_MODEL = (model, sentence_rows(test))
    return oof, final, epochs, curves


_LAST_MODEL: tuple[Any, np.ndarray] | None = None


def main(argv: list[str]) -> int:
    import torch
    from sklearn.model_selection import GroupKFold

    folder = basil_folder()
    if folder is None:
        print("skipped: no basil_dev under ../shared/eval (set SUMMARIZE_EVAL_DIR)")
        return 0
    global BLOCK_LR, HEAD_LR
    if "--report" in argv:
        r = json.loads((RESULTS / "framing_tuned_block.json").read_text(encoding="utf-8"))
        (RESULTS / "framing_tuned_block.md").write_text(markdown(r), encoding="utf-8")
        print(markdown(r))
        return 0
    control = "--control" in argv
    max_epochs = 6
    if control:
        BLOCK_LR, HEAD_LR, max_epochs = CONTROL["block_lr"], CONTROL["head_lr"], int(CONTROL["max_epochs"])
    smoke = "--smoke" in argv  # a quick run of the code path: 2 folds, 1 epoch, 20 rounds, nothing written
    if smoke:
        max_epochs, fb.ROUNDS = 1, 20
    torch.set_num_threads(1)
    started = time.process_time()
    data = bf.build_basil_data(read_basil(folder))
    data.extra["rows_of"] = [np.flatnonzero(data.sentence_article == a) for a in range(len(data.articles))]
    basil, babe = basil_corpus(data), babe_corpus()
    print(f"corpora ready ({time.process_time() - started:.0f}s cpu)", flush=True)
    babe_batches = batches(babe, np.arange(len(babe.lengths)))
    block = _encoder().bert.blocks[-1]
    babe_x, babe_y = bf.babe_word_rows()
    babe_p = bf.babe_sentence_probabilities(data)
    arms = {"tuned": _new_arm(data), "frozen": _new_arm(data)}
    tuned_sentence = np.zeros(len(data.sentence_gold))
    folds = []
    articles = np.arange(len(data.articles))
    for k, (train, test) in enumerate(GroupKFold(OUTER_FOLDS).split(articles, groups=data.article_event)):
        t0 = time.process_time()
        rule = bf.fit_all(data, babe_x, babe_y, articles[train], babe_p)
        _apply(
            data, rule, bf.word_probabilities(rule.word, data, articles[test]), test, babe_p, arms["frozen"]
        )
        oof, final, epochs, curves = run_fold(k, data, basil, babe_batches, block, train, max_epochs)
        assert _LAST_MODEL is not None
        model, rows = _LAST_MODEL
        data_b, rows_b = _sentence_batches(basil, rows)
        tuned_sentence += _predict_sentences(model, data_b, rows_b, len(tuned_sentence))
        _apply(data, fit_on_scores(data, oof, train, babe_p), final, test, babe_p, arms["tuned"])
        folds.append(
            {
                "fold": k,
                "epochs": epochs,
                "inner_ap_by_epoch": curves[:-1],
                "pooled_inner_ap_by_epoch": curves[-1],
                "test_word_ap": {
                    "tuned": round(word_ap(data, final, test), 4),
                    "frozen": round(word_ap(data, arms["frozen"].word_p, test), 4),
                },
                "cpu_seconds": round(time.process_time() - t0, 1),
            }
        )
        print(f"fold {k}: {folds[-1]}", flush=True)
        if smoke and k == 1:
            break
    results = figures_of(data, arms, tuned_sentence, babe_p, folds, max_epochs, started)
    if smoke:
        print(markdown(results))
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "framing_tuned_block_control" if control else "framing_tuned_block"
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if not control:
        (RESULTS / f"{name}.md").write_text(markdown(results), encoding="utf-8")
        print(markdown(results))
    return 0


def arm_figures(data: bf.BasilData, arm: ArmResult) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """An arm's per-article table (its density: the calibrated expected density, as the tool
    reports) and its figures with intervals, word AP and the oracle span precision at recall 0.40."""
    spans_table = fb.article_table(data, arm.spans, fb.writer_only(arm.spans))
    table = dict(spans_table)
    table["dens"] = np.array(
        [
            1000.0 * arm.sentence_p[data.sentence_article == a].sum() / max(1.0, spans_table["words"][a])
            for a in range(len(data.articles))
        ]
    )
    figures: dict[str, Any] = fb.with_intervals(data, table, arm.sentence_p, arm.flag)
    figures["word_ap"] = {"value": round(word_ap(data, arm.word_p), 4)}
    figures["oracle_precision_at_recall_0.40"] = oracle_precision_at_recall(data, arm)
    return table, figures


def figures_of(
    data: bf.BasilData,
    arms: dict[str, ArmResult],
    tuned_sentence: np.ndarray,
    babe_p: np.ndarray,
    folds: list[dict[str, Any]],
    max_epochs: int,
    started: float,
) -> dict[str, Any]:
    tables = {}
    methods: dict[str, Any] = {}
    for name, arm in arms.items():
        tables[name], methods[name] = arm_figures(data, arm)
    y = data.sentence_gold
    return {
        "data": {
            "articles": len(data.articles),
            "events": len(set(data.article_event)),
            "sentences": len(y),
            "expert_lexical_spans": int(sum(len(a.lexical) for a in data.articles)),
        },
        "protocol": f"{OUTER_FOLDS}-fold GroupKFold over BASIL events; {INNER_FOLDS} grouped inner folds "
        f"choose the epoch count (1..{max_epochs}, pooled inner word AP) and give the out-of-fold word "
        "scores the span head and calibrator are fitted on; BABE in every training part; 95% intervals: "
        f"bootstrap over events, {fb.ROUNDS} rounds",
        "settings": {
            "block_lr": BLOCK_LR,
            "head_lr": HEAD_LR,
            "negative_weight": NEGATIVE_WEIGHT,
            "sentence_weight": SENTENCE_WEIGHT,
            "batch_tokens": BATCH_TOKENS,
            "max_pieces": MAX_PIECES,
            "max_epochs": max_epochs,
            "autocast": "bfloat16 (CPU)",
        },
        "methods": {
            "tuned block 6 (word head on tuned states)": methods["tuned"],
            "frozen states (shipped pipeline)": methods["frozen"],
        },
        "difference_tuned_minus_frozen": paired_differences(data, tables, arms),
        "sentence_auc_raw": {
            "tuned block sentence head (uncalibrated)": round(fb.auc(y, tuned_sentence), 4),
            "BABE sentence head (frozen, uncalibrated)": round(fb.auc(y, babe_p), 4),
        },
        "folds": folds,
        "cpu_seconds": round(time.process_time() - started, 1),
    }


def markdown(r: dict[str, Any]) -> str:
    names = list(r["methods"])
    keys = [*fb.TARGETS, "word_precision", "word_recall", "word_ap"]
    out = [
        "# Fine-tuned block 6 for loaded words vs frozen states: BASIL, cross-validated by event",
        "",
        f"{r['data']['articles']} articles, {r['data']['events']} events, "
        f"{r['data']['sentences']} sentences, {r['data']['expert_lexical_spans']} expert lexical spans. "
        f"{r['protocol']}.",
        "",
        "| figure | target | " + " | ".join(names) + " | tuned - frozen (paired) |",
        "|---|---|" + "---|" * (len(names) + 1),
    ]
    diff = r["difference_tuned_minus_frozen"]
    for key in keys:
        target = fb.target_text(key)
        cells = " | ".join(fb._fmt(r["methods"][n].get(key)) for n in names)
        out.append(f"| {key} | {target} | {cells} | {fb._fmt(diff.get(key))} |")
    control_path = RESULTS / "framing_tuned_block_control.json"
    if control_path.is_file():
        c = json.loads(control_path.read_text(encoding="utf-8"))
        cm, cd = c["methods"]["tuned block 6 (word head on tuned states)"], c["difference_tuned_minus_frozen"]
        out += [
            "",
            "Control (``--control``: the same training with block 6 frozen, learning rate 0, so only the "
            "word and sentence heads learn; same folds, up to "
            f"{c['settings']['max_epochs']} epochs, head learning rate {c['settings']['head_lr']}):",
            "",
            "| figure | control (frozen block, torch head) | control - frozen pipeline (paired) |",
            "|---|---|---|",
            *(f"| {key} | {fb._fmt(cm.get(key))} | {fb._fmt(cd.get(key))} |" for key in keys),
            "",
            "Control, best span precision at recall >= 0.40 (oracle threshold): "
            + json.dumps(cm["oracle_precision_at_recall_0.40"]),
        ]
    out += [
        "",
        "Best span precision at span recall >= 0.40 over all thresholds on the held-out span "
        "probabilities (oracle threshold, both arms alike): "
        + "; ".join(f"{n}: {json.dumps(r['methods'][n]['oracle_precision_at_recall_0.40'])}" for n in names),
        "",
        "Raw sentence AUC (uncalibrated): " + json.dumps(r["sentence_auc_raw"]),
        "",
        "Per fold (epochs chosen, held-out word AP): "
        + "; ".join(
            f"fold {f['fold']}: {f['epochs']} epochs, inner AP {f['pooled_inner_ap_by_epoch']}, "
            f"test AP tuned {f['test_word_ap']['tuned']} / frozen {f['test_word_ap']['frozen']}"
            for f in r["folds"]
        ),
        "",
        f"CPU: {r['cpu_seconds']:.0f} s. Settings: {json.dumps(r['settings'])}",
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
