"""Reading articles: files of each kind, stdin, encodings, refusals, and URLs from a local server."""

from __future__ import annotations

import codecs
import contextlib
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.errors import EmptyInputError, ExitCode, InputError, NetworkError
from summarize.inputs.read import read_article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EARNINGS_TXT = SAMPLES / "04-lumenarc-quarterly-earnings.txt"
EARNINGS_MD = SAMPLES / "04-lumenarc-quarterly-earnings.md"
EARNINGS_HTML = SAMPLES / "04-lumenarc-quarterly-earnings.html"
HEADLINE = "LumenArc Shares Jump 14% as Cloud Sales Beat Forecasts"

TINY_PAGE = (
    "<!DOCTYPE html><html><head><title>Bridge Reopens</title></head><body>"
    "<article><h1>Bridge Reopens</h1>"
    "<p>The Mill Creek bridge reopened on Monday after two years of repairs, officials said.</p>"
    "</article></body></html>"
)
# A paragraph with accents, a pound sign and (for cp1252) curly quotes and a dash.
LATIN_TEXT = (
    "Café owners in Zürich and Kraków paid £400 more this year, façade repairs included.\n\n"
    "Mr. Müller said the rise was “too much” and that he won’t pay it — not again.\n"
)


def body_paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").strip().split("\n\n")[1:]


# --- files of each kind -----------------------------------------------------------------------


def test_txt_file_keeps_the_text_and_takes_the_headline_as_title() -> None:
    doc = read_article(str(EARNINGS_TXT))
    assert doc.text == EARNINGS_TXT.read_text(encoding="utf-8")  # verbatim: offsets index the file
    assert doc.source.kind == "file"
    assert doc.source.location == str(EARNINGS_TXT)
    assert doc.source.content_type == "text"
    assert doc.source.encoding == "utf-8"
    assert doc.source.title == HEADLINE
    assert doc.sentences[0].text == HEADLINE
    assert len(doc.sentences) > 20


def test_markdown_file_is_turned_into_plain_prose() -> None:
    doc = read_article(str(EARNINGS_MD))
    assert doc.source.content_type == "markdown"
    assert doc.source.title == HEADLINE
    for marker in ("**", "](", "# ", "---", "_Related"):
        assert marker not in doc.text
    assert "LumenArc Inc., the maker" in doc.text  # emphasis removed, words kept
    assert "research firm FactBridge" in doc.text  # link text kept, URL dropped
    for paragraph in body_paragraphs(EARNINGS_TXT):
        assert paragraph in doc.text


