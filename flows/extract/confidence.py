"""How sure the extractor is of one record, 0–1: published with every record so that reviewers read the
least certain first.

The score starts high and loses weight for each sign of a shaky reading, named below in the order a
reviewer would check them. It is a rule score, not a probability: on the provincial annotations held
out from the rules, records scored below 0.8 were right less often than those above (see the README's
extraction figures).
"""
from __future__ import annotations

import re

from flows.extract.periods import plan_year, reading_evidence
from flows.extract.project_names import has_facility, has_kind, is_placed
from flows.extract.project_rules import project_rules
from flows.extract.records import Record
from flows.extract.regions import gazetteer
from flows.ingest.document import Document

_FLOOR, _CEILING = 0.05, 0.99
_DIGIT = re.compile(r"\d")


def confidence_of(doc: Document, draft: Record) -> float:
    """The confidence of a draft record (offsets into `doc.text`)."""
    if draft.type in ("target", "achievement"):
        score = _quantity(doc, draft)
    elif draft.type == "project":
        score = _project(doc, draft)
    else:
        score = _portfolio(draft)
    return round(min(_CEILING, max(_FLOOR, score)), 2)


def _quantity(doc: Document, r: Record) -> float:
    score = 0.95
    indicator = (r.indicator or "").strip()
    # the indicator: too short to say what is measured, or so long it swallowed a clause
    if len(indicator) <= 2:
        score -= 0.3
    elif len(indicator) > 30:
        score -= 0.3
    elif len(indicator) > 18:
        score -= 0.15
    if _DIGIT.search(indicator) or indicator.endswith("的"):
        score -= 0.25  # a figure or a description inside the indicator (抓好总投资2万亿元的)
    if indicator.startswith(project_rules().verb_prefixes):
        score -= 0.15  # a task verb opens it: a verb phrase read as an indicator
    if r.comparator == "?":
        score -= 0.2
    if r.comparator == "qualitative":
        score -= 0.1
    # past or future: decided by a heading or a paragraph's opening, or only by default
    if reading_evidence(doc, r.start) == "default":
        score -= 0.1
    return score


def _project(doc: Document, r: Record) -> float:
    name = r.name or ""
    rules = project_rules()
    home = gazetteer().region_named(doc.metadata.region) if doc.metadata.region else None
    score = 0.92
    if not has_kind(name, rules):
        score -= 0.12 if has_facility(name, rules) else 0.25  # no facility word: an open-vocabulary name
    if not is_placed(name, home, rules):
        score -= 0.1
    if len(name) > 20:
        score -= 0.2
    elif len(name) <= 3:
        score -= 0.1
    if r.stage == "preparatory":
        score -= 0.05  # 谋划 / 争取 also govern plans that are no works
    if plan_year(doc) is None:
        score -= 0.05
    return score


def _portfolio(r: Record) -> float:
    score = 0.9
    if r.total_investment is None or r.annual_investment is None:
        score -= 0.1
    if not r.category:
        score -= 0.1
    return score
