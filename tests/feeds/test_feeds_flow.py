from __future__ import annotations

from pathlib import Path

import duckdb

from flows.feeds_flow import feeds_flow
from flows.settings import PROJECT_ROOT


def test_feeds_flow_is_named_planwatch_feeds() -> None:
    assert feeds_flow.name == "planwatch-feeds"


def test_feeds_flow_loads_the_bundled_feeds_into_the_warehouse_and_reruns_as_a_no_op(tmp_path: Path, prefect_harness) -> None:
    bundled = PROJECT_ROOT / "warehouse" / "landing" / "feeds"
    first = feeds_flow.fn(feeds_dir=str(bundled), warehouse_dir=str(tmp_path))
    second = feeds_flow.fn(feeds_dir=str(bundled), warehouse_dir=str(tmp_path))
    assert first.reconciles and first.files_loaded == first.files_seen > 0
    assert second.files_unchanged == second.files_seen and second.files_loaded == 0
    with duckdb.connect(str(tmp_path / "planwatch.duckdb"), read_only=True) as con:
        files = con.execute("select count(*), sum(rows_loaded) from raw.feed_files").fetchone()
    assert files == (first.files_seen, first.rows_loaded)
