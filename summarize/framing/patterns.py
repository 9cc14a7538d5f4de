"""Framing patterns beyond single words: scare quotes, "so-called X", agentless passives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarize.document import Document, Token
from summarize.framing.quotes import Quote

SCARE_QUOTE_MAX_WORDS = 3

_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets", "getting", "gotten"}
_BETWEEN = {
    "not",
    "also",
    "already",
    "reportedly",
    "allegedly",
    "never",
    "then",
    "later",
    "often",
    "quickly",
    "widely",
    "still",
    "being",
    "just",
    "all",
    "n't",
}
_IRREGULAR_PARTICIPLES = {
    "made",
    "done",
    "taken",
    "given",
    "shot",
    "hit",
    "seen",
    "told",
    "held",
    "left",
    "struck",
    "beaten",
    "thrown",
    "caught",
    "sent",
    "brought",
    "built",
    "bought",
    "found",
    "lost",
    "paid",
    "put",
    "set",
    "sold",
    "spent",
    "won",
    "written",
    "driven",
    "drawn",
    "forgotten",
    "hidden",
    "stolen",
    "broken",
    "chosen",
    "frozen",
    "spoken",
    "shaken",
    "torn",
    "sworn",
    "known",
    "shown",
    "grown",
    "blown",
    "cut",
    "hurt",
    "kept",
    "led",
    "meant",
    "met",
    "read",
    "run",
    "said",
    "understood",
    "withdrawn",
    "overthrown",
    "undertaken",
    "forbidden",
    "bitten",
    "slain",
    "fought",
    "sought",
    "taught",
    "thought",
    "upheld",
    "overseen",
    "arrested",
}
# Participles that mostly work as adjectives ("was interested") or fixed phrases.
_ADJECTIVAL = {
    "based",
    "located",
    "used",
    "supposed",
    "interested",
    "concerned",
    "tired",
    "pleased",
    "married",
    "related",
    "involved",
    "excited",
    "worried",
    "surprised",
    "disappointed",
    "satisfied",
    "scared",
    "bored",
    "prepared",
    "qualified",
    "experienced",
    "advanced",
    "limited",
    "united",
    "detailed",
    "complicated",
    "sophisticated",
    "dedicated",
    "committed",
    "determined",
    "divided",
    "mixed",
    "armed",
    "balanced",
    "talented",
    "crowded",
    "isolated",
    "needed",
    "expected",
    "scheduled",
    "set",
    "left",
    "due",
    "known",
    "called",
    "named",
    "entitled",
    "aimed",
    "designed",
    "focused",
    "focussed",
    "said",
    "read",
    "run",
    "met",
}
_QUOTE_MARKS = {"“", "”", '"', "‘", "’", "'"}
_CLAUSE_END = {".", ";", ":", "!", "?", "—", "–"}


@dataclass(frozen=True)
class PatternMatch:
    start: int
    end: int
    category: str
    explanation: str
    alternative: str | None
    weight: float


def scare_quotes(doc: Document, quotes: list[Quote]) -> list[PatternMatch]:
    """Quotation marks around a word or short phrase that is not reported speech."""
    out = []
    for quote in quotes:
        content = doc.text[quote.content_start : quote.content_end].strip()
        if not (1 <= quote.words <= SCARE_QUOTE_MAX_WORDS) or not content:
            continue
        if content[-1] in ".!?" or (quote.speaker and not quote.single_marks):
            continue  # a short but complete utterance, or attributed speech
        out.append(
            PatternMatch(
                start=quote.start,
                end=quote.end,
                category="scare_quote",
                explanation="Quotation marks around a word or short phrase distance the writer from it, "
                "often signalling doubt or irony.",
                alternative="(drop the marks, or attribute the term to who uses it)",
                weight=0.6,
            )
        )
    return out


def so_called(doc: Document) -> list[PatternMatch]:
    """'so-called X': the writer signals doubt about the name X."""
    out = []
    tokens = doc.tokens
    for i, token in enumerate(tokens):
        lower = token.text.lower()
        if lower == "so-called":
            last = i
        elif lower == "so" and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "called":
            last = i + 1
        else:
            continue
        end = _so_called_name_end(tokens, last, token.sentence)
        out.append(
            PatternMatch(
                start=token.start,
                end=end,
                category="so_called",
                explanation="'So-called' tells the reader not to accept the name that follows.",
                alternative="(drop 'so-called', or say who uses the name)",
                weight=0.8,
            )
        )
    return out


def _so_called_name_end(tokens: Sequence[Token], last: int, sentence: int) -> int:
    """End offset of 'so-called' (ending at token ``last``) and the name after it."""
    end = tokens[last].end
    j = last + 1
    if j < len(tokens) and tokens[j].text in _QUOTE_MARKS:
        # a quoted name: up to the closing mark
        k = j + 1
        while k < len(tokens) and tokens[k].sentence == sentence:
            end = tokens[k].end
            if tokens[k].text in _QUOTE_MARKS:
                break
            k += 1
        return end
    # the name: up to three words, stopping at punctuation or a function word
    taken = 0
    while (
        j < len(tokens)
        and taken < 3
        and tokens[j].is_word
        and tokens[j].sentence == sentence
        and tokens[j].text.lower() not in _FUNCTION_WORDS
    ):
        end = tokens[j].end
        taken += 1
        j += 1
    return end


_FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "with",
    "by",
    "from",
    "as",
    "it",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "be",
    "been",
}


def _is_participle(word: str) -> bool:
    lower = word.lower()
    if lower in _ADJECTIVAL:
        return False
    if lower in _IRREGULAR_PARTICIPLES:
        return True
    return len(lower) > 4 and lower.endswith("ed") and lower.isalpha()


def agentless_passives(doc: Document) -> list[PatternMatch]:
    """'be' + past participle with no 'by ...' agent in the rest of the clause."""
    out = []
    tokens = doc.tokens
    for i, token in enumerate(tokens):
        if token.text.lower() not in _BE:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text.lower() in _BETWEEN and tokens[j].sentence == token.sentence:
            j += 1
        if j >= len(tokens) or tokens[j].sentence != token.sentence or not _is_participle(tokens[j].text):
            continue
        if tokens[j].text.lower() == "being":
            continue
        if _has_agent(tokens, j + 1, token.sentence):
            continue
        out.append(
            PatternMatch(
                start=token.start,
                end=tokens[j].end,
                category="agentless_passive",
                explanation="A passive with no agent leaves out who did it.",
                alternative="(name who did it: 'X did ...')",
                weight=0.4,
            )
        )
    return out


def _has_agent(tokens: tuple[Token, ...], start: int, sentence: int) -> bool:
    for k in range(start, min(start + 8, len(tokens))):
        token = tokens[k]
        if token.sentence != sentence or token.text in _CLAUSE_END:
            return False
        if token.text.lower() == "by":
            return True
    return False


def find_patterns(doc: Document, quotes: list[Quote]) -> list[PatternMatch]:
    return sorted(
        [*scare_quotes(doc, quotes), *so_called(doc), *agentless_passives(doc)],
        key=lambda m: m.start,
    )
