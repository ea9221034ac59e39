from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract.keys import record_ids
from flows.extract.mentions import MENTION_RE
from flows.extract.quantities import _Claimed, _overlaps, extract_quantities
from flows.ingest import ingest_bytes

from .corpus import REPORTS, corpus_doc, gold_records, quantities

_REVIEW_AND_PLAN = (
    "一、2024年工作回顾\n"
    "过去一年,全市生产总值增长5.5%,城镇新增就业1.2万人。\n"
    "二、2025年工作任务\n"
    "确保城镇新增就业2万人以上,城镇登记失业率控制在3%以内。\n"
)


def figures(text: str, **kw) -> list[tuple[float | None, str, str]]:
    return [(r.value, r.unit, r.comparator) for r in quantities(text, **kw) if r.comparator != "qualitative"]


def test_review_section_gives_achievements_of_the_previous_year() -> None:
    recs = quantities(_REVIEW_AND_PLAN, plan_year=2025)
    review = [r for r in recs if r.value in (5.5, 1.2)]
    assert {(r.type, r.year) for r in review} == {("achievement", 2024)}


def test_planning_section_gives_targets_of_the_plan_year() -> None:
    recs = quantities(_REVIEW_AND_PLAN, plan_year=2025)
    plan = [r for r in recs if r.value in (2, 3)]
    assert {(r.type, r.year) for r in plan} == {("target", 2025)}


def test_page_without_review_section_is_all_targets() -> None:
    recs = quantities("(四)推进开放合作。新增跨境电商独立站20个,跨境电商主体100家。", plan_year=2025)
    assert [(r.type, r.year, r.value) for r in recs] == [("target", 2025, 20), ("target", 2025, 100)]


def test_strength_word_is_a_flag_not_a_comparator() -> None:
    (r,) = quantities("确保粮食总产量达到8.32亿斤。")
    assert (r.strength, r.comparator, r.value_base, r.base_unit) == ("确保", "=", 416_000, "吨")


def test_absent_strength_is_none() -> None:
    (r,) = quantities("新增农创客1000人。")
    assert r.strength is None


@pytest.mark.parametrize("text", [
    "空港园区二期建设。", "办好第七届侨博会。", "一是提升开放势能。", "“十四五”期间全市规划。",
    "2025年3月5日召开会议。", "全力夺取全省第一。", "建成濠洲一龙南220千伏线路工程。", "打造“四好农村路”2.0版。",
    "地级及以上城市细颗粒物(PM2.5)平均浓度。", "建成G322景宁段改建工程。", "重点抓好以下14个方面的工作。",
    "浙西南革命根据地成立90周年。", "办好十方面民生实事。", "为60岁以上老年人提供服务。",
])
def test_non_quantities_give_no_record(text: str) -> None:
    assert figures(text) == []


def test_phase_number_is_not_a_quantity() -> None:
    assert figures("开工建设青田舒海复合式光伏发电(二期)等项目。") == []


def test_threshold_inside_a_noun_is_not_a_record() -> None:
    assert figures("招引先进制造业总投资额1500万美元以上外资项目10个以上。") == [(10, "个", ">=")]


def test_threshold_with_no_following_figure_is_the_figure() -> None:
    assert figures("建设177家以上粮食应急供应网点。") == [(177, "家", ">=")]


def test_fenbie_list_gives_one_record_per_figure() -> None:
    recs = quantities("高技术制造业、装备制造业增加值分别增长8.9%、7.7%。")
    assert [(r.value, r.kind) for r in recs] == [(8.9, "growth"), (7.7, "growth")]


def test_fenbie_leading_comparator_covers_every_figure() -> None:
    assert figures("城镇和农村居民人均可支配收入分别超过8万元、4.5万元。") == [(8, "万元", ">"), (4.5, "万元", ">")]


def test_fenbie_closing_about_covers_every_figure() -> None:
    assert figures("交通、水利投资额分别达2400亿元、450亿元左右。") == [(2400, "亿元", "~"), (450, "亿元", "~")]


def test_one_figure_shared_by_listed_indicators_is_one_record_each() -> None:
    recs = quantities("今年主要目标：小麦、水果、茶叶产量均稳定在50万吨以上。")
    assert [(r.indicator, r.value_base, r.base_unit, r.comparator) for r in recs] == [
        ("小麦产量", 500000.0, "吨", ">="), ("水果产量", 500000.0, "吨", ">="), ("茶叶产量", 500000.0, "吨", ">=")]
    # the same figure, span, kind, type and period; keys still tell the records apart
    assert len({(r.start, r.end, r.kind, r.type, r.year, r.unit) for r in recs}) == 1
    assert len(set(record_ids("doc", recs))) == 3


def test_fenbie_before_one_figure_shares_it_with_every_listed_indicator() -> None:
    recs = quantities("今年主要目标：外贸进出口额、引进省外资金分别增长15%左右。")
    assert [(r.indicator, r.value, r.comparator, r.kind) for r in recs] == [
        ("外贸进出口额增速", 15, "~", "growth"), ("引进省外资金增速", 15, "~", "growth")]


def test_shared_figure_records_span_the_whole_list() -> None:
    text = "今年主要目标：存款余额和贷款余额都增长9%。"
    recs = quantities(text)
    assert [r.indicator for r in recs] == ["存款余额增速", "贷款余额增速"]
    assert {text[r.start:r.end] for r in recs} == {"存款余额和贷款余额都增长9%"}


def test_examples_of_one_class_sharing_a_figure_stay_one_record() -> None:
    recs = quantities("今年主要目标：光伏组件、储能电池等新能源产品产量均增长12%以上。")
    assert [(r.indicator, r.value) for r in recs] == [("新能源产品产量增速", 12)]


def test_a_count_of_the_noun_after_a_shared_marker_is_one_record() -> None:
    recs = quantities("去年，职业院校、技工学校均实现12个县区全覆盖。")
    assert len([r for r in recs if r.value == 12]) == 1


def test_average_growth_is_no_shared_figure_marker() -> None:
    recs = quantities("今年主要目标：农村居民人均可支配收入年均增长7%。")
    assert len(recs) == 1


def test_a_unit_written_once_after_a_fenbie_list_is_every_figures() -> None:
    recs = quantities("去年，城镇和农村居民人均可支配收入分别达到41230、20115元。")
    assert [(r.indicator, r.value_base, r.base_unit) for r in recs] == [
        ("城镇居民人均可支配收入", 41230, "元"), ("农村居民人均可支配收入", 20115, "元")]


def test_a_magnitude_written_once_after_a_fenbie_list_scales_every_figure() -> None:
    assert figures("去年，甲、乙、丙三区生产总值分别达21.5、18.25、9.6亿元。") == [
        (21.5, "亿元", "="), (18.25, "亿元", "="), (9.6, "亿元", "=")]


def test_years_before_a_fenbie_figure_take_no_unit() -> None:
    assert figures("2019、2020年分别增长5%。") == [(5, "%", "=")]


def test_breakthrough_then_reach_gives_two_records() -> None:
    assert figures("撬动有效投资突破1200亿元、达到1300亿元。") == [(1200, "亿元", ">"), (1300, "亿元", "=")]


def test_from_x_to_y_records_only_y() -> None:
    recs = quantities("一、2024年工作回顾\n收入倍差从1.96缩小至1.81。\n二、2025年工作任务\n", plan_year=2025)
    assert [(r.value, r.kind, r.type) for r in recs] == [(1.81, "ratio", "achievement")]


def test_change_over_last_year_is_its_own_change_record() -> None:
    recs = quantities("赤字规模5.66万亿元、比上年增加1.6万亿元。")
    assert [(r.value, r.kind) for r in recs] == [(5.66, "amount"), (1.6, "change")]


@pytest.mark.parametrize("text, kind", [
    ("农林牧渔业增加值增长4%。", "growth"), ("居民消费价格涨幅2%左右。", "growth"),
    ("单位国内生产总值能耗降低3%左右。", "change"), ("比重提高0.8个百分点以上。", "change"),
    ("常住人口城镇化率达到66.2%以上。", "level"), ("优良天数比例上升至87.2%。", "level"),
    ("城乡收入倍差缩小至1.86以内。", "ratio"), ("新增农创客1000人。", "count"), ("到位资金100亿元以上。", "amount"),
    ("亩产提升10.1斤。", "change"), ("化学需氧量减排2%。", "change"), ("覆盖面扩大到90%。", "level"),
])
def test_kind_follows_verb_and_unit(text: str, kind: str) -> None:
    (r,) = quantities(text)
    assert r.kind == kind


def test_claimed_spans_are_skipped() -> None:
    text = "实施交通项目53个,总投资974亿元,带动全市交通领域投资200亿元。"
    claimed = [(0, text.index(",带动"))]
    assert [r.value for r in quantities(text, claimed=claimed)] == [200]


def test_full_coverage_reads_as_one_hundred_percent() -> None:
    (r,) = quantities("实现行政村全覆盖。")
    assert (r.value_base, r.base_unit, r.comparator, r.kind) == (100, "%", "=", "level")


_TARGETS_PARAGRAPH = (
    "今年发展主要预期目标是:国内生产总值增长5%左右;居民收入增长和经济增长同步;国际收支保持基本平衡;"
    "单位国内生产总值能耗降低3%左右,生态环境质量持续改善。\n"
    "要推动生态环境质量持续改善。\n"
)


