"""Two layers (loaded language vs framing devices), context rules, calibration output, intervals."""

from __future__ import annotations

import pytest

from summarize.document import build_document
from summarize.framing.calibration import calibration_features, differs_beyond_noise, interval
from summarize.framing.detect import detect_spans
from summarize.framing.layers import can_be_loaded, layer_of, loadable_tokens
from summarize.framing.lexicon import load_builtin_lexicon
from summarize.framing.section import Interval


def _spans(text: str, **kw: bool):
    doc = build_document(text)
    return doc, detect_spans(doc, load_builtin_lexicon(), **kw).spans


def test_every_category_has_its_layer() -> None:
    for device in ("hedge", "attribution", "agentless_passive", "factive", "presupposition", "conflict"):
        assert layer_of(device) == "device"
    for loaded in ("loaded", "actor_label", "euphemism", "scare_quote", "so_called", "flagged_word"):
        assert layer_of(loaded) == "loaded"
    assert layer_of("my_own_category") == "loaded"  # user lexicons measure loaded language


def test_spans_carry_their_layer() -> None:
    _, spans = _spans("The regime launched an unprovoked assault. Mistakes were made, reportedly.")
    layers = {s.text.lower(): s.layer for s in spans}
    assert layers["unprovoked assault"] == "loaded"
    assert layers["were made"] == "device"


def test_may_the_month_is_not_a_hedge_but_the_modal_is() -> None:
    _, spans = _spans("The talks began in May and ended on May 3. The plan may fail.")
    hedges = [s.text for s in spans if s.category == "hedge"]
    assert hedges == ["may"]
    _, raw = _spans("The talks began in May.", context_rules=False)
    assert [s.text for s in raw if s.category == "hedge"] == ["May"]


def test_according_to_is_neutral_attribution() -> None:
    _, spans = _spans("Ten people were hurt, according to the hospital.")
    assert not any(s.text.lower() == "according to" for s in spans)


def test_hedges_count_only_on_the_writers_own_claims() -> None:
    _, spans = _spans("Officials said the bridge may reopen soon. The bridge may reopen soon.")
    hedges = [s for s in spans if s.category == "hedge"]
    assert len(hedges) == 1 and hedges[0].start > 40  # only the second sentence's hedge
    _, quoted = _spans('"We may well lose this vote," said Anna Ruiz.')
    assert not any(s.category == "hedge" for s in quoted)


@pytest.mark.parametrize(
    ("word", "first", "expected"),
    [
        ("the", False, False),
        ("Mr", False, False),
        ("Trump", False, False),
        ("2019", False, False),
        ("Tuesday", True, False),
        ("May", False, False),
        ("NATO", True, False),
        ("slammed", False, True),
        ("Slammed", True, True),
        ("radical", False, True),
    ],
)
def test_which_words_can_be_loaded(word: str, first: bool, expected: bool) -> None:
    assert can_be_loaded(word, first) is expected


def test_word_can_be_loaded_reads_sentence_position() -> None:
    doc = build_document("Critics slammed Smith. Radical plans followed.")
    loadable = loadable_tokens(doc)
    verdicts = {t.text: i in loadable for i, t in enumerate(doc.tokens) if t.is_word}
    assert verdicts == {
        "Critics": True,
        "slammed": True,
        "Smith": False,
        "Radical": True,
        "plans": True,
        "followed": True,
    }


def test_a_name_opening_a_sentence_cannot_be_loaded() -> None:
    # "Cardiora" opens a sentence, but the article writes it capitalised mid-sentence and never in
    # lowercase: a name. "Shocking" opens one too, and the article writes "shocking" as a word.
    doc = build_document(
        "The drug was developed by Cardiora Therapeutics. Cardiora has not said what it would "
        "charge. Shocking prices followed. Critics called the prices shocking."
    )
    loadable = loadable_tokens(doc)
    verdicts = {(t.text, t.sentence): i in loadable for i, t in enumerate(doc.tokens) if t.is_word}
    assert verdicts[("Cardiora", 0)] is False
    assert verdicts[("Cardiora", 1)] is False
    assert verdicts[("Shocking", 2)] is True
    assert verdicts[("shocking", 3)] is True


