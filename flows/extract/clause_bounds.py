"""The clause around an offset, as project extraction reads clauses: the text between two of
, ; 。 ! ? : (half- or full-width), line breaks or spaces between two characters.

The rules (projects.py) and the learned scorer's candidates (learned/candidates.py) read the same
few clauses of a report, those holding stage wording, and only those: each finds where the clause
around a word starts and ends with two short searches, instead of cutting the whole report into its
clauses (tens of thousands, four in five without a stage verb).
"""
from __future__ import annotations

import functools
import re

# 今年开工建设漳汕、合湛高铁 建成梅龙高铁: a headline sets its clauses off by spaces between two
# characters (广东 2024's sub-headline; “鸭绿江街北延一期工程明年开建 鸭绿江街”, “重点区块开发 重大平台建设”
# in other pages); a space beside a letter, a digit or a mark (国道 G219, 等 10 条) joins
_HAN = "\u4e00-\u9fff"
CLAUSE = re.compile(rf"(?:[^,，;；。!！?？:：\n ]++| ++(?![{_HAN}])|(?<![{_HAN} ]) ++)+")
# what ends a CLAUSE; the space arm opens on the space (a literal), its lookbehind read after it
CLAUSE_MARK = re.compile(rf"[,，;；。!！?？:：\n]| (?<=[{_HAN}] ) *(?=[{_HAN}])")


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
