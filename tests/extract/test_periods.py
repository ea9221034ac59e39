"""One past/future decision (flows/extract/periods.py) for every record type."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import extract_document
from flows.extract.periods import _item_body, _sentence_span, _turns_ahead, statement_year
from flows.ingest import ingest_bytes

from .corpus import make_doc, quantities


def _records(text: str, plan_year: int | None = 2025) -> list[tuple]:
    metadata = {"plan_year": plan_year} if plan_year else {}
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata=metadata)
    return [(r.type, r.year, r.indicator or r.name) for r in extract_document(doc)]


def test_figure_and_project_of_one_sentence_under_a_completion_heading_agree_on_last_year() -> None:
    recs = _records("一、2024年计划完成情况\n全县地区生产总值增长6.1%,荆荆高铁建成通车。\n二、2025年主要目标\n地区生产总值增长6%左右。\n")
    assert ("achievement", 2024, "地区生产总值增速") in recs
    assert ("project", 2024, "荆荆高铁") in recs
    assert ("target", 2025, "地区生产总值增速") in recs


def test_project_year_follows_a_paragraph_opening_on_last_year() -> None:
    doc = make_doc("过去一年,杭温高铁建成通车。\n今年,加快推进金建铁路建设。\n")
    assert statement_year(doc, doc.text.index("杭温")) == 2024
    assert statement_year(doc, doc.text.index("金建")) == 2025


def test_portfolio_in_a_review_paragraph_is_last_years() -> None:
    recs = [r for r in extract_document(make_doc("过去的一年,实施交通项目53个,总投资974亿元。\n"))]
    assert [(r.type, r.year) for r in recs] == [("portfolio", 2024)]


def test_scorecard_opening_under_no_heading_reports_results() -> None:
    recs = quantities("2024年成绩单:全县地区生产总值增长6.1%。\n今年,全县地区生产总值增长6%左右。\n")
    assert [(r.type, r.year) for r in recs] == [("achievement", 2024), ("target", 2025)]


def test_paragraphs_after_a_look_back_under_no_heading_stay_a_review_until_one_turns_to_this_year() -> None:
    recs = quantities("过去的一年,全县生产总值增长6.1%。\n城乡居民收入分别增长5%、6%。\n"
                      "今年,全县地区生产总值增长6%左右。\n城镇新增就业2万人以上。\n")
    assert [(r.type, r.year, r.value) for r in recs] == [
        ("achievement", 2024, 6.1), ("achievement", 2024, 5.0), ("achievement", 2024, 6.0),
        ("target", 2025, 6.0), ("target", 2025, 2.0),
    ]


def test_draft_plan_title_does_not_make_a_review_a_plan() -> None:
    text = ("关于某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n"
            "过去的一年,全县地区生产总值增长6.1%。\n城镇新增就业2.1万人。\n")
    recs = _records(text, plan_year=None)
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2024), ("achievement", 2024)]


def test_a_paragraph_under_a_heading_does_not_inherit_an_unheaded_look_back() -> None:
    recs = quantities("过去的一年,全县生产总值增长6.1%。\n一、2025年工作安排\n城镇新增就业2万人以上。\n")
    assert [(r.type, r.year) for r in recs] == [("achievement", 2024), ("target", 2025)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="。;!?\n年增长5%", max_size=30), st.integers(0, 31))
def test_sentence_span_is_the_marks_around_the_offset(text: str, at: int) -> None:
    offset = min(at, len(text))
    doc = ingest_bytes("x".encode(), "probe")
    doc = replace(doc, text=text, sections=())
    ends = [i for i in (text.find(d, offset) for d in "。;!?\n") if i >= 0]
    assert _sentence_span(doc, offset) == (max(text.rfind(d, 0, offset) for d in "。;!?\n") + 1,
                                           min(ends) if ends else len(text))


# held_out_2 (tests/extract/held_out_2): progress notes and work reports whose headings do not say
# which way they look


def test_part_of_the_year_that_has_done_something_reports_a_result_unless_aimed_at() -> None:
    text = "全区重大项目上半年完成投资86.97亿元,占年度计划的65.89%。\n力争上半年完成投资50亿元。\n"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": 2024})
    assert [(r.type, r.year, r.value_base) for r in extract_document(doc)] == [
        ("achievement", 2024, 8697000000.0), ("achievement", 2024, 65.89), ("target", 2024, 5000000000.0)]


def test_share_of_the_works_already_done_is_a_result() -> None:
    doc = ingest_bytes("交通方面,目前,渝西高铁已完成征拆量的92.7%、总工程量的41%。\n".encode("utf-8"), doc_id="case",
                       metadata={"plan_year": 2024})
    assert [(r.type, r.year, r.value_base) for r in extract_document(doc)] == [
        ("achievement", 2024, 92.7), ("achievement", 2024, 41.0)]


def test_headings_introduced_by_a_look_back_review_last_year() -> None:
    text = ("一年来,我们主要做了以下六个方面工作:\n一、全力以赴稳增长、促发展,经济质量稳步提升\n环保科技产业园积极推进,红山文化研究中心初步投入使用。\n"
            "二、加强城乡建设\n入驻46家企业。\n")
    recs = _records(text, plan_year=2019)
    assert ("project", 2018, "环保科技产业园") in recs
    assert ("project", 2018, "红山文化研究中心") in recs
    assert [r[:2] for r in recs if r[0] in ("target", "achievement")] == [("achievement", 2018)]


def test_headings_after_a_look_back_that_does_not_announce_them_still_plan() -> None:
    recs = _records("过去一年,全市地区生产总值增长5%。\n一、加快建设现代化产业体系\n规上工业增加值增长6%。\n")
    assert ("target", 2025, "规上工业增加值增速") in recs


def test_a_breakdown_paragraph_reads_as_the_paragraph_before_it_ends() -> None:
    text = ("目前,全区重大项目上半年完成投资86.97亿元。\n"
            "其中,全国综合交通物流枢纽大节点项目完成35.19亿元,国家农业现代化示范区项目完成15.42亿元。\n")
    recs = [(r.type, r.year) for r in extract_document(ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": 2024}))]
    assert recs == [("achievement", 2024)] * 3


def test_a_heading_series_broken_by_a_heading_that_plans_is_no_longer_introduced_by_the_look_back() -> None:
    text = ("一年来,我们主要做了以下工作:\n一、稳增长\n地区生产总值增长5%。\n二、2025年工作安排\n地区生产总值增长6%左右。\n"
            "三、加强政府自身建设\n行政事业单位支出压减5%。\n")
    recs = [(r.type, r.year) for r in extract_document(ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": 2025}))]
    assert recs == [("achievement", 2024), ("target", 2025), ("target", 2025)]


def test_a_share_already_done_makes_its_paragraph_a_progress_report() -> None:
    text = "交通方面,正在建设渝西和成达万2条高铁。目前,渝西高铁已完成征拆量的92.7%。与此同时,巫云开、开万梁等3条高速也在按时推进。\n"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": 2024})
    assert {(r.type, r.year) for r in extract_document(doc) if r.type in ("target", "achievement")} == {("achievement", 2024)}


def test_a_news_lead_naming_the_plan_report_by_its_long_title_still_opens_on_last_year() -> None:
    recs = _records("2月26日,在市人大会议上发布的《关于某市2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展"
                    "计划草案的报告》显示,2025年,全市经济运行总体平稳。全年地区生产总值增长5%。\n", plan_year=2026)
    assert ("achievement", 2025, "地区生产总值增速") in recs


def test_a_paragraph_announcing_its_main_targets_sets_targets_even_with_year_on_year_wording() -> None:
    recs = _records("二、2025年工作安排\n2025年全区经济社会发展的主要预期目标是:预计地区生产总值同比增长5.5%左右,"
                    "固定资产投资同比增长6%。\n")
    assert [r[:2] for r in recs if r[0] != "project"] == [("target", 2025), ("target", 2025)]


def test_a_part_of_the_year_reaching_a_figure_reports_it_though_the_place_stands_between() -> None:
    recs = _records("今年以来,县政府顶住压力。上半年,全县实现地区生产总值80.8亿元,增长7.1%。\n")
    assert {r[:2] for r in recs} == {("achievement", 2025)}


def test_a_year_named_clauses_before_a_quarters_result_does_not_make_it_an_aim() -> None:
    recs = _records("今年,某县有21个项目列入省市重点项目,年度计划投资21.18亿元,一季度完成投资8.01亿元。\n")
    assert ("achievement", 2025) in {r[:2] for r in recs if r[2] and "一季度" in r[2]}
    assert _records("力争上半年完成投资50亿元。\n")[0][:2] == ("target", 2025)


def test_a_count_of_what_already_stands_is_a_result() -> None:
    recs = _records("今年,全县计划实施重点项目30个。目前,已有6个重点项目开工建设。\n")
    assert [r[:2] for r in recs] == [("target", 2025), ("achievement", 2025)]


def test_qualitative_targets_of_a_paragraph_announcing_its_main_targets_are_targets() -> None:
    recs = _records("二、2025年工作安排\n2025年全区经济社会发展的主要预期目标是:固定资产投资同比增长6%,"
                    "居民收入增长与经济增长基本同步。\n")
    assert ("target", 2025, "居民收入增长") in recs


def test_a_line_opening_on_expected_targets_and_a_colon_holds_the_qualitative_targets() -> None:
    recs = _records("三、2026年部分重点工作\n预期目标:城镇新增就业70万人以上;居民收入增长和经济增长同步\n", plan_year=2026)
    assert ("target", 2026, "居民收入增长") in recs


def test_a_strength_word_clauses_before_a_part_of_the_year_still_makes_it_an_aim() -> None:
    recs = _records("力争全年完成投资100亿元,上半年完成投资50亿元。\n")
    assert {r[:2] for r in recs} == {("target", 2025)}


@pytest.mark.parametrize("text", [
    "今年以来,全县经济平稳。上半年,全县实现地区生产总值80.8亿元。下一步,力争全年地区生产总值增长6%。\n",
    "截至目前,已顺利完成20个项目。下一步,力争全年完成投资50亿元。\n",
])
def test_a_strength_word_in_its_own_sentence_makes_a_figure_an_aim_in_a_progress_paragraph(text: str) -> None:
    recs = _records(text)
    assert recs[0][0] == "achievement" and recs[-1][0] == "target"


def test_a_paragraph_reads_as_last_years_from_its_opening_up_to_the_turn_to_this_year() -> None:
    # the opening is read once per paragraph; whether last year is named before a figure, per figure
    opening_on_last_year = "2024年,全县地区生产总值增长6.1%,2025年全县地区生产总值增长6%左右。\n"
    last_year_named_later = "全县地区生产总值增长6%左右,2024年,全县地区生产总值增长6.1%。\n"
    estimate_opening = "据初步核算,全县地区生产总值增长6.1%,今年全县地区生产总值增长6%左右。\n"
    assert [(r.type, r.year) for r in quantities(opening_on_last_year)] == [("achievement", 2024), ("target", 2025)]
    assert [(r.type, r.year) for r in quantities(last_year_named_later)] == [("target", 2025), ("achievement", 2024)]
    assert [(r.type, r.year) for r in quantities(estimate_opening)] == [("achievement", 2024), ("target", 2025)]


def test_a_past_period_after_a_long_title_in_the_news_lead_still_opens_on_the_past() -> None:
    # the opening read once per paragraph runs as far as _last_year_clause reads it: past a book title
    # opened within its first 60 characters (merge of the extract and learned branches)
    text = ("2月26日,在市第十七届人民代表大会第五次会议上发布的《关于某市国民经济和社会发展计划执行情况与国民经济和社会发展"
            "计划草案的报告》显示,“十四五”期间,全市地区生产总值增长5%。\n")
    assert text.index("十四五") > 60
    assert ("achievement", 2025, "地区生产总值增速") in _records(text, plan_year=2026)


def test_an_estimate_turned_ahead_by_jiang_is_an_aim_whatever_tongbi_says() -> None:
    # a progress note's outlook (held_out_4, 阜新蒙古族自治县 2022), made up with other figures
    recs = _records("新一年,我县将紧盯重点项目,预计上半年全县将完成固定资产投资8亿元,同比增长12%。\n")
    assert [r[0] for r in recs] == ["target", "target"], recs
    recs = _records("今年以来,全县完成固定资产投资8亿元,预计全年增长12%。\n")
    assert [r[0] for r in recs] == ["achievement", "achievement"], recs


def test_a_milestone_marked_by_biaozhizhe_is_a_result_in_a_progress_note() -> None:
    recs = _records("随着东岭风电项目实现全容量并网发电,标志着我县新能源装机容量达到120万千瓦。\n")
    assert ("achievement", 2025, "新能源装机容量") in recs, recs
    assert ("project", 2025, "东岭风电") in recs, recs


def test_a_sentence_opening_on_a_month_reports_results_but_its_planned_clause_aims() -> None:
    recs = _records("仅2月份,金港物流园、银湖酒店等6个项目竣工,华丰纺织、东岭光伏等9个项目计划二季度开工。\n")
    counts = [(r[0], r[2]) for r in recs if r[0] != "project"]
    assert [t for t, _ in counts] == ["achievement", "target"], recs


def test_a_news_item_opening_on_a_day_reports_what_happened_that_day() -> None:
    recs = _records("3月18日,城东区一季度31个重点项目集中开工。\n县政府将新建公共厕所40座。\n")
    assert [r[0] for r in recs] == ["achievement", "target"], recs


# --- held_out_5's causes, as shapes (issue 12) ----------------------------------------------------

@pytest.mark.parametrize("lead", ["报告提出,一年来,", "省长在政府工作报告中指出,过去一年,", "报告说,五年来,"])
def test_news_lead_naming_the_report_before_a_look_back_opens_a_review(lead: str) -> None:
    recs = quantities(f"{lead}全省坚持稳中求进,全年实现生产总值7.65万亿元,比上年增长6.4%。\n"
                      "城镇新增就业136.8万人,财政民生支出占比达到79%。\n")
    assert {(r.type, r.year) for r in recs} == {("achievement", 2024)}


def test_news_lead_naming_the_report_before_aims_stays_a_plan() -> None:
    recs = quantities("报告提出,今年全省生产总值增长5%以上。\n")
    assert [(r.type, r.year) for r in recs] == [("target", 2025)]


def test_bullets_under_an_unnumbered_five_year_review_heading_are_results() -> None:
    text = ("今年政府工作报告 都有哪些干货?\n“十四五”时期工作回顾\n经济实力迈上新台阶\n"
            "• 新增铁路里程989公里\n• 营商环境向优向好,实有经营主体688.3万户\n民族团结进步示范区建设结出新硕果\n"
            "建成“铸牢”教育示范学校304所、教育实践基地20个\n• 打造1000个民族村寨旅游提升示范村\n")
    recs = _records(text, plan_year=2026)
    assert {t for t, _, _ in recs} == {"achievement"} and len(recs) == 5, recs


def test_a_paragraph_ending_on_the_reports_review_opens_the_look_back_and_its_estimates_are_results() -> None:
    text = ("12月28日,区人民代表大会召开。区政府工作报告回顾了 2020年工作 。\n"
            "全区干部群众奋力拼搏,经济增长好于预期,全年预计实现地区生产总值增长1%;固定资产投资增长7%。\n"
            "2021年全区经济社会发展的主要预期目标是:地区生产总值增长3%。\n")
    assert [(t, y) for t, y, _ in _records(text, plan_year=2021)] == [
        ("achievement", 2020), ("achievement", 2020), ("target", 2021)]


def test_a_review_announced_together_with_this_years_tasks_opens_no_look_back() -> None:
    text = "会议召开。区政府工作报告回顾了2020年工作,部署了2021年任务。\n地区生产总值增长3%。\n"
    assert [(t, y) for t, y, _ in _records(text, plan_year=2021)] == [("target", 2021)]


def test_list_after_a_lead_naming_the_report_that_set_the_tasks_reports_them_done() -> None:
    text = ("在《2020年政府工作报告》中,共安排十个方面民生实事。短短10个月,全县扎实推进民生实事项目建设!\n"
            "完成3处棚改腾空区域街头绿地建设任务。\n优化调整公交线路1条,新建站亭14处。\n完成农村改厕1200户。\n")
    assert {(t, y) for t, y, _ in _records(text, plan_year=2020)} == {("achievement", 2020)}
    assert {(t, y) for t, y, _ in _records(text, plan_year=2021)} == {("achievement", 2020)}


@pytest.mark.parametrize("lead", [
    "在《2021年政府工作报告》中,共安排十个方面民生实事。",  # a report of a later year: its tasks are ahead
    "《2020年政府工作报告》安排十个方面民生实事,今年将全部完成。",  # the lead turns ahead
])
def test_a_report_setting_tasks_ahead_leaves_the_list_as_aims(lead: str) -> None:
    text = f"{lead}\n完成农村改厕1200户。\n"
    assert [(t, y) for t, y, _ in _records(text, plan_year=2020)] == [("target", 2020)]


def test_this_years_planned_figure_inside_a_review_is_an_aim_and_its_result_an_achievement() -> None:
    text = "一、2020年重点项目完成情况\n今年80个重点项目计划完成年度投资190亿元以上,实际累计完成投资209.37亿元。\n"
    assert [(t, y, r.split("计划")[0]) for t, y, r in _records(text, plan_year=2021)] == [
        ("target", 2020, "重点项目"), ("target", 2020, "年度投资"), ("achievement", 2020, "重点项目完成投资")]


def test_an_earlier_years_figure_in_brackets_of_a_comparison_is_no_record() -> None:
    recs = quantities("与2020年相比,重点项目个数(2020年80个)增加36个,增长45%。\n")
    assert sorted(r.value for r in recs) == [36.0, 45.0]


def test_lines_under_a_target_heading_without_an_announcing_sentence_are_targets_qualitative_ones_too() -> None:
    text = ("2023年,全省怎样干?政府工作报告对今年的重点工作作出部署安排。\n建议全年经济社会发展预期目标\n"
            "●地区生产总值增长5%以上\n●外贸外资促稳提质\n●全面完成国家下达的节能减排降碳\n约束性指标和环境质量改善目标\n")
    recs = _records(text, plan_year=2023)
    assert {(t, y) for t, y, _ in recs} == {("target", 2023)}
    assert [i for _, _, i in recs] == ["地区生产总值增速", "外贸外资", "节能减排降碳约束性指标", "环境质量改善"]


@pytest.mark.parametrize(("plan_year", "reading"), [(2021, ("achievement", 2020)), (2018, ("target", 2018))])
def test_a_heading_naming_a_five_year_plan_over_before_the_plan_year_reviews(plan_year: int, reading: tuple) -> None:
    text = ("一、“十三五”国民经济和社会发展总体情况\n产业体系在优化升级中取得新发展。现代服务业蓬勃发展,"
            "第三产业增加值占GDP比重超过30%。\n")
    assert [(t, y) for t, y, _ in _records(text, plan_year=plan_year)] == [reading]


def test_a_long_list_of_results_in_points_stays_under_the_look_back_that_opened_it() -> None:
    items = "".join(f"• 新建示范村{i}个\n" for i in range(1, 21))
    recs = _records(f"过去的一年,全市经济运行稳中向好:\n{items}今年,新建示范村30个。\n")
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2024)] * 20 + [("target", 2025)]


@pytest.mark.parametrize(("opening", "ahead"), [("2024年主要成绩", "2025年主要目标"), ("回眸2024", "展望2025")])
def test_a_short_line_naming_last_year_heads_results_until_one_looks_ahead(opening: str, ahead: str) -> None:
    text = f"某市2025年政府工作报告(草案)\n{opening}\n全市地区生产总值增长6.1%。\n{ahead}\n地区生产总值增长6%左右。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2024), ("target", 2025)]


def test_a_date_line_of_last_year_opens_no_review() -> None:
    assert [(t, y) for t, y, _ in _records("2024年12月28日在市人民代表大会上\n全市地区生产总值增长6%左右。\n")] == [
        ("target", 2025)]


@pytest.mark.parametrize("title", ["某县2024年国民经济和社会发展计划执行情况与2025年计划草案(摘要)",
                                   "某县2024年计划执行情况与2025年计划草案要点"])
def test_a_draft_plan_title_read_as_a_heading_leaves_the_review_run_to_its_paragraphs(title: str) -> None:
    text = f"某县人民政府网\n{title}\n过去的一年,全县地区生产总值增长6.1%。\n固定资产投资增长5%。\n今年,全县地区生产总值增长6%左右。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2024), ("achievement", 2024), ("target", 2025)]


def test_a_dash_list_after_a_scorecard_opening_stays_a_review_and_this_five_years_looks_back() -> None:
    items = "".join(f"——新建示范村{i}个。\n" for i in range(1, 15))
    assert {(t, y) for t, y, _ in _records(f"2024年,全县交出了一份亮眼的成绩单:\n{items}")} == {("achievement", 2024)}
    assert [(t, y) for t, y, _ in _records("这五年,规上工业增加值年均增长8%。\n", plan_year=2026)] == [("achievement", 2025)]


@pytest.mark.parametrize("paragraph", [
    "1月10日,某区人民代表大会开幕,区长代表区人民政府作政府工作报告。报告指出,一年来,全区地区生产总值增长6.1%。",
    "会上,区长作政府工作报告。他表示,过去一年,全区地区生产总值增长6.1%。",
])
def test_a_news_lead_after_the_papers_first_sentence_still_opens_the_review(paragraph: str) -> None:
    recs = _records(f"{paragraph}\n固定资产投资增长5%。\n报告提出,今年全区地区生产总值增长6%左右。\n")
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2024), ("achievement", 2024), ("target", 2025)]


@pytest.mark.parametrize("line", ["“十四五”发展成就", "主要成就"])
def test_a_short_review_line_without_a_year_heads_results(line: str) -> None:
    text = f"{line}\n全省地区生产总值年均增长5.5%。\n“十五五”主要目标\n地区生产总值年均增长5%左右。\n"
    assert [t for t, _, _ in _records(text, plan_year=2026)] == ["achievement", "target"]


@pytest.mark.parametrize("line", ["主要工作", "乡村振兴取得新成效"])  # words plans use as well
def test_a_short_line_plans_also_use_heads_no_results(line: str) -> None:
    assert [t for t, _, _ in _records(f"{line}\n全省地区生产总值增长5.5%。\n", plan_year=2026)] == ["target"]


def test_a_run_under_a_silent_heading_continues_the_look_back_its_first_paragraph_opened() -> None:
    text = ("关于某市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n各位代表:\n"
            "一、经济社会发展情况\n过去的一年,全市经济运行稳中有进。\n"
            "(一)经济运行稳中有进。全市地区生产总值增长6%,固定资产投资增长5%。\n"
            "(二)产业结构持续优化。规上工业增加值增长8%。\n二、2025年经济社会发展主要目标\n地区生产总值增长6%左右。\n")
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2024)] * 3 + [("target", 2025)]


def test_a_run_under_a_silent_heading_ends_where_a_paragraph_turns_to_this_year() -> None:
    text = "一、总体情况\n过去一年,全市地区生产总值增长6%。\n今年,全市地区生产总值增长6%左右。\n固定资产投资增长5%。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2024), ("target", 2025), ("target", 2025)]


@pytest.mark.parametrize("opening", ["新的一年,全市", "下一步,全市", "今后五年,全省", "“十五五”时期,全省", "报告明确,今年全市"])
def test_a_paragraph_opening_ahead_without_naming_the_year_ends_a_review_run(opening: str) -> None:
    recs = _records(f"过去一年,全市地区生产总值增长6%。\n{opening}地区生产总值增长5%左右。\n", plan_year=2026)
    assert [t for t, _, _ in recs] == ["achievement", "target"]


def test_future_industries_opening_a_paragraph_do_not_end_a_review_run() -> None:
    recs = _records("过去一年,全市地区生产总值增长6%。\n未来产业加快布局,新增人工智能企业5家。\n", plan_year=2026)
    assert [t for t, _, _ in recs] == ["achievement", "achievement"]


@pytest.mark.parametrize(("turn", "reading"), [("新的一年,全市", "target"), ("“十五五”时期,全省", "target"),
                                               ("“十四五”时期,全省", "achievement")])
def test_a_sentence_opening_ahead_inside_a_review_paragraph_turns_it(turn: str, reading: str) -> None:
    recs = _records(f"过去一年,全市地区生产总值增长6%。{turn}地区生产总值增长5%左右。\n", plan_year=2026)
    assert [t for t, _, _ in recs] == ["achievement", reading]


def test_a_full_year_estimate_is_last_years_result_over_its_semicolon_list_and_not_when_it_turns_ahead() -> None:
    text = ("全区干部群众奋力拼搏,经济增长好于预期,全年预计实现地区生产总值增长1%;规模以上工业总产值增长2%。"
            "全区将加快发展,固定资产投资增长5%。\n预计全年将完成地区生产总值增长6%。\n")
    assert [(t, y) for t, y, _ in _records(text, plan_year=2021)] == [
        ("achievement", 2020), ("achievement", 2020), ("target", 2021), ("target", 2021)]


@pytest.mark.parametrize("title", ["某县2025年计划草案要点", "《关于某县2024年计划执行情况与2025年计划草案的报告》"])
def test_a_title_read_as_a_heading_at_the_top_does_not_make_the_review_under_it_a_plan(title: str) -> None:
    text = f"某县人民政府网\n{title}\n过去的一年,全县地区生产总值增长6.1%。\n固定资产投资增长5%。\n今年,全县地区生产总值增长6%左右。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2024), ("achievement", 2024), ("target", 2025)]


def test_a_plan_heading_below_the_title_lines_still_governs() -> None:
    text = "某县人民政府网\n各位代表:\n现在报告如下。\n二、2025年工作安排\n全县地区生产总值增长6%左右。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("target", 2025)]


@pytest.mark.parametrize(("sentence", "plan_figure"), [
    # 东安县 2023 plan report (held_out_6): the plan in brackets after each result
    ("全年实现地区生产总值增长5.9%,高于全市0.8个百分点(预期目标为8.5%以上)。", 8.5),
    # 荔城区 2023 plan report (held_out_6): the completion share against the year plan
    ("初步预计,全区地区生产总值635亿元,完成年计划710亿元的89.4%。", 710e8),
    # 开州区 2024 progress (held_out_2): the share of the year's task done so far
    ("全区181个重大项目上半年完成投资86.97亿元,占年度任务目标132亿元的65.89%。", 132e8),
])
def test_the_plans_own_figure_named_in_a_review_is_a_target_of_the_year_reported_on(sentence: str,
                                                                                    plan_figure: float) -> None:
    text = f"一、2022年计划执行情况\n{sentence}\n"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": 2023})
    recs = [r for r in extract_document(doc) if r.type in ("target", "achievement")]
    assert [(r.type, r.year) for r in recs if r.value_base == plan_figure] == [("target", 2022)]
    assert {r.type for r in recs if r.value_base != plan_figure} == {"achievement"}


def test_a_result_measured_against_the_plan_stays_a_result() -> None:
    # 红寺堡区 2025 progress (held_out): 高于预期目标 compares; the figure is no plan
    text = "一、2024年计划执行情况\n全区固定资产投资同比增长16.3%,高于预期目标4.3个百分点。\n"
    assert {t for t, _, _ in _records(text, plan_year=2025)} == {"achievement"}


def test_the_years_own_plan_in_a_progress_report_is_a_target_of_that_year() -> None:
    text = "目前,全区181个重大项目上半年完成投资86.97亿元,占年度任务目标132亿元的65.89%。\n"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": 2024})
    readings = {r.value_base: (r.type, r.year) for r in extract_document(doc) if r.type in ("target", "achievement")}
    assert readings[132e8] == ("target", 2024)
    assert readings[86.97e8] == ("achievement", 2024)


def test_an_unnumbered_review_heading_heads_the_numbered_series_after_it() -> None:
    # 中宁县 2026 (held_out_6): “2025年和“十四五”工作回顾” then 一、经济运行量质齐升… filed beside it
    text = ("某县政府工作报告\n2024年工作回顾\n一、经济运行稳中有进\n全县地区生产总值达到300亿元,粮食产量20万吨。\n"
            "二、民生持续改善\n城镇新增就业1200人。\n2025年工作安排\n一、扩大有效投资\n新建学校5所。\n")
    assert _records(text) == [("achievement", 2024, "地区生产总值"), ("achievement", 2024, "粮食产量"),
                              ("achievement", 2024, "城镇新增就业"), ("target", 2025, "新建学校")]


def test_a_numbered_review_heading_does_not_head_its_numbered_siblings() -> None:
    text = "一、2024年工作回顾\n全县地区生产总值达到300亿元。\n二、加强政府自身建设\n新建学校5所。\n"
    assert _records(text) == [("achievement", 2024, "地区生产总值"), ("target", 2025, "新建学校")]


@pytest.mark.parametrize(("sentence", "reading"), [
    ("第二季度集中开工项目23个,投资体量大。", ("achievement", 2022)),  # 清涧县 2022 (held_out_4)
    ("三季度完成投资8.01亿元。", ("achievement", 2022)),  # as 一季度完成投资8.01亿元 (明溪县 2022)
    ("力争第二季度集中开工项目23个。", ("target", 2022)),
    ("预计第三季度全县将完成固定资产投资11亿元。", ("target", 2022)),
])
def test_a_quarter_gone_by_before_its_done_verb_reports_a_result(sentence: str, reading: tuple) -> None:
    assert [(t, y) for t, y, _ in _records(f"{sentence}\n", plan_year=2022)] == [reading]


@pytest.mark.parametrize("sentence", [
    "304个省列重大项目完成投资2929亿元、超年度计划28%。",  # 甘肃省 2026: measured against the plan
    "全区重点项目完成投资120亿元,完成年度计划110%。",  # a completion rate, no plan's size before 的
])
def test_a_result_measured_against_the_plan_names_no_plan_figure(sentence: str) -> None:
    readings = {t for t, _, _ in _records(f"一、2024年计划执行情况\n{sentence}\n")} - {"portfolio"}
    assert readings == {"achievement"}


def test_a_paragraph_opening_on_this_one_year_reviews_it_without_a_heading() -> None:
    # 固安县 2025 (held_out_4) and 海南省 2026 open each review paragraph so; an excerpt may lose its heading
    text = "这一年,我们千方百计惠民生,各项事业协调发展。新建普惠性民办幼儿园2所。\n城镇新增就业1200人。\n"
    assert {(t, y) for t, y, _ in _records(text)} == {("achievement", 2024)}


def test_a_sentence_of_requirements_restated_in_a_review_holds_targets() -> None:
    # 咸宁市 2021 (held_out_6): the work report's tasks, then how the first half went
    text = ("一、2024年计划执行情况\n1.引进行业龙头企业投资项目不少于3个;投资10亿元以上项目10个。"
            "上半年,引进行业龙头企业投资项目2个,10亿元以上项目25个。\n")
    recs = _records(text)
    assert [t for t, _, _ in recs] == ["target", "target", "achievement", "achievement"]


def test_a_requirement_word_leaves_a_clause_measured_on_the_year_a_result() -> None:
    text = "一、2024年计划执行情况\n粮食播种面积不低于500万亩的任务全面完成,粮食产量同比增长2%。\n"
    assert ("achievement", 2024, "粮食产量增速") in _records(text)


def test_title_line_on_the_plan_years_execution_makes_its_estimates_results_of_the_year() -> None:
    # 廊坊市 2022 (held_out_7), 鄂温克族自治旗 2021 and 崇信县 2017: a title line, no heading under it
    text = ("某市2025年国民经济和社会发展计划执行情况\n今年以来,全市经济总体呈现恢复发展态势。\n"
            "经济运行平稳恢复。地区生产总值预计增长2%左右,一般公共预算收入完成341.5亿元。\n")
    recs = _records(text)
    assert ("achievement", 2025, "地区生产总值增速") in recs
    assert ("achievement", 2025, "一般公共预算收入") in recs
    assert not [r for r in recs if r[0] == "target"]


def test_title_line_on_execution_still_lets_an_aim_or_a_paragraph_ahead_plan() -> None:
    text = ("某市2025年国民经济和社会发展计划执行情况\n今年以来,地区生产总值预计增长2%左右。\n"
            "下一步,力争全年一般公共预算收入完成341.5亿元。\n下半年,全市固定资产投资将增长6%。\n")
    recs = _records(text)
    assert ("achievement", 2025, "地区生产总值增速") in recs
    assert ("target", 2025, "一般公共预算收入") in recs
    assert [r[:2] for r in recs if r[2].startswith("固定资产投资")] == [("target", 2025)]


def test_title_line_on_last_years_execution_and_this_years_draft_is_no_progress_report() -> None:
    text = "2024年国民经济和社会发展计划执行情况与2025年计划草案\n地区生产总值预计增长5%左右。\n"
    assert ("achievement", 2025, "地区生产总值增速") not in _records(text)


def test_award_sentence_about_last_year_does_not_govern_the_plan_years_aims_after_it() -> None:
    # 竹山县 2024 (held_out_7): 2023年,…获评…称号。2024年,该县将…力争实现…
    text = ("2024年,某县先后获评全国生态文明示范县等称号。2025年,该县将坚持工业强县,"
            "力争实现地区生产总值增长10%以上,固定资产投资增长13%以上。\n")
    recs = _records(text)
    assert ("target", 2025, "地区生产总值增速") in recs
    assert [r[:2] for r in recs if r[2].startswith("固定资产投资")] == [("target", 2025)]


def test_award_paragraph_without_a_turn_still_reports_results() -> None:
    text = "全县荣获全国文明城市称号,地区生产总值增长6%,固定资产投资增长8%。\n"
    recs = _records(text)
    assert ("achievement", 2024, "地区生产总值增速") in recs


def test_news_lead_before_the_plan_year_ends_a_review_run() -> None:
    # 西藏 2019 (held_out_7): 据了解,2019年,西藏将…力争…; 清涧县 2022 (held_out_4): 据了解,今年我县…
    text = ("过去一年,全区地区生产总值增长10%左右。\n"
            "据了解,2025年,全区将推进旅游产业全域发展,力争旅游收入达到580亿元。\n")
    recs = _records(text)
    assert ("achievement", 2024, "地区生产总值增速") in recs
    assert ("target", 2025, "旅游收入") in recs


def test_sentence_opening_on_a_five_year_look_back_reports_results() -> None:
    # 西藏 2026 (held_out_7): …标志着“十四五”圆满收官。这五年是…的五年,GDP年均增长6.3%
    text = ("主席说,2025年主要目标的完成,标志着“十四五”圆满收官。这五年是发展最好的五年,"
            "地区生产总值年均增长6.3%。\n")
    assert ("achievement", 2025, "地区生产总值年均增速") in _records(text, plan_year=2026)


def test_a_title_line_on_the_plan_years_execution_is_evidence_as_a_heading_is() -> None:
    from flows.extract.periods import reading_evidence
    text = "某市2025年国民经济和社会发展计划执行情况\n经济运行平稳恢复。地区生产总值预计增长2%左右。\n"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata={"plan_year": 2025})
    assert reading_evidence(doc, text.index("2%")) == "heading"


# --- held_out_9's and held_out_10's causes, as shapes (issue 12, round 3) -------------------------

@pytest.mark.parametrize("paragraph", [
    # a dateline, a long clause ending on the report and a colon, then last year's date
    "新华社某地1月20日电 (记者 某某)20日,某省人民代表大会开幕。会上省长代表省人民政府向大会作政府工作报告:"
    "2024年,某省地区生产总值达6.2万亿元。",
    # a dateline clause, then a reporter's long clause ending on 获悉, then a five-year look back
    "15日,记者从某省人民代表大会第二次会议上发布的政府工作报告获悉,近五年,某省普通国道里程突破2万公里。",
    # the commission in its report, then last year's date and the place without 全省 / 我省
    "市发改委在报告中提到,2024年某市经济运行稳中向好。预计全市实现生产总值3200亿元。",
    "报告透露,2024年某市全市生产总值增长约5%(预计,下同)。",
    "张某某表示,2024年某省开放型经济迈上新台阶,引进外资企业30余家。",
    "此前,某自治区官方公布,2024年全区实现生产总值3000亿元。某区GDP首次突破3000亿元大关。",
])
def test_a_news_lead_of_any_length_before_last_year_opens_a_review(paragraph: str) -> None:
    recs = _records(f"{paragraph}\n报告明确,2025年某省地区生产总值增长5%左右。\n")
    assert [(t, y) for t, y, _ in recs][-1] == ("target", 2025), recs
    assert {(t, y) for t, y, _ in recs[:-1]} == {("achievement", 2024)}, recs


def test_a_news_lead_before_a_date_of_last_year_does_not_open_a_review() -> None:
    # 2024年12月… is a day the news tells of, not the year reviewed
    recs = _records("记者获悉,2024年12月30日,某市发布新一轮规划:到2025年,全市地区生产总值达到5000亿元。\n")
    assert [(t, y) for t, y, _ in recs] == [("target", 2025)], recs


@pytest.mark.parametrize("text", [
    # a bare year line over the estimates of a news explainer
    "省政府工作报告解读\n\n2024\n\n预计生产总值接近5万亿元、增长5.5%左右,粮食产量1300亿斤。\n",
    # the estimates after a plan report's review sentence
    "某市2024年计划执行情况与2025年计划草案的报告\n全市完成了年初确定的目标任务。预计全市实现生产总值8000亿元,增长6%。\n",
])
def test_a_sentence_opening_on_an_estimate_reports_the_closing_years_results(text: str) -> None:
    recs = _records(text)
    assert recs and {(t, y) for t, y, _ in recs} == {("achievement", 2024)}, recs


@pytest.mark.parametrize("text", [
    "预计今年全市生产总值增长5%左右。\n",
    "预计2025年全市生产总值增长5%左右。\n",
    "全市主要预期目标是:预计地区生产总值同比增长5.5%左右。\n",
])
def test_an_estimate_of_this_year_or_under_its_targets_stays_a_target(text: str) -> None:
    assert [(t, y) for t, y, _ in _records(text)] == [("target", 2025)]


def test_an_estimate_in_a_report_on_the_plan_years_progress_is_of_the_plan_year() -> None:
    text = "一、2025年上半年计划执行情况\n预计上半年全市生产总值增长5.2%。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2025)]


def test_targets_announced_inside_a_paragraph_after_the_results_are_targets() -> None:
    text = ("报告透露,2024年某市全市生产总值增长约5%(预计,下同),居民人均可支配收入增长5%左右,\n"
            "报告定下2025年某市发展目标:全市生产总值增长6%左右,固定资产投资增长8%,居民人均可支配收入和经济增长同步。\n")
    recs = _records(text)
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2024)] * 2 + [("target", 2025)] * 3, recs


def test_expected_targets_announced_with_a_comma_after_a_statement_of_intent_are_targets() -> None:
    text = "2025年,我们将锚定建设现代化新城区。预期目标是,地区生产总值同比增长7%,区本级财政收入同比增长7.2%。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("target", 2025)] * 2


def test_a_result_measured_against_the_years_expected_target_stays_a_result() -> None:
    text = "过去一年,全县地区生产总值增长10.7%,完成年度预期目标,增幅继续高于全省。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2024)]


def test_review_headings_under_a_title_on_the_plan_year_so_far_report_that_years_progress() -> None:
    text = ("某旗2025年上半年国民经济和社会发展计划执行情况的报告\n主任、各位副主任、各位委员:\n"
            "一、上半年国民经济和社会发展计划执行情况\n上半年,全旗地区生产总值完成59.0亿元,同比增长6.5%;固定资产投资增长8%。\n")
    recs = _records(text)
    assert recs and {(t, y) for t, y, _ in recs} == {("achievement", 2025)}, recs


def test_a_notice_opening_on_the_plan_years_tasks_so_far_reports_progress_and_restates_its_tasks() -> None:
    text = ("为推进工作落实,市政府督查室近期对《政府工作报告》确定的2025年重点工作上半年完成情况进行了督办。现将有关情况通报如下:\n"
            "一、主要指标任务完成情况\n上半年,全市完成地区生产总值802.81亿元,同比增长8.6%;社会固定资产投资增长6.1%。\n"
            "二、其他指标任务完成情况\n1.引进投资项目不少于3个;新开工亿元以上产业项目100个。上半年,引进投资项目5个。\n")
    recs = _records(text)
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2025)] * 3 + [("target", 2025)] * 2 + [("achievement", 2025)], recs


def test_a_run_of_numbered_headings_listing_the_reports_parts_heads_nothing() -> None:
    # a news page lists the report's outline, then gives last year's results under no heading of its own
    recs = _records("某省人民政府工作报告发布。报告分为两部分\n一、2024年工作回顾\n二、2025年目标任务\n回顾2024\n"
                    "全省地区生产总值增长5.3%,一般公共预算收入增长4.1%。\n")
    assert ("achievement", 2024, "地区生产总值增速") in recs
    assert ("achievement", 2024, "一般公共预算收入增速") in recs


def test_a_numbered_heading_followed_by_its_body_still_heads_it() -> None:
    recs = _records("一、2024年工作回顾\n全省地区生产总值增长5.3%。\n二、2025年目标任务\n地区生产总值增长5%左右。\n")
    assert ("achievement", 2024, "地区生产总值增速") in recs
    assert ("target", 2025, "地区生产总值增速") in recs


def test_the_first_part_under_a_silent_heading_after_a_review_opening_reports_results() -> None:
    recs = _records("过去的一年,全省上下较好完成了主要目标任务。\n一、产业培育力度加大\n农业增加值2000亿元,增长4.4%。\n")
    assert ("achievement", 2024, "农业增加值") in recs
    assert ("achievement", 2024, "农业增加值增速") in recs


def test_a_silent_first_part_after_a_paragraph_that_does_not_look_back_is_not_a_review() -> None:
    recs = _records("各位代表:\n一、产业培育力度加大\n农业增加值增长4%左右。\n")
    assert ("target", 2025, "农业增加值增速") in recs


def test_figures_after_a_documents_first_dated_sentence_on_last_year_are_results_up_to_a_turn() -> None:
    # a news page quoting the report: last year's figures in quotes, then the plan year's targets
    recs = _records("县长作政府工作报告。\n“2024年,全县实现生产总值255亿元,按可比价计算增长8.5%;财政总收入30.9亿元,"
                    "分别增长13.3%……”一串串翔实的数据,呈现了我县过去一年的成绩。\n"
                    "“2025年我县经济社会发展的主要预期目标是:生产总值增长8.5%以上,服务业增加值增长13%以上……”一个个具体的目标。\n")
    assert ("achievement", 2024, "生产总值") in recs
    assert ("achievement", 2024, "财政总收入") in recs
    assert ("target", 2025, "服务业增加值增速") in recs


def test_a_comparison_with_last_year_is_not_a_documents_first_date() -> None:
    recs = _records("全区重大项目投资比2024年同期增长25%。\n全区地区生产总值增长6%左右。\n")
    assert ("target", 2025, "地区生产总值增速") in recs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 河北省2023年政府工作报告 (tests/extract/held_out_12): the place stands right after last year's date
        ("2024年某新区获批建设,示范区完成投资增长20%,协同发展取得重要进展。", ("achievement", 2024)),
        # a day of last year opens no look back (the date of a session: 2024年12月28日…在大会上)
        ("2024年12月28日,在市人民代表大会上提出,示范区完成投资增长20%。", ("target", 2025)),
    ],
)
def test_a_sentence_opening_on_last_years_date_reports_results_whatever_follows_the_date(sentence, expected) -> None:
    # after the plan year's targets, so that no opening review of the document decides it
    text = "2025年主要预期目标是地区生产总值增长6%左右。\n协同发展是一个重大战略,多年来也是政府工作的重点之一。" + sentence + "\n"
    assert [(r.type, r.year) for r in quantities(text)] == [("target", 2025), expected]


def test_the_months_so_far_govern_every_item_of_their_semicolon_list_to_the_full_stop() -> None:
    # 广州市 2013 progress note (tests/extract/held_out_9); 开州区 2024 (held_out_2) lists the same way
    text = ("2025年主要预期目标是地区生产总值增长6%左右。\n"
            "二、1-5月全市重大项目累计完成投资约377.3亿元;固定资产投资1212.83亿元,增长23.6%。\n社会消费品零售总额增长5%。\n")
    assert [(r.type, r.year, r.value_base) for r in quantities(text)][1:] == [
        ("achievement", 2025, 37730000000.0), ("achievement", 2025, 121283000000.0), ("achievement", 2025, 23.6),
        ("target", 2025, 5.0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 广州市 2013 progress note (tests/extract/held_out_9); 广东 2020 (held_out_13): 预计2019年全省地区生产总值…
        ("三、该数据在次年5月才公布,今年公布我市2024年万元生产总值能耗下降率为4.94%。", ("achievement", 2024)),
        # a date in an aside closed before the figure is a base (长葛市 2021, held_out_5), a comparison no date
        ("重点项目个数(2024年80个)增加36个。", ("target", 2025)),
        ("全市地区生产总值比2024年增长6%。", ("target", 2025)),
        ("以2024年为基期,单位地区生产总值能耗下降3%。", ("target", 2025)),
        # the date dates every clause of its sentence up to a semicolon (广东 2020, held_out_13)
        ("预计2024年全市地区生产总值1.2万亿元,同比增长6.3%左右。", ("achievement", 2024)),
        # the clause turns to aims after the date
        ("新建项目投资增长8%,2024年结转项目力争投资增长6%。", ("target", 2025)),
        ("2024年结转项目力争投资增长6%。", ("target", 2025)),
    ],
)
def test_a_past_year_dating_the_figures_own_sentence_makes_it_that_years_result(sentence, expected) -> None:
    text = "2025年主要预期目标是地区生产总值增长6%左右。\n" + sentence + "\n"
    assert [(r.type, r.year) for r in quantities(text)][-1] == expected


def test_a_heading_over_a_finished_plan_periods_review_and_the_next_ones_targets_decides_neither_part() -> None:
    # 广西 2026 work report (outside every annotated region of tests/extract/annotated): the look back opens the
    # part, the paragraph naming the new plan's draft after a book title turns it to the new plan's targets
    text = ("一、2025年工作回顾\n全区地区生产总值增长5.3%。\n"
            "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
            "过去五年,全区地区生产总值年均增长4.8%。\n"
            "根据《某某委员会关于制定国民经济和社会发展第十五个五年规划的建议》,我们编制了“十五五”规划纲要(草案),"
            "提出地区生产总值年均增长5%左右。\n")
    assert [(r.type, r.year) for r in quantities(text, plan_year=2026)] == [
        ("achievement", 2025), ("achievement", 2025), ("target", 2030)]


def test_a_sentence_opening_on_last_years_bare_date_under_a_heading_that_plans_still_plans() -> None:
    text = ("一、2024年工作回顾\n全市地区生产总值增长5%。\n二、2025年重点工作\n"
            "扩大有效投资。2024年开工的项目要加快建设,全市固定资产投资增长6%。\n")
    assert [(r.type, r.year) for r in quantities(text)] == [("achievement", 2024), ("target", 2025)]


def test_a_topic_clause_naming_only_last_year_opens_a_review_but_not_a_comparison() -> None:
    topic = "关于2024年的工作,报告指出:在省委领导下,全省实现地区生产总值9万亿元。\n关于2025年工作的主要目标:地区生产总值增长5%以上。\n"
    comparison = "比2024年,全省地区生产总值增长5%以上。\n"
    assert [(r.type, r.year) for r in quantities(topic)] == [("achievement", 2024), ("target", 2025)]
    assert [(r.type, r.year) for r in quantities(comparison)] == [("target", 2025)]


def test_a_report_lead_naming_this_year_turns_a_results_paragraph_to_aims() -> None:
    text = ("去年,全省380个重点项目完成投资2652亿元,超额完成年初既定目标任务。"
            "今年省政府工作报告提出,要完成固定资产投资2.2万亿元。\n")
    back_in_the_lead = "去年,全县超额完成目标任务。今年的政府工作报告指出,过去一年,全县地区生产总值增长6.1%。\n"
    assert [(r.type, r.year, r.value) for r in quantities(text)] == [
        ("achievement", 2024, 380.0), ("achievement", 2024, 2652.0), ("target", 2025, 2.2)]
    assert [(r.type, r.year) for r in quantities(back_in_the_lead)] == [("achievement", 2024)]
    assert _turns_ahead("今年省政府工作报告提出,要完成固定资产投资2.2万亿元", 2025)
    assert not _turns_ahead("今年的政府工作报告显示,2024年全县地区生产总值增长6.1%", 2025)
    assert not _turns_ahead("今年的政府工作报告指出,过去一年,全县地区生产总值增长6.1%", 2025)


def test_a_line_whose_first_clause_ends_on_main_targets_and_a_colon_holds_the_qualitative_targets() -> None:
    framed = _records("关于2025年工作的主要目标:地区生产总值增长5%以上,居民消费价格保持合理水平。\n")
    key_after_a_clause = _records("去年,全省完成主要目标:居民消费价格保持合理水平。\n")
    assert ("target", 2025, "居民消费价格") in framed
    assert not [r for r in key_after_a_clause if r[2] == "居民消费价格"]


def test_qualitative_parts_listed_between_dunhao_with_a_phrase_each_are_one_target_each() -> None:
    recs = _records("主要预期目标:外贸进出口总额实现正增长、实际使用外资稳中提质,物价、就业保持基本稳定。\n")
    names = [r[2] for r in recs if r[0] == "target"]
    assert "外贸进出口总额" in names and "实际使用外资" in names
    assert "物价" in names and "就业" in names  # names sharing one phrase are still split by the phrase's reading


def test_a_paragraph_telling_how_things_went_and_aiming_nowhere_reports_results() -> None:
    went = "新区成功获批。建成高速公路12条,4条铁路顺利开工。实施污染防治行动计划,新建管网1535公里。\n"
    aims = "新区成功获批。力争建成高速公路12条,4条铁路顺利开工。\n"
    one_way = "4条铁路顺利开工,建成高速公路12条。\n"
    assert {(r.type, r.year) for r in quantities(went, plan_year=2017)} == {("achievement", 2016)}
    assert {(r.type, r.year) for r in quantities(aims, plan_year=2017)} == {("target", 2017)}
    assert {(r.type, r.year) for r in quantities(one_way, plan_year=2017)} == {("target", 2017)}


def test_sentences_after_one_opening_on_a_look_back_report_results_up_to_a_turn() -> None:
    text = ("报告提出了2025年工作目标。过去一年,全省地区生产总值达12万亿元。万亿之城增至5座。"
            "今年,全省地区生产总值增长5%。城镇新增就业120万人。\n")
    assert [(r.type, r.year) for r in quantities(text)] == [
        ("achievement", 2024), ("achievement", 2024), ("target", 2025), ("target", 2025)]


def test_income_growth_held_above_economic_growth_is_a_qualitative_target() -> None:
    recs = _records("今年全省经济社会发展的主要预期目标是:固定资产投资增长15%以上,居民人均可支配收入增长高于经济增长。\n")
    assert ("target", 2025, "居民人均可支配收入增长") in recs


def test_a_numbered_items_body_opening_on_the_plan_year_turns_a_review_run_ahead() -> None:
    # a digest of the year's tasks after a scorecard line: each item's title, then its body dated the plan year
    text = ("2024年某市政府工作报告\n2024年\n某市交出了怎样的成绩单?\n"
            "1、扩大教育供给。2025年启动10所学校新建,完成6所学校改造。\n"
            "2、加快城市更新。2025年启动500户老旧小区改造。\n")
    assert {(t, y) for t, y, _ in _records(text)} == {("target", 2025)}
    # …and an item whose body opens on last year stays a result
    text = "某市交出了怎样的成绩单?\n1、经济稳中有进。2024年,全市地区生产总值增长6%。\n"
    assert [(t, y) for t, y, _ in _records(text)] == [("achievement", 2024)]


def test_an_estimate_in_a_run_opened_on_the_plan_year_is_what_the_year_should_bring() -> None:
    run = "全县谋划确定重点项目50项,总投资30亿元。\n项目覆盖产业、基础设施和民生。\n"
    estimate = "通过项目实施,预计一季度完成固定资产投资4亿元,增长10%。全年预计完成固定资产投资20亿元,增长8%。\n"
    recs = _records(f"2025年,{run}{estimate}")
    assert [(t, y, v) for t, y, v in recs if v == "固定资产投资"] == [("target", 2025, "固定资产投资")] * 2
    assert {(t, y) for t, y, _ in recs} == {("target", 2025), ("portfolio", 2025)}
    # …a run opened on last year estimates last year's close
    recs = _records(f"2024年,{run}全年预计完成固定资产投资20亿元,增长8%。\n")
    assert {(t, y) for t, y, v in recs if v and v.startswith("固定资产投资")} == {("achievement", 2024)}


@pytest.mark.parametrize(("paragraph", "body"), [
    ("1、扩大教育供给。2025年启动…", "2025年启动…"), ("(二)加快城市更新。今年启动…", "今年启动…"),
    ("一是扩大教育供给。2025年启动…", "2025年启动…"), ("①加快城市更新。今年启动…", "今年启动…"),
    ("2.培育平台2家,总数达30家。", "2.培育平台2家,总数达30家。"),  # no title: a clause mark before the 。
    ("1.5万人次参加培训。2025年…", "1.5万人次参加培训。2025年…"),  # a decimal, not an item number
])
def test_a_numbered_items_body_opens_after_its_short_title(paragraph: str, body: str) -> None:
    assert paragraph[_item_body(paragraph, 0):] == body


def test_a_paragraph_opening_on_a_result_topic_reports_last_year_under_no_heading() -> None:
    # 新宾 2019 (held_out_19, page 2 of a report: no review heading in sight), 河北 2024 / 余杭 2023 (成效显著),
    # 广西 2026 / 海南 2026 (不断完善 / 持续完善): subject, then a result predicate, as the paragraph's first sentence
    recs = _records("城乡面貌日臻完善。投资5000万元,完成公路新改建工程120公里。\n")
    assert ("achievement", 2024) in {(t, y) for t, y, _ in recs}
    assert all(t != "target" for t, _, _ in recs)
    recs = _records("招商引资成效显著。全年新增市场主体1200家。\n")
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2024)]


def test_the_paragraphs_after_a_result_topic_follow_it_until_one_turns_ahead() -> None:
    recs = _records("招商引资成效显著。全年新增市场主体1200家。\n各项改革扎实推开。完成80个村的清产核资工作。\n"
                    "今年,新增市场主体1500家。\n")
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2024), ("achievement", 2024), ("target", 2025)]


@pytest.mark.parametrize("paragraph", [
    "推动产业转型升级。全年新增市场主体1200家。",  # 吉林 2026: a directive verb opens a task
    "(三)聚力推进城市能级提升。完成拆违150万平方米。",  # 乐清 2019 (held_out_4): the verb after its ordinal
    "促进消费稳定增长。社会消费品零售总额增长6%。",  # 国务院 2024
])
def test_a_topic_opening_on_a_directive_verb_sets_this_years_task(paragraph: str) -> None:
    assert {t for t, _, _ in _records(paragraph + "\n")} == {"target"}


def test_a_result_topic_under_a_heading_that_plans_states_a_goal() -> None:
    # 贵州 2026 / 甘肃 2026: the five-year goals are written as states (——科技创新水平大幅提高。…提高到1.6%左右)
    recs = _records("二、“十五五”时期主要目标任务\n——科技创新水平大幅提高。研发经费投入强度提高到1.6%左右。\n", 2026)
    assert [t for t, _, _ in recs] == ["target"]


def test_a_result_topic_under_a_title_on_the_plan_year_so_far_reports_that_year() -> None:
    # 廊坊 2022 (held_out_7): 廊坊市2022年国民经济和社会发展计划执行情况 over 创新能力加速提升。…预计增长10%以上
    recs = _records("某市2022年国民经济和社会发展计划执行情况\n今年以来,全市经济稳中有进。\n"
                    "创新能力加速提升。全社会研发经费投入预计增长10%以上。\n", 2022)
    assert ("achievement", 2022) in {(t, y) for t, y, _ in recs}
    assert ("achievement", 2021) not in {(t, y) for t, y, _ in recs}
