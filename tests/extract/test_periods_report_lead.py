"""The report lead before a look back (省长…在报告中指出,一年来,…) is searched for only where it can open."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract import periods
from flows.extract.vocabulary import words

_LEAD_BACK = f"{words('report_noun')[0]}{words('report_verb')[-1]},{words('review_opening')[-1]}"  # 报告指出,一年来
_PIECES = (_LEAD_BACK, _LEAD_BACK[2:], words("report_verb")[0] + ",", words("review_opening")[0],
           "省长", ",", "。", "!", "?", " ", "x")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_the_report_lead_is_found_where_a_search_of_the_stretch_finds_it(text: str, start: int, endpos: int) -> None:
    found = periods._report_lead_back(text, start, endpos)
    expected = periods._REPORT_LEAD_BACK_RE.search(text, start, endpos)
    assert (found and found.span()) == (expected and expected.span())
