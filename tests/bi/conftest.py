"""One pipeline run on the bundled example, shared by every BI test (a run costs ~25 s or more).

The run is a `planwatch run` subprocess, as a user starts it: an in-process run would leave dbt's
connection to the build database open in the test process, and `make docs` must open that file.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.settings import PROJECT_ROOT

from .pipeline_run import run_pipeline


@pytest.fixture(scope="session")
def bi_warehouse(tmp_path_factory) -> dict[str, Path]:
    """The bundled example published into a fresh warehouse: landing, warehouse and snapshot paths."""
    root = tmp_path_factory.mktemp("bi_warehouse")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(PROJECT_ROOT / "warehouse" / "landing", landing)
    done = run_pipeline(landing, warehouse, root / "expectations")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return {
        "root": root,
        "landing": landing,
        "warehouse": warehouse,
        "expectations": root / "expectations",
        "snapshot": warehouse / "published" / "planwatch.duckdb",
        "parquet": warehouse / "published" / "parquet",
    }
