"""Finding figures in running text: one regex pass yields every number with its unit and comparator
words; each candidate then either passes or carries the reason it is not a quantity (ordinal,
year, code, quoted name, threshold inside a noun …).

Both quantity extraction and the unread-sentence worklist read these candidates, so "what counts as
a quantity" is decided in one place.
"""
from __future__ import annotations

import bisect
import heapq
import functools
import re
from itertools import islice
from typing import Iterable, NamedTuple

from flows.extract.comparators import (
    BARE_MAGNITUDE_PREFIXES, COMPARATOR_WORDS, INFIX_PATTERN, NOUN_THRESHOLD_SUFFIXES, PREFIX_PATTERN,
    RANGE_SEPARATOR_PATTERN, SUFFIX_PATTERN, decide_comparator,
)
from flows.extract.numbers import (
    ARABIC_FRACTION_PATTERN, ARABIC_GROUPED_PATTERN, ARABIC_PATTERN, CN_FRACTION_PATTERN, CN_INTEGER_PATTERN, CN_TENTHS_PATTERN,
    HALF_PATTERN, MAGNITUDE_PATTERN, MAGNITUDES, Numeral, parse_numeral,
)
from flows.extract.periods import names_the_plan_figure
from flows.extract.units import FRACTION_UNIT, UNIT_PATTERN, UnitInfo, lookup_unit
from flows.extract.vocabulary import Opened, alternation, first_characters, positions_of, rows, word_alternation, words

