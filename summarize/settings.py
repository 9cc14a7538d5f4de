"""All settings of one run, validated when made: ``summarize.analyze`` refuses what the CLI refuses.

Each part checks itself in ``__post_init__`` and raises a ``UsageError`` (exit code 2) whose
message is the CLI's, so a rule lives in one place whichever surface the user came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarize.errors import UsageError
from summarize.framing.settings import FramingSettings
from summarize.inputs.settings import InputSettings
from summarize.readability.settings import ReadabilitySettings
from summarize.sections import SECTIONS
from summarize.sentiment.settings import SentimentSettings
from summarize.summary.settings import SummarySettings

DEFAULT_ENCODER = "minilm"  # the shared sentence encoder: registry name, hub id or folder


@dataclass(frozen=True, slots=True)
class Settings:
    analyses: tuple[str, ...] = SECTIONS
    summary: SummarySettings = field(default_factory=SummarySettings)
    sentiment: SentimentSettings = field(default_factory=SentimentSettings)
    framing: FramingSettings = field(default_factory=FramingSettings)
    readability: ReadabilitySettings = field(default_factory=ReadabilitySettings)
    count_model_tokens: bool = True
    # The sentence encoder every analysis shares (sentiment, framing, generated summaries'
    # provenance, the trained summary scorer). The report records it under "summary", where
    # it was before it moved here (see ``recorded``).
    encoder: str = field(default=DEFAULT_ENCODER, metadata={"json": False})
    # Input limits change what is accepted, never a result: not recorded in the report.
    input: InputSettings = field(default_factory=InputSettings, metadata={"json": False})

    def __post_init__(self) -> None:
        object.__setattr__(self, "analyses", tuple(self.analyses))
        unknown = [a for a in self.analyses if a not in SECTIONS]
        if unknown:
            raise UsageError(f"unknown analysis {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
        if not self.encoder:
            raise UsageError(f"the encoder needs a name (default: {DEFAULT_ENCODER})")

    def recorded(self) -> dict[str, Any]:
        """The settings as the report's provenance records them (its layout is part of the schema)."""
        from summarize.jsonable import to_jsonable

        data: dict[str, Any] = to_jsonable(self)
        summary = data["summary"]
        keys = list(summary)
        at = keys.index("model") + 1
        data["summary"] = {**{k: summary[k] for k in keys[:at]}, "encoder": self.encoder,
                           **{k: summary[k] for k in keys[at:]}}
        return data


def parse_analyses(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    if not names:
        raise UsageError("--analyses needs at least one of " + ", ".join(SECTIONS))
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise UsageError(f"unknown analysis {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    return names