def test_qualitative_targets_come_from_the_main_targets_paragraph_only() -> None:
    recs = [r for r in quantities(_TARGETS_PARAGRAPH) if r.comparator == "qualitative"]
    assert [r.indicator for r in recs] == ["居民收入增长", "国际收支", "生态环境质量"]
    assert all(r.end <= _TARGETS_PARAGRAPH.index("\n") for r in recs)


def test_a_plan_reports_indicator_list_is_read_as_its_main_targets_paragraph() -> None:
    # 高邮市2021年计划报告 (tests/extract/held_out_2): 指标体系安排 lists the year's targets
    text = "周建峰在报告中提出了2021年全市经济社会高质量发展指标体系安排,具体为:地区生产总值增长6.5%左右;进出口总额保持正增长;居民人均可支配收入与经济增长保持同步。\n"
    assert [r.indicator for r in quantities(text) if r.comparator == "qualitative"] == ["进出口总额", "居民人均可支配收入"]


def test_record_span_covers_indicator_and_value() -> None:
    text = "确保城镇新增就业人数2万人以上,城镇登记失业率控制在3%以内。"
    spans = [text[r.start:r.end] for r in quantities(text)]
    assert spans == ["城镇新增就业人数2万人以上", "城镇登记失业率控制在3%以内"]


def test_count_before_its_noun_spans_the_noun() -> None:
    text = "打造9条美丽大花园品质提升示范带。"
    (r,) = quantities(text)
    assert (text[r.start:r.end], r.indicator) == ("打造9条美丽大花园品质提升示范带", "美丽大花园品质提升示范带")


def test_restated_target_is_kept_once() -> None:
    text = "主要预期目标是:城镇调查失业率5.5%左右。\n城镇调查失业率5.5%左右,体现了稳就业的要求。\n"
    assert len([r for r in quantities(text) if r.value == 5.5]) == 1


# --- against the hand-annotated gold -------------------------------------------------------------

def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def _matches(gold: dict, rec, doc_flat: str) -> bool:
    g, p = _flat(gold["text"]), _flat(rec.text)
    if not p or gold["type"] != rec.type:
        return False
    gi = doc_flat.find(g)
    pi = doc_flat.find(p)
    while gi >= 0:
        qi = pi
        while qi >= 0:
            if qi < gi + len(g) and gi < qi + len(p):
                return True
            qi = doc_flat.find(p, qi + 1)
        gi = doc_flat.find(g, gi + 1)
    return False


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _field_agreement(stem: str) -> tuple[int, int]:
    from flows.extract import extract_document

    doc = corpus_doc(stem)
    recs = [r for r in extract_document(doc) if r.type in ("target", "achievement")]
    doc_flat = _flat(doc.original)
    golds = [g for g in gold_records(stem) if g["type"] in ("target", "achievement")]
    agree = 0
    for g in golds:
        cands = [r for r in recs if _matches(g, r, doc_flat)]
        ok = any(
            (_same(r.value_base, g.get("value_base")) and _same(r.value_base_min, g.get("value_base_min"))
             and _same(r.value_base_max, g.get("value_base_max")) and (r.base_unit or "") == (g.get("base_unit") or "")
             and (r.unit or "") == (g.get("unit") or "") and _same(r.value, g.get("value"))
             and (g["comparator"] == "?" or r.comparator == g["comparator"])
             and r.kind == g["kind"] and r.year == g["year"])
            for r in cands
        )
        agree += ok
    return agree, len(golds)


@pytest.mark.parametrize("stem", ["lishui_2025_plan_report_part2", "national_2025_gwr", "zhejiang_2026_gwr"])
def test_gold_records_agree_on_value_unit_comparator_kind_and_year(stem: str) -> None:
    agree, total = _field_agreement(stem)
    assert total and agree / total >= 0.95, f"{agree}/{total}"


@pytest.mark.parametrize("text", [
    "每10万人刑事案件数下降。", "为全省0—6岁儿童提供服务。", "人均地区生产总值从2020年的10.5万元提高到14万元。",
    "三次产业比重为4.0∶37.7∶58.3。", "加快推动一二三次产业融合。",
])
def test_context_figures_are_not_records(text: str) -> None:
    assert all(r.value != 10.5 and r.value_base_max != 6 for r in quantities(text))
    assert all(r.value not in (10, 4.0, 37.7, 58.3, 123) for r in quantities(text))


def test_five_year_plan_goals_are_due_at_the_plans_end() -> None:
    text = "二、“十五五”时期的主要目标\n地区生产总值年均增长5%左右。\n三、2026年重点工作\n城镇新增就业120万人。\n"
    recs = quantities(text, plan_year=2026)
    assert [(r.value, r.year) for r in recs] == [(5, 2030), (120, 2026)]


def test_due_year_in_the_sentence_wins() -> None:
    (r,) = quantities("到2027年,建成未来工厂100家。", plan_year=2025)
    assert r.year == 2027


def test_ratio_against_one_keeps_its_first_term() -> None:
    (r,) = quantities("城乡居民收入比缩小至2.27:1。")
    assert (r.value, r.base_unit) == (2.27, "")


def test_paragraph_opening_with_last_year_looks_back_without_headings() -> None:
    recs = quantities("过去一年,地区生产总值增长5%。\n今年,地区生产总值增长6%左右。\n", plan_year=2025)
    assert [(r.type, r.year) for r in recs] == [("achievement", 2024), ("target", 2025)]


def test_qualitative_income_target_with_jiben_tongbu() -> None:
    recs = quantities("主要预期目标是:居民收入增长与经济增长基本同步;粮食产量保持稳定。\n")
    assert [(r.indicator, r.comparator, r.kind) for r in recs] == [
        ("居民收入增长", "qualitative", "qualitative"), ("粮食产量", "qualitative", "qualitative")]


def test_life_expectancy_above_an_age_is_a_record_but_an_age_bracket_is_not() -> None:
    assert figures("人均预期寿命提高到80岁以上。") == [(80, "岁", ">=")]
    assert figures("为65岁以上老年人提供健康服务。") == []


def test_indicator_drops_the_starting_value_but_keeps_words_with_you() -> None:
    (r,) = quantities("地区生产总值从11.37万亿元提高到14.58万亿元。")
    assert r.indicator == "地区生产总值"
    (r,) = quantities("自由贸易试验区进出口额增长10%。")
    assert r.indicator.startswith("自由贸易试验区进出口额")


def test_change_over_last_year_span_starts_at_the_indicator() -> None:
    text = "赤字规模5.66万亿元、比上年增加1.6万亿元。"
    change = [r for r in quantities(text) if r.kind == "change"][0]
    assert text[change.start:change.end] == text[:-1] and change.indicator == "赤字规模比上年增加"


def test_indicators_sharing_a_qualitative_target_get_one_record_each() -> None:
    recs = quantities("主要预期目标是:物价、就业保持基本稳定。\n")
    assert [(r.indicator, r.text) for r in recs] == [("物价", "物价、就业保持基本稳定"), ("就业", "物价、就业保持基本稳定")]


def test_plan_year_falls_back_to_the_latest_year_in_title_and_headings() -> None:
    from dataclasses import replace

    from flows.extract.periods import plan_year
    from flows.ingest.document import DocumentMetadata

    from .corpus import make_doc

    doc = make_doc("关于2024年计划执行情况及2025年计划草案的报告\n一、2024年工作回顾\n增长5%。\n")
    assert plan_year(replace(doc, metadata=DocumentMetadata())) == 2025


# --- language seen in reports the rules were not written from ----------------------------------

def test_chinese_count_with_yu_is_more_than() -> None:
    assert figures("建成十余个示范区。") == [(10, "个", ">")]


def test_small_chinese_numerals_stay_figures_of_speech() -> None:
    assert figures("总书记两次亲临考察,办好十件民生实事,推进一批项目,新增两批重点事项。") == []


def test_magnitude_before_a_person_noun_counts_people() -> None:
    (r,) = quantities("6600多万纳税人受益。")
    assert (r.value, r.unit, r.value_base, r.base_unit, r.comparator) == (6600, "万", 6.6e7, "人", ">")


def test_list_member_without_unit_borrows_the_next_members_unit() -> None:
    recs = quantities("地铁线网单日最高客运量分别达1409万、1305万人次。")
    assert [(r.value_base, r.base_unit) for r in recs] == [(1.409e7, "人次"), (1.305e7, "人次")]


def test_magnitude_before_a_unit_the_table_lacks_is_not_a_figure() -> None:
    assert figures("建成濠洲一龙南220千伏线路工程。") == []


@pytest.mark.parametrize("text, base, base_unit", [
    ("海洋生产总值突破万亿。", 1e12, "元"), ("职工医保参保人数突破5100万。", 5.1e7, "人"),
    ("全市经济总量突破1万亿。", 1e12, "元"),
])
def test_figure_without_unit_takes_the_unit_its_indicator_implies(text: str, base: float, base_unit: str) -> None:
    (r,) = quantities(text)
    assert (r.value_base, r.base_unit, r.comparator) == (base, base_unit, ">")
    assert r.kind == ("amount" if base_unit == "元" else "count")


def test_bare_magnitude_with_a_closing_comparator_is_a_figure() -> None:
    (r,) = quantities("年实际使用外资保持在千亿元以上。")
    assert (r.value_base, r.base_unit, r.comparator) == (1e11, "元", ">=")


def test_bare_magnitude_describing_a_noun_is_not_a_figure() -> None:
    assert figures("惠州博罗成为生产总值超千亿元县。") == []


