"""Publishing rewrites only what changed: Parquet partitions by year, snapshot tables by content.

Small hand-made build databases, no pipeline run: stage the candidate, publish, change one row, stage and
publish again, and look at which files are new (inode numbers) and what the snapshot holds.
"""
from __future__ import annotations

import stat
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from flows.settings import Settings
from flows.warehouse.publish import (
    EMPTY_FILE, MANIFEST_NAME, SNAPSHOT_MANIFEST_NAME, publish_snapshot, read_manifest, stage_candidate,
)

TABLES = ["dim_thing", "fct_target"]


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    settings = Settings(warehouse_dir=tmp_path / "warehouse")
    settings.warehouse_dir.mkdir()
    with duckdb.connect(str(settings.database_path)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.dim_thing as select 'd' || range as thing_key from range(5)")
        # fct_target is partitioned by target_year (flows/warehouse/publish.py: PARTITION_COLUMNS)
        con.execute("create table marts.fct_target as select 't' || range as target_key, "
                    "case when range = 8 then null else (2024 + range % 3)::integer end as target_year, "
                    "range * 1.5 as value from range(9)")
        con.execute("create schema audit; create table audit.pipeline_runs as select 'r0' as run_id")
        con.execute("create schema semantic; create view semantic.targets_per_year as "
                    "select target_year, count(*) as n from marts.fct_target group by target_year")
        con.execute("create view semantic.things as select count(*) as n from marts.dim_thing")
    return settings


def run(settings: Settings, run_id: str, change: str | None = None):
    with duckdb.connect(str(settings.database_path)) as con:
        if change:
            con.execute(change)
        staged = stage_candidate(con, settings, TABLES)
        return staged, publish_snapshot(con, settings, TABLES, run_id)


def inodes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.rglob("*.parquet")}


def snapshot_rows(settings: Settings, sql: str) -> list[tuple]:
    with duckdb.connect(str(settings.published_database_path), read_only=True) as snap:
        return snap.execute(sql).fetchall()


def test_the_large_facts_are_published_as_year_partitions_holding_every_row(settings):
    run(settings, "r1")
    parquet = settings.published_parquet_dir
    assert sorted(inodes(parquet)) == [
        "dim_thing.parquet",
        "fct_target/target_year_2024.parquet", "fct_target/target_year_2025.parquet",
        "fct_target/target_year_2026.parquet", "fct_target/target_year_null.parquet",
        "semantic/targets_per_year.parquet", "semantic/things.parquet"]
    expected = [(f"t{i}", None if i == 8 else 2024 + i % 3, i * 1.5) for i in sorted(range(9), key=str)]
    with duckdb.connect() as con:
        published = con.execute(f"select target_key, target_year, typeof(target_year), value "
                                f"from '{parquet}/fct_target/*.parquet' order by 1").fetchall()
    assert published == [(key, year, "INTEGER", value) for key, year, value in expected]
    # pandas reads the folder as one table too (Hive `target_year=…` folders would make pyarrow refuse it)
    frame = pd.read_parquet(parquet / "fct_target").sort_values("target_key")
    assert [(k, None if pd.isna(y) else int(y), v) for k, y, v in frame.itertuples(index=False)] == expected
    assert {stat.S_IMODE(p.stat().st_mode) for p in parquet.rglob("*.parquet")} == {0o444}


def test_a_second_publish_with_nothing_changed_rewrites_no_file_and_keeps_every_table(settings):
    _, first = run(settings, "r1")
    before = inodes(settings.published_parquet_dir)
    staged, second = run(settings, "r2")
    assert all(partitions == [] for partitions in staged.written.values())
    assert inodes(settings.published_parquet_dir) == before  # hard links to the same files, nothing rewritten
    assert first.kept == [] and second.kept == TABLES
    assert second.reused_views == ["semantic.targets_per_year", "semantic.things"]
    assert snapshot_rows(settings, "select count(*) from marts.fct_target") == [(9,)]
    assert snapshot_rows(settings, "select run_id from audit.pipeline_runs") == [("r0",)]


def test_a_changed_row_rewrites_its_year_partition_and_its_table_only(settings):
    run(settings, "r1")
    before = inodes(settings.published_parquet_dir)
    staged, snapshot = run(settings, "r2", change="update marts.fct_target set value = -1 where target_key = 't1'")
    assert staged.written == {"dim_thing": [], "fct_target": ["2025"]}
    after = inodes(settings.published_parquet_dir)
    new = {name for name in after if before.get(name) != after[name]}
    # t1 is in 2025; the view counting per year reads fct_target, so its export is new too
    assert new == {"fct_target/target_year_2025.parquet", "semantic/targets_per_year.parquet"}
    assert snapshot.kept == ["dim_thing"] and snapshot.reused_views == ["semantic.things"]
    assert snapshot_rows(settings, "select value from marts.fct_target where target_key = 't1'") == [(-1,)]