# Tenths and fractions first, so 9成 and 1/10 are one share rather than a bare 9 or 1.
_NUM = (
    rf"{CN_TENTHS_PATTERN}|{ARABIC_FRACTION_PATTERN}|{ARABIC_GROUPED_PATTERN}|{ARABIC_PATTERN}|{CN_FRACTION_PATTERN}|{HALF_PATTERN}"
    rf"|{CN_INTEGER_PATTERN}"
)
_UNIT = rf"(?:{MAGNITUDE_PATTERN})?(?:{UNIT_PATTERN})"
# 6600多万纳税人: after 多/余 a magnitude may stand alone, the noun after it being what is counted.
_UNIT_OR_MAGNITUDE = rf"{_UNIT}|{MAGNITUDE_PATTERN}"
# Every mention starts with a comparator word or a numeral: one character-class test rejects the
# other positions before the alternations are tried.
_FIRST_CHARS = "".join(sorted({w[0] for w in COMPARATOR_WORDS["prefix"]} | set("0123456789一二两三四五六七八九十零〇百千万亿半")))
MENTION_RE = re.compile(
    rf"(?=[{_FIRST_CHARS}])"
    rf"(?:(?P<prefix>{PREFIX_PATTERN}))?"
    rf"(?P<num>{_NUM})(?P<mag>{MAGNITUDE_PATTERN})?(?P<infix>{INFIX_PATTERN})?(?P<unit>{_UNIT_OR_MAGNITUDE})?"
    rf"(?:(?P<sep>{RANGE_SEPARATOR_PATTERN})(?P<num2>{ARABIC_PATTERN})(?P<mag2>{MAGNITUDE_PATTERN})?(?P<unit2>{_UNIT})?)?"
    rf"(?P<suffix>{SUFFIX_PATTERN})?"
)
_CLAUSE_MARKS = ",;。!?\n、"
_CLAUSE_END = rf"[{_CLAUSE_MARKS}]|$"  # what closes a clause after a figure
# 超百亿美元 / 突破万亿 / 保持在千亿元以上: a magnitude alone is a figure only after 超/突破, or
# after 在/达/为 with a closing comparator, and closing its clause (超千亿元县 and 超千万人次的机场
# describe a noun). Without a unit the indicator implies one (海洋生产总值突破万亿).
# 旅游收入突破亿元大关: a milestone noun (data/words.csv) may close the clause after it.
# 跨过双千亿 / “双超千亿”: 双 (data/words.csv:pair_of_figures) says two subjects each pass it; a quote
# may close the figure.
_PAIR = alternation("pair_of_figures")
_BARE_MAGNITUDE_RE = Opened(re.compile(  # searched where its lookahead holds
    rf"(?={first_characters(BARE_MAGNITUDE_PREFIXES + tuple(MAGNITUDES) + tuple(words('pair_of_figures')))})"
    rf"(?:(?:{_PAIR})?(?P<prefix>{word_alternation(BARE_MAGNITUDE_PREFIXES)})(?:{_PAIR})?(?P<mag>{MAGNITUDE_PATTERN})(?P<unit>{UNIT_PATTERN})?"
    rf"(?=(?:{alternation('milestone_noun')})?”?(?:{_CLAUSE_END}))"
    rf"|(?<=[在达为到])(?P<mag_s>{MAGNITUDE_PATTERN})(?P<unit_s>{UNIT_PATTERN})(?P<suffix>{SUFFIX_PATTERN})(?={_CLAUSE_END}))"
))
# 惠及上千万家庭 / 带动上万人: 上 + a magnitude before a noun is "at least"; 迈上/跃上 are verbs.
_UP_TO_MAGNITUDE_RE = re.compile(
    rf"(?P<prefix>上)(?<![迈跃跨登以]上)(?P<mag>千万|百万|十万|万|千|亿)(?=[\u4e00-\u9fff])"
)
# 翻一番 / 翻两番: doubling, a growth of 100 % (翻两番: 300 %).
_DOUBLING_RE = re.compile(r"翻(?P<n>一|两|二|三)?番")
# 一般公共预算收入达万亿级规模 / 迈入千亿级: reaching the level of a magnitude, at least that much.
_LEVEL_NOUN = alternation("level_noun")
_LEVEL_OF_MAGNITUDE_RE = Opened(re.compile(
    rf"(?={first_characters(MAGNITUDES)})"  # both readings open on the magnitude, after a lookbehind
    rf"(?:(?:{'|'.join(f'(?<={re.escape(w)})' for w in words('level_reach_verb'))})"
    rf"(?P<mag>{MAGNITUDE_PATTERN})(?P<unit>元|美元)?级(?:{_LEVEL_NOUN})?(?={_CLAUSE_END})"
    rf"|(?<=[达])(?P<mag_d>{MAGNITUDE_PATTERN})(?P<unit_d>元|美元)?级(?:{_LEVEL_NOUN})?(?={_CLAUSE_END}))"
))
# 2813.8万辆(艘、架、列)次: a classifier, its alternatives in brackets, then 次.
_ALTERNATIVE_CLASSIFIERS_RE = re.compile(r"[(（][\u4e00-\u9fff、]{1,12}[)）]次")
_DOUBLINGS = {None: 1, "一": 1, "两": 2, "二": 2, "三": 3}
_DOUBLING_UNIT = "番"
# 迈上4个万亿元台阶: the count is of thresholds crossed, not of things.
_STEPS_AFTER_RE = re.compile(r"[十百千万亿]*[元美]*[^\d,;。、]{0,3}台阶")
_STANDALONE_MAGNITUDE_RE = re.compile(r"[万亿]")
# 纳税人 / 农户 / 元投资: the noun after a bare magnitude counts people or households, or is money.
_NOUN_CLASSIFIERS = ("人", "户", "元")
# The same without the range tail, for when a dash turns out not to join two figures.
_SINGLE_RE = re.compile(
    rf"(?:(?P<prefix>{PREFIX_PATTERN}))?"
    rf"(?P<num>{_NUM})(?P<mag>{MAGNITUDE_PATTERN})?(?P<infix>{INFIX_PATTERN})?(?P<unit>{_UNIT})?"
    rf"(?P<suffix>{SUFFIX_PATTERN})?"
)
_LIST_MEMBER_RE = re.compile(
    rf"[、和](?:{_NUM})(?P<mag>{MAGNITUDE_PATTERN})(?P<unit>{UNIT_PATTERN})"
)
_QUOTE_RE = re.compile(r"“[^”\n]{0,40}”|《[^》\n]{0,60}》")
# A colon inside 2.27:1 is a ratio, not a clause break; one before a year (辽宁省:2025年…) is a break.
_CLAUSE_COLON_RE = re.compile(r"[:∶](?!\d)|[:∶](?=20\d\d年)")
_BRACKETS_RE = re.compile(r"[(（][^()（）\n]{0,20}[)）]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
_RATIO_NOTATION_RE = re.compile(r"[:∶]\d")
_FROM_YEAR_RE = re.compile(r"(?:从|由)(?:20\d\d年(?:末|底)?的?|(?:20\d\d年)?1?\d月份?(?:末|底)?的?|“十[一二三四五]五”末的?|(?:每[人户亩年月日])+|人均)$")
_BARE_LEAD = ("至", "到", "为", "在", "达", "是")
# 重点项目个数(2020年80个)增加36个: the base of the change, as 从X到Y's X
_BRACKETED_YEAR_RE = re.compile(r"[(（](?:19|20)\d\d年$")


_ContextRow = tuple[str, str, tuple[str, ...], tuple[str, ...]]  # word, reason, unless_after, unless_before


def _load_context() -> dict[str, list[_ContextRow]]:
    """Words right before a figure (第, 从, 每) or right after it (个月, 的) that make it
    something other than a quantity, with the reason a reviewer sees, what may follow the
    figure to undo it (年产量 is an indicator, 年产17万吨 a capacity) and what may stand before the
    word to undo it (提前 is ahead of time, 前 a ranking)."""
    table: dict[str, list[_ContextRow]] = {"before": [], "after_count": [], "after": []}
    for row in rows("non_quantity_context.csv"):
        unless = tuple(w for w in (row.get("unless_after") or "").split("|") if w)
        unless_before = tuple(w for w in (row.get("unless_before") or "").split("|") if w)
        table[row["position"]].append((row["word"], row["reason"], unless, unless_before))
    return table


NON_QUANTITY_CONTEXT = _load_context()


def _rows_by_word(rows_of_position: list[_ContextRow]) -> dict[str, list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]]:
    """word -> (row order, reason, unless_after, unless_before) of each row: a figure's few characters
    before or after it are looked up by their endings or openings, not tested against every row."""
    index: dict[str, list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]] = {}
    for order, (word, reason, unless, unless_before) in enumerate(rows_of_position):
        index.setdefault(word, []).append((order, reason, unless, unless_before))
    return index


_CONTEXT_BY_WORD = {position: _rows_by_word(entries) for position, entries in NON_QUANTITY_CONTEXT.items()}


def _context_reason(position: str, pieces: list[str], after: str, before: str = "") -> str | None:
    """The reason of the first row (in table order) of `position` whose word is one of `pieces` (the
    endings of `before`, the characters before a figure, or the openings of those after it), whose
    `unless_after` words do not open `after` and whose `unless_before` words do not end what stands
    before the word in `before`; None when no row applies."""
    index = _CONTEXT_BY_WORD[position]
    best: tuple[int, str] | None = None
    for piece in pieces:
        for order, reason, unless, unless_before in index.get(piece, ()):
            if ((best is None or order < best[0]) and not (unless and after.startswith(unless))
                    and not (unless_before and before[: len(before) - len(piece)].endswith(unless_before))):
                best = (order, reason)
    return best[1] if best else None


@functools.lru_cache(maxsize=4096)
def _table_reason(before: str, after: str, counted: bool) -> str | None:
    """What data/non_quantity_context.csv says of a figure from the two characters before it and the
    three after it: a row before it, then (a count) a row after a count, then a row after it. Read once
    per spelling of the few characters around a figure, which recur all through a report (第…, …个月)."""
    reason = _context_reason("before", [before[i:] for i in range(len(before) + 1)], after, before)
    if reason is not None:
        return reason
    after_openings = [after[:n] for n in range(len(after) + 1)]
    if counted:
        reason = _context_reason("after_count", after_openings, "")
        if reason is not None:
            return reason
    return _context_reason("after", after_openings, "")


