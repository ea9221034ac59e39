"""Targets and achievements: each quantity candidate (see mentions.py) becomes a record with its
indicator, kind, type and year; 分别 lists share their verb and comparator; 全覆盖 reads as 100 %;
numberless targets come from the main-expected-targets paragraph only.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate

from flows.extract.comparators import BOUND_SUFFIXES, COMPARATOR_WORDS, NOUN_THRESHOLD_SUFFIXES, PREFIX_PATTERN, SUFFIX_PATTERN
from flows.extract.mentions import Candidate, Clauses, clauses_of, find_candidates
from flows.extract.periods import classify, plan_naming_the_figure, sentence_ends
from flows.extract.qualitative import qualitative_clauses, target_blocks
from flows.extract.numbers import MAGNITUDE_PATTERN, MAGNITUDES
from flows.extract.records import Record, build
from flows.extract.regions import gazetteer
from flows.extract.project_rules import project_rules, stage_verb_patterns
from flows.extract.units import UNIT_PATTERN
from flows.extract.vocabulary import alternation, char_class, kind_verbs, longest_first, rows, word_alternation, words
from flows.ingest.document import Document

KIND_VERBS: dict[str, str] = kind_verbs()
IMPLIED_UNITS: list[tuple[str, str, str]] = [
    (row["indicator_ending"], row["base_unit"], row["dimension"]) for row in rows("implied_units.csv")
]
INDICATOR_HEADS: tuple[str, ...] = longest_first(row["head"] for row in rows("indicator_heads.csv"))
MEASURE_HEADS: dict[str, str] = {row["written"]: row["name"] for row in rows("measure_heads.csv")}
# 收入倍差 -> 城乡居民收入倍差: a short form written whole stands for the indicator's full name
FULL_NAMES: dict[str, str] = {row["written"]: row["name"] for row in rows("indicator_full_names.csv")}
# …项目完成投资 / 1-7月完成投资: a name ending with what is measured (a measure head)
_MEASURE_AT_END_RE = re.compile(rf"(?:{'|'.join(map(re.escape, longest_first(MEASURE_HEADS)))})$")
# 城乡 / 一二三产: one written subject that names the members of a 分别 list in turn
COMPACT_SUBJECTS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (row["written"], tuple(row["members"].split("|")))
    for row in sorted(rows("compact_subjects.csv"), key=lambda r: -len(r["written"])))
_PROJECT_WORD = words("project_word")[0]
# a count or a sum before a group's name (新一轮80个…, 亿元以上…) is no part of it
_COUNT_OR_SUM_RE = re.compile(
    rf"\d[\d.]*\s*(?:多|余)?[个项家所座条]|(?:\d[\d.]*)?[十百千万亿]*元(?:{word_alternation(NOUN_THRESHOLD_SUFFIXES)})?")
_PERIOD_MEASURE_RE = re.compile(
    rf"(?P<period>(?:{alternation('period_so_far', 'time_word')})?)(?:{alternation('estimate_verb')})?"
    rf"(?:{alternation('tally_lead')})?(?P<head>{'|'.join(map(re.escape, longest_first(MEASURE_HEADS)))})")
_GROUP_ENTRY_RE = re.compile(rf"(?:{alternation('group_entry')})")  # 项目列入省市重点项目: the group after it
_GROUP_LEAD_RE = re.compile(rf"^(?:{alternation('group_lead', 'portfolio_verb')})+")
_CJK_ONLY_RE = re.compile(r"[\u4e00-\u9fff“”]+")

_VERBS = "|".join(sorted(KIND_VERBS, key=len, reverse=True))
# The verb right before a figure decides growth/change; 到/至 after it makes the figure a level.
_KIND_VERB_AT_END_RE = re.compile(rf"({_VERBS})(了)?(到|至|为)?$")
_TRAILING_RE = re.compile(rf"(?:{_VERBS}|{alternation('trailing_word', 'strength')}|连续(?:\d+年)?)+$")
# 从11.37万亿元提高到: the starting value is context, not part of the indicator (自由贸易 is).
_FROM_RE = re.compile(r"(?:从|由)[^从由]*\d[^从由]*$")
_LEADING_RE = re.compile(
    rf"^(?:{char_class('list_marker')}\s*|(?:{alternation('dash_bullet')})\s*|\s*[(（]\d{{1,2}}[)）]\s*|(?:到|至)?20\d\d年(?!度)(?:底|末)?|(?:到|至)1?\d月(?:底|末)"
    rf"|{word_alternation(NOUN_THRESHOLD_SUFFIXES)}|{alternation('leading_word', 'strength')})+"
)
# 比上年增加 / 高于全省: a figure measured against something else belongs to the earlier indicator.
_SHARE_OPENING_RE = re.compile(r"^占(?![据用有领])")  # 占GDP比重 / 占比, not 占据 / 占用 (verbs of their own)
_COMPARED_RE = re.compile(rf"^(?:{alternation('compared_to', 'over_plan')})")
# 为年度计划的102.3% / 完成预算的101.5%: the share of a plan that was done.
# 完成年计划710亿元的89.4% / 占年度任务目标132亿元的65.89%: the plan's own figure may stand inside;
# 占 a plan reads as its completion only then (占年度计划的37% stays a share of the plan)
_COMPLETION_RE = re.compile(
    rf"(?:为|完成|达到|达|占(?=\D+\d))(?P<plan>{alternation('plan_share_of')})"
    rf"(?:[\d.]+(?:{MAGNITUDE_PATTERN})?(?:{UNIT_PATTERN}))?的$"
)
_STRENGTH_RE = re.compile(alternation("strength"))
# A strength word governs the comma clause it opens (力争全年投资分别达2400亿元、450亿元), not the
# clauses after the next comma.
_COMMA_CLAUSE_RE = re.compile(r"[,;:。!?\n]")
# 约占全国1/10 / 超过全球一半 / 占全国9成: a share of a whole named after 占 or a comparator; the
# comparator word stands before 占 and the whole, apart from the figure.
_SHARE_TAIL_RE = re.compile(
    rf"(?P<cmp>{PREFIX_PATTERN})?(?:占(?P<whole>(?!比)(?:(?!{alternation('share_noun_written')}|分别|达|为|{_VERBS})[^\d,;。、]){{1,12}}?)"
    rf"|(?:稳定在|保持在|达到|在|居)?(?P<scope>{alternation('scope_whole')}))(?:的)?$"
)
# 不低于当地最低生活保障标准的1.6倍: the comparator governs "<reference>的<figure>".
_DETACHED_COMPARATOR_RE = re.compile(rf"(?P<cmp>{PREFIX_PATTERN})(?P<ref>[^\d,;。、]{{1,15}})的$")
_NOUN_CONJUNCTION_RE = re.compile(r"和|(?<![普以涉危])及|与|、")
# …中心和300个 / …路径或3人制: not 及 (惠及, 涉及) nor 与 (参与), verbs of their own
_CONJUNCTION_AT_END_RE = re.compile(r"(?:和|或)$")
# 增长12.6%和 12.1%: a space around the joining mark (a page that spaces its figures) changes nothing
_LIST_JOIN_RE = re.compile(r"^\s*(?:、|和|及|与|,)\s*$")
_FULL_COVER_RE = re.compile(r"全覆盖(?<![健基本]全覆盖)(?=[,;。、!?\n]|$)")  # the word first: searched for, not tried everywhere
_COVER_LEAD_RE = re.compile(rf"(?:{alternation('cover_lead', 'strength')})+")  # matched at the clause's start
# 财政省直管县实现全覆盖 / 公共文化设施实现五级全覆盖: the verb (and the tiers it names) is no part of
# what is covered
_COVER_VERB_RE = re.compile(rf"(?:{alternation('cover_lead')})(?:[{''.join(words('tier_numeral'))}]+{words('tier_word')[0]})?")
_DIGIT_RE = re.compile(r"\d")
_DIGIT_START_RE = re.compile(rf"^[\d.]+(?:{MAGNITUDE_PATTERN})?(?:{UNIT_PATTERN})?$")
_FROM_WORD_RE = re.compile(r"从|由")
_NEW_RE = re.compile(rf"^(?:{alternation('new_word')})")
_WHOLE_NAME_RE = re.compile(r"(?:数|量|率|额|值|比重|收入|投资|规模|面积|里程)$")
# 产能1400万吨/年建成试运转: a stage verb, a kind verb or one of these opens a predicate, not a noun
_VERB_START_RE = re.compile(
    rf"^(?:{'|'.join(p for p in (stage_verb_patterns(('after', 'either')), _VERBS, alternation('predicate_start')) if p)})")
# 7条高速公路建成通车 / 300项政务事项实现“跨省通办”: the counted noun is followed by its predicate;
# the guide names such a figure predicate first (建成通车高速公路, 实现“跨省通办”的政务事项). A
# predicate is stage verbs alone, or opens with a result verb; adverbs (全部, 如期) and a place (在粤)
# before it go with it.
_STAGE_PREDICATE = stage_verb_patterns(("after", "either"))
_STAGES_ONLY_RE = re.compile(rf"(?:(?:{_STAGE_PREDICATE})(?:{alternation('stage_joint')})?)+")
_BARE_DONE_RE = re.compile(rf"(?:{alternation('predicate_adverb')})*(?:{alternation('bare_done_verb')})")
_NOUN_AFTER_PREDICATE_RE = re.compile(rf"(?:{alternation('works_noun')})$")
_ONE_STAGE_RE = re.compile(rf"(?:{_STAGE_PREDICATE})")
_RESULT_PREDICATE_RE = re.compile(rf"(?:{alternation('result_predicate')})")
_BARE_RESULT_RE = re.compile(rf"(?:{alternation('bare_result_verb')})")  # a predicate with no object
_ADVERB_RE = re.compile(rf"(?:{alternation('predicate_adverb')})")
_ADVERBS_ONLY_RE = re.compile(rf"(?:{alternation('predicate_adverb')})+")
_PREDICATE_LEAD_RE = re.compile(
    rf"(?:{alternation('predicate_adverb')}|{stage_verb_patterns()}|(?:{alternation('coverb')})[^\d,;。、的]{{1,10}}?)+$")
# 打造14个特色服务区: a verb whose object is the counted noun after the figure, and the adverbial
# before it (根据当地资源禀赋)
_OBJECT_VERB_RE = re.compile(rf"^(?:[^\d,;。、]*?(?:{alternation('object_verb')}))")
_KEEP_VERB_RE = re.compile(rf"^(?:{alternation('new_word')}|惠及|覆盖)")
# 建成…等 / 重点开工建设…等: a stage reached (completed or started) opening the examples of the things counted
_STAGES_REACHED = "|".join(v.pattern for v in project_rules().stage_verbs
                           if v.stage in ("completed", "start") and v.position in ("before", "either"))
_MAX_STAGE_LEAD = 2  # 重点开工建设: an adverb this short may stand before the stage opening a list of examples
_STAGE_BEFORE_EXAMPLES_RE = re.compile(rf"^[\u4e00-\u9fff]{{0,{_MAX_STAGE_LEAD}}}?(?P<verb>{_STAGES_REACHED})")
# 沿边行政村全部建成边境幸福村: a stage reached with an object of its own is a predicate too
_STAGE_WITH_OBJECT_RE = re.compile(rf"(?:{_STAGES_REACHED})[\u4e00-\u9fff“]{{2,}}$")
_GENERIC_HEADS = ("总量", "总数", "总规模", "总额")
# 总产值 / 总花费 / 总装机: a measure that, written bare, is of the subject named just before it
SIBLING_HEADS: frozenset[str] = frozenset(words("sibling_head"))
_NAME_HEADS = longest_first((*INDICATOR_HEADS, *SIBLING_HEADS))
# 旅发大会带动游客人数: a verb bringing the measured things about ends the words before the subject
_GOVERNING_VERB_RE = re.compile(rf".*(?:{alternation('governing_verb')})")
_MAX_PARALLEL_WORD = 3
_RATE_QUALIFIERS = frozenset(words("rate_qualifier") + words("period_average"))
_PERIOD_AVERAGE_AT_END_RE = re.compile(
    rf"(?P<average>{alternation('period_average')})(?:{_VERBS}|{alternation('trailing_word', 'strength')})*$")
_COMPARABLE_BASIS_AT_END_RE = re.compile(rf"(?:{alternation('comparable_basis')})$")
_BREAKDOWN_RE = re.compile(rf"(?:{alternation('breakdown_opening')})")
_MAX_PART_NAME = 4  # 其中高铁: a part named by a word or two, not a name of its own (其中城镇新增就业)
_STAGES_OPENING_RE = re.compile(rf"(?:(?:{stage_verb_patterns()})(?:{alternation('stage_joint')})?)+")
_STAGES_AT_END_RE = re.compile(rf"(?:{_STAGE_PREDICATE})+$")
_BENEFIT_RE = re.compile(r"^惠及|^(?:覆盖|受益)$")
_PREFIX_AT_END_RE = re.compile(rf"(?:{PREFIX_PATTERN})+$")
_NEXT_FIGURE_RE = re.compile(rf"\d+(?:\.\d+)?(?:{MAGNITUDE_PATTERN})?(?:{UNIT_PATTERN})")
_SENTENCE_DELIM_RE = re.compile(r"[。;!?\n]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff“]")
# 地区生产总值增速 / 物价涨幅 / 收入增长: an indicator that names its growth already; else 增速 is added
_NAMES_GROWTH_RE = re.compile(
    rf"{alternation('growth_noun')}|(?:{'|'.join(w for w, k in KIND_VERBS.items() if k == 'growth')})$")
_MILESTONE_NOUNS = words("milestone_noun")
_GROWTH_SUFFIX = words("growth_indicator_suffix")[0]
_COMPLETION_RATE = words("completion_rate_suffix")[0]
_SHARE_NOUN = words("share_noun")[0]
_PLAN_SHARE_NOUN = words("plan_share_noun")[0]
_PLAN_WHOLE_RE = re.compile(rf"(?:{alternation('plan_share_of')})(?:{alternation('plan_whole_tail')})?$")
_RESPECTIVELY = words("respectively")[0]
# 分别比年初增长 / 分别较“十三五”时期下降: 分别 opening the words says the figures are the members' in
# turn; the comparison after it is what the words hold
_RESPECTIVELY_LEAD_RE = re.compile(rf"^(?:{alternation('respectively')})(?=(?:{alternation('compared_to')}))")
_LIST_COMMA = "、"
_POINTS = "pp"  # the base unit of 个百分点 (data/units.csv)
_AVERAGE = words("average_word")[0]
_OF = words("attributive_particle")[0]
# 支持科技创新等重点领域减税降费及退税: 等 closing a list of examples (not 高等 / 等级: words of their own)
_EXAMPLES_RE = re.compile(
    rf"(?<![{''.join(words('etc_word_before'))}])(?:{alternation('examples_marker')})(?![{''.join(words('etc_word_after'))}])")
_MIN_CLASS_NAME = 3
_MAX_CLASS_WORD = 2  # 行业 / 产业: a class word as short as this goes with each listed member's name
_LIGHT_VERB_RE = re.compile(rf"(?:{alternation('light_verb')})")
_SERVICE_VERB_RE = re.compile(rf"(?:{alternation('light_verb', 'service_verb')})")
_FOR_WHOM_RE = re.compile(rf"(?:{alternation('for_whom')})$")  # 为 before the people a service is done for
_EXAMPLES_END = tuple(words("examples_marker"))  # 茂林医疗器械产业园等: words closed by a list of examples
_ACTION_START_RE = re.compile(rf"(?:{alternation('action_verb', 'clause_verb')})")
# 零基预算改革优化支出结构 / 高新技术企业数量实现翻番: a verb inside a clause makes it a predicate
_VERB_INSIDE_RE = re.compile(rf"(?:{alternation('predicate_start', 'action_verb', 'clause_verb', 'governing_verb', 'coverb')})")
_MANNER_LEAD_RE = re.compile(rf"^(?:{alternation('manner_adverb')})+")
_MAX_LISTED_SUBJECT = 12
# 粮食、肉蛋奶、蔬菜产量均稳定在…: a marker of a figure shared by the listed subjects, a few words
# (the verb, a comparator) before it, or a share and its whole (A、B产值均占区属规上工业总产值10%以上);
# not 年均 / 人均 / 首都 (data/words.csv:shared_figure_not_after)
# 跨过双千亿 / “双超千亿”: 双 (pair_of_figures) before or inside a bare magnitude marks it the same way
_SHARED_FIGURE_RE = re.compile(
    rf"(?<!{char_class('shared_figure_not_after')})(?:{alternation('shared_figure')}|{alternation('pair_of_figures')})"
    rf"(?:[^\d、,，;；。]{{0,6}}|占[^\d、,，;；。]{{1,20}})$")
_SHARED_CHARS = frozenset("".join(words("shared_figure") + words("pair_of_figures")))
# 增幅均超过32%: the marker right before the figure stands between its verb and the figure
_SHARED_MARK_AT_END_RE = re.compile(
    rf"(?<!{char_class('shared_figure_not_after')})(?:{alternation('shared_figure')})$")
_MAX_SHARED_SUBJECT = 20
_RANK_RE = re.compile(rf"(?:{alternation('rank_word')})$")  # a listed subject is a name, not a clause of its own
_GROUP_QUANTIFIER_RE = re.compile(rf"^(?:{alternation('group_quantifier')})")
_MIN_MEMBER_NAME = 4
_MAX_MODIFIER = 2  # 常住和户籍人口…: the longest member read as a modifier of the last member's head
_MIN_HEAD = 3
# 全区完成固定资产投资 / 上半年完成固定资产投资: the scope or period and the done verb before a
# name of its own are not part of it (完成投资 alone is a measure head, data/measure_heads.csv)
# 第一季度全县将完成固定资产投资: a future 将 before the done verb goes with it
# 全区实现生产总值: a result verb after the scope goes with it (alone at the start, 实现 is a lead word)
_DONE_LEAD_RE = re.compile(
    rf"^(?:{alternation('scope_lead')})*将?(?:{alternation('done_lead')}|(?<=[\u4e00-\u9fff])(?:{alternation('scope_done_lead')}))"
    rf"(?=[^\d]{{4,}}$)")
# 上半年全县地区生产总值 / 全年全区地区生产总值: the period before the area is scope too
_SCOPE_LEAD_RE = re.compile(
    rf"^(?:{alternation('scope_lead')})*(?:{alternation('area_scope')})+(?=[\u4e00-\u9fff“]{{2}})")
# 主要预期目标是地区生产总值增长7%: the goals' statement before its first goal is no part of the name
_STATEMENT_LEAD_RE = re.compile(rf".*(?:{alternation('statement_lead')})(?=[\u4e00-\u9fff“]{{2}})")
# 省定经济薄弱村全部达标 / 平均浓度分别改善: an adverb between a subject and its predicate
_INNER_ADVERB_RE = re.compile(rf"(?<=[\u4e00-\u9fff”)）])(?<![占于对的])(?:{alternation('inner_adverb')})(?=[\u4e00-\u9fff])")
_NAME_EDIT_RE = re.compile(alternation("statement_lead", "inner_adverb"))
_DONE_WORD = words("done_lead")[0]
_DONE_WORDS = words("done_lead")
_DONE_INSIDE_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff]{{2}})(?:{alternation('predicate_adverb')})*(?:{alternation('done_lead')})(?=[\u4e00-\u9fff]{{2,}}$)")
# 两大工业园区实现工业产值 / 实体企业累计实现外贸进出口总额: a result verb between a subject and
# its measure, with the words counting the sum so far
_RESULT_INSIDE_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff)）]{{2}})(?:{alternation('tally_lead', 'estimate_verb')})?(?:{alternation('scope_done_lead')})"
    rf"(?=[\u4e00-\u9fff]{{2,}}$)")
_RESULT_WORDS = words("scope_done_lead")
# 1-7月预计完成投资 / 规模以上工业增加值预计同比增长: an estimate before the done or result verb frames the
# figure (it is a result, periods.py reads it), no part of the name
_ESTIMATE_INSIDE_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?:{alternation('estimate_verb')})(?=(?:{alternation('done_lead', 'scope_done_lead', 'year_on_year')}))")
_MEANS_LEAD_RE = re.compile(rf"^(?:{alternation('means_coverb')})")
_PERSON_NOUN_RE = re.compile(rf"(?:{alternation('person_noun')})")
_PERSON_UNIT = words("person_unit")[0]
_PERSON_NOUN_REACH = 6  # a person noun ends the first words of the counted noun: 皖北地区群众, 偏远农村居民
_OPEN_QUOTE, _CLOSE_QUOTE = "\u201c", "\u201d"
_OPEN_BRACKETS, _CLOSE_BRACKETS = "".join(words("open_bracket")), "".join(words("close_bracket"))
_BRACKET_RE = re.compile(rf"{char_class('open_bracket')}|{char_class('close_bracket')}")
_QUOTES = _OPEN_QUOTE + _CLOSE_QUOTE
# 比上年 / 较2020年 / 比2023年同期: the reference may name its year in figures
_REFERENCE_TAIL_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff”)])(?<![占对])(?:{alternation('reference_word')})(?![重例率值])"
    rf"(?:\d{{4}}年[^\d,;。、]{{0,10}}|[^\d,;。、]{{1,10}})$"
)
_RATE_NOUN_AT_END_RE = re.compile(
    rf"(?:{alternation('growth_noun', 'growth_target_noun')})(?:{alternation('rate_to_verb')})$")
_AVERAGE_AT_END_RE = re.compile(rf"{_AVERAGE}$")
_AVERAGE_BEFORE_FIGURE_RE = re.compile(rf"{_AVERAGE}(?:分别|{alternation('strength')})?(?:{_VERBS})?$")

_GROWTH_DIMENSIONS = ("percent", "permille")
_GROWTH_KIND = "growth"
_RATE_KINDS = (_GROWTH_KIND, "change")  # a figure measured against another, whose name a later list cannot take
_YOY_GROWTH_VERBS = frozenset(words("year_on_year_growth_verb"))
_YOY_BEFORE_VERB_RE = re.compile(rf"(?:{alternation('year_on_year')})$")
_RATE_NAME_RE = re.compile(rf"(?:{alternation('rate_name_end')})$")
_BOUND_SUFFIXES = BOUND_SUFFIXES


class Sentences:
    def __init__(self, text: str, delims: list[int] | None = None) -> None:
        self.text = text
        # the marks of _SENTENCE_DELIM_RE, given when they were found already (periods.sentence_ends)
        self.delims = [m.start() for m in _SENTENCE_DELIM_RE.finditer(text)] if delims is None else delims

    def bounds(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.delims, offset)
        start = self.delims[i - 1] + 1 if i > 0 else 0
        end = self.delims[i] + 1 if i < len(self.delims) else len(self.text)
        return start, end

    def around(self, offset: int) -> str:
        start, end = self.bounds(offset)
        return self.text[start:end]


@dataclass
class _Reading:
    """One document being read: its text split into clauses and sentences, and the indicator last
    named in each sentence (a figure after 、增长 inherits it)."""

    doc: Document
    clauses: Clauses
    sentences: Sentences
    last_indicator: dict[int, tuple[str, int]] = field(default_factory=dict)  # sentence -> (name, span start)
    last_kind: dict[int, str] = field(default_factory=dict)  # sentence -> kind of its last figure
    growth_of: dict[int, str] = field(default_factory=dict)  # sentence -> the indicator its last growth is of
    averaged: set[int] = field(default_factory=set)  # sentences whose last growth is an average over years (年均)
    # sentence -> the names of its figures that are no rate, in order (城乡居民人均可支配收入36430元、
    # 15393元 -> 城镇…, 农村…): a later list of rates naming nothing is theirs, member by member
    named: dict[int, list[str]] = field(default_factory=dict)
    growths: dict[int, list[str]] = field(default_factory=dict)  # sentence -> the names of its growths, in order
    # the text reversed: the last comma-clause mark before a figure's clause is the first one found
    # searching forward in it, instead of every mark from the sentence's start
    back: str = ""

    @property
    def text(self) -> str:
        return self.doc.text


def extract_quantities(doc: Document, claimed_spans: list[tuple[int, int]]) -> list[Record]:
    reading = _Reading(doc, clauses_of(doc.text), Sentences(doc.text, sentence_ends(doc)), back=doc.text[::-1])
    claimed = _Claimed(claimed_spans)
    candidates = [c for c in find_candidates(doc.text) if c.skip is None and not _overlaps(c.start, c.end, claimed)]
    candidates, heads = _share_lists(doc.text, candidates, reading.clauses)
    members_of: dict[int, list[int]] = {}  # a list's first figure -> its figures, in order
    for k, h in sorted(heads.items()):
        members_of.setdefault(h, []).append(k)
    records: list[Record] = []
    read_until = 0  # text before this offset already belongs to an earlier figure of the clause
    for i, c in enumerate(candidates):
        head = candidates[heads.get(i, i)]
        left = reading.clauses.start_of(head.start)
        if head is c:
            left = max(left, min(read_until, c.start))
        members = members_of.get(heads.get(i, -1), [])
        names = (_member_names(reading, left, head.start, len(members), head.dimension in _GROWTH_DIMENSIONS,
                               head.comparator)
                 if members else None)
        s_start, _ = reading.sentences.bounds(head.start)
        inherited_names = False
        earlier = reading.named.get(s_start, [])[-len(members):] if members and not names else []
        if members and not names and head.base_unit == _POINTS and len(set(earlier)) != len(members):
            # 分别增长10.8%和14.9%,高于全国0.1和2.2个百分点: points naming nothing after a list of
            # growths are those growths' gaps, one by one
            earlier = reading.growths.get(s_start, [])[-len(members):]
        if earlier and len(set(earlier)) == len(members):
            # …36430元、15393元,同比增长6.2%、8.4% / 接待游客17.52亿人次、旅游花费1.27万亿元,分别增长
            # 32.9%、41.6%: a list naming nothing is of the figures named just before, one by one
            names, inherited_names = [(name, head.start) for name in earlier], True
        shared = None
        if head is c and not members:
            left = _subjects_listed_before(reading, left, c)
            shared = _shared_figure_names(reading, c)
            if not shared and (shared := _rate_shared_by_the_figures_before(reading, c, s_start)):
                inherited_names = True  # named as the figures before, as a list naming nothing is
        # one record per listed member; a figure shared by listed indicators is one record for each
        for name in shared or [names[members.index(i)] if names else None]:
            record = _record(reading, c, head, left, candidates[i + 1:i + 2],  # the next figure: all it reads
                             name, inherited_names)
            records.append(record)
            if record.indicator and record.kind not in _RATE_KINDS:
                reading.named.setdefault(s_start, []).append(record.indicator)
            elif record.indicator and record.kind == _GROWTH_KIND:
                reading.growths.setdefault(s_start, []).append(record.indicator)
        if not _whole_of_a_share(reading.text, c):
            read_until = max(record.end, c.end)
    records += _full_coverage(reading, claimed)
    records += _qualitative(reading, claimed)
    return _drop_restatements(records)


def _drop_restatements(records: list[Record]) -> list[Record]:
    """A report often restates its headline targets when explaining them (城镇调查失业率5.5%左右，
    体现了…): the same words with the same figure are one target, kept where first stated."""
    seen: set[tuple] = set()
    out = []
    for r in sorted(records, key=lambda r: r.start):
        key = (r.type, r.text, r.indicator, r.value_base, r.value_base_min, r.value_base_max, r.comparator, r.year)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


class _Claimed:
    """The spans portfolios and projects claimed, for the overlap test of every figure in O(log n):
    sorted by start, with the furthest end reached so far."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))


