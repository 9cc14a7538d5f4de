"""Markdown to plain prose: headings, emphasis, links, images and code markers removed."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]*)`")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$")


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Return (plain text, title) where title is the first heading, if any."""
    markdown = _FRONT_MATTER.sub("", markdown)
    title: str | None = None
    lines: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or _RULE.match(line) or _REF_DEF.match(line):
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
            if title is None:
                title = _inline(line)
            # A heading is a block of its own.
            lines.extend(["", _inline(line), ""])
            continue
        line = _QUOTE.sub("", line)
        bullet = _LIST.match(line)
        line = ("- " + line[bullet.end() :]) if bullet else line
        lines.append(_inline(line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, title


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(2):
        line = _EMPHASIS.sub(r"\2", line)
    return line.rstrip()
