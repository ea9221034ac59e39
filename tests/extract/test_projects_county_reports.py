"""Project stages and names read in issue 12's ninth projects round (city and county report misses).

Each shape was seen in at least two documents (named in the test's comment); the sentences are
made up in the reports' manner, with other places' names. The words are rows of data/stage_verbs.csv
and data/words.csv.
"""
from __future__ import annotations

from functools import partial

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


def test_building_finished_after_the_name_is_completed() -> None:
    # held_out_11 erdaojiang 2022 (通化老年医院建设完成), held_out_11 zhongjiang 2023 (鹰嘴岩水库建设完成)
    assert _projects("一年来,咸宁康复医院建设完成,温泉新区加快推进。") == [("咸宁康复医院", "completed")]
