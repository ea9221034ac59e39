"""Candidate project names a learned scorer judges: every list item of a clause that holds a stage verb.

The rules (flows/extract/projects.py) read a clause as [lead] [verb] names [等 head] [verb] and give up
on layouts they do not know. This module proposes more loosely — each item of each stretch between
stage verbs — and leaves it to the model to tell 平庆铁路 from 加密高铁动车组开行频次. Vocabulary
comes from the rule tables (data/stage_verbs.csv, data/project_name_rules.csv); nothing is typed here
but punctuation and the shape of a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from flows.extract.clause_bounds import clause_bounds
from flows.extract.project_rules import project_rules
from flows.extract.vocabulary import alternation, longest_first, trie_alternation, words

# 、 separates list items; 和 joins two names (京港澳和沪昆扩容); 及 stays inside one scheme (驮英水库及灌区)
_ITEM_SEP = re.compile(r"[、和]")
_DENG = re.compile(r"等(?![级同于])")
_COUNT = re.compile(r"^(?:\d[\d.]*|[一二三四五六七八九十百千两几]+)(?:多|余)?\s*(?:个|处|条|座|家|项|批|所|台|套|户|大)")
_MAX_NAME = 32
# adverbs between a name and its closing verb (长沙机场改扩建主体工程全面完工), as the rules strip them
_TRAILING_ADVERB = re.compile(rf"(?:{alternation('post_adverb', 'strength', 'time_word')})+$")


class Candidate(NamedTuple):  # a tuple: thousands are made per report, each item of each stretch
    name: str
    start: int  # offsets into doc.text of the item as written (before a shared head is added)
    end: int
    stage: str  # the stage the nearest verb gives, "" when none applies
    verb_before: str
    verb_after: str
    lead: str  # the lead word stripped before the item's stretch (推动, 抓好), "" when none
    head: str  # the kind after 等 shared by the list (煤矿), "" when none
    expanded: bool  # the shared head was added to the name
    n_items: int
    position: int  # index of the item in its list
    counted: bool  # the list ends in 等N个…
    tail: str  # the words after the names and before the verb or clause end (项目, 建设, 前期工作)

    def named(self, name: str) -> "Candidate":
        """The same candidate under another spelling of its name."""
        return type(self)(name, *self[1:])  # `_replace(name=name)`, without its dict of every field


class _Verb(NamedTuple):  # a tuple: tens of thousands are made per report
    start: int
    end: int
    text: str
    stage: str
    position: str  # before | after | either (data/stage_verbs.csv)


@dataclass(frozen=True)
class _Vocab:
    verbs: re.Pattern[str]
    gapped: tuple[tuple[re.Pattern[str], str, str], ...]  # 纳入…规划: (regex, stage, position)
    stage: dict[str, tuple[str, str]]  # verb → (stage, position)
    lead: re.Pattern[str]
    facility_by_last: dict[str, tuple[str, ...]]  # the facility nouns ending on a character, longest first
    facility_any: re.Pattern[str]
    noun_after: re.Pattern[str]  # a facility noun or a works noun (项目, 工程): what a verb before one qualifies
    works_tails: frozenset[str] = frozenset()  # 改造, 扩建: works verbs that also end a name


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    rules = project_rules()
    verbs = sorted({v.verb for v in rules.stage_verbs if "…" not in v.verb}, key=lambda v: (-len(v), v))
    stage = {v.verb: (v.stage, v.position) for v in rules.stage_verbs}
    leads = sorted(set(rules.lead_words) | set(rules.verb_prefixes), key=lambda w: (-len(w), w))
    return _Vocab(
        verbs=re.compile(trie_alternation(verbs)),  # the longest verb at each place, as an alternation
        gapped=tuple((v.regex, v.stage, v.position) for v in rules.stage_verbs if "…" in v.verb),
        stage=stage,
        lead=re.compile("(?:" + "|".join(re.escape(w) for w in leads) + ")+"),
        facility_by_last=_by_last(rules.facility_nouns),
        facility_any=re.compile(trie_alternation(rules.facility_nouns)),
        noun_after=re.compile(trie_alternation(rules.facility_nouns + words("works_noun"))),
        works_tails=frozenset(rules.works_tails),
    )


def _by_last(nouns) -> dict[str, tuple[str, ...]]:
    by_last: dict[str, list[str]] = {}
    for w in longest_first(nouns):
        by_last.setdefault(w[-1:], []).append(w)
    return {ch: tuple(ws) for ch, ws in by_last.items()}


def facility_suffix(name: str) -> str:
    """The facility noun a name ends with (铁路, 水库; the longest), "" when none: only those ending on
    its last character can, and the first of them, longest first, that ends it is the longest."""
    for noun in _vocab().facility_by_last.get(name[-1:], ()):
        if name.endswith(noun):
            return noun
    return ""


def find_candidates(text: str) -> list[Candidate]:
    """Candidates of the whole text; the verbs are found in one pass and grouped by clause (a
    regex pass per clause would cost more than the rest of extraction)."""
    vocab = _vocab()
    clause_at = clause_bounds(text)
    clauses: list[tuple[int, int, list[_Verb]]] = []  # (start, end, verbs) of each clause holding a verb
    a = b = -1
    verbs: list[_Verb] | None = None
    for v in _verbs(text, vocab):  # in text order
        if v.start >= b:  # the first verb of another clause
            a, b, verbs = clause_at.start_of(v.start), clause_at.end_of(v.start), None
        if v.end <= b:  # a gapped verb never spans two clauses
            if verbs is None:
                verbs = []
                clauses.append((a, b, verbs))
            verbs.append(v)
    out: list[Candidate] = []
    noun = vocab.facility_any.search
    for a, b, verbs in clauses:
        c = text[a:b]
        if "、" not in c and not noun(text, a, b):
            continue  # none of its stretches lists or names a facility (the test below, once per clause)
        inside = _chains([_Verb(v.start - a, v.end - a, v.text, v.stage, v.position) for v in verbs], c, vocab)
        bounds = [(0, None)] + [(v.end, v) for v in inside]
        stops = [(v.start, v) for v in inside] + [(len(c), None)]
        for (s, before), (e, after) in zip(bounds, stops):
            if after is not None and c.startswith("或", after.end) and any(v.start == after.end + 1 for v in inside):
                continue  # 投入使用或加快建设: two stages, neither the names' own (as projects.py reads it)
            # only a stretch that lists (、) or names a facility is worth reading: most clauses with
            # a stage verb are about policies, and reading them all would cost more than the rules do
            if e - s >= 2 and ("、" in c[s:e] or noun(text, a + s, a + e)):
                out.extend(_stretch(c[s:e], a + s, before, after, vocab))
    return out


_LIST_JOINERS = ("等", "、")
_DIRECTIONS = "东西南北中"


def _verbs(text: str, vocab: _Vocab) -> list[_Verb]:
    found = [_Verb(m.start(), m.end(), m.group(0), *vocab.stage[m.group(0)]) for m in vocab.verbs.finditer(text)]
    for regex, stage, position in vocab.gapped:
        found += [_Verb(m.start(), m.end(), m.group(0), stage, position) for m in regex.finditer(text)]
    found.sort(key=lambda v: (v.start, -v.end))
    noun_after = vocab.noun_after.match
    out: list[_Verb] = []
    for v in found:
        # a verb followed by a facility noun is part of a name (龙滩水电站1000吨级通航设施), one followed
        # by 项目 / 工程 qualifies a group (…等18个续建项目投产达效: the names' verb is 投产达效)
        if noun_after(text, v.end):
            continue
        # 乐湖路至建设西路段: a direction and a facility after the verb make a street's name (建设西路)
        if text[v.end:v.end + 1] in _DIRECTIONS and vocab.facility_any.match(text, v.end + 1):
            continue
        # …石塑地板建设等6个项目为今年新开工项目: a verb that stands only before names, with a list's
        # joiner right after it, ends the last name and is no verb of the list
        if v.position == "before" and text.startswith(_LIST_JOINERS, v.end):
            continue
        if v.position == "before" and _ends_a_name(text, v, vocab):
            continue
        if out and v.start < out[-1].end:
            continue
        out.append(v)
    return out


_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,8}$")


def _ends_a_name(text: str, v: _Verb, vocab: _Vocab) -> bool:
    """赣韶铁路扩能改造前期工作: a verb that also ends a works' name (data/project_name_rules.csv
    works_tail) right after the name's characters is part of the name, not the verb of a list;
    after lead words alone (积极改造) it is the verb."""
    if v.text not in vocab.works_tails:
        return False
    before = _HAN_BEFORE.search(text, max(0, v.start - 8), v.start)
    return before is not None and not vocab.lead.fullmatch(before.group(0))


def _chains(verbs: list[_Verb], clause: str, vocab: _Vocab) -> list[_Verb]:
    """Verbs with nothing but lead words between them act as one (谋划建设, 加快开工建设): the first
    verb's stage, unless a later one starts works (as the rules read a chain)."""
    out: list[_Verb] = []
    for v in verbs:
        prev = out[-1] if out else None
        gap = clause[prev.end:v.start] if prev is not None else None
        if prev is None or not (gap == "" or vocab.lead.fullmatch(gap)):
            out.append(v)
            continue
        before = prev.position in ("before", "either")
        after = v.position in ("after", "either")
        position = "either" if before and after else "before" if before else "after"
        stage = "start" if "start" in (prev.stage, v.stage) else prev.stage
        out[-1] = _Verb(prev.start, v.end, clause[prev.start:v.end], stage, position)
    return out