def test_shang_before_a_magnitude_is_at_least() -> None:
    (r,) = quantities("惠及上千万家庭。")
    assert (r.value_base, r.base_unit, r.comparator) == (1e7, "", ">=")


def test_growth_by_times_is_a_percentage_but_a_level_in_times_is_a_ratio() -> None:
    (r,) = quantities("入境游客增长1倍。")
    assert (r.value_base, r.base_unit, r.kind) == (100, "%", "growth")
    (r,) = quantities("保障标准提高到当地最低生活保障标准的1.6倍。")
    assert (r.value_base, r.base_unit, r.kind) == (1.6, "", "ratio")


def test_doubling_is_a_growth_of_one_hundred_percent() -> None:
    (r,) = quantities("到2035年人均地区生产总值翻一番。")
    assert (r.value_base, r.base_unit, r.kind, r.year) == (100, "%", "growth", 2035)


def test_share_of_a_whole_takes_the_comparator_before_zhan() -> None:
    share = [r for r in quantities("城镇累计新增就业超700万人、约占全国1/10。") if r.base_unit == "%"]
    assert [(r.value_base, r.comparator, r.indicator) for r in share] == [(10, "~", "城镇累计新增就业占全国比重")]


def test_share_of_the_world_after_a_comparator() -> None:
    (r,) = quantities("全年新增装机超过全球一半。")
    assert (r.value_base, r.base_unit, r.comparator, r.indicator) == (50, "%", ">", "新增装机占全球比重")


def test_tenths_after_a_growth_name_the_share_of_the_same_indicator() -> None:
    recs = quantities("无人机产量增长39%、占全国9成。")
    assert [(r.indicator, r.value_base) for r in recs] == [("无人机产量增速", 39), ("无人机产量占全国比重", 90)]


def test_list_without_fenbie_shares_the_leading_comparator() -> None:
    assert figures("进出口总额接连突破8万亿元、9万亿元。") == [(8, "万亿元", ">"), (9, "万亿元", ">")]


def test_comma_does_not_join_figures_into_a_list() -> None:
    assert figures("新增医疗机构床位超7000张,49家医院获评A级。") == [(7000, "张", ">"), (49, "家", "=")]


def test_figure_before_de_is_kept_unless_the_clause_measures_the_noun() -> None:
    assert figures("货物进出口贡献了全国24.1%的增量。") == [(24.1, "%", "=")]
    assert figures("我省在全国占比超过10%的有44种。") == [(44, "种", "=")]


def test_count_of_thresholds_crossed_is_not_a_record() -> None:
    assert figures("地区生产总值连续迈上4个万亿元台阶、达14.2万亿元。") == [(14.2, "万亿元", "=")]


def test_figure_sharing_an_earlier_indicator_spans_from_that_indicator() -> None:
    text = "货物进出口总额9.5万亿元、增长4.4%。"
    growth = [r for r in quantities(text) if r.kind == "growth"][0]
    assert (text[growth.start:growth.end], growth.indicator) == (text[:-1], "货物进出口总额增速")


def test_adverbs_before_the_figure_are_not_part_of_the_indicator() -> None:
    (r,) = quantities("粮食产量连续稳定在1.3万亿斤以上。")
    assert r.indicator == "粮食产量"


def test_assigned_targets_name_each_indicator() -> None:
    recs = quantities("主要预期目标是:完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务。\n")
    assert [(r.indicator, r.comparator) for r in recs] == [
        ("粮食生产", "qualitative"), ("单位生产总值二氧化碳减排", "qualitative")]


def test_strength_word_governs_its_own_comma_clause() -> None:
    recs = quantities("力争工业投资增长10%,建成5个基地。")
    assert [r.strength for r in recs] == ["力争", None]
    recs = quantities("确保粮食播种面积1530万亩、总产量125亿斤。")
    assert [r.strength for r in recs] == ["确保", "确保"]


def test_full_coverage_of_a_counted_noun_is_the_count() -> None:
    assert figures("本科高校、技师学院均实现21个地级以上市全覆盖。") == [(21, "个", "=")]


def test_comparator_before_a_reference_governs_its_multiple() -> None:
    (r,) = quantities("特困人员基本生活保障标准不低于当地最低生活保障标准的1.6倍。")
    assert (r.value, r.unit, r.comparator, r.indicator) == (1.6, "倍", ">=", "特困人员基本生活保障标准")


def test_examples_before_deng_and_action_verbs_are_not_the_indicator() -> None:
    (r,) = quantities("成功应对“桦加沙”等15个台风。")
    assert r.indicator == "台风"
    (r,) = quantities("成功应对22轮强降水。")
    assert r.indicator == "强降水"


def test_new_and_the_counted_noun_name_the_indicator_together() -> None:
    (r,) = quantities("新设3所本科层次职业学校。")
    assert r.indicator == "新设本科层次职业学校"


def test_age_bracket_with_ji_yishang_is_not_a_record() -> None:
    assert figures("65岁及以上老年人医养结合服务率达到40%以上。") == [(40, "%", ">=")]


# --- indicator names: the metric noun phrase, not a verb or a fragment -----------------------------

@pytest.mark.parametrize("text, names", [
    ("先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%。",
     ["先进制造业增加值占规模以上工业增加值比重", "高技术制造业增加值占规模以上工业增加值比重"]),
    ("城镇和农村居民人均可支配收入分别增长4.3%、5.5%。", ["城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"]),
    ("刑事治安、涉诈、涉毒警情分别下降17.7%、17.4%、68%。", ["刑事治安警情下降", "涉诈警情下降", "涉毒警情下降"]),
    ("规上工业增加值、规上服务业营收分别增长6.5%和7%。", ["规上工业增加值增速", "规上服务业营收增速"]),
    ("生产安全事故起数和死亡人数分别下降10%、12%。", ["生产安全事故起数下降", "死亡人数下降"]),
    # 、 separates the list; 和 / 及 inside a name stay
    ("信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长10.9%、10.4%。",
     ["信息传输软件和信息技术服务业增加值增速", "租赁和商务服务业增加值增速"]),
    ("文化及相关产业、旅游及相关产业增加值占地区生产总值比重分别超过2%、5%。",
     ["文化及相关产业增加值占地区生产总值比重", "旅游及相关产业增加值占地区生产总值比重"]),
])
def test_each_figure_of_a_list_is_named_after_its_own_subject(text: str, names: list[str]) -> None:
    assert [r.indicator for r in quantities(text)] == names


def test_counted_noun_stops_at_the_conjunction_before_the_next_figure() -> None:
    recs = quantities("建成3000多个宜居宜业和美乡村及820个特色田园乡村。")
    assert [r.indicator for r in recs] == ["宜居宜业和美乡村", "特色田园乡村"]


def test_beneficiaries_are_named_after_the_measure_before_them() -> None:
    (r,) = quantities("向困难群众发放一次性生活补助,惠及1100多万人。")
    assert r.indicator == "向困难群众发放一次性生活补助惠及"


def test_a_total_after_a_new_count_is_the_total_of_the_same_thing() -> None:
    recs = quantities("新登记经营主体320万户、增长13%,总量达2037.7万户。")
    assert [r.indicator for r in recs] == ["新登记经营主体", "新登记经营主体增速", "经营主体总量"]


def test_figure_whose_subject_sits_in_an_earlier_clause_takes_it() -> None:
    recs = quantities("地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、年均增长5.7%。")
    # 年均增长 is an average growth, and its indicator says so (the guide's 地区生产总值年均增速)
    assert [(r.indicator, r.value) for r in recs] == [("地区生产总值", 14.2), ("地区生产总值年均增速", 5.7)]


def test_verbs_of_reaching_are_not_part_of_the_indicator() -> None:
    (r,) = quantities("国家级专精特新“小巨人”企业增至3022家。")
    assert r.indicator == "国家级专精特新“小巨人”企业"


def test_enumeration_in_brackets_does_not_split_the_clause() -> None:
    (r,) = quantities("建成新时代文明实践中心(所、站)2.8万个。")
    assert r.indicator == "建成新时代文明实践中心(所、站)" and r.value_base == 28_000


# --- phrasing of city plan reports (计划执行情况) ------------------------------------------------------

def test_share_of_the_annual_plan_is_a_completion_level() -> None:
    recs = quantities("固定资产投资完成1200亿元,为年度计划的102.3%。")
    assert [(r.indicator, r.value_base, r.kind) for r in recs] == [
        ("固定资产投资", 1.2e11, "amount"), ("固定资产投资年度计划完成率", 102.3, "level")]


def test_second_figure_of_a_growth_keeps_its_kind() -> None:
    recs = quantities("地区生产总值增长6%以上,力争7%。")
    assert [(r.value, r.comparator, r.kind, r.strength) for r in recs] == [(6, ">=", "growth", None), (7, "=", "growth", "力争")]


def test_figure_above_the_province_is_a_change_of_the_earlier_indicator() -> None:
    # the points compare growth rates, so the change is named after the growth (as the held-out
    # gold writes 固定资产投资增速高于吴忠市)
    recs = quantities("全市生产总值完成3500亿元,增长6.5%,高于全省1.2个百分点。")
    assert [(r.indicator, r.kind) for r in recs] == [
        ("生产总值", "amount"), ("生产总值增速", "growth"), ("生产总值增速高于全省", "change")]


