"""The `planwatch-pipeline` flow: land → ingest/extract → load → dbt → validate → publish.

Thin by design: every step is a plain function in flows/ (tested on its own); tasks only add
orchestration. Idempotence is by content hash, so caching is left off (NO_CACHE).
Connections use DuckDB's default configuration throughout: dbt runs in-process and keeps its own
connection to the build database, and DuckDB refuses a differently configured (read-only) second
connection to the same file in one process.
"""
from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.extract import EXTRACTOR_VERSION
from flows.feeds.raw_schema import ensure_feed_schema
from flows.feeds_flow import feeds_flow
from flows.reports import ProcessedReport, discover_reports, process_report
from flows.settings import Settings, get_settings
from flows.transform.dbt_build import dbt_build
from flows.warehouse.load_reports import (
    PendingReport, load_document, loaded_versions, log_load, plan_report_loads, quarantine_file,
)
from flows.warehouse.publish import publish_snapshot
from flows.warehouse.raw_schema import ensure_raw_schema
from flows.quality.ingest import run_ingest_gate
from flows.quality.publication import run_publication_gate


class PublicationBlocked(RuntimeError):
    """A quality gate failed: nothing was published and the previous snapshot stands."""

    def __init__(self, gate: str, failures: list[str], data_docs: str = "") -> None:
        self.gate, self.failures, self.data_docs = gate, failures, data_docs
        where = f"; Data Docs: {data_docs}" if data_docs else ""
        super().__init__(f"{gate} failed ({len(failures)} check(s)): {failures[0] if failures else '?'}{where}")


@dataclass
class RunSummary:
    run_id: str
    reports_seen: int = 0
    reports_loaded: dict[str, int] = field(default_factory=dict)  # action -> count
    quarantined: list[str] = field(default_factory=list)
    feeds: str = ""  # one line: files and rows in = loaded + quarantined
    table_rows: dict[str, int] = field(default_factory=dict)
    dbt_nodes: int = 0
    expectations: int = 0
    published_database: str = ""
    published_parquet: str = ""
    data_docs: str = ""


@task(cache_policy=NO_CACHE)
def plan_loads(settings: Settings) -> list[PendingReport]:
    with duckdb.connect(str(settings.database_path)) as con:
        ensure_raw_schema(con)
        ensure_feed_schema(con)  # dbt's feed staging needs the tables even when no feed has arrived
        loaded = loaded_versions(con)
    return plan_report_loads(discover_reports(settings.reports_dir), loaded, EXTRACTOR_VERSION)


@task(cache_policy=NO_CACHE)
def extract_report(pending: PendingReport) -> ProcessedReport | str:
    """The processed report, or the reason it could not be read (it goes to quarantine)."""
    try:
        return process_report(pending.path)
    except Exception as exc:  # any unreadable file is quarantined, the others still load
        return f"{type(exc).__name__}: {exc}"


@task(cache_policy=NO_CACHE)
def load_reports(settings: Settings, unchanged: list[PendingReport],
                 processed: list[tuple[PendingReport, ProcessedReport | str]],
                 run_id: str) -> tuple[dict[str, int], list[str]]:
    actions: Counter[str] = Counter()
    quarantined: list[str] = []
    with duckdb.connect(str(settings.database_path)) as con:
        for pending in unchanged:
            log_load(con, run_id, pending.doc_id, pending.content_hash, "unchanged")
            actions["unchanged"] += 1
        for pending, result in processed:
            if isinstance(result, str):
                quarantine_file(con, "report", pending.path, pending.content_hash, result)
                log_load(con, run_id, pending.doc_id, pending.content_hash, "quarantined")
                quarantined.append(f"{pending.path.name}: {result}")
                actions["quarantined"] += 1
            else:
                actions[load_document(con, result.document, result.records, result.unread, EXTRACTOR_VERSION,
                                      run_id)] += 1
    return dict(actions), quarantined


@task(cache_policy=NO_CACHE)
def validate_raw(settings: Settings, run_id: str) -> int:
    """The ingest gate over the raw tables, before dbt; recorded in audit.validation_* either way."""
    gate = run_ingest_gate(settings, run_id)
    for line in gate.warnings:
        get_run_logger().warning("ingest warning: %s", line)
    if not gate.success:
        raise PublicationBlocked("Great Expectations checkpoint (ingest gate)", gate.failures, gate.data_docs)
    return gate.n_expectations


@task(cache_policy=NO_CACHE)
def build_marts(settings: Settings) -> int:
    result = dbt_build(settings)
    if not result.success:
        raise PublicationBlocked("dbt build (tests gate)", result.failures)
    return result.n_nodes


@task(cache_policy=NO_CACHE)
def validate_marts(settings: Settings, run_id: str) -> tuple[list[str], int, str, dict[str, int]]:
    check = run_publication_gate(settings, run_id)  # recorded in audit.validation_* either way
    logger = get_run_logger()
    for line in check.gate.warnings:
        logger.warning("quality warning: %s", line)
    if check.set_aside:
        logger.warning("%s row(s) set aside in marts.review_quarantine", check.set_aside)
    if not check.gate.success:
        raise PublicationBlocked("Great Expectations checkpoint (publication gate)", check.gate.failures,
                                 check.gate.data_docs)
    return check.tables, check.gate.n_expectations, check.gate.data_docs, check.table_rows


@task(cache_policy=NO_CACHE)
def publish(settings: Settings, tables: list[str], run_id: str) -> tuple[str, str]:
    with duckdb.connect(str(settings.database_path)) as con:
        snapshot = publish_snapshot(con, settings, tables, run_id)
    return str(snapshot.database), str(snapshot.parquet_dir)


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@flow(name="planwatch-pipeline", log_prints=True)
def planwatch_pipeline(landing_dir: str | None = None, warehouse_dir: str | None = None) -> RunSummary:
    settings = get_settings().with_overrides(
        landing_dir=Path(landing_dir) if landing_dir else None,
        warehouse_dir=Path(warehouse_dir) if warehouse_dir else None,
    )
    settings.warehouse_dir.mkdir(parents=True, exist_ok=True)
    logger = get_run_logger()
    summary = RunSummary(run_id=new_run_id())

    plans = plan_loads(settings)
    summary.reports_seen = len(plans)
    unchanged = [p for p in plans if p.action == "unchanged"]
    changed = [p for p in plans if p.action != "unchanged"]
    processed = list(zip(changed, extract_report.map(changed).result())) if changed else []
    summary.reports_loaded, summary.quarantined = load_reports(settings, unchanged, processed, summary.run_id)
    for line in summary.quarantined:
        logger.warning("quarantined report %s", line)
    if settings.feeds_dir.is_dir():  # feeds have their own flow, run here as a subflow
        summary.feeds = feeds_flow(feeds_dir=str(settings.feeds_dir), warehouse_dir=str(settings.warehouse_dir)).describe()

    validate_raw(settings, summary.run_id)
    summary.dbt_nodes = build_marts(settings)
    tables, summary.expectations, summary.data_docs, summary.table_rows = validate_marts(settings, summary.run_id)
    summary.published_database, summary.published_parquet = publish(settings, tables, summary.run_id)
    logger.info("published %s tables to %s", len(tables), summary.published_database)
    return summary
