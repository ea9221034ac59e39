"""planwatch command line: `planwatch run`, `planwatch serve`, `planwatch extract`."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path


def _cmd_extract(args: argparse.Namespace) -> int:
    from flows.extract import extract_document
    from flows.ingest import ingest_file

    out = sys.stdout
    failed = 0
    for name in args.files:
        try:
            doc = ingest_file(Path(name))
        except Exception as exc:  # one unreadable file must not hide the others
            print(f"planwatch extract: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        records = extract_document(doc)
        if args.format == "jsonl":
            for r in records:
                out.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
        else:
            for r in records:
                label = r.indicator or r.name or r.category or ""
                figure = r.value if r.value is not None else (r.value_min, r.value_max)
                # A span re-joined across a column break holds the break: keep one record a line.
                text = " ".join(r.text.split())
                out.write(f"{r.doc}\t{r.type}\t{r.start}-{r.end}\t{label}\t{r.comparator or r.stage or ''}\t{figure}\t{r.unit or ''}\t{text}\n")
    return 1 if failed else 0


# Outcomes the command line explains itself: Prefect's log of them (a traceback) would only repeat it.
_EXPECTED_OUTCOMES = ("PublicationBlocked", "WarehouseBusy")


class _QuietExpectedOutcomes(logging.Filter):
    """Drops Prefect's console records (tracebacks, 'Finished in state Failed') of an expected outcome."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[0] is not None and record.exc_info[0].__name__ in _EXPECTED_OUTCOMES:
            return False
        return not any(name in record.getMessage() for name in _EXPECTED_OUTCOMES)


def _quiet_expected_outcomes() -> None:
    """On the console only: the Prefect UI (API log handler) keeps the full record."""
    quiet = _QuietExpectedOutcomes()
    for logger in (logging.getLogger(), logging.getLogger("prefect"), logging.getLogger("prefect._internal")):
        for handler in logger.handlers:
            if isinstance(handler, logging.StreamHandler):
                handler.addFilter(quiet)


def _nothing_new(args: argparse.Namespace) -> bool:
    """Say so and stop before starting Prefect when nothing changed since the last published run."""
    from flows.runs.audit import new_run_id
    from flows.runs.nothing_new import nothing_new_before_starting
    from flows.settings import get_settings

    settings = get_settings().with_overrides(landing_dir=args.landing, warehouse_dir=args.warehouse)
    journal = nothing_new_before_starting(settings, new_run_id())
    if journal is None:
        return False
    print(format_nothing_new(journal.run_id, journal.unchanged_since_run, journal.timings_line()))
    return True


def _cmd_run(args: argparse.Namespace) -> int:
    from flows.settings import disable_telemetry

    disable_telemetry()
    # Without PREFECT_API_URL each run starts a temporary Prefect server; on a busy machine it needs
    # more than Prefect's default 20 s to come up.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from flows.orphans import start_orphan_reaper

    start_orphan_reaper()  # before Prefect starts its temporary server: no child outlives this run
    from flows.ingest.landing import LandingNotFound, require_landing
    from flows.pipeline import PublicationBlocked, planwatch_pipeline, root_cause
    from flows.runs.lock import WarehouseBusy
    from flows.runs.progress import enable_progress
    from flows.settings import get_settings

    try:  # before starting Prefect: a mistyped --landing fails at once
        require_landing(get_settings().with_overrides(landing_dir=args.landing).landing_dir)
    except LandingNotFound as exc:
        print(f"planwatch run: failed — {exc}", file=sys.stderr)
        return 1

    if not args.rebuild and _nothing_new(args):
        return 0
    _quiet_expected_outcomes()
    if sys.stderr.isatty() or args.progress:
        enable_progress()
    try:
        summary = planwatch_pipeline(
            landing_dir=str(args.landing) if args.landing else None,
            warehouse_dir=str(args.warehouse) if args.warehouse else None,
            rebuild=args.rebuild,
            workers=args.workers,
            wait_for_lock_seconds=args.wait,
        )
    except WarehouseBusy as busy:
        print(f"planwatch run: not started — {busy}", file=sys.stderr)
        print("  Run again when it has finished, or pass --wait SECONDS to queue behind it.", file=sys.stderr)
        return 3
    except PublicationBlocked as blocked:
        print(f"planwatch run: NOT published — {blocked.gate} failed:", file=sys.stderr)
        for failure in blocked.failures[:20]:
            print(f"  - {failure}", file=sys.stderr)
        if blocked.data_docs:
            print(f"  Data Docs: {blocked.data_docs}", file=sys.stderr)
        print("  The previous published snapshot is unchanged.", file=sys.stderr)
        if blocked.timings:
            print(blocked.timings, file=sys.stderr)
        return 2
    except Exception as exc:
        print(f"planwatch run: failed — {root_cause(exc)}", file=sys.stderr)
        return 1
    print(format_summary(summary))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from flows.settings import disable_telemetry

    disable_telemetry()
    from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL

    from flows.deployments import DeploymentConfigError, load_deployments, serve_deployments

    if not PREFECT_API_URL.value():
        print("planwatch serve: no Prefect server — start one (`prefect server start`, or `make serve`) and set "
              "PREFECT_API_URL, e.g. http://127.0.0.1:4200/api", file=sys.stderr)
        return 1
    try:
        specs = load_deployments(args.deployments)
    except DeploymentConfigError as exc:
        print(f"planwatch serve: {exc}", file=sys.stderr)
        return 1
    from flows.orphans import start_orphan_reaper

    start_orphan_reaper()  # flow runs are child processes of serve: a SIGKILL of serve takes them along
    for spec in specs:
        when = f"cron {spec.cron!r}" if spec.cron else f"every {spec.interval_seconds}s"
        state = "" if spec.active else " (schedule inactive)"
        print(f"serving {spec.full_name}: {when} {spec.timezone}{state} {spec.parameters or ''}".rstrip())
    print(f"Prefect UI: {PREFECT_UI_URL.value() or PREFECT_API_URL.value().removesuffix('/api')}", flush=True)
    serve_deployments(specs, limit=args.limit)
    return 0


