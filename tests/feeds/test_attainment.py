"""A hand-made plan and hand-made feeds with known answers, built through load_feeds and dbt."""
from __future__ import annotations

import duckdb
import pytest

from flows.extract.records import Record

from .warehouse_build import build_warehouse, load_plan, target

PLAN = (
    "丽水市2025年国民经济和社会发展计划草案(测试用)。城镇新增就业人数2万人以上,港口货物吞吐量500万吨以上,"
    "科技创新券兑换超800万元,粮食总产量达到8.32亿斤以上,农林牧渔业增加值增长4%,城镇登记失业率控制在3%以内,"
    "城乡收入倍差缩小至1.86以内,新增农创客1000人。建成缙云抽水蓄能电站。"
)

RELEASES = """\
# hand-made test feed
地区,指标名称,时期,数值,单位,是否累计,同比增长(%)
丽水市,城镇新增就业人数,1-6月,2.1,万人,是,
丽水市,港口货物吞吐量,2025-06,255,万吨,是,
丽水市,港口货物吞吐量,2025-03,80,万吨,是,
丽水市,科技创新券兑换额,上半年,0.038,亿元,是,
丽水市,粮食总产量,上半年,2,亿斤,是,
丽水市,农林牧渔业增加值,上半年,50,亿元,是,4.1
丽水市,城镇登记失业率,上半年,2.5,%,否,
丽水市,城乡居民收入倍差,上半年,1.89,,否,
"""

PROGRESS = """\
项目名称,县(市、区),时期,总投资,年度计划投资,累计完成投资,投资单位,形象进度
浙江缙云抽水蓄能电站项目,缙云县,2025-06,1050000,82000,41000,万元,建成
某某新城综合体,丽水市,2025-06,50000,12000,3000,万元,在建
"""

EXPECTED_STATUS = {
    "城镇新增就业人数": "met",  # 21000 人 already >= 20000: a cumulative count reached
    "港口货物吞吐量": "on_track",  # 2.55e6 t against 5e6 * 6/12 = 2.5e6: ratio 1.02
    "科技创新券兑换": "at_risk",  # 3.8e6 元 (0.038 亿元) against 8e6 * 6/12: ratio 0.95
    "粮食总产量": "off_track",  # 2亿斤 = 1e5 t against 416000 * 6/12: ratio 0.48
    "农林牧渔业增加值增速": "on_track",  # growth 4.1 against 4: ratio 1.025
    "城镇登记失业率": "met",  # 2.5 under the 3% bound
    "城乡收入倍差": "at_risk",  # 1.89 over the 1.86 bound by under 10%
    "新增农创客": "no_data",  # no feed series
}


def _plans(con: duckdb.DuckDBPyConnection) -> None:
    records = [
        target("城镇新增就业人数2万人以上", PLAN, "城镇新增就业人数", 2, "万人", ">=", 20000, "人", "count"),
        target("港口货物吞吐量500万吨以上", PLAN, "港口货物吞吐量", 500, "万吨", ">=", 5_000_000, "吨", "amount"),
        target("科技创新券兑换超800万元", PLAN, "科技创新券兑换", 800, "万元", ">", 8_000_000, "元", "amount"),
        target("粮食总产量达到8.32亿斤以上", PLAN, "粮食总产量", 8.32, "亿斤", ">=", 416_000, "吨", "amount"),
        target("农林牧渔业增加值增长4%", PLAN, "农林牧渔业增加值增速", 4, "%", "=", 4, "%", "growth"),
        target("城镇登记失业率控制在3%以内", PLAN, "城镇登记失业率", 3, "%", "<=", 3, "%", "level"),
        target("城乡收入倍差缩小至1.86以内", PLAN, "城乡收入倍差", 1.86, "", "<=", 1.86, "", "ratio"),
        target("新增农创客1000人", PLAN, "新增农创客", 1000, "人", "=", 1000, "人", "count"),
    ]
    start = PLAN.index("缙云抽水蓄能电站")
    records.append(Record(type="project", text="缙云抽水蓄能电站", start=start, end=start + 8, year=2025,
                          name="缙云抽水蓄能电站", stage="completed", region="缙云县", category="能源"))
    load_plan(con, "test_plan_2025", PLAN, "丽水市", 2025, records)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    root = tmp_path_factory.mktemp("attainment")
    feeds = root / "feeds"
    for rel, text in (("indicator_releases/test_2025.csv", RELEASES), ("project_progress/test_2025.csv", PROGRESS)):
        (feeds / rel).parent.mkdir(parents=True, exist_ok=True)
        (feeds / rel).write_text(text, encoding="utf-8")
    build_warehouse(root / "planwatch.duckdb", feeds, _plans)
    con = duckdb.connect(str(root / "planwatch.duckdb"), read_only=True)
    yield con
    con.close()


def test_hand_made_feed_gives_the_expected_status_for_every_rule(warehouse) -> None:
    rows = warehouse.execute("select indicator_text, status from marts.fct_target_attainment").fetchall()
    assert dict(rows) == EXPECTED_STATUS


def test_cumulative_amount_is_expected_pro_rata_by_months_covered(warehouse) -> None:
    row = warehouse.execute(
        "select expected_to_date, actual_value, actual_period_label, attainment_ratio "
        "from marts.fct_target_attainment where indicator_text = '港口货物吞吐量'"
    ).fetchone()
    assert row == (2_500_000, 2_550_000, "2025-06", 1.02)  # the latest period, not 2025-03


def test_growth_target_is_compared_with_cumulative_growth_not_the_level(warehouse) -> None:
    row = warehouse.execute(
        "select measure, actual_value, expected_to_date from marts.fct_target_attainment "
        "where indicator_text = '农林牧渔业增加值增速'"
    ).fetchone()
    assert row == ("growth", 4.1, 4)


def test_upper_bound_target_is_met_while_under_the_bound(warehouse) -> None:
    row = warehouse.execute(
        "select status, attainment_ratio from marts.fct_target_attainment where indicator_text = '城镇登记失业率'"
    ).fetchone()
    assert row == ("met", 1.2)


def test_feed_project_spelled_unlike_the_report_resolves_and_meets_its_planned_stage(warehouse) -> None:
    row = warehouse.execute(
        "select matched_project_name, match_status, planned_stage, stage_reached, status "
        "from marts.fct_project_progress where project_name_in_feed = '浙江缙云抽水蓄能电站项目'"
    ).fetchone()
    assert row == ("缙云抽水蓄能电站", "matched", "completed", "completed", "met")


def test_feed_project_not_in_any_report_is_listed_for_review_not_joined(warehouse) -> None:
    progress = warehouse.execute(
        "select project_key, match_status from marts.fct_project_progress where project_name_in_feed = '某某新城综合体'"
    ).fetchone()
    review = warehouse.execute(
        "select entity, match_status from marts.review_feed_matches where name_in_feed = '某某新城综合体'"
    ).fetchall()
    assert progress == (None, "unmatched")
    assert review == [("project", "unmatched")]


def test_feed_level_without_a_level_target_is_listed_for_review(warehouse) -> None:
    review = warehouse.execute(
        "select measure, match_status from marts.review_feed_matches where name_in_feed = '农林牧渔业增加值'"
    ).fetchall()
    assert review == [("value", "unmatched")]
