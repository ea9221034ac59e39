"""Severity of a check, declared beside it in code: `blocking` stops publication, `warning` never does.

An expectation's severity travels in its `meta`, so it is saved with the suite, shown in Data Docs
and read back from every validation result; a result whose expectation declares none counts as
blocking (a check nobody classified must not be waved through).
"""
from __future__ import annotations

from typing import Any, Literal, TypeVar

Severity = Literal["blocking", "warning"]
BLOCKING: Severity = "blocking"
WARNING: Severity = "warning"

E = TypeVar("E", bound=Any)  # a GX expectation (not imported here: GX's import costs seconds)


def _with(expectation: E, severity: Severity) -> E:
    expectation.meta = {**(expectation.meta or {}), "severity": severity}
    return expectation


def blocking(expectation: E) -> E:
    """A failure of the whole (a key, the table's shape, a guarantee the quarantine gives): it blocks."""
    return _with(expectation, BLOCKING)


def warning(expectation: E) -> E:
    """Worth a reviewer's look but never a reason to withhold the warehouse."""
    return _with(expectation, WARNING)


def severity_of(meta: dict | None) -> Severity:
    value = (meta or {}).get("severity")
    return WARNING if value == WARNING else BLOCKING
