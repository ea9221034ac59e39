"""dbt's own cost on a built warehouse: a full build, then an incremental build after one document changes.

usage: python benchmarks/bench_dbt.py --database out/medium/pristine.duckdb --work out/bench_dbt [--full-only]
       python benchmarks/bench_dbt.py --database out/medium/pristine.duckdb --scale-reports 10 --write out/x10.duckdb

The database (for instance the medium bench's build database) is copied to `work`, never changed in
place. Then, one after the other on the copy:
  1. `full`: `dbt build --full-refresh`, as the first run and `planwatch run --rebuild` do;
  2. `incremental, nothing changed`: the same build again, incremental;
  3. `incremental, one document replaced`: one document's raw rows rewritten as a reload does (new
     `loaded_at`, one target's value changed), then the build the pipeline runs.
Each step prints wall seconds, the CPU seconds of dbt's process, the load average when it started, and
dbt's per-node times from run_results.json (summed per resource type, the slowest nodes listed).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from flows.settings import Settings
from flows.transform.dbt_build import dbt_build


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(settings: Settings, label: str, full_refresh: bool) -> dict:
    load = os.getloadavg()[0]
    cpu, wall = _children_cpu(), time.perf_counter()
    result = dbt_build(settings, full_refresh=full_refresh)
    wall, cpu = time.perf_counter() - wall, _children_cpu() - cpu
    run = json.loads((settings.dbt_target_dir / "run_results.json").read_text(encoding="utf-8"))
    by_type: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for node in run["results"]:
        kind = node["unique_id"].split(".")[0]
        by_type[kind] += node["execution_time"]
        counts[kind] += 1
    side_of = _sides(settings.dbt_target_dir / "manifest.json")
    by_side: dict[str, float] = defaultdict(float)
    for node in run["results"]:
        by_side[f"{side_of.get(node['unique_id'], 'other')} {node['unique_id'].split('.')[0]}"] += node["execution_time"]
    slowest = sorted(run["results"], key=lambda n: -n["execution_time"])[:15]
    print(f"\n## {label}: success={result.success} nodes={result.n_nodes} wall {wall:.1f}s, dbt CPU {cpu:.1f}s, "
          f"dbt elapsed {run['elapsed_time']:.1f}s, load average {load:.1f}")
    for failure in result.failures[:5]:
        print("  FAILED", failure)
    print("  summed node seconds: " + ", ".join(f"{k} {by_type[k]:.1f}s ({counts[k]})" for k in sorted(by_type)))
    print("  by side: " + ", ".join(f"{k} {v:.1f}s" for k, v in sorted(by_side.items())))
    for node in slowest:
        print(f"  {node['execution_time']:6.2f}s  {node['unique_id'].rsplit('.', 1)[0] if node['unique_id'].startswith('test.') else node['unique_id']}")
    return {"label": label, "success": result.success, "nodes": result.n_nodes, "wall_s": round(wall, 1),
            "cpu_s": round(cpu, 1), "dbt_elapsed_s": round(run["elapsed_time"], 1), "load_average": round(load, 1),
            "summed_node_s": {k: round(v, 1) for k, v in by_type.items()},
            "summed_node_s_by_side": {k: round(v, 1) for k, v in sorted(by_side.items())}}


def _sides(manifest_path: Path) -> dict[str, str]:
    """Node id -> `feeds` (models under a feeds folder, indicator_actuals_monthly, and their tests) or `reports`."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    nodes = {**manifest["nodes"], **manifest.get("unit_tests", {})}

    def feeds_path(node: dict) -> bool:
        path = node.get("original_file_path", "")
        return "/feeds/" in path or "indicator_actuals_monthly" in path

    sides = {}
    for uid, node in nodes.items():
        if uid.startswith(("test.", "unit_test.")):
            parents = [nodes[p] for p in node.get("depends_on", {}).get("nodes", []) if p in nodes]
            sides[uid] = "feeds" if any(feeds_path(p) for p in parents) else "reports"
        else:
            sides[uid] = "feeds" if feeds_path(node) else "reports"
    return sides


def replace_one_document(database: Path) -> str:
    """Rewrite one document's raw rows as a reload does: a new loaded_at and one target's value changed."""
    with duckdb.connect(str(database)) as con:
        doc_id, record_id = con.execute(
            "select doc_id, min(record_id) from raw.records where type = 'target' and value is not null "
            "group by doc_id order by doc_id limit 1").fetchone()
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        con.execute("update raw.documents set loaded_at = ? where doc_id = ?", [now, doc_id])
        con.execute("update raw.records set value = value + 1, value_base = value_base + 1 where record_id = ?",
                    [record_id])
    return doc_id


def scale_reports(source: Path, target: Path, copies: int) -> None:
    """`target`: `source` with its reports `copies` times (new ids; each copy's years 8 years earlier per copy,
    so a copy's targets pair only with its own achievements and fct_target_outcome grows linearly)."""
    shutil.copy(source, target)
    with duckdb.connect(str(target)) as con:
        for table in ("documents", "records", "unextracted_spans", "sections"):
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema = 'raw' and table_name = ? "
                "order by ordinal_position", [table]).fetchall()]
            shifted = {"doc_id": "doc_id || '__x' || k", "record_id": "record_id || '__x' || k",
                       "source_path": "replace(source_path, '.txt', '__x' || k || '.txt')",
                       "content_hash": "md5(content_hash || k)", "year": "year - 8 * k", "plan_year": "plan_year - 8 * k"}
            select = ", ".join(f"{shifted.get(c, c)} as {c}" for c in columns)
            con.execute(f"insert into raw.{table} select {select} from raw.{table}, range(1, ?) as copies(k)", [copies])
        con.execute("checkpoint")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, required=True, help="a built planwatch.duckdb (copied, never changed)")
    parser.add_argument("--work", type=Path, default=Path("out/bench_dbt"))
    parser.add_argument("--full-only", action="store_true", help="only the full build")
    parser.add_argument("--scale-reports", type=int, default=0, help="only write --database's reports N times to --write")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    if args.scale_reports:
        scale_reports(args.database, args.write, args.scale_reports)
        return
    warehouse = args.work / "warehouse"
    shutil.rmtree(args.work, ignore_errors=True)
    warehouse.mkdir(parents=True)
    shutil.copy(args.database, warehouse / "planwatch.duckdb")
    settings = Settings(warehouse_dir=warehouse.resolve())
    steps = [timed_build(settings, "full", full_refresh=True)]
    if not args.full_only:
        steps.append(timed_build(settings, "incremental, nothing changed", full_refresh=False))
        doc_id = replace_one_document(settings.database_path)
        steps.append(timed_build(settings, f"incremental, one document replaced ({doc_id})", full_refresh=False))
    print(json.dumps(steps, ensure_ascii=False))


if __name__ == "__main__":
    main()
