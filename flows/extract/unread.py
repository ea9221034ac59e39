"""The reviewers' recall worklist: sentences that hold a quantity but gave no target or achievement.

A sentence "holds a quantity" when a figure with a unit, %, or a fraction appears in it, whether
or not the figure was kept (a figure skipped as a threshold or a name is exactly what a reviewer
should confirm).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from flows.extract.mentions import find_candidates
from flows.extract.periods import sentence_ends
from flows.extract.records import Record
from flows.ingest.document import Document

_SENTENCE_RE = re.compile(r"[^。;!?\n]+[。;!?]?")
_QUANTITY_TYPES = ("target", "achievement")


@dataclass(frozen=True)
class UnreadSpan:
    start: int  # offsets into Document.text
    end: int
    sentence: str
    quantities: tuple[str, ...]  # the figures seen, as written (8.9%, 1.4万亿斤)


def find_unread_spans(doc: Document, records: list[Record]) -> list[UnreadSpan]:
    """`records` may be drafts (offsets into `doc.text`, as extract_quantities returns them) or
    finalised by extract_document (offsets into `doc.original`, `doc` filled in)."""
    text = doc.text
    covered = sorted(_text_span(doc, r) for r in records if r.type in _QUANTITY_TYPES)
    starts = [s for s, _ in covered]
    # the furthest end among the 50 records starting before each (all of them start before a
    # sentence's end when they come before its bisection point): a record overlaps the sentence
    # when that end passes the sentence's start
    ends = [e for _, e in covered]
    reach = [-1] + [max(ends[max(0, i - _LOOK_BACK): i]) for i in range(1, len(covered) + 1)]
    figures = [c for c in find_candidates(text) if c.has_unit]
    fig_starts = [c.num_start for c in figures]
    # the sentences holding a figure, from the figures (a few hundred) rather than every sentence of
    # the report (thousands): each is the _SENTENCE_RE match around its first figure, found by
    # bisection on the sentence marks (the marks _SENTENCE_RE stops at), and holds the figures
    # up to its end
    marks = sentence_ends(doc)
    out = []
    lo = 0
    while lo < len(figures):
        s, e = _sentence_of(text, marks, fig_starts[lo])
        hi = bisect.bisect_left(fig_starts, e)
        # Any record overlapping the sentence means the sentence was read.
        if reach[bisect.bisect_left(starts, e)] <= s:
            out.append(UnreadSpan(s, e, text[s:e], tuple(c.text for c in figures[lo:hi])))
        lo = hi
    return out


def _sentence_of(text: str, marks: list[int], offset: int) -> tuple[int, int]:
    """The _SENTENCE_RE match holding `offset`, an offset of no sentence mark: from after the mark
    before it to its closing mark (with the mark, unless a line break), given `marks`, the offsets of
    every 。;!? and line break in order."""
    i = bisect.bisect_left(marks, offset)
    start = marks[i - 1] + 1 if i > 0 else 0
    if i == len(marks):
        return start, len(text)
    return start, marks[i] + (text[marks[i]] != "\n")


_LOOK_BACK = 50  # records before the sentence's end that may overlap it


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of `text` holding the span start..end, as offsets into `text`."""
    for m in _SENTENCE_RE.finditer(text):
        if m.end() > start:
            return m.start(), max(m.end(), end)
    return start, end


def _text_span(doc: Document, r: Record) -> tuple[int, int]:
    if not r.doc:
        return r.start, r.end
    # offset_map is non-decreasing, so the text span is found by bisection on original offsets.
    return bisect.bisect_left(doc.offset_map, r.start), bisect.bisect_left(doc.offset_map, r.end)
