"""A report in traditional characters is read as well as its simplified original, offsets into the original."""
from __future__ import annotations

from dataclasses import astuple

import pytest
from opencc import OpenCC

from flows.extract import extract_document
from flows.ingest import ingest_bytes
from flows.ingest.traditional import is_traditional, traditional_to_simplified

from .conftest import LISHUI, REPORT_FILES


def _traditional(text: str) -> str:
    """A traditional rendering one character for one (OpenCC's character table, simplified → traditional)."""
    return OpenCC("s2t").convert(text)


@pytest.fixture(scope="module")
def pair():
    simplified = LISHUI.read_text(encoding="utf-8")
    traditional = _traditional(simplified)
    assert len(traditional) == len(simplified) and "麗水" in traditional and "國民經濟" in traditional
    s_doc = ingest_bytes(simplified.encode(), "lishui", "lishui.txt")
    t_doc = ingest_bytes(traditional.encode(), "lishui_trad", "lishui_trad.txt")
    return s_doc, t_doc, extract_document(s_doc), extract_document(t_doc)


def test_traditional_lishui_report_extracts_as_many_records_as_the_simplified_one(pair) -> None:
    _s_doc, _t_doc, s_records, t_records = pair
    assert len(s_records) >= 100
    assert len(t_records) == len(s_records)
    summary = lambda r: (r.type, r.start, r.end, r.indicator, r.value, r.unit, r.comparator, r.stage)  # noqa: E731
    assert [summary(r) for r in t_records] == [summary(r) for r in s_records]


def test_traditional_records_cut_the_original_traditional_text(pair) -> None:
    _s_doc, t_doc, _s_records, t_records = pair
    for record in t_records:
        assert record.text == t_doc.original[record.start:record.end]
    assert any(c in traditional_to_simplified() for r in t_records for c in r.text)


def test_traditional_project_names_read_in_simplified_characters_like_the_simplified_report(pair) -> None:
    _s_doc, t_doc, s_records, t_records = pair
    names = [(s.name, t.name) for s, t in zip(s_records, t_records) if s.name]
    assert names and [t for _, t in names] == [s for s, _ in names]
    # the report's own characters stay in the record's text: a name in simplified characters is not in it
    assert any(r.name not in r.text for r in t_records if r.name)
    assert all(r.text == t_doc.original[r.start:r.end] for r in t_records)


def test_names_keep_their_own_punctuation_while_characters_read_simplified() -> None:
    doc = ingest_bytes("建成金華（義烏）國際商貿城五期項目,開工建設麗水機場改擴建工程。".encode(), "t", "t.txt")
    names = [r.name for r in extract_document(doc) if r.name]
    assert "金华（义乌）国际商贸城五期" in names, names


def test_traditional_report_metadata_is_detected_in_simplified_form(pair) -> None:
    s_doc, t_doc, _s, _t = pair
    assert t_doc.metadata.region == s_doc.metadata.region == "丽水市"
    assert (t_doc.metadata.plan_year, t_doc.metadata.document_type) == (s_doc.metadata.plan_year,
                                                                       s_doc.metadata.document_type)


@pytest.mark.parametrize("path", REPORT_FILES, ids=lambda p: p.stem)
def test_simplified_corpus_reports_are_not_taken_for_traditional(path) -> None:
    assert not is_traditional(path.read_text(encoding="utf-8"))


def test_a_traditional_looking_name_in_simplified_text_stays_as_written() -> None:
    doc = ingest_bytes("乾隆年间修建的古桥列入保护名录,城镇新增就业人数2万人以上。".encode(), "x", "x.txt")
    assert "乾隆" in doc.text
