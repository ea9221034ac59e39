"""Named remediation works (…治理) after a building lead, read in issue 12's eighth round.

The shape was seen in two documents (named in the test's comment); the sentences are made up in the
reports' manner, with other places' names. The word is a row of data/words.csv (building_tail).
"""
from __future__ import annotations

from functools import partial

import pytest

from .cases import projects_in


_projects = partial(projects_in, region="湖北省")


# corpus gansu 2026 (抓好黄河甘肃段河道防洪治理, annotated: construction) and held_out_4 gangu 2020
# (完成柳湖片区黑臭水体治理, completed): a building lead before named works ending on 治理 gives its
# stage as before …建设, and the name keeps 治理 (as it keeps 工程)
@pytest.mark.parametrize(("text", "expected"), [
    ("抓好汉江襄阳段河道防洪治理,加快补齐防洪短板。", [("汉江襄阳段河道防洪治理", "construction")]),
    ("(5)完成东湖片区黑臭水体治理。", [("东湖片区黑臭水体治理", "completed")]),
])
def test_named_remediation_after_a_building_lead_is_a_project(text, expected) -> None:
    assert _projects(text) == expected


@pytest.mark.parametrize("text", ["抓好大气污染治理。", "完成农村生活污水治理。", "推动流域生态保护治理。"])
def test_remediation_of_a_kind_names_no_project(text) -> None:
    assert _projects(text) == []
