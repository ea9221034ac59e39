"""Shared fixtures: the real corpus, a temporary warehouse, one Prefect test server per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from flows.settings import PROJECT_ROOT, disable_telemetry

disable_telemetry()

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
BUNDLED_LANDING = PROJECT_ROOT / "warehouse" / "landing"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS}: tests need ../shared beside the repo")
    return CORPUS


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server for the whole session (starting one costs ~10 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A landing folder holding a copy of the bundled example, an empty warehouse, own GX dir."""
    landing = tmp_path / "landing"
    shutil.copytree(BUNDLED_LANDING, landing)
    warehouse = tmp_path / "warehouse"
    expectations = tmp_path / "expectations"
    monkeypatch.setenv("PLANWATCH_LANDING", str(landing))
    monkeypatch.setenv("PLANWATCH_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("PLANWATCH_EXPECTATIONS_DIR", str(expectations))
    return {"landing": landing, "warehouse": warehouse, "expectations": expectations}


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
