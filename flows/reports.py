"""Turning one report file into loadable rows: ingest, extract, find unread figures. No Prefect here.

Extraction and loading are apart (extraction may run on other processes or machines), and what
passes between them is a file, never the records themselves: `stage_report` writes a report's rows
(flows/warehouse/report_rows.py: built on the worker, so the one writer only inserts) under the
warehouse's staging folder and returns its path and counts.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from flows.extract import EXTRACTOR_VERSION, extract_document_with_unread
from typing import Iterator

from flows.extract.records import Record, UnreadSentence
from flows.ingest import ingest_file
from flows.ingest.document import Document
from flows.ingest.landing import is_inside
from flows.warehouse.report_rows import ReportRows, report_rows

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
# Below this many reports to extract, starting worker processes (each imports the extractor, ~2 s)
# costs more than it saves: the run extracts in its own process unless told otherwise.
POOL_MIN_REPORTS = 20


@dataclass(frozen=True)
class ProcessedReport:
    document: Document
    records: list[Record]
    unread: list[UnreadSentence]


@dataclass(frozen=True)
class StagedReport:
    """A report after extraction: where its processed form waits for loading, and how much it holds."""

    doc_id: str
    source: str  # the report's path in landing
    staged: str | None  # the staged file; None when the report could not be read
    records: int = 0
    unread: int = 0
    error: str | None = None  # why the report could not be read (it goes to quarantine)


def discover_reports(reports_dir: Path) -> list[Path]:
    """Report files in the landing folder; sidecars (*.meta.json) and hidden files are not reports."""
    if not reports_dir.is_dir():
        return []
    return sorted(p for p in reports_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith(".")
                  and is_inside(p, reports_dir.parent))  # a link leaving landing is refused (raw.quarantine)


def process_report(path: Path) -> ProcessedReport:
    document = ingest_file(path)
    records, unread = extract_document_with_unread(document)
    return ProcessedReport(document=document, records=records, unread=unread)


def stage_report(path: Path, staging_dir: Path) -> StagedReport:
    """Process one report and write its rows to `<staging_dir>/<file name>.pickle` (atomically): the whole
    file name, not the document id, so two files sharing a stem (x.txt, x.docx) never share a staged file."""
    processed = process_report(path)
    rows = report_rows(processed.document, processed.records, processed.unread, EXTRACTOR_VERSION)
    staging_dir.mkdir(parents=True, exist_ok=True)
    target = staging_dir / f"{path.name}.pickle"
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    with partial.open("wb") as handle:
        pickle.dump(rows, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, target)
    return StagedReport(doc_id=path.stem, source=str(path), staged=str(target),
                        records=len(processed.records), unread=len(processed.unread))


def read_staged(staged: StagedReport) -> ReportRows:
    """The rows a `stage_report` call wrote (a file this run's own tasks made)."""
    with open(staged.staged, "rb") as handle:
        return pickle.load(handle)


def extraction_processes(requested: int | None, pending: int, cores: int | None = None) -> int:
    """How many processes extract: `requested` when given (0 or 1: the run's own process), else one per
    core once there are enough reports to pay for starting them."""
    if requested is not None:
        return max(0, requested) if requested > 1 else 0
    cores = cores or os.cpu_count() or 1
    return min(cores, pending) if cores > 1 and pending >= POOL_MIN_REPORTS else 0


def unreadable(path: Path, exc: BaseException) -> StagedReport:
    """A report that could not be read, with the reason it goes to quarantine under."""
    return StagedReport(doc_id=path.stem, source=str(path), staged=None, error=f"{type(exc).__name__}: {exc}")


def stage_or_set_aside(path: Path, staging_dir: Path, retries: int, retry_delay_seconds: float) -> StagedReport:
    """`stage_report`, retrying I/O errors (landing may be a network share); any file that still cannot be
    read comes back with its reason, so one bad report never stops the others. The pool's counterpart of
    the Prefect task `extract_report`, whose retries do the same where Prefect runs each report."""
    for attempt in range(retries + 1):
        try:
            return stage_report(path, staging_dir)
        except OSError as exc:
            if attempt == retries:
                return unreadable(path, exc)
            time.sleep(retry_delay_seconds)
        except Exception as exc:
            return unreadable(path, exc)
    raise AssertionError("unreachable")


def stage_on_processes(paths: list[Path], staging_dir: Path, workers: int, retries: int,
                       retry_delay_seconds: float) -> Iterator[StagedReport]:
    """Stage reports on `workers` processes, yielding each as it finishes (in no fixed order).

    Processes are spawned, not forked: the run's process holds Prefect's client threads, which a fork
    would copy mid-flight. Each worker imports the extractor once and then takes report after report.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(stage_or_set_aside, path, staging_dir, retries, retry_delay_seconds): path
                   for path in paths}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # the worker itself died (killed, out of memory): that report is set aside
                yield unreadable(futures[future], exc)
