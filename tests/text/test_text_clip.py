"""Shortened sentences end at a word boundary with "…", on every surface that shortens them."""

from __future__ import annotations

import re

import pytest

from summarize.text.clip import clip_words

LONG = (
    "The furious opposition leader denounced the catastrophic, disgraceful and utterly shameful "
    "decision as a betrayal of every family in the valley, promising relentless resistance until "
    "the terrible plan is finally abandoned."
)


@pytest.mark.parametrize("limit", [20, 59, 60, 61, 90, 160])
def test_clip_cuts_after_a_whole_word_and_says_so(limit: int) -> None:
    clipped = clip_words(LONG, limit)
    assert len(clipped) <= limit and clipped.endswith("…")
    kept = clipped[:-1]
    assert LONG.startswith(kept)
    assert LONG[len(kept)] in " ,"  # the next character ends a word: none was cut


def test_short_text_is_untouched_and_one_huge_word_is_still_marked() -> None:
    assert clip_words("Short  and\nplain.", 50) == "Short and plain."
    assert clip_words("x" * 30, 10) == "x" * 9 + "…"


def test_most_polar_sentences_are_cut_at_a_word_with_an_ellipsis() -> None:
    from summarize.pipeline import analyze
    from summarize.render.terminal import render_text
    from summarize.sentiment.settings import SentimentSettings
    from summarize.settings import Settings

    text = "Calm words here today. " + LONG + " The weather was mild on Monday."
    settings = Settings(analyses=("sentiment",), sentiment=SentimentSettings(backend="vader"),
                        count_model_tokens=False)
    report = analyze(text, settings)
    rendered = render_text(report, ("sentiment",), width=400)
    polar = rendered[rendered.index("Most polar sentences"):]
    line = next(ln for ln in polar.splitlines() if "furious" in ln)
    shown = re.search(r"The furious.*", line).group(0).rstrip()
    assert shown.endswith("…") and len(shown) <= 160
    assert LONG.startswith(shown[:-1]) and LONG[len(shown) - 1] in " ,"
