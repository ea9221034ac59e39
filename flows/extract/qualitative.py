"""Targets without a number (居民收入增长和经济增长同步, 国际收支保持基本平衡, 生态环境质量持续改善).

Only the main-expected-targets paragraph is read: elsewhere the same phrases are rhetoric, not
commitments. The phrases are data (data/qualitative.csv).
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable, Iterator, NamedTuple

from flows.extract.vocabulary import (Opened, alternation, char_class, first_characters, kind_verbs, rows,
                                      word_alternation, words)

QUALITATIVE_PHRASES: tuple[str, ...] = tuple(row["phrase"] for row in rows("qualitative.csv"))
_OPENING_WORDS = alternation("target_opening", "ahead_word", "strength")
_TASK = alternation("task_noun")

_PHRASE_RE = re.compile("|".join(re.escape(p) for p in sorted(QUALITATIVE_PHRASES, key=len, reverse=True)))
# 「十五五」时期主要目标和重大任务 heads a five-year plan's main targets (2026年政府工作报告); a plan report's
# 指标体系安排 (高邮市2021年计划报告) lists them as its indicators
# 预期目标:城镇新增就业70万人以上;… (湖北省2026年政府工作报告要点): a line opening on the word and a colon
_BLOCK_KEY_RE = Opened(re.compile(
    rf"(?=[主发指]|{first_characters(words('plan_period'))}|{first_characters(words('target_heading'))})"  # passes over positions no reading opens on
    rf"(?:主要预期(?:[经济和社会发展]{{2,8}})?目标|发展预期目标是|发展的(?:预期|{alternation('strength')})目标"
    rf"|(?<![^\n])(?:{alternation('target_heading')})[:：]"
    # …报告定下2023年泉州发展目标:… / 2024年,我们将…。预期目标是,…: announced inside a paragraph
    rf"|(?:{alternation('announced_target_noun')})(?:是|为)?[:：]|(?:{alternation('announced_target_noun')})(?:是|为)[,，]"
    rf"|{alternation('indicator_plan')}"
    rf"|(?:{alternation('plan_period')})的?(?:{alternation('target_heading')})"
    # 建议全年经济社会发展预期目标 / ●地区生产总值增长5%以上 …: a heading line over the list, no sentence announcing it
    rf"|(?:{alternation('target_heading')})(?=\n))"
))
# 关于2025年工作的主要目标:地区生产总值增长5%以上,… (山东 2025): a line whose first clause ends on the key and a
# colon is a heading over what follows it on the line, whatever frames the key (not 主要目标是:, a five-year plan's aims)
_LINE_KEY_RE = re.compile(rf"(?m)^[^,，。;；:：!?\n]{{0,16}}?(?:{alternation('target_heading')})[:：]")
_LIST_ITEM_RE = re.compile(rf"\s*(?:——|{char_class('list_marker')}|-)")
# 完成能耗强度降低和煤炭消费压减任务: a task to fulfil names its indicators before 任务/目标
_FULFIL_RE = re.compile(rf"^(?:{_OPENING_WORDS})*完成(?P<names>[^的\d]{{2,30}}?)(?P<task>{_TASK})$")
_CLAUSE_RE = re.compile(r"[^,;。:!?\n]+")
# The indicator is what precedes the predicate (和经济增长同步, 保持基本平衡, 持续改善 …).
_PREDICATE_RE = re.compile(r"(?:与|和|同)经济增[长速]|与[^与,;。]{1,4}?(?:基本)?持平|保持|"
                           rf"{alternation('steady_adverb')}|稳中|高于|完成|基本|实现|{alternation('qualitative_predicate')}")
_LEAD_RE = re.compile(rf"^(?:{char_class('list_marker')}\s*|——|{_OPENING_WORDS}|实现)+")
_NUMBER_RE = re.compile(r"\d")
_TARGET_HEADING_RE = re.compile(alternation("target_heading"))
# 空气质量优良天数比率和地表水水质优良率均完成省下达: indicators joined by 、, 和 or 及, each its own
# record; 均 / 都 after them is not part of the last name.
_NAMES_SPLIT_RE = re.compile(r"、|和|(?<![普以涉危])及")
_ALL_TAIL_RE = re.compile(r"(?:均|都|全部)$")
_ASSIGNED_RE = re.compile(rf"^(?:{char_class('list_marker')}\s*|——)?(?:{_OPENING_WORDS})*完成(?:国家|上级|中央|省|市)?下达的(?P<names>[^的]{{2,40}}?)(?P<task>{_TASK})$")


# 项目投资增速高于全部投资增速: one rate held above another is a target with no number of its own,
# whatever the two rates are (the phrase table lists the usual ones).
_GROWTH_NOUNS = alternation("growth_noun")
_RATE_ABOVE_RATE_RE = re.compile(
    rf"(?:{_GROWTH_NOUNS})(?:{alternation('compared_to')})[^,;。\d]{{1,15}}(?:{_GROWTH_NOUNS})\s*$")


def announces_targets(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names its main expected targets (…的主要预期目标是:)."""
    return _BLOCK_KEY_RE.search(text, start, end) is not None


