"""Framing lexicons: data files (YAML or TSV) read into typed entries.

A YAML lexicon names one category and lists entries::

    category: loaded
    label: Loaded and emotive terms
    defaults: {weight: 0.7, inflect: true}
    entries:
      - term: unprovoked (assault|attack)
        explanation: Calls the attack causeless.
        alternative: attack

A TSV lexicon has a header row with at least ``term`` and ``category`` and
optionally ``weight``, ``explanation``, ``alternative``, ``inflect``, ``case``.

Term syntax, one pattern per word, separated by spaces:

- ``regime``: the word, any case, with its inflected forms when ``inflect`` is on;
- ``(has|have|had)``: one of the alternatives; ``operations?``, ``henchm(an|en)``:
  a small regular expression over one word (``( | ) ?`` are special);
- ``terror*``: a prefix (``*`` inside a word means any letters);
- ``*``: any one word.

``case: sensitive`` makes an entry match only the exact capitalisation.
Every problem raises ``LexiconError`` naming the file, line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import LexiconError
from summarize.framing.inflect import inflections

FIELDS = ("term", "category", "weight", "explanation", "alternative", "inflect", "case", "variants")
_CATEGORY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_REGEX_CHARS = set("()|?*")
_WORD_CHARS = re.compile(r"^[\w'’.\-&$%()|?*]+$")


@dataclass(frozen=True)
class WordPattern:
    """One word of a term: literal forms, a one-word regular expression, or any word."""

    text: str
    forms: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None
    any_word: bool = False

    def matches(self, word: str, case_sensitive: bool) -> bool:
        if self.any_word:
            return True
        candidate = word if case_sensitive else word.lower()
        if self.regex is not None:
            return self.regex.fullmatch(candidate) is not None
        return candidate in self.forms


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    category: str
    weight: float
    explanation: str
    alternative: str | None
    case_sensitive: bool
    sequences: tuple[tuple[WordPattern, ...], ...]  # one per spelled-out alternative
    origin: str  # "file:line", for messages and for users who wonder where a match came from


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...]
    labels: dict[str, str] = field(default_factory=dict)  # category -> human label
    files: tuple[str, ...] = ()

    def categories(self) -> list[str]:
        return list(dict.fromkeys(e.category for e in self.entries))

    def merged(self, other: Lexicon) -> Lexicon:
        return Lexicon(
            entries=self.entries + other.entries,
            labels={**self.labels, **other.labels},
            files=self.files + other.files,
        )


def builtin_lexicon_dir() -> Path:
    from summarize.resources import package_data

    return package_data("lexicons")


def builtin_lexicon_files() -> list[Path]:
    folder = builtin_lexicon_dir()
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.tsv")])


def load_lexicons(paths: Iterable[Path | str]) -> Lexicon:
    lexicon = Lexicon(entries=())
    for path in paths:
        lexicon = lexicon.merged(load_lexicon_file(Path(path)))
    return lexicon


def load_builtin_lexicon() -> Lexicon:
    return _builtin_cached()


_BUILTIN: list[Lexicon] = []


def _builtin_cached() -> Lexicon:
    if not _BUILTIN:
        _BUILTIN.append(load_lexicons(builtin_lexicon_files()))
    return _BUILTIN[0]


def load_lexicon_file(path: Path) -> Lexicon:
    """One lexicon file, YAML (``.yaml``/``.yml``) or TSV (``.tsv``/``.txt``)."""
    if not path.is_file():
        raise LexiconError(f"{path}: lexicon file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    if path.suffix.lower() in {".yaml", ".yml"}:
        return parse_yaml_lexicon(text, str(path))
    if path.suffix.lower() in {".tsv", ".txt"}:
        return parse_tsv_lexicon(text, str(path))
    raise LexiconError(f"{path}: unknown lexicon format; use .yaml, .yml or .tsv")


# --- YAML ---------------------------------------------------------------------------------


def parse_yaml_lexicon(text: str, name: str) -> Lexicon:
    import yaml
    from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise LexiconError(f"{where}: YAML syntax error: {exc.problem or exc}") from None

    def where(node: Node) -> str:
        return f"{name}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    def mapping(node: Node, what: str) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            raise LexiconError(f"{where(node)}: {what} must be a mapping (key: value)")
        out: dict[str, Node] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                raise LexiconError(f"{where(key)}: keys must be plain words")
            out[key.value] = value
        return out

    constructor = yaml.SafeLoader("")

    def scalar(node: Node) -> Any:
        if isinstance(node, MappingNode):
            raise LexiconError(f"{where(node)}: expected a value, found a mapping")
        return constructor.construct_object(node, deep=True)

    if root is None:
        raise LexiconError(f"{name}:1:1: empty lexicon file")
    top = mapping(root, "a lexicon file")
    unknown = set(top) - {"category", "label", "description", "defaults", "entries"}
    if unknown:
        key = sorted(unknown)[0]
        node = next(k for k, _ in root.value if k.value == key)
        raise LexiconError(
            f"{where(node)}: unknown key '{key}'; use category, label, description, defaults, entries"
        )
    if "entries" not in top:
        raise LexiconError(f"{where(root)}: no 'entries' list")
    file_category = scalar(top["category"]) if "category" in top else None
    defaults: dict[str, Any] = {}
    if "defaults" in top:
        defaults = {k: scalar(v) for k, v in mapping(top["defaults"], "defaults").items()}
    entries_node = top["entries"]
    if not isinstance(entries_node, SequenceNode):
        raise LexiconError(f"{where(entries_node)}: 'entries' must be a list")
    labels: dict[str, str] = {}
    if file_category and "label" in top:
        labels[str(file_category)] = str(scalar(top["label"]))
    entries = []
    for item in entries_node.value:
        fields = mapping(item, "an entry")
        values = {k: scalar(v) for k, v in fields.items()}
        positions = {k: where(v) for k, v in fields.items()}
        raw = {**defaults, **values}
        if "category" not in raw and file_category is not None:
            raw["category"] = file_category
        entries.append(build_entry(raw, where(item), positions))
    return Lexicon(entries=tuple(entries), labels=labels, files=(name,))


# --- TSV ----------------------------------------------------------------------------------


def parse_tsv_lexicon(text: str, name: str) -> Lexicon:
    header: list[str] | None = None
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if header is None:
            header = [c.strip().lower() for c in cells]
            for column, key in enumerate(header):
                if key not in FIELDS:
                    col = sum(len(c) + 1 for c in cells[:column]) + 1
                    raise LexiconError(
                        f"{name}:{number}:{col}: unknown column '{key}'; use {', '.join(FIELDS)}"
                    )
            if "term" not in header or "category" not in header:
                raise LexiconError(f"{name}:{number}:1: the header needs 'term' and 'category' columns")
            continue
        if len(cells) > len(header):
            col = sum(len(c) + 1 for c in cells[: len(header)]) + 1
            raise LexiconError(f"{name}:{number}:{col}: {len(cells)} cells but {len(header)} columns")
        raw: dict[str, Any] = {}
        positions: dict[str, str] = {}
        column = 1
        for key, cell in zip(header, cells, strict=False):
            positions[key] = f"{name}:{number}:{column}"
            column += len(cell) + 1
            if cell.strip():
                raw[key] = cell.strip()
        if "variants" in raw:
            raw["variants"] = [v.strip() for v in str(raw["variants"]).split("|") if v.strip()]
        entries.append(build_entry(raw, f"{name}:{number}:1", positions))
    if header is None:
        raise LexiconError(f"{name}:1:1: empty lexicon file (a header row is needed)")
    return Lexicon(entries=tuple(entries), files=(name,))


# --- entries ------------------------------------------------------------------------------


def _truthy(value: Any, where: str, key: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "1"}:
        return True
    if text in {"false", "no", "0"}:
        return False
    raise LexiconError(f"{where}: '{key}' must be true or false, not '{value}'")


def build_entry(raw: dict[str, Any], where: str, positions: dict[str, str]) -> LexiconEntry:
    """Validate one entry's fields and compile its term."""
    at = positions.get
    unknown = [k for k in raw if k not in FIELDS and k != "weight"]
    if unknown:
        raise LexiconError(f"{at(unknown[0], where)}: unknown field '{unknown[0]}'; use {', '.join(FIELDS)}")
    term = raw.get("term")
    if not isinstance(term, str) or not term.strip():
        raise LexiconError(f"{at('term', where)}: entry needs a 'term' (the word or phrase to find)")
    category = raw.get("category")
    if not isinstance(category, str) or not _CATEGORY_NAME.match(category):
        raise LexiconError(f"{at('category', where)}: entry '{term}' needs a 'category' in lower_snake_case")
    try:
        weight = float(raw.get("weight", 0.5))
    except (TypeError, ValueError):
        raise LexiconError(
            f"{at('weight', where)}: 'weight' must be a number, not '{raw['weight']}'"
        ) from None
    if not 0.0 <= weight <= 1.0:
        raise LexiconError(f"{at('weight', where)}: 'weight' must be between 0 and 1, not {weight}")
    case = str(raw.get("case", "insensitive")).lower()
    if case not in {"sensitive", "insensitive"}:
        raise LexiconError(f"{at('case', where)}: 'case' must be sensitive or insensitive, not '{case}'")
    inflect = _truthy(raw.get("inflect", True), at("inflect", where), "inflect")
    variants = raw.get("variants") or []
    if not isinstance(variants, list):
        raise LexiconError(f"{at('variants', where)}: 'variants' must be a list of words")
    sequences = tuple(
        compile_term(phrase, case == "sensitive", inflect, [str(v) for v in variants], at("term", where))
        for phrase in expand_phrase_groups(term.strip(), at("term", where))
    )
    alternative = raw.get("alternative")
    return LexiconEntry(
        term=term.strip(),
        category=category,
        weight=weight,
        explanation=str(raw.get("explanation") or "").strip(),
        alternative=str(alternative).strip() if alternative not in (None, "") else None,
        case_sensitive=case == "sensitive",
        sequences=sequences,
        origin=where.rsplit(":", 1)[0],
    )


