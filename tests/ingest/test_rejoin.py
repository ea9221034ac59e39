from __future__ import annotations

import re

import pytest

from flows.ingest import Document, ingest_bytes
from flows.ingest.clean import clean
from flows.ingest.decode import decode
from flows.ingest.mapped import MappedText
from flows.ingest.normalise import normalise_characters, normalise_whitespace
from flows.ingest.rejoin import (
    broken_paragraph_joins, is_broken_paragraph, is_figure_line_break, is_subheading_between_items)

from .conftest import LISHUI, REPORT_FILES


def _before_rejoin(path) -> MappedText:  # type: ignore[no-untyped-def]
    text, _ = decode(path.read_bytes())
    return clean(normalise_whitespace(normalise_characters(MappedText.identity(text))))


def test_exactly_the_four_column_breaks_of_the_lishui_seed_are_joined() -> None:
    text = _before_rejoin(LISHUI)
    pairs = [(text.text[j - 4 : j], text.text[j + 1 : j + 4]) for j in broken_paragraph_joins(text)]
    assert pairs == [("融合“三", "篇文章"), ("革命根据", "地成立"), ("保供保价", "和困难"), ("水蓄能电", "站、濠")]


@pytest.mark.parametrize("joined", ["融合“三篇文章”", "浙西南革命根据地成立90周年", "保供保价和困难群众", "缙云抽水蓄能电站"])
def test_lishui_column_break_reads_as_one_sentence(lishui: Document, joined: str) -> None:
    assert joined in lishui.text


def test_joined_span_maps_back_across_the_removed_break(lishui: Document) -> None:
    start = lishui.text.index("缙云抽水蓄能电站")
    original = lishui.original_slice(start, start + len("缙云抽水蓄能电站"))
    assert re.sub(r"\s", "", original) == "缙云抽水蓄能电站"
    assert "\n" in original


@pytest.mark.parametrize(
    "heading", ["三、大力推进重大项目建设", "(一)奋力推进综合交通建设", "(五)奋力推进城市有机更新"]
)
def test_heading_without_final_punctuation_is_not_joined_to_its_paragraph(lishui: Document, heading: str) -> None:
    assert f"\n{heading}\n" in lishui.text


@pytest.mark.parametrize("path", REPORT_FILES, ids=lambda p: p.stem)
def test_headings_of_every_corpus_report_stay_on_their_own_line(path) -> None:  # type: ignore[no-untyped-def]
    raw = path.read_text(encoding="utf-8")
    headings = [
        normalise_characters(MappedText.identity(line.strip())).text
        for line in raw.split("\n")
        if re.match(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])", line)
    ]
    text = ingest_bytes(raw.encode("utf-8"), path.stem).text
    assert headings
    for line in headings:
        heading = line.split("。")[0]  # "(四)推进…创新发展区。着力…": the heading and its body
        start = text.find(heading)
        assert start >= 0, heading
        assert start == 0 or text[start - 1] == "\n", heading
        if "。" not in line:
            # A heading line is never joined with the paragraph below it either.
            assert text[start + len(heading) : start + len(heading) + 1] in ("\n", ""), heading


def test_sentence_broken_twice_is_joined_into_one_paragraph() -> None:
    doc = ingest_bytes("开好局十分重要。今年经济社会发展的\n主要预期目标\n是:地区生产总值增长5%左右。".encode(), "x")
    assert doc.text == "开好局十分重要。今年经济社会发展的主要预期目标是:地区生产总值增长5%左右。"


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("加快推进,建成缙云抽水蓄能电", "站等项目。", True),
        ("全年目标任务顺利完成。", "二是加快建设。", False),
        ("主要做了以下工作:", "加快建设。", False),
        ("(十四)全面加强政府自身建设,努力建设法治政府", "全省各级政府要增强大局观。", False),
        ("国务院总理", "李 强", False),
        ("各位代表,我们要团结奋斗,再创佳绩", "一、2025年工作回顾", False),
        ("推进重大项目,实施交通项目", "——经济总体回升向好。", False),
        ("我们要团结奋斗!”", "下一段。", False),
        # a line of parts set apart by a space, with no comma or full stop, is a headline
        ("浙江GDP今年预期增长5.5%,省重点项目安排1000个、年度投资1万亿", "今年开工建设衢丽、杭衢铁路 建成金建铁路", False),
        ("加快推进,建成缙云抽水蓄能电", "站、衢丽铁路 等项目。", True),
    ],
)
def test_broken_paragraph_rule(first: str, second: str, joined: bool) -> None:
    assert is_broken_paragraph(first, second) is joined


def test_bullet_lines_are_not_broken_paragraphs() -> None:
    # 新民晚报 2026-02-10 (上海市重大工程): ■ bullets without closing punctuation, one item a line
    from flows.ingest import ingest_bytes

    text = "今年排定的市重大工程项目\n■ 科技产业类安排正式项目62项,预备项目7项,促进三大先导产业发展\n■ 社会民生类安排正式项目29项,预备项目1项\n"
    assert ingest_bytes(text.encode("utf-8"), doc_id="case").text.splitlines()[1:] == [
        "■ 科技产业类安排正式项目62项,预备项目7项,促进三大先导产业发展", "■ 社会民生类安排正式项目29项,预备项目1项"]


