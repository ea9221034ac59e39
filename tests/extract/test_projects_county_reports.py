"""Project stages and names read in issue 12's ninth projects round (city and county report misses).

Each shape was seen in at least two documents (named in the test's comment); the sentences are
made up in the reports' manner, with other places' names. The words are rows of data/stage_verbs.csv
and data/words.csv.
"""
from __future__ import annotations

from functools import partial

import pytest

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


def test_building_finished_after_the_name_is_completed() -> None:
    # held_out_11 erdaojiang 2022 (通化老年医院建设完成), held_out_11 zhongjiang 2023 (鹰嘴岩水库建设完成)
    assert _projects("一年来,咸宁康复医院建设完成,温泉新区加快推进。") == [("咸宁康复医院", "completed")]


def test_a_line_opened_to_running_is_completed() -> None:
    # held_out_9 hefei 2022 (安九高铁开通运行): a completion phrase missing from the table, as 建设完成 was in
    # two held_out_11 reports; 开通运营 was a row already
    assert _projects("过去一年,襄荆高铁开通运行,城市面貌焕然一新。") == [("襄荆高铁", "completed")]


# held_out_12 shaanxi 2018 (加快延安、榆林、安康机场迁建扩建工程), held_out_9 yunnan 2023 (蒙自、昭通、楚雄机场
# 新建迁建): two works words after a list's shared facility are split among its members; each name ends
# on the facility. One works word stays (丽江、西双版纳机场改扩建 in the same yunnan report).
@pytest.mark.parametrize(("text", "expected"), [
    ("加快襄阳、十堰、恩施机场迁建扩建工程。",
     [("襄阳机场", "construction"), ("十堰机场", "construction"), ("恩施机场", "construction")]),
    ("推进宜昌、荆州机场新建迁建。", [("宜昌机场", "construction"), ("荆州机场", "construction")]),
    ("加快宜昌、荆州机场改扩建。", [("宜昌机场改扩建", "construction"), ("荆州机场改扩建", "construction")]),
])
def test_two_works_words_after_a_shared_facility_leave_each_name_on_the_facility(text, expected) -> None:
    assert _projects(text) == expected


def test_a_livestock_farm_is_a_facility() -> None:
    # held_out_11 xinle 2022 (蓬园万头母猪养殖场竣工), held_out_11 jinzhai 2025 (…的现代化养殖场建成投产): a farm
    # named by its firm, not by a place, is built works
    assert _projects("金福万头母猪养殖场竣工,全年生猪出栏稳定。") == [("金福万头母猪养殖场", "completed")]
