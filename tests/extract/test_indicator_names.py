"""Indicator names as the annotation guide writes them (issue 12): the naming steps of
flows/extract/quantities.py on hand-made sentences shaped like the corpus's (each names its source)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .corpus import quantities
from .test_dev_gold import SCORER
from .test_held_out import HERE, _predict


def _names(text: str) -> list[str]:
    return [r.indicator for r in quantities(text)]


def test_the_share_of_a_plan_done_is_the_plans_completion_rate() -> None:
    # 蚌埠龙子湖 2021 (held_out_3): a subject that only says what was measured gives way to the plan
    assert _names("1-7月完成投资10.52亿元,完成年度投资计划的58.42%。") == ["1-7月完成投资", "年度投资计划完成率"]
    assert _names("固定资产投资完成1200亿元,为年度计划的102.3%。")[-1] == "固定资产投资年度计划完成率"


def test_a_statement_of_goals_before_the_first_goal_is_no_part_of_its_name() -> None:
    # 西藏 2026 (held_out_7), 河北 2023 (held_out_12): no mark after 目标是
    assert _names("2030年某省经济社会发展主要预期目标是地区生产总值增长6%左右。") == ["地区生产总值增速"]
    assert _names("今年全县发展的预期目标为一般公共预算收入增长4%。") == ["一般公共预算收入增速"]

def test_an_adverb_between_a_subject_and_its_predicate_is_no_part_of_the_name() -> None:
    # 江苏 2021 (held_out_9: 全部达标, 全部摘帽), 山东 2019 (held_out_5: 分别改善)
    assert _names("全市32个重点帮扶村全部达标。") == ["重点帮扶村达标"]
    assert _names("空气质量综合指数、二氧化氮平均浓度分别改善3%、5%。")[-1] == "二氧化氮平均浓度改善"
    # a determiner after 占 stays: 占全部税收比重
    assert _names("工业税收占全部税收比重达40%。") == ["工业税收占全部税收比重"]

def test_a_modal_or_time_adverb_opening_the_clause_is_no_part_of_the_name() -> None:
    # 山东 2024 (held_out_9: 将力争完成投资), 陕西 2018 (held_out_12: 将安排), 房县 2024 (held_out_6: 先后培育)
    assert _names("2030年将力争完成投资500亿元。") == ["完成投资"]
    assert _names("先后建成标准化厂房12万平方米。") == ["建成标准化厂房"]

def test_a_bare_investment_after_counted_projects_is_the_projects_investment() -> None:
    # 陕西 2018 (held_out_12: 安排省级重点项目600个、投资5000亿元左右), 汉滨 2025 (held_out_2: …项目27个、投资规模112亿元)
    assert _names("今年市级重点项目120个、投资800亿元。")[-1] == "市级重点项目投资"
    assert _names("全区新签约项目15个、投资规模60亿元。")[-1] == "新签约项目投资规模"

def test_a_dash_opening_a_list_line_is_no_part_of_the_name() -> None:
    # 威县 2023 (held_out_10), 张家港 2022 (held_out_11): ——地区生产总值增长… one indicator a line
    assert _names("——进出口总额增长8%。") == ["进出口总额增速"]

def test_a_bare_completion_rate_after_a_projects_sum_is_the_projects() -> None:
    # 斗门 2022 (held_out_8), 浙江 2026 (corpus: …重大项目完成投资1.5万亿元,投资完成率125.5%)
    assert _names("58个县重点项目完成投资90亿元,年度投资完成率105%。")[-1] == "县重点项目年度投资完成率"
    assert _names("全市重大项目完成投资300亿元,投资完成率98%。")[-1] == "重大项目投资完成率"

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
    assert _names("实施学前一年免费教育政策、惠及168万名儿童。") == ["学前一年免费教育政策惠及儿童"]
    # 湖南 2026: the earlier clause is a completion of its own, whose subject the bare measure takes
    assert _names("益阳电厂三期建成投产、总装机达386万千瓦。") == ["益阳电厂三期总装机"]


def test_what_is_covered_leaves_out_the_verb_the_tiers_and_a_stray_quote() -> None:
    # 广东 2026 / 丽水 2025
    assert _names("财政省直管县实现全覆盖。") == ["财政省直管县覆盖率"]
    assert _names("公共文化设施实现五级全覆盖。") == ["公共文化设施覆盖率"]
    assert _names("完善模式,实现“流动便民共富车”行政村全覆盖,点单派单。") == ["流动便民共富车行政村覆盖率"]
    assert _names("实现“一网通办”全覆盖。") == ["一网通办覆盖率"]


def test_a_bare_measure_is_of_the_subject_named_just_before() -> None:
    # 东洲 2025 (held_out_2), 通化 2026 (held_out_2), 吉林 2026
    assert _names("规上工业增加值增长6%,总产值增长4.5%。") == ["规上工业增加值增速", "规上工业总产值增速"]
    assert _names("规模以上农产品加工企业稳定在31户,全年产值突破60亿元。")[-1] == "规模以上农产品加工企业产值"
    assert _names("吉化乙烯项目投产,总产能达190万吨。") == ["吉化乙烯项目总产能"]


def test_a_bare_measure_after_an_unrelated_indicator_keeps_its_name() -> None:
    # 地区生产总值 ends with no measure head and counts nothing: no subject to lend
    assert _names("地区生产总值增长5%,增加值增长6%。")[-1] == "增加值增速"


def test_later_members_that_are_bare_measures_share_the_first_members_subject() -> None:
    # 陕西 2026
    assert _names("国内游客人次、总花费增长5.6%、7.5%。") == ["国内游客人次增速", "国内游客总花费增速"]


def test_a_verb_bringing_the_members_about_is_no_part_of_their_names() -> None:
    # 湖南 2026
    assert _names("旅发大会带动游客人数和总花费分别增长10.6%、9%。") == ["游客人数增速", "游客总花费增速"]


def test_a_space_before_the_figure_does_not_hide_the_verb() -> None:
    # 东洲 2025 (held_out_2): 总产值增长 4.5%
    recs = quantities("地区生产总值增长 4.5%。")
    assert [(r.indicator, r.kind) for r in recs] == [("地区生产总值增速", "growth")]


def test_a_counted_noun_with_its_predicate_after_is_named_predicate_first_without_adverbs() -> None:
    # 滨海 2019, 泸州 2023 (held_out_4), 开州 2024 (held_out_2)
    assert _names("唯普亿展科技等5个项目已入驻。") == ["入驻项目"]
    assert _names("霍家工业水合肼技改等12个项目相继投产达效。") == ["投产达效项目"]
    assert _names("浦里大道等16个项目已经完工。") == ["完工项目"]
    # a place before the predicate stays with it; a predicate with an object takes 的
    assert _names("16所高职学校入选第二期国家“双高计划”。") == ["入选第二期国家“双高计划”的高职学校"]


def test_a_verb_whose_object_is_counted_after_the_figure_is_no_part_of_the_name() -> None:
    # 广东 2026, 贵州 2026, 江苏 2026
    assert _names("根据当地资源禀赋打造14个特色服务区。") == ["特色服务区"]
    assert _names("围绕产业需求布局建设5条铁路专用线。") == ["铁路专用线"]
    assert _names("推出长江经济带高质量发展84项政策措施。") == ["长江经济带高质量发展政策措施"]


def test_a_verb_acting_on_the_counted_things_makes_no_change() -> None:
    # 广东 2026: 改造提升24个高速公路服务区
    recs = quantities("改造提升24个高速公路服务区。")
    assert [(r.indicator, r.kind) for r in recs] == [("高速公路服务区", "count")]
    # a count measured against the year before stays a change of its indicator
    assert [r.kind for r in quantities("新增就业岗位增加2万个。")] == ["change"]


def test_a_done_verb_between_a_subject_and_its_measure_is_no_part_of_the_name() -> None:
    # 固安 2025 (held_out_4), 镇海 2025 (held_out_2)
    assert _names("农村产权交易中心完成交易金额1.5亿元。") == ["农村产权交易中心交易金额"]
    assert _names("全区国资系统已完成固定资产投资26亿元。") == ["国资系统固定资产投资"]
    # 完成投资 is itself what is measured (data/measure_heads.csv)
    assert _names("已开工建设项目完成投资6.72亿元。") == ["已开工建设项目完成投资"]


def test_a_sum_named_only_by_its_measure_and_period_is_the_projects_named_clauses_before() -> None:
    # 明溪 2022 (held_out_3), 江西 2026 (held_out_3)
    assert _names("今年,明溪县有21个项目列入省市重点项目,年度计划投资21.18亿元,一季度完成投资8.01亿元。")[-1] == \
        "省市重点项目一季度完成投资"
    assert _names("实施省大中型项目5296个,年度完成投资1.1万亿元左右。")[-1] == "省大中型项目年度完成投资"


def test_the_reports_own_area_opening_a_name_is_no_part_of_it() -> None:
    assert _names("全县地区生产总值增长6.1%。") == ["地区生产总值增速"]
    assert _names("全市生产总值完成3500亿元。") == ["生产总值"]
    # 全国 is no lead of this kind: a national report's figures are named as written
    assert _names("全国居民人均可支配收入增长5.1%。") == ["全国居民人均可支配收入增速"]


def test_places_listed_before_one_name_each_take_the_name() -> None:
    # 广东 2026
    assert _names("广州、深圳地铁线网单日最高客运量分别达1409万、1305万人次。") == [
        "广州地铁线网单日最高客运量", "深圳地铁线网单日最高客运量"]


def test_a_part_after_qizhong_takes_the_head_of_the_indicator_just_named() -> None:
    # 甘肃 2026
    assert _names("新增铁路运营里程639公里、其中高铁370公里。") == ["新增铁路运营里程", "高铁运营里程"]
    # a part with a name of its own keeps it
    assert _names("新增就业12万人,其中城镇新增就业8万人。") == ["新增就业", "城镇新增就业"]


def test_a_stage_alone_takes_the_things_counted_just_before() -> None:
    # 江苏 2026
    assert _names("建成过江通道4座、在建8座。") == ["建成过江通道", "在建过江通道"]
    assert _names("新开工项目20个、建成投产15个。") == ["新开工项目", "建成投产项目"]


def test_a_qualified_rate_is_of_the_indicator_just_named() -> None:
    # 建宁 2023 (held_out_2)
    names = _names("地方一般公共预算收入3.5亿元,自然增幅2%,同口径完成3.67亿元。")
    assert names == ["地方一般公共预算收入", "地方一般公共预算收入自然增速", "地方一般公共预算收入"]
    # a subject of its own is no qualifier
    assert _names("地区生产总值增长5%,工业增长6%。")[-1] == "工业增速"


def test_a_growth_on_a_comparable_basis_is_named_as_a_plain_growth() -> None:
    # 咸宁 2021 (held_out_6), 泉州 2023 / 浙江 2008 / 南通 2011 (held_out_10), 荆门 2023 (held_out_9)
    assert _names("规模以上工业增加值可比增长39.1%。") == ["规模以上工业增加值增速"]
    assert _names("财政总收入按可比口径增长15.2%。") == ["财政总收入增速"]
    # alone, the basis leaves the rate to the indicator just named
    assert _names("地方一般公共预算收入120亿元,可比增长8%。")[-1] == "地方一般公共预算收入增速"
    assert _names("地区生产总值860亿元,按可比价计算增长6%。")[-1] == "地区生产总值增速"
    # a natural or like-for-like rate keeps its qualifier (建宁 2023, held_out_2)
    assert _names("地方一般公共预算收入3.5亿元,自然增幅2%。")[-1] == "地方一般公共预算收入自然增速"


def test_a_result_verb_between_a_subject_and_its_measure_is_no_part_of_the_name() -> None:
    # 洞头 2016 (held_out_6), 泸县 2022 (held_out_7), 江西 2008 (held_out_10)
    assert _names("两大工业园区实现工业产值11.2亿元。") == ["两大工业园区工业产值"]
    assert _names("实体企业累计实现外贸进出口总额4.6亿元。") == ["实体企业外贸进出口总额"]
    assert _names("全省所有县(市、区)实现财政收入超亿元。") == ["所有县(市、区)财政收入"]
    # after a means the verb is the name's own
    assert _names("通过公共网络实现零售额增长22.9%。") == ["通过公共网络实现零售额增速"]


def test_what_is_new_written_bare_is_new_of_the_earlier_indicator() -> None:
    # 新疆 2025 (held_out_6), 江西 2008 (held_out_10)
    assert _names("粮食播种面积4440万亩、新增202.9万亩。") == ["粮食播种面积", "粮食播种面积新增"]
    assert _names("财政总收入达到664.6亿元,比上年增长28.2%,净增146亿元。")[-1] == "财政总收入净增"
    # an indicator already new takes no second new word
    assert _names("新增就业岗位1.2万个、新增5000个。") == ["新增就业岗位", "新增就业岗位"]
    # a bare total names no subject to be new of (江苏 2026)
    assert _names("经营主体稳中培优。总量达1461.4万户,新登记147万户。")[-1] == "新登记"


def test_an_average_over_a_named_period_stays_in_the_rates_name() -> None:
    # 鄂温克 2021 / 天津 2024 (held_out_8)
    assert _names("地区生产总值完成59.0亿元,同比增长6.5%,两年平均增长2.3%。")[-1] == "地区生产总值两年平均增速"
    assert _names("本外币存贷款余额月平均增速8.7%。") == ["本外币存贷款余额月平均增速"]
    assert _names("地区生产总值两年平均增长5%。") == ["地区生产总值两年平均增速"]
    # 平均 alone is no part of the name
    assert _names("城镇调查失业率平均为5.1%。") == ["城镇调查失业率"]


def test_a_parallel_item_shares_the_words_before_the_item_it_parallels() -> None:
    # 汉滨 2025 (held_out_2)
    assert _names("实际使用内资30.2亿元、外资381万美元。") == ["实际使用内资", "实际使用外资"]


def test_the_per_capita_subsidy_standard_is_a_head_members_share() -> None:
    # 国务院 2025
    assert _names("居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元。")[0] == "居民医保人均财政补助标准提高"


def test_clauses_holding_a_verb_or_no_name_list_no_subjects() -> None:
    # 湖南 2026 / 吉林 2026 / 海南 2026, shortened
    assert _names("高新技术企业数量实现翻番、达1.8万家。")[-1] == "高新技术企业数量"
    assert _names("零基预算改革优化支出结构、清收各类资金515亿元。") == ["清收各类资金"]
    assert _names("优先在边境地区、集体经济薄弱村新建各类棚室5万个。") == ["集体经济薄弱村新建各类棚室"]


def test_who_benefits_is_named_after_the_measure_without_its_verb() -> None:
    # 通化 2026 (held_out_2), 广东 2026
    assert _names("全年发放各类补贴7637.83万元,惠及9.5万户。")[-1] == "补贴惠及"
    assert _names("实施学前一年免费教育政策、惠及168万名儿童。") == ["学前一年免费教育政策惠及儿童"]


def test_dropping_the_area_does_not_make_a_name_short_enough_to_be_a_counted_noun() -> None:
    # 浙江 2026: the milestones after the last figure are no indicator
    names = _names("全省生产总值连续跨越7万亿、8万亿、9万亿三个大台阶，年均增长5.9%。")
    assert names == ["生产总值", "生产总值", "生产总值", "生产总值年均增速"]
    # 安徽 2026: what is new stays with the counted noun once the area is off
    assert _names("全省新增8个国家级临床重点专科。") == ["新增国家级临床重点专科"]


def test_a_total_after_a_list_comma_is_no_parallel_word() -> None:
    # 湖南 2026
    assert _names("新增发电装机4178万千瓦、总装机达9157万千瓦。") == ["新增发电装机", "总装机"]


def test_a_done_verb_after_adverbs_alone_stays() -> None:
    # 广西 2026
    assert _names("如期完成每万城镇常住人口配备18名。") == ["如期完成每万城镇常住人口配备"]


def test_a_bracket_never_opens_or_closes_a_name() -> None:
    # 长葛 2021 (held_out_5): an aside giving last year's figure is context (no record) and no part of the name
    assert _names("重点项目个数(2020年80个)增加36个,增长45%。") == ["重点项目个数增加", "重点项目个数增速"]
    # 三明 2018 (held_out_5): the aside opened after the counted noun is cut by its own figures
    assert _names("全市整治125个村庄(包括63个省级补助村、62个市县级补助村)。") == ["村庄", "省级补助村", "市县级补助村"]
    # a bracket closed inside the name stays
    assert _names("民族自治地方县(市)生产总值增长5%。") == ["民族自治地方县(市)生产总值增速"]


def test_a_year_before_du_is_part_of_the_name() -> None:
    # 长葛 2021 (held_out_5): 2021年度 is no lead year 2021年
    assert _names("2021年度计划投资257亿元。") == ["2021年度计划投资"]
    assert _names("2021年地区生产总值增长6%。") == ["地区生产总值增速"]


def test_a_strength_word_never_ends_a_name() -> None:
    # 三明 2018 (held_out_5): 完成投资力争超过145亿元
    assert _names("完成投资力争超过145亿元。") == ["完成投资"]


def test_a_space_never_ends_a_counted_noun() -> None:
    # 沈北 2021 (held_out_5): 改造中心台桥等 8 座危桥 ,
    assert _names("改造中心台桥等 8 座危桥 , 维修改造农村公路 29.5 公里;") == ["危桥", "维修改造农村公路"]


def test_a_sum_counted_so_far_is_the_projects_named_clauses_before() -> None:
    # 长葛 2021 (held_out_5): 实际累计 says how the sum is counted, not what it is of
    names = _names("今年80个重点项目计划完成年度投资190亿元以上,实际累计完成投资209.37亿元。")
    assert names[-1] == "重点项目完成投资"


def test_a_done_measure_alone_is_of_the_work_the_clause_before_names() -> None:
    # 三明 2018 (held_out_5), 海南 2026: the verb (and its manner) opening that clause is no part of it
    assert _names("开展农村人居环境整治,完成投资25亿元。") == ["农村人居环境整治完成投资"]
    assert _names("城乡民生基础设施建设9大工程全面有序推进,完成投资力争超过145亿元。") == ["城乡民生基础设施建设完成投资"]
    assert _names("推进城市更新立法,大力实施城市更新行动、完成投资220亿元。") == ["城市更新行动完成投资"]
    # with no clause before, or a clause that is no short name, the measure keeps its own name
    assert _names("完成投资25亿元。") == ["完成投资"]
    assert _names("坚持把生态环境保护作为推动高质量发展的重要抓手,完成投资25亿元。") == ["完成投资"]


def test_what_is_new_opens_every_item_of_a_list_in_one_unit() -> None:
    # 三明 2018 (held_out_5), 汉滨 2025 (held_out_2)
    assert _names("新增城市道路180公里、绿道130公里。") == ["新增城市道路", "新增绿道"]
    assert _names("新增一般债券2.3亿元、专项债券6.4亿元。") == ["新增一般债券", "新增专项债券"]
    # a part after 其中 and a measure of its own are no further items
    assert _names("新增铁路运营里程639公里、其中高铁370公里。")[-1] == "高铁运营里程"
    assert _names("新增发电装机4178万千瓦、总装机达9157万千瓦。")[-1] == "总装机"


def test_a_ranking_before_a_list_comma_is_no_listed_subject() -> None:
    # 云南 2026 (held_out_5)
    assert _names("花卉产量全球第一、优质鲜切花占比60%。") == ["优质鲜切花占比"]


def test_leaving_the_poverty_list_goes_before_the_things_counted() -> None:
    # 太湖 2020 (held_out_5): a result with no object, adverbs off
    assert _names("17个贫困村顺利出列。") == ["出列贫困村"]
    assert _names("3个贫困县全部摘帽。") == ["摘帽贫困县"]


def test_a_plan_with_its_own_figure_is_still_the_plan_a_share_is_of() -> None:
    # 荔城 2023 / 开州 2024 (held_out_6, held_out_2): 完成年计划710亿元的 / 占年度任务目标132亿元的
    # the plan's own figure is a record too (a target of the year reported on), the subject's plan; records
    # come in the order their spans start (the share and growth reach back to the subject)
    assert _names("地区生产总值635亿元,完成年计划710亿元的89.4%,增长2.0%。") == [
        "地区生产总值", "地区生产总值年计划完成率", "地区生产总值增速", "地区生产总值年计划"]
    assert _names("重大项目上半年完成投资86.97亿元,占年度任务目标132亿元的65.89%。")[1] == "年度任务目标完成率"
    # 东安 2023 (held_out_6): the plan joined to its figure after a growth is that growth's plan
    assert _names("地区生产总值增长5.9%,排名全市第1位(预期目标为8.5%以上)。")[-1] == "地区生产总值增速"
    # 占 a plan with no figure of its own stays a share, of the plan: 比例 (宁波镇海 2025: 固定资产投资…占年度计划的37%)
    assert _names("固定资产投资完成20亿元,占年度计划的37%。")[-1] == "固定资产投资占年度计划比例"


def test_a_growth_leaves_out_a_reference_year_written_in_figures() -> None:
    # 开州 2024 / 海南 2026 / 广西 2026: 比2023年同期增长 / 较2020年增长
    assert _names("外国人来琼工作人数较2020年增长90%。") == ["外国人来琼工作人数增速"]
    assert _names("有效发明专利比2020年增长58.1%。") == ["有效发明专利增速"]
    # a change keeps what it is measured from (赤字率比上年提高)
    assert _names("赤字率比2024年提高1个百分点。") == ["赤字率比2024年提高"]


def test_plain_figures_after_a_compact_subject_are_its_members_in_turn() -> None:
    # 房县 2024 (held_out_6): no 分别, yet two plain figures after 城乡 / 存贷款 / 粮油 are the members'
    assert _names("城乡居民人均可支配收入36430元、15393元。") == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert _names("粮油产量稳定在11万吨、2.6万吨。") == ["粮食产量", "油料产量"]
    # one total passing two marks is no pair of members
    assert _names("进出口总额接连突破8万亿元、9万亿元。") == ["进出口总额", "进出口总额"]


def test_a_list_naming_nothing_takes_the_members_of_the_list_before() -> None:
    # 房县 2024 / 江苏 2026 / 中宁 2026: …36430元、15393元,同比增长6.2%、8.4%
    assert _names("金融存贷款余额288.42亿元、219.06亿元,同比增长10.5%、14.8%。")[2:] == [
        "金融存款余额增速", "金融贷款余额增速"]
    assert _names("城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%。")[2:] == [
        "城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"]


def test_a_compact_subject_written_with_a_list_comma_inside_is_still_compact() -> None:
    # 新乡 2024 / 海南 2026 / 广西 2026
    assert _names("金融机构存、贷款余额分别增长8.8%、11.9%。") == ["金融机构存款余额增速", "金融机构贷款余额增速"]
    assert _names("一、二、三产业增加值分别增长4.2%、5%、5.4%。") == [
        "第一产业增加值增速", "第二产业增加值增速", "第三产业增加值增速"]
    # a 、 outside the compact word lists subjects of their own (陕西 2026)
    assert _names("对中亚五国、东盟进出口分别增长37.2%、19%。") == ["对中亚五国进出口增速", "东盟进出口增速"]


def test_rates_listed_after_figures_named_one_by_one_are_theirs_in_turn() -> None:
    # 洞头 2016 (held_out_6) / 甘肃 2026 twice: 分别增长 after figures each with its own name
    assert _names("城镇常住居民人均可支配收入达到34674元,农村常住居民人均可支配收入18365元,"
                  "分别同比增长9.3%、10.5%。")[2:] == ["城镇常住居民人均可支配收入增速", "农村常住居民人均可支配收入增速"]
    assert _names("省属企业完成产业类投资553.1亿元、研发投入133.5亿元，分别增长10.6%、10.3%。")[2:] == [
        "省属企业产业类投资增速", "研发投入增速"]
    # one figure named before two rates: no names to share out, the rates stay the one indicator's
    assert _names("地区生产总值5000亿元,分别增长5%、6%。")[1:] == ["地区生产总值增速", "地区生产总值增速"]


def test_examples_before_a_count_leave_the_name_to_the_class_after_it() -> None:
    # 高港 2016 (held_out_4) / 东洲 2025: the class after 等N个 opens with a stage word and is still
    # the things counted, not a predicate
    assert _names("包括龙凤堂物流基地、茂林医疗器械产业园等24个新开工项目。") == ["新开工项目"]
    assert _names("推动隆腾新材料等18个续建项目投产达效,加快建设。") == ["投产达效续建项目"]
    # with no examples a predicate after the figure stays no name (产能1400万吨/年建成试运转)
    assert _names("产能1400万吨/年建成试运转。") == ["产能"]


def test_a_share_named_only_by_its_whole_is_the_earlier_indicators() -> None:
    # 洞头 2016 (held_out_6) / 湖南 2026 / 浙江 2026
    assert _names("全年实现服务业增加值35.47亿元,同比增长11.8%,占GDP比重57.7%。")[-1] == "服务业增加值占GDP比重"
    assert _names("新能源装机达4091万千瓦、占比达44.7%、成为第一大电源。")[-1] == "新能源装机占比"
    assert _names("出口规模突破4万亿元，占全国份额从14%提升到15.5%。")[-1] == "出口规模占全国份额"


def test_a_bare_total_output_is_of_the_crop_named_before() -> None:
    # 咸宁 2021 (held_out_6): 总产 is a sibling measure (data/words.csv), 收获面积 a head it replaces
    assert _names("完成夏粮收获面积20.52万亩,总产3.95万吨。")[-1] == "夏粮总产"


def test_a_total_named_from_the_earlier_indicator_is_the_sentences_indicator() -> None:
    # 新疆 2025: the share after 总规模 is the total's, not a doubled 总规模总规模
    assert _names("新能源并网装机4037万千瓦,总规模突破1亿千瓦、占全疆电力装机50%以上。")[-1] == (
        "新能源并网装机总规模占全疆电力装机比重")


def test_advancing_a_number_of_things_names_the_things() -> None:
    # 丽水 2025 (official gold): 推进 takes the things counted after the figure as its object
    assert _names("滚动推进新一轮80个县城综合承载能力提升项目。") == ["新一轮县城综合承载能力提升项目"]
    # 湖北 2026: examples between the verb and the figure are no part of the name either
    assert _names("推进三峡水运新通道等1.22万个亿元以上新建续建项目。") == ["亿元以上新建续建项目"]


def test_a_light_verb_before_an_activity_is_no_part_of_its_name() -> None:
    # 丽水 2025 (official gold) / 瑶海 2026 (held_out_3): 开展 says only that the activity took place
    assert _names("开展送戏下乡1000场。") == ["送戏下乡"]
    assert _names("特色街区、商业综合体开展各类促销活动400余场次。") == ["各类促销活动"]
    # nothing named after it: the words stay as written
    assert _names("各级各类学校组织开展超5000场次。") == ["各级各类学校组织开展"]


def test_a_service_done_for_the_people_counted_is_named_after_them() -> None:
    # 甘谷 2020 (held_out_4) / 重庆 2026 / 甘肃 2026: 为N名X <实施/进行/开展> Y -> XY
    assert _names("为62户贫困残疾人家庭实施家居无障碍改造工程。") == ["贫困残疾人家庭家居无障碍改造工程"]
    assert _names("为5000名适龄农村妇女免费进行“两癌”检查。") == ["适龄农村妇女免费“两癌”检查"]
    assert _names("为70万妇女免费开展“两癌”筛查。") == ["妇女免费“两癌”筛查"]
    # without 为 the people do it themselves and the verb stays (8个东盟国家开展大模型研发合作)
    assert _names("8个东盟国家开展大模型研发合作。") == ["东盟国家开展大模型研发合作"]


def test_a_word_holding_deng_does_not_end_the_noun_counted() -> None:
    # 云南 2026 (held_out_5) / 广西 2026: 高等级 / 等级 are words, not the 等 closing examples
    # (全部 between the subject and its predicate is dropped: no gold name holds 全部)
    assert _names("78个民族自治地方县(市)全部通高等级公路。") == ["民族自治地方县(市)通高等级公路"]
    assert _names("“桦加沙”等15个台风等灾害。") == ["台风"]

def test_respectively_before_a_comparison_leaves_each_growth_its_members() -> None:
    # 汕头 2010 (held_out_8): 存、贷款余额分别为…,分别比年初增长; 贵州 2026 writes 分别较“十三五”时期下降
    assert _names("金融机构本外币存、贷款余额分别为1623.06亿元和570.47亿元,分别比年初增长18.8%、33.7%。")[2:] == [
        "金融机构本外币存款余额增速", "金融机构本外币贷款余额增速"]
    assert _names("接待游客17.52亿人次、旅游花费1.27万亿元,分别比上年增长32.9%、41.6%。")[2:] == [
        "接待游客增速", "旅游花费增速"]


def test_the_scope_and_its_result_verb_open_no_name() -> None:
    # 西藏 2026 (held_out_7): 全区实现生产总值; 泰顺 2025 (held_out_3): 上半年,全县实现地区生产总值
    assert _names("2025年全区实现生产总值3031.89亿元,同比增长7%。") == ["生产总值", "生产总值增速"]
    assert _names("上半年,全县实现地区生产总值80.8亿元。") == ["地区生产总值"]
    # inside a name the verb stays: 通过公共网络实现零售额 (annotated gold)
    assert _names("通过公共网络实现零售额增长22.9%。") == ["通过公共网络实现零售额增速"]


def test_a_period_before_the_area_is_scope_too() -> None:
    # 崇信 2017 (held_out_7): 上半年全县地区生产总值; 鄞州 2026 (held_out_3): 全年全区地区生产总值
    assert _names("上半年全县地区生产总值完成11.3亿元,同比增长9.3%。") == ["地区生产总值", "地区生产总值增速"]
    assert _names("全年全区地区生产总值3201.9亿元、增长4.8%。") == ["地区生产总值", "地区生产总值增速"]
    # a period alone stays: 第一季度固定资产投资 (held_out_4 gold)
    assert _names("上半年规模以上工业增加值增长5%。") == ["上半年规模以上工业增加值增速"]


def test_a_crop_measure_written_bare_is_of_the_crop_named_before() -> None:
    # 通城 2024 (held_out_7): 粮食种植面积…,超计划…,产量达到; 广东 2026: 粮食播种面积3320万亩、产量1285万吨
    assert _names("全年粮食种植面积45.43万亩,超计划0.65万亩,产量达到17.2万吨,同比增长1.41%。") == [
        "粮食种植面积", "粮食种植面积超计划", "粮食产量", "粮食产量增速"]
    assert _names("实现粮食播种面积3320万亩、产量1285万吨以上。") == ["粮食播种面积", "粮食产量"]


def test_beating_the_plan_is_the_earlier_indicators() -> None:
    # 甘肃 2026: 304个省列重大项目完成投资2929亿元、超年度计划28%
    assert _names("304个省列重大项目完成投资2929亿元、超年度计划28%。")[-1] == "省列重大项目完成投资超年度计划"
    # a schedule is not a plan: 超序时 stays its own (开州 2024, held_out_2 gold 超序时进度)
    assert _names("已开工建设项目完成投资6.72亿元,完成年度计划的85.24%,超序时15个百分点。")[-1] == "超序时"


def test_a_share_of_a_plan_is_its_proportion_a_share_of_a_whole_its_weight() -> None:
    # 崇信 2017 (held_out_7): 占年计划的41.8%; 长葛 2021 (held_out_5): 占年度计划投资的105.3%;
    # 廊坊 2022 (held_out_7): 占调整预算的100.4%
    assert _names("地区生产总值完成11.3亿元,占年计划的41.8%。")[-1] == "地区生产总值占年计划比例"
    assert _names("重点项目完成投资52亿元,占年度计划投资的105.3%。")[-1] == "重点项目完成投资占年度计划投资比例"
    assert _names("一般公共预算收入完成341.5亿元,占调整预算的100.4%。")[-1] == "一般公共预算收入占调整预算比例"
    # a whole that only holds a plan word is a whole (丽水 2025 / 广东 2026), as is a region's total (新疆 2025)
    assert _names("民生支出占一般公共预算支出的三分之二以上。") == ["民生支出占一般公共预算支出比重"]
    assert _names("新能源装机4440万千瓦,占全疆电力装机50%以上。")[-1] == "新能源装机占全疆电力装机比重"


def test_a_place_opening_the_clause_with_its_year_or_plan_is_the_topic_not_the_name() -> None:
    # 五莲 2013 (held_out_13), 河北 2023 (held_out_12), 贵州 2015 (held_out_10), 清涧 2022 (held_out_4)
    assert _names("经初步预计,温州市2012年全年实现生产总值163亿元,比上年增长13%。") == ["生产总值", "生产总值增速"]
    assert _names("预计浙江2022年生产总值增长3.8%左右。") == ["生产总值增速"]
    assert _names("2015年,浙江省计划地区生产总值突破1万亿元。") == ["地区生产总值"]
    assert _names("2013年,丽水市计划招引20个以上过亿项目。") == ["过亿项目"]
    # a place followed by the name itself is the subject's (房县 2024: 房县黄酒…品牌价值)
    assert _names("丽水香茶品牌价值达13.28亿元。") == ["丽水香茶品牌价值"]


def test_a_month_end_opening_the_clause_is_no_part_of_the_name() -> None:
    # 天门 2021 (held_out_11): 到6月底全市“四上”企业复工率达到97.7%
    assert _names("到6月底全市规上企业复工率达到97.7%。") == ["规上企业复工率"]


def test_lead_words_before_listed_members_are_no_part_of_the_first_members_name() -> None:
    # 陕西 2026 (dev_gold: 全年交通、水利投资), 贵州 2026 (annotated: 其中一二三产增加值), 吉林 2026
    # (annotated), 陕西 2019 (held_out_12): the lead words were kept, or the first member lost, when the
    # list's opening was looked for at an offset of the text
    assert _names("投资结构优化。全年交通、水利投资分别达到845亿元、486.3亿元。") == ["交通投资", "水利投资"]
    assert _names("工业向好。其中高技术产业、装备制造业分别增长14.2%、12.3%。") == ["高技术产业增速", "装备制造业增速"]


def test_a_verb_after_lead_words_still_opens_the_words() -> None:
    from flows.extract.quantities import _opens_with_verb
    assert _opens_with_verb("其中建成高速公路") == 4
    assert _opens_with_verb("建成高速公路") == 2
    assert _opens_with_verb("其中高速公路") == 0


def test_a_share_marked_as_shared_is_each_listed_subjects() -> None:
    # 二道江 2022 (held_out_11): 均 before a share and its whole, further from the figure than a verb
    assert _names("工业结构调整。钢铁、化工产值均占全区规上工业总产值10%以上。") == [
        "钢铁产值占全区规上工业总产值比重", "化工产值占全区规上工业总产值比重"]


def test_a_shared_rate_after_listed_figures_is_each_figures_growth() -> None:
    # 天全 2023 (held_out_11): 营业收入…、税收…,增幅均超过32% -> a growth of each
    names = _names("全年实现营业收入12.5亿元、税收1.3亿元,增幅均超过20%。")
    assert names[-2:] == ["营业收入增速", "税收增速"]
    # one figure before: the rate is the sentence's indicator's, as before
    assert _names("全年实现营业收入12.5亿元,增幅达到20%。")[-1] == "营业收入增速"


def test_a_growth_target_named_before_its_figure_is_the_indicators_growth() -> None:
    # 广西 2021 (held_out_12): 全区生产总值增长目标为7.5%以上; 泉州 2023 (held_out_10) writes 增长目标(7%)
    assert _names("2021年全区生产总值增长目标为7.5%以上。") == ["生产总值增速"]


def test_a_count_after_a_conjunction_counts_the_noun_after_it() -> None:
    # 云南 2023 (held_out_9: …5G基站和79个县级应急广播系统), 辉南 2020 (held_out_5), 甘肃 2026 (annotated)
    assert _names("改造建设100个乡镇养老服务中心和300个村级互助幸福院。")[-1] == "村级互助幸福院"
    # 惠及 ends with 及 but is a verb: the measure stays in the name, as before
    assert _names("育儿补贴惠及124万名婴幼儿。")[0].startswith("育儿补贴惠及")


def test_an_estimate_before_the_done_or_result_verb_is_no_part_of_the_name() -> None:
    # 钟楼 2021 (held_out_3: 1-7月预计完成投资), 沈北 2021 (held_out_5: 全年预计实现地区生产总值增长), 魏县 2023 (held_out_10)
    assert _names("项目推进有力。1-7月预计完成投资28.05亿元。") == ["1-7月完成投资"]
    assert _names("经济回升。全年预计实现地区生产总值增长1%。") == ["地区生产总值增速"]


def test_a_code_opening_the_noun_after_a_count_is_part_of_it() -> None:
    # 云南 2023 (held_out_9): 建成6.6万个5G基站和79个县级应急广播系统
    assert _names("信息基础设施提升。全年建成6.6万个5G基站和79个县级应急广播系统。") == ["5G基站", "县级应急广播系统"]


def test_a_bare_total_after_a_crops_growth_in_output_is_the_crops() -> None:
    # 新疆 2025 (held_out_6): 粮食增产42.2亿斤,总产466亿斤; 增产 is a measure head as in 山西 2024's 煤炭增产
    assert _names("农业丰收。全区粮食增产42.2亿斤,总产466亿斤。") == ["粮食增产", "粮食总产"]


# Indicator-name agreement of matched targets and achievements (../shared/score.py) on the held-out sets,
# a little under the figures after this round's fixes (issue 12; branch names7 raised held_out_4, 6, 9, 10, 11, 12 and added 13;
# branch names8 raised 7 and 12 and added 14 and 15; held_out_14 sits at 0.91: merged with targets11,
# which matches 江西 2017's review figures with their imperfect names, it scores 152/165 = 0.921), so a rule that loses them fails here;
# targets12 matched 武穴's 13 task items and 隆德's 4 estimates with their imperfect names (held_out_16 145/181 -> 154/198),
# and names9 raised 2, 5, 9, 13, 14 and 16 (held_out_14 158/165; held_out_16 with both 166/198).
# targets13 matched 新宾's 16 review figures of held_out_19 with their imperfect names (64/78 -> 67/94).
NAME_FLOORS = {"held_out_2": 0.87, "held_out_3": 0.90, "held_out_4": 0.82, "held_out_5": 0.92, "held_out_6": 0.895,
               "held_out_7": 0.915, "held_out_8": 0.95, "held_out_9": 0.90, "held_out_10": 0.875, "held_out_11": 0.88,
               "held_out_12": 0.92, "held_out_13": 0.94, "held_out_14": 0.94, "held_out_15": 0.92,
               "held_out_16": 0.83, "held_out_17": 0.70, "held_out_18": 0.82,
               "held_out_19": 0.70, "held_out_20": 0.81}


@pytest.mark.parametrize("name", NAME_FLOORS)
def test_indicator_names_agree_with_the_held_out_gold(name: str, tmp_path: Path) -> None:
    folder = HERE / name
    pred = _predict(folder, tmp_path / "pred.jsonl")
    out = subprocess.run([sys.executable, str(SCORER), str(folder / "gold"), str(folder / "reports"), str(pred)],
                         capture_output=True, text=True, check=False).stdout
    agree = re.search(r"indicator names agree on (\d+)/(\d+)", out)
    assert agree and int(agree.group(1)) / int(agree.group(2)) >= NAME_FLOORS[name], out[-300:]


def test_a_space_after_the_joining_mark_still_lists_the_figures() -> None:
    # 天津 2013 (held_out_14): 城乡居民收入年均分别增长12.6%和 12.1%, the page's space before the second figure
    assert _names("城乡居民收入年均分别增长12.6%和 12.1%,价格总水平保持基本稳定。") == [
        "城镇居民收入年均增速", "农村居民收入年均增速"]


def test_a_share_noun_written_after_the_whole_ends_the_whole() -> None:
    # 浙江 2023 (held_out_15): 确保出口占全国份额保持在14.5%左右; 份额 is the share's noun, 保持在 the figure's verb
    assert _names("确保出口占全国份额保持在14.5%左右。") == ["出口占全国份额"]
    assert _names("出口占全国比重保持在14.5%左右。") == ["出口占全国比重"]


def test_figures_measured_against_listed_references_are_each_the_gap_to_one() -> None:
    # 银川 2025 (held_out_7) with its subject; 西宁 2016 (held_out_14) after an average growth, its two
    # wholes written without a mark between them
    assert _names("城镇化率分别高于全国、全区16.6、15.5个百分点。") == ["城镇化率高于全国", "城镇化率高于全区"]
    assert _names("地区生产总值年均增长13.7%,分别高于全国全省5.9和2.9个百分点。") == [
        "地区生产总值年均增速", "地区生产总值年均增速高于全国", "地区生产总值年均增速高于全省"]


def test_points_after_a_growth_name_the_rate_as_the_growth_was_named() -> None:
    assert _names("地区生产总值年均增长13.7%,高于全国5.9个百分点。")[-1] == "地区生产总值年均增速高于全国"
    assert _names("地区生产总值增长8%,高于全国1.1个百分点。")[-1] == "地区生产总值增速高于全国"


def test_modifiers_as_long_as_one_another_share_the_last_members_head() -> None:
    # 山东 2016 (held_out_14) and 甘肃 2026 (城市、县城建成区面积分别提高…)
    assert _names("常住和户籍人口城镇化率分别达到59%和49%。") == ["常住人口城镇化率", "户籍人口城镇化率"]
    assert _names("城市、县城建成区面积分别提高8.3%、5%。") == ["城市建成区面积提高", "县城建成区面积提高"]
    assert _names("接待游客人次、游客总花费分别增长10.4%、10.2%。") == ["接待游客人次增速", "游客总花费增速"]


def test_continuing_before_the_verb_is_no_part_of_the_name() -> None:
    # 安徽 2025 (held_out_14) and 湖北 2026 (held_out_3): 继续 as 持续, a trailing word
    assert _names("汽车产量继续保持40%以上增长。") == ["汽车产量"]
    assert _names("粮食产量继续保持500亿斤以上。") == ["粮食产量"]


def test_a_sum_after_a_semicolon_is_of_the_projects_the_statement_named() -> None:
    # 陕西 2015 (held_out_14): …重点建设项目个数将超过370个,总投资超过2万亿元;年度投资2800亿元左右。
    names = _names("重点建设项目个数将超过370个,总投资超过2万亿元;年度投资2800亿元左右。")
    assert names[-2:] == ["重点建设项目总投资", "重点建设项目年度投资"]
    assert _names("全年接待游客1000万人次。年度投资2800亿元。")[-1] == "年度投资"  # a full stop ends the statement


def test_a_verb_led_class_of_projects_after_a_count_is_the_counted_noun() -> None:
    # 山西 2023 (held_out_15): 加快推进10个续建高速公路项目 (续建 opens the class, not a predicate)
    assert _names("加快推进10个续建高速公路项目。") == ["续建高速公路项目"]
    assert _names("产能1400万吨/年建成试运转。") == ["产能"]  # a verb-led predicate stays no name


def test_a_stage_alone_after_things_named_before_their_stage_keeps_that_order() -> None:
    # 诏安 2023 (held_out_15): 工业项目新开工110个、竣工投产60个; the stage-first order stays as it was
    assert _names("工业项目新开工110个、竣工投产60个。") == ["工业项目新开工", "工业项目竣工投产"]
    assert _names("新开工项目20个、建成投产15个。") == ["新开工项目", "建成投产项目"]


def test_a_time_word_opening_the_clause_before_its_topic_is_no_part_of_the_name() -> None:
    # 江西 2015 (held_out_16): the time and the place's plan word frame the group and its total
    assert _names("明年湖北计划安排重大项目560个,总投资约1万亿元。")[-1] == "重大项目总投资"
    assert _names("年内新增城镇就业5万人。") == ["新增城镇就业"]
    assert _names("明年城镇新增就业5万人。") == ["城镇新增就业"]


def test_grown_to_a_level_is_no_part_of_what_grew() -> None:
    # 镇赉 2023 (held_out_16), 全椒 2022 (held_out_13), 穆棱 2023 (held_out_10): 发展到 N
    assert _names("全县肉牛发展到11.0万头,羊发展到51.0万只。") == ["肉牛", "羊"]
    assert _names("规上企业从153家发展到268家。") == ["规上企业"]
    assert _names("农业产业化龙头企业发展到7家。") == ["农业产业化龙头企业"]
    # 甘肃 2025 (held_out_16), 甘肃 / 安徽 / 海南 2026 (corpus): 连跨 N 个台阶, 连续跨越 contracted
    assert _names("全省地区生产总值连跨4个千亿台阶,2024年达到1.3万亿元、增长5.8%。") == ["地区生产总值", "地区生产总值增速"]


def test_what_is_new_before_examples_keeps_the_new_word_not_the_examples() -> None:
    # 云南 2023 (held_out_9): 新开工滇中引水二期骨干工程等100件以上重点水网工程
    assert _names("新开工引水二期骨干工程等100件以上重点水网工程。") == ["新开工重点水网工程"]
    assert _names("新增北京等3个试点城市。") == ["新增试点城市"]


def test_a_class_word_after_examples_closing_a_list_goes_with_every_member() -> None:
    # 进贤 2019 (held_out_16): 医疗器械、钢构网架、文化用品、电子信息等行业产值分别增长…
    assert _names("医疗器械、钢构网架、电子信息等行业产值分别增长7.9%、15.7%、10%。") == [
        "医疗器械行业产值增速", "钢构网架行业产值增速", "电子信息行业产值增速"]
    # a class named at length gives its measure head alone
    assert _names("小麦、玉米等粮食作物产量分别达到5万吨、6万吨。") == ["小麦产量", "玉米产量"]


def test_a_rate_named_bare_after_a_growth_is_that_growths_rate() -> None:
    # 山东 2025 (held_out_14: 增速高于全国), 甘肃 2019 (held_out_16: 增速比上年提高)
    assert _names("实现地区生产总值9.86万亿元、增长5.7%,增速高于全国0.7个百分点。")[-1] == "地区生产总值增速高于全国"
    assert _names("工业增加值增长6%,增幅比上年提高2个百分点。")[-1] == "工业增加值增幅比上年提高"
    # with no growth before it, the rate stays as written
    assert _names("增速比上年提高2.7个百分点。") == ["增速比上年提高"]


def test_a_figure_after_its_kind_verb_inside_the_words_closes_an_earlier_indicator() -> None:
    # 合肥 2022 (held_out_9): a page that lost the marks between its headline figures
    names = _names("规上工业增加值增长19%左右固定资产投资增长3.5%左右社消零总额增长11%以上城镇登记失业率2.81%。")
    assert names[-1] == "城镇登记失业率"
    assert names[:2] == ["规上工业增加值增速", "固定资产投资增速"]
    # a threshold inside a noun stays part of it
    assert _names("5亿元以上项目5个。") == ["5亿元以上项目"]


def test_a_stage_reached_before_examples_of_the_things_counted_stays_in_the_name() -> None:
    # 江西 2015 (held_out_16: 重点开工建设…等13条高速公路), 江西 2017 (held_out_14), 重庆 2026 (annotated)
    assert _names("重点开工建设宁都至定南等13条高速公路。") == ["开工建设高速公路"]
    assert _names("建成东乡至昌傅等12条高速公路。") == ["建成高速公路"]
    assert _names("建成投用重庆东站、渝湘复线高速等340个市级重点项目。") == ["建成投用市级重点项目"]
    # a verb of work going on, or building in general, names no stage reached (沈北 2021, held_out_5)
    assert _names("建设蒲满路等10条市政道路。") == ["市政道路"]


def test_the_attributive_de_closes_no_name() -> None:
    # 开州 2024 (held_out_2: 已开工建设的100个重大项目), 四川 2009 (held_out_16), 广州 2013 (held_out_9)
    assert _names("已开工建设的100个重大项目。") == ["已开工建设重大项目"]
    assert _names("完成灾后重建主要目标任务的72%。") == ["灾后重建主要目标任务"]
    assert _names("完成年度计划投资的33%。") == ["年度计划投资"]
    # a plan's completion keeps its own name
    assert _names("固定资产投资完成1200亿元,为年度计划的102.3%。")[-1] == "固定资产投资年度计划完成率"


def test_a_task_noun_after_an_attribute_stays_in_the_qualitative_name() -> None:
    # 山东 2016 (held_out_14), 山东 2013 (held_out_12), 甘肃 2026 (annotated): …约束性指标 / …约束性目标
    from flows.extract.qualitative import qualitative_clauses

    def named(text: str) -> list[str]:
        return [name for _, _, name in qualitative_clauses(text, 0, len(text))]

    assert named("全面完成国家下达的年度节能减排约束性指标。") == ["年度节能减排约束性指标"]
    # with no attribute before it the task noun is no part of the names
    assert named("完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务。") == ["粮食生产", "单位生产总值二氧化碳减排"]
    assert named("完成能耗强度降低和煤炭消费压减任务。") == ["能耗强度降低", "煤炭消费压减"]


def test_a_share_naming_no_whole_is_of_the_whole_the_sentence_opens_on() -> None:
    # 叶县 2024 (held_out_14): 在规上工业增加值中,制造业增加值占90.6%,战略性新兴产业增加值占44%
    assert _names("在规上工业增加值中,制造业增加值占90.6%,战略性新兴产业增加值占44%。") == [
        "制造业增加值占规上工业增加值比重", "战略性新兴产业增加值占规上工业增加值比重"]
    # without the frame the share stays as written
    assert _names("对共建国家投资占50%。") == ["对共建国家投资占"]


def test_points_naming_nothing_after_a_list_of_growths_are_those_growths_gaps() -> None:
    # 西宁 2016 (held_out_14: 城乡居民人均收入年均分别增长…,高于全国0.1和2.2个百分点), 吉林 2020 (held_out_13)
    assert _names("城乡居民人均收入年均分别增长10.8%和14.9%,高于全国0.1和2.2个百分点。")[2:] == [
        "城镇居民人均收入年均增速高于全国", "农村居民人均收入年均增速高于全国"]
    # listed references still name the gaps of one growth
    assert _names("地区生产总值年均增长13.7%,分别高于全国全省5.9和2.9个百分点。")[1:] == [
        "地区生产总值年均增速高于全国", "地区生产总值年均增速高于全省"]


def test_a_stage_reached_with_an_object_after_a_counted_noun_is_its_predicate() -> None:
    # 云南 2026 (held_out_5): 374个沿边行政村全部建成边境幸福村
    assert _names("374个沿边行政村全部建成边境幸福村。") == ["建成边境幸福村的沿边行政村"]
    # stages alone keep their own naming
    assert _names("12个项目建成投产。") == ["建成投产项目"]
