from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from flows.ingest import UnreadableDocument, ingest_bytes, ingest_file
from flows.ingest.decode import decode

from .conftest import LISHUI

SAMPLE = "关于丽水市2024年国民经济和社会发展计划执行情况的报告\n城镇新增就业2万人以上,城镇登记失业率控制在3%以内。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
    ],
)
def test_report_text_decodes_from_utf8_bom_gbk_and_utf16(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert text == SAMPLE
    assert found == encoding


def test_bom_is_not_part_of_original_text() -> None:
    doc = ingest_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "x")
    assert doc.original == SAMPLE
    assert doc.encoding == "utf-8-sig"


def test_gbk_corpus_report_ingests_to_the_same_text_as_utf8() -> None:
    raw = LISHUI.read_text(encoding="utf-8")
    utf8 = ingest_bytes(raw.encode("utf-8"), "a")
    gbk = ingest_bytes(raw.encode("gbk"), "a")
    assert gbk.encoding == "gb18030"
    assert gbk.text == utf8.text
    assert gbk.offset_map == utf8.offset_map


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02\x03abc" * 50, "binary"),
        (bytes(range(128, 256)) * 20, "not decodable"),
    ],
)
def test_undecodable_bytes_raise_unreadable_document_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableDocument) as info:
        ingest_bytes(data, "bad")
    assert reason in info.value.reason


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="cannot read"):
        ingest_file(tmp_path / "absent.txt")


def test_unsupported_suffix_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument, match=r"unsupported file format: \.doc"):
        ingest_bytes(SAMPLE.encode(), "x", "report.doc")
