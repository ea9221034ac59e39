"""Project names inside a clause: split lists, expand shared heads, reject what is not a facility.

A list of names is joined by 、 and 和 (和 inside a place name such as 云和 is not a joiner).
A name too bare to stand alone borrows the head of a later name or of the 等 phrase:
景宁、松阳抽水蓄能电站 → 景宁抽水蓄能电站; 花街村和青岗村城中村改造 → 花街村城中村改造;
义龙庆元段等高速公路 → 义龙庆元段高速公路.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from flows.extract.project_rules import ProjectRules, project_rules
from flows.extract.regions import Region, gazetteer
from flows.extract.comparators import NOUN_THRESHOLD_SUFFIXES, PREFIX_PATTERN
from flows.extract.vocabulary import alternation, longest_first, trie_alternation, trie_arms, word_alternation, words

_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")
# a count makes the phrase a count target (60个旧城区改建房屋项目, 建设177家网点)
# …专债资金10亿元: a sum of money is never part of a name (牟定县2024年政府工作报告)
# a count of divisions (迭部、碌曲、玛曲、镇原4县高速项目) makes the list one of places, not of projects
_COUNT = re.compile(r"\d[\d.]*\s*(?:多|余)?(?:万|亿)?(?:多|余)?(?:个|家|座|条|处|所|项|批|类|户|场|套|台|名|班|公里|千米|米|亩|平方米|元|县|市|区|镇|乡)")
_WORKS = alternation("works_noun")
_SINGLE_KIND_END = re.compile(
    rf"(?:[(（][^)）]*[)）]|[一二三四五六七八九十\d]+期|{_WORKS}|{alternation('works_verb_suffix')})+$"
)
_QUOTED = re.compile(r"[“\"《]")
_QUOTED_HEAD = re.compile(r"^“[^”]{2,}”[^“”]{3,}$")
# “深海一号”, “奋斗者”号: a designation (a name numbered by 号) in quotes (curly, single or half-width)
# names one platform or vessel;
# “三医联动一张网” (hainan 2026: 建成运行) is a slogan
# (a phase or a works noun after it is the platform's own: “深海一号”二期工程)
_QUOTED_DESIGNATION = re.compile(
    rf"[“\"‘][^“”\"‘’]{{1,10}}(?:[一二三四五六七八九十\d]+号[”\"’]|[”\"’]号)(?:{_PHASE.pattern})?(?:{_WORKS})?")
# 关门嘴子水库工程, 林海水库: a reservoir is named after its own site (黑龙江省2022年政府工作报告);
# 病险水库, 小型水库 are kinds
_NAMED_RESERVOIR = re.compile(
    rf"^(?!{alternation('reservoir_kind')})[\u4e00-\u9fff]{{2,6}}(?:{alternation('site_named_facility')})(?:{_WORKS})?$")
# 城区四环路, 东六环: a ring road is named by its number (福州市2026年政府工作报告)
_NUMBERED_RING = re.compile(rf"[二三四五六七八九十]环(?:{alternation('ring_road_tail')})?")
# 有两座大型水库 / 环巢湖十大湿地: a count in Chinese numerals (a phase, 一期, is not one; a name opening
# on 五大 is a place, 五大连池)
_CN_COUNT = re.compile(r"[两二三四五六七八九十百千]+(?:座|个|条|项|家|所|批)|(?<=.)[两二三四五六七八九十]+大")
_GROUP_DENG = re.compile(r"等(?![级同于])")
# the words that make a description of one of a kind (全省首个…, 全球最大…): used to cut a description off a
# name (projects.py) and to refuse a name that is only such a description (首座抽水蓄能电站)
SUPERLATIVES = "首个|首座|首条|第一个|最大|最长|最高|唯一"
_SUPERLATIVE_LEAD = re.compile(rf"^(?:{alternation('scope_whole')})?(?:{SUPERLATIVES})")
_COMPARATOR = re.compile(alternation("figure_word"))
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_VOLTAGE = re.compile(rf"\d[\d.]*\s*(?:万)?(?:{alternation('voltage_unit')})")
# a code that singles a facility out (G322, T2, C区, 95MW); a bare acronym (LNG接收站) names a kind
_CODE = re.compile(r"\d|(?<![A-Za-z])[A-Za-z](?![A-Za-z])")
# 和 that belongs to a word, not a list: 和美乡村, 协和医院, 人和集团
_WORD_HE = re.compile(r"(?<=[协中平温祥人])和|和(?=[美谐平睦])")
# railways and roads are named by the initials of the places they join (衢丽铁路, 杭淳开高速公路)
_LINE = re.compile(alternation("line_word"))
# 宁和城际铁路 (南京–和县): 和 between two places' initials right before the line word is a name
_INITIALS_HE = re.compile(rf"(?:^|(?<=[、,，]))[\u4e00-\u9fff](?P<he>和)(?={alternation('initials_he_before')})")
_OPEN = "“(（《\"'"
_CLOSE = "”)）》\"'"


class NameSpan(NamedTuple):  # a tuple: a list's every item is cut, trimmed and judged as one
    name: str
    start: int  # offsets into doc.text
    end: int


def split_items(body: str, offset: int, home: Region | None, places_hold_he: bool = True) -> list[NameSpan]:
    """Cut a list on 、 and on a free-standing 和, outside quotes and brackets; a 和 inside a place's
    name (云和, 西和) cuts only when `places_hold_he` is False (the caller knows the count of items)."""
    masked = _mask_word_he(body, home, places_hold_he)
    out: list[NameSpan] = []
    start = 0
    if _BRACKET_OR_QUOTE.search(masked) is None:
        # nothing nests: every 、, free 和 and 以及 cuts (the loop below, without its depth)
        for cut in _ITEM_CUT.finditer(masked):
            out.append(NameSpan(body[start:cut.start()], offset + start, offset + cut.start()))
            start = cut.end()
        out.append(NameSpan(body[start:], offset + start, offset + len(body)))
        return [part for s in out if s.name.strip() for part in _split_on_yu(_strip_span(s))]
    depth = 0
    for i, ch in enumerate(masked):
        if ch in _OPEN and not (ch in _CLOSE and depth > 0):
            depth += 1
        elif ch in _CLOSE and depth > 0:
            depth -= 1
        elif depth == 0 and ch in "、和":
            out.append(NameSpan(body[start:i], offset + start, offset + i))
            start = i + 1
        elif depth == 0 and body.startswith("以及", i) and i >= start:
            out.append(NameSpan(body[start:i], offset + start, offset + i))
            start = i + 2
    out.append(NameSpan(body[start:], offset + start, offset + len(body)))
    return [part for s in out if s.name.strip() for part in _split_on_yu(_strip_span(s))]


_BRACKET_OR_QUOTE = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")
_ITEM_CUT = re.compile("[、和]|以及")


def _split_on_yu(item: NameSpan) -> list[NameSpan]:
    """杭温高铁与金建铁路 is two facilities; 灌区续建配套与现代化改造 is one works: 与 joins two names
    only when each side names a facility of its own. 及 keeps one approved scheme together
    (云和妇幼保健中心迁建及托育中心) unless what follows is placed by its own words too
    (巴塘水电站及雅砻江孟底沟水电站)."""
    for joiner in ("与", "及"):
        i = item.name.find(joiner)
        if i < 2 or i > len(item.name) - 3:
            continue
        left, right = item.name[:i], item.name[i + 1:]
        if joiner == "及" and _route_between_places(left, None) and _ROUTE_TO in right and has_kind(right):
            # 贵港至南宁及崇左至南宁航道: two routes between places sharing one kind are two works
            return [NameSpan(left, item.start, item.start + i), NameSpan(right, item.start + i + 1, item.end)]
        if not (has_kind(left) and has_kind(right)):
            continue
        if joiner == "及" and not is_placed(right, None) and not left.endswith(words("works_noun")):
            # 聋盲学校周边道路新建工程及湖景北路: a works complete in itself, then another name
            # (无锡经开区2025) — 迁建及托育中心 stays one scheme
            continue
        return [NameSpan(left, item.start, item.start + i), NameSpan(right, item.start + i + 1, item.end)]
    return [item]


def _mask_word_he(body: str, home: Region | None, places_hold_he: bool = True) -> str:
    if "和" not in body:
        return body  # every mask below covers a 和; most lists have none, and the gazetteer scan is dear
    chars = list(body)
    for m in gazetteer().mentions(body, home) if places_hold_he else ():
        for i in range(m.start, m.end):
            if chars[i] == "和":
                chars[i] = "＿"
    for m in _WORD_HE.finditer(body):
        chars[m.start()] = "＿"
    for m in _INITIALS_HE.finditer(body):
        chars[m.start("he")] = "＿"
    return "".join(chars)


def _strip_span(s: NameSpan) -> NameSpan:
    lead = len(s.name) - len(s.name.lstrip(" \t"))
    name = s.name.strip(" \t")
    return NameSpan(name, s.start + lead, s.start + lead + len(name))


def names_kind(name: str, keyword: str) -> bool:
    # a one-character kind (路, 站, 馆, 港, 厂) names the facility only at the end of the name
    if len(keyword) == 1:
        return keyword in name and _SINGLE_KIND_END.sub("", name).endswith(keyword)
    return keyword in name


# per word list, kept by identity: the lists are the rules' own tuples, and hashing 160 words on
# every call cost more than the search it saves
_KIND_MATCHERS: dict[int, tuple[tuple[str, ...], re.Pattern[str] | None, frozenset[str], dict[str, bool]]] = {}
# how many names' answers a word list keeps before it starts afresh (a name is asked about again by
# the rules, the list's judgement and the confidence; a run of thousands of reports must not grow it)
_MAX_KIND_ANSWERS = 20000


def _kind_matcher(keywords: tuple[str, ...]) -> tuple[re.Pattern[str] | None, frozenset[str], dict[str, bool]]:
    """One alternation for the multi-character kinds, a set for the one-character ones, and the
    answers given so far."""
    entry = _KIND_MATCHERS.get(id(keywords))
    if entry is None or entry[0] is not keywords:
        multi = [k for k in keywords if len(k) > 1]
        if len(_KIND_MATCHERS) > 32:
            _KIND_MATCHERS.clear()
        # only whether one is found counts: a trie of the words, searched faster than a list of them
        entry = (keywords, re.compile(trie_alternation(multi)) if multi else None,
                 frozenset(k for k in keywords if len(k) == 1), {})
        _KIND_MATCHERS[id(keywords)] = entry
    return entry[1], entry[2], entry[3]


def names_any_kind(name: str, keywords: tuple[str, ...]) -> bool:
    """`any(names_kind(name, k) for k in keywords)` in one regex search, once per name: it runs for
    every name, and again for most of them (half the calls ask about a name asked about before)."""
    multi, single, answers = _kind_matcher(keywords)
    found = answers.get(name)
    if found is None:
        if len(answers) >= _MAX_KIND_ANSWERS:
            answers.clear()
        found = answers[name] = _names_any_kind(name, multi, single)
    return found


def _names_any_kind(name: str, multi: re.Pattern[str] | None, single: frozenset[str]) -> bool:
    if multi is not None and multi.search(name):
        return True
    # the name's end is one of its characters: a name holding no one-character kind ends on none
    # (a set test, before the search of its end that most names would not need)
    return bool(single) and not single.isdisjoint(name) and _SINGLE_KIND_END.sub("", name)[-1:] in single


def has_facility(name: str, rules: ProjectRules | None = None) -> bool:
    rules = rules or project_rules()
    return (
        bool(_PHASE.search(name))
        or names_any_kind(name, rules.facility_nouns)
        or bool(_TRANSFER.search(name))
    )


def is_bare(name: str, home: Region | None) -> bool:
    """Too bare to be a project on its own: a place name, or a short word without a facility."""
    if gazetteer().resolve(name, home) is not None:
        return True
    return len(name) <= 5 and not has_facility(name)


_QUOTE_OPENS = "“"


def head_of(later: str, bare: str, home: Region | None, rules: ProjectRules | None = None) -> str:
    """The head a bare name borrows from the later name it is listed with."""
    rules = rules or project_rules()
    gaz = gazetteer()
    if gaz.resolve(bare, home) is not None:
        mentions = gaz.mentions(later, home)
        if mentions and mentions[0].start == 0:
            return later[mentions[0].end:]
    n = len(bare)
    if n < len(later) - 1 and (later[n - 1] == bare[-1] or later[n] == _QUOTE_OPENS):
        # 美锦、华鑫“上大关小”焦化技改: a name as long as the bare one, then a quoted qualifier; all after
        # the name is shared; one character left over finishes a word the bare name already holds in
        # short (实验三中、鸡公岭中学: 中 is 中学), and is not lent
        return later[n:]
    tail = _field_tail(later, rules)
    if tail:
        return tail
    for k in kinds_ending_on(later[-1:], rules):  # longest first
        if later.endswith(k):
            return k
    return ""


def kinds_ending_on(last: str, rules: ProjectRules | None = None) -> tuple[str, ...]:
    """The kind nouns ending on the character `last`, in the table's order: the only ones a name
    ending on it can end on (a walk of these, not of every kind noun, finds the same first one)."""
    return _kinds_by_last(rules or project_rules()).get(last, ())


@lru_cache(maxsize=4)
def _kinds_by_last(rules: ProjectRules) -> dict[str, tuple[str, ...]]:
    by_last: dict[str, list[str]] = {}
    for k in rules.kind_nouns:
        by_last.setdefault(k[-1:], []).append(k)
    return {ch: tuple(ks) for ch, ks in by_last.items()}


@lru_cache(maxsize=4)
def _field_words_longest_first(rules: ProjectRules) -> tuple[str, ...]:
    return longest_first(c.keyword for c in rules.categories if c.category and len(c.keyword) > 1)


def _field_tail(later: str, rules: ProjectRules) -> str:
    """比亚迪、吉利汽车零部件: the field words that end the later name (汽车零部件), when what they
    follow is a name of its own (吉利); "" otherwise."""
    words = _field_words_longest_first(rules)
    if not later.endswith(words):
        return ""  # no field word ends it (one test in C before the loop below tries each)
    rest = later
    while True:
        word = next((w for w in words if rest.endswith(w) and len(rest) > len(w)), None)
        if word is None:
            break
        rest = rest[: -len(word)]
    tail = later[len(rest):]
    return tail if len(rest) >= 2 and len(tail) >= 3 else ""


def expand_shared_heads(items: list[NameSpan], shared: str, shared_end: int, home: Region | None) -> list[NameSpan]:
    """Give bare names the head they share with a later name, or with the 等 phrase.

    An expanded name's span runs from the bare name to the end of the head it borrowed.
    """
    out = list(items)
    rules = project_rules()
    for i, item in enumerate(items):
        route = _route_prefix(out[:i], item.name)
        if route:
            # 国道109线、219线、318线: a bare route number after a numbered route takes its road class
            # (10号线二期、14号线 have none to give)
            item = out[i] = NameSpan(route + item.name, item.start, item.end)
        hub = _hub_of(items[i - 1].name, item.name) if i > 0 else ""
        if hub:
            # 荆州机场航站楼、跑道及相关配套设施, 洋浦港20万吨级泊位和深水航道: a bare part of a hub after a
            # placed part of it is a part of the same hub; the span runs from the hub's name
            out[i] = NameSpan(hub + item.name, items[i - 1].start, item.end)
            continue
        if _PHASE.fullmatch(item.name) and i > 0:
            # 一期、二期: the second phase repeats the first name
            prev = out[i - 1].name
            m = _PHASE.search(prev)
            if m:
                out[i] = NameSpan(prev[:m.start()] + item.name, item.start, item.end)
            continue
        if item.name.endswith(rules.programme_suffixes) and not has_kind(item.name, rules):
            continue  # 国家水网、雅下水电站: a programme borrows no facility's head
        if not is_bare(item.name, home):
            own = _VOLTAGE.sub("", item.name)  # 750千伏定靖西: a voltage is not the facility
            kindless = (_route_between_places(own, home) or _numbered_like_its_list(items, i)
                        or (not has_kind(own, rules) and not has_facility(own, rules)))
            if shared and kindless:
                # 岚皋至陕渝界等4条高速公路: a name that names no facility of its own is one of the 等 kind
                out[i] = NameSpan(with_head(item.name, shared, rules), item.start, shared_end)
            elif i + 1 < len(items):
                later = items[i + 1]
                borrowed = _parallel_head(item.name, later.name, rules)
                if not borrowed and kindless and is_placed(item.name, home, rules) and not _has_field(own, rules):
                    # 金沙江上游叶巴滩、巴塘水电站: a placed name with no field or facility word takes the
                    # next one's facility (青田宏裕新材料 names its field, and keeps it)
                    tail = _field_tail(later.name, rules)
                    borrowed = tail if has_kind(tail, rules) else ""
                if not borrowed and _route_between_places(own, home):
                    later, borrowed = _kind_of_routes(items[i + 1:], home, rules)
                if borrowed:
                    out[i] = NameSpan(item.name + borrowed, item.start, later.end)
            continue
        head, end = shared, shared_end
        for later in items[i + 1:]:
            if not is_bare(later.name, home):
                borrowed = head_of(later.name, item.name, home)
                if borrowed:
                    head, end = borrowed, later.end
                break
        if head and not has_own_class(item.name, head):
            out[i] = NameSpan(with_head(item.name, head, rules), item.start, end)
    return _without_split_works(out) if len(out) > 1 else out


# 延安、榆林、安康机场迁建扩建工程, 蒙自、昭通、楚雄机场新建迁建: two works words after a list's shared
# facility split among its members (one moved, one widened), so neither is any one name's; each name
# ends on the facility (陕西省2018年政府工作报告, 云南省2023年政府工作报告)
_SPLIT_WORKS = re.compile(rf"(?:{alternation('works_verb_suffix')}){{2}}(?:{_WORKS})?$")


def _without_split_works(names: list[NameSpan]) -> list[NameSpan]:
    split = _SPLIT_WORKS.search(names[-1].name)
    if split is None:
        return names
    tail = split.group(0)
    return [NameSpan(n.name[: -len(tail)], n.start, n.end) if n.name.endswith(tail) and len(n.name) > len(tail) + 1
            else n for n in names]


_BARE_ROUTE = re.compile(r"\d+(?:号?线|$)")
_CLASSED_ROUTE = re.compile(r"(?P<cls>[^\d\W]{2,4}?)\d+(?:号?线)?")


_ROUTE_TO = "至"


def _route_between_places(name: str, home: Region | None) -> bool:
    """梧州至贵港等27个高速公路项目: a route that ends on a place's name names no facility, even where
    the place's name ends like one (贵港, 港 a port): it takes the kind it is listed with."""
    end = name.rfind(_ROUTE_TO)
    return 0 < end < len(name) - 1 and gazetteer().resolve(name[end + 1:], home) is not None


