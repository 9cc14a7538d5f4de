"""Readability: who an article is for, from correct counts, offline, explained in words.

``run`` measures the article and, when the summary analysis ran in the same pipeline
(it is declared in ``NEEDS``, so it runs first), the summary too, so an editor sees
whether the summary is easier to read. Passive sentences come from the framing
analysis when it ran and reports passive spans. No model, no network, no textstat import.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from summarize.document import Document, build_document
from summarize.needs import Needs
from summarize.readability.figures import ReadabilityFigures, readability_of

if TYPE_CHECKING:
    from summarize.context import Context
    from summarize.framing.section import FramingSection
    from summarize.settings import Settings
    from summarize.summary.section import SummarySection

__all__ = [
    "PassiveSentences",
    "ReadabilityFigures",
    "ReadabilitySection",
    "readability_of",
    "run",
]


@dataclass(frozen=True, slots=True)
class PassiveSentences:
    count: int
    share: float | None  # of the prose sentences
    sentences: list[int]  # indices into the document's sentences


@dataclass(frozen=True, slots=True)
class ReadabilitySection(ReadabilityFigures):
    passive_sentences: PassiveSentences | None = None  # None when framing did not run
    summary: ReadabilityFigures | None = None  # None when the summary analysis did not run


def summary_document(summary: SummarySection | None) -> Document | None:
    """The summary's sentences as a Document, one sentence per paragraph so none merge."""
    if summary is None:
        return None
    texts = [text for s in summary.sentences if (text := s.text.strip())]
    return build_document("\n\n".join(texts)) if texts else None


def passive_sentences(
    framing: FramingSection | None, doc: Document, prose_sentences: int
) -> PassiveSentences | None:
    """Sentences holding a passive span found by the framing analysis (category naming "passive")."""
    if framing is None:
        return None
    indices = {
        sentence
        for span in framing.spans
        if "passive" in span.category.lower() and (sentence := doc.sentence_at(span.start)) is not None
    }
    ordered = sorted(indices)
    return PassiveSentences(
        count=len(ordered),
        share=len(ordered) / prose_sentences if prose_sentences else None,
        sentences=ordered,
    )


# The summary's readability beside the article's; passive sentences from framing's spans.
NEEDS = Needs(sections=("summary", "framing"))


def needs(settings: Settings) -> Needs:
    return NEEDS


def run(doc: Document, ctx: Context) -> ReadabilitySection:
    settings = ctx.settings.readability
    previous = ctx.sections  # the declared sections that ran before this one
    article = readability_of(doc, settings)
    summary_doc = summary_document(previous.summary)
    return ReadabilitySection(
        **{f.name: getattr(article, f.name) for f in fields(ReadabilityFigures)},
        passive_sentences=passive_sentences(previous.framing, doc, article.counts.sentences),
        summary=readability_of(summary_doc, settings) if summary_doc is not None else None,
    )
