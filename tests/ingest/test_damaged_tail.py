"""A UTF-8 file cut in the middle of its last character keeps its text; the cut is noted, not fatal."""
from __future__ import annotations

import codecs

import duckdb
import pytest

from flows.extract import extract_document, extract_document_with_unread
from flows.ingest import ingest_bytes
from flows.ingest.decode import decode_with_notes
from flows.warehouse.load_reports import load_document
from flows.warehouse.raw_schema import ensure_raw_schema

from .conftest import LISHUI


@pytest.mark.parametrize("cut", [1, 2])
def test_report_cut_mid_character_keeps_its_text_and_notes_the_tail(cut: int) -> None:
    data = LISHUI.read_bytes().rstrip()
    assert data.decode("utf-8")[-1] > "\u0800"  # ends on a three-byte character, so a cut lands inside it
    whole = ingest_bytes(data, "lishui", "lishui.txt")
    damaged = ingest_bytes(data[:-cut], "lishui", "lishui.txt")
    assert damaged.original == whole.original[:-1]
    assert len(damaged.notes) == 1 and f"last {3 - cut} byte(s)" in damaged.notes[0]
    assert damaged.notes[0].startswith("damaged tail")
    assert len(extract_document(damaged)) == len(extract_document(whole))
    assert whole.notes == ()


def test_cut_tail_after_a_byte_order_mark_is_kept_too() -> None:
    text, encoding, notes = decode_with_notes(codecs.BOM_UTF8 + "城镇新增就业2万人".encode()[:-1])
    assert (text, encoding) == ("城镇新增就业2万", "utf-8-sig") and notes


def test_only_a_cut_last_character_counts_as_a_damaged_tail() -> None:
    from flows.ingest.decode import _utf8_cut_at_the_end

    good = "城镇新增就业2万人".encode()
    assert _utf8_cut_at_the_end(good) is None
    assert _utf8_cut_at_the_end(good[:-1]) == len(good) - 3
    assert _utf8_cut_at_the_end(good[:4] + b"\xff" + good[4:]) is None  # a bad byte inside: no cut tail
    assert _utf8_cut_at_the_end(good + b"\xff") is None  # a stray byte is not part of a character
    assert _utf8_cut_at_the_end("城镇".encode("gbk")) is None


def test_loading_a_cut_report_lists_the_note_for_review_and_a_clean_reload_clears_it() -> None:
    con = duckdb.connect(":memory:")
    ensure_raw_schema(con)
    text = "三、重点工作\n城镇新增就业人数2万人以上,城镇登记失业率控制在3%以内。\n"
    for data, expected_notes in ((text.encode()[:-2], 1), (text.encode(), 0)):
        doc = ingest_bytes(data, "r", "/landing/reports/r.txt")
        records, unread = extract_document_with_unread(doc)
        load_document(con, doc, records, unread, "v", "run")
        rows = con.execute("select file_path, reason from raw.quarantine").fetchall()
        assert len(rows) == expected_notes
        assert con.execute("select count(*) from raw.records where doc_id = 'r'").fetchone()[0] == 2
    assert con.execute("select count(*) from raw.documents").fetchone()[0] == 1
