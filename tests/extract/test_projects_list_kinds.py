"""Works verbs, a list's kind word and non-works objects in city and county reports (held_out_5's
causes 5 and 6, issue 12). The sentences are made up in the reports' manner, with other places' names;
the words are table rows (data/stage_verbs.csv, data/project_categories.csv,
data/project_name_rules.csv, data/words.csv), the rules general.
"""
from __future__ import annotations

from functools import partial

import pytest

from flows.extract.project_names import acts_on_no_works, has_own_class

from .cases import projects_in


_projects = partial(projects_in, region="吉林省", plan_year=2021)


@pytest.mark.parametrize(("text", "expected"), [
    ("完成江北区夜市建设任务。", [("江北区夜市", "completed")]),
    ("完成二中铁路立交桥人行天桥建设工程。", [("二中铁路立交桥人行天桥", "completed")]),
    # a counted group joined to the named works by 和 names nothing; 任务 closes the clause
    ("完成第三中学异地新建和2所公办幼儿园新建、改建任务。", [("第三中学异地新建", "completed")]),
    # named works closing on 工程 keep it in the name
    ("完成白山机场“扩跑道”工程。", [("白山机场“扩跑道”工程", "completed")]),
])
def test_completing_a_building_task_or_works_completes_the_works(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize("text", ["全面完成节能减排任务。", "抓好民生工程。", "加快实施乡村振兴工程。"])
def test_a_task_or_programme_after_a_building_lead_is_no_project(text: str) -> None:
    assert _projects(text) == []


def test_a_done_clause_lends_no_works_reading_to_a_task_after_a_comma() -> None:
    # the next clause's 完成…任务 is no building task; the lent stage does not make its words a facility
    assert _projects("建成松江水库,提前一年完成病险水库除险加固任务。") == [("松江水库", "completed")]


def test_a_clause_opening_on_a_space_reads_its_verb() -> None:
    # a page that sets its commas off by spaces: 建设 still opens the clause, and is no part of the name
    assert _projects("实施长白街北延一期工程 , 建设松花路等 6 条市政道路 , 新建西门桥等 4 座危桥 。") == [
        ("长白街北延一期工程", "construction"), ("松花路", "construction"), ("西门桥", "construction")]


@pytest.mark.parametrize(("text", "expected"), [
    # 大街 already is a street: the list's 街路 gives it no second 路; a bare 路 keeps its own
    ("实施建设胜利大街、东民主大街、新华路等主次街路改扩建工程。",
     [("胜利大街", "construction"), ("东民主大街", "construction"), ("新华路", "construction")]),
    ("加快建设西门桥等4座危桥。", [("西门桥", "construction")]),
])
def test_a_member_already_of_the_lists_kind_takes_no_second_class_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("改造西门桥等4座危桥。", [("西门桥", "construction")]),
])
def test_a_works_verb_opening_a_list_stages_its_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert _projects(text) == expected


def test_a_works_verb_ending_a_name_is_no_verb_of_the_list() -> None:
    # 改造 ends 赣韶铁路扩能改造 here; the list's own stage is the preparatory work that closes it
    assert _projects("积极推进长白至敦化高铁、长图铁路扩能改造前期工作。") == [
        ("长白至敦化高铁", "preparatory"), ("长图铁路扩能改造", "preparatory")]


def test_short_names_of_the_lists_kind_are_names() -> None:
    # 南岗变 is the page's short name of 南岗变电站: the count after 等 is of 变电站
    assert _projects("加快推进南岗变、北山变等3个变电站建设;") == [("南岗变", "construction"), ("北山变", "construction")]


def test_a_bare_member_still_takes_the_kind_it_lacks() -> None:
    assert _projects("建设富民、兴安等3座变电站。") == [("富民变电站", "construction"), ("兴安变电站", "construction")]


@pytest.mark.parametrize(("name", "head", "own"), [
    ("胜利大街", "路", True),
    ("西门桥", "危桥", True),
    ("南岗变", "变电站", True),
    ("富民", "变电站", False),
    ("赤水河", "河湖环境治理", False),  # a head that is no facility kind is no short name's class
])
def test_has_own_class(name: str, head: str, own: bool) -> None:
    assert has_own_class(name, head) is own


@pytest.mark.parametrize("text", [
    "实施县第一小学、城关镇中心小学学生分流。",
    "推进县医院、县中医院人员分流。",
])
def test_a_list_acting_on_people_or_money_names_no_project(text: str) -> None:
    assert _projects(text) == []


def test_acts_on_no_works_reads_the_table() -> None:
    assert acts_on_no_works("城关镇中心小学学生分流")
    assert acts_on_no_works("专项资金")
    assert not acts_on_no_works("城关镇中心小学")
