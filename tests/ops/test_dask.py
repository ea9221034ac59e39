"""Extraction on two local processes, and on a 2-worker local Dask cluster, gives marts identical to the
sequential run.

One module fixture runs the whole shared corpus three times (in the run's process, on the default process
pool with `workers=2`, on Dask with PLANWATCH_DASK_ADDRESS=local) into fresh warehouses; the corpus-wide
publication checks read the sequential run.
"""
from __future__ import annotations

import hashlib
import shutil

import duckdb
import pytest

from flows.pipeline import planwatch_pipeline
from flows.settings import PROJECT_ROOT


# When a row was loaded or set aside differs between any two runs; everything else must not.
LOAD_TIMES = ("loaded_at", "quarantined_at")


def mart_digests(database) -> dict[str, tuple[int, str]]:
    """Per mart: row count and a hash of its sorted rows (load times left out)."""
    with duckdb.connect(str(database), read_only=True) as con:
        tables = [t for (t,) in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = 'marts' order by 1").fetchall()]
        out = {}
        for t in tables:
            columns = [c for (c,) in con.execute("select column_name from information_schema.columns where "
                                                 "table_schema = 'marts' and table_name = ? order by ordinal_position",
                                                 [t]).fetchall() if c not in LOAD_TIMES]
            rows = sorted(map(repr, con.execute(f"select {', '.join(columns)} from marts.{t}").fetchall()))
            out[t] = (len(rows), hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest())
        return out


@pytest.fixture(scope="module")
def corpus_runs(prefect_harness, tmp_path_factory, corpus_dir):
    root = tmp_path_factory.mktemp("dask")
    landing = root / "landing"
    shutil.copytree(PROJECT_ROOT / "warehouse" / "landing", landing)
    for report in (corpus_dir / "reports").glob("*.txt"):
        shutil.copy(report, landing / "reports" / report.name)
    runs = {}
    with pytest.MonkeyPatch.context() as mp:
        for name, workers, dask in (("sequential", 0, ""), ("processes", 2, ""), ("dask", 2, "local")):
            mp.setenv("PLANWATCH_EXPECTATIONS_DIR", str(root / f"expectations-{name}"))
            mp.setenv("PLANWATCH_DASK_ADDRESS", dask)
            warehouse = root / f"warehouse-{name}"
            summary = planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse), workers=workers)
            runs[name] = (summary, warehouse / "published" / "planwatch.duckdb")
    return runs


def test_every_report_of_the_shared_corpus_publishes(corpus_runs, corpus_dir):
    summary, published = corpus_runs["sequential"]
    in_landing = {p.name for p in (corpus_dir / "reports").glob("*.txt")} | {
        p.name for p in (PROJECT_ROOT / "warehouse" / "landing" / "reports").glob("*.txt")}
    assert summary.reports_loaded == {"inserted": len(in_landing)}
    with duckdb.connect(str(published), read_only=True) as con:
        regions = dict(con.execute("select document_key, region_code from marts.dim_document").fetchall())
        achievements = con.execute("select count(distinct document_key) from marts.fct_achievement").fetchone()[0]
    assert regions["national_2025_gwr"] == "000000" and regions["zhejiang_2026_gwr"] == "330000"
    assert achievements >= 6  # every report but the Lishui page reviews a past year


@pytest.mark.parametrize("elsewhere", ["processes", "dask"])
def test_extraction_on_two_workers_gives_marts_identical_to_the_sequential_run(corpus_runs, elsewhere):
    sequential, parallel = corpus_runs["sequential"], corpus_runs[elsewhere]
    assert parallel[0].reports_loaded == sequential[0].reports_loaded
    assert mart_digests(parallel[1]) == mart_digests(sequential[1])
    with duckdb.connect(str(parallel[1]), read_only=True) as con:
        assert con.execute("select extract_rows_in, extract_rows_out > 0 from audit.pipeline_runs").fetchall() == [
            (sequential[0].reports_seen, True)]
