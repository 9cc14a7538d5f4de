"""Lexicon files: built-in set, user files, term syntax and error positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import LexiconError
from summarize.framing.features import LEXICON_CATEGORIES
from summarize.framing.inflect import inflections
from summarize.framing.lexicon import load_builtin_lexicon, load_lexicon_file


def test_builtin_lexicon_has_every_category_with_explanations() -> None:
    lexicon = load_builtin_lexicon()
    assert set(LEXICON_CATEGORIES) <= set(lexicon.categories())
    for entry in lexicon.entries:
        assert entry.explanation, entry.term
        assert 0.0 <= entry.weight <= 1.0
    loaded = [e for e in lexicon.entries if e.category == "loaded"]
    assert all(e.alternative for e in loaded)


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("claim", "claimed"),
        ("admit", "admitted"),
        ("deny", "denies"),
        ("condemn", "condemning"),
        ("reveal", "reveals"),
        ("liberate", "liberating"),
        ("crony", "cronies"),
    ],
)
def test_inflections_cover_regular_forms(word: str, form: str) -> None:
    assert form in inflections(word)


def test_inflections_do_not_strip_into_other_words() -> None:
    assert "rating" not in inflections("rat")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "category: loaded\nentries:\n  - term: [unclosed\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon_file(path)
    assert f"{path}:" in info.value.message
    assert ":4:" in info.value.message or ":3:" in info.value.message


def test_yaml_entry_without_category_points_at_the_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, "nocat.yaml", "entries:\n  - term: regime\n    explanation: x\n")
    with pytest.raises(LexiconError, match=r"nocat\.yaml:2:5: .*category"):
        load_lexicon_file(path)


def test_yaml_bad_weight_points_at_the_value(tmp_path: Path) -> None:
    text = "category: mine\nentries:\n  - term: gizmo\n    weight: heavy\n"
    path = _write(tmp_path, "w.yaml", text)
    with pytest.raises(LexiconError, match=r"w\.yaml:4:13: 'weight' must be a number"):
        load_lexicon_file(path)


def test_yaml_unknown_field_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "u.yaml", "category: mine\nentries:\n  - term: gizmo\n    colour: red\n")
    with pytest.raises(LexiconError, match=r"u\.yaml:4:13: unknown field 'colour'"):
        load_lexicon_file(path)


def test_unbalanced_pattern_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.yaml", "category: mine\nentries:\n  - term: (foo|bar gizmo\n")
    with pytest.raises(LexiconError, match=r"p\.yaml:3:"):
        load_lexicon_file(path)


def test_tsv_lexicon_loads_and_errors_have_positions(tmp_path: Path) -> None:
    good = _write(
        tmp_path,
        "mine.tsv",
        "# my terms\nterm\tcategory\tweight\texplanation\talternative\n"
        "gizmo\tgadgetry\t0.9\tA made-up loaded word.\tdevice\n",
    )
    lexicon = load_lexicon_file(good)
    assert lexicon.entries[0].category == "gadgetry"
    assert lexicon.entries[0].alternative == "device"
    bad = _write(tmp_path, "bad.tsv", "term\tcategory\tweight\ngizmo\tgadgetry\tlots\n")
    with pytest.raises(LexiconError, match=r"bad\.tsv:2:16: 'weight' must be a number"):
        load_lexicon_file(bad)
    header = _write(tmp_path, "hdr.tsv", "term\tkind\n")
    with pytest.raises(LexiconError, match=r"hdr\.tsv:1:6: unknown column 'kind'"):
        load_lexicon_file(header)


def test_missing_and_unknown_format_files(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon_file(tmp_path / "nope.yaml")
    with pytest.raises(LexiconError, match="unknown lexicon format"):
        load_lexicon_file(_write(tmp_path, "x.json", "{}"))
