"""Direction tried for the actor stance head: signals of the writer judging the person, not the events.

Each group adds per-sentence features (means over the sentences that mention the main person, so a
head using them would still split exactly into one contribution per sentence) to the shipped head's
(score + VADER + roles + position):

- **window k** (k = 3, 6, 10): VADER's compound of the words within k words of the person's name in
  each mention sentence (the name itself left out), instead of the whole sentence;
- **syntax**: VADER's compound of the words the writer attaches to the name: an apposition ("X, a
  beloved teacher,"), the two words after a possessive ("X's <noun>"), a predicate after a copula
  ("X was/is <...>", up to four words); and whether there is any;
- **loaded k** (k = 3, 6, 10): the framing layer's loaded-language evidence (``persent_framing.py``),
  signed: the sentence's calibrated probability of lexical bias times its minilm score and times its
  VADER compound; the loaded-word head's probability of each word within k words of the name times
  the word's own VADER valence (summed); the span head's probability of each loaded-language
  candidate within k words of the name times the candidate's VADER compound (summed); and the
  calibrated probability times the window's VADER compound. A fourth variant, "loaded sentence"
  (the calibrated probability times the sentence score and times VADER only), was added after the
  first run (a diagnostic over all the data showed that column alone correlating with the label
  beyond the old actor score): the first run, without it, gave Spearman / macro-F1 0.305 / 0.445
  all, 0.389 / 0.500 dev, 0.235 / 0.399 fixed_test (dev Spearman +0.013 [-0.01, 0.03] over the
  shipped head);
- **agent/patient**: the negative part of the sentence score when the person is the grammatical
  patient (a passive after the name, "X was arrested"; the name after a verb or after
  "against/to/for/of") and when the person is the agent (the name opens the clause, no passive).

Protocol: the bench's outer GroupKFold(5) by person over all found articles (``stance_cv``); each
group's k, and the group itself ("chosen by inner CV": the shipped head alone is a candidate), are
chosen per outer fold by the inner grouped CV's Spearman on the training part only; the shipped
head and the document score in the same run, paired differences with bootstrap intervals over
people on all / dev / fixed_test.

Run: .venv/bin/python bench/stance_judgement.py -> bench/results/stance_judgement.{json,md}
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import stance_cv as cv

from summarize.sentiment.stance import ROLES, SentenceInput

if TYPE_CHECKING:
    from persent import Prepared

    from summarize.document import Document

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
WINDOWS = (3, 6, 10)
COVERAGE_WINDOW = 6  # the window the coverage figures count loaded words in
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_COPULA = re.compile(
    r"^\s*(?:is|was|are|were|has been|had been|have been|remains|remained|became|seems|seemed)\s+"
)
_PASSIVE = re.compile(
    r"^\s*(?:,[^,]{0,60},\s*)?(?:is|was|are|were|has been|had been|have been|being|got|gets)\s+"
    r"(?:\w+ly\s+)?(\w+(?:ed|en)|shot|hit|held|hurt|caught|sent|left|beaten|stabbed|struck|bound|sold|led)\b",
    re.IGNORECASE,
)
_PATIENT_BEFORE = re.compile(
    r"(?:\b(?:against|to|for|of|on|at)\s+|\b\w+ed\s+)(?:\w+\.?\s+){0,2}$", re.IGNORECASE
)
_APPOSITION = re.compile(r"^\s*,\s*((?:a|an|the|who|whose|which)\b[^,;]{1,80})")
_POSSESSIVE = re.compile(r"^['’]s?\s+((?:\w+[\s-]+){0,1}\w+)")


@dataclass(frozen=True)
class Mention:
    sentence: int
    start: int  # character offsets in the sentence text
    end: int


@dataclass(frozen=True)
class Located:
    doc: Document
    mentions: dict[int, list[Mention]]  # sentence index -> the main person's mentions in it


Evidence = dict[str, Any]  # persent_framing.framing_evidence's record
Words = list[tuple[int, int, str]]  # (start, end, text) of each word of a sentence


def _vader_compound(texts: list[str]) -> list[float]:
    from summarize.sentiment.vader_backend import compound_scores

    out = [0.0] * len(texts)
    present = [i for i, t in enumerate(texts) if t.strip()]
    for i, value in zip(present, compound_scores([texts[i] for i in present]), strict=True):
        out[i] = float(value)
    return out


def _word_valence(word: str) -> float:
    from summarize.sentiment.vader_backend import analyzer

    value = analyzer().lexicon.get(word.lower().strip("'’"), 0.0)
    return float(value) / 4.0


def main_mentions(p: Prepared) -> Located:
    """The main person's mentions, by sentence, as ``persent.prepare`` found the actor."""
    from persent import main_person_actors

    from summarize.document import build_document
    from summarize.entities import find_actors

    article = p.article
    doc = build_document(article.text)
    hits = main_person_actors(find_actors(doc), article.person)
    actor = max(hits, key=lambda a: a.count)
    out: dict[int, list[Mention]] = {}
    for m in actor.mentions:
        s = doc.sentences[m.sentence]
        out.setdefault(m.sentence, []).append(Mention(m.sentence, m.start - s.start, m.end - s.start))
    return Located(doc, out)