def _kind_of_routes(later: list[NameSpan], home: Region | None, rules: ProjectRules) -> tuple[NameSpan, str]:
    """梧州至贵港、贵港至南宁、崇左至南宁航道: routes between places listed before a route that ends on
    a kind share that kind; the later item lending it and the kind ("" when no route lends one)."""
    for item in later:
        if _route_between_places(item.name, home):
            continue
        if _ROUTE_TO in item.name:
            kind = next((k for k in kinds_ending_on(item.name[-1:], rules) if item.name.endswith(k)), "")
            return item, kind
        break
    return later[0], ""


def _numbered_like_its_list(items: list[NameSpan], i: int) -> bool:
    """国道108、208、307等一级公路贯通工程: route numbers listed after a classed one (208 after 国道108),
    and the classed one before them, are numbers of one list and take the 等 kind, class or not."""
    name = items[i].name
    if _BARE_ROUTE.fullmatch(name):
        return i > 0 and _CLASSED_ROUTE.fullmatch(items[0].name) is not None
    return (i + 1 < len(items) and _CLASSED_ROUTE.fullmatch(name) is not None
            and _BARE_ROUTE.fullmatch(items[i + 1].name) is not None)


def _route_prefix(before: list[NameSpan], name: str) -> str:
    """The road or line class (国道) a bare route number (219线) borrows from the numbered route listed
    first before it, "" when it is no bare number or none before it has a class."""
    if not before or not _BARE_ROUTE.match(name):
        return ""
    first = _CLASSED_ROUTE.match(before[0].name)
    return first.group("cls") if first else ""


