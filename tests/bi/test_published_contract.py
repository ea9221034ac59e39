"""The published contract BI tools read: comments on every table, view and column, semantic views that
work inside the snapshot (also for a DuckDB 1.x client), Parquet per mart, read-only files."""
from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import duckdb
import pytest

from flows.settings import PROJECT_ROOT, Settings
from flows.warehouse.publish import PARTITION_COLUMNS, PUBLISHED_SCHEMAS, publish_snapshot, stage_candidate

DUCKDB1_SITE = PROJECT_ROOT / ".venv" / "duckdb1"
SEMANTIC_VIEWS = {
    "target_attainment_by_region_area_year",
    "project_pipeline_by_stage_category_division",
    "portfolio_investment_by_category_year",
    "data_quality_over_time",
}
SEMANTIC_TABLES = {"indicator_actuals_monthly"}  # aggregates every feed actual: computed once by dbt
SEMANTIC_RELATIONS = SEMANTIC_VIEWS | SEMANTIC_TABLES


def undescribed(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Published tables, views and columns whose comment is missing or blank, as `schema.table[.column]`."""
    schemas = list(PUBLISHED_SCHEMAS)
    relations = con.execute(
        "select schema_name || '.' || table_name, comment from duckdb_tables() where schema_name in ? "
        "union all select schema_name || '.' || view_name, comment from duckdb_views() "
        "where schema_name in ? and not internal", [schemas, schemas]).fetchall()
    columns = con.execute(
        "select schema_name || '.' || table_name || '.' || column_name, comment from duckdb_columns() "
        "where schema_name in ? and not internal", [schemas]).fetchall()
    return sorted(name for name, comment in relations + columns if not (comment or "").strip())


def test_every_published_table_view_and_column_has_a_comment(bi_warehouse):
    with duckdb.connect(str(bi_warehouse["snapshot"]), read_only=True) as con:
        missing = undescribed(con)
        n_columns = con.execute("select count(*) from duckdb_columns() where schema_name in ('marts', 'semantic')").fetchone()[0]
    assert n_columns > 200
    assert missing == [], ("published without a description (add one in the dbt yml of the model): "
                           + ", ".join(missing))


def test_comment_check_names_a_column_left_without_description(tmp_path):
    with duckdb.connect(str(tmp_path / "x.duckdb")) as con:
        con.execute("create schema marts; create table marts.t (a integer, b integer)")
        con.execute("comment on table marts.t is 'a table'; comment on column marts.t.a is 'described'")
        assert undescribed(con) == ["marts.t.b"]


def test_semantic_schema_holds_the_four_views_and_one_table_and_each_returns_rows(bi_warehouse):
    with duckdb.connect(str(bi_warehouse["snapshot"]), read_only=True) as con:
        views = {v for (v,) in con.execute(
            "select view_name from duckdb_views() where schema_name = 'semantic'").fetchall()}
        tables = {t for (t,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'semantic'").fetchall()}
        assert (views, tables) == (SEMANTIC_VIEWS, SEMANTIC_TABLES)
        counts = {v: con.execute(f"select count(*) from semantic.{v}").fetchone()[0] for v in views | tables}
    assert all(n > 0 for n in counts.values()), counts


def test_semantic_views_agree_with_the_marts(bi_warehouse):
    with duckdb.connect(str(bi_warehouse["snapshot"]), read_only=True) as con:
        q = lambda sql: con.execute(sql).fetchall()
        assert q("select status, sum(n_targets) from semantic.target_attainment_by_region_area_year group by 1 order by 1") \
            == q("select status, count(*) from marts.fct_target_attainment group by 1 order by 1")
        assert q("select sum(n_projects) from semantic.project_pipeline_by_stage_category_division") \
            == q("select count(distinct (project_key, milestone_year, stage, coalesce(category, '(no category)'))) "
                 "from marts.fct_project_milestone")
        assert q("select category, total_investment_yuan from semantic.portfolio_investment_by_category_year order by 1") \
            == q("select category, sum(total_investment) from marts.fct_project_portfolio group by 1 order by 1")
        # A county's projects roll up to its city through dim_region.parent_code.
        rolled = q("select p.county_code, p.city_code, r.parent_code from semantic.project_pipeline_by_stage_category_division p "
                   "join marts.dim_region r on r.region_code = p.county_code")
        assert rolled and all(city == parent for _, city, parent in rolled)
        assert q("select sum(n) from semantic.data_quality_over_time where source = 'quarantine'") \
            == q("select count(*) from marts.review_quarantine")
        # One point per indicator, region, measure and month: the monthly release wins over other feeds.
        assert q("select count(*) from semantic.indicator_actuals_monthly where n_sources > 1")[0][0] > 0


def test_duckdb_1x_client_opens_snapshot_reads_comments_and_every_view(bi_warehouse):
    if not (DUCKDB1_SITE / "duckdb").is_dir():
        pytest.fail(f"DuckDB 1.x client missing at {DUCKDB1_SITE}: `make test` installs it")
    probe = (
        "import duckdb, json, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
        "views = [v for (v,) in con.execute(\"select table_name from duckdb_tables() where schema_name = 'semantic' "
        "union all select view_name from duckdb_views() where schema_name = 'semantic'\").fetchall()]; "
        "print(json.dumps({'version': duckdb.__version__, "
        "'blank': con.execute(\"select count(*) from duckdb_columns() where schema_name in ('marts', 'semantic') "
        "and coalesce(comment, '') = ''\").fetchone()[0], "
        "'rows': {v: con.execute(f'select count(*) from semantic.{v}').fetchone()[0] for v in views}}))"
    )
    out = subprocess.run(["python3", "-c", probe, str(bi_warehouse["snapshot"])],
                         env={**os.environ, "PYTHONPATH": str(DUCKDB1_SITE)}, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert seen["version"].startswith("1.")
    assert seen["blank"] == 0
    assert set(seen["rows"]) == SEMANTIC_RELATIONS and all(n > 0 for n in seen["rows"].values())


def test_every_mart_and_semantic_view_has_read_only_parquet_holding_its_rows(bi_warehouse):
    """One file per table, or for the large facts one folder of year partitions (PARTITION_COLUMNS)."""
    parquet = bi_warehouse["parquet"]
    with duckdb.connect(str(bi_warehouse["snapshot"]), read_only=True) as con:
        marts = [t for (t,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()]
        sources = {t: f"'{parquet / t}/*.parquet'" if t in PARTITION_COLUMNS else f"'{parquet / t}.parquet'"
                   for t in marts}
        for table, source in sources.items():
            in_parquet = con.execute(f"select count(*) from read_parquet({source})").fetchone()[0]
            assert in_parquet == con.execute(f"select count(*) from marts.{table}").fetchone()[0], table
    files = [f for t in marts for f in ((parquet / t).glob("*.parquet") if t in PARTITION_COLUMNS
                                         else [parquet / f"{t}.parquet"])]
    files += [parquet / "semantic" / f"{v}.parquet" for v in SEMANTIC_RELATIONS]
    assert all(f.is_file() for f in files), [str(f) for f in files if not f.is_file()]
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o444}
    assert stat.S_IMODE(bi_warehouse["snapshot"].stat().st_mode) == 0o444


@pytest.mark.parametrize("outside", ["staging.s", "other.main.o"], ids=["unpublished_schema", "another_database"])
def test_publish_refuses_a_view_reading_a_table_outside_the_snapshot(tmp_path, outside):
    settings = Settings(warehouse_dir=tmp_path / "warehouse")
    settings.warehouse_dir.mkdir()
    with duckdb.connect(str(settings.database_path)) as con:
        con.execute("create schema marts; create table marts.t as select 1 as a")
        con.execute("create schema staging; create table staging.s as select 2 as b")
        con.execute(f"attach '{tmp_path / 'other.duckdb'}' as other; create table other.main.o as select 3 as c")
        # A view reading an unpublished table, or a table of another attached database: inside the snapshot it cannot work.
        con.execute(f"create schema semantic; create view semantic.leaky as select * from {outside}")
        stage_candidate(con, settings, ["t"])
        with pytest.raises(RuntimeError, match="semantic.leaky does not work inside the published snapshot"):
            publish_snapshot(con, settings, ["t"], "r1")
    assert not settings.published_database_path.exists()


def test_publish_copies_audit_tables_when_the_build_database_has_them(tmp_path):
    settings = Settings(warehouse_dir=tmp_path / "warehouse")
    settings.warehouse_dir.mkdir()
    with duckdb.connect(str(settings.database_path)) as con:
        con.execute("create schema marts; create table marts.t as select 1 as a")
        con.execute("create schema audit; create table audit.pipeline_runs as select 'r0' as run_id")
        con.execute("create schema semantic; create view semantic.v as select a from marts.t")
        con.execute("comment on column semantic.v.a is 'the a'")
        stage_candidate(con, settings, ["t"])
        publish_snapshot(con, settings, ["t"], "r1")
    with duckdb.connect(str(settings.published_database_path), read_only=True) as snap:
        assert snap.execute("select run_id from audit.pipeline_runs").fetchall() == [("r0",)]
        assert snap.execute("select a from semantic.v").fetchall() == [(1,)]
        assert snap.execute("select comment from duckdb_columns() where table_name = 'v'").fetchall() == [("the a",)]