def _words(text: str) -> Words:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def window_indices(words: Words, mentions: list[Mention], k: int) -> tuple[set[int], set[int]]:
    """(word indices within k words of a mention, the mention's own word indices)."""
    own = {i for i, (a, b, _) in enumerate(words) for m in mentions if a < m.end and b > m.start}
    near = {j for i in own for j in range(i - k, i + k + 1) if 0 <= j < len(words)} - own
    return near, own


def syntax_text(text: str, mentions: list[Mention]) -> str:
    """The words the writer attaches to the name: apposition, possessive's noun, predicate."""
    parts = []
    for m in mentions:
        after = _commas(text[m.end :])
        for pattern in (_APPOSITION, _POSSESSIVE):
            found = pattern.match(after)
            if found:
                parts.append(found.group(1))
        cop = _COPULA.match(after)
        if cop:
            parts.append(" ".join(after[cop.end() :].split()[:4]))
    return " . ".join(parts)


def is_patient(text: str, mentions: list[Mention]) -> bool:
    m = mentions[0]
    return bool(_PASSIVE.match(_commas(text[m.end :])) or _PATIENT_BEFORE.search(text[: m.start]))


def _commas(text: str) -> str:
    """PerSenT's texts lost their commas (two spaces are left where one was): put them back."""
    return re.sub(r"\s{2,}(?=\S)", ", ", text)


def article_rows(p: Prepared, evidence: Evidence | None) -> dict[str, np.ndarray]:
    """Per mention sentence (in ``p.sentences`` order): each group's feature columns (names
    starting with "_" are not features: what the cues found, for the coverage figures)."""
    found = main_mentions(p)
    sents: list[SentenceInput] = p.sentences
    texts = [found.doc.sentences[s.index].text for s in sents]
    words = [_words(t) for t in texts]
    windows = {
        k: [window_indices(w, found.mentions[s.index], k) for w, s in zip(words, sents, strict=True)]
        for k in WINDOWS
    }
    out = _cue_rows(found, sents, texts, words, windows)
    if evidence is not None:
        out["loaded sentence"] = _loaded_sentence(evidence, sents)
        for k in WINDOWS:
            loaded = _loaded_rows(found.doc, sents, words, windows[k], evidence)
            # The sentence's calibrated probability signed by the sentence's and the window's valence.
            calibrated = loaded[:, :1]
            signed = np.column_stack([[s.score for s in sents], [s.vader for s in sents]]) * calibrated
            out[f"loaded {k}"] = np.hstack([signed, loaded[:, 1:], calibrated * out[f"window {k}"]])
            if k == COVERAGE_WINDOW:
                out["_loaded_near"] = (loaded[:, 1:2] != 0).astype(float)
    return out


def _cue_rows(
    found: Located,
    sents: list[SentenceInput],
    texts: list[str],
    words: list[Words],
    windows: dict[int, list[tuple[set[int], set[int]]]],
) -> dict[str, np.ndarray]:
    """The target-window, syntax and agent/patient columns of each mention sentence."""
    out: dict[str, np.ndarray] = {}
    for k in WINDOWS:
        near_texts = [
            " ".join(w[j][2] for j in sorted(near)) for w, (near, _) in zip(words, windows[k], strict=True)
        ]
        out[f"window {k}"] = np.array(_vader_compound(near_texts))[:, None]
    mentions = [found.mentions[s.index] for s in sents]
    syn = [syntax_text(t, m) for t, m in zip(texts, mentions, strict=True)]
    out["syntax"] = np.column_stack([_vader_compound(syn), [float(bool(x)) for x in syn]])
    patient = np.array([is_patient(t, m) for t, m in zip(texts, mentions, strict=True)])
    agent = np.array([s.role == "subject" for s in sents]) & ~patient
    neg = np.minimum(np.array([s.score for s in sents]), 0.0)
    out["agent/patient"] = np.column_stack([neg * patient, neg * agent])
    out["_patient"] = patient.astype(float)[:, None]
    out["_role"] = np.array([ROLES.index(s.role) for s in sents], dtype=float)[:, None]
    return out


