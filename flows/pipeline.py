"""The `planwatch-pipeline` flow: land → ingest/extract → load → feeds → dbt → validate → publish.

Thin by design: every step is a plain function in flows/ (tested on its own); tasks only add
orchestration. Idempotence is by content hash, so caching is left off (NO_CACHE).
A run holds the warehouse's one-writer lock throughout (flows/runs/lock.py), first fingerprints its
inputs and does nothing when they match the last published run (flows/runs/fingerprint.py), and
records itself in `audit.pipeline_runs` (flows/runs/audit.py). Tasks pass paths, ids and counts:
extraction writes each report's records to the staging folder and the load task reads them from there.
dbt runs in a child process, so no DuckDB handle outlives the build.
"""
from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.states import State

from flows.corrections.load import load_corrections
from flows.extract import EXTRACTOR_VERSION
from flows.feeds.raw_schema import ensure_feed_schema
from flows.feeds_flow import feeds_flow
from flows.reports import (
    StagedReport, discover_reports, extraction_processes, read_staged, stage_on_processes, stage_report, unreadable,
)
from flows.runs.audit import RunJournal, mark_killed, new_run_id
from flows.runs.fingerprint import input_fingerprint
from flows.runs.lock import LockHolder, warehouse_lock
from flows.runs.nothing_new import record_nothing_new, unchanged_since
from flows.runs.progress import progress_bar
from flows.ingest.landing import require_landing
from flows.reports import REPORT_SUFFIXES
from flows.settings import Settings, get_settings
from flows.transform.dbt_build import dbt_build
from flows.warehouse.load_reports import (
    PendingReport, load_report_batch, loaded_versions, log_load, plan_report_loads, quarantine_file,
    quarantine_landing_problems,
)
from flows.warehouse.publish import publish_snapshot
from flows.warehouse.raw_schema import ensure_raw_schema
from flows.quality.dbt_tests import record_dbt_gate
from flows.quality.ingest import run_ingest_gate
from flows.quality.publication import run_publication_gate
from flows.warehouse.connection import connect_warehouse

_IO = get_settings()  # retry counts and delays are fixed when the tasks are declared


class PublicationBlocked(RuntimeError):
    """A quality gate failed: nothing was published and the previous snapshot stands."""

    def __init__(self, gate: str, failures: list[str], data_docs: str = "") -> None:
        self.gate, self.failures, self.data_docs = gate, failures, data_docs
        self.timings = ""  # the run's `timings:` line, set when the run ends
        where = f"; Data Docs: {data_docs}" if data_docs else ""
        super().__init__(f"{gate} failed ({len(failures)} check(s)): {failures[0] if failures else '?'}{where}")


@dataclass
class RunSummary:
    run_id: str
    outcome: str = "published"  # or nothing_new
    unchanged_since: str = ""  # for nothing_new: the published run whose inputs matched
    reports_seen: int = 0
    reports_loaded: dict[str, int] = field(default_factory=dict)  # action -> count
    quarantined: list[str] = field(default_factory=list)
    feeds: str = ""  # one line: files and rows in = loaded + quarantined
    corrections: str = ""  # one line: reviewers' correction files and rows in = loaded + quarantined
    table_rows: dict[str, int] = field(default_factory=dict)
    dbt_nodes: int = 0
    expectations: int = 0
    published_database: str = ""
    published_parquet: str = ""
    data_docs: str = ""
    timings: str = ""  # `timings: extract 12.3s, load 1.2s, …, total 33.0s`


def is_transient(task, task_run, state: State) -> bool:
    """Retry I/O errors (a network share that hiccups), never a deterministic failure."""
    try:
        state.result()
    except OSError:
        return True
    except BaseException:
        return False
    return False


def root_cause(exc: BaseException) -> str:
    while exc.__cause__ is not None or (exc.__context__ is not None and not exc.__suppress_context__):
        exc = exc.__cause__ or exc.__context__
    return f"{type(exc).__name__}: {exc}"


@task(cache_policy=NO_CACHE, retries=_IO.io_retries, retry_delay_seconds=_IO.io_retry_delay_seconds,
      retry_condition_fn=is_transient)
