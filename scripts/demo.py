"""`make demo`: the pipeline on every report of the shared corpus plus the sample feeds, in a
warehouse of its own (warehouse/demo/, git-ignored), then the traced outcomes of last year's targets.

    python scripts/demo.py [--corpus ../shared/corpus/reports] [--root warehouse/demo]

The landing folder is rebuilt from the corpus and the bundled feeds at each call; the warehouse is
kept, so a second call loads nothing new. Exit code: the pipeline's (0 published, 2 a gate held
publication back: the outcomes are then read from the build database and said to be unpublished).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "reports"
BUNDLED_FEEDS = PROJECT_ROOT / "warehouse" / "landing" / "feeds"
STATUSES = ("met", "missed", "not_reported")


def stage_landing(corpus: Path, landing: Path) -> int:
    """A fresh landing folder: every corpus report and the bundled sample feeds. Returns the report count."""
    reports = sorted(corpus.glob("*.txt"))
    if not reports:
        raise SystemExit(f"demo: no reports in {corpus}")
    if landing.exists():
        shutil.rmtree(landing)
    (landing / "reports").mkdir(parents=True)
    for report in reports:
        shutil.copy2(report, landing / "reports" / report.name)
    shutil.copytree(BUNDLED_FEEDS, landing / "feeds")
    return len(reports)


def run_pipeline(landing: Path, warehouse: Path, expectations: Path) -> int:
    env = {**os.environ, "PLANWATCH_EXPECTATIONS_DIR": str(expectations)}
    # Prefect's temporary server gets 20 s to start by default; on a shared 2-core machine it can take longer.
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    command = [str(Path(sys.executable).parent / "planwatch"), "run",
               "--landing", str(landing), "--warehouse", str(warehouse)]
    return subprocess.run(command, env=env, check=False).returncode


def _short(text: str, width: int = 36) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def outcome_summary(database: Path) -> str:
    """Counts per region and target year with a later report, and every target a later report settles."""
    with duckdb.connect(str(database), read_only=True) as con:
        traced = con.execute("""
            select coalesce(r.region_name, o.region_code) as region, o.target_year,
                   count(*) filter (where o.status = 'met'),
                   count(*) filter (where o.status = 'missed'),
                   count(*) filter (where o.status = 'not_reported')
            from marts.fct_target_outcome o
            left join marts.dim_region r using (region_code)
            where o.target_year in (select target_year from marts.fct_target_outcome where achievement_key is not null)
              and o.region_code in (select region_code from marts.fct_target_outcome where achievement_key is not null)
            group by all order by region, o.target_year""").fetchall()
        totals = dict(con.execute("select status, count(*) from marts.fct_target_outcome group by status").fetchall())
        settled = con.execute("""
            select coalesce(r.region_name, o.region_code), o.target_year, o.status,
                   t.source_text, o.reported_source_text, o.achievement_document_key
            from marts.fct_target_outcome o
            join marts.fct_target t using (target_key)
            left join marts.dim_region r on o.region_code = r.region_code
            where o.achievement_key is not null
            order by 1, 2, o.status, t.document_key, t.char_start""").fetchall()
    lines = [f"traced outcomes ({database})",
             "  all targets: " + ", ".join(f"{s} {totals.get(s, 0)}" for s in STATUSES)]
    if not traced:
        lines.append("  no target has a result in a later report (land the report of the year after)")
    for region, year, met, missed, not_reported in traced:
        lines.append(f"  {region} {year} targets: met {met}, missed {missed}, not_reported {not_reported}")
    for region, year, status, target_text, reported_text, reported_in in settled:
        lines.append(f"    {region} {year} {status:<12} {_short(target_text)}  →  {_short(reported_text)} ({reported_in})")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT / "warehouse" / "demo")
    args = parser.parse_args()
    root = args.root.resolve()
    landing, warehouse = root / "landing", root / "warehouse"
    n = stage_landing(args.corpus, landing)
    print(f"demo: {n} reports from {args.corpus} + sample feeds → {landing}", flush=True)
    code = run_pipeline(landing, warehouse, root / "expectations")
    published = warehouse / "published" / "planwatch.duckdb"
    if code == 0 and published.exists():
        print(outcome_summary(published))
    elif (warehouse / "planwatch.duckdb").exists():
        print("demo: NOT published (see above); outcomes as built, unvalidated:")
        print(outcome_summary(warehouse / "planwatch.duckdb"))
    return code


if __name__ == "__main__":
    sys.exit(main())
