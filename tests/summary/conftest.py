"""Tiny random-weight BART, T5 and Llama models with a word-level tokenizer, built once per session."""

# ruff: noqa: E501  (the article below is prose, one paragraph per line)
from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = """Harbour Council Approves New Ferry Route

The Harbour Council voted on Tuesday to open a ferry route between Portwick and Elder Bay. The route will carry about 300 passengers a day from next spring, officials said. Mayor Ines Calder said the service would cut travel time for workers who now drive around the bay.

The vote passed by seven to two. Two members argued that the council should first repair the old pier at Elder Bay. The repairs are expected to cost 1.2 million pounds, according to a council report.

Local businesses welcomed the decision. Shop owners in Portwick said more visitors would come in the summer months. The ferry operator, Blue Gull Lines, will run four boats on the route.

Environmental groups asked the council to study the effect on seabirds near the harbour. The council agreed to publish a study before the first sailing. Calder said the study would be finished by March.
"""

SPECIALS = ["<pad>", "<s>", "</s>", "<unk>"]
CHAT_TEMPLATE = (
    "{% for m in messages %}<s> {{ m['role'] }} : {{ m['content'] }} </s> {% endfor %}"
    "{% if add_generation_prompt %}<s> assistant : {% endif %}"
)


def _tokenizer(max_length: int):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    from summarize.text.words import words

    vocab = {tok: i for i, tok in enumerate(SPECIALS)}
    extra = ["system", "user", "assistant", ":", "summarize", "article", ".", ",", "'", "(", ")", '"', "-", "the", "a", "of"]
    for word in [*extra, *words(ARTICLE), *words(ARTICLE.lower())]:
        vocab.setdefault(word, len(vocab))
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", pad_token="<pad>",
        unk_token="<unk>", model_max_length=max_length,
    )


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import torch
    from transformers import (
        BartConfig,
        BartForConditionalGeneration,
        LlamaConfig,
        LlamaForCausalLM,
        T5Config,
        T5ForConditionalGeneration,
    )

    root = tmp_path_factory.mktemp("tiny_models")
    out: dict[str, Path] = {}
    ids = {"pad_token_id": 0, "bos_token_id": 1, "eos_token_id": 2}
    tokenizer = _tokenizer(512)
    vocab = len(tokenizer)
    torch.manual_seed(0)
    bart = BartForConditionalGeneration(BartConfig(
        vocab_size=vocab, d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=16,
        decoder_ffn_dim=16, max_position_embeddings=512, decoder_start_token_id=2,
        forced_eos_token_id=None, **ids,
    ))
    t5 = T5ForConditionalGeneration(T5Config(
        vocab_size=vocab, d_model=16, d_kv=8, d_ff=16, num_layers=1, num_decoder_layers=1,
        num_heads=2, decoder_start_token_id=0, pad_token_id=0, eos_token_id=2,
    ))
    llama = LlamaForCausalLM(LlamaConfig(
        vocab_size=vocab, hidden_size=16, intermediate_size=32, num_hidden_layers=1,
        num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=512, **ids,
    ))
    for name, model in (("bart", bart), ("t5", t5), ("llama", llama)):
        folder = root / name
        model.save_pretrained(folder, safe_serialization=True)
        tok = _tokenizer(512)
        if name == "llama":
            tok.chat_template = CHAT_TEMPLATE
        tok.save_pretrained(folder)
        out[name] = folder
    return out
