"""Run `dbt build` (seeds, models and their tests) against the build database, in a child process.

dbt's tests are the first quality gate: a failing test means nothing is published.

dbt runs as a subprocess so that its DuckDB handle is released when the build ends (in-process,
dbt-duckdb keeps the connection for the life of the process, and DuckDB then refuses any other
configuration of the same file); the child dies with its parent, so a killed run leaves no dbt behind.
The outcome is read from dbt's own `run_results.json`.

The record-level models are incremental by document (dbt/macros/incremental_documents.sql): a build
processes the documents whose version changed. Code is no part of a document's version, so a build of
the whole project asks for `--full-refresh` itself when the dbt project (models, macros, seeds) is not
the one the incremental state was built with, or when there is no state yet.

dbt's unit tests run in the test suite (tests/transform/test_incremental_dbt.py), not in production
builds: they check the SQL on fixed inputs, so their answer changes with the code, never with the
data, and they cost a fixed ~20 s of dbt node time per build at any scale.
"""
from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from flows.faults import armed, fault_point
from flows.runs.fingerprint import tree_digest
from flows.settings import Settings, _OFFLINE_ENV

_FAILED = ("fail", "error", "runtime error")
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class DbtBuildResult:
    success: bool
    n_nodes: int
    failures: list[str] = field(default_factory=list)  # "test_name: message", readable as they are


def _die_with_parent() -> None:
    """In the child, before exec: the kernel sends SIGKILL when the parent (this run) dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:  # not Linux: the child may outlive a killed parent, as any subprocess
        pass


def dbt_build(settings: Settings, select: str | None = None, full_refresh: bool = False,
              unit_tests: bool = False) -> DbtBuildResult:
    """`dbt build` of the whole project, or of `select`; `full_refresh` rebuilds incremental models whole."""
    project = str(settings.dbt_project_dir)
    digest = tree_digest(settings.dbt_project_dir)
    if select is None and not full_refresh:
        full_refresh = not incremental_state_current(settings.database_path, digest)
    target_path = settings.dbt_target_dir
    run_results = target_path / "run_results.json"
    run_results.unlink(missing_ok=True)
    args = [sys.executable, "-m", "dbt.cli.main", "build", "--project-dir", project, "--profiles-dir", project,
            "--quiet", "--no-use-colors", "--target-path", str(target_path),
            "--log-path", str(settings.warehouse_dir / "tmp" / "dbt_logs"),
            "--vars", json.dumps({"project_digest": digest})]
    if not unit_tests:
        args += ["--exclude-resource-type", "unit_test"]
    if select:
        args += ["--select", select]
    if full_refresh:
        args.append("--full-refresh")
    env = {**os.environ, **_OFFLINE_ENV, **settings.dbt_env()}
    with subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          preexec_fn=_die_with_parent) as child:
        if armed("mid-dbt"):  # tests only: die like kill -9 once dbt has built something
            _die_once_dbt_has_started(child, settings.warehouse_dir / "tmp" / "dbt_logs" / "dbt.log")
        stdout, stderr = child.communicate()
    done = subprocess.CompletedProcess(args, child.returncode, stdout, stderr)
    results = _read_run_results(run_results)
    # A node skipped because an upstream one failed is not a failure of its own.
    failures = [f"{_node_name(r)} [{r.get('status')}]: {(r.get('message') or '').strip()}"
                for r in results if str(r.get("status")) in _FAILED]
    if done.returncode not in (0, 1) or (done.returncode and not failures):  # 2: dbt itself could not run
        tail = (done.stderr.strip() or done.stdout.strip()).splitlines()[-5:]
        failures.append(f"dbt could not run (exit {done.returncode}): {' | '.join(tail) or 'no output'}")
    return DbtBuildResult(success=done.returncode == 0 and not failures, n_nodes=len(results), failures=failures)


def incremental_state_current(database: Path, digest: str) -> bool:
    """True when every record-level model was last built by this dbt project: an incremental build is then
    exact. False for a new warehouse, one built before incremental models, or after a change of code."""
    if not database.is_file():
        return False
    with duckdb.connect(str(database)) as con:  # as the rest of the run opens it: one configuration per file
        try:
            built, other = con.execute(
                "select count(*), count(*) filter (where project_digest <> ?) from intermediate.incremental_documents",
                [digest]).fetchone()
        except duckdb.CatalogException:  # no state table yet
            return False
    return built > 0 and other == 0


def _die_once_dbt_has_started(child: subprocess.Popen, log: Path, patience_seconds: float = 120.0) -> None:
    """The mid-dbt fault point: wait until dbt's log shows a model built (or dbt ends), then die."""
    waited, seen = 0.0, (log.stat().st_size if log.is_file() else 0)  # the log appends across runs
    while child.poll() is None and waited < patience_seconds:
        if log.is_file() and b"OK created" in log.read_bytes()[seen:]:
            break
        time.sleep(0.2)
        waited += 0.2
    fault_point("mid-dbt")


def _read_run_results(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("results", [])
    except (OSError, ValueError):
        return []


def _node_name(result: dict) -> str:
    """`test.planwatch.not_null_fct_target_target_key.3f2a…` -> `not_null_fct_target_target_key`."""
    parts = str(result.get("unique_id", "?")).split(".")
    if parts[0] == "test" and len(parts) > 3:
        return parts[2]
    return ".".join(parts[2:]) or parts[0]
