"""The pieces of `make bench` that decide its figures: the timings parser, the scale generator,
the process-tree memory probe. (The harness itself is not a test: it runs minutes.)"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from benchmarks.bench_scale import STEPS, parse_timings, rates
from benchmarks.proc_tree import PeakRss, tree_pids
from benchmarks.scale_data import FEED_INDICATORS, generate_feed_rows, generate_reports, letter_code


def test_timings_line_of_the_run_summary_is_read_step_by_step():
    stdout = ("planwatch run 20261129T082916Z-7b5790: published\n  reports     1 in landing\n"
              "  timings: extract 12.3s, load 1.2s, feeds 3.4s, dbt 10.2s, validate 4.1s, publish 0.3s, total 33.0s\n")
    assert parse_timings(stdout) == {"extract": 12.3, "load": 1.2, "feeds": 3.4, "dbt": 10.2, "validate": 4.1,
                                     "publish": 0.3, "total": 33.0}
    assert set(parse_timings(stdout)) == set(STEPS)


def test_a_summary_without_a_timings_line_gives_none_not_zeros():
    assert parse_timings("planwatch run x: published\n  reports 1 in landing\n") is None


def test_reports_quarantined_instead_of_read_give_no_report_rate():
    """A medium run whose venv lacked a module set every report aside and still 'published' in 154 s."""
    run = {"wall_s": 172.3, "stopped": None, "timings": {"extract": 14.9, "feeds": 16.7},
           "summary": ["planwatch run x: published", "  reports     1000 in landing (1000 quarantined)",
                       "  documents   0", "  feeds: 1 files (1 loaded); rows in 1000000 = loaded 1000000"]}
    figures = rates(run, report_mb=56.23, feed_rows=1_000_000)
    assert figures["reports_quarantined"] == 1000
    assert figures["report_mb_per_s_end_to_end"] is None and figures["report_mb_per_s_extract_step"] is None
    assert figures["feed_rows_per_s_feeds_step"] == 59900.0
    run["summary"][1] = "  reports     1000 in landing (990 new, 10 quarantined)"
    assert rates(run, report_mb=56.23, feed_rows=1_000_000)["reports_quarantined"] == 10
    run["summary"][1] = "  reports     1000 in landing (1000 new)"
    assert rates(run, report_mb=56.23, feed_rows=1_000_000)["report_mb_per_s_extract_step"] == 3.77


def test_letter_codes_are_unique_and_hold_no_digit():
    codes = [letter_code(i) for i in range(30_000)]
    assert len(set(codes)) == len(codes)
    assert not any(ch.isdigit() for code in codes for ch in code)


def test_generated_reports_cycle_the_corpus_with_a_unique_line_each(corpus_dir, tmp_path):
    sources = sorted((corpus_dir / "reports").glob("*.txt"))
    generated = generate_reports(corpus_dir / "reports", len(sources) + 3, tmp_path)
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in generated.files}
    assert len(hashes) == generated.items == len(sources) + 3
    first, repeat = generated.files[0], generated.files[len(sources)]
    assert first.read_text(encoding="utf-8").startswith(sources[0].read_text(encoding="utf-8").rstrip("\n"))
    assert repeat.name.startswith(sources[0].stem)
    assert generated.bytes == sum(p.stat().st_size for p in generated.files)


def test_feed_rows_span_divisions_indicators_and_months_once_each(tmp_path):
    regions = ["甲市", "乙县", "丙区"]
    rows = len(regions) * len(FEED_INDICATORS) * 2 + 5  # two whole months and part of a third
    generated = generate_feed_rows(rows, regions, tmp_path, rows_per_file=40)
    assert len(generated.files) == -(-rows // 40)
    assert all(p.read_text(encoding="utf-8").startswith("# SYNTHETIC") for p in generated.files)
    files = [str(p) for p in generated.files]
    n, distinct, months, last = duckdb.connect().execute(
        "select count(*), count(distinct (地区, 指标名称, 时期)), count(distinct 时期), max(时期) "
        f"from read_csv({files}, skip = 1, header = true)").fetchone()
    assert (n, distinct, months, last) == (rows, rows, 3, "2025-12")


def test_peak_rss_counts_child_processes(tmp_path):
    # the parent sleeps while its child holds ~200 MB: only a tree-wide probe sees it
    code = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
            "'import time; b = bytearray(200_000_000); b[::4096] = b\"x\" * len(b[::4096]); time.sleep(1.5)'])")
    process = subprocess.Popen([sys.executable, "-c", code])
    probe = PeakRss(process.pid, interval=0.05).start()
    time.sleep(0.8)
    assert len(tree_pids(process.pid)) >= 2
    process.wait()
    assert probe.stop() > 200_000_000


def test_peak_rss_names_the_process_that_held_the_memory():
    code = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
            "'import time; b = bytearray(200_000_000); b[::4096] = b\"x\" * len(b[::4096]); time.sleep(1.5)'])")
    process = subprocess.Popen([sys.executable, "-c", code])
    probe = PeakRss(process.pid, interval=0.05).start()
    process.wait()
    probe.stop()
    (label, mb), *_ = probe.peak_processes
    assert "bytearray(200_000_000)" in label and 200 <= mb < 260
    assert 0 < probe.peak_at_s < 5 and max(mb for _, mb in probe.timeline) <= round(probe.peak_bytes / 1e6)
    assert max(probe.process_peaks.values()) == mb


def test_peak_rss_limit_calls_back_once():
    calls = []
    process = subprocess.Popen([sys.executable, "-c", "b = bytearray(100_000_000); b[::4096] = b'x' * len(b[::4096]); "
                                                      "import time; time.sleep(1)"])
    probe = PeakRss(process.pid, interval=0.05, limit_bytes=50_000_000, on_limit=lambda: calls.append(1)).start()
    process.wait()
    probe.stop()
    assert probe.over_limit and calls == [1]


def test_the_feeds_benchmark_times_a_step_that_read_every_row(tmp_path):
    """It once timed an empty folder: its symlink to the CSV was refused by landing confinement."""
    from benchmarks.bench_feeds import bench_feeds, generate_release_csv

    path = generate_release_csv(tmp_path / "release.csv", rows=300)
    figures = bench_feeds(path, tmp_path)
    assert figures["rows_in"] == 300 and figures["rows_loaded"] + figures["rows_quarantined"] == 300
    assert figures["feeds_s"] > 0 and figures["ratio"] > 0


def test_results_quote_paths_relative_to_the_repository() -> None:
    from benchmarks.bench_scale import PROJECT_ROOT, repo_relative

    command = f"{PROJECT_ROOT}/.venv/bin/planwatch run --landing {PROJECT_ROOT}/warehouse/bench/large/landing"
    assert repo_relative(command) == ".venv/bin/planwatch run --landing warehouse/bench/large/landing"
    assert repo_relative("/elsewhere/file.csv") == "/elsewhere/file.csv"
