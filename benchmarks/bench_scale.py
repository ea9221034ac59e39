"""`make bench [LEVEL=small|medium|large]`: the whole pipeline at scale, and the limits beside it.

    python benchmarks/bench_scale.py --level medium [--reports N] [--rows M] [--no-rerun]

levels   small: the bundled example (warehouse/landing) plus the extraction-throughput benchmark
                on the shared corpus (benchmarks/bench_extract.py)
         medium: 1,000 reports from the shared corpus + 1M feed rows
         large: 10,000 reports + 10M feed rows
Generated inputs go to warehouse/bench/<level>/ (git-ignored); the warehouse there is emptied first,
so the run is a first run; a second run with nothing new follows (the rerun) unless --no-rerun.

Measured in the same run, one after the other:
  * `planwatch run` as a subprocess: wall seconds, peak RSS of its whole process tree (polled from
    /proc every 0.2 s; shared pages count once per process), the per-step seconds of the run
    summary's `timings:` line (null when the run does not print one: never estimated), rows/s and
    MB/s over the step that does the work where timed, else over the whole run;
  * limits: DuckDB `read_csv` of the same feed files into a table, one regex pass over the same
    report text, the start of a Prefect temporary server; extraction of 240 reports on 1 and on 2
    processes (benchmarks/bench_pool.py); the feeds benchmark
    (benchmarks/bench_feeds.py, when present) on the first generated feed file.
Writes tests/bench/results/<UTC date>-<level>.json and .md.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from any folder

from benchmarks.proc_tree import PeakRss  # noqa: E402
from benchmarks.scale_data import generate_feed_rows, generate_reports, region_names  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "reports"
BUNDLED_LANDING = PROJECT_ROOT / "warehouse" / "landing"
RESULTS = PROJECT_ROOT / "tests" / "bench" / "results"
LEVELS = {"small": (None, None), "medium": (1_000, 1_000_000), "large": (10_000, 10_000_000)}
STEPS = ("extract", "load", "feeds", "dbt", "validate", "publish", "total")
TIMINGS_LINE = re.compile(r"^\s*timings:\s*(.+)$", re.MULTILINE)
STEP_SECONDS = re.compile(r"(\w+)\s+([0-9]+(?:\.[0-9]+)?)s")
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
FEED_ROWS_IN = re.compile(r"rows in (\d+)")
REPORTS_QUARANTINED = re.compile(r"reports\s+\d+ in landing \([^)]*?\b(\d+) quarantined")  # "(990 new, 10 quarantined)"
SUMMARY_LINE_CHARS = 400  # a quarantine line can list every file; the table needs its start only
POOL_REPORTS = 240  # reports staged on 1 and on 2 processes for the speed-up (benchmarks/bench_pool.py); at 120 the
# workers' start-up was a large share and the figure moved between 1.25x and 1.74x from run to run
FIGURE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")  # the regex pass: every number in the text


def parse_timings(stdout: str) -> dict[str, float] | None:
    """The `timings: extract 12.3s, …, total 33.0s` line of a run summary, or None when absent."""
    match = TIMINGS_LINE.search(stdout)
    if not match:
        return None
    return {name: float(seconds) for name, seconds in STEP_SECONDS.findall(match.group(1))}


def stage_inputs(level: str, root: Path, n_reports: int | None, n_rows: int | None) -> dict:
    landing = root / "landing"
    if landing.exists():
        shutil.rmtree(landing)
    t0 = time.perf_counter()
    if n_reports is None:  # small: the bundled example as it is
        shutil.copytree(BUNDLED_LANDING, landing)
        reports = sorted(p for p in (landing / "reports").iterdir() if p.suffix in REPORT_SUFFIXES)
        feed_files = sorted((landing / "feeds").rglob("*.csv"))
        feed_rows = None  # not generated: the run summary's "rows in N" counts them
        return {"landing": landing, "reports": reports, "report_bytes": sum(p.stat().st_size for p in reports),
                "feed_files": feed_files, "feed_rows": feed_rows, "generate_s": round(time.perf_counter() - t0, 1)}
    reports = generate_reports(CORPUS, n_reports, landing / "reports")
    feeds = generate_feed_rows(n_rows, region_names(PROJECT_ROOT / "dbt" / "seeds" / "regions.csv"),
                               landing / "feeds" / "indicator_releases")
    return {"landing": landing, "reports": reports.files, "report_bytes": reports.bytes,
            "feed_files": feeds.files, "feed_rows": feeds.items, "generate_s": round(time.perf_counter() - t0, 1)}


def run_pipeline(landing: Path, warehouse: Path, expectations: Path, max_rss_gb: float, max_minutes: float) -> dict:
    """`planwatch run` in its own process group, stopped (the group, nothing else) past the memory or time cap."""
    env = {**os.environ, "PLANWATCH_EXPECTATIONS_DIR": str(expectations)}
    # Prefect's temporary server gets 20 s to start by default; a loaded shared machine can need more.
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    command = [str(Path(sys.executable).parent / "planwatch"), "run", "--landing", str(landing),
               "--warehouse", str(warehouse)]
    stopped: list[str] = []
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, text=True, start_new_session=True)

        def stop(reason: str) -> None:
            stopped.append(reason)
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        monitor = PeakRss(process.pid, limit_bytes=int(max_rss_gb * 1e9),
                          on_limit=lambda: stop(f"peak RSS over {max_rss_gb} GB")).start()
        try:
            code = process.wait(timeout=max_minutes * 60)
        except subprocess.TimeoutExpired:
            stop(f"over {max_minutes} minutes")
            code = process.wait()
        wall = time.perf_counter() - start
        peak = monitor.stop()
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    timings = parse_timings(stdout)
    return {
        "command": shlex.join(command), "exit_code": code, "stopped": stopped[0] if stopped else None,
        "wall_s": round(wall, 1), "peak_rss_mb": round(peak / 1e6), "rss_polls": monitor.polls,
        # which process held what when the tree peaked, each process's own peak, and the tree every 5 s
        "peak_at_s": monitor.peak_at_s, "peak_processes": monitor.peak_processes,
        "process_peaks_mb": dict(sorted(monitor.process_peaks.items(), key=lambda item: -item[1])[:12]),
        "rss_timeline_mb": monitor.timeline,
        "timings": {step: (timings or {}).get(step) for step in STEPS},
        "timings_line_printed": timings is not None,
        "summary": stdout.strip().splitlines()[-14:],
        "stderr_tail": [line for line in stderr.strip().splitlines() if not line.startswith(("  File", "    "))][-6:],
    }


def limit_read_csv(files: list[Path], work: Path) -> dict:
    """DuckDB's own CSV reader on the same feed files into a table of a file database."""
    database = work / "read_csv_limit.duckdb"
    database.unlink(missing_ok=True)
    readable, skipped, rows, seconds = [], {}, 0, 0.0
    with duckdb.connect(str(database)) as con:
        for i, path in enumerate(files):
            skip = 1 if path.read_bytes()[:1] == b"#" else 0
            start = time.perf_counter()
            try:
                con.execute(f"create table release_{i} as select * from read_csv(?, skip = {skip}, header = true)", [str(path)])
            except duckdb.Error as exc:  # e.g. a GB18030 sample file: DuckDB reads UTF-8 and UTF-16 natively
                skipped[path.name] = str(exc).splitlines()[0][:160]
                continue
            seconds += time.perf_counter() - start
            rows += con.execute(f"select count(*) from release_{i}").fetchone()[0]
            readable.append(path)
    database.unlink(missing_ok=True)
    mb = sum(p.stat().st_size for p in readable) / 1e6
    return {"files": len(readable), "rows": rows, "mb": round(mb, 1), "seconds": round(seconds, 3),
            "rows_per_s": round(rows / seconds) if seconds else None, "skipped": skipped}