_HUB = re.compile(rf"^.+?(?:{alternation('hub_word')})")
_HUB_PART = re.compile(rf"(?:{alternation('hub_part')})")


def _hub_of(before: str, name: str) -> str:
    """The hub (荆州机场, 洋浦港) a bare part (跑道, 深水航道) shares with the listed name before it, when
    that name is a part of the hub too (荆州机场航站楼); "" otherwise."""
    if not _HUB_PART.match(name):
        return ""
    hub = _HUB.match(before)
    if hub is None or len(hub.group(0)) < 3 or not _HUB_PART.match(before, hub.end()) and not _PART_AFTER_SIZE.match(before, hub.end()):
        return ""
    return hub.group(0)


# 洋浦港20万吨级泊位: a berth's size between the hub and the part
_PART_AFTER_SIZE = re.compile(rf"\d[\d.]*万?吨级(?:{alternation('hub_part')})")


def has_own_class(name: str, head: str) -> bool:
    """爱民大街、…兴工路等主次街路, 中心台桥等8座危桥: a member that already ends on the class its list's
    kind word names (a street end before 路 or 街路, 桥 before 危桥) is of that class, and takes no
    second one; 核心变、东场变等3个变电所: a member ending on the kind's first character names it short."""
    if not head or len(name) < 3:
        return False
    short = name[-1] == head[0] and head in project_rules().kind_nouns
    return short or name[-1] == head[-1] or (name.endswith(_STREET_ENDS) and head.endswith(_STREET_ENDS))


