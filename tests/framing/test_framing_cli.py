"""`summarize compare A B` and `summarize framing --lexicon` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarize.cli.app import app

HOSTILE = (
    "Regime thugs crushed the march in a brutal, unprovoked assault. The government has yet to "
    "condemn the violence, and officials claimed the marchers were paid."
)
NEUTRAL = "Police dispersed the march on Friday, officials said. Organisers said they would appeal."


def test_compare_command_json(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(NEUTRAL, encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(a), str(b), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"categories", "only_a", "only_b", "actors", "profile_distance"} <= set(data)
    assert "regime" in {t["text"] for t in data["only_a"]}


def test_framing_command_reports_lexicon_errors_with_position(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(NEUTRAL, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("category: mine\nentries:\n  - term: x\n    weight: much\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["framing", str(article), "--lexicon", str(bad)])
    assert result.exit_code == 8
    assert "bad.yaml:4:13" in result.stderr
