"""Re-joining paragraphs that a column or page break cut in the middle of a sentence.

Newspaper pages and PDFs break text where the column ends, not where the sentence ends:
"…做好强城、兴村、融合“三" / "篇文章”,加快…". The break is undone when the first piece is prose
(it holds sentence punctuation) that stops without sentence-final punctuation, and the second
piece does not open a new unit (a heading, a list clause, a salutation, a dash-led item).
Headings such as "三、大力推进重大项目建设" also lack final punctuation; they are told apart by
being short heading-marked lines without a full stop.
"""
from __future__ import annotations

import re

from flows.ingest.mapped import MappedText

# Sentence-final marks, optionally followed by closing quotes or brackets (…拼搏!” / …。)).
# …看我国发展的蓬勃活力↓↓: an arrow points at what follows, the lead-in is complete
_SENTENCE_FINAL = tuple("。!?;:↓→…")
_CLOSING = "”’\"')》」』"


def _ends_sentence(piece: str) -> bool:
    """Whether `piece` ends on a sentence-final mark, closing quotes or brackets after it allowed
    (before a last line break, as a regex's `$` reads it). Read from its end: a regex searched
    for the mark at the end tried every place of the paragraph joined so far, for every line."""
    ends = piece[:-1] if piece.endswith("\n") else None
    return piece.rstrip(_CLOSING).endswith(_SENTENCE_FINAL) or (
        ends is not None and ends.rstrip(_CLOSING).endswith(_SENTENCE_FINAL))
_HAS_PROSE_PUNCTUATION = re.compile(r"[,。;]")
_OPENS_UNIT = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、是]|\([一二三四五六七八九十百\d]+\)|\d+[.、](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[,、章节条部分]"
    r"|——|各位代表|附件|附表|注:|[■□●○◆◇▲△▶►•★☆√])"
)
_HEADING_MARKED = re.compile(r"^(?:[一二三四五六七八九十百]+[、是]|\([一二三四五六七八九十百\d]+\)|\d+[.、](?!\d)|第[一二三四五六七八九十]+[章节部分])")
# A heading line long enough to be mistaken for broken prose is rare; beyond this it is prose.
_HEADING_MAX = 60
# 民族团结进步示范区建设结出新硕果 between two list items: a short line with no punctuation, figure or
# dangling particle is a subheading, not the middle of a sentence broken across columns (a column
# break leaves "…降碳" / "约束性指标和…" or "失业率5.5%以内": a figure, a mark or a particle at its edge)
_HEADING_SHAPED = re.compile(r"^[^\d\s,。;:!?、()%.·—…]{4,30}$")
_DANGLING = re.compile(r"[的和与及或在对把被将为了从由向以并且而]$")
_LIST_ITEM = re.compile(r"^[■□●○◆◇▲△▶►•★☆√]")
# 今年开工建设漳汕、合湛高铁 建成梅龙高铁、黄茅海通道: a line whose parts a space sets apart, with no
# comma or full stop, is a headline (or a spaced title, 政 府 工 作 报 告), never the rest of a sentence
_SPACED_HEADLINE = re.compile(r"^[^,。;]*[\u4e00-\u9fff] +[\u4e00-\u9fff][^,。;]*$")
# 规模工业增加值增长4.8% / …世界500强企业达178家: a line of words ending on a figure (a number after a
# word, then % or a unit of up to three characters); a bare number (28 / 3.5%) or a code (hd9) is not
_ENDS_ON_FIGURE = re.compile(r"[\u4e00-\u9fff][^\d\sA-Za-z.]*(?<![A-Za-z.])\d[\d.]*(?:%|[\u4e00-\u9fff]{1,3})?$")
_HAS_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")
_PROSE_MARK = re.compile(r"[,。;:]")
# a run of joined lines is one-line bullets when this many of its breaks (and at least half) are a figure's line end
_BULLET_BREAKS_MIN = 2


