"""Building a small warehouse for feed tests: hand-made plan records, feeds, then dbt on a tmp DuckDB."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from flows.extract.records import Record
from flows.feeds import FeedLoadSummary, load_feeds
from flows.ingest import ingest_bytes
from flows.settings import PROJECT_ROOT
from flows.warehouse.load_reports import load_document
from flows.warehouse.raw_schema import ensure_raw_schema

DBT = Path(sys.executable).with_name("dbt")


def target(text: str, plan_text: str, indicator: str, value: float, unit: str, comparator: str,
           value_base: float | None, base_unit: str, kind: str, year: int = 2025) -> Record:
    start = plan_text.index(text)
    return Record(type="target", text=text, start=start, end=start + len(text), year=year, indicator=indicator,
                  value=value, unit=unit, comparator=comparator, value_base=value_base, base_unit=base_unit, kind=kind)


def load_plan(con: duckdb.DuckDBPyConnection, doc_id: str, plan_text: str, region: str, year: int,
              records: list[Record]) -> None:
    doc = ingest_bytes(plan_text.encode("utf-8"), doc_id=doc_id, source_path=f"{doc_id}.txt",
                       metadata={"region": region, "plan_year": year, "document_type": "plan_report"})
    load_document(con, doc, records, [], "test", "test-run")


def build_warehouse(db_path: Path, feeds_dir: Path, load_plans) -> FeedLoadSummary:
    """Load plans (a callable taking the connection) and feeds into db_path, then dbt build the feed marts."""
    con = duckdb.connect(str(db_path))
    try:
        ensure_raw_schema(con)
        load_plans(con)
        summary = load_feeds(con, feeds_dir, "test-run")
    finally:
        con.close()
    run_dbt(db_path, "build", "--select", "+path:models/marts/feeds", "--indirect-selection", "cautious")
    return summary


def run_dbt(db_path: Path, *args: str) -> None:
    work = db_path.parent / "dbt"
    env = {**os.environ, "PLANWATCH_DUCKDB_PATH": str(db_path), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
           "DO_NOT_TRACK": "1"}
    command = [str(DBT), *args, "--project-dir", str(PROJECT_ROOT / "dbt"), "--profiles-dir", str(PROJECT_ROOT / "dbt"),
               "--target-path", str(work / "target"), "--log-path", str(work / "logs")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise AssertionError(f"dbt {' '.join(args)} failed:\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}")