def test_calibration_features_are_finite_at_the_extremes() -> None:
    import numpy as np

    evidence = ([0.0, 1.0, 0.2], [0.0, 2.5, 0.2], [0.0, 0.0, 3.0])
    x = calibration_features([0.0, 1.0, 0.5], [0.0, 1.0, 0.2], [1, 30, 12], evidence)
    assert x.shape == (3, 6) and np.isfinite(x).all()
    # no candidate in the sentence: the strongest-span column says so, the masses are 0
    assert x[0, 3] == pytest.approx(-8.0) and x[0, 4] == 0.0 and x[0, 5] == 0.0


def test_span_evidence_is_soft_and_keeps_the_voices_apart() -> None:
    from summarize.framing.calibration import span_evidence

    strongest, writer, quoted = span_evidence(
        [0, 0, 1, None, 2], [False, False, True, False, False], [0.1, 0.3, 0.9, 0.8, 0.05], 3
    )
    # every candidate counts, shown or not, with its probability (not a 0/1 count)
    assert writer == pytest.approx([0.4, 0.0, 0.05]) and quoted == pytest.approx([0.0, 0.9, 0.0])
    # the strongest candidate is the writer's: a quoted one does not set it
    assert strongest == pytest.approx([0.3, 0.0, 0.05])


def test_interval_brackets_the_value_and_is_deterministic() -> None:
    values = [0, 1, 0, 0, 2, 0, 1, 0, 0, 0]
    weights = [20] * 10
    a = interval(values, weights, 1000.0)
    assert a.low <= a.value <= a.high
    assert a.value == pytest.approx(20.0)
    assert interval(values, weights, 1000.0) == a
    assert interval([], [], 1.0) == Interval(0.0, 0.0, 0.0)


def test_drawing_the_marks_widens_the_expected_density_interval() -> None:
    probabilities = [0.05, 0.1, 0.02, 0.3, 0.05, 0.01, 0.08, 0.04]
    words = [20] * 8
    resampled = interval(probabilities, words, 1000.0)
    drawn = interval(probabilities, words, 1000.0, draw_marks=True)
    assert drawn.value == resampled.value == pytest.approx(1000 * sum(probabilities) / 160)
    # an expert marks whole sentences: the range of marked densities is far wider than the
    # spread of the probabilities, and it starts at none marked
    assert drawn.low == 0.0 < resampled.low
    assert drawn.high > 2 * resampled.high
    assert interval(probabilities, words, 1000.0, draw_marks=True) == drawn  # deterministic
    assert interval([1.0, 1.0], [10, 10], 1000.0, draw_marks=True) == Interval(100.0, 100.0, 100.0)


def test_no_flagged_sentence_still_has_an_open_upper_bound() -> None:
    from summarize.framing.calibration import share_interval

    none = share_interval([False] * 40)
    assert none.value == none.low == 0.0
    assert none.high == pytest.approx(1 - 0.025 ** (1 / 40), abs=1e-4)  # about 9 %, not 0 %
    four = share_interval([True] * 4 + [False] * 36)
    assert not differs_beyond_noise(four, none)  # 4 of 40 against 0 of 40: cannot be ordered
    every = share_interval([True] * 10)
    assert every.high == every.value == 1.0 and every.low == pytest.approx(0.025 ** (1 / 10), abs=1e-4)
    mixed = share_interval([True, False] * 10)
    assert mixed == interval([1.0, 0.0] * 10, [1.0] * 20)  # otherwise the plain bootstrap
    assert share_interval([]) == Interval(0.0, 0.0, 0.0)


