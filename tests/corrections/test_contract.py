"""The corrections contract and loader, below the flow: every kind of bad input gets a quarantine row
with file, line, column and a readable reason, and the good rows of the same file still load."""
from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pytest

from flows.corrections.contract import CORRECTABLE_FIELDS, STORAGE, check_row, field_types
from flows.corrections.load import load_corrections
from flows.settings import PROJECT_ROOT
from flows.warehouse.raw_schema import ensure_raw_schema

HEADER = "record_key,field,corrected_value,reviewer,reason,corrected_on"
GOOD = {"record_key": "t1", "field": "value", "corrected_value": "12345", "reviewer": "王审核", "reason": "误读",
        "corrected_on": "2026-12-01"}


@pytest.fixture()
def con():
    connection = duckdb.connect(":memory:")
    ensure_raw_schema(connection)
    for rid, record_type in (("t1", "target"), ("t2", "target"), ("p1", "project"), ("f1", "portfolio")):
        connection.execute("insert into raw.records (record_id, doc_id, record_no, type, text, char_start, char_end, "
                           "extractor_version) values (?, 'd', 0, ?, 'x', 0, 1, 'v')", [rid, record_type])
    yield connection
    connection.close()


def write(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def quarantined(con) -> list[tuple]:
    return con.execute("select source_kind, file_path, row_number, column_name, reason from raw.quarantine "
                       "order by file_path, row_number nulls first, column_name").fetchall()


def test_a_good_row_is_typed_for_its_field():
    correction, problems = check_row(GOOD, "target")
    assert problems == [] and correction.corrected_number == 12345.0 and correction.corrected_text is None
    unit, _ = check_row({**GOOD, "field": "unit", "corrected_value": "万吨"}, "target")
    assert (unit.corrected_text, unit.corrected_base_unit, unit.corrected_unit_factor) == ("万吨", "吨", 1e4)
    stage, _ = check_row({**GOOD, "record_key": "p1", "field": "stage", "corrected_value": "completed"}, "project")
    assert stage.corrected_text == "completed"


@pytest.mark.parametrize("field, value, expected", [
    ("value", "十二", "expected a number"),
    ("value", "nan", "expected a number"),
    ("comparator", "≈", "expected one of"),
    ("kind", "speed", "expected one of"),
    ("unit", "头头", "unit table"),
    ("project_count", "2.5", "whole number"),
])
def test_a_value_of_the_wrong_type_for_its_field_is_refused_on_that_column(field, value, expected):
    record_type = "portfolio" if field == "project_count" else "target"
    correction, problems = check_row({**GOOD, "field": field, "corrected_value": value}, record_type)
    assert correction is None
    assert [p.column for p in problems] == ["corrected_value"]
    assert expected in problems[0].reason and repr(value) in problems[0].reason


def test_a_stage_outside_the_stage_vocabulary_is_refused():
    _, problems = check_row({**GOOD, "record_key": "p1", "field": "stage", "corrected_value": "建成"}, "project")
    assert "completed" in problems[0].reason


def test_fields_are_allowed_per_record_type_and_any_known_field_for_a_key_that_matches_nothing():
    _, problems = check_row({**GOOD, "field": "stage", "corrected_value": "completed"}, "target")
    assert problems[0].column == "field" and "not a field of fct_target" in problems[0].reason
    orphan, problems = check_row({**GOOD, "field": "stage", "corrected_value": "completed"}, None)
    assert problems == [] and orphan.field == "stage"
    _, problems = check_row({**GOOD, "field": "char_start"}, None)
    assert "unknown field 'char_start'" in problems[0].reason


def test_missing_reviewer_reason_or_date_and_a_malformed_date_are_refused():
    _, problems = check_row({**GOOD, "reviewer": " ", "reason": "", "corrected_on": ""}, "target")
    assert {p.column for p in problems} == {"reviewer", "reason", "corrected_on"}
    _, problems = check_row({**GOOD, "corrected_on": "2026/12/01"}, "target")
    assert problems[0].column == "corrected_on" and "YYYY-MM-DD" in problems[0].reason


def test_a_file_with_every_kind_of_bad_row_quarantines_each_and_loads_its_good_rows(con, tmp_path):
    folder = tmp_path / "corrections"
    write(folder, "a.csv", HEADER + ",note",
          "t1,value,12345,王审核,误读,2026-12-01,extra column ignored",   # line 2: good
          "t2,colour,red,王审核,误读,2026-12-01,",                          # line 3: unknown field
          "t2,value,很多,王审核,误读,2026-12-01,",                          # line 4: wrong type
          "t2,comparator,about,王审核,误读,2026-12-01,",                    # line 5: comparator not allowed
          "t2,unit,万元,,误读,,",                                          # line 6: no reviewer, no date
          "p1,stage,completed,李审核,已建成,2026-12-01,",                   # line 7: good
          "",
          "gone,value,1,李审核,旧键,2026-12-01,")                          # line 9: good (an orphan, shown by dbt)
    loaded = load_corrections(con, folder)
    assert (loaded.files, loaded.rows_in, loaded.loaded, loaded.rows_refused) == (1, 7, 3, 4)
    assert con.execute("select record_key, field, source_file, source_line from raw.corrections order by source_line"
                       ).fetchall() == [("t1", "value", "corrections/a.csv", 2), ("p1", "stage", "corrections/a.csv", 7),
                                        ("gone", "value", "corrections/a.csv", 9)]
    rows = quarantined(con)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("corrections/a.csv", None, "note"), ("corrections/a.csv", 3, "field"), ("corrections/a.csv", 4, "corrected_value"),
        ("corrections/a.csv", 5, "corrected_value"), ("corrections/a.csv", 6, "reviewer,corrected_on")]
    assert all(r[0] == "corrections" for r in rows)
    assert "unknown column 'note'" in rows[0][4]
    assert "unknown field 'colour'" in rows[1][4]
    assert "'很多' is not a valid value" in rows[2][4]
    assert "reviewer is empty" in rows[4][4] and "corrected_on is empty" in rows[4][4]


