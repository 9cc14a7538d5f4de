"""Two articles' framing side by side, in the terminal (``summarize compare A B``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.render import labels
from summarize.render.describe import figure_title, interval_text, terms_line
from summarize.render.terminal.framing import style_for
from summarize.render.terminal.report import as_text

if TYPE_CHECKING:
    from summarize.compare import ActorNaming, Comparison


def _head(cmp: Comparison) -> Table:
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold cyan")
    head.add_column()
    head.add_row("A", Text(f"{cmp.title_a} ({cmp.words_a:,} words)"))
    head.add_row("B", Text(f"{cmp.title_b} ({cmp.words_b:,} words)"))
    head.add_row(
        labels.SCORE,
        Text(
            f"A {cmp.score_a:.2f} ({cmp.biased_share_a:.0%} of sentences biased) · "
            f"B {cmp.score_b:.2f} ({cmp.biased_share_b:.0%})"
        ),
    )
    head.add_row(
        labels.PROFILES_DIFFER,
        Text(f"{cmp.profile_distance:.0%} (share of loaded language in other categories)"),
    )
    for v in cmp.verdicts:
        a, b = interval_text(v)
        head.add_row(figure_title(v), Text(f"A {a} · B {b} · {v.text}"))
    return head


def _categories(cmp: Comparison) -> Table:
    table = Table(title=labels.COMPARE_BY_CATEGORY, title_justify="left", show_edge=False)
    table.add_column(labels.CATEGORY)
    table.add_column("A", justify="right")
    table.add_column("B", justify="right")
    table.add_column("A count", justify="right")
    table.add_column("B count", justify="right")
    for c in cmp.categories:
        table.add_row(
            Text(c.label + ("" if c.layer == "loaded" else labels.DEVICE_SUFFIX), style=style_for(c.name)),
            f"{c.per_1000_a:.1f}",
            f"{c.per_1000_b:.1f}",
            str(c.count_a),
            str(c.count_b),
        )
    return table


def _naming(names: list[str], mentions: int, framing: list[str]) -> Text:
    return Text(f"{', '.join(names)} ×{mentions}" + (f" · {', '.join(framing)}" if framing else ""))


def _actors(actors: list[ActorNaming]) -> Table:
    table = Table(title=labels.NAMING_ACTORS, title_justify="left", show_edge=False, expand=True)
    table.add_column(labels.ACTOR)
    table.add_column("A: names · framing nearby", ratio=1)
    table.add_column("B: names · framing nearby", ratio=1)
    for n in actors:
        table.add_row(
            Text(n.actor),
            _naming(n.names_a, n.mentions_a, n.framing_a),
            _naming(n.names_b, n.mentions_b, n.framing_b),
        )
    return table


def render_compare(cmp: Comparison) -> RenderableType:
    terms = Table(title=labels.ONLY_ONE_USES, title_justify="left", show_edge=False, expand=True)
    terms.add_column(labels.ONLY_A, ratio=1)
    terms.add_column(labels.ONLY_B, ratio=1)
    terms.add_row(Text(terms_line(cmp.only_a)), Text(terms_line(cmp.only_b)))
    parts: list[RenderableType] = [_head(cmp), _categories(cmp), terms]
    if cmp.actors:
        parts.append(_actors(cmp.actors))
    return Group(*parts)


def render_compare_text(cmp: Comparison) -> str:
    """The compare view as plain text, for files and pipes."""
    return as_text(render_compare(cmp))
