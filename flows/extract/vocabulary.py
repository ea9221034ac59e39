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

# The vocabularies whose words may not be typed again in extraction code: (table, column holding the
# words, the column and values selecting the rows — None for every row). These are the word lists
# that drifted: strength words, review / planning headings and openings, list markers, comparators,
# stage verbs, kind verbs, facility heads and generic words.
CHECKED_TABLES: tuple[tuple[str, str, tuple[str, tuple[str, ...]] | None], ...] = (
    ("words.csv", "word", ("vocabulary", (
        "strength", "review_heading", "ahead_heading", "plan_heading", "target_heading", "progress_heading",
        "review_opening", "review_first_clause", "sentence_back_opening", "list_marker",
    ))),
    ("comparators.csv", "word", None),
    ("stage_verbs.csv", "verb", None),
    ("kind_verbs.csv", "word", None),
    ("project_categories.csv", "keyword", ("facility", ("1",))),
    ("project_name_rules.csv", "text", ("rule", ("generic_word", "generic_prefix"))),
)


def checked_words() -> dict[str, str]:
    """Every word of CHECKED_TABLES -> where it lives ("words.csv:strength")."""
    out: dict[str, str] = {}
    for table, column, selection in CHECKED_TABLES:
        for row in rows(table):
            if selection and row[selection[0]] not in selection[1]:
                continue
            where = f"{table}:{row[selection[0]] if selection else column}"
            if "…" not in row[column]:  # 纳入…规划 is matched with a gap, never typed whole
                out.setdefault(row[column], where)
    return out


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
    """A regex alternation (no group) of the words of the vocabularies: see `word_alternation`."""
    return word_alternation(w for v in vocabularies for w in words(v))


def word_alternation(words) -> str:
    """A regex alternation (no group) of `words` that matches what their escaped longest-first
    alternation (`"|".join(longest_first(words))`) matches, preferring the same word wherever the
    pattern around it backtracks, written as the arms of their trie: the engine tries the few
    arms that open on a character instead of every word (a hundred units after each figure).

    The same: the words that match at a place are prefixes of one another, and the trie tries them
    from the longest down (its `?` is greedy), as the longest-first list does; words opening on
    other characters cannot match there. Arms joined by `|` at the top, no group, so the result
    binds as the flat alternation did wherever it is pasted."""
    words = set(words)
    return "|".join(trie_arms(words)) + ("|" if "" in words else "")  # an empty word: the last arm


def trie_alternation(words) -> str:
    """A regex (no group at the top) matching the longest of `words` at a position, as `alternation`
    does, but written as a trie of the words: the engine reads each character once per position
    instead of trying every word that opens on it (a list of hundreds of stage verbs, searched
    through a whole report)."""
    return _trie_branch(_trie(words))


def trie_arms(words) -> list[str]:
    """The arms of `trie_alternation(words)` at its top, one for each first character, for joining
    with `|` to other arms that open on a literal: the engine passes over the places where no arm
    of such an alternation can open in one test, but not when one of its arms is a group (the trie
    as a whole). Joined to other arms, the first arm that matches at a place wins, not the longest."""
    return [re.escape(ch) + _trie_branch(sub) for ch, sub in sorted(_trie(words).items()) if ch]


def _trie(words) -> dict:
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return trie


def _trie_branch(node: dict) -> str:
    arms = [re.escape(ch) + _trie_branch(sub) for ch, sub in sorted(node.items()) if ch]
    if not arms:
        return ""
    body = arms[0] if len(arms) == 1 and len(arms[0]) == 1 else "(?:" + "|".join(arms) + ")"
    return body + "?" if "" in node else body  # greedy: the longer word first


def first_characters(words) -> str:
    """A regex character class of the first characters of `words`. Put as a lookahead before a
    pattern that opens on a lookbehind or on a long alternation, it rejects every position where no
    word can start in one test, instead of trying the whole pattern there; `opened` then searches
    only the positions where the lookahead holds."""
    return "[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "]"


class Opened:
    """A pattern opening on a lookahead `(?=L)`, searched as the regex engine cannot: L is searched
    for, and the pattern tried only where L holds. The engine skips to a pattern's opening only when
    it opens on a literal or a character class; before a lookahead it starts a whole match attempt
    at every position of the text, about 200 instructions each (mentions' bare magnitudes: 67 M
    instructions a pass over the corpus for 18 matches, 31 M opened).

    The same matches: the pattern matches only at a position where L does, and `match` at the
    first such position at or after `pos` that matches is what `search` finds (same `endpos`; the
    lookbehinds still see the text before `pos`). `finditer` goes on from each match's end, as the
    pattern's own does for matches that are never empty (an empty match is refused)."""

    __slots__ = ("pattern", "_opening")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._opening = re.compile(_lookahead_opening(pattern.pattern), pattern.flags)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if endpos is None:
            endpos = len(text)
        find, match = self._opening.search, self.pattern.match
        while (at := find(text, pos, endpos)) is not None:
            if (m := match(text, at.start(), endpos)) is not None:
                return m
            pos = at.start() + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        while (m := self.search(text, pos, endpos)) is not None:
            if m.end() == m.start():
                raise ValueError(f"an empty match of {self.pattern.pattern!r}: finditer would differ")
            yield m
            pos = m.end()


def positions_of(text: str, chars: str) -> list[int]:
    """The sorted offsets of every character of `chars` in `text`: `[m.start() for m in
    re.finditer("[" + chars + "]", text)]` in fewer instructions. `str.split` on each character
    scans in C and makes no match object (the clause marks of the corpus: 68 M instructions a pass
    found by `finditer`, 46 M by this); the runs, each sorted, merge in one sort."""
    found: list[int] = []
    for ch in chars:
        pieces = text.split(ch)
        at = -1
        for piece in pieces[:-1]:
            at += len(piece) + 1
            found.append(at)
    found.sort()
    return found


def _lookahead_opening(source: str) -> str:
    """L of a regex source opening on `(?=L)`."""
    if not source.startswith("(?="):
        raise ValueError(f"no opening lookahead: {source[:40]!r}")
    depth, i, in_class = 1, 3, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1: i + 2] == "^":
                i += 1
            if source[i + 1: i + 2] == "]":  # a ] first in a class is one of its characters
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return source[3:i]
        i += 1
    raise ValueError(f"an unclosed lookahead: {source[:40]!r}")


def char_class(vocabulary: str) -> str:
    """A regex character class of a vocabulary of single characters (list markers)."""
    return "[" + "".join(re.escape(w) for w in words(vocabulary)) + "]"


@lru_cache(maxsize=1)
def kind_verbs() -> dict[str, str]:
    """data/kind_verbs.csv: the verb before a figure -> its kind (增长 growth, 提高 change)."""
    return {r["word"]: r["kind"] for r in rows("kind_verbs.csv")}


def vocabularies() -> tuple[str, ...]:
    return tuple(sorted({r["vocabulary"] for r in rows("words.csv")}))
