"""The `unique_md5_key` generic test (dbt/tests/generic/unique_md5_key.sql): dbt's `unique` for md5 keys,
grouped on the digest's 128-bit number. Its SQL is rendered as dbt renders it and run on DuckDB."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import jinja2
import pytest
import yaml

DBT = Path(__file__).resolve().parents[2] / "dbt"
MACRO = DBT / "tests" / "generic" / "unique_md5_key.sql"


def failing_rows(keys: list[str | None]) -> list[tuple]:
    body = re.search(r"{%\s*test unique_md5_key\(model, column_name\)\s*%}(.*){%\s*endtest\s*%}",
                     MACRO.read_text(encoding="utf-8"), re.DOTALL).group(1)
    sql = jinja2.Template(body).render(model="actuals", column_name="actual_id")
    con = duckdb.connect()
    con.execute("create table actuals (actual_id varchar)")
    con.executemany("insert into actuals values (?)", [[k] for k in keys])
    return con.execute(sql).fetchall()


def test_distinct_md5_keys_pass():
    assert failing_rows(["0cc175b9c0f1b6a831c399e269772661", "92eb5ffee6ae2fec3ad71c777531578f", None, None]) == []


def test_a_repeated_md5_key_fails_once_with_its_count():
    key = "0cc175b9c0f1b6a831c399e269772661"
    assert failing_rows([key, "92eb5ffee6ae2fec3ad71c777531578f", key, key]) == [(int(key, 16), 3)]


@pytest.mark.parametrize("bad", ["not-a-digest", "f0cc175b9c0f1b6a831c399e269772661"])  # not hex; past 128 bits
def test_a_key_that_is_no_md5_digest_fails_rather_than_passing_unjudged(bad):
    assert failing_rows(["0cc175b9c0f1b6a831c399e269772661", bad]) == [(None, 1)]


def test_the_keys_tested_as_md5_keys_are_the_md5_digests_the_feed_models_build():
    """A key tested with unique_md5_key that were no md5 digest would fail as unreadable: this says which
    keys take the test and where each is computed by md5()."""
    built_by = {("stg_feeds__indicator_releases", "feed_row_id"): "stg_feeds__indicator_releases",
                ("stg_feeds__target_actuals", "feed_row_id"): "stg_feeds__target_actuals",
                ("stg_feeds__project_progress", "feed_row_id"): "stg_feeds__project_progress",
                ("stg_feeds__article_figures", "feed_row_id"): "stg_feeds__article_figures",
                ("int_feed_actuals_unioned", "actual_id"): "int_feed_actuals_unioned",
                ("fct_indicator_actual", "actual_key"): "int_feed_actuals_unioned"}  # renamed from actual_id
    md5_tested = set()
    for path in (DBT / "models").rglob("*.yml"):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
            for column in model.get("columns", []):
                tests = [t if isinstance(t, str) else next(iter(t)) for t in column.get("data_tests", [])]
                if "unique_md5_key" in tests:
                    assert "not_null" in tests, (model["name"], column["name"])
                    md5_tested.add((model["name"], column["name"]))
    assert md5_tested == set(built_by)
    for (model, column), source in built_by.items():
        sql = next((DBT / "models").rglob(f"{source}.sql")).read_text(encoding="utf-8")
        assert re.search(r"md5\(concat_ws\([^\n]*\)\)\s+as\s+" + ("actual_id" if column == "actual_key" else column), sql)
