"""Fetch an article over HTTP(S) with a timeout; every failure is one clear NetworkError."""

from __future__ import annotations

from summarize.errors import NetworkError

MAX_DOWNLOAD_BYTES = 20_000_000
_ACCEPTED = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


def fetch_url(url: str, *, timeout: float = 15.0) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL) or raise NetworkError."""
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
                raise NetworkError(
                    f"{url}: the server sent {content_type}, not an HTML or text article"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_DOWNLOAD_BYTES:
                    raise NetworkError(f"{url}: larger than {MAX_DOWNLOAD_BYTES:,} bytes")
                chunks.append(chunk)
            return b"".join(chunks), content_type or "text/html", str(response.url)
    except httpx.TimeoutException:
        raise NetworkError(f"{url}: timed out after {timeout:g} s (raise it with --timeout)") from None
    except httpx.InvalidURL as exc:
        raise NetworkError(f"{url}: not a valid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise NetworkError(
            f"{url}: cannot connect ({type(exc).__name__}: {exc}). Offline? Save the page and pass the file"
        ) from None