def _overlaps(start: int, end: int, claimed: _Claimed) -> bool:
    """Whether any claimed span (s, e) has s < end and start < e."""
    before_end = bisect.bisect_left(claimed.starts, end)  # the spans starting before `end`
    return before_end > 0 and claimed.reach[before_end - 1] > start


def _share_lists(text: str, cands: list[Candidate], clauses: Clauses) -> tuple[list[Candidate], dict[int, int]]:
    """In a list (分别增长8.9%、7.7%) every figure shares the first one's indicator and verb,
    its leading comparator (分别超过) and a closing 左右. Returns the candidates with shared
    comparators and a map from each later member to the index of the list's first figure."""
    out = list(cands)
    heads: dict[int, int] = {}
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _LIST_JOIN_RE.match(text[out[j].end: out[j + 1].start]):
            j += 1
        first, last = out[i], out[j]
        # Figures joined by 、 with nothing between them form a list whether or not 分别 is written
        # (突破8万亿元、9万亿元; 增长4.2%、5.3%) when they measure the same thing; after a comma a
        # new figure starts a new clause (床位超7000张,49家医院…).
        if j > i and "分别" not in text[clauses.start_of(first.start): first.start]:
            units = {out[k].base_unit for k in range(i, j + 1)}
            joins = {text[out[k].end: out[k + 1].start].strip() for k in range(i, j)}
            if len(units) > 1 or "," in joins:
                j = i
        if j > i:
            respectively = "分别" in text[clauses.start_of(first.start): first.start]
            for k in range(i, j + 1):
                heads[k] = i
                comparator = out[k].comparator
                if comparator == "=" and first.prefix:
                    comparator = first.comparator
                if last.suffix and COMPARATOR_WORDS["suffix"].get(last.suffix) == "~" and comparator != "between":
                    comparator = "~"
                elif respectively and comparator == "=" and not out[k].suffix and last.suffix in _BOUND_SUFFIXES:
                    # 城乡居民人均可支配收入分别增长5.5%、6%以上: the closing bound covers the list
                    comparator = last.comparator
                out[k] = out[k]._replace(comparator=comparator)
        i = j + 1
    return out, heads


