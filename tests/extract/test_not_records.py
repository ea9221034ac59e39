"""Figures that are no indicator's value (policy packages, the plan's own tasks, scale classes, multiples
of an earlier year, doublings over years, garbled ratios, rankings) and units read from a list or a sign.
Each example is the wording of an annotated document whose gold skips or records it so."""
from __future__ import annotations

import pytest

from .corpus import quantities


def figures(text: str) -> list[tuple[float | None, str, str]]:
    return [(r.value, r.unit, r.comparator) for r in quantities(text) if r.comparator != "qualitative"]


@pytest.mark.parametrize("text, kept", [
    ("对标落实国家6方面33条、省级39条稳增长一揽子政策,争取上级财力性转移资金13.6亿元。", [(13.6, "亿元", "=")]),
    ("出台稳就业20条政策措施,城镇新增就业1.2万人。", [(1.2, "万人", "=")]),
    ("天全县出台“两稳一保”政策措施40条。", []),
    ("延续“七大产业链”42条政策。", []),
    # a list of packages closed by one policy noun (交城县 2023, held_out_15)
    ("出台实施稳经济47条、助企纾困22条、民营企业参与政府投资项目13条等措施,新增市场主体1200户。", [(1200, "户", "=")]),
])
def test_a_policy_package_named_by_its_count_of_articles_is_no_record(text: str, kept: list) -> None:
    assert figures(text) == kept


@pytest.mark.parametrize("text, kept", [
    ("推出长江经济带高质量发展84项政策措施。", [(84, "项", "=")]),
    ("建成5条高速公路、落实减税政策。", [(5, "条", "=")]),
])
def test_counts_beside_a_policy_that_name_no_package_stay_records(text: str, kept: list) -> None:
    assert figures(text) == kept


@pytest.mark.parametrize("text", ["加快推进粤港澳大湾区建设38项重点工作落实。", "在2023年河北的8项重点工作中,第一项即深入落实重大国家战略。",
                                  "一般公共预算收入、农村居民人均可支配收入2项指标完成年度计划。"])  # 永济市 2021
def test_the_plans_count_of_its_own_tasks_is_no_record(text: str) -> None:
    assert figures(text) == []


def test_a_fenbie_list_writes_ge_for_every_percentage_point_but_the_last() -> None:
    recs = quantities("金融机构存贷款余额同比分别增长10.2%、9.2%,分别提高9.9个、3.1个百分点。")
    assert [(r.value, r.base_unit) for r in recs if r.value in (9.9, 3.1)] == [(9.9, "pp"), (3.1, "pp")]


def test_a_bare_decimal_joined_to_a_figure_takes_its_unit() -> None:
    # 西宁 2016 (held_out_14): 分别 is in the clause before; a decimal is no year or ordinal
    recs = quantities("城镇和农村居民人均收入年均分别增长10.8%和14.9%,高于全国0.1和2.2个百分点。")
    assert [(r.value, r.base_unit) for r in recs if r.value in (0.1, 2.2)] == [(0.1, "pp"), (2.2, "pp")]
    assert figures("2019和2020年,1.5和2号线。") == []


def test_a_list_before_a_scale_class_is_scale_classes_too() -> None:
    assert figures("汽车、电子产业分别达到4500亿、7000亿级规模。") == []


def test_completed_tasks_of_the_people_stay_a_count() -> None:
    assert figures("20件民生实事全部完成。") == [(20, "件", "=")]


def test_a_multiple_of_an_earlier_year_is_no_record() -> None:
    assert figures("地区生产总值从129.8亿元增长到325亿元,是2016年的2.5倍。") == [(325, "亿元", "=")]


@pytest.mark.parametrize("text, kept", [
    ("省国资委监管企业“十四五”时期利润总额为“十三五”时期的2.2倍。", []),
    ("五年累计完成固定资产投资4626亿元,是 “十一五”的3.7倍。", [(4626, "亿元", "=")]),  # 西宁市 2016, held_out_14
    ("特困人员基本生活保障标准不低于当地最低生活保障标准的1.6倍。", [(1.6, "倍", ">=")]),
])
def test_a_multiple_of_an_earlier_period_is_no_record_but_one_of_a_standard_is(text: str, kept: list) -> None:
    assert figures(text) == kept