def test_level_reached_after_a_change_in_points_is_read_too() -> None:
    recs = quantities("常住人口城镇化率提高0.8个百分点至66.5%。")
    assert [(r.value_base, r.base_unit, r.kind) for r in recs] == [(0.8, "pp", "change"), (66.5, "%", "level")]


def test_year_on_year_is_not_part_of_the_indicator() -> None:
    recs = quantities("城镇居民人均可支配收入达到6.2万元,同比增长5.1%。")
    assert [r.indicator for r in recs] == ["城镇居民人均可支配收入", "城镇居民人均可支配收入增速"]


@pytest.mark.parametrize("heading, rtype", [
    ("一、2024年工作总结", "achievement"), ("一、“十四五”时期主要成就", "achievement"), ("一、去年工作", "achievement"),
    ("一、2024年计划完成情况", "achievement"), ("二、今年主要工作", "target"), ("二、2025年主要工作安排", "target"),
])
def test_section_wording_decides_target_or_achievement(heading: str, rtype: str) -> None:
    (r,) = quantities(f"{heading}\n全市生产总值增长5.5%。\n", plan_year=2025)
    assert r.type == rtype


def test_qualitative_targets_in_other_wordings_of_the_targets_paragraph() -> None:
    recs = quantities("今年发展预期目标是:地区生产总值增长6%左右;居民消费价格总体稳定;居民收入实现合理增长;"
                      "生态环境质量明显改善。\n")
    assert [(r.indicator, r.comparator) for r in recs] == [
        ("地区生产总值增速", "~"), ("居民消费价格", "qualitative"), ("居民收入", "qualitative"),
        ("生态环境质量", "qualitative")]


def test_predicate_after_the_figure_is_not_the_indicator() -> None:
    (r,) = quantities("力争黄蒿界等6处煤矿、产能1400万吨/年建成试运转。")[1:]
    # the capacity is the mines' (the things just counted), the predicate no part of it
    assert (r.indicator, r.value_base, r.base_unit) == ("煤矿产能", 1.4e7, "吨/年")


def test_beneficiaries_keep_their_verb_and_measure() -> None:
    # the benefit verb and the measure stay; the verb carrying the measure out does not (dev gold)
    (r,) = quantities("实施学前一年免费教育政策、惠及168万名儿童。")
    assert r.indicator == "学前一年免费教育政策惠及儿童"


def test_starting_values_per_person_and_month_are_context() -> None:
    recs = quantities("重度残疾人护理补贴标准分别从每人每月209元、280元提高到217元、290元。")
    assert [(r.value, r.indicator) for r in recs] == [(217, "重度残疾人护理补贴标准"), (290, "重度残疾人护理补贴标准")]


def test_bare_magnitude_that_counted_things_pass_is_a_threshold() -> None:
    assert figures("191家工业企业营业收入超百亿元。") == [(191, "家", "=")]


def test_reaching_a_magnitude_level_is_at_least_that_magnitude() -> None:
    (r,) = quantities("一般公共预算收入达万亿级规模。")
    assert (r.value_base, r.base_unit, r.comparator, r.kind) == (1e12, "元", ">=", "amount")
    assert figures("千亿级产业链达到12条。") == [(12, "条", "=")]


def test_alternative_classifiers_in_brackets_keep_the_times_unit() -> None:
    (r,) = quantities("抵离口岸的交通工具达2813.8万辆(艘、架、列)次。")
    assert (r.value_base, r.base_unit, r.unit) == (28_138_000, "辆次", "万辆次")


def test_sentence_about_last_year_inside_a_plan_section_is_a_result() -> None:
    recs = quantities("二、2025年工作任务\n去年全市生产总值增长5.5%,今年要增长6%左右。\n", plan_year=2025)
    assert [(r.value, r.type, r.year) for r in recs] == [(5.5, "achievement", 2024), (6, "target", 2025)]


# Rules from report text outside the corpus (real reports read while measuring on unseen documents).


def test_qualitative_targets_with_reasonable_level_and_quality_wording() -> None:
    # 2025年济南市政府工作报告 / 2025年中山市政府工作报告, main expected targets
    text = ("2025年经济社会发展主要预期目标是:地区生产总值增长5.5%左右;居民消费价格保持合理水平;"
            "固定资产投资提质提效,进出口总额稳量提质;城镇新增就业4.5万人以上。")
    recs = [(r.indicator, r.text) for r in quantities(text) if r.comparator == "qualitative"]
    assert recs == [("居民消费价格", "居民消费价格保持合理水平"), ("固定资产投资", "固定资产投资提质提效"),
                    ("进出口总额", "进出口总额稳量提质")]


def test_indicators_joined_by_he_sharing_an_assigned_target_are_one_record_each() -> None:
    # 2025年中山市 / 济南市政府工作报告: 完成省下达 covers every indicator named before or after it
    text = ("今年主要预期目标是:全市空气质量优良天数比率和地表水水质优良率均完成省下达;"
            "完成省下达的节能减排降碳约束性指标和环境质量改善目标。")
    recs = [r.indicator for r in quantities(text) if r.comparator == "qualitative"]
    assert recs == ["全市空气质量优良天数比率", "地表水水质优良率", "节能减排降碳约束性指标", "环境质量改善"]


def test_concentration_in_micrograms_per_cubic_metre_keeps_its_unit() -> None:
    # 连云港市2023年计划执行情况: ——PM2.5平均浓度32μg/m3。
    (r,) = quantities("一、2023年计划执行情况\n——PM2.5平均浓度32μg/m3。\n", plan_year=2024)
    assert (r.type, r.value_base, r.base_unit) == ("achievement", 32, "μg/m3")


def test_passenger_throughput_without_a_unit_counts_person_trips() -> None:
    # 2025年赤峰市政府工作报告: 玉龙机场旅客吞吐量突破200万大关
    (r,) = quantities("一、2024年工作回顾\n玉龙机场旅客吞吐量突破200万大关。\n")
    assert (r.comparator, r.value_base, r.base_unit) == (">", 2_000_000, "人次")


def test_sum_naming_a_class_of_projects_is_a_threshold_not_a_record() -> None:
    # 2025年巨野县政府工作报告: 落地过亿元项目74个,过10亿元项目6个
    assert figures("落地过亿元项目74个,过10亿元项目6个。") == [(74, "个", "="), (6, "个", "=")]


def test_results_of_the_months_so_far_are_achievements() -> None:
    # 2024年池州市重点项目建设情况: 1—8月份,累计完成投资325.7亿元,投资完成率70.3%
    recs = quantities("计划开工项目207个。\n1—8月份,累计完成投资325.7亿元,投资完成率70.3%;金娃科技创新产业园等85个项目竣工。\n",
                      plan_year=2024)
    assert [(r.type, r.value) for r in recs] == [
        ("target", 207), ("achievement", 325.7), ("achievement", 70.3), ("achievement", 85)]


def test_months_so_far_inside_a_sentence_turn_the_rest_of_it_into_results() -> None:
    # 闽侯县2023年县级重点项目进展: …年度计划投资327.53亿元,1-6月累计完成投资235.8亿元,占年计划投资的72%
    recs = quantities("在建项目185项,1-6月累计完成投资235.8亿元,占年计划投资的72%。", plan_year=2023)
    assert [(r.type, r.value) for r in recs if r.value != 185] == [("achievement", 235.8), ("achievement", 72)]
    assert [r.type for r in recs if r.value == 185] == ["target"]


def test_unnumbered_review_heading_makes_gwr_results_achievements() -> None:
    # 2025年邯郸市政府工作报告 (web copy): the review part has no 一、 heading
    text = ("2025年邯郸市政府工作报告\n各位代表:\n"
            "2024年全市上下解放思想 奋发进取 交出了一份经济社会高质量发展的优异成绩单\n"
            "(一)经济实力实现新跃升。地区生产总值完成4704.3亿元、增长6.1%。\n")
    recs = quantities(text, plan_year=2025)
    assert [(r.type, r.year, r.value) for r in recs] == [("achievement", 2024, 4704.3), ("achievement", 2024, 6.1)]


def test_count_sizing_the_group_a_place_is_one_of_is_not_a_record() -> None:
    # 上高县2024年政府工作报告: 获得土地计划指标奖励1000亩,为全国15个县市区之一
    assert figures("获得土地计划指标奖励1000亩,为全国15个县市区之一。") == [(1000, "亩", "=")]


def test_investment_of_the_works_named_after_it_is_not_a_record() -> None:
    # 上杭县政府工作报告: 引进落地总投资21.18亿元的宁德时代新型锂盐研发生产项目
    assert figures("引进落地总投资21.18亿元的宁德时代新型锂盐研发生产项目。") == []


def test_growth_above_the_provincial_average_is_a_qualitative_target() -> None:
    # 2026年福州市政府工作报告 main expected targets
    text = "今年经济社会发展的主要预期目标是:规上工业增加值增长6.5%;固定资产投资增速高于全省平均水平。"
    assert [r.indicator for r in quantities(text, plan_year=2026) if r.comparator == "qualitative"] == ["固定资产投资增速"]


@pytest.mark.parametrize(
    "opening",
    ["在2023年的回顾中,报告指出,", "王凤朝在回顾2023年工作时说,"],  # 惠州市 / 成都市2024年政府工作报告 (news copies)
)
def test_paragraph_opening_with_the_review_reports_results(opening: str) -> None:
    recs = quantities(f"2024年政府工作报告\n{opening}惠州高速公路通车总里程930公里。\n", plan_year=2024)
    assert [(r.type, r.value) for r in recs] == [("achievement", 930)]


