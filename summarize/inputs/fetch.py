"""Fetch an article over HTTP(S) with a timeout; every failure is one clear NetworkError."""

from __future__ import annotations

from summarize.errors import NetworkError

MAX_DOWNLOAD_BYTES = 20_000_000
_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


def fetch_url(url: str, *, timeout: float = 15.0) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL) or raise NetworkError.

    The content type is "" when the server sent none (the caller then sniffs the body).
    """
    check_url(url)
    import httpx

    headers = {"User-Agent": "summarize/0.1 (+news analysis tool)"}
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=timeout, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise NetworkError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(_ACCEPTED):
                raise NetworkError(f"{url}: the server sent {content_type}, not an HTML or text article")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_DOWNLOAD_BYTES:
                    raise NetworkError(f"{url}: larger than {MAX_DOWNLOAD_BYTES:,} bytes")
                chunks.append(chunk)
            return b"".join(chunks), content_type, str(response.url)
    except httpx.TimeoutException:
        raise NetworkError(f"{url}: timed out after {timeout:g} s (raise it with --timeout)") from None
    except httpx.InvalidURL as exc:
        raise NetworkError(f"{url}: not a valid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise NetworkError(
            f"{url}: cannot connect ({_reason(exc)}). Offline? Save the page and pass the file instead"
        ) from None


def check_url(url: str) -> None:
    """Refuse a malformed URL before any connection (or DNS lookup) is tried."""
    from urllib.parse import urlsplit

    if any(ch.isspace() for ch in url):
        raise NetworkError(f"{url!r}: not a valid URL (it contains white space; quote it or encode it)")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError as exc:
        raise NetworkError(f"{url}: not a valid URL ({exc})") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise NetworkError(f"{url}: not a valid URL (expected http://host/... or https://host/...)")


def _reason(exc: Exception) -> str:
    """The plain cause of a connection failure, without the exception class jargon when known."""
    text = str(exc)
    lowered = text.lower()
    if "refused" in lowered:
        return "connection refused: nothing is listening there"
    if (
        "name or service not known" in lowered
        or "nodename nor servname" in lowered
        or "name resolution" in lowered
    ):
        return "the host name could not be resolved"
    if "network is unreachable" in lowered:
        return "the network is unreachable"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
