"""Fine-tuning MiniLM's last block for stance toward the main person (PerSenT), cross-validated by person.

Tried for issue 18 and not shipped. The states entering the last block (layer 5) of the sentences
that mention the main person are cached once (``persent_states.py``); the last block (initialised
from all-MiniLM-L6-v2) and the sentence sentiment head on its mean pool (initialised from the shipped
one, so training starts at the old actor score) plus a term on the person's own tokens (initialised
at zero) are trained in torch with PerSenT's **paragraph labels** (each mention sentence takes its
paragraph's label) and the article label (the mean of the article's sentence scores). A sentence is
cut at 64 word pieces.

Split: the bench's GroupKFold(5) by the main person. Inside each outer training part, a fifth of the
people with fewer than 50 articles (dev-like people, not Trump or Obama) is held out to choose the
epoch (by Spearman, "start" = no training) and the neutral band; the held-out people are scored
once. The previous head (score, VADER, roles) and the document score are scored under the same
folds in the same run. The figures pool the five folds' scores, and the folds' models differ in
scale (a tuned block moves its scores toward the training labels' mean), so the validation
Spearman per epoch (``folds[].history``, "start" first) is the fairer evidence.

Run: nice -n 10 .venv/bin/python bench/actor_stance_tuned_block.py [epochs]
  -> bench/results/actor_stance_tuned_block.json (~10 CPU minutes an epoch over the five folds)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import stance_cv as cv
from persent import Prepared, load_dev_and_test, prepare
from persent_states import MentionStates, mention_states
from sklearn.model_selection import GroupKFold
from torch_block import block_module

RESULTS = Path(__file__).resolve().parents[1] / "bench" / "results"
MAX_PIECES = 64
SMALL_GROUP = 50


def _torch_model(block: dict, head: object) -> object:
    import torch
    from torch import nn

    def param(a: np.ndarray) -> nn.Parameter:
        return nn.Parameter(torch.tensor(np.asarray(a, dtype=np.float32)))

    class Tuned(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.body = block_module(block)
            w = head.coef / head.feature_scale  # type: ignore[attr-defined]
            self.w_e = param(w[:384])
            self.w_v = float(w[384])
            self.b = param(np.array(head.intercept - head.feature_mean @ w))  # type: ignore[attr-defined]
            self.output_scale = float(head.output_scale)  # type: ignore[attr-defined]
            self.target = nn.Linear(384, 1)
            nn.init.zeros_(self.target.weight)
            nn.init.zeros_(self.target.bias)

        def forward(
            self, x: torch.Tensor, mask: torch.Tensor, own: torch.Tensor, vader: torch.Tensor
        ) -> torch.Tensor:
            h = self.body(x, mask)
            m = mask.float()[..., None]
            mean = (h * m).sum(1) / m.sum(1)
            o = own.float()[..., None]
            own_mean = torch.where(o.sum(1) > 0, (h * o).sum(1) / o.sum(1).clamp(min=1), mean)
            unit = mean / mean.norm(dim=-1, keepdim=True)
            rating = unit @ self.w_e + vader * self.w_v + self.b + self.target(own_mean).squeeze(-1)
            return torch.tanh(rating / self.output_scale)

    return Tuned()


def _tensors(p: Prepared, states: MentionStates) -> tuple:
    import torch

    bounds = np.concatenate([[0], np.cumsum(states.lengths)])
    width = int(min(MAX_PIECES, states.lengths.max()))
    m = len(states.lengths)
    x, mask, own = (
        np.zeros((m, width, 384), np.float32),
        np.zeros((m, width), bool),
        np.zeros((m, width), bool),
    )
    for k in range(m):
        a = int(bounds[k])
        b = min(int(bounds[k + 1]), a + width)
        x[k, : b - a], mask[k, : b - a], own[k, : b - a] = states.layer5[a:b], True, states.target[a:b]
    vader_of = {s.index: s.vader for s in p.sentences}
    labels = []
    for i in states.sentences:
        para = p.paragraph_of.get(int(i))
        label = p.article.paragraph_labels[para] if para is not None and para < 16 else None
        labels.append(np.nan if label is None else label)
    vader = torch.tensor([vader_of[int(i)] for i in states.sentences], dtype=torch.float32)
    return (
        torch.tensor(x),
        torch.tensor(mask),
        torch.tensor(own),
        vader,
        torch.tensor(labels, dtype=torch.float32),
        float(p.article.label),
    )


def _article_scores(model: object, data: list) -> np.ndarray:
    import torch

    model.eval()  # type: ignore[attr-defined]
    with torch.no_grad():
        return np.array([float(model(x, m, o, v).mean()) for x, m, o, v, _, _ in data])  # type: ignore[operator]


def _train(model: object, fit: list, val: list, y_val: np.ndarray, epochs: int) -> tuple[int, list[float]]:
    """Trains in place; keeps the epoch (or none: -1) with the best validation Spearman."""
    import torch

    params = dict(model.named_parameters())  # type: ignore[attr-defined]
    head_names = {"w_e", "b", "target.weight", "target.bias"}
    opt = torch.optim.AdamW(
        [
            {"params": [v for k, v in params.items() if k not in head_names], "lr": 2e-5},
            {"params": [v for k, v in params.items() if k in head_names], "lr": 3e-4},
        ],
        weight_decay=0.01,
    )
    rng = np.random.default_rng(0)
    history = [cv.spearman(_article_scores(model, val), y_val)]
    best = (history[0], {k: v.detach().clone() for k, v in model.state_dict().items()}, -1)  # type: ignore[attr-defined]
    for epoch in range(epochs):
        model.train()  # type: ignore[attr-defined]
        order = rng.permutation(len(fit))
        for start in range(0, len(order), 8):
            opt.zero_grad()
            loss = torch.zeros(())
            for j in order[start : start + 8]:
                x, m, o, v, labels, article = fit[j]
                s = model(x, m, o, v)  # type: ignore[operator]
                known = ~torch.isnan(labels)
                if known.any():
                    loss = loss + ((s[known] - labels[known]) ** 2).mean()
                loss = loss + (s.mean() - article) ** 2
            loss.backward()
            opt.step()
        history.append(cv.spearman(_article_scores(model, val), y_val))
        print(f"  epoch {epoch}: validation Spearman {history[-1]:.3f}", flush=True)
        if history[-1] > best[0]:
            best = (history[-1], {k: v.detach().clone() for k, v in model.state_dict().items()}, epoch)  # type: ignore[attr-defined]
    model.load_state_dict(best[1])  # type: ignore[attr-defined]
    return best[2], [round(h, 4) for h in history]


def _validation_people(tr: np.ndarray, groups: np.ndarray, fold: int) -> tuple[np.ndarray, np.ndarray]:
    names, counts = np.unique(groups[tr], return_counts=True)
    small = names[counts < SMALL_GROUP]
    held = set(np.random.default_rng(fold).choice(small, size=max(1, len(small) // 5), replace=False))
    val = np.array([i for i in tr if groups[i] in held])
    return np.array([i for i in tr if groups[i] not in held]), val


def main() -> None:
    import torch

    from summarize.backends.encoder import load_encoder
    from summarize.sentiment.head import load_head
    from summarize.settings import Settings

    loaded = load_dev_and_test()
    if loaded is None:
        return
    dev, test = loaded
    torch.set_num_threads(1)
    torch.manual_seed(0)
    start = time.process_time()
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    prepared = prepare(dev + test)
    articles = cv.found_articles(prepared, len(dev))
    found, y, groups = articles.found, articles.y, articles.groups
    data = []
    for p in found:
        states = mention_states(p.article)
        if states is None:
            raise SystemExit(f"{p.article.index}: no mention states; run bench/persent_states.py")
        data.append(_tensors(p, states))
    block = load_encoder(Settings().encoder).model.bert.blocks[-1]
    scores, labels, folds = np.zeros(len(y)), np.zeros(len(y), dtype=int), []
    for fold, (tr, te) in enumerate(GroupKFold(n_splits=cv.OUTER_FOLDS).split(y, y, groups)):
        fit, val = _validation_people(tr, groups, fold)
        model = _torch_model(block, load_head())
        epoch, history = _train(model, [data[i] for i in fit], [data[i] for i in val], y[val], epochs)
        band = cv.best_band(_article_scores(model, [data[i] for i in val]), y[val])
        scores[te] = _article_scores(model, [data[i] for i in te])
        labels[te] = cv.to_labels(scores[te], *band)
        folds.append(
            {"fit": len(fit), "validation": len(val), "test": len(te), "epoch": epoch, "history": history}
        )
        print(f"fold {fold}: {folds[-1]}", flush=True)
    tuned = cv.CvResult(scores, labels, [], [])
    previous = cv.cross_validate(cv.design(found, ("score", "vader", "roles")), y, groups)
    document = cv.cross_validate_score(np.array([p.document_score for p in found]), y, groups)
    rows = {}
    for name, result in (
        ("fine-tuned last block", tuned),
        ("previous head (score+vader+roles)", previous),
        ("document score", document),
    ):
        rows[name] = {
            subset: {
                "spearman": round(cv.spearman(result.scores[mask], y[mask]), 4),
                "macro_f1": round(cv.macro_f1(y[mask], result.labels[mask]), 4),
            }
            for subset, (mask, _) in articles.subsets.items()
        }
    results = {
        "epochs": epochs,
        "max_pieces": MAX_PIECES,
        "folds": folds,
        "rows": rows,
        "cpu_seconds": round(time.process_time() - start, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "actor_stance_tuned_block.json").write_text(
        json.dumps(results, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