def _member_names(reading: _Reading, clause_start: int, head_start: int, n: int,
                  rates: bool = False, comparator: str = "=") -> list[tuple[str, int]] | None:
    """(name, start) for each figure of an n-figure list whose subjects are listed too:
    先进制造业、高技术制造业增加值占…比重分别达56.2%、34.7% -> 先进制造业增加值占…比重, 高技术…;
    城镇和农村居民人均可支配收入分别增长… -> 城镇居民人均可支配收入, 农村居民人均可支配收入.
    The shared head is what follows the first subject's last character in the last subject, or
    else a metric head of data/indicator_heads.csv; None when the subjects do not count n."""
    text = reading.text
    phrase = _TRAILING_RE.sub("", text[clause_start:head_start])
    phrase_end = clause_start + len(phrase)
    start = clause_start
    for _ in range(n - 1):  # earlier subjects stand in clauses of their own (A、B增加值)
        if start < 1 or text[start - 1] != "、":
            break
        prev = reading.clauses.start_of(start - 1)
        if _DIGIT_RE.search(text, prev, start - 1) or start - 1 - prev > 20:
            break
        start = prev
    # matched on the slice: the pattern opens with ^, which never matches at an offset of the text
    lead = _LEADING_RE.match(text[start:phrase_end])
    start += lead.end() if lead else 0
    subjects = text[start:phrase_end]
    governed = _GOVERNING_VERB_RE.search(subjects)
    if governed:  # 旅发大会带动游客人数和总花费: what the verb brought about is the subject
        subjects, start = subjects[governed.end():], start + governed.end()
    compared = _compared_members(subjects, start, n)
    if compared:
        return compared
    joined = subjects.replace(_LIST_COMMA, "")
    if (joined != subjects and not any(written in subjects for written, _ in COMPACT_SUBJECTS)
            and (compact := _compact_members(joined, start, n))):
        # 金融机构存、贷款余额分别增长8.8%、11.9% / 一、二、三产业: a compact subject written with 、
        # inside it (not 对中亚五国、东盟进出口, whose 、 stands outside the compact word)
        return compact
    parts = [p for p in subjects.split(_LIST_COMMA) if p]
    if len(parts) != n:  # 、 is the list's own mark; 和 / 及 also join names (信息传输软件和信息技术服务业)
        parts = [p for p in _NOUN_CONJUNCTION_RE.split(subjects) if p]
    if len(parts) == 1 and n > 1:
        # 分别 says the figures are the members' in turn, and so do several rates (one subject has one
        # rate) and plain figures (金融存贷款余额288.42亿元、219.06亿元); 进出口总额突破8万亿元、9万亿元
        # is one total passing two marks.
        members = rates or comparator == "=" or _RESPECTIVELY in text[clause_start:head_start]
        return _compact_members(parts[0], start, n) if members else None
    if len(parts) != n or any(len(p) > 30 for p in parts):
        return None
    last = parts[-1]
    examples = _EXAMPLES_RE.search(last)
    if examples and examples.start() >= 2 and len(last) - examples.end() >= 2:
        # 医疗器械、钢构网架、电子信息等行业产值分别增长…: what follows 等 is every member's head
        # (医疗器械行业产值, …, 电子信息行业产值), the last member what stands before it; a class named
        # at length (小麦、玉米等粮食作物产量) gives its measure head alone (小麦产量)
        tail = last[examples.end():]
        head = next((h for h in _NAME_HEADS if tail.endswith(h)), "")
        if head and len(tail) - len(head) > _MAX_CLASS_WORD:
            tail = head
        return [(p + tail, start) for p in parts[:-1]] + [(last[: examples.start()] + tail, start)]
    places = _places_tail(parts)
    if places:
        # 广州、深圳地铁线网单日最高客运量分别达…: places listed before one name, each the name's
        return [(p + places, start) for p in parts[:-1]] + [(last, start)]
    if all(_WHOLE_NAME_RE.search(p) or any(p.endswith(h) for h in INDICATOR_HEADS) for p in parts[:-1]):
        return [(p, start) for p in parts]  # 规上工业增加值、规上服务业营收 / 事故起数和死亡人数: whole names
    tail = ""
    cut = last.find(parts[0][-1], 1)
    if cut > 0 and any(last[cut + 1:].startswith(h) for h in INDICATOR_HEADS):
        tail = last[cut + 1:]
    else:
        tail = next((h for h in INDICATOR_HEADS if last.endswith(h) and len(h) < len(last)), "")
    subject = _subject_of(parts[0])
    if not tail and subject and all(p in SIBLING_HEADS for p in parts[1:]):
        # 国内游客人次、总花费增长5.6%、7.5%: the later members are other measures of the first's
        # subject (国内游客总花费)
        return [(parts[0], start)] + [(subject + p, start) for p in parts[1:]]
    k = len(parts[0])
    if not tail and k <= _MAX_MODIFIER and all(len(p) == k for p in parts[:-1]) and len(last) >= k + _MIN_HEAD:
        # 常住和户籍人口城镇化率分别达到59%和49% / 城市、县城建成区面积: modifiers as long as one another
        # before one head, which the last member carries (常住人口城镇化率, 户籍人口城镇化率)
        return [(p + last[k:], start) for p in parts[:-1]] + [(last, start)]
    if not tail:
        # 接待游客人次、游客总花费分别增长10.4%、10.2%: no shared head, so each subject is a name of
        # its own when each is long enough to be one (城市、县城建成区面积: 城市 is a modifier)
        names = all(len(p) >= _MIN_MEMBER_NAME and not _LEADING_RE.match(p) for p in parts)
        return [(p, start) for p in parts] if names else None
    return [(p if p.endswith(tail) else p + tail, start) for p in parts]


