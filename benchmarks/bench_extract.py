"""Extraction throughput on the shared corpus: MB of report text per second on one core.

usage: python benchmarks/bench_extract.py [REPORTS_DIR] [--repeat N]
Start-up (imports, first compile of the rule tables) is excluded: one warm-up pass runs first.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from flows.extract import extract_document_with_unread
from flows.ingest import ingest_file
from flows.settings import PROJECT_ROOT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("reports", nargs="?", type=Path, default=PROJECT_ROOT.parent / "shared" / "corpus" / "reports")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(p for p in args.reports.iterdir() if p.suffix == ".txt")
    size = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in files)
    for path in files:  # warm-up
        extract_document_with_unread(ingest_file(path))
    timings = {"ingest": 0.0, "extract": 0.0}
    for _ in range(args.repeat):
        for path in files:
            t0 = time.process_time()
            doc = ingest_file(path)
            t1 = time.process_time()
            extract_document_with_unread(doc)
            t2 = time.process_time()
            timings["ingest"] += t1 - t0
            timings["extract"] += t2 - t1
    total_mb = size * args.repeat / 1e6
    busy = timings["ingest"] + timings["extract"]
    print(f"corpus: {len(files)} reports, {size / 1e3:.0f} kB of UTF-8 text, {args.repeat} passes (CPU time, one core)")
    print(f"ingest  {total_mb / timings['ingest']:.2f} MB/s")
    print(f"extract {total_mb / timings['extract']:.2f} MB/s")
    print(f"ingest+extract {total_mb / busy:.2f} MB/s per core")


if __name__ == "__main__":
    main()