def test_html_page_keeps_the_article_and_drops_the_page_furniture() -> None:
    doc = read_article(str(EARNINGS_HTML))
    assert doc.source.content_type == "html"
    assert doc.source.title == HEADLINE
    assert doc.source.date == "2025-10-23"
    assert doc.source.author == "Maya Lindqvist"
    for paragraph in body_paragraphs(EARNINGS_TXT):
        assert paragraph in doc.text
    furniture = ("dataLayer", "querySelectorAll", "Subscribe for $1", "All rights reserved", "Privacy policy")
    for piece in furniture:
        assert piece not in doc.text
    # Paragraphs survive extraction as paragraphs.
    assert len(doc.paragraphs) >= len(body_paragraphs(EARNINGS_TXT))


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_tiny_html_page_with_one_article(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bridge{suffix}"
    path.write_text(TINY_PAGE, encoding="utf-8")
    doc = read_article(str(path))
    assert doc.source.title == "Bridge Reopens"
    assert "The Mill Creek bridge reopened on Monday after two years of repairs, officials said." in doc.text
    assert "<" not in doc.text


def test_html_is_sniffed_when_the_suffix_does_not_say(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_text(TINY_PAGE, encoding="utf-8")
    doc = read_article(str(path))
    assert doc.source.content_type == "html"
    assert "<p>" not in doc.text and "Mill Creek bridge reopened" in doc.text


def test_html_without_an_article_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><script>track();</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(EmptyInputError, match="no article text"):
        read_article(str(path))


def test_windows_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Council Votes\r\n\r\nThe council met. It voted.\r\n")
    doc = read_article(str(path))
    assert "\r" not in doc.text
    assert [s.text for s in doc.sentences] == ["Council Votes", "The council met.", "It voted."]


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_bytes_are_read_like_a_file() -> None:
    data = EARNINGS_TXT.read_bytes()
    doc = read_article("-", stdin_bytes=data)
    assert doc.source.kind == "stdin"
    assert doc.source.location == "-"
    assert doc.text == data.decode("utf-8")
    assert doc.source.title == HEADLINE


def test_stdin_html_is_extracted() -> None:
    doc = read_article("-", stdin_bytes=TINY_PAGE.encode("utf-8"))
    assert doc.source.content_type == "html"
    assert doc.source.title == "Bridge Reopens"


# --- encodings ----------------------------------------------------------------------------------


def _encoded(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-bom", "utf-8 (BOM)"),
        ("utf-16-le-bom", "utf-16 (BOM)"),
        ("utf-16-be-bom", "utf-16 (BOM)"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1252", "cp1252"),
    ],
)
def test_text_encodings_are_detected(tmp_path: Path, encoding: str, reported: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(_encoded(LATIN_TEXT, encoding))
    doc = read_article(str(path))
    assert doc.text == LATIN_TEXT
    assert doc.source.encoding == reported
    assert "\ufeff" not in doc.text


def test_latin_1_is_detected(tmp_path: Path) -> None:
    # Latin-1 has no curly quotes or dashes; cp1252 is its superset and decodes it identically.
    text = LATIN_TEXT.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
    text = text.replace("Kraków", "Cracow")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = read_article(str(path))
    assert doc.text == text
    assert doc.source.encoding in {"latin-1", "iso8859-1", "cp1252"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The café opened.",
        "Señor García said no.",
        "Prices rose 5 € today.",
    ],
)
def test_short_legacy_encoded_texts_decode(tmp_path: Path, sentence: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(sentence.encode("cp1252"))
    assert read_article(str(path)).text == sentence


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Minister powiedział w środę, że rozmowy będą kontynuowane. Zażółć gęślą jaźń.", "cp1250"),
        ("Министр заявил в среду, что переговоры продолжатся в пятницу.", "cp1251"),
        ("Η κυβέρνηση είπε ότι οι συνομιλίες θα συνεχιστούν την Τετάρτη.", "cp1253"),
    ],
)
def test_other_code_pages_win_on_evidence(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_article(str(path))
    assert doc.text == text
    assert doc.source.encoding == encoding


def test_utf8_with_a_stray_legacy_byte_keeps_the_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Zürich and Kraków agreed. ".encode() + b"Caf\xe9 prices rose.")
    doc = read_article(str(path))
    assert "Zürich and Kraków agreed." in doc.text
    assert doc.source.encoding is not None and "replaced" in doc.source.encoding


# --- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(64), "zip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x1f\x8b\x08\x00" + bytes(32), "gzip"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 20, "binary"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=kind) as info:
        read_article(str(path))
    assert str(path) in info.value.message
    assert info.value.exit_code == ExitCode.INPUT


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\n  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n", "  \n ".encode("utf-16")],
    ids=["empty", "white-space", "bom-only", "bom-and-newlines", "utf16-white-space"],
)
def test_empty_and_blank_files_are_empty_input(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    with pytest.raises(EmptyInputError) as info:
        read_article(str(path))
    assert str(path) in info.value.message
    assert info.value.exit_code == ExitCode.EMPTY


def test_empty_stdin_is_empty_input() -> None:
    with pytest.raises(EmptyInputError):
        read_article("-", stdin_bytes=b"")


def test_blank_markdown_is_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text("---\ntitle: x\n---\n\n---\n\n", encoding="utf-8")
    with pytest.raises(EmptyInputError):
        read_article(str(path))


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory") as info:
        read_article(str(tmp_path))
    assert info.value.exit_code == ExitCode.INPUT


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="no such file") as info:
        read_article(str(missing))
    assert str(missing) in info.value.message


def test_too_large_text_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("The council met again. " * 50, encoding="utf-8")
    with pytest.raises(InputError, match="too large") as info:
        read_article(str(path), max_chars=200)
    assert "--max-chars" in info.value.message
    # The same file is fine under a limit it fits.
    assert read_article(str(path), max_chars=10_000).sentences


def test_too_large_file_is_refused_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * 5_000)
    with pytest.raises(InputError, match="too large"):
        read_article(str(path), max_chars=100)


def test_too_large_stdin_is_refused() -> None:
    with pytest.raises(InputError, match="too large"):
        read_article("-", stdin_bytes=b"The council met again. " * 50, max_chars=200)


