"""Main-text extraction from HTML with trafilatura (boilerplate, menus and scripts dropped)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExtractedHtml:
    text: str | None
    title: str | None
    date: str | None
    author: str | None


def extract_html(html: str, url: str | None = None) -> ExtractedHtml:
    import trafilatura

    # favor_recall keeps short articles that precision mode would discard as boilerplate.
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        with_metadata=True,
    )
    if doc is None:
        return ExtractedHtml(None, None, None, None)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text")
    if text:
        # trafilatura separates paragraphs by single newlines; our splitter wants blank lines.
        text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
        if _only_menu_items(text):
            text = None  # a page of menus and links: no article to analyse
    return ExtractedHtml(
        text=text,
        title=data.get("title") or None,
        date=data.get("date") or None,
        author=data.get("author") or None,
    )


def _only_menu_items(text: str) -> bool:
    """Menus survive extraction as short link labels; an article has at least one real sentence."""
    lines = text.split("\n\n")
    return all(len(line.split()) <= 3 and line[-1:] not in ".!?…\"”'’" for line in lines)
