"""The shared sentence splitter on the kinds of text news articles are made of."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarize.document import build_document
from summarize.text.sentences import split_paragraphs, split_sentences

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def assert_offsets_consistent(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, disjoint, trimmed, and together cover every non-space character."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip(), f"untrimmed sentence {piece!r}"
        assert not text[previous_end:start].strip(), (
            f"text lost between sentences: {text[previous_end:start]!r}"
        )
        previous_end = end
    assert not text[previous_end:].strip()


ABBREVIATIONS = [
    (
        "Mr. Smith went to Washington. He arrived at noon.",
        ["Mr. Smith went to Washington.", "He arrived at noon."],
    ),
    (
        "Mrs. Marsh and Ms. Rusk spoke. Dr. Lee listened.",
        ["Mrs. Marsh and Ms. Rusk spoke.", "Dr. Lee listened."],
    ),
    ("Gen. Kostal spoke first. Sen. Warren replied.", ["Gen. Kostal spoke first.", "Sen. Warren replied."]),
    (
        "Lt. Col. Dana Reyes and Gov. Lydia Park met Rep. Hall.",
        ["Lt. Col. Dana Reyes and Gov. Lydia Park met Rep. Hall."],
    ),
    (
        "Prof. Adams and Sgt. Pike arrived. Capt. Ortiz did not.",
        ["Prof. Adams and Sgt. Pike arrived.", "Capt. Ortiz did not."],
    ),
    ("The U.S. Senate voted 52-48. It was close.", ["The U.S. Senate voted 52-48.", "It was close."]),
    (
        "The U.S. Food and Drug Administration must approve it.",
        ["The U.S. Food and Drug Administration must approve it."],
    ),
    ("He moved to the U.S. The move was sudden.", ["He moved to the U.S.", "The move was sudden."]),
    (
        "Growth slowed in the U.K. Critics blamed the budget.",
        ["Growth slowed in the U.K.", "Critics blamed the budget."],
    ),
    (
        "She lives in Washington, D.C. and works downtown.",
        ["She lives in Washington, D.C. and works downtown."],
    ),
    (
        "She lives in Washington, D.C. She works downtown.",
        ["She lives in Washington, D.C.", "She works downtown."],
    ),
    ("A spokesman in Washington, D.C., said no.", ["A spokesman in Washington, D.C., said no."]),
    ("The meeting starts at 10 a.m. and ends at noon.", ["The meeting starts at 10 a.m. and ends at noon."]),
    (
        "The meeting starts at 10 a.m. The vote follows.",
        ["The meeting starts at 10 a.m.", "The vote follows."],
    ),
    ("It ended at 11 p.m. Police then left.", ["It ended at 11 p.m.", "Police then left."]),
    (
        "A meeting is set for 6 p.m. Wednesday at the fairgrounds.",
        ["A meeting is set for 6 p.m. Wednesday at the fairgrounds."],
    ),
    ("Service was cut from 4 a.m., officials said.", ["Service was cut from 4 a.m., officials said."]),
    ("On Dec. 19 the council met. It voted.", ["On Dec. 19 the council met.", "It voted."]),
    (
        "The protest began on Sept. 16 and ended on Sept. 28. Nobody expected it.",
        ["The protest began on Sept. 16 and ended on Sept. 28.", "Nobody expected it."],
    ),
    ("The payment is due Jan. 5. It is late.", ["The payment is due Jan. 5.", "It is late."]),
    ("He lives at No. 10 Downing Street. It is old.", ["He lives at No. 10 Downing Street.", "It is old."]),
    ("She said no. Then she left.", ["She said no.", "Then she left."]),
    ("See Fig. 3 and Vol. 2 for details.", ["See Fig. 3 and Vol. 2 for details."]),
    ("Acme Inc. said profits rose. Shares fell.", ["Acme Inc. said profits rose.", "Shares fell."]),
    (
        "The company was bought by Acme Inc. The deal closed in May.",
        ["The company was bought by Acme Inc.", "The deal closed in May."],
    ),
    ("Analysts at Berrington & Co. estimated a price.", ["Analysts at Berrington & Co. estimated a price."]),
    ("Leaders, e.g. mayors, agreed. Others did not.", ["Leaders, e.g. mayors, agreed.", "Others did not."]),
    ("Some cities, e.g. Boston, objected.", ["Some cities, e.g. Boston, objected."]),
    (
        "The largest cities, i.e. the capitals, objected.",
        ["The largest cities, i.e. the capitals, objected."],
    ),
    ("She holds a Ph.D. in physics. She teaches.", ["She holds a Ph.D. in physics.", "She teaches."]),
    ("She earned a Ph.D. She then taught.", ["She earned a Ph.D.", "She then taught."]),
    ("They sold apples, pears, etc. The shop closed.", ["They sold apples, pears, etc.", "The shop closed."]),
    ("They sold apples, pears, etc. and then closed.", ["They sold apples, pears, etc. and then closed."]),
    (
        "Patients at St. Anselm Clinic were treated. Mt. Hood was closed.",
        ["Patients at St. Anselm Clinic were treated.", "Mt. Hood was closed."],
    ),
    (
        "The speech by Martin Luther King Jr. The crowd cheered.",
        ["The speech by Martin Luther King Jr.", "The crowd cheered."],
    ),
    (
        "The firm is based in Cambridge, Mass. The founders met at school.",
        ["The firm is based in Cambridge, Mass.", "The founders met at school."],
    ),
    ("He moved to Sacramento, Calif. in 2019.", ["He moved to Sacramento, Calif. in 2019."]),
    ("He loves art. The museum is his second home.", ["He loves art.", "The museum is his second home."]),
    (
        "The shop closed at 6 p.m. on Monday. It reopened.",
        ["The shop closed at 6 p.m. on Monday.", "It reopened."],
    ),
    ("Visit lumenarc.com. The site has details.", ["Visit lumenarc.com.", "The site has details."]),
    ("Sales of the iPhone rose. eBay shares fell.", ["Sales of the iPhone rose.", "eBay shares fell."]),
]

INITIALS = [
    (
        "John F. Kennedy was president. He died in 1963.",
        ["John F. Kennedy was president.", "He died in 1963."],
    ),
    (
        "J.R.R. Tolkien wrote books. He taught at Oxford.",
        ["J.R.R. Tolkien wrote books.", "He taught at Oxford."],
    ),
    ("H. G. Wells wrote it. Critics loved it.", ["H. G. Wells wrote it.", "Critics loved it."]),
    ("W.E.B. Du Bois wrote it in 1903.", ["W.E.B. Du Bois wrote it in 1903."]),
    (
        "The order was signed by George W. Bush. It took effect.",
        ["The order was signed by George W. Bush.", "It took effect."],
    ),
    ("They chose Plan B. The other plan failed.", ["They chose Plan B.", "The other plan failed."]),
    ("Sandra K. Whitlock, the chief executive, spoke.", ["Sandra K. Whitlock, the chief executive, spoke."]),
]

NUMBERS = [
    (
        "Revenue rose to $4.5 billion. Profit fell 3.5%. The total was 1,200.50 euros.",
        ["Revenue rose to $4.5 billion.", "Profit fell 3.5%.", "The total was 1,200.50 euros."],
    ),
    ("It cost $3. The rest was free.", ["It cost $3.", "The rest was free."]),
    ("Shares rose 2.5 percent to $187.40 on Thursday.", ["Shares rose 2.5 percent to $187.40 on Thursday."]),
    ("The vote was 5-4. 12 members abstained.", ["The vote was 5-4.", "12 members abstained."]),
    (
        "The rate rose 0.25 point to 4.75%. Markets fell.",
        ["The rate rose 0.25 point to 4.75%.", "Markets fell."],
    ),
    ("Version 2.0 shipped in 2024. It sold well.", ["Version 2.0 shipped in 2024.", "It sold well."]),
    ("At 4:30 a.m. the square was cleared.", ["At 4:30 a.m. the square was cleared."]),
    (
        "The budget gap is 2.1 billion kalds, about $640 million.",
        ["The budget gap is 2.1 billion kalds, about $640 million."],
    ),
]

QUOTES = [
    ('"Why?" he asked.', ['"Why?" he asked.']),
    ('"Why?" He asked again.', ['"Why?"', "He asked again."]),
    (
        '"We will win," he said. "The next vote is ours."',
        ['"We will win," he said.', '"The next vote is ours."'],
    ),
    ('He said: "It is over." The next day, he left.', ['He said: "It is over."', "The next day, he left."]),
    ('"It is over." The next day, he left.', ['"It is over."', "The next day, he left."]),
    ('"Stop!" shouted the officer.', ['"Stop!" shouted the officer.']),
    ("'Really?' she said. 'Yes.'", ["'Really?' she said.", "'Yes.'"]),
    (
        "“We are building a stack,” she said. “Each layer helps.”",
        ["“We are building a stack,” she said.", "“Each layer helps.”"],
    ),
    ("He called it “a disaster.” Others disagreed.", ["He called it “a disaster.”", "Others disagreed."]),
    ('"Is it over?" asked Mr. Lee. "Yes."', ['"Is it over?" asked Mr. Lee.', '"Yes."']),
    (
        'The ministry said the square had been "cleared." Witnesses disagreed.',
        ['The ministry said the square had been "cleared."', "Witnesses disagreed."],
    ),
    ("(The vote was 5-4.) It passed.", ["(The vote was 5-4.)", "It passed."]),
    ("He said, 'She told me \"no.\"' Then he left.", ["He said, 'She told me \"no.\"'", "Then he left."]),
    (
        '"Twelve days of songs, and they reply with clubs. Every Kaldorian saw it," she said.',
        ['"Twelve days of songs, and they reply with clubs.', 'Every Kaldorian saw it," she said.'],
    ),
    (
        "“Credit to them. They wanted it more,” Mr. Silva said.",
        ["“Credit to them.", "They wanted it more,” Mr. Silva said."],
    ),
    (
        '"My son is 19. He went with a thermos of tea," said Mr. Dreven.',
        ['"My son is 19.', 'He went with a thermos of tea," said Mr. Dreven.'],
    ),
]

ELLIPSES = [
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("He paused … then he spoke.", ["He paused … then he spoke."]),
    ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
    ("It was, he said, ... a mistake.", ["It was, he said, ... a mistake."]),
    ("The law . . . is unjust.", ["The law . . . is unjust."]),
    ("The law is unjust . . . The court agreed.", ["The law is unjust . . .", "The court agreed."]),
    ('"I don\'t know..." he said.', ['"I don\'t know..." he said.']),
    ("Wait!! What happened?! Nobody knows.", ["Wait!!", "What happened?!", "Nobody knows."]),
]

HEADLINES_AND_LISTS = [
    (
        "Council Approves Rail Line\nHARBORVIEW - The council voted. It passed.",
        ["Council Approves Rail Line", "HARBORVIEW - The council voted.", "It passed."],
    ),
    (
        "Council Approves Rail Line\n\nHARBORVIEW - The council voted.",
        ["Council Approves Rail Line", "HARBORVIEW - The council voted."],
    ),
    ("Breaking News", ["Breaking News"]),
    ("Is Rail Worth It?\nThe council thinks so.", ["Is Rail Worth It?", "The council thinks so."]),
    ("Rail Line Approved\n“We won,” said the mayor.", ["Rail Line Approved", "“We won,” said the mayor."]),
    ("By Maya Lindqvist\nSAN JOSE - Shares rose.", ["By Maya Lindqvist", "SAN JOSE - Shares rose."]),
    (
        "Key points:\n- Fares rise 10%\n- Service expands\n- Vote due Monday",
        ["Key points:", "- Fares rise 10%", "- Service expands", "- Vote due Monday"],
    ),
    ("The plan:\n• New buses\n• More trains", ["The plan:", "• New buses", "• More trains"]),
    (
        "1. Fares rise by 10%\n2. Service expands\n3. The vote is Monday",
        ["1. Fares rise by 10%", "2. Service expands", "3. The vote is Monday"],
    ),
    (
        "1. Fares rise. Buses too.\n2. Service expands.",
        ["1. Fares rise.", "Buses too.", "2. Service expands."],
    ),
    ("Fares\nService\nSchedules", ["Fares", "Service", "Schedules"]),
]

HARD_WRAPPED = [
    (
        "The council voted on Tuesday to approve the plan, which will cost\n"
        "$1.8 billion over ten years and was backed by the mayor. Opponents said\n"
        "they would appeal the decision to the state supreme court in the spring.",
        [
            "The council voted on Tuesday to approve the plan, which will cost\n"
            "$1.8 billion over ten years and was backed by the mayor.",
            "Opponents said\nthey would appeal the decision to the state supreme court in the spring.",
        ],
    ),
    (
        "The plan was approved late on Tuesday night and was strongly backed by Mayor\n"
        "Danielle Okafor, who had campaigned on it for two years, and by the four\n"
        "members of the transit committee. It now goes to the state for funding.",
        [
            "The plan was approved late on Tuesday night and was strongly backed by Mayor\n"
            "Danielle Okafor, who had campaigned on it for two years, and by the four\n"
            "members of the transit committee.",
            "It now goes to the state for funding.",
        ],
    ),
    (
        "Rail Line Approved After Long Night\n"
        "HARBORVIEW, Ore. - The council voted 5-4 early on Wednesday to approve the\n"
        "Eastline light rail plan, the largest public works project in the city's\n"
        "history. Construction starts in 2027.",
        [
            "Rail Line Approved After Long Night",
            "HARBORVIEW, Ore. - The council voted 5-4 early on Wednesday to approve the\n"
            "Eastline light rail plan, the largest public works project in the city's\n"
            "history.",
            "Construction starts in 2027.",
        ],
    ),
]

ALL_CASES = ABBREVIATIONS + INITIALS + NUMBERS + QUOTES + ELLIPSES + HEADLINES_AND_LISTS + HARD_WRAPPED


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), INITIALS)
def test_initials(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_decimals_and_money(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_quotes_and_closing_quotation_marks(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), ELLIPSES)
def test_ellipses_and_repeated_marks(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), HEADLINES_AND_LISTS)
def test_headlines_and_list_items(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), HARD_WRAPPED)
def test_hard_wrapped_paragraphs_rejoin(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_offsets_index_the_original_text(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert_offsets_consistent(text, spans)
    assert len(spans) == len(expected)


@pytest.mark.parametrize("padding", ["", "  ", "\n\n", " \t\n"])
def test_offsets_exclude_surrounding_white_space(padding: str) -> None:
    text = f"{padding}First one.  Second one.\t{padding}"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_offsets_are_absolute_within_a_slice() -> None:
    text = "Ignore this. Mr. Lee spoke. He left. Ignore that."
    start = text.index("Mr.")
    end = text.index(" Ignore that")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Mr. Lee spoke.", "He left."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = "Headline\n\nFirst paragraph. Two sentences.\n \t\nSecond\nparagraph.\r\n\r\nThird."
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == [
        "Headline",
        "First paragraph. Two sentences.",
        "Second\nparagraph.",
        "Third.",
    ]


def test_document_sentences_never_cross_paragraphs() -> None:
    text = "The vote was held at 10 a.m.\n\nThe council met. It adjourned"
    doc = build_document(text)
    assert [s.text for s in doc.sentences] == [
        "The vote was held at 10 a.m.",
        "The council met.",
        "It adjourned",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]
    for sentence in doc.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_unpunctuated_text_is_capped_not_one_giant_sentence() -> None:
    text = " ".join(["word"] * 1200)
    spans = split_sentences(text)
    assert len(spans) >= 3
    assert_offsets_consistent(text, spans)


SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_articles_split_cleanly(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = build_document(text)
    assert_offsets_consistent(text, [(s.start, s.end) for s in doc.sentences])
    headline = text.split("\n", 1)[0]
    assert doc.sentences[0].text == headline
    for sentence in doc.sentences[1:]:
        # Every sentence of the body ends with a terminator (maybe inside a closing quote)...
        assert re.search(r"[.!?…][\"'”’)]*$", sentence.text), sentence.text
        # ...and none ends on a title or month abbreviation the splitter should have kept.
        assert not re.search(
            r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Gov|Col|Sept|Oct|Nov|Dec|No|St)\.$", sentence.text
        ), sentence.text
        assert not re.match(r"[a-z]", sentence.text), sentence.text
