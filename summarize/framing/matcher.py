"""Lexicon matching over the document's shared tokens.

Terms match runs of consecutive word tokens inside one sentence (punctuation
between words breaks a phrase). When matches overlap, the longest wins (in
words, then characters), then the heavier entry, then the earlier one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.document import Document, Token
from summarize.framing.lexicon import Lexicon, LexiconEntry, WordPattern


@dataclass(frozen=True)
class LexiconMatch:
    start: int  # character offsets into doc.text
    end: int
    first_token: int  # index into doc.tokens
    last_token: int  # inclusive
    entry: LexiconEntry


@dataclass(frozen=True)
class _Candidate:
    sequence: tuple[WordPattern, ...]
    entry: LexiconEntry


WORD_CACHE_SIZE = 50_000  # distinct words whose candidates are remembered (~10 MB at most)


class LexiconIndex:
    """Entries indexed by their first word, so each token is checked against a few terms only.

    Entries whose first word is a pattern (``terror*``, ``(has|have|had)``, ``*``) could start
    at any token; which of them do is remembered per distinct word, so the patterns run once
    per word form rather than once per token (most of the matcher's time before).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.starting: dict[str, list[_Candidate]] = {}  # word -> candidates whose first word it matches
        self.by_form: dict[str, list[_Candidate]] = defaultdict(list)
        self.by_form_exact: dict[str, list[_Candidate]] = defaultdict(list)
        self.scan_always: list[_Candidate] = []  # first word is a pattern
        for entry in lexicon.entries:
            for sequence in entry.sequences:
                candidate = _Candidate(sequence, entry)
                first = sequence[0]
                if first.regex is not None or first.any_word:
                    self.scan_always.append(candidate)
                elif entry.case_sensitive:
                    for form in first.forms:
                        self.by_form_exact[form].append(candidate)
                else:
                    for form in first.forms:
                        self.by_form[form].append(candidate)

    def candidates(self, word: str) -> list[_Candidate]:
        """The entries whose first word ``word`` matches, in index order."""
        found = self.starting.get(word)
        if found is None:
            if len(self.starting) >= WORD_CACHE_SIZE:
                self.starting.clear()
            patterned = [c for c in self.scan_always if c.sequence[0].matches(word, c.entry.case_sensitive)]
            found = [*self.by_form.get(word.lower(), ()), *self.by_form_exact.get(word, ()), *patterned]
            self.starting[word] = found
        return found


def _match_at(tokens: Sequence[Token], i: int, candidate: _Candidate) -> int | None:
    """Index of the last token if ``candidate``, whose first word matched token ``i``, matches there."""
    sentence = tokens[i].sentence
    j = i + 1
    for pattern in candidate.sequence[1:]:
        if j >= len(tokens):
            return None
        token = tokens[j]
        if not token.is_word or token.sentence != sentence:
            return None
        if not pattern.matches(token.text, candidate.entry.case_sensitive):
            return None
        j += 1
    return j - 1


def find_all_matches(doc: Document, index: LexiconIndex) -> list[LexiconMatch]:
    """Every match of every entry, overlapping ones included."""
    tokens = doc.tokens
    found: list[LexiconMatch] = []
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        for candidate in index.candidates(token.text):
            last = _match_at(tokens, i, candidate)
            if last is not None:
                found.append(LexiconMatch(token.start, tokens[last].end, i, last, candidate.entry))
    return found


def resolve_overlaps(matches: Sequence[LexiconMatch]) -> list[LexiconMatch]:
    """Keep non-overlapping matches: longest (words, then characters) first, then weight, then earliest."""
    ranked = sorted(
        matches,
        key=lambda m: (
            -(m.last_token - m.first_token + 1),
            -(m.end - m.start),
            -m.entry.weight,
            m.start,
        ),
    )
    taken: list[LexiconMatch] = []
    used: set[int] = set()
    for match in ranked:
        span = set(range(match.first_token, match.last_token + 1))
        if used & span:
            continue
        used |= span
        taken.append(match)
    return sorted(taken, key=lambda m: m.start)


def match_lexicon(doc: Document, lexicon: Lexicon) -> list[LexiconMatch]:
    return resolve_overlaps(find_all_matches(doc, LexiconIndex(lexicon)))
