"""One validation result -> one outcome: passed, failed, warning or broken.

A *broken* validation is one whose answer cannot be trusted: the expectation raised (a column
that does not exist), returned no result, or looked at zero rows of a table whose inputs say it has
rows. Broken validations are reported apart from failed data and always block: a gate that did
not look must not pass.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from flows.quality.severity import BLOCKING, Severity, severity_of

Outcome = Literal["passed", "failed", "warning", "broken"]
OUTCOMES: tuple[Outcome, ...] = ("passed", "failed", "warning", "broken")
SAMPLE_CHARS = 300


@dataclass(frozen=True)
class CheckResult:
    """One row of audit.validation_results (without the run id and gate, added when recorded)."""
    suite: str
    table_name: str
    expectation: str
    column_name: str
    severity: Severity
    outcome: Outcome
    unexpected_count: int | None = None
    sample: str = ""  # failing values, or why the validation is broken

    @property
    def blocks(self) -> bool:
        return self.outcome in ("failed", "broken")

    def describe(self) -> str:
        where = f"({self.column_name})" if self.column_name else ""
        count = f" {self.unexpected_count} row(s)" if self.unexpected_count else ""
        return f"{self.table_name}: {self.expectation}{where} [{self.outcome}]{count} — {self.sample}"[:SAMPLE_CHARS]


def raised_message(exception_info: Mapping[str, Any] | None) -> str:
    """The exception an expectation raised, if any: GX nests it per metric or puts it flat."""
    if not exception_info:
        return ""
    infos = [exception_info] if "raised_exception" in exception_info else list(exception_info.values())
    for info in infos:
        if isinstance(info, Mapping) and info.get("raised_exception"):
            return str(info.get("exception_message") or "raised an exception")
    return ""


def columns_named(kwargs: Mapping[str, Any]) -> list[str]:
    named = [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    return named + list(kwargs.get("column_list") or [])


def classify(*, success: bool | None, severity: Severity, result: Mapping[str, Any] | None,
             exception_info: Mapping[str, Any] | None, rows_expected: bool, table_columns: set[str] | None,
             table_rows: int | None, kwargs: Mapping[str, Any]) -> tuple[Outcome, str]:
    """The outcome of one expectation's result, and the sample or reason to show with it."""
    missing = [c for c in columns_named(kwargs) if table_columns is not None and c not in table_columns]
    if missing:
        return "broken", f"names column(s) the table lacks: {', '.join(missing)}"
    raised = raised_message(exception_info)
    if raised:
        return "broken", f"raised: {raised}"
    if success is None or result is None:
        return "broken", "returned no result"
    # A column check on an empty table passes vacuously: where rows were expected it did not look.
    if columns_named(kwargs) and rows_expected and table_rows == 0:
        return "broken", "ran on zero rows where rows were expected"
    if success:
        return "passed", ""
    sample = result.get("partial_unexpected_list")
    if sample is None:
        sample = result.get("observed_value")
    text = repr(sample)[:SAMPLE_CHARS]
    return ("failed" if severity == BLOCKING else "warning"), text


def from_gx(er: Any, *, table: str, suite: str, rows_expected: bool, table_columns: set[str] | None,
            table_rows: int | None) -> CheckResult:
    """A CheckResult from a GX ExpectationValidationResult."""
    cfg = er.expectation_config
    severity = severity_of(cfg.meta)
    result = er.result if er.result else None
    outcome, sample = classify(success=er.success, severity=severity, result=result,
                               exception_info=er.exception_info, rows_expected=rows_expected,
                               table_columns=table_columns, table_rows=table_rows, kwargs=cfg.kwargs)
    unexpected = (result or {}).get("unexpected_count")
    return CheckResult(suite=suite, table_name=table, expectation=cfg.type,
                       column_name=", ".join(columns_named(cfg.kwargs)), severity=severity, outcome=outcome,
                       unexpected_count=int(unexpected) if unexpected is not None else None, sample=sample)
