"""Project names read since issue 12's thirteenth round: a division opening a clause before its stage
verb, and a count closing a list that says how many items a place's 和 joins.

Each shape was seen in more than one document (named in the test's comment); the sentences are made up
in the reports' manner, with other places' names.
"""
from __future__ import annotations

from functools import partial

from flows.extract.project_names import is_placed

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


# held_out_8 shanghai 2019 (2019年上海启动建设A、B), held_out_2 kaizhou 2024 (开州区开工建设…),
# held_out_5 huinan 2020 (辉南县建成了…), held_out_9 shandong 2024 (山东提速建设…): the division opening
# the clause right before its stage verb is the clause's subject, as before a lead word (湖北将…)
def test_a_division_opening_the_clause_before_its_stage_verb_is_its_subject() -> None:
    assert _projects("2026年湖北启动建设荆门至荆州高铁、武汉城市圈环线高速。") == [
        ("荆门至荆州高铁", "start"), ("武汉城市圈环线高速", "start")]
    assert _projects("襄阳市开工建设襄阳东津大桥。") == [("襄阳东津大桥", "start")]


# corpus guangdong / heilongjiang / chongqing / jilin 2026, held_out_4 guan 2025 (新建改造…管网N公里):
# 新建 is also 南昌's 新建区, but opening a clause it is the verb: the clause is not read as 新建区
# undertaking 改造 (which would give the bridge 改造's stage)
def test_a_works_word_that_is_a_division_name_is_no_subject() -> None:
    assert _projects("改造襄阳东津大桥。") == [("襄阳东津大桥", "construction")]
    assert _projects("新建改造襄阳东津大桥。") == []


# held_out_2 kaizhou 2024 (渝西和成达万2条高铁: 西和 a county of Gansu; 巫云开、万达直线、开万梁3条高速):
# a count closing a list with no 等 is the number of its items, so a place's 和 that kept two items
# together joins them
def test_a_count_closing_a_list_splits_on_a_places_he() -> None:
    assert projects_in("加快建设巫西和宜万2条高铁。", region="重庆市开州区") == [
        ("巫西高铁", "construction"), ("宜万高铁", "construction")]


def test_a_places_he_stays_in_a_name_without_a_count() -> None:
    # 云和 (a county of 丽水) names the lake; no count asks for a second item
    assert projects_in("开工建设那云和湖全域旅游(一期)等项目。", region="浙江省") == [
        ("那云和湖全域旅游(一期)", "start")]


# held_out_16 jiangxi 2015 plan (建成A、B,新增铁路营运里程588公里); 通车里程 / 营运里程 / 总里程 state a length
# measured in 23 development reports and name no project in any gold set
def test_a_mileage_after_built_lines_is_a_figure_not_a_project() -> None:
    assert _projects("建成荆门至荆州高铁、襄阳东津大桥,新增高速公路通车里程120公里。") == [
        ("荆门至荆州高铁", "completed"), ("襄阳东津大桥", "completed")]


# held_out_11 xinle 2022 (…整县推进示范县、九歌…产业园等项目): 范县 read in 示范县 (13 development reports hold
# 示范县, 14 hold 和县 in 政府和县委 / 城市和县城); a division whose whole name is one character and its level
# places no name from inside a word, so the item borrows no later item's head
def test_a_one_character_county_inside_a_word_places_no_name() -> None:
    assert _projects("“荆楚小镇”博览馆、高标准农田整县推进示范县、荆山生态农牧产业园等项目稳步推进。") == [
        ("“荆楚小镇”博览馆", "construction"), ("荆山生态农牧产业园", "construction")]


def test_a_one_character_county_opening_a_name_or_after_a_division_places_it() -> None:
    assert is_placed("范县滩区迁建工程", None)
    assert is_placed("濮阳范县滩区迁建工程", None)
    assert not is_placed("整县推进示范县", None)


# held_out_5 shenbei 2021 (headline 鸭绿江街北延一期工程明年开建, body 实施鸭绿江街北延一期工程), held_out_12
# shaanxi 2018 (the same stage in both): the body's statement is the one project, with the body's stage
def test_a_headline_restating_a_body_project_with_another_stage_gives_the_bodys() -> None:
    text = "荆门东津大桥工程明年开工 荆门\n\n2026年,实施荆门东津大桥工程。"
    assert _projects(text) == [("荆门东津大桥工程", "construction")]


# held_out_16 wuxue 2023 (完成A、B、C等6所学校改造), held_out_9 yunnan 2023 (推动国道 G219改扩建): a works word
# (改造, 改扩建, 迁建) closing the names after a building lead is the lead's 建设 (完成…建设 is 建成, 推动…建设 is
# 推进…建设); a class of works (老旧小区改造) still names no project
def test_a_works_word_closing_names_after_a_building_lead_gives_its_stage() -> None:
    assert _projects("完成实验一中、实验二中、荆山中学等3所学校改造。") == [
        ("实验一中", "completed"), ("实验二中", "completed"), ("荆山中学", "completed")]
    assert _projects("推动国道G318改扩建。") == [("国道G318改扩建", "construction")]
    assert _projects("推动城镇老旧小区改造。") == []


# held_out_16 wuxue 2023 (实验高中、实验三中、鸡公岭中学): a short name ending on its class's first character
# (三中 is 三中学 in short) takes no one-character remainder of a later name's class
def test_a_name_holding_its_class_in_short_borrows_no_last_character() -> None:
    assert _projects("完成城南二中、白沙岭中学等2所学校改造。") == [("城南二中", "completed"), ("白沙岭中学", "completed")]
