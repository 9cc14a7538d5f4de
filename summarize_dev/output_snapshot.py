"""Snapshot every output format of the samples (and the seed article, when present), to show a
refactor changed no output.

    python -m summarize_dev.output_snapshot write DIR      # run the CLI, write DIR/<article>.<format>
    python -m summarize_dev.output_snapshot diff OLD NEW   # list the files that differ

Run-to-run noise (timings, the package version, absolute paths) is masked, so two snapshots of one
commit are identical. Comparing before and after a change: write OLD at the base commit, NEW at the
change, then diff; every difference must be a bug fixed on purpose.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "belarus-china-article.txt"
FORMATS = {"json": "json", "markdown": "md", "html": "html", "text": "txt"}
# Analyses beyond `report`'s default, with their own commands: each is snapshotted in JSON too.
COMMANDS = ("summary", "sentiment", "framing", "readability")

_TIMING = re.compile(r'("(?:seconds|timings?|elapsed)[^"]*"\s*:\s*)(\{[^{}]*\}|[0-9.e-]+)')
_SECONDS = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ms|s)\b")


def articles() -> list[Path]:
    found = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".txt", ".md", ".html"}
                   and p.name != "README.md")
    return [*found, SEED] if SEED.exists() else found


def _mask(text: str) -> str:
    text = text.replace(str(ROOT), "<root>").replace(str(SEED.parent), "<seed>")
    text = _TIMING.sub(r"\1<t>", text)
    return _SECONDS.sub("<t>", text)


def _mask_json(text: str) -> str:
    data = json.loads(text)
    provenance = data.get("provenance") if isinstance(data, dict) else None
    if isinstance(provenance, dict):
        provenance["timings"] = "<t>"
        provenance["package_version"] = "<v>"
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)


def _run(args: list[str], *, json_body: bool = False) -> str:
    """The command's exit code, output and errors, masked; ``json_body``: stdout is a JSON report."""
    # Paths relative to the project root, so a terminal box's padding does not depend on where the
    # clone lives (the seed is reached through ../shared from any checkout next to it).
    exe = Path(sys.executable).with_name("summarize")
    args = [_relative(a) for a in args]
    env = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb", "PATH": "/usr/bin:/bin"}
    if "PYTHONPATH" in os.environ:  # another checkout run with this venv: PYTHONPATH=<checkout>
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=ROOT, env=env)
    body = _mask_json(done.stdout) if json_body and done.returncode == 0 else done.stdout
    return _mask(f"exit {done.returncode}\n{body}\n--- stderr\n{done.stderr}")


def _relative(arg: str) -> str:
    path = Path(arg)
    if not path.is_absolute():
        return arg
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    return f"../shared/seed/{path.name}" if path.parent == SEED.parent else arg


def write(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for article in articles():
        for fmt, suffix in FORMATS.items():
            text = _run(["report", str(article), "--format", fmt], json_body=fmt == "json")
            (out / f"{article.stem}.report.{suffix}").write_text(text)
        for command in COMMANDS:
            text = _run([command, str(article), "--format", "json"], json_body=True)
            (out / f"{article.stem}.{command}.json").write_text(text)
    sides = ("a-vessen-square-crackdown", "b-vessen-square-operation")
    pair = [ROOT / "samples" / f"pair-{side}.txt" for side in sides]
    for fmt, suffix in FORMATS.items():
        (out / f"compare.{suffix}").write_text(_run(["compare", *map(str, pair), "--format", fmt]))


def diff(old: Path, new: Path) -> int:
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    changed = 0
    for name in names:
        a, b = old / name, new / name
        if not (a.exists() and b.exists()):
            print(f"only in {'new' if b.exists() else 'old'}: {name}")
            changed += 1
            continue
        if a.read_text() != b.read_text():
            changed += 1
            lines = list(difflib.unified_diff(a.read_text().splitlines(), b.read_text().splitlines(),
                                              str(a), str(b), lineterm="", n=1))
            print("\n".join(lines[:40]))
    print(f"{changed} of {len(names)} files differ")
    return 1 if changed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["write"]:
        write(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["diff"]:
        sys.exit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        print(__doc__)
        sys.exit(2)