# 分别高于全国、全区16.6、15.5个百分点 (银川 2025) / 分别高于全国全省5.9和2.9个百分点 (西宁 2016): figures
# measured against listed references, in turn
_COMPARED_LIST_RE = re.compile(
    rf"^(?P<subject>[^\d]*?)(?:{alternation('respectively')})?(?P<cmp>{alternation('compared_to')})(?P<refs>[^\d]+)$")
_SCOPE_WHOLE_RE = re.compile(alternation("scope_whole"))


def _compared_members(subjects: str, start: int, n: int) -> list[tuple[str, int]] | None:
    """(城镇化率高于全国, start), (城镇化率高于全区, start) for 城镇化率分别高于全国、全区 before an n-figure
    list: each figure is the subject's gap to one reference (with no subject, the sentence's earlier
    indicator's, named so later: 地区生产总值年均增长13.7%,分别高于全国全省…); references
    written without a mark between them are split when each is a whole of data/words.csv:scope_whole
    (全国全省). None when the words compare nothing or the references do not count n."""
    m = _COMPARED_LIST_RE.match(subjects)
    if not m:
        return None
    refs = [p for p in _NOUN_CONJUNCTION_RE.split(m.group("refs")) if p]
    if len(refs) == 1 and "".join(scopes := _SCOPE_WHOLE_RE.findall(refs[0])) == refs[0]:
        refs = scopes
    return [(m.group("subject") + m.group("cmp") + r, start) for r in refs] if len(refs) == n else None


def _subjects_listed_before(reading: _Reading, clause_start: int, c: Candidate) -> int:
    """限上仓储会员店、集合店零售额合计增长15.7% / 超长期特别国债、专项债、中央预算内等资金2118亿元:
    subjects listed before one figure, each in a clause of its own closed by 、 and holding no
    figure, are all the figure's subject; where the first of them starts (clause_start when none).
    Not when the figure's words open with a verb (实施…政策、惠及168万名儿童: a clause of its own),
    when an earlier clause holds a verb (…建成投产、总装机达386万千瓦), or when the figure counts the
    noun after it (A、B等24个新开工项目: the names before are its examples)."""
    text, start = reading.text, clause_start
    if start < 1 or text[start - 1] != _LIST_COMMA:
        return start  # most figures: no 、 before their clause, nothing listed
    if c.dimension == "count" and _CJK_RE.match(text[c.end: c.end + 1]):
        return start
    own = text[clause_start: c.start]
    own_lead = _LEADING_RE.match(own)
    if _opens_with_verb(own) or not _TRAILING_RE.sub("", own[own_lead.end() if own_lead else 0:]).strip():
        return start  # …实现翻番、达1.8万家: a clause with no name of its own lists no subject
    s_start, _ = reading.sentences.bounds(clause_start)
    while start > s_start + 1 and text[start - 1] == _LIST_COMMA:
        prev = max(reading.clauses.start_of(start - 1), s_start)
        listed = text[prev: start - 1]
        if (not listed or len(listed) > _MAX_LISTED_SUBJECT or _DIGIT_RE.search(listed)
                or _ONE_STAGE_RE.search(listed) or _VERB_INSIDE_RE.search(listed, 1)
                or _RANK_RE.search(listed)):  # 花卉产量全球第一、…: a ranking is a statement
            break
        verb = _opens_with_verb(listed)
        if verb:  # 培育认定首批省级零碳、近零碳工厂30家: the verb governs the list, the list names
            return prev + verb if len(listed) - verb >= 2 else start
        start = prev
    return start


def _shared_figure_names(reading: _Reading, c: Candidate) -> list[tuple[str, int]] | None:
    """粮食、肉蛋奶、蔬菜产量均稳定在百万吨以上 -> 粮食产量, 肉蛋奶产量, 蔬菜产量 / 进出口总额、实际利用外资
    分别增长20%左右 -> each: one figure after listed subjects and a marker of data/words.csv:shared_figure
    is every member's, named as the members of a 分别 list are (None when it is not). Not when the list
    gives examples of one class (A、B等绿色产品产量均增长20%: the class is the indicator) or the figure
    counts the noun after it (A、B、C均实现21个地级以上市全覆盖: the list is not what it counts)."""
    text = reading.text
    start = reading.clauses.start_of(c.start)
    if not _SHARED_CHARS.intersection(text[start:c.num_start]):
        return None  # most figures: no marker before them
    marker = _SHARED_FIGURE_RE.search(text, start, c.num_start)
    if not marker or (c.dimension == "count" and _CJK_RE.match(text[c.end: c.end + 1])):
        return None
    first = start
    while first > 0 and text[first - 1] == _LIST_COMMA:  # earlier subjects stand in clauses of their own
        prev = reading.clauses.start_of(first - 1)
        if _DIGIT_RE.search(text, prev, first - 1) or first - 1 - prev > _MAX_SHARED_SUBJECT:
            break
        first = prev
    subjects = text[first: marker.start()]
    if _EXAMPLES_RE.search(subjects):
        return None
    n = subjects.count(_LIST_COMMA) + 1
    if n < 2:
        n = len([p for p in _NOUN_CONJUNCTION_RE.split(subjects) if p])
    if n < 2:
        return None
    subjects_end = marker.start() - (text[marker.start() - 1] in "“\"")  # A、B“双超千亿”: the quote opens the figure
    return _member_names(reading, start, subjects_end, n, c.dimension in _GROWTH_DIMENSIONS, c.comparator)


_GROWTH_NOUN_RE = re.compile(rf"(?:{alternation('growth_noun')})?")
# 增速高于全国 / 增幅比上年提高: a rate noun alone, then what it is measured against (or nothing)
_RATE_OPENING_RE = re.compile(rf"(?:{alternation('growth_noun')})(?:(?:{alternation('compared_to')})|$)")


def _rate_shared_by_the_figures_before(reading: _Reading, c: Candidate, s_start: int) -> list[tuple[str, int]] | None:
    """营业收入111.38亿元、税收5.32亿元,增幅均超过32% -> 营业收入, 税收 (增速 added with the kind): a rate marked as shared
    (data/words.csv:shared_figure) that names no subject, only the rate, is the rate of each figure listed
    with 、 in the clause just before, named in turn (one record each); None when it is not."""
    text = reading.text
    start = reading.clauses.start_of(c.start)
    if c.dimension not in _GROWTH_DIMENSIONS or start < 1 or text[start - 1] in _LIST_COMMA:
        return None
    words = text[start:c.start]
    marker = _SHARED_FIGURE_RE.search(words) if _SHARED_CHARS.intersection(words) else None
    rate = _GROWTH_NOUN_RE.fullmatch(words[: marker.start()]) if marker else None
    if not rate:
        return None
    listed, at = 0, start - 1  # the figures of the clause before, each closed by 、 or by the comma
    while at > s_start and _DIGIT_RE.search(text, reading.clauses.start_of(at), at):
        listed += 1
        at = reading.clauses.start_of(at) - 1
        if at < 0 or text[at] != _LIST_COMMA:
            break
    earlier = reading.named.get(s_start, [])[-listed:] if listed >= 2 else []
    if len(earlier) != listed or len(set(earlier)) != listed:
        return None
    return [(name, start) for name in earlier]


def _opens_with_verb(words: str) -> int:
    """Where the verb that opens `words` (after its lead words) ends; 0 when none opens them."""
    lead = _LEADING_RE.match(words)
    at = lead.end() if lead else 0
    # _VERB_START_RE opens with ^, so it is matched on the rest (at an offset ^ never matches)
    verb = _VERB_START_RE.match(words[at:]) or _BENEFIT_RE.match(words[at:]) or _ACTION_START_RE.match(words, at)
    return at + len(verb.group(0)) if verb else 0


def _places_tail(parts: list[str]) -> str:
    """广州 / 深圳地铁线网单日最高客运量 -> 地铁线网单日最高客运量: when every member but the last is
    a place of the gazetteer and the last opens with one, what follows its place; else ""."""
    places = gazetteer()
    if not all(places.resolve(p) for p in parts[:-1]):
        return ""
    last = parts[-1]
    for k in range(min(len(last) - 2, max(map(len, parts[:-1])) + 1), 1, -1):
        if places.resolve(last[:k]):
            return last[k:]
    return ""


def _compact_members(subject: str, start: int, n: int) -> list[tuple[str, int]] | None:
    """城乡居民人均可支配收入分别增长5%、6.5% -> 城镇居民…, 农村居民… : a compact subject of
    data/compact_subjects.csv with as many members as the list has figures names each in turn."""
    for written, members in COMPACT_SUBJECTS:
        at = subject.find(written)
        if at >= 0 and len(members) == n:
            return [(subject[:at] + member + subject[at + len(written):], start) for member in members]
    return None


@dataclass
class _Figure:
    """One figure on its way to a record: what the steps of `_record` have learnt so far."""

    c: Candidate
    span_start: int
    span_end: int
    words: str  # the words between the clause's lead words and the figure
    comparator: str
    verb: re.Match | None = None  # the kind verb right before the figure (增长, 提高到)
    share: re.Match | None = None  # 占全国…的 / 居全国: the figure is a share of a whole
    completion: re.Match | None = None  # 为年度计划的: the figure is the share of a plan done
    indicator: str = ""
    counted: str = ""  # the noun right after the figure that it counts (40.8万青年留渝来渝 -> 青年留渝来渝)
    inherited: bool = False
    rate_named: bool = False  # the words name a growth rate (增速达到6%): the figure is a growth
    average: bool = False  # 年均 before the figure's verb: an average over years
    kind: str = ""


def _record(reading: _Reading, c: Candidate, head: Candidate, c_start: int, later: list[Candidate],
            member_name: tuple[str, int] | None = None, inherited_name: bool = False) -> Record:
    """A figure becomes a record in the order the data moves: the words before it, the comparison
    they hold, the indicator they name (or the noun after it, or the sentence's earlier subject),
    the kind of the figure, then its strength and period."""
    figure = _words_before(reading, c, head, c_start)
    _split_comparison(figure)
    _name_from_words(figure, member_name, inherited_name)
    _name_from_counted_noun(reading, figure, later)
    _share_the_new_word(reading, figure)
    _share_the_parallel_lead(reading, figure)
    s_start, _ = reading.sentences.bounds(c.num_start)
    _name_the_breakdown_or_stage(reading, figure, s_start)
    if not _name_the_plan_figure(reading, figure, s_start):
        _name_from_sentence(reading, figure, s_start)
    _name_the_share(figure)
    _name_the_framed_whole(reading, figure, s_start)
    figure.indicator = _name_in_full(figure.indicator)
    _decide_kind(reading, figure, s_start)
    return _as_record(reading, figure, s_start, c_start)