def test_differences_within_noise() -> None:
    assert not differs_beyond_noise(Interval(5.0, 2.0, 8.0), Interval(6.0, 3.0, 9.0))
    assert differs_beyond_noise(Interval(1.0, 0.5, 1.5), Interval(9.0, 7.0, 11.0))


def test_html_shows_the_two_layers_apart() -> None:
    from summarize.framing.section import ArticleMeasure, CategoryStat, VoiceCounts
    from summarize.render.html import render_report_html
    from tests.typed_reports import framing_section, make_report, span

    text = "The regime may fall. Officials said so."
    spans = [
        span(text, "regime", "actor_label", confidence=0.31, explanation="Label."),
        span(text, "may", "hedge", layer="device", explanation="Modal."),
    ]
    measure = ArticleMeasure(
        Interval(125.0, 0.0, 250.0), Interval(0.5, 0.0, 1.0), VoiceCounts(1, 0, 125.0, 0.0), 1, 8, 2
    )
    categories = {
        "actor_label": CategoryStat("Labels", 1, 125.0, 0),
        "hedge": CategoryStat("Hedges", 1, 125.0, 0, "device"),
    }
    report = make_report(
        text, framing=lambda doc: framing_section(doc, spans, categories=categories, measure=measure)
    )
    html = render_report_html(report, ("framing",))
    loaded_at = html.index("Loaded language (the bias measure)")
    devices_at = html.index('<h3 class="layer-h">Framing devices (shown for teaching, never counted as bias)')
    assert loaded_at < html.index("confidence 0.31") < devices_at < html.rindex("Modal.")
    assert "95% CI 0.0–250.0" in html


def test_loaded_layer_selection_reads_the_word_head_in_context() -> None:
    from summarize.framing.analysis import select_loaded

    text = "The regime made a huge profit. Huge crowds came. The very idea slammed shut. It may rain."
    doc = build_document(text)
    detection = detect_spans(doc, load_builtin_lexicon())
    eligible = sorted(loadable_tokens(doc))
    index = {doc.tokens[i].text: i for i in eligible}
    probability = {i: 0.1 for i in eligible}
    probability[index["Huge"]] = 0.99  # the head confirms the second "huge" only
    probability[index["profit"]] = 0.97  # no lexicon entry: a head span
    spans = select_loaded(doc, detection.spans, probability, 0.95, 0.9, detection.quotes)
    texts = [s.text for s in spans]
    assert "regime" in texts  # a strong curated entry needs no confirmation
    assert "Huge" in texts and "huge" not in texts
    assert "the very" not in [t.lower() for t in texts]  # weak, and nothing the head can judge
    head = [s for s in spans if s.source == "head"]
    assert [s.text for s in head] == ["profit"] and head[0].score == pytest.approx(0.97)
    assert all(s.layer == "loaded" for s in spans)  # the hedge "may" stays a device, outside


