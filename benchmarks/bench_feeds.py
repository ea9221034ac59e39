"""The `feeds` step against DuckDB's own CSV reader, on one generated release CSV (issue 11's bar).

usage: python benchmarks/bench_feeds.py [--rows 1000000] [--keep DIR]

A release CSV of `rows` rows (every division of the extractor's gazetteer × indicators × months,
the shape a statistics bureau publishes) is written once; then, one after the other on the same
file: DuckDB `create table … as select * from read_csv(…)`, and the feeds step (`load_feeds`: hash,
read, contract checks, period and unit lookups, duplicate and dimension checks, quarantine) into a
fresh database. `bench_feeds(path)` returns both timings and their ratio; `outcome`'s `make bench`
harness may call it on its own files.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

# (indicator, unit, typical cumulative value at December): what a monthly release lists per division.
INDICATORS = (
    ("地区生产总值", "亿元", 900.0), ("规模以上工业增加值", "亿元", 300.0), ("固定资产投资", "亿元", 400.0),
    ("社会消费品零售总额", "亿元", 350.0), ("一般公共预算收入", "亿元", 60.0), ("一般公共预算支出", "亿元", 120.0),
    ("城镇新增就业人数", "人", 20000.0), ("城镇登记失业率", "%", 2.5), ("居民消费价格指数", "%", 101.0),
    ("港口货物吞吐量", "万吨", 500.0), ("粮食总产量", "亿斤", 8.0), ("全社会用电量", "亿千瓦时", 150.0),
    ("进出口总额", "亿元", 200.0), ("实际使用外资", "万美元", 8000.0), ("接待游客人次", "万人次", 3000.0),
    ("旅游总收入", "亿元", 300.0), ("城乡居民收入倍差", "", 1.9), ("民生支出占比", "%", 77.0),
    ("科技创新券兑换额", "万元", 700.0), ("新增跨境电商主体", "家", 80.0), ("新建5G基站", "个", 900.0),
    ("规上工业企业营业收入", "亿元", 1200.0), ("商品房销售面积", "万平方米", 300.0), ("货物运输量", "万吨", 6000.0),
    ("发电量", "亿千瓦时", 90.0), ("新增市场主体", "户", 30000.0),
)
HEADER = ("地区", "指标名称", "时期", "数值", "单位", "是否累计", "同比增长(%)")


def _divisions() -> list[str]:
    from flows.extract.regions import gazetteer

    return sorted({region.name for region in gazetteer().by_code.values() if region.level != "country"})


def generate_release_csv(path: Path, rows: int = 1_000_000, seed: int = 20250101) -> Path:
    """A UTF-8 release CSV of exactly `rows` data rows: divisions × indicators × months of 2025."""
    rng = random.Random(seed)
    divisions = _divisions()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        handle.write("# SYNTHETIC SAMPLE DATA 合成样例数据 — generated for the feeds benchmark\n")
        writer.writerow(HEADER)
        written = 0
        while written < rows:
            for division in divisions:
                for indicator, unit, december in INDICATORS:
                    scale = rng.uniform(0.3, 3.0)
                    for month in range(1, 13):
                        level = unit == "%" or unit == ""
                        value = december * (1 if level else scale * month / 12) * rng.uniform(0.95, 1.05)
                        growth = "" if level else f"{rng.uniform(-8, 15):.1f}"
                        writer.writerow((division, indicator, f"2025-{month:02d}", f"{value:.2f}", unit,
                                         "否" if level else "是", growth))
                        written += 1
                        if written == rows:
                            return path
    return path


def time_duckdb_read_csv(path: Path, database: Path) -> float:
    """Seconds for DuckDB's own reader to load the file into a table (sniffing and typing included)."""
    with duckdb.connect(str(database)) as con:
        con.execute("set enable_progress_bar = false")
        start = time.perf_counter()
        con.execute("create table release as select * from read_csv(?, skip = 1)", [str(path)])
        return time.perf_counter() - start


def time_feeds_step(path: Path, database: Path, feeds_dir: Path) -> tuple[float, dict]:
    """Seconds for `load_feeds` on a feeds folder holding only this file, into a fresh database."""
    from flows.feeds import load_feeds

    with duckdb.connect() as warm_up:  # imports (the extractor's tables, pyarrow) happen once per process
        load_feeds(warm_up, feeds_dir, "warm-up")
    folder = feeds_dir / "indicator_releases"
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / path.name
    if not copy.exists():
        # A hard link (or a copy), not a symlink: landing confinement rightly refuses a link leading out
        # of landing, which left this step timing an empty folder (rows_in 0, "0.04x").
        try:
            os.link(path, copy)
        except OSError:
            shutil.copyfile(path, copy)
    with duckdb.connect(str(database)) as con:
        con.execute("set enable_progress_bar = false")
        start = time.perf_counter()
        summary = load_feeds(con, feeds_dir, "bench")
        seconds = time.perf_counter() - start
    if not summary.rows_in:
        raise RuntimeError(f"the feeds step read no row of {path}: nothing was measured")
    return seconds, {"rows_in": summary.rows_in, "rows_loaded": summary.rows_loaded,
                     "rows_quarantined": summary.rows_quarantined}


def bench_feeds(path: Path, work_dir: Path | None = None) -> dict:
    """Time DuckDB `read_csv` into a table, then the feeds step, on the same release CSV."""
    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        tmp_path = Path(tmp)
        read_csv_s = time_duckdb_read_csv(path, tmp_path / "read_csv.duckdb")
        feeds_s, rows = time_feeds_step(path, tmp_path / "feeds.duckdb", tmp_path / "feeds")
    return {
        "file": str(path), "mb": round(path.stat().st_size / 1e6, 1), **rows,
        "duckdb_read_csv_s": round(read_csv_s, 3), "feeds_s": round(feeds_s, 3),
        "ratio": round(feeds_s / read_csv_s, 2),
        "feeds_rows_per_s": round(rows["rows_in"] / feeds_s) if feeds_s else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="pairs of measurements; each pair is printed")
    parser.add_argument("--keep", type=Path, help="write the CSV here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        path = folder / f"releases_2025_{args.rows}_rows.csv"
        if not path.exists():
            generate_release_csv(path, args.rows)
        for _ in range(args.repeat):
            print(json.dumps(bench_feeds(path), ensure_ascii=False))


if __name__ == "__main__":
    main()
