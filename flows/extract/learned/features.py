"""Features of a candidate project name: its shape, the rule tables, the gazetteer and its list.

Each feature is a string (present = 1.0); the model file maps the strings it learnt to weights, so a
feature never seen in training weighs nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.learned.candidates import Candidate, facility_suffix
from flows.extract.project_rules import project_rules
from flows.extract.regions import Region, gazetteer

_DIGIT = re.compile(r"\d")
_PHASE = re.compile(r"[一二三四五六七八九十\d]期")
_JOIN = re.compile(r"[至—\-－到]")


@lru_cache(maxsize=1)
def _tables() -> dict[str, tuple[str, ...]]:
    r = project_rules()
    return {
        "generic": r.generic_words,
        "generic_prefix": r.generic_prefixes,
        "programme": r.programme_suffixes,
        "verb_prefix": r.verb_prefixes,
        "item_verb": r.item_verbs,
        "feature_end": r.feature_ends,
        "generic_feature": r.generic_features,
    }


@lru_cache(maxsize=8192)  # openings repeat across a report's lists (甘肃, 兰州 …)
def _is_place(prefix: str, home: Region | None) -> bool:
    return gazetteer().resolve(prefix, home) is not None


def _length(n: int) -> str:
    return "1-2" if n <= 2 else "3" if n == 3 else "4-5" if n <= 5 else "6-8" if n <= 8 else "9-12" if n <= 12 else "13+"


def features(c: Candidate, home: Region | None) -> list[str]:
    """Features of a candidate the rules did not propose; `c.stage` is the stage the verbs next to
    the name give. The cheap ones first (`cheap_features`), then those that read the rule tables and
    the gazetteer (`table_features`): a model can bound the second part and skip it
    (`LogisticModel.may_add`)."""
    return cheap_features(c) + table_features(c, home)


# the prefixes of the features `cheap_features` gives: every other feature is a table feature, whose
# largest possible contribution a model sums once (model.py)
CHEAP_PREFIXES = ("bias", "len=", "last1=", "last2=", "first1=", "first2=", "verb_before=", "verb_after=", "stage=",
                  "lead=", "tail=", "items=", "item=", "shared_head", "expanded", "counted", "bi=")
# table features of which a name has exactly one: only the largest weight among them counts in the bound
ONE_OF_PREFIXES = ("facility=",)


def cheap_features(c: Candidate) -> list[str]:
    """The name's length, ends and bigrams, the verbs and the list around it: slices and joins only."""
    name = c.name
    f = ["bias", f"len={_length(len(name))}", f"last1={name[-1]}", f"last2={name[-2:]}", f"first1={name[0]}", f"first2={name[:2]}"]
    f.append(f"verb_before={c.verb_before or '-'}")
    f.append(f"verb_after={c.verb_after or '-'}")
    f.append(f"stage={c.stage or '-'}")
    f.append(f"lead={c.lead or '-'}")
    f.append("tail=" + (c.tail[-2:] if c.tail else "-"))
    f.append(f"items={min(c.n_items, 4)}")
    f.append("item=last" if c.position == c.n_items - 1 else "item=first" if c.position == 0 else "item=middle")
    if c.head:
        f.append("shared_head")
    if c.expanded:
        f.append("expanded")
    if c.counted:
        f.append("counted")
    f.extend(["bi=" + name[k:k + 2] for k in range(len(name) - 1)])
    return f


# `cheap_score`'s groups: the features of `cheap_features` written "<group><value>", one per group
_SCORE_GROUPS = ("len=", "last1=", "last2=", "first1=", "first2=", "verb_before=", "verb_after=", "stage=", "lead=",
                 "tail=", "items=", "item=", "bi=")
_SCORE_FLAGS = ("bias", "shared_head", "expanded", "counted")


