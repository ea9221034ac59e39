"""What `planwatch run` says for a busy warehouse, an unexpected error, and how it shows progress."""
from __future__ import annotations

import duckdb
import pytest

from flows.cli import main
from flows.runs import progress
from .test_lock import hold_in_child


def test_run_on_a_busy_warehouse_exits_3_naming_the_holder(prefect_harness, workspace, capsys):
    child = hold_in_child(workspace["warehouse"], "run-holding", 60)
    try:
        code = main(["run"])
    finally:
        child.kill()
        child.wait()
    err = capsys.readouterr().err
    assert code == 3
    assert "busy" in err and "run-holding" in err and f"pid {child.pid}" in err and "started" in err
    assert "Traceback" not in err


def test_unexpected_error_shows_its_root_cause_and_is_logged_as_failed(prefect_harness, workspace, capsys,
                                                                       monkeypatch):
    def broken_loader(*args, **kwargs):
        try:
            {}["record_no"]
        except KeyError as exc:
            raise RuntimeError("could not load the document") from exc

    monkeypatch.setattr("flows.pipeline.load_report_batch", broken_loader)
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert "planwatch run: failed — KeyError: 'record_no'" in err
    with duckdb.connect(str(workspace["warehouse"] / "planwatch.duckdb"), read_only=True) as con:
        row = con.execute("select outcome, failed_step, error from audit.pipeline_runs").fetchall()
    assert row == [("failed", "load", "KeyError: 'record_no'")]
    assert not (workspace["warehouse"] / "published").exists()


@pytest.mark.parametrize("reports, drawn", [(5, False), (6, True)])
def test_progress_bar_is_drawn_for_more_than_a_handful_of_reports(monkeypatch, capsys, reports, drawn):
    monkeypatch.setattr(progress, "_enabled", True)
    with progress.progress_bar(reports, "extracting reports") as advance:
        for _ in range(reports):
            advance()
    err = capsys.readouterr().err
    assert ("extracting reports" in err and f"{reports}/{reports}" in err) == drawn


def test_progress_bar_stays_off_outside_the_command_line(monkeypatch, capsys):
    monkeypatch.setattr(progress, "_enabled", False)
    with progress.progress_bar(100, "extracting reports") as advance:
        advance()
    assert capsys.readouterr().err == ""
