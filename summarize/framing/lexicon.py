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
from typing import TYPE_CHECKING, Any

from summarize.errors import LexiconError
from summarize.framing.inflect import inflections

if TYPE_CHECKING:
    from yaml.nodes import MappingNode, Node, SequenceNode

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

_TOP_KEYS = ("category", "label", "description", "defaults", "entries")


class _YamlReader:
    """Reads one YAML lexicon's nodes, raising ``LexiconError`` at their file:line:column."""

    def __init__(self, name: str) -> None:
        import yaml

        self.name = name
        self._constructor = yaml.SafeLoader("")

    def compose(self, text: str) -> Node:
        import yaml

        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            position = f"{self.name}:{mark.line + 1}:{mark.column + 1}" if mark else self.name
            raise LexiconError(f"{position}: YAML syntax error: {exc.problem or exc}") from None
        if root is None:
            raise LexiconError(f"{self.name}:1:1: empty lexicon file")
        return root

    def where(self, node: Node) -> str:
        return f"{self.name}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    def mapping_node(self, node: Node, what: str) -> MappingNode:
        from yaml.nodes import MappingNode

        if not isinstance(node, MappingNode):
            raise LexiconError(f"{self.where(node)}: {what} must be a mapping (key: value)")
        return node

    def fields(self, node: MappingNode) -> dict[str, Node]:
        from yaml.nodes import ScalarNode

        out: dict[str, Node] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                raise LexiconError(f"{self.where(key)}: keys must be plain words")
            out[key.value] = value
        return out

    def mapping(self, node: Node, what: str) -> dict[str, Node]:
        return self.fields(self.mapping_node(node, what))

    def sequence(self, node: Node, message: str) -> SequenceNode:
        from yaml.nodes import SequenceNode

        if not isinstance(node, SequenceNode):
            raise LexiconError(f"{self.where(node)}: {message}")
        return node

    def scalar(self, node: Node) -> Any:
        from yaml.nodes import MappingNode

        if isinstance(node, MappingNode):
            raise LexiconError(f"{self.where(node)}: expected a value, found a mapping")
        import yaml

        try:
            return self._constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, yaml.YAMLError) as exc:  # a tag its value does not fit: !!int abc
            raise LexiconError(f"{self.where(node)}: {node.tag.rsplit(':', 1)[-1]} value '{node.value}' "
                               f"cannot be read ({exc}); drop the '!!' tag or fix the value") from None


def parse_yaml_lexicon(text: str, name: str) -> Lexicon:
    reader = _YamlReader(name)
    root = reader.mapping_node(reader.compose(text), "a lexicon file")
    top = reader.fields(root)
    _refuse_unknown_top_keys(reader, root, top)
    if "entries" not in top:
        raise LexiconError(f"{reader.where(root)}: no 'entries' list")
    file_category = reader.scalar(top["category"]) if "category" in top else None
    defaults = _yaml_defaults(reader, top)
    entries_node = reader.sequence(top["entries"], "'entries' must be a list")
    labels = _yaml_labels(reader, top, file_category)
    entries = tuple(_yaml_entry(reader, item, defaults, file_category) for item in entries_node.value)
    return Lexicon(entries=entries, labels=labels, files=(name,))


def _refuse_unknown_top_keys(reader: _YamlReader, root: MappingNode, top: dict[str, Node]) -> None:
    unknown = set(top) - set(_TOP_KEYS)
    if not unknown:
        return
    key = sorted(unknown)[0]
    node = next(k for k, _ in root.value if k.value == key)
    raise LexiconError(f"{reader.where(node)}: unknown key '{key}'; use {', '.join(_TOP_KEYS)}")


def _yaml_defaults(reader: _YamlReader, top: dict[str, Node]) -> dict[str, Any]:
    if "defaults" not in top:
        return {}
    return {k: reader.scalar(v) for k, v in reader.mapping(top["defaults"], "defaults").items()}


def _yaml_labels(reader: _YamlReader, top: dict[str, Node], file_category: Any) -> dict[str, str]:
    if file_category and "label" in top:
        return {str(file_category): str(reader.scalar(top["label"]))}
    return {}


