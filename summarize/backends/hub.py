"""Hugging Face hub ids: use the local cache when the hub cannot be reached, fail fast otherwise.

Without this, huggingface_hub retries an unreachable host for about 50 s before
transformers raises; an editor offline deserves a one-line answer at once.
"""

from __future__ import annotations

import os
import socket
from functools import cache
from urllib.parse import urlparse

from summarize.errors import ModelError

_TRUE = {"1", "true", "yes", "on"}


def hub_offline_requested() -> bool:
    return any(
        os.environ.get(v, "").strip().lower() in _TRUE for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


@cache
def hub_reachable(timeout: float = 3.0) -> bool:
    if hub_offline_requested():
        return False
    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    host = endpoint.hostname or "huggingface.co"
    port = endpoint.port or (443 if endpoint.scheme != "http" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def is_cached(model_id: str) -> bool:
    from huggingface_hub import try_to_load_from_cache

    for filename in ("config.json", "modules.json", "tokenizer_config.json"):
        found = try_to_load_from_cache(model_id, filename)
        if isinstance(found, str):
            return True
    return False


def hub_load_mode(model_id: str, job: str, *, fix: str | None = None) -> bool:
    """Decide how to load a hub id: returns ``local_files_only``; raises if it cannot load at all."""
    if hub_reachable():
        return False
    if is_cached(model_id):
        return True
    hint = fix or "use a registry name (`summarize models list`) or a local folder"
    raise ModelError(
        f"model '{model_id}' for {job} is not in the local Hugging Face cache and the hub cannot "
        f"be reached (offline, or HF_HUB_OFFLINE is set); {hint}"
    )