def plan_loads(settings: Settings, rebuild: bool = False) -> list[PendingReport]:
    """Hash every report in landing and decide what loading it will do (all `replaced` on a rebuild)."""
    with connect_warehouse(settings.database_path, settings) as con:
        ensure_raw_schema(con)
        ensure_feed_schema(con)  # dbt's feed staging needs the tables even when no feed has arrived
        quarantine_landing_problems(con, settings.landing_dir, REPORT_SUFFIXES)  # links leaving it, stray files
        loaded = {} if rebuild else loaded_versions(con)
    return plan_report_loads(discover_reports(settings.reports_dir), loaded, EXTRACTOR_VERSION)


@task(cache_policy=NO_CACHE, retries=_IO.io_retries, retry_delay_seconds=_IO.io_retry_delay_seconds,
      retry_condition_fn=is_transient)
def extract_report(path: str, staging_dir: str) -> StagedReport:
    """Ingest and extract one report into the staging folder; an unreadable file comes back with its reason."""
    try:
        return stage_report(Path(path), Path(staging_dir))
    except OSError:
        raise  # landing may be a network share: retried, then quarantined
    except Exception as exc:  # any unreadable file is quarantined, the others still load
        return unreadable(Path(path), exc)


@flow(name="planwatch-extract")
def extract_on_cluster(paths: list[str], staging_dir: str) -> list[StagedReport]:
    """Extraction mapped over a Dask cluster (the task runner is chosen by `extract_reports`)."""
    futures = extract_report.map(paths, staging_dir)
    path_of = {future.task_run_id: path for path, future in zip(paths, futures)}
    staged = []
    with progress_bar(len(paths), "extracting reports") as advance:
        for future in as_completed(futures):
            future.wait()  # the final state, as the worker returned it (the API's copy may lag behind)
            staged.append(_staged(path_of[future.task_run_id], future.state))
            advance()
    return staged


def _staged(path: str, state: State) -> StagedReport:
    """The task's result, or, when reading failed even after retries, the report set aside with the cause."""
    if state.is_completed():
        return state.result()
    return StagedReport(doc_id=Path(path).stem, source=path, staged=None,
                        error=root_cause(state.result(raise_on_failure=False)))


def extract_reports(settings: Settings, pending: list[PendingReport], workers: int | None) -> list[StagedReport]:
    """On a Dask cluster when PLANWATCH_DASK_ADDRESS says so; else on a pool of local processes
    (`extraction_processes`: one per core for a large enough batch), or in this process, a task a report."""
    paths, staging = [str(p.path) for p in pending], str(settings.staging_dir)
    if not paths:
        return []
    processes = extraction_processes(workers, len(paths))
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner  # imported late: distributed costs a second

        if settings.dask_address == "local":
            runner = DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs={
                "n_workers": max(1, processes), "threads_per_worker": 1, "processes": True,
                "dashboard_address": None})
        else:
            runner = DaskTaskRunner(address=settings.dask_address)
        return extract_on_cluster.with_options(task_runner=runner)(paths, staging)
    staged = []
    with progress_bar(len(paths), "extracting reports") as advance:
        if processes:
            get_run_logger().info("extracting %s reports on %s processes", len(paths), processes)
            for report in stage_on_processes([Path(p) for p in paths], Path(staging), processes,
                                             settings.io_retries, settings.io_retry_delay_seconds):
                staged.append(report)
                advance()
        else:
            for path in paths:
                staged.append(_staged(path, extract_report(path, staging, return_state=True)))
                advance()
    return sorted(staged, key=lambda report: report.source)  # loaded in landing's order, however they finished


