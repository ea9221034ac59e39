"""Comparator words around a figure (以上, 不低于, 超过, 控制在, 左右 …) -> "=", ">=", ">", "<=", "<", "~",
from data/comparators.csv; ranges (5%—5.5%, 4.5-5%, 5%至6%) -> "between".

Words sit before the number (prefix: 超过3%), between number and unit (infix: 300多亿元) or after
the unit (suffix: 3%以内). When both ends speak, the suffix wins: 控制在5%左右 is "about", not "at most".
"""
from __future__ import annotations

import re

from flows.extract.vocabulary import rows, word_alternation


def _load() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"prefix": {}, "infix": {}, "suffix": {}}
    for row in rows("comparators.csv"):
        table[row["position"]][row["word"]] = row["comparator"]
    return table


COMPARATOR_WORDS = _load()
# 1500万美元以上外资项目: a suffix that, before a noun, makes the figure the noun's threshold
NOUN_THRESHOLD_SUFFIXES: tuple[str, ...] = tuple(r["word"] for r in rows("comparators.csv") if r["noun_threshold"] == "1")
# a suffix that bounds a figure from one side (以上, 以内 …), not 左右
BOUND_SUFFIXES: tuple[str, ...] = tuple(w for w, c in COMPARATOR_WORDS["suffix"].items() if c in (">=", "<="))
# 超百亿美元 / 突破万亿: the words that may stand before a magnitude alone
BARE_MAGNITUDE_PREFIXES: tuple[str, ...] = tuple(
    r["word"] for r in rows("comparators.csv") if r["before_bare_magnitude"] == "1")
ALL_WORDS: tuple[str, ...] = tuple(w for position in COMPARATOR_WORDS.values() for w in position)


PREFIX_PATTERN = word_alternation(COMPARATOR_WORDS["prefix"])
INFIX_PATTERN = word_alternation(COMPARATOR_WORDS["infix"])
SUFFIX_PATTERN = word_alternation(COMPARATOR_WORDS["suffix"])
# The dash of a range; 一 stands for a dash mis-typed between Arabic figures (5%一5.5%), and nothing
# between a percent sign and a digit is a dash a web copy lost (增长7%7.5%: 广东 2016).
RANGE_SEPARATOR_PATTERN = r"—{1,2}|–|-|~|～|至|到|一|(?<=%)(?=\d)"

_PREFIX_AT_END_RE = re.compile(rf"(?:{PREFIX_PATTERN})$")


def prefix_before(text: str) -> str | None:
    """The comparator word that ends `text` (the characters right before a figure), if any."""
    m = _PREFIX_AT_END_RE.search(text)
    return m.group(0) if m else None


def decide_comparator(prefix: str | None = None, infix: str | None = None, suffix: str | None = None,
                      is_range: bool = False) -> str:
    if is_range:
        return "between"
    for word, position in ((suffix, "suffix"), (infix, "infix"), (prefix, "prefix")):
        if word:
            return COMPARATOR_WORDS[position][word]
    return "="