def _stage(before: _Verb | None, after: _Verb | None, tail: str, lead: str) -> str:
    if after is not None and after.position in ("after", "either"):
        return after.stage
    if before is not None and before.position in ("before", "either"):
        return before.stage
    if tail.endswith("前期") or tail.endswith("前期工作"):
        return "preparatory"
    if lead and (tail.endswith("建设") or (after is not None and after.text == "建设")):
        # 完成琼西北供水工程建设 is 建成, 推动…建设 is 推进: the building lead says which (as the rules read it,
        # data/project_name_rules.csv: building_lead)
        return next((st for w, st in project_rules().building_leads if w in lead), "construction")
    # a verb in the other place than its table row says (…等项目建设): still the nearest word of stage
    return after.stage if after is not None else (before.stage if before is not None else "")


_KIND_QUALIFIERS = re.compile(r"^(?:重大|重点|在建|续建|新建)+")
_KIND_CUT = re.compile(r"项目|工程|建设")
_CLOSING_TAIL = re.compile(r"(?:项目|建设|前期工作|前期|工作|进度)+$")


def _stretch(s: str, offset: int, before: _Verb | None, after: _Verb | None, vocab: _Vocab) -> list[Candidate]:
    lead = ""
    m = vocab.lead.match(s)
    if m:
        lead, s, offset = m.group(0), s[m.end():], offset + m.end()
    head, counted, tail = "", False, ""
    deng = None
    for d in _DENG.finditer(s):
        deng = d
    body = s
    if deng is not None:
        after_deng = s[deng.end():]
        count = _COUNT.match(after_deng)
        counted = bool(count)
        kind = after_deng[count.end():] if count else after_deng
        kind = _KIND_QUALIFIERS.sub("", kind)
        cut = _KIND_CUT.search(kind)
        head = facility_suffix(kind[:cut.start()] if cut else kind)
        tail = after_deng
        body = s[:deng.start()]
    else:
        t = _CLOSING_TAIL.search(s)
        if t and t.start() > 0:
            tail, body = t.group(0), s[:t.start()]
    items = []
    pos = 0
    for sep in _ITEM_SEP.finditer(body):
        items.append((pos, sep.start()))
        pos = sep.end()
    items.append((pos, len(body)))
    items = [(a, b) for a, b in items if b - a >= 2]
    stage = _stage(before, after, tail, lead)
    out = []
    for k, (a, b) in enumerate(items):
        inner = _DENG.search(body, a, b)
        if inner is not None:
            b = inner.start()  # 贵阳环高扩容工程等14条高速公路项目和黄百…: the group after 等 is no name
        elif after is not None and k == len(items) - 1 and not tail:
            adverb = _TRAILING_ADVERB.search(body, a, b)
            if adverb is not None and adverb.start() - a >= 2:
                b = adverb.start()
        name = body[a:b].strip()
        if len(name) < 2 or len(name) > _MAX_NAME:
            continue
        noun = facility_suffix(name)
        if noun == name:
            continue  # 高速公路 alone is a kind, never a name
        expanded = bool(head) and not noun
        out.append(
            Candidate(  # the fields in order (by keyword a NamedTuple costs three times as much to make)
                name + head if expanded else name,  # name
                offset + a,  # start
                offset + b,  # end
                stage,
                before.text if before is not None else "",  # verb_before
                after.text if after is not None else "",  # verb_after
                lead,
                head,
                expanded,
                len(items),  # n_items
                k,  # position
                counted,
                tail,
            )
        )
    return out
