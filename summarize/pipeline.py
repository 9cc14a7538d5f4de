"""The one pipeline: Document -> analyses -> Report. CLI, Python API and batch all call it."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any

from summarize import __version__
from summarize.context import Context
from summarize.document import Document
from summarize.needs import analysis_module, chosen_needs, run_order
from summarize.report import (
    SCHEMA_VERSION,
    Provenance,
    Report,
    Sections,
    SentenceInfo,
    SourceInfo,
    Stats,
)
from summarize.sections import SECTIONS
from summarize.settings import Settings

# Each analysis lives in summarize/<name>/analysis.py and exposes needs(settings) -> Needs
# (summarize.needs) and run(doc, ctx) -> section; summarize/render/<format>/ draws the sections.
__all__ = ["analysis_module", "analyze", "run_analyses"]


# on_stage(stage, None) as a stage starts, on_stage(stage, seconds) as it ends.
StageCallback = Callable[[str, float | None], None]


def run_analyses(doc: Document, ctx: Context, on_stage: StageCallback | None = None) -> Report:
    """Run the analyses chosen in ``ctx.settings`` on ``doc`` and assemble the report.

    ``on_stage`` hears each stage start and end (the CLI shows progress on long inputs).
    """
    timings: dict[str, float] = {}
    sections: dict[str, object] = dict.fromkeys(SECTIONS)
    ctx.warnings = []  # warnings are per document: a batch context is reused across many
    for message in input_warnings(doc, ctx.settings.analyses):
        ctx.warn(message)
    declared = chosen_needs(ctx.settings)
    # Each analysis after the sections it reads, and it sees those only (of this document).
    for name in run_order(declared):
        ctx.sections = Sections.of({s: sections[s] for s in declared[name].sections})
        if on_stage:
            on_stage(name, None)
        started = time.perf_counter()
        sections[name] = analysis_module(name).run(doc, ctx)
        timings[name] = time.perf_counter() - started
        if on_stage:
            on_stage(name, timings[name])
    ctx.sections = done = Sections.of(sections)
    if on_stage:
        on_stage("model_tokens", None)
    started = time.perf_counter()
    model_tokens = count_model_tokens(doc, ctx) if ctx.settings.count_model_tokens else {}
    timings["model_tokens"] = time.perf_counter() - started
    if on_stage:
        on_stage("model_tokens", timings["model_tokens"])
    return Report(
        schema_version=SCHEMA_VERSION,
        source=SourceInfo(**dataclasses.asdict(doc.source)),
        stats=Stats(
            characters=len(doc.text),
            words=doc.word_count,
            sentences=len(doc.sentences),
            paragraphs=len(doc.paragraphs),
            model_tokens=model_tokens,
        ),
        sentences=[SentenceInfo(s.index, s.text, s.start, s.end, s.paragraph) for s in doc.sentences],
        summary=done.summary,
        sentiment=done.sentiment,
        framing=done.framing,
        readability=done.readability,
        provenance=Provenance(
            package_version=__version__,
            models=list(ctx.models_used.values()),
            settings=settings_dict(ctx.settings),
            timings=timings,
            warnings=list(ctx.warnings),
        ),
        document=doc,
    )


def input_warnings(doc: Document, analyses: tuple[str, ...]) -> list[str]:
    """What the report should say about the input itself: bad bytes, forced cuts, language."""
    from summarize.inputs.mojibake import REPAIRED_NOTE
    from summarize.text.language import detect_language, english_only_warning

    messages = list(doc.warnings)
    if doc.source.encoding and "replaced" in doc.source.encoding:
        messages.append(
            f"{doc.source.location or 'the input'}: not valid UTF-8 (mixed encodings?); "
            "undecodable bytes were replaced with U+FFFD"
        )
    if doc.source.encoding and REPAIRED_NOTE in doc.source.encoding:
        messages.append(
            f"{doc.source.location or 'the input'}: held mojibake (UTF-8 once read as Latin-1 or "
            "Windows-1252, such as 'â€™' for '’'); repaired before the analysis"
        )
    language = english_only_warning(detect_language(doc.text), analyses)
    if language:
        messages.append(language)
    return messages


def count_model_tokens(doc: Document, ctx: Context) -> dict[str, int]:
    """Token counts of the whole text for each model this run used (tokenizers only, no torch)."""
    from summarize.backends.tokens import count_tokens

    counts: dict[str, int] = {}
    for use in ctx.models_used.values():
        if use.id in counts:
            continue
        count = count_tokens(use.id, use.source, doc.text)
        if count is not None:
            counts[use.id] = count
    return counts


def settings_dict(settings: Settings) -> dict[str, Any]:
    return settings.recorded()


def analyze(
    text: str | Document,
    settings: Settings | None = None,
    *,
    context: Context | None = None,
    on_stage: StageCallback | None = None,
    **source_fields: Any,
) -> Report:
    """Analyse an article given as text (or an already built Document).

    Text longer than ``settings.input.max_chars`` is refused, as the CLI refuses it.

    >>> from summarize import analyze
    >>> report = analyze("Officials said the bridge reopened on Monday. ...")
    >>> report.to_dict()["stats"]["words"]
    """
    from summarize.document import Source
    from summarize.inputs.read import document_from_text

    ctx = context or Context(settings=settings or Settings())
    if isinstance(text, Document):
        doc = text
    else:
        started = time.perf_counter()
        doc = document_from_text(
            text, Source(kind="text", **source_fields), max_chars=ctx.settings.input.max_chars
        )
        read_seconds = time.perf_counter() - started
        report = run_analyses(doc, ctx, on_stage)
        report.provenance.timings = {"read": read_seconds, **report.provenance.timings}
        return report
    return run_analyses(doc, ctx, on_stage)
