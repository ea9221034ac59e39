"""Projects in wording the rules were not first written for (city and county reports, issue 12).

The sentences are made up in the reports' manner, with other places' names: the stage phrases are
table rows (data/stage_verbs.csv, data/project_name_rules.csv), the rejections general rules.
"""
from __future__ import annotations

from functools import partial

import pytest

from .cases import projects_in


_projects = partial(projects_in, region="浙江省")


@pytest.mark.parametrize(("text", "expected"), [
    ("重点抓好杭温高铁、金建铁路等一批重大项目建设。", [("杭温高铁", "construction"), ("金建铁路", "construction")]),
    ("做好衢丽铁路、义龙庆高速等项目建设。", [("衢丽铁路", "construction"), ("义龙庆高速", "construction")]),
    ("实施好衢丽铁路、义龙庆高速等项目。", [("衢丽铁路", "construction"), ("义龙庆高速", "construction")]),
    ("对于衢丽铁路、义龙庆高速等2个拟新开工项目,加快前期工作。", [("衢丽铁路", "start"), ("义龙庆高速", "start")]),
    ("东阳影视城已部分试营业。", [("东阳影视城", "completed")]),
    ("浙西体育中心具备竞赛条件。", [("浙西体育中心", "completed")]),
    ("三门核电一期投入商业运行。", [("三门核电一期", "completed")]),
    ("滩坑水库下闸蓄水。", [("滩坑水库", "completed")]),
    ("推动哈尔滨都市圈环线交工投用。", [("哈尔滨都市圈环线", "completed")]),
])
def test_stage_phrases_of_city_and_county_reports_are_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text) == expected


def test_a_listed_name_closing_on_its_own_verb_keeps_its_own_stage() -> None:
    assert _projects("大兴寨水库大坝封顶、椒花水库下闸蓄水。", region="湖南省") == [
        ("大兴寨水库大坝", "construction"), ("椒花水库", "completed")]


def test_strength_words_between_name_and_verb_are_not_part_of_the_name() -> None:
    for strength in ("力求", "努力", "争取", "力争", "确保"):
        assert _projects(f"荆荆高铁{strength}年内建成通车。", region="湖北省") == [("荆荆高铁", "completed")]


@pytest.mark.parametrize("text", [
    "确保2018年签约项目全面开工。",  # a time, not a name
    "推进用能设备更新项目建设。",  # an action on things (verb-phrase shape), not a facility
    "全力抓好大中小各类项目建设。",  # a group of every size
    "环巢湖十大湿地全面建成。",  # a count of wetlands
    "贵州特色现代化产业体系初步建成。",  # a programme, whatever its place
])
def test_verb_phrases_times_groups_and_programmes_are_no_projects(text: str) -> None:
    assert _projects(text, region="安徽省") == []


def test_a_placed_name_without_a_facility_word_needs_a_verb_that_only_fits_works() -> None:
    assert _projects("东阳影视城建成运营。") == [("东阳影视城", "completed")]
    assert _projects("加快东阳影视城建设。") == []  # 加快…建设 also governs strategies


# --- provincial wording the rules missed or misread (issue 12, second round) ---------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a footnote marker inside a name points to a note, it is no part of the name
    ("建成G318城口至巫溪段“四网融合”［12］示范项目。", [("G318城口至巫溪段“四网融合”示范", "completed")]),
    # 纳入…范围 is a gapped verb like 纳入…规划
    ("渭河流域水资源配置工程纳入国家水网骨干工程范围。", [("渭河流域水资源配置工程", "preparatory")]),
    # 加力 is an adverb before the verb, not the start of a name
    ("加力建设宝兰铁路、天平铁路等项目。", [("宝兰铁路", "construction"), ("天平铁路", "construction")]),
    # track laid end to end is still construction (贯通 alone is completion)
    ("汉巴高铁全线铺轨贯通。", [("汉巴高铁", "construction")]),
])
def test_provincial_wording_is_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text, region="甘肃省") == expected


def test_a_head_borrowed_by_a_widening_goes_before_the_works_word() -> None:
    # 扩能 / 扩容 (data/project_name_rules.csv: works_tail) is done to the railway the list names
    assert _projects("启动包海和宝中扩能等铁路项目。", region="陕西省") == [
        ("包海铁路", "start"), ("宝中铁路扩能", "start")]


def test_names_counted_as_divisions_are_places_not_projects() -> None:
    assert _projects("旬邑、淳化、永寿3县高速项目全部开工。", region="陕西省") == []


@pytest.mark.parametrize("text", [
    "推进宝鸡核电一期、汉中电厂三期以及在建抽水蓄能电站等项目。",  # 在建: a state, not a name
    "加快推进算力基础设施项目建设。",  # a field of infrastructure
])
def test_states_and_fields_are_no_names(text: str) -> None:
    names = [n for n, _ in _projects(text, region="陕西省")]
    assert not any(n.startswith(("在建", "算力")) for n in names), names
    if text.startswith("推进"):
        assert names == ["宝鸡核电一期", "汉中电厂三期"]


