"""The feeds step and the feed-side dbt models at scale, on a copy of a built warehouse (issue 11).

usage: python benchmarks/bench_feed_models.py BUILD_DB --rows 10000000 [--work DIR] [--threads 4]

BUILD_DB is a build database of a finished run (e.g. `make bench LEVEL=medium`'s
`warehouse/planwatch.duckdb`): its report-side marts (dim_indicator, dim_region, fct_target) are
what the feed models join. It is copied into DIR, never changed. Then, each step in a child process
of its own, so its CPU seconds and peak RSS are its own (`os.wait4`):

1. `rows` generated release rows (benchmarks/scale_data.py) are loaded by the feeds step into the copy;
2. `dbt build --select path:models/staging/feeds+` runs on it: every feed model, everything
   downstream of them (semantic/indicator_actuals_monthly included) and their tests.

Prints one JSON line per step (wall and CPU seconds, peak RSS, load average before and after) and
the slowest dbt nodes. On a shared machine compare CPU seconds; wall clock moves with the others' load.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FEEDS_SELECTION = "path:models/staging/feeds+"

_LOAD = """
import sys
from pathlib import Path
import duckdb
from flows.feeds import load_feeds
with duckdb.connect(sys.argv[1]) as con:
    con.execute("set enable_progress_bar = false")
    print(load_feeds(con, Path(sys.argv[2]), "bench-feed-models").describe())
"""


def _measured(args: list[str], env: dict[str, str] | None = None) -> dict:
    """Run a child process; its wall and CPU seconds, peak RSS and output."""
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return {"exit": child.returncode, "wall_s": round(time.perf_counter() - start, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024),
            "load_before": round(load_before, 1), "load_after": round(os.getloadavg()[0], 1),
            "output_tail": output.strip().splitlines()[-3:]}


def slowest_nodes(target: Path, n: int = 12) -> list[tuple[str, float]]:
    results = json.loads((target / "run_results.json").read_text())["results"]
    timed = sorted(((r["unique_id"].split(".", 2)[-1], r["execution_time"]) for r in results), key=lambda x: -x[1])
    return [(name, round(seconds, 1)) for name, seconds in timed[:n]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build_db", type=Path)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "bench_feed_models")
    parser.add_argument("--threads", type=int, default=4, help="dbt threads (the pipeline's default is 4)")
    args = parser.parse_args()
    args.work = args.work.resolve()  # dbt reads relative paths from its project folder
    sys.path.insert(0, str(ROOT))
    from benchmarks.scale_data import generate_feed_rows, region_names

    feeds = args.work / "feeds"
    folder = feeds / "indicator_releases"
    if not any(folder.glob("*.csv")):
        generate_feed_rows(args.rows, region_names(ROOT / "dbt" / "seeds" / "regions.csv"), folder)
    database = args.work / "planwatch.duckdb"
    shutil.copyfile(args.build_db, database)
    load = _measured([sys.executable, "-c", _LOAD, str(database), str(feeds)])
    print(json.dumps({"step": "feeds", "rows": args.rows, **load}, ensure_ascii=False), flush=True)
    target = args.work / "dbt_target"
    env = {**os.environ, "PLANWATCH_DUCKDB_PATH": str(database), "PLANWATCH_DBT_THREADS": str(args.threads),
           "DO_NOT_TRACK": "1", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    dbt = _measured([sys.executable, "-m", "dbt.cli.main", "build", "--project-dir", "dbt", "--profiles-dir", "dbt",
                     "--quiet", "--no-use-colors", "--target-path", str(target), "--log-path", str(target / "logs"),
                     "--select", FEEDS_SELECTION], env)
    print(json.dumps({"step": "dbt", "select": FEEDS_SELECTION, "threads": args.threads, **dbt,
                      "slowest_nodes": slowest_nodes(target)}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
