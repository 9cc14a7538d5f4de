"""Property-based: random Unicode, bytes and white space never crash the splitter, the
readers or `analyze`; the only errors allowed are the project's own documented ones."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.document import Source, build_document
from summarize.errors import EmptyInputError, InputError, SummarizeError
from summarize.inputs.read import document_from_bytes
from summarize.pipeline import analyze
from summarize.settings import Settings
from summarize.text.language import detect_language
from summarize.text.sentences import split_paragraphs, split_sentences

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WHITESPACE = st.sampled_from(
    [" ", "\t", "\n", "\r", "\r\n", "\n\n", "\u00a0", "\u2003", "\u3000", "\x0b", "\x0c"]
)
NEWSY = st.sampled_from(
    [
        "The",
        "council",
        "Mr.",
        "U.S.",
        "said",
        "Dec.",
        "19",
        '"Yes,"',
        "she",
        "(AP)",
        "—",
        "e.g.",
        "J.",
        "…",
        "!",
        "?",
        ".",
        ",",
        "réunion",
        "市长",
        "Gen.",
        "a.m.",
        "$4.5",
        "12%",
        "'quoted'",
        "-",
        "*",
    ]
)
# Article-like text: plausible tokens glued by random white space, plus arbitrary Unicode.
ARTICLEISH = st.lists(st.one_of(NEWSY, WHITESPACE, st.text(max_size=6)), max_size=80).map("".join)
ANY_TEXT = st.one_of(ARTICLEISH, st.text(max_size=400), st.lists(WHITESPACE, max_size=30).map("".join))


def _check_spans(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    previous_end = start
    for span_start, span_end in spans:
        assert previous_end <= span_start < span_end <= end, (spans, start, end)
        assert not text[span_start].isspace() and not text[span_end - 1].isspace()
        # Only white space is left out between sentences.
        assert text[previous_end:span_start].strip() == ""
        previous_end = span_end
    assert text[previous_end:end].strip() == ""


@FAST
@given(ANY_TEXT)
def test_paragraphs_and_sentences_cover_the_text_in_order(text: str) -> None:
    paragraphs = split_paragraphs(text)
    _check_spans(text, paragraphs, 0, len(text))
    for start, end in paragraphs:
        _check_spans(text, split_sentences(text, start, end), start, end)


@FAST
@given(ANY_TEXT)
def test_document_offsets_are_consistent(text: str) -> None:
    doc = build_document(text)
    for index, sentence in enumerate(doc.sentences):
        assert sentence.index == index
        assert doc.text[sentence.start : sentence.end] == sentence.text
        assert doc.sentence_at(sentence.start) == index
    for token in doc.tokens:
        sentence = doc.sentences[token.sentence]
        assert sentence.start <= token.start < token.end <= sentence.end
        assert doc.text[token.start : token.end] == token.text
    for index in range(len(doc.sentences)):
        assert all(t.sentence == index for t in doc.sentence_tokens(index))
    assert sum(len(doc.sentence_tokens(i)) for i in range(len(doc.sentences))) == len(doc.tokens)


@FAST
@given(st.binary(max_size=600))
def test_random_bytes_read_or_fail_with_an_input_error(data: bytes) -> None:
    try:
        doc = document_from_bytes(data, Source(kind="file", location="random.bin"))
    except (InputError, EmptyInputError) as exc:
        assert exc.message.startswith("random.bin: ")
        assert "\n" not in exc.message
        return
    assert doc.text.strip()


@FAST
@given(st.lists(WHITESPACE, max_size=40).map("".join))
def test_white_space_only_is_always_an_empty_input(text: str) -> None:
    try:
        analyze(text, Settings(analyses=("readability",)))
    except EmptyInputError:
        return
    raise AssertionError("white space was analysed")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_analyze_raises_only_documented_errors(text: str) -> None:
    try:
        report = analyze(text, Settings(analyses=("readability",), count_model_tokens=False))
    except SummarizeError as exc:
        assert type(exc) is not SummarizeError and exc.message and "\n" not in exc.message
        return
    assert report.stats.sentences == len(report.sentences) >= 1
    report.to_json()  # everything in the report serialises


@FAST
@given(ANY_TEXT)
def test_language_detection_is_total(text: str) -> None:
    guess = detect_language(text)
    assert 0.0 <= guess.confidence <= 1.0
    assert guess.words >= 0 and guess.name
