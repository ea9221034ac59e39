"""Text that remembers where each of its characters came from.

Every ingestion step (normalising, cleaning, re-joining) rewrites text; records are cut from the
file as received, so each step must carry `offsets[i]` = index in the original of `text[i]`.
Steps only ever *translate* characters (one source character to zero or more characters, all
pointing back at that source) or *delete* spans, so offsets stay non-decreasing and exact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.text) != len(self.offsets):
            raise ValueError("text and offsets differ in length")

    @classmethod
    def identity(cls, original: str) -> MappedText:
        return cls(original, tuple(range(len(original))))

    def translate(self, table: Mapping[str, str], keys: re.Pattern[str] | None = None) -> MappedText:
        """Replace each character found in `table` by its value ("" deletes it). `keys`, a regex
        character class of the table's keys, finds them faster than a set of every character
        of the text (a string object made for each); a table of thousands is faster without."""
        found = set(keys.findall(self.text)) if keys is not None else set(self.text)
        present = {c: table[c] for c in found if c in table}
        if not present:
            return self
        if all(len(v) == 1 for v in present.values()):
            # one character for one: the offsets stay as they are. str.replace per character present
            # (a report holds a dozen: ，：％) scans in C; str.translate looks up every character, and
            # a regex calls back for each of the thousands of commas. Only when a character becomes
            # another that is itself replaced must it be done in one pass.
            if present.keys().isdisjoint(present.values()):
                converted = self.text
                for c, new in present.items():
                    converted = converted.replace(c, new)
                return MappedText(converted, self.offsets)
            where = keys or re.compile("[" + "".join(re.escape(c) for c in present) + "]")
            return MappedText(where.sub(lambda m: present[m.group()], self.text), self.offsets)
        chars: list[str] = []
        offsets: list[int] = []
        for c, o in zip(self.text, self.offsets):
            out = table.get(c, c)
            chars.append(out)
            offsets.extend([o] * len(out))
        return MappedText("".join(chars), tuple(offsets))

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """Remove the half-open spans of `text` (overlapping spans are fine)."""
        n = len(self.text)
        cut = sorted((max(start, 0), min(end, n)) for start, end in spans if min(end, n) > max(start, 0))
        if not cut:
            return self
        text_parts: list[str] = []
        offsets: list[int] = []  # slices extended in C, faster than chaining them element by element
        pos = 0
        for start, end in cut:
            if start > pos:
                text_parts.append(self.text[pos:start])
                offsets.extend(self.offsets[pos:start])
            pos = max(pos, end)
        text_parts.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        return MappedText("".join(text_parts), tuple(offsets))

    def replace(self, spans: Iterable[tuple[int, int, str]]) -> MappedText:
        """Replace each half-open span of `text` (sorted, not overlapping) by a string whose
        characters all point back at the span's first source character."""
        chars: list[str] = []
        offsets: list[int] = []
        pos = 0
        for start, end, new in spans:
            if start < pos:
                continue
            chars.append(self.text[pos:start])
            offsets.extend(self.offsets[pos:start])
            if new and start < len(self.offsets):
                chars.append(new)
                offsets.extend([self.offsets[start]] * len(new))
            pos = end
        if pos == 0 and not chars:
            return self
        chars.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        return MappedText("".join(chars), tuple(offsets))

    def lines(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each line of `text`, end excluding the newline."""
        start = 0
        while start <= len(self.text):
            end = self.text.find("\n", start)
            if end < 0:
                end = len(self.text)
            yield start, end
            start = end + 1
