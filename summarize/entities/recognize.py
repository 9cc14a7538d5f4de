"""A rule-based recognizer of named actors in news text, offline and dependency-free.

How it works, one module per step:
1. tokens.py: word tokens are normalised: possessives dropped ("China’s"), hyphenated pairs of
   known names split ("Russia-Ukraine"), run-together words repaired ("towardRussia").
2. runs.py: runs of capitalised tokens (joined by "of"/"for"/"&" and name particles); months and days
   break a name ("On Sept. 16"); a sentence-opening capitalised word counts only if the article also
   capitalises it elsewhere or it is a speaker ("Vadri said"). classify.py cuts runs at gazetteer
   names (places.py; the names are data in summarize/data/entities/), unless the run is one
   organisation's name ("University of Nairobi") or a person's ("Jordan Henderson").
3. classify.py: what remains is a name chunk: an organisation if it ends in an organisation word
   ("Foreign Ministry"), a place if it ends in a place word ("Mill Creek Road"), a person if titled
   ("President X") or it starts with a common given name, else undecided.
4. headlines.py: a Title-Case headline is read last: only names also found in the body count there.
   In a Title-Case sentence with a full stop, a run that glues capitals onto a person's name
   ("Colin Kaepernick Raised His Fist.") is read the same way.
5. decide.py: context cues (cues.py) decide undecided names: "said X" and "winger X" mark people,
   "the firm X" and "X, a group that" organisations, "in X" and "the town of X" places.
6. grouping.py (with run_ons.py and resolve.py): mentions are grouped into actors: demonyms with their
   country, capitals with their country when used as actors ("Beijing said") but as places after
   "in"/"to"; a lone surname or given name with the full name ("Xi" -> "Xi Jinping"); a lone first
   word with the one organisation it starts ("Cardiora"); acronyms and "known as" names with the
   organisation they name. A lone word the article also writes in lowercase is not a name.
   Picture and wire credits ("(Wikimedia Commons)", "(AP Photo/Jane Doe)") name no actor (credits.py).
"""

from __future__ import annotations

from dataclasses import replace

from summarize.document import Document
from summarize.entities.actors import Actor
from summarize.entities.classify import read_run
from summarize.entities.credits import is_credit
from summarize.entities.decide import apply_cues
from summarize.entities.found import Found
from summarize.entities.gazetteer import SPORTS_WORDS
from summarize.entities.grouping import group
from summarize.entities.headlines import Run, read_headlines, unglue
from summarize.entities.runs import capitalised_runs, contiguous, known_names, trim
from summarize.entities.tokens import Tok, is_headline, is_titled, sentence_tokens

_SPORTS_MIN_WORDS = 3  # distinct sports words that make a story a sports story


def find_actors(doc: Document) -> list[Actor]:
    """The named actors of ``doc``, most mentioned first, with every mention's offsets."""
    sentences = _sentences(doc)
    known = known_names(sentences)
    lowercase = {t.text for toks in sentences for t in toks if t.text[:1].islower()}
    sports = len(lowercase & SPORTS_WORDS) >= _SPORTS_MIN_WORDS
    slots: list[list[Found]] = []  # the mentions of each run in text order
    titled: list[tuple[int, Run]] = []  # runs of Title Case sentences, read once the body is known
    headline_runs: list[Run] = []
    for toks in sentences:
        title_case = is_titled(toks)
        for run in capitalised_runs(toks):
            if run[0].headline:
                headline_runs.append((run, toks))
                continue
            if title_case:
                titled.append((len(slots), (run, toks)))
            slots.append(_read(run, toks, doc.text, sports, known, lowercase))
    apply_cues([f for slot in slots for f in slot], doc.text)
    glued = unglue(titled, slots, doc.text)
    body = [f for slot in slots for f in slot]
    found = body + glued + read_headlines(headline_runs, body, doc.text)
    found = [f for f in found if not is_credit(doc.text, f.start, f.end)]
    return group(found, doc.text, lowercase)


def _read(
    run: list[Tok], toks: list[Tok], text: str, sports: bool, known: set[str], lowercase: set[str]
) -> list[Found]:
    return [
        f for piece in contiguous(trim(run, known, lowercase)) for f in read_run(piece, toks, text, sports)
    ]


def _sentences(doc: Document) -> list[list[Tok]]:
    """Each sentence's tokens, marked when the sentence is a headline."""
    out = []
    for sentence in doc.sentences:
        toks = sentence_tokens(doc, sentence.index)
        headline = is_headline(toks, sentence.text)
        out.append([replace(t, headline=headline) for t in toks])
    return out
