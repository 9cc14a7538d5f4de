"""Plain-data conversion for reports, both ways.

``to_jsonable`` turns dataclasses, tuples, enums and numpy scalars into JSON types.
``from_jsonable`` reads JSON data back into the dataclasses, guided by their type hints,
so one reader serves every section: a field's declared type says how to read it.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, TypeAlias, TypeVar, Union

FLOAT_DIGITS = 4

# Any JSON value: fields whose shape is free (e.g. the settings echoed in provenance).
JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None

T = TypeVar("T")
_JSON_SCALARS = {str, int, float, bool, type(None)}


def to_jsonable(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # most values: as _scalar, sooner
        return value
    if kind is float:
        return _scalar(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_jsonable(getattr(value, name)) for name in _json_field_names(type(value))}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return _scalar(value)


@cache
def _json_field_names(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass that go to JSON, in order (looked up once per class: a report
    has some 100,000 values, and ``dataclasses.fields`` is a fifth of writing them)."""
    return tuple(f.name for f in dataclasses.fields(cls) if f.metadata.get("json", True))


def _scalar(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, bool) or value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, float):
        return None if not math.isfinite(value) else round(value, FLOAT_DIGITS)
    if hasattr(value, "item"):  # numpy scalar
        return to_jsonable(value.item())
    if hasattr(value, "tolist"):  # numpy array
        return to_jsonable(value.tolist())
    raise TypeError(f"cannot serialise {type(value).__name__}")


class ShapeError(ValueError):
    """JSON data that does not fit the declared type; ``where`` is its path (``framing.spans[2].start``)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where or 'the top level'}: {problem}")
        self.where = where
        self.problem = problem


def from_jsonable(cls: type[T], data: object, where: str = "", **given: object) -> T:
    """Read ``data`` (parsed JSON) into the dataclass ``cls``; ``given`` fills fields kept out of JSON.

    Unknown keys are ignored (a newer minor schema adds fields); a missing field takes its
    default, and is an error when it has none. Raises ``ShapeError`` naming the bad field.
    """
    return typing.cast(T, _read_dataclass(cls, data, where, given))


def _read(tp: object, data: object, where: str) -> object:
    if tp is Any or _is_json_value(tp):
        return data
    origin = typing.get_origin(tp)
    if origin is not None:
        reader = _GENERIC_READERS.get(origin)
        if reader is None:
            raise TypeError(f"{where}: no reader for {tp}")
        return reader(tp, data, where)
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return _read_dataclass(tp, data, where, {})
        return _read_plain(tp, data, where)
    raise TypeError(f"{where}: no reader for {tp}")


def _is_json_value(tp: object) -> bool:
    """``JSONValue`` (a union of every JSON type), however deep ``get_type_hints`` expanded it."""
    if typing.get_origin(tp) not in (Union, types.UnionType):
        return False
    args = typing.get_args(tp)
    scalars = {a for a in args if a in _JSON_SCALARS}
    containers = {typing.get_origin(a) for a in args if a not in scalars}
    return scalars == _JSON_SCALARS and containers == {list, dict}


def _read_plain(tp: type, data: object, where: str) -> object:
    if issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            raise ShapeError(where, f"{data!r} is not one of {[m.value for m in tp]}") from None
    if tp is float:
        if data is None:
            return math.nan  # the writer writes non-finite numbers as null
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return data  # an int stays an int, so it is written back the same
    elif tp is int:
        if isinstance(data, int) and not isinstance(data, bool):
            return data
    elif isinstance(data, tp):
        return data
    raise ShapeError(where, f"expected {tp.__name__}, found {_kind(data)}")


def _read_union(tp: object, data: object, where: str) -> object:
    options = typing.get_args(tp)
    if data is None and type(None) in options:
        return None
    errors = []
    for option in options:
        if option is type(None):
            continue
        try:
            return _read(option, data, where)
        except ShapeError as error:
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    raise ShapeError(where, f"{_kind(data)} fits none of {tp}")


def _read_literal(tp: object, data: object, where: str) -> object:
    allowed = typing.get_args(tp)
    if data not in allowed:
        raise ShapeError(where, f"{data!r} is not one of {list(allowed)}")
    return data


def _read_list(tp: object, data: object, where: str) -> object:
    (item,) = typing.get_args(tp)
    return [_read(item, x, f"{where}[{i}]") for i, x in enumerate(_array(data, where))]


def _read_tuple(tp: object, data: object, where: str) -> object:
    args = typing.get_args(tp)
    items = _array(data, where)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_read(args[0], x, f"{where}[{i}]") for i, x in enumerate(items))
    if len(items) != len(args):
        raise ShapeError(where, f"expected {len(args)} items, found {len(items)}")
    return tuple(_read(a, x, f"{where}[{i}]") for i, (a, x) in enumerate(zip(args, items, strict=True)))


def _read_dict(tp: object, data: object, where: str) -> object:
    key, value = typing.get_args(tp)
    if key is not str:
        raise TypeError(f"{where}: JSON object keys are strings, not {key}")
    return {k: _read(value, v, f"{where}.{k}") for k, v in _object(data, where).items()}


def _read_dataclass(cls: type, data: object, where: str, given: Mapping[str, object]) -> object:
    obj = _object(data, where)
    hints = _hints(cls)
    values: dict[str, object] = dict(given)
    for f in dataclasses.fields(cls):
        if not f.init or f.name in given or not f.metadata.get("json", True):
            continue
        path = f"{where}.{f.name}" if where else f.name
        if f.name in obj:
            values[f.name] = _read(hints[f.name], obj[f.name], path)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ShapeError(path, "missing")
    return cls(**values)


@cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _array(data: object, where: str) -> list[object]:
    if not isinstance(data, list):
        raise ShapeError(where, f"expected an array, found {_kind(data)}")
    return data


def _object(data: object, where: str) -> dict[str, object]:
    if not isinstance(data, dict):
        raise ShapeError(where, f"expected an object, found {_kind(data)}")
    return data


def _kind(data: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(data), "a number" if isinstance(data, (int, float)) else type(data).__name__)


_GENERIC_READERS: dict[object, Callable[[object, object, str], object]] = {
    Union: _read_union,
    types.UnionType: _read_union,
    typing.Literal: _read_literal,
    list: _read_list,
    tuple: _read_tuple,
    dict: _read_dict,
}
