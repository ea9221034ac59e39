"""Stub: to be implemented."""
from __future__ import annotations

from flows.extract.records import Record
from flows.ingest.document import Document


def extract_projects(doc: Document) -> list[Record]:
    return []
