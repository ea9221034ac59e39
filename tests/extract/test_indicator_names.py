"""Indicator names as the annotation guide writes them (issue 12): the naming steps of
flows/extract/quantities.py on hand-made sentences shaped like the corpus's (each names its source)."""
from __future__ import annotations

from .corpus import quantities


def _names(text: str) -> list[str]:
    return [r.indicator for r in quantities(text)]


def test_the_share_of_a_plan_done_is_the_plans_completion_rate() -> None:
    # 蚌埠龙子湖 2021 (held_out_3): a subject that only says what was measured gives way to the plan
    assert _names("1-7月完成投资10.52亿元,完成年度投资计划的58.42%。") == ["1-7月完成投资", "年度投资计划完成率"]
    assert _names("固定资产投资完成1200亿元,为年度计划的102.3%。")[-1] == "固定资产投资年度计划完成率"


def test_a_short_form_written_whole_takes_the_indicators_full_name() -> None:
    # 浙江 2026: 城镇和农村居民人均可支配收入分别…,收入倍差从1.96缩小至1.81
    assert _names("收入倍差从1.96缩小至1.81。") == ["城乡居民收入倍差"]
    assert _names("城乡收入倍差缩小至1.86以内。") == ["城乡居民收入倍差"]


def test_members_share_the_longest_head_the_table_knows() -> None:
    # 安徽 2026 / 贵州 2026
    assert _names("制造业、普惠小微贷款余额分别增长10.7%、13.3%。") == ["制造业贷款余额增速", "普惠小微贷款余额增速"]
    assert _names("城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右。")[0] == "城镇常住居民人均可支配收入增速"


def test_a_rise_on_the_year_in_per_cent_is_a_growth() -> None:
    assert _names("新开工项目数同比增加110%。") == ["新开工项目数增速"]
    assert _names("综合能源消费量同比上升7.4%。") == ["综合能源消费量增速"]


def test_a_rate_rising_by_per_cent_stays_a_change() -> None:
    assert _names("优良天数比例同比上升2%。") == ["优良天数比例上升"]


def test_subjects_listed_before_one_figure_are_all_its_subject() -> None:
    # 江苏 2026 / 湖南 2026
    assert _names("限上仓储会员店、集合店零售额合计增长15.7%。") == ["限上仓储会员店、集合店零售额增速"]
    assert _names("超长期特别国债、专项债、中央预算内等资金2118亿元。") == ["超长期特别国债、专项债、中央预算内等资金"]
    # the verb governing the list is no part of it
    assert _names("培育认定省级零碳、近零碳工厂30家。") == ["认定省级零碳、近零碳工厂"]


def test_a_clause_with_a_verb_is_no_listed_subject() -> None:
    # 广东 2026: 实施学前一年免费教育政策、惠及168万名儿童
    assert _names("实施学前一年免费教育政策、惠及168万名儿童。") == ["实施学前一年免费教育政策惠及儿童"]
    # 湖南 2026: the earlier clause is a completion of its own
    assert _names("益阳电厂三期建成投产、总装机达386万千瓦。") == ["总装机"]