def test_a_row_moving_to_another_year_rewrites_both_partitions(settings):
    run(settings, "r1")
    staged, _ = run(settings, "r2", change="update marts.fct_target set target_year = 2024 where target_key = 't1'")
    assert staged.written["fct_target"] == ["2024", "2025"]
    assert snapshot_rows(settings, "select target_year from marts.fct_target where target_key = 't1'") == [(2024,)]


def test_a_new_column_rebuilds_the_table_everywhere(settings):
    run(settings, "r1")
    staged, snapshot = run(settings, "r2", change="alter table marts.dim_thing add column label varchar default 'x'")
    assert staged.written["dim_thing"] == [""] and "dim_thing" not in snapshot.kept
    assert snapshot_rows(settings, "select distinct label from marts.dim_thing") == [("x",)]


def test_without_the_snapshot_manifest_everything_is_rebuilt(settings):
    """A run killed between removing the manifest and swapping the snapshot leaves none: the next rebuilds."""
    run(settings, "r1")
    (settings.published_dir / SNAPSHOT_MANIFEST_NAME).unlink()
    _, snapshot = run(settings, "r2", change="update marts.dim_thing set thing_key = 'changed' where thing_key = 'd0'")
    assert snapshot.kept == []
    assert snapshot_rows(settings, "select count(*) from marts.dim_thing where thing_key = 'changed'") == [(1,)]
    assert (settings.published_dir / SNAPSHOT_MANIFEST_NAME).is_file()


def test_an_empty_partitioned_table_keeps_a_file_with_its_columns(settings):
    run(settings, "r1", change="delete from marts.fct_target")
    folder = settings.published_parquet_dir / "fct_target"
    assert [p.name for p in folder.iterdir()] == [EMPTY_FILE]
    with duckdb.connect() as con:
        columns = con.execute(f"select column_name from (describe select * from '{folder / EMPTY_FILE}')").fetchall()
    assert columns == [("target_key",), ("target_year",), ("value",)]


def test_the_published_parquet_manifest_names_every_file_with_its_rows(settings):
    run(settings, "r1")
    manifest = read_manifest(settings.published_parquet_dir / MANIFEST_NAME)
    assert {k: (p.rows, p.files) for k, p in manifest["fct_target"].partitions.items()} == {
        "2024": (3, ("fct_target/target_year_2024.parquet",)),
        "2025": (3, ("fct_target/target_year_2025.parquet",)),
        "2026": (2, ("fct_target/target_year_2026.parquet",)),
        "null": (1, ("fct_target/target_year_null.parquet",)),
    }


def test_a_changed_year_is_replaced_in_the_kept_snapshot_table_and_a_vanished_year_removed(settings):
    run(settings, "r1")
    _, snapshot = run(settings, "r2", change="update marts.fct_target set value = -1 where target_year = 2025; "
                                             "delete from marts.fct_target where target_year is null")
    assert snapshot.patched == {"fct_target": ["2025", "null"]} and snapshot.kept == ["dim_thing"]
    with duckdb.connect(str(settings.database_path), read_only=True) as build:
        expected = build.execute("select * from marts.fct_target order by target_key").fetchall()
    assert snapshot_rows(settings, "select * from marts.fct_target order by target_key") == expected
    assert not (settings.published_parquet_dir / "fct_target" / "target_year_null.parquet").exists()


def test_semantic_export_reads_the_snapshot_through_the_runs_own_connection(tmp_path):
    """One DuckDB instance, one memory limit: the export attaches the snapshot to the build connection, its
    views read the snapshot's tables (not the build's of the same name), and the connection is left as it was."""
    from flows.warehouse.publish import EXPORT_ALIAS, export_semantic_as_parquet

    snapshot = tmp_path / "snapshot.duckdb"
    with duckdb.connect(str(snapshot)) as snap:
        snap.execute("create schema marts; create table marts.t as select range as x from range(3)")
        snap.execute("create schema semantic; create view semantic.v as select count(*) as n from marts.t")
    (tmp_path / "parquet").mkdir()  # the run's Parquet folder exists before the export
    with duckdb.connect(str(tmp_path / "build.duckdb")) as con:
        con.execute("create schema marts; create table marts.t as select range as x from range(7)")
        export_semantic_as_parquet(con, snapshot, ["semantic.v"], tmp_path / "parquet")
        assert con.execute("select current_database()").fetchone()[0] == "build"
        assert con.execute("select count(*) from marts.t").fetchone()[0] == 7
        assert EXPORT_ALIAS not in {row[0] for row in con.execute("select database_name from duckdb_databases()").fetchall()}
    assert pd.read_parquet(tmp_path / "parquet" / "semantic" / "v.parquet")["n"].tolist() == [3]
