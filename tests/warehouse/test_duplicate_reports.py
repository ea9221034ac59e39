"""The same report under a second name is loaded once; the copy is listed for review naming both files."""
from __future__ import annotations

import duckdb

from flows.extract import extract_document_with_unread
from flows.ingest import ingest_bytes
from flows.warehouse.load_reports import load_document, load_report_batch
from flows.warehouse.report_rows import report_rows
from flows.warehouse.raw_schema import ensure_raw_schema

REPORT = "三、重点工作\n城镇新增就业人数2万人以上,城镇登记失业率控制在3%以内。\n".encode()


def _load(con, data: bytes, name: str) -> str:
    doc = ingest_bytes(data, name, f"/landing/reports/{name}.txt")
    records, unread = extract_document_with_unread(doc)
    return load_document(con, doc, records, unread, "v", "run")


def test_same_report_under_a_second_name_is_loaded_once_and_flagged_naming_both_files() -> None:
    con = duckdb.connect(":memory:")
    ensure_raw_schema(con)
    assert _load(con, REPORT, "lishui") == "inserted"
    assert _load(con, REPORT, "lishui_copy") == "duplicate"
    assert _load(con, REPORT, "lishui_copy") == "duplicate"  # a rerun flags it again, once
    assert con.execute("select count(*) from raw.records").fetchone()[0] == 2  # not 4
    assert con.execute("select doc_id from raw.documents").fetchall() == [("lishui",)]
    [(path, reason)] = con.execute("select file_path, reason from raw.quarantine").fetchall()
    assert path.endswith("lishui_copy.txt")
    assert "lishui_copy.txt has the same content" in reason and "as lishui.txt, already loaded" in reason
    assert [a for (a,) in con.execute("select action from raw.load_log order by logged_at").fetchall()] == [
        "inserted", "duplicate", "duplicate"]


def test_a_copy_that_was_edited_is_its_own_report() -> None:
    con = duckdb.connect(":memory:")
    ensure_raw_schema(con)
    _load(con, REPORT, "a")
    assert _load(con, REPORT.replace("2万".encode(), "3万".encode()), "b") == "inserted"
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0


def test_two_files_with_one_name_and_two_suffixes_do_not_replace_each_other(tmp_path) -> None:
    con = duckdb.connect(":memory:")
    ensure_raw_schema(con)
    first, second = tmp_path / "report.docx", tmp_path / "report.txt"
    first.write_bytes(b"stand-in")
    second.write_bytes(REPORT)
    doc = ingest_bytes(REPORT.replace("2万".encode(), "5万".encode()), "report", str(first), file_format="txt")
    load_document(con, doc, *extract_document_with_unread(doc), "v", "run")
    clash = ingest_bytes(REPORT, "report", str(second))
    assert load_document(con, clash, *extract_document_with_unread(clash), "v", "run") == "quarantined"
    assert con.execute("select source_path from raw.documents").fetchall() == [(str(first),)]
    [(reason,)] = con.execute("select reason from raw.quarantine").fetchall()
    assert reason.startswith("name clash: report.txt and report.docx both give document id 'report'")
    first.unlink()  # the user replaced the .docx by the .txt: now it loads
    assert load_document(con, clash, *extract_document_with_unread(clash), "v", "run") == "replaced"
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0


def _table_contents(con) -> dict[str, list[tuple]]:
    return {table: con.execute(f"select * exclude ({stamp}) from raw.{table} order by all").fetchall()
            for table, stamp in (("documents", "loaded_at"), ("records", "record_no"), ("sections", "level"),
                                 ("unextracted_spans", "span_no"), ("quarantine", "quarantined_at"))}


def test_a_batch_decides_every_report_as_loading_them_one_by_one_would(tmp_path) -> None:
    """Duplicates, a name clash and a replaced report inside one batch, against the same files one at a time."""
    namesake = tmp_path / "report.docx"
    namesake.write_bytes(b"stand-in")
    edited = REPORT.replace("2万".encode(), "4万".encode())
    already = [("a", REPORT, "/landing/reports/a.txt"), ("report", edited, str(namesake))]
    arriving = [("a", REPORT.replace("2万".encode(), "3万".encode()), "/landing/reports/a.txt"),  # replaced
                ("b", REPORT, "/landing/reports/b.txt"),  # a's old bytes: a no longer has them, so b loads
                ("c", REPORT, "/landing/reports/c.txt"),  # b's bytes, loaded just before it in the batch
                ("report", REPORT.replace("2万".encode(), "6万".encode()), str(tmp_path / "report.txt"))]

    def rows(doc_id, data, path):
        doc = ingest_bytes(data, doc_id, path, file_format="txt")
        return report_rows(doc, *extract_document_with_unread(doc), "v")

    one_by_one, batched = duckdb.connect(":memory:"), duckdb.connect(":memory:")
    for con in (one_by_one, batched):
        ensure_raw_schema(con)
        load_report_batch(con, [rows(*r) for r in already], "run-0")
    singles = [load_report_batch(one_by_one, [rows(*r)], "run-1")[0] for r in arriving]
    assert load_report_batch(batched, [rows(*r) for r in arriving], "run-1") == singles == [
        "replaced", "inserted", "duplicate", "quarantined"]
    assert _table_contents(batched) == _table_contents(one_by_one)
    reasons = [r for (r,) in batched.execute("select reason from raw.quarantine order by file_path").fetchall()]
    assert len(reasons) == 2
    assert reasons[0].startswith("duplicate report: c.txt has the same content") and "document b" in reasons[0]
    assert reasons[1].startswith("name clash: report.txt")
