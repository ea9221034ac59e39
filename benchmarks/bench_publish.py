"""Staging the candidate and publishing, on a copy of a built warehouse: first publish, then reruns.

usage: python benchmarks/bench_publish.py WAREHOUSE_DIR [--code DIR] [--label NAME] [--results DIR]

WAREHOUSE_DIR is a built warehouse (its `planwatch.duckdb` with the marts), e.g. the medium bench's
`warehouse/bench/medium/warehouse`. It is copied (without `published/`) into a scratch folder, then
each scenario runs in its own child process, one after the other, on that copy:
- `first`: nothing published yet: stage every mart as Parquet (`stage_candidate`), publish;
- `rerun_unchanged`: the same marts again (what a run with one new report costs in these two steps
  when the marts it touches are few: here none changed);
- `one_feed_year_changed`: one year of `fct_indicator_actual` changed (a revised release);
- `one_document_changed`: the targets of one document changed (a re-extracted report).
The changes are made by SQL on the copy's marts, as dbt would rebuild them. Each child reports wall
seconds, CPU seconds (every thread of the process, DuckDB's included) and its peak RSS.
`--code DIR` runs the same scenarios with another checkout's `flows` (e.g. `git archive main flows`)
to compare with the code before this change. Writes `<results>/<UTC date>-publish-<label>.json`.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "tests" / "bench" / "results"
SCENARIOS = {
    "first": None,
    "rerun_unchanged": None,
    "one_feed_year_changed": "update marts.fct_indicator_actual set value = value + 1 "
                             "where period_year = (select max(period_year) from marts.fct_indicator_actual)",
    "one_document_changed": "update marts.fct_target set source_text = source_text || ' ' "
                            "where document_key = (select min(document_key) from marts.fct_target)",
}


def _child(scenario: str, warehouse: Path, code: Path) -> dict:
    sys.path.insert(0, str(code))
    import duckdb

    from flows.settings import Settings
    from flows.warehouse import publish

    settings = Settings(warehouse_dir=warehouse, expectations_dir=warehouse.parent / "gx")
    change = SCENARIOS[scenario]
    with duckdb.connect(str(settings.database_path)) as con:
        if change:
            con.execute(change)
        tables = publish.mart_tables(con)
        wall, cpu = time.perf_counter(), time.process_time()
        staged = publish.stage_candidate(con, settings, tables)
        stage = (time.perf_counter() - wall, time.process_time() - cpu)
        wall, cpu = time.perf_counter(), time.process_time()
        snapshot = publish.publish_snapshot(con, settings, tables, f"bench-{scenario}")
        done = (time.perf_counter() - wall, time.process_time() - cpu)
    written = getattr(staged, "written", None)
    return {"scenario": scenario, "stage_wall_s": round(stage[0], 2), "stage_cpu_s": round(stage[1], 2),
            "publish_wall_s": round(done[0], 2), "publish_cpu_s": round(done[1], 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load_average": round(os.getloadavg()[0], 1),
            "partitions_written": None if written is None else sum(len(v) for v in written.values()),
            "tables_kept": getattr(snapshot, "kept", None), "views_reused": getattr(snapshot, "reused_views", None)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose flows/ to run (default: this one)")
    parser.add_argument("--label", default="now")
    parser.add_argument("--scratch", type=Path, default=ROOT / "out" / "bench_publish")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--child", choices=list(SCENARIOS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.warehouse.resolve(), args.code.resolve())))
        return
    scratch = args.scratch.resolve() / args.label / "warehouse"
    shutil.rmtree(scratch.parent, ignore_errors=True)
    scratch.mkdir(parents=True)
    shutil.copyfile(args.warehouse / "planwatch.duckdb", scratch / "planwatch.duckdb")
    runs = []
    for scenario in SCENARIOS:
        out = subprocess.run([sys.executable, __file__, str(scratch), "--code", str(args.code), "--child", scenario],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            sys.exit(f"{scenario} failed:\n{out.stderr[-3000:]}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"{scenario}: stage {r['stage_wall_s']} s ({r['stage_cpu_s']} CPU-s), publish {r['publish_wall_s']} s "
              f"({r['publish_cpu_s']} CPU-s), peak RSS {r['peak_rss_mb']} MB, load {r['load_average']}, "
              f"partitions written {r['partitions_written']}, tables kept {len(r['tables_kept'] or [])}")
    command = "python benchmarks/bench_publish.py " + " ".join(sys.argv[1:])
    report = {"command": command, "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "code": str(args.code), "runs": runs}
    day = datetime.now(timezone.utc).date().isoformat()
    args.results.mkdir(parents=True, exist_ok=True)
    target = args.results / f"{day}-publish-{args.label}.json"
    target.write_text(json.dumps(report, indent=1) + "\n")
    rows = "\n".join(f"| {r['scenario']} | {r['stage_wall_s']} / {r['stage_cpu_s']} | {r['publish_wall_s']} / "
                     f"{r['publish_cpu_s']} | {r['peak_rss_mb']} | {r['load_average']} | {r['partitions_written']} | "
                     f"{'-' if r['tables_kept'] is None else len(r['tables_kept'])} |" for r in runs)
    target.with_suffix(".md").write_text(
        f"# Stage + publish, {args.label} — {day}\n\nCommand: `{command}` (2 cores, shared machine; CPU seconds "
        "count every thread of the process).\n\n| scenario | stage s wall / CPU | publish s wall / CPU | peak RSS MB | "
        "load | partitions written | marts kept |\n|---|---|---|---|---|---|---|\n" + rows + "\n")
    print(f"wrote {target} and .md")


if __name__ == "__main__":
    main()
