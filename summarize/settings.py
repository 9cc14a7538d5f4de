"""All settings of one run, validated before any work starts."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarize.errors import UsageError
from summarize.framing.settings import FramingSettings
from summarize.readability.settings import ReadabilitySettings
from summarize.report import SECTIONS
from summarize.sentiment.settings import SentimentSettings
from summarize.summary.settings import SummarySettings


@dataclass(frozen=True, slots=True)
class Settings:
    analyses: tuple[str, ...] = SECTIONS
    summary: SummarySettings = field(default_factory=SummarySettings)
    sentiment: SentimentSettings = field(default_factory=SentimentSettings)
    framing: FramingSettings = field(default_factory=FramingSettings)
    readability: ReadabilitySettings = field(default_factory=ReadabilitySettings)
    count_model_tokens: bool = True

    def __post_init__(self) -> None:
        unknown = [a for a in self.analyses if a not in SECTIONS]
        if unknown:
            raise UsageError(f"unknown analysis {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")


def parse_analyses(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    if not names:
        raise UsageError("--analyses needs at least one of " + ", ".join(SECTIONS))
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise UsageError(f"unknown analysis {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    return names