_PHRASE_GROUP = re.compile(r"\(([^()]*\s[^()]*)\)")


def expand_phrase_groups(term: str, where: str) -> list[str]:
    """Spell out groups of multi-word alternatives: "(war on terror|crackdown) x" -> 2 terms."""
    match = _PHRASE_GROUP.search(term)
    if match is None:
        if term.count("(") != term.count(")"):
            raise LexiconError(f"{where}: unbalanced parentheses in '{term}'")
        return [term]
    out: list[str] = []
    for option in match.group(1).split("|"):
        if not option.strip():
            raise LexiconError(f"{where}: empty alternative in '{term}'")
        spelled = term[: match.start()] + option.strip() + term[match.end() :]
        out.extend(expand_phrase_groups(" ".join(spelled.split()), where))
    return out


def compile_term(
    term: str, case_sensitive: bool, inflect: bool, variants: list[str], where: str
) -> tuple[WordPattern, ...]:
    parts = term.split()
    patterns: list[WordPattern] = []
    for index, part in enumerate(parts):
        text = part if case_sensitive else part.lower()
        if part == "*":
            if index == 0:
                raise LexiconError(f"{where}: a term cannot start with '*' (any word)")
            patterns.append(WordPattern(text=part, any_word=True))
            continue
        if not _WORD_CHARS.match(part):
            raise LexiconError(f"{where}: '{part}' in '{term}' has characters a word cannot hold")
        if _REGEX_CHARS & set(part):
            pattern = re.escape(text)
            for special in ("(", ")", "|", "?"):
                pattern = pattern.replace("\\" + special, special)
            pattern = pattern.replace("\\*", r"[\w'’\-]*")
            try:
                regex = re.compile(pattern)
            except re.error as exc:
                raise LexiconError(f"{where}: bad pattern '{part}' in '{term}': {exc.msg}") from None
            patterns.append(WordPattern(text=part, regex=regex))
            continue
        forms = inflections(text) if inflect else frozenset({text})
        if index == len(parts) - 1 and variants:
            forms = forms | {v if case_sensitive else v.lower() for v in variants}
        patterns.append(WordPattern(text=part, forms=frozenset(forms)))
    if len(parts) == 1 and variants and patterns[0].regex is not None:
        raise LexiconError(f"{where}: 'variants' only apply to plain words")
    return tuple(patterns)