@task(cache_policy=NO_CACHE)
def load_reports(settings: Settings, unchanged: list[PendingReport], staged: list[StagedReport],
                 run_id: str) -> tuple[dict[str, int], list[str], int]:
    """Load every staged report, `load_batch_reports` at a time; returns actions, quarantine lines and records."""
    hashes = {str(p.path): p.content_hash for p in unchanged}
    actions: Counter[str] = Counter()
    quarantined: list[str] = []
    records = 0
    with connect_warehouse(settings.database_path, settings) as con:
        for pending in unchanged:
            log_load(con, run_id, pending.doc_id, pending.content_hash, "unchanged")
            actions["unchanged"] += 1
        for report in staged:
            if report.staged is None:
                path = Path(report.source)
                content_hash = hashes.get(report.source)
                quarantine_file(con, "report", path, content_hash, report.error)
                log_load(con, run_id, report.doc_id, content_hash, "quarantined")
                quarantined.append(f"{path.name}: {report.error}")
                actions["quarantined"] += 1
        readable = [report for report in staged if report.staged is not None]
        size = max(1, settings.load_batch_reports)
        for first in range(0, len(readable), size):
            batch = readable[first:first + size]
            rows = [read_staged(report) for report in batch]
            actions.update(load_report_batch(con, rows, run_id))
            records += sum(r.n_records for r in rows)
            for report in batch:
                Path(report.staged).unlink(missing_ok=True)
    return dict(actions), quarantined, records


@task(cache_policy=NO_CACHE)
def load_reviewer_corrections(settings: Settings) -> str:
    """Reload the reviewers' corrections; after the reports, since a correction is checked against its record."""
    with connect_warehouse(settings.database_path, settings) as con:
        loaded = load_corrections(con, settings.corrections_dir)
    logger = get_run_logger()
    for refusal in loaded.refused:
        where = f"{refusal.source_file}" + (f" line {refusal.line}" if refusal.line else "")
        logger.warning("correction quarantined: %s: %s", where, "; ".join(p.reason for p in refusal.problems))
    return loaded.describe()


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
def build_marts(settings: Settings, run_id: str, rebuild: bool = False) -> int:
    """dbt build (incremental by document; whole on a rebuild); its tests' answers go to audit.validation_*
    as gate `dbt` whether they pass or block."""
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    result = dbt_build(settings, full_refresh=rebuild)
    if not result.n_nodes:  # dbt itself could not run: an error of the run, not a gate's verdict on data
        raise RuntimeError("; ".join(result.failures) or "dbt build ran no node")
    record_dbt_gate(settings, run_id, started)
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


@task(cache_policy=NO_CACHE, retries=_IO.io_retries, retry_delay_seconds=_IO.io_retry_delay_seconds,
      retry_condition_fn=is_transient)
def publish(settings: Settings, tables: list[str], run_id: str) -> tuple[str, str]:
    with connect_warehouse(settings.database_path, settings) as con:
        snapshot = publish_snapshot(con, settings, tables, run_id)
    return str(snapshot.database), str(snapshot.parquet_dir)


def run_trigger() -> tuple[str, str | None]:
    """(cli | schedule | api, flow run id): how this run was started, from Prefect's run context."""
    context = FlowRunContext.get()
    flow_run = context.flow_run if context else None
    if flow_run is None or flow_run.deployment_id is None:
        return "cli", str(flow_run.id) if flow_run else None
    return ("schedule" if flow_run.auto_scheduled else "api"), str(flow_run.id)


def record(settings: Settings, journal: RunJournal) -> None:
    with connect_warehouse(settings.database_path, settings) as con:
        journal.write(con)


def raw_rows(settings: Settings) -> int:
    """Rows in every raw table: what dbt reads."""
    with connect_warehouse(settings.database_path, settings) as con:
        tables = con.execute("select table_name from information_schema.tables where table_schema = 'raw' "
                             "and table_catalog = current_database() and table_type = 'BASE TABLE'").fetchall()
        return sum(con.execute(f'select count(*) from raw."{t}"').fetchone()[0] for (t,) in tables)


