"""Project names and stages on small hand-made sentences in the reports' language."""
from __future__ import annotations

import csv
from dataclasses import replace
from importlib.resources import files

import pytest

from flows.extract.projects import extract_projects
from flows.extract.records import STAGES, Record
from flows.ingest import ingest_bytes
from flows.ingest.document import Document, DocumentMetadata


def make_doc(text: str, region: str = "丽水市", plan_year: int | None = 2025) -> Document:
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case")
    return replace(doc, metadata=DocumentMetadata(region=region, plan_year=plan_year))


def projects(text: str, region: str = "丽水市", plan_year: int | None = 2025) -> list[Record]:
    return extract_projects(make_doc(text, region, plan_year))


def names(text: str, region: str = "丽水市") -> list[str]:
    return [r.name for r in projects(text, region)]


def by_name(text: str, region: str = "丽水市") -> dict[str, Record]:
    return {r.name: r for r in projects(text, region)}


def test_shared_head_is_expanded_to_each_county():
    found = by_name("加快推进景宁、松阳、庆元、青田、丽水滩等抽水蓄能电站,国能浙江遂昌一期95MW茶光互补光伏发电等项目建设。")
    assert list(found)[:5] == ["景宁抽水蓄能电站", "松阳抽水蓄能电站", "庆元抽水蓄能电站", "青田抽水蓄能电站", "丽水滩抽水蓄能电站"]
    assert found["景宁抽水蓄能电站"].region == "景宁畲族自治县"
    assert found["丽水滩抽水蓄能电站"].region == "丽水市"


def test_clause_without_verb_inherits_opening_verb_of_previous_clause():
    found = by_name("加快推进景宁、松阳等抽水蓄能电站,国能浙江遂昌一期95MW茶光互补光伏发电等项目建设。")
    assert found["国能浙江遂昌一期95MW茶光互补光伏发电"].stage == "construction"


def test_shared_head_before_a_later_name_is_borrowed():
    assert names("开工建设景宁、松阳抽水蓄能电站。") == ["景宁抽水蓄能电站", "松阳抽水蓄能电站"]


def test_shared_tail_after_he_is_expanded():
    found = by_name("此外,实施花街村和青岗村城中村改造项目。")
    assert list(found) == ["花街村城中村改造", "青岗村城中村改造"]
    assert {r.stage for r in found.values()} == {"construction"}


def test_stage_verb_jiancheng_touyong_is_completed():
    found = by_name("推动台州温玉铁路、杭州海康机器人等项目建成投用。", region="浙江省")
    assert {r.stage for r in found.values()} == {"completed"}
    assert found["杭州海康机器人"].region == "杭州市"


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("建成松阳赤寿至卯山公路(龙下至源口段)。", "completed"),
        ("确保丽水机场通航。", "completed"),
        ("开工建设638国道景宁红星至庆元界段等项目。", "start"),
        ("加快衢丽铁路建设。", "construction"),
        ("推进空港园区二期建设。", "construction"),
        ("推动丽云宁铁路项目纳入国家规划。", "preparatory"),
        ("争取金丽温铁路提速改造工程完成可研批复。", "preparatory"),
    ],
)
def test_stage_comes_from_the_stage_verb(sentence: str, stage: str):
    found = projects(sentence)
    assert len(found) == 1 and found[0].stage == stage


def test_closing_verb_wins_over_opening_verb():
    found = projects("提速义龙庆元段等高速公路项目前期。")
    assert [(r.name, r.stage) for r in found] == [("义龙庆元段高速公路", "preparatory")]


def test_adverb_before_closing_verb_is_not_part_of_the_name():
    assert names("推动杭衢高铁、嘉兴南湖机场等项目顺利建成投运。", region="浙江省") == ["杭衢高铁", "嘉兴南湖机场"]


def test_trailing_xiangmu_is_dropped_from_name():
    assert names("推动丽云宁铁路项目纳入国家规划。") == ["丽云宁铁路"]
    assert names("加快推进浙西南粮食物资仓储物流园区项目建设。") == ["浙西南粮食物资仓储物流园区"]


def test_xiangmu_inside_a_name_is_kept():
    assert names("建成爱玛新能源智慧出行项目(一期)、浙江兆晶半导体衬底智能制造等项目。") == [
        "爱玛新能源智慧出行项目(一期)",
        "浙江兆晶半导体衬底智能制造",
    ]


def test_he_inside_a_county_name_does_not_split_the_list():
    assert names("开工建设云和景宁支线天然气管道、那云和湖全域旅游(一期)等项目。") == [
        "云和景宁支线天然气管道",
        "那云和湖全域旅游(一期)",
    ]


def test_ji_inside_one_scheme_stays_but_ji_yipi_ends_the_list():
    assert names("开工建设云和妇幼保健中心迁建及托育中心、龙泉河山田安置房及一批老旧小区改造项目等。") == [
        "云和妇幼保健中心迁建及托育中心",
        "龙泉河山田安置房",
    ]


def test_count_at_end_of_list_is_not_a_project():
    assert names("实施数字经济天宁孵化基地、路湾村、汽车西站地块成片开发等60个旧城区改建(征收)房屋项目。") == []


def test_count_of_projects_is_not_a_project():
    assert names("滚动推进新一轮80个县城综合承载能力提升项目,完成年度投资100亿元以上。") == []
    assert names("建设农村公共充电桩300个。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "实施就业优先战略。",
        "纵深推进“共富123行动”试点项目建设。",
        "着力推进高水平交通强市建设。",
        "加快青年发展型县城建设。",
        "推进全国基础教育综合改革实验区建设。",
        "加快建设高能级开放平台。",
        "加快建设大湾区国际科技创新中心、综合性国家科学中心。",
        "统筹推进重大标志性工程和“小而美”民生项目建设。",
        "优化实施“两重”项目。",
    ],
)
def test_programme_without_facility_is_not_a_project(sentence: str):
    assert names(sentence, region="全国") == []


def test_list_of_project_kinds_is_not_projects():
    assert names("开工建设一批海上风电、核电和抽水蓄能项目。", region="广东省") == []
    assert names("加快城市间高铁、城际铁路、高快速路、跨江跨海通道等建设。", region="广东省") == []


