"""The SQL pushdown judges as GX does, and judges every row of a table larger than GX's sample.

Two gate runs on small hand-made Parquet files (no pipeline run): one with the pushdown switched off,
so every verdict is GX's own on the whole file, and one as the pipeline runs it. Each expectation
type the suites use appears at least once passing and once failing, with nulls, NaN and row
conditions where pandas and SQL could disagree.
"""
from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from great_expectations import expectations as gxe
from great_expectations.expectations.row_conditions import Column

from flows.quality import gate as gate_module
from flows.quality.gate import run_gate, sample_dir
from flows.quality.pushdown import TableVerdicts
from flows.quality.severity import blocking, warning
from flows.settings import Settings

NAN = math.nan


def cases_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "key_ok": ["a", "b", "c", "d", "e", "f", "g", "h"],
        "key_dup": ["a", "a", "b", "c", "c", "c", None, None],
        "full": ["x"] * 8,
        "with_null": ["x", None, "x", "x", None, "x", "x", "x"],
        "num": [1.0, 2.0, NAN, 4.0, 5.0, -3.0, 100.0, 7.0],
        "n": [1, 2, 3, 4, 5, 6, 7, 8],
        "cat": ["x", "y", "z", None, "x", "y", "w", "x"],
        "kind": ["growth", "level", None, "growth", "level", "level", None, "count"],
        "code": ["331100", "33110", "abc", None, "330000", "331102", "33110x", "110000"],
        "a": [2.0, 1.0, None, 5.0, None, 3.0, 3.0, 4.0],
        "b": [1.0, 1.0, 1.0, None, None, 2.0, 4.0, 3.0],
        "c1": ["p", "p", "q", "q", None, None, "r", "s"],
        "c2": [1.0, 1.0, 1.0, 2.0, None, None, None, 2.0],
        "d_start": pd.to_datetime(["2025-01-01"] * 8).date,
        "d_end": pd.to_datetime(["2025-01-31"] * 7 + ["2024-12-31"]).date,
    })


growth = Column("kind") == "growth"
not_growth = Column("kind") != "growth"  # pandas keeps a null kind here
not_level = Column("kind").is_not_in(["level"])

