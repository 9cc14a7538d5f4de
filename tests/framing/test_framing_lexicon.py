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


_ENTRY = "category: mine\nentries:\n  - term: "


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("empty.yaml", "# nothing\n", ":1:1: empty lexicon file"),
        ("list.yaml", "- a\n", ":1:1: a lexicon file must be a mapping (key: value)"),
        ("key.yaml", "? [a]\n: b\nentries: []\n", ":1:3: keys must be plain words"),
        (
            "top.yaml",
            "category: x\nzeta: 1\nalpha: 2\nentries: []\n",
            ":3:1: unknown key 'alpha'; use category, label, description, defaults, entries",
        ),
        ("none.yaml", "category: x\n", ":1:1: no 'entries' list"),
        ("defaults.yaml", "defaults: [1]\nentries: []\n", ":1:11: defaults must be a mapping (key: value)"),
        ("entries.yaml", "entries: {a: 1}\n", ":1:10: 'entries' must be a list"),
        ("entry.yaml", "category: c\nentries:\n  - gizmo\n", ":3:5: an entry must be a mapping (key: value)"),
        ("value.yaml", _ENTRY + "{a: b}\n", ":3:11: expected a value, found a mapping"),
        (
            "noterm.yaml",
            "category: c\nentries:\n  - explanation: x\n",
            ":3:5: entry needs a 'term' (the word or phrase to find)",
        ),
        (
            "range.yaml",
            _ENTRY + "gizmo\n    weight: 1.5\n",
            ":4:13: 'weight' must be between 0 and 1, not 1.5",
        ),
        (
            "case.yaml",
            _ENTRY + "gizmo\n    case: Upper\n",
            ":4:11: 'case' must be sensitive or insensitive, not 'upper'",
        ),
        (
            "inflect.yaml",
            _ENTRY + "gizmo\n    inflect: maybe\n",
            ":4:14: 'inflect' must be true or false, not 'maybe'",
        ),
        (
            "variants.yaml",
            _ENTRY + "gizmo\n    variants: gizmi\n",
            ":4:15: 'variants' must be a list of words",
        ),
        (
            "regexvar.yaml",
            _ENTRY + "gizmos?\n    variants: [gizmi]\n",
            ":3:11: 'variants' only apply to plain words",
        ),
        ("star.yaml", _ENTRY + "'* gizmo'\n", ":3:11: a term cannot start with '*' (any word)"),
        (
            "chars.yaml",
            _ENTRY + "'giz#mo'\n",
            ":3:11: 'giz#mo' in 'giz#mo' has characters a word cannot hold",
        ),
        ("regex.yaml", _ENTRY + "'a)(b'\n", ":3:11: bad pattern 'a)(b' in 'a)(b': unbalanced parenthesis"),
        ("alt.yaml", _ENTRY + "'(war on terror| ) x'\n", ":3:11: empty alternative in '(war on terror| ) x'"),
        (
            "tag.yaml",
            "category: x\nentries:\n  - {term: !!int abc}\n",
            ":3:12: int value 'abc' cannot be read (invalid literal for int() with base 10: 'abc');"
            " drop the '!!' tag or fix the value",
        ),
        ("empty.tsv", "# a\n\n", ":1:1: empty lexicon file (a header row is needed)"),
        ("header.tsv", "category\tweight\n", ":1:1: the header needs 'term' and 'category' columns"),
        ("cells.tsv", "term\tcategory\ngizmo\tc\textra\tmore\n", ":2:9: 4 cells but 2 columns"),
        (
            "var.tsv",
            "term\tcategory\tvariants\ngizmos?\tc\tgizmi\n",
            ":2:1: 'variants' only apply to plain words",
        ),
    ],
)
def test_every_lexicon_error_names_its_position(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(LexiconError) as info:
        load_lexicon_file(path)
    assert info.value.message == f"{path}{message}"


def test_non_utf8_lexicon_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"category: c\nentries:\n  - term: caf\xe9\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon_file(path)
    assert info.value.message == f"{path}: not UTF-8 text (byte 34); save it as UTF-8"


def test_defaults_variants_and_phrase_groups_compile(tmp_path: Path) -> None:
    text = (
        "category: mine\nlabel: Mine\ndefaults: {weight: 0.9, inflect: false}\nentries:\n"
        "  - term: (war on terror|crackdown) big Gizmo\n    variants: [Gizmi]\n    alternative: ''\n"
    )
    lexicon = load_lexicon_file(_write(tmp_path, "ok.yaml", text))
    (entry,) = lexicon.entries
    assert lexicon.labels == {"mine": "Mine"}
    assert (entry.weight, entry.alternative, entry.case_sensitive) == (0.9, None, False)
    assert [[p.text for p in seq] for seq in entry.sequences] == [
        ["war", "on", "terror", "big", "Gizmo"],
        ["crackdown", "big", "Gizmo"],
    ]
    assert entry.sequences[1][-1].forms == frozenset({"gizmo", "gizmi"})