def test_places_gained_in_a_ranking_are_not_a_record() -> None:
    # 成都市2024年政府工作报告: 全球创新指数排名提升5位至第24位
    assert figures("国家企业技术中心增至62家,全球创新指数排名提升5位至第24位。") == [(62, "家", "=")]


def test_kua_shang_a_threshold_reads_as_passing_it() -> None:
    # 2025年安徽省政府工作报告要点: 经济总量跨上5万亿元台阶
    (r,) = quantities("一、2024年工作回顾\n全省地区生产总值增长5.8%,经济总量跨上5万亿元台阶;\n")[1:]
    assert (r.comparator, r.value_base) == (">", 5e12)


@pytest.mark.parametrize(
    "paragraph",
    [
        # 福建省2023年政府工作报告 (人民网): the estimate opens the paragraph after a lead-in
        "根据工作报告,初步预计,2022年福建省地区生产总值突破5万亿元,固定资产投资增长7.5%。",
        # 牟定县2022年《政府工作报告》摘要
        "据统计预测,全县地区生产总值增长12.6%达92.9亿元,固定资产投资增长7.5%。",
    ],
)
def test_statistical_estimate_paragraph_reports_results(paragraph: str) -> None:
    recs = quantities(f"政府工作报告\n{paragraph}\n", plan_year=2023)
    assert {r.type for r in recs} == {"achievement"}


def test_estimate_paragraph_turning_to_this_year_stays_a_target() -> None:
    recs = quantities("政府工作报告\n初步预计,今年地区生产总值增长6%左右。\n", plan_year=2023)
    assert [r.type for r in recs] == ["target"]


def test_positive_growth_and_provincial_targets_are_qualitative() -> None:
    # 2023年郑州市政府工作报告 main expected targets
    text = "郑州市2023年主要预期目标是:生产总值增长7%,进出口总额保持正增长,节能减排、降碳指标完成国家及省定目标。"
    assert [r.indicator for r in quantities(text, plan_year=2023) if r.comparator == "qualitative"] == [
        "进出口总额", "节能减排", "降碳指标"]


def test_speed_of_a_line_is_not_a_length() -> None:
    # 玉林市2025年政府工作报告: 时速350公里的南珠高铁南玉段建成通车
    assert figures("时速350公里的南珠高铁南玉段建成通车,园区规上工业总产值突破1000亿元。") == [(1000, "亿元", ">")]


def test_sum_describing_the_first_of_a_class_is_not_a_record() -> None:
    # 玉林市2025年政府工作报告: 龙潭临港产业园产值首次突破300亿元,成为玉林首个300亿元园区
    assert figures("龙潭临港产业园产值首次突破300亿元,成为玉林首个300亿元园区。") == [(300, "亿元", ">")]


def test_clause_opening_on_last_years_date_after_a_dateline_reports_results() -> None:
    # 四川工人日报 2025-01-15 (全省交通运输工作会): 本报讯…获悉,2024年,我省高速公路通车里程突破1万公里大关
    text = ("2025年我省力争建成高速公路900公里\n"
            "本报讯(记者雷琰)1月13日,记者从2025年全省交通运输工作会上获悉,2024年,我省高速公路通车里程突破1万公里大关。\n"
            "2025年公路水路交通投资确保2600亿元。\n")
    assert [(r.type, r.value) for r in quantities(text, plan_year=2025)][1:] == [("achievement", 1), ("target", 2600)]


def test_threshold_of_things_counted_just_before_is_not_a_record() -> None:
    # 四川工人日报 2025-01-15: 新增5000个30户以上自然村组通硬化路
    assert figures("新增5000个30户以上自然村组通硬化路,新增及更新营运客车5000辆以上。") == [
        (5000, "个", "="), (5000, "辆", ">=")]


def test_sentence_opening_on_last_years_results_after_a_lead_in() -> None:
    # 广州日报 on the 2019 珠海市政府工作报告: 报告指出,初步统计2018年全市实现地区生产总值2966亿元、增长8%。
    text = ("珠海市2019年政府工作报告\n珠海市市长代表珠海市政府作工作报告。报告指出,初步统计2018年全市实现地区生产总值2966亿元、增长8%。"
            "固定资产投资1858.57亿,增长20.7%。\n2019年,珠海市地区生产总值预期增长7.5%。\n")
    assert [(r.type, r.value) for r in quantities(text, plan_year=2019)] == [
        ("achievement", 2966), ("achievement", 8), ("achievement", 1858.57), ("achievement", 20.7), ("target", 7.5)]


def test_comparison_with_last_year_in_a_plan_is_still_a_target() -> None:
    assert [r.type for r in quantities("今年工作安排\n力争比2024年全市增长6%。\n", plan_year=2025)] == ["target"]


def test_counts_of_what_is_already_started_are_results() -> None:
    # 连南瑶族自治县重点项目建设进展: 已开工项目33个,未开工项目17个,开工率为66%
    recs = quantities("二、项目开工情况\n从项目开工情况看,已开工项目33个,未开工项目17个,开工率为66%。\n", plan_year=2024)
    assert [(r.type, r.value) for r in recs] == [("achievement", 33), ("achievement", 17), ("achievement", 66)]


def test_narrowing_decline_and_growth_above_gdp_are_qualitative_targets() -> None:
    # 2019年天津市政府工作报告 main expected targets
    text = ("2019年,天津市经济社会发展的主要预期目标是:地区生产总值增长4.5%左右;一般公共预算收入降幅继续收窄;"
            "居民人均可支配收入增速高于地区生产总值增速;节能减排降碳完成进度目标。")
    assert [r.indicator for r in quantities(text, plan_year=2019) if r.comparator == "qualitative"] == [
        "一般公共预算收入降幅", "居民人均可支配收入增速", "节能减排降碳"]


def test_steady_trade_and_falling_pollutants_are_qualitative_targets() -> None:
    # 2022年国务院政府工作报告 main expected targets
    text = "今年发展主要预期目标是:国内生产总值增长5.5%左右;进出口保稳提质,国际收支基本平衡;生态环境质量持续改善,主要污染物排放量继续下降。"
    assert [r.indicator for r in quantities(text, plan_year=2022) if r.comparator == "qualitative"] == [
        "进出口", "国际收支", "生态环境质量", "主要污染物排放量"]


def test_year_on_year_and_over_plan_figures_are_results() -> None:
    # 新民晚报 2026-02-10: ■ 全年完成投资2510.1亿元,同比增长5.3% / ■ 新开工30项,超计划16项
    recs = quantities("今年排定的市重大工程项目\n■ 科技产业类安排正式项目62项\n■ 全年完成投资2510.1亿元,同比增长5.3%\n■ 新开工30项,超计划16项\n",
                      plan_year=2026)
    assert [(r.type, r.value, r.indicator.startswith("■")) for r in recs] == [
        ("target", 62, False), ("achievement", 2510.1, False), ("achievement", 5.3, False),
        ("achievement", 30, False), ("achievement", 16, False)]


def test_closing_bound_of_a_respectively_list_covers_every_figure() -> None:
    # 历城区2025年政府工作报告: 城乡居民人均可支配收入分别增长5.5%、6%以上
    assert figures("城乡居民人均可支配收入分别增长5.5%、6%以上。") == [(5.5, "%", ">="), (6, "%", ">=")]


def test_gdp_before_a_comparator_is_not_a_code() -> None:
    # 开州区2025年计划报告: GDP突破700亿元大关、达到721.44亿元
    assert figures("一、2024年计划执行情况\nGDP突破700亿元大关、达到721.44亿元。\n", plan_year=2025) == [
        (700, "亿元", ">"), (721.44, "亿元", "=")]


def test_targets_listed_one_a_line_after_the_heading_are_all_read() -> None:
    # 长江日报 digest of the 2025 湖北省政府工作报告: ● items under the main-targets heading
    text = ("■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n●居民收入增长与经济增长同步\n"
            "●单位地区生产总值能耗完成“十四五”国家考核目标\n")
    assert [r.indicator for r in quantities(text) if r.comparator == "qualitative"] == ["居民收入增长", "单位地区生产总值能耗"]


def test_task_to_fulfil_names_its_indicators() -> None:
    # 历城区2025年政府工作报告: 完成能耗强度降低和煤炭消费压减任务
    text = "经济社会发展主要预期目标是:地区生产总值增长5.6%以上。完成能耗强度降低和煤炭消费压减任务。"
    assert [r.indicator for r in quantities(text) if r.comparator == "qualitative"] == ["能耗强度降低", "煤炭消费压减"]


def test_same_period_growth_under_a_targets_heading_is_a_target() -> None:
    # 紫阳县2025年国民经济和社会发展计划: 预期目标 written as 同比增长…以上
    text = "二、经济社会发展预期目标\n地区生产总值同比增长 6.5%以上,固定资产投资同比增长6.5%以上。\n"
    recs = quantities(text, plan_year=2025)
    assert [(r.type, r.value, r.comparator) for r in recs] == [("target", 6.5, ">="), ("target", 6.5, ">=")]


def test_same_period_growth_outside_a_targets_heading_is_still_a_result() -> None:
    recs = quantities("(二)稳定工业生产。规上工业增加值同比增长5.3%。", plan_year=2025)
    assert [r.type for r in recs] == ["achievement"]


