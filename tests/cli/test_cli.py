"""The planwatch command line as a user runs it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from flows.cli import main

SEED = Path(__file__).resolve().parents[2] / "warehouse" / "landing" / "reports" / "lishui_2025_plan_report_part2.txt"


def test_extract_prints_one_json_object_per_record_with_provenance(capsys):
    assert main(["extract", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["type"] for r in records} == {"target", "project", "portfolio"}
    original = SEED.read_text(encoding="utf-8")
    for r in records:
        assert r["doc"] == SEED.stem
        assert original[r["start"]:r["end"]] == r["text"]
        assert "section" in r and "extractor_version" in r


def test_extract_table_format_is_one_line_per_record(capsys):
    assert main(["extract", str(SEED), "--format", "table"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows and all(row.count("\t") >= 6 for row in rows)


def test_extract_reports_an_unreadable_file_and_exits_non_zero(tmp_path, capsys):
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"not a pdf")
    assert main(["extract", str(broken), str(SEED)]) == 1
    captured = capsys.readouterr()
    assert "scan.pdf" in captured.err
    assert captured.out  # the readable file still printed its records


def test_help_explains_each_command():
    out = subprocess.run([sys.executable, "-m", "flows.cli", "--help"], capture_output=True, text=True, check=True).stdout
    assert "run" in out and "extract" in out
    run_help = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--help"], capture_output=True, text=True,
                              check=True).stdout
    assert "--landing" in run_help and "--warehouse" in run_help and "Exit code 0" in run_help


def test_run_that_cannot_publish_exits_2_and_names_the_failed_check(tmp_path):
    landing = tmp_path / "landing"
    (landing / "reports").mkdir(parents=True)
    # A report in landing without a single figure: inputs that say targets exist, and none came out.
    (landing / "reports" / "lishui_2025_notice.txt").write_text(
        "丽水市人民政府关于做好2025年工作的通知\n\n各县(市、区)人民政府:\n\n请认真做好各项工作。\n", encoding="utf-8")
    env = {**os.environ, "PLANWATCH_EXPECTATIONS_DIR": str(tmp_path / "expectations")}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--landing", str(landing),
                           "--warehouse", str(tmp_path / "warehouse")],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "NOT published" in done.stderr
    assert "raw_records" in done.stderr and "expect_table_row_count_to_be_between" in done.stderr
    assert "Data Docs" in done.stderr
    assert not (tmp_path / "warehouse" / "published" / "planwatch.duckdb").exists()


def test_run_summary_names_the_reviewers_corrections_it_loaded():
    from flows.cli import format_summary
    from flows.pipeline import RunSummary

    summary = RunSummary(run_id="r1", corrections="corrections: 1 files; rows in 5 = loaded 2 + quarantined 3",
                         timings="timings: extract 0.1s, load 0.1s, feeds 0.1s, dbt 0.1s, validate 0.1s, publish 0.1s, total 0.6s")
    lines = format_summary(summary).splitlines()
    assert "  corrections: 1 files; rows in 5 = loaded 2 + quarantined 3" in lines
    assert "corrections" not in format_summary(RunSummary(run_id="r2"))
