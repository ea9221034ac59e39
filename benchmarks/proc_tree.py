"""Peak resident memory of a whole process tree, polled from /proc (Linux; no psutil needed).

A child process (Prefect's temporary server, dbt, a process pool) counts as long as it is alive at a
poll; the sum over the tree at each poll is compared with the peak so far.
"""
from __future__ import annotations

import os
import threading
import time
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
    return sum(tree_rss_by_process(root).values())


def tree_rss_by_process(root: int) -> dict[int, int]:
    """Resident bytes of each live process of the tree of `root`."""
    sizes = {}
    for pid in tree_pids(root):
        try:
            sizes[pid] = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return sizes


def process_label(pid: int, width: int = 70) -> str:
    """A short name of a process: its command line with paths cut to their last part."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return f"pid {pid} (ended)"
    words = [a.decode(errors="replace") for a in args if a]
    label = " ".join(w.rsplit("/", 1)[-1] if w.startswith("/") else w for w in words)
    return label[:width] or f"pid {pid}"


class PeakRss:
    """Poll the tree of `root` every `interval` seconds in a thread until stop()."""

    def __init__(self, root: int, interval: float = 0.2, limit_bytes: int | None = None,
                 on_limit: Callable[[], None] | None = None) -> None:
        self.root, self.interval = root, interval
        self.limit_bytes, self.on_limit = limit_bytes, on_limit
        self.peak_bytes = 0
        self.polls = 0
        self.started = time.monotonic()
        self.peak_at_s: float | None = None  # seconds after start() when the tree was largest
        self.peak_processes: list[tuple[str, int]] = []  # (process, MB) at that poll, largest first
        self.timeline: list[tuple[float, int]] = []  # (seconds, MB of the tree), one sample a timeline_every
        self.timeline_every = 5.0
        self.process_peaks: dict[str, int] = {}  # each process's own largest RSS in MB, by "pid label"
        self.over_limit = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        next_sample = 0.0
        while not self._stop.is_set():
            sizes = tree_rss_by_process(self.root)
            total, now = sum(sizes.values()), time.monotonic() - self.started
            for pid, size in sizes.items():
                key = f"{pid} {process_label(pid)}"  # read each time: a forked child execs its own command
                self.process_peaks[key] = max(self.process_peaks.get(key, 0), round(size / 1e6))
            if total > self.peak_bytes:
                self.peak_bytes, self.peak_at_s = total, round(now, 1)
                self.peak_processes = sorted(((process_label(pid), round(size / 1e6)) for pid, size in sizes.items()),
                                             key=lambda item: -item[1])
            if now >= next_sample:
                self.timeline.append((round(now, 1), round(total / 1e6)))
                next_sample = now + self.timeline_every
            self.polls += 1
            if self.limit_bytes and self.peak_bytes > self.limit_bytes and not self.over_limit:
                self.over_limit = True  # a shared machine: stop the run before it takes the memory of others
                if self.on_limit:
                    self.on_limit()
            self._stop.wait(self.interval)

    def start(self) -> "PeakRss":
        self.started = time.monotonic()
        self._thread.start()
        return self

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_bytes