def paragraph_announces_targets(text: str, p_start: int) -> bool:
    """Whether the paragraph starting at `p_start` names its main expected targets anywhere: the
    keys of the whole text, found once (no key runs over a line break, so the paragraphs holding
    one are those where one of the text's keys starts)."""
    starts = _key_starts(text)
    p_end = text.find("\n", p_start)
    i = bisect.bisect_left(starts, p_start)
    return i < len(starts) and (p_end < 0 or starts[i] < p_end)


@functools.lru_cache(maxsize=4)
def _key_starts(text: str) -> list[int]:
    return [m.start() for m in _key_matches(text)]


@functools.lru_cache(maxsize=4)
def _key_matches(text: str) -> tuple[re.Match[str], ...]:
    """The main-targets keys of `text`, left to right: read by the periods (does this paragraph
    announce its targets?) and by the blocks below, one pass for both."""
    keys = {m.start(): m for m in _BLOCK_KEY_RE.finditer(text)}
    for m in _LINE_KEY_RE.finditer(text):
        line_end = text.find("\n", m.start())
        if not any(m.start() <= k < (len(text) if line_end < 0 else line_end) for k in keys):
            keys[m.start()] = m  # (a line whose key the other readings found already keeps that reading)
    return tuple(keys[k] for k in sorted(keys))