def _words_before(reading: _Reading, c: Candidate, head: Candidate, c_start: int) -> _Figure:
    """The clause's words before the (list's first) figure, lead words (其中, 力争, 2025年) off."""
    pre = reading.text[c_start: head.start]
    earlier = _after_an_earlier_figure(pre)
    lead = _LEADING_RE.match(pre[earlier:] if earlier else pre)  # anchored at ^: matched on the rest
    skip = earlier + (lead.end() if lead else 0)
    skip += _after_the_topic(pre[skip:])
    words = pre[skip:].rstrip()  # 总产值增长 4.5%: a space before the figure is no word
    kept = _without_stray_brackets(words)
    skip += len(words) - len(words.lstrip(_CLOSE_BRACKETS + " "))
    words = kept
    return _Figure(c=c, span_start=c_start + skip, span_end=c.end, words=words, comparator=c.comparator,
                   verb=_KIND_VERB_AT_END_RE.search(_SHARED_MARK_AT_END_RE.sub("", words)))


# 固定资产投资增长3.5%左右社消零总额增长11%以上城镇登记失业率: a page that lost its marks between
# figures; a figure after its kind verb closes the words of its own indicator, not a threshold inside a noun
_EARLIER_FIGURE_RE = re.compile(
    rf"(?:{_VERBS})\d+(?:\.\d+)?(?:{MAGNITUDE_PATTERN})?(?:{UNIT_PATTERN})(?:{SUFFIX_PATTERN})?(?=[\u4e00-\u9fff])")


def _after_an_earlier_figure(words: str) -> int:
    """Where the words after the last figure standing in them with its kind verb start (规上工业增加值增长19%左右
    固定资产投资 -> 固定资产投资); 0 when no such figure stands in them (5亿元以上项目: a threshold)."""
    if not _DIGIT_RE.search(words):
        return 0
    last = None
    for last in _EARLIER_FIGURE_RE.finditer(words):
        pass
    return last.end() if last else 0


# 五莲县2012年全年实现生产总值 / 河北2022年生产总值 / 贵州省计划地区生产总值: the year, a time or the
# plan's word after a place opening the clause
_TOPIC_FRAME_RE = re.compile(rf"(?:20\d\d年(?!度)|{alternation('time_word', 'estimate_verb', 'topic_frame')})+")
_MAX_TOPIC_PLACE = 8  # 内蒙古自治区: the longest opening a topic's place is looked for in


def _after_the_topic(words: str) -> int:
    """How many characters of `words` are the sentence's topic: a place of the gazetteer opening them
    and followed by its year, a time or the plan's word (五莲县2012年全年实现生产总值 -> 生产总值, the
    done verb left to the name's steps), with the lead words after it; 0 when there is none. A place
    followed by the name itself stays (房县黄酒品牌价值, 益阳电厂总装机: the place is the subject's)."""
    places = gazetteer()
    if not places.may_open(words):
        return 0
    opening = places.mentions(words[:_MAX_TOPIC_PLACE])
    if not opening or opening[0].start != 0:
        return 0
    frame = _TOPIC_FRAME_RE.match(words, opening[0].end)
    if not frame:
        return 0
    lead = _LEADING_RE.match(words[frame.end():])  # anchored at ^: matched on the rest, not from an offset
    return frame.end() + (lead.end() if lead else 0)


# a figure in brackets (2020年80个), not a code's digits (PM2.5, CO2)
_ASIDE_FIGURE_RE = re.compile(r"(?<![A-Za-z.\d])\d")


def _without_stray_brackets(words: str) -> str:
    """重点项目个数(2020年 -> 重点项目个数, )增加 -> 增加, 村庄(包括 -> 村庄: a bracket never opens or
    closes a name, nor does a space (8 座危桥 ,); the words from a bracket left open are an aside cut by the next figure, a bracket
    closing nothing ends an aside before them. Balanced brackets stay (民族自治地方县(市)) unless they hold a
    figure: 重点项目个数(2020年80个)增加 -> 重点项目个数增加, the earlier figure being context, not name
    (细颗粒物(PM2.5) keeps its code)."""
    if not _BRACKET_RE.search(words):
        return words.strip()
    opened: list[int] = []
    dropped: set[int] = set()
    for i, ch in enumerate(words):
        if ch in _OPEN_BRACKETS:
            opened.append(i)
        elif ch in _CLOSE_BRACKETS:
            if not opened:
                dropped.add(i)
                continue
            start = opened.pop()
            if not opened and _ASIDE_FIGURE_RE.search(words, start, i):
                dropped.update(range(start, i + 1))
    end = opened[0] if opened else len(words)
    return "".join(ch for i, ch in enumerate(words[:end]) if i not in dropped).strip()


def _split_comparison(f: _Figure) -> None:
    """Take off the words that compare rather than name: 不低于…标准的1.6倍 (a detached comparator),
    为年度计划的102.3% (a share of the plan), 约占全国1/10 (a share of a whole)."""
    c = f.c
    share = _SHARE_TAIL_RE.search(f.words) if c.dimension == "percent" and not c.prefix else None
    detached = _DETACHED_COMPARATOR_RE.search(f.words) if c.unit in ("倍", "%") and not c.prefix else None
    if detached:
        if f.comparator == "=":
            f.comparator = COMPARATOR_WORDS["prefix"][detached.group("cmp")]
        f.words = f.words[: detached.start()]
        share = None
    completion = _COMPLETION_RE.search(f.words) if c.dimension == "percent" and not c.prefix else None
    if completion:
        f.words, share, f.verb = f.words[: completion.start()], None, None
        f.completion = completion
    if share:
        if share.group("cmp") and f.comparator == "=":
            f.comparator = COMPARATOR_WORDS["prefix"][share.group("cmp")]
        f.words = f.words[: share.start()]
        f.verb = None
        f.share = share


def _name_from_words(f: _Figure, member_name: tuple[str, int] | None, inherited_name: bool = False) -> None:
    """The indicator the remaining words name, verbs and 从X before the figure off; a member of a
    listed subject (先进制造业、高技术制造业增加值…分别) takes its own name."""
    words = f.words
    rate = _RATE_NOUN_AT_END_RE.search(words) if f.c.dimension in _GROWTH_DIMENSIONS else None
    if rate:
        # 地区生产总值增速达到6% / 年均增速达到8%: the words name a growth rate; its noun is the
        # kind's (增速 added back when the kind is decided), the level verb after it is no part
        words, f.rate_named = words[: rate.start()], True
        f.average = bool(_AVERAGE_AT_END_RE.search(words))
    period_average = _PERIOD_AVERAGE_AT_END_RE.search(words) if f.c.dimension in _GROWTH_DIMENSIONS else None
    if period_average:
        # 月平均增速8.7% / 两年平均增长2.3%: the average over a period stays in the name (平均 alone is
        # a trailing word); alone, it qualifies the earlier indicator's rate
        words = words[: period_average.start()]
    indicator = _RESPECTIVELY_LEAD_RE.sub("", _FROM_RE.sub("", _TRAILING_RE.sub("", words)).strip())
    if period_average:
        indicator += period_average.group("average")
    if _DIGIT_START_RE.match(indicator):
        indicator = ""  # 209元、280元提高到217元: the words before are a skipped starting value
    if f.c.dimension in _GROWTH_DIMENSIONS:
        # 规模以上工业增加值可比增长39.1% / 按可比价格计算增长13.3%: the comparable basis is every
        # growth's; alone, the rate is the earlier indicator's
        indicator = _COMPARABLE_BASIS_AT_END_RE.sub("", indicator)
    if member_name and inherited_name:
        # 同比增长6.2%、8.4% after a list of members: each rate is its member's, measured from what
        # the words say (a change keeps 同比; a growth drops it)
        if not indicator or _COMPARED_RE.match(indicator):
            indicator = member_name[0] + indicator
    elif member_name and indicator:
        indicator, f.span_start = member_name[0], min(f.span_start, member_name[1])
    indicator = _DONE_LEAD_RE.sub("", _ACRONYM_GLOSS_RE.sub("", _ESTIMATE_INSIDE_RE.sub("", indicator)))
    done = _DONE_INSIDE_RE.search(indicator) if any(w in indicator for w in _DONE_WORDS) else None
    if (done and _DONE_WORD + indicator[done.end():] not in MEASURE_HEADS
            and not _ADVERBS_ONLY_RE.fullmatch(indicator[: done.start()])):  # 如期完成…: a predicate
        # 国资系统已完成固定资产投资 -> 国资系统固定资产投资: the done verb between a subject and
        # what it measures is no part of the name (…项目完成投资 keeps its measure head)
        indicator = indicator[: done.start()] + indicator[done.end():]
    result = (_RESULT_INSIDE_RE.search(indicator)
              if any(w in indicator for w in _RESULT_WORDS) and not _MEANS_LEAD_RE.match(indicator) else None)
    if result:
        # 两大工业园区实现工业产值 -> 两大工业园区工业产值: so is a result verb (通过公共网络实现零售额:
        # after a means it is the name's own)
        indicator = indicator[: result.start()] + indicator[result.end():]
    light = None
    for light in _LIGHT_VERB_RE.finditer(indicator):
        pass
    if light and len(indicator) - light.end() >= 2 and _CJK_RE.match(indicator[light.end()]):
        # 开展送戏下乡1000场 / 特色街区、商业综合体开展各类促销活动400余场次: a light verb only says the
        # activity took place; the activity is the name
        indicator = indicator[light.end():]
    f.indicator = _without_examples(indicator)
    f.average = f.average or bool(_AVERAGE_BEFORE_FIGURE_RE.search(f.words))


# 地区生产总值(GDP)完成201.06亿元: an acronym glossing the name is no part of it (PM2.5 is a name)
_ACRONYM_GLOSS_RE = re.compile(r"[(（][A-Z]{2,5}[)）]")


def _without_examples(indicator: str) -> str:
    """风力发电机组等绿色产品产量 -> 绿色产品产量: the examples before 等 are not the indicator; the
    class after it is, when it is a name of its own (中央预算内等资金 keeps its examples)."""
    m = _EXAMPLES_RE.search(indicator)
    if m and len(indicator) - m.end() >= _MIN_CLASS_NAME and m.start() >= 2:
        return indicator[m.end():]
    return indicator


