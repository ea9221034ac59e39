"""Searches skipped or shortened for speed answer as the full search does.

`quantities._without_trailing` skips `_TRAILING_RE` when no trailing word can end the words. It is
compared with the search it replaces, on hand-made cases and on texts drawn from the characters the
pattern reads.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import quantities
from flows.extract.quantities import _TRAILING_RE, _without_trailing

_TRAILING_PIECES = sorted(quantities._TRAILING_ENDS) + ["增长", "连续3年", "产值", "额", "\n", " ", "3"]


def test_trailing_words_come_off_as_the_full_search_takes_them():
    for words in ["地区生产总值增长", "粮食产量稳定在", "连续3年", "工业增加值", "增长\n", "产值\n", "增长\n\n", "", "\n"]:
        assert _without_trailing(words) == _TRAILING_RE.sub("", words), words


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRAILING_PIECES), max_size=8).map("".join))
def test_trailing_shortcut_equals_the_search(words):
    assert _without_trailing(words) == _TRAILING_RE.sub("", words)