def target_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the main-expected-targets paragraphs: from 主要预期目标 to the paragraph's end,
    running on into the next paragraph when the keyword ends its own line (a heading), and over
    the whole list when the targets follow one an item a line (——地区生产总值增长6%左右; / ●…)."""
    blocks = []
    for m in _key_matches(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if end - m.end() < 8:
            nxt = text.find("\n", end + 1)
            end = len(text) if nxt < 0 else nxt
            while end < len(text) and _LIST_ITEM_RE.match(text, end + 1) and _LIST_ITEM_RE.match(text, text.rfind("\n", 0, end) + 1):
                nxt = text.find("\n", end + 1)
                end = len(text) if nxt < 0 else nxt
        blocks.append((m.start(), end))
    return blocks


# 约束性指标和环境质量改善目标: a short line with no mark, the end of the item above it
_RUN_ON_LINE_RE = re.compile(r"[^,;。:!?\n\d]{2,30}(?=\n|$)")


class _Joined(NamedTuple):
    """A clause of a list item carried on to the next line (●全面完成国家下达的节能减排降碳 / 约束性指标和…
    目标): the `re.Match` surface `qualitative_clauses` reads."""

    span_start: int
    span_end: int
    text: str

    def start(self) -> int:
        return self.span_start

    def end(self) -> int:
        return self.span_end

    def group(self, _: int = 0) -> str:
        return self.text


def _list_clauses(text: str, start: int, end: int) -> Iterator[re.Match[str] | _Joined]:
    """The clauses of text[start:end]; a list item's last clause running on to a line that opens no
    item of its own (a column break in a list of targets) is read with that line."""
    clauses = list(_CLAUSE_RE.finditer(text, start, end))
    if clauses and clauses[-1].end() == end:
        # the list's last item may run on past the block, which ends with the last item line
        run_on = _RUN_ON_LINE_RE.match(text, end + 1)
        if run_on:
            clauses.append(run_on)
    i = 0
    while i < len(clauses):
        c = clauses[i]
        line_start = text.rfind("\n", 0, c.start()) + 1
        nxt = clauses[i + 1] if i + 1 < len(clauses) else None
        if (nxt is not None and text[c.end(): c.end() + 1] == "\n" and nxt.start() == c.end() + 1
                and _LIST_ITEM_RE.match(text, line_start) and not _LIST_ITEM_RE.match(text, nxt.start())):
            yield _Joined(c.start(), nxt.end(), text[c.start(): nxt.end()])
            i += 2
            continue
        yield c
        i += 1


def _enumerated_parts(clauses: Iterable[re.Match[str] | _Joined]) -> Iterator[re.Match[str] | _Joined]:
    """外贸进出口总额实现正增长、实际使用外资稳中提质 (江苏 2024): a clause listing, between 、, parts that
    each hold a phrase of their own is read part by part (one record each); any other clause whole
    (物价、就业保持基本稳定: names sharing one phrase)."""
    for c in clauses:
        at, parts = c.start(), []
        for piece in c.group(0).split("、"):
            parts.append(_Joined(at, at + len(piece), piece))
            at += len(piece) + 1
        if len(parts) > 1 and all(_PHRASE_RE.search(p.text) for p in parts):
            yield from parts
        else:
            yield c


# 居民收入稳步增长 / 实际利用外资稳步增加: an indicator and the steady direction it is to keep, no figure and no
# phrase of the table (人民生活品质不断提高, a five-year aim's rhetoric, names no steady direction)
_BARE_CHANGE_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff]{{2}})(?:{alternation('steady_adverb')})(?:{word_alternation(kind_verbs())})$")


def _list_end(text: str, start: int, end: int) -> int:
    """Where the list of targets after the key ends: its first full stop (the sentences after it say why)."""
    stop = text.find("。", start, end)
    return end if stop < 0 else stop


# 约束性: an attribute of the task noun after it, which the name keeps (节能减排约束性指标)
_BOUND_ATTRIBUTE_RE = re.compile(rf"(?:{alternation('task_attribute')})$")


def _task_names(task: re.Match[str]) -> list[str]:
    """The indicators a task to fulfil names before its noun (完成国家下达的粮食生产、…减排目标任务 ->
    粮食生产, …减排), each split at 、 / 和 / 及; a name ending in an attribute of the task keeps the noun
    (完成国家下达的年度节能减排约束性指标 -> 年度节能减排约束性指标)."""
    names = [n for n in _NAMES_SPLIT_RE.split(task.group("names")) if n]
    return [n + task.group("task") if _BOUND_ATTRIBUTE_RE.search(n) else n for n in names]


def qualitative_clauses(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, indicator) for each numberless clause in text[start:end] holding a phrase."""
    out = []
    list_end = _list_end(text, start, end)
    for c in _enumerated_parts(_list_clauses(text, start, end)):
        clause = c.group(0).replace("\n", "")
        if _NUMBER_RE.search(clause):
            continue
        p = _PHRASE_RE.search(clause) or _RATE_ABOVE_RATE_RE.search(clause)
        if not p:
            p = _ASSIGNED_RE.search(clause.strip())  # 完成国家下达的…降低目标 (福建省2026年): no phrase needed
        if not p and c.end() <= list_end:
            p = _BARE_CHANGE_RE.search(clause.strip())
        if not p:
            fulfil = _FULFIL_RE.match(clause.strip())
            if fulfil:
                out += [(c.start(), c.end(), name) for name in _task_names(fulfil)]
            continue
        assigned = _ASSIGNED_RE.search(clause.strip())
        if assigned:
            # 完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务: the indicators follow 下达.
            out += [(c.start(), c.end(), name) for name in _task_names(assigned)]
            continue
        pred = _PREDICATE_RE.search(clause, 0, p.end())
        head = clause[: pred.start() if pred else p.start()]
        lead = _LEAD_RE.match(head)
        skip = lead.end() if lead else 0
        indicator = _ALL_TAIL_RE.sub("", head[skip:].strip())
        if not indicator or len(indicator) > 30 or _TARGET_HEADING_RE.search(indicator):
            continue
        # 物价、就业保持基本稳定: one record per indicator, all with the clause as text.
        for name in _shared_tail(_NAMES_SPLIT_RE.split(indicator)):
            if name:
                out.append((c.start() + skip, c.end(), name))
    return out


# 能源、水资源、碳排放等指标: the list's last name carries the noun all of them share
_SHARED_TAIL_RE = re.compile(rf"(?:{alternation('examples_marker')})(?P<tail>{alternation('shared_name_tail')})$")


def _shared_tail(names: list[str]) -> list[str]:
    """能源、水资源、碳排放等指标达到国家要求 -> 能源指标, 水资源指标, 碳排放指标: the noun after 等 closing
    a list of two or more names belongs to each of them; without 等 it is the last name's own (粮食播种面积及
    生态环境质量指标: 安徽省 2026)."""
    m = _SHARED_TAIL_RE.search(names[-1]) if len(names) > 1 else None
    if not m or m.start() == 0:
        return names
    tail = m.group("tail")
    return [n if n.endswith(tail) else n + tail for n in names[:-1]] + [names[-1][: m.start()] + tail]