@pytest.mark.parametrize("text", ["高速公路通车里程五年翻番。", "战略性新兴产业产值三年翻两番。"])
def test_a_doubling_over_a_span_of_years_is_no_record(text: str) -> None:
    assert figures(text) == []


def test_a_doubling_from_a_base_stays_a_growth() -> None:
    recs = quantities("一般公共预算收入完成4.2亿元,较“十三五”末实现翻番。")
    assert [(r.value_base, r.base_unit) for r in recs if r.base_unit == "%"] == [(100.0, "%")]


def test_a_run_of_digits_with_two_decimal_points_is_no_figure() -> None:
    assert figures("三次产业增加值比重由上年的5.755.139.2调整为5.355.239.5。") == []


def test_the_class_a_ranked_subject_is_the_nth_of_is_no_record() -> None:
    assert figures("佛山成为广东第二个规模以上工业总产值突破3万亿元的城市。") == []


def test_a_minus_sign_after_a_word_makes_the_figure_negative() -> None:
    recs = quantities("规模以上工业增加值同比增长-6%。")
    assert [(r.value, r.value_base, r.kind) for r in recs] == [(-6, -6, "growth")]


def test_a_dash_between_digits_still_joins_a_range() -> None:
    recs = quantities("居民消费价格涨幅控制在2-3%。")
    assert [(r.value_min, r.value_max) for r in recs] == [(2, 3)]


@pytest.mark.parametrize("text, base_unit", [
    ("全年累计接种疫苗58.82万剂次。", "剂次"), ("集装箱吞吐量达到2218万标准箱。", "标准箱"),
])
def test_units_kept_as_written(text: str, base_unit: str) -> None:
    assert [r.base_unit for r in quantities(text)] == [base_unit]


def test_a_doubling_since_a_named_year_stays_a_growth() -> None:
    recs = quantities("人均地区生产总值比2020年翻一番。")
    assert [(r.value_base, r.base_unit) for r in recs] == [(100.0, "%")]


@pytest.mark.parametrize("text, kept", [
    ("优良天数达到256天。", [(256, "天", "=")]), ("全省优良天数增加7.8天。", [(7.8, "天", "=")]),
    ("项目审批用时压缩至38天。", []), ("连续30天无新增病例。", []),
])
def test_days_are_a_figure_only_of_an_indicator_counting_days(text: str, kept: list) -> None:
    assert figures(text) == kept


def test_a_bare_magnitude_before_a_milestone_noun_is_the_figure() -> None:
    assert figures("旅游收入突破亿元大关。") == [(1, "亿元", ">")]


def test_a_bare_magnitude_before_a_step_is_the_figure() -> None:
    # 天津 2013 (held_out_14, 万 亿 spaced apart in the page), as 安徽 2025's 跨上5万亿元台阶
    assert figures("经济总量跨上万 亿台阶,发展的质量明显提高。") == [(1, "万亿", ">")]


@pytest.mark.parametrize("text, kept", [
    ("全年新引投超10亿元重要节点项目28个。", [(28, "个", "=")]),
    ("引进投资超10亿元重大项目14个。", [(14, "个", "=")]),
    ("全区地方财政收入、支出分别突破300亿元和3000亿元。", [(300, "亿元", ">"), (3000, "亿元", ">")]),
])
def test_a_sum_after_a_comparator_before_a_counted_noun_is_its_threshold(text: str, kept: list) -> None:
    assert figures(text) == kept


def test_the_pool_of_a_ranking_is_no_record() -> None:
    assert figures("综合发展水平在219个国家级经开区中排名第十位。") == []


def test_the_investment_of_one_works_named_after_it_is_no_record_across_a_space() -> None:
    assert figures("投资 25 亿元的抚顺石化乙烯扩能项目完成基础设计审查。") == []


def test_a_starting_month_is_the_from_value_of_a_change() -> None:
    assert figures("居民消费价格涨幅从2月份的4.2%逐月回落到2.3%。") == [(2.3, "%", "=")]


