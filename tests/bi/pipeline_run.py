"""`planwatch run` as a subprocess, as a user starts it (the BI tests' runs)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLANWATCH = Path(sys.executable).parent / "planwatch"


def run_pipeline(landing: Path, warehouse: Path, expectations: Path) -> subprocess.CompletedProcess:
    # The temporary Prefect server a CLI run starts gets longer than its 20 s default on a busy CI machine.
    env = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120", **os.environ,
           "PLANWATCH_EXPECTATIONS_DIR": str(expectations)}
    return subprocess.run([str(PLANWATCH), "run", "--landing", str(landing), "--warehouse", str(warehouse)],
                          env=env, capture_output=True, text=True, timeout=900)
