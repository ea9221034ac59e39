"""One past/future decision (flows/extract/periods.py) for every record type."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import extract_document
from flows.extract.periods import _sentence_span, statement_year
from flows.ingest import ingest_bytes

from .corpus import make_doc, quantities


def _records(text: str, plan_year: int | None = 2025) -> list[tuple]:
    metadata = {"plan_year": plan_year} if plan_year else {}
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case", metadata=metadata)
    return [(r.type, r.year, r.indicator or r.name) for r in extract_document(doc)]


def test_figure_and_project_of_one_sentence_under_a_completion_heading_agree_on_last_year() -> None:
    recs = _records("一、2024年计划完成情况\n全县地区生产总值增长6.1%,荆荆高铁建成通车。\n二、2025年主要目标\n地区生产总值增长6%左右。\n")
    assert ("achievement", 2024, "全县地区生产总值增速") in recs
    assert ("project", 2024, "荆荆高铁") in recs
    assert ("target", 2025, "地区生产总值增速") in recs


def test_project_year_follows_a_paragraph_opening_on_last_year() -> None:
    doc = make_doc("过去一年,杭温高铁建成通车。\n今年,加快推进金建铁路建设。\n")
    assert statement_year(doc, doc.text.index("杭温")) == 2024
    assert statement_year(doc, doc.text.index("金建")) == 2025


def test_portfolio_in_a_review_paragraph_is_last_years() -> None:
    recs = [r for r in extract_document(make_doc("过去的一年,实施交通项目53个,总投资974亿元。\n"))]
    assert [(r.type, r.year) for r in recs] == [("portfolio", 2024)]


def test_scorecard_opening_under_no_heading_reports_results() -> None:
    recs = quantities("2024年成绩单:全县地区生产总值增长6.1%。\n今年,全县地区生产总值增长6%左右。\n")
    assert [(r.type, r.year) for r in recs] == [("achievement", 2024), ("target", 2025)]


def test_paragraphs_after_a_look_back_under_no_heading_stay_a_review_until_one_turns_to_this_year() -> None:
    recs = quantities("过去的一年,全县生产总值增长6.1%。\n城乡居民收入分别增长5%、6%。\n"
                      "今年,全县地区生产总值增长6%左右。\n城镇新增就业2万人以上。\n")
    assert [(r.type, r.year, r.value) for r in recs] == [
        ("achievement", 2024, 6.1), ("achievement", 2024, 5.0), ("achievement", 2024, 6.0),
        ("target", 2025, 6.0), ("target", 2025, 2.0),
    ]


def test_draft_plan_title_does_not_make_a_review_a_plan() -> None:
    text = ("关于某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n"
            "过去的一年,全县地区生产总值增长6.1%。\n城镇新增就业2.1万人。\n")
    recs = _records(text, plan_year=None)
    assert [(t, y) for t, y, _ in recs] == [("achievement", 2024), ("achievement", 2024)]


def test_a_paragraph_under_a_heading_does_not_inherit_an_unheaded_look_back() -> None:
    recs = quantities("过去的一年,全县生产总值增长6.1%。\n一、2025年工作安排\n城镇新增就业2万人以上。\n")
    assert [(r.type, r.year) for r in recs] == [("achievement", 2024), ("target", 2025)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="。;!?\n年增长5%", max_size=30), st.integers(0, 31))
def test_sentence_span_is_the_marks_around_the_offset(text: str, at: int) -> None:
    offset = min(at, len(text))
    doc = ingest_bytes("x".encode(), "probe")
    doc = replace(doc, text=text, sections=())
    ends = [i for i in (text.find(d, offset) for d in "。;!?\n") if i >= 0]
    assert _sentence_span(doc, offset) == (max(text.rfind(d, 0, offset) for d in "。;!?\n") + 1,
                                           min(ends) if ends else len(text))


def test_a_paragraph_reads_as_last_years_from_its_opening_up_to_the_turn_to_this_year() -> None:
    # the opening is read once per paragraph; whether last year is named before a figure, per figure
    opening_on_last_year = "2024年,全县地区生产总值增长6.1%,2025年全县地区生产总值增长6%左右。\n"
    last_year_named_later = "全县地区生产总值增长6%左右,2024年,全县地区生产总值增长6.1%。\n"
    estimate_opening = "据初步核算,全县地区生产总值增长6.1%,今年全县地区生产总值增长6%左右。\n"
    assert [(r.type, r.year) for r in quantities(opening_on_last_year)] == [("achievement", 2024), ("target", 2025)]
    assert [(r.type, r.year) for r in quantities(last_year_named_later)] == [("target", 2025), ("achievement", 2024)]
    assert [(r.type, r.year) for r in quantities(estimate_opening)] == [("achievement", 2024), ("target", 2025)]
