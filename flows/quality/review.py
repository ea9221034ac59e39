"""`planwatch review`: the reviewer's worklist (flows/quality/worklist.py) as a table, CSV or JSON lines,
and `--export-gold DIR` (flows/quality/gold_export.py).

Exit code 0 whenever there is a warehouse to read, whatever the list holds (`planwatch quality`
answers whether the last run published); 1 when there is no warehouse yet or the export cannot be
written.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from pathlib import Path
from typing import TextIO

from flows.quality.gold_export import GoldExportError, export_gold
from flows.quality.worklist import KINDS, Worklist, WorkItem, read_worklist
from flows.settings import Settings, get_settings

DEFAULT_LIMIT = 50
COLUMNS = ("when", "kind", "severity", "where", "what", "why")
_WIDTHS = {"when": 19, "kind": 17, "severity": 8, "where": 40, "what": 50, "why": 60}  # a wide terminal's worth


def _width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int, keep_end: bool = False) -> str:
    """Fit to `width` columns and pad; `keep_end` keeps the tail (a file's `:line`) rather than the head."""
    text = " ".join(text.split())  # one line per item: sentences and samples may hold newlines
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[1:] if keep_end else text[:-1]
        text = "…" + text if keep_end else text + "…"
    return text + " " * (width - _width(text))


def write_table(items: list[WorkItem], out: TextIO) -> None:
    out.write("  ".join(_cell(c, _WIDTHS[c]) for c in COLUMNS).rstrip() + "\n")
    for item in items:
        row = item.as_row()
        out.write("  ".join(_cell(row[c], _WIDTHS[c], keep_end=c == "where") for c in COLUMNS).rstrip() + "\n")


def write_csv(items: list[WorkItem], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(item.as_row() for item in items)


def write_jsonl(items: list[WorkItem], out: TextIO) -> None:
    for item in items:
        out.write(json.dumps(item.as_row(), ensure_ascii=False) + "\n")


WRITERS = {"table": write_table, "csv": write_csv, "jsonl": write_jsonl}


def summary_line(worklist: Worklist, shown: int) -> str:
    counts = {k: sum(1 for i in worklist.items if i.kind == k) for k in KINDS}
    parts = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "nothing to review"
    more = f"; showing {shown} (--limit 0 for all)" if shown < len(worklist.items) else ""
    return f"{len(worklist.items)} item(s): {parts}{more}"


def run_review(settings: Settings, kinds: list[str] | None, limit: int, fmt: str, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr  # looked up per call: tests and callers replace them
    worklist = read_worklist(settings, kinds)
    if not worklist.found:
        print(f"planwatch review: no warehouse in {settings.warehouse_dir} yet (no published snapshot, no build "
              "database): run `planwatch run` first", file=err)
        return 1
    shown = worklist.items if limit <= 0 else worklist.items[:limit]
    # The table is for people: its notes go above it. CSV and JSON lines stay machine-readable: notes to stderr.
    notes_to = out if fmt == "table" else err
    for note in worklist.notes:
        print(f"planwatch review: {note}", file=notes_to)
    print(f"planwatch review: {summary_line(worklist, len(shown))}", file=notes_to)
    if fmt == "table":
        out.write("\n")
    WRITERS[fmt](shown, out)
    return 0


def run_export(settings: Settings, out_dir: Path) -> int:
    snapshot = settings.published_database_path
    if not snapshot.exists():
        print(f"planwatch review: nothing published in {settings.warehouse_dir} yet: run `planwatch run` first",
              file=sys.stderr)
        return 1
    try:
        export = export_gold(snapshot, out_dir)
    except GoldExportError as exc:
        print(f"planwatch review: {exc}", file=sys.stderr)
        return 1
    written = export.files
    if export.not_published:
        print(f"planwatch review: {len(export.not_published)} corrected record(s) are in no published mart (set aside "
              f"or orphaned, see planwatch review), not exported: {', '.join(export.not_published[:10])}",
              file=sys.stderr)
    if not written:
        print(f"planwatch review: no corrected record in {snapshot} (marts.review_corrections is empty or absent): "
              "nothing exported")
        return 0
    for path, n in written.items():
        print(f"  {path}  {n} corrected record(s)")
    print(f"planwatch review: {sum(written.values())} corrected record(s) in {len(written)} gold file(s); score with "
          f"python3 ../shared/score.py {out_dir} <reports dir> <extract output>")
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    settings = get_settings().with_overrides(warehouse_dir=args.warehouse)
    if args.export_gold:
        return run_export(settings, args.export_gold)
    return run_review(settings, args.kind, args.limit, args.format)


def register(sub: "argparse._SubParsersAction") -> None:
    """Add `planwatch review` to the command line's subcommands."""
    r = sub.add_parser(
        "review",
        help="the reviewer's worklist: failed checks, quarantine, orphaned corrections, feed names, unextracted sentences",
        description="One list, most recent first: blocking and warning failures of the last run, rows set aside in "
        "marts.review_quarantine, corrections whose record no longer exists, feed names that matched no or several "
        "warehouse entities, and sentences with figures that gave no record (least confident first). Read from the "
        "published snapshot, read-only; a blocked run's failures from the build database. Exit 0, or 1 when there "
        "is no warehouse yet.",
    )
    r.add_argument("--warehouse", type=Path, help="warehouse folder (default: warehouse/)")
    r.add_argument("--kind", action="append", choices=KINDS, help="only items of this kind (repeatable)")
    r.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=f"items shown (default {DEFAULT_LIMIT}; 0: all)")
    r.add_argument("--format", choices=tuple(WRITERS), default="table")
    r.add_argument("--export-gold", type=Path, metavar="DIR",
                   help="instead of the list, write the corrected records as gold lines (one <doc>.jsonl a document)")
    r.set_defaults(func=_cmd_review)
