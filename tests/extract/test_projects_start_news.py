"""City and county project pages: the stage verb that opens a list of works (开建A、B和C), and
project-start news whose projects sit after the lead that gives their stage (集中开工 … 分别为:
总投资X的A项目;…) or on lines of their own under a heading that does (开工项目名单). Hand-made
pages in the shapes of the county news and 十件实事 lists of held_out_19."""
from __future__ import annotations

from flows.extract.projects import find_project_mentions


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.stage) for m in find_project_mentions(text, "")]


def test_kaijian_before_a_list_starts_every_name():
    text = "4.加大教育投入。开建城南实验小学、滨江幼儿园和东湖外国语学校;建成6家公办幼儿园。"
    assert _read(text) == [("城南实验小学", "start"), ("滨江幼儿园", "start"), ("东湖外国语学校", "start")]


def test_kaijian_before_road_works_starts_both():
    text = "开建205国道城关至河口段改建工程、解放路至环城北路跨线立交桥;新增公交线路6条。"
    assert _read(text) == [("205国道城关至河口段改建工程", "start"), ("解放路至环城北路跨线立交桥", "start")]


def test_kaijian_after_the_name_still_starts_it():
    assert _read("城北医院新院区年内开建。") == [("城北医院新院区", "start")]


ANNOUNCED = """3月2日,城东县举行2024年春季重点项目集中开工仪式,总投资30亿元的4个项目集中开工。
这4个项目分别为:总投资12亿元的江南新材料有限公司年产5万吨碳纤维项目;总投资8亿元的城东文旅集团桃花谷综合开发项目;总投资5亿元的华北冷链物流有限公司冷链仓储中心项目,总投资3亿元的城东县兴农食品有限公司杂粮深加工二期项目。
"""


def test_list_announced_after_a_start_lead_takes_its_stage():
    assert _read(ANNOUNCED) == [
        ("江南新材料有限公司年产5万吨碳纤维", "start"),
        ("城东文旅集团桃花谷综合开发", "start"),
        ("华北冷链物流有限公司冷链仓储中心", "start"),
        ("城东县兴农食品有限公司杂粮深加工二期", "start"),
    ]


def test_announced_list_spans_are_the_names_in_the_text():
    for m in find_project_mentions(ANNOUNCED, ""):
        assert ANNOUNCED[m.start:m.end] == m.name


def test_announced_list_with_an_item_that_is_no_project_gives_nothing():
    text = ANNOUNCED.replace("总投资8亿元的城东文旅集团桃花谷综合开发项目", "涵盖工业、农业和文旅等领域")
    assert _read(text) == []


def test_announced_list_without_a_stage_in_the_lead_gives_nothing():
    text = ANNOUNCED.replace("集中开工仪式", "签约仪式").replace("个项目集中开工", "个项目签约落地")
    assert _read(text) == []


LINES = """城西县8个重大项目集中开工

开工项目名单

山东恒远机械有限公司数控机床及配件、精密齿轮生产项目

城西宏达纺织有限公司高档面料生产项目

城西县供销物流有限公司农产品交易中心建设项目
"""


def test_lines_under_a_start_heading_are_projects_started():
    assert _read(LINES) == [
        ("山东恒远机械有限公司数控机床及配件、精密齿轮生产", "start"),
        ("城西宏达纺织有限公司高档面料生产", "start"),
        ("城西县供销物流有限公司农产品交易中心", "start"),
    ]


def test_lines_under_a_heading_without_a_stage_give_nothing():
    assert _read(LINES.replace("开工项目名单", "签约项目名单").replace("集中开工", "集中签约")) == []


def test_one_line_before_a_sentence_line_is_no_list():
    text = LINES.replace("城西宏达纺织有限公司高档面料生产项目", "县领导出席仪式。")
    assert _read(text) == []


def test_city_level_word_opening_a_name_is_the_city_own_facility():
    text = "5.开工建设城东科技馆续建工程、市文化艺术中心、市体育中心。"
    found = [(m.name, m.stage) for m in find_project_mentions(text, "洛阳市")]
    assert found == [("城东科技馆续建工程", "start"), ("市文化艺术中心", "start"), ("市体育中心", "start")]


def test_county_level_word_opening_a_name_is_the_county_own_facility():
    found = [(m.name, m.stage) for m in find_project_mentions("建成县文化艺术中心、县体育中心。", "昌黎县")]
    assert found == [("县文化艺术中心", "completed"), ("县体育中心", "completed")]


def test_level_word_of_another_place_names_no_facility():
    # a province's report: 市体育中心 is any city's, a kind
    assert find_project_mentions("开工建设市文化艺术中心、市体育中心。", "河南省") == []
    assert find_project_mentions("开工建设市文化艺术中心、市体育中心。", "") == []
