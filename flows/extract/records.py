"""The extracted record: one figure, project or portfolio, with its provenance.

Field names follow ../shared/corpus/ANNOTATION_GUIDE.md; `to_json` emits the guide's fields for
the record's type plus `doc`, `start`, `end`, `section`, `extractor_version` and `confidence`.
"""
from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from functools import lru_cache
from typing import TypeVar

_T = TypeVar("_T")

RECORD_TYPES = ("target", "achievement", "project", "portfolio")
COMPARATORS = ("=", ">=", "<=", ">", "<", "~", "between", "qualitative", "?")
KINDS = ("growth", "change", "level", "count", "amount", "ratio", "qualitative")
STAGES = ("completed", "construction", "start", "preparatory")

_QUANTITY_FIELDS = (
    "indicator", "value", "value_min", "value_max", "unit", "comparator", "value_base",
    "value_base_min", "value_base_max", "base_unit", "kind", "strength",
)
_FIELDS_BY_TYPE = {
    "target": _QUANTITY_FIELDS,
    "achievement": _QUANTITY_FIELDS,
    "project": ("name", "stage", "category", "region"),
    "portfolio": ("category", "project_count", "total_investment", "annual_investment"),
}


@dataclass(frozen=True)
class Record:
    type: str
    text: str  # verbatim span of the original text
    start: int  # offsets into Document.original (half-open)
    end: int
    year: int | None = None
    doc: str = ""
    section: str = ""
    extractor_version: str = ""
    confidence: float | None = None  # 0–1, how sure the extractor is (flows/extract/confidence.py)
    # target / achievement
    indicator: str | None = None
    value: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    unit: str | None = None
    comparator: str | None = None
    value_base: float | None = None
    value_base_min: float | None = None
    value_base_max: float | None = None
    base_unit: str | None = None
    kind: str | None = None
    strength: str | None = None  # 力争 / 确保 / 争取 …, kept apart from the comparator
    # project
    name: str | None = None
    stage: str | None = None
    region: str | None = None
    # project and portfolio
    category: str | None = None
    # portfolio
    project_count: int | None = None
    total_investment: float | None = None
    annual_investment: float | None = None

    def to_json(self) -> dict:
        """The annotation-guide view: common fields plus those of this record's type."""
        row = asdict(self)
        keep = ("type", "doc", "text", "start", "end", "section", "year", "extractor_version", "confidence")
        keep += _FIELDS_BY_TYPE[self.type]
        return {k: row[k] for k in keep}

    def to_row(self) -> dict:
        """Every field, for loading into one wide raw table."""
        return asdict(self)


@dataclass(frozen=True)
class UnreadSentence:
    """A sentence that holds a quantity but produced no record: the reviewers' recall worklist."""

    start: int  # offsets into Document.original (half-open)
    end: int
    text: str
    section: str


def evolve(obj: _T, **changes) -> _T:
    """`dataclasses.replace` for the frozen records of extraction, without re-running
    `__init__` (30 fields set one by one through `object.__setattr__`): every report copies thousands
    of them. Only for dataclasses without `__post_init__`; a misspelt field name is refused as by
    `replace`."""
    fields = obj.__dict__
    for name in changes:
        if name not in fields:
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
    new = object.__new__(type(obj))
    new.__dict__.update(fields)
    new.__dict__.update(changes)
    return new


_UNSET = object()


@lru_cache(maxsize=None)
def _template(cls: type) -> dict:
    """Every field of a frozen dataclass in declaration order, with its default or _UNSET."""
    template = {}
    for f in fields(cls):
        if f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: build() does not run default factories")
        template[f.name] = _UNSET if f.default is MISSING else f.default
    return template


@lru_cache(maxsize=None)
def _required(cls: type) -> frozenset[str]:
    """The fields of `cls` without a default (a set test per record, not a comparison per field)."""
    return frozenset(name for name, value in _template(cls).items() if value is _UNSET)


def build(cls: type[_T], **values) -> _T:
    """`cls(**values)` for the frozen records of extraction, without the generated
    `__init__`, which sets each field through `object.__setattr__` (twice the time, for objects made
    thousands of times per report). Defaults fill what is not given; a missing or unknown field is
    refused as by `__init__`. Only for dataclasses without `__post_init__`."""
    template = _template(cls)
    state = template.copy()
    state.update(values)
    if len(state) != len(template) or not _required(cls) <= values.keys():
        unknown = sorted(values.keys() - template.keys())
        missing = [name for name, value in state.items() if value is _UNSET]
        raise TypeError(f"{cls.__name__}: no field {unknown[0]!r}" if unknown else f"{cls.__name__}: {missing[0]!r} needs a value")
    new = object.__new__(cls)
    new.__dict__.update(state)
    return new
