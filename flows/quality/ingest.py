"""The ingest gate: raw report records, documents and feed rows checked before dbt runs.

The suites are generated from the same contracts that create the raw tables: the declared columns
are read from the DDL (flows/warehouse/raw_schema.py, flows/feeds/raw_schema.py) by creating it in
an empty in-memory database, and the feed suites come from the feed contracts (feed_suites.py).

Severities (also beside each check):
- BLOCKING: a table's columns differ from its DDL (a schema change), a key or provenance column is
  null or repeated, a record type outside the contract, raw records missing while documents loaded.
- WARNING: row-level record checks (no indicator, unknown comparator or unit, unknown stage): the
  record is set aside by dbt's row checks (int_record_check_failures) and the rest publishes; the
  ingest gate shows them early.
"""
from __future__ import annotations

import shutil
from datetime import datetime, timezone

from typing import Any

import duckdb

from flows.corrections.contract import field_types
from flows.extract.records import COMPARATORS, STAGES
from flows.feeds.raw_schema import ensure_feed_schema
from flows.quality.audit import GateRun, record_gate_run
from flows.quality.gate import INGEST_GATE, GateResult, run_gate
from flows.quality.severity import blocking, warning
from flows.settings import Settings
from flows.warehouse.connection import connect_warehouse
from flows.warehouse.raw_schema import ensure_raw_schema

RECORD_TYPES = ("target", "achievement", "project", "portfolio")
REPORT_TABLES = ("documents", "records", "corrections")
STAGED_PREFIX = "raw_"


def declared_raw_columns() -> dict[str, list[str]]:
    """raw table -> its columns in DDL order, from the DDL itself."""
    with duckdb.connect(":memory:") as con:
        ensure_raw_schema(con)
        ensure_feed_schema(con)
        rows = con.execute("select table_name, column_name from information_schema.columns "
                           "where table_schema = 'raw' order by table_name, ordinal_position").fetchall()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def gated_tables() -> list[str]:
    from flows.quality.feed_suites import RAW_FEED_SUITES  # imported late, like GX itself (seconds)

    return [*REPORT_TABLES, *RAW_FEED_SUITES]


def ingest_suites(expect_records: bool) -> dict[str, list[Any]]:
    """Staged name (raw_<table>) -> expectations."""
    from great_expectations import expectations as gxe  # imported late: GX's import costs seconds
    from great_expectations.expectations.row_conditions import Column

    from flows.quality.feed_suites import RAW_FEED_SUITES
    from flows.quality.suites import allowed_base_units

    def _schema(columns: list[str]) -> Any:
        # blocking: a column added, dropped or renamed outside the DDL is a schema change.
        return blocking(gxe.ExpectTableColumnsToMatchSet(column_set=columns, exact_match=True))

    declared = declared_raw_columns()
    quantity = Column("type").is_in(["target", "achievement"])
    records = [
        _schema(declared["records"]),
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="record_id")),
        blocking(gxe.ExpectColumnValuesToBeUnique(column="record_id")),
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="doc_id")),
        # blocking: a record type dbt does not model would vanish between raw and the marts.
        blocking(gxe.ExpectColumnValuesToBeInSet(column="type", value_set=list(RECORD_TYPES))),
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="text")),
        blocking(gxe.ExpectColumnValuesToNotBeNull(column="extractor_version")),
        # warning: row-level, the record is set aside by dbt's row checks and shown in review_quarantine.
        warning(gxe.ExpectColumnValuesToNotBeNull(column="indicator", row_condition=quantity)),
        warning(gxe.ExpectColumnValuesToBeInSet(column="comparator", value_set=list(COMPARATORS), row_condition=quantity)),
        warning(gxe.ExpectColumnValuesToBeInSet(column="base_unit", value_set=allowed_base_units(), row_condition=quantity)),
        warning(gxe.ExpectColumnValuesToBeInSet(column="stage", value_set=list(STAGES),
                                                row_condition=Column("type") == "project")),
        warning(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start")),
    ]
    if expect_records:
        # blocking: reports loaded but not one record extracted is an extraction gone wrong.
        records.insert(0, blocking(gxe.ExpectTableRowCountToBeBetween(min_value=1)))
    suites = {
        "raw_records": records,
        # blocking: the corrections loader (flows/corrections/load.py) refuses every row breaking these;
        # one here means the loader and its contract disagree. Bad rows themselves are quarantined.
        "raw_corrections": [
            _schema(declared["corrections"]),
            *[blocking(gxe.ExpectColumnValuesToNotBeNull(column=c))
              for c in ("record_key", "field", "corrected_value", "reviewer", "reason", "corrected_on",
                        "source_file", "source_line")],
            blocking(gxe.ExpectColumnValuesToBeInSet(column="field", value_set=sorted(field_types()))),
            blocking(gxe.ExpectCompoundColumnsToBeUnique(column_list=["record_key", "field"])),
        ],
        "raw_documents": [
            _schema(declared["documents"]),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="doc_id")),
            blocking(gxe.ExpectColumnValuesToBeUnique(column="doc_id")),
            blocking(gxe.ExpectColumnValuesToMatchRegex(column="content_hash", regex=r"^[0-9a-f]{64}$")),
            blocking(gxe.ExpectColumnValuesToNotBeNull(column="source_path")),
            # warning: detected metadata; a report without a detected year still publishes its figures.
            warning(gxe.ExpectColumnValuesToNotBeNull(column="plan_year")),
        ],
    }
    for table, checks in RAW_FEED_SUITES.items():
        suites[STAGED_PREFIX + table] = [_schema(declared[table]), *checks] if table in declared else list(checks)
    return suites


def run_ingest_gate(settings: Settings, run_id: str) -> GateResult:
    """Validate the raw tables where they are (nothing staged), record the answer in audit.validation_*."""
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    staged_dir = settings.warehouse_dir / "tmp" / "ingest_candidate"  # GX's samples go beside it
    shutil.rmtree(staged_dir, ignore_errors=True)  # raw tables staged as Parquet by earlier versions
    with connect_warehouse(settings.database_path, settings) as con:
        present = {t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_catalog = current_database() "
            "and table_schema = 'raw'").fetchall()}
        n_documents = con.execute("select count(*) from raw.documents").fetchone()[0] if "documents" in present else 0
    relations = {STAGED_PREFIX + table: f'raw."{table}"' for table in gated_tables() if table in present}
    suites = ingest_suites(expect_records=n_documents > 0)
    gate = run_gate(settings, gate=INGEST_GATE, staged_dir=staged_dir, tables=list(relations), suites=suites,
                    run_id=run_id, rows_expected={"raw_records", "raw_documents"} if n_documents else set(),
                    required_tables=list(suites), checkpoint_name="planwatch_ingest_gate",
                    datasource_name="planwatch_raw", database=settings.database_path, relations=relations)
    with connect_warehouse(settings.database_path, settings) as con:
        record_gate_run(con, GateRun(run_id, INGEST_GATE, started, gate.results))
    return gate