def test_mid_year_execution_heading_of_the_plan_year_gives_results_of_that_year() -> None:
    # 官渡区2023年上半年国民经济和社会发展计划执行情况的报告
    text = ("一、2023年上半年国民经济和社会发展计划执行情况\n(一)主要目标完成情况\n"
            "2023年上半年,全区实现地区生产总值806亿元,同比增长3.2%。城镇和农村常住居民人均可支配收入完成29092元、17191元,分别增长3%、6.4%。\n")
    recs = quantities(text, plan_year=2023)
    assert recs and {(r.type, r.year) for r in recs} == {("achievement", 2023)}


@pytest.mark.parametrize("opening", ["刚刚过去的2024年,", "每一个家庭都关心的民生实事,在2024年里也让老百姓可感可及。这一年,"])
def test_paragraph_opening_on_last_year_with_a_lead_in_reports_results(opening: str) -> None:
    # 綦江区2025年政府工作报告 (commentary): 刚刚过去的2024年,… / 在2024年里也让…
    recs = quantities(opening + "全区新增公办及普惠学位720个。", plan_year=2025)
    assert [(r.type, r.value) for r in recs] == [("achievement", 720)]


def test_five_year_plan_main_targets_heading_opens_a_qualitative_block() -> None:
    # 2026年政府工作报告 (digest): 二、「十五五」时期主要目标和重大任务 / 国内生产总值增长保持在合理区间
    text = "二、「十五五」时期主要目标和重大任务\n国内生产总值增长保持在合理区间\n全社会研发经费投入年均增长7%以上\n"
    recs = quantities(text, plan_year=2026)
    assert [(r.comparator, r.value) for r in recs] == [("qualitative", None), (">=", 7)]


@pytest.mark.parametrize("paragraph", [
    # 江西省2026年政府工作报告 (能源电力摘编)
    "2025年工作及“十四五”时期,外贸进出口增长2.7%。",
    # 山东省2026年政府工作报告 (中新网): the five-year plan period ended before the plan year
    "据悉,“十四五”期间,山东基础设施建设实现新跃升,通用机场增加11个。",
    # 天津市2025年政府工作报告 (上证报): last year and a place name before 全市
    "根据报告,2024年天津市全市地区生产总值预计增长4.7%左右。",
])
def test_paragraph_opening_on_a_past_period_reports_results(paragraph: str) -> None:
    recs = quantities(paragraph, plan_year=2026 if "十四五" in paragraph else 2025)
    assert recs and {r.type for r in recs} == {"achievement"}


def test_current_five_year_plan_period_opening_is_not_a_review() -> None:
    recs = quantities("据悉,“十五五”期间,全省新增通用机场11个。", plan_year=2026)
    assert [r.type for r in recs] == ["target"]


def test_news_paragraph_on_the_years_expected_targets_holds_qualitative_targets() -> None:
    # 天津市2025年政府工作报告 (上证报): 对于2025年天津市经济社会发展的预期目标,报告显示,…
    text = ("对于2025年天津市经济社会发展的预期目标,报告显示,地区生产总值增长5%左右,"
            "居民人均可支配收入增长与经济增长同步,节能减排减污降碳完成国家下达目标。")
    recs = [r for r in quantities(text, plan_year=2025) if r.comparator == "qualitative"]
    assert [r.indicator for r in recs] == ["居民人均可支配收入增长", "节能减排减污降碳"]


def test_news_lead_in_before_yi_nian_lai_looks_back() -> None:
    # 硚口区2025年政府工作报告 (网易): 报告指出,一年来,…预计实现地区生产总值1100亿元
    recs = quantities("报告指出,一年来,产业转型提速加力,预计实现地区生产总值1100亿元、增长5.5%左右。", plan_year=2025)
    assert recs and {(r.type, r.year) for r in recs} == {("achievement", 2024)}


def test_paragraph_scoring_the_plan_reports_results_without_a_review_heading() -> None:
    # 运城市2024年政府工作报告, excerpt starting at (四): 完成率 / 超额完成 mark a results paragraph
    text = ("(四)注重精准招商、精细服务,高质量发展基础持续夯实。217个省市重点工程项目完成投资412.9亿元,"
            "年度计划投资完成率122.1%。其龙新材料二期等120余个项目建成投产,开发区规上工业增加值比重首次超过70%。\n")
    recs = quantities(text, plan_year=2024)
    assert recs and {r.type for r in recs} == {"achievement"}


def test_completion_rate_under_a_plan_heading_stays_a_target() -> None:
    text = "二、2025年工作安排\n年度计划投资完成率达到100%以上,新开工项目50个。\n"
    assert {r.type for r in quantities(text, plan_year=2025)} == {"target"}


def test_main_expected_economic_and_social_targets_open_a_qualitative_block() -> None:
    # 深圳市2025年政府工作报告 (news): 今年的主要预期经济和社会目标:…居民收入增长与经济增长同步
    text = "报告提出了今年的主要预期经济和社会目标:全市GDP增长5.5%,居民收入增长与经济增长同步。"
    assert [r.indicator for r in quantities(text, plan_year=2025) if r.comparator == "qualitative"] == ["居民收入增长"]


def test_size_class_ji_is_not_a_figure() -> None:
    # 固镇县2025年政府工作报告: 培育百亿级产业、十亿级企业
    assert quantities("培育百亿级产业、十亿级企业。", plan_year=2025) == []


def test_nuli_mubiao_paragraph_holds_qualitative_targets() -> None:
    # 龙游县2025年政府工作报告: 建议2025年全县经济社会发展的努力目标为:…
    text = "建议2025年全县经济社会发展的努力目标为:全县生产总值增长7%;外贸出口额占全市份额保持稳定;节能减排完成上级下达目标任务。"
    recs = [r for r in quantities(text, plan_year=2025) if r.comparator == "qualitative"]
    assert [r.indicator for r in recs] == ["外贸出口额占全市份额", "节能减排"]


def test_paragraph_reporting_progress_so_far_holds_results_of_the_year() -> None:
    # 无锡经开区建设局2025: a year-end page with no headings, 截至目前 / 已顺利完工
    text = ("2025年,公建公司共负责承建项目142个,其中包括14个区级重大项目。截至目前,已顺利完成20个项目。\n"
            "96号地块科研办公、湖大研究院等6个产业载体项目已顺利完工,新增产业空间34.3万平方米。\n")
    recs = quantities(text, plan_year=2025)
    assert recs and {(r.type, r.year) for r in recs} == {("achievement", 2025)}


def test_gdp_acronym_right_before_the_figure_is_not_a_code() -> None:
    # 肇庆市2025年政府工作报告 (南都): 据悉,2024年,肇庆完成GDP2917.85亿元、同比增长2.2%
    recs = quantities("据悉,2024年,肇庆完成GDP2917.85亿元、同比增长2.2%。", plan_year=2025)
    assert [(r.type, r.value) for r in recs] == [("achievement", 2917.85), ("achievement", 2.2)]
    assert quantities("推进G207改建。", plan_year=2025) == []


def test_chiping_is_a_qualitative_target_in_the_main_targets() -> None:
    # 肇庆市2025年政府工作报告: 一般公共预算收入总量与上年持平
    text = "今年的主要预期目标是:地区生产总值增长5%左右,人均地区生产总值增速与省持平,一般公共预算收入总量与上年持平。"
    recs = [r for r in quantities(text, plan_year=2025) if r.comparator == "qualitative"]
    assert [r.indicator for r in recs] == ["人均地区生产总值增速", "一般公共预算收入总量"]


def test_estimate_note_and_quoted_policy_counts() -> None:
    # 徐州市2024年政府工作报告 (现代快报): 2023 年,…制定实施 "17 条 " 举措…,地区生产总值增长 7%(预计,下同)
    text = '2023 年,徐州制定实施 "17 条 " 举措、"136 条 " 细则,地区生产总值增长 7%(预计,下同),一般公共预算收入增长 5.5%。'
    recs = quantities(text)
    assert [(r.type, r.value) for r in recs] == [("achievement", 7), ("achievement", 5.5)]


def test_paragraphs_opening_on_years_date_a_page_without_headings() -> None:
    # 2026年政府工作报告数据摘编: 2025年,… results; 2026年,拟发行… targets
    text = "从政府工作报告一组数据看我国发展\n2025年,全社会研发经费投入强度达到2.8%。\n2026年,拟发行超长期特别国债1.3万亿元。\n"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case")
    recs = extract_quantities(doc, [])
    assert [(r.type, r.value) for r in recs] == [("achievement", 2.8), ("target", 1.3)]


def test_assigned_target_without_a_phrase_is_qualitative() -> None:
    # 福建省2026年政府工作报告: 完成国家下达的单位地区生产总值二氧化碳排放降低目标
    text = "2026年经济社会发展的主要预期目标: 全省地区生产总值增长5%左右; 完成国家下达的单位地区生产总值二氧化碳排放降低目标。"
    recs = [r for r in quantities(text, plan_year=2026) if r.comparator == "qualitative"]
    assert [r.indicator for r in recs] == ["单位地区生产总值二氧化碳排放降低"]


def test_steady_progress_phrases_are_qualitative_targets() -> None:
    # 渝水区2024年政府工作报告: 出口总额促稳提质,实际利用外资稳中有进
    text = "全区经济社会发展的主要预期目标是:地区生产总值增长7.5%左右,出口总额促稳提质,实际利用外资稳中有进;加速推进100余万平方米标准厂房建设。"
    recs = quantities(text, plan_year=2024)
    assert [r.indicator for r in recs if r.comparator == "qualitative"] == ["出口总额", "实际利用外资"]
    assert [(r.value, r.comparator) for r in recs if r.unit == "万平方米"] == [(100, ">")]


