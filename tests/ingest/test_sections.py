from __future__ import annotations

import pytest

from flows.ingest import Document
from flows.ingest.sections import build_sections, chinese_number

from .conftest import REPORTS, ingested


def _by_heading(doc_or_sections, prefix: str):  # type: ignore[no-untyped-def]
    sections = doc_or_sections.sections if isinstance(doc_or_sections, Document) else doc_or_sections
    found = [s for s in sections if s.heading.startswith(prefix)]
    assert len(found) == 1, (prefix, [s.heading for s in found])
    return found[0]


def test_level2_heading_runs_to_the_first_full_stop(lishui: Document) -> None:
    s = _by_heading(lishui, "(四)推进")
    assert s.level == 2
    assert s.heading == "(四)推进高水平开放合作,建设山区开放型经济创新发展区"


def test_page_starting_mid_document_has_level2_sections_without_parent(lishui: Document) -> None:
    assert _by_heading(lishui, "(四)推进").path == "(四)推进高水平开放合作,建设山区开放型经济创新发展区"


def test_level2_under_level1_has_joined_path(lishui: Document) -> None:
    s = _by_heading(lishui, "(一)奋力推进综合交通建设")
    assert s.path == "三、大力推进重大项目建设 / (一)奋力推进综合交通建设"
    assert lishui.text[s.start : s.end].startswith("(一)奋力推进综合交通建设\n着力推进")
    assert lishui.text[s.end] == "\n" and lishui.text[s.end + 1 :].startswith("(二)")


def test_level1_section_spans_its_subsections(lishui: Document) -> None:
    top = _by_heading(lishui, "三、")
    subs = [s for s in lishui.sections if s.level == 2 and top.start < s.start < top.end]
    assert [s.heading[:3] for s in subs] == ["(一)", "(二)", "(三)", "(四)", "(五)"]


def test_clause_paragraph_is_a_level3_section_under_its_level2(lishui: Document) -> None:
    s = _by_heading(lishui, "二是建强开放枢纽")
    assert s.level == 3
    assert s.heading == "二是建强开放枢纽"
    assert s.path == "(四)推进高水平开放合作,建设山区开放型经济创新发展区 / 二是建强开放枢纽"
    assert lishui.text[s.end - 1] == "。" and lishui.text[s.end] == "\n"


def test_section_path_at_finds_the_deepest_section(lishui: Document) -> None:
    offset = lishui.text.index("确保丽水机场通航")
    assert lishui.section_path_at(offset).endswith(" / 二是建强开放枢纽")


def test_inline_clauses_span_to_the_next_sibling_or_paragraph_end() -> None:
    text = "(一)总体要求\n主要是:一是稳增长,全年增长5%;二是保就业,新增就业1200万人;三是防风险。\n(二)重点任务\n正文。"
    sections = build_sections(text)
    one, two, three = (_by_heading(sections, p) for p in ("一是", "二是", "三是"))
    assert text[one.start : one.end] == "一是稳增长,全年增长5%;"
    assert text[two.start : two.end] == "二是保就业,新增就业1200万人;"
    assert text[three.start : three.end] == "三是防风险。"
    assert one.heading == "一是稳增长,全年增长5%"
    assert one.path == "(一)总体要求 / 一是稳增长,全年增长5%"


def test_lone_clause_marker_in_prose_is_not_a_section() -> None:
    assert build_sections("我们认为,三是一个好数字。") == ()


def test_clause_standing_alone_heads_the_paragraphs_below_it() -> None:
    text = "一、工作回顾\n一是承办十五运会。\n认真落实办赛理念。\n赛事圆满成功。\n二是推动经济运行稳中向好。\n增长5%。"
    one = _by_heading(build_sections(text), "一是")
    assert text[one.start : one.end] == "一是承办十五运会。\n认真落实办赛理念。\n赛事圆满成功。"


def test_numbered_list_in_an_appendix_is_not_level1() -> None:
    doc = ingested(REPORTS / "guangdong_2026_gwr.txt")
    level1 = [s.heading for s in doc.sections if s.level == 1]
    assert level1 == [
        "一、2025年和“十四五”时期工作回顾",
        "二、“十五五”时期的主要目标和重点任务",
        "三、2026年工作安排",
        "附件1",
        "附件2",
    ]


def test_out_of_sequence_ordinal_line_is_body_text() -> None:
    text = "一、总体要求\n正文。\n二、重点任务\n正文。\n一、提高低保标准和重点群体补贴\n正文。\n三、政府建设\n正文。"
    level1 = [s.heading for s in build_sections(text) if s.level == 1]
    assert level1 == ["一、总体要求", "二、重点任务", "三、政府建设"]


@pytest.mark.parametrize("stem", [p for p in ("jiangsu_2026_gwr", "national_2024_gwr", "national_2025_gwr", "shaanxi_2026_gwr", "zhejiang_2026_gwr")])
def test_work_reports_have_three_level1_parts(stem: str) -> None:
    doc = ingested(REPORTS / f"{stem}.txt")
    assert [s.heading[:2] for s in doc.sections if s.level == 1] == ["一、", "二、", "三、"]


def test_sections_are_well_formed_in_every_corpus_report(corpus_docs: dict[str, Document]) -> None:
    for name, doc in corpus_docs.items():
        assert doc.sections, name
        for s in doc.sections:
            assert 0 <= s.start < s.end <= len(doc.text), (name, s)
            assert doc.text[s.start : s.start + len(s.heading)] == s.heading, (name, s)
            assert s.path.endswith(s.heading)


@pytest.mark.parametrize(("numeral", "value"), [("一", 1), ("九", 9), ("十", 10), ("十四", 14), ("二十", 20), ("二十三", 23), ("一二", None), ("", None)])
def test_chinese_ordinals_read_as_numbers(numeral: str, value: int | None) -> None:
    assert chinese_number(numeral) == value


@pytest.mark.parametrize(
    "heading",
    [
        "20XX年工作回顾",  # 上杭县政府工作报告 (web copy, year blanked)
        "2024年全市上下解放思想 奋发进取 交出了一份经济社会高质量发展的优异成绩单",  # 2025年邯郸市政府工作报告
        "2025年工作安排",
        "“十四五”时期工作回顾",  # 云南省2026年政府工作报告 in points (a news page): the plan period names the time
    ],
)
def test_unnumbered_review_or_plan_line_is_a_level1_heading(heading: str) -> None:
    text = f"2025年某市政府工作报告\n各位代表:\n{heading}\n(一)经济实力实现新跃升。地区生产总值增长6.1%。"
    level1 = [s for s in build_sections(text) if s.level == 1]
    assert [s.heading for s in level1] == [heading]
    assert text[level1[0].start:level1[0].end].endswith("增长6.1%。")


@pytest.mark.parametrize(
    "line",
    [
        "主要目标",  # a phrase broken off a sentence (“十五五”时期经济社会发展的\n主要目标\n是:…) names no time
        "2025年邯郸市政府工作报告",  # a title
        "——2024年1月16日在连云港市第十五届人民代表大会第四次会议上",
        "过去一年工作回顾如下。",
        "某县2024年国民经济和社会发展计划执行情况与2025年计划草案(摘要)",  # a title with its note
    ],
)
def test_titles_dates_and_sentences_are_not_unnumbered_headings(line: str) -> None:
    text = f"首行\n{line}\n正文。"
    assert [s for s in build_sections(text) if s.level == 1] == []
