"""Input limits of one run: the longest text accepted and how long to wait for a URL.

Light on purpose: the CLI reads the defaults for `--help` without importing the readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.setting_checks import check_at_least

# Refuse inputs larger than this unless --max-chars raises it. Not every analysis is linear:
# bench/large_input.py (bench/results/large_input.md) measured a full `summarize report` at
# these costs at the default limit on 2 shared cores, and more per MB beyond it (framing's
# document score grows with the square of the length). The refusal quotes these figures.
DEFAULT_MAX_CHARS = 500_000
DEFAULT_URL_TIMEOUT = 15.0  # seconds
MIN_URL_TIMEOUT = 0.1


@dataclass(frozen=True, slots=True)
class InputSettings:
    max_chars: int = DEFAULT_MAX_CHARS
    url_timeout: float = DEFAULT_URL_TIMEOUT

    def __post_init__(self) -> None:
        check_at_least(self.max_chars, 1, "input max_chars")
        check_at_least(self.url_timeout, MIN_URL_TIMEOUT, "input url_timeout")
