"""Linearized occlusion on the real bundled encoder: the words it picks, and the estimate itself."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.backends.encoder import load_encoder
from summarize.context import Context
from summarize.document import build_document
from summarize.sentiment.head import load_head
from summarize.sentiment.linearized import context_shifts, last_block
from summarize.sentiment.scoring import one_pass_contributions, word_token_members
from summarize.sentiment.vader_backend import compound_scores
from summarize.settings import Settings

# Written for these tests: plainly positive or negative sentences, and a few mixed ones.
CLEAR = [
    ("The nurses were kind, patient and wonderfully generous with their time.", 1),
    ("The new bridge is a beautiful success that delighted the whole town.", 1),
    ("Volunteers cheered as the festival brought joy and laughter to the streets.", 1),
    ("The report described a brutal, cruel attack that left the village devastated.", -1),
    ("Critics called the plan a disgraceful failure and a shameful waste of money.", -1),
    ("The storm destroyed homes, killed livestock and ruined the harvest.", -1),
]
MIXED = [
    "The mayor praised the volunteers but warned that the budget was badly short.",
    "Sales rose slightly in March, although analysts remained worried about the debt.",
    "The museum reopened on Monday after a long and costly renovation.",
]


def _states(texts: list[str]) -> tuple[np.ndarray, list]:
    model = load_encoder().model
    if getattr(model, "runtime", "") != "numpy":
        pytest.skip("the numpy runtime is needed for token states")
    vectors, states = model.encode_states(texts, layers=(-2, -1))
    return vectors, states


def _scores(texts: list[str]) -> np.ndarray:
    head = load_head()
    return head.predict_score(load_encoder().encode(texts), np.array(compound_scores(texts)))


def _explain(text: str) -> tuple[float, tuple]:
    doc = build_document(text)
    assert len(doc.sentences) == 1
    _, states = _states([text])
    score = float(_scores([text])[0])
    block = last_block(load_encoder().model.bert)
    return score, one_pass_contributions(doc, [score], states, load_head(), 5, (), block)[0]


@pytest.mark.parametrize(("text", "sign"), CLEAR)
def test_the_top_word_moves_the_re_encoded_score_the_way_its_weight_says(text: str, sign: int) -> None:
    score, words = _explain(text)
    assert score * sign > 0.1
    top = words[0]
    assert top.method == "linearized-occlusion"
    assert top.weight * sign > 0  # it pushed the score the way the sentence leans
    without = text[: top.start].rstrip() + " " + text[top.end :].lstrip()
    moved = score - float(_scores([without.strip()])[0])
    assert moved * sign > 0, (top.text, top.weight, moved)


def test_removing_the_strongest_words_moves_the_score_more_than_removing_the_weakest() -> None:
    """Over the clear sentences, the words ranked strongest move the real score more than the weakest."""
    strong, weak = [], []
    for text, sign in CLEAR:
        score, words = _explain(text)
        for chosen, into in ((words[:2], strong), (words[-2:], weak)):
            removed = text
            for c in sorted(chosen, key=lambda c: -c.start):
                removed = (removed[: c.start].rstrip() + " " + removed[c.end :].lstrip()).strip()
            into.append((score - float(_scores([removed])[0])) * sign)
    assert np.mean(strong) > np.mean(weak) + 0.05


def test_the_estimate_tracks_the_last_block_re_run_without_the_word() -> None:
    """The first-order shift against the exact one: the last block re-run on the states left."""
    texts = [t for t, _ in CLEAR] + MIXED
    model = load_encoder().model
    head = load_head()
    _, states = _states(texts)
    block = last_block(model.bert)
    estimated, exact = [], []
    for text, state in zip(texts, states, strict=True):
        doc = build_document(text)
        _, variants, member = word_token_members(doc, 0, state, ())
        shifts = context_shifts([state], [member], block, head.embedding_direction())[0]
        vader = np.array(compound_scores(variants))
        last = state.layers[-1]
        pooled = np.array([last[~m].mean(axis=0) for m in member])
        pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
        rerun = model.encode_from_layer([state.layers[-2][~m] for m in member], -2)
        exact.extend(head.predict_rating(rerun, vader) - head.predict_rating(pooled, vader))
        estimated.extend(shifts)
    estimated_a, exact_a = np.array(estimated), np.array(exact)
    assert np.corrcoef(estimated_a, exact_a)[0, 1] > 0.7
    slope = float(estimated_a @ exact_a / (estimated_a @ estimated_a))
    assert 0.5 < slope < 1.5


def test_sentences_computed_together_give_what_each_gives_alone() -> None:
    texts = [t for t, _ in CLEAR] + MIXED
    _, states = _states(texts)
    head, block = load_head(), last_block(load_encoder().model.bert)
    members = [word_token_members(build_document(t), 0, s, ())[2] for t, s in zip(texts, states, strict=True)]
    together = context_shifts(states, members, block, head.embedding_direction())
    for state, member, joint in zip(states, members, together, strict=True):
        alone = context_shifts([state], [member], block, head.embedding_direction())[0]
        np.testing.assert_allclose(joint, alone, rtol=1e-4, atol=1e-6)
        assert len(joint) == len(member) and np.abs(joint).max() > 0


def test_an_article_is_explained_as_its_sentences_are_one_by_one() -> None:
    """The analysis (one call for the article's sentences) gives each sentence's own words."""
    from summarize.sentiment import analysis

    text = " ".join(t for t, _ in CLEAR[:3]) + " " + " ".join(MIXED)
    doc = build_document(text)
    ctx = Context(settings=Settings(analyses=("sentiment",)))
    section = analysis.run(doc, ctx)
    for sentence in section.sentences:
        alone_text = doc.sentences[sentence.index].text
        _, words = _explain(alone_text)
        offset = doc.sentences[sentence.index].start
        assert [(c.text, c.start + offset) for c in words] == [(c.text, c.start) for c in sentence.words]
        assert [c.weight for c in words] == pytest.approx([c.weight for c in sentence.words], abs=2e-4)


def test_a_word_that_is_all_the_tokens_or_none_shifts_nothing() -> None:
    _, states = _states(["Wonderful."])
    state = states[0]
    n = len(state.offsets)
    member = np.zeros((2, n), dtype=bool)
    member[1] = True
    shifts = context_shifts(
        [state], [member], last_block(load_encoder().model.bert), load_head().embedding_direction()
    )
    assert shifts[0].tolist() == [0.0, 0.0]


def test_the_onnx_runtime_gives_the_same_words() -> None:
    """The opt-in ONNX forward pass hands the same states in: the same words, the same weights."""
    pytest.importorskip("onnxruntime")
    from pathlib import Path

    from summarize.backends.bert_numpy import NumpySentenceEncoder
    from summarize.backends.encoder import resolve_encoder

    folder = Path(resolve_encoder("minilm")[0])
    texts = [t for t, _ in CLEAR] + MIXED
    doc = build_document(" ".join(texts))
    sentences = [s.text for s in doc.sentences]
    scores = [float(x) for x in _scores(sentences)]
    head = load_head()
    found = []
    for forward in ("numpy", "onnx"):
        model = NumpySentenceEncoder(folder, forward=forward)
        _, states = model.encode_states(sentences, layers=(-2, -1))
        found.append(one_pass_contributions(doc, scores, states, head, 5, (), last_block(model.bert)))
    for numpy_words, onnx_words in zip(*found, strict=True):
        assert [c.text for c in numpy_words] == [c.text for c in onnx_words]
        assert [c.weight for c in numpy_words] == pytest.approx([c.weight for c in onnx_words], abs=2e-3)
