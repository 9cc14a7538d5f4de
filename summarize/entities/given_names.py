"""Common given names: a capitalised pair that starts with one is a person ("Tobi Adeyemi").

The list is data (``summarize/data/entities/given_names.txt``), read once by gazetteer.py.
"""

from __future__ import annotations

from summarize.entities.gazetteer import GIVEN_NAMES

__all__ = ["GIVEN_NAMES"]
