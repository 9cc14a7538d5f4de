"""Output safety: never clobber without --force, replace atomically, leave no temporary files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hardening_helpers import ARTICLE, assert_clean_error
from typer.testing import CliRunner

from summarize.cli.app import app
from summarize.errors import ExitCode, OutputError
from summarize.render.output import write_output

runner = CliRunner()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_existing_output_is_refused_and_left_untouched(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("precious results", encoding="utf-8")
    before = out.stat()
    result = runner.invoke(app, ["tokens", str(article), "-f", "json", "-o", str(out)])
    assert_clean_error(result, ExitCode.OUTPUT, str(out), "--force")
    assert out.read_text(encoding="utf-8") == "precious results"
    assert out.stat().st_mtime_ns == before.st_mtime_ns
    assert _leftovers(tmp_path) == []


def test_force_replaces_the_file_atomically(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    old_inode = out.stat().st_ino
    result = runner.invoke(app, ["tokens", str(article), "-f", "json", "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["words"] > 20
    # A rename puts a new file in place; writing in place would keep the inode.
    assert out.stat().st_ino != old_inode
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("target", "needles"),
    [
        ("missing-folder/out.json", ("does not exist",)),
        (".", ("is a directory",)),
    ],
    ids=["missing-folder", "directory"],
)
def test_unwritable_targets_are_output_errors(article: Path, tmp_path: Path, target: str, needles) -> None:
    out = tmp_path / target
    result = runner.invoke(app, ["tokens", str(article), "-f", "json", "-o", str(out)])
    assert_clean_error(result, ExitCode.OUTPUT, *needles)
    assert _leftovers(tmp_path) == []


def test_a_failed_input_creates_no_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["readability", str(tmp_path / "missing.txt"), "-f", "json", "-o", str(out)])
    assert result.exit_code == ExitCode.INPUT
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_output("new text", out, force=True)
    assert out.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_ctrl_c_while_writing_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output("new text", out, force=True)
    assert out.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_a_file_appearing_meanwhile_is_not_clobbered(tmp_path: Path, monkeypatch) -> None:
    """The existence check and the write race; the final link() must still refuse."""
    out = tmp_path / "out.txt"
    real_fsync = os.fsync

    def someone_else_writes(fd: int) -> None:
        real_fsync(fd)
        out.write_text("theirs", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", someone_else_writes)
    with pytest.raises(OutputError, match="--force"):
        write_output("mine", out)
    assert out.read_text(encoding="utf-8") == "theirs"
    assert _leftovers(tmp_path) == []


def test_output_to_a_symlink_needs_force_and_keeps_the_link_target(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("target", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="--force"):
        write_output("new", link)
    assert target.read_text(encoding="utf-8") == "target"
