"""Extraction on local processes: how many, what a bad file or a flaky share gives, and the same rows."""
from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from flows import reports
from flows.reports import (
    POOL_MIN_REPORTS, extraction_processes, read_staged, stage_on_processes, stage_or_set_aside, stage_report,
)

BUNDLED = Path(__file__).resolve().parents[2] / "warehouse" / "landing" / "reports"


@pytest.mark.parametrize("requested, pending, cores, expected", [
    (None, POOL_MIN_REPORTS, 2, 2),  # enough reports: one process per core
    (None, POOL_MIN_REPORTS - 1, 2, 0),  # too few to pay for starting processes
    (None, 500, 1, 0),  # one core: no pool
    (None, 500, 8, 8),
    (3, 1, 2, 3),  # asked for: given, even for one report
    (1, 500, 2, 0),  # one process is the run's own
    (0, 500, 2, 0),
])
def test_how_many_processes_extract(requested, pending, cores, expected):
    assert extraction_processes(requested, pending, cores) == expected


def test_a_flaky_share_is_retried_and_a_garbled_file_is_set_aside_at_once(tmp_path, monkeypatch):
    calls: list[str] = []

    def flaky(path: Path, staging_dir: Path):
        calls.append(path.name)
        if path.name == "garbled.pdf":
            raise ValueError("not a PDF")
        if calls.count(path.name) < 3:
            raise TimeoutError("network share did not answer")  # an OSError
        return reports.StagedReport(doc_id=path.stem, source=str(path), staged="x", records=1)

    monkeypatch.setattr(reports, "stage_report", flaky)
    assert stage_or_set_aside(tmp_path / "r.txt", tmp_path, retries=2, retry_delay_seconds=0).records == 1
    assert calls == ["r.txt"] * 3
    lost = stage_or_set_aside(tmp_path / "gone.txt", tmp_path, retries=1, retry_delay_seconds=0)
    assert lost.staged is None and lost.error == "TimeoutError: network share did not answer"
    assert calls.count("gone.txt") == 2
    garbled = stage_or_set_aside(tmp_path / "garbled.pdf", tmp_path, retries=5, retry_delay_seconds=0)
    assert garbled.error == "ValueError: not a PDF" and calls.count("garbled.pdf") == 1


def test_the_pool_stages_the_same_rows_as_this_process_and_sets_a_bad_file_aside(tmp_path):
    landing = tmp_path / "reports"
    landing.mkdir()
    for report in BUNDLED.glob("*.txt"):
        shutil.copy(report, landing / report.name)
        shutil.copy(report, landing / f"copy_{report.name}")
    (landing / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    paths = sorted(landing.iterdir())
    pooled = {Path(s.source).name: s for s in stage_on_processes(paths, tmp_path / "pool", 2, 0, 0)}
    assert set(pooled) == {p.name for p in paths}
    assert pooled["scan.pdf"].staged is None and pooled["scan.pdf"].error
    for path in paths:
        if path.suffix == ".txt":
            here = stage_report(path, tmp_path / "here")
            assert pooled[path.name].records == here.records > 0
            assert pickle.dumps(read_staged(pooled[path.name])) == pickle.dumps(read_staged(here))
