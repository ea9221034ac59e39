"""Portfolios: plain totals of a named group of projects; comparators make them targets instead."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from flows.extract.portfolios import (
    _CLAUSE_OPEN, _COUNT_AFTER, _COUNT_BEFORE, _LEVEL_OPEN, counted_stretches, extract_portfolios,
)
from flows.extract.records import Record
from flows.ingest import ingest_bytes, ingest_file
from flows.ingest.document import DocumentMetadata

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def portfolios(text: str, plan_year: int = 2025) -> list[Record]:
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case")
    return extract_portfolios(replace(doc, metadata=DocumentMetadata(region="丽水市", plan_year=plan_year)))


def test_totals_clause_is_one_portfolio_in_yuan():
    (p,) = portfolios("着力推进高水平交通强市建设,实施交通项目53个,总投资974亿元,年度计划投资150亿元,带动全市交通领域投资200亿元。")
    assert (p.category, p.project_count, p.total_investment, p.annual_investment) == ("交通", 53, 9.74e10, 1.5e10)
    assert p.year == 2025


def test_portfolio_span_is_the_whole_totals_clause():
    text = "实施能源项目30个,总投资553亿元,年度计划投资72亿元,带动全市能源领域投资100亿元以上。"
    (p,) = portfolios(text)
    assert text[p.start:p.end] == "实施能源项目30个,总投资553亿元,年度计划投资72亿元"


def test_wan_yi_annual_investment_without_total():
    (p,) = portfolios("安排首批“千项万亿”重大项目1678个、年度投资1.1万亿元,产业项目数占比达到58%。", plan_year=2026)
    assert (p.project_count, p.total_investment, p.annual_investment) == (1678, None, 1.1e12)
    assert p.category == "“千项万亿”重大"


def test_count_before_the_group_is_read_too():
    (p,) = portfolios("推进120个省重点项目,完成投资356亿元。")
    assert (p.project_count, p.annual_investment) == (120, 3.56e10)


@pytest.mark.parametrize(
    "sentence",
    [
        "2025年拟安排亿元以上重点建设项目750个以上,年度计划投资800亿元以上,撬动有效投资突破1200亿元。",
        "实施援疆援川项目52个,投入资金2亿元以上。",
        "新实施产业合作项目100个以上,到位资金100亿元以上。",
        "滚动推进新一轮80个县城综合承载能力提升项目,完成年度投资100亿元以上。",
        "中国能建集团压缩空气储能等20个央陕合作项目落地、总投资1370多亿元。",
    ],
)
def test_figures_with_comparators_are_targets_not_portfolios(sentence: str):
    assert portfolios(sentence) == []


def test_count_without_investment_is_not_a_portfolio():
    assert portfolios("实施援疆援川项目52个。") == []


def test_lishui_gold_portfolios_are_all_found_with_their_figures():
    path = CORPUS / "gold" / "lishui_2025_plan_report_part2.jsonl"
    if not path.exists():
        pytest.skip("gold not available")
    gold = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    gold = [g for g in gold if g["type"] == "portfolio"]
    found = extract_portfolios(ingest_file(CORPUS / "reports" / "lishui_2025_plan_report_part2.txt"))
    got = {(p.project_count, p.total_investment, p.annual_investment) for p in found}
    assert got == {(g["project_count"], g["total_investment"], g["annual_investment"]) for g in gold}


def test_fullwidth_commas_between_the_totals():
    (p,) = portfolios("实施交通项目53个，总投资974亿元，年度计划投资150亿元。")
    assert (p.project_count, p.total_investment, p.annual_investment) == (53, 9.74e10, 1.5e10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("其中,交通项目53个,总投资974亿元,年度计划投资150亿元。", ("交通", 53, 9.74e10, 1.5e10)),
        ("15个承接产业转移主平台落地项目2200个、总投资额7200亿元。", ("承接产业转移主平台落地", 2200, 7.2e11, None)),
        ("全年实施省市县长项目工程386个,完成投资1250亿元。", ("省市县长", 386, None, 1.25e11)),
    ],
)
def test_group_named_at_the_start_of_a_clause_needs_no_verb(text: str, expected: tuple):
    (p,) = portfolios(text)
    assert (p.category, p.project_count, p.total_investment, p.annual_investment) == expected


def test_a_verb_inside_the_group_name_is_not_the_verb():
    (p,) = portfolios("列入省重点建设项目42个,总投资2315亿元,年度完成投资320亿元。")
    assert (p.category, p.project_count, p.annual_investment) == ("省重点建设", 42, 3.2e10)


def test_hosts_counted_before_the_group_stay_outside_the_span():
    text = "15个承接产业转移主平台落地项目2200个、总投资额7200亿元。"
    (p,) = portfolios(text)
    assert text[p.start:p.end].startswith("承接")


def test_comparator_before_a_figure_makes_targets_not_a_portfolio():
    assert portfolios("安排市级重点项目286个,计划总投资4512亿元,年度计划投资约600亿元。") == []
    assert portfolios("实施省级重点项目640个、完成投资3500亿元以上。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 闽侯县2023年县级重点项目进展: 项 as the classifier, 共 before the count, the year opening the clause
        ("2023年县级重点项目共530项,总投资2944.74亿元,年度计划投资561.86亿元,1-6月累计完成投资362.32亿元。",
         ("县级重点", 530, 2.94474e11, 5.6186e10)),
        ("其中:在建项目185项,总投资1330.5亿元,年度计划投资327.53亿元。", ("在建", 185, 1.3305e11, 3.2753e10)),
        # the words the other way round: 项目总投资 … 年度投资计划 …; 宗 as the classifier
        ("今年安排全市重点建设项目444项,项目总投资5141亿元,年度投资计划647.4亿元。", ("重点建设", 444, 5.141e11, 6.474e10)),
        ("2024年,我县安排重点项目91宗,总投资1964.4亿元,年度投资计划304亿元。", ("重点", 91, 1.9644e11, 3.04e10)),
    ],
)
def test_counts_in_xiang_or_zong_with_gong_are_portfolios(text: str, expected: tuple):
    (p,) = portfolios(text)
    assert (p.category, p.project_count, p.total_investment, p.annual_investment) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a county's 2020 key-project report: a threshold in the group's name, plain totals after it
        ("2020年计划实施千万元以上重点建设项目71个,总投资337.13亿元,年度计划完成投资56.21亿元,1-6月份累计完成投资35.9亿元。",
         (71, 3.3713e10, 5.621e9)),
        # 松阳县2025年1-4月县重点项目进展: 全年计划完成投资 is the year's planned investment
        ("(1)15个重点新建项目,全年计划完成投资17.2亿元,1-4月累计完成投资1.15亿元。", (15, None, 1.72e9)),
    ],
)
def test_plain_totals_after_a_threshold_or_planned_completion_are_portfolios(text: str, expected: tuple):
    (p,) = portfolios(text)
    assert (p.project_count, p.total_investment, p.annual_investment) == expected


def test_group_name_does_not_reach_back_over_a_line_break():
    # 连南瑶族自治县重点项目建设进展情况: the title's 建设 is not the verb of the totals two lines below
    doc = ingest_bytes("连南瑶族自治县重点项目建设进展情况\n一、总体进展情况\n全县重点项目50个,总投资178.7亿元,年度投资计划17.68亿元。".encode("utf-8"), doc_id="case")
    (p,) = extract_portfolios(doc)
    assert doc.text[p.start:p.end] == "全县重点项目50个,总投资178.7亿元,年度投资计划17.68亿元"


def test_group_named_by_its_level_with_budgeted_investment_is_a_portfolio():
    # 沁水县2021年重点工程: 省级6项,概算投资140.16亿元,当年计划投资19亿元
    (p,) = portfolios("省级6项,概算投资140.16亿元,当年计划投资19亿元。1-12月份完成投资28.78亿元。", plan_year=2021)
    assert (p.category, p.project_count, p.total_investment, p.annual_investment) == ("省级", 6, 1.4016e10, 1.9e9)


def test_a_level_count_without_figures_is_no_portfolio():
    assert portfolios("其中:建设项目27项(省级6项、市级5项、县级16项)。", plan_year=2021) == []


def test_change_in_the_count_between_count_and_totals_keeps_one_portfolio():
    # 安徽省2025年全省首批重大项目集中开工 (news report of the provincial list)
    (p,) = portfolios("2025年第一批开工动员项目622个,同比增加162个,总投资4057.5亿元,年度计划投资1119.8亿元。")
    assert (p.project_count, p.total_investment, p.annual_investment) == (622, 4.0575e11, 1.1198e11)


def test_fields_covered_between_count_and_total_keep_one_portfolio():
    # 上海市2025年重大工程项目 (summary of provincial 2025 plans)
    (p,) = portfolios("上海市计划在2025年实施186个重大工程项目,涵盖科技产业、社会民生、生态文明建设、城市基础设施等多个领域,总投资2400亿元。")
    assert (p.project_count, p.total_investment) == (186, 2.4e11)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 天津市2025年重大工程项目 (summary of provincial 2025 plans)
        ("天津市:天津市2025年重大工程项目安排总数为1129个,总投资达到2.02万亿元,包括重点建设项目854个。", (1129, 2.02e12)),
        # 安徽省2025年首批重大项目: 这批项目中,制造业项目有370个
        ("这批项目中,制造业项目有370个,总投资2164.4亿元,年度计划投资630亿元。", (370, 2.1644e11)),
    ],
)
def test_count_read_after_you_or_zongshu_wei_and_total_after_dadao(text: str, expected: tuple):
    p = portfolios(text)[0]
    assert (p.project_count, p.total_investment) == expected


def test_share_of_the_whole_between_count_and_annual_investment_keeps_one_portfolio():
    # 贵州省2022年省重大工程项目名单: 共安排“四化”项目2648个、占79.12%,年度计划投资4974.69亿元
    (p,) = portfolios("共安排“四化”项目2648个、占79.12%,年度计划投资4974.69亿元、占77.14%。")
    assert (p.project_count, p.annual_investment) == (2648, 4.97469e11)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 江西省2022年“项目大会战”: 计划年度完成投资 and a threshold in the group's name
        ("3455个项目中,投资50亿元及以上项目112个,总投资10551亿元,计划年度完成投资1926亿元。", (112, 1.0551e12, 1.926e11)),
        # 江西省2022年: the plan year's expected outlay is the annual investment
        ("一是基础设施领域,重点实施交通、能源等基础设施大中型项目641个,总投资9645亿元,2022年预计完成投资2087亿元。",
         (641, 9.645e11, 2.087e11)),
    ],
)
def test_planned_or_expected_annual_outlay_and_threshold_in_the_name(text: str, expected: tuple):
    p = portfolios(text)[-1]
    assert (p.project_count, p.total_investment, p.annual_investment) == expected


def test_table_lines_joined_without_punctuation_open_a_new_group_after_yuan():
    # 海南省2022年省重点(重大)项目: one line per group, joined without punctuation on ingest
    text = "低碳、生态环保项目1个,总投资6亿元,年度计划投资3亿元\n民生公共服务项目48个,总投资690亿元,年度计划投资172亿元\n"
    assert [(p.category, p.project_count) for p in portfolios(text)] == [("低碳、生态环保", 1), ("民生公共服务", 48)]


def test_a_total_before_a_counted_group_is_one_portfolio_and_a_threshold_is_not():
    # 湖南省2026年政府工作报告; 东洲区2025年政府工作报告 (tests/extract/held_out_2), names listed before 等
    (p,) = portfolios("抓好总投资2万亿元的389个省重点项目。")
    assert (p.category, p.project_count, p.total_investment, p.annual_investment) == ("省重点", 389, 2e12, None)
    (q,) = portfolios("总投资 86 亿元的辽宁三木、渼瑞石油等 12 个重大产业项目开工建设。")
    assert (q.project_count, q.total_investment) == (12, 8.6e9)
    assert portfolios("实施总投资500亿元以上的100个项目。") == []


def test_projects_counted_before_the_group_they_are_listed_in_make_one_portfolio():
    # 明溪县 2022 progress note (tests/extract/held_out_3): the name is read past the first 项目 to the figures
    (p,) = portfolios("今年,明溪县有21个项目列入省市重点项目,年度计划投资21.18亿元,一季度完成投资8.01亿元。")
    assert (p.category, p.project_count, p.total_investment, p.annual_investment) == ("省市重点", 21, None, 2.118e9)


def test_a_total_before_works_counted_in_xiang_is_one_portfolio():
    # 五莲县2013年政府工作报告 (tests/extract/held_out_13): 项 as the classifier, 工程 as the works noun
    (p,) = portfolios("年内实施总投资35亿元的80项城建重点工程,新增城区绿化面积28万平方米。")
    assert (p.category, p.project_count, p.total_investment, p.annual_investment) == ("城建重点", 80, 3.5e9, None)


def test_arranged_between_the_group_and_its_count_reads_as_the_guides_example():
    # 广东省2024年政府工作报告 (tests/extract/held_out_13, a headline): the guide's 安排…项目1678个 in the other order
    (p,) = portfolios("省重点建设项目安排1508个、年度投资1万亿元,其中产业项目占比提升。", plan_year=2024)
    assert (p.category, p.project_count, p.annual_investment) == ("省重点建设", 1508, 1e12)


@pytest.mark.parametrize(("text", "annual"), [("省重点建设项目安排1508个、年度投资1万亿\n", 1e12),
                                              ("实施交通项目53个,年度投资150亿,带动全市投资。", 1.5e10)])
def test_an_amount_whose_yuan_is_dropped_at_the_clause_end_is_in_yuan(text: str, annual: float):
    (p,) = portfolios(text)
    assert p.annual_investment == annual


def test_a_bare_number_after_investment_is_no_amount():
    assert portfolios("实施交通项目53个,年度投资150,带动全市投资。") == []


def test_counted_stretches_are_the_sentence_stretches_holding_a_count():
    text = "一、总体情况\n实施交通项目53个,总投资974亿元;完成投资20亿元。其中:省级6项,概算投资140亿元\n"
    stretches = [text[a:b] for a, b in counted_stretches(text)]
    assert stretches == ["实施交通项目53个,总投资974亿元", "省级6项,概算投资140亿元"]


@pytest.mark.parametrize("reading", [_COUNT_AFTER, _COUNT_BEFORE, _CLAUSE_OPEN, _LEVEL_OPEN])
def test_readings_run_over_counted_stretches_find_what_they_find_in_the_whole_text(reading):
    # every report of the corpus and of the held-out sets: reading only the stretches that hold a count
    # loses no portfolio
    held_out = Path(__file__).resolve().parent
    reports = sorted((CORPUS / "reports").glob("*.txt")) + sorted(held_out.glob("held_out*/reports/*.txt"))
    if not reports:
        pytest.skip("corpus not available")
    for path in reports:
        text = ingest_file(path).text
        restricted = [m.span() for a, b in counted_stretches(text) for m in reading.finditer(text, a, b)]
        assert restricted == [m.span() for m in reading.finditer(text)], path.name
