"""A light, dependency-free guess at an article's language: English or not, and which.

Two signals, both cheap and readable: the writing system of the letters (Han,
Cyrillic, Arabic, ...) and, for Latin script, the share of words that are the most
frequent function words of each language. It exists to tell users when an
English-only analysis (readability formulas, framing lexicons) is being run on
text it was not built for, not to rival a trained language identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Looking at the first part of a long article is enough and keeps this O(1) in its length.
SAMPLE_CHARS = 20_000
# Below this many words (or CJK characters) a guess is too shaky to warn about.
MIN_WORDS = 12


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The most frequent function words of each language. Words shared with English
# ("a", "in", "on") are kept: scores are compared, so shared words cancel out.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _word_set(
        """the of and to a in is that for it on was with he as at by be this are from his
        an have has but not they were said who their which or its had been will would
        there after about also more when than her she we i you what"""
    ),
    "fr": _word_set(
        """le la les de des du et un une est en que qui dans pour pas sur au aux avec ce
        cette il elle ils sont ont par plus ne se son sa ses mais comme leur nous
        vous où été était aussi très"""
    ),
    "de": _word_set(
        """der die das und ist nicht ein eine einen dem den des mit von zu im auf für sich
        auch es sie er wir ich wird werden wurde sind hat haben bei nach aus oder aber
        noch wie nur dass über"""
    ),
    "es": _word_set(
        """el la los las de del y que en un una es por con para se no su sus al lo como
        más pero fue ha han son está este esta sobre también entre cuando muy sin ya"""
    ),
    "it": _word_set(
        """il lo la gli le di del della dei e che è un una per non con si sono da nel
        nella al alla anche come più ma ha hanno questo questa stato era dove"""
    ),
    "pt": _word_set(
        """o os a as de do da dos das e que em um uma é para com não no na nos se por
        mais foi como mas ao à são seu sua também está entre pelo pela"""
    ),
    "nl": _word_set(
        """de het een en van in is dat op te zijn voor met niet die er maar ook als aan
        bij door naar om wordt werd heeft hebben was nog dan uit over"""
    ),
    "ru": _word_set(
        """и в не на что с он как по это к но из у за от о так же для все она был была
        были его ее они мы вы бы уже или только а во со при до том этот"""
    ),
}
NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "ar": "Arabic",
    "he": "Hebrew",
    "el": "Greek",
    "hi": "Hindi",
    "th": "Thai",
    "und": "an undetermined language",
}
# (first, last code point, script). Letters outside these ranges count as "Other".
_SCRIPT_RANGES = (
    (0x0041, 0x024F, "Latin"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hangul"),
    (0x3040, 0x30FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
)
_SCRIPT_LANGUAGE = {
    "Greek": "el",
    "Hebrew": "he",
    "Arabic": "ar",
    "Devanagari": "hi",
    "Thai": "th",
    "Hangul": "ko",
    "Han": "zh",
    "Kana": "ja",
}
# Scripts written without spaces: each character is closer to a word than a space-run is.
_UNSPACED = frozenset({"Han", "Kana", "Thai"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1 code, or "und" when no language stands out
    confidence: float  # 0..1: how far this guess stands above the alternatives, and on how much text
    script: str  # dominant writing system: "Latin", "Han", "Cyrillic", ... or "None"
    words: int  # words (or CJK characters) the guess is based on

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)

    @property
    def is_english(self) -> bool:
        return self.code == "en"

    @property
    def reliable(self) -> bool:
        """Enough text, and a clear enough winner, to act on the guess."""
        return self.words >= MIN_WORDS and self.confidence >= 0.5


def script_of(char: str) -> str:
    code = ord(char)
    for first, last, script in _SCRIPT_RANGES:
        if first <= code <= last:
            return script
    return "Other"


def script_counts(text: str) -> dict[str, int]:
    """Letters per writing system (digits, punctuation and spaces are ignored)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = script_of(char)
            counts[script] = counts.get(script, 0) + 1
    return counts


def detect_language(text: str, *, sample_chars: int = SAMPLE_CHARS) -> LanguageGuess:
    """Guess the language of ``text`` from its script and its most frequent words."""
    sample = text[:sample_chars]
    scripts = script_counts(sample)
    letters = sum(scripts.values())
    if letters == 0:
        return LanguageGuess("und", 0.0, "None", 0)
    script, count = max(scripts.items(), key=lambda item: item[1])
    share = count / letters
    if script == "Han" and scripts.get("Kana", 0) >= 0.05 * letters:
        script = "Kana"  # Japanese mixes kanji with kana; Chinese has none
    if script in _UNSPACED:
        units = sum(scripts.get(s, 0) for s in _UNSPACED)
        share = units / letters
    else:
        units = len(_WORD.findall(sample))
    if script not in ("Latin", "Cyrillic"):
        code = _SCRIPT_LANGUAGE.get(script, "und")
        return LanguageGuess(code, round(share * _size_factor(units), 3), script, units)
    return _by_stopwords(sample, script, share)


def _by_stopwords(sample: str, script: str, script_share: float) -> LanguageGuess:
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return LanguageGuess("und", 0.0, script, 0)
    shares = {code: sum(1 for w in words if w in vocab) / len(words) for code, vocab in STOPWORDS.items()}
    ranked = sorted(shares.items(), key=lambda item: item[1], reverse=True)
    (best, best_share), (_, second_share) = ranked[0], ranked[1]
    # Function words make up a third or more of running text in every listed language;
    # far less means a language not listed (or a list of names, or noise).
    if best_share < 0.08:
        confidence = (1 - best_share / 0.08) * _size_factor(len(words))
        return LanguageGuess("und", round(confidence, 3), script, len(words))
    # Related languages share function words (es/pt: de, que, la), so a narrow margin
    # only halves the confidence rather than zeroing it.
    margin = (best_share - second_share) / best_share
    coverage = min(1.0, best_share / 0.2)
    confidence = (0.5 + 0.5 * margin) * coverage * script_share * _size_factor(len(words))
    return LanguageGuess(best, round(confidence, 3), script, len(words))


def _size_factor(units: int) -> float:
    """Confidence grows with the amount of text, reaching 1 at 40 words."""
    return min(1.0, units / 40)


def english_only_warning(guess: LanguageGuess, analyses: tuple[str, ...]) -> str | None:
    """The warning to show when English-only analyses run on text that is not English."""
    if guess.is_english or not guess.reliable:
        return None
    affected = [name for name in ("readability", "framing", "sentiment") if name in analyses]
    if not affected:
        return None
    what = f"looks like {guess.name} ({guess.code})" if guess.code != "und" else "does not look like English"
    details = {
        "readability": "readability formulas",
        "framing": "framing lexicons",
        "sentiment": "sentiment scoring",
    }
    listed = [details[name] for name in affected]
    joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    return (
        f"the article {what}, confidence {guess.confidence:.2f}: the {joined} were built for English, "
        "so read those results with care"
    )
