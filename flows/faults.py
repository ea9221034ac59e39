"""A test-only fault switch: SIGKILL this process at a named point of a run.

`PLANWATCH_FAULT=mid-publish planwatch run` dies like a `kill -9` in the middle of publishing, so the
crash-safety suite (tests/reliability/test_crash_safety.py) can prove that the next run converges,
that no temporary file and no process of the killed run survive, and that the published snapshot is
always a complete, validated one. Unset (always, outside that suite) every point is a no-op.
"""
from __future__ import annotations

import os
import signal

FAULT_VARIABLE = "PLANWATCH_FAULT"
FAULT_POINTS = ("mid-report-load", "mid-feed-load", "mid-dbt", "mid-validation", "mid-publish")


def armed(point: str) -> bool:
    return os.environ.get(FAULT_VARIABLE) == point


def fault_point(point: str) -> None:
    """Die here, at once and without cleanup, when the switch names this point."""
    if point not in FAULT_POINTS:
        raise ValueError(f"unknown fault point {point!r}")
    if armed(point):
        os.kill(os.getpid(), signal.SIGKILL)
