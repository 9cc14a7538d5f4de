"""The framing section in the terminal: the article highlighted by category, tables of counts and spans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.render import labels
from summarize.render.describe import counted, measure_line

if TYPE_CHECKING:
    from summarize.framing.section import FramingSection, FramingSpan
    from summarize.report import Report

CATEGORY_STYLES = {
    "loaded": "bold red",
    "euphemism": "bold magenta",
    "actor_label": "bold yellow",
    "conflict": "bold dark_orange",
    "intensifier": "bold cyan",
    "hedge": "bold blue",
    "factive": "bold green",
    "attribution": "bold bright_green",
    "implicative": "bold bright_magenta",
    "presupposition": "bold bright_red",
    "scare_quote": "bold bright_yellow",
    "so_called": "bold bright_yellow",
    "agentless_passive": "bold bright_blue",
    "flagged_word": "underline",
}
_OTHER_STYLE = "bold white on grey23"


def style_for(category: str) -> str:
    return CATEGORY_STYLES.get(category, _OTHER_STYLE)


def highlighted_article(text: str, spans: list[FramingSpan], offset: int = 0) -> Text:
    """The article with each span styled by its category; quoted framing is italic."""
    out = Text(text)
    for span in spans:
        # Devices are only underlined: they are shown for teaching, not counted as bias.
        base = "underline" if span.layer == "device" else style_for(span.category)
        style = base + (" italic" if span.in_quote else "")
        out.stylize(style, span.start - offset, span.end - offset)
    return out


def _legend(section: FramingSection) -> Text:
    legend = Text()
    for name, stat in section.categories.items():
        legend.append(f" {stat.label} ", style=style_for(name))
        legend.append("  ")
    legend.append(
        "(italic: inside quoted speech; underlined only: framing devices, not counted)", style="dim"
    )
    return legend


def category_table(section: FramingSection) -> Table:
    table = Table(title=labels.FRAMING_BY_CATEGORY, title_justify="left", show_edge=False)
    layer, category, count, per_1000, in_quotes = labels.CATEGORY_COLUMNS
    table.add_column(layer)
    table.add_column(category)
    table.add_column(count, justify="right")
    table.add_column(per_1000, justify="right")
    table.add_column(in_quotes, justify="right")
    for name, stat in section.categories.items():
        table.add_row(
            labels.layer_name(stat.layer),
            f"[{style_for(name)}]{stat.label}[/]",
            str(stat.count),
            f"{stat.per_1000_words:.1f}",
            str(stat.in_quotes),
        )
    return table


def _voice(span: FramingSpan) -> str:
    if span.in_quote and span.speaker:
        return f"quoting {span.speaker}"
    return "quoted" if span.in_quote else "writer"


def span_list(section: FramingSection) -> Text:
    """One line per span: words, category, voice, why, and the plainer alternative."""
    out = Text()
    out.append(f"{labels.SPANS}\n", style="italic")
    for span in section.spans:
        out.append("• ")
        out.append(span.text, style=style_for(span.category))
        out.append(
            f"  [{labels.layer_name(span.layer)} · {labels.category_name(span.category)} · {_voice(span)}",
            style="dim",
        )
        if span.confidence is not None:
            out.append(f" · confidence {span.confidence:.2f}", style="dim")
        out.append("] ", style="dim")
        out.append(span.explanation)
        if span.alternative:
            out.append(f" → {span.alternative}", style="green")
        out.append("\n")
    return out


def _score_line(section: FramingSection) -> Text:
    biased = sum(s.biased for s in section.sentences)
    loaded = sum(s.layer == "loaded" for s in section.spans)
    return Text(
        f"{labels.FRAMING_SCORE} {section.document.score:.2f} · {biased} of {len(section.sentences)} "
        f"{labels.BIASED_SENTENCES.lower()} ({section.document.biased_share:.0%}, threshold "
        f"{section.threshold:.2f}, scorer: {section.scorer}, calibration: {section.calibration}) · "
        f"{counted(loaded, labels.LOADED_TERMS.lower())}, "
        f"{counted(len(section.spans) - loaded, labels.LAYER_TITLES['device'].lower())}",
        style="bold",
    )


def render(section: FramingSection, report: Report) -> RenderableType:
    doc = report.document
    parts: list[RenderableType] = [_score_line(section)]
    if section.measure is not None:
        parts.append(Text(measure_line(section)))
    parts += [category_table(section), _legend(section), Text("")]
    for paragraph in doc.paragraphs:
        inside = [s for s in section.spans if paragraph.start <= s.start and s.end <= paragraph.end]
        parts.append(highlighted_article(doc.text[paragraph.start : paragraph.end], inside, paragraph.start))
        parts.append(Text(""))
    if section.spans:
        parts.append(span_list(section))
    return Group(*parts)
