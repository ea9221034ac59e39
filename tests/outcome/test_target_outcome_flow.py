"""fct_target_outcome end to end: the national 2024 and 2025 work reports landed beside the bundled
example, one pipeline run, then the published snapshot read back.

The 2024 report sets the targets (国内生产总值增长5%左右), the 2025 report reviews 2024
(国内生产总值…增长5%); the extractor decides which is which and the synonym seed joins their
indicators. One flow run for the whole module (~1 min on the shared machine)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import planwatch_pipeline
from flows.settings import PROJECT_ROOT

NATIONAL_PAIR = ("national_2024_gwr.txt", "national_2025_gwr.txt")
COUNTRY = "000000"


@pytest.fixture(scope="module")
def published(prefect_harness, corpus_dir: Path, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("outcome")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(PROJECT_ROOT / "warehouse" / "landing", landing)
    for name in NATIONAL_PAIR:
        shutil.copy(corpus_dir / "reports" / name, landing / "reports" / name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANWATCH_EXPECTATIONS_DIR", str(root / "expectations"))
        planwatch_pipeline(landing_dir=str(landing), warehouse_dir=str(warehouse))
    return warehouse / "published" / "planwatch.duckdb"


def query(database: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_target_has_exactly_one_outcome_with_one_of_three_statuses(published):
    assert query(published, "select count(*) from marts.fct_target")[0][0] > 0
    assert query(published, "select count(*), count(distinct target_key) from marts.fct_target_outcome") == \
        query(published, "select count(*), count(distinct target_key) from marts.fct_target")
    statuses = {s for (s,) in query(published, "select distinct status from marts.fct_target_outcome")}
    assert statuses <= {"met", "missed", "not_reported"}


def test_national_2024_targets_are_traced_to_the_2025_report(published):
    rows = query(published, f"""
        select status, count(*) from marts.fct_target_outcome
        where region_code = '{COUNTRY}' and target_year = 2024 group by status""")
    counts = dict(rows)
    assert counts.get("met", 0) >= 3, counts
    reported = query(published, f"""
        select distinct achievement_document_key from marts.fct_target_outcome
        where region_code = '{COUNTRY}' and target_year = 2024 and achievement_key is not null""")
    assert reported == [("national_2025_gwr",)]


@pytest.mark.parametrize(("target_text", "status", "reported_text"), [
    ("国内生产总值增长5%左右", "met", "增长5%"),
    ("城镇新增就业1200万人以上", "met", "城镇新增就业1256万人"),
    ("粮食产量1.3万亿斤以上", "met", "粮食产量首次跃上1.4万亿斤"),
    # 经济增长 and 国内生产总值增长 are one indicator through the synonym seed
    ("经济增长预期目标为5%左右", "met", "增长5%"),
    # about x of a lower-is-better indicator is a cap (the outcome_directions seed): 0.2% meets a
    # 3%左右 CPI target, 5.1% a 5.5%左右 unemployment target
    ("居民消费价格涨幅3%左右", "met", "居民消费价格上涨0.2%"),
    ("城镇调查失业率5.5%左右", "met", "城镇调查失业率平均为5.1%"),
    # a cut in energy use is higher-is-better: 降幅超过3% meets 能耗降低2.5%左右
    ("单位国内生产总值能耗降低2.5%左右", "met", "能耗降幅超过3%"),
])
def test_national_2024_target_outcome(published, target_text, status, reported_text):
    rows = query(published, f"""
        select o.status, o.reported_source_text
        from marts.fct_target_outcome o join marts.fct_target t using (target_key)
        where t.document_key = 'national_2024_gwr' and t.source_text like '%{target_text}%'""")
    assert len(rows) == 1, rows
    assert rows[0][0] == status
    assert reported_text in rows[0][1]


def test_targets_without_a_later_report_are_not_reported(published):
    rows = query(published, """
        select distinct status, achievement_key from marts.fct_target_outcome
        where document_key in ('national_2025_gwr', 'lishui_2025_plan_report_part2')""")
    assert rows == [("not_reported", None)]
