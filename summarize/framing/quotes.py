"""Quoted speech and who said it.

Framing inside quotation marks belongs to the speaker, not the writer, so every
span is marked ``in_quote`` with the speaker when one can be found:
``"...," X said`` / ``"...," said X`` / ``X said: "..."``; a pronoun speaker
("he said") is resolved to the last named speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.document import Document

_OPEN = {"“", '"', "«", "„"}
_CLOSE = {"”", '"', "»", "“"}
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|claimed|claims|insisted|insists|argued|"
    "argues|warned|warns|noted|notes|explained|explains|asked|asks|wrote|writes|declared|"
    "declares|announced|announces|replied|replies|responded|responds|continued|recalled|"
    "remarked|admitted|admits|acknowledged|conceded|suggested|urged|stressed|emphasized|"
    "emphasised|affirmed|tweeted|posted|commented|complained|boasted|countered|retorted|"
    "predicted|promised|vowed|pledged|maintained|contended|alleged|asserted|observed|"
    "(?:was|were|is|are) (?:cited|quoted|reported) as (?:telling|saying)"
)
_NAME_WORD = r"[A-Z][\w’'\-]*\.?"
_PROPER = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|the|de|al|bin|van|von))*"
_DESCRIBED = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,4}?"
_PRONOUN = r"(?:he|she|they|we|I|He|She|They|We|It|it)"
_SPEAKER = rf"(?P<speaker>{_PROPER}|{_DESCRIBED}|{_PRONOUN})"
_VERB = rf"(?:{SPEECH_VERBS})"

# After the closing mark: ', said the minister' / ', Xi said' / ' Xi was cited as telling'.
_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*{_VERB}\s+{_SPEAKER}(?=[\s,.;:!?]|$)")
_AFTER_SPEAKER_FIRST = re.compile(rf"^[\s,]*{_SPEAKER}\s+(?:\w+ly\s+)?{_VERB}\b")
# Before the opening mark: 'He further stated that, ' / 'The minister said: '.
_ADVERB = r"(?:\w+ly|further|also|then|later|again|once|had|has|have)"
_BEFORE = re.compile(rf"(?:^|[\s(]){_SPEAKER}\s+(?:{_ADVERB}\s+)?{_VERB}\b")
_PRONOUN_BEFORE = re.compile(rf"\bthat\s+(?P<speaker>{_PRONOUN})\s*$")
_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
_FOLLOW_ON_MIN_WORDS = 4  # shorter unattributed quotes may be scare quotes, not speech


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph end when it is never closed)
    content_start: int
    content_end: int
    words: int
    speaker: str | None
    single_marks: bool = False  # ‘...’: only ever treated as scare quotes

    def contains(self, start: int, end: int) -> bool:
        return self.content_start <= start and end <= self.content_end


def _count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


def find_quote_marks(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(open, close) pairs of double quotation marks in ``text[start:end]``; closed=False if never closed."""
    pairs: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for pos in range(start, end):
        ch = text[pos]
        if opened is None:
            if ch in _OPEN and ch != "”":
                opened = pos
        elif ch in _CLOSE:
            if ch == "“" and text[opened] == "“":
                opened = pos  # an unclosed quote followed by a new one: restart
                continue
            pairs.append((opened, pos + 1, True))
            opened = None
    if opened is not None and end - opened > 1:
        pairs.append((opened, end, False))
    return pairs


def find_single_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """‘short phrase’ pairs; ’ is also an apostrophe, so the closing mark must end a word."""
    out = []
    for match in re.finditer(r"(?<![\w])‘([^‘’\n]{1,60}?)’(?![\w])", text[start:end]):
        out.append((start + match.start(), start + match.end()))
    return out


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int]:
    index = doc.sentence_at(offset)
    if index is None:
        return offset, offset
    sentence = doc.sentences[index]
    return sentence.start, sentence.end


def _paragraph_bounds(doc: Document, offset: int) -> tuple[int, int]:
    for paragraph in doc.paragraphs:
        if paragraph.start <= offset < paragraph.end:
            return paragraph.start, paragraph.end
    return 0, len(doc.text)


_TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:of|the|de|al|bin|van|von))+$")


def _clean_speaker(name: str) -> str:
    return _TRAILING_CONNECTORS.sub("", name.strip().rstrip(".,;:"))


def find_speaker(doc: Document, open_at: int, close_at: int) -> str | None:
    """The speaker named next to a quote, or None."""
    para_start, para_end = _paragraph_bounds(doc, open_at)
    after = doc.text[close_at : min(para_end, close_at + 120)]
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SPEAKER_FIRST):
        match = pattern.match(after)
        if match:
            return _clean_speaker(match.group("speaker"))
    sentence_start, _ = _sentence_bounds(doc, open_at)
    before = doc.text[max(para_start, sentence_start) : open_at]
    matches = list(_BEFORE.finditer(before))
    if matches:
        return _clean_speaker(matches[-1].group("speaker"))
    pronoun = _PRONOUN_BEFORE.search(before.rstrip(" ,:"))
    return pronoun.group("speaker") if pronoun else None


def _resolve_pronoun(speaker: str | None, last_named: str | None) -> tuple[str | None, str | None]:
    """(the speaker, the last named speaker): a pronoun is the last named speaker, if any."""
    if speaker and speaker.lower() in _PRONOUNS:
        return (last_named or speaker), last_named
    if speaker:
        return speaker, speaker
    return speaker, last_named


def find_quotes(doc: Document) -> list[Quote]:
    """Every quotation in the document, with speakers; pronouns resolved to the last named speaker."""
    quotes: list[Quote] = []
    last_named: str | None = None
    for paragraph in doc.paragraphs:
        span = (doc.text, paragraph.start, paragraph.end)
        pairs = [(o, c, False) for o, c, _ in find_quote_marks(*span)]
        pairs += [(o, c, True) for o, c in find_single_quotes(*span)]
        previous_speaker: str | None = None  # a follow-on quote in a paragraph keeps its speaker
        for open_at, close_at, single in sorted(pairs):
            closed = doc.text[close_at - 1] in _CLOSE | {_SINGLE_CLOSE}
            content_start = open_at + 1
            content_end = close_at - 1 if closed else close_at
            content = doc.text[content_start:content_end]
            found = None if single else find_speaker(doc, open_at, close_at)
            speaker, last_named = _resolve_pronoun(found, last_named)
            if speaker is None and not single and _count_words(content) >= _FOLLOW_ON_MIN_WORDS:
                speaker = previous_speaker
            if not single and speaker is not None:
                previous_speaker = speaker
            quotes.append(
                Quote(
                    start=open_at,
                    end=close_at,
                    content_start=content_start,
                    content_end=content_end,
                    words=_count_words(content),
                    speaker=speaker,
                    single_marks=single,
                )
            )
    return quotes


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for quote in quotes:
        if quote.contains(start, end):
            return quote
    return None
