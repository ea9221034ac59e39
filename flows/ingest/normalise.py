"""Character and whitespace normalisation, keeping the offset map exact.

Reports mix full-width and half-width forms (５％ / 5%, （一） / (一), ，/ ,) depending on the
editor that produced them; extraction rules are written once, against half-width forms. Every
change here is a one-character translation or a deletion, so `MappedText` keeps each character's
source offset.
"""
from __future__ import annotations

import re
from typing import Iterator

from flows.ingest.mapped import MappedText


def _character_table() -> dict[str, str]:
    # Full-width ASCII block: ！ (U+FF01) … ～ (U+FF5E) sit 0xFEE0 above their ASCII forms.
    table = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update(
        {
            "\u3000": " ",  # ideographic space
            "\u00a0": " ",  # no-break space from web pages
            "\u2002": " ",
            "\u2003": " ",
            "\u2009": " ",
            "\u202f": " ",
            "\t": " ",
            "\r": "",  # CRLF files: the LF alone ends the line
            "\u200b": "",  # zero-width characters carry nothing and break patterns
            "\u200c": "",
            "\u200d": "",
            "\u2060": "",
            "\ufeff": "",
            # Hyphen and minus look-alikes become "-" so numbers and ranges read one way.
            # The em dash (—, ——) is kept: it is the Chinese range and list-lead mark.
            "\u2010": "-",
            "\u2011": "-",
            "\u2012": "-",
            "\u2013": "-",
            "\u2212": "-",
            "\ufe63": "-",
            "\u2015": "—",  # horizontal bar, used by some editors as the em dash
            "\u301c": "~",  # wave dash, a range mark like ～
            "\u2236": ":",  # ratio sign used as a colon
            # small and vertical presentation forms (三次产业比11.8︰48.3︰39.9)
            "\ufe30": ":",
            "\ufe13": ":",
            "\ufe55": ":",
            "\ufe50": ",",
            "\ufe51": "、",
            "\ufe54": ";",
            "\uff61": "。",  # half-width ideographic full stop
            "\uff64": "、",
            "\u2105": "%",  # care-of sign ℅, typed for % by some editors (增长15℅: 三穗县 2011)
        }
    )
    # ～ → ~ comes from the block above; the ideographic full stop and comma 。、 and the curly
    # quotes “” have no half-width counterpart in Chinese text and stay as they are.
    return table


CHARACTER_TABLE: dict[str, str] = _character_table()
_TABLE_KEYS = re.compile("[" + "".join(re.escape(c) for c in sorted(CHARACTER_TABLE)) + "]")

# The patterns open on the character they need rather than on a lookbehind, so the regex engine
# skips to candidate positions instead of trying every one; where a pattern has a group, the
# group's span is what goes.
_HORIZONTAL_SPACE = re.compile(r"[ \f\v]+")  # deleted where it opens or closes a line
_SPACE_RUN = re.compile(r" ( +)")
_BLANK_LINES = re.compile(r"\n(?=\n)")  # the first of two newlines goes
# web copies break decimals after the point (2. 2万亿元, 第8. 6代): the space is not part of the number
_DECIMAL_SPACE = re.compile(r"\d\.( +)(?=\d)")
# PDF and web copies space a figure off from its unit (建成 1.2 万套安置房, 2025 年, 5.5 %): Chinese
# sets no space there, and a figure read apart from its unit is lost. (A space before a figure can
# part table cells, 城镇新增就业 2万人以上, and stays.) The same after a figure's percent sign
# (增长 5% 以上, 5% 左右: 江苏 2024), whose comparator would otherwise be lost, and inside a
# magnitude (跨上万 亿台阶: 天津 2013).
_FIGURE_SPACE = re.compile(r"(?:\d|(?<=\d)%)( +)(?=[\u4e00-\u9fff%])|[十百千万]( +)(?=[万亿])")


def normalise_characters(text: MappedText) -> MappedText:
    return text.translate(CHARACTER_TABLE, _TABLE_KEYS)


def normalise_whitespace(text: MappedText) -> MappedText:
    """One paragraph per line: no blank lines, no spaces at line edges, no runs of spaces.

    Spaces inside a line are kept (single): they can separate a speaker's title and name or
    Latin words; re-joining decides about line breaks separately.
    """
    text = text.delete(_line_edge_spaces(text.text))
    text = text.delete(m.span(1) for m in _SPACE_RUN.finditer(text.text))
    text = text.delete(m.span() for m in _BLANK_LINES.finditer(text.text))
    text = text.delete(_spaces_in_figures(text.text))
    return strip_document(text)


def _line_edge_spaces(text: str) -> Iterator[tuple[int, int]]:
    """Runs of spaces that open or close a line (what `^[ \\f\\v]+|[ \\f\\v]+$` finds with re.M)."""
    if "\f" in text or "\v" in text:
        runs: Iterator[tuple[int, int]] = (m.span() for m in _HORIZONTAL_SPACE.finditer(text))
    else:
        runs = _space_runs(text)  # spaces alone, the common case
    for start, end in runs:
        if start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] == "\n":
            yield start, end


def _spaces_in_figures(text: str) -> Iterator[tuple[int, int]]:
    """The spaces _DECIMAL_SPACE and _FIGURE_SPACE take out (2. 2万亿元, 建成 1.2 万套), read from the
    runs of spaces: a report has a few dozen, and a regex opening on a digit tries every character."""
    for start, end in _space_runs(text):
        if start == 0 or end == len(text):
            continue
        if (start >= 2 and _DECIMAL_SPACE.match(text, start - 2)) or _FIGURE_SPACE.match(text, start - 1):
            yield start, end


def _space_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of spaces, found with str.find (a search the regex engine does a
    character at a time)."""
    at = text.find(" ")
    while at >= 0:
        end = at + 1
        while end < len(text) and text[end] == " ":
            end += 1
        yield at, end
        at = text.find(" ", end)


def strip_document(text: MappedText) -> MappedText:
    lead = len(text.text) - len(text.text.lstrip())
    trail = len(text.text.rstrip())
    return text.delete([(0, lead), (trail, len(text.text))])
