"""Writing results: atomic (temporary file then rename) and never clobbering without --force."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from summarize.errors import OutputError


def check_writable(path: Path, *, force: bool = False) -> Path:
    """Raise OutputError now if ``path`` could not be written; return its folder."""
    path = path.expanduser()
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name for -o")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; add --force to overwrite it")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: folder {parent} does not exist")
    return parent


def write_output(text: str, path: Path, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; refuse to replace an existing file unless ``force``."""
    path = path.expanduser()
    parent = check_writable(path, force=force)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file 0600; give it the permissions a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            # link() fails if the target appeared meanwhile: no race clobbers a file.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise OutputError(f"{path}: already exists; add --force to overwrite it") from None
            except OSError:
                os.replace(tmp, path)  # file systems without hard links
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
