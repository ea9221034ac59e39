"""Extraction throughput on the shared corpus: MB of report text per second on one core.

usage: python benchmarks/bench_extract.py [REPORTS_DIR] [--repeat N]
Start-up (imports, first compile of the rule tables) is excluded: one warm-up pass runs first.
`make bench` (benchmarks/bench_scale.py, level small) calls measure_extraction() in the same run.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from flows.extract import extract_document_with_unread
from flows.ingest import ingest_file
from flows.settings import PROJECT_ROOT

DEFAULT_REPORTS = PROJECT_ROOT.parent / "shared" / "corpus" / "reports"


def measure_extraction(reports: Path = DEFAULT_REPORTS, repeat: int = 5) -> dict:
    """CPU seconds and MB/s of ingest and extract over every .txt report, `repeat` passes after a warm-up."""
    files = sorted(p for p in reports.iterdir() if p.suffix == ".txt")
    size = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in files)
    for path in files:  # warm-up
        extract_document_with_unread(ingest_file(path))
    timings = {"ingest": 0.0, "extract": 0.0}
    for _ in range(repeat):
        for path in files:
            t0 = time.process_time()
            doc = ingest_file(path)
            t1 = time.process_time()
            extract_document_with_unread(doc)
            t2 = time.process_time()
            timings["ingest"] += t1 - t0
            timings["extract"] += t2 - t1
    total_mb = size * repeat / 1e6
    busy = timings["ingest"] + timings["extract"]
    return {
        "reports": len(files), "bytes": size, "passes": repeat,
        "ingest_cpu_s": round(timings["ingest"], 3), "extract_cpu_s": round(timings["extract"], 3),
        "ingest_mb_per_s": round(total_mb / timings["ingest"], 3),
        "extract_mb_per_s": round(total_mb / timings["extract"], 3),
        "ingest_extract_mb_per_s_per_core": round(total_mb / busy, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("reports", nargs="?", type=Path, default=DEFAULT_REPORTS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    m = measure_extraction(args.reports, args.repeat)
    print(f"corpus: {m['reports']} reports, {m['bytes'] / 1e3:.0f} kB of UTF-8 text, {m['passes']} passes (CPU time, one core)")
    print(f"ingest  {m['ingest_mb_per_s']:.2f} MB/s")
    print(f"extract {m['extract_mb_per_s']:.2f} MB/s")
    print(f"ingest+extract {m['ingest_extract_mb_per_s_per_core']:.2f} MB/s per core")


if __name__ == "__main__":
    main()
