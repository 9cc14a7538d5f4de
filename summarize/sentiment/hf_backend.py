"""Any Hugging Face sequence-classification sentiment model, by hub id or local folder.

The score of a text is the expected polarity under the model's label distribution:
labels named negative/neutral/positive (or LABEL_0..2 in that order, or 1..5 stars)
map to -1/0/1; a single-output regression model gives tanh(logit).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.backends.interfaces import SentimentScorer
from summarize.backends.locate import locate_folder_or_hub
from summarize.errors import ModelError

_LOCK = threading.Lock()
_CACHE: dict[str, HFClassifier] = {}


@dataclass
class HFClassifier:
    id: str
    source: str  # "path:/x" or "hub"
    model: Any
    tokenizer: Any
    polarity: tuple[float, ...]  # the -1..1 value of each label, by label index
    max_length: int

    def scores(self, texts: list[str], batch_size: int = 32) -> list[float]:
        import torch

        out: list[float] = []
        values = torch.tensor(self.polarity, dtype=torch.float32)
        with torch.inference_mode():
            for lo in range(0, len(texts), batch_size):
                batch = self.tokenizer(
                    texts[lo : lo + batch_size],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                logits = self.model(**batch).logits.float()
                if logits.shape[-1] == 1:
                    out.extend(torch.tanh(logits[:, 0]).tolist())
                else:
                    out.extend((torch.softmax(logits, dim=-1) @ values).tolist())
        return out


def label_polarity(id2label: dict[int, str]) -> tuple[float, ...]:
    """Map each label to -1..1 from its name; fall back to index order (negative first)."""
    n = len(id2label)
    if n == 1:
        return (1.0,)
    values: list[float | None] = []
    for index in range(n):
        name = str(id2label.get(index, "")).lower()
        stars = re.match(r"^(\d)\s*stars?$", name)
        if stars:
            values.append((int(stars.group(1)) - 3) / 2)
        elif "neg" in name:
            values.append(-1.0)
        elif "pos" in name:
            values.append(1.0)
        elif "neu" in name or "neither" in name or "mixed" in name:
            values.append(0.0)
        else:
            values.append(None)
    if all(v is not None for v in values):
        return tuple(float(v) for v in values if v is not None)
    # Unnamed labels (LABEL_0, LABEL_1, ...): negative .. positive, evenly spaced.
    return tuple(-1.0 + 2.0 * i / (n - 1) for i in range(n))


def load_classifier(name: str) -> SentimentScorer:
    with _LOCK:
        if name not in _CACHE:
            _CACHE[name] = _load(name)
        return _CACHE[name]


def _load(name: str) -> HFClassifier:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    target, model_id, source = locate_folder_or_hub(
        name,
        bare_names_are_hub_ids=True,
        unknown=f"--sentiment-model '{name}': give a hub id (org/name) or a local folder",
    )
    from summarize.backends.safety import pickle_allowed

    local_only = False
    if source == "hub":
        from summarize.backends.hub import hub_load_mode

        local_only = hub_load_mode(
            target, "sentiment", fix="give a local folder, or use --sentiment-backend minilm"
        )
    # Safetensors only, unless the user opted in to pickle weights (--allow-pickle).
    use_safetensors = None if pickle_allowed() else True
    if source != "hub" and not any(Path(target).glob("*.safetensors")):
        use_safetensors = None  # check_local_model already refused unrequested pickles
    try:
        tokenizer = AutoTokenizer.from_pretrained(
            target, trust_remote_code=False, local_files_only=local_only
        )
        model = AutoModelForSequenceClassification.from_pretrained(
            target, trust_remote_code=False, use_safetensors=use_safetensors, local_files_only=local_only
        )
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"cannot load sentiment model '{name}' ({str(exc).splitlines()[0][:200]}). "
            "Offline? Give a local folder, or use --sentiment-backend minilm"
        ) from None
    model.eval()
    id2label = {int(k): v for k, v in (model.config.id2label or {}).items()}
    if not id2label:
        id2label = {i: f"LABEL_{i}" for i in range(model.config.num_labels)}
    max_length = min(int(getattr(tokenizer, "model_max_length", 512) or 512), 512)
    return HFClassifier(model_id, source, model, tokenizer, label_polarity(id2label), max_length)
