"""Bytes -> str, with the encoding recorded: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Chinese government reports come as UTF-8 from websites and as GBK/GB2312 from older systems and
Windows exports; GB18030 is the superset of both, so it decodes either. Anything else is tried with
charset-normalizer and accepted only when the result reads as text.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class UnreadableDocument(Exception):
    """A file that cannot be turned into text; `reason` says why, for the quarantine record."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/CR/form feed mean the bytes were not text.
_MAX_CONTROL_SHARE = 0.01
# C0 controls but tab, LF, CR and form feed, and DEL: counted in one regex pass, not a Python loop
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise `UnreadableDocument` when no encoding fits."""
    text, encoding, _notes = decode_with_notes(data)
    return text, encoding


def decode_with_notes(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding name, notes on damage that was repaired); raise `UnreadableDocument` when no
    encoding fits. A UTF-8 file cut in the middle of its last character (an interrupted download or
    copy) keeps its text; the note says how many bytes of the tail were dropped."""
    cut = _utf8_cut_at_the_end(data)
    if cut is not None:
        text, encoding = _decode(data[:cut])
        if encoding in ("utf-8", "utf-8-sig"):
            dropped = len(data) - cut
            return text, encoding, (f"damaged tail: the file ends in the middle of a UTF-8 character; the last "
                                    f"{dropped} byte(s) ({data[cut:].hex(' ')}) were dropped and the text before "
                                    f"them was kept",)
    text, encoding = _decode(data)
    return text, encoding, ()


# A UTF-8 character is at most 4 bytes: a cut one leaves at most 3 of them at the end.
_MAX_CUT_BYTES = 3


def _utf8_cut_at_the_end(data: bytes) -> int | None:
    """Where the incomplete last UTF-8 character starts, when that is the file's only UTF-8 fault."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        if exc.end != len(data) or len(data) - exc.start > _MAX_CUT_BYTES or exc.reason != "unexpected end of data":
            return None
        return exc.start if exc.start > 0 else None


def _decode(data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise UnreadableDocument("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name), name
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(f"starts with a {name} byte-order mark but is not {name}: {exc}") from exc
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not _reads_as_text(text):
            raise UnreadableDocument(f"decodes as {name} but holds control characters: binary content")
        if name == "utf-8" or _mostly_chinese_or_ascii(text):
            return text, name
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if _reads_as_text(text) and _mostly_chinese_or_ascii(text):
            return text, best.encoding
    raise UnreadableDocument("not decodable as UTF-8 or GB18030, and no other encoding gives readable text")


def _checked(text: str, name: str) -> str:
    if not _reads_as_text(text):
        raise UnreadableDocument(f"decodes as {name} but holds control characters: binary content")
    return text


def _reads_as_text(text: str) -> bool:
    if not text:
        return False
    control = len(_CONTROL_CHARACTER.findall(text))
    return control / len(text) <= _MAX_CONTROL_SHARE


def _mostly_chinese_or_ascii(text: str) -> bool:
    # A wrong legacy decoding scatters rare Han characters and symbols; a right one gives common
    # Han characters, CJK punctuation and ASCII. Rare-plane and private-use characters betray it.
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return False
    plausible = sum(
        1
        for c in letters
        if c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        or c in "“”‘’—…·"
    )
    return plausible / len(letters) >= 0.9
