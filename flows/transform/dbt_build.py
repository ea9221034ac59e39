"""Run `dbt build` (seeds, models and their tests) in-process against the build database.

dbt's tests are the first quality gate: a failing test means nothing is published.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from flows.faults import dbt_fault_callbacks
from flows.settings import Settings, disable_telemetry

_FAILED = ("fail", "error", "runtime error")


@dataclass(frozen=True)
class DbtBuildResult:
    success: bool
    n_nodes: int
    failures: list[str] = field(default_factory=list)  # "test_name: message", readable as they are


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def dbt_build(settings: Settings, select: str | None = None) -> DbtBuildResult:
    disable_telemetry()
    from dbt.cli.main import dbtRunner  # imported late: dbt's import costs ~1 s

    project = str(settings.dbt_project_dir)
    args = ["build", "--project-dir", project, "--profiles-dir", project, "--quiet", "--no-use-colors",
            "--target-path", str(settings.warehouse_dir / "tmp" / "dbt_target"),
            "--log-path", str(settings.warehouse_dir / "tmp" / "dbt_logs")]
    if select:
        args += ["--select", select]
    with _environment(settings.dbt_env()):
        outcome = dbtRunner(callbacks=dbt_fault_callbacks()).invoke(args)
    results = list(outcome.result or [])
    # A node skipped because an upstream one failed is not a failure of its own.
    failures = [f"{r.node.name} [{r.status!s}]: {(r.message or '').strip()}"
                for r in results if str(r.status) in _FAILED]
    if outcome.exception is not None:
        failures.append(f"dbt could not run: {outcome.exception}")
    return DbtBuildResult(success=bool(outcome.success) and not failures, n_nodes=len(results), failures=failures)