def test_span_head_reads_context_and_decides_with_confidence() -> None:
    import numpy as np

    from summarize.framing.analysis import select_loaded
    from summarize.framing.heads import LinearHead
    from summarize.framing.span_head import SPAN_FEATURES, judge_candidates, shown_spans, span_features

    text = (
        "Senator Vance praised the plan. Vance called the critics thugs. "
        "The weather was mild. Reporters said the thugs remark drew boos."
    )
    sentence_probability = [0.2, 0.9, 0.1, 0.3]
    doc = build_document(text)
    detection = detect_spans(doc, load_builtin_lexicon())
    eligible = sorted(loadable_tokens(doc))
    probability = {i: 0.2 for i in eligible}
    probability[next(i for i in eligible if doc.tokens[i].text == "praised")] = 0.99
    candidates = select_loaded(doc, detection.spans, probability, 0.95, 0.0, detection.quotes)
    assert [s.text for s in candidates] == ["praised", "thugs", "thugs"]
    x = span_features(doc, candidates, probability, sentence_probability)
    assert x.shape == (3, len(SPAN_FEATURES))
    column = {name: k for k, name in enumerate(SPAN_FEATURES)}
    assert x[1, column["main_actor_in_sentence"]] == 1.0  # "Vance" is the article's main name
    assert x[2, column["main_actor_in_sentence"]] == 0.0
    assert x[1, column["log_term_count"]] == pytest.approx(np.log1p(2))
    assert x[1, column["sentence_logit"]] > x[2, column["sentence_logit"]]
    assert x[0, column["source_head"]] == 1.0 and x[1, column["lexicon_strong"]] == 1.0
    # A head that reads only the sentence head's logit: the head word in a plain sentence is
    # dropped; the strong curated "thugs" is always shown, each with the head's confidence.
    coef = np.zeros(len(SPAN_FEATURES), dtype=np.float32)
    coef[column["sentence_logit"]] = 1.0
    head = LinearHead(
        mean=np.zeros(len(SPAN_FEATURES), np.float32),
        scale=np.ones(len(SPAN_FEATURES), np.float32),
        coef=coef,
        intercept=0.0,
        threshold=0.5,
    )
    judged = judge_candidates(head, doc, candidates, probability, sentence_probability)
    # every candidate of a built-in category is judged (the calibrator reads them all)
    assert [(s.text, p) for s, p in judged] == [
        ("praised", pytest.approx(0.2, abs=1e-3)),
        ("thugs", pytest.approx(0.9, abs=1e-3)),
        ("thugs", pytest.approx(0.3, abs=1e-3)),
    ]
    kept = shown_spans(head, judged, candidates)
    assert [(s.text, s.confidence) for s in kept] == [
        ("thugs", pytest.approx(0.9, abs=1e-3)),
        ("thugs", pytest.approx(0.3, abs=1e-3)),
    ]
    assert shown_spans(head, judge_candidates(head, doc, [], probability, sentence_probability), []) == []


def test_the_calibrated_density_is_reported_and_the_span_count_named_beside_it() -> None:
    from summarize.framing.section import ArticleMeasure, VoiceCounts
    from summarize.render.describe import measure_line
    from summarize.render.html import render_report_html
    from tests.typed_reports import framing_section, make_report, span

    text = "The regime may fall. Officials said so."
    measure = ArticleMeasure(
        loaded_per_1000_words=Interval(61.2, 20.5, 98.0),
        biased_share=Interval(0.5, 0.0, 1.0),
        voices=VoiceCounts(1, 0, 125.0, 0.0),
        devices=0,
        words=8,
        sentences=2,
        loaded_spans_per_1000_words=Interval(125.0, 0.0, 250.0),
        density_basis="expected",
    )
    spans = [span(text, "regime", "actor_label", confidence=0.31, explanation="Label.")]
    report = make_report(text, framing=lambda doc: framing_section(doc, spans, measure=measure))
    line = measure_line(report.framing)
    assert line.startswith("Loaded language: 61.2 per 1,000 words (expected sentences with loaded language")
    assert "loaded spans shown: 125.0 per 1,000 words in the writer's voice (95% CI 0.0–250.0" in line
    assert "(95% CI 0.0–250.0; 1 span, plus 0 inside quotations)" in line  # one span: singular
    assert line.endswith("0 framing devices shown, not counted")
    html = render_report_html(report, ("framing",))
    assert html.index("95% CI 20.5–98.0") < html.index("Loaded spans shown per 1,000 words")
    data = report.to_dict()["framing"]["measure"]
    assert data["density_basis"] == "expected"
    assert data["loaded_per_1000_words"]["value"] == 61.2
    assert data["loaded_spans_per_1000_words"]["value"] == 125.0


def test_counts_in_the_framing_lines_agree_in_number() -> None:
    from summarize.render.describe import counted

    assert counted(1, "loaded-language terms") == "1 loaded-language term"
    assert counted(0, "framing devices") == "0 framing devices"
    assert counted(15, "framing devices") == "15 framing devices"