# (name, expectation, expected outcome): every type passes somewhere and fails somewhere.
CASES = [
    ("not_null_pass", blocking(gxe.ExpectColumnValuesToNotBeNull(column="full")), "passed"),
    ("not_null_fail", blocking(gxe.ExpectColumnValuesToNotBeNull(column="with_null")), "failed"),
    ("not_null_nan_fail", blocking(gxe.ExpectColumnValuesToNotBeNull(column="num")), "failed"),
    ("not_null_when_pass", blocking(gxe.ExpectColumnValuesToNotBeNull(column="with_null", row_condition=growth)), "passed"),
    ("not_null_when_ne_warn", warning(gxe.ExpectColumnValuesToNotBeNull(column="with_null", row_condition=not_growth)),
     "warning"),
    ("not_null_when_is_null_fail", blocking(gxe.ExpectColumnValuesToNotBeNull(
        column="num", row_condition=Column("kind").is_null())), "failed"),
    ("unique_pass", blocking(gxe.ExpectColumnValuesToBeUnique(column="key_ok")), "passed"),
    ("unique_fail", blocking(gxe.ExpectColumnValuesToBeUnique(column="key_dup")), "failed"),
    ("unique_float_fail", blocking(gxe.ExpectColumnValuesToBeUnique(column="b")), "failed"),
    ("in_set_pass", blocking(gxe.ExpectColumnValuesToBeInSet(column="cat", value_set=["x", "y", "z", "w"])), "passed"),
    ("in_set_fail", blocking(gxe.ExpectColumnValuesToBeInSet(column="cat", value_set=["x", "y", "z"])), "failed"),
    ("in_set_numbers_pass", blocking(gxe.ExpectColumnValuesToBeInSet(column="n", value_set=list(range(1, 9)))), "passed"),
    ("in_set_when_ne_fail", blocking(gxe.ExpectColumnValuesToBeInSet(column="cat", value_set=["x", "y", "z"],
                                                                      row_condition=not_growth)), "failed"),
    ("in_set_not_in_fail", blocking(gxe.ExpectColumnValuesToBeInSet(column="cat", value_set=["x", "y"],
                                                                     row_condition=not_level)), "failed"),
    ("between_pass", blocking(gxe.ExpectColumnValuesToBeBetween(column="num", min_value=-5, max_value=200)), "passed"),
    ("between_fail", blocking(gxe.ExpectColumnValuesToBeBetween(column="num", min_value=0, max_value=10)), "failed"),
    ("between_min_only_fail", blocking(gxe.ExpectColumnValuesToBeBetween(column="num", min_value=0)), "failed"),
    ("between_strict_fail", blocking(gxe.ExpectColumnValuesToBeBetween(column="n", min_value=1, max_value=8,
                                                                        strict_min=True)), "failed"),
    ("between_and_condition_pass", blocking(gxe.ExpectColumnValuesToBeBetween(
        column="num", max_value=5, row_condition=(Column("kind") == "level") & (Column("num") > 0))), "passed"),
    ("between_or_condition_fail", blocking(gxe.ExpectColumnValuesToBeBetween(
        column="num", min_value=0, row_condition=(Column("kind") == "level") | (Column("n") >= 7))), "failed"),
    ("regex_pass", blocking(gxe.ExpectColumnValuesToMatchRegex(column="key_ok", regex=r"^[a-h]$")), "passed"),
    ("regex_fail", blocking(gxe.ExpectColumnValuesToMatchRegex(column="code", regex=r"^\d{6}$")), "failed"),
    ("pair_both_missing_fail", blocking(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="a", column_B="b")),
     "failed"),
    ("pair_either_missing_or_equal_fail", blocking(gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="a", column_B="b", or_equal=True, ignore_row_if="either_value_is_missing")), "failed"),
    ("pair_dates_fail", blocking(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="d_end", column_B="d_start")),
     "failed"),
    ("pair_pass", blocking(gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="n", column_B="num", or_equal=True, ignore_row_if="either_value_is_missing",
        row_condition=Column("n") < 7)), "passed"),
    ("compound_pass", blocking(gxe.ExpectCompoundColumnsToBeUnique(column_list=["key_ok", "c1"])), "passed"),
    ("compound_fail", blocking(gxe.ExpectCompoundColumnsToBeUnique(column_list=["c1", "c2"])), "failed"),
    ("compound_any_missing_fail", blocking(gxe.ExpectCompoundColumnsToBeUnique(
        column_list=["c1", "c2"], ignore_row_if="any_value_is_missing")), "failed"),
    ("row_count_pass", blocking(gxe.ExpectTableRowCountToBeBetween(min_value=1)), "passed"),
    ("row_count_fail", blocking(gxe.ExpectTableRowCountToBeBetween(min_value=2, max_value=5)), "failed"),
    ("columns_pass", blocking(gxe.ExpectTableColumnsToMatchSet(column_set=list(cases_frame().columns),
                                                               exact_match=True)), "passed"),
    ("columns_fail", blocking(gxe.ExpectTableColumnsToMatchSet(column_set=["key_ok", "nope"], exact_match=True)),
     "failed"),
    ("missing_column_broken", blocking(gxe.ExpectColumnValuesToNotBeNull(column="nope")), "broken"),
]
TABLE = "cases"


def settings_for(tmp: Path, sample_rows: int = 50_000) -> Settings:
    return Settings(warehouse_dir=tmp / "warehouse", expectations_dir=tmp / "gx", validation_sample_rows=sample_rows)


def by_case(results) -> dict[str, object]:
    """Results in suite order -> case name (one result per expectation, in the order declared)."""
    mine = [r for r in results if r.table_name == TABLE]
    assert len(mine) == len(CASES)
    return {name: r for (name, _, _), r in zip(CASES, mine)}


