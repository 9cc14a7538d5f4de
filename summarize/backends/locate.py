"""Where a model the user named lives: a local folder (checked), or a Hugging Face hub id.

The encoder, the summary generators and the hf sentiment backend all take "a hub id or a
local folder"; registry names are resolved by each of them first (bundled packages and
cached conversions differ), then the rest comes here so every model is checked alike.
"""

from __future__ import annotations

import re
from pathlib import Path

from summarize.errors import ModelError

# Legacy hub ids without an organisation ("distilbert-base-uncased") are plain names.
BARE_HUB_ID = re.compile(r"[\w.-]+")


def locate_folder_or_hub(
    name: str,
    *,
    unknown: str,
    markers: tuple[str, ...] = ("config.json",),
    bare_names_are_hub_ids: bool = False,
) -> tuple[str, str, str]:
    """(what to load, model id, source) for a local folder or a hub id; ``unknown`` otherwise.

    A folder must hold one of ``markers`` and pass the safety checks (complete, no pickle
    weights unless allowed) before anything loads from it. Without a "/" a name is not a
    hub id unless ``bare_names_are_hub_ids``: for the encoder and summary models such a
    name is far more likely a mistyped registry name, and ``unknown`` says so.
    """
    from summarize.backends.safety import check_local_model, transformer_folder

    path = Path(name).expanduser()
    if path.exists():
        if not any((path / marker).is_file() for marker in markers):
            raise ModelError(f"{path}: not a model folder (no {' or '.join(markers)})")
        check_local_model(transformer_folder(path))  # complete, and no unrequested pickle
        return str(path), str(path), f"path:{path.resolve()}"
    if "/" in name or (bare_names_are_hub_ids and BARE_HUB_ID.fullmatch(name)):
        return name, name, "hub"
    raise ModelError(unknown)