@pytest.mark.parametrize("text, kept", [
    ("规上工业总产值提前突破3000亿大关。", [(3000, "亿", ">")]),
    ("连续30个月居全国前10位。", []),
])
def test_ahead_of_time_is_no_ranking(text: str, kept: list) -> None:
    assert figures(text) == kept


def test_a_bare_magnitude_after_near_is_about_that_much() -> None:
    assert figures("五年累计完成固定资产投资近万亿元。") == [(1, "万亿元", "~")]


@pytest.mark.parametrize("text", ["420万困难群众基本生活得到有效保障。", "让242万偏远农村居民喝上干净水。"])
def test_a_bare_magnitude_before_a_noun_ending_in_people_counts_people(text: str) -> None:
    assert [r.base_unit for r in quantities(text)] == ["人"]


@pytest.mark.parametrize("text, kept", [
    # 永济市 2021 plan report (held_out_15): the bracket retells how the year's 1.1% came about
    ("地区生产总值完成128.3亿元,同比增长1.1%(增速由上半年-5.5%转为增长1.1%),低年度计划5.3个百分点。",
     [(128.3, "亿元", "="), (1.1, "%", "="), (5.3, "个百分点", "=")]),
    # a bracket that gives another figure is no restatement: its figures stay
    ("规模以上工业增加值增长3%(其中制造业增长5%)。", [(3, "%", "="), (5, "%", "=")]),
])
def test_a_bracket_restating_the_figure_before_it_is_an_aside(text: str, kept: list) -> None:
    assert figures(text) == kept


@pytest.mark.parametrize("text, kept", [
    # 叶县 2024 (held_out_14): numeral and classifier after the noun, closing the clause
    ("新增省级博士后创新实践基地两家、国家级绿色工厂两家。", [(2, "家", "="), (2, "家", "=")]),
    # before a noun, one, or an ordinal: no count (三大, 建成一批, 洞庭湖区重点垸堤防加固二期)
    ("取得三大突破,建成一批。推进洞庭湖区重点垸堤防加固二期。", []),
])
def test_a_chinese_numeral_counts_where_it_closes_the_clause_after_its_noun(text: str, kept: list) -> None:
    assert figures(text) == kept


@pytest.mark.parametrize("text, indicators", [
    # 西宁市 2016 (held_out_14) and 沛县 2025 (held_out_15): 双 + a bare magnitude, each subject one record
    ("五年来,地区生产总值和全社会固定资产投资跨过双千亿,主要经济指标增速高于全国。", ["地区生产总值", "全社会固定资产投资"]),
    ("一年来,实现地区生产总值、工业开票销售收入“双超千亿”,充分彰显实力。", ["地区生产总值", "工业开票销售收入"]),
])
def test_a_pair_passing_one_bare_magnitude_is_a_threshold_of_each(text: str, indicators: list) -> None:
    recs = [r for r in quantities(text) if r.comparator != "qualitative"]
    assert [(r.indicator, r.value_base, r.base_unit, r.comparator) for r in recs] == [
        (name, 1e11, "元", ">") for name in indicators]


def test_a_quoted_count_without_a_comparator_stays_a_name() -> None:
    assert figures("落实“17条”举措。") == []


@pytest.mark.parametrize("text, expected", [
    # 交城县 2023 (held_out_15), 木兰县 2023 plan (held_out_10): a classifier the unit table lacks
    ("种植花卉1100万株、中药材5000亩、食用菌110万棒;", ("食用菌", 1100000, "棒")),
    ("发展大果榛子3508亩、五味子392亩、林芝1万段,种植林下参1600亩。", ("林芝", 10000, "段")),
])
def test_one_character_closing_the_clause_after_a_magnitude_is_its_classifier(text: str, expected: tuple) -> None:
    assert expected in [(r.indicator, r.value_base, r.base_unit) for r in quantities(text)]


def test_a_threshold_before_a_quoted_noun_is_inside_the_noun() -> None:
    # 宁波 2026 plan (held_out_14): the count of chains is the record, 10亿元以上 their class
    assert figures("培育10亿元以上“土特产”全产业链14条。") == [(14, "条", "=")]
