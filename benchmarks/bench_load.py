"""Staging and loading N generated reports, below the flow: CPU and wall seconds of each half.

usage: python benchmarks/bench_load.py [--reports N] [--work DIR]
Stages every report in this process (flows/reports.py stage_report: ingest, extract, rows), then
loads them into a fresh DuckDB file the way the pipeline's load task does (flows/pipeline.py
load_reports: PLANWATCH_LOAD_BATCH_REPORTS reports a transaction).
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from any folder

from benchmarks.scale_data import generate_reports  # noqa: E402
from flows.reports import read_staged, stage_report  # noqa: E402
from flows.settings import get_settings  # noqa: E402
from flows.warehouse.load_reports import load_report_batch  # noqa: E402
from flows.warehouse.raw_schema import ensure_raw_schema  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reports"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--work", type=Path, help="folder for the generated reports and database (default: a temp one)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-load-"))
    shutil.rmtree(work / "reports", ignore_errors=True)
    generated = generate_reports(CORPUS, args.reports, work / "reports")
    cpu, wall = time.process_time(), time.perf_counter()
    staged = [stage_report(path, work / "staging") for path in generated.files]
    stage_cpu, stage_wall = time.process_time() - cpu, time.perf_counter() - wall
    database = work / "bench_load.duckdb"
    database.unlink(missing_ok=True)
    batch = max(1, get_settings().load_batch_reports)
    with duckdb.connect(str(database)) as con:
        ensure_raw_schema(con)
        cpu, wall = time.process_time(), time.perf_counter()
        for first in range(0, len(staged), batch):
            load_report_batch(con, [read_staged(s) for s in staged[first:first + batch]], "bench")
        load_cpu, load_wall = time.process_time() - cpu, time.perf_counter() - wall
        records = con.execute("select count(*) from raw.records").fetchone()[0]
    mb = generated.bytes / 1e6
    print(f"{args.reports} reports, {mb:.1f} MB, {records} records")
    print(f"stage (ingest + extract + rows, one process): {stage_cpu:.1f} CPU-s, {stage_wall:.1f} s wall, "
          f"{mb / stage_cpu:.2f} MB per CPU-s")
    print(f"load ({batch} reports a transaction): {load_cpu:.1f} CPU-s, {load_wall:.1f} s wall")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
