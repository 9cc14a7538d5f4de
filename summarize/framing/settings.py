from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FramingSettings:
    lexicons: tuple[str, ...] = ()  # extra lexicon files, added to the built-in set
    lexicon_only: bool = False  # True: the files replace the built-in set