def _loaded_sentence(evidence: Evidence, sents: list[SentenceInput]) -> np.ndarray:
    """The calibrated probability of lexical bias times the sentence score and times VADER only."""
    calibrated = evidence["calibrated"]
    cal = np.array([calibrated[s.index] if s.index < len(calibrated) else 0.0 for s in sents])
    return np.column_stack(
        [cal * np.array([s.score for s in sents]), cal * np.array([s.vader for s in sents])]
    )


def _loaded_rows(
    doc: Document,
    sents: list[SentenceInput],
    words: list[Words],
    windows: list[tuple[set[int], set[int]]],
    evidence: Evidence,
) -> np.ndarray:
    """Per mention sentence: calibrated probability, signed loaded words and candidates near the name."""
    calibrated = evidence["calibrated"]
    word_p = {int(i): p for i, p in evidence["words"].items()}
    token_at = {t.start: i for i, t in enumerate(doc.tokens)}
    rows = []
    for s, w, (near, _) in zip(sents, words, windows, strict=True):
        base = doc.sentences[s.index].start
        cal = calibrated[s.index] if s.index < len(calibrated) else 0.0
        near_words = [(base + w[j][0], base + w[j][1], w[j][2]) for j in near]
        signed_words = sum(
            word_p.get(token_at.get(a, -1), 0.0) * _word_valence(word) for a, _, word in near_words
        )
        lo = min((a for a, _, _ in near_words), default=0)
        hi = max((b for _, b, _ in near_words), default=0)
        spans = [
            c for c in evidence["candidates"] if c[0] < hi and c[1] > lo and doc.sentence_at(c[0]) == s.index
        ]
        span_vader = _vader_compound([doc.text[c[0] : c[1]] for c in spans])
        signed_spans = sum(c[3] * v for c, v in zip(spans, span_vader, strict=True))
        rows.append([cal, signed_words, signed_spans])
    return np.array(rows)


