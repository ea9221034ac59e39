"""Facts about the whole that decide the gates, read from the build database.

- Which tables must have rows: the ones whose inputs have rows (reports loaded → documents,
  targets and indicators; passed project records → projects and milestones …). A table its inputs
  leave empty (no portfolio in a work report) is no failure.
- What share of each table's rows the row-level checks set aside (marts.review_quarantine): above
  the configured share the quarantine is hiding a failure of the whole (an extractor or a feed
  gone wrong), and the run blocks.
"""
from __future__ import annotations

import duckdb

from flows.quality.outcomes import CheckResult
from flows.quality.severity import BLOCKING, WARNING

# Record type -> the mart its passing records become (int_records_passed → marts).
RECORD_MARTS = {"target": "fct_target", "achievement": "fct_achievement",
                "project": "fct_project_milestone", "portfolio": "fct_project_portfolio"}
SHARE_SUITE = "quarantine_share"
SHARE_EXPECTATION = "share_of_rows_set_aside_at_most"


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    try:
        return int(con.execute(sql).fetchone()[0])
    except duckdb.CatalogException:  # the table does not exist yet: nothing came in
        return 0


def tables_with_rows_expected(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Mart tables whose inputs say they cannot be empty."""
    expected = {"dim_region"}  # a seed: never empty
    if _count(con, "select count(*) from raw.documents"):
        # Reports landed: a report with no target at all is an extraction gone wrong.
        expected |= {"dim_document", "fct_target", "dim_indicator", "fct_target_outcome"}
    passed = dict(con.execute(
        "select record_type, count(*) from intermediate.int_records_passed group by record_type").fetchall()) \
        if _count(con, "select count(*) from information_schema.tables where table_name = 'int_records_passed'") else {}
    for record_type, table in RECORD_MARTS.items():
        if passed.get(record_type):
            expected.add(table)
    if passed.get("project"):
        expected.add("dim_project")
    return expected


def quarantine_share_results(con: duckdb.DuckDBPyConnection, max_share: float) -> list[CheckResult]:
    """One result per table that received rows: the share set aside against the limit."""
    results = []
    set_aside = dict(con.execute(
        "select table_name, count(distinct coalesce(record_key, file_path || '#' || coalesce(cast(row_number as varchar), '')))"
        " from marts.review_quarantine where table_name is not null group by table_name").fetchall())
    passed = dict(con.execute(
        "select record_type, count(*) from intermediate.int_records_passed group by record_type").fetchall())
    for record_type, table in RECORD_MARTS.items():
        # blocking: row checks set aside more than the allowed share — a failure of the whole.
        results.append(_share(table, set_aside.get(table, 0), passed.get(record_type, 0), max_share, BLOCKING))
    for table, n in sorted(set_aside.items()):
        if table.startswith("feed_"):
            # warning: feed rows are refused by the loader file by file (flows/feeds/); a sample upload
            # with a few bad rows in a short file must not withhold the reports. Shown, never blocking.
            kept = _count(con, f'select count(*) from raw."{table}"')
            results.append(_share(table, n, kept, max_share, WARNING))
    return results


def _share(table: str, n_set_aside: int, n_kept: int, max_share: float, severity) -> CheckResult:
    total = n_set_aside + n_kept
    share = n_set_aside / total if total else 0.0
    over = share > max_share
    outcome = ("failed" if severity == BLOCKING else "warning") if over else "passed"
    return CheckResult(suite=SHARE_SUITE, table_name=table, expectation=SHARE_EXPECTATION, column_name="",
                       severity=severity, outcome=outcome, unexpected_count=n_set_aside,
                       sample=f"{n_set_aside} of {total} rows set aside ({share:.1%}; limit {max_share:.0%})")
