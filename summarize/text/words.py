"""Word tokenization with character offsets.

Keeps news-specific units whole: dotted abbreviations (U.S., a.m.), numbers with
separators and decimals (1,200.50), money ($4.5), contractions (don't, Xi’s),
hyphenated compounds (cease-fire) and percentages (12%).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}                          # U.S.  a.m.  D.C.
  | [$£€¥]?\d+(?:[.,:]\d+)*%?                   # 12  1,200.50  $4.5  10:30  12%
  | \w+(?:[-'’]\w+)*                             # words, cease-fire, Xi’s, don't
  | [^\w\s]                                      # any other single symbol
    """,
    re.VERBOSE,
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int, bool]]:
    """Yield (token, start, end, is_word) for ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    for match in _TOKEN.finditer(text, start, end):
        token = match.group(0)
        yield token, match.start(), match.end(), any(ch.isalnum() for ch in token)


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (punctuation dropped)."""
    return [tok for tok, _, _, is_word in tokenize(text) if is_word]
