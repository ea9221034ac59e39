"""The publication gate as one plain function: stage the marts, validate them, record the answer.

Nothing Prefect here: the pipeline's validate task calls it, tests call it directly.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone


from flows.quality.audit import GateRun, record_gate_run
from flows.quality.gate import PUBLICATION_GATE, GateResult, validate_candidate
from flows.quality.whole_checks import quarantine_share_results, tables_with_rows_expected
from flows.settings import Settings
from flows.warehouse.connection import connect_warehouse
from flows.warehouse.publish import mart_tables, stage_candidate


@dataclass(frozen=True)
class PublicationCheck:
    gate: GateResult
    tables: list[str]
    table_rows: dict[str, int]
    set_aside: int  # rows in marts.review_quarantine


def run_publication_gate(settings: Settings, run_id: str) -> PublicationCheck:
    from flows.quality.suites import mart_suites

    started = datetime.now(timezone.utc).replace(tzinfo=None)
    with connect_warehouse(settings.database_path, settings) as con:
        tables = mart_tables(con)
        staged = stage_candidate(con, settings, tables)
        rows = {t: sum(p.rows for p in staged.contents[t].partitions.values()) for t in tables}
        expected = tables_with_rows_expected(con)
        shares = quarantine_share_results(con, settings.max_quarantine_share) if "review_quarantine" in tables else []
    gate = validate_candidate(settings, tables, run_id=run_id, rows_expected=expected,
                              required_tables=list(mart_suites()), extra=shares)
    with connect_warehouse(settings.database_path, settings) as con:
        record_gate_run(con, GateRun(run_id, PUBLICATION_GATE, started, gate.results))
    return PublicationCheck(gate, tables, rows, rows.get("review_quarantine", 0))
