"""The sentiment section in the terminal: article score, arc, actors, driving words, polar sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.render import labels
from summarize.render.describe import (
    POLAR_SENTENCE_CHARS,
    actor_method_note,
    sparkline,
    top_contributions,
)

if TYPE_CHECKING:
    from summarize.report import Report
    from summarize.sentiment.section import ActorSentiment, SentimentSection


def _style(score: float, band: float) -> str:
    return "green" if score >= band else "red" if score <= -band else "yellow"


def _article(section: SentimentSection) -> list[RenderableType]:
    band = section.neutral_band
    doc_line = Text()
    doc_line.append(f"{labels.SENTIMENT_ARTICLE}: ", style="bold")
    doc_line.append(
        f"{section.document.score:+.2f} {section.document.label}", style=_style(section.document.score, band)
    )
    doc_line.append(f"   backend {section.backend} · {section.model}", style="dim")
    arc = Text(f"{labels.SENTIMENT_ARC}: ", style="bold")
    for sentence in section.sentences:
        arc.append(sparkline([sentence.score]), style=_style(sentence.score, band))
    arc.append(f"  ({len(section.sentences)} sentences, first to last)", style="dim")
    return [doc_line, arc]


def _actor_name(actor: ActorSentiment) -> Text:
    name = Text(actor.name, style="bold")
    aliases = [a for a in actor.aliases if a != actor.name]
    if aliases:
        name.append(f" ({', '.join(aliases)})", style="dim")
    return name


def _evidence(actor: ActorSentiment) -> Text:
    evidence = Text()
    for k, e in enumerate(actor.evidence):
        if k:
            evidence.append("; ")
        evidence.append(f"#{e.sentence + 1} ", style="dim")
        evidence.append(f"{e.contribution:+.2f}", style=_style(e.contribution, 0.01))
        if e.words:
            evidence.append(" " + ", ".join(e.words[:2]))
    return evidence


def _actors(section: SentimentSection) -> list[RenderableType]:
    if not section.actors:
        return []
    table = Table(title=labels.ACTORS, title_justify="left", show_edge=False, pad_edge=False)
    actor, kind, mentions, score, driven_by = labels.ACTOR_COLUMNS_TERMINAL
    table.add_column(actor, ratio=3)
    table.add_column(kind, style="dim", no_wrap=True)
    table.add_column(mentions, justify="right", no_wrap=True)
    table.add_column(score, justify="right", no_wrap=True)
    table.add_column(driven_by, ratio=3)
    for a in section.actors:
        table.add_row(
            _actor_name(a),
            a.kind,
            str(a.mentions),
            Text(f"{a.score:+.2f} {a.label}", style=_style(a.score, section.neutral_band)),
            _evidence(a),
        )
    methods = sorted({a.method for a in section.actors})
    return [table, Text(f"{labels.ACTOR_SCORES}: {actor_method_note(methods)}", style="dim")]


def _words(section: SentimentSection) -> Text:
    words = Text()
    width = max(len(labels.PUSHED_UP), len(labels.PUSHED_DOWN)) + 2  # the words line up after "label: "
    for label, sign, style in ((labels.PUSHED_UP, 1, "green"), (labels.PUSHED_DOWN, -1, "red")):
        top = top_contributions(section, sign)
        words.append(f"{label + ':':<{width}}", style="bold")
        if top:
            for k, c in enumerate(top):
                if k:
                    words.append(", ")
                words.append(c.text, style=style)
                words.append(f" {c.weight:+.2f}", style="dim")
        else:
            words.append("none", style="dim")
        words.append("\n")
    words.append(f"Explained by {section.explanation}.", style="dim")
    return words


def _polar(section: SentimentSection, report: Report) -> list[RenderableType]:
    from summarize.text.clip import clip_words

    polar = sorted(section.sentences, key=lambda s: -abs(s.score))[:3]
    if not polar or not report.sentences:
        return []
    lines = Table.grid(padding=(0, 1))
    lines.add_column(justify="right", style="dim")
    lines.add_column(justify="right")
    lines.add_column()
    for s in polar:
        text = report.sentences[s.index].text
        lines.add_row(
            f"#{s.index + 1}",
            Text(f"{s.score:+.2f}", style=_style(s.score, section.neutral_band)),
            Text(clip_words(text, POLAR_SENTENCE_CHARS)),
        )
    return [Text(labels.MOST_POLAR_SENTENCES, style="bold"), lines]


def render(section: SentimentSection, report: Report) -> RenderableType:
    return Group(*_article(section), *_actors(section), _words(section), *_polar(section, report))