def with_head(name: str, head: str, rules: ProjectRules) -> str:
    """A borrowed head goes before the works a name ends on: 四梅集扩能 + 铁路 is 四梅集铁路扩能, the
    facility being widened, as the guide names it."""
    tail = next((w for w in rules.works_tails if name.endswith(w) and len(name) > len(w)), "")
    if not tail or head.endswith(tail):
        return name + head
    return name[: -len(tail)] + head + tail


def _has_field(name: str, rules: ProjectRules) -> bool:
    return names_any_kind(name, _category_words(rules))


@lru_cache(maxsize=4)
def _category_words(rules: ProjectRules) -> tuple[str, ...]:
    """The keywords of the categories (one tuple per rule set: names_any_kind keeps its matcher by identity)."""
    return tuple(c.keyword for c in rules.categories if c.category)


def _parallel_head(name: str, later: str, rules: ProjectRules) -> str:
    """南京北站、苏州北站综合枢纽: the later name is one as long as this one, ending alike (北站),
    followed by a facility kind the two share (综合枢纽); "" when the names are not parallel."""
    n = len(name)
    rest = later[n:]
    if n < 3 or not rest or later[n - 2:n] != name[-2:] or name.endswith(rest):
        return ""
    return rest if has_kind(rest, rules) and not _PHASE.search(rest) else ""