def test_list_of_tasks_is_not_projects():
    assert names("深化前沿新兴氢能、创新药、打造生物制造、商业航天等项目建设。", region="全国") == []


def test_group_after_deng_that_is_not_a_facility_makes_no_projects():
    assert names("加快人工智能等数智技术创新。", region="江苏省") == []


def test_single_name_needs_a_facility_and_an_anchor():
    assert names("加快西部陆海新通道建设。", region="全国") == ["西部陆海新通道"]
    assert names("加快建设“沙戈荒”新能源基地。", region="全国") == ["“沙戈荒”新能源基地"]
    assert names("加快建设宁波舟山国际航运中心。", region="浙江省") == []


def test_name_span_covers_figures_inside_the_name():
    doc = make_doc("建成浙江弘利年产17万吨光电专用环氧树脂等项目。")
    (r,) = extract_projects(doc)
    assert doc.text[r.start:r.end] == "浙江弘利年产17万吨光电专用环氧树脂"


def test_expanded_name_span_runs_to_the_shared_head():
    doc = make_doc("加快推进景宁、丽水滩等抽水蓄能电站建设。")
    spans = [doc.text[r.start:r.end] for r in extract_projects(doc)]
    assert spans == ["景宁、丽水滩等抽水蓄能电站", "丽水滩等抽水蓄能电站"]


def test_name_keeps_fullwidth_brackets_as_written():
    assert names("高质量建设金华（义乌）中欧班列集结中心。", region="浙江省") == ["金华（义乌）中欧班列集结中心"]


def test_forward_looking_project_is_dated_plan_year():
    (r,) = projects("开工建设青田中部引水配套工程等项目。", plan_year=2025)
    assert r.year == 2025


def test_review_section_project_is_dated_year_before():
    doc = make_doc("一、2025年工作回顾\n\n推动丽水富乐德传感技术等项目建成投运。\n\n二、2026年工作安排\n\n开工建设沪乍杭铁路等项目。\n", region="浙江省", plan_year=2026)
    years = {r.name: r.year for r in extract_projects(doc)}
    assert years == {"丽水富乐德传感技术": 2025, "沪乍杭铁路": 2026}


def test_missing_document_region_falls_back_to_empty_region():
    (r,) = projects("开工建设南明湖冰雪大世界等项目。", region="", plan_year=None)
    assert r.region == "" and r.year is None


def test_category_comes_from_the_section_heading_then_the_name():
    doc = make_doc(
        "(二)奋力推进产业项目建设\n\n开工建设南明湖冰雪大世界等项目。\n\n"
        "(三)推进高水平开放合作\n\n二是建强开放枢纽。开工建设丽水市第一人民医院、青田中部引水配套工程等项目。\n"
    )
    cats = [(r.name, r.category) for r in extract_projects(doc)]
    # a sector heading wins; a task heading (二是建强开放枢纽) does not, so each name's kind decides
    assert cats == [("南明湖冰雪大世界", "产业"), ("丽水市第一人民医院", "公共服务"), ("青田中部引水配套工程", "水利")]


