"""Project stages and names read since issue 12's seventh round (held_out_7 and held_out_8 misses).

Each shape was seen in at least two documents (named in the test's comment); the sentences are
made up in the reports' manner, with other places' names. The words are rows of data/stage_verbs.csv
and data/project_categories.csv.
"""
from __future__ import annotations

from functools import partial

import pytest

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


# held_out_7 neimenggu 2020 (连接线即将建成), corpus gansu 2026 (定西医院即将建成), held_out_8 beijing 2026
# (22号线…基本具备开通条件): works about to be finished are still being built
@pytest.mark.parametrize(("text", "expected"), [
    ("襄阳至荆门高铁建成通车,十堰至西安高铁连接线即将建成。",
     [("襄阳至荆门高铁", "completed"), ("十堰至西安高铁连接线", "construction")]),
    ("武汉轨道交通19号线光谷至新港段基本具备开通条件。", [("武汉轨道交通19号线光谷至新港段", "construction")]),
])
def test_works_about_to_be_finished_are_under_construction(text, expected) -> None:
    assert _projects(text) == expected


def test_readiness_without_basically_stays_a_completion_aim() -> None:
    # held_out_2 zhenhai: 争取在10月底具备通车条件 is the aim of finishing the works
    assert _projects("襄阳东津大道下穿铁路工程争取在10月底具备通车条件。") == [("襄阳东津大道下穿铁路工程", "completed")]


def test_a_facility_that_finished_its_rebuilding_is_completed() -> None:
    # held_out_8 beijing 2026 review (检查站完成改造); 完成…工程 before the name completes it too
    # (held_out_8 beijing 2026 tasks, held_out_4 gangu)
    assert _projects("同时,汉江新区建设扎实推进,武汉东西湖检查站完成改造。") == [("武汉东西湖检查站", "completed")]


def test_planning_and_building_after_a_name_is_preparatory_and_leaves_the_name() -> None:
    # 规划建设 after the name is the planning of works not yet started (the guide's 纳入规划 / 谋划)
    assert _projects("推动武汉轨道交通23号线规划建设。") == [("武汉轨道交通23号线", "preparatory")]


def test_a_hospital_campus_group_is_a_group_of_facilities() -> None:
    # held_out_8 beijing 2026 (宣武医院房山院区等新院区), a 2024 report (建成12个省市医院新院区项目),
    # 北京儿童医院亦庄院区 (校区 was a facility already)
    assert _projects("推动协和医院光谷院区等新院区开工建设。") == [("协和医院光谷院区", "start")]


def test_a_quoted_water_transfer_is_a_name_and_a_quoted_slogan_is_not() -> None:
    # held_out_7 neimenggu 2020 (“引绰济辽”、东台子水库等工程); unquoted transfers in corpus shaanxi
    # (引汉济渭) and gansu (引洮济合)
    assert _projects("“引江补汉”、龙背湾水库等工程进展顺利。") == [
        ("“引江补汉”", "construction"), ("龙背湾水库", "construction")]
    assert _projects("“两新”、基础设施等重大项目深入推进。") == []


def test_a_bare_route_number_takes_the_class_of_the_numbered_route_listed_first() -> None:
    # held_out_7 xizang 2026 (国道109线、219线、318线、695线提质改造); held_out_8 shanghai 2019 (10号线二期、
    # 14号线: the first route has no class, and the numbers stay as written)
    assert _projects("有序实施省道203线、305线、418线提质改造和省道101线建设。") == [
        ("省道203线", "construction"), ("省道305线", "construction"), ("省道418线提质改造", "construction"),
        ("省道101线", "construction")]
    assert _projects("加快建设3号线二期、7号线、9号线一期。") == [
        ("3号线二期", "construction"), ("7号线", "construction"), ("9号线一期", "construction")]


def test_a_public_space_opened_up_is_no_project() -> None:
    # held_out_8 shanghai 2019 (苏州河两岸公共空间贯通), corpus shaanxi 2026 (小微公共空间等改造)
    assert _projects("加快汉江两岸公共空间贯通。") == []
