"""A learned scorer for project names: the rules propose, logistic regressions add and settle stages.

`score_projects(doc, drafts)` is the one hook (called in `flows.extract._draft_records`). It takes the
rule-based project drafts (offsets into `doc.text`), proposes further candidates from the clauses with
a stage verb (candidates.py), and with the model in `project_scorer.json` (features.py, model.py)
returns every rule draft — its stage settled where the verbs next to the name dispute it — plus the
candidates no draft covers that the model accepts. Other record types never reach it.

The model is trained by `make train` (scripts/train_project_scorer.py) from the committed annotations;
its ablation (leave one document out) is in README.md next to this file.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from contextlib import contextmanager
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterator

from flows.extract.learned.candidates import Candidate, find_candidates
from flows.extract.learned.features import (
    CHEAP_PREFIXES, ONE_OF_PREFIXES, cheap_features, cheap_score, cheap_weights, features, stage_features, table_features,
)
from flows.extract.learned.model import LogisticModel
from flows.extract.periods import statement_year
from flows.extract.project_names import rejection
from flows.extract.project_rules import project_rules
from flows.extract.projects import category_of, heading_at
from flows.extract.records import Record, evolve
from flows.extract.vocabulary import alternation
from flows.extract.regions import gazetteer, place_of
from flows.ingest.document import Document

MODEL_PATH = Path(str(files("flows.extract.learned") / "project_scorer.json"))
_LINE_BREAKS = re.compile(r"[\r\n]+")
_override: list[LogisticModel | None] = []


@lru_cache(maxsize=1)
def committed_model() -> LogisticModel | None:
    return LogisticModel.load(MODEL_PATH) if MODEL_PATH.exists() else None


@contextmanager
def using_model(model: LogisticModel | None) -> Iterator[None]:
    """Score with another model (the ablation's held-out folds), or with none (rules only)."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def active_model() -> LogisticModel | None:
    return _override[-1] if _override else committed_model()


def score_projects(doc: Document, drafts: list[Record]) -> list[Record]:
    model = active_model()
    if model is None:
        return drafts
    home = gazetteer().region_named(doc.metadata.region) if doc.metadata.region else None
    cands = find_candidates(doc.text)
    rules, covered = _rule_candidates(drafts, cands)
    kept = [evolve(d, stage=_settled_stage(model, d.stage or "", c.stage, stage_feats)) for c, d, stage_feats in rules]
    # a name the rules read elsewhere in the report is theirs: a second, unread mention is a
    # reference back (…集结中心 again in a later task), not a new milestone
    read = {k.name for k in kept}
    gain = _table_gain(model)
    cheap_table = _cheap_table(model)
    added: list[Record] = []
    for i, c in enumerate(cands):
        if i in covered or not c.stage:  # no stage, no project
            continue
        c = c.named(written_name(doc, c))
        if c.name in read:
            continue
        # most candidates cannot reach the threshold whatever the tables say of them: their cheap
        # features' weights are summed without writing the features, and the features, with those that
        # read the tables and the gazetteer, are built only for the others (the same decisions, cheaper)
        if not model.may_reach(cheap_score(c, cheap_table), gain):
            continue
        if model.add_probability(cheap_features(c) + table_features(c, home)) >= model.add_threshold and _shaped_like_a_name(c.name, home):
            # the verb next to the name gives an added name its stage (具备核准条件 is preparatory): the
            # stage regressions never won on held-out folds (README), and overrode table verbs in sample
            added.append(_record(doc, c))
    return kept + [a for a in added if not any(a.start < k.end and k.start < a.end for k in kept)]


_GAIN: list[tuple[LogisticModel, float]] = []


def _table_gain(model: LogisticModel) -> float:
    """The most the table features can add to a candidate's score under `model` (once per model)."""
    if not _GAIN or _GAIN[0][0] is not model:
        _GAIN[:] = [(model, model.largest_gain(CHEAP_PREFIXES, ONE_OF_PREFIXES))]
    return _GAIN[0][1]


_CHEAP_TABLE: list[tuple[LogisticModel, tuple[dict[str, float], ...]]] = []


def _cheap_table(model: LogisticModel) -> tuple[dict[str, float], ...]:
    """`model`'s weights of the cheap features by group, for `cheap_score` (once per model)."""
    if not _CHEAP_TABLE or _CHEAP_TABLE[0][0] is not model:
        _CHEAP_TABLE[:] = [(model, cheap_weights(model.add_weights))]
    return _CHEAP_TABLE[0][1]


Scored = tuple[str, Candidate, list[str], "Record | None", list[str]]


def _shaped_like_a_name(name: str, home) -> bool:
    """The rules' name shape gates what the model adds: a kind (城市基础设施更新改造工程), a task
    (加密…), a programme, a date (石景山区2025年重大项目今日) or a sentence (…获评…) is no name, however
    likely the model finds it. A missing facility word is
    not held against it (listed=True): that is what the model is for; nor are the figure words a
    place may hold (淮河干流浮山以下段行洪区工程)."""
    if "的" in name:
        return False  # 有研发活动的…工程: a description
    if rejection(name, listed=True, home=home).startswith(("generic", "programme", "a time", "a sentence")):
        return False
    # 甘肃文化研究工程: a programme is one with 工程 after it too (a word, not one character: 联网工程)
    core = _CLOSING_WORKS.sub("", name)
    if core != name and len(core) <= _CLASS_OF_WORKS:
        # 启动重点城建工程建设 (五莲 2013, held_out_13): a works noun after two characters and nothing
        # else (城建工程, 民生工程) names a class of works, not one
        return False
    return core == name or not core.endswith(_programme_words())


_CLASS_OF_WORKS = 2


@lru_cache(maxsize=1)
def _programme_words() -> tuple[str, ...]:
    return tuple(w for w in project_rules().programme_suffixes if len(w) > 1)


_CLOSING_WORKS = re.compile(f"(?:{alternation('works_noun')})$")


def _settled_stage(model: LogisticModel, rule_stage: str, local_stage: str, stage_feats: list[str]) -> str:
    """The rules' stage, unless the verbs next to the name say otherwise and the stage model sides
    with them (推进…等项目前期: preparatory, not construction)."""
    if not local_stage or local_stage == rule_stage or not model.stage_weights:
        return rule_stage
    return local_stage if model.stage(stage_feats) == local_stage else rule_stage


def scored_candidates(doc: Document, drafts: list[Record]) -> list[Scored]:
    """Every rule draft (with its stage features) and every candidate no draft overlaps (with its
    features as a project and as a stage): the training examples (scripts/train_project_scorer.py)."""
    home = gazetteer().region_named(doc.metadata.region) if doc.metadata.region else None
    cands = find_candidates(doc.text)
    rules, covered = _rule_candidates(drafts, cands)
    out: list[Scored] = [("rule", c, [], d, stage_feats) for c, d, stage_feats in rules]
    for i, c in enumerate(cands):
        if i not in covered and c.stage:  # no stage, no project: not worth its features
            c = c.named(written_name(doc, c))
            out.append(("new", c, features(c, home), None, stage_features(c, "")))
    return out


def _rule_candidates(drafts: list[Record], cands: list[Candidate]) -> tuple[list[tuple[Candidate, Record, list[str]]], set[int]]:
    """Each rule project draft as a candidate (the verbs and list of the candidates it overlaps) with
    its stage features, and the indexes of the candidates some draft overlaps."""
    out: list[tuple[Candidate, Record, list[str]]] = []
    covered: set[int] = set()
    starts = [c.start for c in cands]  # candidates come in text order and do not overlap
    for d in drafts:
        if d.type != "project":
            continue
        lo = max(0, bisect_right(starts, d.start) - 1)
        over = []
        for i in range(lo, len(cands)):
            if cands[i].start >= d.end:
                break
            if d.start < cands[i].end:
                over.append(i)
        covered.update(over)
        ctx = cands[over[0]] if over else None
        # a stage verb inside the rules' name (松涛灌区续建配套与现代化改造) splits it into candidates: the
        # verb after the name is the last one's, the one before it the first one's
        last = cands[over[-1]] if over else None
        cand = Candidate(
            name=d.name or "",
            start=d.start,
            end=d.end,
            stage=last.stage if last else "",
            verb_before=ctx.verb_before if ctx else "",
            verb_after=last.verb_after if last else "",
            lead=ctx.lead if ctx else "",
            head=ctx.head if ctx else "",
            expanded=False,
            n_items=ctx.n_items if ctx else 1,
            position=ctx.position if ctx else 0,
            counted=ctx.counted if ctx else False,
            tail=ctx.tail if ctx else "",
        )
        out.append((cand, d, stage_features(cand, d.stage or "")))
    return out, covered


def written_name(doc: Document, c: Candidate) -> str:
    """The name in the report's own characters (（ not ( ), plus the shared head it borrowed."""
    own = _LINE_BREAKS.sub("", doc.original_slice(c.start, c.end)).strip()
    return own + c.head if c.expanded else own


def _record(doc: Document, c: Candidate) -> Record:
    region = doc.metadata.region or ""
    heading = heading_at(doc, c.start)
    return Record(
        type="project",
        text="",
        start=c.start,
        end=c.end,
        year=statement_year(doc, c.start),
        name=c.name,
        stage=c.stage,
        category=category_of(c.name, heading),
        region=place_of(c.name, region),
    )