def test_stage_verb_table_uses_only_known_stages_and_positions():
    with (files("flows.extract") / "data" / "stage_verbs.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["stage"] for r in rows} == set(STAGES)
    assert {r["position"] for r in rows} <= {"before", "after", "either"}
    assert len({r["verb"] for r in rows}) == len(rows)


def test_time_phrase_before_the_verb_is_skipped():
    assert [(r.name, r.stage) for r in projects("“十四五”期间建成丽水机场。")] == [("丽水机场", "completed")]
    assert [(r.name, r.stage) for r in projects("年内开工建设丽水经开区工业污水处理厂。")] == [("丽水经开区工业污水处理厂", "start")]


def test_one_character_kind_names_a_facility_only_at_the_end():
    # 路 inside 马路经济带 is no road: without 等/项目 the name needs a facility
    assert names("建成丽水马路经济带。") == []
    assert names("建成丽水东地路。") == ["丽水东地路"]


def test_a_class_of_works_is_not_a_project():
    assert names("推进川藏铁路、西部陆海新通道、国家水网重大工程等建设。", region="全国") == ["川藏铁路", "西部陆海新通道"]


def test_start_verb_after_a_speed_verb_sets_the_stage():
    assert [r.stage for r in projects("加快开工建设丽水至温州城际铁路。")] == ["start"]
    assert [r.stage for r in projects("谋划推进义龙庆高速、丽云宁铁路等项目。")] == ["preparatory"] * 2


def test_subject_before_the_verb_is_skipped():
    assert [(r.name, r.stage) for r in projects("我市将加快推进衢丽铁路建设。")] == [("衢丽铁路", "construction")]


def test_two_joined_closing_verbs_leave_the_name_alone():
    assert [(r.name, r.stage) for r in projects("丽水机场建成并投入运营。")] == [("丽水机场", "completed")]


def test_zhengqu_alone_is_preparatory_but_yields_to_a_later_verb():
    assert [(r.name, r.stage) for r in projects("争取衢丽铁路二期纳入国家规划。")] == [("衢丽铁路二期", "preparatory")]
    assert [r.stage for r in projects("争取杭丽铁路开工建设。")] == ["start"]
    assert [r.stage for r in projects("争取开工建设杭丽铁路。")] == ["start"]


def test_a_numbered_line_is_a_project_even_without_a_place():
    assert [(r.name, r.stage) for r in projects("开工建设轨道交通4号线、地铁3号线二期等项目。", region="杭州市")] == [
        ("轨道交通4号线", "start"),
        ("地铁3号线二期", "start"),
    ]


def test_qualifier_after_a_closing_verb_keeps_the_stage():
    found = projects("推动华峰新材料、瑞浦能源二期等产业项目尽快投产达效。", region="温州市")
    assert [(r.name, r.stage) for r in found] == [("华峰新材料", "completed"), ("瑞浦能源二期", "completed")]


def test_fullwidth_punctuation_splits_clauses_and_guards_brackets():
    from flows.extract.projects import find_project_mentions

    found = find_project_mentions("开工建设华迪特材（松阳、遂昌）年产6万吨钢管等项目，加快推进景宁、松阳等抽水蓄能电站；建成丽水机场。", "丽水市")
    assert [(m.name, m.stage) for m in found] == [
        ("华迪特材（松阳、遂昌）年产6万吨钢管", "start"),
        ("景宁抽水蓄能电站", "construction"),
        ("松阳抽水蓄能电站", "construction"),
        ("丽水机场", "completed"),
    ]


@pytest.mark.parametrize(
    ("sentence", "name", "stage"),
    [
        ("江山峡口水库扩建工程顺利通水。", "江山峡口水库扩建工程", "completed"),
        ("黄河东线马镇引水工程试通水。", "黄河东线马镇引水工程", "completed"),
        ("金华港兰溪港区开通航运。", "金华港兰溪港区", "completed"),
        ("龙游至丽水高速公路进展顺利。", "龙游至丽水高速公路", "construction"),
        ("陕皖直流输电工程有序推进。", "陕皖直流输电工程", "construction"),
        ("确保衢丽铁路衢州段主体完工。", "衢丽铁路衢州段", "construction"),
        ("力争衢州至宁德铁路纳入国家中长期铁路网规划。", "衢州至宁德铁路", "preparatory"),
    ],
)
def test_closing_verbs_of_other_reports_give_the_stage(sentence: str, name: str, stage: str):
    found = projects(sentence, region="衢州市")
    assert [(r.name, r.stage) for r in found] == [(name, stage)]


def test_count_of_one_facility_kind_keeps_the_listed_names():
    found = by_name("西延高铁和眉太、岚皋至陕渝界等4条高速公路建成通车。", region="陕西省")
    assert list(found) == ["西延高铁", "眉太高速公路", "岚皋至陕渝界高速公路"]
    assert {r.stage for r in found.values()} == {"completed"}


def test_count_after_the_names_stays_outside_their_spans():
    doc = make_doc("西十、康渝等4条高铁加快建设。", region="陕西省")
    found = extract_projects(doc)
    assert [r.name for r in found] == ["西十高铁", "康渝高铁"]
    assert all("4" not in doc.text[r.start:r.end] for r in found)


def test_figure_set_off_by_a_comma_is_not_a_name_and_does_not_hide_the_verb():
    assert [(r.name, r.stage) for r in projects("可可盖等11处煤矿建成试运转、新增产能3095万吨/年。", region="陕西省")] == [
        ("可可盖煤矿", "completed")
    ]
    assert [(r.name, r.stage) for r in projects("力争黄蒿界等6处煤矿、产能1400万吨/年建成试运转。", region="陕西省")] == [
        ("黄蒿界煤矿", "completed")
    ]


def test_names_before_a_count_of_projects_with_a_closing_verb_are_projects():
    # the guide makes 等23个项目 a count target; the names listed before it still have a stage
    assert names("揭阳中石油炼化一体化等23个投资额百亿元以上重大工业项目建成投产。", region="广东省") == ["揭阳中石油炼化一体化"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2024年池州市重点项目建设情况 (1—8月份 progress): stage verb after 等N个项目
        ("联森五金机电制造产业园、经开区半导体特色生态产业园等151个项目开工建设,开工率73%;",
         [("联森五金机电制造产业园", "start"), ("经开区半导体特色生态产业园", "start")]),
        ("金娃科技创新产业园等85个项目竣工,竣工率76.6%;", [("金娃科技创新产业园", "completed")]),
        ("友进冠华绿色低碳工厂等20个储备项目提前开工,转化率8.7%。", [("友进冠华绿色低碳工厂", "start")]),
    ],
)
def test_count_of_projects_after_the_names_keeps_their_stage(sentence: str, expected: list):
    assert [(r.name, r.stage) for r in projects(sentence, region="池州市")] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2025年赤峰市政府工作报告: a description before the name, 客运 before the closing verb
        ("全市人民期盼多年的赤大铁路客运正式通车,结束了境内南北不通客运火车的历史。", [("赤大铁路", "completed")]),
        ("东北电网“十四五”期间投资最大的单体项目巴林—奈曼—阜新500千伏输变电工程竣工投运。",
         [("巴林—奈曼—阜新500千伏输变电工程", "completed")]),
        # 2025年邯郸市政府工作报告: a superlative and a sum before the name
        ("全省首个超百亿元水利工程娄里水库开工。", [("娄里水库", "start")]),
    ],
)
def test_description_before_one_completed_name_is_not_part_of_it(sentence: str, expected: list):
    assert [(r.name, r.stage) for r in projects(sentence, region="赤峰市")] == expected


def test_description_before_works_without_a_closing_verb_names_nothing():
    assert names("加快建设与城市发展相适应的基础设施。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("加快推进瓯江航道整治。", ["瓯江航道整治"]),
        ("推进铜山源水库加固工程。", ["铜山源水库加固工程"]),
        ("加快推进婺城区白沙溪综合治理。", ["婺城区白沙溪综合治理"]),
    ],
)
def test_a_river_or_lake_name_places_works_like_a_division(sentence: str, expected: list[str]):
    assert names(sentence, region="金华市") == expected


@pytest.mark.parametrize("sentence", ["加快推进内河航道建设。", "推进幸福河湖建设。", "加快推进沿河绿道建设。"])
def test_a_common_water_word_places_nothing(sentence: str):
    assert names(sentence, region="金华市") == []


def test_unplaced_name_listed_beside_a_placed_facility_is_a_facility_too():
    assert names("加快建设时代锂电材料产业基地、衢州数字经济产业园。", region="衢州市") == [
        "时代锂电材料产业基地",
        "衢州数字经济产业园",
    ]
    assert names("加快建设时代锂电材料产业基地。", region="衢州市") == []


def test_a_kind_in_a_list_of_placed_names_drops_alone():
    assert names("加快推进杭温高铁、金建铁路和城市轨道交通建设。", region="浙江省") == ["杭温高铁", "金建铁路"]
    assert names("开工建设温州机场三期、海上风电和抽水蓄能项目。", region="浙江省") == ["温州机场三期"]


