"""Fixtures for the sentiment tests: an article written for them and a tiny random classifier."""

from __future__ import annotations

from pathlib import Path

import pytest

# Written for these tests (not from any dataset): clearly good news, then clearly bad news.
ARTICLE = (
    "Ministers Agree on Flood Relief\n\n"
    "President Maria Olsen praised the rescue teams, calling their work brave and wonderful. "
    "Olsen said the new hospital in Northbay was a great success for the whole region. "
    "Officials in Denmark welcomed the agreement and thanked the volunteers. "
    "But Russian officials condemned the plan as a disastrous failure. "
    "The Kremlin warned of terrible consequences and accused Denmark of lying. "
    "The storm killed twelve people and destroyed hundreds of homes."
)


@pytest.fixture(scope="session")
def tiny_classifier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight BERT sentiment classifier with a word-level tokenizer, saved to disk."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    words = ARTICLE.lower().replace(".", " ").replace(",", " ").split()
    vocab = {tok: i for i, tok in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *sorted(set(words))])}
    backend = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]", sep_token="[SEP]"
    )
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=128,
        num_labels=3,
        id2label={0: "negative", 1: "neutral", 2: "positive"},
        label2id={"negative": 0, "neutral": 1, "positive": 2},
    )
    import torch

    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    with torch.no_grad():  # default init gives near-equal logits; spread them so scores differ
        model.classifier.weight.normal_(0.0, 3.0)
    folder = tmp_path_factory.mktemp("tiny-sentiment")
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
