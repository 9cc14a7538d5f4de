"""compare: two reports of one event framed in opposite ways give clearly different profiles."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from summarize.compare import compare_reports
from summarize.context import Context
from summarize.errors import UsageError
from summarize.pipeline import analyze
from summarize.render.markdown import render_compare as render_compare_markdown
from summarize.render.terminal import render_compare as render_compare_terminal
from summarize.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

HOSTILE = (
    "The Dorvan regime unleashed its thugs on peaceful marchers on Friday in a brutal, unprovoked "
    "assault. The so-called security forces beat dozens of people, and the government has yet to "
    "condemn the violence. Officials claimed the march was illegal and insisted the police acted lawfully. "
    "Mistakes were made, a spokesman conceded."
)
NEUTRAL = (
    "Police in Dorvan dispersed a march on Friday after organisers failed to obtain a permit, the "
    "government said. Dozens of people were treated for injuries, according to medics. The interior "
    "ministry said officers had followed procedure. Organisers said they would appeal the permit decision."
)


@pytest.fixture(scope="module")
def context() -> Context:
    return Context(settings=Settings(analyses=("framing",), count_model_tokens=False))


def test_opposite_framings_of_one_event_differ(context: Context) -> None:
    a = analyze(HOSTILE, context=context, title="hostile")
    b = analyze(NEUTRAL, context=context, title="neutral")
    cmp = compare_reports(a, b)
    by_name = {c.name: c for c in cmp.categories}
    assert by_name["loaded"].per_1000_a > 0 and by_name["loaded"].per_1000_b == 0
    assert by_name["attribution"].count_a > by_name.get("attribution").count_b  # type: ignore[union-attr]
    only_a = {u.text for u in cmp.only_a}
    assert {"regime", "thugs", "unprovoked assault"} <= only_a
    assert cmp.score_a > cmp.score_b
    assert cmp.title_a == "hostile"


def test_the_two_samples_give_clearly_different_profiles(context: Context) -> None:
    a_path = SAMPLES / "pair-a-vessen-square-crackdown.txt"
    b_path = SAMPLES / "pair-b-vessen-square-operation.txt"
    a = analyze(a_path.read_text(encoding="utf-8"), context=context, title="A")
    b = analyze(b_path.read_text(encoding="utf-8"), context=context, title="B")
    cmp = compare_reports(a, b)
    by_name = {c.name: c for c in cmp.categories}
    assert by_name["loaded"].per_1000_a > 2 * by_name["loaded"].per_1000_b
    assert cmp.score_a > cmp.score_b
    assert len(cmp.only_a) >= 5 and len(cmp.only_b) >= 1
    assert cmp.actors, "the same actors should be found in both"
    shared = {n.actor for n in cmp.actors}
    assert any("Vessen" in name or "Kaldori" in name for name in shared)
    md = render_compare_markdown(cmp)
    assert "## Terms only one article uses" in md and "| Loaded and emotive terms |" in md
    from rich.console import Console

    console = Console(width=120, record=True, file=io.StringIO())
    console.print(render_compare_terminal(cmp))
    assert "How each names the same actors" in console.export_text()


def test_compare_needs_the_framing_section(context: Context) -> None:
    report = analyze(NEUTRAL, settings=Settings(analyses=("readability",), count_model_tokens=False))
    framed = analyze(NEUTRAL, context=context)
    with pytest.raises(UsageError, match="no framing section"):
        compare_reports(report, framed)


def test_verdicts_use_loaded_language_and_say_when_within_noise(context: Context) -> None:
    from summarize.compare import verdict
    from summarize.framing.section import Interval

    a = analyze(HOSTILE, context=context, title="hostile")
    b = analyze(NEUTRAL, context=context, title="neutral")
    cmp = compare_reports(a, b)
    assert [v.figure for v in cmp.verdicts] == ["loaded_per_1000_words", "biased_share"]
    density = cmp.verdicts[0]
    # compare reads the calibrated expected density: the neutral article keeps a small base
    # rate (no sentence is certainly free of loaded language), the hostile one is far above it
    assert a.framing.measure.density_basis == b.framing.measure.density_basis == "expected"
    assert density.a == a.framing.measure.loaded_per_1000_words
    assert density.a.value > 5 * density.b.value
    # ...but a few sentences each: whether an expert would mark them is too uncertain to order
    # the two (the interval draws each sentence's mark), so the verdict says "within noise"
    assert not density.beyond_noise and density.a.low == 0.0
    assert b.framing.measure.loaded_spans_per_1000_words.value == 0.0  # no loaded span shown
    # device categories are listed after the loaded ones and never make the profile
    layers = [c.layer for c in cmp.categories]
    assert layers == sorted(layers, key=lambda x: x != "loaded")
    same = compare_reports(a, analyze(HOSTILE, context=context, title="again"))
    assert not any(v.beyond_noise for v in same.verdicts)
    assert "within noise" in same.verdicts[0].text
    assert same.profile_distance == 0.0
    close = verdict("loaded_per_1000_words", Interval(10.0, 4.0, 16.0), Interval(12.0, 6.0, 18.0))
    assert not close.beyond_noise and "within noise" in close.text
    far = verdict("loaded_per_1000_words", Interval(30.0, 25.0, 35.0), Interval(2.0, 0.0, 5.0))
    assert far.beyond_noise and far.text.startswith("A is higher")
    md = render_compare_markdown(cmp)
    assert "device (not counted)" in md and "Loaded language per 1,000 words" in md
