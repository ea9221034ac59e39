"""`audit.pipeline_runs`: one row per pipeline run in the build database, copied into the snapshot.

A run writes its row when it starts (outcome `running`) and completes it when it ends: `published`,
`nothing_new`, `blocked` (a quality gate stopped publication) or `failed` (an unexpected error, with
the step and its root cause). A row still `running` whose process is gone was killed; the next run
that takes the warehouse over marks it `failed`. Per step: seconds, rows in and rows out.
"""
from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from datetime import timezone
from typing import Iterator

import duckdb

from flows.warehouse.comments import comment_table
from flows.warehouse.raw_writes import utc_now

# The steps of a run, in order; the `timings:` summary line and the audit columns follow this tuple.
STEPS = ("extract", "load", "feeds", "dbt", "validate", "publish")
OUTCOMES = ("running", "published", "nothing_new", "blocked", "failed")

_STEP_COLUMNS = ",\n".join(f"    {s}_seconds double, {s}_rows_in bigint, {s}_rows_out bigint" for s in STEPS)
PIPELINE_RUNS_DDL = f"""
create schema if not exists audit;
create table if not exists audit.pipeline_runs (
    run_id varchar primary key,
    flow_run_id varchar,
    trigger varchar not null,          -- cli | schedule | api
    started_at timestamp not null,     -- UTC
    finished_at timestamp,             -- UTC; null while running
    outcome varchar not null,          -- {' | '.join(OUTCOMES)}
    input_fingerprint varchar,
    extractor_version varchar,
    unchanged_since_run varchar,       -- for nothing_new: the published run whose inputs matched
    failed_step varchar,
    error varchar,                     -- root-cause message of a blocked or failed run
{_STEP_COLUMNS},
    total_seconds double
);
"""


_STEP_DOCS = {
    f"{s}_{kind}": text.format(step=s)
    for s in STEPS
    for kind, text in (("seconds", "Seconds spent in the {step} step."),
                       ("rows_in", "Rows going into the {step} step (count)."),
                       ("rows_out", "Rows coming out of the {step} step (count)."))
}
PIPELINE_RUNS_DOC = ("One pipeline run: what started it, how it ended, and seconds and rows per step. "
                     "Grain: one run of planwatch-pipeline.", {
    "run_id": "The pipeline run id (UTC start time plus a random suffix).",
    "flow_run_id": "The Prefect flow run id, to find the run in the Prefect UI.",
    "trigger": "What started the run: cli, schedule or api.",
    "started_at": "When the run started (UTC timestamp).",
    "finished_at": "When the run ended (UTC timestamp); null while running and in the snapshot's own copy.",
    "outcome": "running, published, nothing_new (inputs unchanged), blocked (a quality gate) or failed.",
    "input_fingerprint": "Hash of every input (landing files, extractor version, code, dbt project, suites).",
    "extractor_version": "Version of the extraction code and rule tables (a content hash).",
    "unchanged_since_run": "For nothing_new: the published run whose inputs matched.",
    "failed_step": "The step that blocked or failed.",
    "error": "Root-cause message of a blocked or failed run.",
    **_STEP_DOCS,
    "total_seconds": "Seconds for the whole run.",
})


def ensure_pipeline_runs(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(PIPELINE_RUNS_DDL)
    comment_table(con, "audit.pipeline_runs", *PIPELINE_RUNS_DOC)


def new_run_id() -> str:
    """`20261205T194535Z-825b20`: sortable by start time, unique across hosts."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@dataclass
class StepMeasure:
    seconds: float = 0.0
    rows_in: int | None = None
    rows_out: int | None = None


@dataclass
class RunJournal:
    """What a run did, step by step, as it goes; `write` puts it in `audit.pipeline_runs`."""

    run_id: str
    trigger: str
    flow_run_id: str | None = None
    started_at: datetime = field(default_factory=utc_now)
    input_fingerprint: str | None = None
    extractor_version: str | None = None
    unchanged_since_run: str | None = None
    outcome: str = "running"
    failed_step: str | None = None
    error: str | None = None
    current_step: str | None = None
    steps: dict[str, StepMeasure] = field(default_factory=lambda: {s: StepMeasure() for s in STEPS})
    _t0: float = field(default_factory=time.perf_counter)
    total_seconds: float | None = None

    @contextmanager
    def step(self, name: str) -> Iterator[StepMeasure]:
        """Time one step; the step's rows in/out are set on the yielded measure."""
        measure = self.steps[name]
        self.current_step = name
        t0 = time.perf_counter()
        try:
            yield measure
        finally:
            measure.seconds += time.perf_counter() - t0
        self.current_step = None

    def elapsed(self) -> float:
        return time.perf_counter() - self._t0

    def finish(self, outcome: str, error: str | None = None) -> None:
        assert outcome in OUTCOMES, outcome
        self.outcome = outcome
        if error is not None:
            self.failed_step, self.error = self.current_step, error
        self.total_seconds = self.elapsed()

    def timings_line(self) -> str:
        """`timings: extract 12.3s, load 1.2s, feeds 3.4s, dbt 10.2s, validate 4.1s, publish 0.3s, total 33.0s`"""
        total = self.total_seconds if self.total_seconds is not None else self.elapsed()
        return "timings: " + ", ".join([f"{s} {self.steps[s].seconds:.1f}s" for s in STEPS] + [f"total {total:.1f}s"])

    def write(self, con: duckdb.DuckDBPyConnection) -> None:
        """Insert or replace this run's row (called at start, before publishing, and at the end)."""
        ensure_pipeline_runs(con)
        finished = utc_now() if self.outcome != "running" and self.total_seconds is not None else None
        values = {
            "run_id": self.run_id, "flow_run_id": self.flow_run_id, "trigger": self.trigger,
            "started_at": self.started_at, "finished_at": finished, "outcome": self.outcome,
            "input_fingerprint": self.input_fingerprint, "extractor_version": self.extractor_version,
            "unchanged_since_run": self.unchanged_since_run, "failed_step": self.failed_step, "error": self.error,
        }
        for s in STEPS:
            m = self.steps[s]
            values |= {f"{s}_seconds": round(m.seconds, 3), f"{s}_rows_in": m.rows_in, f"{s}_rows_out": m.rows_out}
        values["total_seconds"] = round(self.total_seconds, 3) if self.total_seconds is not None else None
        columns = ", ".join(values)
        con.execute(f"insert or replace into audit.pipeline_runs ({columns}) values ({', '.join('?' for _ in values)})",
                    list(values.values()))


def last_published(con: duckdb.DuckDBPyConnection) -> tuple[str, str | None] | None:
    """(run id, input fingerprint) of the most recent run that published, or None."""
    ensure_pipeline_runs(con)
    return con.execute("select run_id, input_fingerprint from audit.pipeline_runs where outcome = 'published' "
                       "order by started_at desc limit 1").fetchone()


def mark_killed(con: duckdb.DuckDBPyConnection, run_id: str, reason: str) -> int:
    """A run still `running` whose lock was found abandoned: its process was killed."""
    ensure_pipeline_runs(con)
    return con.execute("update audit.pipeline_runs set outcome = 'failed', error = ?, "
                       "failed_step = coalesce(failed_step, 'unknown') "
                       "where run_id = ? and outcome = 'running' returning run_id", [reason, run_id]).fetchall().__len__()
