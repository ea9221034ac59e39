"""The shortcuts project reading takes past clauses that cannot name a project: each must skip only
what would give nothing, so the reading with the shortcut equals the reading without it."""
from __future__ import annotations

from pathlib import Path

import pytest

import flows.extract.projects as projects
from flows.extract.project_names import may_name_one_facility
from flows.ingest import ingest_file

REPORTS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "reports"


@pytest.mark.parametrize("body", ["高质量发展", "领域改革", "政府各方面工作法治化", "“高效办成一件事”"])
def test_a_policy_body_of_one_item_names_no_facility(body: str) -> None:
    assert not may_name_one_facility(body)


@pytest.mark.parametrize("body", [
    "杭温高铁",  # a kind noun
    "国贸中心等重大项目",  # a listed group
    "氢基能源项目",  # 项目 closes a listed name
    "温州机场三期",  # a phase
    "G322",  # a code
    "引汉济渭",  # a water transfer
    "万柳线盐盆段",  # a line's section
    "景宁、松阳抽水蓄能电站",  # a list: names are joined from its items
    "教育资源布局和结构调整",  # 和 may join two names
])
def test_a_body_that_may_name_a_facility_is_read(body: str) -> None:
    assert may_name_one_facility(body)


def test_the_one_item_shortcut_skips_no_project_of_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(REPORTS.glob("*.txt"))
    if not files:
        pytest.skip(f"corpus not available at {REPORTS}")
    docs = [ingest_file(p) for p in files]
    with_shortcut = [projects.find_project_mentions(d.text, d.metadata.region or "") for d in docs]
    monkeypatch.setattr(projects, "may_name_one_facility", lambda body: True)
    without = [projects.find_project_mentions(d.text, d.metadata.region or "") for d in docs]
    assert with_shortcut == without
    assert sum(map(len, with_shortcut)) > 300
