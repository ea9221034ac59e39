"""Running `planwatch run` as a user does (a subprocess, its own PREFECT_HOME) and reading what it left."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.settings import PROJECT_ROOT

BUNDLED_LANDING = PROJECT_ROOT / "warehouse" / "landing"
RESULTS_DIR = PROJECT_ROOT / "tests" / "output"  # the suite's tables (git-ignored)


@dataclass(frozen=True)
class Workspace:
    root: Path
    landing: Path
    warehouse: Path

    @property
    def expectations(self) -> Path:
        return self.warehouse / "expectations"

    @property
    def published_db(self) -> Path:
        return self.warehouse / "published" / "planwatch.duckdb"

    @property
    def build_db(self) -> Path:
        return self.warehouse / "planwatch.duckdb"

    @property
    def marker(self) -> str:
        """An environment entry only this workspace's runs (and their children) carry."""
        return f"PLANWATCH_EXPECTATIONS_DIR={self.expectations}"


def run_env(ws: Workspace, prefect_home: Path, fault: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLANWATCH_", "PREFECT_"))}
    env.update({
        "PREFECT_HOME": str(prefect_home),
        "PLANWATCH_EXPECTATIONS_DIR": str(ws.expectations),
        # a shared CI machine can take longer than Prefect's 20 s default to start its temporary server
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    })
    if fault:
        env["PLANWATCH_FAULT"] = fault
    return env


def planwatch_run(ws: Workspace, prefect_home: Path, fault: str | None = None,
                  timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", "--landing", str(ws.landing), "--warehouse", str(ws.warehouse)],
        capture_output=True, text=True, env=run_env(ws, prefect_home, fault), timeout=timeout, cwd=ws.root,
        stdin=subprocess.DEVNULL,
    )


def processes_carrying(marker: str) -> list[int]:
    """Pids of live processes whose environment holds `marker` (the runs of one workspace)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes().split(b"\0"):
                status = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if status != "Z":  # a zombie is dead, only not yet waited for by its parent
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def survivors_after(marker: str, grace: float = 10.0) -> list[int]:
    """Processes of a finished or killed run still alive after `grace` seconds (the reaper's time)."""
    deadline = time.monotonic() + grace
    while True:
        alive = processes_carrying(marker)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def mart_contents(database: Path) -> dict[str, list[str]]:
    """Every mart's rows, sorted, without the columns that record when a run happened."""
    with duckdb.connect(str(database), read_only=True) as con:
        columns = con.execute(
            "select table_name, list(column_name order by ordinal_position) filter "
            "(where data_type not like 'TIMESTAMP%' and column_name not like '%run_id%') "
            "from information_schema.columns where table_schema = 'marts' group by table_name").fetchall()
        return {table: sorted(map(repr, con.execute(
                    f"select {', '.join(cols)} from marts.{table}").fetchall()))
                for table, cols in sorted(columns)}


def listing(root: Path, skip: tuple[Path, ...] = ()) -> dict[str, tuple[int, int]]:
    """path -> (size, mtime_ns) of every file and link under `root`, links not followed."""
    out = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        if any(here == s or s in here.parents for s in skip):
            dirs[:] = []
            continue
        for name in dirs + files:
            if here / name in skip:
                continue
            st = (here / name).lstat()
            out[str(here / name)] = (st.st_size if not os.path.isdir(here / name) else 0, st.st_mtime_ns)
    return out


def write_result_table(name: str, header: list[str], rows: list[list], note: str = "") -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    path = RESULTS_DIR / f"{name}.md"
    path.write_text((note + "\n\n" if note else "") + "\n".join(lines) + "\n", encoding="utf-8")
    return path