def test_a_bare_phase_repeats_the_name_before_it_even_when_the_name_is_long():
    assert names("推进环北部湾广东水资源配置一期、二期和黄茅峡水库等工程建设。", region="广东省") == [
        "环北部湾广东水资源配置一期",
        "环北部湾广东水资源配置二期",
        "黄茅峡水库",
    ]


def test_parallel_names_share_the_kind_after_the_last_one():
    assert names("南京北站、苏州北站综合枢纽等重大工程开工建设。", region="江苏省") == ["南京北站综合枢纽", "苏州北站综合枢纽"]
    assert names("建成杭州东站、杭州西站。", region="浙江省") == ["杭州东站", "杭州西站"]
    assert names("建成广州白云机场三期、深圳宝安机场第三跑道。", region="广东省") == ["广州白云机场三期", "深圳宝安机场第三跑道"]


def test_works_word_after_a_one_character_kind_keeps_it_a_facility():
    assert names("开工建设宝鸡西站改扩建。", region="宝鸡市") == ["宝鸡西站改扩建"]
    assert names("开工建设金华火车站改造。", region="金华市") == ["金华火车站改造"]


def test_a_bare_name_borrows_the_field_words_ending_the_next_name():
    assert names("加快比亚迪、吉利汽车零部件等项目建设。", region="陕西省") == ["比亚迪汽车零部件", "吉利汽车零部件"]


def test_a_bare_county_borrows_the_whole_kind_even_outside_the_home_province():
    assert names("开工建设景宁、松阳抽水蓄能电站。", region="陕西省") == ["景宁抽水蓄能电站", "松阳抽水蓄能电站"]


def test_a_clause_opening_with_its_own_lead_word_and_no_stage_verb_borrows_no_stage():
    assert names("加快比亚迪等项目建设,推动奕斯伟二期、唐晶半导体等项目释放产能。", region="陕西省") == ["比亚迪"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("西渝高铁力争年内建成通车。", "西渝高铁"),
        ("武汉至大悟高速公路2025年底前建成。", "武汉至大悟高速公路"),
        ("襄阳东津新区奥体中心正式投入使用。", "襄阳东津新区奥体中心"),
    ],
)
def test_time_and_strength_words_before_a_closing_verb_are_not_the_name(sentence: str, name: str):
    assert [(r.name, r.stage) for r in projects(sentence, region="湖北省")] == [(name, "completed")]


def test_a_water_transfer_named_by_source_and_destination_is_a_facility():
    assert names("引江补汉工程开工建设。", region="湖北省") == ["引江补汉工程"]


def test_tuidong_jianshe_is_construction_but_zhichi_jianshe_gives_no_stage():
    found = projects("推动武汉光谷实验室、东湖实验室建设。", region="湖北省")
    assert [(r.name, r.stage) for r in found] == [("武汉光谷实验室", "construction"), ("东湖实验室", "construction")]
    assert names("支持西部创新港、三航科技城、未来信息港等建设。", region="陕西省") == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("加快推进钱塘江海塘安澜工程。", "钱塘江海塘安澜工程"),
        ("加快推进绍兴越城区鉴湖绿道。", "绍兴越城区鉴湖绿道"),
        ("加快推进缙云仙都景区。", "缙云仙都景区"),
    ],
)
def test_sea_walls_greenways_and_scenic_areas_are_facilities(sentence: str, name: str):
    assert names(sentence, region="浙江省") == [name]


@pytest.mark.parametrize("sentence", ["建成3A级景区10个。", "推进城市绿道建设。", "加快建设高等级绿道。"])
def test_generic_greenways_and_scenic_areas_are_not_projects(sentence: str):
    assert names(sentence, region="浙江省") == []


def test_national_report_milestones_give_completed_and_start():
    assert [(r.name, r.stage) for r in projects("白鹤滩水电站全部机组投产发电。", region="全国")] == [("白鹤滩水电站", "completed")]
    assert [(r.name, r.stage) for r in projects("雅鲁藏布江下游水电工程开工建设。", region="全国")] == [
        ("雅鲁藏布江下游水电工程", "start")
    ]


@pytest.mark.parametrize(
    ("sentence", "name", "stage"),
    [
        ("完成衢州机场竣工验收。", "衢州机场", "completed"),
        ("全面完成杭温高铁建设。", "杭温高铁", "completed"),
        ("完成温州至丽水城际铁路前期工作。", "温州至丽水城际铁路", "preparatory"),
        ("加快推进并建成衢州西站。", "衢州西站", "completed"),
    ],
)
def test_wancheng_and_a_joined_second_verb_set_the_stage(sentence: str, name: str, stage: str):
    assert [(r.name, r.stage) for r in projects(sentence, region="浙江省")] == [(name, stage)]


def test_a_voltage_before_a_name_does_not_stop_it_borrowing_the_group_kind():
    assert names("开工750千伏定靖西、330千伏沣渭等输变电工程。", region="陕西省") == [
        "750千伏定靖西输变电工程",
        "330千伏沣渭输变电工程",
    ]


def test_a_clause_announcing_a_list_with_a_colon_lends_its_verb():
    found = projects("加快推进三大交通项目:杭温高铁、金建铁路、衢丽铁路。", region="浙江省")
    assert [(r.name, r.stage) for r in found] == [("杭温高铁", "construction"), ("金建铁路", "construction"), ("衢丽铁路", "construction")]


def test_a_numbered_group_is_not_a_name():
    assert names("加快推进三大交通项目建设。", region="浙江省") == []


def test_baokuo_after_the_verb_introduces_the_names():
    assert names("新开工项目包括温州机场三期、瓯江航道整治工程。", region="浙江省") == ["温州机场三期", "瓯江航道整治工程"]


def test_a_programme_in_a_list_borrows_no_facility_head():
    assert names("加快推进川藏铁路、西部陆海新通道、国家水网、雅下水电站、“东数西算”等重大工程建设。", region="全国") == [
        "川藏铁路",
        "西部陆海新通道",
        "雅下水电站",
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("开工建设温州机场三期(总投资50亿元)。", "温州机场三期"),
        ("建成投用总投资35亿元的丽水市中心医院。", "丽水市中心医院"),
    ],
)
def test_an_investment_figure_said_of_a_project_is_not_its_name(sentence: str, name: str):
    doc = make_doc(sentence, region="浙江省")
    (found,) = extract_projects(doc)
    assert found.name == name and doc.text[found.start:found.end] == name


