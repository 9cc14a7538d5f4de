"""Picture and wire credits name no actor: "(Wikimedia Commons)", "(AP Photo/Jane Doe)", "(CNN)".

A caption's credit line, or a wire service's dateline, says where a picture or a story came from;
the article is not about it. A mention is a credit when it stands inside parentheses whose text
holds a credit word and no verb of speech, and the parentheses do not follow a name: "Agence
France-Presse (AFP)" spells an acronym out, and that acronym stays an alias of its organisation.
"""

from __future__ import annotations

import re

from summarize.entities.cues import SPEECH_VERBS
from summarize.entities.gazetteer import words_of

CREDIT_WORDS = frozenset(
    {
        "AFP",
        "Alamy",
        "AP",
        "BBC",
        "CNN",
        "Commons",
        "Credit",
        "EPA",
        "Flickr",
        "Getty",
        "Images",
        "Photo",
        "Photos",
        "Pictures",
        "Reuters",
        "Shutterstock",
        "UPI",
        "Unsplash",
        "Xinhua",
    }
)
_WORD = re.compile(r"[A-Za-z]+")
_REACH = 80  # characters a credit's parenthesis may span around the mention
_NAME_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s*$")
# "(Reuters reported)", "(CNN told ...)": attributed speech naming its source, not a credit line.
_SPEECH = SPEECH_VERBS | words_of("reported reports according")


def is_credit(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``text[start:end]`` is inside a picture or wire credit."""
    opening = text.rfind("(", max(0, start - _REACH), start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    closing = text.find(")", end, end + _REACH)
    if closing < 0 or "(" in text[end:closing]:
        return False
    words = _WORD.findall(text[opening + 1 : closing])
    if not CREDIT_WORDS.intersection(words) or _SPEECH.intersection(w.lower() for w in words):
        return False
    # "Agence France-Presse (AFP)": one word after a name spells out an acronym.
    return not (len(words) == 1 and _NAME_BEFORE.search(text[:opening]))