def limit_regex(reports: list[Path]) -> dict:
    """One pass of one compiled regex (every number) over the same report text; decoding excluded."""
    seconds, size, matches = 0.0, 0, 0
    for path in reports:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        start = time.perf_counter()
        matches += sum(1 for _ in FIGURE.finditer(text))
        seconds += time.perf_counter() - start
        size += len(data)
    return {"mb": significant(size / 1e6, 4), "seconds": round(seconds, 4), "matches": matches,
            "mb_per_s": significant(size / 1e6 / seconds) if seconds else None}


def limit_prefect_server() -> dict:
    """Seconds to import Prefect's server and start (until healthy) a temporary one, in a fresh process."""
    code = (
        "import json, time\n"
        "t0 = time.perf_counter()\n"
        "from prefect.server.api.server import SubprocessASGIServer\n"
        "t1 = time.perf_counter()\n"
        "server = SubprocessASGIServer()\n"
        "server.start(timeout=180)\n"
        "t2 = time.perf_counter()\n"
        "server.stop()\n"
        "print(json.dumps({'import_s': round(t1 - t0, 2), 'start_s': round(t2 - t1, 2)}))\n"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    try:
        result = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        result = {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    return {**result, "process_wall_s": round(wall, 2)}


def optional_bench_feeds(path: Path, work: Path) -> dict | None:
    """benchmarks/bench_feeds.py's bench_feeds(path), when the feeds work has landed it."""
    module_path = PROJECT_ROOT / "benchmarks" / "bench_feeds.py"
    if not module_path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_feeds", module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.bench_feeds(path, work)


def significant(x: float, digits: int = 3) -> float:
    return float(f"{x:.{digits}g}")


def rates(result: dict, report_mb: float, feed_rows: int | None) -> dict:
    if feed_rows is None:  # bundled feeds: take the count the run itself reports
        counted = FEED_ROWS_IN.search("\n".join(result["summary"]))
        feed_rows = int(counted.group(1)) if counted else None
    timings = result["timings"]
    extract_s, feeds_s = timings.get("extract"), timings.get("feeds")
    quarantined = reports_quarantined(result["summary"])
    if result.get("stopped"):  # the run did not finish: no rate over the whole of it
        return {"feed_rows": feed_rows, "reports_quarantined": quarantined, "report_mb_per_s_end_to_end": None,
                "feed_rows_per_s_end_to_end": None, "report_mb_per_s_extract_step": None,
                "feed_rows_per_s_feeds_step": None}
    if quarantined:  # reports set aside unread are no throughput: no report rate at all
        report_mb = None
    return {
        "feed_rows": feed_rows,
        "reports_quarantined": quarantined,
        "report_mb_per_s_end_to_end": significant(report_mb / result["wall_s"]) if report_mb else None,
        "feed_rows_per_s_end_to_end": significant(feed_rows / result["wall_s"]) if feed_rows else None,
        "report_mb_per_s_extract_step": significant(report_mb / extract_s) if report_mb and extract_s else None,
        "feed_rows_per_s_feeds_step": significant(feed_rows / feeds_s) if feed_rows and feeds_s else None,
    }


def reports_quarantined(summary: list[str] | None) -> int | None:
    """How many landed reports the run set aside instead of reading (None when its summary does not say)."""
    match = REPORTS_QUARANTINED.search("\n".join(summary or []))
    return int(match.group(1)) if match else 0 if "in landing" in "\n".join(summary or []) else None


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text()
    total_kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))
    commit = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    return {"cpus": os.cpu_count(), "mem_gb": round(total_kb / 1e6, 1), "python": platform.python_version(),
            "duckdb": duckdb.__version__, "commit": commit, "loadavg_start": os.getloadavg()[0]}


