"""One writer per warehouse folder: busy, wait, stale lock take-over, re-entrance."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from flows.runs.lock import LOCK_NAME, LockHolder, WarehouseBusy, read_holder, warehouse_lock

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from flows.runs.lock import warehouse_lock
    with warehouse_lock(Path(sys.argv[1]), sys.argv[2]):
        print("held", flush=True)
        time.sleep(float(sys.argv[3]))
""")


def hold_in_child(warehouse: Path, run_id: str, seconds: float) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(warehouse), run_id, str(seconds)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "held"
    return child


def test_second_writer_is_refused_with_the_holders_run_id_pid_and_start(tmp_path):
    child = hold_in_child(tmp_path, "run-first", 30)
    try:
        with pytest.raises(WarehouseBusy) as busy:
            with warehouse_lock(tmp_path, "run-second"):
                pytest.fail("entered a held warehouse")
        holder = busy.value.holder
        assert (holder.run_id, holder.pid) == ("run-first", child.pid)
        message = str(busy.value)
        assert "run-first" in message and f"pid {child.pid}" in message and holder.started in message
    finally:
        child.kill()
        child.wait()


def test_second_writer_that_waits_runs_once_the_first_is_done(tmp_path):
    child = hold_in_child(tmp_path, "run-first", 1.5)
    t0 = time.monotonic()
    with warehouse_lock(tmp_path, "run-second", wait_seconds=60):
        waited = time.monotonic() - t0
        assert read_holder(tmp_path / LOCK_NAME).run_id == "run-second"
    child.wait()
    assert 0.5 < waited < 30


def test_lock_of_a_killed_run_is_taken_over_and_reported(tmp_path):
    child = hold_in_child(tmp_path, "run-killed", 60)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stale: list[LockHolder] = []
    with warehouse_lock(tmp_path, "run-next", on_stale=stale.append):
        pass
    assert [(h.run_id, h.pid) for h in stale] == [("run-killed", child.pid)]
    assert read_holder(tmp_path / LOCK_NAME) is None  # released cleanly: nothing stale for the next run


def test_lock_is_reentrant_within_one_process_for_subflows(tmp_path):
    with warehouse_lock(tmp_path, "pipeline"):
        with warehouse_lock(tmp_path, "feeds-subflow"):
            assert read_holder(tmp_path / LOCK_NAME).run_id == "pipeline"
        assert read_holder(tmp_path / LOCK_NAME).run_id == "pipeline"
    with warehouse_lock(tmp_path, "after"):
        pass
