from __future__ import annotations

import pytest

from flows.extract.comparators import COMPARATOR_WORDS, decide_comparator, prefix_before
from flows.extract.mentions import find_candidates


def only(text: str):
    kept = [c for c in find_candidates(text) if c.skip is None]
    assert len(kept) == 1, kept
    return kept[0]


@pytest.mark.parametrize("text, comparator", [
    ("就业2万人以上。", ">="), ("不低于3%。", ">="), ("不少于10个。", ">="), ("至少5家。", ">="),
    ("超过3.2万亿美元。", ">"), ("突破1300万辆。", ">"), ("兑换超800万元。", ">"), ("跃上1.4万亿斤新台阶。", ">"),
    ("3%以内。", "<="), ("0.018以下。", "<="), ("不超过5%。", "<="), ("控制在3%。", "<="),
    ("低于5%。", "<"), ("8%左右。", "~"), ("约5000亿元。", "~"), ("近30%。", "~"), ("5%上下。", "~"),
    ("增长4%。", "="), ("就业2万人及以上。", ">="), ("跨越3万亿元。", ">"), ("跨过3万亿元。", ">"),
    ("不高于1.5%。", "<="), ("约为3000亿元。", "~"), ("将近40%。", "~"), ("超出50万人。", ">"),
    ("城镇登记失业率≤4%。", "<="), ("森林覆盖率≥60%。", ">="),  # the signs of a target table (洞头区 2016)
])
def test_comparator_word_decides_comparator(text: str, comparator: str) -> None:
    assert only(text).comparator == comparator


def test_about_wins_over_control_within() -> None:
    assert only("失业率控制在5.5%左右。").comparator == "~"


@pytest.mark.parametrize("text", ["300多亿元。", "20余个。", "1万余人。"])
def test_duo_and_yu_after_a_number_read_as_more_than(text: str) -> None:
    c = only(text)
    assert c.comparator == ">" and c.unit in ("亿元", "个", "万人")


@pytest.mark.parametrize("text, lo, hi", [
    ("增长5%—5.5%。", 5, 5.5), ("增长5%一5.5%。", 5, 5.5), ("增长4.5-5%。", 4.5, 5), ("增长5%至6%。", 5, 6),
    ("增长4.5%——5%。", 4.5, 5), ("地区生产总值增长7%7.5%。", 7, 7.5),  # 广东 2016 (held_out_15): the dash lost
])
def test_range_target_with_em_dash_is_between(text: str, lo: float, hi: float) -> None:
    c = only(text)
    assert c.comparator == "between" and (c.value_base_min, c.value_base_max) == (lo, hi) and c.value is None


@pytest.mark.parametrize("text, kept", [
    # 汕头 2010 plan (held_out_8): after 分别 two figures that lost their 、 are a list
    ("存、贷款余额分别比年初增长18.8%33.7%。", [(18.8, "="), (33.7, "=")]),
    ("增长7%6%。", [(7, "="), (6, "=")]),  # no rising pair, no range
])
def test_percentages_written_together_that_make_no_range_are_read_apart(text: str, kept: list) -> None:
    assert [(c.value, c.comparator) for c in find_candidates(text) if c.skip is None] == kept


def test_dash_before_a_different_unit_is_not_a_range() -> None:
    kept = [c for c in find_candidates("增长5%到2030年。") if c.skip is None]
    assert [(c.value, c.comparator) for c in kept] == [(5, "=")]


def test_prefix_word_is_found_at_the_end_of_preceding_text() -> None:
    assert prefix_before("失业率控制在") == "控制在"
    assert prefix_before("超长期特别国债") is None


def test_no_word_means_equal() -> None:
    assert decide_comparator() == "="


def test_strength_words_are_not_comparators() -> None:
    words = {w for table in COMPARATOR_WORDS.values() for w in table}
    assert not words & {"力争", "确保", "争取"}
    assert only("力争增长6%。").comparator == "="


def test_bare_magnitude_after_breakthrough_is_a_figure() -> None:
    c = only("广东团现场成交额均超百亿美元。")
    assert (c.value_base, c.base_unit, c.comparator) == (1e10, "美元", ">")


def test_bare_magnitude_describing_a_noun_is_not_a_figure() -> None:
    assert [c for c in find_candidates("惠州博罗成为生产总值超千亿元县。") if c.skip is None] == []
