"""Searches skipped or shortened for speed answer as the full search does.

`quantities._without_trailing` skips `_TRAILING_RE` when no trailing word can end the words;
`periods._last_from_a_sentence_mark` tries `_last_year_sentence` at the sentence marks from the end
instead of keeping the last of a scan of every place. Each is compared with the search it replaces, on
hand-made cases and on texts drawn from the characters the patterns read.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import periods, quantities
from flows.extract.periods import _last_from_a_sentence_mark, _last_year_sentence
from flows.extract.quantities import _TRAILING_RE, _without_trailing

_TRAILING_PIECES = sorted(quantities._TRAILING_ENDS) + ["增长", "连续3年", "产值", "额", "\n", " ", "3"]
_SENTENCE_PIECES = ["。", ";", "2024年", "2025年", "全省", "我市", "全国", "比", "在", "初步统计", "河北省", " ",
                    "\n", "工作", "增长", "，", "1"]


def _last_of_finditer(text: str):
    m = None
    for m in _last_year_sentence(2025).finditer(text):
        pass
    return m


def test_trailing_words_come_off_as_the_full_search_takes_them():
    for words in ["地区生产总值增长", "粮食产量稳定在", "连续3年", "工业增加值", "增长\n", "产值\n", "增长\n\n", "", "\n"]:
        assert _without_trailing(words) == _TRAILING_RE.sub("", words), words


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRAILING_PIECES), max_size=8).map("".join))
def test_trailing_shortcut_equals_the_search(words):
    assert _without_trailing(words) == _TRAILING_RE.sub("", words)


def test_last_year_sentence_is_the_last_of_the_scan():
    for text in ["报告指出,初步统计2024年全市实现地区生产总值2966亿元", "去年。2024年全省增长。2024年我市完成",
                 ";2024年全国", "比2024年全省高", "今年。", "", "2024年河北省全省。比2024年全省"]:
        mine, scanned = _last_from_a_sentence_mark(_last_year_sentence(2025), text), _last_of_finditer(text)
        assert (mine and mine.span()) == (scanned and scanned.span()), text


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=12).map("".join))
def test_last_year_sentence_shortcut_equals_the_scan(text):
    mine, scanned = _last_from_a_sentence_mark(_last_year_sentence(2025), text), _last_of_finditer(text)
    assert (mine and mine.span()) == (scanned and scanned.span())


def test_plan_figure_answer_is_the_same_when_asked_again():
    text = "地区生产总值635亿元,完成年计划710亿元的89.4%"
    at = text.index("710")
    first = periods.plan_naming_the_figure(text, at)
    assert first is not None and first.group("plan")
    assert periods.plan_naming_the_figure(text, at) is first
    assert periods.names_the_plan_figure(text, text.index("635")) is False
