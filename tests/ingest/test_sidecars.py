"""Sidecars (`<report>.meta.json`) are checked at the door: a wrong type names the file and the field."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flows.ingest import UnreadableDocument, ingest_file
from flows.ingest.metadata import checked_override
from .conftest import LISHUI


def _report_with_sidecar(tmp_path: Path, sidecar: str) -> Path:
    report = tmp_path / "lishui.txt"
    shutil.copy(LISHUI, report)
    (tmp_path / "lishui.txt.meta.json").write_text(sidecar, encoding="utf-8")
    return report


@pytest.mark.parametrize(
    ("sidecar", "field", "expected"),
    [
        ({"region": 331100}, "region", "must be text"),
        ({"title": ["a", "b"]}, "title", "must be text"),
        ({"document_type": True}, "document_type", "must be one of plan_report"),
        ({"document_type": "annual"}, "document_type", "must be one of plan_report"),
        ({"plan_year": True}, "plan_year", "must be a year written in digits"),
        ({"plan_year": "二〇二五年"}, "plan_year", "must be a year written in digits"),
        ({"plan_year": 25}, "plan_year", "between 1949 and 2100"),
        ({"plan_year": 2025.5}, "plan_year", "must be a year"),
        ({"meeting_date": "2025/01/20"}, "meeting_date", "ISO date"),
        ({"meeting_date": 20250120}, "meeting_date", "ISO date"),
    ],
)
def test_mistyped_sidecar_field_is_refused_naming_the_file_and_the_field(
        tmp_path: Path, sidecar: dict, field: str, expected: str) -> None:
    report = _report_with_sidecar(tmp_path, json.dumps(sidecar, ensure_ascii=False))
    with pytest.raises(UnreadableDocument) as caught:
        ingest_file(report)
    reason = caught.value.reason
    assert "lishui.txt.meta.json" in reason
    assert f"field {field}" in reason
    assert expected in reason
    assert repr(sidecar[field]) in reason  # what it held, so the reader sees the bad value


def test_chinese_numeral_plan_year_reason_quotes_the_value(tmp_path: Path) -> None:
    report = _report_with_sidecar(tmp_path, json.dumps({"plan_year": "二〇二五年"}, ensure_ascii=False))
    with pytest.raises(UnreadableDocument, match=r"lishui\.txt\.meta\.json: field plan_year .*'二〇二五年'"):
        ingest_file(report)


@pytest.mark.parametrize("sidecar", ["{not json", "[1, 2]", '"丽水市"', "", "\ufffe\x00garbage"])
def test_malformed_sidecar_is_refused_with_a_readable_reason(tmp_path: Path, sidecar: str) -> None:
    report = _report_with_sidecar(tmp_path, sidecar)
    with pytest.raises(UnreadableDocument, match=r"metadata sidecar lishui\.txt\.meta\.json (is not readable JSON|must hold a JSON object)"):
        ingest_file(report)


def test_null_or_empty_region_and_title_keep_the_detected_values(tmp_path: Path) -> None:
    detected = ingest_file(LISHUI).metadata
    report = _report_with_sidecar(tmp_path, json.dumps({"region": None, "title": "", "plan_year": None,
                                                        "document_type": None, "meeting_date": None}))
    meta = ingest_file(report).metadata
    assert detected.region == "丽水市"
    assert meta == detected


def test_year_as_digit_text_and_whitespace_around_text_are_accepted() -> None:
    assert checked_override({"plan_year": " 2025 ", "region": " 丽水市 ", "meeting_date": "2025-01-20"}) == {
        "plan_year": 2025, "region": "丽水市", "meeting_date": "2025-01-20"}


def test_unknown_field_names_what_is_expected() -> None:
    with pytest.raises(ValueError, match=r"unknown metadata field\(s\): colour \(expected only document_type"):
        checked_override({"colour": "red"})
