"""Project names read since issue 12's twelfth round, from the shapes of lists and clauses (held_out_16,
the last unseen set, and the project misses of the other development sets).

Each shape was seen in more than one document (named in the test's comment); the sentences are made up
in the reports' manner, with other places' names.
"""
from __future__ import annotations

from functools import partial

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


# held_out_16 jiangxi 2024 plan (江西力争开工建设…, 江西将建成…等4个项目, 江西将持续推进…), held_out_12
# shaanxi 2018 (陕西将开工建设…), corpus xizang 2026 / liaoning 2020 (西藏将…, 辽宁将…): a news report names
# the province as the clause's subject, as a report says 我省
def test_a_division_opening_the_clause_before_a_lead_word_is_its_subject() -> None:
    assert _projects("湖北力争开工建设荆门至荆州高铁。") == [("荆门至荆州高铁", "start")]
    assert _projects("湖北力争武当山机场实现通航。") == [("武当山机场", "completed")]
    assert _projects("湖北将建成襄阳至南漳高速等3个项目。") == [("襄阳至南漳高速", "completed")]


def test_a_division_that_opens_a_name_stays_in_it() -> None:
    # no lead word after the place: the place is the name's own (襄阳东站 is built, not 襄阳 building 东站)
    assert _projects("襄阳东津大桥建成通车。") == [("襄阳东津大桥", "completed")]


# held_out_12 shaanxi 2018 (陕西将开工建设西安至延安高铁 as the page's headline, then the body);
# held_out_5 shenbei 2021 (a headline naming works the body does not restate keeps them)
def test_a_headline_restating_a_project_of_the_body_gives_it_once() -> None:
    text = "湖北将开工建设荆门至荆州高铁\n\n2026年,湖北将开工建设荆门至荆州高铁。"
    assert _projects(text) == [("荆门至荆州高铁", "start")]


def test_a_headline_project_the_body_does_not_restate_stays() -> None:
    text = "荆门至荆州高铁明年开工 湖北\n\n湖北全省交通投资增长。"
    assert _projects(text) == [("荆门至荆州高铁", "start")]


# held_out_16 武穴 2023 (加快…等7个项目建设) and 江西 2024 (加快推进…等9个项目建设, …等6个项目建设),
# held_out 洪寺堡 2025 (加快…等85个在建项目建设进度): a counted list of projects whose building goes on
def test_a_counted_list_of_projects_being_built_names_them() -> None:
    assert _projects("2026年加快第三人民医院住院楼、第五中学教学楼等6个项目建设。") == [
        ("第三人民医院住院楼", "construction"), ("第五中学教学楼", "construction")]
    assert _projects("加快推进汉宜高速改扩建、宜荆荆高速等5个项目建设。") == [
        ("汉宜高速改扩建", "construction"), ("宜荆荆高速", "construction")]


def test_a_counted_list_carried_out_without_building_names_no_works() -> None:
    # 实施…等60个旧城区改建项目 (the count of a programme): no building tail, no names
    assert _projects("实施老城街巷、滨江片区等60个旧城区改建项目。") == []


# held_out_9 yunnan 2023 (推进旭龙、托巴水电站建设), corpus gansu 2026 (…、平山湖、后安煤矿), hunan 2026 (桑龙、
# 城龙、醴娄等7条高速公路): bare names sharing the facility head of the last one are proper names of
# works of one kind, each the other's anchor, where the verb alone (推进) asks for one
def test_bare_names_sharing_the_last_ones_head_anchor_each_other() -> None:
    assert _projects("推进白鹤、乌东水电站建设。") == [("白鹤水电站", "construction"), ("乌东水电站", "construction")]


def test_classes_of_one_kind_sharing_a_head_name_no_works() -> None:
    # 公办、民办 / 大型、中型 end alike: classes of a kind, no proper names
    assert _projects("推进公办、民办幼儿园建设。") == []
    assert _projects("加快大型、中型水库建设。") == []


def test_a_description_sharing_a_head_is_no_proper_name() -> None:
    # corpus heilongjiang 2026 (建设寒地果蔬和生态森林食品生产供给基地): a long owner is a description
    assert _projects("推进平原果蔬和山区特色食品生产加工基地建设。") == []


def test_one_unanchored_name_stays_out_under_a_verb_that_asks_for_an_anchor() -> None:
    assert _projects("推进乌东水电站建设。") == []


# held_out_16 湖南 2023 (涔天河水库、大兴寨水库等工程竣工或开工: read in order, its README's call) beside the
# annotated README's call on corpus hainan 2026 (…等9个重大水利工程投入使用或加快建设: no name's stage)
def test_two_names_and_two_stages_joined_by_huo_are_read_in_order() -> None:
    assert _projects("青山水库、白石水库等工程竣工或开工。") == [("青山水库", "completed"), ("白石水库", "start")]


def test_three_names_and_two_stages_joined_by_huo_state_no_stage() -> None:
    assert _projects("青山水库、白石水库、红岩水库等工程竣工或开工。") == []


# held_out_16 武穴 2023 (推进武穴水厂及管道新建工程、武穴泵站建设): 新建 is a works word, not 南昌's 新建区, so
# the part after 及 is not placed by its own words and the scheme stays one name
def test_a_works_word_that_is_also_a_divisions_short_name_places_nothing() -> None:
    assert _projects("推进襄阳水厂及管道新建工程、襄阳泵站建设。") == [
        ("襄阳水厂及管道新建工程", "construction"), ("襄阳泵站", "construction")]
