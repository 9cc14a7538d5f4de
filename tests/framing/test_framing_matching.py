"""Lexicon matching over the shared tokens: phrases, inflections, wildcards, case, overlaps."""

from __future__ import annotations

from pathlib import Path

from summarize.document import build_document
from summarize.framing.detect import detect_spans
from summarize.framing.lexicon import load_builtin_lexicon, load_lexicon_file
from summarize.framing.matcher import match_lexicon


def _spans(text: str):
    doc = build_document(text)
    return doc, detect_spans(doc, load_builtin_lexicon()).spans


def _find(spans, text: str):
    found = [s for s in spans if s.text == text]
    assert found, f"{text!r} not among {[s.text for s in spans]}"
    return found[0]


def test_unprovoked_assault_is_one_loaded_span_with_offsets() -> None:
    text = (
        "The minister condemned what he called a war of choice.\n\n"
        "The army pressed on with its unprovoked assault on the port city."
    )
    doc, spans = _spans(text)
    span = _find(spans, "unprovoked assault")
    assert span.category == "loaded"
    assert doc.text[span.start : span.end] == "unprovoked assault"
    assert span.alternative == "attack"
    # longest wins: no separate span for "unprovoked" or "assault"
    assert not [s for s in spans if s.start >= span.start and s.end <= span.end and s is not span]


def test_has_yet_to_condemn_is_a_presupposition_with_its_verb() -> None:
    _doc, spans = _spans("The government has yet to condemn the shelling of the dam.")
    span = _find(spans, "has yet to condemn")
    assert span.category == "presupposition"
    assert span.in_quote is False


def test_inflected_forms_and_alternatives_match() -> None:
    _, spans = _spans("Officials have yet to respond. The mayor claimed the figures were wrong.")
    assert _find(spans, "have yet to respond").category == "presupposition"
    assert _find(spans, "claimed").category == "attribution"


def test_stance_verbs_are_found_and_said_is_not() -> None:
    _, spans = _spans("The senator insisted the bill was fair, conceded one flaw and said she would vote.")
    assert _find(spans, "insisted").category == "attribution"
    assert _find(spans, "conceded").category == "factive"
    assert not [s for s in spans if s.text == "said"]


def test_actor_labels_and_conflict_terms() -> None:
    _, spans = _spans("The regime called it a special military operation; critics called it an invasion.")
    assert _find(spans, "regime").category == "actor_label"
    assert _find(spans, "special military operation").category == "conflict"
    assert _find(spans, "invasion").category == "conflict"


def test_punctuation_breaks_a_phrase() -> None:
    _, spans = _spans("It was unprovoked. Assault rifles were banned.")
    assert not [s for s in spans if s.text.lower().startswith("unprovoked assault")]


def test_user_lexicon_overlapping_phrases_longest_wins(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "category: economy\nentries:\n"
        "  - term: tax\n    explanation: a\n"
        "  - term: tax relief\n    explanation: b\n    weight: 0.8\n"
        "  - term: relief package\n    explanation: c\n"
        "  - term: death tax*\n    explanation: d\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon_file(path)
    doc = build_document("They promised tax relief packages and an end to the death taxes.")
    matches = match_lexicon(doc, lexicon)
    texts = [doc.text[m.start : m.end] for m in matches]
    # two words beat one; between two-word matches the longer in characters wins,
    # and the left-over "tax" is still reported
    assert texts[:2] == ["tax", "relief packages"]
    assert "tax relief" not in texts
    assert "death taxes" in texts  # wildcard suffix
    doc = build_document("A tax relief plan.")
    assert [doc.text[m.start : m.end] for m in match_lexicon(doc, lexicon)] == ["tax relief"]


def test_case_sensitive_entries(tmp_path: Path) -> None:
    path = tmp_path / "case.tsv"
    path.write_text(
        "term\tcategory\tcase\texplanation\nUS\tacronym\tsensitive\tthe country\n", encoding="utf-8"
    )
    lexicon = load_lexicon_file(path)
    doc = build_document("Let us see what the US decides.")
    texts = [doc.text[m.start : m.end] for m in match_lexicon(doc, lexicon)]
    assert texts == ["US"]


def test_any_word_wildcard(tmp_path: Path) -> None:
    path = tmp_path / "any.yaml"
    path.write_text(
        "category: mine\nentries:\n  - term: refused to *\n    explanation: x\n    inflect: false\n",
        encoding="utf-8",
    )
    doc = build_document("He refused to resign, then refused to.")
    texts = [doc.text[m.start : m.end] for m in match_lexicon(doc, load_lexicon_file(path))]
    assert texts == ["refused to resign"]


def test_pattern_first_words_are_remembered_per_word_and_match_as_before(tmp_path: Path) -> None:
    """The index remembers which pattern-first entries each word starts; repeated words match the same."""
    from summarize.framing.matcher import LexiconIndex, find_all_matches

    path = tmp_path / "lex.tsv"
    path.write_text("term\tcategory\nterror* attack\tloaded\n(the|old) regime\tloaded\nregime\tloaded\n")
    lexicon = load_lexicon_file(path)
    index = LexiconIndex(lexicon)
    doc = build_document("A terrorist attack hit the regime. Another terrorist attack, the old regime.")
    first = [(doc.text[m.start : m.end], m.entry.term) for m in find_all_matches(doc, index)]
    assert "terrorist" in index.starting and "the" in index.starting
    assert [(doc.text[m.start : m.end], m.entry.term) for m in find_all_matches(doc, index)] == first
    assert first == [
        ("terrorist attack", "terror* attack"),
        ("the regime", "(the|old) regime"),
        ("regime", "regime"),
        ("terrorist attack", "terror* attack"),
        ("old regime", "(the|old) regime"),
        ("regime", "regime"),
    ]
