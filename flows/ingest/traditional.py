"""Traditional-character reports (麗水, 國民經濟) read like simplified ones, offsets kept.

Extraction rules, unit tables and region gazetteers are written in simplified characters. A report
in traditional characters (Hong Kong, Taiwan or older archives, or a reader's converted copy) is
mapped character for character to simplified before extraction; a 1:1 mapping leaves the offset map
untouched, so every record still cuts the original traditional text.

The tables are OpenCC's TSPhrases and TSCharacters (traditional → simplified), shipped by the
opencc-python-reimplemented package, and `traditional_phrases.tsv` for words the character table
alone gets wrong (批覆 → 批复); phrases of another length are left out, so conversion stays 1:1. Where OpenCC lists several simplified candidates (乾 → 干 乾)
the first, the usual reading, is taken. Only a text that is written in traditional characters is
converted: a simplified report may hold a traditional-looking character in a name (乾隆) that must
stay as it is.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib.resources import files

from flows.ingest.mapped import MappedText

# Share of Han characters that only traditional writing uses, above which a text is traditional.
# Simplified reports of the shared corpus have at most 0.01 %; the Lishui report rendered in
# traditional characters has 35 %.
TRADITIONAL_SHARE = 0.05
_MIN_TRADITIONAL_CHARS = 3


@lru_cache(maxsize=1)
def traditional_to_simplified() -> dict[str, str]:
    """Traditional character -> simplified character, one for one."""
    table: dict[str, str] = {}
    source = files("opencc") / "dictionary" / "TSCharacters.txt"
    for line in source.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        candidates = values.split()
        if len(key) == 1 and candidates and len(candidates[0]) == 1 and candidates[0] != key:
            table[key] = candidates[0]
    return table


@lru_cache(maxsize=1)
def traditional_phrases() -> dict[str, str]:
    """Traditional word -> simplified word of the same length, where characters alone convert wrongly."""
    table: dict[str, str] = {}
    opencc_phrases = (files("opencc") / "dictionary" / "TSPhrases.txt").read_text(encoding="utf-8")
    for line in opencc_phrases.splitlines():
        key, _, values = line.partition("\t")
        candidates = values.split()
        if candidates and len(candidates[0]) == len(key) > 1:
            table[key] = candidates[0]
    ours = (files("flows.ingest") / "traditional_phrases.tsv").read_text(encoding="utf-8")
    for line in ours.splitlines():
        if line.startswith("#") or line.startswith("traditional\t") or not line.strip():
            continue
        key, simplified = line.split("\t")
        if len(key) != len(simplified):
            raise ValueError(f"traditional_phrases.tsv: {key} and {simplified} differ in length")
        table[key] = simplified
    return table


@lru_cache(maxsize=1)
def _phrases_by_first_character() -> dict[str, list[tuple[str, str]]]:
    by_first: dict[str, list[tuple[str, str]]] = {}
    for key, simplified in sorted(traditional_phrases().items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(key[0], []).append((key, simplified))
    return by_first


def _convert_phrases(text: str) -> str:
    """Longest phrase first at each position; equal lengths, so offsets stay as they are."""
    by_first = _phrases_by_first_character()
    out: list[str] = []
    i = 0
    while i < len(text):
        for key, simplified in by_first.get(text[i], ()):
            if text.startswith(key, i):
                out.append(simplified)
                i += len(key)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def traditional_share(text: str) -> float:
    table = traditional_to_simplified()
    # counted per distinct character (Counter counts in C): a loop over every character in Python
    # took an eighth of ingestion's time, for every report
    han = {c: n for c, n in Counter(text).items() if "\u4e00" <= c <= "\u9fff"}
    if not han:
        return 0.0
    return sum(n for c, n in han.items() if c in table) / sum(han.values())


def is_traditional(text: str) -> bool:
    # the characters of the table in the text, counted until there are enough to ask for the share: a
    # simplified report has none or one. A character class of the table's characters of the basic
    # plane is searched fast (a set of every character of the text makes a string object for each;
    # with the supplementary-plane characters in it, the class is read as a list, one by one); those
    # few are counted apart, and only in a text that holds any character of that plane.
    found = 0
    for _ in _basic_plane_characters().finditer(text):
        found += 1
        if found >= _MIN_TRADITIONAL_CHARS:
            return traditional_share(text) >= TRADITIONAL_SHARE
    if _SUPPLEMENTARY.search(text):
        table = traditional_to_simplified()
        found += sum(1 for m in _SUPPLEMENTARY.finditer(text) if m.group() in table)
        if found >= _MIN_TRADITIONAL_CHARS:
            return traditional_share(text) >= TRADITIONAL_SHARE
    return False


_SUPPLEMENTARY = re.compile("[\U00010000-\U0010FFFF]")


@lru_cache(maxsize=1)
def _basic_plane_characters() -> re.Pattern[str]:
    """A character class of the table's characters of the basic plane."""
    basic = [c for c in sorted(traditional_to_simplified()) if c <= "\uffff"]
    return re.compile("[" + "".join(re.escape(c) for c in basic) + "]" if basic else "(?!)")


def to_simplified(text: MappedText) -> MappedText:
    """The text in simplified characters when it is written in traditional ones; else unchanged."""
    if not is_traditional(text.text):
        return text
    words_converted = MappedText(_convert_phrases(text.text), text.offsets)
    return words_converted.translate(traditional_to_simplified())
