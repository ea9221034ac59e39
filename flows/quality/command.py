"""`planwatch quality [--run RUN_ID]`: what the gates said about one run, read from audit.validation_*.

Exit code 0 when the run published (every gate passed), 2 when a gate blocked it, 1 when there is
no such run to report on.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.settings import Settings, get_settings

GATE_ORDER = ("ingest", "dbt", "publication")  # as a run meets them (rows are ordered by start)
MAX_FAILURES_SHOWN = 30


@dataclass(frozen=True)
class QualityReport:
    run_id: str
    gates: list[tuple]  # (gate, success, passed, failed, warning, broken)
    suites: list[tuple]  # (gate, suite, passed, failed, warning, broken)
    problems: list[tuple]  # (gate, outcome, table, expectation, column, severity, unexpected_count, sample)

    @property
    def published(self) -> bool:
        """Published only when the publication gate ran and every gate of the run passed."""
        gates = {g: ok for g, ok, *_ in self.gates}
        return bool(gates.get("publication")) and all(gates.values())


def read_report(database: Path, run_id: str | None = None) -> QualityReport | None:
    if not database.exists():
        return None
    try:
        con = duckdb.connect(str(database), read_only=True)
    except duckdb.ConnectionException:  # this process (dbt in-process) already holds it open read-write
        con = duckdb.connect(str(database))
    with con:
        try:
            if run_id is None:
                row = con.execute("select run_id from audit.validation_runs order by started desc limit 1").fetchone()
                if row is None:
                    return None
                run_id = row[0]
            gates = con.execute("select gate, success, passed, failed, warning, broken from audit.validation_runs "
                                "where run_id = ? order by started", [run_id]).fetchall()
        except duckdb.CatalogException:  # no gate has ever run here
            return None
        if not gates:
            return None
        suites = con.execute(
            "select gate, suite, count(*) filter (where outcome = 'passed'), count(*) filter (where outcome = 'failed'), "
            "count(*) filter (where outcome = 'warning'), count(*) filter (where outcome = 'broken') "
            "from audit.validation_results where run_id = ? group by gate, suite order by gate, suite", [run_id]).fetchall()
        problems = con.execute(
            "select gate, outcome, table_name, expectation, column_name, severity, unexpected_count, sample "
            "from audit.validation_results where run_id = ? and outcome != 'passed' "
            "order by case outcome when 'broken' then 0 when 'failed' then 1 else 2 end, gate, table_name",
            [run_id]).fetchall()
    return QualityReport(run_id, gates, suites, problems)


def format_report(report: QualityReport, data_docs: Path) -> str:
    verdict = "published" if report.published else "BLOCKED"
    lines = [f"planwatch quality {report.run_id}: {verdict}"]
    ran = {g for g, *_ in report.gates}
    if "publication" not in ran:
        lines.append("  the publication gate did not run: the run stopped before it (ingest gate or dbt tests)")
    elif "dbt" not in ran:
        lines.append("  no dbt gate recorded for this run (a run before dbt tests were audited, or a gate run on its own)")
    header = f"  {'gate':<12} {'suite':<40} {'passed':>6} {'failed':>6} {'warning':>7} {'broken':>6}"
    lines += ["", header]
    for gate, success, passed, failed, warning, broken in report.gates:
        lines.append(f"  {gate:<12} {'(all suites: ' + ('passed' if success else 'BLOCKED') + ')':<40} "
                     f"{passed:>6} {failed:>6} {warning:>7} {broken:>6}")
        for g, suite, p, f, w, b in report.suites:
            if g == gate:
                lines.append(f"  {'':<12} {suite:<40} {p:>6} {f:>6} {w:>7} {b:>6}")
    if report.problems:
        lines += ["", "  not passed (broken first, then failed, then warnings):"]
        for gate, outcome, table, expectation, column, severity, count, sample in report.problems[:MAX_FAILURES_SHOWN]:
            where = f"({column})" if column else ""
            rows = f", {count} row(s)" if count else ""
            lines.append(f"  - [{outcome}] {gate}: {table} {expectation}{where} ({severity}{rows}) — {sample or ''}"[:400])
        if len(report.problems) > MAX_FAILURES_SHOWN:
            lines.append(f"  … and {len(report.problems) - MAX_FAILURES_SHOWN} more (audit.validation_results)")
    lines += ["", f"  data docs   {data_docs}"]
    return "\n".join(lines)


def run_quality(settings: Settings, run_id: str | None) -> int:
    report = read_report(settings.database_path, run_id)
    if report is None:
        what = f"run {run_id}" if run_id else "any run"
        print(f"planwatch quality: no gate results for {what} in {settings.database_path}", file=sys.stderr)
        return 1
    print(format_report(report, settings.data_docs_index))
    return 0 if report.published else 2


def _cmd_quality(args: argparse.Namespace) -> int:
    settings = get_settings().with_overrides(warehouse_dir=args.warehouse)
    return run_quality(settings, args.run)


def register(sub: "argparse._SubParsersAction") -> None:
    """Add the quality reviewers' commands, `planwatch quality` and `planwatch review`, to the subcommands."""
    q = sub.add_parser(
        "quality",
        help="show what the quality gates said about the last (or a given) run",
        description="A table of gates and suites (passed, failed, warning, broken) for the last run or the "
        "one given, the failing expectations with samples, and the Data Docs path. Exit code 0 when the run "
        "published, 2 when a gate blocked it, 1 when there is no such run.",
    )
    q.add_argument("--run", metavar="RUN_ID", help="a pipeline run id (default: the last run)")
    q.add_argument("--warehouse", type=Path, help="warehouse folder (default: warehouse/)")
    q.set_defaults(func=_cmd_quality)

    from flows.quality.review import register as register_review  # `planwatch review`, the next thing a reviewer opens

    register_review(sub)
