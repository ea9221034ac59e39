"""The rule tables of project extraction, loaded from package data.

- data/stage_verbs.csv: verb, stage, position (before | after | either the project names).
  "…" in a verb is a short gap (纳入…规划 matches 纳入国家规划).
- data/project_categories.csv: keyword, category, facility (1 when the keyword names something
  built: 铁路, 电站, 医院; 0 for a field such as 旅游).
- data/project_name_rules.csv: rule (lead | generic_prefix | programme_suffix | generic_word |
  verb_prefix | item_verb | feature_end | generic_feature | water_works | connective |
  building_lead | works_tail | non_works_end), text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from flows.extract.vocabulary import alternation, rows, trie_alternation, trie_arms, words

_GAP = "[^,;。:、]{0,10}"
VERB_QUALIFIERS = "工作|批复|手续|运营|进度|达效|达产|见效|编制"
# an adverb that may stand between the names and a closing verb (…等项目顺利建成投产)
ADVERB_BEFORE_CLOSING = f"(?:{trie_alternation(words('post_adverb'))})"


@dataclass(frozen=True)
class StageVerb:
    verb: str
    stage: str
    position: str  # before | after | either

    @cached_property  # read for every clause: build it once per verb
    def pattern(self) -> str:
        return _GAP.join(re.escape(part) for part in self.verb.split("…"))

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


@dataclass(frozen=True)
class CategoryKeyword:
    keyword: str
    category: str
    facility: bool


# eq=False: the rules are one object per process, and functions cache what they derive from them
# (lru_cache keyed by the rules); compared and hashed by identity, not field by field (a hash of
# every table, 0.4 ms, on every cached call)
@dataclass(frozen=True, eq=False)
class ProjectRules:
    stage_verbs: tuple[StageVerb, ...]
    categories: tuple[CategoryKeyword, ...]
    lead_words: tuple[str, ...]
    generic_prefixes: tuple[str, ...]
    programme_suffixes: tuple[str, ...]
    generic_words: tuple[str, ...]
    verb_prefixes: tuple[str, ...]
    item_verbs: tuple[str, ...]
    feature_ends: tuple[str, ...] = ()
    generic_features: tuple[str, ...] = ()
    water_works: tuple[str, ...] = ()
    connectives: tuple[str, ...] = ()
    building_leads: tuple[tuple[str, str], ...] = ()  # (lead word, stage it gives …建设)
    works_tails: tuple[str, ...] = ()
    non_works_ends: tuple[str, ...] = ()  # 学生分流, 人员: what a list acts on is no works
    listed_tails: tuple[str, ...] = ()  # …物流中心建设项目: the generic word a start list's item ends on

    def stage_of(self, verb_text: str) -> str:
        cache = self._stages_read
        if verb_text not in cache:  # the same verbs recur in every report
            cache[verb_text] = next((v.stage for v in self.stage_verbs if v.regex.fullmatch(verb_text)), None)
        stage = cache[verb_text]
        if stage is None:
            raise KeyError(verb_text)
        return stage

    @cached_property
    def _stages_read(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def facility_nouns(self) -> tuple[str, ...]:
        return tuple(c.keyword for c in self.categories if c.facility)

    @cached_property
    def kind_nouns(self) -> tuple[str, ...]:
        """Facilities of a known kind (电站, 铁路), not the catch-alls 工程 / 中心 / 一期."""
        return tuple(c.keyword for c in self.categories if c.facility and c.category)

    @cached_property
    def long_kind_nouns(self) -> tuple[str, ...]:
        """The kinds of more than one character (a name opening on 铁路 is a kind; on 路, not)."""
        return tuple(w for w in self.kind_nouns if len(w) > 1)


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return rows(name)


def _by_length(words: list[str]) -> tuple[str, ...]:
    # longest first, so that alternations and prefix scans prefer 加快推进 over 加快
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def project_rules() -> ProjectRules:
    verbs = [StageVerb(r["verb"], r["stage"], r["position"]) for r in _rows("stage_verbs.csv")]
    verbs.sort(key=lambda v: -len(v.verb))
    cats = [CategoryKeyword(r["keyword"], r["category"], r["facility"] == "1") for r in _rows("project_categories.csv")]
    cats.sort(key=lambda c: -len(c.keyword))
    names = _rows("project_name_rules.csv")
    pick = lambda rule: _by_length([r["text"] for r in names if r["rule"] == rule])  # noqa: E731
    return ProjectRules(
        stage_verbs=tuple(verbs),
        categories=tuple(cats),
        lead_words=pick("lead"),
        generic_prefixes=pick("generic_prefix"),
        programme_suffixes=pick("programme_suffix"),
        generic_words=pick("generic_word"),
        verb_prefixes=pick("verb_prefix"),
        item_verbs=pick("item_verb"),
        feature_ends=pick("feature_end"),
        generic_features=pick("generic_feature"),
        water_works=pick("water_works"),
        connectives=pick("connective"),
        works_tails=pick("works_tail"),
        non_works_ends=pick("non_works_end"),
        listed_tails=pick("listed_tail"),
        building_leads=tuple(
            sorted(
                ((r["text"], r["why"].split(":")[0].strip()) for r in names if r["rule"] == "building_lead"),
                key=lambda p: -len(p[0]),
            )
        ),
    )


@dataclass(frozen=True)
class CompiledRules:
    rules: ProjectRules
    before: re.Pattern[str]  # a stage verb opening the clause (after lead words)
    after: re.Pattern[str]  # a stage verb closing the clause
    lead: re.Pattern[str]
    connective: re.Pattern[str]


@lru_cache(maxsize=1)
def compiled_rules() -> CompiledRules:
    rules = project_rules()
    before = _verb_alternation(v for v in rules.stage_verbs if v.position in ("before", "either"))
    after = "|".join(v.pattern for v in rules.stage_verbs if v.position in ("after", "either"))
    # 环岛旅游公路建设全线推进: a verb that opens a clause (推进) closes one after an adverb (全线, 全面);
    # one arm per first character of the adverbs, each opening on a literal as the verbs' arms do, so
    # that the search still passes over the places where none opens (a group arm made it 5x slower)
    closed = alternation("adverb_closed_verb")
    after += "".join(f"|{arm}{ADVERB_BEFORE_CLOSING}*(?:{closed})" for arm in trie_arms(words("post_adverb")))
    lead = "|".join(re.escape(w) for w in rules.lead_words)
    return CompiledRules(
        rules=rules,
        before=re.compile(f"(?:{before})"),  # used with match(clause, pos)
        # trailing words that only qualify the verb: 前期工作, 可研批复, 投产达效
        after=re.compile(f"(?:{after})(?:{VERB_QUALIFIERS})?$"),
        lead=re.compile(f"(?:{lead})+"),  # used with match(clause, pos): anchored at pos
        connective=re.compile("|".join(re.escape(w) for w in rules.connectives) or "(?!)"),
    )


def stage_verb_patterns(positions: tuple[str, ...] = ("before", "after", "either")) -> str:
    """The stage verbs standing at `positions` as one alternation (a gap verb with its gap), longest first."""
    return "|".join(v.pattern for v in project_rules().stage_verbs if v.position in positions)


def _verb_alternation(verbs) -> str:
    """`"|".join(v.pattern for v in verbs)`, each run of plain verbs between two gap verbs written as
    a trie: the same verb wins at each place (within a run the longest, as the verbs are sorted
    longest first; the runs and gap verbs in their order), and a match at one place reads each
    character once instead of trying every verb. (Not for a search: the flat alternation lets the
    engine pass over places where no verb opens, the trie's groups do not.)"""
    parts: list[str] = []
    run: list[str] = []
    for v in verbs:
        if "…" in v.verb:
            if run:
                parts.append(trie_alternation(run))
                run = []
            parts.append(v.pattern)
        else:
            run.append(v.verb)
    if run:
        parts.append(trie_alternation(run))
    return "|".join(parts)
