"""Named projects and their stage: 开工建设A、B等项目 → A (start), B (start).

A project clause (text between , ; 。) is [lead words] [stage verb] names [等 head] [stage verb]:
the verb after the names decides the stage when there is one (推动…等项目建成投运 → completed;
提速…项目前期 → preparatory), else the verb before them (加快推进…建设 → construction). Stage verbs
live in data/stage_verbs.csv; which names count is decided in project_names.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from flows.extract.clause_bounds import CLAUSE, clause_bounds
from flows.extract.comparators import NOUN_THRESHOLD_SUFFIXES, PREFIX_PATTERN
from flows.extract.project_names import (
    SUPERLATIVES,
    WORKS_VERBS,
    acts_on_no_works,
    NameSpan,
    clean_name,
    expand_shared_heads,
    has_facility,
    has_kind,
    investment_lead,
    is_han,
    is_placed,
    kinds_ending_on,
    may_name_one_facility,
    names_kind,
    rejection,
    split_items,
    strip_item_verb,
)
from flows.extract.project_rules import ADVERB_BEFORE_CLOSING, VERB_QUALIFIERS, compiled_rules, project_rules, stage_verb_patterns
from flows.extract.periods import sections_at, statement_year
from flows.extract.records import Record, build
from flows.extract.regions import Region, gazetteer, place_of
from flows.extract.vocabulary import alternation, trie_alternation, trie_arms, word_alternation, words
from flows.ingest.document import Document

# full-width forms too: normalisation is ingestion's choice, not a promise
_CLAUSE = CLAUSE
_ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|\(\d+\)|\d+[.、])")
# a time before the verb: 2025年建成…, “十四五”期间建成…, 年内开工…
_TIME_WORDS = alternation("time_word")
_TIME = re.compile(
    rf"(?:(?:到|至|在|于)?(?:\d{{4}}年(?:底|内|前)?(?:、\d{{4}}年(?:底|内|前)?)*(?:分别)?|{_TIME_WORDS}"
    rf"|“十[一二三四五六]五”(?:{alternation('past_period_tail')}|末)?)(?:前|内|底)?)+"
)
_WORKS = alternation("works_noun")
_PROJECT = words("project_word")[0]
_HEADING = re.compile(r"^\s*(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)")
# words that end the clause after the names without naming anything
_TAIL = re.compile(rf"(?:{alternation('clause_tail')})$")
_GROUP_MARK = "等"
_DENG = re.compile(rf"{_GROUP_MARK}(?![级同于])")
# 等60个…项目 / 等4条高速公路: a count; 等402万千瓦机组 is a capacity, the names stay projects
_COUNT_TAIL = re.compile(r"^\D{0,4}\d[\d.]*\s*(?:多|余)?(?:个|处|条|座|家|项|批|所|台|套|户)")
_FIELDS_COUNT = re.compile(r"^\d+大")
_LEADING_QUANTITY = re.compile(rf"^\d[\d.]*\s*(?:万|亿)?[^\d\s]{{0,3}}?(?:{alternation('capacity_unit')})")
_QUANTIFIER = re.compile(rf"^(?:{alternation('group_quantifier')})")
# adverbs between the names and a closing verb: …等项目顺利建成投产, 丽水机场正式通航
# adverbs, strength words and times between the names and a closing verb: …等项目顺利建成投产,
# 丽水机场正式通航, 荆荆高铁力争年内建成通车, 武汉至大悟高速公路2025年底前建成, …工程争取在10月底具备通车条件
_POST_ADVERB = re.compile(
    rf"(?:{alternation('post_adverb', 'strength', 'time_word')}|\d{{4}}年(?:底|内)?前?|(?:在|于)?1?\d月(?:底|初|中旬|上旬|下旬)?前?)+$"
)
_BUILDING_TAIL = re.compile(rf"(?:{alternation('building_tail')})$")
# 推动国道G219改扩建, 加快推进…改扩建: the works word closing a name after a building lead is its 建设
_WORKS_TAIL = re.compile(rf"(?<=[\u4e00-\u9fff\w]{{2}})(?:{alternation('works_verb_suffix')})$")
_APPOSITIVE = re.compile(
    rf"、(?:{alternation('appositive_lead')})?(?:{alternation('appositive_measure')})(?:{PREFIX_PATTERN}|达|为)?"
    r"\d[\d.]*(?:万|亿)?[^\s\d、,，;；。建开投通竣完并]{0,5}"
)
_JOINER = re.compile(r"[并和及、]$")
_GROUP_INCLUDES = re.compile(rf"[^,，、;；。\d]{{0,8}}?(?:{_WORKS})(?:主要)?(?:包括|有)[:：]?")
# 黔江至吉首高铁(重庆段152公里), …合川至大足段102公里: the length of the works after its name
_LENGTH_AFTER = re.compile(r"\s*(?:[(（][^()（）,，]{0,8}?\d+(?:\.\d+)?(?:公里|千米)[)）]|\d+(?:\.\d+)?(?:公里|千米)(?=[)）和及、,，;；。]|$))")
_LINE_BREAKS = re.compile(r"[\r\n]+")
# 及一批老旧小区改造项目: 及 before a group joins no name; 跑道及相关配套设施 is the runway's own works, as
# 南宁吴圩机场T3航站区及配套设施工程 (annotated guangxi) is the terminal's
_AND_A_GROUP = re.compile(rf"及(?:{alternation('group_quantifier')}|其他|相关(?!{alternation('own_ancillary')})).*$")


@dataclass(frozen=True)
class ProjectMention:
    name: str
    stage: str
    start: int  # offsets into doc.text
    end: int


@lru_cache(maxsize=1)
def _push_facility() -> re.Pattern[str]:
    nouns = "|".join(sorted(project_rules().facility_nouns, key=len, reverse=True))
    return re.compile(rf"(?:将|要)?{_PUSH_WORD}[^,，;；。]{{2,40}}(?:{nouns})$")


def extract_projects(doc: Document) -> list[Record]:
    region = doc.metadata.region or ""
    records = []
    for m in _without_headline_restatements(doc.text, find_project_mentions(doc.text, region)):
        length = _LENGTH_AFTER.match(doc.text, m.end)
        records.append(
            build(
                Record,
                type="project",
                text="",
                start=m.start,
                # the length said of the works is part of its mention, not a target of its own
                end=length.end() if length else m.end,
                year=statement_year(doc, m.start),
                name=_as_written(doc, m),
                stage=m.stage,
                category=category_of(m.name, heading_at(doc, m.start)),
                region=place_of(m.name, region),
            )
        )
    return records


_SENTENCE_MARKS = re.compile(r"[。;；!！?？]")


def _without_headline_restatements(text: str, mentions: list[ProjectMention]) -> list[ProjectMention]:
    """陕西将开工建设西安至延安高铁 加快延安机场迁建扩建 (a news page's headline, then its body): a
    project a headline line (the first line, no sentence mark in it) names that the body names again
    is the body's one project, kept where and with the stage the body states it (鸭绿江街北延一期工程明年开建
    over the body's 实施鸭绿江街北延一期工程: held_out_5 shenbei 2021)."""
    first_line_end = text.find("\n")
    if first_line_end < 0 or _SENTENCE_MARKS.search(text, 0, first_line_end):
        return mentions
    later = {m.name for m in mentions if m.start >= first_line_end}
    return [m for m in mentions if m.start >= first_line_end or m.name not in later]


def find_project_mentions(text: str, doc_region: str = "") -> list[ProjectMention]:
    home = gazetteer().region_named(doc_region) if doc_region else None
    out: list[ProjectMention] = []
    inherited = ""
    prev_end = -1
    pending: re.Match[str] | None = None
    worded = [w.start() for w in _STAGE_WORDING_START.finditer(text)]
    # Where a clause can matter: stage wording, or the 推动 that opens a list the next clause closes.
    # A clause holding neither, after a clause that lends it nothing, gives nothing and lends nothing:
    # the reading jumps from such a clause to the next one that holds one (most clauses hold none).
    wanted = sorted(worded + _occurrences(text, _PUSH_WORD))
    bounds = clause_bounds(text)
    push = _push_facility()
    m = _CLAUSE.search(text)
    while m is not None:
        start, end = m.span()
        follows = prev_end >= 0 and text[prev_end:start] in (",", "，", ":", "：")
        mark = text[end:end + 1]
        # 加快推进三大交通项目:杭温高铁、金建铁路: a clause that announces a list lends its verb to it
        announces = mark in (":", "：")
        if (follows and inherited) or _holds_any(worded, start, end):
            found, pre_stage = _parse_clause(m.group(0), start, home, inherited if follows else "", lends=announces)
        else:
            found, pre_stage = [], ""  # what _parse_clause says of a clause without stage wording
        if pending is not None and follows and found and not pre_stage:
            # 将推动G3033奎屯至库车高速公路,长江口南槽航道治理二期工程、…等一批项目开工建设 (交通运输部
            # 2025年重大项目): 推动 opens a list the closing verb after the comma ends
            back_found, _ = _parse_clause(pending.group(0), pending.start(), home, "", forward=found[0].stage)
            out.extend(back_found)
        out.extend(found)
        if not found and start > 0 and text[start - 1] in (",", "，"):
            out.extend(_lent_back(text, bounds.start_of(start - 1), m.group(0), home))
        pending = m if not found and mark in (",", "，") and push.match(m.group(0)) else None
        inherited = pre_stage if found or announces else ""
        prev_end = end
        if inherited or pending is not None:
            m = _CLAUSE.search(text, end)
            continue
        i = bisect_left(wanted, end)
        if i == len(wanted):
            break
        m = _CLAUSE.match(text, bounds.start_of(wanted[i]))
    return out + listed_after_a_start(text, out)


# 光明都市产业园启动区项目成功摘得土地,并计划于4月底前开工建设; 明海大道一季度完成固投1.1亿元,预计年底
# 具备通行条件: a clause of continuation words, times and a closing verb names nothing of its own
_CONTINUATION = re.compile(
    rf"^\s*(?:{alternation('continuation_lead', 'post_adverb', 'strength', 'time_word')}"
    rf"|\d{{4}}年(?:底|内)?前?|(?:在|于)?1?\d月(?:底|初|中旬|上旬|下旬)?前?)+")


def _lent_back(text: str, prev_start: int, clause: str, home: Region | None) -> list[ProjectMention]:
    """The works opening the clause before a continuation clause (…项目成功摘得土地, 并…开工建设): the
    continuation's closing verb is said of it, when the clause opens on a name followed by a time, a
    figure or an adverb (no verb of the rules stands between them)."""
    opening = _CONTINUATION.match(clause)
    if opening is None:
        return []
    verb = compiled_rules().after.match(clause, opening.end())
    if verb is None:
        return []
    stage = _stage_of_post(verb.group(0))
    subject = _subject_pattern().match(text, prev_start, prev_start + _SUBJECT_REACH)
    if subject is None:
        return []
    name = clean_name(subject.group("name"))
    if rejection(name, listed=False, home=home, rules=project_rules(), verb_names_works=True,
                 opened_or_done=stage in ("start", "completed")):
        return []
    at = subject.start("name")
    return [ProjectMention(name, stage, at, at + len(name))]


_SUBJECT_REACH = 40


@lru_cache(maxsize=1)
def _subject_pattern() -> re.Pattern[str]:
    """A name ending on a facility or works noun opening a clause, right before a time, a figure or an
    adverb (…启动区项目成功…, 明海大道一季度…, …下穿铁路工程已于3月…)."""
    nouns = trie_alternation(list(project_rules().facility_nouns) + list(words("works_noun")))
    follows = alternation("post_adverb", "strength", "time_word")
    return re.compile(rf"\s*(?P<name>[^、\d\s]{{2,30}}(?:{nouns}))(?=(?:{follows})|\d|[一二三四]季度)")


def _occurrences(text: str, word: str) -> list[int]:
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


_PUSH_WORD = "推动"


def _holds_any(starts: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted offsets `starts` lies in start..end."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


@dataclass
class _Clause:
    """One clause being read for projects: [lead words] [stage verb] names [等 head] [stage verb]."""

    text: str
    pos: int = 0  # where the names may start
    lead_start: int = 0  # where the lead words start (after an enumerator, a time, a connective)
    opens_with_lead: bool = False  # a lead word (推动, 确保) before any stage verb
    pre_stage: str = ""  # the stage of the verb before the names
    body_end: int = 0  # where the names end
    post_stage: str = ""  # the stage of the verb after the names
    lead_stage: str = ""  # the stage a building lead gives …建设 (完成…建设任务 is 建成)


def _parse_clause(
    clause: str, offset: int, home: Region | None, inherited: str, forward: str = "", lends: bool = True
) -> tuple[list[ProjectMention], str]:
    """The projects a clause names, and the stage its opening verb gives to a following clause
    (`forward`: the stage a following clause's closing verb lends to this one; `lends`: whether that
    stage is asked for when the clause names nothing — only a clause announcing a list lends it).
    Named steps, in the order the clause is read: asides blanked, the opening read, the closing
    read, the stage decided, the body cut, the names judged."""
    cr = compiled_rules()
    if _HEADING.match(clause):
        return [], ""
    c = _Clause(_blank_asides(_quoted_clause(clause, cr)))
    if not inherited and not forward and not _STAGE_WORDING.search(c.text):
        return [], ""  # no stage verb, no building tail: nothing below could give a stage
    if not lends and not may_name_one_facility(c.text) and cr.after.search(c.text) is None:
        # no closing verb (nor 等 for a counted one) to start or complete works, and the body, a
        # part of the clause, holds nothing a name needs: the shortcut below, before the reading
        return [], ""
    _read_opening(c, cr)
    _read_closing(c, cr)
    if _either_stage(c, cr):
        return _respectively(c, cr, offset, home), ""
    stage = _decide_stage(c, cr, inherited, forward)
    if not stage:
        return [], ""
    body = _names_body(c, cr)
    closing = c.post_stage in ("start", "completed")
    if not closing and (c.pre_stage or not inherited) and not may_name_one_facility(body):
        # what _names would give: no name, and the opening verb's stage (the same for None and [] here)
        return [], c.pre_stage
    works = bool(c.post_stage) or _opens_or_completes(c.pre_stage, forward, c.lead_stage) or _counted_projects_built(c)
    names = _names(body, offset + c.pos, home, works, closing=closing)
    if names is None:
        return [], c.pre_stage  # names no project, but may announce a list (…三大交通项目:)
    return [_own_stage(n, stage) for n in names], (c.pre_stage or inherited)


# 加快推进A、B等9个项目建设: the count is of projects, and their building is what goes on
_COUNTED_PROJECTS_BUILT = re.compile(
    rf"等\d+\s*(?:多|余)?个[^、,，]{{0,6}}?{_PROJECT}(?:{alternation('building_tail')})$")


def _counted_projects_built(c: _Clause) -> bool:
    """加快第一人民医院园区分院、…等7个项目建设 (held_out_16 武穴; held_out 洪寺堡): a counted list of
    two names and more whose projects' building the clause speeds lists works, as …等项目建设 does;
    实施…等60个旧城区改建项目 (no building tail) and 实施旧城区改建等60个项目建设 (one name, a kind of
    works) list none."""
    counted = _COUNTED_PROJECTS_BUILT.search(c.text, c.pos, c.body_end)
    return c.pre_stage == "construction" and counted is not None and "、" in c.text[c.pos:counted.start()]


_OPEN_QUOTE = "“"
_CLOSE_QUOTE = "”"


def _quoted_clause(clause: str, cr) -> str:
    """提到“建设防城港钢铁基地、…等项目”: a quotation that opens the clause or opens on a stage verb,
    and runs to the clause's end (or past it), is the quoted report's own clause; what comes before
    the quote (the page's reporting words) is blanked and the closing quote dropped, so that offsets
    stay the text's. A quotation closed inside the clause (“三纵两横”高铁) is part of a name."""
    if _OPEN_QUOTE not in clause:
        return clause
    inner = clause.rstrip()
    inner = inner[:-1] if inner.endswith(_CLOSE_QUOTE) else inner
    at = inner.rfind(_OPEN_QUOTE)
    if _CLOSE_QUOTE in inner[at:] or not (inner[:at].isspace() or at == 0 or cr.before.match(inner, at + 1)):
        return clause
    return " " * (at + 1) + inner[at + 1:]


def _opens_or_completes(pre_stage: str, forward: str, lead_stage: str) -> bool:
    """A stage that only fits built works: the opening verb's or a following clause's (建成, 开工), or
    the one a building lead gives (完成…建设任务 is 建成)."""
    return any(s in ("completed", "start") for s in (pre_stage, forward, lead_stage))


def _blank_asides(clause: str) -> str:
    """可可盖等11处煤矿建成试运转、新增产能3095万吨/年: a figure set off by 、 describes the works and
    names nothing, and so does a length (…合川至大足段102公里); blanked (not cut) so that offsets
    stay those of the text. 宣威大型水库也开工建设了: a closing 了 goes."""
    if "、" in clause:
        clause = _APPOSITIVE.sub(lambda a: " " * len(a.group(0)), clause)
    clause = clause.rstrip()
    if clause.endswith("了"):
        clause = clause[:-1]
    if "公里" in clause or "千米" in clause:
        clause = _LENGTH_AFTER.sub(lambda a: " " * len(a.group(0)), clause).rstrip()
    return clause


def _read_opening(c: _Clause, cr) -> None:
    """一是 / 2025年 / 以及, then up to three rounds of lead words and stage verbs (加快推进并建成):
    加快开工建设 starts a project, a joined verb (并建成) sets the aim, otherwise the first verb the
    stage (谋划推进 → preparatory)."""
    clause = c.text
    m = _ENUMERATOR.match(clause)
    c.pos = m.end() if m else _opening_space(clause)
    when = _TIME.match(clause, c.pos)
    if when:
        c.pos = when.end()
    connective = cr.connective.match(clause, c.pos)
    if connective:
        c.pos = connective.end()  # 以及金建铁路, 此外实施…: joins, and keeps the previous clause's stage
    elif clause.startswith(_JOINERS, c.pos) and (cr.lead.match(clause, c.pos + 1) or cr.before.match(clause, c.pos + 1)):
        c.pos += 1  # …108个项目,并加快推进沈白、喀赤、朝凌高铁建设: a joiner before the clause's verb
    c.lead_start = c.pos
    _skip_subject(c, cr)
    for _ in range(3):
        lead = cr.lead.match(clause, c.pos)
        if lead and lead.end() > c.pos:
            c.opens_with_lead = c.opens_with_lead or not c.pre_stage
            c.pos = lead.end()
        joined = bool(c.pre_stage) and clause.startswith(_JOINERS, c.pos)
        verb = cr.before.match(clause, c.pos + 1 if joined else c.pos)
        if not verb:
            break
        stage_here = cr.rules.stage_of(verb.group(0))
        c.pre_stage = stage_here if not c.pre_stage or stage_here == "start" or joined else c.pre_stage
        c.pos = verb.end()
        # 在建高铁项目包括渝万高铁、…: the group announced after the verb names no project itself
        includes = _GROUP_INCLUDES.match(clause, c.pos)
        if includes:
            c.pos = includes.end()
    opener = _LIST_OPENER.search(clause, c.pos, c.pos + _OPENER_REACH)
    if opener and not _LIST_MARK.search(clause, c.pos, opener.start()):
        c.pos = opener.end()  # 观摩检查了包括A、B: the list starts after 包括


_JOINERS = ("并", "和", "及")


def _opening_space(clause: str) -> int:
    """实施…工程 , 建设蒲满路等 10 条市政道路: a page that sets its commas off by spaces opens the next
    clause on a space; the clause's words start after it."""
    return len(clause) - len(clause.lstrip())


_ZONE_SUBJECT = re.compile(rf"[^、\d]{{1,10}}?(?:{alternation('subject_zone')})")
_LIST_OPENER = re.compile(rf"(?:{alternation('list_opener')})[:：]?")
_LIST_MARK = re.compile(r"[、\d]")
_OPENER_REACH = 12
_MIN_NAME = 2


def _skip_subject(c: _Clause, cr) -> None:
    """氟产业开发区重点推进众辉二期投产, 铸造产业园重点推进…开工建设: a park or zone opening the clause,
    right before its lead word or stage verb, is the clause's subject and no part of a name."""
    if _skip_region_subject(c, cr):
        return
    subject = _ZONE_SUBJECT.match(c.text, c.pos)
    lead = cr.lead.match(c.text, subject.end()) if subject else None
    verb = cr.before.match(c.text, lead.end()) if lead else None
    # 环保科技产业园积极推进 / 汇智产业园建设也在稳步推进: the park itself is the works when no name follows
    if verb and len(c.text) - verb.end() >= _MIN_NAME and not cr.after.match(c.text, verb.end()):
        c.pos = subject.end()


_REGION_SUBJECT_REACH = 8


def _skip_region_subject(c: _Clause, cr) -> bool:
    """陕西将开工建设…, 江西力争…实现通航, 江西将建成…等4个项目 (news reports of a plan): a division's
    name opening the clause right before a lead word or a stage verb (上海启动建设A、B, 开州区开工建设…,
    山东提速建设…) is the clause's subject, as 我省 is, and no part of the first name (a name goes on
    with its own words, never with 将 / 力争 / 启动建设); a works word that is also a division's short
    name (新建改造…管网: 南昌's 新建区) is the clause's verb, not its subject."""
    window = c.text[c.pos:c.pos + _REGION_SUBJECT_REACH]
    if not gazetteer().may_open(window):
        return False
    placed = gazetteer().mentions(window)
    if not placed or placed[0].start != 0 or window[:placed[0].end] in WORKS_VERBS:
        return False
    after = c.pos + placed[0].end
    if not (cr.lead.match(c.text, after) or cr.before.match(c.text, after)):
        return False
    c.pos += placed[0].end
    c.lead_start = c.pos
    return True


def _read_closing(c: _Clause, cr) -> None:
    """The stage verb closing the clause (…建成投运, …前期工作); 宁马高速改造前期有序推进: it is the
    preparatory work that goes on."""
    clause = c.text
    c.body_end = len(clause)
    post = cr.after.search(clause, c.pos)
    if post and post.start() > c.pos:
        c.post_stage = _stage_of_post(post.group(0))
        c.body_end = post.start()
        # …等项目的前期工作正加快推进: adverbs may stand between the preparatory work and its verb
        adverbs = _POST_ADVERB.search(clause, c.pos, c.body_end)
        tail_end = adverbs.start() if adverbs else c.body_end
        early = next((w for w in words("preparatory_tail") if clause.endswith(w, c.pos, tail_end)), "")
        if c.post_stage == "construction" and early:
            c.post_stage, c.body_end = "preparatory", tail_end - len(early)
            if clause.endswith(_OF, c.pos, c.body_end):
                c.body_end -= len(_OF)  # A、B等项目的前期工作: the names end before 的


_OF = "的"


def _either_stage(c: _Clause, cr) -> bool:
    """…等9个重大水利工程投入使用或加快建设: two closing stages joined by 或 state no name's stage, so
    the clause names no project (its count stays a count)."""
    if not c.post_stage or c.body_end - c.pos < 2 or c.text[c.body_end - 1] != _EITHER:
        return False
    return cr.after.search(c.text, c.pos, c.body_end - 1) is not None


_EITHER = "或"
_PAIR = 2


def _respectively(c: _Clause, cr, offset: int, home: Region | None) -> list[ProjectMention]:
    """涔天河水库、大兴寨水库等工程竣工或开工 (held_out_16 湖南 2023): two names and two closing stages
    joined by 或 are read in order, one stage each; any other number of names (A、B、C等6个…工程
    投入使用或加快建设, the annotated README's call) states no name's stage."""
    first = cr.after.search(c.text, c.pos, c.body_end - 1)
    second_stage = c.post_stage
    c.body_end, c.post_stage = first.start(), _stage_of_post(first.group(0))
    names = _names(_names_body(c, cr), offset + c.pos, home, works=True, closing=True)
    if not names or len(names) != _PAIR:
        return []
    return [_own_stage(names[0], c.post_stage), _own_stage(names[1], second_stage)]


def _decide_stage(c: _Clause, cr, inherited: str, forward: str) -> str:
    """The closing verb's stage, else the opening verb's, else the previous clause's (unless this
    clause opens with a lead word of its own: 推动…等项目释放产能), else a following clause's; then
    a lead word with a closing 建设 (推动…建设 is 推进…建设, 完成…建设 is 建成), then the stage inside
    a counted list (对于A、B等2个拟新开工项目)."""
    clause = c.text
    stage = c.post_stage or c.pre_stage or ("" if c.opens_with_lead else inherited) or forward
    body = clause[c.pos:c.body_end]
    if not stage and (_BUILDING_TAIL.search(body) or _WORKS_TAIL.search(body)):
        # 支持/统筹…建设 stay without a stage (data/project_name_rules.csv: building_lead); the
        # building lead may follow other lead words (重点抓好A、B等一批重大项目建设)
        lead_word, stage = next(((w, st) for w, st in cr.rules.building_leads
                                 if clause.find(w, c.lead_start, max(c.pos, c.lead_start + len(w))) >= 0), ("", ""))
        c.lead_stage = stage
        if stage and c.pos == c.lead_start and clause.startswith(lead_word, c.lead_start):
            c.pos += len(lead_word)  # 加快关门嘴子水库工程建设: 加快 is no lead word, and not part of the name
    if not stage:
        counted = _COUNTED_STAGE.search(clause, c.pos)
        if counted:
            stage = c.post_stage = _stage_of_post(counted.group("verb"))
    return stage


def _names_body(c: _Clause, cr) -> str:
    """The names' part of the clause: a second closing verb joined to the first (建成并投入运营,
    开工建设和投产) and the adverbs and joiners between them (建成并实现通车) go, then the words that
    end a clause without naming anything (…建设进度)."""
    body = c.text[c.pos:c.body_end]
    while c.post_stage:
        stripped = None
        while stripped != body:
            stripped, body = body, _POST_ADVERB.sub("", _JOINER.sub("", body))
        again = cr.after.search(body)
        if not again or again.start() == 0:
            break
        body = body[:again.start()]
    while True:
        t = _TAIL.search(body)
        if not t or t.start() == 0:
            break
        body = body[:t.start()]
    return body


def _own_stage(name: NameSpan, stage: str) -> ProjectMention:
    """A listed name that closes on a stage verb of its own keeps that stage, not the clause's:
    大兴寨水库大坝封顶、椒花水库下闸蓄水 → 大兴寨水库大坝 (construction), 椒花水库 (completed)."""
    own = compiled_rules().after.search(name.name)
    if own is None or own.start() < 3:
        return ProjectMention(name.name, stage, name.start, name.end)
    bare = _POST_ADVERB.sub("", name.name[:own.start()])
    return ProjectMention(bare, _stage_of_post(own.group(0)), name.start, name.start + len(bare))


def _stage_of_post(verb_text: str) -> str:
    cr = compiled_rules()
    core = re.sub(f"(?:{VERB_QUALIFIERS})$", "", _LEADING_ADVERBS.sub("", verb_text))
    try:
        return cr.rules.stage_of(core)
    except KeyError:
        return cr.rules.stage_of(verb_text)


# 全线推进: the adverbs a closing verb may take before it (project_rules: adverb_closed_verb)
_LEADING_ADVERBS = re.compile(f"^{ADVERB_BEFORE_CLOSING}+(?=(?:{alternation('adverb_closed_verb')})$)")


@dataclass
class _Group:
    """What the end of a clause body says about its names: …等项目 (listed), …等4条高速公路 (a shared
    head), …等60个项目 (a count that alone names no works)."""

    body: str  # the names, the 等 phrase cut off
    listed: bool = False
    counted_only: bool = False
    shared: str = ""  # the facility kind the names share (高速公路)
    shared_end: int = 0
    exact_count: int = 0  # a count closing the list with no 等 (A和B2条高铁): the list has that many items


def _names(body: str, offset: int, home: Region | None, works: bool, closing: bool = False) -> list[NameSpan] | None:
    """Names in the clause body, or None when the body is not a list of projects: the group the 等
    phrase makes, the items of the list, then the judgement of each name and of the list."""
    group = _group_of(body, offset, works)
    if group is None:
        return None
    items = _items(group.body, offset, home, works, group.exact_count)
    if items is None:
        return None
    rules = project_rules()
    shared = group.shared if has_kind(group.shared, rules) else ""
    names = expand_shared_heads(items, shared, group.shared_end, home)
    return _judged(names, group, home, works, closing, _lent_heads(items, names, shared))


def _lent_heads(items: list[NameSpan], names: list[NameSpan], shared: str) -> set[str]:
    """The facility heads a bare item borrowed from a later one (旭龙、托巴水电站: 水电站), not from the
    等 phrase: names sharing one head are proper names of works of one kind, each anchoring the other.
    Classes of one kind end alike (公办、民办幼儿园, 大型、中型水库: 办, 型) and lend nothing; nor do
    names longer than a proper name (寒地果蔬和生态森林食品生产供给基地)."""
    heads = {}
    for i, n in zip(items, names):
        if n.name != i.name and n.name.startswith(i.name):
            heads.setdefault(n.name[len(i.name):], []).append(i.name)
    lent = set()
    for head, bare in heads.items():
        owners = bare + [i.name[:-len(head)] for i in items if i.name.endswith(head) and len(i.name) > len(head)]
        short = all(_MIN_NAME <= len(o) <= _PROPER_NAME_MAX for o in owners)
        if head and head != shared and short and len({o[-1] for o in owners}) == len(owners):
            lent.add(head)
    return lent


# 旭龙, 托巴, 平山湖, 东水泉东: the proper names a shared head follows are short; a longer owner
# (生态森林食品生产供给基地, 若尔盖国家公园 → 若尔盖国家) is a description or has taken part of the head
_PROPER_NAME_MAX = 4


def _group_of(body: str, offset: int, works: bool) -> _Group | None:
    """等60个…项目 is a count target and names no projects unless a verb names works (金娃科技创新产业园
    等85个项目竣工); 等4条高速公路 counts facilities of one kind, each listed name one of them; 等7大领域
    names fields, no projects. The count stays outside the names' spans."""
    group = _Group(body=body, shared_end=offset + len(body))
    if group.body.endswith("等"):
        group.body, group.listed = group.body[:-1], True
    deng = _last_deng(group.body)
    names_end = deng
    if deng is None:
        # 巫云开、万达直线、开万梁3条高速: a count and a kind closing a list read as 等3条高速
        unmarked = _unmarked_count(group.body)
        if unmarked is not None:
            deng, names_end = unmarked - 1, unmarked
            group.exact_count = int(_LEADING_DIGITS.match(group.body, unmarked).group())
    if deng is not None:
        tail = group.body[deng + 1:]
        count = _COUNT_TAIL.match(tail)
        if count:
            head = _counted_kind(tail[count.end():])
            if head is None:
                # 实施…等60个旧城区改建项目 lists no works; placed works of their own (建设长春轨道交通2号线
                # 东延线等5个项目) must name a facility, the list alone does not
                group.counted_only = not works
                head = ""
            group.shared_end = offset + names_end
        elif _FIELDS_COUNT.match(tail):
            return None
        else:
            head = _head_of_group(tail)
            if head is None:
                return None
        group.shared, group.body, group.listed = head, group.body[:names_end], True
    elif group.body.endswith(_PROJECT):
        # 庆阳数据中心集群重点项目: 重点 / 重大 before 项目 goes with it
        group.body, group.listed = _TRAILING_MAJOR_PROJECT.sub("", group.body), True
    group.body = _AND_A_GROUP.sub("", group.body)
    if not group.body:
        return None
    if group.counted_only:
        group.listed = False
    return group


# the count after the last item of a list (、 or 和 before it) with no 等: …开万梁3条高速, 渝西和成达万2条高铁
_COUNT_AT_END = re.compile(r"(?<=[\u4e00-\u9fff])\d+\s*(?:个|处|条|座|家|所)[\u4e00-\u9fff]{1,6}$")
_LIST_JOINT = re.compile(r"[、和]")
_LEADING_DIGITS = re.compile(r"\d+")


def _unmarked_count(body: str) -> int | None:
    """Where a count closing a list with no 等 starts (None when there is none)."""
    m = _COUNT_AT_END.search(body)
    return m.start() if m and _LIST_JOINT.search(body, 0, m.start()) else None


def _items(body: str, offset: int, home: Region | None, works: bool, count: int = 0) -> list[NameSpan] | None:
    """The list's items, trimmed: a description set off by 、 before the name it describes (投资体量最大
    的单体工业项目、…) is no name; a description before one name that opens or completes works (期盼多年
    的赤大铁路, 全省首个超百亿元水利工程娄里水库) is cut off; otherwise (与…相适应的设施) no names.
    A count closing the list with no 等 says how many items it holds: when a place's 和 kept the
    list whole (渝西和成达万2条高铁: 西和 a county), that 和 joins two of them."""
    raw = split_items(body, offset, home)
    if count > len(raw):
        raw = split_items(body, offset, home, places_hold_he=False)
    if len(raw) > 1:
        raw = [i for k, i in enumerate(raw)
               if k == len(raw) - 1 or not (_names_works(i.name) and _APPOSITIVE_DESCRIPTION.search(i.name.strip()))]
    items = [_trimmed(i) for i in raw]
    if any("的" in i.name or (_names_works(i.name) and _DESCRIPTOR.search(i.name)) for i in items):
        described = _after_description(items[0]) if works and len(items) == 1 else None
        if described is None:
            return None
        items = [described]
    return items


def _names_works(name: str) -> bool:
    """Whether a works noun (工程, 项目) stands in the name: the descriptions below end on one, and
    the test spares their search of every place of the names that hold none."""
    return any(w in name for w in _WORKS_NOUNS)


_WORKS_NOUNS = words("works_noun")


def _judged(names: list[NameSpan], group: _Group, home: Region | None, works: bool, closing: bool,
            lent: set[str] = frozenset()) -> list[NameSpan] | None:
    """Each name's rejection (project_names.rejection), then the list's: a 中心 that breaks ground is a
    building; a list holding a kind of project (海上风电、核电和抽水蓄能) is a list of kinds unless a placed
    name stands in it; once one name is a placed facility its unanchored neighbours are facilities too."""
    rules = project_rules()
    if names and acts_on_no_works(names[-1].name, rules):
        return None
    # 推进中核汇能通榆、华电榆树、天楹辽源等5个…项目建设: a counted list whose every name is placed by its
    # own words names those projects (the annotated README's call), as a listed group does
    listed = group.listed or (group.counted_only and len(names) > 1 and all(is_placed(n.name, home, rules) for n in names))
    reasons = [rejection(n.name, listed=listed, home=home, rules=rules, verb_names_works=works,
                         opened_or_done=closing) for n in names]
    if lent:
        reasons = ["" if r == "no anchor" and n.name.endswith(tuple(lent)) else r for n, r in zip(names, reasons)]
    if group.counted_only:
        reasons = [r or ("" if is_placed(n.name, home, rules) else "not placed") for n, r in zip(names, reasons)]
    if closing:
        # 罗山科技园产业集聚中心、国际创新中心…全面动工 (国际航运中心 is never 动工)
        reasons = ["" if r == "no facility" and n.name.endswith(_BUILDING_ENDS) else r for n, r in zip(names, reasons)]
    if any(r.startswith("generic") for r in reasons):
        # a kind at the end of a list of placed names (杭温高铁、金建铁路和城市轨道交通) drops alone
        if not any(not r and is_placed(n.name, home, rules) for n, r in zip(names, reasons)):
            return None
    if "" in reasons:
        # 时代锂电材料产业基地 beside 衢州数字经济产业园
        reasons = ["" if r == "no anchor" else r for r in reasons]
        ends = {_facility_end(n.name, rules) for n, r in zip(names, reasons) if not r} - {""}
        reasons = ["" if r in _SIBLING_LIFTS and _one_of_the_list(n.name, ends, rules) else r
                   for n, r in zip(names, reasons)]
    return [n for n, r in zip(names, reasons) if not r]


# the reasons a named sibling lifts: the name is of a kind, or its words are all generic ones
_SIBLING_LIFTS = ("generic: a kind", "generic: no proper name", "no facility")
_CIVIC = re.compile(rf"(?:{alternation('civic_level')})?(?:{alternation('civic_building')})(?:新馆|[一二三四五六七八九十]期)?")
_PHASE_END = re.compile(r"[一二三四五六七八九十\d]+期$")
_QUALIFIED = re.compile(rf"^(?:{alternation('stage_qualifier')})")
_SUPERLATIVE = re.compile(SUPERLATIVES)


def _facility_end(name: str, rules) -> str:
    """The facility noun a name ends on, a phase aside (中心大道三期 → 大道), "" when none."""
    bare = _PHASE_END.sub("", name)
    # only the kinds ending on the name's last character can end it (most names end on none)
    return next((k for k in kinds_ending_on(bare[-1:], rules) if bare.endswith(k) and len(bare) > len(k)), "")


def _one_of_the_list(name: str, ends: set[str], rules) -> bool:
    """A name the rules call a kind is one of the works its list names when a named sibling ends on
    the same facility (智慧城市产业园 beside 地理信息产业园; 中心大道三期 beside 双湖大道), or when it is
    a place's one civic building (科技馆, 市民中心, 省图书馆二期) beside named works; a kind that says its
    stage (在建抽水蓄能电站) or holds no facility stays out."""
    if _QUALIFIED.match(name) or _SUPERLATIVE.search(name):
        return False
    if _CIVIC.fullmatch(name):
        return True
    return _facility_end(name, rules) in ends and len(_PHASE_END.sub("", name)) > len(_facility_end(name, rules)) + 1


_BUILDING_ENDS = words("building_end")
_APPOSITIVE_DESCRIPTION = re.compile(rf"(?:{SUPERLATIVES})[^、]{{0,8}}(?:{_WORKS})$")
_DESCRIBED_AS_PROJECT = re.compile(rf"^[^\d]{{0,4}}?{_PROJECT}(?=.{{3}})")
# 全省首个超百亿元水利工程娄里水库: a superlative or a sum describes the works named after it
_DESCRIPTOR = re.compile(
    rf"(?:{SUPERLATIVES}|单体|超?[百千万]?亿元(?:级|{word_alternation(NOUN_THRESHOLD_SUFFIXES)})?)"
    rf"[^、]{{0,8}}?(?:{_WORKS})(?=.{{3}})")


def _after_description(item: NameSpan) -> NameSpan | None:
    """The name after a description (…投资最大的单体项目X, 全省首个超百亿元水利工程X → X), when it is one."""
    cut = item.name.rfind("的") + 1
    described = None
    for described in _DESCRIPTOR.finditer(item.name, cut):
        pass
    if described is not None:
        cut = described.end()
    rest = item.name[cut:]
    lead = _DESCRIBED_AS_PROJECT.match(rest)
    cut += lead.end() if lead else 0
    name = item.name[cut:]
    if len(name) < 3 or rejection(name, listed=False, home=None, rules=project_rules(), verb_names_works=True):
        return None
    return NameSpan(name, item.start + cut, item.end)


def _trimmed(item: NameSpan) -> NameSpan:
    lead = investment_lead(item.name)
    name = clean_name(item.name[lead:])
    verbless = strip_item_verb(name)
    start = item.start + lead + (len(name) - len(verbless))
    return NameSpan(verbless, start, start + len(verbless))


def _last_deng(body: str) -> int | None:
    if _GROUP_MARK not in body:
        return None  # most bodies: no 等 to find, no characters to walk
    depth = 0
    last = None
    for i, ch in enumerate(body):
        if ch in "“(（《":
            depth += 1
        elif ch in "”)）》" and depth:
            depth -= 1
        elif ch == _GROUP_MARK and depth == 0 and _DENG.match(body, i):
            last = i
    # 等一批地标性、功能性项目: a quantified group may list its qualities with 、; the names end at 等
    if last is None or ("、" in body[last:] and not _QUANTIFIER.match(body[last + 1:])):
        return None
    return last


def _head_of_group(tail: str) -> str | None:
    """The facility kind after 等 (抽水蓄能电站, 高速公路), "" for a bare 项目, None for a programme."""
    rules = project_rules()
    head = _LEADING_QUANTITY.sub("", _QUANTIFIER.sub("", tail))
    cut = _WORKS_RE.search(head)
    if cut:
        head = head[:cut.start()] if cut.group(0) == _PROJECT else head[:cut.end()]
    # 等高速公路续建项目: the stage word after the kind is not part of it
    head = _STAGE_QUALIFIER_END.sub("", head)
    changed = True
    while changed:
        changed = False
        for p in rules.generic_prefixes:
            if head.startswith(p) and len(head) > len(p):
                head, changed = head[len(p):], True
    if head == "" or head in words("bare_group_head"):
        return ""
    if cut is not None and cut.group(0) == _PROJECT and head.endswith(_field_words(rules)):
        # 海博思创、阳光电源等一批储能装备制造项目: a field of industry is no facility the names share
        # (大同市2025年政府工作报告)
        return ""
    if head.endswith(rules.programme_suffixes):
        # 等电源电网项目: projects of a field named like a programme are still projects
        return "" if cut is not None and cut.group(0) == _PROJECT else None
    if cut is None and not has_facility(head, rules):
        return None  # 等数智技术创新, 等新型原生产品: the list is of things, not projects
    return head


_WORKS_RE = re.compile(_WORKS)
_TRAILING_MAJOR_PROJECT = re.compile(rf"(?:{alternation('major_word')})?(?:{alternation('project_word')})$")
# 对于A、B等2个拟新开工项目; 先后来到A、B等新竣工项目现场 (a site visit, no count)
_COUNTED_STAGE = re.compile(
    rf"等[^、\d]{{0,4}}(?:\d+\s*(?:多|余)?[个项])?(?P<verb>{stage_verb_patterns()})(?:{_WORKS})(?:{alternation('site_word')})?$")
# Every source of a clause's own stage holds one of these: a stage verb before or after the names
# (also the one inside a counted list) or a building tail. Four clauses in five hold none, and one
# search sets them aside before the steps that each read the clause again. Only whether it finds one
# counts, not which: the plain verbs and building tails are the arms of a trie beside the gap verbs,
# every arm opening on a literal, so that the engine passes over places where none opens and reads
# each other place once instead of trying a hundred and more words there.
_STAGE_WORDING = re.compile("|".join(
    trie_arms([v.verb for v in project_rules().stage_verbs if "…" not in v.verb] + list(words("building_tail"))
              + list(words("works_verb_suffix")))
    + [v.pattern for v in project_rules().stage_verbs if "…" in v.verb]))
# Where _STAGE_WORDING can match, found for the whole text in one pass: the words it opens on (a gap
# verb's first part: 纳入 of 纳入…规划). A clause holding none of them is set aside before it is cut
# out and its asides blanked (blanking only turns characters to spaces, so a match in the blanked
# clause opens on a word of the text at the same place); the words hold no clause mark, so every
# occurrence lies inside one clause and finditer's non-overlapping matches still mark each clause.
# (Which of two overlapping words a match takes is no matter then: written as a trie, read once.)
_STAGE_WORDING_START = re.compile(trie_alternation(
    [v.verb.split("…")[0] for v in project_rules().stage_verbs] + list(words("building_tail"))
    + list(words("works_verb_suffix"))))
_STAGE_QUALIFIER_END = re.compile(rf"(?:{alternation('stage_qualifier')})$")
_STAGE_QUALIFIER_START = re.compile(rf"^(?:{alternation('stage_qualifier')})")


def _field_words(rules) -> tuple[str, ...]:
    return tuple(c.keyword for c in rules.categories if c.category and not c.facility)


def _counted_kind(after_count: str) -> str | None:
    """The facility kind a count of listed names is of (等11处煤矿 → 煤矿), None for projects in general."""
    # 等6条续建道路: the stage word says which roads, not what kind of thing they are
    kind = _STAGE_QUALIFIER_START.sub("", after_count.strip())
    if kind.endswith(words("works_noun")):
        # 等7个铁路项目: projects of one facility kind are facilities of that kind; 等60个旧城区改建项目 are not
        kind = _TRAILING_WORKS.sub("", kind)
        return kind if kind in project_rules().kind_nouns else None
    if not kind or len(kind) > 6:
        return None
    if kind in _PLAIN_KINDS:
        return ""  # 兴梁道北延、瑞景公园南侧规划道路等7条道路: each name is a road already
    return kind if kind.endswith(project_rules().kind_nouns) else None


_PLAIN_KINDS = ("道路", "路")
_TRAILING_WORKS = re.compile(f"(?:{_WORKS})$")


def _as_written(doc: Document, m: ProjectMention) -> str:
    """The name in the report's own characters (金华（义乌）, not the normalised 金华(义乌)).

    An expanded name is its own words plus the head it borrowed, each taken from the original.
    """
    text = doc.text
    n = 0
    while n < len(m.name) and m.start + n < len(text) and text[m.start + n] == m.name[n]:
        n += 1
    pieces = [(m.start, m.start + n)] if n else []
    rest = m.name[n:]
    if rest:
        j = text.rfind(rest, m.start, m.end)
        if j < 0:
            return m.name
        pieces.append((j, j + len(rest)))
    written = "".join(_LINE_BREAKS.sub("", doc.original_slice(a, b)) for a, b in pieces)
    # a slice that spans removed page furniture is not the name: keep the normalised form
    if len(written) != len(m.name):
        return m.name
    # Punctuation stays as written, but characters stay as read: a traditional report's 麗水 is converted
    # to 丽水 for extraction (the only step that turns one Han character into another), and a name must
    # match the same project named in simplified feeds and reports.
    return "".join(read if is_han(read) and is_han(kept) else kept for kept, read in zip(written, m.name))


@lru_cache(maxsize=4096)  # headings and names recur across a report's clauses
def category_of(name: str, heading: str) -> str:
    """The field a project belongs to: the sector its section heading names ((一)奋力推进综合交通建设
    lists transport projects, 南明湖冰雪大世界 among them under 产业), else its own name's kind."""
    rules = project_rules()
    for source in (heading, name):
        for c in rules.categories:
            if c.category and names_kind(source, c.keyword):
                return c.category
    return ""


def heading_at(doc: Document, offset: int) -> str:
    """The innermost (一) or 一、 heading over `offset`: it names a sector, which a project's category
    follows; 一是… headings name a task (二是建强开放枢纽)."""
    around = [s for s in sections_at(doc, offset) if s.level <= 2]
    return max(around, key=lambda s: s.level).heading if around else ""


# Project-start news: the stage is said once, in a lead or a heading, of the projects listed after it.
_LIST_ITEM_SEP = re.compile(r"[;；,，]")
_SENTENCE_END = re.compile(r"[。!！?？\n]")
_LINE_MARKS = re.compile(r"[。;；!！?？,，:：]")
_HEADING_REACH = 20


def listed_after_a_start(text: str, found: list[ProjectMention]) -> list[ProjectMention]:
    """Projects a lead or heading gives their stage to, not already found: the announced list
    (…7个项目集中开工。这7个项目分别为:总投资X的A项目;总投资Y的B项目。) and the lines of their own
    under a heading (开工项目名单 / A项目 / B项目)."""
    taken = [(m.start, m.end) for m in found]
    new = _announced_items(text) + _lines_under_heading(text)
    return [m for m in new if not any(s < m.end and m.start < e for s, e in taken)]


_ANY_STAGE_VERB = re.compile(stage_verb_patterns())


def _lead_stage(lead: str) -> str:
    """The stage of the last stage verb a lead or heading holds, "" when it holds none."""
    last = None
    for last in _ANY_STAGE_VERB.finditer(lead):
        pass
    return _stage_of_post(last.group(0)) if last else ""


def _project_item(item: str, at: int) -> ProjectMention | None:
    """总投资4150万元的X项目 → X: an item that ends on 项目, its investment lead and a generic tail
    (建设) taken off; None for an item that does not end on 项目."""
    at += len(item) - len(item.lstrip())
    item = item.strip()
    lead = investment_lead(item)
    if not item.endswith(_PROJECT) or len(item) - lead - len(_PROJECT) < 4:
        return None
    name = item[lead:-len(_PROJECT)]
    name = next((name[:-len(t)] for t in project_rules().listed_tails if name.endswith(t)), name)
    return ProjectMention(name, "", at + lead, at + lead + len(name)) if len(name) >= 4 else None


def _staged(items: list[ProjectMention | None], stage: str) -> list[ProjectMention]:
    """Every item, with the lead's stage, when every item is a project and there are two or more."""
    if not stage or len(items) < 2 or any(i is None for i in items):
        return []
    return [ProjectMention(i.name, stage, i.start, i.end) for i in items if i is not None]


def _announced_items(text: str) -> list[ProjectMention]:
    """这7个项目分别为:A项目;B项目,C项目。 — a clause naming projects and no stage, closed by a colon,
    announces the rest of its sentence as a list; the sentence before gives the stage."""
    out: list[ProjectMention] = []
    for colon in re.finditer(r"[:：]", text):
        opened = max(text.rfind(c, 0, colon.start()) for c in "。!！?？\n,，;；") + 1
        clause = text[opened:colon.start()]
        if _PROJECT not in clause or _lead_stage(clause):
            continue
        out += _staged(_list_items(text, colon.end()), _lead_stage(_sentence_before(text, opened)))
    return out


def _sentence_before(text: str, at: int) -> str:
    """The sentence ending just before `at` (its closing marks and spaces passed over)."""
    end = at
    while end > 0 and (text[end - 1].isspace() or _SENTENCE_END.match(text, end - 1)):
        end -= 1
    return text[max(text.rfind(c, 0, end) for c in "。!！?？\n") + 1:end]


def _list_items(text: str, start: int) -> list[ProjectMention | None]:
    """The rest of the sentence from `start`, split at ; and , into items read as projects."""
    end_m = _SENTENCE_END.search(text, start)
    end = end_m.start() if end_m else len(text)
    items, pos = [], start
    for part in _LIST_ITEM_SEP.split(text[start:end]):
        items.append(_project_item(part, pos))
        pos += len(part) + 1
    return items


def _lines_under_heading(text: str) -> list[ProjectMention]:
    """开工项目名单 then lines that each hold one project and no sentence mark: the heading's stage
    is said of every line down to the first line that is not such a name."""
    out: list[ProjectMention] = []
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    for i, (_, heading) in enumerate(lines):
        if len(heading.strip()) > _HEADING_REACH or _LINE_MARKS.search(heading):
            continue
        stage = _lead_stage(heading)
        if not stage:
            continue
        items = []
        for at, line in lines[i + 1:]:
            item = None if _LINE_MARKS.search(line) else _project_item(line, at)
            if item is None:
                break
            items.append(item)
        out += _staged(items, stage)
    return out
