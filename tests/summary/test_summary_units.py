"""Pure parts of the summary: length targets, chunking, selection, faithfulness flags."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.backends.chunking import chunk_sentences
from summarize.summary.faithfulness import find_flags, index_article, trace_sources
from summarize.summary.length import LengthTarget, default_sentences, resolve_length
from summarize.summary.selection import select_sentences

ARTICLE = (
    "The Harbour Council voted on Tuesday to open a ferry route to Elder Bay. "
    "The route will carry about 300 passengers a day from March, officials said. "
    "Mayor Ines Calder said the repairs would cost 1.2 million pounds. "
    "Seven members voted for the plan and two against it."
)


@pytest.mark.parametrize(("n", "expected"), [(1, 1), (4, 2), (13, 3), (25, 3), (100, 6), (1000, 10)])
def test_default_length_scales_with_article(n: int, expected: int) -> None:
    assert default_sentences(n) == expected


def test_length_options() -> None:
    assert resolve_length(20, sentences=5) == LengthTarget(5)
    assert resolve_length(3, sentences=5) == LengthTarget(3)
    assert resolve_length(20, ratio=0.2) == LengthTarget(4)
    assert resolve_length(20, words=60) == LengthTarget(20, 60)
    assert resolve_length(0) == LengthTarget(0)


def test_chunks_respect_budget_and_keep_every_word() -> None:
    sentences = [f"Sentence number {i} has a few words in it." for i in range(30)]
    sentences.insert(7, " ".join(f"w{i}" for i in range(50)))  # longer than the budget alone
    count = lambda text: len(text.split())  # noqa: E731
    chunks = chunk_sentences(sentences, count, budget=25)
    assert len(chunks) > 5
    assert all(c.tokens <= 25 for c in chunks)
    assert " ".join(c.text for c in chunks).split() == " ".join(sentences).split()
    pieces = [c for c in chunks if c.sentences == (7,)]
    assert len(pieces) == 2  # the long sentence was cut in pieces, not dropped
    indices = [i for c in chunks for i in c.sentences]
    assert sorted(set(indices)) == list(range(len(sentences)))


def test_selection_avoids_redundancy_and_keeps_article_order() -> None:
    scores = np.array([0.5, 0.9, 0.85, 0.2, 0.6])
    similarity = np.eye(5)
    similarity[1, 2] = similarity[2, 1] = 0.95  # 2 repeats 1
    picked = select_sentences(scores, similarity, [10] * 5, LengthTarget(3), redundancy=0.5)
    assert picked == [0, 1, 4]
    assert select_sentences(scores, similarity, [10] * 5, LengthTarget(3), redundancy=0.0) == [1, 2, 4]


def test_selection_word_budget() -> None:
    scores = np.array([0.9, 0.8, 0.7, 0.6])
    picked = select_sentences(scores, np.eye(4), [30, 40, 12, 10], LengthTarget(4, words=45))
    assert picked == [0, 2]


def test_planted_invented_number_is_flagged() -> None:
    article = index_article(ARTICLE)
    flags = find_flags("The route will carry about 450 passengers a day.", article)
    assert [(f.kind, f.text) for f in flags] == [("number", "450")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The route will carry about 300 passengers a day.", []),
        ("Seven members backed the plan.", []),
        ("The repairs cost 1.2 million pounds.", []),
        ("Mayor Ines Calder backed the plan.", []),
        ("Calder’s plan was approved.", []),
        ("Nine members backed the plan.", [("number", "Nine")]),
        ("The council met in Geneva on Tuesday.", [("name", "Geneva")]),
        ("The council voted on Friday.", [("date", "Friday")]),
        ("The route opens in June.", [("date", "June")]),
        ("The plan dates from 1998.", [("date", "1998")]),
        ("Prime Minister Olsen Vark approved it.", [("name", "Prime"), ("name", "Minister"),
                                                   ("name", "Olsen"), ("name", "Vark")]),
    ],
)
def test_flags_names_numbers_dates(sentence: str, expected: list[tuple[str, str]]) -> None:
    flags = find_flags(sentence, index_article(ARTICLE))
    assert [(f.kind, f.text) for f in flags] == expected


def test_trace_sources_points_at_the_supporting_sentence() -> None:
    sentences = ARTICLE.split(". ")
    vectors = np.eye(len(sentences), dtype=np.float32)
    query = np.zeros(len(sentences), dtype=np.float32)
    query[2] = 1.0
    support = trace_sources("Calder said repairs would cost 1.2 million pounds.", query, sentences, vectors)
    assert support.sources[0] == 2
    assert support.score > 0.8
    weak = trace_sources("Dolphins sing loudly.", np.zeros(len(sentences), dtype=np.float32),
                         sentences, vectors)
    assert weak.score < 0.2


def test_default_length_gets_the_scorers_word_stop() -> None:
    target = resolve_length(13, words_per_sentence=20.0)
    assert target == LengthTarget(3, enough_words=60)
    assert target.describe() == "up to 3 sentences (~60 words)"
    assert resolve_length(100, words_per_sentence=20.0) == LengthTarget(6, enough_words=120)
    # An explicit length option is never cut by the default's word stop.
    assert resolve_length(13, sentences=3, words_per_sentence=20.0) == LengthTarget(3)


@pytest.mark.parametrize(
    ("words", "expected"),
    [([40, 30, 10, 10], [0, 1]),  # two long lead sentences already make 60+ words
     ([15, 15, 15, 15], [0, 1, 2])],  # short ones: the full three
)
def test_selection_stops_at_enough_words(words: list[int], expected: list[int]) -> None:
    scores = np.array([3.0, 2.0, 1.0, 0.0])
    target = LengthTarget(3, enough_words=60)
    assert select_sentences(scores, np.eye(4), words, target, redundancy=0.0) == expected


@pytest.mark.parametrize(("value", "expected"), [(None, 1), ("2", 2), ("0", 1), ("lots", 1)])
def test_encoder_threads_setting(monkeypatch: pytest.MonkeyPatch, value: str | None, expected: int) -> None:
    from summarize.backends.encoder import encoder_threads

    if value is None:
        monkeypatch.delenv("SUMMARIZE_ENCODER_THREADS", raising=False)
    else:
        monkeypatch.setenv("SUMMARIZE_ENCODER_THREADS", value)
    assert encoder_threads() == expected


def test_encoding_thread_limit_is_scoped() -> None:
    import torch

    from summarize.backends.encoder import _torch_threads

    before = torch.get_num_threads()
    with _torch_threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