def write_with_nan(frame: pd.DataFrame, path: Path) -> None:
    """pandas writes NaN as null; DuckDB keeps a NaN in a DOUBLE column, as a mart built by dbt can."""
    plain = path.with_suffix(".pandas.parquet")
    frame.to_parquet(plain)
    duckdb.execute(f"copy (select * replace (case when n = 3 then 'nan'::double else num end as num) "
                   f"from read_parquet('{plain}')) to '{path}' (format parquet)")
    plain.unlink()
    assert duckdb.execute(f"select count(*) from read_parquet('{path}') where isnan(num)").fetchone()[0] == 1


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> dict[str, dict]:
    """The same suite judged by GX alone (pushdown off) and by the gate as it runs (pushdown on)."""
    tmp = tmp_path_factory.mktemp("pushdown")
    staged = tmp / "staged"
    staged.mkdir()
    write_with_nan(cases_frame(), staged / f"{TABLE}.parquet")
    suites = {TABLE: [e for _, e, _ in CASES]}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gate_module, "_pushdown", lambda con, path, table, suite, exps, rows_expected:
                   TableVerdicts([None] * len(exps), []))
        gx_only = run_gate(settings_for(tmp / "gx_only"), gate="test", staged_dir=staged, tables=[TABLE],
                           suites=suites)
    pushed = run_gate(settings_for(tmp / "pushed"), gate="test", staged_dir=staged, tables=[TABLE], suites=suites)
    return {"gx": by_case(gx_only.results), "sql": by_case(pushed.results)}


@pytest.mark.parametrize("name,expected", [(name, outcome) for name, _, outcome in CASES])
def test_pushdown_and_gx_give_the_same_verdict_and_count(verdicts, name, expected):
    gx, sql = verdicts["gx"][name], verdicts["sql"][name]
    assert gx.outcome == expected, gx
    assert sql.outcome == expected, sql
    if expected != "broken":
        assert sql.unexpected_count == gx.unexpected_count, (sql, gx)
    assert "sample of" not in sql.sample  # judged on every row, not on GX's sample


def test_failing_values_are_named_in_the_sample(verdicts):
    assert "'w'" in verdicts["sql"]["in_set_fail"].sample
    assert "'33110'" in verdicts["sql"]["regex_fail"].sample and "'abc'" in verdicts["sql"]["regex_fail"].sample
    assert verdicts["sql"]["unique_fail"].unexpected_count == 5  # every row of a repeated value, nulls ignored


def big_frame(rows: int) -> pd.DataFrame:
    return pd.DataFrame({"key": [f"k{i:06d}" for i in range(rows)], "status": ["met"] * rows,
                         "score": [0.5] * rows})


def test_a_bad_row_beyond_the_sample_fails_and_gx_sees_it(tmp_path):
    """3,000 rows, GX sample of 100: the last rows are bad; the full-table SQL still judges them."""
    rows = 3_000
    frame = big_frame(rows)
    frame.loc[rows - 1, "status"] = "lost"           # outside the set, in the last row only
    frame.loc[rows - 2, "key"] = frame.loc[0, "key"]  # a key repeated far apart
    staged = tmp_path / "staged"
    staged.mkdir()
    frame.to_parquet(staged / "big.parquet")
    suites = {"big": [
        blocking(gxe.ExpectColumnValuesToBeInSet(column="status", value_set=["met", "missed"])),
        blocking(gxe.ExpectColumnValuesToBeUnique(column="key")),
        blocking(gxe.ExpectColumnValuesToBeBetween(column="score", min_value=0, max_value=1)),
        blocking(gxe.ExpectCompoundColumnsToBeUnique(column_list=["key", "status"])),
        # not translated (lengths): GX judges it on the sample, and the row says so
        blocking(gxe.ExpectColumnValueLengthsToBeBetween(column="key", min_value=7, max_value=7)),
    ]}
    result = run_gate(settings_for(tmp_path, sample_rows=100), gate="test", staged_dir=staged, tables=["big"],
                      suites=suites)
    assert [r.expectation for r in result.results] == [e.expectation_type for e in suites["big"]]  # one row each
    in_set, unique, between, compound, lengths = result.results
    assert (in_set.outcome, in_set.unexpected_count) == ("failed", 1) and "lost" in in_set.sample
    assert (unique.outcome, unique.unexpected_count) == ("failed", 2)
    assert between.outcome == "passed" and between.unexpected_count == 0
    assert (compound.outcome, compound.unexpected_count) == ("failed", 2)
    assert lengths.outcome == "passed" and "judged by GX on a sample of" in lengths.sample
    assert f"of {rows} rows" in lengths.sample
    assert not result.success
    # GX validated a bounded sample that holds the failing rows, so Data Docs show them.
    sample = duckdb.execute(f"select key, status from read_parquet('{sample_dir(staged) / 'big.parquet'}')").df()
    assert 100 < len(sample) <= 100 + 4 * 20
    assert [p.name for p in staged.iterdir()] == ["big.parquet"]  # the sample is not among what gets published
    assert "lost" in set(sample["status"]) and (sample["key"] == frame.loc[0, "key"]).sum() == 2


