from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadabilitySettings:
    words_per_minute: int = 238  # adult silent reading rate for non-fiction (Brysbaert 2019)