class Candidate(NamedTuple):  # a tuple: every number of a report is one, most of them no quantity
    start: int  # prefix comparator included
    end: int  # suffix comparator included
    num_start: int
    text: str
    value: float | None
    value_min: float | None
    value_max: float | None
    unit: str
    value_base: float | None
    value_base_min: float | None
    value_base_max: float | None
    base_unit: str
    dimension: str
    comparator: str
    prefix: str | None
    suffix: str | None
    has_unit: bool  # a written unit, % or a fraction: something a reader takes for a quantity
    skip: str | None  # why this is not a quantity record; None when it is one (the last field: _with_skip)


class Clauses:
    """Clause boundaries of a text, for finding the clause around an offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # 新时代文明实践中心(所、站)2.8万个: a 、 inside brackets does not end the clause. The few
        # bracketed 、 are found first, so that the many other marks are taken without a test each.
        bracketed = set()
        for b in _BRACKETS_RE.finditer(text):
            at = text.find("、", b.start(), b.end())
            while at >= 0:
                bracketed.add(at)
                at = text.find("、", at + 1, b.end())
        # the marks, then the colons that are marks: one character class is searched twice as fast
        # as the alternation with the colon's lookaheads (two sorted runs merge in C)
        delims = positions_of(text, _CLAUSE_MARKS)
        colons = [m.start() for m in _CLAUSE_COLON_RE.finditer(text)]
        if colons:
            delims = sorted(delims + colons)
        self.delims = [d for d in delims if d not in bracketed] if bracketed else delims

    def start_of(self, offset: int) -> int:
        i = bisect.bisect_left(self.delims, offset)
        return self.delims[i - 1] + 1 if i > 0 else 0

    def end_of(self, offset: int) -> int:
        i = bisect.bisect_left(self.delims, offset)
        return self.delims[i] if i < len(self.delims) else len(self.text)


@functools.lru_cache(maxsize=4)
def clauses_of(text: str) -> Clauses:
    return Clauses(text)


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@functools.lru_cache(maxsize=4)
def find_candidates(text: str) -> tuple[Candidate, ...]:
    """Every figure of `text`, in order, kept or with its skip reason. Quantity extraction and the
    unread worklist read the same document one after the other: the result is cached per text."""
    return tuple(_find_candidates(text))


def _find_candidates(text: str) -> list[Candidate]:
    quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    quote_starts = [s for s, _ in quotes]
    clauses = clauses_of(text)
    openings = _SentenceOpenings(text)
    raw = []
    pos = 0
    while m := MENTION_RE.search(text, pos):
        c = _build(text, m)
        if c is not None:
            raw.append(c)
        # 提高0.8个百分点至66.5%: a dash or 至 that turned out not to join a range leaves the figure
        # after it to be read on its own.
        pos = c.end if c is not None and c.end < m.end() else m.end()
    raw += [c for m in _BARE_MAGNITUDE_RE.finditer(text) if (c := _build_bare_magnitude(text, m)) is not None]
    raw += [c for m in _UP_TO_MAGNITUDE_RE.finditer(text) if (c := _build_bare_magnitude(text, m)) is not None]
    raw += [_build_doubling(m) for m in _DOUBLING_RE.finditer(text)]
    raw += [c for m in _LEVEL_OF_MAGNITUDE_RE.finditer(text) if (c := _build_level_of_magnitude(text, m)) is not None]
    raw.sort(key=lambda c: c.start)
    _share_the_written_unit(text, raw)
    _share_the_percentage_point(text, raw)
    out = []
    for i, c in enumerate(raw):
        skip = c.skip or _context_skip(text, c, clauses, openings, islice(raw, i + 1, None))  # no copy of the rest
        if skip is None and _inside(quotes, quote_starts, c.num_start) and not _quoted_claim(c):
            skip = "inside a quoted name"
        if skip is None and out:
            skip = _skip_after(text, out[-1], c, clauses)
        if skip is None and i + 1 < len(raw):
            skip = _skip_of_the_list_end(text, c, raw[i + 1])
        out.append(c if skip == c.skip else _with_skip(c, skip))  # a small numeral comes with its reason
    _skip_brackets_restating_a_figure(text, out)
    return out


_RESTATING_BRACKET_RE = re.compile(r"[(（][^()（）\n]{1,40}[)）]")


def _skip_brackets_restating_a_figure(text: str, out: list[Candidate]) -> None:
    """增长1.1%(增速由上半年-5.5%转为增长1.1%): a bracket right after a figure that writes the same
    figure again is an aside on how it came about; none of its figures is a record (structural: the
    bracket and the repeated value, no words). In place."""
    for i, c in enumerate(out):
        if c.skip is not None or c.value is None or text[c.end: c.end + 1] not in "(（" or c.end >= len(text):
            continue
        b = _RESTATING_BRACKET_RE.match(text, c.end)
        if b is None:
            continue
        inside = [j for j in range(i + 1, len(out)) if out[j].start < b.end()]
        if any(out[j].value == c.value and out[j].unit == c.unit for j in inside):
            for j in inside:
                out[j] = _with_skip(out[j], "an aside in brackets restating the figure before it (增长1.1%(增速由上半年-5.5%转为增长1.1%))")


def _quoted_claim(c: Candidate) -> bool:
    """“双超千亿” (沛县 2025): a magnitude alone after a comparator word, quoted, is a slogan that states
    a figure, not a name; “17条”举措 is a name."""
    return c.prefix is not None and c.value == 1.0 and c.text[-1:] in MAGNITUDES and c.num_start > c.start


_LIST_JOINS = ("、", "和")
_FIGURE_JOINS = _LIST_JOINS + ("及", "与")
# 分别达到29698、15892元: 分别, a few words, then a bare figure joined to the next (found by the regex
# engine, so that the many candidates of a report are not walked for the few lists)
_BARE_LIST_RE = re.compile(rf"(?:{alternation('respectively')})[^\d，。；,;]{{0,8}}(?=\d[\d.]*[、和]\d)")


# 高于全国0.1和2.2个百分点: a bare decimal joined to the next figure is a list member without 分别 too
# (a decimal is no year or ordinal; 西宁 2016)
_BARE_DECIMAL_LIST_RE = re.compile(r"(?<![\d.])(?=\d+\.\d+[、和]\d)")


def _share_the_written_unit(text: str, raw: list[Candidate]) -> None:
    """分别达到29698、15892元 / 分别达13.28、12.31、11.47亿元: in a 分别 list the unit is often written
    once, after the last figure; the bare figures before it (joined by 、 or 和, nothing between) take
    it, in place. Only a kept figure lends its unit (not 2019、2020年, a year)."""
    n = len(raw)
    for m in heapq.merge(_BARE_LIST_RE.finditer(text), _BARE_DECIMAL_LIST_RE.finditer(text), key=lambda m: m.end()):
        i = bisect.bisect_right(raw, m.end(), key=lambda c: c.start) - 1
        if i < 0 or raw[i].num_start != m.end():
            continue
        j = i  # the chain of bare figures ends at the first one with a unit
        while (j < n - 1 and not raw[j].unit and raw[j].value is not None and raw[j].value_min is None
               and text[raw[j].end: raw[j + 1].start] in _LIST_JOINS):
            j += 1
        last = raw[j]
        if (j == i or not last.unit or last.skip is not None or last.value_min is not None or not last.has_unit
                or (info := lookup_unit(last.unit)) is None):
            continue
        for k in range(i, j):
            raw[k] = _in_unit(raw[k], last.unit, info, None)


def _in_unit(b: Candidate, unit: str, info: UnitInfo, skip: str | None) -> Candidate:
    """`b`'s single value read in `unit` (`info` its lookup): a list member whose unit only the last
    member writes in full."""
    return Candidate(
        b.start, b.end, b.num_start, b.text, b.value, None, None, unit,
        float(f"{b.value * info.factor:.12g}"), None, None, info.base_unit, info.dimension,
        b.comparator, b.prefix, b.suffix, True, skip)


def _share_the_percentage_point(text: str, raw: list[Candidate]) -> None:
    """分别提高9.9个、3.1个百分点: in a list the first figures write only the 个 of the 个百分点 the
    last one writes in full; a 个 right before 、 or 和 and a figure in 个百分点 is that unit, in place."""
    pp = lookup_unit("个百分点")
    for i in range(len(raw) - 1):
        b, nxt = raw[i], raw[i + 1]
        if (pp is None or b.unit != pp.unit[:1] or nxt.unit != pp.unit or b.value is None or b.prefix
                or text[b.end: nxt.start] not in _LIST_JOINS):
            continue
        raw[i] = _in_unit(b, pp.unit, pp, b.skip)


def _skip_of_the_list_end(text: str, c: Candidate, nxt: Candidate) -> str | None:
    """4500亿、7000亿级规模: what follows the last figure of a list joined by 、 or 和 (级, 个月) says
    the same of every figure before it: the reason data/non_quantity_context.csv gives the last one
    from the characters after it."""
    if nxt.start != c.end + 1 or text[c.end] not in _LIST_JOINS:
        return None
    after = text[nxt.end: nxt.end + 3]
    openings = [after[:n] for n in range(len(after) + 1)]
    reason = _context_reason("after_count", openings, "") if nxt.unit.endswith("个") else None
    return reason or _context_reason("after", openings, "")


_FROM_VALUE = "starting value of 从X到Y"


def _skip_after(text: str, prev: Candidate, c: Candidate, clauses: Clauses) -> str | None:
    """Reasons that come from the figure before: 从209元、280元提高到… (the list of starting values),
    191家工业企业营业收入超百亿元 (the bare magnitude is the bar the counted things pass)."""
    between = text[prev.end: c.start]
    if prev.skip == _FROM_VALUE and between in ("、", "和"):
        return _FROM_VALUE
    bare = c.value == 1.0 and text[c.num_start] in "十百千万亿"
    if (bare and prev.skip is None and prev.dimension == "count"
            and clauses.start_of(prev.start) == clauses.start_of(c.start)):
        return "threshold the counted things pass (191家企业营业收入超百亿元)"
    return None


def _build_bare_magnitude(text: str, m: re.Match) -> Candidate | None:
    g = m.groupdict()
    mag = g.get("mag") or g["mag_s"]
    unit = mag + (g.get("unit") or g.get("unit_s") or "")
    info = lookup_unit(unit) if unit != mag else magnitude_only_unit(text, m.end(), mag)
    if info is None:
        return None
    prefix, suffix = g.get("prefix"), g.get("suffix")
    comparator = ">=" if prefix == "上" else decide_comparator(prefix, None, suffix)
    return Candidate(
        start=m.start(), end=m.end(), num_start=m.start("mag" if g.get("mag") else "mag_s"), text=m.group(0),
        value=1.0, value_min=None, value_max=None, unit=unit, value_base=float(f"{info.factor:.12g}"),
        value_base_min=None, value_base_max=None, base_unit=info.base_unit, dimension=info.dimension,
        comparator=comparator, prefix=prefix, suffix=suffix, has_unit=True, skip=None,
    )


def _build_level_of_magnitude(text: str, m: re.Match) -> Candidate | None:
    mag = m.group("mag") or m.group("mag_d")
    unit = mag + (m.group("unit") or m.group("unit_d") or "")
    info = lookup_unit(unit) if unit != mag else magnitude_only_unit(text, m.end(), mag)
    if info is None:
        return None
    return Candidate(
        start=m.start(), end=m.end(), num_start=m.start(), text=m.group(0), value=1.0,
        value_min=None, value_max=None, unit=unit, value_base=float(f"{info.factor:.12g}"),
        value_base_min=None, value_base_max=None, base_unit=info.base_unit, dimension=info.dimension,
        comparator=">=", prefix=None, suffix=None, has_unit=True, skip=None,
    )


def _build_doubling(m: re.Match) -> Candidate:
    n = _DOUBLINGS[m.group("n")]
    return Candidate(
        start=m.start(), end=m.end(), num_start=m.start(), text=m.group(0), value=float(n),
        value_min=None, value_max=None, unit=_DOUBLING_UNIT, value_base=float(2 ** n - 1) * 100,
        value_base_min=None, value_base_max=None, base_unit="%", dimension="percent",
        comparator="=", prefix=None, suffix=None, has_unit=True, skip=None,
    )


_CLASSIFIER_CLOSING_RE = re.compile(rf"[\u4e00-\u9fff](?={_CLAUSE_END})")


def magnitude_only_unit(text: str, end: int, magnitude: str) -> UnitInfo:
    """The unit of a figure written with a magnitude and no unit: the next list member's
    (1409万、1305万人次), people or households when the noun after it names them (6600多万纳税人,
    500万农户), else a bare count in units of one (the indicator may imply more, see quantities)."""
    nxt = _LIST_MEMBER_RE.match(text, end)
    if nxt and nxt.group("mag") == magnitude and (info := lookup_unit(magnitude + nxt.group("unit"))):
        return info
    noun = text[end: end + 4]
    for i, ch in enumerate(noun):
        if not _CJK_RE.match(ch):
            break
        if ch in _NOUN_CLASSIFIERS and i <= 2 and (info := lookup_unit(magnitude + ch)):
            return UnitInfo(magnitude, info.base_unit, info.factor, info.dimension)
    if _CLASSIFIER_CLOSING_RE.match(text, end):
        # 食用菌110万棒; / 林芝1万段,: one character closing the clause after the magnitude is the
        # classifier, whether or not the unit table knows it (structural: 交城县 2023, 木兰县 2023)
        return UnitInfo(magnitude, text[end], MAGNITUDES[magnitude], "count")
    return UnitInfo(magnitude, "", MAGNITUDES[magnitude], "count")


def _with_skip(c: Candidate, reason: str) -> Candidate:
    return Candidate(*c[:-1], reason)  # skip is the last field: `_replace(skip=…)` without its dict


# 分别比年初增长18.8%33.7%: after 分别 two figures that lost what stood between them are a list (汕头
# 2010), where 增长7%7.5% is a range that lost its dash (广东 2016)
_RESPECTIVELY_BEFORE_RE = re.compile(rf"(?:{alternation('respectively')})[^。;\n]*$")


def _build(text: str, m: re.Match) -> Candidate | None:
    prefix, num, mag, infix, unit_written, sep, num2, mag2, unit2, suffix = m.groups()  # MENTION_RE's groups
    if sep is not None:
        unit1 = (mag or "") + (unit_written or "")
        unit2 = (mag2 or "") + (unit2 or "")
        arabic = re.fullmatch(ARABIC_PATTERN, num) is not None
        if arabic and unit2 and unit1 in ("", unit2, unit2[-1:]) and not infix:
            a_list = not sep and _RESPECTIVELY_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            r = None if a_list else _range(text, m, unit2)
            if r is not None or sep:  # two figures without a dash that make no range are read apart
                return r
        m = _SINGLE_RE.match(text, m.start())
        if m is None:
            return None
        prefix, num, mag, infix, unit_written, suffix = m.groups()  # _SINGLE_RE's groups
    reading = _own_reading(num, mag, infix, unit_written, prefix, suffix)
    if reading is None:
        return None
    numeral, unit, info, comparator, small, _ = reading
    if info is _READ_AFTER:
        info = magnitude_only_unit(text, m.end(), unit)  # 1409万、 / 6600多万纳税人: what follows says
    skip = None
    if small and not _closes_its_clause(text, m.end(), num, info, numeral.value):
        skip = "small Chinese numeral (一批, 三大, 十方面)"
    elif not unit and not numeral.is_fraction:
        skip = _bare_number_skip(text, m, num, prefix, suffix)
    end = m.end()
    alt = _ALTERNATIVE_CLASSIFIERS_RE.match(text, end) if unit_written and not suffix else None
    if alt and (with_times := lookup_unit(unit + "次")):
        unit, info, end = unit + "次", with_times, alt.end()
    base = reading.base if info is reading.info else float(f"{numeral.value * info.factor:.12g}")
    start, value = m.start(), numeral.value
    if _negative_sign_before(text, start, prefix, numeral):
        start, value, base = start - 1, -value, -base
    # the fields in order, not by name: a NamedTuple made by keyword costs three times as much, and
    # every number of a report is made here
    return Candidate(
        start, end, m.start(2), text[start:end],  # start, end, num_start (group 2: num), text
        value, None, None, unit,  # value, value_min, value_max, unit
        base, None, None,  # value_base, value_base_min, value_base_max
        info.base_unit, info.dimension, comparator,  # base_unit, dimension, comparator
        prefix, suffix, (bool(unit) or numeral.is_fraction) and not small,  # prefix, suffix, has_unit
        skip,
    )


_MINUS_SIGNS = "-−－"


def _negative_sign_before(text: str, start: int, prefix: str | None, numeral: Numeral) -> bool:
    """同比增长-6%: a minus sign between a word and an Arabic figure makes it negative (after a digit
    it would join a range, 2-3%)."""
    return (not prefix and not numeral.is_chinese and start >= 2 and text[start - 1] in _MINUS_SIGNS
            and bool(_CJK_RE.match(text[start - 2])))


_READ_AFTER = UnitInfo("", "", 1.0, "")  # a magnitude standing alone: its unit is read from the text after it


class _OwnReading(NamedTuple):
    """What a figure's own words say, whatever text surrounds them: its numeral, written unit, unit
    (or _READ_AFTER), comparator, whether it is a small Chinese numeral, and its base value (under
    `info`)."""

    numeral: Numeral
    unit: str
    info: UnitInfo
    comparator: str
    small: bool
    base: float


@functools.lru_cache(maxsize=4096)
def _own_reading(num: str, mag: str | None, infix: str | None, unit_written: str | None, prefix: str | None,
                 suffix: str | None) -> _OwnReading | None:
    """Read once per spelling: a report writes the same figures again and again (一, 5%, 2025, 10万),
    half of its numbers being a lone 一 or 三 (一批, 三大). None when the words are no figure."""
    numeral = parse_numeral(num + (mag or ""))
    if numeral is None:
        return None
    unit = numeral.magnitude + (unit_written or "")
    if numeral.is_fraction:
        info = FRACTION_UNIT if not unit_written else None
    elif unit and unit in MAGNITUDES:
        # 1409万、 / 6600多万纳税人 stand alone; 220千伏 is a unit the table does not know.
        info = _READ_AFTER if _STANDALONE_MAGNITUDE_RE.search(unit) else None
    else:
        info = lookup_unit(unit)
    if info is None:
        return None
    comparator = decide_comparator(prefix, infix, suffix)
    # 十余个 / 二十多家 are counts; a bare small Chinese numeral is a figure of speech.
    small = (numeral.is_chinese and not numeral.is_fraction and not numeral.magnitude and numeral.value < 100
             and not infix)
    return _OwnReading(numeral, unit, info, comparator, small, float(f"{numeral.value * info.factor:.12g}"))


_CLAUSE_END_RE = re.compile(_CLAUSE_END)


def _closes_its_clause(text: str, end: int, num: str, info: UnitInfo | None, value: float) -> bool:
    """新增省级博士后创新实践基地两家、国家级绿色工厂两家。: a Chinese numeral of two or more and its
    classifier written after the noun they count and closing the clause are a count (叶县 2024), where
    三大 / 十方面 before a noun, and 建成一批 (one), are figures of speech. A numeral led by 二 before a
    classifier is an ordinal (二期, 十三届二次), the count being written 两. Structural: the position."""
    return (value >= 2 and num != "二" and info is not None and info is not _READ_AFTER
            and info.dimension == "count" and bool(_CLAUSE_END_RE.match(text, end)))


def _bare_number_skip(text: str, m: re.Match, num: str, prefix: str | None, suffix: str | None) -> str | None:
    """A figure without unit is a quantity only as a ratio or index stated as a level
    (倍差缩小至1.86以内, 满意度提升至89.6): decimal, and led by 至/为/控制在 or closed by a comparator."""
    if "." not in num:
        return "bare integer (code, year, count without classifier)"
    before = text[m.start() - 1] if m.start() > 0 else ""
    if prefix or suffix or before in _BARE_LEAD:
        nxt = text[m.end(): m.end() + 1]
        if nxt and (_CJK_RE.match(nxt) or _ASCII_LETTER_RE.match(nxt)) and not suffix:
            return "number inside a name (2.0版)"
        return None
    return "bare decimal without a level verb"


def _range(text: str, m: re.Match, unit: str) -> Candidate | None:
    g = m.groupdict()
    lo = parse_numeral(g["num"])
    hi = parse_numeral(g["num2"] + (g["mag2"] or ""))
    info = lookup_unit(unit)
    if lo is None or hi is None or info is None or lo.value >= hi.value:
        return None
    r = lambda x: float(f"{x * info.factor:.12g}")  # noqa: E731
    return Candidate(
        start=m.start(), end=m.end(), num_start=m.start("num"), text=m.group(0),
        value=None, value_min=lo.value, value_max=hi.value, unit=unit,
        value_base=None, value_base_min=r(lo.value), value_base_max=r(hi.value),
        base_unit=info.base_unit, dimension=info.dimension,
        comparator=decide_comparator(is_range=True), prefix=g["prefix"], suffix=g["suffix"],
        has_unit=True, skip=None,
    )


# 为全国15个县市区之一: the count sizes the group the place is one of
# 过10亿元项目 / 首个300亿元园区 / 百亿元企业: a sum naming a class of things is a threshold
_INDICATOR_ACRONYM_RE = re.compile(r"(?:GDP|CPI|PPI)$")
# 等8个投资5000万元以上项目: the count may name what is measured (投资) before the threshold
_COUNT_BEFORE_RE = re.compile(r"\d(?:万)?个(?:投资)?$")
_FIRST_OF_RE = re.compile(r"(?:首个|首家|首批|第[一二三四五六七八九十\d]+个)$")
_CLASS_NOUNS = words("class_noun")
_RANK_BEFORE_RE = re.compile(r"排名|排位|位次|名次")
_ONE_OF_RE = re.compile(r"[^\d,;。、]{0,6}之一")
_RANKED_AMONG_RE = re.compile(r"[^\d,;。、]{1,12}中(?:排名|排位|位居|位列|居|列)?第")
_INVESTMENT_BEFORE_RE = re.compile(r"总?投资(?:额)?(?:约|近|超|达)?[ \u3000]?$")  # 投资 25 亿元的: a space may stand between


_DESIGN_MEASURE_RE = re.compile(rf"(?:{alternation('design_measure')})$")
_FACILITY_SUBJECT_RE = re.compile(rf"\s*(?:{alternation('facility_subject')})")
# 12项主要预期目标中11项较好完成 (四川省2025年计划执行情况): the targets counted are the plan's own
_PLAN_TARGETS_AFTER_RE = re.compile(rf"[^\d,;。]{{0,4}}?(?:{alternation('target_heading')})")
_PLAN_TARGETS_BEFORE_RE = re.compile(rf"(?:{alternation('target_heading')})中$")
# 38项重点工作 / 15件大事和民生实事: the plan counting its own tasks
_PLAN_TASKS_AFTER_RE = re.compile(rf"[^\d,;。、]{{0,2}}?(?:{alternation('plan_task_noun')})")
# 39条稳增长一揽子政策 / 6方面33条、省级39条…政策 / 政策措施40条: N条 names a policy package
_CLAUSE_GAP = r"[^,，;；。!?！？\n、]"
_POLICY = alternation("policy_noun")
# 稳经济47条、助企纾困22条、民营企业参与政府投资项目13条等措施: every package of the list is named by the
# policy noun that closes it
_POLICY_AFTER_RE = re.compile(
    rf"{_CLAUSE_GAP}{{0,10}}?(?:、{_CLAUSE_GAP}{{0,15}}?\d+条{_CLAUSE_GAP}{{0,10}}?){{0,4}}(?:{_POLICY})")
_POLICY_BEFORE_RE = re.compile(rf"(?:{_POLICY})$")
_POLICY_PACKAGE_UNIT = "条"
# 是2016年的2.5倍 / 为“十三五”时期的2.2倍: a multiple of an earlier year's or period's figure
# (是 “十一五”的3.7倍: a plan period's name in quotes)
_EARLIER_YEAR_OF_RE = re.compile(r"(?:(?:(?:19|20)\d\d|上)年|时期|期间|同期|“十[一二三四五六]五”)的$")
# 五年翻番 / 三年翻两番: a doubling over a span of years describes a rise, it gives no figure of the year
_SPAN_OF_YEARS_RE = re.compile(r"(?<!\d)(?:\d\d?|[一二两三四五六七八九十]+)年$")  # not 比2020年翻一番
# 20.245.334.5: a run of digits with a second decimal point (a ratio whose colons were lost)
_GARBLED_AFTER_RE = re.compile(r"\.\d")
_GARBLED_BEFORE_RE = re.compile(r"\d\.$")
# 优良天数达到256天: days are a figure only of an indicator counting days (data/implied_units.csv), else a duration
_DAYS = "days"
_DAYS_COUNTED_RE = re.compile(word_alternation(tuple(r["indicator_ending"] for r in rows("implied_units.csv")
                                                   if r["dimension"] == _DAYS)))
# 广东第二个…突破3万亿元的城市 / 全国首个突破13万亿元的省份: the figure names a class the subject ranks in
_ORDINAL_OF_CLASS_RE = re.compile(r"首个|首家|第[一二三四五六七八九十\d]+个")
_SENTENCE_MARKS = "。!?！？\n"
# 据了解,衙门口配套中学项目位于衙门口棚改区,…: a sentence (after a lead-in clause) placing one named works
_FACILITY_LOCATED_RE = re.compile(rf"(?:[^,，。]{{0,6}}[,，])?[^,，。]{{2,24}}?(?:{alternation('facility_located')})")


_SENTENCE_MARK_RE = re.compile(f"[{_SENTENCE_MARKS}]")
_FACILITY_REACH = 120  # how far back the opening of a figure's sentence is looked for


class _SentenceOpenings:
    """Where the sentence before a figure opens, and whether it opens on one facility: every figure
    of a sentence asks, so each opening is read once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._back = text[::-1]  # the marks before an offset are found searching forward in it
        self._on_one_facility: dict[int, bool] = {}

    def opening_before(self, offset: int) -> int:
        """After the last sentence mark of the `_FACILITY_REACH` characters before `offset` (one
        search of the reversed text, not a reverse find per mark); 0 when there is none."""
        n = len(self.text)
        mark = _SENTENCE_MARK_RE.search(self._back, n - offset, n - offset + _FACILITY_REACH)
        return n - mark.start() if mark else 0

    def opens_on_one_facility(self, start: int) -> bool:
        found = self._on_one_facility.get(start)
        if found is None:
            found = self._on_one_facility[start] = bool(
                _FACILITY_SUBJECT_RE.match(self.text, start) or _FACILITY_LOCATED_RE.match(self.text, start))
        return found


