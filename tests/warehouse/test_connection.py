"""Every DuckDB connection of a run is under the one memory limit, and one in memory spills in the warehouse."""
from __future__ import annotations

from flows.settings import Settings
from flows.warehouse.connection import connect_warehouse


def test_a_warehouse_connection_is_under_the_settings_memory_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANWATCH_DUCKDB_MEMORY_LIMIT", "300MB")
    settings = Settings(warehouse_dir=tmp_path)
    with connect_warehouse(tmp_path / "w.duckdb", settings) as con:
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert limit in ("286.1 MiB", "300.0 MB")  # DuckDB prints the limit in its own unit


def test_an_in_memory_connection_spills_under_the_warehouse(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANWATCH_DUCKDB_MEMORY_LIMIT", "1GB")
    settings = Settings(warehouse_dir=tmp_path)
    with connect_warehouse(settings=settings) as con:
        spill = con.execute("select current_setting('temp_directory')").fetchone()[0]
    assert spill == str(tmp_path / "tmp" / "duckdb_spill")
