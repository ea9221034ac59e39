"""Project shapes found in several reports and read since issue 12's third round.

Each shape was seen in at least two documents (named in the test's comment); the sentences are
made up in the reports' manner, with other places' names. The words are rows of data/words.csv and
data/stage_verbs.csv.
"""
from __future__ import annotations

from functools import partial

import pytest

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


# held_out_6 jingzhou (机场航站楼、跑道), annotated hainan (港20万吨级泊位和深水航道)
@pytest.mark.parametrize(("text", "expected"), [
    ("全面开工宜昌机场航站楼、跑道及相关配套设施建设。",
     [("宜昌机场航站楼", "start"), ("宜昌机场跑道及相关配套设施", "start")]),
    ("武汉港30万吨级泊位和深水航道投用。", [("武汉港30万吨级泊位", "completed"), ("武汉港深水航道", "completed")]),
])
def test_a_bare_part_of_a_hub_listed_after_a_placed_part_is_a_part_of_that_hub(text, expected) -> None:
    assert _projects(text) == expected


def test_a_bare_part_after_a_name_that_is_no_part_of_a_hub_borrows_nothing() -> None:
    # 宜昌机场三期 is the whole airport's phase, not a part the runway could share a hub with
    assert ("宜昌机场跑道", "completed") not in _projects("宜昌机场三期和跑道建成投用。")


# held_out_4 leqing (科技馆 beside named parks), held_out_6 jingzhou (市民中心 beside 市档案馆新馆),
# annotated hainan (省图书馆二期、省文化馆 beside 五源河体育馆)
@pytest.mark.parametrize(("text", "expected"), [
    ("加快推进科技馆、东湖湿地公园、南山公园等一批地标性项目。",
     [("科技馆", "construction"), ("东湖湿地公园", "construction"), ("南山公园", "construction")]),
    ("启动市民中心、市档案馆新馆建设。", [("市民中心", "start"), ("市档案馆新馆", "start")]),
    ("省图书馆二期、省文化馆、东湖体育馆等公共文体设施建成。",
     [("省图书馆二期", "completed"), ("省文化馆", "completed"), ("东湖体育馆", "completed")]),
])
def test_a_civic_building_listed_beside_named_works_is_the_places_own(text, expected) -> None:
    assert _projects(text) == expected


# held_out_2 jiefang (智慧城市产业园 beside 地理信息产业园), held_out_4 leqing (中心大道三期 beside 双湖大道)
@pytest.mark.parametrize(("text", "expected"), [
    ("加快推进地理信息产业园、人力资源产业园、智慧城市产业园、综合服务业产业园等“四大园区”开发与建设。",
     [("地理信息产业园", "construction"), ("人力资源产业园", "construction"), ("智慧城市产业园", "construction"),
      ("综合服务业产业园", "construction")]),
    ("做好中心大道三期、东湖大道等工程前期工作。", [("中心大道三期", "preparatory"), ("东湖大道", "preparatory")]),
])
def test_a_name_of_generic_words_ending_on_a_named_siblings_facility_is_one_of_the_list(text, expected) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize(("text", "region"), [
    ("推进白龙核电一期、钦州电厂三期以及在建抽水蓄能电站等项目。", "广西壮族自治区"),  # a kind that says its stage
    ("加快建设杭温高铁、金建铁路和城市轨道交通。", "浙江省"),  # a kind ending on no sibling's facility
])
def test_a_kind_beside_named_works_of_another_facility_stays_out(text, region) -> None:
    names = [n for n, _ in _projects(text, region=region)]
    assert "在建抽水蓄能电站" not in names and "城市轨道交通" not in names and len(names) == 2


def test_a_civic_building_alone_is_still_a_kind() -> None:
    assert _projects("加快推进科技馆建设。") == []


# held_out_4 yanfeng (等新竣工项目现场, no count) beside the counted form of held_out_4 gaogang
# (包括A、B等24个新开工项目) and held_out_3 mingxi (等6个项目为今年新开工项目)
def test_the_stage_word_of_a_group_without_a_count_gives_the_listed_names_their_stage() -> None:
    assert _projects("考核组先后来到东湖商业街、南山时代广场、江南混凝土生产等新竣工项目现场,听取汇报。") == [
        ("东湖商业街", "completed"), ("南山时代广场", "completed"), ("江南混凝土生产", "completed")]


def test_a_group_without_a_stage_word_gives_no_stage() -> None:
    assert _projects("考核组先后来到东湖商业街、南山时代广场等项目现场,听取汇报。") == []


# a year inside the name: held_out_4 shijingshan (…2025年重大项目今日开工) and qingjian (…宣布2022年第二季度…)
# a predicate inside: annotated hainan (获评), guizhou (纳入), jilin (实现)
@pytest.mark.parametrize("text", [
    "东城区2026年重大项目今日开工。",
    "县长宣布2026年第一季度重点项目集中开工。",
    "“东海一号”获评国家首批卓越级智能工厂、二期工程投产。",
    "南山口岸实现中欧公路直达运输双向通车。",
])
def test_a_date_or_a_sentence_in_front_of_a_stage_verb_is_no_name(text) -> None:
    assert _projects(text) == []


def test_a_time_before_a_listed_name_still_leaves_the_name() -> None:
    assert _projects("2026年宜昌机场三期建成投用。") == [("宜昌机场三期", "completed")]