# --- URLs, against a local server ----------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    release = threading.Event()  # set at teardown so a slow handler does not outlive the test

    def do_GET(self) -> None:
        if self.path == "/article.html":
            self._send(200, "text/html; charset=utf-8", EARNINGS_HTML.read_bytes())
        elif self.path == "/plain.txt":
            self._send(200, "text/plain; charset=utf-8", EARNINGS_TXT.read_bytes())
        elif self.path == "/latin1.txt":
            self._send(200, "text/plain", LATIN_TEXT.encode("cp1252"))
        elif self.path in ("/untyped.txt", "/untyped.html"):
            body = EARNINGS_TXT.read_bytes() if self.path.endswith(".txt") else TINY_PAGE.encode()
            self.send_response(200)  # and no Content-Type header at all
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/article.md":
            self._send(200, "text/markdown; charset=utf-8", EARNINGS_MD.read_bytes())
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32))
        elif self.path == "/broken":
            self._send(500, "text/html", b"<html><body>oops</body></html>")
        elif self.path == "/slow":
            self.release.wait(5)
            self._send(200, "text/html", TINY_PAGE.encode())
        else:
            self._send(404, "text/html", b"<html><body>Not found</body></html>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may have given up (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _Handler.release.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Handler.release.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy set in the environment must not intercept requests to the local test server.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def test_url_html_page_is_fetched_and_extracted(server: str) -> None:
    url = f"{server}/article.html"
    doc = read_article(url, timeout=5)
    assert doc.source.kind == "url"
    assert doc.source.location == url
    assert doc.source.content_type == "html"
    assert doc.source.title == HEADLINE
    assert doc.source.date == "2025-10-23"
    for paragraph in body_paragraphs(EARNINGS_TXT):
        assert paragraph in doc.text


def test_url_plain_text_is_read_as_text(server: str) -> None:
    doc = read_article(f"{server}/plain.txt", timeout=5)
    assert doc.source.content_type == "text"
    assert doc.text == EARNINGS_TXT.read_text(encoding="utf-8")


def test_url_legacy_encoding_is_detected(server: str) -> None:
    doc = read_article(f"{server}/latin1.txt", timeout=5)
    assert doc.text == LATIN_TEXT


@pytest.mark.parametrize(("path", "kind"), [("/untyped.txt", "text"), ("/untyped.html", "html")])
def test_url_without_a_content_type_is_sniffed(server: str, path: str, kind: str) -> None:
    doc = read_article(f"{server}{path}", timeout=5)
    assert doc.source.content_type == kind
    assert "<" not in doc.text


def test_url_markdown_is_converted(server: str) -> None:
    doc = read_article(f"{server}/article.md", timeout=5)
    assert doc.source.content_type == "markdown"
    assert doc.source.title == HEADLINE
    assert "**" not in doc.text


def test_url_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    doc = read_article(f"{server}/moved", timeout=5)
    assert doc.source.location == f"{server}/article.html"
    assert doc.source.title == HEADLINE


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/image.png", "image/png"),
    ],
)
def test_url_errors_are_network_errors(server: str, path: str, message: str) -> None:
    url = f"{server}{path}"
    with pytest.raises(NetworkError, match=message) as info:
        read_article(url, timeout=5)
    assert url in info.value.message
    assert info.value.exit_code == ExitCode.NETWORK


def test_url_timeout_is_a_network_error(server: str) -> None:
    with pytest.raises(NetworkError, match=r"timed out after 0\.5 s") as info:
        read_article(f"{server}/slow", timeout=0.5)
    assert "--timeout" in info.value.message


def _unused_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_refused_connection_is_a_network_error() -> None:
    url = f"http://127.0.0.1:{_unused_port()}/article.html"
    with pytest.raises(NetworkError, match="cannot connect") as info:
        read_article(url, timeout=2)
    assert url in info.value.message
    assert "Traceback" not in info.value.message


@pytest.mark.parametrize("url", ["http://", "https://exa mple.com/x", "http://[::1/x", "http://host:99999/x"])
def test_malformed_urls_are_refused_before_any_connection(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_lookups(*args: object, **kwargs: object) -> None:
        raise AssertionError("a malformed URL must not reach DNS")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookups)
    with pytest.raises(NetworkError, match="not a valid URL"):
        read_article(url, timeout=1)
