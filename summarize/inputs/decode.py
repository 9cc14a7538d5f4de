"""Turn bytes into text: BOMs, UTF-16, UTF-8, Latin-1 and friends, and refuse binaries."""

from __future__ import annotations

import codecs

from summarize.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of common binary files people point tools at by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or .docx/.xlsx)",
    b"%PDF": "a PDF (extract its text first, e.g. with pdftotext)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding). ``name`` is used in error messages."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {kind}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
    utf16 = _guess_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks binary (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data[:200_000]):
        # Mixed encodings (UTF-8 with stray legacy bytes): a legacy guess would garble every
        # valid character, so keep the UTF-8 and mark only the bad bytes.
        return data.decode("utf-8", errors="replace"), "utf-8 (with invalid bytes replaced)"
    legacy = _legacy_encoding(data[:200_000])
    if legacy is None:
        # Mixed encodings: keep the valid UTF-8 and mark the rest, rather than guess.
        return data.decode("utf-8", errors="replace"), "utf-8 (with invalid bytes replaced)"
    try:
        return data.decode(legacy), legacy.replace("_", "-")
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1"), "latin-1"


def _legacy_encoding(sample: bytes) -> str | None:
    """The 8-bit encoding of ``sample``: Western (cp1252, a superset of Latin-1) unless the
    detector has evidence of another.

    On a short text every code page decodes without "chaos", and charset_normalizer then
    picks an arbitrary one ("Señor" became "Seńor" in cp1250); news in this tool is mostly
    Western, so a tie goes to cp1252. Real evidence (Cyrillic or Polish words) still wins.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    western = _decodes(sample, "cp1252")
    if not matches:
        return "cp1252" if western is not None else "latin-1"
    best = matches[0]
    if best.encoding == "utf_8":
        return None
    if western is None or str(best) == western:
        return "cp1252" if western is not None else best.encoding
    cp1252 = next((m for m in matches if m.encoding == "cp1252"), None)
    if cp1252 is not None:
        tie = cp1252.chaos <= best.chaos + 0.01 and cp1252.coherence >= best.coherence - 0.1
        return "cp1252" if tie else best.encoding
    # cp1252 judged chaotic: trust the detector when it recognised a language.
    return best.encoding if best.coherence >= 0.2 else "cp1252"


def _decodes(sample: bytes, encoding: str) -> str | None:
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_utf8(sample: bytes) -> bool:
    """More valid multi-byte UTF-8 characters than invalid bytes: UTF-8 with a few stray bytes."""
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - invalid
    return valid_non_ascii > 0 and invalid <= valid_non_ascii


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte NUL in ASCII-heavy text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None
