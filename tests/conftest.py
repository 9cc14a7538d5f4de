"""Shared fixtures: sample articles written for this project, and a project-wide temp cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Tests never reach the network: the hub is off, and transformers must not phone home.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    paths = sample_paths()
    assert len(paths) >= 5, "samples/ must hold at least five articles"
    return paths


@pytest.fixture(scope="session")
def sample_path(samples: list[Path]) -> Path:
    return samples[0]
