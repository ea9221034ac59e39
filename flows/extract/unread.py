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
    out = []
    for m in _SENTENCE_RE.finditer(text):
        s, e = m.start(), m.end()
        lo, hi = bisect.bisect_left(fig_starts, s), bisect.bisect_left(fig_starts, e)
        if lo == hi:
            continue
        # Any record overlapping the sentence means the sentence was read.
        if reach[bisect.bisect_left(starts, e)] > s:
            continue
        out.append(UnreadSpan(s, e, m.group(0), tuple(c.text for c in figures[lo:hi])))
    return out


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
