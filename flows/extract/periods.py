"""Whether a statement looks back (achievement) or forward (target), and the year it is for: the one
past/future decision, used by every record type (figures through `classify`, projects and portfolios
through `statement_year`).

Decided by the section a figure sits in and the wording of its sentence, never by the document's
name: a review section (回顾, 主要工作, 执行情况, 发展成就) reports results of the year before the plan
year; planning sections (预期目标, 重点工作, 工作任务, 草案) and pages without a review carry targets.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple, TypeVar

from flows.extract.comparators import PREFIX_PATTERN
from flows.extract.qualitative import announces_targets, paragraph_announces_targets
from flows.extract.vocabulary import alternation, kind_verbs, longest_first, positions_of, words
from flows.ingest.document import Document, Section
from flows.ingest.sections import is_numbered

_REVIEW_HEADING_RE = re.compile(alternation("review_heading"))
# 今年主要工作 / 明年工作安排 look ahead whatever else the heading says.
_AHEAD_HEADING_RE = re.compile(alternation("ahead_heading"))
_PLAN_HEADING_RE = re.compile(alternation("plan_heading"))
_AHEAD = alternation("ahead_word")
_YEAR_RE = re.compile(r"(20\d\d)年")
# 到2030年 / 2027年前 in a target sentence names the year the figure is due.
_DUE_YEAR_RE = re.compile(r"(?:到|至)(20\d\d)年|(20\d\d)年(?:前|底)")


# Per-document indexes, rebuilt when another document comes (keyed by id, checked by identity):
# the document, the offsets where the set of governing sections changes, the sections governing
# from each, the plan year, what the headings decided per (bound, year), and where sentences end.
_Index = tuple[Document, list[int], list[tuple[Section, ...]], int | None, dict[tuple[int, int | None], bool | None],
               list[int]]
_INDEX: dict[int, _Index] = {}
_SENTENCE_ENDS = "。;!?\n"


def _index(doc: Document) -> _Index:
    entry = _INDEX.get(id(doc))
    if entry is None or entry[0] is not doc:
        sections = _headings_below_title(doc)
        bounds = sorted({0} | {s.start for s in sections} | {s.end for s in sections})
        active = [tuple(s for s in sections if s.start <= b < s.end) for b in bounds]
        if len(_INDEX) > 8:
            _INDEX.clear()
        sentence_ends = positions_of(doc.text, _SENTENCE_ENDS)
        entry = (doc, bounds, active, _plan_year(doc), {}, sentence_ends)
        _INDEX[id(doc)] = entry
    return entry


_TITLE_WORD_RE = re.compile(alternation("title_word"))
_TITLE_LINES = 3


def _headings_below_title(doc: Document) -> tuple[Section, ...]:
    """The document's sections but a title that ingest read as a heading: the first section, opening
    in the first lines and naming a report, draft or notice (某县2025年计划草案要点 / 《关于…的报告》)
    heads the whole text, not one part of it, and decides nothing (its 2025年 and 草案 would make
    the review under it a plan); nor do the items of an outline (`_outline`)."""
    sections = doc.sections
    if sections:
        first = min(sections, key=lambda s: s.start)
        if (first.level == 1 and doc.text.count("\n", 0, first.start) < _TITLE_LINES
                and _TITLE_WORD_RE.search(first.heading)):
            sections = tuple(s for s in sections if s is not first)
        outline = _outline(doc.text, sections)
        if outline:
            sections = tuple(s for s in sections if s not in outline)
    return sections


def _outline(text: str, sections: tuple[Section, ...]) -> set[Section]:
    """报告分为两大部分 / 一、2023年工作回顾 / 二、2024年目标任务和主要工作 / 回顾2023 / …: a run of
    numbered heading lines with no body between them lists the report's parts; the last of the run
    heads nothing, or the results after the list would be read under its 目标任务."""
    heads = sorted((s for s in sections if s.level == 1 and is_numbered(s.heading)), key=lambda s: s.start)
    outline: set[Section] = set()
    for a, b in zip(heads, heads[1:]):
        if a.end <= b.start and not text[a.start + len(a.heading): b.start].strip():
            outline.update((a, b))
    return outline


def sentence_ends(doc: Document) -> list[int]:
    """Where the sentences of `doc.text` end: its 。;!? and line breaks, found once per document."""
    return _index(doc)[5]


def _sentence_span(doc: Document, offset: int) -> tuple[int, int]:
    """The sentence around `offset`: from after the last 。;!?/newline before it to the first one at
    or after it (its index; the text's end when there is none). Found by bisection: a search of the
    text for each mark, for every figure, scanned to the text's ends for the marks a report lacks."""
    ends = _index(doc)[5]
    i = bisect.bisect_left(ends, offset)
    return (ends[i - 1] + 1 if i > 0 else 0), (ends[i] if i < len(ends) else len(doc.text))


def sections_at(doc: Document, offset: int) -> tuple[Section, ...]:
    """The sections whose span holds `offset` (what `s.start <= offset < s.end` selects)."""
    _, bounds, active, _, _, _ = _index(doc)
    i = bisect.bisect_right(bounds, offset) - 1
    return active[i] if i >= 0 else ()


def plan_year(doc: Document) -> int | None:
    return _index(doc)[3]


# what the headings over a run of text say, per document, keyed by (run, question, plan year): every
# figure under the same headings asks the same questions of the same headings
_HEADING_ANSWERS: dict[int, tuple[Document, dict]] = {}
_T = TypeVar("_T")


def _of_headings(doc: Document, offset: int, question: Callable[[Document, tuple[Section, ...], int | None], _T],
                 year: int | None = None) -> _T:
    """`question(doc, sections_at(doc, offset), year)`, read once per run of text under the same headings."""
    _, bounds, active, _, _, _ = _index(doc)
    i = bisect.bisect_right(bounds, offset) - 1
    memo = _memo_of(_HEADING_ANSWERS, doc)
    key = (i, question, year)
    if key not in memo:
        memo[key] = question(doc, active[i] if i >= 0 else (), year)
    return memo[key]


def _plan_year(doc: Document) -> int | None:
    """The metadata's plan year; else the latest 20XX年 in the title lines and top headings."""
    if doc.metadata.plan_year:
        return doc.metadata.plan_year
    lines = [doc.metadata.title] + doc.text.lstrip().splitlines()[:3]
    headings = [s.heading for s in doc.sections if s.level == 1]
    years = [int(y) for line in lines + headings for y in _YEAR_RE.findall(line)]
    if not any(_YEAR_RE.search(h) for h in headings):
        # 2025年,我国…增长9.4% / 2026年,拟发行…: a page without dated headings whose paragraphs
        # open on years speaks from the latest of them (政府工作报告数据摘编, 2026)
        years += [int(y) for y in _OPENING_YEAR_RE.findall(doc.text)]
    return max(years) if years else None


_OPENING_YEAR_RE = re.compile(r"(?m)^\s*(20\d\d)年[,，]")


# 1—8月份 / 1-6月 / 截至10月底: a result of the year so far (a progress report, a review).
_TO_DATE = r"(?:1\s*[—\-－~～至到]\s*1?\d\s*月(?:份)?|截至(?:目前|\d{1,2}月底?))"
# 报告指出,一年来,…: a news lead-in naming the report before the look back (硚口区2025年政府工作报告)
_LOOKING_BACK_RE = re.compile(rf"^\s*(?:(?:{alternation('news_lead_in')}),)?(?:{alternation('review_opening')})")
# 据统计预测,… / 根据工作报告,初步预计,2022年… / 初步核算,…: statistical estimates are results
_ESTIMATE_RE = re.compile(
    rf"(?:^|[,:])(?:据|经)?(?:{alternation('estimate_qualifier')})?(?:{alternation('estimate_verb')})(?:显示)?,"
)
_TO_DATE_RE = re.compile(_TO_DATE)
# 省长龚正在报告中指出,一年来,… / 政府工作报告提出,过去五年,… / 他表示,过去一年,…: a news lead (the
# report or its speaker, and the verb) before the look back, as a paragraph's first sentence or one
# after it (…作政府工作报告。报告指出,一年来,…)
_REPORT_LEAD = (rf"[^,。;:!?\n]{{0,20}}?(?:(?:{alternation('report_noun')})[^,。;:!?\n]{{0,4}}?)?"
                rf"(?:{alternation('report_verb')})")
_REPORT_LEAD_BACK_RE = re.compile(
    rf"(?:^|(?<=[。!?]))\s*{_REPORT_LEAD}[,:]\s*(?:{alternation('review_opening')})", re.M)
# 会上…省长…向大会作政府工作报告:2020年,江苏地区生产总值… / 11日,记者从…发布的政府工作报告获悉,近五年,… /
# 市发改委在报告中提到,2007年上海…: a news lead of any length (the report and a colon, or a reporting verb)
# before a clause opening on last year's date (not a day of it: 2022年1月…) or a look back
@lru_cache(maxsize=16)
def _lead_then_back(year: int | None) -> re.Pattern[str]:
    back = alternation("review_opening") + (rf"|{year - 1}年(?!\d{{1,2}}月)" if year else "")
    # one flat alternation of literals, so that the search skips to the positions where one opens
    leads = [f"{re.escape(w)}:" for w in words("report_noun")] + [f"{re.escape(w)}[,:]" for w in words("report_verb")]
    return re.compile(rf"(?:{'|'.join(leads)})\s*(?:{back})")


# the marks a sentence ends on inside a paragraph (and _REPORT_LEAD_BACK_RE opens after)
_SENTENCE_MARK_RE = re.compile(r"[。!?]")
# before a year, what makes it a comparison, a start or a deadline (比2023年 / 从2020年 / 到2025年), not a date
_YEAR_REFERENCE = "比较从由同与到至对照"


def _report_lead_back(text: str, start: int, endpos: int) -> re.Match[str] | None:
    """`_REPORT_LEAD_BACK_RE.search(text, start, endpos)` over a stretch holding no line break (a
    paragraph's opening): the pattern opens at a line's start or after 。!?, so within the stretch
    only at `start` or right after one of those marks. Those places are tried in order, instead of
    a whole match attempt at every place of the stretch (56 M instructions a pass)."""
    if (m := _REPORT_LEAD_BACK_RE.match(text, start, endpos)) is not None:
        return m
    for mark in _SENTENCE_MARK_RE.finditer(text, start, endpos):
        if (m := _REPORT_LEAD_BACK_RE.match(text, mark.end(), endpos)) is not None:
            return m
    return None


# 报告提出,今年…: a lead whose next clause turns to this year
_REPORT_LEAD_CLAUSE_RE = re.compile(rf"\s*{_REPORT_LEAD}[,:]")
_REPORT_LEAD_REACH = 150
# 在2023年的回顾中,报告指出,… / 王凤朝在回顾2023年工作时说,…: a paragraph whose first clause
# speaks of the review reports results
_FIRST_CLAUSE_RE = re.compile(r"[^,;。\n]{0,30}")
_AHEAD_IN_RE = re.compile(alternation("ahead_word", "estimate_stop"))
_FIRST_CLAUSE_REVIEW_RE = re.compile(alternation("review_first_clause"))


_PAST_PERIOD_RE = re.compile(rf"(?:^|[,。:])\s*“?十([一二三四五六七八九])五”?(?:{alternation('past_period_tail')}),")


_OPENING_WINDOW = 60
# how far past a title's closing 》 the opening still runs (…的报告》显示,2025年,全市…)
_AFTER_TITLE = 20


def _opening_end(text: str, p_start: int) -> int:
    """Where a paragraph's opening ends: 60 characters on, or past a book title opened within them
    (2月26日,在…会议上发布的《关于济源市2025年…计划草案的报告》显示,2025年,…): a news lead naming the
    report is not what the paragraph says."""
    end = p_start + _OPENING_WINDOW
    title = text.rfind("《", p_start, end)
    if title < 0:
        return end
    close = text.find("》", title)
    paragraph_end = text.find("\n", p_start)
    if close < 0 or (0 <= paragraph_end < close):
        return end
    return max(end, close + 1 + _AFTER_TITLE)


def _last_year_clause(text: str, p_start: int, offset: int, year: int, bare_ok: bool = True) -> bool:
    """本报讯…获悉,2024年,我省高速公路通车里程突破1万公里: a clause opening on last year's date
    near the start of the paragraph reports results, up to a turn to this year. A sentence opening on the
    bare date (…之一。2024年某新区获批建设,…) counts only where `bare_ok` (no heading over it plans)."""
    head = text[p_start: min(offset, _opening_end(text, p_start))]
    if text.find(f"{year - 1}年", p_start, offset) < 0 and not _PAST_PERIOD_RE.search(head):
        return False  # neither last year nor a past plan period is named: the common case, quickly
    # 刚刚过去的2024年,… / 在2024年里也让…: the same opening with a lead-in word
    # 2025年工作及“十四五”时期,… (江西省2026年政府工作报告)
    m = _last_year_lead(year).search(head)
    if not m:
        # 据悉,“十四五”期间,山东…: a five-year plan period over before the plan year
        m = _PAST_PERIOD_RE.search(head)
        if m and 2025 + 5 * (_CN_DIGIT.index(m.group(1)) + 1 - 4) >= year:
            m = None
    if not m:
        # 报告指出,初步统计2018年全市实现地区生产总值2966亿元: a sentence of the paragraph opening,
        # after a short lead-in, on last year's results
        m = _last_from_a_sentence_mark(_last_year_sentence(year), text[p_start:offset])
        if m is None or (m.group("bare") and (not bare_ok or _AIM_RE.search(text, p_start + m.end(), offset))):
            return False  # (2024年结转项目力争… / under 2025年重点工作: a sentence dated so but aiming is a plan)
    return not (_ahead_or_this_year(year).search(text, p_start + m.end(), offset)
                or _sentence_turns_ahead(text, p_start + m.end(), offset, year))


# the patterns naming last year, per plan year: compiled once, not formatted and looked up in re's
# cache for every figure of a paragraph that names last year
@lru_cache(maxsize=16)
def _last_year_lead(year: int) -> re.Pattern[str]:
    # 关于2024年的工作,报告指出:… (山东 2025): a clause naming only the year, with a two-character frame
    # before it (not a comparison, a start or a deadline: 比 / 从 / 到 …) and 的 before 工作, is a topic heading
    return re.compile(rf"(?:^|[,。:]|过去的|在)\s*(?:(?![{_YEAR_REFERENCE}])[\u4e00-\u9fff]{{1,2}})?{year - 1}年"
                      rf"(?:{_OF})?(?:工作)?(?:及[^,。]{{0,12}})?(?:里|中)?(?:,|(?<=[里中])也)")


@lru_cache(maxsize=16)
def _last_year_sentence(year: int) -> re.Pattern[str]:
    # after a short lead-in, the date before 全省 / 我市; or right at the sentence's start before any subject (…之一。
    # 2022年北京通州区与廊坊北三县…获批建设,廊坊临空经济区完成投资增长20%: 河北省2023年政府工作报告, group bare),
    # not a deadline or a span reaching on (2024年底前 / 2024年以来) nor a day of it (2024年12月28日…)
    return re.compile(rf"(?:^|[。;])(?:[^。;]{{0,12}}?(?<![{_YEAR_REFERENCE}在])\s*{year - 1}年"
                      rf"(?:[\u4e00-\u9fff]{{2,6}}?[省市区县])?(?:全[省市区县国]|我[省市区县])"
                      rf"|\s*(?P<bare>{year - 1}年)(?![以前底])[\u4e00-\u9fff])")


def _last_from_a_sentence_mark(pattern: re.Pattern[str], text: str) -> re.Match | None:
    """The last match of `pattern.finditer(text)`, for a pattern opening on (?:^|[。;]) whose matches hold
    no 。 or ; past their first character: the match at the last 。 or ; (or the text's start) it
    matches at, tried from the end, instead of a search from every place of the text."""
    at = max(text.rfind("。"), text.rfind(";"))
    while at > 0:
        m = pattern.match(text, at)
        if m:
            return m
        at = max(text.rfind("。", 0, at), text.rfind(";", 0, at))
    return pattern.match(text)


def is_review(doc: Document, offset: int, year: int | None) -> bool:
    """True when `offset` sits in a review of past results: its paragraph opens looking back
    (过去一年 / 去年 / <last year>年, / …成绩单), the headings governing it review a past year, or —
    under no heading at all — the run of paragraphs it belongs to opened looking back."""
    p_start = doc.text.rfind("\n", 0, offset) + 1
    opening = _paragraph_opening(doc, p_start, offset, year)
    if opening is not None:
        return opening
    decided = _heading_decides(doc, offset, year)
    if decided is not None:
        return decided
    if _headings_introduced_looking_back(doc, offset, year):
        return True
    return _run_under_no_heading_looks_back(doc, p_start, year)


def _headings_introduced_looking_back(doc: Document, offset: int, year: int | None) -> bool:
    """一年来,我们主要做了以下六个方面工作: / 一、全力以赴稳增长… : headings that say nothing of the
    period are read as the lead-in before the first of their series says (建平县2019年政府工作报告).
    Only a lead-in announcing what follows (ending on a colon) counts, or an unnumbered heading of a
    review right before the numbered series (2025年和“十四五”工作回顾 / 一、…: 中宁县2026年政府工作报告),
    which ingest files beside the series rather than over it."""
    return _of_headings(doc, offset, _introduced_looking_back, year)


def _introduced_looking_back(doc: Document, sections: tuple[Section, ...], year: int | None) -> bool:
    for s in sorted(sections, key=lambda s: s.level):
        first = s
        while True:
            before = [t for t in doc.sections if t.level == first.level and t.end <= first.start
                      and not doc.text[t.end:first.start].strip()]
            if not before:
                break
            first = before[-1]
            if _headings_decide((first,), year) is not None:
                break  # 二、2025年工作安排 before 三、加强政府自身建设: a sibling that speaks ends the series
        decided = _headings_decide((first,), year)
        if decided and first is not s and is_numbered(s.heading) and not is_numbered(first.heading):
            return True  # 2025年和“十四五”工作回顾 / 一、经济运行量质齐升…: the part's review heads its series
        if decided is not None:
            continue
        lead_end = doc.text.rfind("\n", 0, first.start)
        if lead_end <= 0:
            continue
        lead_start = doc.text.rfind("\n", 0, lead_end) + 1
        lead = doc.text[lead_start:lead_end].rstrip()
        if lead.endswith(":") and _paragraph_opening(doc, lead_start, lead_end, year):
            return True
    return False


def reading_evidence(doc: Document, offset: int) -> str:
    """What decided past or future at `offset`: "opening" (the paragraph's first words), "heading",
    "run" (an earlier unheaded paragraph's opening), "sentence" (its own words: 去年…, 1—6月…, 已…,
    同比…) or "default" (nothing spoke; a plan is assumed) — the weakest, for the record's confidence."""
    year = plan_year(doc)
    p_start = doc.text.rfind("\n", 0, offset) + 1
    if _paragraph_opening(doc, p_start, offset, year) is not None:
        return "opening"
    if _heading_decides(doc, offset, year) is not None or _progress_section(doc, offset, year):
        return "heading"  # (a title line on the plan year's execution speaks as a heading would)
    if _run_under_no_heading_looks_back(doc, p_start, year) or done_tasks_year(doc, offset, year) is not None:
        return "run"
    sentence = _sentence_at(doc, offset)
    if (_looks_back(doc, offset, sentence, year) or _to_date(doc, offset) or _already(doc, offset)
            or sentence_dated_before(doc, offset, year) is not None or any(_paragraph_flags(doc, offset))):
        return "sentence"
    if year and _in_opening_review(doc, offset, year):
        return "run"  # (the document's opening review, from its first dated sentence)
    return "default"


class _Opening(NamedTuple):
    """What a paragraph's first words say, read once per paragraph: every figure of it asks."""

    last_year_at: int  # where the paragraph first names last year (2024年), -1 if it does not
    past_period_near: bool  # a past plan period (“十四五”期间,) opens a clause of its opening (_opening_end)
    estimate: bool  # 据统计预测, / 初步核算,: a statistical estimate opens it
    looking_back: bool  # 一年来 / 2024年, / 回顾…: its opening looks back
    result_topic: bool  # 基础设施日臻完善。: its first sentence states a result (looks back where no heading speaks)


_Memo = dict[int, tuple[Document, dict]]


def _memo_of(store: _Memo, doc: Document) -> dict:
    """What `store` remembers of `doc` (kept by id, checked by identity); a store of more than eight
    documents starts afresh."""
    entry = store.get(id(doc))
    if entry is None or entry[0] is not doc:
        if len(store) > 8:
            store.clear()
        entry = store[id(doc)] = (doc, {})
    return entry[1]


# the paragraph openings per document, keyed by (paragraph start, plan year)
_OPENINGS: _Memo = {}


def _opening(doc: Document, p_start: int, year: int | None) -> _Opening:
    memo = _memo_of(_OPENINGS, doc)
    opening = memo.get((p_start, year))
    if opening is None:
        opening = memo[(p_start, year)] = _read_opening(doc.text, p_start, year)
    return opening


def _read_opening(text: str, p_start: int, year: int | None) -> _Opening:
    p_end = text.find("\n", p_start)
    p_end = len(text) if p_end < 0 else p_end
    lead_in = text[p_start: p_start + 16]
    first_clause = _FIRST_CLAUSE_RE.match(text, p_start)
    looking_back = bool(
        _LOOKING_BACK_RE.match(lead_in)
        or (year and text[p_start: p_start + 8].lstrip().startswith((f"{year - 1}年,", f"{year - 1}年是")))
        or (first_clause and _FIRST_CLAUSE_REVIEW_RE.search(first_clause.group(0)))
        or _report_lead_back(text, p_start, min(p_end, p_start + _REPORT_LEAD_REACH))
        or _lead_then_back(year).search(text, p_start, min(p_end, p_start + _REPORT_LEAD_REACH))
        or _ends_announcing_review(text, p_start, p_end, year)
        or _last_year_heading_line(text, p_start, p_end, year))
    return _Opening(
        last_year_at=text.find(f"{year - 1}年", p_start, p_end) if year else -1,
        # as far as _last_year_clause reads it: 60 characters, or past a book title opened within them
        past_period_near=bool(_PAST_PERIOD_RE.search(text[p_start: min(p_end, _opening_end(text, p_start))])),
        estimate=bool(_ESTIMATE_RE.search(lead_in)),
        looking_back=looking_back,
        result_topic=bool(_RESULT_TOPIC_RE.match(text, p_start, p_end)),
    )


# 基础设施日臻完善。投资8945万元,完成… (新宾 2019, a later page with no review heading): a paragraph whose first
# sentence is a short topic stating a result (subject, then a result predicate: 成效显著 / 持续改善 / 稳步提升) looks
# back; a topic opening on a directive verb, after its ordinal if any, sets a task (推动产业转型升级。 / (三)聚力推进城市能级提升。)
_RESULT_TOPIC_RE = re.compile(rf"\s*(?:{alternation('dash_bullet')})?(?![^,，。;:!?\n]{{0,4}}(?:{alternation('directive_opening')}))"
                              rf"[^,，。;:!?\n]{{2,12}}(?:{alternation('result_heading_end')})。")


# …沈北新区政府工作报告回顾了 2020年工作 。: the report's review announced at a paragraph's end
_REPORT_REVIEWS_RE = re.compile(
    rf"(?:{alternation('report_noun')})[^,。;\n]{{0,6}}?(?:{alternation('report_reviews')})[^。;!?\n]{{0,30}}[。\s]*$")


_HEADING_LINE_MAX = 20
_REVIEW_LINE_RE = re.compile(alternation("review_line_word"))
_HEADING_LINE_MARK_RE = re.compile(r"[,。;:!?]")


def _last_year_heading_line(text: str, p_start: int, p_end: int, year: int | None) -> bool:
    """2024年主要成绩 / 2024年全市经济运行情况 / “十四五”发展成就: a short line with no mark naming last
    year (not a date: 2024年12月…), a past plan period or a review, and no plan or ahead word, heads
    the results below it."""
    if not year or p_end - p_start > _HEADING_LINE_MAX:
        return False
    line = text[p_start:p_end]
    if (_HEADING_LINE_MARK_RE.search(line) or _PLAN_HEADING_RE.search(line) or _AHEAD_HEADING_RE.search(line)
            or _TARGET_HEADING_RE.search(line) or f"{year}年" in line):
        return False
    at = line.find(f"{year - 1}年")
    return ((at >= 0 and not line[at + 5: at + 6].isdigit()) or bool(_REVIEW_LINE_RE.search(line))
            or _names_past_plan_period(line, year))


def _ends_announcing_review(text: str, p_start: int, p_end: int, year: int | None) -> bool:
    """A paragraph whose last sentence says the report reviewed a past year (报告回顾了2020年工作) opens
    the look back of the paragraphs after it; not when that sentence names this year or plans
    (报告回顾了过去一年的工作,部署了今年的任务)."""
    tail_start = max(p_start, p_end - 60)
    m = _REPORT_REVIEWS_RE.search(text, tail_start, p_end)
    return bool(m) and not _ahead_or_this_year(year).search(m.group())


# 在《2020年政府工作报告》中,共安排十个方面民生实事: the report that set the tasks, named by its title
_TASKS_OF_REPORT_RE = re.compile(
    rf"《(20\d\d)年[^》\n]{{0,16}}?(?:{alternation('report_noun')})》[^。;!?\n]{{0,6}}?(?:{alternation('tasks_set_verb')})")


def _tasks_report_year(text: str, p_start: int, p_end: int, year: int | None) -> int | None:
    """The year of the report a paragraph names as setting the tasks (在《2020年政府工作报告》中,共安排
    十个方面民生实事…硬是跑出了“加速度”!): a news piece on what was done of them, so the list after it
    reports results of that year. Only a report of the plan year or before, in a paragraph that does not
    turn ahead (今年 / 将)."""
    m = _TASKS_OF_REPORT_RE.search(text, p_start, min(p_end, p_start + 40))
    if not m or year is None or int(m.group(1)) > year or _AHEAD_IN_RE.search(text, p_start, p_end):
        return None
    return int(m.group(1))


# the done-tasks verdicts per document, keyed by (paragraph start, plan year)
_DONE_TASKS: _Memo = {}


def done_tasks_year(doc: Document, offset: int, year: int | None) -> int | None:
    """The year whose tasks a paragraph under no heading reports done: the year of the report a lead
    paragraph of its run named as setting them (`_tasks_report_year`), the paragraphs between opening
    on nothing ahead (今年 / 2025年 / 主要目标 …); None otherwise."""
    if year is None:
        return None
    p_start = doc.text.rfind("\n", 0, offset) + 1
    memo = _memo_of(_DONE_TASKS, doc)
    key = (p_start, year)
    if key not in memo:
        memo[key] = _read_done_tasks(doc, p_start, year)
    return memo[key]


def _read_done_tasks(doc: Document, p_start: int, year: int) -> int | None:
    text = doc.text
    if _under_a_heading(doc, p_start) or _turns_ahead(text[p_start: p_start + 30], year):
        return None
    for start, end in _paragraphs_back(text, p_start):
        if _under_a_heading(doc, start):
            return None
        found = _tasks_report_year(text, start, end, year)
        if found is not None:
            return found  # (its own title names the year: no turn ahead)
        if _turns_ahead(text[start: start + 30], year):
            return None
    return None


def _paragraph_opening(doc: Document, p_start: int, offset: int, year: int | None) -> bool | None:
    """True when the paragraph up to `offset` opens looking back and has not turned to this year
    since; None when its opening says nothing about the period."""
    text = doc.text
    opening = _opening(doc, p_start, year)
    # _last_year_clause needs last year named before `offset` or a past period in the first words
    # (a match in fewer of them is a match in the whole opening: the pattern looks at nothing after its comma)
    if year and (0 <= opening.last_year_at <= offset - len(f"{year - 1}年") or opening.past_period_near) \
            and _last_year_clause(text, p_start, offset, year, bare_ok=_heading_decides(doc, p_start, year) is not False):
        return True
    if opening.estimate and not _AHEAD_IN_RE.search(text, p_start, offset):
        return True
    if opening.looking_back or (opening.result_topic and _topic_may_look_back(doc, p_start, year)):
        # …up to a clause that turns to this year (去年增长5.5%,今年要增长6%左右).
        if not _ahead_or_this_year(year).search(text, p_start, offset) \
                and not _sentence_turns_ahead(text, p_start, offset, year):  # one search, not one scan per word
            return True
    return None


def _topic_may_look_back(doc: Document, p_start: int, year: int | None) -> bool:
    """A result topic looks back only where nothing else dates the paragraph: no heading speaks (under
    “十五五”时期主要目标任务 the goals are written as states too: ——科技创新水平大幅提高。…研发经费投入强度提高到
    1.6%左右, 贵州 2026) and neither a heading nor the title reports on the plan year so far (廊坊市2022年…计划
    执行情况 / 创新能力加速提升。…预计增长10%以上: that year's results)."""
    if _heading_decides(doc, p_start, year) is not None or year is None:
        return False
    return not (_of_headings(doc, p_start, _progress_heading, year) or _title_reports_progress(doc, year))


def _heading_decides(doc: Document, offset: int, year: int | None) -> bool | None:
    """The innermost-first reading of the headings over `offset`, outermost first: a heading naming
    the plan year or looking ahead plans, one naming a review or an earlier year reviews; None when
    no heading speaks. Read once per run of text under the same headings (every figure asks)."""
    _, bounds, active, _, decided, _ = _index(doc)
    i = bisect.bisect_right(bounds, offset) - 1
    if (i, year) not in decided:
        sections = active[i] if i >= 0 else ()
        verdict = _headings_decide(sections, year)
        if verdict and year is not None and _opens_on_year_so_far(doc, year) \
                and not any(_YEAR_RE.search(s.heading) for s in sections):
            verdict = None  # 一、上半年…计划执行情况 in a report on the plan year so far: its progress, not a review
        decided[(i, year)] = verdict
    return decided[(i, year)]


# 鄂温克族自治旗2021年上半年国民经济和社会发展计划执行情况的报告 / 市政府政务督查室近期对《政府工作报告》确定的
# 2021年重点工作上半年完成情况进行了督办: the document opens on how the plan year itself has gone so far
@lru_cache(maxsize=16)
def _year_so_far_progress(year: int) -> re.Pattern[str]:
    return re.compile(rf"{year}年[^,。;:!?\n]{{0,12}}?(?:{alternation('period_so_far')})[^,。;:!?\n]{{0,16}}?"
                      rf"(?:{alternation('progress_heading')})")


_OPENING_PROGRESS_REACH = 200
_LEADING_SPACE_RE = re.compile(r"\s*")
# the verdict per document, keyed by plan year
_YEAR_SO_FAR: _Memo = {}


def _opens_on_year_so_far(doc: Document, year: int) -> bool:
    """Whether the document's first 200 characters (its title, or the lead sentence of a notice) report
    how the plan year has gone so far: the review headings under it (执行情况 / 完成情况) are of that year."""
    memo = _memo_of(_YEAR_SO_FAR, doc)
    if year not in memo:
        start = _LEADING_SPACE_RE.match(doc.text).end()  # (not a stripped copy of the whole text)
        memo[year] = bool(_year_so_far_progress(year).search(doc.text, start, start + _OPENING_PROGRESS_REACH))
    return memo[year]


def _headings_decide(sections: tuple[Section, ...], year: int | None) -> bool | None:
    heads = sorted(sections, key=lambda s: s.level)
    for s in heads:
        if _title_over_both(s.heading, year):
            continue
        years = {int(y) for y in _YEAR_RE.findall(s.heading)}
        if (year is not None and year in years) or _AHEAD_HEADING_RE.search(s.heading):
            return False
        if _REVIEW_HEADING_RE.search(s.heading):
            return True
        if _PLAN_HEADING_RE.search(s.heading):
            return False
        if year is not None and years and max(years) < year:
            return True
        if year is not None and _names_past_plan_period(s.heading, year):
            return True
    return None


def _title_over_both(heading: str, year: int | None) -> bool:
    """某县2024年…计划执行情况与2025年计划草案要点: a title over the review and the plan both, read as
    a heading, says nothing of either part."""
    if year is None or not _REVIEW_HEADING_RE.search(heading):
        return False
    years = {int(y) for y in _YEAR_RE.findall(heading)}
    if year in years and year - 1 in years:
        return True
    # 二、“十四五”时期发展成就和“十五五”时期主要目标任务 (广西 2026): a plan period over and one still to run
    ends = _plan_period_ends(heading)
    return any(end < year for end in ends) and any(end >= year for end in ends)


def _plan_period_ends(text: str) -> list[int]:
    """The last years of the five-year plans `text` names (“十四五” -> 2025, 第十五个五年规划 -> 2030)."""
    return [_plan_period_end(m) for m in _FIVE_YEAR_PLAN_RE.finditer(text)]


def _plan_period_end(m: re.Match[str]) -> int:
    return 2025 + 5 * (_CN_DIGIT.index(m.group(1)) + 1 - 4)


def _under_a_heading(doc: Document, offset: int) -> bool:
    """Whether a heading that may speak governs `offset` (a title over both parts does not)."""
    year = plan_year(doc)
    return any(not _title_over_both(s.heading, year) for s in sections_at(doc, offset))


def _names_past_plan_period(heading: str, year: int) -> bool:
    """一、“十三五”国民经济和社会发展总体情况 in a 2021 plan report: a five-year plan over before the plan
    year, under no planning word, is reviewed."""
    m = _FIVE_YEAR_PLAN_RE.search(heading)
    return bool(m) and 2025 + 5 * (_CN_DIGIT.index(m.group(1)) + 1 - 4) < year


# how many paragraphs back a run of unheaded paragraphs is followed to the opening that started it
_RUN_LOOKBACK = 12


# the run verdicts per document, keyed by (paragraph start, plan year): every figure of a paragraph asks
_RUNS: _Memo = {}


def _run_under_no_heading_looks_back(doc: Document, p_start: int, year: int | None) -> bool:
    """A page with no headings (a city's report as the press prints it) reviews last year in a run
    of paragraphs: 过去的一年,… opens it and the paragraphs after it still report results, until one
    opens on this year (今年 / 2025年 / 主要目标 …). Only paragraphs under no heading, or under headings
    that say nothing of the period (一、经济社会发展情况), take part, back to their part's heading line."""
    memo = _memo_of(_RUNS, doc)
    verdict = memo.get((p_start, year))
    if verdict is None:
        verdict = memo[(p_start, year)] = _read_run(doc, p_start, year)
    return verdict


def _read_run(doc: Document, p_start: int, year: int | None) -> bool:
    text = doc.text
    if _heading_speaks(doc, p_start, year) or _paragraph_turns_ahead(text, p_start, year):
        return False
    for start, end in _paragraphs_back(text, p_start, skip_blank=True):
        if _heading_speaks(doc, start, year):
            return False
        if _paragraph_turns_ahead(text, start, year):
            return False
        if _paragraph_opening(doc, start, end, year):
            return True
        if _opens_block_section(doc, start):
            # 一、经济社会发展情况: a run does not reach back past its part's heading line, but to the
            # paragraph opening the review that the first part's heading follows
            return _first_part_of_review(doc, start, year)
    return False


_RESULT_HEADING_RE = re.compile(rf"(?:{alternation('result_heading_end')})[。.]?\s*$")


def _first_part_of_review(doc: Document, start: int, year: int | None) -> bool:
    """过去的一年,…较好完成了主要目标任务。 / 一、产业培育力度加大 / 农业增加值…: the first numbered part,
    under a heading that says nothing of the period but states a result, after a paragraph opening on
    the review, is the review's first part."""
    parts = [s for s in _headings_below_title(doc) if s.level == 1 and is_numbered(s.heading)]
    first = min(parts, key=lambda s: s.start) if parts else None
    if first is None or first.start != start or not _RESULT_HEADING_RE.search(first.heading):
        return False  # 一、加快建设现代化产业体系: a task, which may open the plan after a look back
    before = next(_paragraphs_back(doc.text, start, skip_blank=True), None)
    return before is not None and bool(_paragraph_opening(doc, before[0], before[1], year))


def _heading_speaks(doc: Document, offset: int, year: int | None) -> bool:
    """Whether a heading over `offset` decides past or future: a run of paragraphs is read only under
    headings that say nothing (一、经济社会发展情况 / 过去的一年,… / (一)经济运行稳中有进。…)."""
    return _heading_decides(doc, offset, year) is not None


def _opens_block_section(doc: Document, start: int) -> bool:
    return any(s.start == start and s.level == 1 for s in sections_at(doc, start))


_LIST_ITEM_LINE_RE = re.compile(rf"\s*(?:{alternation('list_marker')}|——)")


def _paragraphs_back(text: str, p_start: int, skip_blank: bool = False) -> Iterator[tuple[int, int]]:
    """The paragraphs before the one at `p_start`, nearest first, as (start, end), while the run's
    lookback lasts (`_RUN_LOOKBACK`, charged by `_run_cost`); blank lines cost nothing when skipped."""
    end = p_start - 1
    budget = _RUN_LOOKBACK
    while budget > 0 and end > 0:
        start = text.rfind("\n", 0, end) + 1
        if skip_blank and not text[start:end].strip():
            end = start - 1
            continue
        yield start, end
        end = start - 1
        budget -= _run_cost(text, start)


def _run_cost(text: str, start: int) -> int:
    """What a paragraph passed over costs the run's lookback: a list item nothing (a list of
    results in points, • 新增铁路里程989公里 / • …, is one unit however long), any other paragraph one."""
    return 0 if _LIST_ITEM_LINE_RE.match(text, start) else 1


_TITLE_OPENING_REACH = 10
_CLAUSE_MARKS = ",，:："


def _paragraph_turns_ahead(text: str, start: int, year: int | None) -> bool:
    """`_turns_ahead` of the paragraph at `start`, or of what follows a numbered item's title
    (`_item_body`), or of the clause after a book title opened in its first words:
    根据《…关于制定…第十五个五年规划的建议》,我们编制了“十五五”规划纲要(草案),… (广西 2026) — the title
    names what the paragraph works from; the clause after it says when."""
    if _turns_ahead(text[start: start + 30], year):
        return True
    body = _item_body(text, start)
    if body > start and _turns_ahead(text[body: body + 30], year):
        return True
    title = text.find("《", start, start + _TITLE_OPENING_REACH)
    close = text.find("》", title) if title >= 0 else -1
    paragraph_end = text.find("\n", start)
    if close < 0 or 0 <= paragraph_end < close:
        return False
    after = close + 1
    while after < len(text) and text[after] in _CLAUSE_MARKS:
        after += 1
    return _turns_ahead(text[after: after + 30], year)


# 1、优化教育资源布局。2023年启动… / (二)扩大医疗服务供给。… / 一是… / ①…: a numbered item opening on a short title
# closed by 。 (not a decimal: 1.5万人次…。)
_ITEM_TITLE_RE = re.compile(r"\s*(?:\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]{1,3}[、是]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                            r"|[①②③④⑤⑥⑦⑧⑨⑩])[^,，;；:：。!?\n]{2,20}。")


def _item_body(text: str, start: int) -> int:
    """Where a numbered item's body opens after its title (1、优化教育资源布局。|2023年启动…: a digest of a
    year's tasks, each item dated in its body, not its title); `start` when the paragraph is no such item."""
    m = _ITEM_TITLE_RE.match(text, start)
    return m.end() if m else start


def _turns_ahead(head: str, year: int | None) -> bool:
    """A paragraph opening on this year or on plans (今年…, 2025年是…, 主要预期目标是…)."""
    lead = _REPORT_LEAD_CLAUSE_RE.match(head)
    if lead:
        after = head[lead.end():].lstrip()
        if _AHEAD_IN_RE.search(lead.group(0)) and not (_LOOKING_BACK_RE.match(after)
                                                      or (year and after.startswith(f"{year - 1}年"))):
            return True  # 今年省政府工作报告提出,要…完成固定资产投资2.2万亿元 (陕西 2015): the lead names this year
        head = head[lead.end():]  # 报告提出,今年…: the clause after the lead says when
    first = _FIRST_CLAUSE_RE.match(head)
    clause = first.group(0) if first else head
    return bool(_AHEAD_IN_RE.search(clause) or _PLAN_HEADING_RE.search(clause)
                or (year and f"{year}年" in clause) or _opens_ahead(clause, year))


_AHEAD_OPENING_RE = re.compile(alternation("ahead_opening", "ahead_heading"))
# …增长6%。新的一年,全市… / 。“十五五”时期,…: a sentence of the paragraph opening ahead
_SENTENCE_AHEAD_RE = re.compile(rf"[。;!?]\s*(?:(?:{alternation('ahead_opening', 'ahead_heading')})|“?十([一二三四五六七八九])五)")


def _sentence_turns_ahead(text: str, start: int, offset: int, year: int | None) -> bool:
    """Whether a sentence between `start` and `offset` opens looking ahead without naming the year."""
    for m in _SENTENCE_AHEAD_RE.finditer(text, start, offset):
        if not m.group(1) or (year and 2025 + 5 * (_CN_DIGIT.index(m.group(1)) + 1 - 4) > year):
            return True
    return False


def _opens_ahead(clause: str, year: int | None) -> bool:
    """新的一年,… / 下一步,… / 今后五年,… / “十五五”时期,… (a plan period not over by the plan year): a
    first clause looking ahead without naming the year."""
    if _AHEAD_OPENING_RE.search(clause):
        return True
    m = _FIVE_YEAR_PLAN_RE.search(clause)
    return bool(m and year and 2025 + 5 * (_CN_DIGIT.index(m.group(1)) + 1 - 4) > year)


_PARAGRAPH_DUE_RE = re.compile(r"^\s*到(20\d\d)年")
# “十五五” and its long form 第十五个五年(规划)
_FIVE_YEAR_PLAN_RE = re.compile(r"十([一二三四五六七八九])(?:五|个五年)")
_CN_DIGIT = "一二三四五六七八九"


def five_year_plan_end(doc: Document, offset: int) -> int | None:
    """The last year of the five-year plan a section is about (“十五五”时期的主要目标 -> 2030)."""
    return _of_headings(doc, offset, _five_year_plan_end)


def _five_year_plan_end(doc: Document, sections: tuple[Section, ...], year: int | None) -> int | None:
    for s in sections:
        ends = _plan_period_ends(s.heading) if "目标" in s.heading else []
        if ends:
            return max(ends)  # (“十四五”时期发展成就和“十五五”时期主要目标任务: the targets are the later plan's)
    return None


def due_year(sentence: str, default: int | None, paragraph: str = "") -> int | None:
    """到2030年 in the sentence, or opening the paragraph (到2030年,我省…;…), names the due year."""
    m = _DUE_YEAR_RE.search(sentence)
    if m:
        return int(m.group(1) or m.group(2))
    m = _PARAGRAPH_DUE_RE.match(paragraph)
    if m:
        return int(m.group(1))
    return default


_SENTENCE_BACK_RE = re.compile(rf"^\s*(?:{alternation('sentence_back_opening')})[,，]?")


def _looks_back(doc: Document, offset: int, sentence: str, year: int | None) -> bool:
    """去年全省生产总值增长5% inside a planning section still reports a result, up to a clause
    that turns to this year (去年增长5.5%,今年要增长6%左右)."""
    back = _SENTENCE_BACK_RE.match(sentence) or (year and _last_year_opening(year).match(sentence))
    s_start, _ = _sentence_span(doc, offset)
    if not back:
        return _earlier_sentence_looks_back(doc.text, s_start, offset, year)
    upto = doc.text[s_start: offset]
    return not _ahead_or_this_year(year).search(upto)


def _earlier_sentence_looks_back(text: str, s_start: int, offset: int, year: int | None) -> bool:
    """…提出了2024年工作总体要求和目标任务。过去一年,江苏地区生产总值达12.82万亿元。地区生产总值万亿之城
    增至5座。今年… (江苏 2024, held_out_15): a sentence of the paragraph opening on a look back reports results in
    the sentences after it too, up to one that turns ahead or names this year or the future."""
    p_start = text.rfind("\n", 0, s_start) + 1
    if p_start >= s_start:
        return False
    starts = [p_start] + [m.end() for m in _SENTENCE_MARK_RE.finditer(text, p_start, s_start)]
    for start in reversed(starts + [s_start] if starts[-1] < s_start else starts):  # its own sentence may turn
        head = text[start: start + 30].lstrip()
        if _turns_ahead(head, year):
            return False
        if _SENTENCE_BACK_RE.match(head) or (year and _last_year_opening(year).match(head)):
            return not _ahead_or_this_year(year).search(text, start, offset)
    return False


@lru_cache(maxsize=16)  # per plan year: built and looked up in re's cache for every figure otherwise
def _last_year_opening(year: int) -> re.Pattern[str]:
    return re.compile(rf"^\s*{year - 1}年(?:全[省市区县国]|我[省市区县]|,)")


@lru_cache(maxsize=16)
def _ahead_or_this_year(year: int | None) -> re.Pattern[str]:
    return re.compile(rf"{_AHEAD}|{year}年" if year else _AHEAD)


def _to_date(doc: Document, offset: int) -> bool:
    """…年度计划投资561.86亿元,1-6月累计完成投资362.32亿元,占年计划投资的64.49%: figures after a
    months-so-far phrase in their sentence are results, not plans; so are figures after a part of the
    year that has done something (上半年完成投资86.97亿元), unless a strength or ahead word makes it an
    aim (力争上半年完成…)."""
    s_start, s_end = _sentence_span(doc, offset)
    if _TO_DATE_RE.search(doc.text, _full_stop_before(doc.text, offset), offset):
        return True
    if _MONTH_OPENING_RE.match(doc.text, s_start) and not _clause_aims(doc.text, s_start, s_end, offset):
        return True
    done = _PERIOD_DONE_RE.search(doc.text, s_start, offset)
    if not done:
        return False
    # 力争全年…,上半年完成…: a strength word anywhere before the period sets an aim; a year or a plan
    # named clauses before (今年,…年度计划投资…,一季度完成…) only sets the scene
    return not (_STRENGTH_AIM_RE.search(doc.text, s_start, done.start())
                or _AIM_RE.search(doc.text, _clause_start(doc.text, s_start, done.start()), done.start()))


def _full_stop_before(text: str, offset: int) -> int:
    """Where the sentence holding `offset` opens, read to its full stop (。!? or a line break), over the
    semicolons of a list: 1-5月…累计完成投资约377.3亿元;固定资产投资1212.83亿元,增长23.6%;… (广州市 2013
    progress note) — the months so far govern every item of the list."""
    return max(text.rfind(mark, 0, offset) for mark in "。!?\n") + 1


# 仅1月份,A、B等8个项目竣工: a sentence opening on a month reports what that month saw; one opening on
# a day (4月12日,…23个重点项目集中开工) is a news item telling what happened that day
_MONTH_OPENING_RE = re.compile(r"\s*仅?1?\d月(?:份|\d{1,2}日(?:上午|下午)?)?[,，]")


def _clause_aims(text: str, s_start: int, s_end: int, offset: int) -> bool:
    """Whether the figure's own clause holds a strength, ahead or plan word anywhere (…等12个项目计划首季
    开工: the plan word follows the count)."""
    start = _clause_start(text, s_start, offset)
    end = _CLAUSE_MARK_RE.search(text, offset, s_end)
    return bool(_AIM_RE.search(text, start, end.start() if end else s_end))


def _clause_start(text: str, lo: int, hi: int) -> int:
    """After the last clause mark in text[lo:hi]: 今年,…年度计划投资21.18亿元,一季度完成投资8.01亿元 —
    the year and the plan named clauses before do not make the quarter's result an aim."""
    start = lo
    for m in _CLAUSE_MARK_RE.finditer(text, lo, hi):
        start = m.end()
    return start


# 今年80个重点项目计划完成年度投资190亿元以上: the year's plan to be done (计划 + a done verb)
_PLANNED_DONE_RE = re.compile(rf"(?:{alternation('plan_word')})(?:{alternation('done_verb')})")
_AHEAD_WORD_RE = re.compile(_AHEAD)


# 增长5.9%(预期目标为8.5%以上) / 完成年计划710亿元的89.4% / 占年度任务目标132亿元的65.89%: the plan's
# own figure, named right before it (a comparator word may stand between)
_PLAN_FIGURE_RE = re.compile(
    rf"(?P<plan>{alternation('plan_figure_lead')})(?P<link>{alternation('plan_figure_link')})?(?:{PREFIX_PATTERN})?$")
# 高于预期目标4.3个百分点 / 超年度计划28%: a result measured against the plan, not the plan
_MEASURED_AGAINST_RE = re.compile(rf"(?:{alternation('compared_to')}|{PREFIX_PATTERN})$")
_MEASURED_REACH = 4
# 710亿元的89.4%: the plan's size, then the share of it done
_OF = words("attributive_particle")[0]
_FIGURE_OF_RE = re.compile(rf"[\d.]+[^\d,;:。、\s]{{0,4}}?{_OF}")
_PLAN_FIGURE_REACH = 12


def names_the_plan_figure(text: str, offset: int) -> bool:
    """Whether the figure at `offset` is the plan's own (plan_naming_the_figure)."""
    return plan_naming_the_figure(text, offset) is not None


# asked for each figure by the mention finder, the naming steps and `classify`: answered once
@lru_cache(maxsize=16)
def plan_naming_the_figure(text: str, offset: int) -> re.Match | None:
    """The figure at `offset` is the plan's own, named by the plan right before it: joined to it
    (预期目标为8.5%以上) or as the whole a share is taken of (完成年计划710亿元的89.4%, 占年度任务目标
    132亿元的65.89%). What a review or progress report measures its result against is a target of the
    year reported on, not a result. Not a figure measured against the plan (高于预期目标4.3个百分点,
    超年度计划28%: results). The match names the plan (group plan) and what joins it (group link)."""
    m = _PLAN_FIGURE_RE.search(text, max(0, offset - _PLAN_FIGURE_REACH), offset)
    if not m or _MEASURED_AGAINST_RE.search(text, max(0, m.start() - _MEASURED_REACH), m.start()):
        return None
    return m if m.group("link") or _FIGURE_OF_RE.match(text, offset) else None


_REQUIREMENT_RE = re.compile(alternation("requirement_word"))
_FULL_STOP_RE = re.compile(r"[。!?\n]")


def sentence_requires(doc: Document, offset: int) -> bool:
    """The figure's sentence, to its full stop, sets requirements (不少于 / 不低于 / 至少 …) and its own
    clause reports nothing already done or measured on the year (已… / 同比…): a list of the tasks set,
    restated in a review of how they went (引进…投资项目不少于3个;投资10亿元以上项目10个、亿元以上项目100个。
    上半年,引进…: 咸宁市 2021), its semicolon items with it."""
    text = doc.text
    start = max(text.rfind(mark, 0, offset) for mark in "。!?\n") + 1
    end_m = _FULL_STOP_RE.search(text, offset)
    end = end_m.start() if end_m else len(text)
    if not _REQUIREMENT_RE.search(text, start, end):
        return False
    c_start = _clause_start(text, start, offset)
    c_end = _CLAUSE_MARK_RE.search(text, offset, end)
    clause = text[c_start: c_end.start() if c_end else end]
    return not (_ALREADY_RE.search(clause) or _YEAR_ON_YEAR_RE.search(clause))


def clause_plans_the_year(doc: Document, offset: int) -> bool:
    """The figure's clause names this year and what is planned to be done in it (今年80个重点项目计划完成
    年度投资190亿元以上,实际累计完成投资209.37亿元): the year's aim, even inside a review reporting
    against it; the result after it (实际完成…) is a clause of its own."""
    s_start, s_end = _sentence_span(doc, offset)
    start = _clause_start(doc.text, s_start, offset)
    end = _CLAUSE_MARK_RE.search(doc.text, offset, s_end)
    clause = doc.text[start: end.start() if end else s_end]
    return bool(_PLANNED_DONE_RE.search(clause) and _AHEAD_WORD_RE.search(clause))


# 上半年,全县实现地区生产总值…: the place reporting may stand between the period and its verb
_PERIOD_DONE_RE = re.compile(rf"(?:{alternation('period_so_far')})(?:[,，]?(?:全|我)[省市区县])?(?:累计|{alternation('period_done_adverb')})?"
                             rf"(?:{alternation('done_verb')})")
_CLAUSE_MARK_RE = re.compile(r"[,，;；:：]")
_AIM_RE = re.compile(alternation("strength", "ahead_word", "plan_word"))  # before the period: 力争上半年完成…
_STRENGTH_AIM_RE = re.compile(alternation("strength"))


def _paragraph_opens_to_date(doc: Document, offset: int) -> bool:
    p_start = doc.text.rfind("\n", 0, offset) + 1
    return bool(_OPENS_TO_DATE_RE.match(doc.text[p_start: p_start + 12])) and not _sentence_aims(doc, offset)


_OPENS_TO_DATE_RE = re.compile(rf"\s*{_TO_DATE}")


# 同比增长5.3% / 超计划16项 / 超额完成: only results are measured against the same period or the plan;
# 增长7%(预计,下同) marks an estimate of a result (徐州市2024年政府工作报告)
_YEAR_ON_YEAR = alternation("year_on_year")
_RESULT_WORDS_RE = re.compile(
    rf"(?:{_YEAR_ON_YEAR})(?:{'|'.join(map(re.escape, longest_first(kind_verbs())))})"
    rf"|{alternation('result_word')}"
)
_YEAR_ON_YEAR_RE = re.compile(_YEAR_ON_YEAR)
# 年度计划投资6526亿元,同比增长118亿元 (江苏省2025年省重大项目): the change of a planned outlay is planned too
_PLANNED_OUTLAY_BEFORE_RE = re.compile(r"(?:年度|全年|当年)?(?:计划投资|投资计划)\d+(?:\.\d+)?(?:万亿|亿|万)?元[,，]$")
_ALREADY_RE = re.compile(rf"(?:^|[,:])(?:已(?:经)?(?:{alternation('done_verb')})|(?:{alternation('already_have')})\d)")
# 渝西高铁已完成征拆量的92.7%、总工程量的41%: the share of the works already done is a result
_ALREADY_SHARE_RE = re.compile(rf"已(?:经)?(?:{alternation('done_verb')})[^,;。]{{0,10}}的\d")


# 二、经济社会发展预期目标 / 主要目标: a section setting targets, whatever its sentences measure against
_TARGET_HEADING_RE = re.compile(alternation("target_heading"))


def _in_target_section(doc: Document, offset: int) -> bool:
    """Under a targets heading, or in a paragraph that announces its main targets before the figure
    (2025年全区经济社会发展的主要预期目标是:预计地区生产总值同比增长5.5%左右: 红桥区2025年政府工作报告)."""
    return _of_headings(doc, offset, _targets_heading) or _announces_targets_before(doc, offset)


def _targets_heading(doc: Document, sections: tuple[Section, ...], year: int | None) -> bool:
    return any(_TARGET_HEADING_RE.search(s.heading) and not _REVIEW_HEADING_RE.search(s.heading) for s in sections)


def _announces_targets_before(doc: Document, offset: int) -> bool:
    """Whether the paragraph holding `offset` announces its targets before it. Most paragraphs announce
    none anywhere, which the keys of the whole text tell (found once per report): only a paragraph
    holding one is searched up to the figure (one that announces none up to its end announces none
    before any of its figures)."""
    text = doc.text
    p_start = text.rfind("\n", 0, offset) + 1
    return paragraph_announces_targets(text, p_start) and announces_targets(text, p_start, offset)


def _already(doc: Document, offset: int) -> bool:
    """已开工项目33个,未开工项目17个,开工率为66%: a sentence counting what is already done reports
    results. 同比增长 marks a result too, except under a targets heading (紫阳县2025年计划:
    地区生产总值同比增长6.5%以上 is a target)."""
    s_start, s_end = _sentence_span(doc, offset)
    if _ALREADY_RE.search(doc.text, s_start, offset + 1) or _ALREADY_SHARE_RE.search(doc.text, s_start, offset + 1):
        return True
    if _in_target_section(doc, offset) or _estimate_ahead(doc, s_start, offset):
        return False
    return any(
        not (_YEAR_ON_YEAR_RE.match(m.group()) and _PLANNED_OUTLAY_BEFORE_RE.search(doc.text, s_start, m.start()))
        for m in _RESULT_WORDS_RE.finditer(doc.text, s_start, s_end)
    )


# 预计第一季度全县将完成固定资产投资11亿元,同比增长15%: an estimate that turns ahead (将) is an aim
_ESTIMATE_AHEAD_RE = re.compile(rf"(?:{alternation('estimate_verb')})[^,;。]{{0,12}}?(?:{alternation('estimate_stop')})")


_FULL_YEAR_ESTIMATE_RE = re.compile(alternation("full_year_estimate"))
# 预计生产总值接近6万亿元、增长6.5%左右,… / 初步核算,…: a sentence opening on the estimate (every opening
# spelled out, for a startswith: no regex run for every figure)
_ESTIMATE_OPENINGS = tuple(f"{lead}{qualifier}{verb}" for lead in ("", "据", "经")
                           for qualifier in ("",) + words("estimate_qualifier") for verb in words("estimate_verb"))
_ESTIMATE_OPENING_REACH = 12
_ESTIMATE_TURNS_RE = re.compile(alternation("estimate_stop", "strength", "ahead_word"))


def _full_year_estimate(doc: Document, offset: int) -> bool:
    """…经济增长好于预期,全年预计实现地区生产总值增长1% / 预计全年接待游客9.6亿人次: the whole year's result
    estimated as it closes is last year's result, wherever the sentence stands; so is a sentence opening on
    the estimate (预计生产总值接近6万亿元、增长6.5%左右,…), but in a report on the plan year's progress
    (预计上半年…). Not under a targets heading or announcement, nor when the estimate turns ahead (预计全年将
    完成… / 力争 / 今年 / the plan year)."""
    # …全年预计实现A增长1%;B增长2%;…: the estimate's list runs over semicolons to the full stop
    text = doc.text
    s_start = max(text.rfind(mark, 0, offset) for mark in "。!?\n") + 1
    year = plan_year(doc)
    if not (_FULL_YEAR_ESTIMATE_RE.search(text, s_start, offset)
            or (text[s_start: s_start + _ESTIMATE_OPENING_REACH].lstrip().startswith(_ESTIMATE_OPENINGS)
                and not _progress_section(doc, offset, year))):
        return False
    if _ESTIMATE_TURNS_RE.search(text, s_start, offset) or _ahead_or_this_year(year).search(text, s_start, offset):
        return False
    return not _in_target_section(doc, offset)


# 预计一季度完成… / 全年预计完成…: an estimate of the whole year or of a part of it
_PERIOD_ESTIMATE_RE = re.compile(
    rf"(?:{alternation('full_year_estimate')})|(?:{alternation('estimate_verb')})(?:{alternation('period_so_far')})")


def _run_estimates_the_plan_year(doc: Document, offset: int, year: int) -> bool:
    """2023年,全县谋划确定项目111项… / 通过项目实施,预计一季度完成固定资产投资4.06亿元,增长18%: an estimate of
    the year or a part of it, in a run of paragraphs under no heading that opened on the plan year (or on 今年),
    is what the plan year is expected to bring, not the closing estimate of the year before; a paragraph on the
    year so far (今年以来,全县完成…,预计全年增长12%) reports how it goes."""
    text = doc.text
    if not _PERIOD_ESTIMATE_RE.search(text, _full_stop_before(text, offset), offset) or _paragraph_flags(doc, offset)[0]:
        return False
    p_start = text.rfind("\n", 0, offset) + 1
    if _under_a_heading(doc, p_start) or _progress_section(doc, offset, year):
        return False
    if _paragraph_opening(doc, p_start, offset, year) is not None:
        return False
    return _run_opened_ahead(doc, p_start, year)


def _run_opened_ahead(doc: Document, p_start: int, year: int) -> bool:
    """Whether the nearest paragraph of the run (this one, then back) whose opening speaks turned to this year."""
    text = doc.text
    if _paragraph_turns_ahead(text, p_start, year):
        return True
    for start, end in _paragraphs_back(text, p_start, skip_blank=True):
        if _under_a_heading(doc, start) or _paragraph_opening(doc, start, end, year):
            return False
        if _paragraph_turns_ahead(text, start, year):
            return True
    return False


def _estimate_ahead(doc: Document, s_start: int, offset: int) -> bool:
    """预计…将完成…, 同比增长15%: what the sentence expects to be done is planned, so 同比 in it marks
    no result (阜新蒙古族自治县 2022: the first quarter's outlook)."""
    return bool(_ESTIMATE_AHEAD_RE.search(doc.text, s_start, offset))


# 一、2023年上半年国民经济和社会发展计划执行情况 in a report for 2023: progress of the plan year so far
_PROGRESS_HEADING_RE = re.compile(alternation("progress_heading"))
_EXECUTED_PLAN = words("plan_word")[0]


def _progress_section(doc: Document, offset: int, year: int | None) -> bool:
    """A heading reporting how the plan year itself is going (官渡区2023年上半年计划执行情况的报告)
    holds results of that year; so does the document's title line saying so (廊坊市2022年国民经济和社会
    发展计划执行情况 over paragraphs of estimates) where no heading over the figure speaks, its paragraph
    does not open ahead and its sentence does not turn to aims before it (力争 / 将 / 今年)."""
    if year is None:
        return False
    if _of_headings(doc, offset, _progress_heading, year):
        return True
    if not _title_reports_progress(doc, year) or _heading_decides(doc, offset, year) is not None:
        return False
    p_start = doc.text.rfind("\n", 0, offset) + 1
    s_start, _ = _sentence_span(doc, offset)
    # 下半年,全市将推动固定资产投资增长6% / 力争…: the sentence turns to what is still to be done
    return (p_start > 0 and not _turns_ahead(doc.text[p_start: p_start + 30], year)
            and not _ESTIMATE_TURNS_RE.search(doc.text, s_start, offset) and not _in_target_section(doc, offset))


def _progress_heading(doc: Document, sections: tuple[Section, ...], year: int | None) -> bool:
    return any(_reports_progress(s.heading, year) for s in sections)


def _reports_progress(heading: str, year: int | None) -> bool:
    """2023年上半年计划执行情况 in a report for 2023: how the plan year itself is going."""
    if not _PROGRESS_HEADING_RE.search(heading) or year not in {int(y) for y in _YEAR_RE.findall(heading)}:
        return False
    # 2023年上半年计划执行情况: the plan being executed is not a plan ahead
    return not _PLAN_HEADING_RE.search(_PROGRESS_HEADING_RE.sub("", heading).replace(_EXECUTED_PLAN, ""))


_TITLE_LINE_MAX = 60


def _title_reports_progress(doc: Document, year: int) -> bool:
    """The document's first line, a title with no sentence mark (廊坊市2022年国民经济和社会发展计划执行情况 /
    鄂温克族自治旗2021年上半年…计划执行情况的报告), reports how the plan year is going; or its opening names
    how the plan year has gone so far (a notice's lead: …确定的2021年重点工作上半年完成情况进行了督办)."""
    memo = _memo_of(_TITLE_PROGRESS, doc)
    if year not in memo:
        text = doc.text.lstrip()
        line = text[: text.find("\n")] if "\n" in text else text
        memo[year] = ((len(line) <= _TITLE_LINE_MAX and not _HEADING_LINE_MARK_RE.search(line)
                       and _reports_progress(line, year)) or _opens_on_year_so_far(doc, year))
    return memo[year]


# the title's verdict per document, keyed by plan year
_TITLE_PROGRESS: _Memo = {}


# 截至目前,已顺利完成20个项目 / 6个产业载体项目已顺利完工: progress of the plan year so far
# 渝西高铁已完成征拆量的92.7%: a share of the works already done marks a progress paragraph too
_PARAGRAPH_TO_DATE_RE = re.compile(
    rf"{alternation('so_far_opening')}|已(?:经)?(?:{alternation('so_far_adverb')})?(?:{alternation('so_far_done')})"
    rf"|{_ALREADY_SHARE_RE.pattern}"
)


# paragraph flags (so far, scores the plan, tells how things went aiming nowhere) per document, keyed by the paragraph's start
_PARAGRAPH_FLAGS: _Memo = {}


def _paragraph_flags(doc: Document, offset: int) -> tuple[bool, bool, bool]:
    memo = _memo_of(_PARAGRAPH_FLAGS, doc)
    p_start = doc.text.rfind("\n", 0, offset) + 1
    flags = memo.get(p_start)
    if flags is None:
        p_end = doc.text.find("\n", offset)
        p_end = len(doc.text) if p_end < 0 else p_end
        flags = (bool(_PARAGRAPH_TO_DATE_RE.search(doc.text, p_start, p_end)),
                 bool(_PARAGRAPH_RESULT_RE.search(doc.text, p_start, p_end)),
                 _completed_without_aims(doc.text, p_start, p_end))
        memo[p_start] = flags
    return flags


def _under_plan_heading(doc: Document, offset: int) -> bool:
    return _of_headings(doc, offset, _plan_heading)


def _plan_heading(doc: Document, sections: tuple[Section, ...], year: int | None) -> bool:
    return any(_PLAN_HEADING_RE.search(s.heading) or _AHEAD_HEADING_RE.search(s.heading) for s in sections)


def _paragraph_so_far(doc: Document, offset: int) -> bool:
    """A paragraph under no planning heading that reports how far the works have come
    (无锡经开区建设局2025: 截至目前,已顺利完成20个项目…) holds results of the year so far."""
    return _paragraph_flags(doc, offset)[0] and not _under_plan_heading(doc, offset) and not _sentence_aims(doc, offset)


def _sentence_aims(doc: Document, offset: int) -> bool:
    """下一步,力争全年完成投资50亿元 after 截至目前,已顺利完成20个项目: a strength word before the figure
    in its own sentence sets an aim, whatever the paragraph reported before it."""
    s_start, _ = _sentence_span(doc, offset)
    return bool(_STRENGTH_AIM_RE.search(doc.text, s_start, offset))


# 年度计划投资完成率122.1% / 超额完成“保交楼”年度任务 / 荣获…称号: words only a results paragraph holds
_PARAGRAPH_RESULT_RE = re.compile(rf"(?:{alternation('completion_rate')})(?:为|达)?\d|{alternation('result_paragraph_word')}")


# 赣江新区成功获批,…赣深客专等4条铁路顺利开工 (江西 2017, a later page with no year word): a paragraph telling
# how things went in two ways (成功 / 顺利 / 率先 …) and aiming nowhere (力争 / 今年 / 将 / 不少于 …) reports results
_COMPLETION_ADVERB_RE = re.compile(alternation("completion_adverb"))
_PARAGRAPH_AIM_RE = re.compile(alternation("strength", "ahead_word", "estimate_stop", "requirement_word", "ahead_opening"))


def _completed_without_aims(text: str, p_start: int, p_end: int) -> bool:
    return (len(set(_COMPLETION_ADVERB_RE.findall(text, p_start, p_end))) >= 2
            and not _PARAGRAPH_AIM_RE.search(text, p_start, p_end))


def _paragraph_reports_results(doc: Document, offset: int) -> bool:
    """A paragraph under no planning heading that scores the plan (完成率, 超额完成) or names an
    award won reports results throughout (运城市2024年政府工作报告, excerpted from (四) on)."""
    _, scores_the_plan, completed = _paragraph_flags(doc, offset)
    if _under_plan_heading(doc, offset):
        return False
    # (a paragraph aiming nowhere cannot turn ahead: 实施大气污染防治行动计划 names a plan, it does not plan)
    return completed or (scores_the_plan and not _turned_ahead_since_results(doc, offset))


_SENTENCE_START_RE = re.compile(r"[。;!?]\s*")


def _turned_ahead_since_results(doc: Document, offset: int) -> bool:
    """2023年,竹山县先后获评…等称号。2024年,该县将…力争实现地区生产总值增长10%以上: a sentence opening
    on the plan year or ahead (今年 / 下一步 …) between the paragraph's last results word before the
    figure and the figure turns the paragraph to aims, as a turn ends a look back that opens it."""
    text = doc.text
    year = plan_year(doc)
    p_start = text.rfind("\n", 0, offset) + 1
    since = p_start
    for m in _PARAGRAPH_RESULT_RE.finditer(text, p_start, offset):
        since = m.end()
    return any(_turns_ahead(text[m.end(): m.end() + 30], year)
               for m in _SENTENCE_START_RE.finditer(text, since, offset))


def statement_year(doc: Document, offset: int) -> int | None:
    """The year a project or portfolio statement is about, decided as for figures: last year in a
    review (under 2024年计划完成情况 a figure and a project of one sentence agree), else the plan
    year (a project's stage is set for the plan year, not for the year a figure is due)."""
    year = plan_year(doc)
    if year is None:
        return None
    done = done_tasks_year(doc, offset, year)
    if done is not None:
        return done
    sentence = _sentence_at(doc, offset)
    return year - 1 if looks_back(doc, offset, sentence, year) else year


def looks_back(doc: Document, offset: int, sentence: str, year: int | None) -> bool:
    """Whether the statement at `offset` reports last year's results: the one past/future decision."""
    return is_review(doc, offset, year) or _looks_back(doc, offset, sentence, year)


def _sentence_at(doc: Document, offset: int) -> str:
    s_start, s_end = _sentence_span(doc, offset)
    return doc.text[s_start: s_end + 1]  # the closing mark with it


_BREAKDOWN_OPENING_RE = re.compile(rf"\s*(?:{alternation('breakdown_opening')})[,:]")


def classify(doc: Document, offset: int, sentence: str) -> tuple[str, int | None]:
    """("achievement", last year) in a review, else ("target", the year the figure is due).
    Results of the months so far (1—8月份,累计完成投资…) are achievements of the plan year itself."""
    year = plan_year(doc)
    done = done_tasks_year(doc, offset, year)
    if done is not None:
        return "achievement", done
    if looks_back(doc, offset, sentence, year):
        if (clause_plans_the_year(doc, offset) or names_the_plan_figure(doc.text, offset)
                or sentence_requires(doc, offset)):
            return "target", (year - 1 if year else None)  # the reviewed year's own plan
        return "achievement", (year - 1 if year else None)
    dated = sentence_dated_before(doc, offset, year)
    if dated is not None:
        return "achievement", dated
    if names_the_plan_figure(doc.text, offset):
        return "target", year  # 上半年完成投资86.97亿元,占年度任务目标132亿元的65.89%: the year's own plan
    if year and _run_estimates_the_plan_year(doc, offset, year):
        return "target", year  # (2023年,…谋划确定项目111项 / …预计一季度完成固定资产投资4.06亿元)
    if _full_year_estimate(doc, offset):
        return "achievement", (year - 1 if year else None)
    if _to_date(doc, offset) or _paragraph_opens_to_date(doc, offset) or _already(doc, offset):
        return "achievement", year
    if _progress_section(doc, offset, year):
        # the plan year's tasks (不少于3个;…), restated in a report on how they go, are its targets
        return ("target" if sentence_requires(doc, offset) else "achievement"), year
    if _paragraph_so_far(doc, offset):
        return "achievement", year
    if _paragraph_reports_results(doc, offset):
        return "achievement", (year - 1 if year else None)
    p_start = doc.text.rfind("\n", 0, offset) + 1
    if p_start > 1 and _BREAKDOWN_OPENING_RE.match(doc.text, p_start) and not sections_at(doc, p_start):
        # 其中,A项目完成35.19亿元,…: a breakdown of the paragraph before reads as that paragraph ends
        last = p_start - 1
        while last > 0 and doc.text[last] in "\n。;!?":
            last -= 1  # the paragraph's last word, inside its last sentence
        return classify(doc, last, _sentence_at(doc, last))
    if year and _in_opening_review(doc, offset, year):
        return "achievement", year - 1
    default = five_year_plan_end(doc, offset) or year
    return "target", due_year(sentence, default, doc.text[p_start: p_start + 12])


# 2012年 in 今年公布我市2012年万元生产总值能耗下降率为4.94%: a year dating what the sentence measures; not a
# comparison or a base (比2012年 / 由2012年的 / 按2012年不变价 / 以2012年为基期 / 高于2012年), a deadline or span
# (年底前 / 以来), a day
_SENTENCE_DATE_RE = re.compile(rf"(?<![{_YEAR_REFERENCE}在按以于])(20\d\d)年(?![以前底]|\d{{1,2}}月)")


_CLOSED_ASIDE_RE = re.compile(r"[^()]*\)")


def sentence_dated_before(doc: Document, offset: int, year: int | None) -> int | None:
    """The year before the plan year that the figure's own sentence (to its 。 or ;) names before it (今年公布我市
    2012年万元生产总值能耗下降率为4.94%: 广州市 2013 progress note; 预计2019年全省地区生产总值10.5万亿元以上,同比增长
    6.3%左右: 广东 2020): a result of that year, unless the sentence aims after the date (力争 / 今年 / 计划 …)
    or a heading over it plans."""
    if year is None or _heading_decides(doc, offset, year) is False:
        return None  # (under 2025年重点工作, 2024年开工的项目要加快建设,投资增长6% plans)
    s_start, _ = _sentence_span(doc, offset)
    last = None
    for m in _SENTENCE_DATE_RE.finditer(doc.text, s_start, offset):
        if not _CLOSED_ASIDE_RE.match(doc.text, m.end(), offset):
            last = m  # (an aside closed before the figure dates only itself: 个数(2020年80个)增加36个)
    if last is None or int(last.group(1)) >= year:
        return None
    if _AIM_RE.search(doc.text, last.end(), offset) or _ahead_or_this_year(year).search(doc.text, last.end(), offset):
        return None
    return int(last.group(1))


# a year, not a comparison with one (比2023年同期增长25.56%) nor a day (2024年12月28日在市人民代表大会上)
_FIRST_DATE_RE = re.compile(rf"(?<![{_YEAR_REFERENCE}在])(?:19|20)\d\d年(?!\d{{1,2}}月)")
# per document, keyed by plan year: the span from its first dated sentence, when that is last year's,
# to its first turn to this year or to plans
_OPENING_REVIEW: _Memo = {}


def _in_opening_review(doc: Document, offset: int, year: int) -> bool:
    """“2017年,全县实现生产总值255亿元…” / …作政府工作报告时指出,预计河北2022年生产总值增长3.8%左右: a
    document whose first year named is last year opens on its results, and the figures after it that
    nothing else speaks for are results up to the first turn to this year or to plans (2018年…主要预期目标是)
    or the next heading."""
    memo = _memo_of(_OPENING_REVIEW, doc)
    span = memo.get(year, False)
    if span is False:
        span = memo[year] = _opening_review(doc, year)
    return span is not None and span[0] <= offset < span[1]


def _opening_review(doc: Document, year: int) -> tuple[int, int] | None:
    text = doc.text
    first = _FIRST_DATE_RE.search(text)
    if not first or first.group(0) != f"{year - 1}年":
        return None
    turn = _opening_review_turn(year).search(text, first.end())
    end = turn.start() if turn else len(text)
    # …up to the next heading too (一、2024年工作回顾 / … / 二、加强政府自身建设: the heading's part, not the opening's)
    end = min([end] + [h.start for h in _headings_below_title(doc) if first.start() < h.start])
    return first.start(), end


@lru_cache(maxsize=16)
def _opening_review_turn(year: int) -> re.Pattern[str]:
    return re.compile(rf"{_AHEAD}|{year}年|{alternation('plan_heading', 'ahead_heading')}")
