"""Two articles' framing side by side, in Markdown (``summarize compare A B --format markdown``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.render import labels
from summarize.render.describe import figure_title, interval_text, terms_line
from summarize.render.markdown.escape import escape_markdown as esc
from summarize.render.markdown.escape import table_header

if TYPE_CHECKING:
    from summarize.compare import ActorNaming, Comparison


def _head(cmp: Comparison) -> list[str]:
    lines = [
        f"- **A:** {esc(cmp.title_a)} ({cmp.words_a:,} words): score {cmp.score_a:.2f}, "
        f"{cmp.biased_share_a:.0%} of sentences biased",
        f"- **B:** {esc(cmp.title_b)} ({cmp.words_b:,} words): score {cmp.score_b:.2f}, "
        f"{cmp.biased_share_b:.0%} of sentences biased",
        f"- **{labels.PROFILES_DIFFER}:** {cmp.profile_distance:.0%} (loaded language only)",
    ]
    for v in cmp.verdicts:
        a, b = interval_text(v)
        lines.append(f"- **{figure_title(v)}:** A {a}, B {b}. {v.text}")
    return lines


def _actors(actors: list[ActorNaming]) -> list[str]:
    lines = [
        "",
        f"## {labels.NAMING_ACTORS}",
        "",
        *table_header(
            (labels.ACTOR, "A: names", "A: framing nearby", "B: names", "B: framing nearby"), "lllll"
        ),
    ]
    for n in actors:
        lines.append(
            f"| {esc(n.actor)} | {esc(', '.join(n.names_a))} ×{n.mentions_a} | "
            f"{esc(', '.join(n.framing_a))} | {esc(', '.join(n.names_b))} ×{n.mentions_b} | "
            f"{esc(', '.join(n.framing_b))} |"
        )
    return lines


def render_compare(cmp: Comparison) -> str:
    lines = [f"# {labels.COMPARE_TITLE}", "", *_head(cmp), "", f"## {labels.COMPARE_BY_CATEGORY}", ""]
    lines += table_header((labels.LAYER, labels.CATEGORY, "A", "B", "A count", "B count"), "llrrrr")
    for c in cmp.categories:
        lines.append(
            f"| {labels.layer_name(c.layer)} | {esc(c.label)} | {c.per_1000_a:.1f} | {c.per_1000_b:.1f} | "
            f"{c.count_a} | {c.count_b} |"
        )
    lines += [
        "",
        f"## {labels.ONLY_ONE_USES}",
        "",
        f"- **{labels.ONLY_A}:** {esc(terms_line(cmp.only_a))}",
        f"- **{labels.ONLY_B}:** {esc(terms_line(cmp.only_b))}",
    ]
    if cmp.actors:
        lines += _actors(cmp.actors)
    return "\n".join(lines) + "\n"