def _yaml_entry(
    reader: _YamlReader, item: Node, defaults: dict[str, Any], file_category: Any
) -> LexiconEntry:
    fields = reader.mapping(item, "an entry")
    values = {k: reader.scalar(v) for k, v in fields.items()}
    positions = {k: reader.where(v) for k, v in fields.items()}
    raw = {**defaults, **values}
    if "category" not in raw and file_category is not None:
        raw["category"] = file_category
    return build_entry(raw, reader.where(item), positions)


# --- TSV ----------------------------------------------------------------------------------


def parse_tsv_lexicon(text: str, name: str) -> Lexicon:
    header: list[str] | None = None
    entries: list[LexiconEntry] = []
    for number, cells in _tsv_rows(text):
        if header is None:
            header = _tsv_header(cells, f"{name}:{number}")
        else:
            entries.append(_tsv_entry(header, cells, f"{name}:{number}"))
    if header is None:
        raise LexiconError(f"{name}:1:1: empty lexicon file (a header row is needed)")
    return Lexicon(entries=tuple(entries), files=(name,))


def _tsv_rows(text: str) -> Iterable[tuple[int, list[str]]]:
    """(line number, cells) of every line that is neither blank nor a ``#`` comment."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line.rstrip("\r").split("\t")


def _column_of(cells: list[str], index: int) -> int:
    """1-based character column where cell ``index`` starts."""
    return sum(len(c) + 1 for c in cells[:index]) + 1


def _tsv_header(cells: list[str], line: str) -> list[str]:
    header = [c.strip().lower() for c in cells]
    for index, key in enumerate(header):
        if key not in FIELDS:
            raise LexiconError(
                f"{line}:{_column_of(cells, index)}: unknown column '{key}'; use {', '.join(FIELDS)}"
            )
    if "term" not in header or "category" not in header:
        raise LexiconError(f"{line}:1: the header needs 'term' and 'category' columns")
    return header


def _tsv_entry(header: list[str], cells: list[str], line: str) -> LexiconEntry:
    if len(cells) > len(header):
        column = _column_of(cells, len(header))
        raise LexiconError(f"{line}:{column}: {len(cells)} cells but {len(header)} columns")
    raw: dict[str, Any] = {}
    positions: dict[str, str] = {}
    for index, (key, cell) in enumerate(zip(header, cells, strict=False)):
        positions[key] = f"{line}:{_column_of(cells, index)}"
        if cell.strip():
            raw[key] = cell.strip()
    if "variants" in raw:
        raw["variants"] = [v.strip() for v in str(raw["variants"]).split("|") if v.strip()]
    return build_entry(raw, f"{line}:1", positions)


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


@dataclass(frozen=True)
class _Positions:
    """Where an entry starts and where each of its fields is, for messages."""

    entry: str
    fields: dict[str, str]

    def of(self, key: str) -> str:
        return self.fields.get(key, self.entry)


def build_entry(raw: dict[str, Any], where: str, positions: dict[str, str]) -> LexiconEntry:
    """Validate one entry's fields and compile its term."""
    at = _Positions(where, positions)
    _refuse_unknown_fields(raw, at)
    term = _entry_term(raw, at)
    category = _entry_category(raw, term, at)
    weight = _entry_weight(raw, at)
    case_sensitive = _entry_case_sensitive(raw, at)
    inflect = _truthy(raw.get("inflect", True), at.of("inflect"), "inflect")
    variants = _entry_variants(raw, at)
    sequences = tuple(
        compile_term(phrase, case_sensitive, inflect, variants, at.of("term"))
        for phrase in expand_phrase_groups(term, at.of("term"))
    )
    return LexiconEntry(
        term=term,
        category=category,
        weight=weight,
        explanation=str(raw.get("explanation") or "").strip(),
        alternative=_optional_text(raw.get("alternative")),
        case_sensitive=case_sensitive,
        sequences=sequences,
        origin=where.rsplit(":", 1)[0],
    )


def _refuse_unknown_fields(raw: dict[str, Any], at: _Positions) -> None:
    unknown = [k for k in raw if k not in FIELDS]
    if unknown:
        raise LexiconError(f"{at.of(unknown[0])}: unknown field '{unknown[0]}'; use {', '.join(FIELDS)}")


