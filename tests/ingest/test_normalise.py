from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.ingest import UnreadableDocument, ingest_bytes
from flows.ingest.mapped import MappedText
from flows.ingest.normalise import CHARACTER_TABLE, normalise_characters, normalise_whitespace


def _normalised(original: str) -> MappedText:
    return normalise_whitespace(normalise_characters(MappedText.identity(original)))


def test_fullwidth_digits_map_back_to_original_offsets() -> None:
    doc = ingest_bytes("城镇新增就业２万人，失业率控制在３．５％以内。".encode(), "x")
    assert "2万人,失业率控制在3.5%以内" in doc.text
    start = doc.text.index("3.5%")
    o_start, o_end = doc.to_original(start, start + 4)
    assert doc.original[o_start:o_end] == "３．５％"


def test_fullwidth_punctuation_becomes_halfwidth() -> None:
    text = _normalised("（一）总体要求：稳中求进；增长５％左右！是否？").text
    assert text == "(一)总体要求:稳中求进;增长5%左右!是否?"


def test_fullwidth_latin_letters_become_ascii() -> None:
    assert _normalised("ＧＤＰ和ＰＭ２．５").text == "GDP和PM2.5"


def test_ideographic_space_becomes_space_and_is_trimmed_at_line_edges() -> None:
    assert _normalised("国务院总理\u3000\n李\u3000强").text == "国务院总理\n李 强"


def test_em_dash_is_kept_and_minus_lookalikes_become_hyphen() -> None:
    text = _normalised("增长5%—6%\n——经济回升\n温度\u22125度,1\u20132个").text
    assert text == "增长5%—6%\n——经济回升\n温度-5度,1-2个"


def test_blank_lines_collapse_to_one_paragraph_break() -> None:
    assert _normalised("\n\n第一段。\n\n\n第二段。\r\n\r\n第三段。\n\n").text == "第一段。\n第二段。\n第三段。"


def test_zero_width_characters_are_dropped_but_offsets_skip_them() -> None:
    m = _normalised("增\u200b长5%")
    assert m.text == "增长5%"
    assert m.offsets == (0, 2, 3, 4)


_PIECES = [
    "增长", "５", "５．５％", "，", "。", "（一）", "一、", "二是", "\u3000", " ", "\n", "\n\n", "\r\n", "\t",
    "\u200b", "—", "——", "\u2013", "～", "：", "ａ", "Ａ", "7", "各位代表!", "(上接第二版)", "下载", "来源:",
    "附件1", "万亿元", "!", "“", "”", "；", "保供保价", "篇文章",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join))
def test_every_text_character_comes_from_its_mapped_original_character(original: str) -> None:
    try:
        doc = ingest_bytes(original.encode("utf-8"), "prop")
    except UnreadableDocument:
        assert not original.strip(" \n\r\t\u3000\u200b")  # only blank input may be refused
        return
    assert len(doc.offset_map) == len(doc.text)
    assert all(a < b for a, b in zip(doc.offset_map, doc.offset_map[1:]))
    for i, ch in enumerate(doc.text):
        source = doc.original[doc.offset_map[i]]
        assert CHARACTER_TABLE.get(source, source) == ch


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join), st.data())
def test_original_span_of_a_text_span_contains_its_sources_in_order(original: str, data: st.DataObject) -> None:
    m = _normalised(original)
    if not m.text:
        return
    i = data.draw(st.integers(0, len(m.text) - 1))
    j = data.draw(st.integers(i + 1, len(m.text)))
    o_start = m.offsets[i]
    o_end = m.offsets[j - 1] + 1
    window = original[o_start:o_end]
    sources = "".join(original[m.offsets[k]] for k in range(i, j))
    it = iter(window)
    assert all(c in it for c in sources)  # a subsequence: nothing outside the span is claimed


def test_normalised_text_has_no_fullwidth_ascii_forms_left() -> None:
    text = _normalised("".join(chr(c) for c in range(0xFF01, 0xFF5F))).text
    assert not re.search("[\uff01-\uff5e]", text)


