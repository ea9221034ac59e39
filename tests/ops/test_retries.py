"""Retries where they help: I/O errors reading landing or publishing retry; a gate never does."""
from __future__ import annotations

from pathlib import Path

from prefect import task

from flows import pipeline
from flows.pipeline import PublicationBlocked, extract_report, publish


def test_a_landing_read_that_fails_once_is_retried_and_succeeds(prefect_harness, tmp_path, monkeypatch):
    calls = []

    def flaky_stage(path: Path, staging_dir: Path):
        calls.append(path)
        if len(calls) == 1:
            raise TimeoutError("network share did not answer")  # an OSError
        return pipeline.StagedReport(doc_id=path.stem, source=str(path), staged=str(staging_dir / "x"), records=3)

    monkeypatch.setattr(pipeline, "stage_report", flaky_stage)
    quick = extract_report.with_options(retry_delay_seconds=0)
    staged = quick(str(tmp_path / "r.txt"), str(tmp_path))
    assert len(calls) == 2 and staged.records == 3


def test_a_landing_read_that_keeps_failing_quarantines_the_report_with_its_cause(prefect_harness, tmp_path,
                                                                                   monkeypatch):
    def unreachable(path: Path, staging_dir: Path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(pipeline, "stage_report", unreachable)
    quick = extract_report.with_options(retry_delay_seconds=0, retries=1)
    state = quick(str(tmp_path / "locked.txt"), str(tmp_path), return_state=True)
    staged = pipeline._staged(str(tmp_path / "locked.txt"), state)
    assert staged.staged is None and staged.error.startswith("PermissionError") and "locked.txt" in staged.error


def test_an_unreadable_report_is_not_retried(prefect_harness, tmp_path, monkeypatch):
    calls = []

    def garbled(path: Path, staging_dir: Path):
        calls.append(path)
        raise ValueError("not a PDF")

    monkeypatch.setattr(pipeline, "stage_report", garbled)
    staged = extract_report.with_options(retry_delay_seconds=0)(str(tmp_path / "scan.pdf"), str(tmp_path))
    assert len(calls) == 1 and staged.error == "ValueError: not a PDF"


gate_calls: list[int] = []


@task(retries=3, retry_delay_seconds=0, retry_condition_fn=pipeline.is_transient)
def gate_that_blocks():
    gate_calls.append(1)
    raise PublicationBlocked("dbt build (tests gate)", ["not_null_x [fail]: 1 row"])


def test_a_gate_is_never_retried_and_publishing_retries_only_io_errors(prefect_harness):
    gate_calls.clear()
    state = gate_that_blocks(return_state=True)
    assert state.is_failed() and gate_calls == [1]
    assert publish.retries == 2 and publish.retry_condition_fn is pipeline.is_transient
