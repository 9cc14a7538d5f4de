"""Drawing the framing section: the article highlighted by category, tables of counts and spans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.framing.section import FramingSection, FramingSpan

if TYPE_CHECKING:
    from rich.console import RenderableType

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


def highlighted_article(text: str, spans: list[FramingSpan], offset: int = 0) -> RenderableType:
    """The article with each span styled by its category; quoted framing is italic."""
    from rich.text import Text

    out = Text(text)
    for span in spans:
        # Devices are only underlined: they are shown for teaching, not counted as bias.
        base = "underline" if span.layer == "device" else style_for(span.category)
        style = base + (" italic" if span.in_quote else "")
        out.stylize(style, span.start - offset, span.end - offset)
    return out


def _legend(section: FramingSection) -> RenderableType:
    from rich.text import Text

    legend = Text()
    for name, stat in section.categories.items():
        legend.append(f" {stat.label} ", style=style_for(name))
        legend.append("  ")
    legend.append(
        "(italic: inside quoted speech; underlined only: framing devices, not counted)", style="dim"
    )
    return legend


def layer_name(layer: str) -> str:
    return "loaded language" if layer == "loaded" else "device (not counted)"


def measure_line(section: FramingSection) -> str:
    """The article-level figures with their intervals, loaded layer only."""
    m = section.measure
    if m is None:
        return ""
    d, b = m.loaded_per_1000_words, m.biased_share
    return (
        f"Loaded language: {d.value:.1f} per 1,000 words in the writer's voice "
        f"(95% CI {d.low:.1f}–{d.high:.1f}; "
        f"{m.voices.writer} spans, plus {m.voices.quoted} inside quotations) · sentences biased "
        f"{b.value:.0%} (95% CI {b.low:.0%}–{b.high:.0%}) · {m.devices} framing devices shown, not counted"
    )


def category_table(section: FramingSection) -> RenderableType:
    from rich.table import Table

    table = Table(title="Framing by category", title_justify="left", show_edge=False)
    table.add_column("Layer")
    table.add_column("Category")
    table.add_column("Count", justify="right")
    table.add_column("Per 1,000 words", justify="right")
    table.add_column("In quotes", justify="right")
    for name, stat in section.categories.items():
        table.add_row(
            layer_name(stat.layer),
            f"[{style_for(name)}]{stat.label}[/]",
            str(stat.count),
            f"{stat.per_1000_words:.1f}",
            str(stat.in_quotes),
        )
    return table


def span_list(section: FramingSection) -> RenderableType:
    """One line per span: words, category, voice, why, and the plainer alternative."""
    from rich.text import Text

    out = Text()
    out.append("Spans\n", style="italic")
    for span in section.spans:
        voice = (
            f"quoting {span.speaker}"
            if span.in_quote and span.speaker
            else ("quoted" if span.in_quote else "writer")
        )
        out.append("• ")
        out.append(span.text, style=style_for(span.category))
        out.append(f"  [{layer_name(span.layer)} · {span.category.replace('_', ' ')} · {voice}", style="dim")
        if span.confidence is not None:
            out.append(f" · confidence {span.confidence:.2f}", style="dim")
        out.append("] ", style="dim")
        out.append(span.explanation)
        if span.alternative:
            out.append(f" → {span.alternative}", style="green")
        out.append("\n")
    return out


def framing_renderable(section: FramingSection, report: Report) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    doc = report.document
    biased = sum(s.biased for s in section.sentences)
    loaded = sum(s.layer == "loaded" for s in section.spans)
    summary = Text(
        f"Framing score {section.document.score:.2f} · {biased} of {len(section.sentences)} sentences "
        f"decided biased ({section.document.biased_share:.0%}, threshold {section.threshold:.2f}, "
        f"scorer: {section.scorer}, calibration: {section.calibration}) · {loaded} loaded-language spans, "
        f"{len(section.spans) - loaded} framing devices",
        style="bold",
    )
    parts: list[RenderableType] = [summary]
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


def _md_cell(text: str) -> str:
    from summarize.render.markdown import escape_markdown

    return escape_markdown(text).replace("\n", " ")


def highlighted_markdown(text: str, spans: list[FramingSpan], offset: int = 0) -> str:
    """Article text escaped, each span in bold with an italic category tag after it."""
    from summarize.render.markdown import escape_markdown

    out: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: s.start):
        start, end = span.start - offset, span.end - offset
        if start < cursor:
            continue
        out.append(escape_markdown(text[cursor:start]))
        tag = span.category.replace("_", " ")
        if span.in_quote:
            tag += f", quoting {escape_markdown(span.speaker)}" if span.speaker else ", quoted"
        out.append(f"**{escape_markdown(text[start:end])}** _\\[{tag}\\]_")
        cursor = end
    out.append(escape_markdown(text[cursor:]))
    return "".join(out)


def framing_markdown(section: FramingSection, report: Report) -> str:
    doc = report.document
    biased = sum(s.biased for s in section.sentences)
    lines = [
        f"**Framing score:** {section.document.score:.2f} · **sentences decided biased:** {biased} of "
        f"{len(section.sentences)} ({section.document.biased_share:.0%}, threshold "
        f"{section.threshold:.2f}, scorer: {section.scorer}, calibration: {section.calibration}) · "
        f"**loaded-language spans:** {sum(s.layer == 'loaded' for s in section.spans)} · "
        f"**framing devices (not counted):** {sum(s.layer == 'device' for s in section.spans)}",
        "",
    ]
    if section.measure is not None:
        lines += [measure_line(section), ""]
    lines += [
        "| Layer | Category | Count | Per 1,000 words | In quotes |",
        "|---|---|---:|---:|---:|",
    ]
    for stat in section.categories.values():
        lines.append(
            f"| {layer_name(stat.layer)} | {_md_cell(stat.label)} | {stat.count} | "
            f"{stat.per_1000_words:.1f} | {stat.in_quotes} |"
        )
    lines += ["", "### Article, highlighted", ""]
    for paragraph in doc.paragraphs:
        inside = [s for s in section.spans if paragraph.start <= s.start and s.end <= paragraph.end]
        lines += [
            highlighted_markdown(doc.text[paragraph.start : paragraph.end], inside, paragraph.start),
            "",
        ]
    if section.spans:
        lines += [
            "### Spans",
            "",
            "| Words | Layer | Category | Why | Instead | Voice | Confidence |",
            "|---|---|---|---|---|---|---:|",
        ]
        for span in section.spans:
            voice = (span.speaker or "quoted") if span.in_quote else "writer"
            confidence = f"{span.confidence:.2f}" if span.confidence is not None else ""
            lines.append(
                f"| {_md_cell(span.text)} | {layer_name(span.layer)} | "
                f"{_md_cell(span.category.replace('_', ' '))} | "
                f"{_md_cell(span.explanation)} | {_md_cell(span.alternative or '')} | {_md_cell(voice)} | "
                f"{confidence} |"
            )
    return "\n".join(lines) + "\n"