def test_shixian_and_jubei_tongche_tiaojian_read_as_completed():
    assert [(r.name, r.stage) for r in projects("实现杭温高铁全线贯通。", region="浙江省")] == [("杭温高铁", "completed")]
    assert [(r.name, r.stage) for r in projects("确保金建铁路年底前具备通车条件。", region="浙江省")] == [("金建铁路", "completed")]


@pytest.mark.parametrize(
    "sentence",
    ["加快推进杭温高铁、金建铁路以及衢丽铁路建设。", "加快推进杭温高铁与金建铁路、衢丽铁路建设。"],
)
def test_yiji_and_yu_between_two_facilities_join_a_list(sentence: str):
    assert names(sentence, region="浙江省") == ["杭温高铁", "金建铁路", "衢丽铁路"]


def test_yu_inside_one_works_stays():
    assert names("加快实施乌溪江灌区续建配套与现代化改造。", region="衢州市") == ["乌溪江灌区续建配套与现代化改造"]


def test_a_clause_opening_with_yiji_keeps_the_previous_stage():
    assert [(r.name, r.stage) for r in projects("开工建设杭温高铁,以及金建铁路。", region="浙江省")] == [
        ("杭温高铁", "start"),
        ("金建铁路", "start"),
    ]


def test_two_deng_groups_in_one_clause_each_close_their_names():
    assert names("加快推进杭温高铁、金建铁路等交通项目和瑞安抽水蓄能电站等能源项目建设。", region="浙江省") == [
        "杭温高铁",
        "金建铁路",
        "瑞安抽水蓄能电站",
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("开展温州至福州城际铁路前期研究。", "温州至福州城际铁路"),
        ("金华至建德铁路完成工可批复。", "金华至建德铁路"),
        ("温州至丽水城际铁路完成预可研。", "温州至丽水城际铁路"),
        ("衢州机场迁建工程获国家发改委批复。", "衢州机场迁建工程"),
        ("温州至丽水城际铁路通过立项。", "温州至丽水城际铁路"),
    ],
)
def test_approval_steps_are_preparatory(sentence: str, name: str):
    assert [(r.name, r.stage) for r in projects(sentence, region="浙江省")] == [(name, "preparatory")]


def test_a_numbered_road_is_a_facility():
    assert names("G4216线屏山新市至金阳段建成通车。", region="四川省") == ["G4216线屏山新市至金阳段"]


def test_first_units_before_a_closing_verb_are_not_the_name():
    assert [(r.name, r.stage) for r in projects("双江口水电站首台机组投产发电。", region="四川省")] == [("双江口水电站", "completed")]


def test_ji_splits_two_placed_facilities_but_keeps_one_scheme():
    assert names("加快推进巴塘水电站及雅砻江孟底沟水电站建设。", region="四川省") == ["巴塘水电站", "雅砻江孟底沟水电站"]
    assert names("开工建设云和妇幼保健中心迁建及托育中心。") == ["云和妇幼保健中心迁建及托育中心"]


def test_a_placed_name_without_a_facility_takes_the_next_ones():
    assert names("加快推进金沙江上游叶巴滩、巴塘水电站建设。", region="四川省") == ["金沙江上游叶巴滩水电站", "巴塘水电站"]
    assert names("开工建设青田宏裕新材料、遂昌盖亚新能源电池制造等项目。") == ["青田宏裕新材料", "遂昌盖亚新能源电池制造"]


def test_a_transfer_or_a_canal_names_its_water_works():
    assert names("加快引大济岷、长征渠引水工程建设。", region="四川省") == ["引大济岷", "长征渠引水工程"]


def test_building_lead_table_gives_only_known_stages():
    from flows.extract.project_rules import project_rules

    leads = project_rules().building_leads
    assert leads and {stage for _, stage in leads} <= set(STAGES)


@pytest.mark.parametrize(
    ("verb", "stage"),
    [
        ("建成投用", "completed"), ("建成投运", "completed"), ("竣工投用", "completed"), ("提前完工投产", "completed"),
        ("通车", "completed"), ("通航", "completed"), ("投产", "completed"), ("提速推进", "construction"),
        ("集中开工", "start"), ("获国家核准", "preparatory"),
    ],
)
def test_closing_stage_verbs_after_a_name_of_another_city(verb: str, stage: str):
    assert [(r.name, r.stage) for r in projects(f"温州机场三期{verb}。", region="温州市")] == [("温州机场三期", stage)]


def test_roads_named_avenue_or_express_line_keep_their_own_names():
    # 茂名市政府工作报告 (本届政府工作回顾): 先后建成 lists, 大道 and 快线 are facilities
    assert [(r.name, r.stage) for r in projects("先后建成茂名港大道、茂东快线、茂化快线、包茂大道、市民大道二期等项目。", region="茂名市")] == [
        ("茂名港大道", "completed"), ("茂东快线", "completed"), ("茂化快线", "completed"), ("包茂大道", "completed"),
        ("市民大道二期", "completed")]
    assert names("西部快线、潘州大道、工业大道南、市民大道三期开工建设。", region="茂名市") == [
        "西部快线", "潘州大道", "工业大道南", "市民大道三期"]


def test_planned_start_with_lengths_after_the_names():
    # 重庆市2025年市级重点项目: 计划 before the verb, the length of each line after its name
    recs = projects("2025年计划新开工黔江至吉首高铁(重庆段152公里)和重庆都市圈货运铁路环线合川至大足段102公里。", region="重庆市")
    assert [(r.name, r.stage) for r in recs] == [("黔江至吉首高铁", "start"), ("重庆都市圈货运铁路环线合川至大足段", "start")]


