"""Directions tried for the actor stance head and not shipped, under the bench's nested CV by person.

Each adds to the previous head's features (score, VADER, roles of the mention sentences; the
position-weighted group that was shipped is a feature group of the head itself):

- writer's voice: the mean minilm score and VADER of the mention sentences outside quotation marks,
  the mean score of the quoted ones and their share;
- target-aware pooling: the last-layer states of the person's own word pieces (or of the four pieces
  either side of them) in each mention sentence, mapped to a stance by a ridge fitted on PerSenT's
  **paragraph labels** (each mention sentence takes its paragraph's label); its penalty is chosen and
  its article feature (the mean over the mention sentences) computed out-of-fold inside each outer
  training part, so no held-out person reaches it.

The fine-tuned last block is measured on its own (bench/actor_stance_tuned_block.py): it needs torch.
The writer's judgement of the person (words near the name, loaded language, agent/patient) is measured
on its own (bench/stance_judgement.py): it reads the framing layer's evidence (bench/persent_framing.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import stance_cv as cv
from persent import Prepared
from persent_states import MentionStates, mention_states
from sklearn.model_selection import GroupKFold

from summarize.document import build_document
from summarize.sentiment.head import fit_ridge

_QUOTES = re.compile('["“”]')
STAGE1_ALPHAS = (30.0, 100.0, 300.0, 1000.0, 3000.0)
WINDOW = 4  # word pieces either side of the person's own


def voice_features(p: Prepared) -> list[float]:
    doc = build_document(p.article.text)
    quoted = np.array([bool(_QUOTES.search(doc.sentences[s.index].text)) for s in p.sentences])
    score = np.array([s.score for s in p.sentences])
    vader = np.array([s.vader for s in p.sentences])
    writer = ~quoted if (~quoted).any() else np.ones(len(quoted), bool)
    said = quoted if quoted.any() else np.ones(len(quoted), bool)
    return [
        float(score[writer].mean()),
        float(vader[writer].mean()),
        float(score[said].mean()),
        float(quoted.mean()),
    ]


def target_rows(p: Prepared, window: bool) -> tuple[np.ndarray, np.ndarray]:
    """(pooled last-layer state per mention sentence, its paragraph's label or NaN)."""
    states = mention_states(p.article)
    if states is None:
        raise ValueError(f"{p.article.index}: main person found by prepare() but not by persent_states")
    order = {int(i): k for k, i in enumerate(states.sentences)}
    bounds = np.concatenate([[0], np.cumsum(states.lengths)])
    rows, labels = [], []
    for s in p.sentences:
        k = order[s.index]
        rows.append(_pooled(states, int(bounds[k]), int(bounds[k + 1]), window))
        para = p.paragraph_of.get(s.index)
        label = p.article.paragraph_labels[para] if para is not None and para < 16 else None
        labels.append(np.nan if label is None else float(label))
    return np.array(rows), np.array(labels)


def _pooled(states: MentionStates, start: int, end: int, window: bool) -> np.ndarray:
    layer = states.layer6[start:end].astype(np.float32)
    own = states.target[start:end]
    body = layer[1:-1] if len(layer) > 2 else layer
    if not own.any():
        return body.mean(axis=0)
    if not window:
        return layer[own].mean(axis=0)
    near = np.zeros(len(own), bool)
    for i in np.flatnonzero(own):
        near[max(1, i - WINDOW) : min(len(own) - 1, i + WINDOW + 1)] = True
    near &= ~own
    return layer[near].mean(axis=0) if near.any() else body.mean(axis=0)


def _fit_stage1(rows: list, idx: np.ndarray, alpha: float) -> tuple:
    x = np.vstack([rows[i][0] for i in idx])
    t = np.concatenate([rows[i][1] for i in idx])
    keep = ~np.isnan(t)
    return fit_ridge(x[keep], t[keep], alpha)


def _apply_stage1(model: tuple, rows: list, idx: np.ndarray) -> np.ndarray:
    coef, intercept, mean, scale = model
    return np.array([float(np.mean(((rows[i][0] - mean) / scale) @ coef + intercept)) for i in idx])


def stage1_feature(
    rows: list, tr: np.ndarray, te: np.ndarray, y: np.ndarray, groups: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The paragraph-label ridge's article feature: out-of-fold on ``tr`` (its penalty chosen
    there), and fitted on all of ``tr`` for ``te``."""
    oof = {a: np.zeros(len(tr)) for a in STAGE1_ALPHAS}
    for itr, ite in GroupKFold(n_splits=cv.INNER_FOLDS).split(tr, groups=groups[tr]):
        for a in STAGE1_ALPHAS:
            oof[a][ite] = _apply_stage1(_fit_stage1(rows, tr[itr], a), rows, tr[ite])
    best = max(STAGE1_ALPHAS, key=lambda a: cv.spearman(oof[a], y[tr]))
    return oof[best], _apply_stage1(_fit_stage1(rows, tr, best), rows, te)


def cross_validate_stacked(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, stage1: Callable[..., tuple[np.ndarray, np.ndarray]]
) -> cv.CvResult:
    """cv.cross_validate with one more column computed per outer fold by ``stage1(tr, te, y, groups)``."""
    scores, labels = np.zeros(len(y)), np.zeros(len(y), dtype=int)
    alphas, bands = [], []
    for tr, te in GroupKFold(n_splits=cv.OUTER_FOLDS).split(x, y, groups):
        f_tr, f_te = stage1(tr, te, y, groups)
        x_tr, x_te = np.hstack([x[tr], f_tr[:, None]]), np.hstack([x[te], f_te[:, None]])
        alpha, band = cv.fit_select(x_tr, y[tr], groups[tr])
        coef, intercept, mean, scale = fit_ridge(x_tr, y[tr], alpha)
        scores[te] = np.clip(((x_te - mean) / scale) @ coef + intercept, -1, 1)
        labels[te] = cv.to_labels(scores[te], *band)
        alphas.append(alpha)
        bands.append(band)
    return cv.CvResult(scores, labels, alphas, bands)


def tried_results(found: list[Prepared], base: np.ndarray, y: np.ndarray, groups: np.ndarray) -> dict:
    """Name -> out-of-fold result of every direction tried, under the bench's folds."""
    out = {}
    voice = np.array([voice_features(p) for p in found])
    name = "previous head + writer's voice vs quoted speech"
    out[name] = cv.cross_validate(np.hstack([base, voice]), y, groups)
    for name, window in (
        ("previous head + the person's own tokens (paragraph-label ridge)", False),
        ("previous head + the 4 tokens either side of the person (paragraph-label ridge)", True),
    ):
        rows = [target_rows(p, window) for p in found]

        def stage1(
            tr: np.ndarray, te: np.ndarray, y: np.ndarray, groups: np.ndarray, rows: list = rows
        ) -> tuple:
            return stage1_feature(rows, tr, te, y, groups)

        out[name] = cross_validate_stacked(base, y, groups, stage1)
    return out