def is_broken_paragraph(first: str, second: str) -> bool:
    """True when `second` continues the sentence `first` was cut in."""
    if not first or not second or _ends_sentence(first):
        return False
    if not _HAS_PROSE_PUNCTUATION.search(first):
        return False  # titles, headings, bylines, datelines
    if _HEADING_MARKED.match(first) and "。" not in first and len(first) <= _HEADING_MAX:
        return False  # "(十四)全面加强政府自身建设,努力建设…政府" with its comma
    return not _OPENS_UNIT.match(second) and not _SPACED_HEADLINE.match(second)


def is_subheading_between_items(first: str, second: str, after: str) -> bool:
    """True when `second` is a heading-shaped line (short, no mark, figure or dangling particle) that
    a list item comes before or after: the bullets of a page in points and their subheadings
    (• 营商环境…688.3万户 / 民族团结进步示范区建设结出新硕果 / 建成…), each a line of its own."""
    if not _HEADING_SHAPED.match(second) or _DANGLING.search(second):
        return False
    return bool(_LIST_ITEM.match(first) or _LIST_ITEM.match(after))


def broken_paragraph_joins(text: MappedText) -> list[int]:
    """Offsets in `text.text` of the newlines that cut a sentence."""
    lines = list(text.lines())
    joins = []
    # A sentence can be cut more than once ("…发展的" / "主要预期目标" / "是:…"), so the piece
    # tested is the paragraph joined so far.
    paragraph_start = 0
    for k, ((_, e1), (s2, e2)) in enumerate(zip(lines, lines[1:])):
        first, second = text.text[paragraph_start:e1].replace("\n", ""), text.text[s2:e2]
        if is_broken_paragraph(first, second) and not is_subheading_between_items(
                first, second, text.text[slice(*lines[k + 2])] if k + 2 < len(lines) else ""):
            joins.append(e1)
        else:
            paragraph_start = s2
    return joins


def is_figure_line_break(line: str, second: str) -> bool:
    """True when the break between `line` and `second` ends a one-line item: either line is words
    ending on a figure, and `second` holds no prose mark (湖南 2021 / 湖北 2017 as news pages print
    them: 地区生产总值增长3.8%,总量突破4万亿元 / 规模工业增加值增长4.8% / 固定资产投资增长7.6%). A column
    break cuts anywhere, and the line it leaves is a column wide, so it seldom ends on a figure with
    no mark in the line after it."""
    if _PROSE_MARK.search(second) or not _HAS_WORDS.search(second):
        return False
    return bool(_ENDS_ON_FIGURE.search(line) or _ENDS_ON_FIGURE.search(second))


def bullet_line_ends(text: MappedText, joins: list[int]) -> set[int]:
    """The joins (see `broken_paragraph_joins`) that end one-line bullets: in a run of joined lines
    where most breaks are figure line ends (`is_figure_line_break`), every break of the run ends an
    item or a heading (经济增长 / 抗击新冠肺炎疫情), a line per figure with no full stop."""
    runs: list[list[int]] = []
    for j in joins:
        if runs and text.text.find("\n", runs[-1][-1] + 1) == j:
            runs[-1].append(j)
        else:
            runs.append([j])
    ends: set[int] = set()
    for run in runs:
        figure_breaks = sum(is_figure_line_break(text.text[text.text.rfind("\n", 0, j) + 1:j],
                                                 text.text[j + 1:_line_end(text.text, j + 1)]) for j in run)
        if figure_breaks >= _BULLET_BREAKS_MIN and 2 * figure_breaks >= len(run):
            ends.update(run)
    return ends


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def rejoin(text: MappedText) -> MappedText:
    """Undo the column breaks; the breaks of one-line bullets become full stops, so a run of items
    stays one paragraph (its review scope kept) while each item is a sentence of its own."""
    joins = broken_paragraph_joins(text)
    items = bullet_line_ends(text, joins)
    return text.replace((i, i + 1, "。" if i in items else "") for i in joins)
