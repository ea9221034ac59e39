from __future__ import annotations

from datetime import date

from flows.feeds.articles import article_rows, read_article

ARTICLE = """丽水市统计局:2025年1-2月全市经济运行情况
1-2月,全市规模以上工业增加值55.6亿元,同比增长11.2%。全市港口货物吞吐量61.3万吨。
一季度,全市农林牧渔业增加值21.4亿元,同比增长3.5%。
"""


def _figures(text: str, suffix: str = ".txt", year: int | None = 2025):
    _, rows = article_rows(text.encode("utf-8"), suffix, year)
    return rows


def test_release_sentence_gives_the_figure_and_its_cumulative_period() -> None:
    first = _figures(ARTICLE)[0]
    assert first.ok
    v = first.values
    assert (v["indicator"], v["value"], v["unit"], v["region"]) == ("规模以上工业增加值", 55.6, "亿元", "丽水市")
    assert (v["period_start"], v["period_end"], v["is_cumulative"]) == (date(2025, 1, 1), date(2025, 2, 28), True)


def test_growth_without_a_subject_belongs_to_the_figure_before_it() -> None:
    growth = [r.values for r in _figures(ARTICLE) if r.values["kind"] == "growth"]
    assert [(g["indicator"], g["value"], g["period"]) for g in growth] == [
        ("规模以上工业增加值增速", 11.2, "1-2月"),
        ("农林牧渔业增加值增速", 3.5, "一季度"),
    ]


def test_period_carries_to_the_next_sentence_of_its_paragraph_but_not_beyond() -> None:
    rows = {r.values["indicator"]: r.values for r in _figures(ARTICLE)}
    assert rows["港口货物吞吐量"]["period"] == "1-2月"
    assert rows["农林牧渔业增加值"]["period_end"] == date(2025, 3, 31)


def test_figure_with_no_period_phrase_is_quarantined_with_a_reason() -> None:
    rows = _figures("丽水市统计局发布\n全市港口货物吞吐量61.3万吨。\n")
    assert len(rows) == 1 and not rows[0].ok
    assert rows[0].problems[0].column == "period"
    assert "no period phrase" in rows[0].problems[0].reason


def test_article_naming_no_division_is_quarantined_with_a_reason() -> None:
    rows = _figures("本月经济运行情况\n1-2月,规模以上工业增加值55.6亿元。\n")
    assert [p.column for p in rows[0].problems] == ["region"]


def test_html_article_reads_title_and_body_and_skips_navigation() -> None:
    html = ("<html><head><title>丽水市统计局 2025年上半年经济运行</title></head><body>"
            "<nav>首页 1-2月 99亿元</nav><p>上半年,全市粮食总产量1.92亿斤。</p><footer>版权 2025</footer></body></html>")
    article = read_article(html.encode("utf-8"), ".html")
    assert article.title == "丽水市统计局 2025年上半年经济运行"
    assert "首页" not in article.text
    rows = _figures(html, ".html", year=None)
    assert [(r.values["indicator"], r.values["value"], r.values["period_end"]) for r in rows] == [
        ("粮食总产量", 1.92, date(2025, 6, 30))
    ]


def test_gb18030_article_is_decoded() -> None:
    _, rows = article_rows(ARTICLE.encode("gb18030"), ".txt", 2025)
    assert rows[0].values["value"] == 55.6
