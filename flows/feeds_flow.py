"""The `planwatch-feeds` flow: load the progress feeds on their own schedule.

Feeds arrive monthly while reports arrive yearly, so users may schedule this flow alone. It loads
every feed file into the build database (idempotent by file hash: an unchanged file is skipped)
and, when asked, rebuilds the feed models downstream of it. Publication stays with
`planwatch-pipeline`, behind its quality gate.
"""
from __future__ import annotations

import logging
import uuid
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError

from flows.feeds import FeedLoadSummary, load_feeds
from flows.runs.lock import warehouse_lock
from flows.settings import Settings, disable_telemetry, get_settings
from flows.transform.dbt_build import dbt_build


@task(cache_policy=NO_CACHE)
def load_feed_files(database: Path, feeds_dir: Path, run_id: str) -> FeedLoadSummary:
    database.parent.mkdir(parents=True, exist_ok=True)
    # Not under the run's memory limit: DuckDB's JSON reader asks for more than 2GB even on small files
    # (Out of Memory on the bundled feeds); the feeds step at 10M rows peaked at 1.1 GB without a limit.
    with duckdb.connect(str(database)) as con:
        return load_feeds(con, feeds_dir, run_id)


@task(cache_policy=NO_CACHE)
def rebuild_feed_models(settings: Settings) -> int:
    result = dbt_build(settings, select="path:models/staging/feeds+")
    if not result.success:
        raise RuntimeError("dbt build of the feed models failed: " + "; ".join(result.failures[:5]))
    return result.n_nodes


def _logger() -> logging.Logger | logging.LoggerAdapter:
    try:
        return get_run_logger()
    except MissingContextError:  # called as plain Python (feeds_flow.fn) rather than as a flow run
        return logging.getLogger("planwatch.feeds")


@flow(name="planwatch-feeds")
def feeds_flow(feeds_dir: str | None = None, warehouse_dir: str | None = None,
               rebuild_marts: bool = False, wait_for_lock_seconds: float | None = None) -> FeedLoadSummary:
    settings = get_settings().with_overrides(warehouse_dir=Path(warehouse_dir) if warehouse_dir else None)
    source = Path(feeds_dir) if feeds_dir else settings.feeds_dir
    run_id = f"feeds-{uuid.uuid4().hex[:12]}"
    wait = settings.lock_wait_seconds if wait_for_lock_seconds is None else wait_for_lock_seconds
    # One writer per warehouse: on its own schedule this flow takes the lock; as the pipeline's subflow
    # it re-enters the pipeline's.
    with warehouse_lock(settings.warehouse_dir, run_id, wait):
        summary = load_feed_files(settings.database_path, source, run_id)
        _logger().info(summary.describe())
        if not summary.reconciles:  # rows in must equal loaded + quarantined: anything else is silent loss
            raise RuntimeError(f"feed rows do not reconcile: {summary.describe()}")
        if rebuild_marts:
            rebuild_feed_models(settings)
    return summary


if __name__ == "__main__":
    disable_telemetry()  # before Prefect starts its temporary server: these machines are offline
    feeds_flow()
