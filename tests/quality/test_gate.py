"""The GX checkpoint on hand-made candidate tables: it passes good data and names what is wrong."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from flows.quality.gate import validate_candidate
from flows.quality.suites import all_suites, allowed_base_units
from flows.settings import Settings


def good_targets() -> pd.DataFrame:
    return pd.DataFrame({
        "target_key": ["a", "b", "c"],
        "document_key": ["d"] * 3,
        "indicator_key": ["i1", "i2", "i3"],
        "target_year": [2025] * 3,
        "source_text": ["城镇新增就业2万人以上", "增长5%—5.5%", "与经济增长同步"],
        "comparator": [">=", "between", "qualitative"],
        "kind": ["count", "growth", "qualitative"],
        "value_base": [20000.0, None, None],
        "value_base_min": [None, 5.0, None],
        "value_base_max": [None, 5.5, None],
        "base_unit": ["人", "%", ""],
        "char_start": [0, 20, 40],
        "char_end": [11, 28, 47],
        "region_code": ["331100"] * 3,
    })


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(warehouse_dir=tmp_path / "warehouse", expectations_dir=tmp_path / "expectations")


def stage(settings: Settings, table: str, frame: pd.DataFrame) -> None:
    settings.candidate_dir.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(settings.candidate_dir / f"{table}.parquet")


def test_valid_targets_pass_and_data_docs_are_written(settings):
    stage(settings, "fct_target", good_targets())
    result = validate_candidate(settings, ["fct_target"])
    assert result.success, result.failures
    assert result.n_expectations >= 10
    assert Path(result.data_docs).is_file()


def test_unknown_comparator_is_reported_with_the_offending_value(settings):
    frame = good_targets()
    frame.loc[0, "comparator"] = "about"
    stage(settings, "fct_target", frame)
    result = validate_candidate(settings, ["fct_target"])
    assert not result.success
    assert any("comparator" in f and "about" in f for f in result.failures)


def test_inverted_range_fails(settings):
    frame = good_targets()
    frame.loc[1, ["value_base_min", "value_base_max"]] = [6.0, 5.0]
    stage(settings, "fct_target", frame)
    result = validate_candidate(settings, ["fct_target"])
    assert not result.success
    assert any("value_base_max" in f for f in result.failures)


def test_empty_target_table_fails_when_its_inputs_say_it_has_rows(settings):
    stage(settings, "fct_target", good_targets().iloc[0:0])
    result = validate_candidate(settings, ["fct_target"], rows_expected={"fct_target"})
    assert not result.success
    assert any("expect_table_row_count_to_be_between" in f and "[failed]" in f for f in result.failures)
    # Every column check that looked at no rows is a broken validation, reported before failed data.
    assert "[broken]" in result.failures[0] and "zero rows" in result.failures[0]


def test_empty_table_its_inputs_leave_empty_passes(settings):
    stage(settings, "fct_project_portfolio", pd.DataFrame({
        "portfolio_key": pd.Series([], dtype=str), "project_count": pd.Series([], dtype="Int64"),
        "total_investment": pd.Series([], dtype=float), "annual_investment": pd.Series([], dtype=float)}))
    result = validate_candidate(settings, ["fct_project_portfolio"], rows_expected=set())
    assert result.success, result.failures


def test_a_table_without_a_declared_suite_cannot_pass(settings):
    stage(settings, "fct_mystery", pd.DataFrame({"x": [1]}))
    result = validate_candidate(settings, ["fct_mystery"])
    assert not result.success and "no expectation suite" in result.failures[0]


def test_allowed_base_units_cover_the_unit_table_and_the_guide():
    units = allowed_base_units()
    for unit in ("元", "美元", "%", "pp", "‰", "吨", "千瓦时", "千瓦", "人", "个", ""):
        assert unit in units


def test_every_published_mart_has_a_suite():
    marts = Path(__file__).resolve().parents[2] / "dbt" / "models" / "marts"
    names = {p.stem for p in marts.rglob("*.sql")}
    assert names <= set(all_suites()), names - set(all_suites())


def test_numeric_target_without_a_base_value_fails(settings):
    frame = good_targets()
    frame.loc[0, "value_base"] = None
    stage(settings, "fct_target", frame)
    result = validate_candidate(settings, ["fct_target"])
    assert not result.success
    assert any("not_be_null(value_base)" in f for f in result.failures)


def test_percentage_far_outside_any_plausible_rate_fails(settings):
    frame = good_targets()
    frame.loc[0, ["base_unit", "value_base"]] = ["%", 2025.0]
    stage(settings, "fct_target", frame)
    result = validate_candidate(settings, ["fct_target"])
    assert not result.success
    assert any("be_between(value_base)" in f for f in result.failures)


def test_growth_of_many_times_is_a_valid_percentage(settings):
    frame = good_targets()
    frame.loc[0, ["base_unit", "value_base", "kind", "comparator"]] = ["%", 1720.0, "growth", "="]  # 增长17.2倍
    stage(settings, "fct_target", frame)
    assert validate_candidate(settings, ["fct_target"]).success


def test_growth_below_minus_one_hundred_percent_fails(settings):
    frame = good_targets()
    frame.loc[0, ["base_unit", "value_base", "kind", "comparator"]] = ["%", -150.0, "growth", "="]
    stage(settings, "fct_target", frame)
    assert not validate_candidate(settings, ["fct_target"]).success


def test_the_ingest_gate_judges_the_raw_tables_in_place_and_shows_the_bad_record(tmp_path):
    """Nothing of raw is staged as Parquet: the SQL reads the build database, GX gets one small file per table."""
    import duckdb

    from flows.feeds.raw_schema import ensure_feed_schema
    from flows.quality.gate import sample_dir
    from flows.quality.ingest import run_ingest_gate
    from flows.warehouse.raw_schema import ensure_raw_schema

    settings = Settings(warehouse_dir=tmp_path / "warehouse", expectations_dir=tmp_path / "expectations",
                        validation_sample_rows=100)
    settings.warehouse_dir.mkdir()
    with duckdb.connect(str(settings.database_path)) as con:
        ensure_raw_schema(con)
        ensure_feed_schema(con)
        con.execute("insert into raw.documents (doc_id, source_path, content_hash, extractor_version, loaded_at, "
                    "plan_year) values ('d', 'd.txt', repeat('a', 64), 'v', now(), 2025)")
        con.execute("insert into raw.records (record_id, doc_id, record_no, type, text, char_start, char_end, "
                    "extractor_version, indicator, comparator, base_unit, kind) "
                    "select 'r' || range, 'd', range, 'target', '目标', 10 * range, 10 * range + 5, 'v', '指标', "
                    "'>=', '%', 'growth' from range(500)")
        con.execute("update raw.records set type = 'wish' where record_no = 499")  # beyond GX's 100-row sample
    gate = run_ingest_gate(settings, "ingest-run")
    [bad] = [r for r in gate.results if r.outcome != "passed"]
    assert (bad.table_name, bad.expectation, bad.unexpected_count) == ("raw_records", "expect_column_values_to_be_in_set", 1)
    assert "wish" in bad.sample and not gate.success
    staged = settings.warehouse_dir / "tmp" / "ingest_candidate"
    assert not staged.exists()  # the raw tables were read where they are
    with duckdb.connect() as con:
        shown = con.execute(f"select type from '{sample_dir(staged) / 'raw_records.parquet'}'").fetchall()
    assert 100 < len(shown) <= 120 and ("wish",) in shown
