"""The one loader of extraction's rule tables (flows/extract/data/*.csv).

Every word list the extractors match lives in exactly one table; code composes its patterns from
the words read here, never types them. Most short vocabularies share one table, data/words.csv
(`vocabulary,word,note`: strength words, review / planning headings and openings, list markers,
lead and trailing words …); the larger ones keep a table of their own (comparators, stage verbs,
units, project categories, project name rules, qualitative phrases …).

`tests/extract/test_vocabulary.py` parses the extraction sources and fails when a word of a
checked table is also typed as a literal in code (`CHECKED_TABLES` below says which).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib.resources import files

# (table, column holding the words, a filter on the row or None): the vocabularies whose words may
# not be typed again in extraction code.
CHECKED_TABLES: tuple[tuple[str, str], ...] = (
    ("words.csv", "word"),
    ("comparators.csv", "word"),
    ("stage_verbs.csv", "verb"),
    ("kind_verbs.csv", "word"),
)


@lru_cache(maxsize=None)
def rows(table: str) -> tuple[dict[str, str], ...]:
    """The rows of data/<table> as dicts, in file order."""
    with (files("flows.extract") / "data" / table).open(encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=None)
def words(vocabulary: str) -> tuple[str, ...]:
    """The words of one vocabulary of data/words.csv, longest first (alternations prefer the longer)."""
    found = [r["word"] for r in rows("words.csv") if r["vocabulary"] == vocabulary]
    if not found:
        raise KeyError(f"no vocabulary {vocabulary!r} in data/words.csv")
    return longest_first(found)


def longest_first(items) -> tuple[str, ...]:
    return tuple(sorted(set(items), key=lambda w: (-len(w), w)))


def alternation(*vocabularies: str) -> str:
    """A regex alternation (no group) of the words of the vocabularies, escaped, longest first."""
    return "|".join(re.escape(w) for w in longest_first(w for v in vocabularies for w in words(v)))


def char_class(vocabulary: str) -> str:
    """A regex character class of a vocabulary of single characters (list markers)."""
    return "[" + "".join(re.escape(w) for w in words(vocabulary)) + "]"


@lru_cache(maxsize=1)
def kind_verbs() -> dict[str, str]:
    """data/kind_verbs.csv: the verb before a figure -> its kind (增长 growth, 提高 change)."""
    return {r["word"]: r["kind"] for r in rows("kind_verbs.csv")}


def vocabularies() -> tuple[str, ...]:
    return tuple(sorted({r["vocabulary"] for r in rows("words.csv")}))
