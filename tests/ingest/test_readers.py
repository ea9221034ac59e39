from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from flows.ingest import UnreadableDocument, ingest_bytes, ingest_file

from .conftest import LISHUI


def _lishui_paragraphs(n: int = 22) -> list[str]:
    lines = [line.strip() for line in LISHUI.read_text(encoding="utf-8").split("\n") if line.strip()]
    return [line for line in lines if "上接" not in line][1:n]


def _html(paragraphs: list[str], charset: str = "utf-8") -> str:
    body = "\n".join(
        f"<h2>{p}</h2>" if re.match(r"^[一二三四五六七八九十]+、", p) else f"<p>{p}</p>" for p in paragraphs
    )
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>丽水日报</title>
<script>var toolbar = "导航脚本内容";</script><style>p {{ color: #333 }}</style></head>
<body><nav><ul><li><a href="/">网站首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/gov">政务公开</a></li></ul></nav>
<div class="share">分享到微信 微博</div>
<article><h1>关于丽水市2024年国民经济和社会发展规划执行情况及2025年国民经济和社会发展规划草案的报告</h1>
{body}</article>
<footer><p>版权所有 丽水市人民政府 浙ICP备05000000号</p><p>联系我们 | 网站地图</p></footer></body></html>"""


def test_html_page_keeps_main_content_and_drops_navigation_scripts_and_footer(tmp_path: Path) -> None:
    paragraphs = _lishui_paragraphs()
    page = tmp_path / "lishui.html"
    page.write_text(_html(paragraphs), encoding="utf-8")
    doc = ingest_file(page)
    assert doc.file_format == "html"
    assert "<p>" not in doc.original
    for chrome in ("网站首页", "新闻中心", "导航脚本内容", "版权所有", "网站地图", "color"):
        assert chrome not in doc.text
    assert "缙云抽水蓄能电站" not in doc.text  # only the first paragraphs were put on the page
    assert "新增跨境电商独立站20个" in doc.text
    assert doc.metadata.region == "丽水市" and doc.metadata.plan_year == 2025


def test_gbk_html_page_is_decoded(tmp_path: Path) -> None:
    page = tmp_path / "gbk.htm"
    page.write_bytes(_html(_lishui_paragraphs(), charset="gbk").encode("gbk"))
    doc = ingest_file(page)
    assert doc.encoding == "gb18030"
    assert "组织800家企业参加境内外国际性展会" in doc.text


def test_html_record_offsets_point_into_the_extracted_text(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(_html(_lishui_paragraphs()), encoding="utf-8")
    doc = ingest_file(page)
    i = doc.text.index("新增有出口实绩企业100家")
    assert doc.original_slice(i, i + len("新增有出口实绩企业100家")) == "新增有出口实绩企业100家"


def test_html_page_without_main_text_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="no main text"):
        ingest_bytes(b"<html><body><nav><a href='/'>home</a></nav><script>x()</script></body></html>", "e", "e.html")


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("关于丽水市2024年国民经济和社会发展规划执行情况及2025年国民经济和社会发展规划草案的报告", level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "2025年目标"
    table.cell(1, 0).text = "城镇新增就业"
    table.cell(1, 1).text = "2万人以上"
    document.sections[0].header.paragraphs[0].text = "丽水市发展和改革委员会"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_table_rows_become_lines() -> None:
    paragraphs = _lishui_paragraphs()
    doc = ingest_bytes(_docx_bytes(paragraphs), "lishui", "lishui.docx")
    assert doc.file_format == "docx"
    for p in paragraphs:
        if "三\n" not in p and not p.endswith("“三"):
            assert p.replace("\u3000", " ") in doc.text or p[:20] in doc.text
    assert "\n城镇新增就业 2万人以上" in doc.text
    assert "发展和改革委员会" not in doc.text  # page header is not body text
    assert any(s.heading == "二是建强开放枢纽" for s in doc.sections)
    assert doc.metadata.document_type == "plan_report"


def test_corrupt_docx_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="docx"):
        ingest_bytes(b"PK\x03\x04 not really a zip", "bad", "bad.docx")


_PDF_LINE = 30  # characters per typeset line


def _pdf_bytes(paragraphs: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    lines = [p[i : i + _PDF_LINE] for p in paragraphs for i in range(0, len(p), _PDF_LINE)]
    per_page = 25
    for page_no, first in enumerate(range(0, len(lines), per_page), start=1):
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(72, 810, f"丽水日报 2025年1月2{page_no}日 第{page_no + 2}版")
        pdf.setFont("STSong-Light", 12)
        y = 780
        for line in lines[first : first + per_page]:
            pdf.drawString(72, y, line)
            y -= 24
        pdf.drawString(290, 40, f"- {page_no} -")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_pdf_pages_are_rejoined_without_running_headers_or_page_numbers() -> None:
    paragraphs = _lishui_paragraphs()
    data = _pdf_bytes(paragraphs)
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(data)).pages) >= 3  # paragraphs do run across page breaks
    doc = ingest_bytes(data, "lishui", "lishui.pdf")
    assert doc.file_format == "pdf"
    assert "丽水日报" not in doc.text
    assert not re.search(r"^-\s*\d+\s*-$", doc.text, re.M)
    # Every paragraph comes back whole; a break may remain only where a sentence ended.
    # (pypdf drops the odd space between Han characters, so spaces are not compared.)
    flowed = doc.text.replace("。\n", "。").replace(" ", "")
    for p in paragraphs:
        assert p.replace(" ", "") in flowed, p[:20]
    assert "\n三、大力推进重大项目建设\n" in doc.text


def test_pdf_without_text_layer_is_unreadable() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.rect(100, 100, 200, 200)
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnreadableDocument, match="no text layer"):
        ingest_bytes(buf.getvalue(), "scan", "scan.pdf")


def test_corrupt_pdf_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match="PDF"):
        ingest_bytes(b"%PDF-1.4 garbage", "bad", "bad.pdf")
