"""The cues of bench/stance_judgement.py (the writer judging the person): windows, attached words, patient."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # evaluation-only code lives with the benches

import stance_judgement as sj  # noqa: E402


def _mention(text: str, name: str) -> list[sj.Mention]:
    start = text.index(name)
    return [sj.Mention(0, start, start + len(name))]


def test_window_leaves_the_name_out_and_stays_within_k_words() -> None:
    text = "Yesterday the brave Ann Lee rescued two children from the river."
    words = sj._words(text)
    near, own = sj.window_indices(words, _mention(text, "Ann Lee"), 2)
    assert [words[i][2] for i in sorted(own)] == ["Ann", "Lee"]
    assert [words[i][2] for i in sorted(near)] == ["the", "brave", "rescued", "two"]


def test_attached_words_read_appositions_possessives_and_predicates_even_without_commas() -> None:
    # PerSenT lost its commas: two spaces are left where one was.
    text = "Lugo  a former Catholic bishop who took office in 2008  sacked the admiral."
    assert sj.syntax_text(text, _mention(text, "Lugo")) == "a former Catholic bishop who took office in 2008"
    text = "Schmidt's selection comes late."
    assert sj.syntax_text(text, _mention(text, "Schmidt")) == "selection comes"
    text = "Smith was a generous and honest man."
    assert sj.syntax_text(text, _mention(text, "Smith")) == "a generous and honest"
    text = "Police met Smith on Monday."
    assert sj.syntax_text(text, _mention(text, "Smith")) == ""


def test_patient_is_the_passive_subject_or_the_name_after_a_verb_or_against() -> None:
    for text in ("Smith was arrested by police.", "Police arrested Smith.", "Protests against Smith grew."):
        assert sj.is_patient(text, _mention(text, "Smith")), text
    for text in ("Smith arrested the thief.", "Smith said the vote was fair."):
        assert not sj.is_patient(text, _mention(text, "Smith")), text


def test_inner_cv_choice_prefers_the_informative_candidate() -> None:
    rng = np.random.default_rng(1)
    n = 200
    groups = np.array([f"p{i // 2}" for i in range(n)])
    y = rng.integers(-1, 2, n).astype(float)
    noise = rng.normal(size=(n, 1))
    signal = np.hstack([noise, y[:, None] + rng.normal(scale=0.5, size=(n, 1))])
    result, chosen = sj.choose_and_validate({"noise": noise, "signal": signal}, y, groups)
    assert chosen == ["signal"] * 5
    assert np.corrcoef(result.scores, y)[0, 1] > 0.5
