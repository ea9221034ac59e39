"""Project names read since issue 12's thirteenth round: a count closing a list says how many items a
place's 和 joins.

Each shape was seen in more than one document (named in the test's comment); the sentences are made up
in the reports' manner, with other places' names.
"""
from __future__ import annotations

from functools import partial

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


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
