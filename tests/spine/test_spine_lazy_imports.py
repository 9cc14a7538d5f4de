"""`summarize --help` and `summarize readability` must not import torch or transformers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from summarize.cli.app import main
sys.argv = ["summarize", *{args!r}]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules)
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
"""


def _heavy_modules(args: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, timeout=120
    )
    line = [ln for ln in result.stderr.splitlines() if ln.startswith("HEAVY:")]
    assert line, result.stderr
    return line[-1][len("HEAVY:") :]


def test_help_imports_no_model_library() -> None:
    assert _heavy_modules(["--help"]) == ""


def test_readability_imports_no_model_library(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday. It approved the budget. " * 20, encoding="utf-8")
    assert _heavy_modules(["readability", str(article), "-f", "json"]) == ""


SEED_LIKE = (
    "Ministers Agree on Flood Relief\n\n"
    "President Maria Olsen praised the rescue teams, calling their work brave and wonderful. "
    "Russian officials condemned the plan as a disastrous failure. "
    "The storm killed twelve people and destroyed hundreds of homes in Northbay."
)


def test_default_analyses_import_no_model_library(tmp_path: Path) -> None:
    """The default report (MiniLM on the numpy runtime) loads neither torch nor transformers."""
    article = tmp_path / "a.txt"
    article.write_text(SEED_LIKE, encoding="utf-8")
    for command in ("report", "summary", "sentiment"):
        assert _heavy_modules([command, str(article), "-f", "json"]) == "", command


def test_default_summary_imports_no_model_library(sample_path: Path) -> None:
    """The default extractive summary is a lead-position rule: it must not load the encoder."""
    seed = Path(__file__).resolve().parents[3] / "shared" / "seed" / "belarus-china-article.txt"
    for article in (sample_path, *([seed] if seed.is_file() else [])):
        assert _heavy_modules(["summary", str(article), "-f", "json"]) == ""
