"""Peak resident memory of a whole process tree, polled from /proc (Linux; no psutil needed).

A child process (Prefect's temporary server, dbt, a process pool) counts as long as it is alive at a
poll; the sum over the tree at each poll is compared with the peak so far.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

PAGE = os.sysconf("SC_PAGE_SIZE")


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # the command name may hold spaces and parentheses: fields start after the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def tree_pids(root: int) -> list[int]:
    children = _children_map()
    pids, stack = [], [root]
    while stack:
        pid = stack.pop()
        pids.append(pid)
        stack.extend(children.get(pid, []))
    return pids


def tree_rss_bytes(root: int) -> int:
    total = 0
    for pid in tree_pids(root):
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


class PeakRss:
    """Poll the tree of `root` every `interval` seconds in a thread until stop()."""

    def __init__(self, root: int, interval: float = 0.2, limit_bytes: int | None = None,
                 on_limit: Callable[[], None] | None = None) -> None:
        self.root, self.interval = root, interval
        self.limit_bytes, self.on_limit = limit_bytes, on_limit
        self.peak_bytes = 0
        self.polls = 0
        self.over_limit = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(self.root))
            self.polls += 1
            if self.limit_bytes and self.peak_bytes > self.limit_bytes and not self.over_limit:
                self.over_limit = True  # a shared machine: stop the run before it takes the memory of others
                if self.on_limit:
                    self.on_limit()
            self._stop.wait(self.interval)

    def start(self) -> "PeakRss":
        self._thread.start()
        return self

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_bytes