def test_a_lead_in_ending_with_an_arrow_is_not_joined_to_the_next_paragraph():
    # 2026年政府工作报告数据摘编: 从政府工作报告一组数据,看我国发展的蓬勃活力↓↓ / 2025年,我国…
    assert not is_broken_paragraph("从政府工作报告一组数据,看我国发展的蓬勃活力↓↓", "2025年,我国高技术制造业增加值增长9.4%。")


def test_a_subheading_between_list_items_stays_its_own_line() -> None:
    # 云南省2026年政府工作报告 in points: a bullet ending without a mark, an accomplishment subheading,
    # and its first item (its bullet lost)
    text = ("• 营商环境向优向好,实有经营主体688.3万户\n民族团结进步示范区建设结出新硕果\n"
            "建成“铸牢”教育示范学校304所、教育实践基地20个\n• 累计建成363个民族团结进步示范社区\n")
    assert ingest_bytes(text.encode("utf-8"), doc_id="case").text.splitlines() == text.splitlines()


@pytest.mark.parametrize(
    ("first", "second", "after", "subheading"),
    [
        ("• 营商环境向优向好,实有经营主体688.3万户", "民族团结进步示范区建设结出新硕果", "建成示范学校304所", True),
        ("全市上下奋力拼搏,经济", "生态文明建设展现新面貌", "• 空气质量优良天数比率98%", True),
        ("●城镇新增就业110万人以上,城镇调查", "失业率5.5%以内", "●粮食产能稳定", False),  # a figure: a broken item
        ("加快推进,建成缙云抽水蓄能电", "站等项目", "下一段。", False),  # no list item near: a column break
        ("• 推进重大项目,实施交通项目", "全面推进乡村振兴的", "• 下一项", False),  # a dangling particle
    ],
)
def test_subheading_between_items_rule(first: str, second: str, after: str, subheading: bool) -> None:
    assert is_subheading_between_items(first, second, after) is subheading


def test_a_spaced_headline_stays_apart_from_the_lines_around_it() -> None:
    # a news page's headline and sub-headline (广东 2024 in held_out_13 had this shape): neither joins
    text = "浙江GDP今年预期增长5.5%,省重点项目安排1000个、年度投资1万亿\n今年开工建设衢丽、杭衢铁路 建成金建铁路\n数读浙江省政府工作报告\n"
    assert ingest_bytes(text.encode("utf-8"), doc_id="case").text.splitlines() == text.splitlines()


def test_one_line_bullets_ending_on_figures_stay_one_paragraph_of_sentences() -> None:
    # a news page's results in short lines, a line per figure and no full stop (湖南 2021 in held_out_15,
    # 湖北 2017 in held_out_12): each line ends a sentence, the run stays one paragraph under its heading
    text = ("2020年成绩\n经济增长\n地区生产总值增长3.8%,总量突破4万亿元\n规模工业增加值增长4.8%\n"
            "固定资产投资增长7.6%\n抗击疫情\n率先实现病例清零\n粮食总产稳定在600亿斤左右\n")
    assert ingest_bytes(text.encode("utf-8"), doc_id="case").text.splitlines() == [
        "2020年成绩", "经济增长", "地区生产总值增长3.8%,总量突破4万亿元。规模工业增加值增长4.8%。固定资产投资增长7.6%。"
        "抗击疫情。率先实现病例清零。粮食总产稳定在600亿斤左右"]


def test_a_full_stop_put_for_a_bullet_line_end_maps_back_to_the_line_break() -> None:
    text = "地区生产总值增长3.8%,总量突破4万亿元\n规模工业增加值增长4.8%\n固定资产投资增长7.6%\n"
    doc = ingest_bytes(text.encode("utf-8"), doc_id="case")
    stop = doc.text.index("。")
    assert doc.original_slice(stop, stop + 1) == "\n"


@pytest.mark.parametrize(
    ("line", "second", "item_end"),
    [
        ("地区生产总值增长3.8%,总量突破4万亿元", "规模工业增加值增长4.8%", True),  # both lines end on a figure
        ("电子商务交易额1.39万亿元,增长26.4%", "抗洪救灾彰显湖北力量", True),  # a heading after a figure's line
        ("灾情98+,损失98-", "转移受灾群众172万人次", True),  # the next line is a figure's line
        ("预计全年地区生", "产总值增长", False),  # a column break inside a word: no figure
        ("28", "年以来首次下滑和连续", False),  # a bare number is no line of words
        ("促发展,确保全年任务圆满完成。hd9", "2019年及今年以来工作回顾hd9", False),  # a code, not a figure
        ("城镇新增就业110万人以上,城镇调查", "失业率5.5%,粮食产能稳定", False),  # a mark: the sentence goes on
    ],
)
def test_figure_line_break_rule(line: str, second: str, item_end: bool) -> None:
    assert is_figure_line_break(line, second) is item_end


def test_a_single_figure_line_end_in_prose_broken_by_columns_is_joined_as_before() -> None:
    # one break that happens to fall after a figure in a paragraph broken by a column: not a bullet run
    text = "全市上下奋力拼搏,固定资产投资增长12.5%\n和社会消费品零售总额增长8%的好成绩\n较好完成年度任务。\n"
    assert is_figure_line_break("全市上下奋力拼搏,固定资产投资增长12.5%", "和社会消费品零售总额增长8%的好成绩")
    assert ingest_bytes(text.encode("utf-8"), doc_id="case").text.splitlines() == [
        "全市上下奋力拼搏,固定资产投资增长12.5%和社会消费品零售总额增长8%的好成绩较好完成年度任务。"]
