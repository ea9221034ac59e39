"""planwatch command line: `planwatch run`, `planwatch extract`."""
from __future__ import annotations

import argparse
import json
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


def _cmd_run(args: argparse.Namespace) -> int:
    from flows.settings import disable_telemetry

    disable_telemetry()
    from flows.pipeline import PublicationBlocked, planwatch_pipeline

    try:
        summary = planwatch_pipeline(
            landing_dir=str(args.landing) if args.landing else None,
            warehouse_dir=str(args.warehouse) if args.warehouse else None,
        )
    except PublicationBlocked as blocked:
        print(f"planwatch run: NOT published — {blocked.gate} failed:", file=sys.stderr)
        for failure in blocked.failures[:20]:
            print(f"  - {failure}", file=sys.stderr)
        if blocked.data_docs:
            print(f"  Data Docs: {blocked.data_docs}", file=sys.stderr)
        print("  The previous published snapshot is unchanged.", file=sys.stderr)
        return 2
    except Exception as exc:
        print(f"planwatch run: failed — {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(format_summary(summary))
    return 0


def format_summary(summary) -> str:
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
    if "fct_target_attainment" in rows:
        lines.append(f"  attainment  {rows['fct_target_attainment']} targets assessed")
    if summary.quarantined:
        lines.append(f"  quarantined {len(summary.quarantined)} file(s): " + "; ".join(summary.quarantined))
    lines += [
        f"  quality     dbt {summary.dbt_nodes} nodes passed, GX {summary.expectations} expectations passed",
        f"  published   {summary.published_database}",
        f"              {summary.published_parquet}/",
        f"  data docs   {summary.data_docs}",
    ]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planwatch", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run",
        help="run the whole pipeline once: ingest, load, dbt, validate, publish",
        description="Ingest the reports (and feeds) in the landing folder, load them into DuckDB, build the "
        "dbt marts, validate them with Great Expectations and publish a read-only snapshot. Exit code 0 "
        "only when the snapshot was published; 2 when a quality gate blocked publication.",
    )
    run.add_argument("--landing", type=Path, help="landing folder with reports/ and feeds/ (default: warehouse/landing)")
    run.add_argument("--warehouse", type=Path, help="warehouse folder for the DuckDB files (default: warehouse/)")
    run.set_defaults(func=_cmd_run)

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