def _name_from_counted_noun(reading: _Reading, f: _Figure, later: list[Candidate]) -> None:
    """打造9条示范带 / 成功应对22轮强降水 / “桦加沙”等15个台风: the figure counts the noun that follows
    it; the action verb and the examples before 等 are not the indicator, but 新增/新设 (what is new)
    is: 新设3所本科层次职业学校 -> 新设本科层次职业学校."""
    c, indicator = f.c, f.indicator
    following_noun, figure_follows = _following_noun(reading.text, c, reading.clauses, later)
    examples = indicator.endswith(_EXAMPLES_END) and c.dimension == "count"
    projects = following_noun.endswith(_PROJECT_WORD)  # 10个续建高速公路项目: a verb-led class of projects is a noun
    if (_VERB_START_RE.match(following_noun) and not examples and not projects) or following_noun in _MILESTONE_NOUNS:
        # 产能1400万吨/年建成试运转: what follows is the predicate, not the noun; 突破600亿元大关: a
        # milestone is what the figure is called, the indicator is the sentence's subject. After
        # examples (茂林医疗器械产业园等24个新开工项目, 隆腾新材料等18个续建项目) it is their class.
        following_noun = ""
    if following_noun and c.dimension == "count" and (verb := _OBJECT_VERB_RE.search(indicator)):
        # 根据当地资源禀赋打造14个特色服务区 / 推出长江经济带高质量发展84项政策措施: a verb taking
        # the counted things as its object; what stands between it and the figure modifies them
        indicator = indicator[verb.end():]
        if indicator.endswith(_EXAMPLES_END):
            indicator = ""  # 推进三峡水运新通道等1.22万个…项目: the examples are not the things' name
        if _VERB_START_RE.match(following_noun) or not _CJK_ONLY_RE.fullmatch(indicator or following_noun):
            indicator = ""
        f.indicator = indicator + _predicate_first(following_noun, False)
        f.counted = following_noun
        f.span_end = c.end + len(following_noun)
        return
    opens_a_conjunct = c.dimension == "count" and bool(_CONJUNCTION_AT_END_RE.search(indicator))
    if opens_a_conjunct:
        # 建设100个乡镇综合养老服务中心和300个村级互助幸福院: the words before the figure close the conjunct
        # before it (its own figure's noun); the figure counts the noun after it
        indicator = ""
    if following_noun and c.dimension == "count" and indicator.endswith(_OF) and _CJK_ONLY_RE.fullmatch(indicator):
        # 已开工建设的100个重大项目: the words closed by 的 describe the things counted after the figure
        f.indicator, f.counted = indicator[: -len(_OF)] + _predicate_first(following_noun, figure_follows), following_noun
        f.span_end = c.end + len(following_noun)
        return
    if following_noun and (len(indicator) <= 2 or indicator.endswith(_EXAMPLES_END)
                           or (c.dimension == "count" and len(indicator) <= 4 and not _COMPARED_RE.match(indicator))):
        f.counted = following_noun
        named = _predicate_first(following_noun, figure_follows)
        for_whom = _FOR_WHOM_RE.search(reading.text, max(0, c.start - 2), c.start)
        service = _SERVICE_VERB_RE.search(named, 2) if for_whom else None
        if service and len(named) - service.end() >= 2:
            # 为62户贫困残疾人家庭实施家居无障碍改造工程 / 为70万妇女免费开展“两癌”筛查: the service
            # done for the people counted is named after them, less the verb that does it
            named = named[: service.start()] + named[service.end():]
        kept = _KEEP_VERB_RE.match(_SCOPE_LEAD_RE.sub("", indicator))
        if indicator.endswith(_EXAMPLES_END):
            # 新开工滇中引水二期骨干工程等100件重点水网工程: what is new stays, its examples do not;
            # so does the stage the examples reach (建成东乡至昌傅等12条高速公路 -> 建成高速公路)
            kept = kept or _STAGE_BEFORE_EXAMPLES_RE.match(_listed_from(reading, c.start))
            indicator = kept.group("verb") if kept and "verb" in kept.groupdict() else (
                kept.group(0) if kept else indicator)
        f.indicator = indicator + named if kept else named
        # a predicate going on to the next figure (…项目完成投资1865.7亿元) is that figure's words
        f.span_end = c.end + (len(named) if figure_follows and following_noun.startswith(named) else len(following_noun))


def _listed_from(reading: _Reading, at: int) -> str:
    """The words from the start of the comma clause holding `at` to it, past the 、 of listed examples
    (建成投用重庆东站、渝湘复线高速等340个 -> 建成投用重庆东站、渝湘复线高速等), lead words off."""
    text, start = reading.text, reading.clauses.start_of(at)
    while start > 0 and text[start - 1] == _LIST_COMMA:
        start = reading.clauses.start_of(start - 1)
    words = text[start:at]
    lead = _LEADING_RE.match(words)
    return words[lead.end() if lead else 0:]


def _predicate_first(counted: str, figure_follows: bool = False) -> str:
    """高速公路建成通车 -> 建成通车高速公路; 政务事项实现“跨省通办” -> 实现“跨省通办”的政务事项:
    the words after a counted noun that form a predicate go before it, joined by 的 unless they are
    one stage verb alone. A bare completion (民生实事如期兑现, 全部完成) is no part of the name; nor is
    a predicate that goes on to a figure of its own (1000个省级重点产业项目完成投资1865.7亿元: 完成投资
    names the sum). A noun that merely holds such a word (“两重”项目, 建设示范区) is left as written."""
    for at in range(2, len(counted) - 1):
        rest = counted[at:]
        whole_stage = _STAGES_ONLY_RE.fullmatch(rest)
        if not whole_stage and not _RESULT_PREDICATE_RE.match(rest) and not _STAGE_WITH_OBJECT_RE.match(rest):
            continue
        noun = counted[:at]
        lead = _PREDICATE_LEAD_RE.search(noun)
        if lead and lead.start() >= 2:
            # 项目相继投产达效 / 项目已经完工: adverbs say how or when, not what the things are; a
            # place (在粤) stays with its predicate
            rest = _ADVERB_RE.sub("", noun[lead.start():]) + rest
            noun, whole_stage = noun[: lead.start()], _STAGES_ONLY_RE.fullmatch(rest)
        if (noun.count(_OPEN_QUOTE) != noun.count(_CLOSE_QUOTE) or not _CJK_RE.match(noun[-1])
                or _NOUN_AFTER_PREDICATE_RE.search(rest)):
            return counted  # “徐特立项目”学校 / 主平台落地项目: the word is inside a name or a noun
        if figure_follows or _BARE_DONE_RE.fullmatch(rest):
            return noun
        bare = (whole_stage and _ONE_STAGE_RE.fullmatch(rest)) or _BARE_RESULT_RE.fullmatch(rest)
        return rest + ("" if bare else _OF) + noun  # 入驻项目, but 入选“双一流”名单的大学
    return counted


def _share_the_new_word(reading: _Reading, f: _Figure) -> None:
    """净增经营主体34.6万家、企业14万家 / 新增城市道路180公里、绿道130公里: 净增 (what is new) opens a
    list of quantities in one unit (not a rate) joined by 、 and is part of every item's name (净增企业,
    新增绿道), as it is of the first; a measure of its own (总装机) is no item."""
    text = reading.text
    start = reading.clauses.start_of(f.c.start)
    if not f.indicator or start < 2 or text[start - 1] != _LIST_COMMA or _NEW_RE.match(f.indicator):
        return
    previous = text[reading.clauses.start_of(start - 2): start - 1]
    if not f.c.unit or f.c.dimension in _GROWTH_DIMENSIONS or not previous.endswith(f.c.unit):
        return  # 新增就业岗位1.2万个、培训5000人次: another measure, not another item of the list
    if _BREAKDOWN_RE.search(text, start, f.span_start):
        return  # 新增铁路运营里程639公里、其中高铁370公里: a part of the item before, not another item
    if f.indicator in _GENERIC_HEADS or f.indicator in SIBLING_HEADS or _VERB_START_RE.match(f.indicator):
        return  # …、总量达1224家 / …、建成投产工业项目15个: a total, or an item with a verb of its own
    lead = _LEADING_RE.match(previous)
    opening = _NEW_RE.match(previous[lead.end() if lead else 0:])
    if opening:
        f.indicator = opening.group(0) + f.indicator


def _name_the_breakdown_or_stage(reading: _Reading, f: _Figure, s_start: int) -> None:
    """Items that name only what sets them apart from the indicator just named:
    新增铁路运营里程639公里、其中高铁370公里 -> 高铁运营里程 (a part after 其中 takes the head);
    建成过江通道4座、在建8座 -> 在建过江通道 / 新开工项目20个、建成投产15个 -> 建成投产项目 (a stage
    alone takes the things counted)."""
    previous = reading.last_indicator.get(s_start)
    if not previous or not f.indicator or not _CJK_ONLY_RE.fullmatch(f.indicator):
        return
    name = previous[0]
    opening = reading.text[reading.clauses.start_of(f.c.start): f.span_start]
    if _BREAKDOWN_RE.search(opening) and len(f.indicator) <= _MAX_PART_NAME:
        head = next((h for h in _NAME_HEADS if name.endswith(h) and len(name) > len(h)), "")
        if head and not f.indicator.endswith(head):
            f.indicator += head
        return
    if f.c.dimension == "count" and _STAGES_OPENING_RE.fullmatch(f.indicator):
        stages = _STAGES_OPENING_RE.match(name)
        at_end = None if stages else _STAGES_AT_END_RE.search(name)
        if at_end and at_end.start() >= 2 and _CJK_ONLY_RE.fullmatch(name[:at_end.start()]):
            # 工业项目新开工110个、竣工投产60个 -> 工业项目竣工投产: the things named before their stage
            # keep that order, the item's stage in the place of the one before
            f.indicator = name[:at_end.start()] + f.indicator
            return
        things = name[stages.end():] if stages else (_PROJECT_WORD if name.endswith(_PROJECT_WORD) else "")
        if len(things) >= 2 and not _STAGES_OPENING_RE.fullmatch(things):
            f.indicator += things


def _share_the_parallel_lead(reading: _Reading, f: _Figure) -> None:
    """实际使用内资30.2亿元、外资381万美元 -> 实际使用外资: an item after 、 named by a word parallel to
    the last word of the item before (内资 / 外资: as long, the same last character) shares that
    item's words before it."""
    text, k = reading.text, len(f.indicator)
    start = reading.clauses.start_of(f.c.start)
    if not 2 <= k <= _MAX_PARALLEL_WORD or start < 2 or text[start - 1] != _LIST_COMMA:
        return
    if f.indicator in SIBLING_HEADS or f.indicator in _GENERIC_HEADS:
        return  # 新增发电装机4178万千瓦、总装机达9157万千瓦: a total or a measure, no parallel word
    before = _DIGIT_RE.split(text[reading.clauses.start_of(start - 2): start - 1], 1)[0]
    lead = _LEADING_RE.match(before)
    before = before[lead.end() if lead else 0:]
    if (len(before) >= k + 2 and before[-1] == f.indicator[-1] and before[-k:] != f.indicator
            and _CJK_ONLY_RE.fullmatch(before)):
        f.indicator = before[:-k] + f.indicator