# an investment figure said of the project is not its name: 温州机场三期(总投资50亿元),
# 总投资35亿元的丽水市中心医院
_PLAN = alternation("plan_word")
_INVESTMENT = "投资"
_INVESTMENT_NOTE = re.compile(rf"[(（](?:{_PLAN})?总?{_INVESTMENT}[^)）]*[)）]$")
_INVESTMENT_LEAD = re.compile(
    rf"^(?:{_PLAN})?总?投资\s*(?:{PREFIX_PATTERN})?\d[\d.]*(?:万|亿)?元(?:{word_alternation(NOUN_THRESHOLD_SUFFIXES)})?的")
_GROUP_MARK = "等"
_PROJECT_WORDS = words("project_word")
_INNER_GROUP = re.compile(rf"(?<=.{{2}}){_GROUP_MARK}(?:{alternation('group_quantifier')})?[\u4e00-\u9fff]{{0,6}}?(?:{_WORKS})$")
_TRAILING_PROJECT = re.compile(
    rf"(?:等)?(?:{alternation('group_quantifier')})?(?:{alternation('major_word')})?(?:{alternation('project_word')})$")


# a report's note marker inside a name (G225乐东至三亚段“五网合一”［20］示范项目) points to a footnote and
# is no part of the name
_NOTE_MARK = re.compile(r"[［\[〔]\d{1,3}[］\]〕]")


def clean_name(name: str) -> str:
    """Drop the trailing 项目 / 等 a list leaves on its names (the guide's name form), an
    investment figure in brackets after it, and footnote markers."""
    name = _NOTE_MARK.sub("", name.strip())
    # each pattern holds a word the name must hold for it to match: a test for the word first
    # (most names hold none of them) spares the search that tries every place of the name
    if _INVESTMENT in name:
        name = _INVESTMENT_NOTE.sub("", name)
    # 金建铁路等交通项目和瑞安抽水蓄能电站等能源项目: an inner 等 group closes its own name
    if _GROUP_MARK in name:
        name = _INNER_GROUP.sub("", name)
    if any(w in name for w in _PROJECT_WORDS):
        name = _TRAILING_PROJECT.sub("", name)
    return name.strip()


def investment_lead(name: str) -> int:
    """The length of an investment figure opening the name (总投资35亿元的), 0 when there is none."""
    m = _INVESTMENT_LEAD.match(name)
    return m.end() if m else 0


def residue(name: str, rules: ProjectRules | None = None) -> str:
    """What is left of a name once every generic word is taken out: a proper noun, or nothing."""
    rules = rules or project_rules()
    rest = _PHASE.sub("", name)
    ordered, by_first = _residue_words(rules)
    # taking words out never adds a character, so only the words opening on a character of the
    # name can be in it: those are tried, in the table's order, not the hundreds of others
    tried = sorted({k for ch in set(rest) for k in by_first.get(ch, ())})
    for k in tried:
        w = ordered[k]
        if w in rest:
            rest = rest.replace(w, "")
    return _NOT_A_NAME_CHARACTER.sub("", rest)


_NOT_A_NAME_CHARACTER = re.compile(r"[\W\d_A-Za-z]")
_RESIDUE_WORDS: dict[int, tuple[ProjectRules, tuple[str, ...], dict[str, tuple[int, ...]]]] = {}