def test_colon_before_a_year_breaks_the_clause_so_a_bullet_label_stays_outside_the_span() -> None:
    # a 2025 summary of provincial plans: "- 辽宁省:2025年辽宁省计划加快推进300个省级重大项目…"
    text = "- 辽宁省:2025年辽宁省计划加快推进300个省级重大项目和6000个亿元以上项目建设。"
    (first, *_) = [r for r in quantities(text) if r.value == 300]
    assert ":" not in first.text and not first.text.startswith("-")


def test_colon_inside_a_ratio_still_joins_its_terms() -> None:
    assert not [r for r in quantities("三次产业结构调整为2.8:50.9:46.3。") if r.value == 50.9]


def test_change_of_a_planned_outlay_is_a_target_though_measured_year_on_year() -> None:
    # a 2025 summary of provincial plans (江苏省): 年度计划投资6526亿元,同比增长118亿元
    text = "江苏省2025年将实施500个省重大项目,年度计划投资6526亿元,同比增长118亿元,项目涵盖基础设施。"
    (change,) = [r for r in quantities(text) if r.value == 118]
    assert change.type == "target"


def test_year_on_year_change_of_an_outlay_done_stays_a_result() -> None:
    (change,) = [r for r in quantities("1-6月累计完成投资80亿元,同比增长12%。") if r.value == 12]
    assert change.type == "achievement"


def test_a_sum_named_only_by_what_is_measured_takes_the_projects_of_the_clause_before() -> None:
    recs = quantities("实施省级重点项目640个、完成投资3500亿元以上。")
    assert [r.indicator for r in recs][-1] == "省级重点项目完成投资"
    recs = quantities("滚动推进新一轮80个县城综合承载能力提升项目,完成年度投资100亿元以上。")
    assert [r.indicator for r in recs][-1] == "县城综合承载能力提升项目年度投资"
    recs = quantities("2025年拟安排亿元以上重点建设项目750个以上,年度计划投资800亿元以上。")
    assert [r.indicator for r in recs][-1] == "重点建设项目年度计划投资"


def test_average_and_real_growth_keep_their_word_in_the_indicator() -> None:
    (r,) = quantities("居民人均可支配收入实际增长5%。")
    assert r.indicator == "居民人均可支配收入实际增速"
    (r,) = quantities("规上工业增加值年均增长9%。")
    assert r.indicator == "规上工业增加值年均增速"


# --- indicator names in the guide's order (issue 12) ------------------------------------------------

@pytest.mark.parametrize("text, names", [
    # 城乡 / 一二三产 / 存贷款: one written subject naming each member of the list in turn
    ("城乡居民人均可支配收入分别增长5%、6.5%左右。", ["城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"]),
    ("其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。", ["一产增加值增速", "二产增加值增速", "三产增加值增速"]),
    ("银行机构本外币存贷款余额分别达38.7万亿元、29.9万亿元。", ["银行机构本外币存款余额", "银行机构本外币贷款余额"]),
    # two rates of one subject cannot both hold: they are the members' even without 分别
    ("城乡居民人均收入年均增长5.3%、7.7%。", ["城镇居民人均收入年均增速", "农村居民人均收入年均增速"]),
])
def test_a_compact_subject_names_each_member_of_its_list(text: str, names: list[str]) -> None:
    assert [r.indicator for r in quantities(text)] == names


def test_one_total_passing_two_marks_keeps_its_compact_subject() -> None:
    assert {r.indicator for r in quantities("进出口总额接连突破8万亿元、9万亿元。")} == {"进出口总额"}


def test_a_compact_subject_with_as_many_figures_as_members_only() -> None:
    names = [r.indicator for r in quantities("城乡居民人均可支配收入分别增长5%、6.5%、7%。")]
    assert names == ["城乡居民人均可支配收入增速"] * 3


@pytest.mark.parametrize("text, name", [
    ("醴娄等7条高速公路建成通车。", "建成通车高速公路"),  # one stage verb: no 的
    ("可可盖等11处煤矿建成试运转。", "建成试运转煤矿"),
    ("康渝等4条高铁加快建设。", "加快建设高铁"),
    ("300项政务事项实现“跨省通办”。", "实现“跨省通办”的政务事项"),
    ("首批63个省重点实验室重组完成。", "重组完成的省重点实验室"),
    ("5个县级城市新获评全国文明城市。", "新获评全国文明城市的县级城市"),
    ("迈湾水利枢纽等9个重大水利工程投入使用或加快建设。", "投入使用或加快建设的重大水利工程"),
    ("456个小区完成临时用电治理。", "完成临时用电治理的小区"),
    ("4个国家级区域医疗中心建设进展顺利。", "建设进展顺利的国家级区域医疗中心"),
    ("49家三级公立综合医院在国家绩效监测中获评A级以上。", "在国家绩效监测中获评A级以上的三级公立综合医院"),
])
def test_a_counted_nouns_predicate_goes_first(text: str, name: str) -> None:
    (r,) = quantities(text)
    assert r.indicator == name


@pytest.mark.parametrize("text, name", [
    ("新开工3个重点建设项目。", "新开工重点建设项目"),  # 建设 inside a noun opens no predicate
    ("15个承接产业转移主平台落地项目。", "承接产业转移主平台落地项目"),  # the words end in a noun
    ("100所“徐特立项目”学校。", "“徐特立项目”学校"),  # inside a quoted name
    ("8个整县推进农文旅融合发展试点。", "整县推进农文旅融合发展试点"),
])
def test_a_noun_that_merely_holds_a_verb_is_left_as_written(text: str, name: str) -> None:
    (r,) = quantities(text)
    assert r.indicator == name


@pytest.mark.parametrize("text, name", [
    ("锂离子动力电池、新能源汽车、风力发电机组等绿色产品产量均增长20%以上。", "绿色产品产量增速"),
    ("支持科技创新等重点领域减税降费及退税超1000亿元。", "重点领域减税降费及退税"),
    ("中央预算内等资金2118亿元。", "中央预算内等资金"),  # 资金 alone is too short to be the name
    ("高等教育毛入学率达到60%。", "高等教育毛入学率"),  # 高等 is a word, not an example list
])
def test_the_examples_before_deng_are_not_the_indicator(text: str, name: str) -> None:
    (r,) = quantities(text)
    assert r.indicator == name


def test_qualifiers_scope_and_done_verb_are_not_the_indicator() -> None:
    recs = quantities("一般公共预算收入同口径增长5.5%左右。全区完成固定资产投资25.36亿元。完成投资3500亿元。")
    assert [r.indicator for r in recs] == ["一般公共预算收入增速", "固定资产投资", "完成投资"]


def test_points_after_a_growth_are_points_of_the_growth_rate() -> None:
    recs = quantities("全区完成固定资产投资25.36亿元,同比增长16.3%,较上年同期提升7.3个百分点,高于预期目标4.3个百分点。")
    assert [r.indicator for r in recs] == [
        "固定资产投资", "固定资产投资增速", "固定资产投资增速较上年同期提升", "固定资产投资增速高于预期目标"]
    # a level's points stay the level's
    recs = quantities("地区生产总值增长5%，城镇化率65%，提高1个百分点。")
    assert [r.indicator for r in recs][-1] == "城镇化率提高"


def test_people_counted_with_a_bare_magnitude_count_persons() -> None:
    recs = quantities("全年新增40.8万青年留渝来渝,33万农民工就近就业。")
    assert [(r.value_base, r.base_unit) for r in recs] == [(408_000, "人"), (330_000, "人")]


def test_a_per_item_threshold_is_no_record() -> None:
    assert figures("清理单笔50万元以下拖欠企业账款。") == []


@pytest.mark.parametrize("clause, names", [
    ("粮食播种面积及生态环境质量指标完成国家下达目标任务", ["粮食播种面积", "生态环境质量指标"]),  # 及 joins two
    ("减排降碳控制在国家下达目标内", ["减排降碳"]),  # 控制在 opens the predicate
    ("粮食产量只增不减", ["粮食产量"]),
    ("生态环境质量保持优良", ["生态环境质量"]),
    # one rate held above another, whatever the rates: no phrase of the table needed
    ("项目（不含房地产开发）投资增速高于全部投资增速", ["项目(不含房地产开发)投资增速"]),
    ("城乡居民收入增速快于经济增速", ["城乡居民收入增速"]),
])
def test_numberless_targets_of_the_targets_paragraph(clause: str, names: list[str]) -> None:
    recs = quantities(f"主要预期目标是：地区生产总值增长5%左右，{clause}。", plan_year=2026)
    qualitative = [r for r in recs if r.comparator == "qualitative"]
    assert [r.indicator for r in qualitative] == names
    assert {(r.type, r.year) for r in qualitative} == {("target", 2026)}


def test_a_rate_above_a_rate_outside_the_targets_paragraph_is_no_target() -> None:
    recs = quantities("过去一年，项目投资增速高于全部投资增速。", plan_year=2026)
    assert [r for r in recs if r.comparator == "qualitative"] == []


@pytest.mark.parametrize("text", ["20件民生实事全部完成。", "10件民生实事如期兑现。", "12类45件民生实事全面完成。"])
def test_a_bare_completion_after_a_counted_noun_is_no_part_of_its_name(text: str) -> None:
    assert [r.indicator for r in quantities(text)][-1] == "民生实事"


