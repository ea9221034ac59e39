"""HTML source saved as .txt (a crawler's copy of a web page): markup goes, offsets stay exact."""
from __future__ import annotations

from flows.ingest import ingest_bytes
from flows.ingest.mapped import MappedText
from flows.ingest.markup import strip_markup

# the shape of a forum copy of 浙江省政府下达2025年国民经济和社会发展计划 (2025)
PAGE = (
    '<!----><style type="text/css">html{font-size:375%}</style><div class="preview_article ">'
    '<p data-track="11">迭代完善&ldquo;8+4&rdquo;经济政策体系</p>'
    '<p data-track="12">&nbsp; 安排省级财政资金1042.8亿元,供应建设用地35万亩以上。</p>'
)


def test_tags_style_and_comments_go_and_block_tags_end_lines() -> None:
    doc = ingest_bytes(PAGE.encode("utf-8"), doc_id="page")
    assert doc.text.splitlines() == ["迭代完善“8+4”经济政策体系", "安排省级财政资金1042.8亿元,供应建设用地35万亩以上。"]


def test_offsets_point_into_the_html_source() -> None:
    doc = ingest_bytes(PAGE.encode("utf-8"), doc_id="page")
    i = doc.text.index("安排")
    start, end = doc.to_original(i, i + len("安排省级财政资金1042.8亿元"))
    assert doc.original[start:end] == "安排省级财政资金1042.8亿元"
    j = doc.text.index("“8+4”")
    start, end = doc.to_original(j, j + 5)
    assert doc.original[start:end] == "&ldquo;8+4&rdquo;"


def test_text_with_a_stray_angle_bracket_is_not_markup() -> None:
    text = MappedText.identity("城乡居民收入比<2.0,<p>一处</p>不成网页。")
    assert strip_markup(text) is text


def test_extraction_reads_figures_in_an_html_copy() -> None:
    from flows.extract import extract_document

    doc = ingest_bytes(("<p>2025年国民经济和社会发展计划</p>" + PAGE).encode("utf-8"), doc_id="page")
    texts = [r.text for r in extract_document(doc) if r.type == "target"]
    assert "安排省级财政资金1042.8亿元" in texts
