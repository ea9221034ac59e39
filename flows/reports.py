"""Turning one report file into loadable rows: ingest, extract, find unread figures. No Prefect here.

Extraction and loading are apart (extraction may run on other processes or machines), and what
passes between them is a file, never the records themselves: `stage_report` writes a report's rows
(flows/warehouse/report_rows.py: built on the worker, so the one writer only inserts) under the
warehouse's staging folder and returns its path and counts.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from flows.extract import EXTRACTOR_VERSION, extract_document_with_unread
from flows.extract.records import Record, UnreadSentence
from flows.ingest import ingest_file
from flows.ingest.document import Document
from flows.ingest.landing import is_inside
from flows.warehouse.report_rows import ReportRows, report_rows

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


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