def test_presentation_form_colon_becomes_a_ratio_colon() -> None:
    # 上杭县政府工作报告 (web copy): 三次产业比调整为11.8︰48.3︰39.9
    mapped = normalise_characters(MappedText.identity("三次产业比调整为11.8︰48.3︰39.9"))
    assert mapped.text == "三次产业比调整为11.8:48.3:39.9"


def test_space_after_a_decimal_point_is_dropped() -> None:
    # 人民网 copy of the 2024 成都市政府工作报告: 地区生产总值超2. 2万亿元, 第8. 6代AMOLED生产线
    doc = ingest_bytes("地区生产总值超2. 2万亿元,京东方第8. 6代AMOLED生产线项目开工建设。句号. 后文".encode("utf-8"), doc_id="case")
    assert doc.text == "地区生产总值超2.2万亿元,京东方第8.6代AMOLED生产线项目开工建设。句号. 后文"


def test_replacing_spans_maps_every_new_character_to_the_span_start() -> None:
    mapped = MappedText.identity("a&ldquo;b").replace([(1, 8, "“")])
    assert (mapped.text, mapped.offsets) == ("a“b", (0, 1, 8))


def test_one_for_one_translation_keeps_offsets_and_deletions_drop_them() -> None:
    mapped = MappedText.identity("５\r％")
    out = normalise_characters(mapped)
    assert (out.text, out.offsets) == ("5%", (0, 2))


def test_space_between_a_figure_and_its_unit_is_removed_and_maps_back() -> None:
    # 福州市2026年政府工作报告 (news digest): 建成 1.2 万套安置房
    original = "建成 1.2 万套安置房,建设 3000 套保障性租赁住房,增长 5.5 %。"
    text = _normalised(original)
    assert text.text == "建成 1.2万套安置房,建设 3000套保障性租赁住房,增长 5.5%。"
    i = text.text.index("万套")
    assert original[text.offsets[i]: text.offsets[i + 1] + 1] == "万套"


def test_space_after_a_percent_sign_or_inside_a_magnitude_is_removed() -> None:
    # web copies space every figure (江苏 2024: 增长 5% 以上) or split a word (天津 2013: 跨上万 亿台阶);
    # the comparator after the sign and the magnitude must read as one with the figure
    text = _normalised("地区生产总值增长 5% 以上,失业率 5% 左右, 经济总量跨上万 亿台阶,占 30% ,省长 王某")
    assert text.text == "地区生产总值增长 5%以上,失业率 5%左右, 经济总量跨上万亿台阶,占 30% ,省长 王某"


def test_care_of_sign_is_read_as_percent() -> None:
    # 三穗县 2011: 同比增长15℅ (U+2105 typed for %)
    assert _normalised("同比增长15\u2105").text == "同比增长15%"


# The whitespace rules as first written (lookbehind patterns, a regex per edge of a line): the faster
# patterns of normalise.py must delete exactly the same characters, so every offset stays the same.
_WRITTEN_RULES = (re.compile(r"^[ \f\v]+|[ \f\v]+$", re.M), re.compile(r"(?<=[ ])[ ]+"), re.compile(r"\n(?=\n)"))
_WRITTEN_FIGURE_RULES = (re.compile(r"(?<=\d\.) +(?=\d)"), re.compile(r"(?<=\d) +(?=[\u4e00-\u9fff%])"),
                         re.compile(r"(?<=\d%) +(?=[\u4e00-\u9fff%])"), re.compile(r"(?<=[十百千万]) +(?=[万亿])"))


def _whitespace_as_written(text: MappedText) -> MappedText:
    for rule in _WRITTEN_RULES:
        text = text.delete(m.span() for m in rule.finditer(text.text))
    text = text.delete([m.span() for rule in _WRITTEN_FIGURE_RULES for m in rule.finditer(text.text)])
    lead = len(text.text) - len(text.text.lstrip())
    return text.delete([(0, lead), (len(text.text.rstrip()), len(text.text))])


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \n\f\v1.a中%万亿", max_size=24))
def test_whitespace_rules_delete_what_the_written_rules_delete(original: str) -> None:
    expected = _whitespace_as_written(MappedText.identity(original))
    got = normalise_whitespace(MappedText.identity(original))
    assert (got.text, got.offsets) == (expected.text, expected.offsets)
