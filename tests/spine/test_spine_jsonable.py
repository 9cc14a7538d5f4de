"""The JSON reader behind Report.from_dict: guided by type hints, strict about shapes."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest

from summarize.jsonable import JSONValue, ShapeError, from_jsonable, to_jsonable


@dataclass(frozen=True)
class Inner:
    value: float
    low: float | None = None


@dataclass(frozen=True)
class Outer:
    name: str
    layer: Literal["loaded", "device"]
    items: tuple[Inner, ...]
    by_name: dict[str, Inner]
    counts: list[int]
    free: dict[str, JSONValue] = field(default_factory=dict)
    optional: Inner | None = None
    kept_out: str = field(default="x", metadata={"json": False})


def _outer() -> Outer:
    return Outer("a", "device", (Inner(1.5), Inner(2, 0.5)), {"k": Inner(3.0)}, [1, 2],
                 {"nested": {"list": [1, "two", None, True]}}, Inner(0.25, None))


def test_round_trip_keeps_types_and_values() -> None:
    data = to_jsonable(_outer())
    again = from_jsonable(Outer, data, kept_out="given")
    assert again == Outer(**{**_outer().__dict__, "kept_out": "given"})
    assert isinstance(again.items, tuple) and isinstance(again.items[1].value, int)  # 2 stays 2
    assert to_jsonable(again) == data


def test_null_for_a_float_is_nan_as_written_and_defaults_fill_missing_fields() -> None:
    data = to_jsonable(_outer())
    data["items"][0]["value"] = None  # the writer writes non-finite floats as null
    del data["optional"], data["free"]
    data["unknown"] = 1  # a newer minor version's field is ignored
    again = from_jsonable(Outer, data)
    assert math.isnan(again.items[0].value) and again.optional is None and again.free == {}


@pytest.mark.parametrize(("change", "where", "problem"), [
    (lambda d: d.update(layer="other"), "layer", "'other' is not one of ['loaded', 'device']"),
    (lambda d: d["items"][1].update(value="1"), "items[1].value", "expected float, found a string"),
    (lambda d: d["counts"].append(True), "counts[2]", "expected int, found a boolean"),
    (lambda d: d["by_name"].update(k=[]), "by_name.k", "expected an object, found an array"),
    (lambda d: d.pop("name"), "name", "missing"),
    (lambda d: d.update(items={}), "items", "expected an array, found an object"),
])
def test_a_wrong_shape_names_the_field(change: Callable[[Any], object], where: str, problem: str) -> None:
    data = to_jsonable(_outer())
    change(data)
    with pytest.raises(ShapeError) as raised:
        from_jsonable(Outer, data)
    assert (raised.value.where, raised.value.problem) == (where, problem)
