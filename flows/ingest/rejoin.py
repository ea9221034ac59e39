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


def rejoin(text: MappedText) -> MappedText:
    return text.delete((i, i + 1) for i in broken_paragraph_joins(text))
