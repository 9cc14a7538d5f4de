"""Every human-readable label the terminal, Markdown and HTML reports show, in one place.

Renderers take their section titles, index names, column headers and layer names from here, so a
label is changed once and reads the same in every format. (Category labels of the framing lexicons
come from the report itself: the YAML files and user lexicons name their categories.)
"""

from __future__ import annotations

from typing import Final

REPORT_TITLE: Final = "Article report"  # when the article has no headline
ARTICLE: Final = "Article"
WARNINGS: Final = "Warnings"

SECTION_TITLES: Final[dict[str, str]] = {
    "summary": "Summary",
    "sentiment": "Sentiment",
    "framing": "Framing",
    "readability": "Readability",
}

# The report header.
SOURCE: Final = "Source"
DATE: Final = "Date"
AUTHOR: Final = "Author"
SIZE: Final = "Size"
WORDS: Final = "Words"
SENTENCES: Final = "Sentences"
CHARACTERS: Final = "Characters"
MODEL_TOKENS: Final = "Model tokens"

# --- readability ------------------------------------------------------------------------------
# (field, name, what it means) in display order.
READABILITY_INDICES: Final[tuple[tuple[str, str, str], ...]] = (
    ("flesch_reading_ease", "Flesch Reading Ease", "0-100, higher is easier"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", "grade: sentence length, syllables"),
    ("gunning_fog", "Gunning Fog", "grade: sentence length, long words"),
    ("smog_index", "SMOG", "grade: 3+ syllables, 30 sentences"),
    ("coleman_liau_index", "Coleman-Liau", "grade: letters per word"),
    ("automated_readability_index", "Automated Readability Index", "grade: characters per word"),
    ("dale_chall_score", "Dale-Chall score", "unfamiliar words; 8-8.9 = grade 11-12"),
    ("dale_chall_grade", "Dale-Chall grade", "US grade from the Dale-Chall score"),
)
READABILITY_MEASURE: Final = "Measure"
READABILITY_ARTICLE: Final = ARTICLE
READABILITY_SUMMARY: Final = "Summary"
READABILITY_MEANING: Final = "What it means"
CONSENSUS_GRADE: Final = "Consensus grade"
MEAN_SENTENCE_LENGTH: Final = "Mean sentence length"
MEDIAN_SENTENCE_LENGTH: Final = "Median sentence length"
LONG_WORDS: Final = "Long words"
DIFFICULT_WORDS: Final = "Difficult words"
POLYSYLLABIC_WORDS: Final = "Words of 3+ syllables"
PASSIVE_SENTENCES: Final = "Passive sentences"
LONGEST_SENTENCES: Final = "Longest sentences"

# --- sentiment --------------------------------------------------------------------------------
SENTIMENT_ARTICLE: Final = ARTICLE
SENTIMENT_ARC: Final = "Sentiment arc"
# The arrows say the direction where colour is missing (Markdown, monochrome terminals).
PUSHED_UP: Final = "Pushed up ▲"
PUSHED_DOWN: Final = "Pushed down ▼"
ACTORS: Final = "Actors"
ACTOR_SCORES: Final = "Actor scores"
MOST_POLAR_SENTENCES: Final = "Most polar sentences"
# The actor table's columns.
ACTOR: Final = "Actor"
KIND: Final = "Kind"
MENTIONS: Final = "Mentions"
SCORE: Final = "Score"
ALSO_NAMED: Final = "Also named"
EVIDENCE: Final = "Evidence"
EVIDENCE_HOW: Final = "sentence: push, words"  # how the terminal's narrow evidence column reads
# The terminal's table is narrow (other names under the actor), Markdown's has room for every column.
ACTOR_COLUMNS_TERMINAL: Final = (
    f"{ACTOR} ({ALSO_NAMED.lower()})",
    KIND,
    MENTIONS,
    SCORE,
    f"{EVIDENCE} ({EVIDENCE_HOW})",
)
ACTOR_COLUMNS_MARKDOWN: Final = (ACTOR, KIND, MENTIONS, SCORE, ALSO_NAMED, EVIDENCE)

# --- framing ----------------------------------------------------------------------------------
LAYER_NAMES: Final[dict[str, str]] = {"loaded": "loaded language", "device": "device (not counted)"}
# A layer's heading, and what it is for (where a format has room to say it).
LAYER_TITLES: Final[dict[str, str]] = {"loaded": "Loaded language", "device": "Framing devices"}
LAYER_NOTES: Final[dict[str, str]] = {
    "loaded": "the bias measure",
    "device": "shown for teaching, never counted as bias",
}
NOT_COUNTED: Final = "not counted"  # the devices' note where there is no room for LAYER_NOTES
FRAMING_SCORE: Final = "Framing score"
BIASED_SENTENCES: Final = "Sentences judged biased"
LOADED_TERMS: Final = "Loaded-language terms"
LOADED_PER_1000: Final = "Loaded language per 1,000 words"
WRITERS_VOICE: Final = "writer's voice"
# What the reported density is when calibrated (measure.density_basis "expected").
EXPECTED_BASIS: Final = "expected sentences with loaded language, calibrated"
LOADED_SPANS_PER_1000: Final = "Loaded spans shown per 1,000 words"
FRAMING_BY_CATEGORY: Final = "Framing by category"
LAYER: Final = "Layer"
CATEGORY: Final = "Category"
CATEGORY_COLUMNS: Final = (LAYER, CATEGORY, "Count", "Per 1,000 words", "In quotes")
SPAN_TERM: Final = "Term"
SPAN_WHY: Final = "Why it frames"
SPAN_ALTERNATIVE: Final = "Neutral alternative"
SPAN_WHERE: Final = "Where"
SPAN_COLUMNS: Final = (SPAN_TERM, LAYER, CATEGORY, SPAN_WHY, SPAN_ALTERNATIVE, "Voice", "Confidence")
SPANS: Final = "Spans"
ARTICLE_HIGHLIGHTED: Final = "Article, highlighted"

# --- compare ----------------------------------------------------------------------------------
COMPARE_TITLE: Final = "Framing compared"
COMPARE_FIGURES: Final[dict[str, str]] = {
    "loaded_per_1000_words": LOADED_PER_1000,
    "biased_share": BIASED_SENTENCES,
}
PROFILES_DIFFER: Final = "Profiles differ"
SENTENCES_FRAMED: Final = "Sentences judged framed"  # the plain share, when there is no interval
DEVICE_SUFFIX: Final = " (device, not counted)"  # after a device category's name
COMPARE_BY_CATEGORY: Final = "Framing terms per 1,000 words, by category"
ONLY_ONE_USES: Final = "Terms only one article uses"
ONLY_A: Final = "Only A"  # the HTML page, with room for titles, says "Only in A: <title>"
ONLY_B: Final = "Only B"
NAMING_ACTORS: Final = "How each names the same actors"


def layer_name(layer: str) -> str:
    """A framing layer as the reports name it; any layer but "loaded" is a device, never counted."""
    return LAYER_NAMES["loaded"] if layer == "loaded" else LAYER_NAMES["device"]


def layer_heading(layer: str) -> str:
    """A framing layer's heading with what it is for: "Loaded language (the bias measure)"."""
    key = "loaded" if layer == "loaded" else "device"
    return f"{LAYER_TITLES[key]} ({LAYER_NOTES[key]})"


def category_name(category: str) -> str:
    """A framing category's id as text ("actor_label" -> "actor label")."""
    return category.replace("_", " ")