def test_lengths_after_project_names_are_not_targets():
    from flows.extract import extract_document

    text = "2025年计划新开工黔江至吉首高铁(重庆段152公里)和重庆都市圈货运铁路环线合川至大足段102公里。建成高速公路100公里。"
    doc = replace(ingest_bytes(text.encode("utf-8"), doc_id="case"), metadata=DocumentMetadata(region="重庆市", plan_year=2025))
    assert [(r.type, r.value) for r in extract_document(doc) if r.type != "project"] == [("target", 100)]


def test_works_under_construction_listed_after_zai_jian_group():
    # 重庆市2025年市级重点项目: 在建高铁项目包括…
    assert [(r.name, r.stage) for r in projects("在建高铁项目包括渝万高铁、成渝中线高铁和渝西高铁,重庆境内里程合计729公里;", region="重庆市")] == [
        ("渝万高铁", "construction"), ("成渝中线高铁", "construction"), ("渝西高铁", "construction")]


def test_superlative_description_set_off_by_dun_is_not_a_name():
    # 成都市2024年政府工作报告 (人民网): 投资体量最大的单体工业项目、总投资630亿元的京东方…生产线项目开工建设
    text = "成都发展史上投资体量最大的单体工业项目、 总投资630亿元的京东方第8.6代AMOLED生产线项目开工建设。"
    assert [(r.name, r.stage) for r in projects(text, region="成都市")] == [("京东方第8.6代AMOLED生产线", "start")]


def test_centres_that_break_ground_are_buildings():
    # 深圳市龙岗区2025年政府工作报告: 罗山科技园产业集聚中心、国际创新中心、国际交流服务中心全面动工
    assert names("罗山科技园产业集聚中心、国际创新中心、国际交流服务中心全面动工。", region="深圳市") == [
        "罗山科技园产业集聚中心", "国际创新中心", "国际交流服务中心"]


def test_a_centre_as_a_role_is_not_a_project():
    assert names("加快建设国际航运中心。", region="宁波市") == []


def test_connective_list_of_power_projects_keeps_the_stage():
    # 中新网 on the 2025 四川省政府工作报告: 提速实施…等重大交通项目,以及…等电源电网项目
    text = "提速实施西宁至成都铁路、乐山机场等重大交通项目,以及孟底沟水电站、盐源抽水蓄能电站等电源电网项目。"
    assert [(r.name, r.stage) for r in projects(text, region="四川省")] == [
        ("西宁至成都铁路", "construction"), ("乐山机场", "construction"),
        ("孟底沟水电站", "construction"), ("盐源抽水蓄能电站", "construction")]


def test_guantong_after_the_name_completes_it():
    # 咸丰县交通运输系统 (2026): 242国道忠堡绕镇公路2026年全面贯通
    assert [(r.name, r.stage) for r in projects("力争利咸高速2026年建成通车,242国道忠堡绕镇公路2026年全面贯通。", region="咸丰县")] == [
        ("利咸高速", "completed"), ("242国道忠堡绕镇公路", "completed")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 马鞍山市2019年政府工作报告
        ("宁马城际铁路、宁和城际铁路启动预可研编制;", [("宁马城际铁路", "preparatory"), ("宁和城际铁路", "preparatory")]),
        ("宁马高速改造前期有序推进;", [("宁马高速改造", "preparatory")]),
        ("奥克斯空调、华旺新材料等一批重大项目加速建设,", [("奥克斯空调", "construction"), ("华旺新材料", "construction")]),
    ],
)
def test_preparatory_work_and_accelerated_building(sentence: str, expected: list):
    assert [(r.name, r.stage) for r in projects(sentence, region="马鞍山市")] == expected


def test_outer_ring_road_is_a_facility():
    # 聊城市2024年政府工作报告: 市大外环全线贯通
    assert [(r.name, r.stage) for r in projects("国土空间总体规划获批,市大外环全线贯通,高铁新区建设全面起势。", region="聊城市")] == [
        ("市大外环", "completed")]


def test_jiben_jiancheng_before_the_name_is_completed():
    # 北京市2025年政府工作报告 (news digest): 基本建成副中心站综合交通枢纽
    recs = by_name("推动城市副中心高质量发展,基本建成副中心站综合交通枢纽,推进六环高线公园等重点工程建设。", "北京市")
    assert recs["副中心站综合交通枢纽"].stage == "completed"
    assert recs["六环高线公园"].stage == "construction"


def test_a_sum_of_money_after_a_preparatory_verb_is_not_a_project():
    # 牟定县2024年政府工作报告: 争取到位园区配套基础设施建设专债资金10亿元
    assert names("争取到位园区配套基础设施建设专债资金10亿元,实施基础设施建设项目27个。", "牟定县") == []


def test_grain_reserve_depot_about_to_open_is_completed():
    # 牟定县2024年政府工作报告: 中储粮20万吨粮食储备库即将建成投产运营
    recs = by_name("中储粮20万吨粮食储备库即将建成投产运营,含硅废渣利用项目全面投产。", "牟定县")
    assert recs["中储粮20万吨粮食储备库"].stage == "completed"


def test_roads_counted_after_a_list_keep_their_own_names():
    # 无锡经开区建设局2025: 持续推进金融七街、梁东路(贡湖大道~梁溪区界)等6条续建道路
    recs = by_name("持续推进金融七街、梁东路(贡湖大道~梁溪区界)等6条续建道路。", "无锡市")
    assert set(recs) == {"金融七街", "梁东路(贡湖大道~梁溪区界)"}
    assert {r.stage for r in recs.values()} == {"construction"}


def test_years_joined_by_dun_before_the_verb_are_a_time():
    # 山东省2026年政府工作报告: 2027年、2028年分别建成津潍、潍宿高铁
    assert by_name("2027年、2028年分别建成津潍、潍宿高铁。", "山东省").keys() == {"津潍高铁", "潍宿高铁"}


def test_news_subject_and_touyong_before_the_names():
    # 山东省2026年政府工作报告 (中新网): 投用枣庄机场 / 该省将开工建设…
    recs = by_name("加快建设济南机场二期,投用枣庄机场。该省将开工建设京杭运河与小清河航道连通工程、梁山港二期。", "山东省")
    assert recs["枣庄机场"].stage == "completed"
    assert recs["京杭运河与小清河航道连通工程"].stage == "start"
    assert recs["梁山港二期"].stage == "start"


