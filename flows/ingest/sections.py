"""The section tree: 一、 (level 1) / (一) (level 2) / 一是 (level 3), read from the final text.

- Level 1 is a line of its own: `一、…`, short, not ending in 。, and continuing the ordinal
  sequence of the level-1 headings before it. Numbered lists (`一、提高低保…。` in an appendix)
  restart the count or end in 。 and so stay body text. `附件1` also opens a level-1 section, so
  an appendix is not filed under the report's last section.
- Level 2 opens a line: `(一)…`; its heading runs to the first 。 (the rest of the line is body).
- Level 3 is a clause `一是…` at a paragraph start or after punctuation. When the clause is the
  whole paragraph it heads the paragraphs below it (up to the next sibling or a higher heading);
  otherwise it spans to the next sibling clause in the same paragraph or the paragraph end.
A document may start mid-tree (a newspaper page starting at "(四)"): sections simply have no parent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.ingest.document import Section

CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、")
_APPENDIX = re.compile(r"^(?:附件|附表|附录)\s*[\d一二三四五六七八九十]*\s*:?$")
_LEVEL2 = re.compile(r"^\(([一二三四五六七八九十]+)\)")
# the numeral is looked for first: the lookbehind alone would be tried at every character
_LEVEL3_WORD = "是"
_LEVEL3 = re.compile(rf"(?=[一二三四五六七八九十])(?:^|(?<=[。;:!?,]))([一二三四五六七八九十]+){_LEVEL3_WORD}(?=\S)")
_CLAUSE_END = re.compile(r"[。;]")
# An unnumbered line heading a part of a web-published report: `2024年工作回顾`, `20XX年工作回顾`,
# `2025年工作安排`, `2024年全市上下…交出了一份…成绩单` — short, no closing punctuation, naming a review
# or a plan. Titles (…政府工作报告, …计划) and date lines are not headings.
_UNNUMBERED = re.compile(r"回顾|成绩单|工作安排|工作任务|重点工作|总体要求|主要目标|预期目标|执行情况|计划草案")
_UNNUMBERED_MAX = 45
# …and naming the time it is about, so a phrase broken off a sentence (…发展的\n主要目标\n是:) is not one
_HEADING_TIME = re.compile(r"(?:19|20)(?:\d\d|XX|xx)年|今年|明年|去年|过去一年|过去五年|本年|十[一二三四五六七八九]五”?(?:时期|期间)")
_NOT_HEADING_END = re.compile(r"[。;:!?,、]$|(?:报告|计划|通知|纲要|草案)(?:\([^()]{1,8}\))?$")  # a title, with its note: …计划草案(摘要)
_DATE_LINE = re.compile(r"^(?:——|--)?\s*(?:20|19)\d\d年\d{1,2}月\d{1,2}日")
_LEVEL1_MAX = 60
_BLOCK_CLAUSE_MAX = 60


def chinese_number(numeral: str) -> int | None:
    """一 → 1, 十 → 10, 十四 → 14, 二十三 → 23; None for anything else."""
    if not numeral:
        return None
    if "十" not in numeral:
        return CHINESE_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    t = CHINESE_DIGITS.get(tens, 0) if tens else 1
    u = CHINESE_DIGITS.get(units, 0) if units else 0
    if (tens and not t) or (units and not u):
        return None
    return t * 10 + u


@dataclass(frozen=True)
class _Heading:
    level: int
    heading: str
    start: int


def build_sections(text: str) -> tuple[Section, ...]:
    paragraphs = _paragraph_spans(text)
    blocks = _block_headings(text, paragraphs)
    spans: list[tuple[_Heading, int]] = []
    for i, h in enumerate(blocks):
        end = next((b.start for b in blocks[i + 1 :] if b.level <= h.level), len(text))
        spans.append((h, _trim(text, h.start, end)))
    spans.extend(_clause_sections(text, paragraphs, blocks))
    spans.sort(key=lambda s: (s[0].start, s[0].level))
    out: list[Section] = []
    for h, end in spans:
        parents = [p for p in out if p.level < h.level and p.start <= h.start < p.end]
        chain: dict[int, Section] = {}
        for p in parents:
            chain[p.level] = p  # the latest opened section at each level
        path = " / ".join([chain[lvl].heading for lvl in sorted(chain)] + [h.heading])
        out.append(Section(level=h.level, heading=h.heading, start=h.start, end=end, path=path))
    return tuple(out)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == "\n":
        end -= 1
    return end


def _block_headings(text: str, paragraphs: list[tuple[int, int]]) -> list[_Heading]:
    heads: list[_Heading] = []
    last_level1: int | None = None
    in_appendix = False
    for start, end in paragraphs:
        line = text[start:end]
        if _APPENDIX.match(line):
            heads.append(_Heading(1, line, start))
            in_appendix = True  # an appendix's own numbered list is not report structure
            continue
        m1 = _LEVEL1.match(line)
        if m1 and len(line) <= _LEVEL1_MAX and not line.endswith("。"):
            n = chinese_number(m1.group(1))
            if n is not None and not in_appendix and (last_level1 is None or n == last_level1 + 1):
                heads.append(_Heading(1, line, start))
                last_level1 = n
                continue
        if _LEVEL2.match(line):
            stop = line.find("。")
            heads.append(_Heading(2, line if stop < 0 else line[:stop], start))
            continue
        if start > 0 and _is_unnumbered_heading(line):
            heads.append(_Heading(1, line, start))
    return heads


def is_numbered(heading: str) -> bool:
    """Whether a heading carries its ordinal (一、 / (一)), as the parts of a report's series do;
    an unnumbered heading (2025年工作回顾) names a whole part of the report."""
    return bool(_LEVEL1.match(heading) or _LEVEL2.match(heading))


def _is_unnumbered_heading(line: str) -> bool:
    return (
        0 < len(line) <= _UNNUMBERED_MAX
        and not _NOT_HEADING_END.search(line)
        and not _DATE_LINE.match(line)
        and not line.startswith(("各位代表", "——", "--", "(", "附件"))
        and bool(_UNNUMBERED.search(line))
        and bool(_HEADING_TIME.search(line))
    )


def _clause_sections(
    text: str,
    paragraphs: list[tuple[int, int]],
    blocks: list[_Heading],
) -> list[tuple[_Heading, int]]:
    out: list[tuple[_Heading, int]] = []
    block_clauses: list[_Heading] = []
    for p_start, p_end in paragraphs:
        para = text[p_start:p_end]
        if _LEVEL3_WORD not in para:
            continue  # no 是, no 一是: most paragraphs, passed over before the search of each place
        found = [m for m in _LEVEL3.finditer(para) if chinese_number(m.group(1)) is not None]
        # A list is 一是, 二是, …: a lone 三是 in mid-sentence is ordinary prose.
        clauses = [m for m in found if _continues_list(m, found)]
        for k, m in enumerate(clauses):
            start = p_start + m.start()
            stop = _CLAUSE_END.search(para, m.start())
            heading = para[m.start() : stop.start() if stop else len(para)]
            whole_paragraph = (
                m.start() == 0 and (stop is None or stop.end() >= len(para)) and len(para) <= _BLOCK_CLAUSE_MAX
            )
            if whole_paragraph:
                block_clauses.append(_Heading(3, heading, start))
                continue
            end = p_start + clauses[k + 1].start() if k + 1 < len(clauses) else p_end
            out.append((_Heading(3, heading, start), _trim(text, start, end)))
    # A clause standing as its own paragraph heads what follows, until the next such clause or
    # the next block heading.
    # A salutation paragraph (各位代表!…) turns to a new topic, so it also ends such a clause.
    salutations = [start for start, _ in paragraphs if text.startswith("各位代表", start)]
    boundaries = sorted([h.start for h in block_clauses] + [h.start for h in blocks] + salutations + [len(text)])
    for h in block_clauses:
        end = next(b for b in boundaries if b > h.start)
        out.append((h, _trim(text, h.start, end)))
    return out


def _continues_list(m: re.Match[str], found: list[re.Match[str]]) -> bool:
    """一是 starts a list; N是 continues one when (N-1)是 came before it or it opens the paragraph."""
    n = chinese_number(m.group(1)) or 0
    if n == 1 or m.start() == 0:
        return True
    return any(chinese_number(o.group(1)) == n - 1 and o.start() < m.start() for o in found)