def test_a_duplicate_for_the_same_record_and_field_applies_the_latest_and_quarantines_the_other(con, tmp_path):
    folder = tmp_path / "corrections"
    write(folder, "a.csv", HEADER, "t1,value,1,王审核,first,2026-12-03", "t1,unit,万元,王审核,unit,2026-12-01")
    write(folder, "b.csv", HEADER, "t1,value,2,李审核,second,2026-12-02", "t1,value,3,李审核,tie,2026-12-03")
    load_corrections(con, folder)
    assert con.execute("select field, corrected_value, source_file, source_line from raw.corrections order by field"
                       ).fetchall() == [("unit", "万元", "corrections/a.csv", 3), ("value", "3", "corrections/b.csv", 3)]
    rows = quarantined(con)
    assert [(r[1], r[2], r[3]) for r in rows] == [("corrections/a.csv", 2, "record_key"),
                                                  ("corrections/b.csv", 2, "record_key")]
    assert all("duplicate correction of value for record t1: superseded by corrections/b.csv line 3" in r[4]
               for r in rows)


def test_a_file_without_a_required_column_is_refused_whole_and_the_other_files_still_load(con, tmp_path):
    folder = tmp_path / "corrections"
    write(folder, "a.csv", "record_key,field,corrected_value,reviewer,reason", "t1,value,1,王审核,误读")
    write(folder, "b.csv", HEADER, "t1,value,2,王审核,误读,2026-12-01")
    loaded = load_corrections(con, folder)
    assert loaded.loaded == 1
    [(kind, path, line, column, reason)] = quarantined(con)
    assert (path, line, column) == ("corrections/a.csv", None, "corrected_on") and "no column 'corrected_on'" in reason


def test_a_missing_folder_is_no_corrections_and_reloading_replaces_what_was_there(con, tmp_path):
    folder = tmp_path / "corrections"
    assert load_corrections(con, folder).loaded == 0
    write(folder, "a.csv", HEADER, "t1,value,1,王审核,误读,2026-12-01", "t2,value,x,王审核,误读,2026-12-01")
    load_corrections(con, folder)
    load_corrections(con, folder)  # a rerun must not duplicate rows or quarantine records
    assert con.execute("select count(*) from raw.corrections").fetchone()[0] == 1 and len(quarantined(con)) == 1
    (folder / "a.csv").unlink()
    load_corrections(con, folder)
    assert con.execute("select count(*) from raw.corrections").fetchone()[0] == 0 and quarantined(con) == []


def test_links_leading_out_of_the_folder_and_files_that_are_no_csv_are_refused_unread(con, tmp_path):
    folder = tmp_path / "corrections"
    outside = write(tmp_path, "outside.csv", HEADER, "t1,value,666,x,y,2026-12-01")
    write(folder, "notes.xlsx", "binary")
    os.symlink(outside, folder / "linked.csv")
    loaded = load_corrections(con, folder)
    assert loaded.loaded == 0 and con.execute("select count(*) from raw.corrections").fetchone()[0] == 0
    reasons = {path: reason for _, path, _, _, reason in quarantined(con)}
    assert "symbolic link leading outside the corrections folder" in reasons["corrections/linked.csv"]
    assert "not a .csv file" in reasons["corrections/notes.xlsx"]


def test_the_dbt_overlay_lists_the_same_fields_stored_the_same_way_as_the_contract():
    macro = (PROJECT_ROOT / "dbt" / "macros" / "correction_contract.sql").read_text(encoding="utf-8")
    body = macro[macro.index("macro correction_fields"):macro.index("endmacro")]
    in_dbt = dict(re.findall(r"'(\w+)': '(\w+)'", body))
    assert in_dbt == {field: STORAGE[kind] for field, kind in field_types().items()}
    assert {mart for mart, _ in CORRECTABLE_FIELDS.values()} == {
        "fct_target", "fct_achievement", "fct_project_milestone", "fct_project_portfolio"}
