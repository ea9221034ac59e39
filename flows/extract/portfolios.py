"""Portfolios: a named group of projects with plain totals.

实施交通项目53个,总投资974亿元,年度计划投资150亿元 → category 交通, 53 projects, 9.74e10 元
total, 1.5e10 元 this year. When any figure carries a comparator (750个以上, 800亿元以上, 1370多亿元)
the figures are count and amount targets, not totals: the quantity extractor reads them. A threshold
inside the group's name (千万元以上重点建设项目71个,总投资337.13亿元) is part of the name: plain
totals after it still make a portfolio.
"""
from __future__ import annotations

import re

from flows.extract.comparators import ALL_WORDS, NOUN_THRESHOLD_SUFFIXES, PREFIX_PATTERN
from flows.extract.numbers import ARABIC_PATTERN, MAGNITUDE_PATTERN
from flows.extract.periods import statement_year
from flows.extract.records import Record
from flows.extract.units import parse_quantity
from flows.extract.vocabulary import alternation, first_characters, kind_verbs, word_alternation, words
from flows.ingest.document import Document

_MAG = MAGNITUDE_PATTERN
# any comparator word (以上, 多, 约 …) makes the figures count and amount targets, not totals
_CMP = word_alternation(ALL_WORDS)
# a comparator before a figure (约600亿元, 超过300亿元) makes it a target as surely as one after it,
# and so does a strength word (力争)
_PRE_CMP = f"{PREFIX_PATTERN}|{alternation('strength')}"
_PLAN = alternation("plan_word")
_WORKS = alternation("works_noun")
# 年度投资1万亿 (a headline, 广东 2024): an amount in 亿 / 万亿 whose 元 is dropped at the clause's end still
# reads in 元 (the group's outlay is money); a bare number (投资50) is not an amount
_AMOUNT = (rf"(?P<{{g}}_pre>{_PRE_CMP})?"
           rf"(?P<{{g}}>{ARABIC_PATTERN}(?:(?:{_MAG})?元|(?:{_MAG})(?=$|[\n,，;；。、])))")
