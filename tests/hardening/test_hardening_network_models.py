"""URLs that fail (local server on 127.0.0.1, no internet) and models that are unknown,
incomplete or unsafe: one clear error line each, with its documented exit code."""

from __future__ import annotations

import json
import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hardening_helpers import ARTICLE, assert_clean_error
from typer.testing import CliRunner

from summarize.backends.safety import (
    ALLOW_PICKLE_ENV,
    PickleCheckpointWarning,
    check_checkpoint,
    check_model_folder,
    missing_model_files,
    transformer_folder,
)
from summarize.cli.app import app
from summarize.errors import ExitCode, ModelError

runner = CliRunner()
RELEASE = threading.Event()  # lets slow handlers finish when a test is done


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/missing":
            self._send(404, "text/html", b"<html><body>Not found</body></html>")
        elif self.path == "/broken":
            self._send(500, "text/html", b"<html><body>oops</body></html>")
        elif self.path == "/photo":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        elif self.path == "/slow":
            RELEASE.wait(10)
            self._send(200, "text/plain", ARTICLE.encode())
        elif self.path == "/nav":
            body = b"<html><body><nav><a href='/'>Home</a><a href='/x'>World</a></nav></body></html>"
            self._send(200, "text/html; charset=utf-8", body)
        else:
            self._send(200, "text/plain; charset=utf-8", ARTICLE.encode())


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        RELEASE.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("path", "extra", "code", "needles"),
    [
        ("/missing", [], ExitCode.NETWORK, ("HTTP 404",)),
        ("/broken", [], ExitCode.NETWORK, ("HTTP 500",)),
        ("/photo", [], ExitCode.NETWORK, ("image/png", "not an HTML or text article")),
        ("/slow", ["--timeout", "0.3"], ExitCode.NETWORK, ("timed out", "--timeout")),
        ("/nav", [], ExitCode.EMPTY, ("no article text",)),
    ],
    ids=["404", "500", "non-html", "timeout", "navigation-only"],
)
def test_failing_urls_are_one_clean_error(server: str, path: str, extra: list[str], code, needles) -> None:
    url = server + path
    result = runner.invoke(app, ["readability", url, *extra])
    assert_clean_error(result, code, url, *needles)