def _residue_words(rules: ProjectRules) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """Generic words, longest first, and the places in that order of the words opening on each
    character (built once per rule set)."""
    entry = _RESIDUE_WORDS.get(id(rules))
    if entry is None or entry[0] is not rules:
        # one-character kinds (路, 站) are left in: 路湾大桥 is not generic
        words = rules.generic_words + tuple(c.keyword for c in rules.categories if len(c.keyword) > 1)
        words += rules.generic_prefixes + rules.programme_suffixes
        # longest first, ties in a fixed order: a set's order changes with the hash seed, and so would
        # the residue of names whose generic words overlap
        ordered = longest_first(words)
        by_first: dict[str, list[int]] = {}
        for k, w in enumerate(ordered):
            if w:
                by_first.setdefault(w[0], []).append(k)
        entry = (rules, ordered, {ch: tuple(ks) for ch, ks in by_first.items()})
        _RESIDUE_WORDS[id(rules)] = entry
    return entry[1], entry[2]


# a feature word followed by one of these is a common noun (河道, 湖泊, 湾区, 江段), not a name's end
_NOT_A_FEATURE_END = "湖河道流泊区段口网域库塘"


def named_feature(name: str, home: Region | None, rules: ProjectRules | None = None) -> str:
    """The natural feature a name opens with, after any division name: 瓯江航道整治 → 瓯江,
    婺城区白沙溪综合治理 → 白沙溪, 铜山源水库 → 铜山源; "" when there is none (内河航道, 幸福河湖)."""
    rules = rules or project_rules()
    start = 0
    places = gazetteer().mentions(name, home)
    if places and places[0].start == 0:
        start = places[0].end
    for end in range(start + 2, min(start + 4, len(name) - 1) + 1):
        word = name[start:end]
        if not word.endswith(rules.feature_ends) or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            continue
        if end < len(name) and name[end] in _NOT_A_FEATURE_END:
            continue
        if any(g in word for g in rules.generic_features) or word.startswith(rules.generic_prefixes):
            continue
        return word
    return ""


def is_water_works(name: str, home: Region | None, rules: ProjectRules | None = None) -> bool:
    """Works on a named river or lake (白沙溪综合治理): a project without a facility word."""
    rules = rules or project_rules()
    feature = named_feature(name, home, rules)
    return bool(feature) and any(w in name[name.index(feature) + len(feature):] for w in rules.water_works)


_GROUP_WORD_RE = re.compile(alternation("group_quantifier"))
# one search where rejection asks either of two (or three) questions with the same answer
_COUNT_OR_FIGURE = re.compile("|".join(f"(?:{p.pattern})" for p in (_COUNT, _COMPARATOR, _CN_COUNT)))
_A_GROUP = re.compile(f"(?:{_GROUP_WORD_RE.pattern})|(?:{_GROUP_DENG.pattern})")
# 2018年签约 / 年内开工: a name opening on a date is a time phrase
_TIME_LED = re.compile(rf"^(?:\d{{4}}年|{alternation('time_word')})")
# 并计划于4月底前 / 预计10月 / 并争取在10月底: a month is a date, never part of a project's name
_MONTH = re.compile(r"(?<![\d.])1?\d月")
_YEAR = re.compile(r"(?<![\d.])\d{4}年")
_PREDICATE = re.compile(alternation("predicate_verb"))
# an action on things, not a facility: 用能设备更新, 洽谈招引 (data/words.csv: action_verb)
_ACTION_VERBS = words("action_verb")
_WORKS_NOUNS = words("works_noun")


# a water transfer is named by its source and its destination: 引汉济渭, 引江补汉, 引黄入冀
_TRANSFER = re.compile(r"引[\u4e00-\u9fff]{1,2}[济补入][\u4e00-\u9fff]")
_QUOTED_TRANSFER = re.compile(rf"“{_TRANSFER.pattern}[\u4e00-\u9fff]?”")


_STREET_ENDS = words("street_end")


# a numbered national, provincial or county road (G4216线…段, S218…段, 104国道 is caught by 国道)
_ROAD_CODE = re.compile(r"^[GSX]\d{2,5}")


def has_kind(name: str, rules: ProjectRules | None = None) -> bool:
    rules = rules or project_rules()
    return (
        names_any_kind(name, rules.kind_nouns)
        or bool(_TRANSFER.search(name))
        or bool(_ROAD_CODE.match(name))
        or bool(_LINE_SECTION.match(name))
    )


# 万柳线盐盆段, 虹三线淡溪段: a section of a named line (a road known by its line name) is a road
_LINE_SECTION = re.compile(r"^[\u4e00-\u9fff]{1,4}线[\u4e00-\u9fff]{2,8}段$")


