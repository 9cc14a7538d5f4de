"""A trained head on disk: one npz entry per field of its dataclass, float32, no pickle.

The field's annotation says how it is stored and read back: arrays as float32 (read as
float64), floats as float32, bools, strings, and tuples of strings joined by commas.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Head = TypeVar("Head")

_LOADED: dict[tuple[type, Path], Any] = {}  # (head class, file) -> head: each file is read once


def save_fields(head: Any, path: Path) -> None:
    import numpy as np

    np.savez(path, **{f.name: _stored(getattr(head, f.name), str(f.type)) for f in dataclasses.fields(head)})


def load_fields(cls: type[Head], path: Path) -> Head:
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        values = {f.name: _read(data[f.name], str(f.type)) for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**values)


def load_cached(
    cls: type[Head], path: Path, *, missing: str, verify: Callable[[Path], None] | None = None
) -> Head:
    """The head in ``path``, read (and ``verify``-ed) the first time only; ``ModelError(missing)``
    when the file is absent."""
    from summarize.errors import ModelError

    key = (cls, path)
    if key not in _LOADED:
        if not path.is_file():
            raise ModelError(missing)
        if verify is not None:
            verify(path)
        _LOADED[key] = load_fields(cls, path)
    head: Head = _LOADED[key]
    return head


def _stored(value: Any, kind: str) -> Any:
    import numpy as np

    if kind == "np.ndarray":
        return value.astype(np.float32)
    if kind == "float":
        return np.float32(value)
    if kind == "bool":
        return np.bool_(value)
    if kind == "str":
        return np.array(value)
    if kind == "tuple[str, ...]":
        return np.array(",".join(value))
    raise TypeError(f"no npz form for a field of type {kind}")


def _read(raw: Any, kind: str) -> Any:
    import numpy as np

    if kind == "np.ndarray":
        return raw.astype(np.float64)
    if kind == "float":
        return float(raw)
    if kind == "bool":
        return bool(raw)
    if kind == "str":
        return str(raw)
    if kind == "tuple[str, ...]":
        return tuple(x for x in str(raw).split(",") if x)
    raise TypeError(f"no npz form for a field of type {kind}")
