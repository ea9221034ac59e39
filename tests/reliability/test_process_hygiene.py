"""Below the flow: the fault switch, the orphan reaper, stale publish temporaries, oversized reports."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from flows.faults import FAULT_POINTS, FAULT_VARIABLE, fault_point
from flows.ingest import UnreadableDocument, ingest_file
from flows.settings import Settings
from flows.warehouse.publish import remove_stale_temporaries

from .runs import survivors_after


def test_fault_points_are_no_ops_unless_armed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FAULT_VARIABLE, raising=False)
    for point in FAULT_POINTS:
        fault_point(point)  # still alive


def test_an_unknown_fault_point_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown fault point"):
        fault_point("mid-lunch")


def test_an_armed_fault_point_kills_the_process_with_sigkill() -> None:
    code = "from flows.faults import fault_point; fault_point('mid-publish'); print('survived')"
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, FAULT_VARIABLE: "mid-publish"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL and "survived" not in done.stdout


def test_children_of_a_run_killed_with_sigkill_are_reaped(tmp_path: Path) -> None:
    """A stand-in for `planwatch run`: start the reaper, start a long-lived child (as Prefect starts
    its temporary server), then die by SIGKILL, skipping every atexit hook."""
    marker = f"HYGIENE_MARKER={tmp_path}"
    script = textwrap.dedent("""
        import os, signal, subprocess, sys, time
        from flows.orphans import start_orphan_reaper
        start_orphan_reaper()
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        print(child.pid, flush=True)
        time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = {**os.environ, "HYGIENE_MARKER": str(tmp_path)}
    env.pop("PLANWATCH_RUN_TOKEN", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    child = int(done.stdout.split()[0])
    assert survivors_after(marker, grace=15) == []
    time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1][:3]


def test_flow_runs_of_planwatch_serve_killed_with_sigkill_are_reaped(tmp_path: Path) -> None:
    """`planwatch serve` runs each scheduled flow run as a child process; a stand-in serve loop starts
    one and then serve dies by SIGKILL: the flow run must not run on unattended."""
    marker = f"HYGIENE_MARKER={tmp_path}"
    script = textwrap.dedent("""
        import os, signal, subprocess, sys, time
        import flows.deployments

        def serve_one_run_then_die(specs, limit=None):
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
            print(child.pid, flush=True)
            time.sleep(0.5)
            os.kill(os.getpid(), signal.SIGKILL)

        flows.deployments.serve_deployments = serve_one_run_then_die
        from flows.cli import main
        main(["serve"])
    """)
    env = {**os.environ, "HYGIENE_MARKER": str(tmp_path), "PREFECT_API_URL": "http://127.0.0.1:9/api",
           "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PLANWATCH_RUN_TOKEN", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    child = int(done.stdout.split()[-1])
    assert survivors_after(marker, grace=15) == []
    time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1][:3]


def test_stale_publish_temporaries_are_removed_and_the_snapshot_kept(tmp_path: Path) -> None:
    settings = Settings(landing_dir=tmp_path / "landing", warehouse_dir=tmp_path / "warehouse")
    published = settings.published_dir
    published.mkdir(parents=True)
    keep = [published / "planwatch.duckdb", published / "parquet-20261205T000000Z-aaaaaa"]
    keep[0].write_bytes(b"snapshot")
    keep[1].mkdir()
    stale = [published / ".planwatch.20261205T010101Z-bbbbbb.duckdb.tmp",
             published / ".planwatch.20261205T010101Z-bbbbbb.duckdb.tmp.wal",
             published / ".parquet.20261205T010101Z-bbbbbb.link"]
    for path in stale:
        path.write_bytes(b"half")
    assert sorted(remove_stale_temporaries(settings)) == sorted(stale)
    assert all(p.exists() for p in keep) and not any(p.exists() for p in stale)


def test_a_20_mb_text_report_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(20 * 2**20)  # sparse: costs no disk
    started = time.perf_counter()
    with pytest.raises(UnreadableDocument, match=r"file is 20\.0 MB, larger than the 8 MB a text report may be"):
        ingest_file(huge)
    assert time.perf_counter() - started < 1.0


def test_run_with_a_landing_folder_that_does_not_exist_exits_1_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWATCH_")}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--landing", str(missing),
                           "--warehouse", str(tmp_path / "warehouse")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert f"the landing folder {missing} does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "warehouse").exists()  # nothing started, nothing written