def cell(value) -> str:
    return "missing" if value is None else str(value)


def markdown(report: dict) -> str:
    first, rerun = report["first_run"], report.get("rerun")
    lines = [
        f"# `make bench LEVEL={report['level']}` — {report['date']}",
        "",
        f"Command: `{report['command']}` (commit {report['machine']['commit']}, {report['machine']['cpus']} cores, "
        f"{report['machine']['mem_gb']} GB, load average {report['machine']['loadavg_start']:.1f} at start "
        f"and {report['machine']['loadavg_end']:.1f} at the end: a shared machine, figures ±20 % or worse).",
        "",
        f"Inputs: {report['inputs']['reports']} reports ({report['inputs']['report_mb']} MB), "
        f"{report['rates']['feed_rows']} feed rows ({'generated' if report['inputs']['feed_rows'] else 'bundled'}) "
        f"in {report['inputs']['feed_files']} CSV file(s); "
        f"generated in {report['inputs']['generate_s']} s.",
        "",
        "| run | exit | wall s | peak RSS MB (process tree) | " + " | ".join(f"{s} s" for s in STEPS) + " |",
        "|---|---|---|---|" + "---|" * len(STEPS),
    ]
    for name, result in (("first", first), ("rerun", rerun)):
        if result:
            exit_text = f"stopped: {result['stopped']}" if result.get("stopped") else result["exit_code"]
            lines.append(f"| {name} | {exit_text} | {result['wall_s']} | {result['peak_rss_mb']} | "
                         + " | ".join(cell(result["timings"][s]) for s in STEPS) + " |")
    for name, result in (("first", first), ("rerun", rerun)):
        if result and result.get("peak_processes"):
            lines += ["", f"Peak of the {name} run at {result['peak_at_s']} s: "
                      + ", ".join(f"`{label}` {mb} MB" for label, mb in result["peak_processes"][:6]) + "."]
    if first.get("stopped"):
        lines += ["", f"Per-step seconds are `missing`: the run was stopped ({first['stopped']}) before it printed "
                      "its summary; the log lines below show how far it got."]
    elif not first["timings_line_printed"]:
        lines += ["", "Per-step seconds are `missing`: this build's run summary prints no `timings:` line yet; "
                      "only the wall time around the subprocess is measured."]
    r = report["rates"]
    if r.get("reports_quarantined"):
        lines += ["", f"**{r['reports_quarantined']} of {report['inputs']['reports']} reports were quarantined, not "
                      "extracted** (see the run summary): no report rate is given."]
    lines += ["", "| rate | value |", "|---|---|",
              f"| report MB/s, end to end | {cell(r['report_mb_per_s_end_to_end'])} |",
              f"| feed rows/s, end to end | {cell(r['feed_rows_per_s_end_to_end'])} |",
              f"| report MB/s, extract step | {cell(r['report_mb_per_s_extract_step'])} |",
              f"| feed rows/s, feeds step | {cell(r['feed_rows_per_s_feeds_step'])} |"]
    lim = report["limits"]
    lines += ["", "| limit (same inputs, same run) | value |", "|---|---|",
              f"| DuckDB `read_csv` into a table | {lim['duckdb_read_csv']['rows']} rows in {lim['duckdb_read_csv']['seconds']} s "
              f"= {cell(lim['duckdb_read_csv']['rows_per_s'])} rows/s"
              + (f" (skipped: {', '.join(lim['duckdb_read_csv']['skipped'])})" if lim['duckdb_read_csv']['skipped'] else "") + " |",
              f"| one regex pass over the report text | {lim['regex_pass']['mb']} MB in {lim['regex_pass']['seconds']} s "
              f"= {cell(lim['regex_pass']['mb_per_s'])} MB/s |",
              f"| Prefect temporary server start | import {cell(lim['prefect_server'].get('import_s'))} s + start "
              f"{cell(lim['prefect_server'].get('start_s'))} s |"]
    if report.get("extraction"):
        e = report["extraction"]
        lines.append(f"| extraction throughput (bench_extract, {e['reports']} corpus reports, {e['passes']} passes, CPU) | "
                     f"extract {e['extract_mb_per_s']} MB/s, ingest+extract {e['ingest_extract_mb_per_s_per_core']} MB/s per core |")
    if report.get("pool"):
        p = report["pool"]
        lines.append(f"| extraction on 1 vs 2 processes (bench_pool, {p['reports']} reports, {p['mb']} MB, wall) | "
                     + ", ".join(f"{w}: {s} s" for w, s in p["wall_s"].items())
                     + f"; speed-up {max(p['speedup'].values())}x |")
    if report.get("feeds_bench"):
        f = report["feeds_bench"]
        lines.append(f"| bench_feeds on {Path(f['file']).name} | feeds {f['feeds_s']} s vs read_csv "
                     f"{f['duckdb_read_csv_s']} s = {f['ratio']}x |")
    lines += ["", "Run summary (first run):", "", "```", *(line if len(line) <= SUMMARY_LINE_CHARS else line[:SUMMARY_LINE_CHARS] + " …"
                      for line in first["summary"] or ["(none: the run did not finish)"]), "```"]
    if first["exit_code"] != 0:
        lines += ["", "stderr (tail):", "", "```", *first["stderr_tail"], "```"]
    return "\n".join(lines) + "\n"