# 项目总投资5141亿元,年度投资计划647.4亿元 (the other order of the words) reads the same
# an aside between the count and its totals: the change in the count (622个,同比增加162个,总投资…, 安徽
# 2025年首批重大项目) or the fields it covers (186个重大工程项目,涵盖…等多个领域,总投资2400亿元, 上海2025年)
# or its share of the whole (“四化”项目2648个、占79.12%,年度计划投资…, 贵州2022年省重大工程)
_ASIDE = (
    rf"(?:[,，](?:{alternation('year_on_year')}|比上年|较上年)(?:{'|'.join(kind_verbs())})\d+(?:个|项|宗)|[,，]涵盖[^,，;；。\n]{{1,40}}?领域"
    r"|[,，、]占(?:比)?\d+(?:\.\d+)?%)?"
)
# 总投资达到2.02万亿元 (天津2025年重大工程项目) reads as 总投资2.02万亿元
_FIGURES = (
    _ASIDE
    + rf"(?:[,，、](?:{_WORKS})?(?:{_PLAN})?(?:总投资额?|概算(?:总)?投资)(?:达到|达|为)?" + _AMOUNT.format(g="total") + r"(?P<total_cmp>" + _CMP + r")?)?"
    # 计划年度完成投资11801亿元 (江西2022年); 2022年预计完成投资2087亿元 (the plan year's expected outlay)
    rf"(?:[,，、]?(?:20\d\d年)?(?:完成|{_PLAN}|预计)?(?:年度|年|当年|全年)?(?:计划完成|{_PLAN}|预计完成|完成)?投资(?:{_PLAN})?(?:达到|达|为)?"
    + _AMOUNT.format(g="annual")
    + r"(?P<annual_cmp>" + _CMP + r")?)?"
)
# at least one figure read: else the lazy name stops at the first 项目 (21个项目列入省市重点项目,年度计划投资
# 21.18亿元: 明溪县 2022) and the bare count is dropped before the reading that holds the figures is tried
_SOME_FIGURE = r"(?(annual)|(?(total)|(?!)))"
_VERB = rf"(?P<verb>{alternation('portfolio_verb')})"
_GROUP_WORD = rf"(?:{alternation('group_word', 'works_noun')})"
# 项目53个 / 重点项目共530项 / 重点项目91宗: the count's classifier, 共 before it
# 制造业项目有370个 / 重大工程项目安排总数为1129个 read the same
# 省重点建设项目安排1508个 (广东 2024; the guide's 安排…项目1678个 in the other order) reads the same
_COUNTED = r"(?:共|合计|有|安排(?:总数为)?|总数为)?(?P<count>\d+)(?:个|项|宗)"
# 实施交通项目53个,总投资974亿元 — the count after the group's name
_COUNT_AFTER = re.compile(
    _VERB + r"(?P<cat>[^,，;；。:：\n\d]{0,24}?)" + _GROUP_WORD + _COUNTED + r"(?P<count_cmp>" + _CMP + r")?" + _FIGURES
)
# 其中,交通项目53个,总投资974亿元; 15个承接产业转移主平台落地项目2200个 — no verb, the group's name
# opens the clause (after a count of the places that host it)
# A clause also opens right after the 元 that closed the totals before it: lines of a table joined without
# punctuation (…年度计划投资3亿元民生公共服务项目48个,总投资690亿元…, 海南2022年省重点项目). A threshold in
# the group's name (投资50亿元及以上项目112个, 江西2022年) stays in the name.
_THRESHOLD = rf"(?:[^,，;；。:：\n\d]{{0,6}}?\d+(?:\.\d+)?(?:千万|万|亿)?元(?:或)?(?:{word_alternation(NOUN_THRESHOLD_SUFFIXES)}))?"
_CLAUSE_OPEN = re.compile(
    # what the clause must hold before its next break (the count: 项目53个) is looked for first: the
    # lazy name and threshold readings are then tried only where a count follows
    r"(?:^|(?<=[\n,，;；。:：元]))(?=[^\n,，;；。:：]*?\d[个项宗])(?:\d+个|(?:[^,，;；。:：\n\d]{1,8}?)?20\d\d年)?(?P<cat>" + _THRESHOLD
    + r"[^,，;；。:：\n\d]{1,24}?)" + _GROUP_WORD
    + _COUNTED + r"(?P<count_cmp>" + _CMP + r")?" + _FIGURES
)
# 1596个“千项万亿”重大项目完成投资1.5万亿元 — the count before it; never after 等 (等60个…项目
# closes a list and is a count target); 203项固定资产投资建设项目,总投资1632.1亿元 counts in 项 (石景山区 2025)
_COUNT_BEFORE = re.compile(
    rf"(?=\d|{first_characters(words('portfolio_verb'))})(?<!等)" + _VERB + r"?(?P<count>\d+)(?:个|项)(?P<count_cmp>" + _CMP + r")?(?P<cat>[^,，;；。:：\n\d]{0,24}?)"
    + f"(?:{alternation('project_word')})" + _FIGURES + _SOME_FIGURE
)
# 省级6项,概算投资140.16亿元,当年计划投资19亿元 (沁水县2021年重点工程): a group named by its level
# alone opens the clause; figures must follow
_LEVEL_OPEN = re.compile(
    r"(?=[省市县区])(?:^|(?<=[\n,，;；。:：]))(?P<cat>(?:省|市|县|区)级)" + _COUNTED + r"(?P<count_cmp>" + _CMP + r")?" + _FIGURES
)
# 抓好总投资2万亿元的389个省重点项目 / 总投资86亿元的辽宁三木、渼瑞石油等12个重大产业项目开工建设: the total
# before the group (and the names it lists) makes one portfolio, as the annotated sets read it; so does a count
# in 项 of works (年内实施总投资35亿元的80项城建重点工程, 五莲县 2013)
_TOTAL_BEFORE = re.compile(
    rf"总投资\s*(?P<total>{ARABIC_PATTERN}\s*(?:{_MAG})?元)的(?:[^,，;；。:：\n]{{2,60}}?等)?\s*"
    rf"(?P<count>\d+)\s*(?:个|项)(?P<count_cmp>{_CMP})?(?P<cat>[^,，;；。:：\n\d]{{0,16}}?)(?:{alternation('works_noun')})"
)
_FOLLOWING_CMP = re.compile(_CMP)
_CATEGORY_NOISE = re.compile(
    rf"^(?:{alternation('category_noise', 'ahead_word', 'plan_word', 'portfolio_verb', 'project_word')}|我[省市县区])|等$"
)


