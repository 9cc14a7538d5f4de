"""The Document: an article read once, split once, shared by every analysis.

All offsets are character offsets into ``Document.text``, so any span an analysis
reports can be highlighted in the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """Where the article came from and what was learnt while reading it."""

    kind: str  # "file", "stdin", "url" or "text"
    location: str | None = None  # path or URL
    title: str | None = None
    date: str | None = None
    author: str | None = None
    encoding: str | None = None
    content_type: str | None = None  # "text", "markdown" or "html"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    sentence: int  # index of the sentence holding the token
    is_word: bool  # False for punctuation and symbols

    def __reduce__(self) -> tuple[type[Token], tuple[str, int, int, int, bool]]:
        # A batch sends each article's tokens between processes twice; pickling the fields as
        # one tuple is ~3x cheaper than the slotted dataclass's own state methods.
        return Token, (self.text, self.start, self.end, self.sentence, self.is_word)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    paragraph: int

    def __reduce__(self) -> tuple[type[Sentence], tuple[int, str, int, int, int]]:
        return Sentence, (self.index, self.text, self.start, self.end, self.paragraph)


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    paragraphs: tuple[Paragraph, ...]
    source: Source = field(default_factory=lambda: Source(kind="text"))
    # Notes made while splitting (e.g. overlong sentences hard-split); the pipeline reports them.
    warnings: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)

    @property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        # Tokens are ordered by sentence: bisect, so a loop over sentences stays linear-ish.
        from bisect import bisect_left, bisect_right

        lo = bisect_left(self.tokens, index, key=lambda t: t.sentence)
        hi = bisect_right(self.tokens, index, lo=lo, key=lambda t: t.sentence)
        return self.tokens[lo:hi]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence that contains character ``offset``, if any."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None


def build_document(text: str, source: Source | None = None) -> Document:
    """Split ``text`` into paragraphs, sentences and tokens, keeping offsets."""
    from summarize.text.sentences import split_paragraphs, split_sentences
    from summarize.text.words import tokenize

    paragraphs = tuple(Paragraph(index=i, start=s, end=e) for i, (s, e) in enumerate(split_paragraphs(text)))
    sentences: list[Sentence] = []
    cuts: list[int] = []
    for paragraph in paragraphs:
        for start, end in split_sentences(text, paragraph.start, paragraph.end, cuts=cuts):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=text[start:end],
                    start=start,
                    end=end,
                    paragraph=paragraph.index,
                )
            )
    tokens: list[Token] = []
    for sentence in sentences:
        for tok_text, start, end, is_word in tokenize(text, sentence.start, sentence.end):
            tokens.append(Token(tok_text, start, end, sentence.index, is_word))
    return Document(
        text=text,
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        paragraphs=paragraphs,
        source=source or Source(kind="text"),
        warnings=_cut_warnings(cuts),
    )


def _cut_warnings(cuts: list[int]) -> tuple[str, ...]:
    if not cuts:
        return ()
    from summarize.text.sentences import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS

    return (
        f"{len(cuts)} overlong sentence break(s) were forced: text ran past {MAX_SENTENCE_WORDS} words "
        f"or {MAX_SENTENCE_CHARS:,} characters without sentence punctuation",
    )
