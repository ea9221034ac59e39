from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.ingest import DocumentMetadata, ingest_bytes, ingest_file
from flows.ingest import metadata
from flows.ingest.metadata import apply_override, detect_metadata

from .conftest import LISHUI, ingested, REPORTS

EXPECTED = {
    "guangdong_2026_gwr": ("广东省", 2026, "government_work_report", "2026-01-26"),
    "jiangsu_2026_gwr": ("江苏省", 2026, "government_work_report", "2026-02-03"),
    "lishui_2025_plan_report_part2": ("丽水市", 2025, "plan_report", ""),
    "national_2024_gwr": ("全国", 2024, "government_work_report", "2024-03-05"),
    "national_2025_gwr": ("全国", 2025, "government_work_report", ""),
    "shaanxi_2026_gwr": ("陕西省", 2026, "government_work_report", "2026-01-27"),
    "zhejiang_2026_gwr": ("浙江省", 2026, "government_work_report", "2026-01-14"),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_corpus_report_metadata_is_detected_from_its_text(stem: str) -> None:
    meta = ingested(REPORTS / f"{stem}.txt").metadata
    assert (meta.region, meta.plan_year, meta.document_type, meta.meeting_date) == EXPECTED[stem]
    assert meta.title


def test_plan_report_title_is_kept_without_layout_space_and_plans_for_the_draft_year() -> None:
    meta = ingested(LISHUI).metadata
    assert meta.title == "关于丽水市2024年国民经济和社会发展规划执行情况及2025年国民经济和社会发展规划草案的报告"
    assert meta.plan_year == 2025


def test_work_report_plans_for_the_year_it_is_delivered_not_the_year_it_reviews() -> None:
    text = "2026年浙江省政府工作报告\n2026年1月14日在浙江省第十四届人民代表大会第四次会议上\n各位代表:\n一、2025年主要工作\n"
    meta = detect_metadata(text)
    assert meta.plan_year == 2026
    assert meta.region == "浙江省"
    assert meta.meeting_date == "2026-01-14"


def test_dateline_broken_over_two_lines_still_gives_meeting_date() -> None:
    text = "政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n广东省省长 孟凡利\n"
    meta = detect_metadata(text)
    assert meta.meeting_date == "2026-01-26"
    assert meta.region == "广东省"
    assert meta.title == "2026年广东省政府工作报告"


def test_national_report_without_title_is_recognised_from_speaker_and_review_heading() -> None:
    text = "各位代表:\n现在,我代表国务院,向大会报告政府工作,请予审议。\n一、2024年工作回顾\n过去一年……\n"
    meta = detect_metadata(text)
    assert (meta.region, meta.plan_year, meta.document_type) == ("全国", 2025, "government_work_report")


def test_target_notice_is_typed_from_its_title() -> None:
    meta = detect_metadata("关于下达丽水市2025年国民经济和社会发展主要目标任务的通知\n各县(市、区)人民政府:\n")
    assert meta.document_type == "target_notice"
    assert meta.region == "丽水市"
    assert meta.plan_year == 2025


def test_text_with_no_report_markers_is_other_with_unknown_fields() -> None:
    meta = detect_metadata("今天天气很好。\n")
    assert meta == DocumentMetadata(document_type="other")


def test_sidecar_meta_json_overrides_detected_fields(tmp_path: Path) -> None:
    report = tmp_path / "lishui.txt"
    shutil.copy(LISHUI, report)
    (tmp_path / "lishui.txt.meta.json").write_text(
        json.dumps({"meeting_date": "2025-01-20", "plan_year": "2025"}), encoding="utf-8"
    )
    meta = ingest_file(report).metadata
    assert meta.meeting_date == "2025-01-20"
    assert meta.plan_year == 2025
    assert meta.region == "丽水市"  # not in the sidecar: detected value kept


def test_sidecar_named_after_the_stem_is_also_read(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("政府工作报告\n各位代表:\n我代表国务院向大会报告政府工作。\n", encoding="utf-8")
    (tmp_path / "r.meta.json").write_text(json.dumps({"region": "北京市"}), encoding="utf-8")
    assert ingest_file(report).metadata.region == "北京市"


def test_metadata_keyword_overrides_detection() -> None:
    doc = ingest_bytes("各位代表:\n我代表国务院向大会报告政府工作。\n".encode(), "x", metadata={"title": "T"})
    assert doc.metadata.title == "T"
    assert doc.metadata.region == "全国"


def test_unknown_override_field_is_rejected() -> None:
    with pytest.raises(ValueError, match="colour"):
        apply_override(DocumentMetadata(), {"colour": "red"})


def test_broken_sidecar_makes_the_report_unreadable(tmp_path: Path) -> None:
    from flows.ingest import UnreadableDocument

    report = tmp_path / "r.txt"
    report.write_text("政府工作报告\n各位代表:\n", encoding="utf-8")
    (tmp_path / "r.txt.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="sidecar"):
        ingest_file(report)


def test_news_headline_naming_the_reviewed_year_gives_the_next_plan_year() -> None:
    # 人民网 copy of the 2024 成都市政府工作报告: the headline names the year reviewed
    text = ("成都市政府工作报告丨2023年成都地区生产总值超2.2万亿元 增长6%\n"
            "成都市人民政府市长王凤朝代表市人民政府,向大会报告工作。\n"
            "王凤朝在回顾2023年工作时说,2023年是成都发展史上极为特殊、极不平凡的一年。\n")
    assert detect_metadata(text).plan_year == 2024


def test_work_report_titled_with_its_plan_year_keeps_it() -> None:
    text = "2025年邯郸市政府工作报告\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2024年工作回顾\n"
    assert detect_metadata(text).plan_year == 2025


def test_title_broken_before_its_execution_clause_is_joined_and_plans_for_the_draft_year() -> None:
    # 金寨县 plan report, 2025: the title runs over two lines, the year planned is on the second
    text = ("关于金寨县2024年国民经济和社会发展计划\n执行情况与2025年计划草案的报告\n"
            "——2025年1月3日在金寨县第十八届\n人民代表大会第五次会议上\n")
    meta = detect_metadata(text)
    assert meta.title == "关于金寨县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"
    assert meta.plan_year == 2025


def test_page_titled_as_a_review_of_a_year_plans_for_the_year_after() -> None:
    # 高县年鉴: 2020年工作和十三五发展回顾 — its 2020 年,… paragraphs report results
    meta = detect_metadata("2020年工作和十三五发展回顾-高县年鉴\n\n2020 年,在市委市政府和县委的坚强领导下,…\n")
    assert meta.plan_year == 2021


def test_review_and_plan_title_keeps_the_plan_year() -> None:
    meta = detect_metadata("2024年工作回顾和2025年工作安排\n")
    assert meta.plan_year == 2025


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(("2023年", "2", "年", "主要", "工作", "工作回顾", "回顾", "回", "的", "x")), max_size=12).map("".join))
def test_the_reviewed_year_is_found_where_a_search_of_the_whole_text_finds_it(text: str) -> None:
    found, expected = metadata._reviewed_year(text), metadata._REVIEWED_YEAR.search(text)
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
