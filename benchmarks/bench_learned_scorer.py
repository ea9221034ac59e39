"""Cost of the learned project scorer alone: `score_projects` over the shared corpus reports.

usage: python benchmarks/bench_learned_scorer.py [--passes N]
Ingests every report and extracts its rule drafts (not timed), runs one warm pass, then N passes and
prints the best CPU time of one. For instruction counts, run it under
`valgrind --tool=cachegrind --cache-sim=no` with --passes 0 and --passes 3: the difference over 3 is
one pass (flows/extract/learned/README.md, Cost).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from flows.extract.learned import committed_model, score_projects
from flows.extract.projects import extract_projects
from flows.ingest import ingest_file
from flows.settings import PROJECT_ROOT

DEFAULT_REPORTS = PROJECT_ROOT.parent / "shared" / "corpus" / "reports"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=7)
    ap.add_argument("--reports", type=Path, default=DEFAULT_REPORTS)
    args = ap.parse_args()
    docs = [ingest_file(p) for p in sorted(args.reports.glob("*.txt"))]
    drafts = [extract_projects(d) for d in docs]
    committed_model()
    for d, dr in zip(docs, drafts):  # warm: compiled tables, caches
        score_projects(d, dr)
    best = None
    for _ in range(args.passes):
        t0 = time.process_time()
        for d, dr in zip(docs, drafts):
            score_projects(d, dr)
        spent = time.process_time() - t0
        best = spent if best is None else min(best, spent)
    if best is not None:
        print(f"score_projects over {len(docs)} reports: {best * 1000:.1f} ms CPU, best of {args.passes} passes")


if __name__ == "__main__":
    main()
