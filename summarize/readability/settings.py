from __future__ import annotations

from dataclasses import dataclass

from summarize.errors import UsageError


@dataclass(frozen=True, slots=True)
class ReadabilitySettings:
    words_per_minute: int = 238  # adult silent reading rate for non-fiction (Brysbaert 2019)
    # Below this many words every formula is noise: report counts, withhold the indices.
    min_words: int = 100
    # SMOG was normed on 30-sentence samples; fewer sentences and it is withheld.
    smog_min_sentences: int = 30
    # A sentence this long or longer is flagged for editors (plain-language guides use 25).
    long_sentence_words: int = 25
    longest_listed: int = 3
    # A "long word" has this many letters or more (the LIX definition: more than six).
    long_word_letters: int = 7
    # How the grade-level indices are combined: picked in every fold of a 5-fold
    # cross-validation on OneStopEnglish (bench/readability_onestop.py, docs/readability.md).
    consensus: str = "trimmed_mean"

    def __post_init__(self) -> None:
        from summarize.readability.consensus import CONSENSUS_METHODS

        if self.consensus not in CONSENSUS_METHODS:
            choices = ", ".join(CONSENSUS_METHODS)
            raise UsageError(f"unknown readability consensus {self.consensus!r}; choose from {choices}")
        if self.words_per_minute <= 0:
            raise UsageError("readability words_per_minute must be a positive number")
