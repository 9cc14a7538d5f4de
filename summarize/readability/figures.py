"""Readability figures of one text: the indices, a consensus grade, and what they rest on."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from summarize.document import Document
from summarize.readability import formulas
from summarize.readability.consensus import consensus_grade, grade_band
from summarize.readability.counts import DocumentCounts, TextCounts, count_document
from summarize.readability.settings import ReadabilitySettings

# The grade-level indices the consensus combines. Flesch Reading Ease is left out: it
# is not a grade and rests on the same two ratios as Flesch-Kincaid.
GRADE_INDICES = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_grade",
)


@dataclass(frozen=True, slots=True)
class LongSentence:
    index: int  # index into the document's sentences
    words: int
    text: str


@dataclass(frozen=True, slots=True)
class SentenceLengths:
    mean: float | None  # words per sentence
    median: float | None
    longest: list[LongSentence]  # longest first
    long_sentences: int  # sentences of ``long_sentence_words`` words or more
    long_sentence_words: int


@dataclass(frozen=True, slots=True)
class ReadabilityFigures:
    # Indices: None where the text cannot support them (see ``warnings``).
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None
    coleman_liau_index: float | None
    automated_readability_index: float | None
    dale_chall_score: float | None
    dale_chall_grade: float | None
    consensus_grade: float | None
    consensus_method: str
    grade_band: str | None
    reading_time_seconds: float
    sentence_lengths: SentenceLengths
    long_words_share: float | None
    polysyllabic_words_share: float | None
    difficult_words_share: float | None
    counts: TextCounts
    warnings: list[str] = field(default_factory=list)

    def grades(self) -> dict[str, float | None]:
        return {name: getattr(self, name) for name in GRADE_INDICES}


def sentence_lengths(counts: DocumentCounts, settings: ReadabilitySettings) -> SentenceLengths:
    lengths = [s.words for s in counts.sentences]
    longest = sorted(counts.sentences, key=lambda s: (-s.words, s.index))[: settings.longest_listed]
    return SentenceLengths(
        mean=statistics.fmean(lengths) if lengths else None,
        median=float(statistics.median(lengths)) if lengths else None,
        longest=[LongSentence(s.index, s.words, s.text) for s in longest],
        long_sentences=sum(1 for n in lengths if n >= settings.long_sentence_words),
        long_sentence_words=settings.long_sentence_words,
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def withheld_reasons(totals: TextCounts, settings: ReadabilitySettings) -> tuple[list[str], bool, bool]:
    """(warnings, formulas usable, SMOG usable) for texts too short or unpunctuated."""
    warnings: list[str] = []
    if totals.words == 0:
        return ["no words to measure; readability withheld"], False, False
    usable = True
    if totals.words < settings.min_words:
        warnings.append(
            f"{totals.words} words is too short for readability formulas (they mislead under "
            f"{settings.min_words} words); indices withheld, counts and sentence lengths shown"
        )
        usable = False
    if totals.punctuated_sentences == 0:
        warnings.append(
            "no sentence punctuation (. ! ?): sentence lengths cannot be measured, so indices are withheld"
        )
        usable = False
    elif totals.punctuated_sentences < totals.sentences / 2:
        warnings.append(
            f"only {totals.punctuated_sentences} of {totals.sentences} sentences end in . ! or ? "
            "(headlines or lists?); sentence lengths may be off"
        )
    smog_usable = usable and totals.sentences >= settings.smog_min_sentences
    if usable and not smog_usable:
        warnings.append(
            f"SMOG needs at least {settings.smog_min_sentences} sentences (this text has "
            f"{totals.sentences}); SMOG withheld"
        )
    return warnings, usable, smog_usable


def readability_of(doc: Document, settings: ReadabilitySettings | None = None) -> ReadabilityFigures:
    """All readability figures of ``doc``, from its own sentences and words. Pure."""
    settings = settings or ReadabilitySettings()
    counts = count_document(doc, settings.long_word_letters)
    t = counts.totals
    warnings, usable, smog_usable = withheld_reasons(t, settings)

    def when(value: float | None, ok: bool = usable) -> float | None:
        return value if ok else None

    dale_chall = when(formulas.dale_chall_score(t.words, t.sentences, t.difficult_words))
    indices = {
        "flesch_kincaid_grade": when(formulas.flesch_kincaid_grade(t.words, t.sentences, t.syllables)),
        "gunning_fog": when(formulas.gunning_fog(t.words, t.sentences, t.complex_words)),
        "smog_index": when(formulas.smog_index(t.sentences, t.polysyllabic_words), smog_usable),
        "coleman_liau_index": when(formulas.coleman_liau_index(t.words, t.sentences, t.letters)),
        "automated_readability_index": when(
            formulas.automated_readability_index(t.words, t.sentences, t.letters)
        ),
        "dale_chall_grade": formulas.dale_chall_grade(dale_chall),
    }
    grade = consensus_grade([indices[name] for name in GRADE_INDICES], settings.consensus)
    return ReadabilityFigures(
        flesch_reading_ease=when(formulas.flesch_reading_ease(t.words, t.sentences, t.syllables)),
        dale_chall_score=dale_chall,
        **indices,
        consensus_grade=grade,
        consensus_method=settings.consensus,
        grade_band=grade_band(grade),
        reading_time_seconds=60.0 * t.words / settings.words_per_minute,
        sentence_lengths=sentence_lengths(counts, settings),
        long_words_share=_share(t.long_words, t.words),
        polysyllabic_words_share=_share(t.polysyllabic_words, t.words),
        difficult_words_share=_share(t.difficult_words, t.words),
        counts=t,
        warnings=warnings,
    )
