"""summarize: what a news article says and how it says it.

>>> from summarize import analyze
>>> report = analyze(open("article.txt").read())
>>> report.summary, report.sentiment, report.framing, report.readability
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Report", "Settings", "__version__", "analyze", "read_article"]

if TYPE_CHECKING:
    from summarize.inputs.read import read_article
    from summarize.pipeline import analyze
    from summarize.report import Report
    from summarize.settings import Settings


def __getattr__(name: str) -> Any:
    # Lazy so that `import summarize` (and `summarize --help`) stays instant.
    if name == "analyze":
        from summarize.pipeline import analyze

        return analyze
    if name == "read_article":
        from summarize.inputs.read import read_article

        return read_article
    if name == "Report":
        from summarize.report import Report

        return Report
    if name == "Settings":
        from summarize.settings import Settings

        return Settings
    raise AttributeError(name)