def rejection(
    name: str, *, listed: bool, home: Region | None, rules: ProjectRules | None = None, verb_names_works: bool = False,
    opened_or_done: bool = False,
) -> str:
    """Why `name` is not a project name ("" when it is one).

    `listed` is True when the clause itself marks its names as projects (…等项目, …项目建设):
    then any specific name passes; otherwise the name must name a facility. Unless the verb
    itself only fits built works (建成, 开工建设, …通车, …前期工作: `verb_names_works`), it
    must also carry an anchor (a place, a quoted name, a code or number, a phase, or a line's
    place initials, or a river's or lake's name: 瓯江航道整治): 加快建设 also governs strategies
    (加快建设高水平大学).
    A reason starting with "generic" means the name is a kind of project, and so is its list.
    """
    rules = rules or project_rules()
    if len(name) < 3:
        return "too short"
    if "的" in name or _COUNT_OR_FIGURE.search(name):
        return "description or count"
    if name.startswith("这"):
        return "description or count"  # 这可是贵州历史上首次…: a sentence, not a name
    if name.startswith(_WORKS_NOUNS):
        return "a reference back"  # 完成工程一期…堤防: the works named before, not a name of its own
    if _TIME_LED.match(name) or _MONTH.search(name) or _YEAR.search(name):
        # 确保2018年签约项目全面开工: 2018年签约 says when, not what; 石景山区2025年重大项目今日开工
        # (石景山区 2025), 县长…宣布2022年第二季度重点项目集中开工 (清涧县 2022): a year inside is a date too
        return "a time, not a name"
    if _PREDICATE.search(name):
        return "a sentence, not a name"  # “深海一号”获评国家首批卓越级智能工厂: a verb inside makes a clause
    if name.endswith(_ACTION_VERBS) and not is_placed(name, home, rules):
        # 推进用能设备更新项目建设 / 洽谈招引: an action on things, not a facility (verb-phrase shape)
        return "generic: an action"
    if _A_GROUP.search(name):
        # 抓好大中小各类项目建设: a group of every size names no project; 松花江等主要江河砂基砂堤治理
        # (吉林省2026年政府工作报告)
        return "generic: a group"
    if _SUPERLATIVE_LEAD.match(name):
        return "generic: a kind"  # 首座抽水蓄能电站, 全球首个商用海底数据中心: one of a kind, unnamed
    if name.startswith(rules.verb_prefixes):
        return "generic: a task"
    if name.startswith(rules.generic_prefixes) and not _opens_with_place(name, rules):
        return "generic: a kind"
    if (name.startswith(rules.long_kind_nouns) and not _LATIN_OR_DIGIT.search(name) and not _PHASE.search(name)
            and not _street_named_after_kind(name, rules) and not _place_after_kind(name, home, rules)):
        return "generic: a kind"  # 城际铁路 is a kind; 轨道交通4号线 is a line; 大学城二期 is one (福州市2026年)
    if name.endswith(rules.programme_suffixes):
        return "programme"
    quoted = bool(_QUOTED.search(name))
    transfer = quoted and bool(_QUOTED_TRANSFER.fullmatch(name))
    if opened_or_done and _QUOTED_DESIGNATION.fullmatch(name):
        # “深海一号”投产 (海南 2022): a quoted designation that a verb fitting only works (投产, 开工,
        # 建成) closes is the works' own name, as a quoted water transfer (“引绰济辽”) is
        return ""
    if quoted and not has_kind(name, rules) and not (listed and _QUOTED_HEAD.match(name)) and not transfer:
        # a listed name may open on its quoted proper noun and go on to its own head (“洪湖岸边”文旅新城);
        # a quoted water transfer (“引绰济辽”) names its two rivers, as 引汉济渭 unquoted does
        return "a quoted slogan"
    if name.endswith("”") and not transfer:
        return "a quoted slogan"  # 枢纽“三基地两中心”: a quoted name qualifies a facility, never ends one
    if len(residue(name, rules)) < 2 and not quoted and not _LATIN_OR_DIGIT.search(name) and not _home_own(name, home):
        return "generic: no proper name"
    if listed:
        return ""
    if not has_kind(name, rules) and not is_water_works(name, home, rules) and not (
        has_facility(name, rules) and (_LATIN_OR_DIGIT.search(name) or _PHASE.search(name))
    ):
        # 工程 / 中心 alone do not make a facility: 宁波舟山国际航运中心 is a role — unless a verb
        # that only fits works (开工, 投入运营, 试营业) closes a name placed by its own words
        # (东阳影视城已部分试营业)
        if opened_or_done and is_placed(name, home, rules) and len(residue(name, rules)) >= 2:
            return ""
        return "no facility"
    if verb_names_works:
        return ""
    line = _LINE.search(name)
    anchored = (
        bool(gazetteer().mentions(name, home))
        or quoted
        or bool(_CODE.search(name))
        or bool(_PHASE.search(name))
        or (line is not None and line.start() >= 2)
        or bool(named_feature(name, home, rules))
        or bool(_TRANSFER.search(name))  # 引大济岷 names its two rivers
        or bool(_NAMED_RESERVOIR.match(name))
        or bool(_NUMBERED_RING.search(name))
    )
    return "" if anchored else "no anchor"


def may_name_one_facility(body: str, rules: ProjectRules | None = None) -> bool:
    """False only when no name read from `body` can pass `rejection` without a closing start or
    completion: the body of one item (no 、, 和 or 以及 to cut on) holds no mark of a listed group
    (等, 项目, a count's digit: then any specific name passes) and nothing that passes the facility
    test (a kind noun, a water works word, a phase, a code, a water transfer, a line's section).
    Every name of such a body is a part of it, not joined from two of its items (expand_shared_heads
    joins only across items), so what a name holds the body holds. Half the clause bodies with a
    stage verb name a policy (高质量发展, 领域改革): projects.py sets them aside on these two searches
    instead of cutting, trimming and judging them."""
    return _CODE_CHARACTER.search(body) is not None or _facility_evidence(rules or project_rules()).search(body) is not None


# has_facility with a code (_LATIN_OR_DIGIT), _ROAD_CODE's digits (\d: any digit, as it reads one)
_CODE_CHARACTER = re.compile(r"[A-Za-z\d]")
# the character every match of _PHASE (一期), _TRANSFER (引汉济渭) and _LINE_SECTION (万柳线盐盆段) holds
_PATTERN_MARKS = ("期", "引", "线")
_ITEM_CUT_WORDS = ("、", "和", "以及")  # what _ITEM_CUT cuts a list on


