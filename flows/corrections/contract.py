"""The contract of reviewers' corrections, declared once: columns, which fields of which record, and
what a corrected value must look like.

A correction names a record by its mart key (fct_target.target_key …, the same key for every record
type: flows/warehouse/load_reports.py::record_ids) and one field of it. The loader (load.py) checks
every row here; the dbt overlay (int_records_corrected) applies what passed, and its field list
(macro `correction_fields`) is checked against CORRECTABLE_FIELDS by tests/corrections.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from flows.extract.records import COMPARATORS, KINDS, STAGES
from flows.extract.units import lookup_unit

COLUMNS = ("record_key", "field", "corrected_value", "reviewer", "reason", "corrected_on")
SOURCE_KIND = "corrections"  # raw.quarantine.source_kind of a refused correction

FieldType = Literal["text", "number", "integer", "comparator", "kind", "stage", "unit"]
# How each field type is stored in raw.corrections: corrected_text or corrected_number.
STORAGE: dict[FieldType, Literal["text", "number", "integer"]] = {
    "text": "text", "number": "number", "integer": "integer",
    "comparator": "text", "kind": "text", "stage": "text", "unit": "text",
}

_QUANTITY = {"indicator_text": "text", "value": "number", "value_min": "number", "value_max": "number",
             "unit": "unit", "comparator": "comparator", "kind": "kind"}
# Record type -> (the mart its records become, field -> type). The fields are the mart's own column
# names. Offsets, provenance and keys are not correctable: they say where the figure was read.
CORRECTABLE_FIELDS: dict[str, tuple[str, dict[str, FieldType]]] = {
    "target": ("fct_target", _QUANTITY),
    "achievement": ("fct_achievement", _QUANTITY),
    "project": ("fct_project_milestone", {"project_name": "text", "stage": "stage", "category": "text"}),
    "portfolio": ("fct_project_portfolio", {"category": "text", "project_count": "integer",
                                            "total_investment": "number", "annual_investment": "number"}),
}


def field_types() -> dict[str, FieldType]:
    """Every correctable field of any record type -> its type (one field has one type everywhere)."""
    out: dict[str, FieldType] = {}
    for _, fields in CORRECTABLE_FIELDS.values():
        out.update(fields)
    return out


@dataclass(frozen=True)
class Problem:
    column: str | None
    reason: str
    raw_value: str | None = None


@dataclass(frozen=True)
class Correction:
    """One row that passed the contract, typed for raw.corrections."""
    record_key: str
    field: str
    corrected_value: str
    reviewer: str
    reason: str
    corrected_on: date
    corrected_text: str | None = None
    corrected_number: float | None = None
    # For a corrected unit: its base unit and factor from the extractor's unit table, so dbt can put
    # the record's values in base units again.
    corrected_base_unit: str | None = None
    corrected_unit_factor: float | None = None


def header_problems(header: list[str]) -> tuple[list[Problem], list[Problem]]:
    """(missing columns, unknown columns): a file missing one cannot apply; an unknown one is ignored."""
    names = [h.strip() for h in header]
    missing = [Problem(c, f"the corrections file has no column {c!r}; expected the columns {', '.join(COLUMNS)}")
               for c in COLUMNS if c not in names]
    unknown = [Problem(n, f"unknown column {n!r} is ignored; a corrections file has the columns {', '.join(COLUMNS)}",
                       n) for n in names if n not in COLUMNS]
    return missing, unknown


def _number(text: str) -> float | None:
    try:
        value = float(unicodedata.normalize("NFKC", text).replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _typed_value(field: str, kind: FieldType, text: str) -> tuple[dict, Problem | None]:
    """The value's columns in raw.corrections, or the reason it does not fit the field."""
    def wrong(expected: str) -> tuple[dict, Problem]:
        return {}, Problem("corrected_value", f"{text!r} is not a valid {field}: expected {expected}", text)

    if kind == "number":
        number = _number(text)
        return ({"corrected_number": number}, None) if number is not None else wrong("a number")
    if kind == "integer":
        number = _number(text)
        return ({"corrected_number": number}, None) if number is not None and number.is_integer() \
            else wrong("a whole number")
    if kind == "comparator":
        return ({"corrected_text": text}, None) if text in COMPARATORS else wrong("one of " + " ".join(COMPARATORS))
    if kind == "kind":
        return ({"corrected_text": text}, None) if text in KINDS else wrong("one of " + ", ".join(KINDS))
    if kind == "stage":
        return ({"corrected_text": text}, None) if text in STAGES else wrong("one of " + ", ".join(STAGES))
    if kind == "unit":
        info = lookup_unit(text)
        if info is None:
            return wrong("a unit of the unit table (flows/extract/data/units.csv), with an optional 万/亿 magnitude")
        return {"corrected_text": text, "corrected_base_unit": info.base_unit,
                "corrected_unit_factor": info.factor}, None
    return {"corrected_text": text}, None


def check_row(row: dict[str, str | None], record_type: str | None) -> tuple[Correction | None, list[Problem]]:
    """A row of a corrections file against the contract; `record_type` is the type of the record its
    key names (None when no record has that key: the correction is kept, and shown as an orphan)."""
    cell = {c: (row.get(c) or "").strip() for c in COLUMNS}
    problems = [Problem(c, f"{c} is empty: a correction needs the record's key, the field, the corrected value, "
                           f"who made it, why and when") for c in COLUMNS if not cell[c]]
    corrected_on = None
    if cell["corrected_on"]:
        try:
            corrected_on = date.fromisoformat(cell["corrected_on"])
        except ValueError:
            problems.append(Problem("corrected_on", f"{cell['corrected_on']!r} is not a date written YYYY-MM-DD",
                                    cell["corrected_on"]))
    field, typed = cell["field"], {}
    if field:
        allowed = CORRECTABLE_FIELDS[record_type][1] if record_type in CORRECTABLE_FIELDS else field_types()
        if field not in allowed:
            where = (f"a field of {CORRECTABLE_FIELDS[record_type][0]}" if record_type in CORRECTABLE_FIELDS
                     else "a correctable field")
            problems.append(Problem("field", f"unknown field {field!r}: not {where}; allowed: {', '.join(allowed)}",
                                    field))
        elif cell["corrected_value"]:
            typed, problem = _typed_value(field, allowed[field], cell["corrected_value"])
            if problem:
                problems.append(problem)
    if problems:
        return None, problems
    return Correction(record_key=cell["record_key"], field=field, corrected_value=cell["corrected_value"],
                      reviewer=cell["reviewer"], reason=cell["reason"], corrected_on=corrected_on, **typed), []
