"""The ingested document: original text, normalised text, the map between them, sections, metadata.

Everything downstream (extraction, loading) reads a `Document`; nothing reads files directly.
Offsets in records are offsets into `Document.original` (the decoded file text), so a reviewer can
find every figure in the file as received. Extraction works on `Document.text` and maps back
with `Document.to_original`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


@dataclass(frozen=True)
class Section:
    """One heading of the section tree (一、 / (一) / 一是) and the span of text it governs."""

    level: int  # 1 for 一、, 2 for (一), 3 for 一是
    heading: str  # the heading line or clause as it stands in the normalised text
    start: int  # offsets into Document.text
    end: int
    path: str  # headings from the top, joined by " / "


@dataclass(frozen=True)
class DocumentMetadata:
    title: str = ""
    region: str = ""  # e.g. 丽水市, 浙江省, 全国
    plan_year: int | None = None  # the year the plan / targets are for
    document_type: str = ""  # plan_report | government_work_report | target_notice | other
    meeting_date: str = ""  # ISO date, "" when unknown


@dataclass(frozen=True)
class Document:
    doc_id: str  # file stem
    source_path: str
    content_hash: str  # sha256 of the file's bytes
    encoding: str
    original: str  # decoded text as received
    text: str  # normalised, cleaned, re-joined text that extraction reads
    offset_map: tuple[int, ...]  # offset_map[i] = index in `original` of text[i]
    sections: tuple[Section, ...] = ()
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    file_format: str = "txt"  # txt | html | docx | pdf: what `original` was extracted from
    notes: tuple[str, ...] = ()  # damage repaired on the way in (a cut UTF-8 tail); the loader lists them for review
    sidecar_hash: str = ""  # sha256 of the `<report>.meta.json` read with it, "" when there was none

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of `text` to the half-open span of `original` it came from."""
        if start >= end:
            o = self.offset_map[start] if start < len(self.offset_map) else len(self.original)
            return o, o
        last = self.offset_map[end - 1]
        entity = _ENTITY.match(self.original, last) if self.original[last:last + 1] == "&" else None
        # a character decoded from an entity (&rdquo; → ”) ends where the entity ends
        return self.offset_map[start], entity.end() if entity else last + 1

    def original_slice(self, start: int, end: int) -> str:
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end]

    def section_at(self, offset: int) -> Section | None:
        """The deepest section whose span holds `offset` (offset into `text`); of two as deep, the
        later."""
        points, deepest = self._sections_by_offset
        k = bisect_right(points, offset) - 1
        return deepest[k] if k >= 0 else None

    @cached_property  # a frozen dataclass keeps it in its __dict__; made once, read for every record
    def _sections_by_offset(self) -> tuple[list[int], list[Section | None]]:
        """The offsets where the set of sections holding an offset changes, and the section
        `section_at` gives from each up to the next: one sweep over the sections' starts and ends
        rather than a scan of every section for every record."""
        points = sorted({s.start for s in self.sections} | {s.end for s in self.sections})
        starting: dict[int, list[int]] = {}
        for i, s in enumerate(self.sections):
            starting.setdefault(s.start, []).append(i)
        holding: list[int] = []  # indices of the sections holding the current point
        deepest: list[Section | None] = []
        for p in points:
            holding = [i for i in holding if self.sections[i].end > p] + [
                i for i in starting.get(p, ()) if self.sections[i].end > p]
            best: Section | None = None
            for i in sorted(holding):  # in the order of the sections, as a scan of them meets them
                if best is None or self.sections[i].level >= best.level:
                    best = self.sections[i]
            deepest.append(best)
        return points, deepest

    def section_path_at(self, offset: int) -> str:
        s = self.section_at(offset)
        return s.path if s else ""
