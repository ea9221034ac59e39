"""records.evolve and records.build: the fast copy and construction of extraction's frozen records."""
from __future__ import annotations

from dataclasses import replace

import pytest

from flows.extract import extract_document
from flows.extract.records import Record, UnreadSentence, build, evolve
from flows.ingest import ingest_bytes


def _record() -> Record:
    return Record(type="target", text="增长5%左右", start=3, end=10, year=2025, indicator="地区生产总值增速",
                  value=5.0, unit="%", comparator="~", value_base=5.0, base_unit="%", kind="growth")


def test_evolve_gives_what_dataclasses_replace_gives() -> None:
    r = _record()
    changed = evolve(r, start=30, end=37, doc="national_2025_gwr", confidence=0.95)
    assert changed == replace(r, start=30, end=37, doc="national_2025_gwr", confidence=0.95)
    assert r.start == 3 and r.doc == ""  # the original is untouched


def test_evolve_refuses_a_field_the_record_lacks() -> None:
    with pytest.raises(TypeError, match="stagee"):
        evolve(_record(), stagee="start")


def test_build_gives_what_the_constructor_gives_defaults_included() -> None:
    given = dict(type="project", text="", start=5, end=9, year=2025, name="杭温高铁", stage="completed")
    built = build(Record, **given)
    assert built == Record(**given)
    assert list(vars(built)) == list(vars(Record(**given)))  # fields in declaration order, as pickled
    assert built.indicator is None and built.doc == ""


def test_build_refuses_an_unknown_field_and_a_missing_one() -> None:
    with pytest.raises(TypeError, match="nmae"):
        build(Record, type="project", text="", start=5, end=9, nmae="杭温高铁")
    with pytest.raises(TypeError, match="end"):
        build(Record, type="project", text="", start=5)
    with pytest.raises(TypeError, match="section"):
        build(UnreadSentence, start=0, end=2, text="5%")


def test_a_group_counted_in_xiang_with_its_total_is_one_portfolio() -> None:
    # 石景山区 2025 (held_out_4), made up with other figures
    doc = ingest_bytes("今年实施156项固定资产投资建设项目,总投资980.5亿元。\n".encode("utf-8"), doc_id="case",
                       metadata={"plan_year": 2025})
    recs = [r for r in extract_document(doc)]
    assert [(r.type, r.project_count, r.total_investment) for r in recs] == [("portfolio", 156, 980.5e8)]


def test_qualitative_targets_meeting_an_authoritys_requirement_name_each_indicator_with_the_shared_noun() -> None:
    # 北京市 2026 (held_out_8): 能源、水资源、碳排放等指标达到国家要求; 竹山县 2024 (held_out_7): 主要约束性指标控制在省市规定范围以内
    from flows.extract.qualitative import qualitative_clauses
    text = "地区生产总值增长5%左右,能源、水资源、碳排放等指标达到国家要求,主要约束性指标控制在省市规定范围以内。"
    names = [name for _, _, name in qualitative_clauses(text, 0, len(text))]
    assert names == ["能源指标", "水资源指标", "碳排放指标", "主要约束性指标"]


def test_a_noun_closing_a_list_without_examples_marker_stays_the_last_names_own() -> None:
    from flows.extract.qualitative import qualitative_clauses
    text = "粮食播种面积及生态环境质量指标完成国家下达目标任务。"
    assert [name for _, _, name in qualitative_clauses(text, 0, len(text))] == ["粮食播种面积", "生态环境质量指标"]
