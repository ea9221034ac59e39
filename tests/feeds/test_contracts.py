"""The feed contracts are declared once; the dbt sources, dbt tests and GX suites agree with them."""
from __future__ import annotations

import re

import duckdb
import yaml

from flows.feeds.contracts import CONTRACTS, header_key
from flows.feeds.raw_schema import ensure_feed_schema, table_columns
from flows.quality.feed_suites import ATTAINMENT_STATUSES, FEED_SUITES, MATCH_STATUSES
from flows.settings import PROJECT_ROOT

DBT = PROJECT_ROOT / "dbt"


def test_every_header_spelling_maps_to_one_column_of_its_contract() -> None:
    for contract in CONTRACTS:
        spellings = [header_key(s) for c in contract.columns for s in (c.name, *c.aliases)]
        duplicates = {s for s in spellings if spellings.count(s) > 1}
        assert duplicates == set(), f"{contract.name}: {duplicates}"


def test_dbt_feed_sources_are_the_raw_tables_the_loader_creates() -> None:
    sources = yaml.safe_load((DBT / "models/staging/feeds/_feeds__sources.yml").read_text(encoding="utf-8"))
    declared = {t["name"] for s in sources["sources"] for t in s["tables"]}
    assert declared == {*table_columns(), "feed_files"}


def _feed_files_columns() -> set[str]:
    with duckdb.connect() as con:
        ensure_feed_schema(con)
        return {c for (c,) in con.execute("select column_name from information_schema.columns "
                                          "where table_schema = 'raw' and table_name = 'feed_files'").fetchall()}


def test_staging_models_select_only_columns_the_raw_tables_have() -> None:
    per_file = _feed_files_columns()
    for table, columns in table_columns().items():
        model = DBT / "models/staging/feeds" / f"stg_feeds__{table.removeprefix('feed_')}.sql"
        text = model.read_text(encoding="utf-8")
        # A file's path, hash and load time come from raw.feed_files, joined on the row's file id.
        joined = per_file if "source('feeds', 'feed_files')" in text else set()
        select = text.split("renamed as (")[1]
        used = set(re.findall(r"^\s+(?:trim\(|coalesce\()?([a-z_]+)\b", select, flags=re.M))
        used -= {"select", "from", "md5", "concat_ws", "case", "when", "then", "else", "end"}
        unknown = {u for u in used if u not in {*columns, *joined} and not u.startswith("'")}
        assert unknown == set(), f"{model.name} selects {unknown} which raw.{table} lacks"


def test_feed_rows_leave_the_file_path_and_hash_to_the_file_and_staging_joins_them_back() -> None:
    for table, columns in table_columns().items():
        assert {"file_id", "row_number"} <= set(columns) and not {"file_path", "file_hash"} & set(columns), table
        model = DBT / "models/staging/feeds" / f"stg_feeds__{table.removeprefix('feed_')}.sql"
        text = model.read_text(encoding="utf-8")
        assert "left join files using (file_id)" in text, model.name
        assert re.search(r"^\s+file_path,$", text, re.M) and re.search(r"^\s+file_hash,$", text, re.M), model.name


def test_status_vocabulary_in_dbt_tests_matches_the_gx_suites() -> None:
    marts = yaml.safe_load((DBT / "models/marts/feeds/_feeds_marts__models.yml").read_text(encoding="utf-8"))
    compared = []
    for model in marts["models"]:
        for column in model.get("columns", []):
            for test in column.get("data_tests", []):
                if isinstance(test, dict) and "accepted_values" in test:
                    values = tuple(test["accepted_values"]["arguments"]["values"])
                    if column["name"] == "status":
                        assert values == ATTAINMENT_STATUSES
                        compared.append(f"{model['name']}.status")
                    if column["name"].endswith("match_status") and model["name"] != "review_feed_matches":
                        assert values == MATCH_STATUSES
                        compared.append(f"{model['name']}.{column['name']}")
    # Without this the test would pass on a schema file that lost its accepted_values tests.
    assert {"fct_target_attainment.status", "fct_project_progress.status", "fct_project_progress.match_status",
            "fct_indicator_actual.indicator_match_status"} <= set(compared)


def test_every_feed_mart_has_a_gx_suite() -> None:
    marts = {p.stem for p in (DBT / "models/marts/feeds").glob("*.sql")}
    assert marts <= set(FEED_SUITES)
