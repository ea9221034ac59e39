"""Turning one report file into loadable rows: ingest, extract, find unread figures. No Prefect here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flows.extract import extract_document_with_unread
from flows.extract.records import Record, UnreadSentence
from flows.ingest import ingest_file
from flows.ingest.document import Document
from flows.ingest.landing import is_inside

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class ProcessedReport:
    document: Document
    records: list[Record]
    unread: list[UnreadSentence]


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

