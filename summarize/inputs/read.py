"""Read an article from a path, stdin or URL into a ``Document``.

Every input kind ends in the same place: decoded text plus a ``Source`` that
keeps what was learnt on the way (title, date, encoding), then one call to
``build_document``.
"""

from __future__ import annotations

import stat
import sys
from dataclasses import replace
from pathlib import Path

from summarize.document import Document, Source, build_document
from summarize.errors import EmptyInputError, InputError, UsageError
from summarize.inputs.decode import decode_bytes
from summarize.inputs.mojibake import REPAIRED_NOTE, repair_mojibake
from summarize.inputs.settings import DEFAULT_MAX_CHARS, DEFAULT_URL_TIMEOUT

# The limit and the costs measured at it: see summarize/inputs/settings.py.
REPORT_CPU_SECONDS_PER_MB = 275  # at the default limit, cold start included
REPORT_PEAK_MEMORY_MB = 1_395  # at the default limit
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def read_article(
    source: str,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout: float = DEFAULT_URL_TIMEOUT,
    stdin_bytes: bytes | None = None,
) -> Document:
    """Read ``source`` ("-" for stdin, a URL or a path) into a Document."""
    if source == "-":
        data = stdin_bytes if stdin_bytes is not None else _read_stdin(max_chars * 4 + 1024)
        return document_from_bytes(data, Source(kind="stdin", location="-"), max_chars=max_chars)
    if source.startswith(("http://", "https://")):
        from summarize.inputs.fetch import fetch_url

        data, content_type, final_url = fetch_url(source, timeout=timeout)
        kind = _kind_of_content_type(content_type)
        return document_from_bytes(
            data, Source(kind="url", location=final_url, content_type=kind), max_chars=max_chars
        )
    return read_path(Path(source), max_chars=max_chars)


def read_path(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            f"{name}: is a directory; give one article, or use `summarize batch {name} --out results.jsonl`"
        )
    # Bytes can exceed characters (UTF-8, UTF-16), so allow some slack before reading.
    if info.st_size > max_chars * 4 + 1024:
        raise InputError(_too_large(name, info.st_size, max_chars))
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        content_type = "html"
    elif suffix in MARKDOWN_SUFFIXES:
        content_type = "markdown"
    else:
        content_type = None  # sniffed from the content
    return document_from_bytes(
        data,
        Source(kind="file", location=name, content_type=content_type),
        max_chars=max_chars,
    )


def document_from_bytes(data: bytes, source: Source, *, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    name = display_name(source)
    if not data:
        raise EmptyInputError(f"{name}: is empty")
    text, encoding = decode_bytes(data, name)
    return document_from_text(text, replace(source, encoding=encoding), max_chars=max_chars)


def document_from_text(
    text: str, source: Source | None = None, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Document:
    """Build a Document from already-decoded text (HTML and Markdown are converted first)."""
    source = source or Source(kind="text")
    name = display_name(source)
    if max_chars <= 0:
        raise UsageError("--max-chars must be a positive number")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text, repaired = repair_mojibake(text)
    if repaired:
        source = replace(source, encoding=f"{source.encoding or 'text'}, {REPAIRED_NOTE}")
    content_type = source.content_type or sniff_content_type(text)
    text, source = _converted(text, source, content_type, name)
    if not text.strip():
        raise EmptyInputError(f"{name}: contains only white space")
    if len(text) > max_chars:
        raise InputError(_too_large(name, len(text), max_chars, unit="characters"))
    title = source.title if source.title is not None else _first_line_title(text)
    return build_document(text, replace(source, content_type=content_type, title=title))


def _converted(text: str, source: Source, content_type: str, name: str) -> tuple[str, Source]:
    """The text of HTML or Markdown, with the title, date and author they give when the source has none."""
    if content_type == "html":
        from summarize.inputs.html import extract_html

        extracted = extract_html(text, url=source.location if source.kind == "url" else None)
        if extracted.text is None or not extracted.text.strip():
            raise EmptyInputError(
                f"{name}: no article text found in this HTML (only scripts, menus or boilerplate)"
            )
        found = replace(
            source,
            title=source.title or extracted.title,
            date=source.date or extracted.date,
            author=source.author or extracted.author,
        )
        return extracted.text, found
    if content_type == "markdown":
        from summarize.inputs.markdown import markdown_to_text

        text, md_title = markdown_to_text(text)
        return text, replace(source, title=source.title or md_title)
    return text, source


def _kind_of_content_type(content_type: str) -> str | None:
    """The input kind (html, markdown or text) of an HTTP content type; None (sniff) when absent."""
    if "html" in content_type:
        return "html"
    if "markdown" in content_type:
        return "markdown"
    return "text" if content_type else None


def sniff_content_type(text: str) -> str:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    return "text"


def _first_line_title(text: str) -> str | None:
    """A short first line without final punctuation is taken as the headline."""
    first = text.strip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 150 and first[-1] not in '.!?,;:"”' and "\n" in text.strip():
        return first
    return None


def _too_large(name: str, size: int, max_chars: int, unit: str = "bytes") -> str:
    return (
        f"{name}: too large ({size:,} {unit}; the limit is {max_chars:,} characters). {cost_note()}. "
        f"Split the file, or raise the limit with --max-chars {max(size, max_chars * 2)} "
        "(progress is shown per stage)"
    )


def cost_note() -> str:
    """What a long input costs, as measured (see DEFAULT_MAX_CHARS)."""
    return (
        f"A full report measured {REPORT_CPU_SECONDS_PER_MB:,} s of CPU per MB of text here (2 cores) "
        f"and {REPORT_PEAK_MEMORY_MB:,} MB of memory at {DEFAULT_MAX_CHARS / 1_000_000:g} MB, "
        "and more per MB beyond"
    )


def _read_stdin(max_bytes: int) -> bytes:
    if sys.stdin is None or (sys.stdin.isatty() if hasattr(sys.stdin, "isatty") else False):
        raise UsageError("no input: give a file, a URL, or pipe text to `summarize -`")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        # Read one byte past the limit, not the whole pipe: memory stays bounded.
        data: bytes = buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(
                f"-: too large (more than {max_bytes:,} bytes on standard input). {cost_note()}. "
                "Split the input, or raise the limit with --max-chars N (progress is shown per stage)"
            )
        return data
    return sys.stdin.read().encode("utf-8")


def display_name(source: Source) -> str:
    """How error messages name an input: its path or URL, or "standard input"."""
    if source.kind == "stdin":
        return "standard input"
    return source.location or "<input>"