def _about_one_facility(openings: _SentenceOpenings, offset: int) -> bool:
    """Whether the sentence holding `offset` opens on one facility (这个项目 / 该工程)."""
    start = openings.opening_before(offset)
    if start == 0 and offset > _FACILITY_REACH:
        return False  # a sentence this long opens far before any facility it might name
    return openings.opens_on_one_facility(start)


def _context_skip(text: str, c: Candidate, clauses: Clauses, openings: _SentenceOpenings,
                  later: Iterable[Candidate]) -> str | None:
    before = text[max(0, c.start - 2): c.start]
    after = text[c.end: c.end + 3]
    if _DESIGN_MEASURE_RE.search(text, max(0, c.start - 8), c.start):
        return "design figure of a facility (总建筑面积约3.06万平方米, 总库容1.06亿方)"
    if _about_one_facility(openings, c.start):
        return "size or cost of the one facility the sentence is about (这个项目是省重点项目,总投资2.02亿元)"
    if c.dimension == "count" and (_PLAN_TARGETS_AFTER_RE.match(text, c.end)
                                   or _PLAN_TARGETS_BEFORE_RE.search(text, max(0, c.start - 10), c.start)):
        return "a count of the plan's own targets (12项主要预期目标中11项较好完成)"
    if c.dimension == "count" and _PLAN_TASKS_AFTER_RE.match(text, c.end):
        return "a count of the plan's own tasks (38项重点工作, 15件大事和民生实事)"
    if c.unit == _POLICY_PACKAGE_UNIT and (_POLICY_AFTER_RE.match(text, c.end)
                                           or _POLICY_BEFORE_RE.search(text, max(0, c.start - 4), c.start)):
        return "the name of a policy package (39条稳增长一揽子政策, 政策措施40条)"
    if c.dimension == _DAYS and not _DAYS_COUNTED_RE.search(text, clauses.start_of(c.start), c.start):
        return "a duration (38天, 提前10天)"
    if c.unit == "倍" and _EARLIER_YEAR_OF_RE.search(text, max(0, c.start - 8), c.start):
        return "a multiple of an earlier year or period (是2016年的2.5倍, 为“十三五”时期的2.2倍)"
    if c.unit == _DOUBLING_UNIT and _SPAN_OF_YEARS_RE.search(text, max(0, c.start - 4), c.start):
        return "a doubling over a span of years (五年翻番, 三年翻两番)"
    if _GARBLED_AFTER_RE.match(text, c.end) or _GARBLED_BEFORE_RE.search(text, max(0, c.num_start - 2), c.num_start):
        return "a run of digits with a second decimal point (20.245.334.5, a ratio whose colons were lost)"
    if c.unit.endswith("个") and _STEPS_AFTER_RE.match(text, c.end, c.end + 10):
        return "thresholds crossed (迈上4个万亿元台阶)"
    if (c.start > 0 and text[c.start - 1] in "\"“" and text[c.end: c.end + 2].lstrip()[:1] in ("\"", "”")
            and not _quoted_claim(c)):
        return "a name in quotes (“17条”举措, 徐州市2024年政府工作报告)"
    reason = _table_reason(before, after, c.unit.endswith("个"))
    if reason is not None:
        return reason
    if c.unit == "位" and _RANK_BEFORE_RE.search(text, max(0, c.start - 10), c.start):
        return "ranking (排名提升5位至第24位)"
    if c.dimension == "count" and _RANKED_AMONG_RE.match(text, c.end):
        return "the pool of a ranking (在219个国家级经开区中排名第十位)"
    if c.dimension == "count" and _ONE_OF_RE.match(text, c.end):
        return "one of a group (为全国15个县市区之一)"
    if after.startswith("的") and _INVESTMENT_BEFORE_RE.search(text, max(0, c.start - 5), c.start):
        return "investment of the works named after it (总投资21.18亿元的…项目)"
    # the letter right before the number itself (GDP突破700亿元 is not a code: 突破 stands between)
    lead = text[c.num_start - 1: c.num_start] if c.num_start > 0 else ""
    if _INDICATOR_ACRONYM_RE.search(text, max(0, c.num_start - 3), c.num_start):
        lead = ""  # 肇庆完成GDP2917.85亿元: an indicator's acronym, not a code (肇庆市2025年政府工作报告)
    if _ASCII_LETTER_RE.match(lead or " ") or _ASCII_LETTER_RE.match(after[:1] or " "):
        return "code or model name (G322, PM2.5, 5G)"
    if _FROM_YEAR_RE.search(text, max(0, c.start - 12), c.start):
        return "starting value of 从X到Y"
    if _BRACKETED_YEAR_RE.search(text, max(0, c.start - 6), c.start) and text[c.end: c.end + 1] in (")", "）"):
        return "an earlier year's figure in brackets of a comparison (重点项目个数(2020年80个)增加36个)"
    after_colon = c.start >= 2 and text[c.start - 1] in ":∶" and text[c.start - 2].isdigit()
    if (_RATIO_NOTATION_RE.match(after) and not after.startswith((":1", "∶1"))) or after_colon:
        return "term of a ratio (4.0∶37.7∶58.3)"
    # 1500万美元以上外资项目 / 规模500亿元的基金 / 占比超过10%的有44种: a figure describing a noun
    # is a threshold or an attribute when the clause goes on to count or measure that noun.
    # 过10亿元项目6个 (2025年巨野县政府工作报告): a sum naming a class of projects is a threshold too
    before_noun = (
        # (10亿元以上“土特产”全产业链14条: the noun may open on a quote)
        (c.suffix in NOUN_THRESHOLD_SUFFIXES and bool(_CJK_RE.match(after.lstrip("“\"")[:1])))
        or (after.startswith("的") and not names_the_plan_figure(text, c.start))  # 完成年计划710亿元的89.4%
        or (c.dimension == "money" and after.startswith(_CLASS_NOUNS))
        # 新引投超10亿元重要节点项目28个: a sum after a comparator, right before a noun
        or (bool(c.prefix) and c.dimension == "money" and bool(_CJK_RE.match(after[:1]))
            and not after.startswith(_FIGURE_JOINS))  # 分别突破300亿元和3000亿元 joins two figures
    )
    if c.base_unit == "岁" and (before_noun or after[:1] in ("至", "—", "-") or c.value is None):
        return "age bracket"
    if before_noun and c.suffix in NOUN_THRESHOLD_SUFFIXES and _COUNT_BEFORE_RE.search(text, max(0, c.start - 8), c.start):
        return "threshold of the things counted before it (新增5000个30户以上自然村组)"
    if before_noun and c.dimension == "money" and _FIRST_OF_RE.search(text, max(0, c.start - 4), c.start):
        return "attribute of the first of its class (成为玉林首个300亿元园区)"
    if before_noun and _ORDINAL_OF_CLASS_RE.search(text, clauses.start_of(c.start), c.start):
        return "ranking: the figure names a class the subject is the first or n-th of (全国首个突破13万亿元的省份)"
    if before_noun:
        clause_end = clauses.end_of(c.end)
        for o in later:
            if o.start >= clause_end:
                break
            if o.has_unit and o.skip is None:
                return "threshold or attribute of a noun (1500万美元以上外资项目)"
    return None