# Every reading above holds the group's count (a figure, then 个 / 项 / 宗) and crosses no sentence mark
# (none of its parts matches one): each is run only over the stretches between the marks that hold a count,
# a twelfth of a report. The stretches are found from the counts, not by a test at every position.
_COUNT_MARK = re.compile(r"\d[个项宗]")
_SENTENCE_MARKS = "\n。;；:："
_SENTENCE_MARK = re.compile(f"[{_SENTENCE_MARKS}]")


def counted_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of `text` between sentence marks that holds a count, in order."""
    out: list[tuple[int, int]] = []
    end = 0
    for count in _COUNT_MARK.finditer(text):
        at = count.start()
        if at < end:
            continue  # in the stretch already taken
        start = max(end, max(text.rfind(mark, end, at) for mark in _SENTENCE_MARKS) + 1)
        following = _SENTENCE_MARK.search(text, at)
        end = following.start() if following else len(text)
        out.append((start, end))
    return out


def extract_portfolios(doc: Document) -> list[Record]:
    out: list[Record] = []
    stretches = counted_stretches(doc.text)
    found = [m for reading in (_COUNT_AFTER, _COUNT_BEFORE, _CLAUSE_OPEN, _LEVEL_OPEN)
             for start, end in stretches for m in reading.finditer(doc.text, start, end)]
    # _TOTAL_BEFORE may cross a sentence mark in its blanks (总投资\s*… / …的\s*389 个) and space its count
    # from 个, so the count stretches do not hold all it finds: it runs over the whole text, opening on
    # its literal 总投资 (found by the regex engine's prefix search, not a test at every position)
    found += _TOTAL_BEFORE.finditer(doc.text)
    # at one start, the reading with a verb first (列入省重点建设项目42个: the verb is 列入, not 建设)
    matches = sorted(found, key=lambda m: (m.start(), "verb" not in m.re.groupindex))
    for m in matches:
        if out and m.start() < out[-1].end:
            continue
        groups = m.groupdict()  # _TOTAL_BEFORE has no annual figure and no comparator before its total
        if groups["total"] is None and groups.get("annual") is None:
            continue  # a bare count of projects is a count target
        if any(groups.get(g) for g in ("count_cmp", "total_cmp", "annual_cmp", "total_pre", "annual_pre")):
            continue
        if _FOLLOWING_CMP.match(doc.text, m.end()):
            continue
        if m.start() > 0 and doc.text[m.start() - 1].isdigit():
            continue
        out.append(
            Record(
                type="portfolio",
                text="",
                start=m.start() if "verb" in m.re.groupindex or m.re is _TOTAL_BEFORE else m.start("cat"),
                end=m.end(),
                year=statement_year(doc, m.start()),
                category=_category(m.group("cat")),
                project_count=int(m.group("count")),
                total_investment=_yuan(m, "total"),
                annual_investment=_yuan(m, "annual"),
            )
        )
    return out


def _yuan(m: re.Match[str], group: str) -> float | None:
    written = m.groupdict().get(group)
    if written and not written.endswith("元"):
        written += "元"  # 年度投资1万亿: the 元 a headline dropped
    q = parse_quantity(written) if written else None
    return q.value_base if q is not None and q.base_unit == "元" else None


def _category(text: str) -> str:
    text = text.strip()
    prev = None
    while prev != text:
        prev, text = text, _CATEGORY_NOISE.sub("", text)
    return text