def _name_from_sentence(reading: _Reading, f: _Figure, s_start: int) -> None:
    """A figure without words of its own, or measured against something (比上年增加), belongs to the
    sentence's earlier indicator; failing that, to the subject of an earlier clause."""
    previous = reading.last_indicator.get(s_start)
    if previous and f.indicator in _RATE_QUALIFIERS and f.c.dimension in _GROWTH_DIMENSIONS:
        # 地方一般公共预算收入3.5亿元,自然增幅2%: a rate qualified (自然, 同口径) is the earlier
        # indicator's; the sentence's indicator stays that one
        f.indicator = previous[0] + f.indicator
        f.span_start = min(f.span_start, previous[1])
        return
    if (previous and f.c.base_unit == _POINTS and _RATE_OPENING_RE.match(f.indicator)
            and reading.growth_of.get(s_start) == _name_in_full(previous[0])):
        # 增长5.7%,增速高于全国0.7个百分点: a rate named bare after a growth is that growth's rate
        f.indicator = previous[0] + f.indicator
        return
    f.inherited = bool(previous and not f.indicator)
    if previous and _SHARE_OPENING_RE.match(f.indicator):
        # 服务业增加值35.47亿元,…,占GDP比重57.7% / 新能源装机达4091万千瓦、占比达44.7%: a share named
        # only by its whole is the earlier indicator's share
        f.indicator = previous[0] + f.indicator
        return
    if previous and (not f.indicator or _COMPARED_RE.match(f.indicator)):
        # 赤字规模5.66万亿元、比上年增加1.6万亿元 / 货物进出口总额9.5万亿元、增长4.4%: the figure is
        # the earlier indicator's, and its span starts at that indicator.
        f.indicator = _growth_named(reading, f, s_start, previous[0]) + f.indicator
        f.span_start = min(f.span_start, previous[1])
    elif f.indicator:
        reading.last_indicator[s_start] = (f.indicator, f.span_start)
    if not f.indicator and not previous:
        # 地区生产总值连续迈上4个万亿元台阶、达14.2万亿元: the subject is in an earlier clause of the
        # sentence whose figure gave no record.
        subject, subject_start = _earlier_subject(reading, s_start, f.span_start)
        if subject:
            f.indicator, f.span_start = subject, subject_start
            reading.last_indicator[s_start] = (f.indicator, f.span_start)
    elif (measure := _PERIOD_MEASURE_RE.fullmatch(f.indicator)) and (
            group := _projects_before(reading, _statement_start(reading, s_start), f.span_start)):
        # 实施省级重点项目640个、完成投资3500亿元: a sum named only by what is measured (and when:
        # 一季度完成投资) is the projects'
        f.indicator = group + measure.group("period") + MEASURE_HEADS[measure.group("head")]
    elif not previous and (measure := _PERIOD_MEASURE_RE.fullmatch(f.indicator)) and (
            subject := _subject_done_before(reading, s_start, f, measure.group("head"))):
        # 开展农村人居环境整治,完成投资25亿元 -> 农村人居环境整治完成投资: a sum named only by the
        # verb doing it and what is measured is of the work the clause before names
        f.indicator = subject + measure.group("period") + MEASURE_HEADS[measure.group("head")]
    elif _bare_completion_rate(f.indicator) and (group := _projects_before(reading, s_start, f.span_start)):
        # 137个市重点项目完成投资236.8亿元,年度投资完成率110.8%: a completion rate named only by what
        # is measured is the projects' (市重点项目年度投资完成率)
        f.indicator = group + f.indicator
    elif f.indicator in MEASURE_HEADS and previous and previous[0].endswith(_PROJECT_WORD):
        # 1000个省级重点产业项目完成投资1865.7亿元: the projects just counted, in the same clause
        f.indicator = previous[0] + MEASURE_HEADS[f.indicator]
        reading.last_indicator[s_start] = (f.indicator, f.span_start)
    elif f.indicator in SIBLING_HEADS and (subject := _sibling_subject(reading, s_start, f, previous)):
        # 规上工业增加值增长6%,总产值增长4.5% / 规模以上农产品加工企业稳定在31户,全年产值突破60亿元 /
        # 吉化乙烯项目投产,总产能达190万吨: a bare measure is of the subject named just before
        f.indicator = subject + f.indicator
        reading.last_indicator[s_start] = (f.indicator, f.span_start)
    elif (previous and (new := _NEW_RE.match(f.indicator)) and new.end() == len(f.indicator)
          and previous[0] not in _GENERIC_HEADS and previous[0] not in SIBLING_HEADS):
        # 粮食播种面积4440万亩、新增202.9万亩 / 财政总收入达到664.6亿元,…,净增146亿元: what is new,
        # written bare, is new of the earlier indicator (新增就业岗位1.2万个、新增5000个: already new);
        # not of a bare total (总量达1461.4万户,新登记147万户: the subject is not named)
        f.indicator = previous[0] + ("" if _NEW_RE.match(previous[0]) else f.indicator)
    elif f.indicator in _GENERIC_HEADS and previous:
        # 新登记经营主体320万户、增长13%,总量达2037.7万户: the total of the earlier indicator.
        f.indicator = _NEW_RE.sub("", previous[0]) + f.indicator
        reading.last_indicator[s_start] = (f.indicator, f.span_start)
    elif _BENEFIT_RE.match(f.indicator):
        # 实施学前一年免费教育政策、惠及168万名儿童: who benefits from the measure named before.
        subject, _ = _earlier_subject(reading, s_start, f.span_start)
        # 发放各类补贴7637.83万元,惠及9.5万户 -> 补贴惠及: the verb carrying the measure out and the
        # quantifier before it are no part of what benefits
        measure = _GROUP_QUANTIFIER_RE.sub("", subject[_opens_with_verb(subject):])
        subject = measure if len(measure) >= 2 else subject
        if subject:
            f.indicator = subject + f.indicator


def _bare_completion_rate(indicator: str) -> bool:
    """年度投资完成率 / 投资完成率: a completion rate whose words name only the measure."""
    if not indicator.endswith(_COMPLETION_RATE):
        return False
    measure = indicator[: -len(_COMPLETION_RATE)]
    return measure in SIBLING_HEADS or bool(_PERIOD_MEASURE_RE.fullmatch(measure))


def _whole_of_a_share(text: str, c: Candidate) -> bool:
    """完成年计划710亿元的89.4%: the plan's own figure is the whole the share after it is taken of; the
    share reads the plan, figure and all, as its words (_COMPLETION_RE), so they stay unread."""
    plan = plan_naming_the_figure(text, c.start)
    return bool(plan) and not plan.group("link")


def _name_the_plan_figure(reading: _Reading, f: _Figure, s_start: int) -> bool:
    """The plan's own figure in a report against it is the plan of the sentence's subject: 地区生产总值
    635亿元,完成年计划710亿元的89.4% -> 地区生产总值年计划; 地区生产总值增长5.9%,…(预期目标为8.5%以上) ->
    地区生产总值, the figure planned for it. The subject stays the sentence's (the growth after keeps
    it). False, leaving the figure to the other steps, when it is no plan's or the sentence names no
    subject before it."""
    plan = plan_naming_the_figure(reading.text, f.c.start)
    previous = reading.last_indicator.get(s_start)
    if not plan or not previous:
        return False
    f.indicator = previous[0] if plan.group("link") else previous[0] + plan.group("plan")
    f.span_start, f.verb = plan.start(), None
    # 增长5.9%(预期目标为8.5%以上): the plan of the growth just reported is a growth too
    f.rate_named = bool(plan.group("link")) and f.c.dimension in _GROWTH_DIMENSIONS and (
        reading.growth_of.get(s_start) == previous[0])
    return True


def _subject_done_before(reading: _Reading, s_start: int, f: _Figure, head: str) -> str:
    """The work a done measure (完成投资) is of: the noun phrase opening the clause before, less the
    verb opening it (开展农村人居环境整治 -> 农村人居环境整治; 城乡民生基础设施建设9大工程全面有序推进 ->
    城乡民生基础设施建设); "" when the measure names no doing or the phrase is no short name."""
    if not head.startswith(_DONE_WORDS):
        return ""
    subject, _ = _earlier_subject(reading, s_start, f.span_start)
    subject = _MANNER_LEAD_RE.sub("", subject)  # 大力实施城市更新行动: the manner goes with the verb
    subject = subject[_opens_with_verb(subject):]
    return subject if 2 <= len(subject) <= _MAX_LISTED_SUBJECT and _CJK_ONLY_RE.fullmatch(subject) else ""


def _subject_of(name: str) -> str:
    """规上工业增加值 -> 规上工业: a name less the measure head that ends it; "" when no head of
    data/indicator_heads.csv or of the sibling heads ends it, or too little is left."""
    head = next((h for h in _NAME_HEADS if name.endswith(h)), "")
    return name[: -len(head)] if head and len(name) - len(head) >= 2 else ""


def _sibling_subject(reading: _Reading, s_start: int, f: _Figure, previous: tuple[str, int] | None) -> str:
    """The subject a bare measure (总产值, 总装机) takes: the earlier indicator's less its own head,
    or the whole of it when it counted things (…企业稳定在31户); with no earlier figure in the
    sentence, the noun phrase opening the clause before, less the stage verbs that close it."""
    if previous:
        subject = _subject_of(previous[0])
        if subject:
            return subject
        return previous[0] if reading.last_kind.get(s_start) == "count" and previous[0] not in SIBLING_HEADS else ""
    subject, _ = _earlier_subject(reading, s_start, f.span_start)
    stages = _STAGES_AT_END_RE.search(subject)
    subject = subject[: stages.start()] if stages else ""
    return subject if len(subject) >= 2 and _CJK_ONLY_RE.fullmatch(subject) else ""


def _name_in_full(indicator: str) -> str:
    """The name as it is kept, once every step has read the words as written: the report's own area
    opening it is the scope of every figure, no part of one name (全区国资系统固定资产投资 ->
    国资系统固定资产投资); a short form written whole takes the full name (收入倍差 -> 城乡居民收入倍差)."""
    # 完成灾后重建主要目标任务的72%: the share's 的 closes no name (nothing after it is named)
    indicator = _SCOPE_LEAD_RE.sub("", _without_stray_brackets(indicator)).removesuffix(_OF)
    if _NAME_EDIT_RE.search(indicator):  # rare: one literal scan before the two edits
        indicator = _INNER_ADVERB_RE.sub("", _STATEMENT_LEAD_RE.sub("", indicator, count=1))
    return FULL_NAMES.get(indicator, indicator)


def _growth_named(reading: _Reading, f: _Figure, s_start: int, previous: str) -> str:
    """增长16.3%,高于预期目标4.3个百分点: points measured after a growth are points of the growth
    rate, so the earlier indicator is named as a growth (固定资产投资增速高于预期目标); after an average
    growth, of the average rate (年均增长13.7%,高于全国5.9个百分点 -> …年均增速高于全国)."""
    if (f.c.base_unit == _POINTS and reading.growth_of.get(s_start) == _name_in_full(previous)
            and not _NAMES_GROWTH_RE.search(previous)):
        average = _AVERAGE if s_start in reading.averaged and _AVERAGE not in previous else ""
        return previous + average + _GROWTH_SUFFIX
    return previous


def _name_the_share(f: _Figure) -> None:
    """占全国…比重: a share names its whole. 完成年度计划的85%: the share of a plan done is the
    plan's completion rate (年度计划完成率), after its subject unless the subject only says what was
    measured (1-7月完成投资10.52亿元,完成年度投资计划的58.42% -> 年度投资计划完成率: the plan
    names the measure)."""
    if f.share:
        whole = f.share.group("whole") or f.share.group("scope")
        # 占年计划的41.8% / 占预算的52.6%: the share of a plan is its proportion (比例), a share of a
        # whole (全国, 全疆电力装机) its weight (比重)
        noun = _PLAN_SHARE_NOUN if _PLAN_WHOLE_RE.search(whole) else _SHARE_NOUN
        f.indicator = f"{f.indicator}占{whole}{noun}" if f.indicator else ""
    if f.completion:
        subject = "" if _MEASURE_AT_END_RE.search(f.indicator) else f.indicator
        f.indicator = f"{subject}{f.completion.group('plan')}{_COMPLETION_RATE}"


# 在规上工业增加值中,制造业增加值占90.6%: a sentence opening on the whole its shares are of
_WHOLE_FRAME_RE = re.compile(
    rf"\s*(?:{alternation('coverb')})(?P<whole>[^\d,;。、]{{2,15}}?)(?:{alternation('frame_close')})[,:]")
_SHARE_VERB = "占"


def _name_the_framed_whole(reading: _Reading, f: _Figure, s_start: int) -> None:
    """A share whose words name no whole (制造业增加值占90.6%) is of the whole the sentence's frame names
    (在规上工业增加值中, -> 制造业增加值占规上工业增加值比重); left as it is without such a frame."""
    if f.c.dimension != "percent" or not f.indicator.endswith(_SHARE_VERB) or len(f.indicator) < 3:
        return
    frame = _WHOLE_FRAME_RE.match(reading.text, s_start, f.span_start)
    if frame:
        f.indicator += frame.group("whole") + _SHARE_NOUN


