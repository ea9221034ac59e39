"""Text that remembers where each of its characters came from.

Every ingestion step (normalising, cleaning, re-joining) rewrites text; records are cut from the
file as received, so each step must carry `offsets[i]` = index in the original of `text[i]`.
Steps only ever *translate* characters (one source character to zero or more characters, all
pointing back at that source) or *delete* spans, so offsets stay non-decreasing and exact.
"""
from __future__ import annotations

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

    def translate(self, table: Mapping[str, str]) -> MappedText:
        """Replace each character found in `table` by its value ("" deletes it)."""
        if not any(c in table for c in set(self.text)):
            return self
        chars: list[str] = []
        offsets: list[int] = []
        for c, o in zip(self.text, self.offsets):
            out = table.get(c, c)
            chars.append(out)
            offsets.extend([o] * len(out))
        return MappedText("".join(chars), tuple(offsets))

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """Remove the half-open spans of `text` (overlapping spans are fine)."""
        keep = [True] * len(self.text)
        any_deleted = False
        for start, end in spans:
            for i in range(max(start, 0), min(end, len(self.text))):
                keep[i] = False
                any_deleted = True
        if not any_deleted:
            return self
        return MappedText(
            "".join(c for c, k in zip(self.text, keep) if k),
            tuple(o for o, k in zip(self.offsets, keep) if k),
        )

    def lines(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each line of `text`, end excluding the newline."""
        start = 0
        while start <= len(self.text):
            end = self.text.find("\n", start)
            if end < 0:
                end = len(self.text)
            yield start, end
            start = end + 1