@pytest.mark.parametrize(("text", "expected"), [
    ("推进天水机场、定西机场等项目前期取得实质性进展。", [("天水机场", "preparatory"), ("定西机场", "preparatory")]),
    ("陇南体育中心具备开工条件。", [("陇南体育中心", "preparatory")]),  # ready to start is not done
    ("陇南体育中心具备竞赛条件。", [("陇南体育中心", "completed")]),  # ready to host is
])
def test_progress_of_preparation_is_preparatory(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text, region="甘肃省") == expected


def test_two_stages_joined_by_or_name_no_project() -> None:
    # the annotated README's call: 投入使用或加快建设 does not say which name is at which stage
    assert _projects("沙河引水、青山灌区、白石水利枢纽等6个重大水利工程投入使用或加快建设。", region="湖北省") == []
    assert _projects("青山灌区投入使用。", region="湖北省") == [("青山灌区", "completed")]


@pytest.mark.parametrize("text", [
    "推动城市基础设施更新改造工程等项目建设。",  # renewal of any city's works is a kind
    "抓好优质本科高校学生宿舍等项目建设。",  # a quality is no proper name
])
def test_kinds_described_by_quality_or_renewal_are_no_names(text: str) -> None:
    assert _projects(text, region="湖南省") == []


def test_a_general_design_closes_a_name_as_preparatory_work() -> None:
    assert _projects("完成瓯江体育中心总体规划设计。") == [("瓯江体育中心", "preparatory")]


def test_a_listed_name_may_open_on_its_quoted_proper_noun() -> None:
    assert _projects("重点抓好瓯江大桥、“青田石韵”文旅新城等一批重大项目建设。") == [
        ("瓯江大桥", "construction"), ("“青田石韵”文旅新城", "construction")]
    # a quoted slogan with a generic word after it stays no name
    assert _projects("推进“小而美”民生项目建设。") == []


def test_strength_before_the_verb_is_no_part_of_the_name() -> None:
    assert _projects("力促津承城际铁路、石邢高铁建成通车。", region="河北省") == [
        ("津承城际铁路", "completed"), ("石邢高铁", "completed")]


@pytest.mark.parametrize("text", [
    "推进A级旅游景区提升工程建设。",  # a rating names a class of sites
    "实施S级滑雪场提升工程。",
    "加快流域防洪工程建设。",  # a basin of no named river
    "开工建设海南自由贸易港。",  # a zone of policy
])
def test_ratings_basins_and_zones_are_no_names(text: str) -> None:
    assert _projects(text, region="黑龙江省") == []


def test_a_museum_that_opens_is_completed() -> None:
    assert _projects("渭南博物馆开馆试运行。", region="陕西省") == [("渭南博物馆", "completed")]


@pytest.mark.parametrize("text", [
    "首座抽水蓄能电站建成投产。",
    "全球首个商用海底数据中心建成投用。",
    "全国最大己二酸生产基地建成投产。",
])
def test_one_of_a_kind_without_a_name_is_no_project(text: str) -> None:
    # the annotated README's call (首座抽水蓄能电站, 首条国际海缆: generic kinds with no proper name)
    assert _projects(text, region="广西壮族自治区") == []


def test_a_superlative_before_a_name_is_still_cut_off() -> None:
    assert _projects("全省首个超百亿元水利工程瓯江水库开工建设。") == [("瓯江水库", "start")]


def test_projects_counted_by_a_facility_kind_are_of_that_kind() -> None:
    # 等7个铁路项目 counts railways: each bare name is one (the head goes on)
    assert _projects("续建隆黄至叙永、渝昆至宜宾等7个铁路项目。", region="四川省") == [
        ("隆黄至叙永铁路", "construction"), ("渝昆至宜宾铁路", "construction")]


def test_a_counted_list_of_names_each_placed_by_its_own_words_names_projects() -> None:
    # company + place (the annotated README's call: 中核汇能通榆, 华电榆树 …)
    assert _projects("推进华能德惠、国电投洮南等3个百亿级绿色氢基能源一体化项目建设。", region="吉林省") == [
        ("华能德惠", "construction"), ("国电投洮南", "construction")]
    # a count of a kind of works that names none stays a count
    assert _projects("实施旧城区改建等60个项目建设。", region="吉林省") == []


@pytest.mark.parametrize("text", [
    "启动全区口岸智慧化建设。",  # a whole region's works
    "持续推进燃气、水电、通信、排水防涝等城市生命线安全工程建设。",  # kinds of city works
    "推进乡镇（街道）履职事项清单建设。",  # a list of duties
])
def test_whole_regions_kinds_of_city_works_and_duty_lists_are_no_names(text: str) -> None:
    assert _projects(text, region="广西壮族自治区") == []


# Round 3 (tests/extract/held_out_4): wording of city and county plans, made up with other names.

def test_a_quantified_group_listing_its_qualities_ends_the_names_at_deng() -> None:
    assert _projects("加快推进东湖公园、南塘湿地公园等一批标志性、功能性项目,提升城市品质。") == [
        ("东湖公园", "construction"), ("南塘湿地公园", "construction")]