def test_a_url_that_works_is_read(server: str) -> None:
    result = runner.invoke(app, ["tokens", server + "/article.txt", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["words"] > 20


def test_a_refused_connection_says_so_and_suggests_a_file() -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    result = runner.invoke(app, ["readability", url, "--timeout", "2"])
    assert_clean_error(result, ExitCode.NETWORK, url, "cannot connect", "pass the file")


# --- models -----------------------------------------------------------------------


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _model_folder(tmp_path: Path, *files: str) -> Path:
    folder = tmp_path / "model"
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"{}" if name.endswith(".json") else b"\x80\x04weights")
    return folder


def test_unknown_encoder_name_is_a_model_error(article: Path) -> None:
    result = runner.invoke(app, ["tokens", str(article), "--encoder", "nosuchmodel"])
    assert_clean_error(result, ExitCode.MODEL, "nosuchmodel", "summarize models list")


@pytest.mark.parametrize(
    ("files", "missing"),
    [
        (("config.json",), ("weights", "tokenizer")),
        (("config.json", "model.safetensors"), ("tokenizer",)),
        (("config.json", "tokenizer.json"), ("weights",)),
        (("model.safetensors", "tokenizer.json", "modules.json"), ("config.json",)),
    ],
    ids=["config-only", "no-tokenizer", "no-weights", "no-config"],
)
def test_model_folder_with_missing_files_names_them(article: Path, tmp_path: Path, files, missing) -> None:
    folder = _model_folder(tmp_path, *files)
    if "modules.json" in files:
        (folder / "modules.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["tokens", str(article), "--encoder", str(folder)])
    line = assert_clean_error(result, ExitCode.MODEL, str(folder), "incomplete model folder", *missing)
    assert "copy the whole model folder" in line


def test_pickle_only_checkpoint_is_refused(article: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ALLOW_PICKLE_ENV, raising=False)
    folder = _model_folder(tmp_path, "config.json", "pytorch_model.bin", "tokenizer.json")
    result = runner.invoke(app, ["tokens", str(article), "--encoder", str(folder)])
    assert_clean_error(result, ExitCode.MODEL, str(folder), "pickle", "safetensors", f"{ALLOW_PICKLE_ENV}=1")


@pytest.mark.parametrize("weights", ["pytorch_model.bin", "model.pt", "last.ckpt", "weights.pth"])
def test_check_checkpoint_refuses_every_pickle_kind(tmp_path: Path, weights: str) -> None:
    folder = _model_folder(tmp_path, "config.json", weights)
    with pytest.raises(ModelError, match=weights.replace(".", r"\.")):
        check_checkpoint(folder, allow_pickle=False)


def test_allowed_pickle_loads_with_a_warning(tmp_path: Path) -> None:
    folder = _model_folder(tmp_path, "config.json", "pytorch_model.bin")
    with pytest.warns(PickleCheckpointWarning, match="only do this for files you trust"):
        check_checkpoint(folder, allow_pickle=True)
    received: list[str] = []
    check_checkpoint(folder, allow_pickle=True, warn=received.append)
    assert len(received) == 1 and "pytorch_model.bin" in received[0]


def test_safetensors_beside_a_pickle_is_accepted_silently(tmp_path: Path) -> None:
    folder = _model_folder(tmp_path, "config.json", "pytorch_model.bin", "model.safetensors")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_checkpoint(folder, allow_pickle=False)


def test_the_bundled_encoder_folder_passes_every_check() -> None:
    from summarize.backends.registry import get_entry, package_path

    folder = package_path(get_entry("minilm"))
    assert folder is not None
    assert missing_model_files(transformer_folder(folder)) == []
    check_model_folder(transformer_folder(folder))
    check_checkpoint(folder, allow_pickle=False)


def test_a_sentence_transformers_layout_is_checked_in_its_transformer_folder(tmp_path: Path) -> None:
    root = tmp_path / "st"
    inner = root / "0_Transformer"
    inner.mkdir(parents=True)
    (root / "modules.json").write_text(
        json.dumps(
            [
                {
                    "idx": 0,
                    "name": "0",
                    "path": "0_Transformer",
                    "type": "sentence_transformers.models.Transformer",
                }
            ]
        ),
        encoding="utf-8",
    )
    assert transformer_folder(root) == inner
    with pytest.raises(ModelError, match="0_Transformer: incomplete model folder"):
        check_model_folder(transformer_folder(root))


def test_unknown_abstractive_model_fails_before_any_work(article: Path) -> None:
    started = time.perf_counter()
    result = runner.invoke(
        app, ["summary", str(article), "--method", "abstractive", "--model", "nosuchmodel"]
    )
    assert_clean_error(result, ExitCode.MODEL, "unknown model 'nosuchmodel'", "summarize models list")
    assert time.perf_counter() - started < 5  # validated with the options, not after encoding


def test_incomplete_abstractive_model_folder_names_what_is_missing(article: Path, tmp_path: Path) -> None:
    folder = _model_folder(tmp_path, "config.json", "model.safetensors")
    result = runner.invoke(app, ["summary", str(article), "--method", "abstractive", "--model", str(folder)])
    assert_clean_error(result, ExitCode.MODEL, str(folder), "missing tokenizer")


def test_pickle_only_abstractive_model_is_refused(article: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ALLOW_PICKLE_ENV, raising=False)
    folder = _model_folder(tmp_path, "config.json", "pytorch_model.bin", "tokenizer.json")
    result = runner.invoke(app, ["summary", str(article), "--method", "abstractive", "--model", str(folder)])
    assert_clean_error(result, ExitCode.MODEL, str(folder), "pickle", f"{ALLOW_PICKLE_ENV}=1")
