"""Seq2seq, chat and hybrid paths on tiny random-weight models built by the tests (offline)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from summarize.backends.generation import CHAT, SEQ2SEQ, Generator, load_generator
from summarize.context import Context
from summarize.pipeline import analyze
from summarize.settings import Settings
from summarize.summary.abstractive import summarize_units
from summarize.summary.length import LengthTarget
from summarize.summary.settings import SummarySettings

from .conftest import ARTICLE

pytestmark = pytest.mark.slow


def settings(**kw) -> Settings:
    return Settings(analyses=("summary",), summary=SummarySettings(**kw), count_model_tokens=False)


@pytest.mark.parametrize(("name", "kind"), [("bart", SEQ2SEQ), ("t5", SEQ2SEQ), ("llama", CHAT)])
def test_kind_detected_from_config(tiny_models: dict[str, Path], name: str, kind: str) -> None:
    generator = load_generator(str(tiny_models[name]))
    assert generator.kind == kind
    assert generator.source.startswith("path:")
    assert generator.context_tokens == 512
    if name == "t5":
        assert generator.input_prefix == "summarize: "
    if name == "llama":
        prompt = generator.prompt_for("Some text.", "Summarize.")
        assert prompt.startswith("<s> system : Summarize.") and prompt.endswith("assistant : ")


@pytest.mark.parametrize("name", ["bart", "t5", "llama"])
def test_abstractive_section_traces_every_sentence(tiny_models: dict[str, Path], name: str) -> None:
    report = analyze(ARTICLE, settings(method="abstractive", model=str(tiny_models[name]),
                                       max_new_tokens=24))
    section = report.to_dict()["summary"]
    assert section["method"] == "abstractive"
    assert section["model"]["id"] == str(tiny_models[name])
    assert section["chunks"] == 1
    assert section["sentences"]
    n = len(report.sentences)
    for sentence in section["sentences"]:
        assert set(sentence) >= {"text", "source_sentences", "support", "flags"}
        assert all(0 <= i < n for i in sentence["source_sentences"])
        assert 0.0 <= sentence["support"] <= 1.0
    models = {m.id for m in report.provenance.models}
    assert str(tiny_models[name]) in models


def test_hybrid_condenses_salient_sentences(tiny_models: dict[str, Path]) -> None:
    report = analyze(ARTICLE, settings(method="hybrid", model=str(tiny_models["bart"]),
                                       max_new_tokens=24))
    section = report.summary
    assert section.method == "hybrid"
    assert section.scorer is not None and section.scorer.id == "summary-scorer"
    assert section.sentences


def test_long_input_is_chunked_and_reduced(tiny_models: dict[str, Path]) -> None:
    generator = load_generator(str(tiny_models["llama"]))
    units = [s.strip() + "." for s in ARTICLE.replace("\n", " ").split(".") if s.strip()] * 3
    calls: list[str] = []
    original = Generator.generate

    def counting(self: Generator, prompt: str, options):  # records real generate calls
        calls.append(prompt)
        return original(self, prompt, options)

    try:
        Generator.generate = counting  # type: ignore[method-assign]
        out = summarize_units(units, generator, LengthTarget(2),
                              SummarySettings(max_input_tokens=60, max_new_tokens=16))
    finally:
        Generator.generate = original  # type: ignore[method-assign]
    assert out.chunks > 3
    assert out.passes >= 2  # a map pass and at least one reduce pass
    assert len(calls) > out.chunks
    assert all(generator.count_tokens(c) <= generator.context_tokens for c in calls)


def test_chunks_reported_in_section(tiny_models: dict[str, Path]) -> None:
    report = analyze(ARTICLE, settings(method="abstractive", model=str(tiny_models["t5"]),
                                       max_input_tokens=50, max_new_tokens=12))
    assert report.summary.chunks > 1


def test_strict_drops_planted_invented_facts(tiny_models: dict[str, Path], monkeypatch) -> None:
    planted = ("The Harbour Council voted on Tuesday to open a ferry route. "
               "The route will carry 4,500 passengers a day to Geneva.")
    monkeypatch.setattr(Generator, "generate", lambda self, prompt, options: planted)
    model = str(tiny_models["bart"])
    loose = analyze(ARTICLE, settings(method="abstractive", model=model)).summary
    assert [bool(s.flags) for s in loose.sentences] == [False, True]
    kinds = {(f.kind, f.text) for f in loose.sentences[1].flags}
    assert {("number", "4,500"), ("name", "Geneva")} <= kinds
    assert loose.sentences[0].source_sentences[0] == 1  # the sentence it was copied from
    assert loose.sentences[0].support > 0.8
    assert loose.flagged_share == 0.5

    strict = analyze(ARTICLE, settings(method="abstractive", model=model, strict=True)).summary
    assert [s.text for s in strict.sentences] == [loose.sentences[0].text]
    assert [s.text for s in strict.dropped] == [loose.sentences[1].text]
    assert not strict.supported_by_construction


def test_strict_falls_back_to_extractive_when_nothing_survives(tiny_models, monkeypatch) -> None:
    monkeypatch.setattr(Generator, "generate", lambda self, p, o: "Olsen Vark paid 77 dollars.")
    ctx = Context(settings=settings(method="abstractive", model=str(tiny_models["bart"]), strict=True))
    report = analyze(ARTICLE, context=ctx)
    assert report.summary.supported_by_construction
    assert report.summary.sentences and all(s.support == 1.0 for s in report.summary.sentences)
    assert any("extractive" in w for w in report.provenance.warnings)
    # The labels say what is shown (the extractive summary), not what was asked for.
    assert report.summary.method == "abstractive" and report.summary.shown == "extractive"
    assert report.summary.selection == "lead-position rule"
    from summarize.render.markdown import render_report_markdown
    from summarize.render.terminal import render_text

    for text in (render_text(report, ("summary",)), render_report_markdown(report, ("summary",))):
        footer = " ".join(text.split())
        assert "extractive fallback" in footer and "lead-position rule" in footer
        assert "none of the abstractive sentences" in footer
        assert "abstractive ·" not in footer


def test_missing_smollm2_names_the_fix(monkeypatch, tmp_path: Path) -> None:
    from summarize.errors import ModelError

    monkeypatch.setenv("SUMMARIZE_CACHE_DIR", str(tmp_path))
    with pytest.raises(ModelError, match="summarize models pull smollm2"):
        load_generator("smollm2")


def test_settings_are_deterministic(tiny_models: dict[str, Path]) -> None:
    s = settings(method="abstractive", model=str(tiny_models["llama"]), max_new_tokens=16)
    first = analyze(ARTICLE, s).summary
    second = analyze(ARTICLE, replace(s)).summary
    assert [x.text for x in first.sentences] == [x.text for x in second.sentences]
