"""The sentiment section in Markdown: article score, arc, actors table, driving words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.render import labels
from summarize.render.describe import actor_method_note, sparkline, top_contributions
from summarize.render.markdown.escape import escape_markdown as esc
from summarize.render.markdown.escape import table_header

if TYPE_CHECKING:
    from summarize.report import Report
    from summarize.sentiment.section import ActorSentiment, SentimentSection


def _actor_row(a: ActorSentiment) -> str:
    evidence = "; ".join(
        f"#{e.sentence + 1} {e.contribution:+.2f} {esc(', '.join(e.words[:3]))}".rstrip() for e in a.evidence
    )
    aliases = esc(", ".join(x for x in a.aliases if x != a.name))
    return (
        f"| {esc(a.name)} | {a.kind} | {a.mentions} | {a.score:+.2f} {a.label} | {aliases} "
        f"| {evidence} |"
    )


def _actors(section: SentimentSection) -> list[str]:
    if not section.actors:
        return []
    lines = table_header(labels.ACTOR_COLUMNS_MARKDOWN, "llrrll")
    lines += [_actor_row(a) for a in section.actors]
    methods = sorted({a.method for a in section.actors})
    return [*lines, "", f"_{labels.ACTOR_SCORES}: {actor_method_note(methods)}._", ""]


def render(section: SentimentSection, report: Report) -> str:
    lines = [
        f"**{labels.SENTIMENT_ARTICLE}:** {section.document.score:+.2f} ({section.document.label}) · "
        f"backend `{section.backend}` · model {esc(section.model)}",
        "",
        f"**{labels.SENTIMENT_ARC}** ({len(section.sentences)} sentences): "
        f"`{sparkline([s.score for s in section.sentences])}`",
        "",
        *_actors(section),
    ]
    for label, sign in ((labels.PUSHED_UP, 1), (labels.PUSHED_DOWN, -1)):
        top = top_contributions(section, sign)
        shown = ", ".join(f"{esc(c.text)} ({c.weight:+.2f}, #{c.sentence + 1})" for c in top) or "none"
        lines.append(f"- **{label}:** {shown}")
    lines += ["", f"_Explained by {esc(section.explanation)}._"]
    return "\n".join(lines) + "\n"
