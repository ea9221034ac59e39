"""The clause around an offset, as project extraction reads clauses: the text between two of
, ; 。 ! ? : (half- or full-width) or line breaks.

The rules (projects.py) and the learned scorer's candidates (learned/candidates.py) read the same
few clauses of a report, those holding stage wording, and only those: each finds where the clause
around a word starts and ends with two short searches, instead of cutting the whole report into its
clauses (tens of thousands, four in five without a stage verb).
"""
from __future__ import annotations

import functools
import re

CLAUSE = re.compile(r"[^,，;；。!！?？:：\n]+")
CLAUSE_MARK = re.compile(r"[,，;；。!！?？:：\n]")  # what ends a CLAUSE


class ClauseBounds:
    def __init__(self, text: str) -> None:
        self.text = text
        self._back = text[::-1]  # the marks before an offset are found searching forward in it

    def start_of(self, offset: int) -> int:
        """Where the clause holding `offset` (or ending right before it) starts."""
        mark = CLAUSE_MARK.search(self._back, len(self.text) - offset)
        return len(self.text) - mark.start() if mark else 0

    def end_of(self, offset: int) -> int:
        """Where the clause holding `offset` ends (the offset of its mark, or the end of the text)."""
        mark = CLAUSE_MARK.search(self.text, offset)
        return mark.start() if mark else len(self.text)


@functools.lru_cache(maxsize=4)
def clause_bounds(text: str) -> ClauseBounds:
    """One per text: the rules and the scorer's candidates read the same report one after the other."""
    return ClauseBounds(text)