def group_features(
    found: list[Prepared], evidence: list[Evidence | None]
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Group name -> article features (the mean of its per-sentence columns)."""
    per_article = [article_rows(p, e) for p, e in zip(found, evidence, strict=True)]
    names = [n for n in per_article[0] if not n.startswith("_")]
    return {n: np.stack([rows[n].mean(axis=0) for rows in per_article]) for n in names}, coverage(per_article)


def coverage(per_article: list[dict[str, np.ndarray]]) -> dict[str, Any]:
    """Shares of mention sentences each cue fires on, and the surface role of the patient ones."""
    rows = {
        n: np.concatenate([a[n] for a in per_article])
        for n in per_article[0]
        if n.startswith("_") or n == "syntax"
    }
    role = rows["_role"][:, 0].astype(int)
    patient = rows["_patient"][:, 0] > 0
    out = {
        "mention_sentences": len(role),
        "syntax_phrase": round(float(rows["syntax"][:, 1].mean()), 4),
        "patient": round(float(patient.mean()), 4),
        "roles": {r: round(float((role == k).mean()), 4) for k, r in enumerate(ROLES)},
        "roles_of_patient": {r: round(float((role[patient] == k).mean()), 4) for k, r in enumerate(ROLES)},
    }
    if "_loaded_near" in rows:
        out["loaded_word_within_6"] = round(float(rows["_loaded_near"].mean()), 4)
    return out


def choose_and_validate(
    candidates: dict[str, np.ndarray], y: np.ndarray, groups: np.ndarray
) -> tuple[cv.CvResult, list[str]]:
    """Outer grouped CV where each fold's feature set is chosen among ``candidates`` by the inner
    grouped CV's Spearman on the training part (first candidate wins ties)."""
    from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

    scores, labels = np.zeros(len(y)), np.zeros(len(y), dtype=int)
    chosen, alphas, bands = [], [], []
    for tr, te in GroupKFold(n_splits=cv.OUTER_FOLDS).split(y, y, groups):
        best_name, best_rho = "", -2.0
        for name, x in candidates.items():
            rho = _inner_spearman(x[tr], y[tr], groups[tr])
            if rho > best_rho + 1e-9:
                best_name, best_rho = name, rho
        x = candidates[best_name]
        alpha, band = cv.fit_select(x[tr], y[tr], groups[tr])
        scores[te] = np.clip(cv._predict(x[tr], y[tr], x[te], alpha), -1, 1)
        labels[te] = cv.to_labels(scores[te], *band)
        chosen.append(best_name)
        alphas.append(alpha)
        bands.append(band)
    return cv.CvResult(scores, labels, alphas, bands), chosen


def _inner_spearman(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> float:
    from sklearn.model_selection import GroupKFold

    oof = {a: np.zeros(len(y)) for a in cv.ALPHAS}
    for tr, te in GroupKFold(n_splits=cv.INNER_FOLDS).split(x, y, groups):
        for a in cv.ALPHAS:
            oof[a][te] = cv._predict(x[tr], y[tr], x[te], a)
    return max(cv.spearman(oof[a], y) for a in cv.ALPHAS)


def main() -> None:
    from actor_stance_persent import SHIPPED, row
    from persent import load_dev_and_test, prepare
    from persent_framing import load_evidence

    loaded = load_dev_and_test()
    if loaded is None:
        return
    dev, test = loaded
    start = time.process_time()
    prepared = prepare(dev + test)
    articles = cv.found_articles(prepared, len(dev))
    found, y, groups, subsets = articles.found, articles.y, articles.groups, articles.subsets
    evidence = [load_evidence(p.article.text) for p in found]
    missing = sum(e is None for e in evidence)
    feats, cover = group_features(found, evidence if not missing else [None] * len(found))
    document = np.array([p.document_score for p in found])
    results, choices, paired = compare(cv.design(found, SHIPPED), feats, document, y, groups, subsets)
    rows = [row(name, r, y, subsets) for name, r in results.items()]
    out = {
        "data": f"persent_dev dev.csv + fixed_test.csv, the {len(found)} articles where the main person "
        "is found",
        "articles": len(found),
        "framing_evidence_missing": missing,
        "split": "the bench's GroupKFold(5) by person; group, k, penalty and band chosen by inner grouped CV",
        "rows": rows,
        "choices_per_fold": choices,
        "coverage": cover,
        "paired": paired,
        "cpu_seconds": round(time.process_time() - start, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stance_judgement.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "stance_judgement.md").write_text(markdown(out), encoding="utf-8")
    print(markdown(out))


def compare(
    base: np.ndarray,
    feats: dict[str, np.ndarray],
    document: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    subsets: dict[str, tuple[np.ndarray, np.ndarray]],
) -> tuple[dict[str, cv.CvResult], dict[str, list[str]], dict[str, Any]]:
    """Out-of-fold results of the shipped head, each group family and the document score under the
    same folds; the inner CV's choices per fold; paired differences against the shipped head and
    the document score."""
    from actor_stance_persent import DOCUMENT, SHIPPED, gain_over

    shipped_name = "shipped head (" + "+".join(SHIPPED) + ")"
    with_group = {name: np.hstack([base, f]) for name, f in feats.items()}
    families = {
        "+ target window (k by inner CV)": [n for n in with_group if n.startswith("window")],
        "+ syntax (apposition, possessive, predicate)": ["syntax"],
        "+ loaded language about the person (variant by inner CV)": [
            n for n in with_group if n.startswith("loaded")
        ],
        "+ agent/patient of negative sentences": ["agent/patient"],
    }
    results: dict[str, cv.CvResult] = {shipped_name: cv.cross_validate(base, y, groups)}
    choices: dict[str, list[str]] = {}
    for family, members in families.items():
        if members:
            candidates = {m: with_group[m] for m in members}
            results[shipped_name + " " + family], choices[family] = choose_and_validate(candidates, y, groups)
    name_all = "groups chosen by inner CV (shipped head alone is a candidate)"
    everything = {"shipped head alone": base, **with_group}
    results[name_all], choices[name_all] = choose_and_validate(everything, y, groups)
    results[DOCUMENT] = cv.cross_validate_score(document, y, groups)
    paired = {
        name: {
            against: {s: gain_over(r, results[other], y, m, g) for s, (m, g) in subsets.items()}
            for against, other in (("minus shipped", shipped_name), ("minus document", DOCUMENT))
        }
        for name, r in results.items()
        if name not in (shipped_name, DOCUMENT)
    }
    return results, choices, paired


def markdown(results: dict[str, Any]) -> str:
    from actor_stance_persent import _cell, rows_table

    lines = [
        "# Writer's judgement of the person (stance head direction; PerSenT, cross-validated by person)",
        "",
        f"Data: {results['data']} ({results['articles']}). Split: {results['split']}.",
        "",
        *rows_table(results["rows"]),
    ]
    lines += ["", f"What the cues find (shares of mention sentences): {json.dumps(results['coverage'])}"]
    lines += ["", "Choices per outer fold (inner CV):", ""]
    lines += [f"- {name}: {', '.join(c)}" for name, c in results["choices_per_fold"].items()]
    lines += ["", "Paired differences (same articles; 95% intervals over people):", ""]
    for name, pair in results["paired"].items():
        for what, gains in pair.items():
            gain_cells = "; ".join(
                f"{s} Spearman {_cell(g, 'spearman')}, macro-F1 {_cell(g, 'macro_f1')}"
                for s, g in gains.items()
            )
            lines.append(f"- {name}, {what}: {gain_cells}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