# a design milestone closing the names is preparatory work: held_out_2 dongzhou (完成基础设计审查),
# as 完成可研批复 is in the corpus's lishui report
@pytest.mark.parametrize("text", [
    "投资25亿元的东湖石化乙烯扩能项目完成基础设计审查。",
    "东湖石化乙烯扩能项目完成初步设计。",
])
def test_a_completed_design_milestone_is_preparatory_work(text) -> None:
    assert _projects(text) == [("东湖石化乙烯扩能", "preparatory")]


# structural (quotation marks, no words): held_out_15 guangxi (a news page quoting a work report's list)
@pytest.mark.parametrize(("text", "expected"), [
    ("报告提到“建设宜昌至荆门、荆门至襄阳等项目”;", [("宜昌至荆门", "construction"), ("荆门至襄阳", "construction")]),
    ("报告提到“建设宜昌机场、荆州机场等项目,", [("宜昌机场", "construction"), ("荆州机场", "construction")]),
    ("“汉十高铁建成运营,结束了不通高铁的历史。”", [("汉十高铁", "completed")]),
])
def test_a_quotation_opening_on_a_stage_verb_is_read_as_the_quoted_clause(text, expected) -> None:
    assert _projects(text) == expected


def test_a_quotation_closed_inside_the_clause_is_part_of_the_name() -> None:
    assert _projects("加快建设“三纵两横”高铁。") == [("“三纵两横”高铁", "construction")]
    # a quoted slogan closing the clause is left whole (its closing quote kept): no project
    assert _projects("坚决维护“两个安全”,建好建强“两基地一高地”,加快建设“美丽湖北”。") == []
    assert _projects("会议提到“建设宜昌机场等项目”。") == [("宜昌机场", "construction")]


# structural (a place's name ending like a facility, 港 a port): held_out_15 guangxi
@pytest.mark.parametrize(("text", "expected"), [
    ("建设荆州至黄石港等12个高速公路项目。", [("荆州至黄石港高速公路", "construction")]),
    ("建设宜昌至荆州、荆州至武汉及鄂州至武汉航道等工程。",
     [("宜昌至荆州航道", "construction"), ("荆州至武汉航道", "construction"), ("鄂州至武汉航道", "construction")]),
])
def test_routes_between_places_take_the_kind_of_the_route_they_are_listed_with(text, expected) -> None:
    assert _projects(text) == expected


def test_two_schemes_joined_by_ji_stay_one_name_unless_both_are_routes() -> None:
    assert _projects("建设荆州市防洪及长湖补水等工程。") == [("荆州市防洪及长湖补水", "construction")]


# structural (a joiner opening the clause before its verb): held_out_14 liaoning
def test_a_joiner_before_the_opening_verb_does_not_hide_the_list() -> None:
    assert _projects("还将抓好10个项目,并加快推进荆荆、宜涪、汉宜高铁建设。") == [
        ("荆荆高铁", "construction"), ("宜涪高铁", "construction"), ("汉宜高铁", "construction")]


# structural (numbering): held_out_15 shanxi (国道108、208、307等…), the 国道109线、219线 lists before
@pytest.mark.parametrize(("text", "expected"), [
    ("推进国道207、316、318等一级公路改造工程。", [("国道207一级公路改造工程", "construction"),
     ("国道316一级公路改造工程", "construction"), ("国道318一级公路改造工程", "construction")]),
    ("推进国道207、316等项目。", [("国道207", "construction"), ("国道316", "construction")]),
])
def test_route_numbers_listed_after_a_classed_one_share_its_class_and_the_deng_kind(text, expected) -> None:
    assert _projects(text) == expected


# 技改 (a plant's technical upgrade) is a kind of works: held_out_4 luzhou (…水合肼技改), held_out_15 jiaocheng
# (…熔盐技改); structural (quotation marks): a bare name before one as long, then a quoted qualifier, shares all after it
@pytest.mark.parametrize(("text", "expected"), [
    ("华星化工技改基本完工。", [("华星化工技改", "completed")]),
    ("恒达、华星“退城入园”化工技改基本完工。",
     [("恒达“退城入园”化工技改", "completed"), ("华星“退城入园”化工技改", "completed")]),
])
def test_a_technical_upgrade_is_works_and_a_quoted_qualifier_is_shared_by_the_bare_name_before(text, expected) -> None:
    assert _projects(text) == expected


# structural (a place's name right after a kind): held_out_14 shanghai 2012 (铁路…支线改造工程), held_out_8
# shanghai 2019 (轨道交通…线)
@pytest.mark.parametrize(("text", "expected"), [
    ("建成铁路孝感支线改造工程。", [("铁路孝感支线改造工程", "completed")]),
    ("建成铁路改造工程。", []),
])
def test_a_kind_followed_by_a_places_name_is_that_places_line(text, expected) -> None:
    assert _projects(text) == expected


# structural (a name cannot open on the catch-all works noun): held_out_14 qingshan
def test_a_name_opening_on_the_works_noun_refers_back_to_works_named_before() -> None:
    assert _projects("完成工程一期东湖至南湖段堤防建设。") == []
    assert _projects("完成东湖堤防一期建设。") == [("东湖堤防一期", "completed")]
