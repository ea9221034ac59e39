"""Dropping what is not report text: print-edition markers, web-page chrome, page numbers, adverts.

Line rules live in `boilerplate.tsv` (kind, pattern, reason) so a new site's chrome is a new row,
not new code. Three structural rules stay here because they need context, not one line:
breadcrumbs (`首页 / > / 政府信息公开 / > …`, one item a line), lines repeated in the front matter
(pages that print title and dateline twice), and the tail after the closing paragraph
(`各位代表,…而努力拼搏!`), which on web and newspaper pages is followed by adverts, licence notes,
related links — but in some reports by real appendices (附件, 名词解释), which are kept.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

from flows.ingest.mapped import MappedText
from flows.ingest.normalise import normalise_whitespace

_SENTENCE_PUNCTUATION = re.compile(r"[。,;!?]")
_BREADCRUMB_SEPARATOR = re.compile(r"^[>»]$")
_APPENDIX = re.compile(r"^(?:附件|附表|附录)\s*[\d一二三四五六七八九十]*\s*:?$|^(?:名词解释|注释|名词注释|附:.*)$")
_OPENING_SALUTATION = re.compile(r"^各位代表\s*[:,]?$")
_CLOSING = re.compile(r"^各位代表\s*[,!:]")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+是)")
_FINAL = re.compile(r"[。!?][”’)]*$")
# The tail dropped after the closing paragraph is boilerplate, not a lost half of the report.
_MAX_TAIL_SHARE = 0.25
_VALUE_LINE_MAX = 30
# what follows a figure cut off from its sentence: a magnitude, a unit or classifier, 年 of a year
_UNIT_START = re.compile(
    r"^(?:[万亿千百]|%|‰|个|项|家|元|年|人|公里|千米|米|吨|亩|倍|位|名|座|条|所|件|次|批|户|套|台|辆|公顷|平方|立方|千瓦|[)）])"
)


@dataclass(frozen=True)
class BoilerplateRule:
    kind: str  # inline | line | label
    pattern: re.Pattern[str]
    reason: str


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    source = resources.files("flows.ingest").joinpath("boilerplate.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(source.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    rules = []
    for row in rows:
        body = row["pattern"]
        pattern = re.compile(body) if row["kind"] == "inline" else re.compile(rf"^(?:{body})$")
        rules.append(BoilerplateRule(row["kind"], pattern, row["reason"]))
    return tuple(rules)


_RULE = "rule"


@lru_cache(maxsize=1)
def _line_rules() -> tuple[tuple[BoilerplateRule, ...], Callable[[str], re.Match[str] | None]]:
    """The line and label rules in table order, and one regex that matches a line when one of them
    does, naming the first that does (one test a line instead of one a rule: most lines are report
    text that no rule matches). A rule holding groups of its own is found by trying each in turn."""
    line_rules = tuple(r for r in boilerplate_rules() if r.kind != "inline")
    if any(r.pattern.groups for r in line_rules):
        return line_rules, lambda line: _first_rule(line_rules, line) and _MATCHED_LINE.match(line)
    either = "|".join(f"(?P<{_RULE}{k}>{r.pattern.pattern})" for k, r in enumerate(line_rules))
    return line_rules, re.compile(either).match


_MATCHED_LINE = re.compile(r"(?s).*")  # a match with no group: its rule is found rule by rule


def _first_rule(line_rules: tuple[BoilerplateRule, ...], line: str) -> BoilerplateRule | None:
    return next((r for r in line_rules if r.pattern.match(line)), None)


def clean(text: MappedText) -> MappedText:
    """Text without boilerplate; paragraphs stay one a line (input must be whitespace-normalised)."""
    rules = boilerplate_rules()
    text = text.delete(
        m.span() for rule in rules if rule.kind == "inline" for m in rule.pattern.finditer(text.text)
    )
    text = normalise_whitespace(text)
    lines = list(text.lines())
    content = [text.text[s:e] for s, e in lines]
    drop: set[int] = set()
    line_rules, first_match = _line_rules()
    for i, line in enumerate(content):
        m = first_match(line)
        if m is None:
            continue
        rule = line_rules[int(m.lastgroup[len(_RULE):])] if m.lastgroup else _first_rule(line_rules, line)
        if rule.reason.startswith("page number") and _number_inside_sentence(content, i):
            continue
        drop.add(i)
        if rule.kind == "label" and re.match(r"^[^:]+:\s*$", line) and i + 1 < len(content):
            value = content[i + 1]
            if len(value) <= _VALUE_LINE_MAX and not _SENTENCE_PUNCTUATION.search(value):
                drop.add(i + 1)
    drop |= _breadcrumb_lines(content)
    drop |= _repeated_front_matter(content)
    drop |= _tail_after_closing(content, drop)
    text = text.delete((lines[i][0], lines[i][1] + 1) for i in drop)
    return normalise_whitespace(text)


def _number_inside_sentence(content: list[str], i: int) -> bool:
    """湖南投资大厦全口径税收超 / 5 / 亿元,… (a document converted one run a line): a bare number
    between a sentence that goes on and its unit is the sentence's figure, not a page number."""
    if i == 0 or i + 1 >= len(content):
        return False
    before, after = content[i - 1], content[i + 1]
    return bool(before) and not _FINAL.search(before) and not before.endswith((":", ";")) and bool(_UNIT_START.match(after))


def _breadcrumb_lines(content: list[str]) -> set[int]:
    drop: set[int] = set()
    for i, line in enumerate(content):
        if _BREADCRUMB_SEPARATOR.match(line):
            drop.update(j for j in (i - 1, i, i + 1) if 0 <= j < len(content) and len(content[j]) <= 20)
    return drop


def _front_matter_end(content: list[str]) -> int:
    for i, line in enumerate(content):
        if _OPENING_SALUTATION.match(line) or _HEADING_START.match(line):
            return i
    return 0


def _repeated_front_matter(content: list[str]) -> set[int]:
    seen: set[str] = set()
    drop: set[int] = set()
    for i in range(_front_matter_end(content)):
        if content[i] in seen:
            drop.add(i)
        seen.add(content[i])
    return drop


def _tail_after_closing(content: list[str], dropped: set[int]) -> set[int]:
    closing = next(
        (i for i in range(len(content) - 1, -1, -1) if _CLOSING.match(content[i]) and i not in dropped), None
    )
    if closing is None:
        return set()
    # "各位代表!" alone opens the closing; its paragraph is the next line.
    if len(content[closing]) <= 6 and closing + 1 < len(content):
        closing += 1
    if not _FINAL.search(content[closing]):
        return set()
    tail: list[int] = []
    for i in range(closing + 1, len(content)):
        if _APPENDIX.match(content[i]):
            break
        if _HEADING_START.match(content[i]):
            return set()  # report structure after the "closing": it was not the closing
        tail.append(i)
    total = sum(len(c) + 1 for c in content)
    if sum(len(content[i]) + 1 for i in tail) > _MAX_TAIL_SHARE * total:
        return set()
    return set(tail)
