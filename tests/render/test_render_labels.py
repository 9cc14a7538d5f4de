"""Every label lives in ``render/labels.py``: no renderer writes one of them as its own literal."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.render import labels

RENDER = Path(labels.__file__).resolve().parent
RENDERER_MODULES = sorted(
    path for fmt in ("terminal", "markdown", "html") for path in (RENDER / fmt).glob("*.py")
)
_IDENTIFIER = re.compile(r"[a-z_0-9]+")  # field and layer ids ("gunning_fog", "loaded"), not labels


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item)


def label_values() -> set[str]:
    """Every label text ``labels.py`` defines (ids such as field names left out)."""
    found = set()
    for name in dir(labels):
        if name.isupper():
            found.update(s for s in _strings(getattr(labels, name)) if not _IDENTIFIER.fullmatch(s))
    return found


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the docstring nodes, which may name a label in prose."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def label_literals(path: Path, known: set[str]) -> list[str]:
    """The labels a module writes itself: a string literal equal to one, or one as an element's text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in skip:
            continue
        text = node.value
        found += [label for label in known if text == label or f">{label}<" in text]
    return found


def test_the_check_finds_a_label_written_in_a_renderer(tmp_path: Path) -> None:
    module = tmp_path / "drawn.py"
    module.write_text('HEAD = "<tr><th>Term</th></tr>"\nTITLE = "Sentiment arc"\n', encoding="utf-8")
    assert sorted(label_literals(module, label_values())) == ["Sentiment arc", "Term"]


@pytest.mark.parametrize("path", RENDERER_MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_renderer_writes_a_label_of_its_own(path: Path) -> None:
    assert label_literals(path, label_values()) == []