def _entry_term(raw: dict[str, Any], at: _Positions) -> str:
    """The entry's term, stripped."""
    term = raw.get("term")
    if not isinstance(term, str) or not term.strip():
        raise LexiconError(f"{at.of('term')}: entry needs a 'term' (the word or phrase to find)")
    return term.strip()


def _entry_category(raw: dict[str, Any], term: str, at: _Positions) -> str:
    category = raw.get("category")
    if not isinstance(category, str) or not _CATEGORY_NAME.match(category):
        raise LexiconError(f"{at.of('category')}: entry '{term}' needs a 'category' in lower_snake_case")
    return category


def _entry_weight(raw: dict[str, Any], at: _Positions) -> float:
    value = raw.get("weight", 0.5)
    try:
        weight = float(value)
    except (TypeError, ValueError):
        raise LexiconError(f"{at.of('weight')}: 'weight' must be a number, not '{value}'") from None
    if not 0.0 <= weight <= 1.0:
        raise LexiconError(f"{at.of('weight')}: 'weight' must be between 0 and 1, not {weight}")
    return weight


def _entry_case_sensitive(raw: dict[str, Any], at: _Positions) -> bool:
    case = str(raw.get("case", "insensitive")).lower()
    if case not in {"sensitive", "insensitive"}:
        raise LexiconError(f"{at.of('case')}: 'case' must be sensitive or insensitive, not '{case}'")
    return case == "sensitive"


def _entry_variants(raw: dict[str, Any], at: _Positions) -> list[str]:
    variants = raw.get("variants") or []
    if not isinstance(variants, list):
        raise LexiconError(f"{at.of('variants')}: 'variants' must be a list of words")
    return [str(v) for v in variants]


def _optional_text(value: Any) -> str | None:
    """``value`` as stripped text, or None when it is missing or empty."""
    return str(value).strip() if value not in (None, "") else None


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


@dataclass(frozen=True)
class _TermSpec:
    """One spelled-out term and the entry settings its words compile with."""

    term: str
    case_sensitive: bool
    inflect: bool
    variants: tuple[str, ...]
    where: str


def compile_term(
    term: str, case_sensitive: bool, inflect: bool, variants: list[str], where: str
) -> tuple[WordPattern, ...]:
    spec = _TermSpec(term, case_sensitive, inflect, tuple(variants), where)
    parts = term.split()
    patterns = tuple(
        _word_pattern(spec, part, index, is_last=index == len(parts) - 1) for index, part in enumerate(parts)
    )
    if len(parts) == 1 and variants and patterns[0].regex is not None:
        raise LexiconError(f"{where}: 'variants' only apply to plain words")
    return patterns


def _word_pattern(spec: _TermSpec, part: str, index: int, is_last: bool) -> WordPattern:
    if part == "*":
        if index == 0:
            raise LexiconError(f"{spec.where}: a term cannot start with '*' (any word)")
        return WordPattern(text=part, any_word=True)
    if not _WORD_CHARS.match(part):
        raise LexiconError(f"{spec.where}: '{part}' in '{spec.term}' has characters a word cannot hold")
    text = part if spec.case_sensitive else part.lower()
    if _REGEX_CHARS & set(part):
        return WordPattern(text=part, regex=_word_regex(spec, part, text))
    return WordPattern(text=part, forms=_word_forms(spec, text, is_last))


def _word_regex(spec: _TermSpec, part: str, text: str) -> re.Pattern[str]:
    """The one-word regular expression of ``part``: only ``( | ) ?`` and ``*`` are special."""
    pattern = re.escape(text)
    for special in ("(", ")", "|", "?"):
        pattern = pattern.replace("\\" + special, special)
    pattern = pattern.replace("\\*", r"[\w'’\-]*")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise LexiconError(f"{spec.where}: bad pattern '{part}' in '{spec.term}': {exc.msg}") from None


def _word_forms(spec: _TermSpec, text: str, is_last: bool) -> frozenset[str]:
    """The word's inflected forms (when on), plus the entry's variants on its last word."""
    forms = inflections(text) if spec.inflect else frozenset({text})
    if is_last and spec.variants:
        forms = forms | {v if spec.case_sensitive else v.lower() for v in spec.variants}
    return frozenset(forms)
