"""HTML source saved as a text file (a crawler's .txt of a web page): tags, comments, style and
script blocks are dropped, block tags end a line, character entities become their characters.

Only text that looks like markup is touched (several HTML tags), so a report quoting one `<` stays
as it is. Offsets keep pointing into the file: every replacement maps back to its source span.
"""
from __future__ import annotations

import html
import re

from flows.ingest.mapped import MappedText

_TAG_NAMES = r"p|div|span|br|li|ul|ol|table|tr|td|th|h[1-6]|section|article|strong|em|b|i|a|font|img|link|meta|style|script|body|html|head|title"
_LOOKS_LIKE_HTML = re.compile(rf"</?(?:{_TAG_NAMES})(?=[\s>/])", re.I)
_MIN_TAGS = 3
_DROPPED_BLOCK = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|section|article|table|ul|ol)\b[^<>]{0,500}>", re.I)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]{{0,500}}>", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def strip_markup(text: MappedText) -> MappedText:
    if len(_LOOKS_LIKE_HTML.findall(text.text, 0, 200_000)) < _MIN_TAGS:
        return text
    spans: list[tuple[int, int, str]] = []
    for m in _DROPPED_BLOCK.finditer(text.text):
        spans.append((m.start(), m.end(), ""))
    covered = [(a, b) for a, b, _ in spans]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in covered)

    for m in _TAG.finditer(text.text):
        if free(m.start(), m.end()):
            spans.append((m.start(), m.end(), "\n" if _BLOCK_TAG.fullmatch(m.group(0)) else ""))
    for m in _ENTITY.finditer(text.text):
        if free(m.start(), m.end()):
            char = html.unescape(m.group(0))
            spans.append((m.start(), m.end(), char if char != m.group(0) else m.group(0)))
    spans.sort()
    return text.replace(spans)
