"""Kept for callers written before the one past/future decision: a project's year is decided by
`flows.extract.periods.statement_year`, the same decision as for figures. Do not add rules here."""
from __future__ import annotations

from flows.extract.periods import statement_year as year_at

__all__ = ["year_at"]
