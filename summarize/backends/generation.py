"""Text-generation models for summaries: encoder-decoder summarizers (BART, T5, Pegasus) and
instruction-tuned chat models (SmolLM2, Qwen, Llama), the kind read from the model's config.

Names resolve like the encoder's: a registry name (``smollm2`` is the converted cached
checkpoint), a local folder, or a Hugging Face hub id (transformers honours HF_HUB_OFFLINE).
Safetensors are preferred; remote code is never trusted.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.backends.interfaces import GenerationOptions
from summarize.backends.locate import locate_folder_or_hub
from summarize.backends.registry import get_entry, missing_model_error
from summarize.backends.sources import source_for
from summarize.errors import ModelError

SEQ2SEQ = "seq2seq"
CHAT = "chat"
# Chat models can take long contexts, but on two CPU cores a 2k-token prompt is already slow
# and small models lose the thread beyond it: longer inputs are chunked.
MAX_CHAT_CONTEXT = 2048
DEFAULT_SEQ2SEQ_CONTEXT = 512


@dataclass(frozen=True, slots=True)
class Architecture:
    """What differs between the kinds of generation model, so no code branches on the kind."""

    auto_class: str  # the transformers Auto class that loads it
    decoder_only: bool  # the output follows the prompt in one context (and in the output ids)
    max_context: int | None  # cap on the context used (None: the model's own)


ARCHITECTURES = {
    SEQ2SEQ: Architecture("AutoModelForSeq2SeqLM", decoder_only=False, max_context=None),
    CHAT: Architecture("AutoModelForCausalLM", decoder_only=True, max_context=MAX_CHAT_CONTEXT),
}

_LOCK = threading.Lock()
_CACHE: dict[str, Generator] = {}


@dataclass
class Generator:
    """A loaded generation model, its tokenizer, kind, context size and provenance."""

    id: str
    source: str
    kind: str  # SEQ2SEQ or CHAT
    model: Any
    tokenizer: Any
    context_tokens: int
    input_prefix: str = ""  # T5's "summarize: "

    @property
    def output_shares_context(self) -> bool:
        """A decoder-only (chat) model writes its output into the context the prompt fills."""
        return ARCHITECTURES[self.kind].decoder_only

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def prompt_for(self, text: str, instruction: str) -> str:
        """The full model input for ``text``: the chat template, or the seq2seq prefix."""
        if not ARCHITECTURES[self.kind].decoder_only:
            return self.input_prefix + text
        messages = [
            {"role": "system", "content": instruction},
            {"role": "user", "content": f"Article:\n{text}"},
        ]
        if getattr(self.tokenizer, "chat_template", None):
            return str(
                self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            )
        return f"{instruction}\n\nArticle:\n{text}\n\nSummary:\n"

    def generate(self, prompt: str, options: GenerationOptions) -> str:
        import torch

        torch.manual_seed(options.seed)
        encoded = self.tokenizer(
            prompt,
            return_tensors="pt",
            add_special_tokens=not self.output_shares_context
            or not getattr(self.tokenizer, "chat_template", None),
            truncation=False,
        )
        length = int(encoded["input_ids"].shape[1])
        if length > self.context_tokens:
            # Chunking keeps inputs inside the context; this is a guard, never a silent cut.
            raise ModelError(
                f"{self.id}: input of {length} tokens exceeds its {self.context_tokens}-token context"
            )
        kwargs: dict[str, Any] = {
            "max_new_tokens": options.max_new_tokens,
            "num_beams": options.num_beams,
            "do_sample": options.temperature > 0,
        }
        if options.temperature > 0:
            kwargs["temperature"] = options.temperature
        if options.repetition_penalty:
            kwargs["repetition_penalty"] = options.repetition_penalty
        if options.no_repeat_ngram_size:
            kwargs["no_repeat_ngram_size"] = options.no_repeat_ngram_size
        pad = self.tokenizer.pad_token_id
        if pad is None:
            pad = self.tokenizer.eos_token_id
        if pad is not None:
            kwargs["pad_token_id"] = pad
        if not self.output_shares_context:
            kwargs.setdefault("min_length", 0)
        with torch.inference_mode():
            output = self.model.generate(**encoded, **kwargs)
        tokens = output[0][length:] if self.output_shares_context else output[0]
        return str(self.tokenizer.decode(tokens, skip_special_tokens=True)).strip()


def detect_kind(config: Any) -> str:
    """seq2seq for encoder-decoder configs, chat for decoder-only language models."""
    if getattr(config, "is_encoder_decoder", False):
        return SEQ2SEQ
    architectures = getattr(config, "architectures", None) or []
    if any(a.endswith(("ForCausalLM", "LMHeadModel")) for a in architectures):
        return CHAT
    from transformers import AutoModelForCausalLM

    if type(config) in AutoModelForCausalLM._model_mapping:
        return CHAT
    raise ModelError(
        f"model type '{getattr(config, 'model_type', '?')}' is neither an encoder-decoder "
        "summarizer nor a causal language model"
    )


def resolve_generator(name: str) -> tuple[str, str, str]:
    """(what to load, model id, source) for a registry name, folder or hub id."""
    entry = get_entry(name)
    if entry is not None:
        source = source_for(entry)
        folder = source.folder(entry)
        if folder is not None:
            return str(folder), entry.id, source.label(entry, folder)
        if source.short_name_is_offline and name == entry.name:
            raise missing_model_error(entry.name, "summary")
        name = entry.id  # fall back to the hub id
    return locate_folder_or_hub(
        name,
        unknown=(
            f"unknown model '{name}'; use a registry name (see `summarize models list`), "
            "a hub id like sshleifer/distilbart-cnn-12-6, or a local folder"
        ),
    )


def _context_tokens(kind: str, config: Any, tokenizer: Any) -> int:
    positions = getattr(config, "max_position_embeddings", None) or getattr(config, "n_positions", None)
    tokenizer_max = getattr(tokenizer, "model_max_length", None)
    if tokenizer_max is not None and tokenizer_max > 1_000_000:  # "no limit" sentinel
        tokenizer_max = None
    limits = [x for x in (positions, tokenizer_max) if x]
    context = min(limits) if limits else DEFAULT_SEQ2SEQ_CONTEXT
    cap = ARCHITECTURES[kind].max_context
    return min(context, cap) if cap else context


def _load(name: str, dtype: str) -> Generator:
    target, model_id, source = resolve_generator(name)
    from transformers import AutoConfig, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    local = Path(target).is_dir()
    offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes"}
    local_only = False
    use_safetensors: bool | None = True if local and any(Path(target).glob("*.safetensors")) else None
    if source == "hub":
        from summarize.backends.hub import hub_load_mode
        from summarize.backends.safety import pickle_allowed

        local_only = hub_load_mode(target, "summaries", fix=f"run: summarize models pull {name}")
        # A hub repo with only pickle weights is refused unless the user opted in.
        use_safetensors = None if pickle_allowed() else True
    try:
        config = AutoConfig.from_pretrained(target, trust_remote_code=False, local_files_only=local_only)
        kind = detect_kind(config)
        tokenizer = AutoTokenizer.from_pretrained(
            target, trust_remote_code=False, local_files_only=local_only
        )
        import transformers

        loader = getattr(transformers, ARCHITECTURES[kind].auto_class)
        model = loader.from_pretrained(
            target,
            trust_remote_code=False,
            use_safetensors=use_safetensors,
            dtype=_torch_dtype(dtype),
            local_files_only=local_only,
        )
    except (OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        hint = (
            "HF_HUB_OFFLINE is set: use a local folder or `summarize models pull`"
            if offline
            else "check the name, or use a local folder"
        )
        raise ModelError(f"cannot load model '{name}' ({reason}); {hint}") from None
    model.eval()
    prefix = ""
    if not ARCHITECTURES[kind].decoder_only:
        params = (getattr(config, "task_specific_params", None) or {}).get("summarization", {})
        prefix = params.get("prefix") or ("summarize: " if config.model_type in {"t5", "mt5"} else "")
    return Generator(
        id=model_id,
        source=source,
        kind=kind,
        model=model,
        tokenizer=tokenizer,
        context_tokens=_context_tokens(kind, config, tokenizer),
        input_prefix=prefix,
    )


def _torch_dtype(name: str) -> Any:
    if name == "auto":
        return "auto"
    import torch

    if name not in {"float32", "bfloat16", "float16"}:
        raise ModelError(f"unknown dtype '{name}'; use auto, float32, bfloat16 or float16")
    return getattr(torch, name)


def load_generator(name: str, dtype: str = "float32") -> Generator:
    key = f"{name}|{dtype}"
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _load(name, dtype)
        return _CACHE[key]
