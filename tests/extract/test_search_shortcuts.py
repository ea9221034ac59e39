"""Searches skipped or shortened for speed answer as the full search does.

`periods._last_from_a_sentence_mark` tries `_last_year_sentence` at the sentence marks from the end
instead of keeping the last of a scan of every place. It is compared with the scan it replaces, on
hand-made cases and on texts drawn from the characters the pattern reads; the cached
`plan_naming_the_figure` gives the same answer when asked again.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import periods
from flows.extract.periods import _last_from_a_sentence_mark, _last_year_sentence

_SENTENCE_PIECES = ["。", ";", "2024年", "2025年", "全省", "我市", "全国", "比", "在", "初步统计", "河北省", " ",
                    "\n", "工作", "增长", "，", "1"]


def _last_of_finditer(text: str):
    m = None
    for m in _last_year_sentence(2025).finditer(text):
        pass
    return m


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