def test_a_predicate_going_on_to_a_figure_names_that_figure() -> None:
    recs = quantities("1000个省级重点产业项目完成投资1865.7亿元、增长4%。")
    assert [(r.indicator, r.text) for r in recs] == [
        ("省级重点产业项目", "1000个省级重点产业项目"),
        ("省级重点产业项目完成投资", "完成投资1865.7亿元"),
        ("省级重点产业项目完成投资增速", "完成投资1865.7亿元、增长4%"),
    ]


def test_a_growth_after_a_claimed_group_is_named_by_the_groups_last_figure() -> None:
    # the count and the sum are a portfolio (claimed); the growth after them is the sum's
    text = "1000个省级重点产业项目完成投资1865.7亿元、增长4%。"
    claimed = [(0, text.index("、"))]
    (r,) = quantities(text, claimed=claimed)
    assert (r.indicator, r.value) == ("省级重点产业项目完成投资增速", 4)


def test_what_is_new_opens_every_item_of_a_list_of_counts() -> None:
    recs = quantities("净增经营主体34.6万家、企业14万家，新增上市公司5家、新三板挂牌企业9家。")
    assert [r.indicator for r in recs] == ["净增经营主体", "净增企业", "新增上市公司", "新增新三板挂牌企业"]


@pytest.mark.parametrize("text, last", [
    ("新增就业岗位1.2万个、培训5000人次。", "培训"),  # another unit: another measure
    ("新建5G基站1万个、千兆光网覆盖率达到90%。", "千兆光网覆盖率"),  # a rate is no item of the list
    ("新开工项目20个、建成投产工业项目15个。", "建成投产工业项目"),  # a verb of its own
])
def test_what_is_new_stays_with_its_own_item(text: str, last: str) -> None:
    assert [r.indicator for r in quantities(text)][-1] == last


@pytest.mark.parametrize("text, name", [
    ("地区生产总值增速达到6%。", "地区生产总值增速"),  # the words name a rate: a growth
    ("全县地区生产总值完成87.4亿元,五年跨越3个十亿级台阶,年均增速达到8%。", "地区生产总值年均增速"),
    ("地区生产总值比上年增长5%。", "地区生产总值增速"),  # what a growth is measured from is no part
    ("一般公共预算收入完成4.2亿元,较“十三五”末实现翻番。", "一般公共预算收入增速"),
    ("赤字率比上年提高1个百分点。", "赤字率比上年提高"),  # a change keeps it
])
def test_a_growth_is_named_by_its_indicator_alone(text: str, name: str) -> None:
    recs = quantities(text, plan_year=2026)
    assert recs[-1].indicator == name
    assert recs[-1].kind == ("change" if "提高" in name else "growth")


@pytest.mark.parametrize("text, names", [
    ("接待游客人次、游客总花费分别增长10.4%、10.2%。", ["接待游客人次增速", "游客总花费增速"]),
    ("新落地项目、实际利用内资分别增长18.7%、31.3%。", ["新落地项目增速", "实际利用内资增速"]),
])
def test_list_members_without_a_shared_head_are_names_of_their_own(text: str, names: list[str]) -> None:
    assert [r.indicator for r in quantities(text)] == names


def test_a_short_modifier_is_no_member_name() -> None:
    # 城市 / 县城 modify the one head that follows the last: 城市 alone names nothing
    names = [r.indicator for r in quantities("城市、县城建成区面积分别提高8.3%、5%。")]
    assert len(names) == 2 and "城市提高" not in names


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=8), st.integers(0, 45), st.integers(0, 8))
def test_claimed_span_overlap_is_any_overlap(spans: list[tuple[int, int]], start: int, length: int) -> None:
    claimed = [(s, s + n) for s, n in spans]
    assert _overlaps(start, start + length, _Claimed(claimed)) == any(
        s < start + length and start < e for s, e in claimed)


def test_design_figures_of_a_facility_are_no_records() -> None:
    recs = quantities("跳蹬水库工程总库容1.06亿方,防洪库容4250万方。某医院总建筑面积约3.06万平方米,规划床位1200张。\n")
    assert recs == []


def test_the_size_and_cost_of_the_one_facility_a_sentence_is_about_are_no_records() -> None:
    recs = quantities("这个项目是省重点项目,总投资2.02亿元。今年,全县完成固定资产投资增长6%。\n")
    assert [r.value for r in recs] == [6.0]


def test_a_share_of_the_regional_product_is_still_a_record() -> None:
    recs = quantities("服务业增加值占地区生产总值比重达54%。\n")
    assert [r.value for r in recs] == [54.0]


def test_a_count_of_the_plans_own_targets_is_no_record() -> None:
    recs = quantities("计划执行情况较好,12项主要预期目标中11项较好完成。城镇新增就业5万人。\n")
    assert [r.value for r in recs] == [5.0]


def test_an_acronym_glossing_the_indicator_is_no_part_of_its_name() -> None:
    recs = quantities("2024年,全县地区生产总值(GDP)完成201.06亿元,细颗粒物(PM2.5)平均浓度下降2.7%。\n")
    assert [r.indicator for r in recs][0] == "地区生产总值"  # the county's own area is no part of it
    assert "PM2.5" in recs[-1].indicator


def test_a_share_of_the_years_investment_plan_done_names_the_plan() -> None:
    recs = quantities("1-7月完成投资10.52亿元,完成年度投资计划的58.42%。\n")
    assert recs[-1].indicator == "年度投资计划完成率"  # 完成投资 says only what the plan measures


def test_a_completion_share_keeps_a_subject_that_is_more_than_the_measure() -> None:
    recs = quantities("全县城镇新增就业2526人,完成目标任务的103.1%。\n")
    assert recs[-1].indicator == "城镇新增就业目标任务完成率"


def test_the_design_of_one_works_a_sentence_places_is_no_record() -> None:
    # 石景山区 2025 (held_out_4), made up with other figures
    recs = quantities("据了解,城南实验学校项目位于城南片区,可提供教育学位1620个,其中初中学位900个。全区新增学位5000个。\n")
    assert [r.value for r in recs] == [5000.0]


def test_a_capacity_before_a_power_plant_kind_is_part_of_its_name() -> None:
    recs = quantities("20万千瓦风电项目、10万千瓦光伏发电项目正在建设。全县新能源装机容量达到150万千瓦。\n")
    assert [r.value for r in recs] == [150.0]


def test_a_threshold_after_a_count_of_investments_is_no_record() -> None:
    recs = quantities("等6个投资3000万元以上项目纳入储备库。\n")
    assert [r.value for r in recs] == [6.0]


def test_a_milestone_after_a_figure_leaves_the_indicator_to_the_subject() -> None:
    recs = quantities("全年地区生产总值完成812.3亿元,首次突破800亿元大关,同比增长6.1%。\n", plan_year=2024)
    assert [(r.indicator, r.value) for r in recs] == [
        ("地区生产总值", 812.3), ("地区生产总值", 800.0), ("地区生产总值增速", 6.1)]


def test_a_numbered_item_and_a_future_done_verb_are_no_part_of_the_indicator() -> None:
    recs = quantities("(9)硬化村内巷道20万平方米。\n预计第一季度全县将完成固定资产投资9亿元。\n")
    assert [r.indicator for r in recs] == ["硬化村内巷道", "固定资产投资"]


def test_a_figure_grouped_by_spaces_is_one_value_under_its_whole_name() -> None:
    text = "一、2024年工作回顾\n过去一年,全市地区生产总值完成3 456亿元,城镇居民人均可支配收入达到8 020元。\n"
    recs = {r.indicator: r.value for r in quantities(text, plan_year=2025) if r.comparator != "qualitative"}
    assert recs.get("地区生产总值") == 3456 and recs.get("城镇居民人均可支配收入") == 8020



@pytest.mark.parametrize("text, numerals", [
    ("2024 300吨", ["2024", "300"]),          # a year then a figure
    ("1 2 345元", ["1", "2", "345"]),          # a list: a digit and a space before the head
    ("12 345 67亿元", ["12", "345", "67"]),    # a group followed by more digits
    ("1 234,567元", ["1", "234,567"]),         # a group followed by a comma group
    ("3\n000元", ["3", "000"]),               # a line break never joins
])
def test_digits_a_space_apart_that_could_be_two_numbers_stay_two(text: str, numerals: list[str]) -> None:
    assert [m.group("num") for m in MENTION_RE.finditer(text)] == numerals


def test_an_indicator_held_to_a_steady_direction_in_the_targets_list_is_a_qualitative_target() -> None:
    # the shape of 湖北 2021's plan (held_out_15) and 山东 2013 (held_out_12): an item of the list with no figure
    text = ("今年主要预期目标是:地区生产总值增长6%左右;居民收入稳步增长;进出口总额增长5%,实际利用外资稳步增加。"
            "经过努力,科技创新能力持续提高。\n")
    recs = [(r.indicator, r.text) for r in quantities(text) if r.comparator == "qualitative"]
    assert recs == [("居民收入", "居民收入稳步增长"), ("实际利用外资", "实际利用外资稳步增加")]
    # …not a five-year aim's rhetoric (an adverb naming no steady direction)
    text = "“十五五”时期主要目标是:地区生产总值年均增长5%左右,人民生活品质不断提高。\n"
    assert [r for r in quantities(text) if r.comparator == "qualitative"] == []