@flow(name="planwatch-pipeline", log_prints=True)
def planwatch_pipeline(landing_dir: str | None = None, warehouse_dir: str | None = None, rebuild: bool = False,
                       workers: int | None = None, wait_for_lock_seconds: float | None = None) -> RunSummary:
    """Bring the published snapshot up to date with landing; `rebuild` re-extracts and rebuilds everything."""
    settings = get_settings().with_overrides(
        landing_dir=Path(landing_dir) if landing_dir else None,
        warehouse_dir=Path(warehouse_dir) if warehouse_dir else None,
    )
    require_landing(settings.landing_dir)  # a mistyped --landing is an error, not "0 reports"
    logger = get_run_logger()
    summary = RunSummary(run_id=new_run_id())
    trigger, flow_run_id = run_trigger()
    journal = RunJournal(run_id=summary.run_id, trigger=trigger, flow_run_id=flow_run_id,
                         extractor_version=EXTRACTOR_VERSION)

    def take_over(stale: LockHolder) -> None:
        logger.warning("took over the warehouse lock left by %s, which is no longer running", stale.describe())
        with connect_warehouse(settings.database_path, settings) as con:
            mark_killed(con, stale.run_id, f"killed: its process (pid {stale.pid}) ended without finishing")

    wait = settings.lock_wait_seconds if wait_for_lock_seconds is None else wait_for_lock_seconds
    with warehouse_lock(settings.warehouse_dir, summary.run_id, wait, on_stale=take_over):
        journal.input_fingerprint = input_fingerprint(settings)
        previous = None if rebuild else unchanged_since(settings, journal.input_fingerprint)
        if previous:
            summary.outcome, summary.unchanged_since = "nothing_new", previous
            record_nothing_new(settings, journal, previous)
            summary.timings = journal.timings_line()
            logger.info("nothing new since run %s", previous)
            return summary
        record(settings, journal)  # the run is `running` until it ends: a killed run is found by the next
        try:
            _run_steps(settings, summary, journal, rebuild, settings.workers if workers is None else workers)
        except BaseException as exc:
            journal.finish("blocked" if isinstance(exc, PublicationBlocked) else "failed", error=root_cause(exc))
            record(settings, journal)
            if isinstance(exc, PublicationBlocked):
                exc.timings = journal.timings_line()
            raise
        journal.finish("published")
        record(settings, journal)
    summary.timings = journal.timings_line()
    logger.info("published %s tables to %s", len(summary.table_rows), summary.published_database)
    return summary


def _run_steps(settings: Settings, summary: RunSummary, journal: RunJournal, rebuild: bool,
               workers: int | None) -> None:
    logger = get_run_logger()
    with journal.step("extract") as step:
        shutil.rmtree(settings.staging_dir, ignore_errors=True)  # left by a killed run
        plans = plan_loads(settings, rebuild)
        summary.reports_seen = len(plans)
        unchanged = [p for p in plans if p.action == "unchanged"]
        staged = extract_reports(settings, [p for p in plans if p.action != "unchanged"], workers)
        step.rows_in, step.rows_out = len(staged), sum(s.records for s in staged)
    with journal.step("load") as step:
        summary.reports_loaded, summary.quarantined, step.rows_out = load_reports(
            settings, unchanged, staged, summary.run_id)
        step.rows_in = sum(s.records for s in staged)
        summary.corrections = load_reviewer_corrections(settings)
    for line in summary.quarantined:
        logger.warning("quarantined report %s", line)
    with journal.step("feeds") as step:
        if settings.feeds_dir.is_dir():  # feeds have their own flow, run here as a subflow
            feeds = feeds_flow(feeds_dir=str(settings.feeds_dir), warehouse_dir=str(settings.warehouse_dir))
            summary.feeds = feeds.describe()
            step.rows_in, step.rows_out = feeds.rows_in, feeds.rows_loaded

    with journal.step("validate"):
        validate_raw(settings, summary.run_id)  # the ingest gate, before dbt
    with journal.step("dbt") as step:
        step.rows_in = raw_rows(settings)
        summary.dbt_nodes = build_marts(settings, summary.run_id, rebuild)
    with journal.step("validate") as step:
        tables, summary.expectations, summary.data_docs, summary.table_rows = validate_marts(settings, summary.run_id)
        step.rows_in = step.rows_out = sum(summary.table_rows.values())
        journal.steps["dbt"].rows_out = step.rows_in
    journal.outcome = "published"  # as the snapshot's own copy of this run's row will say
    record(settings, journal)
    with journal.step("publish") as step:
        summary.published_database, summary.published_parquet = publish(settings, tables, summary.run_id)
        step.rows_in = step.rows_out = sum(summary.table_rows.values())
