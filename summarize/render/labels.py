"""Every human-readable label the terminal and Markdown reports show, in one place.

Renderers take their section titles, index names, column headers and layer names from here, so a
label is changed once and reads the same in every format. (Category labels of the framing lexicons
come from the report itself: the YAML files and user lexicons name their categories.)
"""

from __future__ import annotations

from typing import Final

REPORT_TITLE: Final = "Article report"  # when the article has no headline
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
)
READABILITY_MEASURE: Final = "Measure"
READABILITY_ARTICLE: Final = "Article"
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
SENTIMENT_ARTICLE: Final = "Article"
SENTIMENT_ARC: Final = "Arc"
PUSHED_UP: Final = "Pushed up"
PUSHED_DOWN: Final = "Pushed down"
ACTORS: Final = "Actors"
ACTOR_SCORES: Final = "Actor scores"
MOST_POLAR_SENTENCES: Final = "Most polar sentences"
# The actor table's columns: the terminal's is narrow, Markdown's has room for every column.
ACTOR_COLUMNS_TERMINAL: Final = ("actor (aliases)", "kind", "n", "score", "driven by (sentence: push, words)")
ACTOR_COLUMNS_MARKDOWN: Final = ("actor", "kind", "mentions", "score", "aliases", "evidence")

# --- framing ----------------------------------------------------------------------------------
LAYER_NAMES: Final[dict[str, str]] = {"loaded": "loaded language", "device": "device (not counted)"}
FRAMING_BY_CATEGORY: Final = "Framing by category"
CATEGORY_COLUMNS: Final = ("Layer", "Category", "Count", "Per 1,000 words", "In quotes")
SPAN_COLUMNS: Final = ("Words", "Layer", "Category", "Why", "Instead", "Voice", "Confidence")
SPANS: Final = "Spans"
ARTICLE_HIGHLIGHTED: Final = "Article, highlighted"

# --- compare ----------------------------------------------------------------------------------
COMPARE_TITLE: Final = "Framing compared"
COMPARE_FIGURES: Final[dict[str, str]] = {
    "loaded_per_1000_words": "Loaded language per 1,000 words",
    "biased_share": "Biased share",
}
PROFILES_DIFFER: Final = "Profiles differ"
COMPARE_BY_CATEGORY: Final = "Framing by category (per 1,000 words)"
ONLY_ONE_USES: Final = "Terms only one article uses"
ONLY_A: Final = "Only A"
ONLY_B: Final = "Only B"
NAMING_ACTORS: Final = "How each names the same actors"


def layer_name(layer: str) -> str:
    """A framing layer as the reports name it; any layer but "loaded" is a device, never counted."""
    return LAYER_NAMES["loaded"] if layer == "loaded" else LAYER_NAMES["device"]


def category_name(category: str) -> str:
    """A framing category's id as text ("actor_label" -> "actor label")."""
    return category.replace("_", " ")