def test_a_park_or_zone_opening_the_clause_is_its_subject_not_a_name() -> None:
    assert _projects("临港开发区重点推进华宇二期投产、三期开工,力争产值翻番。") == [
        ("华宇二期", "completed"), ("华宇三期", "start")]
    assert _projects("装备产业园重点推进金风智能叶片、天宏再生铝等大项目开工建设。") == [
        ("金风智能叶片", "start"), ("天宏再生铝", "start")]


def test_a_list_announced_inside_the_clause_starts_after_baokuo() -> None:
    assert _projects("重点观摩检查了包括宏达物流基地、金穗粮油加工基地等12个新开工项目。") == [
        ("宏达物流基地", "start"), ("金穗粮油加工基地", "start")]


def test_a_section_of_a_named_line_is_a_road() -> None:
    assert _projects("建成双柳线桥头段、青山南路。") == [("双柳线桥头段", "completed"), ("青山南路", "completed")]


def test_a_street_named_after_a_facility_is_a_name_not_the_kind() -> None:
    assert _projects("建成体育馆路延伸、滨河大道二期等道路。") == [
        ("体育馆路延伸", "completed"), ("滨河大道二期", "completed")]


def test_guantong_before_the_names_completes_them_and_jiakuai_jiancheng_aims_to_complete() -> None:
    assert _projects("贯通金山隧道及接线工程。") == [("金山隧道及接线工程", "completed")]
    assert _projects("加快建成青石湾物流园。") == [("青石湾物流园", "completed")]


def test_a_green_axis_is_a_facility_of_its_own_and_borrows_no_head() -> None:
    assert _projects("加快推进城北绿轴、凤凰山文化公园等项目。") == [
        ("城北绿轴", "construction"), ("凤凰山文化公园", "construction")]


def test_a_class_count_in_a_school_design_is_no_name() -> None:
    assert _projects("将建设36班完全中学,包含初中18班、高中18班。") == []


def test_a_park_with_no_name_after_its_verb_is_the_works_itself() -> None:
    assert _projects("环保科技产业园积极推进,农产品加工产业园建成。") == [
        ("环保科技产业园", "construction"), ("农产品加工产业园", "completed")]


def test_zhengzai_jianshe_zhong_closes_a_list_as_construction() -> None:
    assert _projects("金川水库、东岭风电场正在如火如荼建设中。") == [("金川水库", "construction"), ("东岭风电场", "construction")]


def test_a_headline_sets_its_clauses_apart_by_a_space() -> None:
    # a news page's sub-headline: two verb clauses, a space between them, a shared tail (铁路)
    assert _projects("今年开工建设衢丽、杭衢铁路 建成金建铁路、甬舟通道") == [
        ("衢丽铁路", "start"), ("杭衢铁路", "start"), ("金建铁路", "completed"), ("甬舟通道", "completed")]


def test_a_space_beside_a_letter_or_a_figure_joins() -> None:
    assert _projects("推进国道 G235改扩建、杭绍甬高速等 3 条道路建设。") == [
        ("国道 G235改扩建", "construction"), ("杭绍甬高速", "construction")]


@pytest.mark.parametrize(("text", "expected"), [
    ("“东海一号”投产,三门核电二期等项目开工。", [("“东海一号”", "completed"), ("三门核电二期", "start")]),
    ("“奋进”号建成交付。", [("“奋进”号", "completed")]),
    ("‘东海一号’投产。", [("‘东海一号’", "completed")]),
    ('"东海一号"投产。', [('"东海一号"', "completed")]),
    ("“东海一号”二期工程投产。", [("“东海一号”二期工程", "completed")]),
    ("“一网通办”二期工程建成。", []),
    ("“一网通办”建成运行。", []),  # a slogan in quotes is no designation
    ("“东海一号”加快推进。", []),  # only a verb fitting works alone (投产, 开工, 建成) names it
])
def test_a_quoted_designation_with_a_works_verb_is_a_project(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("沿海旅游公路建设全线推进。", [("沿海旅游公路", "construction")]),
    ("甬台温高速复线建设全面推进。", [("甬台温高速复线", "construction")]),
    ("国家实验室体系建设有力推进。", []),  # 有力 is no adverb of the table: 推进 closes nothing
])
def test_push_closes_a_clause_after_an_adverb(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a progress note: the works open a clause, a continuation clause after the comma gives the stage
    ("3月,滨江科创园启动区项目成功摘得土地,并计划于4月底前开工建设。", [("滨江科创园启动区", "start")]),
    ("瓯江大道一季度完成固投1.1亿元,预计年底具备通行条件。", [("瓯江大道", "completed")]),
    ("纬一路下穿铁路工程已于3月顺利完成顶管作业,并争取在10月底具备通车条件。", [("纬一路下穿铁路工程", "completed")]),
    # no continuation word opening the clause, or no works opening the clause before: nothing lent
    ("瓯江大道一季度完成固投1.1亿元,道路具备通行条件。", []),
    ("全区一季度完成固投11亿元,预计年底具备通行条件。", []),
])
def test_a_continuation_clause_lends_its_stage_to_the_works_opening_the_clause_before(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text) == expected
