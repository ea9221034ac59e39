"""The publication gate on the same staged marts two ways: GX reading every table whole into pandas
(the gate before the SQL pushdown), and the gate as it runs now (every row judged by DuckDB SQL, GX on a
bounded sample). Each way runs in its own child process, one after the other, so its peak RSS is its own.

usage: python benchmarks/bench_gate.py STAGED_DIR [--sample-rows N] [--results DIR]

STAGED_DIR holds `<mart>.parquet` files, e.g. `warehouse/bench/medium/warehouse/tmp/candidate` after
`make bench LEVEL=medium`. Writes `<results>/<UTC date>-gate.json` and `.md` with the command.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "tests" / "bench" / "results"
MODES = ("gx_whole_tables", "sql_pushdown_and_gx_sample")


def _child(mode: str, staged: Path, sample_rows: int) -> dict:
    """One gate run in this process; returns seconds, peak RSS and the verdicts."""
    sys.path.insert(0, str(ROOT))
    from flows.quality import gate as gate_module
    from flows.quality.pushdown import TableVerdicts
    from flows.quality.suites import publication_suites
    from flows.settings import Settings

    if mode == "gx_whole_tables":
        gate_module._pushdown = lambda con, path, table, suite, exps, rows_expected: TableVerdicts([None] * len(exps), [])
        sample_rows = 10**12
    suites = publication_suites()
    # a table is staged as `<table>.parquet` or, partitioned, as the folder `<table>/`
    tables = sorted({p.stem if p.is_file() else p.name for p in staged.iterdir()} & set(suites))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(warehouse_dir=Path(tmp) / "w", expectations_dir=Path(tmp) / "gx",
                            validation_sample_rows=sample_rows)
        started = time.perf_counter()
        result = gate_module.run_gate(settings, gate="bench", staged_dir=staged, tables=tables, suites=suites)
        seconds = time.perf_counter() - started
    import duckdb

    from flows.quality.pushdown import parquet_source
    from flows.warehouse.publish import staged_path

    return {"mode": mode, "seconds": round(seconds, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "tables": {t: duckdb.execute(f"select count(*) from {parquet_source(staged_path(staged, t))}").fetchone()[0]
                       for t in tables},
            "expectations": result.n_expectations,
            "outcomes": {o: result.count(o) for o in ("passed", "failed", "warning", "broken")},
            "verdicts": [f"{r.table_name}.{r.expectation}({r.column_name}) {r.outcome} {r.unexpected_count}"
                         for r in result.results]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("staged", type=Path)
    parser.add_argument("--sample-rows", type=int, default=50_000)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    staged = args.staged.resolve()
    if args.child:
        print(json.dumps(_child(args.child, staged, args.sample_rows)))
        return
    runs = []
    for mode in MODES:
        out = subprocess.run([sys.executable, __file__, str(staged), "--sample-rows", str(args.sample_rows),
                              "--child", mode], capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"{mode}: {runs[-1]['seconds']} s, peak RSS {runs[-1]['peak_rss_mb']} MB, {runs[-1]['outcomes']}")
    whole, pushed = runs
    same = [a == b for a, b in zip(whole["verdicts"], pushed["verdicts"])]
    command = "python benchmarks/bench_gate.py " + " ".join(sys.argv[1:])
    report = {"command": command, "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "load_average": os.getloadavg(), "sample_rows": args.sample_rows, "runs": runs,
              "verdicts_identical": all(same) and len(whole["verdicts"]) == len(pushed["verdicts"]),
              "verdicts_differing": [f"{a}  vs  {b}" for a, b, s in zip(whole["verdicts"], pushed["verdicts"], same)
                                     if not s]}
    day = datetime.now(timezone.utc).date().isoformat()
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / f"{day}-gate.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    rows = "\n".join(f"| {r['mode']} | {r['seconds']} | {r['peak_rss_mb']} | {r['expectations']} | "
                     f"{r['outcomes']['passed']} / {r['outcomes']['failed']} / {r['outcomes']['warning']} / "
                     f"{r['outcomes']['broken']} |" for r in runs)
    tables = ", ".join(f"{t} {n}" for t, n in whole["tables"].items())
    (args.results / f"{day}-gate.md").write_text(
        f"# The publication gate, whole tables in GX vs SQL pushdown + GX sample — {day}\n\n"
        f"Command: `{command}` (load average {report['load_average'][0]:.1f} at the end, 2 cores, shared machine).\n\n"
        f"Tables (rows): {tables}.\n\n"
        "| gate | seconds | peak RSS MB (its process) | expectations | passed / failed / warning / broken |\n"
        "|---|---|---|---|---|\n" + rows + "\n\n"
        f"Same verdict (outcome and unexpected count) for every expectation: {report['verdicts_identical']}"
        + ("".join(f"\n- {d}" for d in report["verdicts_differing"]) if report["verdicts_differing"] else "") + "\n")
    print(f"wrote {args.results / f'{day}-gate.json'} and .md")


if __name__ == "__main__":
    main()