def format_nothing_new(run_id: str, since: str, timings: str) -> str:
    return "\n".join([
        f"planwatch run {run_id}: nothing new since run {since}",
        "  the published snapshot is unchanged (use --rebuild to re-extract and rebuild everything)",
        timings,
    ])


def format_summary(summary) -> str:
    if summary.outcome == "nothing_new":
        return format_nothing_new(summary.run_id, summary.unchanged_since, summary.timings)
    rows = summary.table_rows
    loaded = ", ".join(f"{n} {action}" for action, n in sorted(summary.reports_loaded.items())) or "none"
    lines = [
        f"planwatch run {summary.run_id}: published",
        f"  reports     {summary.reports_seen} in landing ({loaded})",
        f"  documents   {rows.get('dim_document', 0)}",
        f"  targets     {rows.get('fct_target', 0)}   achievements {rows.get('fct_achievement', 0)}",
        f"  projects    {rows.get('dim_project', 0)} ({rows.get('fct_project_milestone', 0)} milestones)"
        f"   portfolios {rows.get('fct_project_portfolio', 0)}",
    ]
    if summary.feeds:
        lines.append(f"  {summary.feeds}")
    if summary.corrections:
        lines.append(f"  {summary.corrections}")
    if "fct_target_attainment" in rows:
        lines.append(f"  attainment  {rows['fct_target_attainment']} targets assessed")
    if summary.quarantined:
        lines.append(f"  quarantined {len(summary.quarantined)} file(s): " + "; ".join(summary.quarantined))
    lines += [
        f"  quality     dbt {summary.dbt_nodes} nodes passed, GX {summary.expectations} expectations passed",
        f"  published   {summary.published_database}",
        f"              {summary.published_parquet}/",
        f"  data docs   {summary.data_docs}",
        summary.timings,
    ]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planwatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run",
        help="run the whole pipeline once: ingest, load, dbt, validate, publish",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Ingest the reports (and feeds) in the landing folder, load them into DuckDB, build the dbt\n"
        "marts, validate them with Great Expectations and publish a read-only snapshot. When nothing\n"
        "changed since the last published run (same landing files, extractor, dbt project and suites)\n"
        "it does nothing and says so.\n\n"
        "Exit code 0 when the snapshot was published or nothing was new; 2 when a quality gate\n"
        "blocked publication; 3 when another run holds the warehouse; 1 on any other error.",
    )
    run.add_argument("--landing", type=Path, help="landing folder with reports/ and feeds/ (default: warehouse/landing)")
    run.add_argument("--warehouse", type=Path, help="warehouse folder for the DuckDB files (default: warehouse/)")
    run.add_argument("--rebuild", action="store_true",
                     help="re-extract every report and rebuild everything, even when nothing changed")
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help="extract on N processes (default: one per core for 20 reports or more, else in this "
                     "process; 0 = in this process; PLANWATCH_DASK_ADDRESS=local|ADDRESS extracts on Dask instead)")
    run.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                     help="when another run holds the warehouse, wait up to SECONDS for it (default: "
                     "PLANWATCH_LOCK_WAIT_SECONDS or 0), then exit with code 3")
    run.add_argument("--progress", action="store_true", help="draw the extraction progress bar even without a terminal")
    run.set_defaults(func=_cmd_run)

    serve = sub.add_parser(
        "serve",
        help="register the scheduled deployments with the Prefect server and run them until stopped",
        description="Register planwatch-pipeline/landing-watch, planwatch-feeds/daily and "
        "planwatch-pipeline/weekly-rebuild (schedules in infra/deployments.toml, overridable by environment) "
        "with the Prefect server at PREFECT_API_URL, and run their flow runs here until interrupted. "
        "Stopping never pauses the schedules.",
    )
    serve.add_argument("--deployments", type=Path, default=None,
                       help="deployments file (default: PLANWATCH_DEPLOYMENTS_FILE or infra/deployments.toml)")
    serve.add_argument("--limit", type=int, default=None, help="most flow runs at once (default: no limit)")
    serve.set_defaults(func=_cmd_serve)

    ex = sub.add_parser(
        "extract",
        help="print the records extracted from report files",
        description="Ingest each file and print its records: one JSON object a line (annotation-guide "
        "fields plus doc, start, end, section) or a table for reading.",
    )
    ex.add_argument("files", nargs="+", help="report files (.txt, .html, .docx, .pdf)")
    ex.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ex.set_defaults(func=_cmd_extract)

    from flows.quality.command import register as register_quality  # the quality reviewers' commands
    register_quality(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