def write_results(report: dict, results: Path) -> Path:
    results.mkdir(parents=True, exist_ok=True)
    stem = results / f"{report['date']}-{report['level']}"
    stem.with_suffix(".json").write_text(
        repo_relative(json.dumps(report, ensure_ascii=False, indent=2) + "\n"), encoding="utf-8")
    stem.with_suffix(".md").write_text(repo_relative(markdown(report)), encoding="utf-8")
    return stem


def repo_relative(text: str) -> str:
    """Results are committed: the commands and paths they quote are relative to the repository, not
    this machine's checkout."""
    return text.replace(f"{PROJECT_ROOT}/", "")


def render(path: Path) -> int:
    """Recompute the derived rates and the markdown of a results JSON from its measurements."""
    report = json.loads(path.read_text(encoding="utf-8"))
    report["rates"] = rates(report["first_run"], report["inputs"]["report_mb"], report["inputs"]["feed_rows"])
    stem = write_results(report, path.parent)
    print(f"rewrote {stem}.json and {stem}.md from the measurements in {path}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--level", choices=LEVELS, default="small")
    parser.add_argument("--reports", type=int, help="override the level's report count")
    parser.add_argument("--rows", type=int, help="override the level's feed row count")
    parser.add_argument("--no-rerun", action="store_true", help="skip the second run with nothing new")
    parser.add_argument("--render", type=Path, metavar="JSON",
                        help="only rewrite the rates and the table of an earlier results JSON (no run)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--max-rss-gb", type=float, default=10.0,
                        help="stop a run whose process tree passes this (the machine is shared); recorded as stopped")
    parser.add_argument("--max-minutes", type=float, default=30.0, help="stop a run taking longer; recorded as stopped")
    args = parser.parse_args()
    if args.render:
        return render(args.render)
    n_reports, n_rows = LEVELS[args.level]
    if args.level != "small":
        n_reports, n_rows = args.reports or n_reports, args.rows or n_rows
    root = PROJECT_ROOT / "warehouse" / "bench" / args.level
    root.mkdir(parents=True, exist_ok=True)
    info = machine()
    print(f"bench {args.level}: staging inputs in {root}", flush=True)
    inputs = stage_inputs(args.level, root, n_reports, n_rows)
    warehouse, expectations = root / "warehouse", root / "expectations"
    shutil.rmtree(warehouse, ignore_errors=True)
    shutil.rmtree(expectations, ignore_errors=True)
    print(f"bench {args.level}: {len(inputs['reports'])} reports, {cell(inputs['feed_rows'])} feed rows; first run", flush=True)
    first = run_pipeline(inputs["landing"], warehouse, expectations, args.max_rss_gb, args.max_minutes)
    rerun = None
    if not args.no_rerun and not first["stopped"]:
        print(f"bench {args.level}: rerun with nothing new", flush=True)
        rerun = run_pipeline(inputs["landing"], warehouse, expectations, args.max_rss_gb, args.max_minutes)
    print(f"bench {args.level}: limits", flush=True)
    limits = {
        "duckdb_read_csv": limit_read_csv(inputs["feed_files"], root),
        "regex_pass": limit_regex(inputs["reports"]),
        "prefect_server": limit_prefect_server(),
    }
    extraction = None
    if args.level == "small":
        from benchmarks.bench_extract import measure_extraction
        extraction = measure_extraction(CORPUS, repeat=2)
    from benchmarks.bench_pool import measure_pool_speedup
    pool = measure_pool_speedup(POOL_REPORTS)
    feeds_bench = optional_bench_feeds(inputs["feed_files"][0], root) if n_rows else None
    report_mb = significant(inputs["report_bytes"] / 1e6, 4)
    now = datetime.now(timezone.utc)
    report = {
        "level": args.level, "date": now.strftime("%Y-%m-%d"), "finished_utc": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": shlex.join(["make", "bench", f"LEVEL={args.level}"]) if sys.argv[1:] == ["--level", args.level]
        else shlex.join(["python", "benchmarks/bench_scale.py", *sys.argv[1:]]),
        "machine": {**info, "loadavg_end": os.getloadavg()[0]},
        "inputs": {"reports": len(inputs["reports"]), "report_mb": report_mb, "feed_rows": inputs["feed_rows"],
                   "feed_files": len(inputs["feed_files"]), "generate_s": inputs["generate_s"]},
        "first_run": first, "rerun": rerun,
        "rates": rates(first, report_mb, inputs["feed_rows"]),
        "limits": limits, "extraction": extraction, "pool": pool, "feeds_bench": feeds_bench,
    }
    stem = write_results(report, args.results)
    print(markdown(report))
    print(f"wrote {stem}.json and {stem}.md")
    return 0 if first["exit_code"] == 0 else first["exit_code"]


if __name__ == "__main__":
    sys.exit(main())