def test_stage_word_after_the_group_kind_is_not_part_of_the_shared_head():
    # 吉林省2026年政府工作报告: 建好长春都市圈西环、白山至临江…等高速公路续建项目
    recs = by_name("建好长春都市圈西环、白山至临江、松江河至长白等高速公路续建项目。", "吉林省")
    assert set(recs) == {"长春都市圈西环高速公路", "白山至临江高速公路", "松江河至长白高速公路"}
    assert {r.stage for r in recs.values()} == {"construction"}


def test_a_name_holding_deng_is_a_group_not_a_project():
    # 吉林省2026年政府工作报告: 建设松花江等主要江河砂基砂堤治理、东部两江三期工程
    assert names("建设松花江等主要江河砂基砂堤治理、东部两江三期工程。", "吉林省") == ["东部两江三期工程"]


def test_named_reservoir_under_jiakuai_jianshe_and_kinds_of_river_works():
    # 黑龙江省2022年政府工作报告
    text = "开工建设哈尔滨至绥化至铁力客专,加快关门嘴子水库工程建设,加快实施病险水库除险加固、中小河流综合治理等重点水利工程。"
    recs = by_name(text, "黑龙江省")
    assert recs.keys() == {"哈尔滨至绥化至铁力客专", "关门嘴子水库工程"}
    assert recs["关门嘴子水库工程"].stage == "construction"


def test_a_field_of_industry_after_deng_is_not_appended_to_company_names():
    # 大同市2025年政府工作报告: 海博思创、阳光电源、国瑞协创等一批储能装备制造项目建成投产
    recs = by_name("海博思创、阳光电源、国瑞协创等一批储能装备制造项目建成投产。", "大同市")
    assert set(recs) == {"海博思创", "阳光电源", "国瑞协创"}


def test_jiancheng_qiyong_and_an_extension_line_are_completed_works():
    # 运城市2024年政府工作报告
    recs = by_name("河东东街延长线和209国道改造临猗段全线贯通。运城会展中心建成启用。", "运城市")
    assert {n: r.stage for n, r in recs.items()} == {
        "河东东街延长线": "completed", "209国道改造临猗段": "completed", "运城会展中心": "completed"}


def test_small_enterprise_park_is_a_facility():
    # 柘荣县2025年政府工作报告: 推动标准化厂房二期、太子参小微园上半年投用
    recs = by_name("推动标准化厂房二期、太子参小微园上半年投用。", "柘荣县")
    assert {n: r.stage for n, r in recs.items()} == {"标准化厂房二期": "completed", "太子参小微园": "completed"}


def test_ji_after_a_complete_works_joins_two_names():
    # 无锡经开区2025: 启动聋盲学校周边道路新建工程及湖景北路等8条道路建设
    assert names("2025年启动聋盲学校周边道路新建工程及湖景北路等8条道路建设。", "无锡市") == ["聋盲学校周边道路新建工程", "湖景北路"]


def test_a_count_of_fields_after_deng_names_no_projects():
    # 吉林省2022年政府工作报告: 抓好5G基站、特高压…等7大领域新型基础设施项目建设
    assert names("抓好5G基站、特高压、高速铁路和城市轨道交通、新能源汽车充电桩等7大领域新型基础设施项目建设。", "吉林省") == []


def test_zhuahao_progress_clause_is_construction_and_inherits_nothing():
    # 吉林省2026年政府工作报告: 开工G334…项目,抓好延吉机场迁建和长春龙嘉机场三期扩建进度
    recs = by_name("开工G334文旅大通道改造升级项目,抓好延吉机场迁建和长春龙嘉机场三期扩建进度。", "吉林省")
    assert {n: r.stage for n, r in recs.items()} == {
        "G334文旅大通道改造升级": "start", "延吉机场迁建": "construction", "长春龙嘉机场三期扩建": "construction"}


def test_jiakuai_toujian_after_the_names_is_construction():
    # 通榆县2025年计划执行情况与2026年计划草案的报告: …等负荷项目加快投建
    recs = by_name("绿电园区坤宇淳亿汽车零部件、吉林化纤拉挤板等负荷项目加快投建。", "通榆县")
    assert {r.stage for r in recs.values()} == {"construction"} and "吉林化纤拉挤板" in recs


def test_a_place_name_starting_like_a_class_word_is_not_generic():
    # 黑龙江省2022年政府工作报告: 启动五大连池至嫩江、鹤岗至伊春等高速公路建设 (五大连池 is a city, 五大 a class word)
    assert names("启动五大连池至嫩江、鹤岗至伊春等高速公路建设。", "黑龙江省") == ["五大连池至嫩江高速公路", "鹤岗至伊春高速公路"]
    assert names("推进五大优势产业园区建设。", "黑龙江省") == []


def test_a_counted_list_under_a_building_verb_keeps_only_placed_works():
    # 吉林省2022年政府工作报告: 建设长春轨道交通2号线东延线等5个项目
    assert names("建设长春轨道交通2号线东延线等5个项目。", "吉林省") == ["长春轨道交通2号线东延线"]
    assert names("实施城南片区改造、老城更新等60个旧城区改建项目。", "吉林省") == []


def test_dong_gong_jian_she_numbered_ring_road_and_a_line_section_built_and_opened():
    # 福州市2026年政府工作报告 (news digest)
    recs = by_name("动工建设工业北路延伸线二期,推进城区四环路建设;推动6号线东调段建成并实现通车。", "福州市")
    assert {n: r.stage for n, r in recs.items()} == {
        "工业北路延伸线二期": "start", "城区四环路": "construction", "6号线东调段": "completed"}


def test_a_park_and_a_walkway_with_their_own_names_are_works():
    # 北京市2024年政府工作报告 / 福州市2026年政府工作报告
    assert by_name("启动东六环高线公园建设。", "北京市")["东六环高线公园"].stage == "start"
    assert names("推进烟台山二期以及闽江南岸慢行步道贯通工程。", "福州市") == ["烟台山二期", "闽江南岸慢行步道贯通工程"]