@lru_cache(maxsize=4)
def _facility_evidence(rules: ProjectRules) -> re.Pattern[str]:
    """What a name needs to pass the facility test (rejection), unanchored: a name's words are the
    body's, so each of these found in a name is found in its body (has_kind's and has_facility's
    nouns, is_water_works's words, the one character of each of their patterns); the marks of a
    listed group (等…, …项目); and what cuts a list into items. Only whether one is found counts:
    the arms of a trie, each opening on a literal, so that the engine passes over the places where
    none opens in one test (a pattern opening on a class or a group is tried at every place)."""
    marks = (list(rules.kind_nouns) + list(rules.water_works) + [_GROUP_MARK] + list(_PROJECT_WORDS)
             + list(_PATTERN_MARKS) + list(_ITEM_CUT_WORDS))
    return re.compile("|".join(trie_arms(marks)))


def acts_on_no_works(name: str, rules: ProjectRules | None = None) -> bool:
    """实施县实验小学、朝阳镇中心小学学生分流: a list closing on a non-works object (a pupil transfer,
    staff, funds: data/project_name_rules.csv non_works_end) names what is done to people or money,
    not a facility built; its schools are not projects."""
    rules = rules or project_rules()
    return bool(rules.non_works_ends) and name.endswith(rules.non_works_ends)


def _street_named_after_kind(name: str, rules: ProjectRules) -> bool:
    """体育场路延伸: a street named after a facility (体育场路) is a proper name, not the kind 体育场."""
    kind = max((k for k in rules.long_kind_nouns if name.startswith(k)), key=len)
    return name.startswith(_STREET_ENDS, len(kind)) and len(name) > len(kind) + 1


def _place_after_kind(name: str, home: Region | None, rules: ProjectRules) -> bool:
    """铁路金山支线改造工程, 轨道交通崇明线: a kind followed at once by a place's name and more words is
    that place's line of the kind, a proper name."""
    kind = max((k for k in rules.long_kind_nouns if name.startswith(k)), key=len)
    found = gazetteer().mentions(name[len(kind): len(kind) + 8], home)
    return bool(found) and found[0].start == 0 and len(name) > len(kind) + found[0].end


def _opens_with_place(name: str, rules: ProjectRules) -> bool:
    """五大连池至嫩江高速公路: a division's name that happens to start like a class word (五大);
    民生街棚户区: a street's name that does (民生)."""
    prefix = max((p for p in rules.generic_prefixes if name.startswith(p)), key=len)
    if name.startswith(_STREET_ENDS, len(prefix)) and len(name) > len(prefix) + 3:
        return True
    found = gazetteer().mentions(name[: len(prefix) + 8])
    return bool(found) and found[0].start == 0 and found[0].end > len(prefix)


def is_placed(name: str, home: Region | None, rules: ProjectRules | None = None) -> bool:
    """Placed by its own words — a division, a river's or lake's name, a quoted name, a code or number,
    a phase — not only by its kind: 杭温高铁 and 温州机场三期 are, 城市轨道交通 and 跨江跨海通道 are not."""
    rules = rules or project_rules()
    return (
        _names_a_division(name, home)
        or bool(_QUOTED.search(name))
        or bool(_CODE.search(name))
        or bool(_PHASE.search(name))
        or bool(named_feature(name, home, rules))
        or _line_of_initials(name, home)
    )


def _names_a_division(name: str, home: Region | None) -> bool:
    """A division named in `name`, but a works word that is also a division's short name (新建 of
    南昌's 新建区 in 管道新建工程, held_out_16 武穴 2023): the word says what is done, not where; nor
    does a division of one character and its level (范县, 和县) read inside a word (示范县)."""
    mentions = gazetteer().mentions(name, home)
    return any(name[m.start:m.end] not in WORKS_VERBS and not _inside_a_word(name, m, mentions) for m in mentions)


def _inside_a_word(name: str, m, mentions) -> bool:
    """范县 in 高标准农田整县推进示范县, 和县 in 乡镇和县城: a division whose whole name is one character and
    its level is a place only where it opens the name or follows another division (濮阳范县); after any
    other character that character and the level make a word."""
    if len(m.region.name) != 2 or name[m.start:m.end] != m.region.name or m.start == 0:
        return False
    return is_han(name[m.start - 1]) and not any(p.end == m.start for p in mentions)


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


# 新建, 改造, 迁建…: works words, some of which are also a division's short name (南昌's 新建区)
WORKS_VERBS = frozenset(words("works_verb_suffix"))


def _line_of_initials(name: str, home: Region | None) -> bool:
    """A line named by the initials of the places it joins: 杭温高铁 (杭州, 温州), 西十高铁 (西安, 十堰)."""
    line = _LINE.search(name)
    if line is None or not 2 <= line.start() <= 4:
        return False
    initials = gazetteer().initials(home)
    return all(ch in initials for ch in name[:line.start()])


def strip_item_verb(name: str, rules: ProjectRules | None = None) -> str:
    """改扩建西安至永寿 → 西安至永寿: a works verb before one name of a list is not the name."""
    rules = rules or project_rules()
    if not name.startswith(rules.item_verbs):
        return name
    for v in rules.item_verbs:
        if name.startswith(v) and len(name) > len(v) + 1:
            return name[len(v):]
    return name


def _home_own(name: str, home: Region | None) -> bool:
    """市体育中心 in a city's report, 县医院迁建 in a county's: the level word of the document's own
    place (the last character of its name) opening a name says whose facility it is, as a place does."""
    return home is not None and len(home.name) > 2 and name.startswith(home.name[-1]) and len(name) > 3
