"""No process of a run outlives it, even when the run is killed with SIGKILL.

Prefect starts a temporary API server as a child process and stops it from an `atexit` hook; a
`kill -9` skips that hook and the server runs on as an orphan (one per killed run). So a run marks
its environment with a token that every child inherits, and starts a small watcher beside it that
blocks on a pipe from the run: when the run ends, however it ends, the pipe closes and the watcher
kills every process still carrying the token. Linux only (it reads /proc); elsewhere a no-op.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

TOKEN_VARIABLE = "PLANWATCH_RUN_TOKEN"
_PROC = Path("/proc")


def start_orphan_reaper() -> str | None:
    """Mark this process's environment with a run token and start the watcher; returns the token."""
    if not _PROC.is_dir() or os.environ.get(TOKEN_VARIABLE):
        return os.environ.get(TOKEN_VARIABLE)
    token = uuid.uuid4().hex
    read_end, write_end = os.pipe()
    env = {k: v for k, v in os.environ.items() if k != TOKEN_VARIABLE}
    subprocess.Popen(
        [sys.executable, "-m", "flows.orphans", token, str(read_end)],
        pass_fds=(read_end,), env=env, start_new_session=True,  # Ctrl-C on the run must not kill the watcher first
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(read_end)
    os.set_inheritable(write_end, False)  # only this process holds the pipe open
    os.environ[TOKEN_VARIABLE] = token
    return token


def processes_with_token(token: str) -> list[int]:
    """Pids of the processes whose environment holds this run's token."""
    marker = f"{TOKEN_VARIABLE}={token}".encode()
    found = []
    for entry in _PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # gone already, or not ours
            continue
        if marker in environ.split(b"\0"):
            found.append(int(entry.name))
    return sorted(found)


def reap(token: str) -> list[int]:
    """SIGKILL every process still carrying the token; returns their pids."""
    pids = processes_with_token(token)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return pids


def _watch(token: str, read_fd: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while os.read(read_fd, 1024):  # nothing is ever written: returns b"" when the run's end closes the pipe
        pass
    reap(token)


if __name__ == "__main__":
    _watch(sys.argv[1], int(sys.argv[2]))
