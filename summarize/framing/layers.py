"""The two layers of framing, and the context rules that decide whether a match counts.

*Loaded language* (the bias measure): wording that takes a side. *Framing devices*
(hedges, attribution, passives, factives, presuppositions, conflict vocabulary): shown
and explained for teaching, never counted as bias. Categories of user lexicons that are
not built-in devices count as loaded language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.document import Document, Token
from summarize.framing.quotes import SPEECH_VERBS
from summarize.framing.section import DEVICE, LOADED, FramingSpan, Layer

DEVICE_CATEGORIES = frozenset(
    {
        "hedge",
        "factive",
        "attribution",
        "implicative",
        "presupposition",
        "conflict",
        "agentless_passive",
    }
)


def layer_of(category: str) -> Layer:
    return DEVICE if category in DEVICE_CATEGORIES else LOADED


# --- context rules ------------------------------------------------------------------------

# Neutral sourcing: it says where a claim comes from and takes no side.
NEUTRAL_ATTRIBUTION = frozenset({"according to"})
# A reporting verb before a hedge in the same sentence: the hedge is the source's, not the writer's.
_REPORTED = re.compile(rf"\b(?:{SPEECH_VERBS}|according to|said to|told)\b", re.IGNORECASE)


def is_month_may(doc: Document, token_index: int) -> bool:
    """'May' the month: capitalised, and not a sentence-opening modal ('May I ...')."""
    tokens = doc.tokens
    token = tokens[token_index]
    if token.text != "May":
        return False
    nxt = tokens[token_index + 1] if token_index + 1 < len(tokens) else None
    if nxt is not None and nxt.sentence == token.sentence and (nxt.text[:1].isdigit() or nxt.text == ","):
        return True
    prev = tokens[token_index - 1] if token_index > 0 else None
    # Sentence-initial "May" followed by a word is the modal; capitalised mid-sentence it is a
    # month (or a name), never the modal.
    return prev is not None and prev.sentence == token.sentence


def _token_index_at(doc: Document, offset: int) -> int | None:
    from bisect import bisect_left

    i = bisect_left(doc.tokens, offset, key=lambda t: t.start)  # no list of starts per call
    return i if i < len(doc.tokens) and doc.tokens[i].start == offset else None


def hedges_reported_speech(doc: Document, span: FramingSpan) -> bool:
    """A hedge inside someone's reported claim ('X said the plan may fail'), not the writer's own."""
    index = doc.sentence_at(span.start)
    if index is None:
        return False
    sentence = doc.sentences[index]
    before = doc.text[sentence.start : span.start]
    after = doc.text[span.end : sentence.end]
    # "..., officials said." closes the reported clause after the hedge.
    return bool(_REPORTED.search(before)) or bool(
        re.search(rf",\s*[\w\s.'’-]{{0,60}}?\b(?:{SPEECH_VERBS})\b", after)
    )


def keep_in_context(doc: Document, span: FramingSpan) -> bool:
    """Whether a lexicon or pattern match is what it looks like, read in its sentence."""
    if span.category == "attribution" and " ".join(span.text.lower().split()) in NEUTRAL_ATTRIBUTION:
        return False
    if span.category == "hedge":
        if span.in_quote:
            return False  # the speaker's hedge, not the writer's
        first = _token_index_at(doc, span.start)
        if first is not None and is_month_may(doc, first):
            return False
        if hedges_reported_speech(doc, span):
            return False
    return True


def in_context(doc: Document, spans: Sequence[FramingSpan]) -> list[FramingSpan]:
    return [s for s in spans if keep_in_context(doc, s)]


# --- which words the word head may flag ---------------------------------------------------

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "for",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "with",
        "without",
        "within",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "about",
        "above",
        "below",
        "after",
        "before",
        "between",
        "among",
        "through",
        "during",
        "since",
        "until",
        "than",
        "then",
        "as",
        "if",
        "because",
        "while",
        "although",
        "though",
        "whether",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "this",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "it's",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "theirs",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "one",
        "ones",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "nor",
        "n't",
        "'s",
        "also",
        "just",
        "only",
        "even",
        "still",
        "very",
        "more",
        "most",
        "less",
        "least",
        "much",
        "many",
        "some",
        "any",
        "all",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "other",
        "another",
        "such",
        "own",
        "same",
        "too",
        "again",
        "ever",
        "never",
        "always",
        "often",
        "now",
        "up",
        "down",
        "out",
        "off",
        "per",
        "via",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "st",
        "jr",
        "sr",
        "said",
        "says",
        "say",
        "told",
        "tell",
    ]
)
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "president",
        "vice",
        "secretary",
        "minister",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "leader",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "judge",
        "justice",
        "general",
        "gen",
        "col",
        "lt",
        "sgt",
        "officer",
        "chief",
        "king",
        "queen",
        "prince",
        "pope",
        "rev",
    ]
)
MONTHS_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "week",
        "weekend",
        "month",
        "year",
    ]
)


def _bare(word: str) -> str:
    return word.strip("'’\"“”")


def can_be_loaded(word: str, sentence_first: bool) -> bool:
    """Never function words, titles, names, numbers or dates: they carry no stance themselves."""
    text = _bare(word)
    lower = text.lower()
    if len(lower) < 3 or not any(c.isalpha() for c in text) or any(c.isdigit() for c in text):
        return False
    if lower in FUNCTION_WORDS or lower in TITLES or lower in MONTHS_DAYS:
        return False
    # A capitalised word mid-sentence is a name, a title or an acronym.
    return not (text[0].isupper() and (not sentence_first or text.isupper()))


def _opens_sentence(doc: Document, token_index: int) -> bool:
    """First word of its sentence, or of a quotation, parenthesis or clause after a dash or colon."""
    token: Token = doc.tokens[token_index]
    previous = doc.tokens[token_index - 1] if token_index > 0 else None
    return previous is None or previous.sentence != token.sentence or previous.text in "\"“‘'(—–-:"


def capitalised_names(doc: Document) -> frozenset[str]:
    """Lower-cased words the article capitalises inside sentences and never writes in lowercase:
    names, also where one opens a sentence ("Cardiora has not said ...")."""
    capitalised: set[str] = set()
    lowercase: set[str] = set()
    for index, token in enumerate(doc.tokens):
        text = _bare(token.text)
        if not token.is_word or not text:
            continue
        if text[0].islower():
            lowercase.add(text.lower())
        elif text[0].isupper() and not _opens_sentence(doc, index):
            capitalised.add(text.lower())
    return frozenset(capitalised - lowercase)


def loadable_tokens(doc: Document) -> frozenset[int]:
    """Indices of the document's words that can be loaded at all (``can_be_loaded``); a word
    opening a sentence counts as a name when the article writes it as one elsewhere."""
    names = capitalised_names(doc)
    loadable = set()
    for index, token in enumerate(doc.tokens):
        if not token.is_word:
            continue
        first = _opens_sentence(doc, index)
        if first and _bare(token.text).lower() in names:
            continue
        if can_be_loaded(token.text, first):
            loadable.add(index)
    return frozenset(loadable)