def cheap_weights(weights: dict[str, float]) -> tuple[dict[str, float], ...]:
    """A model's weights of the cheap features, for `cheap_score`: one dict per group of `cheap_features`,
    keyed by the value after the group's "=" (every weight of a flag, 0.0 for one the model lacks)."""
    groups: tuple[dict[str, float], ...] = tuple({} for _ in _SCORE_GROUPS)
    for feature, w in weights.items():
        for group, table in zip(_SCORE_GROUPS, groups):
            if feature.startswith(group):
                table[feature[len(group):]] = w
                break
    flags = {flag: weights.get(flag, 0.0) for flag in _SCORE_FLAGS}
    return (flags, *groups)


def cheap_score(c: Candidate, table: tuple[dict[str, float], ...]) -> float:
    """The sum of the weights of `cheap_features(c)` (`table` from `cheap_weights`), in the same order,
    without writing the features: most candidates are refused on it alone (`LogisticModel.may_reach`).
    tests/learned compares it with the written features' sum on every candidate of the corpus."""
    flags, length, last1, last2, first1, first2, before, after, stage, lead, tail, items, item, bigram = table
    name = c.name
    z = (flags["bias"] + length.get(_length(len(name)), 0.0) + last1.get(name[-1], 0.0) + last2.get(name[-2:], 0.0)
         + first1.get(name[0], 0.0) + first2.get(name[:2], 0.0) + before.get(c.verb_before or "-", 0.0)
         + after.get(c.verb_after or "-", 0.0) + stage.get(c.stage or "-", 0.0) + lead.get(c.lead or "-", 0.0)
         + tail.get(c.tail[-2:] if c.tail else "-", 0.0) + items.get(str(min(c.n_items, 4)), 0.0)
         + item.get("last" if c.position == c.n_items - 1 else "first" if c.position == 0 else "middle", 0.0))
    if c.head:
        z += flags["shared_head"]
    if c.expanded:
        z += flags["expanded"]
    if c.counted:
        z += flags["counted"]
    get = bigram.get
    for k in range(len(name) - 1):
        z += get(name[k:k + 2], 0.0)
    return z


def table_features(c: Candidate, home: Region | None) -> list[str]:
    """What the rule tables and the gazetteer say of the name: its facility noun, the tables it
    starts or ends with, digits, phases, joined places, quotes, 的, a place opening it."""
    name = c.name
    noun = facility_suffix(name)
    f = [f"facility={noun}" if noun else "facility=none"]
    if noun == name:
        f.append("bare_kind")  # 高速公路 alone: a kind, not a name
    t = _tables()
    for key in ("generic", "generic_prefix", "verb_prefix", "item_verb"):
        if name.startswith(t[key]):
            f.append(f"starts_{key}")
    for key in ("programme", "feature_end", "generic_feature"):
        if name.endswith(t[key]):
            f.append(f"ends_{key}")
    if name in t["generic"]:
        f.append("is_generic")
    if _DIGIT.search(name):
        f.append("digit")
    if _PHASE.search(name):
        f.append("phase")
    if _JOIN.search(name):
        f.append("joined_places")
    if "“" in name or '"' in name:
        f.append("quoted")
    if "的" in name:
        f.append("has_de")
    # a division's name opening the name (甘肃, 兰州, 西和县), else a line's place initial (平庆, 兰合)
    if gazetteer().may_open(name) and any(_is_place(name[:n], home) for n in range(2, min(len(name), 6) + 1)):
        f.append("place_at_start")
    elif name[0] in gazetteer().initials(home) and len(name) >= 3:
        f.append("initial_of_place")
    return f


def stage_features(c: Candidate, rule_stage: str) -> list[str]:
    """What decides a stage: the rules' reading, the nearest verbs, the words around the list."""
    return [
        "bias",
        f"rule={rule_stage or '-'}",
        f"cand={c.stage or '-'}",
        f"rule={rule_stage or '-'}&cand={c.stage or '-'}",
        f"verb_before={c.verb_before or '-'}",
        f"verb_after={c.verb_after or '-'}",
        f"lead={c.lead or '-'}",
        "tail=" + (c.tail[-2:] if c.tail else "-"),
    ]