def test_a_table_within_the_sample_is_validated_whole_by_gx(tmp_path):
    staged = tmp_path / "staged"
    staged.mkdir()
    big_frame(50).to_parquet(staged / "small.parquet")
    suites = {"small": [blocking(gxe.ExpectColumnValueLengthsToBeBetween(column="key", min_value=7, max_value=7))]}
    result = run_gate(settings_for(tmp_path, sample_rows=100), gate="test", staged_dir=staged, tables=["small"],
                      suites=suites)
    assert [r.outcome for r in result.results] == ["passed"]
    assert "sample" not in result.results[0].sample
    # GX reads the staged file itself (a hard link in its own folder), not a sample of it.
    assert (sample_dir(staged) / "small.parquet").stat().st_ino == (staged / "small.parquet").stat().st_ino
    assert [p.name for p in staged.iterdir()] == ["small.parquet"]  # publishing links this folder whole


def test_a_partitioned_table_is_judged_on_every_file_and_gx_sees_its_failing_row(tmp_path):
    """A table staged as partition folders (as publishing stages the large facts): the SQL reads every
    file with the partition column as written, and GX's one-file sample holds the row that failed."""
    staged = tmp_path / "staged"
    with duckdb.connect() as con:
        con.execute("create table t as select 'k' || range as key, (2023 + range % 3)::integer as year, "
                    "'met' as status from range(3000)")
        con.execute("update t set status = 'lost' where key = 'k2999'")  # in the last partition file only
        (staged / "big").mkdir(parents=True)
        for year in (2023, 2024, 2025):
            con.execute(f"copy (select * from t where year = {year}) to '{staged / 'big' / f'year_{year}.parquet'}' "
                        "(format parquet)")
    suites = {"big": [
        blocking(gxe.ExpectColumnValuesToBeInSet(column="status", value_set=["met", "missed"])),
        blocking(gxe.ExpectColumnValuesToBeUnique(column="key")),
        blocking(gxe.ExpectTableColumnsToMatchSet(column_set=["key", "year", "status"], exact_match=True)),
        blocking(gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2023, max_value=2025)),
    ]}
    result = run_gate(settings_for(tmp_path, sample_rows=100), gate="test", staged_dir=staged, tables=["big"],
                      suites=suites)
    in_set, unique, columns, between = result.results
    assert (in_set.outcome, in_set.unexpected_count) == ("failed", 1) and "lost" in in_set.sample
    assert (unique.outcome, unique.unexpected_count) == ("passed", 0)
    assert columns.outcome == between.outcome == "passed"
    sample = duckdb.execute(f"select key, status, typeof(year) from read_parquet('{sample_dir(staged) / 'big.parquet'}')"
                            ).fetchall()
    assert 100 < len(sample) <= 120 and ("k2999", "lost", "INTEGER") in sample


def test_a_partitioned_table_within_the_sample_is_gathered_whole_for_gx(tmp_path):
    staged = tmp_path / "staged"
    (staged / "small").mkdir(parents=True)
    for year in (2024, 2025):
        big_frame(30).assign(year=year).to_parquet(staged / "small" / f"year_{year}.parquet")
    suites = {"small": [blocking(gxe.ExpectColumnValueLengthsToBeBetween(column="key", min_value=7, max_value=7))]}
    result = run_gate(settings_for(tmp_path, sample_rows=100), gate="test", staged_dir=staged, tables=["small"],
                      suites=suites)
    assert [r.outcome for r in result.results] == ["passed"] and "sample" not in result.results[0].sample
    assert duckdb.execute(f"select count(*) from '{sample_dir(staged) / 'small.parquet'}'").fetchone()[0] == 60
