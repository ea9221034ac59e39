"""Extraction on 1 and on 2 processes: wall seconds of the same reports, and the speed-up.

usage: python benchmarks/bench_pool.py [--reports N]
Stages N generated reports (benchmarks/scale_data.py) with the pipeline's process pool
(flows/reports.py stage_on_processes), once per worker count, each from a fresh staging folder.
Worker start-up (spawn + importing the extractor) is part of the figure: the run pays it too.
`make bench` (benchmarks/bench_scale.py) calls measure_pool_speedup() in the same run.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from any folder

from benchmarks.scale_data import generate_reports  # noqa: E402
from flows.reports import stage_on_processes  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reports"


def measure_pool_speedup(n_reports: int = 120, worker_counts: tuple[int, ...] = (1, 2)) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-pool-") as tmp:
        work = Path(tmp)
        generated = generate_reports(CORPUS, n_reports, work / "reports")
        seconds = {}
        for workers in worker_counts:
            staging = work / f"staging-{workers}"
            started = time.perf_counter()
            staged = list(stage_on_processes(generated.files, staging, workers, retries=0, retry_delay_seconds=0))
            seconds[workers] = round(time.perf_counter() - started, 2)
            if any(s.staged is None for s in staged):
                raise RuntimeError(f"{workers} worker(s): a report could not be staged")
            shutil.rmtree(staging)
    base = seconds[worker_counts[0]]
    return {"reports": n_reports, "mb": round(generated.bytes / 1e6, 2), "wall_s": seconds,
            "speedup": {w: round(base / s, 2) for w, s in seconds.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=120)
    m = measure_pool_speedup(parser.parse_args().reports)
    for workers, seconds in m["wall_s"].items():
        print(f"{workers} process(es): {m['reports']} reports ({m['mb']} MB) in {seconds} s, "
              f"{m['mb'] / seconds:.2f} MB/s, speed-up {m['speedup'][workers]}x")


if __name__ == "__main__":
    main()
