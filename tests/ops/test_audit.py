"""The run log: `audit.pipeline_runs` rows and the `timings:` summary line."""
from __future__ import annotations

import re

import duckdb

from flows.runs.audit import STEPS, RunJournal, last_published, mark_killed

TIMINGS = re.compile(r"^timings: extract \d+\.\ds, load \d+\.\ds, feeds \d+\.\ds, dbt \d+\.\ds, "
                     r"validate \d+\.\ds, publish \d+\.\ds, total \d+\.\ds$")


def test_timings_line_has_the_exact_shape_with_one_decimal():
    journal = RunJournal(run_id="r1", trigger="cli")
    for step, seconds in zip(STEPS, (12.34, 1.2, 3.45, 10.2, 4.06, 0.31)):
        journal.steps[step].seconds = seconds
    journal.finish("published")
    journal.total_seconds = 33.0
    assert journal.timings_line() == ("timings: extract 12.3s, load 1.2s, feeds 3.5s, dbt 10.2s, validate 4.1s, "
                                      "publish 0.3s, total 33.0s")
    assert TIMINGS.match(RunJournal(run_id="r2", trigger="cli").timings_line())


def test_failed_step_and_root_cause_are_recorded():
    con = duckdb.connect()
    journal = RunJournal(run_id="r1", trigger="schedule", input_fingerprint="abc")
    journal.write(con)
    try:
        with journal.step("load") as step:
            step.rows_in = 7
            raise ValueError("bad row")
    except ValueError:
        journal.finish("failed", error="ValueError: bad row")
    journal.write(con)
    row = con.execute("select outcome, failed_step, error, load_rows_in, trigger, finished_at is not null "
                      "from audit.pipeline_runs").fetchall()
    assert row == [("failed", "load", "ValueError: bad row", 7, "schedule", True)]


def test_last_published_and_killed_runs():
    con = duckdb.connect()
    assert last_published(con) is None
    done = RunJournal(run_id="r1", trigger="cli", input_fingerprint="f1")
    done.finish("published")
    done.write(con)
    RunJournal(run_id="r2", trigger="cli", input_fingerprint="f2").write(con)  # still running: then killed
    assert last_published(con) == ("r1", "f1")
    assert mark_killed(con, "r2", "killed") == 1
    assert con.execute("select outcome from audit.pipeline_runs where run_id = 'r2'").fetchone() == ("failed",)
