"""Summary settings, checked when made: the CLI and the Python API refuse the same things."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from summarize.errors import UsageError
from summarize.setting_checks import check_at_least, check_between, parse_choice


class SummaryMethod(StrEnum):
    extractive = "extractive"
    abstractive = "abstractive"
    hybrid = "hybrid"


DEFAULT_GENERATOR = "smollm2"  # the model of generated summaries when none is named
# Length limits (the CLI's option ranges read these too).
MIN_SENTENCES = 1
MIN_WORDS = 5
MIN_RATIO = 0.01
MAX_RATIO = 1.0


@dataclass(frozen=True, slots=True)
class SummarySettings:
    method: SummaryMethod = SummaryMethod.extractive  # a plain string is accepted and checked
    model: str | None = None  # abstractive model: registry name, hub id or path
    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None
    strict: bool = False
    # Generation (abstractive, hybrid). Deterministic by default: greedy with a fixed seed.
    max_new_tokens: int | None = None  # None: derived from the length target
    num_beams: int = 1
    temperature: float = 0.0  # > 0 samples instead of greedy decoding
    repetition_penalty: float | None = 1.1
    no_repeat_ngram_size: int | None = 4
    seed: int = 0
    # float32 measured 3x faster than bfloat16 for SmolLM2 on this CPU; "auto" keeps the checkpoint's.
    dtype: str = "float32"
    max_input_tokens: int | None = None  # cap on tokens per chunk (default: the model's context)

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", parse_choice(SummaryMethod, self.method, "summary method"))
        self._check_length()
        if self.method is SummaryMethod.extractive:
            refuse_extractive_options(self.model, self.strict)
        check_at_least(self.num_beams, 1, "summary num_beams")
        check_at_least(self.temperature, 0, "summary temperature")
        check_at_least(self.max_new_tokens, 1, "summary max_new_tokens")
        check_at_least(self.max_input_tokens, 1, "summary max_input_tokens")

    def _check_length(self) -> None:
        check_one_length(self.sentences, self.words, self.ratio)
        check_at_least(self.sentences, MIN_SENTENCES, "summary sentences")
        check_at_least(self.words, MIN_WORDS, "summary words")
        check_between(self.ratio, MIN_RATIO, MAX_RATIO, "summary ratio")


def check_one_length(sentences: int | None, words: int | None, ratio: float | None) -> None:
    if sum(x is not None for x in (sentences, words, ratio)) > 1:
        raise UsageError("give only one of --sentences, --words and --ratio")


def refuse_extractive_options(model: str | None, strict: bool) -> None:
    """Options of generated summaries, given to the extractive one, would change nothing."""
    if model:
        raise UsageError(
            f"--model {model}: the extractive summary uses no model (it copies article sentences); "
            "add --method abstractive (or hybrid) to summarise with it"
        )
    if strict:
        raise UsageError(
            "--strict drops generated sentences with names or numbers not in the article; the "
            "extractive summary copies article sentences, so it has none: add --method abstractive "
            "(or hybrid), or drop --strict"
        )
