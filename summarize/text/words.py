"""Word tokenization with character offsets.

Keeps news-specific units whole: dotted abbreviations (U.S., a.m.), numbers with
separators and decimals (1,200.50), money ($4.5), contractions (don't, Xi’s),
hyphenated compounds (cease-fire, 19-year-old), percentages (12%), decades (1990s),
web addresses and e-mail addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r"""
    https?://[^\s<>"]*[^\s<>".,;:!?)\]'’”]        # a URL, without the punctuation after it
  | [\w.+-]+@\w[\w-]*(?:\.[\w-]+)+                # an e-mail address
  | (?:[A-Za-z]{1,2}\.){2,}                       # U.S.  a.m.  D.C.  Ph.D.
  | [$£€¥]?\d+(?:[.,:]\d+)*(?:%|[A-Za-z]+)?(?:-\w+)*  # 12  1,200.50  $4.5  12%  1990s  19-year-old  2-1
  | \w+(?:[-'’]\w+)*(?:\.[a-z]{2,6}\b)+            # lumenarc.com
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