def test_kaishi_jianshe_and_ye_kaigong_jianshe_le_start_works():
    # 贵州省2025年水利工作会议 (news): 花滩子大型水库开始建设;宣威大型水库也开工建设了
    recs = by_name("在铜仁市,花滩子大型水库开始建设;在黔东南州,宣威大型水库也开工建设了。", "贵州省")
    assert {n: r.stage for n, r in recs.items()} == {"花滩子大型水库": "start", "宣威大型水库": "start"}


def test_a_sentence_counting_in_chinese_numerals_is_not_a_name():
    assert names("这可是贵州历史上首次在同一年度有两座大型水库开工建设。", "贵州省") == []


def test_an_area_with_yu_before_wan_is_a_figure_not_a_name():
    # 渝水区2024年政府工作报告: 加速推进100余万平方米标准厂房建设
    assert names("加速推进100余万平方米标准厂房建设。", "新余市") == []


def test_push_clause_before_a_comma_shares_the_closing_verb_of_the_list_after_it():
    # 交通运输部 2025年重大工程和重大项目 (news of 2025-03-04): 新开方面,将推动G3033…高速公路,长江口…工程、…等一批项目开工建设
    found = by_name("新开方面,将推动G3033奎屯至独山子至库车高速公路,长江口南槽航道治理二期工程、广州港南沙港区五期工程等一批项目开工建设。")
    assert found["G3033奎屯至独山子至库车高速公路"].stage == "start"
    assert found["广州港南沙港区五期工程"].stage == "start"


def test_push_clause_without_a_facility_borrows_no_stage():
    assert names("推动产业转型升级,东湖大桥建成通车。") == ["东湖大桥"]


# held_out_2 (tests/extract/held_out_2): wording of city and district progress notes


def test_a_month_is_a_date_never_a_project_name() -> None:
    # the continuation clause's verb is said of the works opening the clause before (held_out_2's
    # gold): the works are the name, never the month
    assert names("3月,光明都市产业园启动区项目成功摘得土地,并计划于4月底前开工建设。", "宁波市") == ["光明都市产业园启动区"]
    assert names("此外,预计10月将正式投入运行。", "宁波市") == []


def test_month_and_strength_before_a_closing_verb_are_not_part_of_the_name() -> None:
    assert [(r.name, r.stage) for r in projects("远一路下穿铁路工程并争取在10月底具备通车条件。", region="宁波市")] == [
        ("远一路下穿铁路工程", "completed")]


def test_preparatory_work_before_its_verb_makes_the_list_preparatory() -> None:
    found = projects("与此同时,临俞产业园、岚湾产业园、集成电路高端制造产业园等项目的前期工作正加快推进,未来有望成为区域产业发展的重要支撑。",
                     region="宁波市")
    assert [(r.name, r.stage) for r in found] == [
        ("临俞产业园", "preparatory"), ("岚湾产业园", "preparatory"), ("集成电路高端制造产业园", "preparatory")]


def test_a_list_in_its_preparatory_phase_is_preparatory_and_a_programme_in_it_is_no_project() -> None:
    found = projects("开万梁高速、西渝高铁换乘中心、浦里新区绿色转型发展及新型城镇化等81个项目正处于前期手续办理阶段,下半年确保开工。",
                     region="开州区")
    assert [(r.name, r.stage) for r in found] == [("开万梁高速", "preparatory"), ("西渝高铁换乘中心", "preparatory")]


def test_a_count_closing_a_list_without_deng_gives_its_kind_to_each_name() -> None:
    found = projects("与此同时,巫云开、万达直线、开万梁3条高速也在按时推进。", region="开州区")
    assert [(r.name, r.stage) for r in found] == [
        ("巫云开高速", "construction"), ("万达直线高速", "construction"), ("开万梁高速", "construction")]


def test_ongoing_adverbs_before_a_closing_verb_are_not_part_of_the_name() -> None:
    assert [(r.name, r.stage) for r in projects("汇智产业园建设也在稳步推进,目前已完成整体进度的40%。", region="宁波市")] == [
        ("汇智产业园", "construction")]
    assert [(r.name, r.stage) for r in projects("环保科技产业园积极推进。", region="建平县")] == [("环保科技产业园", "construction")]


def test_hotels_are_facilities_and_development_of_a_listed_project_is_its_construction() -> None:
    assert names("招宝山饭店、南苑望海酒店预计10月将正式投入运行。", "宁波市") == ["招宝山饭店", "南苑望海酒店"]
    assert [(r.name, r.stage) for r in projects("三是围绕电厂及周边片区,加快推进百年电厂综合项目开发。", region="焦作市")] == [
        ("百年电厂综合", "construction")]


def test_a_street_named_like_a_class_word_places_the_name() -> None:
    found = names("七是围绕15个棚户区改造项目,重点加快推进中原小区棚户区、民生街棚户区、民权街棚户区等项目。", "焦作市")
    assert found == ["中原小区棚户区", "民生街棚户区", "民权街棚户区"]
    assert names("加快推进民生工程建设。", "焦作市") == []


def test_a_spaced_investment_before_a_list_is_not_part_of_the_first_name() -> None:
    # 东洲区2025年政府工作报告 (a PDF copy: 总投资 86 亿元的…)
    found = projects("总投资 86亿元的辽宁三木、渼瑞石油等 12个重大产业项目开工建设。", region="东洲区")
    assert [(r.name, r.stage) for r in found] == [("辽宁三木", "start"), ("渼瑞石油", "start")]


def test_a_breakdown_list_closed_by_this_years_new_starts_starts_each_name_whatever_the_names_end_on() -> None:
    from flows.extract import extract_document

    doc = ingest_bytes("目前,已有6个重点项目开工建设,其中县第一中学迁建、SPC新型环保石塑地板建设等6个项目为今年新开工项目。\n"
                       .encode("utf-8"), doc_id="case", metadata={"plan_year": 2022})
    projects = [(r.name, r.stage) for r in extract_document(doc) if r.type == "project"]
    assert projects == [("县第一中学迁建", "start"), ("SPC新型环保石塑地板建设", "start")]