def _decide_kind(reading: _Reading, f: _Figure, s_start: int) -> None:
    """growth / change / level / count / amount / ratio from the verb and the unit; a growth names
    itself (…增速), a change its verb (…提高)."""
    c = f.c = _with_implied_unit(f.c, f.indicator, f.counted)
    verb = f.verb
    kind = "growth" if f.rate_named else _kind(c, verb, f.indicator)
    if (f.inherited and not verb and not f.share and not f.completion and kind == "level"
            and c.dimension in _GROWTH_DIMENSIONS and reading.last_kind.get(s_start) == "growth"):
        # 增长6%以上,力争7%: the second figure of the same growth.
        kind = "growth"
    if (kind == "change" and c.dimension == "percent" and verb and verb.group(1) in _YOY_GROWTH_VERBS
            and _YOY_BEFORE_VERB_RE.search(f.words, 0, verb.start()) and not _RATE_NAME_RE.search(f.indicator)):
        # 新开工项目数同比增加110% / 能源消费量同比上升7.4%: a rise on the year in per cent is the
        # growth of the quantity (a rate or share rising by X% is left a change)
        kind = "growth"
    if kind == "change" and f.counted and c.dimension == "count" and not _COMPARED_RE.match(f.indicator):
        # 改造提升24个高速公路服务区: the verb acts on the things counted after the figure; it is no
        # change of an indicator
        kind = "count"
    reading.last_kind[s_start] = kind
    if c.unit == "倍" and verb and not verb.group(3) and KIND_VERBS[verb.group(1)] == "growth":
        # 增长1倍: a growth of 100 %.
        f.c = c._replace(value_base=float(f"{c.value * 100:.12g}"), base_unit="%", dimension="percent")
        kind = "growth"
    if kind == "growth":
        # 地区生产总值比上年增长5% / 较“十三五”末实现翻番: what a growth is measured from is no part
        # of the indicator (a change keeps it: 赤字率比上年提高)
        f.indicator = _REFERENCE_TAIL_RE.sub("", f.indicator)
        reading.growth_of[s_start] = f.indicator
        (reading.averaged.add if f.average else reading.averaged.discard)(s_start)
    if kind == "growth" and not _NAMES_GROWTH_RE.search(f.indicator):
        # 地区生产总值年均增长5.7% -> 地区生产总值年均增速
        f.indicator += (_AVERAGE if f.average and f.indicator and _AVERAGE not in f.indicator else "") + _GROWTH_SUFFIX
    elif kind == "change" and verb and not f.indicator.endswith(verb.group(1)):
        f.indicator += verb.group(1)
    f.kind = kind


def _as_record(reading: _Reading, f: _Figure, s_start: int, c_start: int) -> Record:
    """The strength word of the figure's comma clause, and past or future (periods.classify)."""
    text, c = reading.text, f.c
    found = _STRENGTH_RE.findall(text, _comma_clause_start(reading, s_start, c_start), c.num_start)
    rtype, year = classify(reading.doc, c.num_start, reading.sentences.around(c.num_start))
    return build(
        Record, type=rtype, text=text[f.span_start:f.span_end], start=f.span_start, end=f.span_end, year=year,
        indicator=f.indicator or None, value=c.value, value_min=c.value_min, value_max=c.value_max,
        unit=c.unit, comparator=f.comparator, value_base=c.value_base,
        value_base_min=c.value_base_min, value_base_max=c.value_base_max, base_unit=c.base_unit,
        kind=f.kind, strength=found[-1] if found else None,
    )


def _comma_clause_start(reading: _Reading, s_start: int, before: int) -> int:
    """After the last comma-clause mark between the sentence's start and `before`; the sentence's
    start when there is none."""
    n = len(reading.back)
    mark = _COMMA_CLAUSE_RE.search(reading.back, n - before, n - s_start)
    return n - mark.start() if mark else s_start


def _projects_before(reading: _Reading, s_start: int, before: int) -> str:
    """The group of projects the clause before `before` names, up to and with 项目 (滚动推进新一轮80个
    县城综合承载能力提升项目 -> 县城综合承载能力提升项目); "" when it names none."""
    end = reading.clauses.start_of(before) - 1
    i = -1
    # 有21个项目列入省市重点项目,年度计划投资21.18亿元,一季度完成投资8.01亿元: the group may be
    # named some clauses back in the sentence, past clauses naming no projects
    while end > s_start and i < 0:
        clause = reading.text[reading.clauses.start_of(end):end]
        i = clause.rfind(_PROJECT_WORD)
        end = reading.clauses.start_of(end) - 1
    if i < 0:
        return ""
    words = _COUNT_OR_SUM_RE.split(clause[:i])[-1]
    opening = _LEADING_RE.match(words)  # 明年江西计划安排重大项目: the clause's time and topic frame it
    words = words[opening.end() if opening else 0:]
    words = words[_after_the_topic(words):]
    lead = None
    for lead in _GROUP_ENTRY_RE.finditer(words):
        pass
    words = _GROUP_LEAD_RE.sub("", words[lead.end():] if lead else words)
    return words + _PROJECT_WORD if len(words) >= 2 and _CJK_ONLY_RE.fullmatch(words) else ""


def _statement_start(reading: _Reading, s_start: int) -> int:
    """Where the statement holding the sentence at `s_start` starts: semicolons part the clauses of one
    statement (重点建设项目个数将超过370个,总投资超过2万亿元;年度投资2800亿元左右), a full stop ends it."""
    while s_start > 1 and reading.text[s_start - 1] == ";":
        s_start, _ = reading.sentences.bounds(s_start - 2)
    return s_start


def _earlier_subject(reading: _Reading, s_start: int, before: int) -> tuple[str, int]:
    """The noun phrase opening the clause before `before` in the same sentence (up to its first
    figure), with its start: 地区生产总值连续迈上4个万亿元台阶 -> 地区生产总值."""
    text = reading.text
    end = reading.clauses.start_of(before) - 1
    if end <= s_start:
        return "", before
    start = reading.clauses.start_of(end)
    clause = text[start:end]
    lead = _LEADING_RE.match(clause)
    skip = lead.end() if lead else 0
    head = _FROM_WORD_RE.split(_DIGIT_RE.split(clause[skip:], 1)[0], 1)[0]
    head = _TRAILING_RE.sub("", _PREFIX_AT_END_RE.sub("", head)).strip()
    if not head:
        return _last_figure_words(clause, start, before)
    return (head, start + skip) if len(head) >= 2 else ("", before)


def _last_figure_words(clause: str, start: int, before: int) -> tuple[str, int]:
    """1000个省级重点产业项目完成投资1865.7亿元、增长4%: a clause opening with a figure names its
    last figure by the words between the two (省级重点产业项目完成投资); "" when they are no name."""
    figures = list(_NEXT_FIGURE_RE.finditer(clause))
    if len(figures) < 2:
        return "", before
    words = clause[figures[-2].end(): figures[-1].start()]
    name = _TRAILING_RE.sub("", _PREFIX_AT_END_RE.sub("", words)).strip()
    if len(name) < 4 or not _CJK_ONLY_RE.fullmatch(name):
        return "", before
    return name, start + figures[-2].end() + words.index(name)


def _with_implied_unit(c: Candidate, indicator: str, counted: str = "") -> Candidate:
    """A figure with a magnitude and no unit (参保人数突破5100万, 海洋生产总值突破万亿) takes the
    unit its indicator implies (data/implied_units.csv); one that counts people named right after
    it (40.8万青年留渝来渝, 33万农民工就近就业, 420万困难群众) counts 人."""
    if c.base_unit or c.unit not in MAGNITUDES or c.value_base is None:
        return c
    if _PERSON_NOUN_RE.search(counted, 0, _PERSON_NOUN_REACH):  # 420万困难群众, 242万偏远农村居民
        return c._replace(base_unit=_PERSON_UNIT, dimension="count")
    for ending, base_unit, dimension in IMPLIED_UNITS:
        if indicator.endswith(ending):
            return c._replace(base_unit=base_unit, dimension=dimension)
    return c


# 建成6.6万个5G基站: a code of a digit and Latin letters opening the noun after a count is part of it
_CODE_NOUN_RE = re.compile(r"\d[A-Za-z]+(?=[\u4e00-\u9fff])")


def _following_noun(text: str, c: Candidate, clauses: Clauses, later: list[Candidate]) -> tuple[str, bool]:
    """The noun right after the figure, and whether another figure of the clause follows it."""
    if not _CJK_RE.match(text[c.end: c.end + 1]) and not _CODE_NOUN_RE.match(text, c.end):
        return "", False
    end = clauses.end_of(c.end)
    if end == c.end + 1 and text[c.end] == c.base_unit:
        return "", False  # 食用菌110万棒;: the classifier read after a bare magnitude names nothing
    figure_follows = False
    for o in later:
        if o.start < end:
            end, figure_follows = o.start, True
        break
    # 主平台落地项目2200个: the noun stops at the next figure; when one follows, at the last
    # conjunction before it (22轮强降水和“桦加沙”等15个台风, 3000多个宜居宜业和美乡村及820个…).
    rest = text[c.end: end]
    parts = _NEXT_FIGURE_RE.split(rest, 1)
    noun = parts[0]
    if len(parts) > 1 or figure_follows:
        joins = list(_NOUN_CONJUNCTION_RE.finditer(noun))
        if joins:
            noun = noun[: joins[-1].start()]
    # 8 座危桥 ,: no space ends it; 等 closing examples ends it, 高等级 does not (data/words.csv etc_word_*)
    examples = _EXAMPLES_RE.search(noun)
    noun = _without_stray_brackets(noun[: examples.start()] if examples else noun)
    return (noun, len(parts) > 1 or figure_follows) if noun and not noun.startswith("的") else ("", False)


def _kind(c: Candidate, verb: re.Match | None, indicator: str) -> str:
    verb_kind = KIND_VERBS[verb.group(1)] if verb else None
    to_level = bool(verb and verb.group(3))
    if c.base_unit == "pp":
        return "change"
    if c.unit == "番":
        return "growth"
    if c.dimension in _GROWTH_DIMENSIONS:
        if verb_kind and not to_level:
            return verb_kind
        return "level"
    if c.dimension == "ratio":
        if "倍" in indicator or c.unit == "倍":
            return "ratio"
        return "change" if verb_kind and not to_level else "level"
    if c.dimension == "age":
        return "level"
    if verb_kind and not to_level:
        return "change"
    return "count" if c.dimension == "count" else "amount"


def _full_coverage(reading: _Reading, claimed: _Claimed) -> list[Record]:
    """行政村全覆盖: a coverage of 100 %, the covered thing named before 全覆盖."""
    text = reading.text
    out = []
    for m in _FULL_COVER_RE.finditer(text):
        c_start = reading.clauses.start_of(m.start())
        lead = _COVER_LEAD_RE.match(text, c_start, m.start())
        start = lead.end() if lead else c_start
        indicator = _COVER_VERB_RE.sub("", text[start: m.start()]).strip(_QUOTES)
        if indicator.count(_OPEN_QUOTE) != indicator.count(_CLOSE_QUOTE):
            # “流动便民共富车”行政村全覆盖: a quote opening the clause leaves its partner alone
            indicator = indicator.replace(_OPEN_QUOTE, "").replace(_CLOSE_QUOTE, "")
        # 均实现21个地级以上市全覆盖: the count is the figure, not a coverage of 100 %.
        if not indicator or len(indicator) > 25 or _DIGIT_RE.search(indicator) or _overlaps(start, m.end(), claimed):
            continue
        rtype, year = classify(reading.doc, m.start(), reading.sentences.around(m.start()))
        out.append(Record(
            type=rtype, text=text[start: m.end()], start=start, end=m.end(), year=year,
            indicator=indicator + "覆盖率", value=100.0, unit="%", comparator="=", value_base=100.0,
            base_unit="%", kind="level",
        ))
    return out


def _qualitative(reading: _Reading, claimed: _Claimed) -> list[Record]:
    text = reading.text
    out = []
    for b_start, b_end in target_blocks(text):
        # read where the block has announced itself (…主要预期目标是:预计…同比增长): at its last word
        last = b_end - 1
        rtype, year = classify(reading.doc, last, reading.sentences.around(last))
        if rtype != "target":
            continue
        for start, end, indicator in qualitative_clauses(text, b_start, b_end):
            if _overlaps(start, end, claimed):
                continue
            out.append(Record(
                type="target", text=text[start:end], start=start, end=end, year=year,
                indicator=indicator, unit="", comparator="qualitative", base_unit="", kind="qualitative",
            ))
    return out
