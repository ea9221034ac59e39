"""One writer per warehouse folder: an advisory lock on `<warehouse>/.planwatch.lock`.

The lock is an `flock` on the file, so the kernel releases it when the holding process dies,
however it dies: a lock left by a killed run never blocks the next one. The file also names its
holder (run id, pid, host, start time) so a second run can say who it is waiting for; a holder
record found in a file whose lock was free is a stale lock from a killed run, taken over and logged.

The lock is re-entrant within one process (the pipeline runs the feeds flow as a subflow, and both
take it). Note: `flock` is reliable on local disks; on NFS it depends on the server — keep the
warehouse folder on a local or lock-honouring file system.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

LOCK_NAME = ".planwatch.lock"
_POLL_SECONDS = 0.5

_held: dict[Path, int] = {}  # lock path -> depth, for re-entrance within this process
_held_guard = threading.Lock()


@dataclass(frozen=True)
class LockHolder:
    run_id: str
    pid: int
    host: str
    started: str  # ISO time, UTC

    def describe(self) -> str:
        return f"run {self.run_id} (pid {self.pid} on {self.host}, started {self.started})"


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse: an expected outcome, not a failure of this run's data."""

    def __init__(self, warehouse_dir: Path, holder: LockHolder | None, waited: float) -> None:
        self.warehouse_dir, self.holder, self.waited = warehouse_dir, holder, waited
        who = holder.describe() if holder else "another run (holder unknown)"
        after = f" after waiting {waited:.0f}s" if waited else ""
        super().__init__(f"warehouse {warehouse_dir} is busy{after}: {who} is writing it")


def read_holder(lock_path: Path) -> LockHolder | None:
    try:
        return LockHolder(**json.loads(lock_path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None  # empty (released) or unreadable


@contextmanager
def warehouse_lock(warehouse_dir: Path, run_id: str, wait_seconds: float = 0.0,
                   on_stale: Callable[[LockHolder], None] | None = None) -> Iterator[None]:
    """Hold the warehouse for this run; wait up to `wait_seconds`, then raise `WarehouseBusy`.

    `on_stale` is called with the holder record of a killed run whose lock this run took over.
    """
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    lock_path = (warehouse_dir / LOCK_NAME).resolve()
    with _held_guard:
        if lock_path in _held:
            _held[lock_path] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                _held[lock_path] -= 1
        return

    handle = open(lock_path, "a+", encoding="utf-8")
    try:
        deadline = time.monotonic() + max(wait_seconds, 0.0)
        started_waiting = time.monotonic()
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(warehouse_dir, read_holder(lock_path),
                                        time.monotonic() - started_waiting) from None
                time.sleep(_POLL_SECONDS)
        stale = read_holder(lock_path)
        if stale is not None and on_stale is not None:
            on_stale(stale)
        holder = LockHolder(run_id=run_id, pid=os.getpid(), host=socket.gethostname(),
                            started=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(asdict(holder)))
        handle.flush()
        with _held_guard:
            _held[lock_path] = 1
        try:
            yield
        finally:
            with _held_guard:
                _held.pop(lock_path, None)
            handle.seek(0)
            handle.truncate()  # an empty file = released cleanly; a holder record left = killed
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()
