"""Quoted speech with speakers, scare quotes, so-called, agentless passives."""

from __future__ import annotations

from summarize.document import build_document
from summarize.framing.detect import detect_spans
from summarize.framing.lexicon import load_builtin_lexicon
from summarize.framing.quotes import find_quotes


def _detect(text: str):
    doc = build_document(text)
    return doc, detect_spans(doc, load_builtin_lexicon())


def test_said_x_after_the_quote() -> None:
    _doc, d = _detect("“This is a brutal and shameful decision,” said Maria Lopez, the union leader.")
    assert d.quotes[0].speaker == "Maria Lopez"
    brutal = next(s for s in d.spans if s.text == "brutal")
    assert brutal.in_quote and brutal.speaker == "Maria Lopez"


def test_x_said_after_the_quote_and_pronoun_resolution() -> None:
    text = (
        '"The regime will fall," Petrov said on Tuesday.\n\n'
        'He added: "These thugs cannot hold the city forever."'
    )
    _doc, d = _detect(text)
    assert [q.speaker for q in d.quotes] == ["Petrov", "Petrov"]
    thugs = next(s for s in d.spans if s.text == "thugs")
    assert thugs.in_quote and thugs.speaker == "Petrov"
    regime = next(s for s in d.spans if s.text == "regime")
    assert regime.speaker == "Petrov"


def test_speaker_before_the_quote() -> None:
    _doc, d = _detect('The foreign minister stated: "Our partners have yet to respond to the offer."')
    assert d.quotes[0].speaker == "The foreign minister"
    span = next(s for s in d.spans if s.category == "presupposition")
    assert span.in_quote and span.speaker == "The foreign minister"


def test_writer_voice_is_not_in_quote() -> None:
    _doc, d = _detect('The brutal raid ended at dawn. "We saw nothing," a resident said.')
    brutal = next(s for s in d.spans if s.text == "brutal")
    assert not brutal.in_quote and brutal.speaker is None


def test_scare_quotes_around_a_short_phrase() -> None:
    _doc, d = _detect("The ministry described the raids as “routine checks” carried out by the police.")
    span = next(s for s in d.spans if s.category == "scare_quote")
    assert span.text == "“routine checks”"
    assert not span.in_quote


def test_single_mark_scare_quotes_leave_apostrophes_alone() -> None:
    _doc, d = _detect("The group’s leader called it a ‘victory’ for the country’s workers.")
    scare = [s.text for s in d.spans if s.category == "scare_quote"]
    assert scare == ["‘victory’"]


def test_so_called_takes_the_name_after_it() -> None:
    _doc, d = _detect("The so-called peace plan was rejected by both sides within hours.")
    span = next(s for s in d.spans if s.category == "so_called")
    assert span.text == "so-called peace plan"


def test_agentless_passive_found_and_agent_passive_not() -> None:
    _doc, d = _detect("Mistakes were made during the evacuation. The bridge was destroyed by shelling.")
    passives = [s.text for s in d.spans if s.category == "agentless_passive"]
    assert passives == ["were made"]


def test_unclosed_quote_runs_to_the_paragraph_end() -> None:
    doc = build_document('She said: "We will not leave this square\n\nThe crowd stayed.')
    quotes = find_quotes(doc)
    assert len(quotes) == 1
    assert doc.text[quotes[0].content_start : quotes[0].content_end] == "We will not leave this square"


def test_follow_on_quote_in_a_paragraph_keeps_the_speaker() -> None:
    text = '"They came at night," said Irena Matusz, a teacher. "Nobody threw anything at the brutal police."'
    _doc, d = _detect(text)
    assert [q.speaker for q in d.quotes] == ["Irena Matusz", "Irena Matusz"]
    brutal = next(s for s in d.spans if s.text == "brutal")
    assert brutal.in_quote and brutal.speaker == "Irena Matusz"
